"""The same statement carried by several articles, in whatever wording each outlet used.

Outlets translate and edit quotations ("we will rebuild the bridge within a year" / "the bridge
will be rebuilt within the year, we promise"), so exact text does not find them. Two quotations
are one statement when their content words (stop words dropped, plural -s folded) overlap with a
Jaccard similarity at or above a threshold and they come from articles of the same story;
across stories a much higher overlap is needed. Statements are the connected components of that
rule (transforms/components.py), so an incremental update equals a full recompute.

Quotations with the same content words are one statement under that rule whatever their stories,
so they are grouped as one node (a wire quote carried by a hundred copies is compared once); a
node remembers the stories its quotations come from. Candidates: nodes sharing a story, and nodes
sharing a MinHash LSH band of their words (tuned so that pairs at the cross-story threshold
almost always share one). The earliest quotation (by publication date, then source, then
position) names the statement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from transforms import minhash
from transforms.components import LinkRule, connected_components
from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS

# Bump when a change here alters a quotation's node or keys (every article's are recomputed).
VERSION = "2"

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
    """A quotation's node and one of the node's blocking keys (a row of statement_keys, per article).

    A quotation too short to be grouped has its own node and no key (key NULL)."""

    article_id: str
    quote_id: str
    node_id: str
    key: str | None


@dataclass(frozen=True)
class StatementNode:
    """The quotations with one set of content words, as the grouping rule sees them."""

    node_id: str
    words: frozenset[str]
    stories: frozenset[str]  # the stories its quotations come from


# LSH of the content words: BANDS bands of ROWS MinHash values. Two quotations at the
# cross-story threshold (Jaccard 0.6) share a band with probability 1 - (1 - 0.6**3)**10 = 0.91;
# unrelated ones sharing a common word (Jaccard 0.1) with probability 0.01.
_ROWS, _BANDS = 3, 10


def content_words(text: str) -> frozenset[str]:
    """The words of a quotation that carry its content (stop words out, plural -s folded)."""
    return frozenset(
        t[:-1] if len(t) > 3 and t.endswith("s") else t
        for t in (m.lower() for m in _TOKEN.findall(text))
        if t not in STOP_WORDS
    )


def node_id(quote_id: str, text: str, options: StatementOptions) -> str:
    """The node of a quotation: its content words, or itself when it has too few to be grouped."""
    words = content_words(text)
    if len(words) < options.min_content_words:
        return "q:" + quote_id
    return "w:" + hashlib.sha256("\x1f".join(sorted(words)).encode("utf-8")).hexdigest()[:20]


def statement_keys(article_id: str, quotes: Sequence[tuple[str, str]], options: StatementOptions) -> list[StatementKey]:
    """The nodes and band keys of an article's quotations, given as (quote_id, quote_text)."""
    rows = []
    for quote_id, text in quotes:
        node = node_id(quote_id, text, options)
        keys = _bands(content_words(text)) if node.startswith("w:") else [None]
        rows += [StatementKey(article_id, quote_id, node, key) for key in keys]
    return rows


def statement_node(node: str, texts: Iterable[str], stories: Iterable[str | None]) -> StatementNode:
    """A node from any of its quotations' texts (they share their content words) and their stories."""
    first = next(iter(texts), "")
    words = content_words(first) if node.startswith("w:") else frozenset()
    return StatementNode(node, words, frozenset(s for s in stories if s))


def statement_rule(options: StatementOptions) -> LinkRule[StatementNode]:
    """Quotations of one story close enough in words, or of any stories much closer, are one statement."""

    def keys(node: StatementNode) -> list[str]:
        if len(node.words) < options.min_content_words:
            return []
        return [f"story:{s}" for s in sorted(node.stories)] + _bands(node.words)

    def links(node: StatementNode, candidates: Sequence[StatementNode]) -> list[str]:
        if len(node.words) < options.min_content_words:
            return []
        linked = []
        for c in candidates:
            if len(c.words) < options.min_content_words:
                continue
            threshold = options.same_story_similarity if node.stories & c.stories else options.any_story_similarity
            if _jaccard(node.words, c.words) >= threshold:
                linked.append(c.node_id)
        return linked

    return LinkRule(node_id=lambda n: n.node_id, blocking_keys=keys, links=links, pairwise=True)


def quote_age(q: QuoteInContext) -> tuple[int, str, int, str]:
    """Sort key of age: the smallest is the earliest quotation (it names its statement)."""
    day = q.published_date.toordinal() if q.published_date else _UNDATED
    return day, q.source_path, q.start_char, q.quote_id


def group_statements(quotes: Sequence[QuoteInContext], options: StatementOptions) -> dict[str, str]:
    """Map every quote_id to the id of the statement it carries (the whole corpus at once)."""
    members: dict[str, list[QuoteInContext]] = {}
    for q in quotes:
        members.setdefault(node_id(q.quote_id, q.quote_text, options), []).append(q)
    nodes = [statement_node(n, [q.quote_text for q in qs], [q.story_id for q in qs]) for n, qs in members.items()]
    found = {}
    for component in connected_components(nodes, statement_rule(options)):
        quotes_in = [q for n in component for q in members[n]]
        statement = stable_id("statement", min(quotes_in, key=quote_age).quote_id)
        found.update({q.quote_id: statement for q in quotes_in})
    return found


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _bands(words: frozenset[str]) -> list[str]:
    values = _signature(sorted(words))
    return [f"b{i}:{zlib.crc32(values[i * _ROWS : (i + 1) * _ROWS].tobytes()):08x}" for i in range(_BANDS)]


def _signature(words: Sequence[str]) -> np.ndarray:
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64)
    return minhash.signature(hashes, num_perm=_ROWS * _BANDS, seed=11)
