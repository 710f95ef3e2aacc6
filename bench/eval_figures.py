"""Score figure extraction against the hand-checked gold in bench/gold/figures.jsonl.

Usage: python bench/eval_figures.py EVAL_DEV [--lee LEE_DIR] [--show N] [--gate FLOORS_JSON]

Documents are the five seeds (their text as the pipeline extracts it) and the eval-dev
pages named in the gold or split file (their ground-truth bodies from EVAL_DEV/extraction;
a page with no gold figure counts for precision only). Every figure is printed per half
(tune, check, check2, tune4 to tune21, check3 to check15) and domain. Errors are listed for the tuning
halves (tune, check, check2, tune4 to tune21): from round 3 of issue 12 on, the first two check halves are tuning
material (they had been measured too often to stay independent); the held-out halves are check3
(written for round 3), check4 (written for round 5, before its rules), check5 (round 7, likewise) and
check6 (round 8, likewise); check7 (round 9) was written after the last rule and scored once;
check8 (round 10) was written with tune7, before the rules learned from the errors of tune7, tune8 (round 11)
and tune9 (round 12); check9 (round 13) was written after the last of them and scored once; check10 and
tune10 (round 14) were written together before the rules learned from tune10's errors; check11 and tune11
(round 15), the last eligible articles, after round 14's rules and before any of their own.

check12 and tune12 (round 16) came after every eligible PolNeAR-train article was drawn: check12 from the
PolNeAR dev compartment (EVAL_DEV/polnear/, never annotated or read for figures before), tune12 from
PolNeAR-train's longer articles, both annotated before any rule of the round; tune13 to tune17 (rounds 17 to 21)
are more of that tuning material, each annotated after the rules of the round before; tune18 (round 22) is every
unannotated PolNeAR-train article of conflict news.

check13 and tune19 (round 23) are conflict news from outside PolNeAR, which had none left: short Australian
reports of the Lee corpus (bench/gold/lee_corpus.py writes them to LEE_DIR/text, given with --lee; split rows
say "compartment": "lee"), drawn by a seeded rule and both annotated before any rule of the round. check14 and
tune20 (round 24) are the rest of its news of harm (violence, fires, storms, crashes) and 40 other reports.

check15 and tune21 (round 25) are the last conflict news of PolNeAR, by density (bench/gold/polnear_select.py):
check15 from the dev compartment (held out), tune21 from PolNeAR-train, both annotated before any rule of the round.

The polnear halves (tune4 to tune21, check3 to check15) are read when EVAL_DEV/polnear-train/text exists: US
political news articles (and, for the lee compartment, the Lee reports) whose gold
(bench/gold/figures_polnear.jsonl) holds character offsets into the file, headline line included, and no
article text. A split row names the file's compartment of EVAL_DEV ("compartment", polnear-train when
absent; lee for LEE_DIR). The extractor is given the body as stored,
every character after the first line (the headline), and the gold offsets are shifted by the
headline's length + 1 to match. check3 to check15 are printed in aggregate only (never in the
--show listing); no polnear half is part of "all", which keeps its meaning: the figures.jsonl
gold of the extraction pages and seeds. A
predicted figure matches a gold one when their spans overlap (greedy, largest overlap
first, one to one). Precision is the share of predicted figures that match a gold figure
with the same value and unit; recall the share of gold figures matched that way. Figures
for category, qualifier and spans are printed beside them. The held_out lines put every held-out half
(check3 to check15) together, per domain and in all: the figures the issue's targets are read on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gate import check_floors  # noqa: E402
from transforms.articles import ExtractOptions, build_article, split_source  # noqa: E402
from transforms.figures import extract_figures  # noqa: E402
from transforms.records import Article, Figure  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "bench" / "gold" / "figures.jsonl"
SPLIT = REPO / "bench" / "gold" / "figures_split.jsonl"  # doc -> half (tune/check/check2), domain, fresh
# tune4 to tune21, check3 to check15 (rounds 3, 5 to 25 of issue 12):
# offsets into EVAL_DEV/<compartment>/text/<doc> (LEE_DIR/text/<doc> for the lee compartment), no text
POLNEAR_GOLD = REPO / "bench" / "gold" / "figures_polnear.jsonl"
# every polnear doc, its half, domain and compartment (polnear-train when the row names none)
POLNEAR_SPLIT = REPO / "bench" / "gold" / "figures_polnear_split.jsonl"
# the tuning and held-out halves of figures_polnear.jsonl, in the order rounds 3 to 25 wrote them
POLNEAR_TUNE = tuple(f"tune{n}" for n in range(4, 22))
HELD_OUT = tuple(f"check{n}" for n in range(3, 16))
# gold in figures_polnear.jsonl
POLNEAR_HALVES = POLNEAR_TUNE + HELD_OUT
# the halves of figures.jsonl (extraction pages and seeds), then those of figures_polnear.jsonl
HALVES = ("tune", "check", "check2") + POLNEAR_HALVES
# the halves drawn from the Lee corpus (compartment lee), scored when --lee names its folder
LEE_HALVES = ("tune19", "check13", "tune20", "check14")
# halves whose errors --show may list: never a held-out one
SHOWN = ("tune", "check", "check2") + POLNEAR_TUNE


def polnear_text(eval_dev: Path, split_row: dict, lee: Path | None = None) -> str:
    """The whole file (headline line included) a polnear split row names; lee is the folder
    bench/gold/lee_corpus.py wrote, for rows of the lee compartment."""
    compartment = split_row.get("compartment", "polnear-train")
    folder = (lee if compartment == "lee" and lee is not None else eval_dev / compartment) / "text"
    return (folder / split_row["doc"]).read_text("utf-8")


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


def polnear_documents(eval_dev: Path, lee: Path | None = None,
                      ) -> tuple[dict[str, tuple[str, None]], list[dict], dict[str, dict]]:
    """The polnear halves: doc -> (body after the headline line, None), gold rows with "span" set
    to their offsets in that body, and the split rows. Empty when polnear-train is not there; without
    lee, the rows of the lee compartment are left out."""
    folder = eval_dev / "polnear-train" / "text"
    if not folder.is_dir():
        return {}, [], {}
    split = {row["doc"]: row for row in map(json.loads, POLNEAR_SPLIT.read_text("utf-8").splitlines())
             if row and (lee is not None or row.get("compartment") != "lee")}
    docs: dict[str, tuple[str, None]] = {}
    shift: dict[str, int] = {}
    for doc, split_row in split.items():
        text = polnear_text(eval_dev, split_row, lee)
        shift[doc] = text.index("\n") + 1  # the headline line is not body
        docs[doc] = (text[shift[doc]:], None)
    rows = []
    for line in POLNEAR_GOLD.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["doc"] not in split:
                continue  # a Lee report, with no --lee
            start, end = row["start"] - shift[row["doc"]], row["end"] - shift[row["doc"]]
            assert 0 <= start < end <= len(docs[row["doc"]][0]), row
            rows.append({**row, "span": (start, end)})
    return docs, rows, split


def gold_span(row: dict, text: str, raw: str | None) -> tuple[int, int] | None:
    if "span" in row:  # polnear gold: offsets into the body, no surface
        return row["span"]
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


def _score(docs: dict[str, tuple[str, str | None]], by_doc: dict[str, list[dict]], show: int) -> tuple[dict, list[str]]:
    """Counts for value+unit precision/recall, category and qualifier agreement over docs."""
    n = dict(predicted=0, gold=0, good_p=0, good_g=0, matched=0, category=0, qualifier=0)
    shown: list[str] = []
    for doc, (text, raw) in docs.items():
        predicted: list[Figure] = extract_figures(doc, text)
        gold = [(row, gold_span(row, text, raw)) for row in by_doc[doc]]
        gold = [(row, span) for row, span in gold if span is not None]
        n["predicted"] += len(predicted)
        n["gold"] += len(by_doc[doc])
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
            n["matched"] += 1
            ok = same_value(f.value, row["value"]) and (f.unit or "") == (row["unit"] or "")
            n["good_p"] += ok
            n["good_g"] += ok
            n["category"] += f.category == row["category"]
            n["qualifier"] += (f.qualifier or "exact") == (row["qualifier"] or "exact")
            if not ok and len(shown) < show:
                shown.append(f"WRONG {doc[:10]}: {f.surface!r} {f.value} {f.unit} | gold {_surface(row, text)!r} "
                             f"{row['value']} {row['unit']}")
        for i, f in enumerate(predicted):
            if i not in used_p and len(shown) < show:
                shown.append(f"FP {doc[:10]}: {f.surface!r} {f.value} {f.unit} {f.category}")
        for j, (row, _) in enumerate(gold):
            if j not in used_g and len(shown) < show:
                shown.append(f"FN {doc[:10]}: {_surface(row, text)!r} {row['value']} {row['unit']}")
    return n, shown


def _surface(row: dict, text: str) -> str:
    """The gold surface: stored for figures.jsonl, read at the offsets for the polnear gold."""
    return row["surface"] if "surface" in row else text[row["span"][0] : row["span"][1]]


def _line(name: str, n: dict) -> tuple[float, float]:
    """Print one line of figures for a group of documents; return its precision and recall."""
    precision = n["good_p"] / n["predicted"] if n["predicted"] else 0.0
    recall = n["good_g"] / n["gold"] if n["gold"] else 0.0
    agreement = (f"category {n['category'] / n['matched']:.3f} qualifier {n['qualifier'] / n['matched']:.3f}"
                 if n["matched"] else "")
    print(f"  {name:<26} P {precision:.4f} R {recall:.4f}  ({n['predicted']} predicted, {n['gold']} gold, "
          f"{n['matched']} matched by span; {agreement})")
    return precision, recall


def _speed(eval_dev: Path, rounds: int = 3) -> tuple[int, float]:
    """Articles per second of extract_figures over every dev page's body (best of rounds)."""
    bodies = json.loads((eval_dev / "extraction" / "ground-truth.json").read_text("utf-8"))
    texts = [(doc, row["articleBody"]) for doc, row in bodies.items()]
    extract_figures("warm-up", "It cost $5 million and 3 kWh.")  # lazy tables load once per process
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for doc, text in texts:
            extract_figures(doc, text)
        best = min(best, time.perf_counter() - started)
    return len(texts), len(texts) / best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--lee", type=Path, default=None,
                        help="the folder bench/gold/lee_corpus.py fetch wrote (check13, check14, tune19, tune20)")
    parser.add_argument("--show", type=int, default=0, help="print up to N errors (tuning halves only)")
    parser.add_argument("--gate", type=Path, default=None)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = parser.parse_args()
    gold_rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    split = {row["doc"]: row for row in map(json.loads, SPLIT.read_text("utf-8").splitlines()) if row}
    # pages with no gold figure (they are in the split file only) count for precision
    no_figure = [{"doc": doc, "set": "eval-dev"} for doc in split if doc not in {row["doc"] for row in gold_rows}]
    docs = documents(args.eval_dev, gold_rows + no_figure)
    polnear_docs, polnear_rows, polnear_split = polnear_documents(args.eval_dev, args.lee)
    docs.update(polnear_docs)
    split.update(polnear_split)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in gold_rows + polnear_rows:
        by_doc[row["doc"]].append(row)
    # errors are shown for the tuning halves only: a held-out half is read in aggregate
    tune_docs = {doc: pair for doc, pair in docs.items() if split[doc]["half"] in SHOWN}
    _, shown = _score(tune_docs, by_doc, args.show)
    for line in shown:
        print(line)
    # "all" is the figures.jsonl gold only, as before the polnear halves existed
    groups = [("all", lambda s: s["half"] not in POLNEAR_HALVES)]
    for half in HALVES:
        if half in POLNEAR_HALVES and not polnear_docs:
            print(f"{half}: no polnear-train under EVAL_DEV, this half is not scored")
            continue
        if not any(s["half"] == half for s in split.values()):
            if half in LEE_HALVES and args.lee is None:
                print(f"{half}: no --lee folder (bench/gold/lee_corpus.py fetch), this half is not scored")
            continue
        for domain in ("conflict", "general"):
            if not any(s["half"] == half and s["domain"] == domain for s in split.values()):
                continue  # no document of this domain in the half: no line of zeros
            groups.append((f"{half} {domain}", lambda s, h=half, d=domain: s["half"] == h and s["domain"] == d))
        groups.append((f"{half} (both domains)", lambda s, h=half: s["half"] == h))
    groups.append(("check fresh pages", lambda s: s["half"] == "check" and s["fresh"]))
    # every held-out half together, by domain: the figures the targets are read on
    if polnear_docs:
        for domain in ("conflict", "general"):
            groups.append((f"held_out {domain}", lambda s, d=domain: s["half"] in HELD_OUT and s["domain"] == d))
        groups.append(("held_out (both domains)", lambda s: s["half"] in HELD_OUT))
    measured: dict[str, float] = {}
    print("figures on value and unit:")
    for name, keep in groups:
        n, _ = _score({doc: pair for doc, pair in docs.items() if keep(split[doc])}, by_doc, 0)
        precision, recall = _line(name, n)
        key = name.replace(" (both domains)", "").replace(" ", "_")
        measured[f"{key}_precision" if key != "all" else "precision"] = precision
        measured[f"{key}_recall" if key != "all" else "recall"] = recall
    if not args.no_speed:
        count, rate = _speed(args.eval_dev)
        print(f"speed: {rate:.1f} articles/s over the {count} dev pages (extract_figures alone, best of 3)")
    if args.gate is None:
        return 0
    return check_floors(args.gate, "figures", measured)


if __name__ == "__main__":
    sys.exit(main())
