"""News records from JSON Lines exports: one article per line, common field names.

Field names follow the exports people meet most: news-please (maintext, date_publish,
source_domain), schema.org NewsArticle (headline, articleBody, datePublished), RSS
(link, pubDate) and generic scrapers (url, title, text, html, published).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from transforms.dates import parse_date
from transforms.records import Extracted, RejectedInput
from transforms.text import split_paragraphs

URL_FIELDS = ("url", "canonical_url", "link", "source_url", "article_url")
TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("published", "date", "date_publish", "published_at", "publish_date",
               "datePublished", "pubDate", "publication_date", "created_at")
TEXT_FIELDS = ("text", "maintext", "articleBody", "body", "content", "article_text", "full_text")
HTML_FIELDS = ("html", "raw_html", "content_html", "body_html")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
SOURCE_FIELDS = ("source_name", "source", "site_name", "publisher", "source_domain", "outlet")
LANGUAGE_FIELDS = ("language", "lang", "inLanguage")

# JSON never holds a raw CR or LF inside a value, so each one ends a line: "\r\n" (Windows),
# "\n", and a lone "\r" (old Mac exports; without it the whole file is one broken line).
_LINE_END = re.compile(rb"\r\n|\n|\r")
# What JSON's \u escapes can produce that text must not hold: lone surrogates (the writer cannot
# encode them) and control characters other than tab and line breaks.
_UNSAFE = re.compile("[\ud800-\udfff]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def split_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Yield (1-based line number, raw line bytes) for every non-blank line."""
    start = 0
    number = 0
    for number, end in enumerate(_LINE_END.finditer(data), start=1):
        line = data[start : end.start()]
        start = end.end()
        if line.strip():
            yield number, line
    line = data[start:]
    if line.strip():
        yield number + 1, line


def parse_record(line: str) -> tuple[dict[str, Any], str | None]:
    """Parse one JSON line into (record, html or None); raise RejectedInput when it is unusable."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some messages end in "at" ("Unterminated string starting at"): say it once.
        raise RejectedInput(f"invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from exc
    except RecursionError as exc:  # json's parser recurses once per level of [ or {
        raise RejectedInput("invalid JSON (nested too deeply to parse)") from exc
    if not isinstance(record, dict):
        raise RejectedInput(f"JSON line is a {type(record).__name__}, not an object")
    text = _first_text(record, TEXT_FIELDS)
    html = _first_text(record, HTML_FIELDS)
    if not text and not html:
        keys = ", ".join(safe_text(str(k))[:40] for k in sorted(record)[:12]) or "none"
        raise RejectedInput(f"record has no text or html field (keys: {keys})")
    return record, (None if text else html)


def extract_record(record: dict[str, Any]) -> Extracted:
    """Turn a parsed record with a text field into extracted fields."""
    text = _first_text(record, TEXT_FIELDS) or ""
    date_value = _first_text(record, DATE_FIELDS)
    return Extracted(
        paragraphs=tuple(split_paragraphs(text)),
        title=_first_text(record, TITLE_FIELDS),
        author=_first_text(record, AUTHOR_FIELDS),
        published_date=parse_date(date_value) if date_value else None,
        source_name=_first_text(record, SOURCE_FIELDS),
        url=_first_text(record, URL_FIELDS),
        language=_first_text(record, LANGUAGE_FIELDS),
    )


def record_text(record: dict[str, Any]) -> str:
    """The record's text field, or "" when it has none."""
    return _first_text(record, TEXT_FIELDS) or ""


def record_url(record: dict[str, Any]) -> str | None:
    """The record's URL, if any (helps trafilatura with relative links and site names)."""
    return _first_text(record, URL_FIELDS)


def _first_text(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    """The first field present as a non-empty string (lists of strings joined, dicts by name)."""
    for field in fields:
        value = record.get(field)
        if isinstance(value, list):
            parts = [v.get("name") if isinstance(v, dict) else v for v in value]
            value = ", ".join(str(p) for p in parts if isinstance(p, str) and p.strip())
        elif isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            value = safe_text(value)
            return " ".join(value.split()) if field not in TEXT_FIELDS + HTML_FIELDS else value
    return None


def safe_text(value: str) -> str:
    """Text a JSON string decoded to, without lone surrogates (as U+FFFD) or control characters."""
    return _UNSAFE.sub(_replacement, value) if _UNSAFE.search(value) else value


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if match.group(0) >= "\ud800" else ""
