-- figure_disagreements: two articles of one story state the same kind of figure (category,
-- unit and what is counted) with different values of the same order of magnitude: "826
-- killed" in one report, "727" in another. One row per pair, each outlet's value and date side
-- by side, the lower value first. A copy of an article (duplicate_of set) repeats its original:
-- it is left out, so a story carried by many copies costs what its distinct reports cost (their
-- pairs grew with the square of the copies, millions for a few hundred copies of one page).
create or replace view figure_disagreements as
-- Every CTE is not materialized: the self-join below reads them twice, and a filter on story_id
-- must reach both reads (materialised, they would pair the figures of every story to answer for one).
with figures_in as not materialized (
    select * from figures where category in ('killed', 'injured', 'displaced', 'detained', 'population', 'money', 'percent', 'distance', 'count')
),

articles_in as not materialized (
    select article_id, story_id, source_name, source_path, published_date from articles
    where duplicate_of is null
),

stated as not materialized (
    select
        a.story_id,
        f.category,
        -- deaths, lives and the dead are all people killed
        case when f.unit = 'people' and coalesce(f.subject, 'people') in ('people', 'persons', 'deaths', 'dead', 'lives', 'casualties')
             then 'people' else coalesce(f.subject, f.unit, '') end as subject,
        coalesce(f.unit, '') as unit,
        f.value,
        f.qualifier,
        f.surface,
        f.figure_id,
        a.article_id,
        coalesce(a.source_name, a.source_path) as outlet,
        a.published_date
    from figures_in as f
    inner join articles_in as a using (article_id)
    where a.story_id is not null
),

final as (
    select
        low.story_id,
        low.category,
        low.subject,
        low.unit,
        low.outlet as outlet_a,
        low.published_date as published_date_a,
        low.value as value_a,
        low.surface as surface_a,
        high.outlet as outlet_b,
        high.published_date as published_date_b,
        high.value as value_b,
        high.surface as surface_b,
        low.figure_id as figure_id_a,
        high.figure_id as figure_id_b
    from stated as low
    inner join stated as high
        on low.story_id = high.story_id
        and low.category = high.category
        and low.subject = high.subject
        and low.unit = high.unit
        and low.article_id <> high.article_id
        and low.value < high.value
        and high.value <= 2 * low.value
)

select * from final
;
comment on view figure_disagreements is 'Pairs of figures of one kind (category, unit, what is counted) that differ between two articles of the same story (copies, duplicate_of set, left out), each outlet''s value and date side by side, the lower value first.';
comment on column figure_disagreements.story_id is 'The story both articles report (articles.story_id).';
comment on column figure_disagreements.category is 'What kind of figure (figures.category).';
comment on column figure_disagreements.subject is 'What is counted (people for deaths, lives, casualties ...).';
comment on column figure_disagreements.unit is 'The unit of both values (figures.unit), or empty.';
comment on column figure_disagreements.outlet_a is 'The outlet stating the lower value (source_name, else source_path).';
comment on column figure_disagreements.published_date_a is 'Publication date of the lower value''s article.';
comment on column figure_disagreements.value_a is 'The lower value.';
comment on column figure_disagreements.surface_a is 'The lower figure as written.';
comment on column figure_disagreements.outlet_b is 'The outlet stating the higher value.';
comment on column figure_disagreements.published_date_b is 'Publication date of the higher value''s article.';
comment on column figure_disagreements.value_b is 'The higher value (at most twice the lower).';
comment on column figure_disagreements.surface_b is 'The higher figure as written.';
comment on column figure_disagreements.figure_id_a is 'The lower figure (-> figures).';
comment on column figure_disagreements.figure_id_b is 'The higher figure (-> figures).';
