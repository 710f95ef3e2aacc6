-- The quotations holding any blocking key of the registered relation wanted_keys(key): an LSH
-- band of their words (statement_keys), or their article's story ('story:<story_id>').
with wanted as (
    select key from wanted_keys
),

articles_in as (
    select article_id, story_id, published_date, source_path from articles
),

by_band as (
    select k.key, k.quote_id from statement_keys as k where k.key in (select key from wanted)
),

by_story as (
    select 'story:' || a.story_id as key, q.quote_id
    from quotes as q
    inner join articles_in as a using (article_id)
    where 'story:' || a.story_id in (select key from wanted) and q.quote_type <> 'transcript'
),

final as (
    select m.key, q.quote_id, q.quote_text, a.story_id, a.published_date, a.source_path, q.start_char
    from (select * from by_band union all select * from by_story) as m
    inner join quotes as q using (quote_id)
    inner join articles_in as a on a.article_id = q.article_id
    where q.quote_type <> 'transcript'
)

select * from final order by key, quote_id
