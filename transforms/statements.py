"""The same statement carried by several articles, in whatever wording each outlet used.

Outlets translate and edit quotations ("I pray to Almighty God that it will be a conquest
without revenge" / "I ask God Almighty that this be a conquest without revenge"), so exact
text does not find them. Two quotations are one statement when their content words (stop
words dropped, plural -s folded) overlap with a Jaccard similarity at or above a threshold
and they come from articles of the same story; across stories a much higher overlap is
needed. Quotations are joined most similar first (single link within those rules). The
earliest quotation (by publication date, then source, then position) names the statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS

_TOKEN = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class QuoteInContext:
    """A quotation with what grouping needs to know about its article."""

    quote_id: str
    quote_text: str
    story_id: str | None
    published_date: dt.date | None
    source_path: str
    start_char: int


@dataclass(frozen=True)
class StatementOptions:
    """Thresholds of statement grouping."""

    same_story_similarity: float = 0.30  # content-word Jaccard joining quotes of one story (0-1)
    any_story_similarity: float = 0.60  # content-word Jaccard joining quotes of different stories (0-1)
    min_content_words: int = 3  # shorter quotations ("victory") stand alone (>= 1)


def group_statements(quotes: Sequence[QuoteInContext], options: StatementOptions) -> dict[str, str]:
    """Map every quote_id to the id of the statement it carries."""
    ordered = sorted(quotes, key=_age_key)
    words = [_content_words(q.quote_text) for q in ordered]
    parent = list(range(len(ordered)))
    index: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        if len(w) >= options.min_content_words:
            for token in w:
                index.setdefault(token, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 200:
            continue  # a word in hundreds of quotes links nothing by itself
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                pairs.add((i, j))
    scored = sorted(((-_jaccard(words[i], words[j]), i, j) for i, j in pairs))
    for negative, i, j in scored:
        similarity = -negative
        same_story = ordered[i].story_id is not None and ordered[i].story_id == ordered[j].story_id
        if similarity >= (options.same_story_similarity if same_story else options.any_story_similarity):
            ri, rj = _find(parent, i), _find(parent, j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    return {q.quote_id: stable_id("statement", ordered[_find(parent, i)].quote_id) for i, q in enumerate(ordered)}


def _age_key(q: QuoteInContext) -> tuple[int, str, int, str]:
    day = q.published_date.toordinal() if q.published_date else 10**7
    return day, q.source_path, q.start_char, q.quote_id


def _content_words(text: str) -> frozenset[str]:
    return frozenset(
        t[:-1] if len(t) > 3 and t.endswith("s") else t
        for t in (m.lower() for m in _TOKEN.findall(text))
        if t not in STOP_WORDS
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
