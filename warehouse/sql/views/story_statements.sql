-- story_statements: the statements of a story that several outlets carried, one row per quotation
-- (each outlet's wording), with who carried the statement first. A statement is a group of
-- quotations sharing quotes.statement_id; only the quotations in the story's own articles count.
create or replace view story_statements as
with quotes_in as not materialized (
    select quote_id, article_id, statement_id, speaker, quote_text, start_char
    from quotes
    where statement_id is not null
),

articles_in as not materialized (
    select article_id, story_id, coalesce(source_name, source_path) as outlet, published_date
    from articles
    where story_id is not null
),

carried as not materialized (
    select
        a.story_id,
        q.statement_id,
        q.quote_id,
        q.article_id,
        a.outlet,
        a.published_date,
        q.speaker,
        q.quote_text,
        q.start_char
    from quotes_in as q
    inner join articles_in as a using (article_id)
),

-- The statement's own figures by aggregate, not by window: DISTINCT in a window, and a list on
-- every row, cost the square of a statement's quotations (a statement thousands of articles carry:
-- gigabytes). CTEs are inlined, so a filter on story_id reaches the scans of every part.
per_statement as not materialized (
    select
        story_id,
        statement_id,
        count(distinct outlet) as outlet_count,
        count(distinct article_id) as article_count,
        min(published_date) as first_published_date,
        -- the speaker the earliest quotation that names one gives
        first(speaker order by published_date nulls last, outlet, article_id, start_char)
            filter (where speaker is not null) as statement_speaker
    from carried
    group by story_id, statement_id
),

-- the outlets of each date, then those of the first date: one list per statement
outlets_by_date as not materialized (
    select story_id, statement_id, published_date, list_sort(list(distinct outlet)) as outlets
    from carried
    where published_date is not null
    group by story_id, statement_id, published_date
),

first_outlets as not materialized (
    select story_id, statement_id, first(outlets order by published_date) as first_outlets
    from outlets_by_date
    group by story_id, statement_id
),

ordered as not materialized (
    select
        c.*,
        s.outlet_count,
        s.article_count,
        s.first_published_date,
        s.statement_speaker,
        row_number() over (
            partition by c.story_id, c.statement_id
            order by c.published_date nulls last, c.outlet, c.article_id, c.start_char
        ) as version_order
    from carried as c
    inner join per_statement as s using (story_id, statement_id)
    where s.outlet_count >= 2
),

-- first_outlets on the statement's first row only (version_order 1): on every row it would repeat
-- a list as long as the outlets that tie, once per quotation
with_first as (
    select o.*, f.first_outlets
    from ordered as o
    left join first_outlets as f
        on o.version_order = 1 and f.story_id = o.story_id and f.statement_id = o.statement_id
),

final as (
    select
        story_id,
        statement_id,
        statement_speaker as speaker,
        outlet_count::integer as outlet_count,
        article_count::integer as article_count,
        first_published_date,
        first_outlets,
        version_order::integer as version_order,
        outlet,
        published_date,
        published_date = first_published_date as carried_first,
        quote_text,
        speaker as speaker_as_reported,
        article_id,
        quote_id
    from with_first
)

select * from final
;
comment on view story_statements is 'Statements of a story carried by two or more outlets: one row per quotation, so each outlet''s wording side by side, with the date each carried it and which outlets carried it first. Filter on story_id.';
comment on column story_statements.story_id is 'The story (articles.story_id).';
comment on column story_statements.statement_id is 'The statement (quotes.statement_id; see the statements view).';
comment on column story_statements.speaker is 'Who made the statement: the speaker named by the earliest quotation that names one, or NULL.';
comment on column story_statements.outlet_count is 'Outlets of the story that carried the statement (2 or more).';
comment on column story_statements.article_count is 'Articles of the story that carried the statement.';
comment on column story_statements.first_published_date is 'The earliest date an article of the story carried it, or NULL when no carrying article is dated.';
comment on column story_statements.first_outlets is 'On the statement''s first row (version_order 1): the outlets that carried it on that first date (several when they tie); NULL on its other rows and when no date is known.';
comment on column story_statements.version_order is '1 for the earliest quotation, then by date (undated last), outlet, article and position.';
comment on column story_statements.outlet is 'The outlet of this quotation''s article.';
comment on column story_statements.published_date is 'That article''s date, or NULL.';
comment on column story_statements.carried_first is 'True when this article carried it on the first date; NULL when its date is unknown.';
comment on column story_statements.quote_text is 'This outlet''s wording (quotes.quote_text).';
comment on column story_statements.speaker_as_reported is 'The speaker this article names (quotes.speaker), or NULL.';
comment on column story_statements.article_id is 'The article (-> articles).';
comment on column story_statements.quote_id is 'The quotation (-> quotes).';
