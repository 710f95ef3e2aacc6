-- The quotations of the articles in the registered relation changed_articles(id), as statement
-- nodes. {quotes} and {articles} are the current views or the previous snapshot's (prev_*),
-- filled in from a fixed list in code.
with quotes_in as (
    select * from {quotes} where article_id in (select id from changed_articles)
),

articles_in as (
    select article_id, story_id, published_date, source_path from {articles}
),

final as (
    select q.quote_id, q.quote_text, a.story_id, a.published_date, a.source_path, q.start_char
    from quotes_in as q
    inner join articles_in as a using (article_id)
    where q.quote_type <> 'transcript'
)

select * from final order by quote_id
