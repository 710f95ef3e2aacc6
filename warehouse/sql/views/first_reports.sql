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

reports as (
    select i.*, a.story_id, a.outlet, a.published_date, a.title
    from items as i
    inner join articles_in as a using (article_id)
),

-- One aggregate per item of a story (not windows over its reports: an item that thousands of
-- copies repeat made window partitions of millions of rows, which ran out of memory). A filter on
-- story_id reaches the articles scan through the grouping key.
per_item as (
    select
        story_id,
        item_type,
        item_key,
        first({
            'wording': wording, 'speaker': speaker, 'category': category, 'subject': subject, 'unit': unit,
            'value': value, 'article_id': article_id, 'outlet': outlet, 'published_date': published_date,
            'title': title, 'row_id': row_id
        } order by published_date nulls last, outlet, article_id, start_char, row_id) as first_report,
        min(published_date) as first_published_date,
        -- the outlets of each date (few: one per outlet and date), to list those of the first date
        list(distinct {'published_date': published_date, 'outlet': outlet}) as dated_outlets,
        count(distinct article_id) as article_count,
        count(distinct outlet) as outlet_count
    from reports
    group by story_id, item_type, item_key
),

final as (
    select
        story_id,
        item_type,
        item_key,
        first_report.wording,
        first_report.speaker,
        first_report.category,
        first_report.subject,
        first_report.unit,
        first_report.value,
        first_report.article_id as first_article_id,
        first_report.outlet as first_outlet,
        first_report.published_date as first_published_date,
        first_report.title as first_title,
        first_report.row_id as first_row_id,
        case when first_published_date is not null then list_sort(list_distinct(
            [d.outlet for d in dated_outlets if d.published_date = first_published_date]
        )) end as first_outlets,
        article_count::integer as article_count,
        outlet_count::integer as outlet_count
    from per_item
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
