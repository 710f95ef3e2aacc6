"""Validate bench/gold/figures_polnear.jsonl (the polnear halves of bench/eval_figures.py) against the article files.

Exit 1 on any failure.

Usage: python bench/gold/check_polnear.py [EVAL_DEV [LEE_DIR]]   (default ../shared/eval-dev from the repo root)

LEE_DIR is the folder bench/gold/lee_corpus.py fetch wrote; without it the rows of the lee compartment
(check13, check14, tune19, tune20) are not checked.

Checks per row: the doc is listed in figures_polnear_split.jsonl; 0 <= start < end <= len(text) and
the span starts after the headline line; the span does not start or end inside a word or with
whitespace; value_low <= value <= value_high with value the midpoint; qualifier and category in the
allowed sets; the row has no text field (no surface, no subject: the articles have no licence);
spans of one doc do not overlap. Per doc: the split row has a known half (eval_figures.POLNEAR_HALVES) and a
known domain, and names a known compartment of EVAL_DEV (polnear-train when it names none).
Prints counts only, never article text.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench.eval_figures import POLNEAR_HALVES, polnear_text  # noqa: E402  (the halves are declared once, there)

GOLD = Path(__file__).resolve().parent
QUAL = {"exact", "approximately", "at_least", "more_than", "less_than", "up_to"}
CATS = {"killed", "injured", "displaced", "detained", "population", "distance", "money", "percent", "age",
        "duration", "count", "other", "energy", "speed", "data", "volume", "area", "mass", "temperature"}
HALVES = set(POLNEAR_HALVES)
KEYS = {"doc", "start", "end", "value", "value_low", "value_high", "qualifier", "unit", "category"}


def main() -> int:
    eval_dev = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD.parent.parent.parent / "shared" / "eval-dev"
    lee = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    split_lines = (GOLD / "figures_polnear_split.jsonl").read_text("utf-8").splitlines()
    split = [json.loads(line) for line in split_lines if line]
    skipped = {row["doc"] for row in split if row.get("compartment") == "lee" and lee is None}
    if skipped:
        print(f"{len(skipped)} docs of the lee compartment not checked (no LEE_DIR)")
    split = [row for row in split if row["doc"] not in skipped]
    docs = {row["doc"]: row for row in split}
    bad = 0
    if len(docs) != len(split):
        bad += 1
        print("FAIL: a doc is listed twice in the split file")
    for row in split:
        if (row.get("half") not in HALVES or row.get("domain") not in {"general", "conflict"}
                or row.get("compartment", "polnear-train") not in {"polnear-train", "polnear", "lee"}):
            bad += 1
            print("FAIL split row", row["doc"])
    texts = {doc: polnear_text(eval_dev, row, lee) for doc, row in docs.items()}
    spans = collections.defaultdict(list)
    cats, quals, per_domain = collections.Counter(), collections.Counter(), collections.Counter()
    per_half = collections.Counter()
    rows = [json.loads(line) for line in (GOLD / "figures_polnear.jsonl").read_text("utf-8").splitlines() if line]
    rows = [row for row in rows if row["doc"] not in skipped]
    for i, r in enumerate(rows, 1):
        ok = set(r) == KEYS and r["doc"] in docs
        if ok:
            text = texts[r["doc"]]
            s, e = r["start"], r["end"]
            ok = (isinstance(s, int) and isinstance(e, int) and text.index("\n") < s < e <= len(text)
                  and not text[s].isspace() and not text[e - 1].isspace()
                  and not (s > 0 and text[s - 1].isalnum() and text[s].isalnum())
                  and not (e < len(text) and text[e - 1].isalnum() and text[e].isalnum())
                  and r["value_low"] <= r["value"] <= r["value_high"]
                  and abs(r["value"] - (r["value_low"] + r["value_high"]) / 2) <= 1e-9 * max(1, abs(r["value"]))
                  and r["qualifier"] in QUAL and r["category"] in CATS and r["unit"] != "")
            spans[r["doc"]].append((s, e))
        if not ok:
            bad += 1
            print("FAIL line", i, {k: r.get(k) for k in ("doc", "start", "end", "value", "qualifier", "category")})
            continue
        cats[r["category"]] += 1
        quals[r["qualifier"]] += 1
        per_domain[docs[r["doc"]]["domain"]] += 1
        per_half[docs[r["doc"]]["half"]] += 1
    for doc, found in spans.items():
        found.sort()
        for (_, e1), (s2, _) in zip(found, found[1:], strict=False):
            if s2 < e1:
                bad += 1
                print("FAIL overlapping spans in", doc)
    print(f"{len(rows)} rows over {len(docs)} docs ({len(docs) - len(spans)} with no figure), {bad} failures")
    print("halves:", dict(per_half))
    print("domains:", dict(per_domain))
    print("categories:", dict(cats.most_common()))
    print("qualifiers:", dict(quals.most_common()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
