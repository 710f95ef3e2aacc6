-- Columns of the runs table (an older warehouse may have fewer).
with columns_in as (
    select column_name from duckdb_columns() where table_name = 'runs'
),

final as (
    select column_name from columns_in
)

select * from final
