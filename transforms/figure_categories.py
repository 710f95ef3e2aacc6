"""Figure categories and qualifiers, declared once; the warehouse checks list the same values.

The category comes from the unit (money, percent, distance, age, duration, energy, speed, data,
volume, area, mass, temperature) or, for counts, from the words of the sentence around the
figure (killed/dead/deaths, injured/wounded, displaced/fled, detained/prisoners/released, home
to/population); anything else counted is a count, and other measures are other.
"""

from __future__ import annotations

import re

# The contract's list, then the measures added for news beyond conflict (issue 12).
CATEGORIES = (
    "killed",
    "injured",
    "displaced",
    "detained",
    "population",
    "distance",
    "money",
    "percent",
    "age",
    "duration",
    "count",
    "other",
    "energy",
    "speed",
    "data",
    "volume",
    "area",
    "mass",
    "temperature",
)
QUALIFIERS = ("exact", "approximately", "at_least", "more_than", "less_than", "up_to")
# Categories of what befell persons: their figures count persons only (figures._harm_to_persons).
HARM_CATEGORIES = frozenset({"killed", "injured", "displaced", "detained"})
# Categories that count people or things (a sentence's counted noun carries over between them).
COUNT_CATEGORIES = HARM_CATEGORIES | {"count", "population"}

_CATEGORY_OF_LABEL = {
    "km": "distance",
    "m": "distance",
    "cm": "distance",
    "mm": "distance",
    "miles": "distance",
    "feet": "distance",
    "inches": "distance",
    "yards": "distance",
    "nautical miles": "distance",
    "litres": "volume",
    "ml": "volume",
    "gallons": "volume",
    "barrels": "volume",
    "grams": "mass",
    "kg": "mass",
    "mg": "mass",
    "tonnes": "mass",
    "tons": "mass",
    "lb": "mass",
    "oz": "mass",
    "acres": "area",
    "hectares": "area",
    "seconds": "duration",
    "minutes": "duration",
    "hours": "duration",
    "days": "duration",
    "weeks": "duration",
    "months": "duration",
    "years": "duration",
    "mph": "speed",
    "km/h": "speed",
    "knots": "speed",
    "°C": "temperature",
    "°F": "temperature",
}


def category_of_dimension(label: str) -> str:
    """The category of a unit label: "km" distance, "kWh" energy, "GB" data, "°C" temperature."""
    if label in _CATEGORY_OF_LABEL:
        return _CATEGORY_OF_LABEL[label]
    if label.endswith(("W", "Wh")) or label == "hp":
        return "energy"
    if label.endswith("B"):
        return "data"
    return "other"


# Words that put a count of people into a category, nearest one to the figure wins.
CATEGORY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "killed",
        re.compile(
            r"\b(killed|kill|killing|dead|deaths?|died|die|dying|death toll|fatalit\w+|lives|"
            r"massacred?|slain|perished|murder(?:ed|s)?|homicides?|killings|executed|casualties)\b",
            re.I,
        ),
    ),
    ("injured", re.compile(r"\b(injured|injuries|wounded|hurt|injuring|wounding)\b", re.I)),
    (
        "displaced",
        re.compile(
            r"\b(displaced|displacement|fled|fleeing|flee|refugees?|evacuated|homeless|"
            r"exodus|heading (?:to|towards)|uprooted|resettle[ds]?|resettlement)\b",
            re.I,
        ),
    ),
    (
        "detained",
        re.compile(
            r"\b(detained|detention|arrested|arrests?|prisoners?|jailed|imprisoned|custody|"
            r"detainees|released|freed|captives?|hostages?|inmates)\b",
            re.I,
        ),
    ),
    ("population", re.compile(r"\b(home to|population|inhabitants|residents|lives? in|people live)\b", re.I)),
]


def category_from_words(sentence: str, position: int) -> str | None:
    """killed / injured / displaced / detained / population: the category word nearest position."""
    best: tuple[int, str] | None = None
    for category, pattern in CATEGORY_WORDS:
        for match in pattern.finditer(sentence):
            distance = abs(match.start() - position)
            if best is None or distance < best[0]:
                best = (distance, category)
    return best[1] if best else None
