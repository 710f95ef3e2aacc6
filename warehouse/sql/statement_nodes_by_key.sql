-- The statement nodes holding any blocking key of the registered relation wanted_keys(key): an
-- LSH band of their words, or a story one of their quotations comes from ('story:<story_id>').
with wanted as (
    select key from wanted_keys
),

by_band as (
    select distinct key, node_id from statement_keys where key in (select key from wanted)
),

by_story as (
    select distinct 'story:' || a.story_id as key, k.node_id
    from statement_keys as k
    inner join articles as a using (article_id)
    where k.key is not null and 'story:' || a.story_id in (select key from wanted)
),

final as (
    select * from by_band union select * from by_story
)

select * from final order by key, node_id
