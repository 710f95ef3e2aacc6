-- One story's (or, with a NULL $story_id, every story's) shared statements, one row per outlet's
-- wording; the statements most outlets carried first.
with final as (
    select story_id, statement_id, speaker, outlet_count, article_count, first_published_date, first_outlets,
           version_order, outlet, published_date, carried_first, quote_text, speaker_as_reported,
           article_id, quote_id
    from story_statements
    where ($story_id is null or story_id = $story_id)
)

select * from final
order by story_id, outlet_count desc, first_published_date nulls last, statement_id, version_order
