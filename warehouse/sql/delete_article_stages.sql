-- Forget which version of a stage produced the rows of the articles in stage_articles(article_id).
delete from article_stages where stage = ? and article_id in (select article_id from stage_articles)
