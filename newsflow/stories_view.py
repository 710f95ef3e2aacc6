"""The terminal views of stories: `newsflow stories` (the list) and `newsflow story ID` (one story).

Text from articles is untrusted: it is printed as rich Text (never parsed as markup) with
control characters removed, so a headline cannot restyle or drive the terminal.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsflow.story_data import (
    LIST_COLUMNS,
    FigureDisagreement,
    SharedStatement,
    Story,
    StoryDataError,
    StorySummary,
    find_story_id,
    format_value,
    list_stories,
    load_story,
    open_stories,
    printable,
)


def stories_command(args: argparse.Namespace) -> int:
    """Print every story, newest first, as a table, CSV or JSON lines."""
    try:
        with open_stories(Path(args.data)) as con:
            stories = list_stories(con)
    except StoryDataError as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2
    rows = [[getattr(s, column) for column in LIST_COLUMNS] for s in stories]
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(LIST_COLUMNS)
        writer.writerows(rows)
    elif args.format == "json":
        for row in rows:
            print(json.dumps(dict(zip(LIST_COLUMNS, row, strict=True)), default=str, ensure_ascii=False))
    else:
        _console().print(stories_table(stories))
    return 0


def story_command(args: argparse.Namespace) -> int:
    """Print one story for a person to read."""
    try:
        with open_stories(Path(args.data)) as con:
            story = load_story(con, find_story_id(con, args.story_id))
    except StoryDataError as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2
    _console().print(story_view(story))
    return 0


def stories_table(stories: list[StorySummary]) -> Table:
    """The list of stories as a rich table."""
    table = Table(title=f"{len(stories)} stories, newest first", title_justify="left")
    table.add_column("story_id", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    for name in ("articles", "outlets", "statements", "disagreements"):
        table.add_column(name, justify="right")
    for s in stories:
        table.add_row(s.story_id, clean(s.title or "(no title)"), _date(s.first_date), _date(s.last_date),
                      str(s.articles), str(s.outlets), str(s.statements), str(s.disagreements))
    return table


def story_view(story: Story) -> Group:
    """One story: header, coverage timeline, shared statements, disagreeing figures, entities."""
    s = story.summary
    header = Text()
    header.append_text(clean(s.title or "(no title)", "bold"))
    header.append(f"\nstory {s.story_id} · {_span(s.first_date, s.last_date)} · {_count(s.articles, 'article')} · "
                  f"{_count(s.outlets, 'outlet')} · {_count(s.statements, 'shared statement')} · "
                  f"{_count(s.disagreements, 'disagreement')}", style="dim")
    parts: list[object] = [header, _heading("Coverage"), _coverage(story)]
    parts.append(_heading("Shared statements"))
    if not story.statements:
        parts.append(Text("No statement was carried by more than one outlet.", style="dim"))
    for statement in story.statements:
        parts.append(_statement(statement))
    parts.append(_heading("Figures that disagree"))
    if not story.disagreements:
        parts.append(Text("No figure differs between outlets.", style="dim"))
    for kind in story.disagreements:
        parts.append(_disagreement(kind))
    if story.entities:
        parts.append(_heading("Most mentioned"))
        parts.append(_entities(story))
    return Group(*parts)  # type: ignore[arg-type]


def clean(text: str, style: str = "") -> Text:
    """Untrusted text as plain rich Text: no markup, no control characters."""
    return Text(" ".join(printable(text).split()), style=style)


def _coverage(story: Story) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("outlet")
    table.add_column("title", ratio=1)
    table.add_column("words", justify="right")
    table.add_column("note")
    for item in story.coverage:
        note = "first to report" if item.first_to_report else ""
        if item.duplicate_of:
            note = f"copy of {item.duplicate_of}"
        table.add_row(_date(item.published_date), clean(item.outlet), clean(item.title or "(no title)"),
                      str(item.word_count), note)
    return table


def _statement(statement: SharedStatement) -> Padding:
    title = Text()
    title.append_text(clean(statement.speaker or "Unattributed", "bold"))
    first = ", ".join(statement.first_outlets)
    title.append(f" — {statement.outlet_count} outlets", style="dim")
    if first:
        title.append(" · first: ", style="dim")
        title.append_text(clean(f"{first} ({_date(statement.first_published_date)})", "dim"))
    table = Table(show_edge=False, pad_edge=False, show_header=False)
    table.add_column("outlet", style="cyan")
    table.add_column("date", no_wrap=True)
    table.add_column("wording", ratio=1)
    for v in statement.versions:
        table.add_row(clean(v.outlet), _date(v.published_date), clean(f"“{v.quote_text}”"))
    return Padding(Group(title, table), (1, 0, 0, 2))


def _disagreement(kind: FigureDisagreement) -> Padding:
    title = Text()
    title.append_text(clean(kind.label, "bold"))
    title.append(f" — from {format_value(kind.low)} to {format_value(kind.high)}, {kind.outlets} outlets", style="dim")
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("outlet", style="cyan")
    table.add_column("date", no_wrap=True)
    table.add_column("value", justify="right")
    table.add_column("as written", ratio=1)
    for f in kind.figures:
        table.add_row(clean(f.outlet), _date(f.published_date), format_value(f.value), clean(f"“{f.surface}”"))
    return Padding(Group(title, table), (1, 0, 0, 2))


def _entities(story: Story) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("entity")
    table.add_column("type")
    table.add_column("mentions", justify="right")
    table.add_column("outlets (mentions)", ratio=1)
    for e in story.entities:
        outlets = ", ".join(f"{outlet} ({n})" for outlet, n in e.by_outlet)
        table.add_row(clean(e.name), e.entity_type, str(e.mentions), clean(outlets))
    return table


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "no date"


def _span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None:
        return "no dates"
    return _date(first) if first == last else f"{_date(first)} to {_date(last)}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _console() -> Console:
    # highlight=False: rich would otherwise colour numbers and URLs inside article text
    return Console(highlight=False)
