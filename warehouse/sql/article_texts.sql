-- Every article's text, by id.
with articles_in as (
    select article_id, text from articles
),

final as (
    select * from articles_in
)

select * from final order by article_id
