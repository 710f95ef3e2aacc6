-- The data dictionary: every table and view with its comment, every column with its type and comment.
with tables_in as (
    select table_name, comment as table_comment, 'table' as kind from duckdb_tables() where schema_name = 'main'
    union all
    select view_name, comment, 'view' from duckdb_views() where schema_name = 'main' and not internal
),

columns_in as (
    select table_name, column_index, column_name, data_type, is_nullable, comment as column_comment
    from duckdb_columns()
    where schema_name = 'main'
),

final as (
    select
        t.kind, t.table_name, t.table_comment, c.column_index, c.column_name, c.data_type, c.is_nullable,
        c.column_comment
    from tables_in as t
    inner join columns_in as c using (table_name)
)

select * from final order by kind, table_name, column_index
