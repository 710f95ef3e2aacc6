"""Main text and metadata of an HTML page, with trafilatura.

trafilatura is called with deduplicate off (its cache is process-wide, so output would
depend on file order) and comments off (reader comments are not the article).

Strategy, chosen by measurement on the dev pages (bench/eval_extraction.py): a fast
precision-first extraction; when it comes out shorter than half of a fast recall-first
one, it probably lost part of the body, so the full precision extraction (with
trafilatura's readability/jusText fallbacks) is used instead. A first line that repeats
the headline is dropped: the headline is metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from transforms.dates import parse_date
from transforms.language import normalise_language_code
from transforms.records import Extracted, RejectedInput
from transforms.text import split_paragraphs


@dataclass(frozen=True)
class HtmlOptions:
    """How trafilatura is asked to trade precision for recall."""

    # Precision text shorter than this share of the recall text triggers the full extraction (0-1).
    fallback_ratio: float = 0.5
    include_tables: bool = True  # tables inside the article body are text too
    # Share of a first line's words found in the title above which the line is the headline (0-1).
    title_overlap: float = 0.6
    # Bounds on one page, outside <script> and <style> (trafilatura's time and memory grow with
    # them, about a second and 100 MB per MB of markup): the dev pages' largest hold 250,000
    # characters and 1,600 elements; a page beyond these is a dump or an attack, not an article.
    max_markup_chars: int = 5_000_000
    max_elements: int = 100_000


_HTML_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z_-]{2,10})", re.I)
_WORD = re.compile(r"\w+")
_HAS_MARKUP = re.compile(r"<\s*(html|body|p|div|article|head)\b", re.I)
_ELEMENT = re.compile(r"<[A-Za-z]")
_RAW_TEXT = re.compile(r"<(script|style)\b", re.I)
_CLOSE_RAW_TEXT = {name: re.compile(f"</{name}", re.I) for name in ("script", "style")}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
# Elements that never hold others, or that the parser closes by itself when the next one opens:
# they do not deepen the tree however they are written.
_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd tr td th "
                  "option optgroup thead tbody tfoot colgroup rp rt".split())
# libxml2 (lxml, trafilatura) keeps 255 levels of elements and drops whatever is nested deeper.
PARSER_MAX_DEPTH = 255


def extract_html(html: str, options: HtmlOptions, url: str | None = None) -> Extracted:
    """Extract the article body and metadata of an HTML page, or raise RejectedInput."""
    if not _HAS_MARKUP.search(html[:200_000]):
        raise RejectedInput("no HTML markup found (no <html>, <body>, <p> or <div> tag)")
    _check_size(html, options)
    try:
        precise = _bare(html, url, options, fast=True, favor_precision=True)
        recall = _bare(html, url, options, fast=True, favor_recall=True)
        text = _text(precise)
        if not text or len(text) < options.fallback_ratio * len(_text(recall)):
            full = _bare(html, url, options, favor_precision=True)
            # When no precision extraction finds a body, the recall text is usually the page
            # furniture (menus, footer) of a page with no article: refuse rather than keep it.
            text = _text(full)
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        _check_depth(html)
        raise RejectedInput(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    doc = precise or recall
    if doc is None or not text.strip():
        _check_depth(html)
        raise RejectedInput("no article text found in the HTML page")
    paragraphs = split_paragraphs(text)
    if paragraphs and _is_headline(paragraphs[0], doc.title, options.title_overlap):
        paragraphs = paragraphs[1:]
    lang_match = _HTML_LANG.search(html[:5000])
    return Extracted(
        paragraphs=tuple(paragraphs),
        title=_clean(doc.title),
        author=_clean(doc.author),
        published_date=parse_date(doc.date) if doc.date else None,
        source_name=_clean(doc.sitename),
        url=_clean(doc.url) or url,
        language=normalise_language_code(doc.language)
        or normalise_language_code(lang_match.group(1) if lang_match else None),
    )


def _check_size(html: str, options: HtmlOptions) -> None:
    """Refuse a page too big to be one article page, counting markup outside scripts and styles."""
    chars = elements = 0
    position = 0
    while position < len(html):
        opening = _RAW_TEXT.search(html, position)
        end = opening.start() if opening else len(html)
        chars += end - position
        elements += len(_ELEMENT.findall(html, position, end))
        if opening is None:
            break
        closing = _CLOSE_RAW_TEXT[opening.group(1).lower()].search(html, opening.end())
        position = closing.start() if closing else len(html)
    if chars > options.max_markup_chars:
        raise RejectedInput(f"HTML page of {chars} characters outside scripts and styles, over the limit of "
                            f"{options.max_markup_chars} for one article page")
    if elements > options.max_elements:
        _check_depth(html)  # a page nested too deep says so, rather than "too many elements"
        raise RejectedInput(f"HTML page of {elements} elements, over the limit of {options.max_elements} "
                            "for one article page")


def _check_depth(html: str) -> None:
    """Say so when the page nests elements deeper than the parser keeps (the text below is lost)."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, empty = match.groups()
        if empty or name.lower() in _FLAT:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest > PARSER_MAX_DEPTH:
        raise RejectedInput(f"HTML nested {deepest} levels deep; the parser keeps {PARSER_MAX_DEPTH} levels "
                            "and drops the text below them")


def _bare(html: str, url: str | None, options: HtmlOptions, **flags: Any) -> Any:
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        # htmldate's extensive search turns a bare year in the text ("Copyright 2024") into
        # 1 January; an unknown date is better than an invented one.
        date_extraction_params={"extensive_search": False, "original_date": True},
        include_comments=False,
        include_tables=options.include_tables,
        deduplicate=False,
        **flags,
    )


def _text(doc: Any) -> str:
    return (doc.text if doc is not None else "") or ""


def _is_headline(line: str, title: str | None, min_overlap: float) -> bool:
    """A short first line, not ending like a sentence, made mostly of the title's words."""
    if not title or line.rstrip("\"'”’").endswith("."):
        return False
    words = [w.lower() for w in _WORD.findall(line)]
    title_words = {w.lower() for w in _WORD.findall(title)}
    return 0 < len(words) <= 30 and sum(w in title_words for w in words) / len(words) >= min_overlap


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
