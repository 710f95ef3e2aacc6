-- statements: the same statement carried by several articles, with each outlet's wording and date.
create or replace view statements as
with quotes_in as (
    select * from quotes where statement_id is not null
),

articles_in as (
    select article_id, source_name, source_path, published_date, title from articles
),

carried as (
    select
        q.statement_id,
        q.quote_id,
        q.speaker,
        q.quote_text,
        a.article_id,
        coalesce(a.source_name, a.source_path) as outlet,
        a.published_date
    from quotes_in as q
    inner join articles_in as a using (article_id)
),

final as (
    select
        statement_id,
        mode(speaker) as speaker,
        arg_min(quote_text, coalesce(published_date, date '9999-12-31')) as first_wording,
        count(distinct article_id)::integer as article_count,
        count(*)::integer as quote_count,
        min(published_date) as first_published,
        list({'outlet': outlet, 'published_date': published_date, 'article_id': article_id,
              'quote_id': quote_id, 'speaker': speaker, 'quote_text': quote_text}
             order by published_date nulls last, outlet, quote_id) as versions
    from carried
    group by statement_id
)

select * from final
;
comment on view statements is 'The same statement carried by several articles (quotes sharing a statement_id): the speaker, the first wording, how many articles carried it, and each outlet''s wording and date in versions.';
