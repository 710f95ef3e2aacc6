-- Every article with the columns transforms need, for corpus-level stages.
with articles_in as (
    select * from articles
),

final as (
    select
        article_id, source_path, source_format, line_number, content_sha256, title, author,
        published_date, source_name, url, language, dateline, text, word_count
    from articles_in
)

select * from final order by article_id
