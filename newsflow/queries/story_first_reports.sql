-- What in one story (or, with a NULL $story_id, in every story) several outlets reported, and which
-- article reported it first.
with final as (
    select story_id, item_type, item_key, wording, speaker, category, subject, unit, value, first_article_id,
           first_outlet, first_published_date, first_title, first_outlets, article_count, outlet_count
    from first_reports
    where ($story_id is null or story_id = $story_id) and outlet_count >= $min_outlets
)

select * from final
order by story_id, item_type desc, outlet_count desc, first_published_date nulls last, item_key
