"""`newsflow report`: a static HTML report of the stories, an index and one page per story.

The pages open from disk with no server and no network: the stylesheet is inlined, the
charts are SVG rendered when the report is written (newsflow/report_charts.py), and no page
holds a script (a Content-Security-Policy forbids them). All text from articles is escaped by
the templates (newsflow/report_assets/, Jinja with autoescape).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markupsafe

from newsflow.report_charts import Chart, coverage_timeline, disagreement_chart
from newsflow.story_data import (
    Story,
    StoryDataError,
    format_value,
    last_refresh,
    load_stories,
    open_stories,
    printable,
)

STORIES_DIR = "stories"
# Entity types in words for readers (the contract's codes otherwise).
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "country, city or state", "LOC": "place",
                "NORP": "group or nationality", "FAC": "building or facility", "EVENT": "event",
                "PRODUCT": "product", "WORK_OF_ART": "work", "LAW": "law"}
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")


@dataclass(frozen=True)
class ReportSummary:
    """What a report run wrote."""

    index: Path
    story_pages: int
    charts: int


def report_command(args: argparse.Namespace) -> int:
    """Write the report under --out; one line on stderr and exit 2 when it cannot."""
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"newsflow: --out {args.out} exists and is not a directory", file=sys.stderr)
        return 2
    try:
        summary = write_report(Path(args.data), out)
    except StoryDataError as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"newsflow: cannot write the report under {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"newsflow: wrote {summary.index} and {summary.story_pages} story pages ({summary.charts} charts)")
    return 0


def write_report(data_dir: Path, out_dir: Path) -> ReportSummary:
    """Write out_dir/index.html and out_dir/stories/<story>.html for every story of the warehouse."""
    env = _environment()
    stories_dir = out_dir / STORIES_DIR
    stories_dir.mkdir(parents=True, exist_ok=True)
    charts = 0
    written: set[str] = set()
    with open_stories(data_dir) as con:
        stories = load_stories(con)
        summaries = [story.summary for story in stories]
        refreshed = last_refresh(con)
        pages = {s.story_id: page_name(s.story_id) for s in summaries}
        common = {"css": _asset("report.css"), "refreshed": refreshed.strftime("%Y-%m-%d %H:%M UTC") if refreshed
                  else None, "format_value": format_value, "entity_types": ENTITY_TYPES}
        for story in stories:
            summary = story.summary
            timeline, figure_charts = _charts(story)
            charts += (timeline is not None) + len(figure_charts)
            html = env.get_template("story.html.j2").render(
                story=story, page=pages[summary.story_id], root="../", timeline=timeline,
                figure_charts=figure_charts, links={c.article_id: safe_link(c.url) for c in story.coverage},
                **common)
            _write(stories_dir / pages[summary.story_id], html)
            written.add(pages[summary.story_id])
    index = out_dir / "index.html"
    _write(index, env.get_template("index.html.j2").render(
        stories=summaries, pages=pages, root="", article_total=sum(s.articles for s in summaries), **common))
    for stale in stories_dir.glob("*.html"):  # pages of stories that no longer exist
        if stale.name not in written:
            stale.unlink()
    return ReportSummary(index=index, story_pages=len(written), charts=charts)


def page_name(story_id: str) -> str:
    """The file name of a story's page: the id itself when it is a safe file name, else its hash."""
    if _SAFE_NAME.fullmatch(story_id):
        return f"{story_id}.html"
    return f"{hashlib.sha256(story_id.encode('utf-8')).hexdigest()[:20]}.html"


def safe_link(url: str | None) -> str | None:
    """An article's URL when it is a web address (http or https), else None: no javascript: or file: links."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _charts(story: Story) -> tuple[Chart | None, list[Chart]]:
    timeline = coverage_timeline(story, "timeline")
    figures = [disagreement_chart(kind, f"figure-chart-{i}") for i, kind in enumerate(story.disagreements, 1)]
    return timeline, figures


def _environment() -> jinja2.Environment:
    # autoescape everything, and drop control characters: every value here may come from an article
    return jinja2.Environment(loader=jinja2.PackageLoader("newsflow", "report_assets"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              finalize=_printable)


def _printable(value: object) -> object:
    """Every value a template prints, without control characters (markup made here, like charts, as is)."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return printable(value)
    return value


def _asset(name: str) -> str:
    return resources.files("newsflow").joinpath("report_assets", name).read_text("utf-8")


def _write(path: Path, text: str) -> None:
    """Write a page under a temporary name and rename it into place."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
