"""Time the story views (warehouse/sql/views/) for one story and for the whole corpus.

Usage: python bench/bench_story_views.py [--stories 20000] [--articles-per-story 5] [--report-stories 200]

The warehouse is synthetic (made in memory from warehouse/sql/schema.sql): every story has the
same number of articles from rotating outlets, each article ten quotations (half of them shared
with the story's other articles as one statement), ten figures (one kind, people killed, disagreeing
across outlets) and thirty entity mentions. The views are refreshed per touched story, so the figure
that matters is the time of `select * from VIEW where story_id = ?` against the full scan.
Then `newsflow report` is timed on a smaller corpus of the same shape (every story has a
timeline and one disagreeing figure, so two charts per page).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
from warehouse.store import create_views, sql

from newsflow.report import write_report
from warehouse.layout import WAREHOUSE_FILE, prepare, publish

_VIEWS = ["stories", "story_articles", "story_statements", "story_disagreements", "story_entities", "first_reports"]


def make_corpus(con: duckdb.DuckDBPyConnection, stories: int, per_story: int) -> None:
    """Fill the public tables with a synthetic corpus."""
    con.execute(sql("schema")).fetchall()
    con.execute(sql("statements"))
    con.execute(sql("figure_disagreements"))
    create_views(con)
    n = stories * per_story
    con.execute(f"""
        insert into articles (article_id, source_path, source_format, content_sha256, title, published_date,
                              source_name, text, word_count, story_id)
        select 'a' || i, 'f' || i || '.txt', 'text', 'h' || i, 'Title ' || i,
               date '2024-01-01' + (i // {per_story} % 300 + i % {per_story})::integer,
               'Outlet ' || (i % 40), 'text', 500, 's' || (i // {per_story})
        from range({n}) as t(i)
    """)
    con.execute("""
        insert into quotes (quote_id, article_id, quote_text, start_char, end_char, speaker, quote_type, statement_id)
        select 'q' || i || '-' || j, 'a' || i, 'words ' || j, j * 10, j * 10 + 5, 'Speaker ' || j, 'direct',
               case when j < 5 then 'st' || (i // 5) || '-' || j else 'st' || i || '-' || j end
        from range((select count(*) from articles)) as t(i), range(10) as u(j)
    """)
    con.execute("""
        insert into figures (figure_id, article_id, surface, start_char, end_char, value, value_low, value_high,
                             qualifier, unit, category, subject)
        select 'g' || i || '-' || j, 'a' || i, 'n', j * 10, j * 10 + 2,
               case when j = 0 then 100 + i % 7 else j * 1000 end,
               case when j = 0 then 100 + i % 7 else j * 1000 end,
               case when j = 0 then 100 + i % 7 else j * 1000 end,
               'exact', 'people', case when j = 0 then 'killed' else 'count' end,
               case when j = 0 then 'people' else 'thing ' || j end
        from range((select count(*) from articles)) as t(i), range(10) as u(j)
    """)
    con.execute("""
        insert into entities (entity_id, canonical_name, entity_type, aliases, mention_count, article_count)
        select 'e' || k, 'Entity ' || k, 'PERSON', ['Entity ' || k], 0, 0 from range(5000) as t(k)
    """)
    con.execute("""
        insert into entity_mentions (mention_id, article_id, entity_id, surface, entity_type, start_char, end_char)
        select 'm' || i || '-' || j, 'a' || i, 'e' || ((i // 5 * 7 + j) % 5000), 'x', 'PERSON', j, j + 1
        from range((select count(*) from articles)) as t(i), range(30) as u(j)
    """)


def _seconds(con: duckdb.DuckDBPyConnection, query: str, params: list[object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        con.execute(query, params).fetchall()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--articles-per-story", type=int, default=5)
    parser.add_argument("--report-stories", type=int, default=200)
    args = parser.parse_args()
    con = duckdb.connect()
    start = time.perf_counter()
    make_corpus(con, args.stories, args.articles_per_story)
    print(f"corpus: {args.stories} stories, {args.stories * args.articles_per_story} articles, "
          f"made in {time.perf_counter() - start:.1f} s")
    story = f"s{args.stories // 2}"
    print(f"{'view':<18} {'one story (ms)':>15} {'whole corpus (ms)':>18} {'rows':>9}")
    for view in _VIEWS:
        one = _seconds(con, f"select * from {view} where story_id = ?", [story], 5)  # noqa: S608
        whole = _seconds(con, f"select * from {view}", [], 1)  # noqa: S608
        rows = con.execute(f"select count(*) from {view}").fetchone()  # noqa: S608
        print(f"{view:<18} {one * 1000:>15.1f} {whole * 1000:>18.1f} {rows[0] if rows else 0:>9}")
    con.close()
    time_report(args.report_stories, args.articles_per_story)


def time_report(stories: int, per_story: int) -> None:
    """Publish a synthetic warehouse in a data dir and time `newsflow report` over it."""
    with tempfile.TemporaryDirectory() as tmp:
        layout = prepare(Path(tmp) / "data")
        build = layout.build_dir("bench")
        build.mkdir(parents=True)
        con = duckdb.connect(str(build / WAREHOUSE_FILE))
        make_corpus(con, stories, per_story)
        con.close()
        publish(layout, build, "bench", keep=1)
        start = time.perf_counter()
        summary = write_report(layout.root, Path(tmp) / "out")
        seconds = time.perf_counter() - start
        print(f"report: {summary.story_pages} story pages, {summary.charts} charts in {seconds:.1f} s "
              f"({seconds / max(summary.story_pages, 1) * 1000:.0f} ms a page)")


if __name__ == "__main__":
    main()
