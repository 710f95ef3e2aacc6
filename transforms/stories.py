"""Which articles report the same story, and which are copies of an earlier one.

Copies: word 5-gram shingle sets with Jaccard similarity >= a threshold (an exact copy is
1.0; a syndicated copy with a changed headline or footer stays near it). Stories: TF-IDF
cosine similarity of content words >= a threshold, for articles published within a few
days of each other, joined transitively (single link). Candidate pairs come from an
inverted index of each article's top terms, so the work grows with the pairs that share
vocabulary, not with the square of the corpus. The earlier article (by publication date,
then source path) is the original, and the earliest member names the story.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.articles import stable_id
from transforms.records import Article, StoryAssignment

# A compact English stop list: function words carry no story signal.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own said same says she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    one two new last first year years told would could may might must since still even like""".split()
)
_TOKEN = re.compile(r"[^\W\d_]{3,}")
_SHINGLE = re.compile(r"\w+")


@dataclass(frozen=True)
class StoryOptions:
    """Thresholds of story grouping and copy detection."""

    story_similarity: float = 0.30  # TF-IDF cosine at or above which two articles share a story (0-1)
    duplicate_similarity: float = 0.80  # shingle Jaccard at or above which an article is a copy (0-1)
    max_days_apart: int = 4  # publication dates further apart than this never share a story
    top_terms: int = 40  # terms per article in the candidate index
    min_shared_terms: int = 3  # top terms two articles must share to be compared


def assign_stories(articles: Sequence[Article], options: StoryOptions) -> list[StoryAssignment]:
    """Give each article a story id and, for copies, the id of the earlier original."""
    ordered = sorted(articles, key=_age_key)
    vectors = _tfidf([a.text for a in ordered])
    shingles = [_shingles(a.text) for a in ordered]
    parent = list(range(len(ordered)))
    duplicate_of: dict[int, int] = {}

    for i, j in _candidate_pairs(vectors, options):
        a, b = ordered[i], ordered[j]
        if not _close_in_time(a, b, options.max_days_apart):
            continue
        if _cosine(vectors[i], vectors[j]) >= options.story_similarity:
            _union(parent, i, j)
        if j not in duplicate_of and _jaccard(shingles[i], shingles[j]) >= options.duplicate_similarity:
            duplicate_of[j] = duplicate_of.get(i, i)
            _union(parent, i, j)

    story_of_root: dict[int, str] = {}
    result = []
    for index, article in enumerate(ordered):
        root = _find(parent, index)
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


def _close_in_time(a: Article, b: Article, max_days: int) -> bool:
    if a.published_date is None or b.published_date is None:
        return True
    return abs((a.published_date - b.published_date).days) <= max_days


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


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _SHINGLE.findall(text.lower())
    return {tuple(tokens[i : i + 5]) for i in range(max(1, len(tokens) - 4))}


def _jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        parent[max(ri, rj)] = min(ri, rj)
