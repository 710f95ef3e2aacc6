-- Remove one per-article stage's rows for the articles in the temp table stage_articles(article_id).
-- {table} is substituted from the fixed list warehouse/store.py STAGE_TABLES, never from input.
delete from {table} where article_id in (select article_id from stage_articles)
