-- The story ids equal to, or starting with, what the user typed (at most two: enough to tell
-- a unique match from an ambiguous one).
with articles_in as (
    select distinct story_id from articles where starts_with(story_id, $prefix)
),

final as (
    select story_id from articles_in order by story_id <> $prefix, story_id limit 2
)

select * from final
