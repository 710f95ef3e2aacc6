"""Raw files to articles: format dispatch, ids, HTML and plain-text extraction, text normalisation."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest

from transforms.articles import ExtractOptions, article_id, build_article, source_format, split_source
from transforms.html import HtmlOptions, extract_html
from transforms.records import Article, RejectedInput, Rejection, SourceRecord
from transforms.text import count_words, join_paragraphs

OPTIONS = ExtractOptions()

PARAGRAPHS = [
    "A new flood barrier on the river Wend was opened on Friday, two years after storms left hundreds of "
    "homes in the lower town under water.",
    "The barrier, built at a cost of 14 million pounds, can be raised in less than an hour when the river "
    "rises above its banks, engineers said.",
    "Residents who had to leave their homes in the winter of 2022 gathered on the embankment to watch the "
    "first test, which passed without problems.",
    "The council said the scheme would protect around 600 properties and that a second phase, further "
    "upstream, would begin next spring.",
    "Local businesses welcomed the news, saying insurance costs had risen sharply since the floods and some "
    "shops had never reopened.",
]
NAV = (
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>'
    '<li><a href="/weather">Weather</a></li><li><a href="/contact">Contact us</a></li></ul></nav>'
)
FOOTER = (
    "<footer><p>Copyright 2024 Riverside Courier Ltd. All rights reserved.</p>"
    "<p>Privacy policy | Cookie settings | Terms of use</p></footer>"
)
HEAD = """<head>
<meta charset="utf-8">
<title>Flood barrier opens on the river Wend | Riverside Courier</title>
<meta property="og:site_name" content="Riverside Courier">
<meta name="author" content="Hannah Okafor">
<meta property="article:published_time" content="2024-12-06">
</head>"""
PAGE = (
    f'<!DOCTYPE html>\n<html lang="en">\n{HEAD}\n<body>\n{NAV}\n<article>\n'
    "<h1>Flood barrier opens on the river Wend</h1>\n"
    + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + f"\n</article>\n{FOOTER}\n</body>\n</html>\n"
)


def _build(path: str, data: bytes) -> Article | Rejection:
    """Run one single-record file through split_source and build_article."""
    [item] = split_source(path, data, OPTIONS)
    return build_article(item, OPTIONS) if isinstance(item, SourceRecord) else item


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # the plain suffixes
        ("a/b/page.html", "html"),
        ("page.htm", "html"),
        ("page.xhtml", "html"),
        ("notes.txt", "text"),
        ("dump.jsonl", "jsonl"),
        # gzip is looked through to the suffix under it
        ("page.html.gz", "html"),
        ("dump.jsonl.gz", "jsonl"),
        # suffixes are matched case-insensitively
        ("PAGE.HTM", "html"),
        ("Page.Html.GZ", "html"),
        # not inputs
        ("report.pdf", None),
        ("archive.gz", None),
        ("data.json", None),
        ("README", None),
    ],
)
def test_source_format(path: str, expected: str | None) -> None:
    assert source_format(path) == expected


def test_article_id_is_stable_and_distinct() -> None:
    # the same path and line always give the same id, a different path or line another one
    ids = {
        article_id("dump.jsonl", 1),
        article_id("dump.jsonl", 2),
        article_id("other.jsonl", 1),
        article_id("dump.jsonl", None),
    }
    assert len(ids) == 4
    assert article_id("dump.jsonl", 1) == article_id("dump.jsonl", 1)
    assert len(article_id("page.html", None)) == 20


def test_build_article_from_a_news_page() -> None:
    # metadata from the head, body from <article>, headline and page furniture left out
    article = _build("site/flood.html", PAGE.encode())

    assert isinstance(article, Article)
    assert article.title == "Flood barrier opens on the river Wend"
    assert article.published_date == dt.date(2024, 12, 6)
    assert article.source_name == "Riverside Courier"
    assert article.author == "Hannah Okafor"
    assert article.language == "en"
    assert article.source_format == "html"
    assert article.line_number is None
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.word_count == count_words(article.text)
    for furniture in ("Home", "Weather", "Contact us", "Copyright", "Privacy policy"):
        assert furniture not in article.text
    assert article.article_id == article_id("site/flood.html", None)


def test_build_article_from_a_gzipped_page() -> None:
    # a .html.gz file gives the article of the page inside it, hashed as decompressed
    packed = _build("site/flood.html.gz", gzip.compress(PAGE.encode()))
    plain = _build("site/flood.html", PAGE.encode())
    assert isinstance(packed, Article) and isinstance(plain, Article)
    assert (packed.text, packed.title, packed.content_sha256) == (plain.text, plain.title, plain.content_sha256)
    assert packed.source_format == "html"


def test_build_article_from_a_truncated_page() -> None:
    # a download cut mid-paragraph still gives an article, ending where the file ends
    cut = PAGE[: PAGE.index("since the floods")]
    article = _build("site/flood.html", cut.encode())

    assert isinstance(article, Article)
    assert article.title == "Flood barrier opens on the river Wend"
    assert article.text.startswith(PARAGRAPHS[0])
    assert article.text.endswith("saying insurance costs had risen sharply")


@pytest.mark.parametrize(
    ("path", "data", "reason"),
    [
        # a nav and a short footer: too few words of body text
        ("empty.html", f'<html lang="en"><head><title>Riverside Courier</title></head><body>{NAV}'
         "<footer><p>Copyright 2024 Riverside Courier Ltd.</p></footer></body></html>".encode(),
         "no article text found"),
        # an empty body
        ("empty.html", b"<html><head><title>Riverside Courier</title></head><body></body></html>",
         "no article text found in the HTML page"),
        # a PNG saved under a .html name
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
         "binary content, not text (looks like a PNG image)"),
        # text with no markup at all under a .html name
        ("plain.html", b"Rebels entered the city of Hama on Thursday after days of fighting.",
         "no HTML markup found"),
        # a .txt of share buttons and comment prompts only
        ("furniture.txt", "Share\nTweet\n- Get link\n• Email\nComments\nLeave a comment:\n".encode(),
         "no article text found (only page furniture)"),
        # an empty file
        ("empty.txt", b"", "empty file"),
        # a corrupt .gz is refused before decoding
        ("page.html.gz", b"\x1f\x8bnot deflate", "not valid gzip data"),
        # not an input format
        ("report.pdf", b"%PDF-1.7", "not an input format"),
    ],
)
def test_build_article_rejects(path: str, data: bytes, reason: str) -> None:
    rejection = _build(path, data)
    assert isinstance(rejection, Rejection)
    assert rejection.source_path == path
    assert reason in rejection.reason


BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.mark.parametrize(
    ("page", "options", "reason"),
    [
        # 300 nested divs: the parser drops what is below 255 levels, so the page says why it is empty
        ("<html><body>" + "<div>" * 300 + BODY + "</div>" * 300 + "</body></html>", HtmlOptions(),
         "HTML nested 302 levels deep; the parser keeps 255 levels"),
        # more elements than a page may hold: refused before trafilatura (its cost grows with them)
        ("<html><body>" + "<div><a href='/'>x</a></div>" * 60 + BODY + "</body></html>",
         HtmlOptions(max_elements=100), "HTML page of 127 elements, over the limit of 100"),
        # more markup than a page may hold
        ("<html><body>" + BODY * 20 + "</body></html>", HtmlOptions(max_markup_chars=5000),
         "characters outside scripts and styles, over the limit of 5000"),
        # unclosed and nested deep under 100,000 levels: the element bound says so first, but as depth
        ("<html><body>" + "<b>" * 100_000 + BODY, HtmlOptions(), "HTML nested 100002 levels deep"),
    ],
    ids=["deep", "elements", "chars", "very-deep"],
)
def test_extract_html_refuses_pages_beyond_its_bounds(page: str, options: HtmlOptions, reason: str) -> None:
    with pytest.raises(RejectedInput, match=reason):
        extract_html(page, options)


@pytest.mark.parametrize(
    "scripts",
    [
        # inline data of a script does not count toward the markup bound (JSON-LD, app state)
        "<script>var state = '" + "<div>" * 200 + "';</script>",
        # nor a style sheet, even unclosed at the end of the page
        "<style>" + "p { color: red } " * 400,
    ],
)
def test_extract_html_bounds_ignore_scripts_and_styles(scripts: str) -> None:
    page = f"<html><head><title>Flood barrier</title></head><body><article>{BODY}</article>{scripts}</body></html>"
    found = extract_html(page, HtmlOptions(max_elements=60, max_markup_chars=len(BODY) + 200))
    assert found.paragraphs


@pytest.mark.parametrize(
    ("path", "data", "reason"),
    [
        # a scraped page over twice the article limit is refused before boilerplate removal
        ("dump.txt", ("Rebels entered the city. " * 100).encode(),
         "plain text of 2500 characters, over the limit of 2000"),
        # an article text over the limit is refused however it came (here a page's paragraphs)
        ("page.html", f"<html><body><article>{BODY * 3}</article></body></html>".encode(),
         "over the limit of 1000 for one article"),
    ],
)
def test_build_article_refuses_text_over_the_length_limits(path: str, data: bytes, reason: str) -> None:
    options = ExtractOptions(max_text_chars=1000)
    (record,) = split_source(path, data, options)
    rejection = build_article(record, options)  # type: ignore[arg-type]
    assert isinstance(rejection, Rejection) and reason in rejection.reason


def test_build_article_rejects_a_page_of_only_nav_and_footer() -> None:
    # a section front with a menu and a long footer holds no article
    footer = (
        "<footer><p>Copyright 2024 Riverside Courier Ltd. All rights reserved. Registered in England and Wales, "
        "company number 01234567.</p><p>Privacy policy | Cookie settings | Terms of use | Accessibility | "
        "Advertise with us</p></footer>"
    )
    page = f'<html lang="en"><head><title>Riverside Courier</title></head><body>{NAV}{footer}</body></html>'
    assert isinstance(_build("section.html", page.encode()), Rejection)


def test_build_article_leaves_the_date_empty_when_the_page_has_none() -> None:
    # no published_time meta and no date in the text: the date is unknown, not guessed from a year
    page = PAGE.replace('<meta property="article:published_time" content="2024-12-06">\n', "")
    article = _build("site/flood.html", page.encode())
    assert isinstance(article, Article)
    assert article.published_date is None


def test_build_article_from_plain_text() -> None:
    # a scraped .txt: title and date from the header, furniture dropped, dateline found
    text = (
        "Flood barrier opens on the river Wend\n"
        "- Share\n"
        "- Tweet\n"
        "Friday, December 6, 2024\n"
        "WENDHAM, England (PA) — " + PARAGRAPHS[0] + "\n" + "\n".join(PARAGRAPHS[1:]) + "\n"
    )
    article = _build("scraped/flood.txt", text.encode())

    assert isinstance(article, Article)
    assert article.title == "Flood barrier opens on the river Wend"
    assert article.published_date == dt.date(2024, 12, 6)
    assert article.dateline == "WENDHAM, England"
    assert article.text.startswith("WENDHAM, England (PA) — A new flood barrier")
    assert article.text.endswith(PARAGRAPHS[-1])
    assert "Share" not in article.text and "Tweet" not in article.text
    assert article.language == "en"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # one blank line between paragraphs
        (["First.", "Second."], "First.\n\nSecond."),
        # empty and blank paragraphs are dropped
        (["First.", "", "   ", "Second."], "First.\n\nSecond."),
        # no-break and runs of spaces fold to one space, ends are stripped
        (["  Rebels\u00a0 entered   Hama. "], "Rebels entered Hama."),
        # soft hyphens and zero-width spaces are removed
        (["Da\u00admas\u200bcus"], "Damascus"),
        # decomposed accents are composed (NFC)
        (["cafe\u0301"], "caf\u00e9"),
        # also when a zero-width space sat between the letter and its accent (cleaning is idempotent)
        (["cafe\u200b\u0301"], "caf\u00e9"),
        # nothing left
        (["", " "], ""),
    ],
)
def test_join_paragraphs(paragraphs: list[str], expected: str) -> None:
    assert join_paragraphs(paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # punctuation is not a word
        ("Hello, world!", 2),
        # inner apostrophes, dots and hyphens keep a word whole
        ("It’s a well-known U.S. policy", 5),
        # a decimal number is one word
        ("3.5 per cent", 3),
        # Arabic names with a prefix
        ("al-Assad’s forces", 2),
        # dashes and ellipses alone are not words
        ("— – …", 0),
        # accented letters are letters
        ("état-major à Paris", 3),
        # nothing
        ("", 0),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected
