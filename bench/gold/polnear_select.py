"""Reproducible choice of the gold articles from EVAL_DEV/polnear-train.

Usage: python bench/gold/polnear_select.py EVAL_DEV [PER_OUTLET]   the check3 articles (round 3)
       python bench/gold/polnear_select.py EVAL_DEV --round5          "check4 <name>" / "tune4 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round6          "tune5 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round7          "check5 <name>" / "tune6 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round8          "check6 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round9          "check7 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round10         "check8 <name>" / "tune7 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round11         "tune8 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round12         "tune9 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round13         "check9 <name>"

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
# round 5 of issue 12: a fresh held-out half (check4) and political-news tuning material (tune4),
# chosen from the eligible articles that are not in check3, with a seed of their own
ROUND5_SEED = 20161108
ROUND5_CHECK_PER_OUTLET = 3
ROUND5_TUNE_PER_OUTLET = 4
# round 6: more tuning material (tune5), from the eligible articles in no earlier half, with a seed of its own
ROUND6_SEED = 20161201
ROUND6_TUNE_PER_OUTLET = 6
# round 7: a fresh held-out half (check5) and more tuning material (tune6), from the eligible
# articles in no earlier half, with a seed of their own
ROUND7_SEED = 20161220
ROUND7_CHECK_PER_OUTLET = 3
ROUND7_TUNE_PER_OUTLET = 3
# round 8: a fresh held-out half (check6) only, from the eligible articles in no earlier half, with
# a seed of its own; four per outlet, for a tighter figure than three
ROUND8_SEED = 20170120
ROUND8_CHECK_PER_OUTLET = 4
# round 9: a fresh held-out half (check7), annotated after every rule of round 8 and scored once, with
# no rule after it: the figure to expect on political news no rule and no choice has seen
ROUND9_SEED = 20170315
ROUND9_CHECK_PER_OUTLET = 4
# round 10: a fresh held-out half (check8) and fresh tuning material (tune7), both annotated before any rule
# of the round: the rules of rounds 8-9 came from tuning halves the extractor already fit, and did not carry;
# tune7's errors are those of unseen news, and check8 measures what learning from them carries
ROUND10_SEED = 20170501
ROUND10_CHECK_PER_OUTLET = 4
ROUND10_TUNE_PER_OUTLET = 4
# round 11: more fresh tuning material (tune8), annotated after round 10's first rules, before check8 is scored
ROUND11_SEED = 20170615
ROUND11_TUNE_PER_OUTLET = 4
# round 12: fresh tuning material again (tune9), annotated after the rules learned from tune7 and tune8: its score
# before any rule of its own is how those rules carry to unseen news
ROUND12_SEED = 20170701
ROUND12_TUNE_PER_OUTLET = 4
# round 13: a fresh held-out half (check9), annotated after the last rule of rounds 10-12 and scored once
ROUND13_SEED = 20170801
ROUND13_CHECK_PER_OUTLET = 5
NUMBER_WORDS = set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens half".split()
)


def number_tokens(body: str) -> int:
    tokens = re.findall(r"[\w$%.,'-]+", body)
    return sum(1 for t in tokens if re.search(r"\d", t) or t.lower().strip(".,'") in NUMBER_WORDS)


def eligible(eval_dev: Path) -> dict[str, list[str]]:
    """Eligible file names by outlet, sorted."""
    groups: dict[str, list[str]] = {}
    for path in sorted((eval_dev / "polnear-train" / "text").glob("*.txt")):
        text = path.read_text("utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        if 300 <= len(body.split()) <= 1200 and number_tokens(body) >= 6:
            groups.setdefault(path.name.split("_", 1)[0], []).append(path.name)
    return groups


def choose(eval_dev: Path, per_outlet: int = PER_OUTLET) -> list[str]:
    groups = eligible(eval_dev)
    chosen: list[str] = []
    for outlet in sorted(groups):
        names = sorted(groups[outlet])
        random.Random(SEED).shuffle(names)
        chosen.extend(names[:per_outlet])
    return chosen


def _draw(eval_dev: Path, taken: set[str], seed: int, sizes: tuple[int, ...]) -> list[list[str]]:
    """Per outlet, the eligible articles not taken, shuffled with seed, cut into consecutive
    slices of these sizes; one list per slice, outlets in order."""
    halves: list[list[str]] = [[] for _ in sizes]
    for _outlet, names in sorted(eligible(eval_dev).items()):
        rest = [n for n in names if n not in taken]
        random.Random(seed).shuffle(rest)
        at = 0
        for half, size in zip(halves, sizes, strict=True):
            half.extend(rest[at : at + size])
            at += size
    return halves


def round5(eval_dev: Path) -> tuple[list[str], list[str]]:
    """(check4, tune4): per outlet, the eligible articles not in check3 shuffled with ROUND5_SEED;
    the first ROUND5_CHECK_PER_OUTLET are check4, the next ROUND5_TUNE_PER_OUTLET tune4."""
    check4, tune4 = _draw(eval_dev, set(choose(eval_dev)), ROUND5_SEED,
                          (ROUND5_CHECK_PER_OUTLET, ROUND5_TUNE_PER_OUTLET))
    return check4, tune4


def round6(eval_dev: Path) -> list[str]:
    """tune5: per outlet, the eligible articles in none of check3, check4 and tune4, shuffled with
    ROUND6_SEED; the first ROUND6_TUNE_PER_OUTLET."""
    (tune5,) = _draw(eval_dev, _taken_before(eval_dev, 6), ROUND6_SEED, (ROUND6_TUNE_PER_OUTLET,))
    return tune5


def round7(eval_dev: Path) -> tuple[list[str], list[str]]:
    """(check5, tune6): per outlet, the eligible articles in no earlier half shuffled with
    ROUND7_SEED; the first ROUND7_CHECK_PER_OUTLET are check5, the next ROUND7_TUNE_PER_OUTLET tune6."""
    check5, tune6 = _draw(eval_dev, _taken_before(eval_dev, 7), ROUND7_SEED,
                          (ROUND7_CHECK_PER_OUTLET, ROUND7_TUNE_PER_OUTLET))
    return check5, tune6


def round8(eval_dev: Path) -> list[str]:
    """check6: per outlet, the eligible articles in no earlier half shuffled with ROUND8_SEED; the
    first ROUND8_CHECK_PER_OUTLET."""
    (check6,) = _draw(eval_dev, _taken_before(eval_dev, 8), ROUND8_SEED, (ROUND8_CHECK_PER_OUTLET,))
    return check6


def round9(eval_dev: Path) -> list[str]:
    """check7: per outlet, the eligible articles in no earlier half shuffled with ROUND9_SEED; the
    first ROUND9_CHECK_PER_OUTLET."""
    (check7,) = _draw(eval_dev, _taken_before(eval_dev, 9), ROUND9_SEED, (ROUND9_CHECK_PER_OUTLET,))
    return check7


def round10(eval_dev: Path) -> tuple[list[str], list[str]]:
    """(check8, tune7): per outlet, the eligible articles in no earlier half shuffled with ROUND10_SEED;
    the first ROUND10_CHECK_PER_OUTLET are check8, the next ROUND10_TUNE_PER_OUTLET tune7."""
    check8, tune7 = _draw(eval_dev, _taken_before(eval_dev, 10), ROUND10_SEED,
                          (ROUND10_CHECK_PER_OUTLET, ROUND10_TUNE_PER_OUTLET))
    return check8, tune7


def round11(eval_dev: Path) -> list[str]:
    """tune8: per outlet, the eligible articles in no earlier half shuffled with ROUND11_SEED; the first
    ROUND11_TUNE_PER_OUTLET."""
    (tune8,) = _draw(eval_dev, _taken_before(eval_dev, 11), ROUND11_SEED, (ROUND11_TUNE_PER_OUTLET,))
    return tune8


def round12(eval_dev: Path) -> list[str]:
    """tune9: per outlet, the eligible articles in no earlier half shuffled with ROUND12_SEED; the first
    ROUND12_TUNE_PER_OUTLET."""
    (tune9,) = _draw(eval_dev, _taken_before(eval_dev, 12), ROUND12_SEED, (ROUND12_TUNE_PER_OUTLET,))
    return tune9


def round13(eval_dev: Path) -> list[str]:
    """check9: per outlet, the eligible articles in no earlier half shuffled with ROUND13_SEED; the first
    ROUND13_CHECK_PER_OUTLET."""
    (check9,) = _draw(eval_dev, _taken_before(eval_dev, 13), ROUND13_SEED, (ROUND13_CHECK_PER_OUTLET,))
    return check9


def _taken_before(eval_dev: Path, round_number: int) -> set[str]:
    """Every article of the halves drawn in the rounds before round_number (check3 is round 3's)."""
    taken = set(choose(eval_dev))
    earlier = ((5, lambda: round5(eval_dev)), (6, lambda: (round6(eval_dev),)), (7, lambda: round7(eval_dev)),
               (8, lambda: (round8(eval_dev),)), (9, lambda: (round9(eval_dev),)), (10, lambda: round10(eval_dev)),
               (11, lambda: (round11(eval_dev),)), (12, lambda: (round12(eval_dev),)))
    for number, halves in earlier:
        if number < round_number:
            taken.update(*halves())
    return taken


# the rounds a command line can print: the names of the halves each draws, in the order it returns them
_ROUNDS = {
    "--round5": (lambda e: round5(e), ("check4", "tune4")),
    "--round6": (lambda e: (round6(e),), ("tune5",)),
    "--round7": (lambda e: round7(e), ("check5", "tune6")),
    "--round8": (lambda e: (round8(e),), ("check6",)),
    "--round9": (lambda e: (round9(e),), ("check7",)),
    "--round10": (lambda e: round10(e), ("check8", "tune7")),
    "--round11": (lambda e: (round11(e),), ("tune8",)),
    "--round12": (lambda e: (round12(e),), ("tune9",)),
    "--round13": (lambda e: (round13(e),), ("check9",)),
}


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] in _ROUNDS:
        draw, names = _ROUNDS[sys.argv[2]]
        halves = draw(Path(sys.argv[1]))
        print("\n".join(f"{name} {doc}" for name, half in zip(names, halves, strict=True) for doc in half))
        sys.exit(0)
    per = int(sys.argv[2]) if len(sys.argv) > 2 else PER_OUTLET
    for name in choose(Path(sys.argv[1]), per):
        print(name)
