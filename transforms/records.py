"""Records that transforms take and return; converted to Arrow only at the warehouse boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceRecord:
    """One raw input record: a whole file, or one line of a .jsonl file."""

    source_path: str  # relative to the input dir, '/' separated
    source_format: str  # html, text, jsonl
    line_number: int | None  # 1-based line of a .jsonl file, else None
    content_sha256: str  # hash of the raw bytes of this record
    raw: bytes


@dataclass(frozen=True)
class Article:
    """One article as it lands in the `articles` table (before corpus-level columns)."""

    article_id: str
    source_path: str
    source_format: str
    line_number: int | None
    content_sha256: str
    title: str | None
    author: str | None
    published_date: dt.date | None
    source_name: str | None
    url: str | None
    language: str | None
    dateline: str | None
    text: str
    word_count: int


@dataclass(frozen=True)
class Rejection:
    """An input record that could not become an article, with a human-readable cause."""

    source_path: str
    line_number: int | None
    content_sha256: str | None
    reason: str


@dataclass(frozen=True)
class StoryAssignment:
    """Corpus-level columns of one article: which story it reports, what it copies."""

    article_id: str
    story_id: str
    duplicate_of: str | None


class RejectedInput(ValueError):
    """Raised by a transform when a record cannot become an article; the message is the reason."""


@dataclass(frozen=True)
class Extracted:
    """What a format-specific extractor found in one record, before ids and counts."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    published_date: dt.date | None = None
    source_name: str | None = None
    url: str | None = None
    language: str | None = None
    dateline: str | None = None


@dataclass(frozen=True)
class Quote:
    """One quotation in an article, as it lands in the `quotes` table."""

    quote_id: str
    article_id: str
    quote_text: str
    start_char: int
    end_char: int
    speaker: str | None
    speaker_entity_id: str | None
    cue: str | None
    quote_type: str
    part_of: str | None = None  # quote_id of the quotation's first part, for a continuation


@dataclass(frozen=True)
class Figure:
    """One number stated as a fact, as it lands in the `figures` table."""

    figure_id: str
    article_id: str
    surface: str
    start_char: int
    end_char: int
    value: float
    value_low: float
    value_high: float
    qualifier: str | None
    unit: str | None
    category: str
    subject: str | None
    change: str | None = None  # up / down when the sentence says the quantity rose or fell by the figure
