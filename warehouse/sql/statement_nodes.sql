-- The quotations whose ids are in the registered relation wanted_quotes(quote_id), with what
-- statement grouping needs of their articles (transcript lines are not statements).
with quotes_in as (
    select * from quotes where quote_id in (select quote_id from wanted_quotes)
),

articles_in as (
    select article_id, story_id, published_date, source_path from articles
),

final as (
    select q.quote_id, q.quote_text, a.story_id, a.published_date, a.source_path, q.start_char
    from quotes_in as q
    inner join articles_in as a using (article_id)
    where q.quote_type <> 'transcript'
)

select * from final order by quote_id
