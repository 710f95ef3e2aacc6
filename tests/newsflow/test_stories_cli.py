"""`newsflow stories` and `newsflow story ID`: exit codes and what a person reads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsflow.cli import main
from newsflow.story_data import LIST_COLUMNS
from tests.newsflow.conftest import seed_query, without_revenge_story


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps at the terminal width: a wide one keeps each wording on one line for the assertions."""
    monkeypatch.setenv("COLUMNS", "400")


def test_stories_lists_every_story_newest_first_as_csv(seed_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--data", str(seed_data), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == LIST_COLUMNS
    stories = {r[0]: r for r in rows[1:]}
    assert set(stories) == {r[0] for r in seed_query(seed_data, "select distinct story_id from articles")}
    last_dates = [r[3] for r in rows[1:] if r[3]]
    assert last_dates == sorted(last_dates, reverse=True)  # newest first
    story_id, _ = without_revenge_story(seed_data)
    assert int(stories[story_id][6]) >= 1 and int(stories[story_id][7]) >= 1  # statements, disagreements


def test_stories_as_json_lines_and_as_a_table(seed_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--data", str(seed_data), "--format", "json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(tuple(r) == LIST_COLUMNS for r in records)
    story_id, _ = without_revenge_story(seed_data)
    assert main(["stories", "--data", str(seed_data)]) == 0
    table = capsys.readouterr().out
    assert story_id in table and f"{len(records)} stories" in table


def test_story_prints_coverage_shared_statements_and_disagreeing_figures(
    seed_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story_id, statement_id = without_revenge_story(seed_data)
    assert main(["story", story_id, "--data", str(seed_data)]) == 0
    out = capsys.readouterr().out
    for heading in ("Coverage", "Shared statements", "Figures that disagree"):
        assert heading in out
    titles = seed_query(seed_data, "select title from articles where story_id = ? and title is not null", [story_id])
    assert all(t in out for (t,) in titles)
    wordings = seed_query(seed_data, "select q.quote_text from quotes as q join articles as a using (article_id) "
                                     "where q.statement_id = ? and a.story_id = ?", [statement_id, story_id])
    assert all(f"“{w}”" in out for (w,) in wordings)  # every outlet's wording
    assert "727" in out and "826" in out


def test_story_takes_a_unique_prefix_of_an_id(seed_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story_id, _ = without_revenge_story(seed_data)
    prefixes = [story_id[:n] for n in range(4, len(story_id))
                if len(seed_query(seed_data, "select distinct story_id from articles where starts_with(story_id, ?)",
                                  [story_id[:n]])) == 1]
    assert main(["story", prefixes[0], "--data", str(seed_data)]) == 0
    assert story_id in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["story", "no-such-story"], "no story 'no-such-story'"),  # an unknown id
        (["story", ""], "no story ''"),  # an empty id matches nothing, not everything
    ],
)
def test_unknown_story_is_a_one_line_error(seed_data: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                           message: str) -> None:
    assert main([*argv, "--data", str(seed_data)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err


@pytest.mark.parametrize("argv", [["stories"], ["story", "abc"], ["report", "--out", "OUT"]])
def test_no_warehouse_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in argv]
    assert main([*argv, "--data", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "newsflow run" in err


def test_article_text_cannot_restyle_or_drive_the_terminal(hostile_data: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    story_id, title, outlet = seed_query(hostile_data, "select story_id, title, source_name from articles "
                                                       "where url like 'javascript:%'")[0]
    assert "[bold red]" in title and "[link=" in outlet  # the pipeline kept the markup-like text
    assert main(["story", story_id, "--data", str(hostile_data)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out  # no escape sequence reaches the terminal
    assert "[bold red]Breaking[/bold red]" in out  # markup is shown, not applied
    assert "[link=file:///etc]Outlet[/link]" in out
