-- One story's most mentioned entities, with each outlet's mentions.
with final as (
    select entity_rank, entity_id, canonical_name, entity_type, story_mentions, story_outlets, outlet,
           outlet_mentions
    from story_entities
    where story_id = $story_id and entity_rank <= $top
)

select * from final order by entity_rank, outlet_mentions desc, outlet
