"""Data checks: each fails on a crafted bad warehouse and passes on a good one; a failure fails the run."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_run
from newsflow.settings import Settings
from warehouse.store import run_checks

pytestmark = pytest.mark.usefixtures("prefect_backend")


@pytest.fixture(scope="module")
def good_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SEEDS

    data = tmp_path_factory.mktemp("checks") / "data"
    newsflow_run(Settings.from_env(SEEDS, data))
    return data / "current" / "warehouse.duckdb"


def test_every_check_passes_on_a_good_warehouse(good_warehouse: Path) -> None:
    con = duckdb.connect(str(good_warehouse), read_only=True)
    try:
        results = run_checks(con)
    finally:
        con.close()
    assert len(results) >= 15 and all(r.passed for r in results)


@pytest.mark.parametrize(
    "corruption, check",
    [
        ("update quotes set article_id = 'gone' where quote_id = (select min(quote_id) from quotes)",
         "quotes.article_id resolves to articles"),
        ("update figures set article_id = 'gone' where figure_id = (select min(figure_id) from figures)",
         "figures.article_id resolves to articles"),
        ("update entity_mentions set article_id = 'gone' "
         "where mention_id = (select min(mention_id) from entity_mentions)",
         "entity_mentions.article_id resolves to articles"),
        ("update entity_mentions set entity_id = 'gone' "
         "where mention_id = (select min(mention_id) from entity_mentions)",
         "entity_mentions.entity_id resolves to entities"),
        ("update quotes set speaker_entity_id = 'gone' where quote_id = (select min(quote_id) from quotes)",
         "quotes.speaker_entity_id resolves to entities"),
        ("update articles set duplicate_of = 'gone' where article_id = (select min(article_id) from articles)",
         "articles.duplicate_of resolves to articles"),
        ("update quotes set start_char = start_char + 1 where quote_id = (select min(quote_id) from quotes)",
         "quote spans are exact"),
        ("update figures set end_char = end_char + 2 where figure_id = (select min(figure_id) from figures)",
         "figure spans are exact"),
        ("update entity_mentions set surface = 'Elsewhere' "
         "where mention_id = (select min(mention_id) from entity_mentions)",
         "entity mention spans are exact"),
        ("update figures set category = 'deaths' where figure_id = (select min(figure_id) from figures)",
         "figures.category within its list"),
        ("update figures set qualifier = 'roughly' where figure_id = (select min(figure_id) from figures)",
         "figures.qualifier within its list"),
        ("update quotes set quote_type = 'quote' where quote_id = (select min(quote_id) from quotes)",
         "quotes.quote_type within its list"),
        ("update entities set entity_type = 'CITY' where entity_id = (select min(entity_id) from entities)",
         "entities.entity_type within its list"),
        ("update entity_mentions set entity_type = 'LAW' "
         "where mention_id = (select min(mention_id) from entity_mentions)",
         "entity_mentions.entity_type matches its entity"),
        ("update articles set text = ' ' where article_id = (select min(article_id) from articles)",
         "no article with an empty text"),
    ],
)
def test_each_check_fails_on_a_crafted_bad_warehouse(
    good_warehouse: Path, tmp_path: Path, corruption: str, check: str
) -> None:
    bad = tmp_path / "bad.duckdb"
    shutil.copyfile(good_warehouse, bad)
    con = duckdb.connect(str(bad))
    try:
        con.execute(corruption)
        results = {r.check_name: r for r in run_checks(con)}
    finally:
        con.close()
    assert not results[check].passed and results[check].failing_rows >= 1


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

    monkeypatch.setattr("flows.pipeline.link_speakers", broken_links)
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
