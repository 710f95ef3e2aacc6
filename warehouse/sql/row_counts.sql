-- Row counts of the public tables, in contract order.
with counts as (
    select 'articles' as table_name, count(*) as row_count, 1 as position from articles
    union all select 'quotes', count(*), 2 from quotes
    union all select 'figures', count(*), 3 from figures
    union all select 'entities', count(*), 4 from entities
    union all select 'entity_mentions', count(*), 5 from entity_mentions
    union all select 'runs', count(*), 6 from runs
    union all select 'rejected_files', count(*), 7 from rejected_files
),

final as (
    select table_name, row_count from counts order by position
)

select * from final
