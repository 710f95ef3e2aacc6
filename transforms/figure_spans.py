"""What every figure rule works with: the Found record a rule returns, the spans taken so far, the sentence
around a span."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from transforms.lexicon import STATE_ABBREVIATIONS, TITLE_ABBREVIATIONS

_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n")
_TITLES = "|".join(re.escape(a) for a in TITLE_ABBREVIATIONS)
# a period after a title or an initial ends no sentence: "Sen. Lee", "J. Smith"
_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLES}|[A-Z])\Z")
# nor a state's after a city or before a title ("former Fla. Gov. Bush"); "in Tampa, Fla. The storm" does end one
_STATE_BEFORE = re.compile(rf"\b(?:{'|'.join(re.escape(a) for a in STATE_ABBREVIATIONS)})\Z")
_TITLE_AFTER = re.compile(rf"(?:{_TITLES})\.")


def _breaks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The sentence breaks in text[start:end], but not the period of an abbreviation; a line break always is one."""
    return [
        m for m in _SENTENCE_BREAK.finditer(text, start, end)
        if "\n" in m.group(0)
        or not (
            _TITLE_BEFORE.search(text, max(0, m.start() - 5), m.start())
            or _STATE_BEFORE.search(text, max(0, m.start() - 5), m.start()) and _TITLE_AFTER.match(text, m.end())
        )
    ]


@dataclass(frozen=True, kw_only=True)
class Found:
    """What a figure rule found before it becomes a Figure."""

    start: int
    end: int
    low: float
    high: float
    qualifier: str
    unit: str | None
    category: str
    subject: str | None = None


class Spans(list[tuple[int, int]]):
    """The spans taken or excluded so far, kept in start order: a lookup reads only the spans that
    start near it (a page of a million characters has tens of thousands of figures)."""

    def __init__(self, spans: list[tuple[int, int]]):
        super().__init__(sorted(spans))
        self.longest = max((b - a for a, b in self), default=0)

    def append(self, span: tuple[int, int]) -> None:
        bisect.insort(self, span)
        self.longest = max(self.longest, span[1] - span[0])

    def free(self, start: int, end: int) -> bool:
        first = bisect.bisect_left(self, (start - self.longest, -1))
        last = bisect.bisect_left(self, (end, -1))
        return not any(start < b for _, b in self[first:last])


def free(taken: Spans, start: int, end: int) -> bool:
    """True when [start, end) overlaps no span already taken or excluded."""
    return taken.free(start, end)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around [start, end) begins and ends: split at a period before a capital, or a line
    break, looking at most 400 characters either way."""
    # up to start + 1: a break's lookahead must see the capital at start ("... killed. Five nurses")
    breaks = _breaks(text, max(0, start - 400), start + 1)
    sentence_start = breaks[-1].end() if breaks else max(0, start - 400)
    limit = min(len(text), end + 400)  # as far as it looks back: a text without breaks costs no more
    after = next(iter(_breaks(text, end, limit)), None)
    return sentence_start, after.start() + 1 if after else limit


def previous_sentence_start(text: str, first: int) -> int:
    """Where the sentence before the one that begins at first begins (past the blank lines between them); first
    itself when there is none."""
    back = first
    while back > 0 and text[back - 1].isspace():
        back -= 1
    return sentence_bounds(text, max(0, back - 1), back)[0] if back > 0 else first


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (see sentence_bounds)."""
    first, last = sentence_bounds(text, start, end)
    return text[first:last]
