-- One story's row of the stories view.
with final as (
    select story_id, title, first_date, last_date, articles, outlets, statements, disagreements,
           outlet_names, undated_articles
    from stories
    where story_id = $story_id
)

select * from final
