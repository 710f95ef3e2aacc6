-- statements: the same statement carried by several articles, with each outlet's wording and date.
create or replace view statements as
with quotes_in as (
    select * from quotes where statement_id is not null
),

articles_in as (
    select article_id, source_name, source_path, published_date, title from articles
),

-- not materialized: used twice, DuckDB would otherwise compute it for every statement (all
-- quotations with their articles) before a refresh's statement_id filter reached it
carried as not materialized (
    select
        q.statement_id,
        q.quote_id,
        q.speaker,
        q.quote_text,
        q.start_char,
        a.article_id,
        a.source_path,
        coalesce(a.source_name, a.source_path) as outlet,
        a.published_date
    from quotes_in as q
    inner join articles_in as a using (article_id)
),

-- the most frequent speaker, ties broken by name: the view is the same whatever order rows come in
speakers as (
    select statement_id, speaker, count(*) as n from carried where speaker is not null group by all
),

top_speakers as (
    select statement_id, first(speaker order by n desc, speaker) as speaker from speakers group by statement_id
),

final as (
    select
        c.statement_id,
        t.speaker,
        first(c.quote_text order by c.published_date nulls last, c.source_path, c.start_char, c.quote_id)
            as first_wording,
        count(distinct c.article_id)::integer as article_count,
        count(*)::integer as quote_count,
        min(c.published_date) as first_published,
        list({'outlet': c.outlet, 'published_date': c.published_date, 'article_id': c.article_id,
              'quote_id': c.quote_id, 'speaker': c.speaker, 'quote_text': c.quote_text}
             order by c.published_date nulls last, c.outlet, c.quote_id) as versions
    from carried as c
    left join top_speakers as t using (statement_id)
    group by c.statement_id, t.speaker
)

select * from final
;
comment on view statements is 'The same statement carried by several articles (quotes sharing a statement_id): the speaker, the first wording, how many articles carried it, and each outlet''s wording and date in versions.';
comment on column statements.statement_id is 'Key; the statement (quotes.statement_id): a hash of its earliest quotation.';
comment on column statements.speaker is 'Who said it: the speaker most of its quotations give (ties by name).';
comment on column statements.first_wording is 'The wording of the earliest quotation (by date, source, position).';
comment on column statements.article_count is 'Articles carrying the statement.';
comment on column statements.quote_count is 'Quotations of the statement (an article may quote it twice).';
comment on column statements.first_published is 'The earliest publication date among the articles carrying it.';
comment on column statements.versions is 'Each quotation: outlet, published_date, article_id, quote_id, speaker and quote_text, by date.';
