-- One story's (or, with a NULL $story_id, every story's) disagreeing figures, one row per figure,
-- grouped by kind.
with final as (
    select story_id, category, subject, unit, kind_low, kind_high, kind_outlets, figure_order, figure_id,
           article_id, outlet, published_date, title, value, qualifier, surface
    from story_disagreements
    where ($story_id is null or story_id = $story_id)
)

select * from final order by story_id, kind_outlets desc, category, subject, unit, figure_order
