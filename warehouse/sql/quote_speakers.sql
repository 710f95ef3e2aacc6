-- Quotes with a speaker, for linking speakers to entities.
with quotes_in as (
    select quote_id, article_id, speaker from quotes where speaker is not null
),

final as (
    select * from quotes_in
)

select * from final order by quote_id
