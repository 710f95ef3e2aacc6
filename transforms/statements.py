"""The same statement carried by several articles, in whatever wording each outlet used.

Outlets translate and edit quotations ("we will rebuild the bridge within a year" / "the bridge
will be rebuilt within the year, we promise"), so exact text does not find them. Two quotations
are one statement when their content words (stop words dropped, plural -s folded) overlap with a
Jaccard similarity at or above a threshold and they come from articles of the same story;
across stories a much higher overlap is needed. Statements are the connected components of that
pairwise rule (transforms/components.py), so an incremental update equals a full recompute.
Candidates: the quotations of the same story, and quotations sharing a MinHash LSH band of
their content words (tuned so that pairs at the cross-story threshold almost always share one).
The earliest quotation (by publication date, then source, then position) names the statement.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from transforms.components import LinkRule, connected_components
from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS

# Bump when a change here alters a quotation's blocking keys (every article's keys are recomputed).
VERSION = "1"

_TOKEN = re.compile(r"[^\W\d_]{2,}")
_UNDATED = 10**7


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


@dataclass(frozen=True)
class StatementKey:
    """One blocking key of one quotation (a row of statement_keys, per article)."""

    article_id: str
    quote_id: str
    key: str


# LSH of the content words: BANDS bands of ROWS MinHash values. Two quotations at the
# cross-story threshold (Jaccard 0.6) share a band with probability 1 - (1 - 0.6**3)**10 = 0.91;
# unrelated ones sharing a common word (Jaccard 0.1) with probability 0.01.
_ROWS, _BANDS = 3, 10


@dataclass(frozen=True)
class StatementNode:
    """A quotation as the grouping rule sees it."""

    quote_id: str
    story_id: str | None
    words: frozenset[str]
    age: tuple[int, str, int, str]  # the smallest is the earliest quotation


def content_words(text: str) -> frozenset[str]:
    """The words of a quotation that carry its content (stop words out, plural -s folded)."""
    return frozenset(
        t[:-1] if len(t) > 3 and t.endswith("s") else t
        for t in (m.lower() for m in _TOKEN.findall(text))
        if t not in STOP_WORDS
    )


def statement_node(q: QuoteInContext) -> StatementNode:
    """The node of one quotation."""
    day = q.published_date.toordinal() if q.published_date else _UNDATED
    return StatementNode(q.quote_id, q.story_id, content_words(q.quote_text), (day, q.source_path, q.start_char,
                                                                                q.quote_id))


def band_keys(text: str, options: StatementOptions) -> list[str]:
    """The LSH band keys of a quotation's content words (none when it has too few to be grouped)."""
    words = content_words(text)
    return _bands(words) if len(words) >= options.min_content_words else []


def statement_keys(article_id: str, quotes: Sequence[tuple[str, str]], options: StatementOptions) -> list[StatementKey]:
    """The band keys of an article's quotations, given as (quote_id, quote_text)."""
    return [StatementKey(article_id, quote_id, key) for quote_id, text in quotes for key in band_keys(text, options)]


def statement_rule(options: StatementOptions) -> LinkRule[StatementNode]:
    """Quotations of one story close enough in words, or of any stories much closer, are one statement."""

    def keys(node: StatementNode) -> list[str]:
        if len(node.words) < options.min_content_words:
            return []
        return ([f"story:{node.story_id}"] if node.story_id else []) + _bands(node.words)

    def links(node: StatementNode, candidates: Sequence[StatementNode]) -> list[str]:
        if len(node.words) < options.min_content_words:
            return []
        linked = []
        for c in candidates:
            if len(c.words) < options.min_content_words:
                continue
            same_story = node.story_id is not None and node.story_id == c.story_id
            threshold = options.same_story_similarity if same_story else options.any_story_similarity
            if _jaccard(node.words, c.words) >= threshold:
                linked.append(c.quote_id)
        return linked

    return LinkRule(node_id=lambda n: n.quote_id, blocking_keys=keys, links=links, pairwise=True)


def statement_ids(components: Sequence[Sequence[str]], ages: dict[str, tuple[int, str, int, str]]) -> dict[str, str]:
    """quote_id -> statement id: a hash of the component's earliest quotation."""
    found = {}
    for members in components:
        first = min(members, key=lambda q: ages[q])
        for q in members:
            found[q] = stable_id("statement", first)
    return found


def group_statements(quotes: Sequence[QuoteInContext], options: StatementOptions) -> dict[str, str]:
    """Map every quote_id to the id of the statement it carries (the whole corpus at once)."""
    nodes = [statement_node(q) for q in quotes]
    return statement_ids(connected_components(nodes, statement_rule(options)), {n.quote_id: n.age for n in nodes})


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations (fixed seed: keys compare across runs and processes)."""
    a, b = MinHash(num_perm=_ROWS * _BANDS, seed=11, scheme="affine32").permutations
    return a, b


def _bands(words: frozenset[str]) -> list[str]:
    values = _signature(sorted(words))
    return [f"b{i}:{zlib.crc32(values[i * _ROWS : (i + 1) * _ROWS].tobytes()):08x}" for i in range(_BANDS)]


def _signature(words: Sequence[str]) -> np.ndarray:
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64)
    sketch = MinHash(num_perm=_ROWS * _BANDS, seed=11, scheme="affine32", permutations=_permutations(), hashfunc=int)
    sketch.update_batch(hashes)
    return np.asarray(sketch.hashvalues, dtype="<u4")
