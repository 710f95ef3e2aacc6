-- Checks of one run that did not pass.
with checks_in as (
    select check_name, level, failing_rows from checks where run_id = ? and not passed
),

final as (
    select * from checks_in
)

select * from final order by check_name
