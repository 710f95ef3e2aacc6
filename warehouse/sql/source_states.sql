-- What the last completed run knew about each input file.
with sources as (
    select * from source_files
),

final as (
    select source_path, source_format, content_sha256, size_bytes, mtime_ns, extract_version
    from sources
)

select * from final order by source_path
