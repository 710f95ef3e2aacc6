-- story_entities: who and what a story is about, and which outlets mention whom. One row per
-- entity and outlet, with the entity's totals over the story and its rank (1 = most mentioned).
create or replace view story_entities as
with mentions_in as (
    select article_id, entity_id from entity_mentions
),

entities_in as (
    select entity_id, canonical_name, entity_type from entities
),

articles_in as (
    select article_id, story_id, coalesce(source_name, source_path) as outlet
    from articles
    where story_id is not null
),

-- One read of each CTE (windows, not joins back to aggregates), so a filter on story_id reaches
-- the articles scan.
by_outlet as (
    select
        a.story_id,
        m.entity_id,
        e.canonical_name,
        e.entity_type,
        a.outlet,
        count(*)::integer as outlet_mentions,
        count(distinct a.article_id)::integer as outlet_articles
    from mentions_in as m
    inner join articles_in as a using (article_id)
    inner join entities_in as e using (entity_id)
    group by a.story_id, m.entity_id, e.canonical_name, e.entity_type, a.outlet
),

totals as (
    select
        *,
        sum(outlet_mentions) over entity_in_story as story_mentions,
        count(*) over entity_in_story as story_outlets
    from by_outlet
    window entity_in_story as (partition by story_id, entity_id)
),

ranked as (
    select
        *,
        -- entity_id closes the order, so every outlet row of one entity gets the same rank
        dense_rank() over (
            partition by story_id order by story_mentions desc, story_outlets desc, canonical_name, entity_id
        ) as entity_rank
    from totals
),

final as (
    select
        story_id,
        entity_rank::integer as entity_rank,
        entity_id,
        canonical_name,
        entity_type,
        story_mentions::integer as story_mentions,
        story_outlets::integer as story_outlets,
        outlet,
        outlet_mentions,
        outlet_articles
    from ranked
)

select * from final
;
comment on view story_entities is 'The entities of a story and which outlets mention whom: one row per entity and outlet, with the entity''s mentions over the whole story and its rank (1 = most mentioned). Filter on story_id.';
comment on column story_entities.story_id is 'The story (articles.story_id).';
comment on column story_entities.entity_rank is '1 for the entity the story mentions most, then by outlets, name and entity_id.';
comment on column story_entities.entity_id is 'The entity (-> entities).';
comment on column story_entities.canonical_name is 'The entity''s preferred full name.';
comment on column story_entities.entity_type is 'PERSON, ORG, GPE, LOC ... (entities.entity_type).';
comment on column story_entities.story_mentions is 'Mentions of the entity in all the story''s articles.';
comment on column story_entities.story_outlets is 'Outlets of the story that mention the entity.';
comment on column story_entities.outlet is 'One outlet that mentions it.';
comment on column story_entities.outlet_mentions is 'Mentions of the entity in that outlet''s articles of the story.';
comment on column story_entities.outlet_articles is 'That outlet''s articles of the story that mention it.';
