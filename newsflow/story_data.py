"""Stories read from the published warehouse's story views, as records for the terminal and the report.

Everything here reads the public views of warehouse/sql/views/ (stories, story_articles,
story_statements, story_disagreements, story_entities, first_reports) through a read-only
connection to the last completed run; the queries are newsflow/queries/*.sql.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from warehouse.layout import DataLayout

TOP_ENTITIES = 10  # entities shown per story (1-100)
MIN_OUTLETS_FIRST_REPORT = 2  # first reports shown only for what at least this many outlets reported


T = TypeVar("T")


class StoryDataError(RuntimeError):
    """The stories cannot be read: no warehouse yet, no story views in it, or no such story."""


@dataclass(frozen=True)
class StorySummary:
    """One story as the stories view lists it."""

    story_id: str
    title: str | None
    first_date: dt.date | None
    last_date: dt.date | None
    articles: int
    outlets: int
    statements: int
    disagreements: int
    outlet_names: tuple[str, ...]
    undated_articles: int


# The columns `newsflow stories` prints, in order.
LIST_COLUMNS = ("story_id", "title", "first_date", "last_date", "articles", "outlets", "statements", "disagreements")


@dataclass(frozen=True)
class CoverageItem:
    """One article of a story."""

    coverage_order: int
    article_id: str
    outlet: str
    published_date: dt.date | None
    first_to_report: bool | None
    title: str | None
    author: str | None
    url: str | None
    word_count: int
    duplicate_of: str | None


@dataclass(frozen=True)
class StatementVersion:
    """One outlet's wording of a shared statement."""

    outlet: str
    published_date: dt.date | None
    carried_first: bool | None
    quote_text: str
    speaker_as_reported: str | None
    article_id: str
    quote_id: str


@dataclass(frozen=True)
class SharedStatement:
    """A statement several outlets of the story carried, with every wording."""

    statement_id: str
    speaker: str | None
    outlet_count: int
    article_count: int
    first_published_date: dt.date | None
    first_outlets: tuple[str, ...]
    versions: tuple[StatementVersion, ...]


@dataclass(frozen=True)
class StatedFigure:
    """One outlet's value in a figure disagreement."""

    figure_id: str
    article_id: str
    outlet: str
    published_date: dt.date | None
    title: str | None
    value: float
    qualifier: str | None
    surface: str


@dataclass(frozen=True)
class FigureDisagreement:
    """One kind of figure (category, subject, unit) on which the story's outlets disagree."""

    category: str
    subject: str
    unit: str
    low: float
    high: float
    outlets: int
    figures: tuple[StatedFigure, ...]

    @property
    def label(self) -> str:
        """'killed: people', or 'money: aid (USD)' when the unit says more than the subject."""
        label = f"{self.category}: {self.subject}" if self.subject else self.category
        return f"{label} ({self.unit})" if self.unit and self.unit != self.subject else label


@dataclass(frozen=True)
class EntityCoverage:
    """An entity the story mentions, and how often each outlet mentions it."""

    rank: int
    entity_id: str
    name: str
    entity_type: str
    mentions: int
    outlets: int
    by_outlet: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class FirstReport:
    """A statement or figure several outlets reported, and who reported it first."""

    item_type: str
    wording: str
    speaker: str | None
    category: str | None
    unit: str | None
    value: float | None
    first_article_id: str
    first_outlet: str
    first_published_date: dt.date | None
    first_title: str | None
    first_outlets: tuple[str, ...]
    article_count: int
    outlet_count: int


@dataclass(frozen=True)
class Story:
    """Everything the story page and the story command show."""

    summary: StorySummary
    coverage: tuple[CoverageItem, ...]
    statements: tuple[SharedStatement, ...]
    disagreements: tuple[FigureDisagreement, ...]
    entities: tuple[EntityCoverage, ...]
    first_reports: tuple[FirstReport, ...]


@cache
def query(name: str) -> str:
    """The text of newsflow/queries/<name>.sql."""
    return resources.files("newsflow").joinpath("queries", f"{name}.sql").read_text("utf-8")


@contextmanager
def open_stories(data_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the last completed warehouse under data_dir."""
    path = DataLayout(data_dir.resolve()).published_warehouse()
    if path is None:
        raise StoryDataError(f"no warehouse under {data_dir} yet: run `newsflow run` first")
    con = duckdb.connect(str(path), read_only=True, config={"autoinstall_known_extensions": False})
    try:
        views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
        if "stories" not in views:
            raise StoryDataError(f"the warehouse under {data_dir} has no story views: run `newsflow run` again")
        yield con
    finally:
        con.close()


def list_stories(con: duckdb.DuckDBPyConnection) -> list[StorySummary]:
    """Every story, newest first."""
    return [_summary(row) for row in _rows(con, "stories_list", {})]


def find_story_id(con: duckdb.DuckDBPyConnection, typed: str) -> str:
    """The story id the user meant: an exact id or a unique prefix of one."""
    matches = [row["story_id"] for row in _rows(con, "story_ids_like", {"prefix": typed})] if typed else []
    if not matches:
        raise StoryDataError(f"no story {typed!r}: `newsflow stories` lists them")
    if matches[0] != typed and len(matches) > 1:
        raise StoryDataError(f"{typed!r} starts several story ids: give more of it")
    return str(matches[0])


def load_story(con: duckdb.DuckDBPyConnection, story_id: str) -> Story:
    """One story with its coverage, shared statements, disagreements, entities and first reports."""
    summaries = _rows(con, "story_summary", {"story_id": story_id})
    if not summaries:
        raise StoryDataError(f"no story {story_id!r}: `newsflow stories` lists them")
    return _assemble(con, [_summary(summaries[0])], story_id)[0]


def load_stories(con: duckdb.DuckDBPyConnection) -> list[Story]:
    """Every story, newest first, reading each view once for the whole corpus rather than once per story."""
    return _assemble(con, list_stories(con), None)


def _assemble(con: duckdb.DuckDBPyConnection, summaries: list[StorySummary], story_id: str | None) -> list[Story]:
    """Stories from their summaries and the rows of the story views (one story's, or all when story_id is None)."""
    params: dict[str, Any] = {"story_id": story_id}
    coverage = _by_story(_rows(con, "story_coverage", params))
    statements = _by_story(_rows(con, "story_statements", params))
    figures = _by_story(_rows(con, "story_disagreements", params))
    entities = _by_story(_rows(con, "story_entities", {**params, "top": TOP_ENTITIES}))
    firsts = _by_story(_rows(con, "story_first_reports", {**params, "min_outlets": MIN_OUTLETS_FIRST_REPORT}))
    return [
        Story(
            summary=s,
            coverage=tuple(_record(CoverageItem, row) for row in coverage.get(s.story_id, [])),
            statements=_statements(statements.get(s.story_id, [])),
            disagreements=_disagreements(figures.get(s.story_id, [])),
            entities=_entities(entities.get(s.story_id, [])),
            first_reports=tuple(_first_report(row) for row in firsts.get(s.story_id, [])),
        )
        for s in summaries
    ]


def last_refresh(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    """When the last completed run finished, or None."""
    rows = _rows(con, "last_run", {})
    return rows[0]["finished_at"] if rows else None


# C0 and C1 control characters: escape sequences for a terminal, invalid in XML (SVG) and HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]+")


def printable(text: str) -> str:
    """Untrusted text without control characters (each run becomes one space); tabs and newlines stay."""
    return _CONTROL.sub(" ", text)


def format_value(value: float) -> str:
    """A figure's value for people: 1,200 or 2.75."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cursor = con.execute(query(name), params)
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _by_story(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows grouped by their story_id (the queries sort by it first)."""
    return {story_id: list(group) for story_id, group in groupby(rows, key=lambda r: r["story_id"])}


def _record(cls: type[T], row: dict[str, Any]) -> T:
    """A record of one of the dataclasses above from the row's columns of the same names."""
    return cls(**{name: row[name] for name in cls.__dataclass_fields__})  # type: ignore[attr-defined]


def _summary(row: dict[str, Any]) -> StorySummary:
    return StorySummary(**{**row, "outlet_names": tuple(row["outlet_names"] or ())})


def _statements(rows: list[dict[str, Any]]) -> tuple[SharedStatement, ...]:
    statements = []
    for statement_id, group in groupby(rows, key=lambda r: r["statement_id"]):
        versions = list(group)
        head = versions[0]
        statements.append(SharedStatement(
            statement_id=statement_id,
            speaker=head["speaker"],
            outlet_count=head["outlet_count"],
            article_count=head["article_count"],
            first_published_date=head["first_published_date"],
            first_outlets=tuple(head["first_outlets"] or ()),
            versions=tuple(
                _record(StatementVersion, v) for v in versions
            ),
        ))
    return tuple(statements)


def _disagreements(rows: list[dict[str, Any]]) -> tuple[FigureDisagreement, ...]:
    kinds = []
    for (category, subject, unit), group in groupby(rows, key=lambda r: (r["category"], r["subject"], r["unit"])):
        figures = list(group)
        head = figures[0]
        kinds.append(FigureDisagreement(
            category=category, subject=subject, unit=unit, low=head["kind_low"], high=head["kind_high"],
            outlets=head["kind_outlets"],
            figures=tuple(_record(StatedFigure, f) for f in figures),
        ))
    return tuple(kinds)


def _entities(rows: list[dict[str, Any]]) -> tuple[EntityCoverage, ...]:
    entities = []
    for rank, group in groupby(rows, key=lambda r: r["entity_rank"]):
        outlets = list(group)
        head = outlets[0]
        entities.append(EntityCoverage(
            rank=rank, entity_id=head["entity_id"], name=head["canonical_name"], entity_type=head["entity_type"],
            mentions=head["story_mentions"], outlets=head["story_outlets"],
            by_outlet=tuple((o["outlet"], o["outlet_mentions"]) for o in outlets),
        ))
    return tuple(entities)


def _first_report(row: dict[str, Any]) -> FirstReport:
    return _record(FirstReport, {**row, "first_outlets": tuple(row["first_outlets"] or ())})
