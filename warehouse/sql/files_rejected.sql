-- Number of input files with at least one rejected record.
select count(distinct source_path) as files_rejected from rejected_files
