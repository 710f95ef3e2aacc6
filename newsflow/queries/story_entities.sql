-- One story's (or, with a NULL $story_id, every story's) most mentioned entities, with each
-- outlet's mentions.
with final as (
    select story_id, entity_rank, entity_id, canonical_name, entity_type, story_mentions, story_outlets, outlet,
           outlet_mentions
    from story_entities
    where ($story_id is null or story_id = $story_id) and entity_rank <= $top
)

select * from final order by story_id, entity_rank, outlet_mentions desc, outlet
