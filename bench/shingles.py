"""The article-extraction-benchmark metric: word 4-gram shingle precision, recall and F1.

Tokens are \\w+ matches (case kept); per page TP is the multiset intersection of shingles;
precision and recall are means over pages (an empty prediction counts recall 0 and is left
out of precision); F1 is their harmonic mean. Pooled (micro) figures are reported beside them.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_TOKEN_RE = re.compile(r"\w+")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-gram shingles of `text`.

    Tokens are `\\w+` matches, case kept. A text with fewer than `n` (but at
    least one) tokens is a single shingle; a text with no tokens has none.
    """
    tokens = _TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_counts(pred: str | None, gold: str, n: int = 4) -> tuple[int, int, int]:
    """(TP, FP, FN) for one page: multiset intersection / differences."""
    p, g = shingles(pred, n), shingles(gold, n)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: Iterable[tuple[str | None, str]]) -> dict[str, float]:
    """Score (prediction, gold) pairs, one pair per page.

    prediction None or without any token = empty prediction: the page is
    left out of macro precision and counts recall 0 (gold is assumed
    non-empty; a page whose gold has no tokens gets recall 1 if the
    prediction is also empty, else 0).
    Returns macro precision/recall/f1 (means over pages, F1 = harmonic mean of
    the two means), micro_precision/micro_recall/micro_f1 (TP/FP/FN pooled),
    n_pages, n_empty, and pooled tp/fp/fn.
    """
    precs: list[float] = []
    recs: list[float] = []
    TP = FP = FN = 0
    n_empty = 0
    for pred, gold in pairs:
        tp, fp, fn = page_counts(pred, gold)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
        if tp + fp > 0:
            precs.append(tp / (tp + fp))
        else:
            n_empty += 1
        if tp + fn > 0:
            recs.append(tp / (tp + fn))
        else:  # empty gold
            recs.append(1.0 if tp + fp == 0 else 0.0)
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    mP = TP / (TP + FP) if TP + FP else 0.0
    mR = TP / (TP + FN) if TP + FN else 0.0
    return {
        "precision": P, "recall": R, "f1": _f1(P, R),
        "micro_precision": mP, "micro_recall": mR, "micro_f1": _f1(mP, mR),
        "n_pages": len(recs), "n_empty": n_empty, "tp": TP, "fp": FP, "fn": FN,
    }
