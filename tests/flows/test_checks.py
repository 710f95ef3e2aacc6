"""Data checks: each fails on a crafted bad warehouse and passes on a good one; a failure fails the run."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_run
from newsflow.settings import Settings
from warehouse.build import Build
from warehouse.checks import run_checks
from warehouse.layout import DataLayout
from warehouse.snapshot import published_snapshot
from warehouse.tables import TABLES

pytestmark = pytest.mark.usefixtures("prefect_backend")


@pytest.fixture(scope="module")
def good_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SEEDS

    data = tmp_path_factory.mktemp("checks") / "data"
    newsflow_run(Settings.from_env(SEEDS, data))
    return Path(os.path.realpath(data / "current")) / "warehouse.duckdb"


def _next_build(good_warehouse: Path, name: str) -> Build:
    """A build started from the good warehouse's snapshot (DATA/snapshots/<run>/warehouse.duckdb)."""
    layout = DataLayout(good_warehouse.parent.parent.parent)
    return Build(layout, name, previous=published_snapshot(layout), keep_snapshots=2)


def test_every_check_passes_on_a_good_warehouse(good_warehouse: Path) -> None:
    with _next_build(good_warehouse, "recheck") as build:
        for table in ("articles", "quotes", "figures", "entities", "entity_mentions"):  # everything checked again
            build.touch_units(table, [str(r[0]) for r in build.query(f"select {TABLES[table].unit} from {table}")])
        results = run_checks(build)
    assert len(results) >= 15 and all(r.passed for r in results)


@pytest.mark.parametrize(
    "table, key, corruption, check",
    [
        ("quotes", "quote_id", "article_id = 'gone'", "quotes.article_id resolves to articles"),
        ("figures", "figure_id", "article_id = 'gone'", "figures.article_id resolves to articles"),
        ("entity_mentions", "mention_id", "article_id = 'gone'", "entity_mentions.article_id resolves to articles"),
        ("entity_mentions", "mention_id", "entity_id = 'gone'", "entity_mentions.entity_id resolves to entities"),
        ("quotes", "quote_id", "speaker_entity_id = 'gone'", "quotes.speaker_entity_id resolves to entities"),
        ("articles", "article_id", "duplicate_of = 'gone'", "articles.duplicate_of resolves to articles"),
        ("quotes", "quote_id", "start_char = start_char + 1", "quote spans are exact"),
        ("figures", "figure_id", "end_char = end_char + 2", "figure spans are exact"),
        ("entity_mentions", "mention_id", "surface = 'Elsewhere'", "entity mention spans are exact"),
        ("figures", "figure_id", "category = 'deaths'", "figures.category within its list"),
        ("figures", "figure_id", "qualifier = 'roughly'", "figures.qualifier within its list"),
        ("quotes", "quote_id", "quote_type = 'quote'", "quotes.quote_type within its list"),
        ("entities", "entity_id", "entity_type = 'CITY'", "entities.entity_type within its list"),
        ("entity_mentions", "mention_id", "entity_type = 'LAW'", "entity_mentions.entity_type matches its entity"),
        ("articles", "article_id", "text = ' '", "no article with an empty text"),
        ("entities", "entity_id", "mention_count = 0", "every entity has a mention"),
    ],
)
def test_each_check_fails_on_a_crafted_bad_build(
    good_warehouse: Path, table: str, key: str, corruption: str, check: str
) -> None:
    with _next_build(good_warehouse, f"corrupt-{table}-{key}") as build:
        row_key, unit = build.query(f"select {key}, {TABLES[table].unit} from {table} order by {key} limit 1")[0]
        build.touch_units(table, [unit])
        build.con.execute(f"update delta.{table} set {corruption} where {key} = ?", [row_key])
        results = {r.check_name: r for r in run_checks(build)}
    assert not results[check].passed and results[check].failing_rows >= 1


def _entity_with_mentions_in_one_article(build: Build) -> tuple[str, str]:
    return build.query("select entity_id, min(article_id) from entity_mentions group by entity_id "
                       "having count(distinct article_id) = 1 order by entity_id limit 1")[0]


def _retype_entity(build: Build) -> None:  # its mentions, untouched, keep the old type
    entity, _ = _entity_with_mentions_in_one_article(build)
    build.touch_units("entities", [entity])
    build.con.execute("update delta.entities set entity_type = case when entity_type = 'ORG' then 'GPE' else 'ORG' end "
                      "where entity_id = ?", [entity])


def _remove_entity(build: Build) -> None:  # its mentions, untouched, still point at it
    entity, _ = _entity_with_mentions_in_one_article(build)
    build.touch_units("entities", [entity])
    build.con.execute("delete from delta.entities where entity_id = ?", [entity])


def _drop_mentions_of_entity(build: Build) -> None:  # the entity, untouched, keeps no mention
    entity, article = _entity_with_mentions_in_one_article(build)
    build.touch_units("entity_mentions", [article])
    build.con.execute("delete from delta.entity_mentions where entity_id = ?", [entity])


@pytest.mark.parametrize(
    "corrupt, check",
    [
        (_retype_entity, "entity_mentions.entity_type matches its entity"),
        (_remove_entity, "entity_mentions.entity_id resolves to entities"),
        (_drop_mentions_of_entity, "every entity has a mention"),
    ],
)
def test_checks_see_untouched_rows_that_a_change_breaks(good_warehouse: Path, corrupt: Callable[[Build], None],
                                                         check: str) -> None:
    # the run wrote one side (an entity, or an article's mentions); the broken rows are on the other
    with _next_build(good_warehouse, f"other-side-{corrupt.__name__}") as build:
        corrupt(build)
        results = {r.check_name: r for r in run_checks(build)}
    assert not results[check].passed and results[check].failing_rows >= 1
    assert all(r.passed for name, r in results.items() if name != check)


def test_rewriting_an_articles_mentions_unchanged_passes_every_check(good_warehouse: Path) -> None:
    # its entities are checked for a mention left (they keep theirs): none may fail for want of one
    with _next_build(good_warehouse, "rewritten-mentions") as build:
        article = build.query("select article_id from entity_mentions group by article_id order by count(*) desc "
                              "limit 1")[0][0]
        build.touch_units("entity_mentions", [article])
        results = run_checks(build)
    assert all(r.passed for r in results)


@pytest.mark.parametrize("table", ["story_keys", "entity_mentions", "articles"])
def test_a_duplicated_key_fails_the_check_of_that_table(good_warehouse: Path, table: str) -> None:
    with _next_build(good_warehouse, f"dup-{table}") as build:
        unit = build.query(f"select {TABLES[table].unit} from {table} order by all limit 1")[0][0]
        build.touch_units(table, [unit])
        build.con.execute(f"insert into delta.{table} select * from delta.{table} limit 1")
        results = {r.table_name: r for r in run_checks(build) if " key is unique " in r.check_name}
    assert set(results) == set(build.keys) and "story_keys" in results  # every table's key, state ones too
    assert not results[table].passed and results[table].failing_rows == 1
    assert all(r.passed for name, r in results.items() if name != table)


def test_a_failed_check_fails_the_run_and_keeps_the_last_good_warehouse(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    before = con.execute("select count(*) from articles").fetchall()
    con.close()
    (seeds_dir / "000_8d0b0fc0bd5acc63.txt").write_text("Rebels took the city on Friday. " * 20, "utf-8")
    def broken_links(speakers: list[tuple[str, str, str]], mentions: object) -> dict[str, str]:
        return {quote_id: "no-such-entity" for quote_id, _, _ in speakers}

    monkeypatch.setattr("warehouse.entity_groups.link_speakers", broken_links)
    state = newsflow_run(Settings.from_env(seeds_dir, data), return_state=True)
    assert state.is_failed()
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchall() == before
        status, error = con.execute("select status, error from runs order by started_at desc limit 1").fetchall()[0]
        assert status == "failed" and "speaker_entity_id" in error
        failed = con.execute("select check_name from checks where not passed").fetchall()
        assert ("quotes.speaker_entity_id resolves to entities",) in failed
    finally:
        con.close()
