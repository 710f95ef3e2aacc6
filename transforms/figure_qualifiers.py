"""The words that qualify a figure: how sure it is (the qualifier: "nearly", "at least", "up to", and the
qualifier just before a figure found by its own pattern) and which way the quantity moved (the change:
"rose 5%", "cut 200 jobs")."""

from __future__ import annotations

import re

from transforms.lexicon import FALL_WORDS, RISE_WORDS

QUALIFIER_PATTERNS = [
    (
        "approximately",
        r"nearly|almost|about|around|some|roughly|approximately|an estimated|estimated|close to|"
        r"near|circa|approx\.?|more or less|more like|barely",
    ),
    ("at_least", r"at least|no fewer than|no less than|a minimum of"),
    ("more_than", r"more than|over|above|in excess of|upwards? of|north of|just over|well over|greater than|exceeding"),
    (
        "less_than",
        r"less than|fewer than|under|below|just under|nearly under|not quite|(?:just |slightly )?shy of|south of",
    ),
    (
        "up_to",
        r"up to|as many as|as much as|as long as|as high as|a maximum of|no more than|within(?: the next| the past)?",
    ),
]
QUALIFIER = "|".join(f"(?P<q_{name}>{pattern})" for name, pattern in QUALIFIER_PATTERNS)
ANY_QUALIFIER = "|".join(pattern for _, pattern in QUALIFIER_PATTERNS)  # the same, without naming which

# a qualifier just before a figure found by an anchored pattern ("nearly 1 in 3"): looked up behind, which is
# much faster than an optional qualifier at the head of the pattern, tried at every position
_HEDGE_BEFORE = re.compile(rf"(?<![\w-])(?:{ANY_QUALIFIER})\s+$", re.I)


def hedged(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the qualifier just before it, if any ("nearly 1 in 3", "about twice")."""
    hedge = _HEDGE_BEFORE.search(text, max(0, start - 24), start)
    return (hedge.start() if hedge else start), end


def qualifier_of(surface: str) -> str:
    """The qualifier a figure's surface opens with, else exact."""
    for name, pattern in QUALIFIER_PATTERNS:
        if re.match(rf"^(?:{pattern})\b", surface, re.I):
            return name
    return "exact"


# an open bound after a figure: "$30,000 or less", "15 points or more" (or inside it: "$9,000 or more annually",
# "a thousand or more Kurds"); the words, declared once here, are also skipped where a unit is looked for
_UP_WORDS = r"more|greater|higher|longer|above|over"
OPEN_BOUND = rf"or\s+(?:{_UP_WORDS}|less|fewer|lower|shorter|below|under)\b(?![\s-]+than\b)"
_BOUND_AFTER = re.compile(
    rf"\s+or\s+(?:(?P<up>{_UP_WORDS})|less|fewer|lower|shorter|below|under)\b(?![\s-]+than\b)", re.I
)


def bound_after(text: str, start: int, end: int) -> tuple[str, int] | None:
    """ "at_least" or "up_to", and where the figure then ends, when an open bound follows its number."""
    inside = _BOUND_AFTER.search(text, start, end)
    bound = inside or _BOUND_AFTER.match(text, end)
    if bound is None:
        return None
    return ("at_least" if bound.group("up") else "up_to"), (end if inside else bound.end())


def change_of(text: str, start: int, end: int) -> str | None:
    """up / down when the words around say the quantity rose or fell by the figure."""
    before = text[max(0, start - 40) : start].lower()
    verb = re.search(r"([a-z]+)(?:\s+(?:by|of))?\s+$", before)
    if verb:
        word = verb.group(1)
        particle = re.search(r"\b([a-z]+)\s+(?:up|down)\s+$", before)
        if (
            word in ("up", "down")
            and particle
            and (
                particle.group(1).endswith("ed") or particle.group(1) in ("pay", "pony", "ante", "sign", "set", "back")
            )
        ):
            return None  # "anted up $129", "paid down": a phrasal verb, not a change
        if word in RISE_WORDS and word not in ("lower", "higher"):
            return "up"
        if word in FALL_WORDS and word not in ("lower", "higher"):
            return "down"
        # "cut its workforce by 200", "reduced the spacecraft mass by a third": the verb before "by"
        words = re.findall(r"[a-z'’]+", before)
        if words and words[-1] == "by":
            for earlier in reversed(words[-6:-1]):
                if earlier in RISE_WORDS and earlier not in ("lower", "higher", "up"):
                    return "up"
                if earlier in FALL_WORDS and earlier not in ("lower", "higher", "down"):
                    return "down"
    after = re.match(r"^[\s-]*([a-z]+)\b", text[end : end + 16].lower())
    if after and (start == 0 or not re.search(r"\b(?:to|from|at)\s+$", before)):
        if after.group(1) in ("rise", "increase", "gain", "jump", "hike", "boost", "surge", "growth", "climb"):
            return "up"
        if after.group(1) in (
            "drop",
            "decline",
            "fall",
            "cut",
            "loss",
            "decrease",
            "reduction",
            "slump",
            "dip",
            "plunge",
            "slide",
        ):
            return "down"
    return None
