"""Article body and metadata of scraped plain text (trafilatura returns nothing for it).

A first, honest cleaner: the title is the first line that reads like a headline; short
header lines carrying a date become the publication date; page furniture (share buttons,
comment prompts) is dropped; a trailing block that starts with a "Comments", "Related" or
"Latest" marker is cut.
"""

from __future__ import annotations

import re

from transforms.datelines import find_dateline
from transforms.dates import find_date
from transforms.records import Extracted, RejectedInput
from transforms.text import count_words, split_paragraphs

# Lines that are page furniture wherever they stand (compared lowercased, bullets stripped).
FURNITURE = frozenset(
    """get link|x|other apps|share|share this|share this article|tweet|email|print|facebook|
    twitter|whatsapp|linkedin|telegram|pinterest|reddit|copy link|comments|comment|
    post a comment|leave a comment|add comment|advertisement|advertising|sponsored|
    subscribe|sign up|sign in|log in|login|register|menu|home|search|skip to content|
    read more|show more|load more|follow us|share on facebook|share on twitter""".replace(
        "\n", ""
    ).replace("    ", "").split("|")
)
# Marker lines after which the rest of the page is other stories or reader comments.
_TAIL_MARKERS = re.compile(
    r"^(comments?|\d+ comments?|post a comment|leave a (comment|reply)|latest( contents| news| stories)?|"
    r"related( articles| stories| news| posts)?|more (stories|news|from .{1,40})|recommended( for you)?|"
    r"read (also|next)|you may also like|most (read|popular|viewed)|trending( now)?|top stories)\s*:?$",
    re.I,
)
_BULLET = re.compile(r"^[-•*·–]\s*")
_CRAWL_DATE = re.compile(r"^(today|updated|last updated|accessed|retrieved)\s*:", re.I)
# A headline is short and does not end like a sentence.
_MAX_TITLE_WORDS = 25


def extract_plaintext(text: str) -> Extracted:
    """Extract the article body and header metadata of scraped plain text."""
    lines = [line for line in split_paragraphs(text) if not _is_furniture(line)]
    lines = _cut_tail(lines)
    if not lines:
        raise RejectedInput("no article text found (only page furniture)")

    title: str | None = None
    published = None
    dateline: str | None = None
    body: list[str] = []
    for index, line in enumerate(lines):
        in_header = not body and index < 8
        if in_header and count_words(line) <= 14:
            found = find_date(line)
            if found is not None:
                if _CRAWL_DATE.match(line):
                    continue
                rest = (line[: found[1]] + line[found[2] :]).strip(" -|,:")
                rest = re.sub(r"^date\b\s*", "", rest, flags=re.I)
                if published is None:
                    published = found[0]
                if title is None and _looks_like_title(rest) and count_words(rest) >= 4:
                    title = rest
                continue
        if in_header and title is None and _looks_like_title(line):
            title = line
            continue
        if not body and dateline is None:
            found_dateline = find_dateline(line)
            if found_dateline is not None and found_dateline.whole_line:
                dateline = found_dateline.place
                continue
        body.append(line)
    if not body:
        raise RejectedInput("no article text found (header lines only)")
    if dateline is None:
        first = find_dateline(body[0])
        if first is not None:
            dateline = first.place
    return Extracted(paragraphs=tuple(body), title=title, published_date=published, dateline=dateline)


def _is_furniture(line: str) -> bool:
    return _BULLET.sub("", line).strip().lower().rstrip(":") in FURNITURE


def _looks_like_title(line: str) -> bool:
    words = count_words(line)
    return 2 <= words <= _MAX_TITLE_WORDS and not line.endswith((".", ":", ";", ","))


def _cut_tail(lines: list[str]) -> list[str]:
    """Drop everything from a tail marker on, when the marker sits in the last part of the page."""
    for index, line in enumerate(lines):
        if index >= len(lines) * 0.4 and _TAIL_MARKERS.match(_BULLET.sub("", line)):
            return lines[:index]
    return lines
