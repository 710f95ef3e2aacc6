-- story_disagreements: the figures of a story that disagree, one row per figure with its outlet,
-- date and value, for reading (or charting) each disagreement by outlet and date. A figure is here
-- when figure_disagreements pairs it with a different value of the same kind (category, what is
-- counted, unit) in another article of the story: "at least 120 killed" in one report, "97" in another.
create or replace view story_disagreements as
with pairs as (
    select * from figure_disagreements
),

-- both figures of each pair, once each (unnest keeps one read of the pairs, so a filter on
-- story_id reaches figure_disagreements)
sides as (
    select distinct story_id, category, subject, unit, unnest([figure_id_a, figure_id_b]) as figure_id
    from pairs
),

figures_in as (
    select figure_id, article_id, surface, value, value_low, value_high, qualifier from figures
),

articles_in as (
    select article_id, coalesce(source_name, source_path) as outlet, published_date, title from articles
),

stated as (
    select
        s.story_id,
        s.category,
        s.subject,
        s.unit,
        f.figure_id,
        f.article_id,
        a.outlet,
        a.published_date,
        a.title,
        f.value,
        f.value_low,
        f.value_high,
        f.qualifier,
        f.surface
    from sides as s
    inner join figures_in as f using (figure_id)
    inner join articles_in as a using (article_id)
),

final as (
    select
        *,
        min(value) over kind as kind_low,
        max(value) over kind as kind_high,
        count(distinct outlet) over kind as kind_outlets,
        row_number() over (
            partition by story_id, category, subject, unit
            order by published_date nulls last, outlet, article_id, figure_id
        )::integer as figure_order
    from stated
    window kind as (partition by story_id, category, subject, unit)
)

select * from final
;
comment on view story_disagreements is 'Figures of a story that disagree (see figure_disagreements): one row per figure, with its outlet, date and value, grouped into kinds by category, subject and unit. Filter on story_id.';
comment on column story_disagreements.story_id is 'The story (articles.story_id).';
comment on column story_disagreements.category is 'What kind of figure (figures.category): killed, displaced, money ...';
comment on column story_disagreements.subject is 'What is counted, as figure_disagreements groups it (deaths, lives, the dead ... are people).';
comment on column story_disagreements.unit is 'The unit (figures.unit), or an empty string.';
comment on column story_disagreements.figure_id is 'The figure (-> figures).';
comment on column story_disagreements.article_id is 'The article stating it (-> articles).';
comment on column story_disagreements.outlet is 'The outlet: articles.source_name, else the source file''s path.';
comment on column story_disagreements.published_date is 'The article''s date, or NULL.';
comment on column story_disagreements.title is 'The article''s headline, or NULL.';
comment on column story_disagreements.value is 'The normalised value (figures.value).';
comment on column story_disagreements.value_low is 'Low bound of a range (figures.value_low).';
comment on column story_disagreements.value_high is 'High bound of a range (figures.value_high).';
comment on column story_disagreements.qualifier is 'exact, approximately, at_least, more_than ... (figures.qualifier), or NULL.';
comment on column story_disagreements.surface is 'The figure as the article wrote it.';
comment on column story_disagreements.kind_low is 'The lowest value of this kind of figure in the story''s disagreement.';
comment on column story_disagreements.kind_high is 'The highest value of this kind of figure in the story''s disagreement.';
comment on column story_disagreements.kind_outlets is 'How many outlets state a value of this kind in the disagreement.';
comment on column story_disagreements.figure_order is '1 for the earliest figure of its kind, then by date (undated last), outlet, article and figure.';
