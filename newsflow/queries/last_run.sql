-- When the data was last refreshed: the last completed run.
with runs_in as (
    select run_id, finished_at from runs where status = 'completed'
),

final as (
    select run_id, finished_at from runs_in order by finished_at desc limit 1
)

select * from final
