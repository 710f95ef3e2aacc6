-- stories: one row per story, for listing them: its headline, first and last date, how many
-- articles and outlets covered it, the statements several outlets carried and the kinds of
-- figure on which outlets disagree.
create or replace view stories as
-- Reads only the contract's tables and figure_disagreements (views are created in name order),
-- each CTE read once or not materialized, so a filter on story_id reaches the scans.
with articles_in as not materialized (
    select article_id, story_id, coalesce(source_name, source_path) as outlet, published_date, title
    from articles
    where story_id is not null
),

quotes_in as (
    select article_id, statement_id from quotes where statement_id is not null
),

per_story as (
    select
        story_id,
        -- the headline of the earliest article that has one (story_articles' coverage order)
        arg_min(title, {'day': coalesce(published_date, date '9999-12-31'), 'outlet': outlet,
                        'article_id': article_id}) filter (where title is not null) as title,
        min(published_date) as first_date,
        max(published_date) as last_date,
        count(*)::integer as articles,
        count(distinct outlet)::integer as outlets,
        list(distinct outlet order by outlet) as outlet_names,
        count(*) filter (where published_date is null)::integer as undated_articles
    from articles_in
    group by story_id
),

-- a statement is shared when two or more of the story's outlets carried it (as in story_statements)
carried as (
    select a.story_id, q.statement_id, count(distinct a.outlet) as outlet_count
    from quotes_in as q
    inner join articles_in as a using (article_id)
    group by a.story_id, q.statement_id
),

shared_statements as (
    select story_id, count(*)::integer as statements
    from carried
    where outlet_count >= 2
    group by story_id
),

disputed_kinds as (
    select story_id, count(distinct (category, subject, unit))::integer as disagreements
    from figure_disagreements
    group by story_id
),

final as (
    select
        p.story_id,
        p.title,
        p.first_date,
        p.last_date,
        p.articles,
        p.outlets,
        coalesce(s.statements, 0) as statements,
        coalesce(d.disagreements, 0) as disagreements,
        p.outlet_names,
        p.undated_articles
    from per_story as p
    left join shared_statements as s using (story_id)
    left join disputed_kinds as d using (story_id)
)

select * from final
;
comment on view stories is 'One row per story (articles sharing a story_id): its headline, first and last date, articles and outlets, statements carried by several outlets, and kinds of figure the outlets disagree on. Filter on story_id.';
comment on column stories.story_id is 'The story (articles.story_id).';
comment on column stories.title is 'The headline of the story''s earliest article that has one, or NULL.';
comment on column stories.first_date is 'The earliest publication date of its articles, or NULL when none is dated.';
comment on column stories.last_date is 'The latest publication date of its articles, or NULL when none is dated.';
comment on column stories.articles is 'Articles in the story.';
comment on column stories.outlets is 'Distinct outlets that covered it.';
comment on column stories.statements is 'Statements carried by two or more of its outlets (rows of story_statements).';
comment on column stories.disagreements is 'Kinds of figure (category, subject, unit) on which its articles disagree (story_disagreements).';
comment on column stories.outlet_names is 'The outlets, sorted by name.';
comment on column stories.undated_articles is 'Articles with no publication date (left out of first_date and last_date).';
