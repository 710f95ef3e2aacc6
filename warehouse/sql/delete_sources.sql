-- Remove every row that came from the source files in the temp table doomed_sources(source_path):
-- their articles, everything derived from those articles, their rejections and their manifest rows.
create or replace temp table doomed_articles as
    select article_id from articles where source_path in (select source_path from doomed_sources);
delete from quotes where article_id in (select article_id from doomed_articles);
delete from figures where article_id in (select article_id from doomed_articles);
delete from entity_mentions where article_id in (select article_id from doomed_articles);
delete from ner_mentions where article_id in (select article_id from doomed_articles);
delete from article_stages where article_id in (select article_id from doomed_articles);
delete from articles where article_id in (select article_id from doomed_articles);
delete from rejected_files where source_path in (select source_path from doomed_sources);
delete from source_files where source_path in (select source_path from doomed_sources);
