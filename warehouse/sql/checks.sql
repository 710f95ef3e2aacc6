-- Data checks run after every build, before it is published (uniqueness and NOT NULL of keys are
-- enforced by the schema's constraints). One row per check: how many rows fail it. An ERROR
-- check that fails marks the run failed, and the previous warehouse stays published.
with articles_in as (select * from articles),
quotes_in as (select * from quotes),
figures_in as (select * from figures),
entities_in as (select * from entities),
mentions_in as (select * from entity_mentions),

results as (
    select 'quotes.article_id resolves to articles' as check_name, 'ERROR' as level, 'quotes' as table_name,
           count(*) as failing_rows
    from quotes_in where article_id not in (select article_id from articles_in)
    union all
    select 'figures.article_id resolves to articles', 'ERROR', 'figures', count(*)
    from figures_in where article_id not in (select article_id from articles_in)
    union all
    select 'entity_mentions.article_id resolves to articles', 'ERROR', 'entity_mentions', count(*)
    from mentions_in where article_id not in (select article_id from articles_in)
    union all
    select 'entity_mentions.entity_id resolves to entities', 'ERROR', 'entity_mentions', count(*)
    from mentions_in where entity_id not in (select entity_id from entities_in)
    union all
    select 'quotes.speaker_entity_id resolves to entities', 'ERROR', 'quotes', count(*)
    from quotes_in where speaker_entity_id is not null and speaker_entity_id not in (select entity_id from entities_in)
    union all
    select 'articles.duplicate_of resolves to articles', 'ERROR', 'articles', count(*)
    from articles_in where duplicate_of is not null and duplicate_of not in (select article_id from articles_in)
    union all
    select 'quote spans are exact', 'ERROR', 'quotes', count(*)
    from quotes_in as q inner join articles_in as a using (article_id)
    where substr(a.text, q.start_char + 1, q.end_char - q.start_char) <> q.quote_text
    union all
    select 'figure spans are exact', 'ERROR', 'figures', count(*)
    from figures_in as f inner join articles_in as a using (article_id)
    where substr(a.text, f.start_char + 1, f.end_char - f.start_char) <> f.surface
    union all
    select 'entity mention spans are exact', 'ERROR', 'entity_mentions', count(*)
    from mentions_in as m inner join articles_in as a using (article_id)
    where substr(a.text, m.start_char + 1, m.end_char - m.start_char) <> m.surface
    union all
    select 'figures.category within its list', 'ERROR', 'figures', count(*)
    from figures_in
    where category not in ('killed', 'injured', 'displaced', 'detained', 'population', 'distance', 'money',
                           'percent', 'age', 'duration', 'count', 'other', 'energy', 'speed', 'data', 'volume',
                           'area', 'mass', 'temperature')
    union all
    select 'figures.qualifier within its list', 'ERROR', 'figures', count(*)
    from figures_in
    where qualifier is not null
      and qualifier not in ('exact', 'approximately', 'at_least', 'more_than', 'less_than', 'up_to')
    union all
    select 'quotes.quote_type within its list', 'ERROR', 'quotes', count(*)
    from quotes_in where quote_type not in ('direct', 'partial', 'indirect', 'continuation', 'transcript')
    union all
    select 'entities.entity_type within its list', 'ERROR', 'entities', count(*)
    from entities_in
    where entity_type not in ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'PRODUCT', 'WORK_OF_ART', 'LAW')
    union all
    select 'entity_mentions.entity_type matches its entity', 'ERROR', 'entity_mentions', count(*)
    from mentions_in as m inner join entities_in as e using (entity_id)
    where m.entity_type <> e.entity_type
    union all
    select 'no article with an empty text', 'ERROR', 'articles', count(*)
    from articles_in where trim(text) = '' or word_count = 0
),

final as (
    select check_name, level, table_name, failing_rows::integer as failing_rows, failing_rows = 0 as passed
    from results
)

select * from final
