-- The version of one per-article stage that produced each article's rows.
with stages as (
    select * from article_stages where stage = ?
),

final as (
    select article_id, version from stages
)

select * from final
