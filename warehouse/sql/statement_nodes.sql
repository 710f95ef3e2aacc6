-- The statement nodes whose ids are in the registered relation wanted_ids(id): one quotation's
-- text (they all have the node's content words) and the stories of all its quotations.
-- {prefix} is '' for the current state or 'prev_' for the previous snapshot (from code).
with keys_in as (
    select distinct node_id, quote_id, article_id from {prefix}statement_keys
    where node_id in (select id from wanted_ids)
),

final as (
    select
        k.node_id,
        any_value(q.quote_text) as quote_text,
        list(distinct a.story_id) filter (where a.story_id is not null) as stories
    from keys_in as k
    inner join {prefix}quotes as q using (quote_id)
    inner join {prefix}articles as a on a.article_id = k.article_id
    group by k.node_id
)

select * from final order by node_id
