-- story_articles: the coverage of each story, one row per article with its outlet and date, in the
-- order the coverage came out (earliest date first; undated articles last).
create or replace view story_articles as
with articles_in as (
    select
        article_id,
        story_id,
        -- the outlet as every cross-source view names it: the site, else the file it came from
        coalesce(source_name, source_path) as outlet,
        published_date,
        title,
        author,
        url,
        word_count,
        duplicate_of
    from articles
    where story_id is not null
),

ordered as (
    select
        *,
        row_number() over (
            partition by story_id order by published_date nulls last, outlet, article_id
        )::integer as coverage_order,
        min(published_date) over (partition by story_id) as story_first_date
    from articles_in
),

final as (
    select
        story_id,
        coverage_order,
        article_id,
        outlet,
        published_date,
        published_date = story_first_date as first_to_report,
        title,
        author,
        url,
        word_count,
        duplicate_of
    from ordered
)

select * from final
;
comment on view story_articles is 'The coverage of each story: one row per article with its outlet and date, numbered in the order the coverage came out (earliest date first, undated articles last). Filter on story_id.';
comment on column story_articles.story_id is 'The story (articles.story_id).';
comment on column story_articles.coverage_order is '1 for the story''s earliest article, then by date (undated last), outlet and article_id.';
comment on column story_articles.article_id is 'The article (-> articles).';
comment on column story_articles.outlet is 'The outlet: articles.source_name, else the source file''s path.';
comment on column story_articles.published_date is 'Publication date, or NULL when unknown.';
comment on column story_articles.first_to_report is 'True when the article came out on the story''s first known date; NULL when its date is unknown.';
comment on column story_articles.title is 'Headline, or NULL.';
comment on column story_articles.author is 'Byline, or NULL.';
comment on column story_articles.url is 'Canonical URL, or NULL.';
comment on column story_articles.word_count is 'Words in the article text.';
comment on column story_articles.duplicate_of is 'article_id of the earlier copy this article repeats, or NULL.';
