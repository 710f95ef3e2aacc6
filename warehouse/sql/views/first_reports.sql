-- first_reports: which article of a story first reported each statement and each figure. A
-- statement is a quotes.statement_id; a figure is one fact, the same category, thing counted, unit
-- and value wherever it is written ("1,200 families" and "some 1200 families" are one figure).
-- "First" is the earliest publication date; articles without a date come last, and outlets that
-- tie on the first date are all listed in first_outlets.
create or replace view first_reports as
with quotes_in as (
    select quote_id, article_id, statement_id, speaker, quote_text, start_char
    from quotes
    where statement_id is not null
),

figures_in as (
    select figure_id, article_id, category, subject, unit, value, surface, start_char from figures
),

articles_in as (
    select article_id, story_id, coalesce(source_name, source_path) as outlet, published_date, title
    from articles
    where story_id is not null
),

items as (
    select
        article_id,
        'statement' as item_type,
        statement_id as item_key,
        quote_text as wording,
        speaker,
        null::varchar as category,
        null::varchar as subject,
        null::varchar as unit,
        null::double as value,
        quote_id as row_id,
        start_char
    from quotes_in
    union all
    select
        article_id,
        'figure' as item_type,
        concat_ws('|', category, lower(coalesce(subject, '')), coalesce(unit, ''), value) as item_key,
        surface as wording,
        null::varchar as speaker,
        category,
        subject,
        unit,
        value,
        figure_id as row_id,
        start_char
    from figures_in
),

-- One read of each CTE (windows, not joins back to aggregates), so a filter on story_id reaches
-- the articles scan.
reports as (
    select i.*, a.story_id, a.outlet, a.published_date, a.title
    from items as i
    inner join articles_in as a using (article_id)
),

ordered as (
    select
        *,
        row_number() over (
            partition by story_id, item_type, item_key
            order by published_date nulls last, outlet, article_id, start_char, row_id
        ) as report_order,
        min(published_date) over item_in_story as first_published_date,
        count(distinct article_id) over item_in_story as article_count,
        count(distinct outlet) over item_in_story as outlet_count
    from reports
    window item_in_story as (partition by story_id, item_type, item_key)
),

with_first as (
    select
        *,
        -- distinct inside the window: a list of every row's outlet for every row costs the square
        -- of the rows (a statement many copies carry: minutes and gigabytes); its distinct outlets do not
        list_sort(
            list(distinct outlet) filter (where published_date = first_published_date) over item_in_story
        ) as first_outlets
    from ordered
    window item_in_story as (partition by story_id, item_type, item_key)
),

final as (
    select
        story_id,
        item_type,
        item_key,
        wording,
        speaker,
        category,
        subject,
        unit,
        value,
        article_id as first_article_id,
        outlet as first_outlet,
        published_date as first_published_date,
        title as first_title,
        row_id as first_row_id,
        first_outlets,
        article_count::integer as article_count,
        outlet_count::integer as outlet_count
    from with_first
    where report_order = 1
)

select * from final
;
comment on view first_reports is 'Which article of a story first reported each statement (quotes.statement_id) and each figure (same category, thing counted, unit and value): one row per item, with the first article, its outlet and date, the outlets that tie on that date, and how many articles and outlets reported it. Filter on story_id.';
comment on column first_reports.story_id is 'The story (articles.story_id).';
comment on column first_reports.item_type is 'statement or figure.';
comment on column first_reports.item_key is 'The statement_id, or category|subject|unit|value for a figure.';
comment on column first_reports.wording is 'The first report''s words: the quotation, or the figure as written.';
comment on column first_reports.speaker is 'The speaker the first report names (statements), else NULL.';
comment on column first_reports.category is 'The figure''s category (figures), else NULL.';
comment on column first_reports.subject is 'What the figure counts as the first report wrote it (figures), else NULL.';
comment on column first_reports.unit is 'The figure''s unit (figures), else NULL.';
comment on column first_reports.value is 'The figure''s normalised value (figures), else NULL.';
comment on column first_reports.first_article_id is 'The article that reported it first (-> articles): earliest date, then outlet and article_id; undated articles only when none is dated.';
comment on column first_reports.first_outlet is 'That article''s outlet.';
comment on column first_reports.first_published_date is 'That article''s date, or NULL when no reporting article is dated.';
comment on column first_reports.first_title is 'That article''s headline, or NULL.';
comment on column first_reports.first_row_id is 'The quote_id or figure_id of the first report.';
comment on column first_reports.first_outlets is 'Every outlet that reported it on the first date (ties); NULL when no date is known.';
comment on column first_reports.article_count is 'Articles of the story that reported it.';
comment on column first_reports.outlet_count is 'Outlets of the story that reported it.';
