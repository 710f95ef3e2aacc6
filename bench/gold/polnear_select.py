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
       python bench/gold/polnear_select.py EVAL_DEV --round16         "check12 <name>" / "tune12 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round17         "tune13 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round18         "tune14 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round19         "tune15 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round20         "tune16 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round21         "tune17 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round22         "tune18 <name>"
       python bench/gold/polnear_select.py EVAL_DEV --round25         "check15 <name>" / "tune21 <name>"

Body = every line after the headline (the first line). An article is eligible when its body has
300..1200 words and at least 6 number tokens (a token with a digit, or a number word). Eligible
articles are grouped by outlet (the file name up to the first "_"), each group sorted by name and
shuffled with random.Random(SEED); the first PER_OUTLET of each group are taken.

Round 16 came after every eligible PolNeAR-train article was drawn: its held-out half (check12) comes from
the dev compartment (EVAL_DEV/polnear/, never annotated or read for figures), eligible by the same rule, and
its tuning half (tune12) from PolNeAR-train articles with a longer body (1,201..1,800 words, at least 6
number tokens), which no earlier rule could draw; rounds 17 to 21 draw more tuning material (tune13 to
tune17) from that pool. Round 22 (tune18) takes every PolNeAR-train article no earlier round drew whose text names
war, attacks, troops, terror and the like (CONFLICT_TERMS) 15 times or more: tuning material for conflict news,
of which the eligible rounds held little.

Round 25 (after rounds 23 and 24 drew the Lee corpus's news of harm) takes the last conflict news of both
compartments: every article no earlier round drew whose body names CONFLICT_TERMS and VIOLENCE_TERMS together
3 times or more and at least 15 times per 1,000 words (the density of the Lee rounds' rule, 3 in a report of
about 200 words), whatever its length. Those of the dev compartment are held out (check15), those of
PolNeAR-train are tuning material (tune21); all are `conflict`.
"""

from __future__ import annotations

import functools
import random
import re
import sys
from pathlib import Path

SEED = 20160312
PER_OUTLET = 3
# The later rounds of issue 12: per round, its seed and the halves it draws, with how many articles per
# outlet each takes (consecutive slices of the eligible articles in no earlier half, shuffled with the seed)
ROUNDS: dict[int, tuple[int, tuple[tuple[str, int], ...]]] = {
    # a fresh held-out half (check4) and political-news tuning material (tune4)
    5: (20161108, (("check4", 3), ("tune4", 4))),
    # more tuning material
    6: (20161201, (("tune5", 6),)),
    # a fresh held-out half and more tuning material
    7: (20161220, (("check5", 3), ("tune6", 3))),
    # a fresh held-out half only; four per outlet, for a tighter figure than three
    8: (20170120, (("check6", 4),)),
    # a held-out half annotated after every rule of round 8 and scored once, with no rule after it
    9: (20170315, (("check7", 4),)),
    # a held-out half and fresh tuning material, both annotated before any rule of the round: rounds 8-9 had
    # learned from tuning halves the extractor already fit; tune7's errors are those of unseen news
    10: (20170501, (("check8", 4), ("tune7", 4))),
    # more fresh tuning material, annotated after round 10's first rules, before check8 is scored
    11: (20170615, (("tune8", 4),)),
    # fresh tuning material again: its score before any rule of its own is how the rules before carry
    12: (20170701, (("tune9", 4),)),
    # a held-out half annotated after the last rule of rounds 10-12 and scored once
    13: (20170801, (("check9", 5),)),
    # the last eligible articles of three outlets: a held-out half and fresh tuning material, both annotated
    # before any rule of the round (the others have none left)
    14: (20170901, (("check10", 6), ("tune10", 5))),
    # the last eligible articles (one outlet's): a held-out half and fresh tuning material, both annotated after
    # round 14's rules and before any of their own; tune11's score before its rules is how round 14's carry
    15: (20171001, (("check11", 10), ("tune11", 10))),
}
NUMBER_WORDS = set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens half".split()
)


def number_tokens(body: str) -> int:
    tokens = re.findall(r"[\w$%.,'-]+", body)
    return sum(1 for t in tokens if re.search(r"\d", t) or t.lower().strip(".,'") in NUMBER_WORDS)


# Rounds 16 on: per round, its seed and its halves, each with its compartment of EVAL_DEV, the body's word range
# and how many articles per outlet (of those no earlier round drew)
LATE_ROUNDS: dict[int, tuple[int, tuple[tuple[str, str, int, int, int], ...]]] = {
    16: (20171101, (("check12", "polnear", 300, 1200, 4), ("tune12", "polnear-train", 1201, 1800, 2))),
    # more tuning material from the longer train articles
    17: (20171201, (("tune13", "polnear-train", 1201, 1800, 4),)),
    # and more (two outlets have none of those left)
    18: (20180101, (("tune14", "polnear-train", 1201, 1800, 6),)),
    19: (20180201, (("tune15", "polnear-train", 1201, 1800, 7),)),
    20: (20180301, (("tune16", "polnear-train", 1201, 1800, 7),)),
    21: (20180401, (("tune17", "polnear-train", 1201, 1800, 10),)),
}


@functools.cache
def eligible(
    eval_dev: Path, compartment: str = "polnear-train", words: tuple[int, int] = (300, 1200)
) -> dict[str, list[str]]:
    """Eligible file names by outlet, sorted (read once per process)."""
    groups: dict[str, list[str]] = {}
    for path in sorted((eval_dev / compartment / "text").glob("*.txt")):
        text = path.read_text("utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        if words[0] <= len(body.split()) <= words[1] and number_tokens(body) >= 6:
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


def draw_round(eval_dev: Path, number: int) -> list[list[str]]:
    """The halves of round `number` (see ROUNDS), in the order the table names them: per outlet, the eligible
    articles in no earlier half (check3's, then each earlier round's, drawn in turn) shuffled with the round's
    seed, cut into consecutive slices."""
    taken = set(choose(eval_dev))
    for earlier in sorted(ROUNDS):
        seed, halves = ROUNDS[earlier]
        drawn = _draw(eval_dev, taken, seed, tuple(size for _, size in halves))
        if earlier == number:
            return drawn
        taken.update(*drawn)
    raise KeyError(number)


# the words that make an article conflict news (the split's domain rule counts them: 20 or more is `conflict`)
CONFLICT_TERMS = re.compile(r"syria|isis|islamic state|attacks?|war\b|killed|bomb|terror|militar|refugee|troops", re.I)
# words of armed violence that CONFLICT_TERMS (written on US political news) leaves out
VIOLENCE_TERMS = re.compile(
    r"\b(?:militants?|soldiers?|army|fighting|fighters|gunm[ae]n|shot|shooting|rebels?|violence|clash\w*|riots?|"
    r"tanks?|missiles?|suicide)\b",
    re.I,
)
# round 25: the conflict terms per 1,000 words of body that make an article conflict news (Lee: 3 in ~200)
CONFLICT_DENSITY = 15


def _drawn_before_round22(eval_dev: Path) -> set[str]:
    """Every article rounds 3 to 21 drew (check3, the ROUNDS and the LATE_ROUNDS)."""
    taken = set(choose(eval_dev))
    for number in ROUNDS:
        taken.update(*draw_round(eval_dev, number))
    for number in LATE_ROUNDS:
        taken.update(*draw_late_round(eval_dev, number))
    return taken


def draw_conflict_round(eval_dev: Path) -> list[str]:
    """Round 22: the PolNeAR-train articles in no earlier round whose body names CONFLICT_TERMS 15 times or
    more, sorted by name."""
    taken = _drawn_before_round22(eval_dev)
    chosen = []
    for path in sorted((eval_dev / "polnear-train" / "text").glob("*.txt")):
        text = path.read_text("utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        if path.name not in taken and len(CONFLICT_TERMS.findall(body)) >= 15:
            chosen.append(path.name)
    return chosen


def draw_round25(eval_dev: Path) -> list[tuple[str, str]]:
    """(half, name) of round 25: the conflict-dense articles no earlier round drew; check15 from the dev
    compartment, tune21 from PolNeAR-train, each sorted by name."""
    taken = _drawn_before_round22(eval_dev) | set(draw_conflict_round(eval_dev))
    drawn = []
    for half, compartment in (("check15", "polnear"), ("tune21", "polnear-train")):
        for path in sorted((eval_dev / compartment / "text").glob("*.txt")):
            text = path.read_text("utf-8")
            body = text.split("\n", 1)[1] if "\n" in text else ""
            terms = len(CONFLICT_TERMS.findall(body)) + len(VIOLENCE_TERMS.findall(body))
            if path.name not in taken and terms >= 3 and terms * 1000 >= CONFLICT_DENSITY * len(body.split()):
                drawn.append((half, path.name))
    return drawn


def draw_late_round(eval_dev: Path, number: int) -> list[list[str]]:
    """The halves of a round of LATE_ROUNDS: per half and outlet, the eligible articles of the half's own
    compartment and word range that no earlier late round drew, shuffled with the round's seed, the first few
    taken."""
    taken: set[str] = set()
    for earlier in sorted(LATE_ROUNDS):
        seed, halves = LATE_ROUNDS[earlier]
        drawn: list[list[str]] = []
        for _half, compartment, low, high, per_outlet in halves:
            chosen: list[str] = []
            for _outlet, names in sorted(eligible(eval_dev, compartment, (low, high)).items()):
                rest = [name for name in names if name not in taken]
                random.Random(seed).shuffle(rest)
                chosen.extend(rest[:per_outlet])
            drawn.append(chosen)
        if earlier == number:
            return drawn
        taken.update(*drawn)
    raise KeyError(number)


if __name__ == "__main__":
    flag = sys.argv[2] if len(sys.argv) > 2 else ""
    if flag == "--round25":
        print("\n".join(f"{half} {doc}" for half, doc in draw_round25(Path(sys.argv[1]))))
        sys.exit(0)
    if flag == "--round22":
        print("\n".join(f"tune18 {doc}" for doc in draw_conflict_round(Path(sys.argv[1]))))
        sys.exit(0)
    if flag.startswith("--round") and int(flag[len("--round") :]) in LATE_ROUNDS:
        number = int(flag[len("--round") :])
        late = draw_late_round(Path(sys.argv[1]), number)
        for (name, *_), half in zip(LATE_ROUNDS[number][1], late, strict=True):
            print("\n".join(f"{name} {doc}" for doc in half))
        sys.exit(0)
    if flag.startswith("--round") and int(flag[len("--round") :]) in ROUNDS:
        number = int(flag[len("--round") :])
        halves = draw_round(Path(sys.argv[1]), number)
        names = [name for name, _ in ROUNDS[number][1]]
        print("\n".join(f"{name} {doc}" for name, half in zip(names, halves, strict=True) for doc in half))
        sys.exit(0)
    per = int(flag) if flag else PER_OUTLET
    for name in choose(Path(sys.argv[1]), per):
        print(name)
