"""Fixtures for the story commands: the real pipeline run once on seeds/, and small hand-made warehouses."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from transforms.records import Article, StoryAssignment


@pytest.fixture(scope="session")
def seed_data(prefect_backend: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the real pipeline's warehouse for seeds/ (built once; read-only for tests)."""
    from flows.pipeline import newsflow_run
    from newsflow.settings import Settings

    root = tmp_path_factory.mktemp("seed-stories")
    shutil.copytree(SEEDS, root / "input")
    summary = newsflow_run(Settings.from_env(root / "input", root / "data"))
    assert summary.run.status == "completed"
    return root / "data"


def seed_query(data: Path, sql: str, params: Sequence[object] = ()) -> list[tuple]:
    """Rows of a query on the published seed warehouse."""
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def without_revenge_story(data: Path) -> tuple[str, str]:
    """(story_id, statement_id) of the story carrying the 'conquest without revenge' statement in most outlets."""
    ids = seed_query(data, "select distinct statement_id from quotes "
                           "where quote_text ilike '%conquest without revenge%'")
    assert len(ids) == 1, ids  # every wording of it is one statement
    statement_id = ids[0][0]
    rows = seed_query(data, "select story_id from story_statements where statement_id = ? "
                            "order by outlet_count desc, story_id limit 1", [statement_id])
    assert rows, "no story shares the statement across outlets"
    return rows[0][0], statement_id


def article(article_id: str, *, title: str | None = "A headline", outlet: str | None = "Outlet A",
            published: dt.date | None = dt.date(2024, 5, 1), url: str | None = None) -> Article:
    """A small article record for hand-made warehouses."""
    return Article(article_id=article_id, source_path=f"{article_id}.txt", source_format="text", line_number=None,
                   content_sha256=article_id * 4, title=title, author=None, published_date=published,
                   source_name=outlet, url=url, language="en", dateline=None, text="Some text.", word_count=2)


@pytest.fixture
def make_warehouse(tmp_path: Path) -> Callable[..., Path]:
    """Publish a warehouse holding these articles, each its own story unless one story is named; return its data dir."""

    def make(articles: list[Article], story_id: str | None = None) -> Path:
        from warehouse.layout import prepare
        from warehouse.store import Build

        data = tmp_path / "data"
        with Build(prepare(data), "20260101T000000000000-test", full_refresh=False, keep_snapshots=2) as build:
            build.add_articles(articles)
            build.set_stories([StoryAssignment(a.article_id, story_id or f"story-{a.article_id}", None)
                               for a in articles])
            build.set_statements({})
            build.publish()
        return data

    return make
