"""Which articles report the same event (a story), and which are copies of an earlier article.

Everything is decided pair by pair from what each article alone gives (`StoryFeatures`), so
the groups are connected components of two pure link rules, and an incremental update
(transforms/components.py) gives what a full recompute gives. Nothing is computed over the
corpus: no document frequencies, no ordering of pairs.

Copies (DUPLICATE_RULE): MinHash signatures of word 5-gram shingles; two articles are copies
when the estimated Jaccard similarity of their shingle sets reaches `duplicate_similarity`.
A syndicated copy with another headline and footer keeps most of its shingles; a rewrite in
other words shares only its quotations. Candidates come from LSH bands of the signature,
never from all pairs. The earliest copy (publication date, source path, line) is the original.

Stories (STORY_RULE): two articles report one event when they are close in text (estimated
Jaccard of their content-word sets, MinHash again), in names (the entity keys both mention)
and in quotations (word 5-grams of their quotes in common), and when the event times their
texts give agree (transforms/event_time.py: "on Thursday" read against the publication
date). Without an event date in the text, the event happened some time before publication,
so a late rewrite can still join. A copy is always in its original's story: stories are the
components of the story rule over the originals alone, and every copy takes its original's
story (so a page copied a thousand times is one node of the story rule, not a thousand asked
against every story sharing a word with it). Candidates: the copy bands, LSH bands of the
content-word and entity-key signatures, one key per quotation.

The link decision, given content-word Jaccard J (estimated), entity-key Jaccard N, shared
quotation 5-grams Q and agreeing event times T:
    copy, or J >= weak and (Q >= strong_quote_shingles or T and (J >= story_similarity or
    Q >= min_quote_shingles or (N >= name_similarity and >= min_shared_names keys shared))).
Names alone are weak evidence: reports of different events of one campaign or conflict share
most of their names, so a join on names also needs some text in common. The thresholds were
chosen on hand-labelled pairs (bench/gold/STORIES.md, tune half).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from transforms import minhash
from transforms.components import LinkRule, connected_components
from transforms.event_time import read_event_dates
from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS
from transforms.records import Article, StoryAssignment

# Bump when a change here alters the features of an article or how they group: every article's
# features are recomputed, so every story is grouped again (2: stories over originals alone)
VERSION = "2"

_WORD = re.compile(r"\w+")
_PROPER_NOUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", re.M)
_UNDATED = 10**7  # sorts an article with no publication date after every dated one


@dataclass(frozen=True)
class StoryOptions:
    """Thresholds of story grouping and copy detection, signature and band sizes."""

    num_perm: int = 128  # hash values per MinHash signature (16-1024; more is more exact and slower)
    shingle_words: int = 5  # words per shingle of the copy signature (3-9)
    duplicate_band_rows: int = 3  # signature rows per LSH band for copies (1-8; fewer finds lower similarities)
    duplicate_similarity: float = 0.5  # estimated shingle Jaccard at or above which two articles are copies (0-1)
    word_band_rows: int = 3  # signature rows per LSH band of content words (1-8)
    name_perm: int = 64  # hash values per MinHash signature of entity keys (16-1024)
    name_band_rows: int = 2  # signature rows per LSH band of entity keys (1-8)
    story_similarity: float = 0.30  # content-word Jaccard that alone makes two articles one story (0-1)
    weak_similarity: float = 0.15  # content-word Jaccard below which only a copy joins two articles (0-1)
    name_similarity: float = 0.30  # Jaccard of entity-key sets that, with enough shared keys, joins two articles (0-1)
    min_shared_names: int = 6  # entity keys two articles must share to be joined on names (1+)
    min_quote_shingles: int = 3  # quotation 5-grams in common that join two articles of one time (1+)
    strong_quote_shingles: int = 12  # quotation 5-grams in common that join them whatever their dates (1+)
    max_quote_shingles: int = 256  # quotation 5-grams kept per article, the smallest hashes (16+)
    min_quote_words: int = 6  # words a quotation needs to count (shorter ones are common phrases) (1+)
    max_days_apart: int = 3  # event dates further apart than this are different events (0+)
    lookback_days: int = 31  # an article reports events of up to this many days before publication (1+)
    max_event_dates: int = 8  # event dates kept per article, the first in the text (1+)


@dataclass(frozen=True)
class StoryFeatures:
    """What the story and copy rules need about one article, from that article alone."""

    article_id: str
    published_date: dt.date | None  # first part of the age key (None: after every dated article)
    source_path: str  # second part of the age key
    line_number: int | None  # third part of the age key (None for a file)
    copy_signature: bytes  # MinHash of word shingles: num_perm little-endian uint32
    shingle_count: int  # distinct shingles (0: the signature is empty)
    word_signature: bytes  # MinHash of content words (stop words out, light stemming)
    word_count: int  # distinct content words
    name_signature: bytes  # MinHash of the entity keys: name_perm little-endian uint32
    name_keys: tuple[str, ...]  # distinct entity keys, most mentioned first
    quote_shingles: tuple[int, ...]  # sorted 32-bit hashes of the word 5-grams inside quotations
    quote_keys: tuple[int, ...]  # one MinHash value per quotation (its blocking key)
    event_days: tuple[int, ...]  # (first, last) ordinal day pairs of the event dates the text gives, flattened

    def age_key(self) -> tuple[int, str, int, str]:
        """Sort key of age: the smallest is the earliest article (the original of its copies)."""
        day = self.published_date.toordinal() if self.published_date else _UNDATED
        return day, self.source_path, self.line_number or 0, self.article_id


def story_features(
    article: Article, *, name_keys: Sequence[str], quote_texts: Sequence[str], options: StoryOptions
) -> StoryFeatures:
    """Everything the rules need about one article (its names: entity keys, one per mention)."""
    words = _WORD.findall(article.text.lower())
    shingles = _shingle_hashes(words, options.shingle_words)
    content = _stems({w for w in words if len(w) >= 3 and w.isalpha()} - STOP_WORDS)
    names = [k for k in name_keys if k] or [w.lower() for w in _PROPER_NOUN.findall(article.text)
                                            if w.lower() not in STOP_WORDS]
    quote_hashes: set[int] = set()
    quote_keys: set[int] = set()
    for quote in quote_texts:
        quoted = _WORD.findall(quote.lower())
        if len(quoted) < max(options.min_quote_words, _QUOTE_SHINGLE):
            continue
        hashes = _shingle_hashes(quoted, _QUOTE_SHINGLE)
        quote_hashes.update(hashes.tolist())
        quote_keys.add(int(hashes.min()))  # two mostly equal quotations share it, with probability = their Jaccard
    events = read_event_dates(article.text, article.published_date, lookback_days=options.lookback_days)
    event_days: list[int] = []
    for event in events[: options.max_event_dates]:
        event_days += [event.first.toordinal(), event.last.toordinal()]
    return StoryFeatures(
        article_id=article.article_id,
        published_date=article.published_date,
        source_path=article.source_path,
        line_number=article.line_number,
        copy_signature=_signature(shingles, options.num_perm),
        shingle_count=len(shingles),
        word_signature=_signature(_hashes(content), options.num_perm),
        word_count=len(content),
        name_signature=_signature(_hashes(set(names)), options.name_perm),
        name_keys=tuple(k for k, _ in sorted(Counter(names).items(), key=lambda kv: (-kv[1], kv[0]))),
        quote_shingles=tuple(sorted(quote_hashes)[: options.max_quote_shingles]),
        quote_keys=tuple(sorted(quote_keys)),
        event_days=tuple(event_days),
    )


_QUOTE_SHINGLE = 5  # words per shingle of a quotation
# A light suffix strip, so "rebels" meets "rebel", "captured" "capture" and "cities" "city".
_PLURAL_Y = re.compile(r"(?<=[a-z]{3})ie[sd]$", re.M)
_SUFFIX = re.compile(r"(?<=[a-z]{4})(?:ing|ed|es|e|(?<!s)s)$", re.M)


def _stems(words: Iterable[str]) -> set[str]:
    """The stems of words (one regex pass over all of them: a call per word costs more)."""
    joined = "\n".join(words)
    return set(_SUFFIX.sub("", _PLURAL_Y.sub("y", joined)).split("\n")) - {""}


def _hashes(tokens: Iterable[str]) -> np.ndarray:
    """A stable 32-bit hash of each token (crc32: the same in every process and run)."""
    return np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64)


def _shingle_hashes(words: Sequence[str], size: int) -> np.ndarray:
    """Distinct 32-bit hashes of the runs of `size` words (a text shorter than that is one run)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashed = _hashes(words)
    runs = max(1, len(words) - size + 1)
    combined = np.zeros(runs, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for offset in range(min(size, len(words))):
            combined = combined * np.uint64(0x100000001B3) + hashed[offset : offset + runs]
    folded = (combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF))
    return np.unique(folded)


def _signature(hashes: np.ndarray, num_perm: int) -> bytes:
    """The MinHash signature of a set given by its members' 32-bit hashes."""
    return minhash.signature(hashes, num_perm=num_perm, seed=1).tobytes()


# --- the rules ---------------------------------------------------------------------------


def duplicate_rule(options: StoryOptions) -> LinkRule[StoryFeatures]:
    """Copies: LSH bands of the shingle signature as blocking keys, estimated Jaccard as the link."""
    return LinkRule(
        node_id=_node_id,
        blocking_keys=lambda node: _band_keys("c", node.copy_signature, node.shingle_count,
                                              options.duplicate_band_rows),
        links=lambda node, candidates: _copies(node, candidates, options),
        pairwise=True,  # a pair's link depends on the two articles alone, both ways
    )


def story_rule(options: StoryOptions) -> LinkRule[StoryFeatures]:
    """Stories: copies, plus articles close in words, names and quotations at agreeing times."""
    return LinkRule(
        node_id=_node_id,
        blocking_keys=lambda node: _story_keys(node, options),
        links=lambda node, candidates: _same_story(node, candidates, options),
        pairwise=True,
    )


def _node_id(node: StoryFeatures) -> str:
    return node.article_id


def _band_keys(prefix: str, signature: bytes, size: int, rows: int) -> list[str]:
    if size == 0:
        return []  # an empty set's signature is all maxima: it would meet every other empty set
    values = np.frombuffer(signature, dtype="<u4")
    return [f"{prefix}{i // rows}:{values[i : i + rows].tobytes().hex()}"
            for i in range(0, len(values) - rows + 1, rows)]


def _story_keys(node: StoryFeatures, options: StoryOptions) -> list[str]:
    keys = _band_keys("c", node.copy_signature, node.shingle_count, options.duplicate_band_rows)
    keys += _band_keys("w", node.word_signature, node.word_count, options.word_band_rows)
    if len(node.name_keys) >= options.min_shared_names:
        # fewer names can never join on names, and a small set of names ("the president", "the
        # capital") is shared by thousands of articles: such keys would only cost evaluations
        keys += _band_keys("n", node.name_signature, len(node.name_keys), options.name_band_rows)
    keys += [f"q:{h:08x}" for h in node.quote_keys]
    return keys


def _similarities(signature: bytes, candidates: Sequence[bytes]) -> np.ndarray:
    """Estimated Jaccard similarity of one signature with each candidate's (all at once)."""
    mine = np.frombuffer(signature, dtype="<u4")
    theirs = np.frombuffer(b"".join(candidates), dtype="<u4").reshape(len(candidates), len(mine))
    return np.asarray((theirs == mine).mean(axis=1))


def _copies(node: StoryFeatures, candidates: Sequence[StoryFeatures], options: StoryOptions) -> list[str]:
    if not candidates or node.shingle_count == 0:
        return []
    similar = _similarities(node.copy_signature, [c.copy_signature for c in candidates])
    return [c.article_id for c, s in zip(candidates, similar, strict=True)
            if s >= options.duplicate_similarity and c.shingle_count > 0]


def _same_story(node: StoryFeatures, candidates: Sequence[StoryFeatures], options: StoryOptions) -> list[str]:
    if not candidates:
        return []
    linked = set(_copies(node, candidates, options))
    if node.word_count == 0:
        return sorted(linked)
    similar = _similarities(node.word_signature, [c.word_signature for c in candidates])
    names = frozenset(node.name_keys)
    quotes = set(node.quote_shingles)
    for other, text in zip(candidates, similar, strict=True):
        if other.article_id in linked or text < options.weak_similarity or other.word_count == 0:
            continue
        shared_quotes = len(quotes.intersection(other.quote_shingles)) if quotes else 0
        if shared_quotes >= options.strong_quote_shingles:
            linked.add(other.article_id)  # the same long quotations: one event, whenever it was written up
            continue
        if not _times_agree(node, other, options):
            continue
        if (
            text >= options.story_similarity
            or shared_quotes >= options.min_quote_shingles
            or _names_agree(names, other.name_keys, options)
        ):
            linked.add(other.article_id)
    return sorted(linked)


def _names_agree(names: frozenset[str], other: Sequence[str], options: StoryOptions) -> bool:
    if not names or not other:
        return False
    shared = len(names.intersection(other))
    union = len(names) + len(other) - shared
    return shared >= options.min_shared_names and shared >= options.name_similarity * union


def _event_ranges(node: StoryFeatures, options: StoryOptions) -> list[tuple[int, int]] | None:
    """The day ranges the article's event may lie in (None: no idea)."""
    days = node.event_days
    if days:
        return [(days[i], days[i + 1]) for i in range(0, len(days), 2)]
    if node.published_date is not None:
        published = node.published_date.toordinal()
        return [(published - options.lookback_days, published)]  # it happened before it was reported
    return None


def _times_agree(a: StoryFeatures, b: StoryFeatures, options: StoryOptions) -> bool:
    ranges_a, ranges_b = _event_ranges(a, options), _event_ranges(b, options)
    if ranges_a is None or ranges_b is None:
        return True
    return any(max(lo_a - hi_b, lo_b - hi_a) <= options.max_days_apart
               for lo_a, hi_a in ranges_a for lo_b, hi_b in ranges_b)


DUPLICATE_RULE = duplicate_rule(StoryOptions())
STORY_RULE = story_rule(StoryOptions())


# --- full assignment ------------------------------------------------------------------------


def assign_stories(
    features: Sequence[StoryFeatures] | Sequence[Article], options: StoryOptions
) -> list[StoryAssignment]:
    """Give each article a story id and, for copies, the id of the earliest copy.

    Articles are accepted too (their features computed from the text alone, with no entity
    keys or quotations) until the pipeline passes features.
    """
    nodes = [f if isinstance(f, StoryFeatures)
             else story_features(f, name_keys=(), quote_texts=(), options=options) for f in features]
    by_id = {n.article_id: n for n in nodes}
    duplicate_of: dict[str, str] = {}
    for group in connected_components(nodes, duplicate_rule(options)):
        original = min(group, key=lambda i: by_id[i].age_key())
        duplicate_of.update({i: original for i in group if i != original})
    story_of: dict[str, str] = {}
    originals = [n for n in nodes if n.article_id not in duplicate_of]
    for group in connected_components(originals, story_rule(options)):
        story_id = stable_id("story", min(group, key=lambda i: by_id[i].age_key()))
        story_of.update(dict.fromkeys(group, story_id))
    return [StoryAssignment(article_id=i, story_id=story_of[duplicate_of.get(i, i)], duplicate_of=duplicate_of.get(i))
            for i in sorted(by_id)]

