"""The cross-source story views (warehouse/sql/views/): on the seeds through the real pipeline, and on
small literal cases in an in-memory database holding only the contract's columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest

from tests.newsflow.conftest import seed_query, without_revenge_story
from warehouse.sqlfiles import view_names, view_sql

D1, D2 = dt.date(2024, 5, 1), dt.date(2024, 5, 2)


def test_the_without_revenge_statement_is_one_statement_with_every_outlets_wording(seed_data: Path) -> None:
    story_id, statement_id = without_revenge_story(seed_data)
    shown = seed_query(seed_data, "select outlet, published_date, quote_text, carried_first, first_outlets, "
                                  "first_published_date, outlet_count from story_statements "
                                  "where story_id = ? and statement_id = ? order by version_order",
                       [story_id, statement_id])
    carried = seed_query(seed_data, "select coalesce(a.source_name, a.source_path), a.published_date, q.quote_text "
                                    "from quotes as q join articles as a using (article_id) "
                                    "where q.statement_id = ? and a.story_id = ?", [statement_id, story_id])
    # every quotation of the statement in the story's articles, each with its outlet and date
    assert sorted((o, d, t) for o, d, t, *_ in shown) == sorted(carried)
    outlets = {o for o, *_ in carried}
    assert len(outlets) >= 2 and {r[6] for r in shown} == {len(outlets)}
    wordings = {t for _, _, t, *_ in shown}
    assert sum("conquest without revenge" in t for t in wordings) >= 2  # two outlets' translations, both kept
    # who carried it first: the outlets on the earliest known date
    dates = [d for _, d, _ in carried if d is not None]
    if dates:
        first = min(dates)
        assert {r[5] for r in shown} == {first}
        assert shown[0][4] == sorted({o for o, d, _ in carried if d == first})  # on the first row only
        assert all(r[4] is None for r in shown[1:])
        assert all(r[3] == (r[1] == first) for r in shown if r[1] is not None)


def test_the_727_against_826_killed_disagreement_lists_both_outlets_and_their_dates(seed_data: Path) -> None:
    rows = seed_query(seed_data, "select d.story_id, d.outlet, d.published_date, d.value, d.article_id, "
                                 "a.published_date, coalesce(a.source_name, a.source_path) "
                                 "from story_disagreements as d join articles as a using (article_id) "
                                 "where d.category = 'killed' and d.value in (727, 826)")
    assert {r[3] for r in rows} == {727, 826}
    assert len({r[0] for r in rows}) == 1  # one story
    by_value = {v: {r[1] for r in rows if r[3] == v} for v in (727, 826)}
    assert by_value[727].isdisjoint(by_value[826])  # different outlets give different values
    for _, outlet, date, _, _, article_date, article_outlet in rows:
        assert (outlet, date) == (article_outlet, article_date)  # each outlet's own date
    story = seed_query(seed_data, "select disagreements from stories where story_id = ?", [rows[0][0]])
    assert story[0][0] >= 1


def test_each_story_row_agrees_with_its_articles(seed_data: Path) -> None:
    stories = seed_query(seed_data, "select story_id, articles, outlets, first_date, last_date, statements, "
                                    "undated_articles from stories")
    expected = seed_query(seed_data, "select story_id, count(*), count(distinct coalesce(source_name, source_path)), "
                                     "min(published_date), max(published_date) from articles group by story_id")
    assert sorted(s[:5] for s in stories) == sorted(expected)
    for story_id, *_, statements, undated in stories:
        shared = seed_query(seed_data, "select count(distinct statement_id) from story_statements where story_id = ?",
                            [story_id])
        assert statements == shared[0][0]
        assert undated == seed_query(seed_data, "select count(*) from articles where story_id = ? and "
                                                "published_date is null", [story_id])[0][0]


def test_story_entities_count_every_mention_by_outlet(seed_data: Path) -> None:
    story_id, _ = without_revenge_story(seed_data)
    rows = seed_query(seed_data, "select entity_rank, entity_id, story_mentions, outlet, outlet_mentions "
                                 "from story_entities where story_id = ? order by entity_rank", [story_id])
    top_rank, top_id, top_mentions = rows[0][:3]
    assert top_rank == 1
    direct = seed_query(seed_data, "select count(*) from entity_mentions join articles using (article_id) "
                                   "where story_id = ? and entity_id = ?", [story_id, top_id])
    assert top_mentions == direct[0][0] == sum(r[4] for r in rows if r[1] == top_id)
    assert top_mentions == max(r[2] for r in rows)  # rank 1 is the most mentioned


def test_first_reports_name_the_earliest_article_of_each_statement(seed_data: Path) -> None:
    story_id, statement_id = without_revenge_story(seed_data)
    row = seed_query(seed_data, "select first_outlet, first_published_date, article_count from first_reports "
                                "where story_id = ? and item_type = 'statement' and item_key = ?",
                     [story_id, statement_id])
    carriers = seed_query(seed_data, "select coalesce(a.source_name, a.source_path), a.published_date from quotes "
                                     "join articles as a using (article_id) where statement_id = ? and story_id = ?",
                          [statement_id, story_id])
    dated = sorted((d, o) for o, d in carriers if d is not None)
    assert row[0][2] == len(carriers)
    if dated:
        assert row[0][1] == dated[0][0] and row[0][0] == dated[0][1]


# --- literal cases: (articles as (id, outlet, date), quotes as (article, statement)) -> what story_statements says

CONTRACT_TABLES = """
create table articles (article_id varchar, source_path varchar, source_name varchar, published_date date,
    title varchar, author varchar, url varchar, word_count integer, story_id varchar, duplicate_of varchar);
create table quotes (quote_id varchar, article_id varchar, quote_text varchar, start_char integer,
    speaker varchar, statement_id varchar);
create table figures (figure_id varchar, article_id varchar, surface varchar, start_char integer, value double,
    value_low double, value_high double, qualifier varchar, unit varchar, category varchar, subject varchar);
create table entities (entity_id varchar, canonical_name varchar, entity_type varchar);
create table entity_mentions (mention_id varchar, article_id varchar, entity_id varchar);
"""


def _views(articles: list[tuple[str, str, dt.date | None]], quotes: list[tuple[str, str]],
           figures: Sequence[tuple[str, str, float]] = ()) -> duckdb.DuckDBPyConnection:
    """An in-memory database of one story with only the contract's columns, and every view."""
    con = duckdb.connect()
    con.execute(CONTRACT_TABLES)
    for article_id, outlet, day in articles:
        con.execute("insert into articles values (?, ?, ?, ?, 't', null, null, 10, 's', null)",
                    [article_id, f"{article_id}.txt", outlet, day])
    for i, (article_id, statement_id) in enumerate(quotes):
        con.execute("insert into quotes values (?, ?, ?, ?, 'Someone', ?)",
                    [f"q{i}", article_id, f"words {i}", i, statement_id])
    for i, (article_id, category, value) in enumerate(figures):
        con.execute("insert into figures values (?, ?, ?, ?, ?, ?, ?, 'exact', 'people', ?, 'people')",
                    [f"f{i}", article_id, str(value), i, value, value, value, category])
    for name in view_names():  # in name order: a view reads only views whose names sort before it
        con.execute(view_sql(name))
    return con


@pytest.mark.parametrize(
    ("articles", "quotes", "expected"),
    [
        # one outlet twice is not a statement several outlets carried
        ([("a", "X", D1), ("b", "X", D2)], [("a", "s"), ("b", "s")], []),
        # two outlets: the earlier one carried it first
        ([("a", "X", D2), ("b", "Y", D1)], [("a", "s"), ("b", "s")], [("s", ["Y"], ["Y", "X"])]),
        # a tie on the first date names both outlets
        ([("a", "X", D1), ("b", "Y", D1)], [("a", "s"), ("b", "s")], [("s", ["X", "Y"], ["X", "Y"])]),
        # no date at all: nobody is known to be first; versions by outlet
        ([("a", "Y", None), ("b", "X", None)], [("a", "s"), ("b", "s")], [("s", None, ["X", "Y"])]),
        # an undated version comes after the dated ones
        ([("a", "X", None), ("b", "Y", D2)], [("a", "s"), ("b", "s")], [("s", ["Y"], ["Y", "X"])]),
    ],
)
def test_story_statements_cases(articles: list, quotes: list, expected: list) -> None:
    con = _views(articles, quotes)
    rows = con.execute("select statement_id, first_outlets, outlet, version_order from story_statements "
                       "order by statement_id, version_order").fetchall()
    firsts = {r[0]: r[1] for r in rows if r[3] == 1}
    assert all(r[1] is None for r in rows if r[3] != 1)  # the list is on the statement's first row only
    got = [(sid, first, [r[2] for r in rows if r[0] == sid]) for sid, first in firsts.items()]
    assert got == expected


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        # 90 against 100 killed in two articles: both figures are disputed
        ([("a", "killed", 90.0), ("b", "killed", 100.0)], [("X", 90.0), ("Y", 100.0)]),
        # the same value everywhere is no disagreement
        ([("a", "killed", 100.0), ("b", "killed", 100.0)], []),
        # different kinds of figure never disagree with each other
        ([("a", "killed", 90.0), ("b", "injured", 100.0)], []),
    ],
)
def test_story_disagreements_cases(figures: list, expected: list) -> None:
    con = _views([("a", "X", D1), ("b", "Y", D2)], [], figures)
    assert con.execute("select outlet, value from story_disagreements order by figure_order").fetchall() == expected
    assert con.execute("select disagreements from stories").fetchall() == [(1 if expected else 0,)]


def test_a_copy_is_no_disagreement_with_its_original_or_the_others() -> None:
    # b copies a (and says 95 where a says 90, as an edited copy may): only a and c are compared
    con = _views([("a", "X", D1), ("b", "Y", D1), ("c", "Z", D2)], [],
                 [("a", "killed", 90.0), ("b", "killed", 95.0), ("c", "killed", 100.0)])
    con.execute("update articles set duplicate_of = 'a' where article_id = 'b'")
    assert con.execute("select outlet_a, value_a, outlet_b, value_b from figure_disagreements").fetchall() == [
        ("X", 90.0, "Z", 100.0)]


VIEW_FILES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "warehouse" / "sql" / "views").glob("*.sql"))


@pytest.mark.parametrize("view", VIEW_FILES)
def test_every_story_view_and_column_carries_a_comment(view: str) -> None:
    # the data dictionary is made from these comments
    con = _views([], [])
    comment = con.execute("select comment from duckdb_views() where view_name = ?", [view]).fetchall()
    assert comment and comment[0][0]
    columns = con.execute("select column_name, comment from duckdb_columns() where table_name = ?", [view]).fetchall()
    assert columns and [c for c, text in columns if not text] == []
