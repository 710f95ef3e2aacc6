"""Reproducible choice of the check3 articles (round 3 of issue 12) from EVAL_DEV/polnear-train.

Usage: python bench/gold/polnear_select.py EVAL_DEV [PER_OUTLET]

Body = every line after the headline (the first line). An article is eligible when its body has
300..1200 words and at least 6 number tokens (a token with a digit, or a number word). Eligible
articles are grouped by outlet (the file name up to the first "_"), each group sorted by name and
shuffled with random.Random(SEED); the first PER_OUTLET of each group are taken.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEED = 20160312
PER_OUTLET = 3
NUMBER_WORDS = set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens half".split()
)


def number_tokens(body: str) -> int:
    tokens = re.findall(r"[\w$%.,'-]+", body)
    return sum(1 for t in tokens if re.search(r"\d", t) or t.lower().strip(".,'") in NUMBER_WORDS)


def choose(eval_dev: Path, per_outlet: int = PER_OUTLET) -> list[str]:
    groups: dict[str, list[str]] = {}
    for path in sorted((eval_dev / "polnear-train" / "text").glob("*.txt")):
        text = path.read_text("utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        if 300 <= len(body.split()) <= 1200 and number_tokens(body) >= 6:
            groups.setdefault(path.name.split("_", 1)[0], []).append(path.name)
    chosen: list[str] = []
    for outlet in sorted(groups):
        names = sorted(groups[outlet])
        random.Random(SEED).shuffle(names)
        chosen.extend(names[:per_outlet])
    return chosen


if __name__ == "__main__":
    per = int(sys.argv[2]) if len(sys.argv) > 2 else PER_OUTLET
    for name in choose(Path(sys.argv[1]), per):
        print(name)
