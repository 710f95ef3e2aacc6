"""Article body and metadata of scraped plain text (trafilatura returns nothing for it).

The body is found by transforms.boilerplate (line scoring and a maximum-sum segment).
The lines before it are the page header, read for metadata the way a reader does:

- the title is the longest headline-like line of the header (not a sentence, not a menu
  label, not a date), or a headline-like first body line;
- the publication date is the first date written in a short header line ("Friday,
  December 6, 2024", "date 2024-12-06", "Thu, 12/05/2024"), skipping crawl dates
  ("Today : Dec 25, 2024"); failing that, a date in an inline dateline of the first
  paragraph ("Islamabad (Agency - 11th Dec, 2024) ...");
- the author is a "By ..." line, or a name glued to a date ("Alex MacDonald Thu, 12/05/2024");
- the outlet comes from "From: X" / "Source: X", an agency in the dateline's parentheses,
  or a syndication note ("... not been edited by NDTV staff ...");
- the dateline is a place line ("Beirut, Lebanon:") or the place before the first sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from transforms.boilerplate import BoilerplateOptions, find_body, is_furniture
from transforms.datelines import find_dateline
from transforms.dates import find_date
from transforms.language import detect_language
from transforms.records import Extracted, RejectedInput
from transforms.text import count_words, split_paragraphs

_CRAWL_DATE = re.compile(r"^(today|now|current date|updated|last updated|accessed|retrieved)\b\s*:?", re.I)
_SOURCE = re.compile(r"^(?:from|source|via|published by)\s*:\s*(?P<source>\S.{1,60})$", re.I)
_SOURCE_INLINE = re.compile(r"\b(?:from|source)\s*:\s*(?P<source>[^|]{2,60}?)\s*$", re.I)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by)\s+(?P<author>[^\d|]{3,80}?)\s*(?:\|\s*(?P<source>[^|]{2,60}?))?\s*$",
    re.I,
)
_NAME = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)(?:\s*[-–—|,]\s*)?$")
_SYNDICATED = re.compile(
    r"(?:not been edited|reworked|edited) by (?:the )?(?P<source>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}) staff"
)
_DATE_LABEL = re.compile(r"^(date|dated|published|posted|on)\s*:?\s*", re.I)
_NOT_TITLE = re.compile(r"[>»|]|^(home|news|world|menu|search)\b", re.I)
_MAX_TITLE_WORDS = 30


def extract_plaintext(text: str, options: BoilerplateOptions | None = None) -> Extracted:
    """Extract the article body and header metadata of scraped plain text."""
    options = options or BoilerplateOptions()
    lines = split_paragraphs(text)
    if not lines or all(is_furniture(line) for line in lines):
        raise RejectedInput("no article text found (only page furniture)")
    language = detect_language("\n".join(line for line in lines if count_words(line) >= 6) or text)
    body = find_body(lines, language, options)
    if body is None:
        raise RejectedInput("no article text found (no line reads as prose)")
    # Furniture stays in the header while it is read: "Published: <date>" is both.
    header = lines[: body.start]
    paragraphs = [line for line, keep in zip(lines[body.start : body.end], body.keep, strict=True) if keep]

    title, published, author, source, dateline = _read_header(header)
    if paragraphs and _headline_like(paragraphs[0]) and (title is None or paragraphs[0] == title):
        title = title or paragraphs[0]
        paragraphs = paragraphs[1:]
    if paragraphs:
        lead = find_dateline(paragraphs[0])
        if lead is not None:
            if lead.whole_line:
                paragraphs = paragraphs[1:]
            dateline = dateline or lead.place
            if lead.agency:
                agency_date = find_date(lead.agency)
                agency = lead.agency[: agency_date[1]] if agency_date else lead.agency
                source = source or agency.strip(" -–—,") or None
                if published is None and agency_date:
                    published = agency_date[0]
    for line in lines:
        match = _SYNDICATED.search(line)
        if match and source is None:
            source = match.group("source")
    if not paragraphs:
        raise RejectedInput("no article text found (header lines only)")
    return Extracted(
        paragraphs=tuple(paragraphs), title=title, author=author, published_date=published,
        source_name=source, dateline=dateline, language=language,
    )


def _read_header(header: list[str]) -> tuple[str | None, dt.date | None, str | None, str | None, str | None]:
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    source: str | None = None
    dateline: str | None = None
    candidates: list[str] = []
    for line in header:
        if count_words(line) > 40:
            continue
        found = find_date(line) if count_words(line) <= 16 else None
        if found is not None:
            if _CRAWL_DATE.match(line):
                continue
            if published is None:
                published = found[0]
            before, after = line[: found[1]].strip(" -–—|,:"), line[found[2] :].strip(" -–—|,:")
            before = _DATE_LABEL.sub("", before).strip()
            for part in (before, after):
                part = re.sub(r"^\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?\s*([A-Z]{2,4})?\s*[-–—|,]?\s*", "", part, flags=re.I)
                source_match = _SOURCE_INLINE.search(part) or _SOURCE.match(part)
                if source_match and source is None:
                    source = source_match.group("source").strip()
                    continue
                part = re.sub(r"^(?:by|written by)\s+", "", part, flags=re.I)
                name = _NAME.match(part)
                if name and author is None and count_words(part) <= 4:
                    author = name.group("name")
                elif _headline_like(part) and count_words(part) >= 4:
                    candidates.append(part)
            continue
        source_match = _SOURCE.match(line)
        if source_match:
            source = source or source_match.group("source").strip()
            continue
        byline = _BYLINE.match(line)
        if byline:
            author = author or byline.group("author").strip()
            source = source or (byline.group("source") or "").strip() or None
            continue
        if is_furniture(line):
            continue
        place = find_dateline(line)
        if place is not None and place.whole_line and line.rstrip().endswith(":"):
            dateline = dateline or place.place
            continue
        if _headline_like(line):
            candidates.append(line)
    if candidates:
        # the headline is the longest headline-like line; on a tie, the one nearest the body
        title = max(reversed(candidates), key=count_words)
        if count_words(title) < 3:
            title = None
    return title, published, author, source, dateline


def _headline_like(line: str) -> bool:
    words = count_words(line)
    return (
        2 <= words <= _MAX_TITLE_WORDS
        and not line.rstrip("\"'”’").endswith((".", ";", ","))
        and not _NOT_TITLE.search(line)
        and not is_furniture(line)
    )
