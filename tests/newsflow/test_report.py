"""`newsflow report`: the pages it writes, their markup, and escaping of untrusted article text."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsflow.cli import main
from newsflow.report import page_name, safe_link
from newsflow.report_charts import check_svg, disagreement_spec, timeline_spec
from newsflow.story_data import CoverageItem, FigureDisagreement, StatedFigure, Story, StorySummary
from tests.newsflow.conftest import seed_query, without_revenge_story


class Outline(HTMLParser):
    """What an accessibility review looks at: landmarks, headings, table headers, chart labels, links."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.fixture(scope="module")
def seed_report(seed_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "out"
    assert main(["report", "--data", str(seed_data), "--out", str(out)]) == 0
    return out


def test_the_index_links_every_story_page(seed_data: Path, seed_report: Path) -> None:
    stories = [r[0] for r in seed_query(seed_data, "select distinct story_id from articles")]
    links = [a["href"] for a in outline(seed_report / "index.html").all("a")]
    for story_id in stories:
        assert f"stories/{page_name(story_id)}" in links
        assert (seed_report / "stories" / page_name(story_id)).is_file()


def test_the_story_page_has_its_sections_charts_statements_and_figures(seed_data: Path, seed_report: Path) -> None:
    story_id, statement_id = without_revenge_story(seed_data)
    page = seed_report / "stories" / page_name(story_id)
    text = page.read_text("utf-8")
    for heading in ("Coverage timeline", "Shared statements", "Figures that disagree", "Who and what is mentioned",
                    "Who reported it first"):
        assert f">{heading}</h2>" in text
    wordings = seed_query(seed_data, "select q.quote_text from quotes as q join articles as a using (article_id) "
                                     "where q.statement_id = ? and a.story_id = ?", [statement_id, story_id])
    assert all(html.escape(w) in text for (w,) in wordings)
    assert ">727</td>" in text and ">826</td>" in text
    charts = re.findall(r"<svg\b.*?</svg>", text, flags=re.S)
    assert len(charts) >= 2  # the timeline and one per disagreeing figure
    for svg in charts:
        check_svg(svg)


@pytest.mark.parametrize("page", ["index.html", "story"])
def test_pages_are_accessible_and_self_contained(seed_data: Path, seed_report: Path, page: str) -> None:
    story_id, _ = without_revenge_story(seed_data)
    path = seed_report / ("index.html" if page == "index.html" else f"stories/{page_name(story_id)}")
    doc = outline(path)
    assert doc.all("html")[0].get("lang") == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert len(doc.all(landmark)) == 1, landmark
    assert doc.headings[0] == 1 and doc.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(doc.headings, doc.headings[1:], strict=False))  # no skipped level
    assert all(th.get("scope") in ("col", "row") for th in doc.all("th"))
    assert len(doc.all("caption")) == len(doc.all("table"))
    for svg in doc.all("svg"):  # every chart has a title and a description
        assert svg.get("role") == "img"
        assert all(i in doc.ids for i in str(svg.get("aria-labelledby")).split())
    # nothing is fetched and nothing runs: no script, no external resource
    assert not doc.all("script") and not doc.all("link") and not doc.all("img") and not doc.all("iframe")
    csp = [m for m in doc.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0].get("content"))


def test_article_text_is_escaped_everywhere(hostile_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["report", "--data", str(hostile_data), "--out", str(out)]) == 0
    pages = [out / "index.html", *(out / "stories").glob("*.html")]
    for page in pages:
        doc = outline(page)
        assert not doc.all("script") and not doc.all("img") and not doc.all("b") and not doc.all("i")
        assert not any(name.startswith("on") for _, attrs in doc.tags for name in attrs)
        assert "javascript:" not in " ".join(str(a.get("href")) for a in doc.all("a"))
    text = "".join(p.read_text("utf-8") for p in pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown as text
    stories = seed_query(hostile_data, "select distinct story_id from articles where published_date is not null")
    assert len(stories) == 1  # the two dated copies are one story
    story = (out / "stories" / page_name(stories[0][0])).read_text("utf-8")
    assert len(re.findall(r"<svg\b", story)) == 1  # its timeline draws the hostile names, escaped
    assert 'href="https://example.org/flood"' in story  # a web address stays a link
    assert "\x1b" not in text and "\x07" not in text  # no control character in a page


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),  # a web address is linked
        ("http://example.org/a", "http://example.org/a"),  # plain http too
        ("javascript:alert(1)", None),  # script URLs never
        ("JavaScript:alert(1)", None),  # whatever the case
        ("file:///etc/passwd", None),  # nor local files
        ("//example.org/a", None),  # nor addresses without a scheme
        (None, None),  # no URL, no link
    ],
)
def test_safe_link(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


@pytest.mark.parametrize(
    ("story_id", "safe"),
    [
        ("f2155ec72745f67ca661", True),  # the pipeline's hex ids name their page
        ("../../etc/passwd", False),  # a path is never a file name
        ("a b", False),  # nor anything outside letters, digits, _ and -
    ],
)
def test_page_names(story_id: str, safe: bool) -> None:
    name = page_name(story_id)
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.html", name)
    assert (name == f"{story_id}.html") is safe


def test_a_rerun_replaces_pages_of_stories_that_are_gone(seed_data: Path, tmp_path: Path) -> None:
    stale = tmp_path / "out" / "stories" / "gone.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    assert main(["report", "--data", str(seed_data), "--out", str(tmp_path / "out")]) == 0
    story_id, _ = without_revenge_story(seed_data)
    assert not stale.exists() and (tmp_path / "out" / "stories" / page_name(story_id)).is_file()


def test_out_that_is_a_file_is_a_one_line_error(seed_data: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["report", "--data", str(seed_data), "--out", str(blocker)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not a directory" in err


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',  # a script element
        '<svg xmlns="http://www.w3.org/2000/svg"><g onload="alert(1)"/></svg>',  # an event handler
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',  # embedded HTML
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<path xlink:href="javascript:alert(1)"/></svg>',  # a link out
    ],
)
def test_check_svg_refuses_active_content(svg: str) -> None:
    with pytest.raises(ValueError):
        check_svg(svg)


def _story(dates: list[dt.date | None], outlets: list[str] | None = None) -> Story:
    """A hand-made story of one article per date."""
    outlets = outlets or [f"Outlet {i}" for i in range(len(dates))]
    coverage = tuple(CoverageItem(coverage_order=i + 1, article_id=f"a{i}", outlet=outlets[i], published_date=d,
                                  first_to_report=None, title="T", author=None, url=None, word_count=10,
                                  duplicate_of=None) for i, d in enumerate(dates))
    summary = StorySummary(story_id="s", title="T", first_date=None, last_date=None, articles=len(dates),
                           outlets=len(set(outlets)), statements=0, disagreements=0, outlet_names=tuple(outlets),
                           undated_articles=0)
    return Story(summary=summary, coverage=coverage, statements=(), disagreements=(), entities=(), first_reports=())


@pytest.mark.parametrize(
    ("dates", "drawn"),
    [
        ([dt.date(2024, 5, 1), dt.date(2024, 5, 3)], True),  # two dated articles: a timeline
        ([dt.date(2024, 5, 1), dt.date(2024, 5, 1)], True),  # two on one day still compare outlets
        ([dt.date(2024, 5, 1), None], False),  # one dated article: one dot says nothing
        ([None, None], False),  # no date at all
    ],
)
def test_the_timeline_needs_two_dated_articles(dates: list[dt.date | None], drawn: bool) -> None:
    spec = timeline_spec(_story(dates))
    assert (spec is not None) is drawn
    if spec is not None:
        spec.to_dict()  # valid Vega-Lite (altair validates against the schema)


@pytest.mark.parametrize(
    ("outlets", "rows"),
    [
        (["A", "B"], ["A · 2024-05-01", "B · 2024-05-01"]),  # one bar per outlet, named with its date
        (["A", "A"], ["A · 2024-05-01", "A · 2024-05-01 (2)"]),  # one outlet twice on a day keeps two bars
    ],
)
def test_a_disagreement_chart_has_a_bar_per_figure(outlets: list[str], rows: list[str]) -> None:
    figures = tuple(StatedFigure(figure_id=f"f{i}", article_id=f"a{i}", outlet=o, published_date=dt.date(2024, 5, 1),
                                 title=None, value=100.0 + i, qualifier="exact", surface=str(100 + i))
                    for i, o in enumerate(outlets))
    kind = FigureDisagreement(category="killed", subject="people", unit="people", low=100.0, high=101.0,
                              outlets=len(set(outlets)), figures=figures)
    spec = disagreement_spec(kind).to_dict()  # valid Vega-Lite
    values = spec.get("data", {}).get("values") or next(iter(spec.get("datasets", {}).values()))
    assert [v["row"] for v in values] == rows
