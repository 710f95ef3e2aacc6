"""JSON Lines exports: line splitting, record parsing, common field names, whole files."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.jsonl import extract_record, parse_record, split_lines
from transforms.records import Article, RejectedInput, Rejection, SourceRecord

OPTIONS = ExtractOptions()

HAMA = {
    "title": "Rebels enter Hama",
    "maintext": "Rebels entered the central Syrian city of Hama on Thursday after days of fighting.\n"
    "The army said it had moved its troops outside the city to protect civilians.",
    "date_publish": "2024-12-05 15:00:03",
    "source_domain": "example.org",
}
HOMS = {
    "headline": "Thousands flee Homs",
    "articleBody": "Thousands of residents left Homs on Friday as rebel fighters advanced south.\n\n"
    "Aid groups said the roads out of the city were jammed with cars.",
    "datePublished": "2024-12-06T09:30:00Z",
}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # numbers are 1-based and count blank lines, which are skipped
        (b'{"a": 1}\n\n  \n{"b": 2}\n', [(1, b'{"a": 1}'), (4, b'{"b": 2}')]),
        # Windows line ends are stripped
        (b'{"a": 1}\r\n{"b": 2}\r\n', [(1, b'{"a": 1}'), (2, b'{"b": 2}')]),
        # a last line without a newline is kept
        (b'{"a": 1}\n{"b": 2}', [(1, b'{"a": 1}'), (2, b'{"b": 2}')]),
        # nothing but blank lines
        (b"\n\r\n \n", []),
        # a lone CR ends a line too (old Mac exports), and mixed endings count one line each
        (b'{"a": 1}\r{"b": 2}\r\n{"c": 3}\n', [(1, b'{"a": 1}'), (2, b'{"b": 2}'), (3, b'{"c": 3}')]),
    ],
)
def test_split_lines(data: bytes, expected: list[tuple[int, bytes]]) -> None:
    assert list(split_lines(data)) == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # a missing closing brace
        ('{"text": "x"', "invalid JSON (Expecting ',' delimiter at column 13)"),
        # an unterminated string: the position is said once ("starting at at" before)
        ('{"text": "unterminated', "invalid JSON (Unterminated string starting at column 10)"),
        # single-quoted keys are not JSON
        ("{'text': 'x'}", "invalid JSON"),
        # a JSON array is not a record
        ("[1, 2]", "JSON line is a list, not an object"),
        # nor is a number
        ("42", "not an object"),
        # a record without any text or html field: the reason lists its keys
        ('{"url": "https://example.org/a", "title": "T"}', "record has no text or html field (keys: title, url)"),
        # an empty object
        ("{}", "(keys: none)"),
        # a text field holding only whitespace counts as missing
        ('{"text": "   "}', "record has no text or html field (keys: text)"),
        # nested deeper than the parser recurses
        ("[" * 100_000 + "]" * 100_000, "invalid JSON (nested too deeply to parse)"),
        # a key with a lone surrogate is named with U+FFFD in the reason (the writer cannot store it)
        ('{"\\udc80": 1}', "(keys: \ufffd)"),
    ],
)
def test_parse_record_rejects(line: str, reason: str) -> None:
    with pytest.raises(RejectedInput) as excinfo:
        parse_record(line)
    assert reason in str(excinfo.value)


@pytest.mark.parametrize(
    ("record", "html"),
    [
        # a text field: no html to extract
        ({"text": "Rebels entered Hama."}, None),
        # only an html field: it is returned for extraction
        ({"html": "<p>Rebels entered Hama.</p>"}, "<p>Rebels entered Hama.</p>"),
        # text wins over html when both are there
        ({"text": "Rebels entered Hama.", "raw_html": "<p>x</p>"}, None),
    ],
)
def test_parse_record_returns_html_only_without_text(record: dict[str, Any], html: str | None) -> None:
    assert parse_record(json.dumps(record)) == (record, html)


def test_extract_record_reads_news_please_fields() -> None:
    # news-please: maintext, date_publish, source_domain, a list of authors
    extracted = extract_record({**HAMA, "authors": ["Jane Doe", "John Roe"], "url": "https://example.org/a"})
    assert extracted.paragraphs == (
        "Rebels entered the central Syrian city of Hama on Thursday after days of fighting.",
        "The army said it had moved its troops outside the city to protect civilians.",
    )
    assert extracted.title == "Rebels enter Hama"
    assert extracted.published_date == dt.date(2024, 12, 5)
    assert extracted.source_name == "example.org"
    assert extracted.author == "Jane Doe, John Roe"
    assert extracted.url == "https://example.org/a"


def test_extract_record_reads_schema_org_fields() -> None:
    # schema.org NewsArticle: headline, articleBody, datePublished, author objects, publisher object
    record = {
        **HOMS,
        "@type": "NewsArticle",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
        "publisher": {"@type": "Organization", "name": "Example News"},
        "inLanguage": "en-GB",
    }
    extracted = extract_record(record)
    assert extracted.paragraphs == (
        "Thousands of residents left Homs on Friday as rebel fighters advanced south.",
        "Aid groups said the roads out of the city were jammed with cars.",
    )
    assert extracted.title == "Thousands flee Homs"
    assert extracted.published_date == dt.date(2024, 12, 6)
    assert extracted.author == "Jane Doe, John Roe"
    assert extracted.source_name == "Example News"
    assert extracted.language == "en-GB"


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        # RSS field names: link and pubDate
        ({"text": "x", "link": "https://example.org/rss/1"}, "url", "https://example.org/rss/1"),
        ({"text": "x", "pubDate": "Fri, 06 Dec 2024 15:00:00 GMT"}, "published_date", dt.date(2024, 12, 6)),
        # runs of spaces and newlines in metadata are folded
        ({"text": "x", "title": "  Rebels\n enter   Hama "}, "title", "Rebels enter Hama"),
        # an unreadable date is left empty, not guessed
        ({"text": "x", "date": "last Thursday"}, "published_date", None),
        # a numeric field is read as text
        ({"text": "x", "title": 2024}, "title", "2024"),
    ],
)
def test_extract_record_fields(record: dict[str, Any], field: str, expected: object) -> None:
    assert getattr(extract_record(record), field) == expected


def _articles(path: str, data: bytes) -> list[Article | Rejection]:
    return [
        build_article(item, OPTIONS) if isinstance(item, SourceRecord) else item
        for item in split_source(path, data, OPTIONS)
    ]


def test_jsonl_file_with_a_broken_line_keeps_the_others() -> None:
    # line 2 is cut off: it becomes one rejection, lines 1 and 3 still become articles
    data = (json.dumps(HAMA) + "\n" + '{"title": "broken", "text": "unterminated\n' + json.dumps(HOMS) + "\n").encode()
    first, broken, third = _articles("dump/news.jsonl", data)

    assert isinstance(first, Article) and isinstance(third, Article)
    assert (first.line_number, third.line_number) == (1, 3)
    assert first.title == "Rebels enter Hama" and third.title == "Thousands flee Homs"
    assert first.published_date == dt.date(2024, 12, 5) and third.published_date == dt.date(2024, 12, 6)
    assert first.source_format == third.source_format == "jsonl"
    assert first.article_id != third.article_id
    assert isinstance(broken, Rejection)
    assert broken.line_number == 2
    assert broken.reason.startswith("invalid JSON")

    # ids are stable: the same file gives the same ids again
    again = _articles("dump/news.jsonl", data)
    assert [getattr(a, "article_id", None) for a in again] == [first.article_id, None, third.article_id]


def test_jsonl_line_with_html_gets_its_body_from_the_page() -> None:
    # an html field is run through trafilatura; the record's own fields win for metadata
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Flood barrier opens</h1>"
        "<p>A new flood barrier on the river Wend was opened on Friday, two years after storms "
        "left hundreds of homes in the lower town under water.</p>"
        "<p>The barrier can be raised in less than an hour when the river rises above its banks, "
        "engineers said.</p></article><footer>Copyright 2024 Riverside Courier</footer></body></html>"
    )
    record = {"url": "https://example.org/news/flood", "title": "Flood barrier opens", "html": page,
              "published": "2024-12-06"}
    [article] = _articles("pages.jsonl", (json.dumps(record) + "\n").encode())

    assert isinstance(article, Article)
    assert article.text == (
        "A new flood barrier on the river Wend was opened on Friday, two years after storms left hundreds "
        "of homes in the lower town under water.\n\n"
        "The barrier can be raised in less than an hour when the river rises above its banks, engineers said."
    )
    assert article.title == "Flood barrier opens"
    assert article.published_date == dt.date(2024, 12, 6)
    assert article.url == "https://example.org/news/flood"
    assert article.line_number == 1


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        # a lone surrogate from a \u escape becomes U+FFFD
        ('{"title": "Hama \\ud800 falls", "text": "x"}', "title", "Hama \ufffd falls"),
        # NUL and other control characters are dropped
        ('{"title": "Hama\\u0000 \\u0007falls", "text": "x"}', "title", "Hama falls"),
        # a high surrogate pair is a real character and stays
        ('{"title": "Hama \\ud83d\\ude42", "text": "x"}', "title", "Hama \U0001f642"),
    ],
)
def test_extract_record_cleans_what_json_escapes_can_hold(line: str, field: str, expected: str) -> None:
    record, _html = parse_record(line)
    assert getattr(extract_record(record), field) == expected


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        # a PNG named .jsonl: one rejection for the file, not one per "line" of the image
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\n" * 500, [(None, "binary content, not text (looks like a PNG image)")]),
        # UTF-16 puts NULs around each newline: the file is decoded whole, then split
        ("\ufeff" + json.dumps(HAMA) + "\r\n{broken\r\n", [(2, "invalid JSON")]),
    ],
)
def test_jsonl_whole_file_checks(data: bytes | str, reasons: list[tuple[int | None, str]]) -> None:
    raw = data.encode("utf-16-le") if isinstance(data, str) else data
    results = _articles("feed.jsonl", raw)
    assert [(r.line_number, r.reason[: len(reason)]) for r, (_, reason) in
            zip([x for x in results if isinstance(x, Rejection)], reasons, strict=True)] == reasons
    assert sum(isinstance(x, Article) for x in results) == (1 if isinstance(data, str) else 0)


def test_jsonl_text_over_the_length_limit_is_refused_before_work() -> None:
    line = json.dumps({"title": "Long", "text": "The council met. " * 100})
    options = ExtractOptions(max_text_chars=1000)
    [record] = split_source("feed.jsonl", line.encode(), options)
    rejection = build_article(record, options)  # type: ignore[arg-type]
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "text of 1700 characters, over the limit of 1000 for one article"


def test_jsonl_file_of_blank_lines_is_one_rejection() -> None:
    # nothing to read: the whole file is rejected once, without a line number
    [rejection] = split_source("empty.jsonl", b"\n \n", OPTIONS)
    assert isinstance(rejection, Rejection)
    assert (rejection.line_number, rejection.reason) == (None, "empty file (no JSON lines)")
