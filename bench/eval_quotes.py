"""Score quote extraction against eval-dev/polnear (direct quotes with annotated speakers).

Usage: python bench/eval_quotes.py EVAL_DEV [--show N] [--gate FLOORS_JSON]

Each article's text is normalised the way articles.text is (one paragraph per line, a
blank line between) and run through transforms.quotes.extract_quotes. Quotes with
quote_type direct or partial are matched to gold attributions with has_quote_marks, by the
rules in eval-dev/README.md: token-F1 similarity >= 0.6 to the content (whole, its quoted
parts joined, or any one quoted part), greedy one-to-one best first; speaker accuracy over
matched pairs whose gold source is not a bare pronoun; cue accuracy over matched pairs with
a worded gold cue.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gate import check_floors  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402
from transforms.text import join_paragraphs  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "his", "their"}
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]|‘([^’]+)’")
CUE_BASE = {"said": "say", "told": "tell", "wrote": "write"}


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def similarity(quote: str, content: str) -> float:
    q = tokens(quote)
    parts = [m.group(1) or m.group(2) for m in QUOTED.finditer(content)]
    options = [content, " ".join(parts)] + parts
    return max(token_f1(q, tokens(o)) for o in options if tokens(o))


def speaker_correct(speaker: str | None, gold_source: str) -> bool:
    if not speaker:
        return False
    words = tokens(re.sub(r"['’]s\b", "", speaker))
    gold = tokens(gold_source)
    return bool(words) and (words[-1] in gold or " ".join(words) in " ".join(gold))


def cue_correct(cue: str | None, gold_cue: str) -> bool:
    if not cue:
        return False
    first = CUE_BASE.get(cue.split()[0].lower(), cue.split()[0].lower())
    golds = [CUE_BASE.get(w, w) for w in tokens(gold_cue)]
    return any(first[:4] == g[:4] for g in golds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N unmatched predictions and gold quotes")
    parser.add_argument("--gate", type=Path, default=None)
    args = parser.parse_args()
    root = args.eval_dev / "polnear"
    gold_by_article: dict[str, list[dict]] = {}
    for line in (root / "attributions.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["has_quote_marks"]:
            gold_by_article.setdefault(row["article"], []).append(row)
    tp = fp = fn = 0
    speaker_ok = speaker_n = cue_ok = cue_n = 0
    words = 0
    elapsed = 0.0
    misses: list[str] = []
    for path in sorted((root / "text").glob("*.txt")):
        text = join_paragraphs(path.read_text("utf-8").splitlines())
        words += len(text.split())
        start = time.perf_counter()
        predicted = [q for q in extract_quotes(path.stem, text) if q.quote_type in ("direct", "partial")]
        elapsed += time.perf_counter() - start
        gold = gold_by_article.get(path.stem, [])
        contents = [" ".join(c["text"] for c in g["content"]) for g in gold]
        pairs = sorted(
            ((similarity(q.quote_text, c), i, j) for i, q in enumerate(predicted) for j, c in enumerate(contents)),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for sim, i, j in pairs:
            if sim < 0.6:
                break
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            source = " ".join(s["text"] for s in gold[j]["source"])
            if source and source.lower() not in PRONOUNS:
                speaker_n += 1
                good = speaker_correct(predicted[i].speaker, source)
                speaker_ok += good
                if not good and len(misses) < args.show:
                    misses.append(f"SPEAKER {predicted[i].speaker!r} gold {source!r}: {predicted[i].quote_text[:70]}")
            cue = " ".join(c["text"] for c in gold[j]["cue"])
            if tokens(cue):
                cue_n += 1
                good = cue_correct(predicted[i].cue, cue)
                cue_ok += good
                if not good and len(misses) < args.show:
                    misses.append(f"CUE {predicted[i].cue!r} gold {cue!r}: {predicted[i].quote_text[:70]}")
        tp += len(used_p)
        fp += len(predicted) - len(used_p)
        fn += len(gold) - len(used_g)
        for i, q in enumerate(predicted):
            if i not in used_p and len(misses) < args.show:
                misses.append(f"FP {path.stem[:25]}: {q.quote_text[:90]!r} speaker={q.speaker!r}")
        for j, c in enumerate(contents):
            if j not in used_g and len(misses) < args.show:
                misses.append(f"FN {path.stem[:25]}: {c[:90]!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures = {
        "quote_f1": f1, "quote_precision": precision, "quote_recall": recall,
        "speaker_accuracy": speaker_ok / speaker_n if speaker_n else 0.0,
        "cue_accuracy": cue_ok / cue_n if cue_n else 0.0,
    }
    for line in misses:
        print(line)
    print(f"quotes   F1 {f1:.4f}  P {precision:.4f}  R {recall:.4f}  (TP {tp}, FP {fp}, FN {fn})")
    print(f"speaker accuracy {figures['speaker_accuracy']:.4f} ({speaker_ok}/{speaker_n}); "
          f"cue accuracy {figures['cue_accuracy']:.4f} ({cue_ok}/{cue_n})")
    print(f"speed: {words / elapsed:,.0f} words/s for quote extraction alone")
    if args.gate is None:
        return 0
    return check_floors(args.gate, "quotes", figures)

if __name__ == "__main__":
    sys.exit(main())
