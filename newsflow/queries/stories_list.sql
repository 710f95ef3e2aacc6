-- Every story for listing, newest first (by last date; undated stories last).
with stories_in as (
    select * from stories
),

final as (
    select story_id, title, first_date, last_date, articles, outlets, statements, disagreements,
           outlet_names, undated_articles
    from stories_in
)

select * from final
order by last_date desc nulls last, first_date desc nulls last, articles desc, story_id
