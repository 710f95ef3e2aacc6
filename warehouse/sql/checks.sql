-- Data checks of a build, run before it is published, on what the run wrote: the rows of every
-- unit it touched (delta.<table>), checked against the corpus as it now is (<table>), and the
-- rows that point at a unit the run removed (gone.<table> without a new row). A first run or a
-- full refresh touches everything, so everything is checked. NOT NULL is enforced by the delta
-- tables; each table's key (schema.sql's primary key) is checked by warehouse/checks.py beside these. One row per check: how many rows fail
-- it. An ERROR check that fails marks the run failed, and the previous warehouse stays published.
-- the articles the checks below look up, and only those: the ones the run's new rows point at,
-- with their texts (every text, a CTE DuckDB materialises, held 1 GB at 100,000 articles for a
-- no-op rerun; every id 45 MiB)
with articles_now as (
    select article_id, text from articles
    where article_id in (select article_id from delta.quotes union all select article_id from delta.figures
                         union all select article_id from delta.entity_mentions
                         union all select duplicate_of from delta.articles)
),
entities_now as (select entity_id, entity_type from entities),
new_articles as (select * from delta.articles),
new_quotes as (select * from delta.quotes),
new_figures as (select * from delta.figures),
new_entities as (select * from delta.entities),
new_mentions as (select * from delta.entity_mentions),
removed_articles as (
    select article_id from gone.articles where article_id not in (select article_id from delta.articles)
),
removed_entities as (
    select entity_id from gone.entities where entity_id not in (select entity_id from delta.entities)
),
-- entities whose mentions this run rewrote (they must keep at least one)
rewritten_entities as (
    select entity_id from prev_entity_mentions where article_id in (select article_id from gone.entity_mentions)
),
-- the mentions of every entity a check below looks at, read once: each check reading the whole
-- table made DuckDB keep all of it (5 million rows at 100,000 articles) as a shared subplan
mentions_to_check as (
    select article_id, entity_id, entity_type from entity_mentions
    where entity_id in (select entity_id from removed_entities union all select entity_id from new_entities
                        union all select entity_id from rewritten_entities)
),

results as (
    select 'quotes.article_id resolves to articles' as check_name, 'ERROR' as level, 'quotes' as table_name,
           count(*) as failing_rows
    from new_quotes where article_id not in (select article_id from articles_now)
    union all
    select 'figures.article_id resolves to articles', 'ERROR', 'figures', count(*)
    from new_figures where article_id not in (select article_id from articles_now)
    union all
    select 'entity_mentions.article_id resolves to articles', 'ERROR', 'entity_mentions', count(*)
    from new_mentions where article_id not in (select article_id from articles_now)
    union all
    select 'entity_mentions.entity_id resolves to entities', 'ERROR', 'entity_mentions', count(*)
    from (
        select entity_id from new_mentions where entity_id not in (select entity_id from entities_now)
        union all
        select entity_id from mentions_to_check where entity_id in (select entity_id from removed_entities)
    )
    union all
    select 'quotes.speaker_entity_id resolves to entities', 'ERROR', 'quotes', count(*)
    from (
        select speaker_entity_id from new_quotes
        where speaker_entity_id is not null and speaker_entity_id not in (select entity_id from entities_now)
        union all
        select speaker_entity_id from quotes where speaker_entity_id in (select entity_id from removed_entities)
    )
    union all
    select 'articles.duplicate_of resolves to articles', 'ERROR', 'articles', count(*)
    from (
        select duplicate_of from new_articles
        where duplicate_of is not null and duplicate_of not in (select article_id from articles_now)
        union all
        select duplicate_of from articles where duplicate_of in (select article_id from removed_articles)
    )
    union all
    select 'quote spans are exact', 'ERROR', 'quotes', count(*)
    from new_quotes as q inner join articles_now as a using (article_id)
    where substr(a.text, q.start_char + 1, q.end_char - q.start_char) <> q.quote_text
    union all
    select 'figure spans are exact', 'ERROR', 'figures', count(*)
    from new_figures as f inner join articles_now as a using (article_id)
    where substr(a.text, f.start_char + 1, f.end_char - f.start_char) <> f.surface
    union all
    select 'entity mention spans are exact', 'ERROR', 'entity_mentions', count(*)
    from new_mentions as m inner join articles_now as a using (article_id)
    where substr(a.text, m.start_char + 1, m.end_char - m.start_char) <> m.surface
    union all
    select 'figures.category within its list', 'ERROR', 'figures', count(*)
    from new_figures
    where category not in ('killed', 'injured', 'displaced', 'detained', 'population', 'distance', 'money',
                           'percent', 'age', 'duration', 'count', 'other', 'energy', 'speed', 'data', 'volume',
                           'area', 'mass', 'temperature')
    union all
    select 'figures.qualifier within its list', 'ERROR', 'figures', count(*)
    from new_figures
    where qualifier is not null
      and qualifier not in ('exact', 'approximately', 'at_least', 'more_than', 'less_than', 'up_to')
    union all
    select 'figures.change within its list', 'ERROR', 'figures', count(*)
    from new_figures where change is not null and change not in ('up', 'down')
    union all
    select 'quotes.quote_type within its list', 'ERROR', 'quotes', count(*)
    from new_quotes where quote_type not in ('direct', 'partial', 'indirect', 'continuation', 'transcript')
    union all
    select 'entities.entity_type within its list', 'ERROR', 'entities', count(*)
    from new_entities
    where entity_type not in ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'PRODUCT', 'WORK_OF_ART', 'LAW')
    union all
    select 'entity_mentions.entity_type matches its entity', 'ERROR', 'entity_mentions', count(*)
    from (
        select m.entity_type as mention_type, e.entity_type
        from new_mentions as m inner join entities_now as e using (entity_id)
        union all
        select m.entity_type, e.entity_type
        from mentions_to_check as m inner join new_entities as e using (entity_id)
    )
    where mention_type <> entity_type
    union all
    select 'every entity has a mention', 'ERROR', 'entities', count(*)
    from (
        select entity_id from new_entities where mention_count = 0
        union all
        -- an entity whose mentions this run rewrote must keep at least one
        select e.entity_id from entities_now as e
        where e.entity_id in (select entity_id from rewritten_entities)
          and e.entity_id not in (select entity_id from mentions_to_check)
    )
    union all
    select 'no article with an empty text', 'ERROR', 'articles', count(*)
    from new_articles where trim(text) = '' or word_count = 0
),

final as (
    select check_name, level, table_name, failing_rows::integer as failing_rows, failing_rows = 0 as passed
    from results
)

select * from final
