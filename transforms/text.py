"""Text normalisation shared by every input format: one paragraph per block, one blank line between."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[^\S\n]+")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def clean_line(line: str) -> str:
    """NFC-normalise a line, fold runs of spaces (incl. no-break spaces) and strip it."""
    # soft hyphens and zero-width spaces go first: between a letter and its accent they would
    # block NFC's composition, and removing them afterwards left the text not normalised
    line = unicodedata.normalize("NFC", line.replace("\u00ad", "").replace("\u200b", ""))
    return _SPACES.sub(" ", line).strip()


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Join cleaned, non-empty paragraphs with one blank line between them."""
    return "\n\n".join(p for p in (clean_line(p) for p in paragraphs) if p)


def split_paragraphs(text: str) -> list[str]:
    """Split text on line breaks into cleaned, non-empty lines."""
    return [p for p in (clean_line(line) for line in text.splitlines()) if p]


def count_words(text: str) -> int:
    """Count words: runs of letters or digits, with inner apostrophes, dots and hyphens."""
    return len(_WORD.findall(text))
