"""Agreement between two annotators of the polnear figure gold, scored as bench/eval_figures.py scores
the extractor: spans matched one to one by overlap (largest first), a match counts when value and
unit agree.

Usage: python bench/gold/agreement.py [EVAL_DEV]   (default ../shared/eval-dev from the repo root)

The second annotation (bench/gold/figures_polnear_second.jsonl) covers 7 check4 articles (round 5) and
every check9 article (round 13), each annotated blind to the first (figures_polnear.jsonl) from the guide
as the first annotators had it. Printed per half, then over both: the second annotator's rows scored
against the first's as if they were predictions (precision = share of the second's rows the first
agrees with, recall = share of the first's rows the second found), per document count and overall,
and the same for value alone; then the extractor (transforms/figures.py, given the body as
bench/eval_figures.py gives it) scored against each annotator on the same documents. Counts only,
never article text.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parent
FIRST = GOLD / "figures_polnear.jsonl"
SECOND = GOLD / "figures_polnear_second.jsonl"
SPLIT = GOLD / "figures_polnear_split.jsonl"


def _rows(path: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_doc[row["doc"]].append(row)
    return by_doc


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def agreement(first: list[dict], second: list[dict]) -> dict[str, int]:
    """Counts: rows of each, matched by span, agreeing on value and unit, agreeing on value."""
    pairs = sorted(((min(a["end"], b["end"]) - max(a["start"], b["start"]), i, j)
                    for i, a in enumerate(second) for j, b in enumerate(first)
                    if a["start"] < b["end"] and b["start"] < a["end"]), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    n = {"second": len(second), "first": len(first), "matched": 0, "value_unit": 0, "value": 0}
    for _, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        n["matched"] += 1
        value = _same_value(second[i]["value"], first[j]["value"])
        n["value"] += value
        n["value_unit"] += value and second[i]["unit"] == first[j]["unit"]
    return n


def _extracted(eval_dev: Path, doc: str) -> list[dict]:
    """The extractor's figures of one article, as rows with offsets into the whole file."""
    sys.path.insert(0, str(GOLD.parent.parent))
    from transforms.figures import extract_figures

    text = (eval_dev / "polnear-train" / "text" / doc).read_text("utf-8")
    shift = text.index("\n") + 1
    return [{"start": f.start_char + shift, "end": f.end_char + shift, "value": f.value, "unit": f.unit or ""}
            for f in extract_figures(doc, text[shift:]) if f.value is not None]


def _print(label: str, counts: dict[str, int]) -> None:
    for name, key in (("value and unit", "value_unit"), ("value alone", "value")):
        p = counts[key] / counts["second"] if counts["second"] else 0.0
        r = counts[key] / counts["first"] if counts["first"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {label:28s} {name:15s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main() -> int:
    eval_dev = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD.parent.parent.parent / "shared" / "eval-dev"
    second = _rows(SECOND)
    first = _rows(FIRST)
    half_of = {row["doc"]: row["half"] for row in map(json.loads, SPLIT.read_text("utf-8").splitlines()) if row}
    halves = sorted({half_of[doc] for doc in second})
    for group in [*halves, "all"] if len(halves) > 1 else halves:
        docs = sorted(doc for doc in second if group in ("all", half_of[doc]))
        totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for doc in docs:
            extracted = _extracted(eval_dev, doc)
            for label, predicted, gold in (("second vs first annotator", second[doc], first[doc]),
                                           ("extractor vs first", extracted, first[doc]),
                                           ("extractor vs second", extracted, second[doc])):
                for key, value in agreement(gold, predicted).items():
                    totals[label][key] += value
        base = totals["second vs first annotator"]
        print(f"{group}: {len(docs)} documents; first annotator {base['first']} rows, second {base['second']}, "
              f"{base['matched']} matched by span")
        for label, counts in totals.items():
            _print(label, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
