"""Score figure extraction against the hand-checked gold in bench/gold/figures.jsonl.

Usage: python bench/eval_figures.py EVAL_DEV [--show N] [--gate FLOORS_JSON]

Documents are the five seeds (their text as the pipeline extracts it) and the eval-dev
pages named in the gold file (their ground-truth bodies from EVAL_DEV/extraction). A
predicted figure matches a gold one when their spans overlap (greedy, largest overlap
first, one to one). Precision is the share of predicted figures that match a gold figure
with the same value and unit; recall the share of gold figures matched that way. Figures
for category, qualifier and spans are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gate import check_floors  # noqa: E402
from transforms.articles import ExtractOptions, build_article, split_source  # noqa: E402
from transforms.figures import extract_figures  # noqa: E402
from transforms.records import Article, Figure  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "bench" / "gold" / "figures.jsonl"


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def documents(eval_dev: Path, gold: list[dict]) -> dict[str, tuple[str, str | None]]:
    """doc -> (text to extract from, raw text the gold offsets count in, or None if the same)."""
    bodies = json.loads((eval_dev / "extraction" / "ground-truth.json").read_text("utf-8"))
    docs: dict[str, tuple[str, str | None]] = {}
    options = ExtractOptions()
    for row in gold:
        doc = row["doc"]
        if doc in docs:
            continue
        if row["set"] == "seeds":
            raw = (REPO / "seeds" / doc).read_bytes()
            article = build_article(split_source(doc, raw, options)[0], options)  # type: ignore[arg-type]
            assert isinstance(article, Article), doc
            docs[doc] = (article.text, raw.decode("utf-8"))
        else:
            docs[doc] = (bodies[doc]["articleBody"], None)
    return docs


def gold_span(row: dict, text: str, raw: str | None) -> tuple[int, int] | None:
    surface = row["surface"]
    if raw is None:
        at = _nth(text, surface, row["occurrence"])
        return (at, at + len(surface)) if at >= 0 else None
    at = _nth(raw, surface, row["occurrence"])
    if at < 0:
        return None
    line_start = raw.rfind("\n", 0, at) + 1
    context = " ".join(raw[max(line_start, at - 30) : at].split())
    found = text.find(context + (" " if context and raw[at - 1].isspace() else "") + surface) if context else -1
    if found >= 0:
        start = found + len(context) + (1 if context and raw[at - 1].isspace() else 0)
        return start, start + len(surface)
    at = text.find(surface)
    return (at, at + len(surface)) if at >= 0 else None


def same_value(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-3 * max(1.0, abs(b))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--gate", type=Path, default=None)
    args = parser.parse_args()
    gold_rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    docs = documents(args.eval_dev, gold_rows)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in gold_rows:
        by_doc[row["doc"]].append(row)
    predicted_n = gold_n = good_p = good_g = matched = category_ok = qualifier_ok = 0
    shown: list[str] = []
    for doc, (text, raw) in docs.items():
        predicted: list[Figure] = extract_figures(doc, text)
        gold = [(row, gold_span(row, text, raw)) for row in by_doc[doc]]
        gold = [(row, span) for row, span in gold if span is not None]
        predicted_n += len(predicted)
        gold_n += len(by_doc[doc])
        pairs = sorted(
            ((min(f.end_char, s[1]) - max(f.start_char, s[0]), i, j)
             for i, f in enumerate(predicted) for j, (_, s) in enumerate(gold)
             if f.start_char < s[1] and s[0] < f.end_char),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            f, (row, _) = predicted[i], gold[j]
            matched += 1
            ok = same_value(f.value, row["value"]) and (f.unit or "") == (row["unit"] or "")
            good_p += ok
            good_g += ok
            category_ok += f.category == row["category"]
            qualifier_ok += (f.qualifier or "exact") == (row["qualifier"] or "exact")
            if not ok and len(shown) < args.show:
                shown.append(f"WRONG {doc[:10]}: {f.surface!r} {f.value} {f.unit} | gold {row['surface']!r} "
                             f"{row['value']} {row['unit']}")
        for i, f in enumerate(predicted):
            if i not in used_p and len(shown) < args.show:
                shown.append(f"FP {doc[:10]}: {f.surface!r} {f.value} {f.unit} {f.category}")
        for j, (row, _) in enumerate(gold):
            if j not in used_g and len(shown) < args.show:
                shown.append(f"FN {doc[:10]}: {row['surface']!r} {row['value']} {row['unit']}")
    for line in shown:
        print(line)
    precision = good_p / predicted_n if predicted_n else 0.0
    recall = good_g / gold_n if gold_n else 0.0
    figures = {"precision": precision, "recall": recall}
    print(f"figures: precision {precision:.4f} recall {recall:.4f} on value and unit "
          f"({predicted_n} predicted, {gold_n} gold, {matched} matched by span)")
    if matched:
        print(f"  of the matched: category {category_ok / matched:.4f}, qualifier {qualifier_ok / matched:.4f}")
    if args.gate is None:
        return 0
    return check_floors(args.gate, "figures", figures)

if __name__ == "__main__":
    sys.exit(main())
