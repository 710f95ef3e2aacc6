-- story_statements: the statements of a story that several outlets carried, one row per quotation
-- (each outlet's wording), with who carried the statement first. A statement is a group of
-- quotations sharing quotes.statement_id; only the quotations in the story's own articles count.
create or replace view story_statements as
with quotes_in as (
    select quote_id, article_id, statement_id, speaker, quote_text, start_char
    from quotes
    where statement_id is not null
),

articles_in as (
    select article_id, story_id, coalesce(source_name, source_path) as outlet, published_date
    from articles
    where story_id is not null
),

carried as (
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

-- Windows over (story, statement) rather than joins back to an aggregate: every CTE is read once,
-- so a filter on story_id reaches the articles scan and one story costs little.
measured as (
    select
        *,
        count(distinct outlet) over statement_in_story as outlet_count,
        count(distinct article_id) over statement_in_story as article_count,
        min(published_date) over statement_in_story as first_published_date,
        row_number() over earliest_first as version_order,
        -- the speaker the earliest quotation that names one gives
        first_value(speaker ignore nulls) over (
            earliest_first rows between unbounded preceding and unbounded following
        ) as statement_speaker
    from carried
    window
        statement_in_story as (partition by story_id, statement_id),
        earliest_first as (
            partition by story_id, statement_id
            order by published_date nulls last, outlet, article_id, start_char
        )
),

with_first as (
    select
        *,
        -- distinct inside the window: a list of every row's outlet for every row costs the square
        -- of the rows (a statement many copies carry: minutes and gigabytes); its distinct outlets do not
        list_sort(
            list(distinct outlet) filter (where published_date = first_published_date) over statement_in_story
        ) as first_outlets
    from measured
    window statement_in_story as (partition by story_id, statement_id)
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
    where outlet_count >= 2
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
comment on column story_statements.first_outlets is 'The outlets that carried it on that first date (several when they tie); NULL when no date is known.';
comment on column story_statements.version_order is '1 for the earliest quotation, then by date (undated last), outlet, article and position.';
comment on column story_statements.outlet is 'The outlet of this quotation''s article.';
comment on column story_statements.published_date is 'That article''s date, or NULL.';
comment on column story_statements.carried_first is 'True when this article carried it on the first date; NULL when its date is unknown.';
comment on column story_statements.quote_text is 'This outlet''s wording (quotes.quote_text).';
comment on column story_statements.speaker_as_reported is 'The speaker this article names (quotes.speaker), or NULL.';
comment on column story_statements.article_id is 'The article (-> articles).';
comment on column story_statements.quote_id is 'The quotation (-> quotes).';
