"""Fixtures for the story commands: the real pipeline run once on seeds/, and small hand-made warehouses."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS


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


# Untrusted text in every field a page or the terminal shows: markup, script, handlers, escape sequences.
HOSTILE_TITLE = ("\x1b[2J\x1b]0;owned\x07[bold red]Breaking[/bold red] <script>alert(1)</script>"
                 "<img src=x onerror=alert(2)>")
HOSTILE_OUTLET = "[link=file:///etc]Outlet[/link] <b onmouseover=alert(3)>bold</b>"
_BODY = (
    "The river burst its banks on Tuesday night and flooded the lower town, officials said. Water reached the "
    "first floor of the market hall before dawn, and the fire brigade moved families from the houses along the "
    "quay to the school on the hill. The mayor said the pumps would run all week and that the bridge would stay "
    "closed until engineers had checked it. Shopkeepers began carrying stock to upper rooms as the rain went on."
)


@pytest.fixture(scope="session")
def hostile_data(prefect_backend: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline's warehouse for two copies of one report whose title, outlet and URL are hostile."""
    from flows.pipeline import newsflow_run
    from newsflow.settings import Settings

    root = tmp_path_factory.mktemp("hostile")
    (root / "input").mkdir()
    records = [
        {"url": "javascript:alert(4)", "title": HOSTILE_TITLE, "date": "2024-05-01", "source": HOSTILE_OUTLET,
         "text": _BODY},
        {"url": "https://example.org/flood", "title": "Flood in the lower town", "date": "2024-05-02",
         "source": "Another <i>outlet</i>", "text": _BODY},
    ]
    (root / "input" / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    summary = newsflow_run(Settings.from_env(root / "input", root / "data"))
    assert summary.run.status == "completed"
    return root / "data"
