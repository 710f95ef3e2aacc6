"""Reading numbers: digits, number words, scales, fractions and vague magnitudes.

NUMBER is digits (1,000 / 12.5 / 1.2bn / 10k / 2.5 lakh crore / 5-million) or words ("one million",
"six-million", "twenty-five", "half a million", "a dozen"). Vague magnitudes become ranges by one convention
(bench/gold/FIGURES.md): "hundreds" 200-900, "thousands" 2,000-9,000, "tens of thousands"
20,000-90,000, "dozens" 24-96, "several hundred" 300-900, "a few thousand" 2,000-4,000.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Indian numbering (lakh, crore) sits beside the western scales: "2.5 lakh crore" = 2.5e12
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "lakh": 100_000,
    "lac": 100_000,
    "million": 1_000_000,
    "crore": 10_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SHORT_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
    "cr": 10_000_000,
}
# Denominators of fractions in words: "a third", "two-fifths", "three quarters"
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
ORDINAL_WORDS = frozenset(
    (
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "twentieth hundredth thousandth millionth"
    ).split()
)

WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(sorted(TENS_WORDS, key=len, reverse=True))
    + r")(?:[-\s](?:"
    + "|".join(sorted((w for w in UNITS_WORDS if UNITS_WORDS[w] < 10 and w != "zero"), key=len, reverse=True))
    + r"))?|"
    + "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
    + r")"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?)"
SCALE = r"(?:hundred|thousand|lakh|lac|million|crore|billion|trillion)"
_FRACTION_WORDS = r"(?:half|a half|a quarter|quarter|a third|two thirds|three quarters)"
NUMBER = (
    # "half a million", "a quarter-of-a-million", "a quarter million"
    rf"(?:{_FRACTION_WORDS}[\s-]+(?:of[\s-]+)?(?:an?[\s-]+)?(?:{SCALE}|dozen)"
    # a one-letter scale is glued to the digits and ends there: "10k", "$5m" (not "90,000 K-1 visas")
    rf"|{DIGITS}(?:(?:-(?={SCALE})|\s*)(?:{SCALE}s?|bn|mn|mln|tn|trn|cr(?=\s))|[kmb](?![\w-]))?(?:\s+{SCALE}s?)?"
    rf"|(?:a|one|{WORD_NUMBER})(?:[\s-]+{SCALE})(?:\s+(?:and\s+)?{WORD_NUMBER})?(?:\s+{SCALE})?"
    rf"|a\s+dozen|{WORD_NUMBER}[\s-]dozen|{WORD_NUMBER})"  # "two dozen", "two-dozen"
)
VAGUE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|scores(?=\s+of\b)|decades|"
    r"(?:dozens|hundreds|thousands|millions|billions|trillions)"
    r"|(?:several|a\s+few|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million|billion))"
)
_NUMERATOR = r"(?:a|one|two|three|four|five|six|seven|eight|nine)"
# "a third", "two-thirds", "three quarters", "one-fifth": a share, read as percent
FRACTION_PHRASE = (
    rf"(?:{_NUMERATOR}[-\s](?:thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
    r"|one[-\s]half|half)"
)
# "one in five", "nine out of 10": a share, read as percent
IN_EVERY = (
    rf"(?:{_NUMERATOR}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{WORD_NUMBER}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}})"
)
# "three-in-five insiders": the same share written as one hyphenated word
IN_EVERY_HYPHENATED = rf"(?:{_NUMERATOR}|\d{{1,3}})-(?:in|out-of)-(?:{WORD_NUMBER}|\d{{1,4}})"


@dataclass(frozen=True)
class Number:
    """A number read from text: a single value (low == high) or the range of a vague magnitude."""

    low: float
    high: float
    vague: bool


def word_value(word: str) -> float | None:
    """The value of one number word or a short run of them ("twenty-five"), or None."""
    parsed = parse_number(word)
    return parsed.low if parsed is not None and not parsed.vague else None


def fraction_value(phrase: str) -> float | None:
    """A fraction in words as a share of one: "two-thirds" 0.667, "a quarter" 0.25, "half" 0.5."""
    words = phrase.lower().replace("-", " ").split()
    if words == ["half"] or words == ["a", "half"]:
        return 0.5
    if len(words) != 2 or words[1] not in DENOMINATORS:
        return None
    numerator = 1.0 if words[0] in ("a", "one") else UNITS_WORDS.get(words[0])
    return None if numerator is None else numerator / DENOMINATORS[words[1]]


def share_value(phrase: str) -> float | None:
    """ "one in five" / "nine out of 10" as a share of one."""
    match = re.fullmatch(
        r"(\w+)\s+(?:in|out\s+of)\s+(?:every\s+)?(.+)", " ".join(phrase.lower().replace("-", " ").split())
    )
    if not match:
        return None
    part = 1.0 if match.group(1) == "a" else _plain(match.group(1))
    whole = _plain(match.group(2))
    return part / whole if part is not None and whole else None


def _plain(token: str) -> float | None:
    """Digits or number words without scale."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", token):
        return float(token.replace(",", ""))
    return word_value(token)


def parse_number(expression: str) -> Number | None:
    """The value (or range, for vague magnitudes) of a number expression, or None when it has none (or none a
    float can hold: hundreds of digits in a row are no figure)."""
    number = _parse_number(expression)
    return number if number is None or math.isfinite(number.high) else None


def _parse_number(expression: str) -> Number | None:
    text = " ".join(expression.lower().replace("-", " ").split())
    vague = vague_range(text)
    if vague is not None:
        return vague
    for words, fraction in (
        ("a half", 0.5),
        ("half", 0.5),
        ("a quarter", 0.25),
        ("quarter", 0.25),
        ("a third", 1 / 3),
        ("two thirds", 2 / 3),
        ("three quarters", 0.75),
    ):
        if text.startswith(words + " "):
            rest = re.sub(r"^(of\s+)?(an?\s+)?", "", text[len(words) + 1 :])
            scale = 12 if rest == "dozen" else SCALES.get(rest.rstrip("s"))
            return Number(fraction * scale, fraction * scale, False) if scale else None
    if text == "a dozen":
        return Number(12, 12, False)
    dozens = re.match(r"^(\w+) dozen$", text)
    if dozens:
        count = _parse_number(dozens.group(1))
        return Number(count.low * 12, count.high * 12, False) if count else None
    digits = re.match(r"^(\d[\d,]*(?:\.\d+)?)\s*(.*)$", text)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        for part in digits.group(2).split():
            scale = SCALES.get(part.rstrip("s")) or SHORT_SCALES.get(part)
            if scale is None:
                return None
            value *= scale
        return Number(value, value, False)
    total, current = 0.0, 0.0
    seen = False
    for word in text.split():
        if word == "and":
            continue
        if word in ("a", "one") and not seen:
            current, seen = 1, True
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word.rstrip("s") in SCALES:
            scale = SCALES[word.rstrip("s")]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return Number(total + current, total + current, False) if seen else None


_VAGUE_RANGES = [
    (r"^tens of thousands$", 20_000, 90_000),
    (r"^hundreds of thousands$", 200_000, 900_000),
    (r"^tens of millions$", 20_000_000, 90_000_000),
    (r"^hundreds of millions$", 200_000_000, 900_000_000),
    (r"^tens of billions$", 20_000_000_000, 90_000_000_000),
    (r"^hundreds of billions$", 200_000_000_000, 900_000_000_000),
    (r"^dozens$", 24, 96),
    (r"^scores$", 40, 180),
    (r"^hundreds$", 200, 900),
    (r"^thousands$", 2_000, 9_000),
    (r"^millions$", 2_000_000, 9_000_000),
    (r"^billions$", 2_000_000_000, 9_000_000_000),
    (r"^trillions$", 2_000_000_000_000, 9_000_000_000_000),
    (r"^decades$", 20, 90),
]


def vague_range(text: str) -> Number | None:
    """The conventional range of a vague magnitude ("hundreds" 200-900), or None."""
    for pattern, low, high in _VAGUE_RANGES:
        if re.match(pattern, text):
            return Number(low, high, True)
    several = re.match(r"^(several|a few|a couple of) (dozen|hundred|thousand|million|billion)$", text)
    if several:
        scale = 12 if several.group(2) == "dozen" else SCALES[several.group(2)]
        low, high = {"several": (3, 9), "a few": (2, 4), "a couple of": (2, 2)}[several.group(1)]
        return Number(low * scale, high * scale, True)
    return None
