-- One story's (or, with a NULL $story_id, every story's) articles in the order the coverage came
-- out.
with final as (
    select story_id, coverage_order, article_id, outlet, published_date, first_to_report, title, author, url,
           word_count, duplicate_of
    from story_articles
    where ($story_id is null or story_id = $story_id)
)

select * from final order by story_id, coverage_order
