-- Write corpus-level story columns from the registered relation story_assignments.
update articles
set story_id = story_assignments.story_id,
    duplicate_of = story_assignments.duplicate_of
from story_assignments
where articles.article_id = story_assignments.article_id;
