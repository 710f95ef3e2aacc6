"""Raw input records to articles: format dispatch, decoding, extraction, normalisation, ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from transforms import html as html_extractor
from transforms import jsonl, plaintext
from transforms.datelines import find_dateline
from transforms.decoding import binary_kind, decode_bytes, gunzip, wide_encoding
from transforms.ids import stable_id
from transforms.language import detect_language
from transforms.records import Article, Extracted, RejectedInput, Rejection, SourceRecord
from transforms.text import clean_line, count_words, join_paragraphs

# Bump when a change here alters what articles a raw record becomes: every file is re-extracted.
VERSION = "1"

# A scraped page holds its article and the page around it (menus, related stories, comments):
# twice the longest article is more than any news page carries.
_PAGE_FACTOR = 2

SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".jsonl": "jsonl"}


@dataclass(frozen=True)
class ExtractOptions:
    """Everything extraction needs to know, passed explicitly."""

    max_bytes: int = 50 * 1024 * 1024  # size cap of one record after decompression, bytes (>= 1)
    min_words: int = 10  # fewer words than this in the body means the page holds no article
    # Longest article text kept, in characters (>= 1): the longest news reports run to ~200,000,
    # a hearing transcript or a law to a million or two; more is a dump. (NER reads long texts
    # in pieces, so spaCy's own limit of 1,000,000 characters does not apply.)
    max_text_chars: int = 2_000_000
    html: html_extractor.HtmlOptions = field(default_factory=html_extractor.HtmlOptions)


def source_format(path: str) -> str | None:
    """The input format of a path from its suffix (html, text, jsonl), or None if not an input."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, fmt in SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return fmt
    return None


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def article_id(source_path: str, line_number: int | None) -> str:
    """The article id: stable across reruns for the same source path and line."""
    return stable_id("article", source_path, line_number)


def split_source(source_path: str, data: bytes, options: ExtractOptions) -> list[SourceRecord | Rejection]:
    """Split one raw file into the records it holds (one per file, one per line of .jsonl)."""
    fmt = source_format(source_path)
    if fmt is None:
        return [Rejection(source_path, None, sha256(data), "not an input format (.html, .htm, .xhtml, .txt, .jsonl)")]
    if source_path.lower().endswith(".gz"):
        try:
            data = gunzip(data, options.max_bytes)
        except RejectedInput as exc:
            return [Rejection(source_path, None, sha256(data), str(exc))]
    if fmt != "jsonl":
        return [SourceRecord(source_path, fmt, None, sha256(data), data)]
    if wide_encoding(data):
        # UTF-16 and UTF-32 put NUL bytes around every newline: decode the whole file, then split
        try:
            text, _encoding = decode_bytes(data)
        except RejectedInput as exc:
            return [Rejection(source_path, None, sha256(data), str(exc))]
        data = text.encode("utf-8")
    else:
        kind = binary_kind(data)
        if kind:  # one row for the file, not one per "line" of an image
            return [Rejection(source_path, None, sha256(data), f"binary content, not text (looks like {kind})")]
    records: list[SourceRecord | Rejection] = [
        SourceRecord(source_path, fmt, number, sha256(line), line)
        for number, line in jsonl.split_lines(data)
    ]
    if not records:
        return [Rejection(source_path, None, sha256(data), "empty file (no JSON lines)")]
    return records


def build_article(record: SourceRecord, options: ExtractOptions) -> Article | Rejection:
    """Turn one raw record into an article, or a rejection that says why it cannot be one."""
    try:
        extracted = _extract(record, options)
        return _to_article(record, extracted, options)
    except RejectedInput as exc:
        return Rejection(record.source_path, record.line_number, record.content_sha256, str(exc))


def _extract(record: SourceRecord, options: ExtractOptions) -> Extracted:
    if record.source_format == "html":
        text, _encoding = decode_bytes(record.raw, html=True)
        return html_extractor.extract_html(text, options.html)
    if record.source_format == "text":
        text, _encoding = decode_bytes(record.raw)
        # boilerplate removal costs about a second per 100,000 characters of lines: refuse a page
        # far longer than any article before doing it
        if len(text) > _PAGE_FACTOR * options.max_text_chars:
            raise RejectedInput(f"plain text of {len(text)} characters, over the limit of "
                                f"{_PAGE_FACTOR * options.max_text_chars} for one scraped page")
        return plaintext.extract_plaintext(text)
    line, _encoding = decode_bytes(record.raw)
    parsed, html = jsonl.parse_record(line)
    _check_length(jsonl.record_text(parsed) if html is None else html, options)
    if html is None:
        return jsonl.extract_record(parsed)
    from_html = html_extractor.extract_html(html, options.html, url=jsonl.record_url(parsed))
    from_fields = jsonl.extract_record({**parsed, "text": "-"})
    return Extracted(
        paragraphs=from_html.paragraphs,
        title=from_fields.title or from_html.title,
        author=from_fields.author or from_html.author,
        published_date=from_fields.published_date or from_html.published_date,
        source_name=from_fields.source_name or from_html.source_name,
        url=from_fields.url or from_html.url,
        language=from_fields.language or from_html.language,
    )


def _check_length(text: str, options: ExtractOptions) -> None:
    """Refuse text too long to be one article, before any work on it."""
    if len(text) > options.max_text_chars:
        raise RejectedInput(f"text of {len(text)} characters, over the limit of {options.max_text_chars} "
                            "for one article")


def _to_article(record: SourceRecord, extracted: Extracted, options: ExtractOptions) -> Article:
    paragraphs = list(extracted.paragraphs)
    dateline = extracted.dateline
    if paragraphs and dateline is None:
        found = find_dateline(paragraphs[0])
        if found is not None:
            dateline = found.place
            if found.whole_line:
                paragraphs = paragraphs[1:]
    title = clean_line(extracted.title) if extracted.title else None
    if paragraphs and title and clean_line(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]  # the headline is metadata, not body
    text = join_paragraphs(paragraphs)
    _check_length(text, options)
    words = count_words(text)
    if words < options.min_words:
        raise RejectedInput(
            f"no article text found ({words} words of body text, fewer than {options.min_words})"
        )
    return Article(
        article_id=article_id(record.source_path, record.line_number),
        source_path=record.source_path,
        source_format=record.source_format,
        line_number=record.line_number,
        content_sha256=record.content_sha256,
        title=title or None,
        author=extracted.author,
        published_date=extracted.published_date,
        source_name=extracted.source_name,
        url=extracted.url,
        language=detect_language(text, extracted.language),
        dateline=dateline,
        text=text,
        word_count=words,
    )
