-- Rejected files of the run's warehouse, for the run report.
with rejected as (
    select source_path, line_number, reason from rejected_files
),

final as (
    select * from rejected
)

select * from final order by source_path, line_number
