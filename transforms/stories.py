"""Which articles report the same story, and which are copies of an earlier one.

Copies: word 5-gram shingle sets with Jaccard similarity >= a threshold (an exact copy is
1.0; a syndicated copy with a changed headline or footer stays near it). Stories: TF-IDF
cosine similarity of content words, or the Jaccard similarity of the proper nouns two
articles mention, >= a threshold, joined most similar pair first, as long
as a story's dated articles stay within a few days of each other. Candidate pairs come from an
inverted index of each article's top terms, so the work grows with the pairs that share
vocabulary, not with the square of the corpus. The earlier article (by publication date,
then source path) is the original, and the earliest member names the story.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS
from transforms.records import Article, StoryAssignment

_TOKEN = re.compile(r"[^\W\d_]{3,}")
_SHINGLE = re.compile(r"\w+")


@dataclass(frozen=True)
class StoryOptions:
    """Thresholds of story grouping and copy detection."""

    story_similarity: float = 0.30  # TF-IDF cosine at or above which two articles share a story (0-1)
    duplicate_similarity: float = 0.80  # shingle Jaccard at or above which an article is a copy (0-1)
    max_days_apart: int = 4  # publication dates further apart than this never share a story (0+)
    name_similarity: float = 0.25  # Jaccard of proper nouns at or above which two articles share a story (0-1)
    min_shared_names: int = 5  # proper nouns two articles must share to be compared on names
    top_terms: int = 40  # terms per article in the candidate index
    min_shared_terms: int = 3  # top terms two articles must share to be compared


def assign_stories(articles: Sequence[Article], options: StoryOptions) -> list[StoryAssignment]:
    """Give each article a story id and, for copies, the id of the earlier original."""
    ordered = sorted(articles, key=_age_key)
    vectors = _tfidf([a.text for a in ordered])
    shingles = [_shingles(a.text) for a in ordered]
    groups = _Groups([a.published_date.toordinal() if a.published_date else None for a in ordered],
                     options.max_days_apart)
    duplicate_of: dict[int, int] = {}

    names = [_proper_nouns(a.text) for a in ordered]
    candidates = set(_candidate_pairs(vectors, options)) | set(_shared_name_pairs(names, options))
    # Most similar pairs join first, so a chain of loosely linked articles cannot block a close pair.
    scored = sorted((-max(_cosine(vectors[i], vectors[j]), _jaccard(names[i], names[j])), i, j)
                    for i, j in candidates)
    for _, i, j in scored:
        copy = j not in duplicate_of and _jaccard(shingles[i], shingles[j]) >= options.duplicate_similarity
        if copy:  # a copy is a copy however late it was published
            duplicate_of[j] = duplicate_of.get(i, i)
        same_story = (
            _cosine(vectors[i], vectors[j]) >= options.story_similarity
            or _jaccard(names[i], names[j]) >= options.name_similarity
        )
        if copy or same_story:
            groups.union(i, j)

    story_of_root: dict[int, str] = {}
    result = []
    for index, article in enumerate(ordered):
        root = groups.find(index)
        if root not in story_of_root:
            story_of_root[root] = stable_id("story", article.article_id)
        original = duplicate_of.get(index)
        result.append(
            StoryAssignment(
                article_id=article.article_id,
                story_id=story_of_root[root],
                duplicate_of=ordered[original].article_id if original is not None else None,
            )
        )
    return sorted(result, key=lambda s: s.article_id)


def _age_key(article: Article) -> tuple[int, str, int, str]:
    ordinal = article.published_date.toordinal() if article.published_date else 10**7
    return ordinal, article.source_path, article.line_number or 0, article.article_id


def _tfidf(texts: Sequence[str]) -> list[dict[str, float]]:
    counts = [Counter(t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS) for text in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    vectors = []
    for c in counts:
        vec = {t: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, tf in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def _candidate_pairs(vectors: Sequence[dict[str, float]], options: StoryOptions) -> list[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term in sorted(vec, key=lambda t: (-vec[t], t))[: options.top_terms]:
            index[term].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                shared[(i, j)] += 1
    return sorted(pair for pair, count in shared.items() if count >= options.min_shared_terms)


_PROPER_NOUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", re.M)


def _proper_nouns(text: str) -> frozenset[str]:
    """Capitalised words not at a sentence start: the names an article is about.

    Names are what two reports of one event share most reliably, and unlike TF-IDF they need
    no large corpus to weigh them (a run over five articles has no useful document frequencies).
    """
    return frozenset(w.lower() for w in _PROPER_NOUN.findall(text) if w.lower() not in STOP_WORDS)


def _shared_name_pairs(names: Sequence[frozenset[str]], options: StoryOptions) -> list[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, ns in enumerate(names):
        for n in ns:
            index[n].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if len(members) > 200:
            continue  # a name in hundreds of articles ("Monday") links nothing by itself
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                shared[(i, j)] += 1
    return [pair for pair, count in shared.items() if count >= options.min_shared_names]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _SHINGLE.findall(text.lower())
    return {tuple(tokens[i : i + 5]) for i in range(max(1, len(tokens) - 4))}


def _jaccard(a: AbstractSet[object], b: AbstractSet[object]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class _Groups:
    """Union-find whose groups never span more than max_days between their dated members."""

    def __init__(self, days: list[int | None], max_days: int):
        self.parent = list(range(len(days)))
        self.low = list(days)
        self.high = list(days)
        self.max_days = max_days

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        """Join the groups of i and j unless that would stretch one past max_days; True if joined."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        lows = [d for d in (self.low[ri], self.low[rj]) if d is not None]
        highs = [d for d in (self.high[ri], self.high[rj]) if d is not None]
        if lows and max(highs) - min(lows) > self.max_days:
            return False
        root, child = min(ri, rj), max(ri, rj)  # the earliest article roots its story
        self.parent[child] = root
        self.low[root] = min(lows) if lows else None
        self.high[root] = max(highs) if highs else None
        return True
