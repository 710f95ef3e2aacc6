"""Numbers stated as facts: value, range, qualifier, unit, category and what is counted.

A figure is a number expression and what sits around it in its sentence:

    [qualifier] [currency] NUMBER [multiplier] [unit | counted noun]    "nearly half a million people"
    NUMBER-NUMBER / between NUMBER and NUMBER / NUMBER to NUMBER       "20,000-40,000 people"
    vague magnitudes                                                   "hundreds of prisoners", "tens of thousands"
    ages                                                               "the 33-year-old", "aged 26"

NUMBER is digits (1,000 / 12.5 / 1.2bn / 10k) or words ("one million", "twenty-five",
"half a million", "a dozen"). Vague magnitudes become ranges with qualifier
approximately, by one convention (bench/gold/FIGURES.md): "hundreds" 200-900, "thousands"
2,000-9,000, "tens of thousands" 20,000-90,000, "dozens" 24-96, "several hundred"
300-900, "a few thousand" 2,000-4,000.

The category comes from the unit (money, percent, distance, age, duration) or, for counts,
from the words of the sentence around the figure (killed/dead/deaths, injured/wounded,
displaced/fled, detained/prisoners/released, home to/population); anything else counted
is a count, and other measures are other.

Not figures: years (1982, 2011), dates (November 27, 12/05/2024), times (10:31), ordinals
(20th, third, fourth-largest), numbers inside names (COVID-19, F-16, Route 66, PS4), phone
numbers, and numbers in page furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS
from transforms.records import Figure

# Bump when a change here alters the figures found: every article's figures are recomputed.
VERSION = "1"

_UNITS_WORDS = {
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
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_SHORT_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "a quarter": 0.25,
    "quarter": 0.25,
    "a third": 1 / 3,
    "two thirds": 2 / 3,
    "three quarters": 0.75,
}

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(sorted(_TENS_WORDS, key=len, reverse=True))
    + r")(?:[-\s](?:"
    + "|".join(sorted((w for w in _UNITS_WORDS if _UNITS_WORDS[w] < 10 and w != "zero"), key=len, reverse=True))
    + r"))?|"
    + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
    + r")"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_NUMBER = (
    rf"(?:(?:half|a half|a quarter|quarter|a third|two thirds|three quarters)\s+(?:of\s+)?an?\s+{_SCALE}"
    rf"|{_DIGITS}\s*(?:{_SCALE}s?|bn|mn|mln|tn|trn|[kmb](?![\w]))?(?:\s+{_SCALE})?"
    rf"|(?:a|one|{_WORD_NUMBER})(?:\s+{_SCALE})(?:\s+(?:and\s+)?{_WORD_NUMBER})?(?:\s+{_SCALE})?"
    rf"|a\s+dozen|{_WORD_NUMBER}\s+dozen|{_WORD_NUMBER})"
)
# "more than a decade", "nearly a year": one unit of time, only after a qualifier
_ONE_PERIOD = re.compile(
    r"(?<![\w])(?P<figure>(?:nearly|almost|about|around|roughly|more than|over|just over|less than|under|"
    r"just under|at least|up to|just|only)\s+an?\s+(?P<period>decade|year|month|week|day|hour|century))(?![\w])",
    re.I,
)
# "Elizabeth A. Burton, 32, of Columbus": an age set off by commas after a name
_AGE_AFTER_NAME = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][\w'’-]+,? (?P<age>[1-9]\d),? (?=of |from |who |and |was |is |had |has )"
    r"|\b[A-Z][a-z]+ [A-Z][\w'’-]+, (?P<age2>[1-9]\d), (?=of |from |who |and |was |is |had |has )"
)
# "more than half of", "a third of the country": a share, in percent
_FRACTION = re.compile(
    r"(?<![\w-])(?<!the )(?<!first )(?<!second )(?<!other )"
    r"(?P<figure>(?:(?:more than|less than|about|nearly|almost|just over|just under|roughly|over|under)\s+)?"
    r"(?P<fraction>half|a third|a quarter|two thirds|three quarters))"
    r"(?=\s+(?!an?\b|hour|time|way|century|dozen|million|billion|thousand|hundred)[a-z]|[,.;])",
    re.I,
)
# "a quarter-point cut": a fraction of a percentage point
_POINT_FRACTION = re.compile(r"(?<![\w-])(?P<figure>(?P<fraction>a quarter|a half|half)[- ]point)\b", re.I)
_FEW_PERCENT = re.compile(r"(?<![\w-])(?P<figure>a few (?:percent|per cent|percentage points))\b", re.I)
_PERIODS = {
    "decade": (10, "years"),
    "century": (100, "years"),
    "year": (1, "years"),
    "month": (1, "months"),
    "week": (1, "weeks"),
    "day": (1, "days"),
    "hour": (1, "hours"),
}
_VAGUE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|scores(?=\s+of\b)|decades(?!\s+of\b)|"
    r"(?:dozens|hundreds|thousands|millions|billions)"
    r"|(?:several|a\s+few|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million|billion))"
)
_QUALIFIERS = [
    (
        "approximately",
        r"nearly|almost|about|around|some|roughly|approximately|an estimated|estimated|close to|"
        r"near|circa|approx\.?|more or less",
    ),
    ("at_least", r"at least|no fewer than|no less than|a minimum of"),
    ("more_than", r"more than|over|above|in excess of|upwards of|just over|well over|greater than|exceeding"),
    ("less_than", r"less than|fewer than|under|below|just under|nearly under|not quite"),
    ("up_to", r"up to|as many as|as much as|a maximum of|no more than"),
]
_QUALIFIER = "|".join(f"(?P<q_{name}>{pattern})" for name, pattern in _QUALIFIERS)
_CURRENCY_SYMBOL = r"(?P<cur>US\$|\$|£|€|¥|₹|A\$|C\$|HK\$|NZ\$|S\$)"
_CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
}
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "riyals": "SAR",
    "dirhams": "AED",
    "lira": "TRY",
    "liras": "TRY",
    "francs": "CHF",
    "pesos": "MXN",
    "rand": "ZAR",
    "won": "KRW",
    "shekels": "ILS",
}
_MEASURES = {
    "%": ("percent", "percent"),
    "percent": ("percent", "percent"),
    "per cent": ("percent", "percent"),
    "percentage points": ("percentage_points", "percent"),
    "percentage point": ("percentage_points", "percent"),
    "km": ("km", "distance"),
    "kilometers": ("km", "distance"),
    "kilometres": ("km", "distance"),
    "kilometer": ("km", "distance"),
    "kilometre": ("km", "distance"),
    "miles": ("miles", "distance"),
    "mile": ("miles", "distance"),
    "meters": ("m", "distance"),
    "metres": ("m", "distance"),
    "feet": ("feet", "distance"),
    "yards": ("yards", "distance"),
    "years": ("years", "duration"),
    "year": ("years", "duration"),
    "months": ("months", "duration"),
    "month": ("months", "duration"),
    "weeks": ("weeks", "duration"),
    "week": ("weeks", "duration"),
    "days": ("days", "duration"),
    "day": ("days", "duration"),
    "hours": ("hours", "duration"),
    "hour": ("hours", "duration"),
    "minutes": ("minutes", "duration"),
    "decades": ("years", "duration"),
    "decade": ("years", "duration"),
    "centuries": ("years", "duration"),
    "kg": ("kg", "other"),
    "kilograms": ("kg", "other"),
    "tonnes": ("tonnes", "other"),
    "tons": ("tons", "other"),
    "grams": ("grams", "other"),
    "points": ("points", "other"),
    "times": ("times", "other"),
    "square kilometres": ("km2", "other"),
    "square kilometers": ("km2", "other"),
    "acres": ("acres", "other"),
    "hectares": ("hectares", "other"),
    "degrees": ("degrees", "other"),
    "barrels": ("barrels", "other"),
}
_PEOPLE = frozenset(
    """people persons person civilians residents inhabitants citizens prisoners detainees inmates soldiers
    troops fighters combatants militants rebels insurgents children kids women men adults students
    workers employees staff refugees migrants immigrants voters patients protesters demonstrators
    victims survivors members officers police policemen officials casualties deaths dead bodies lives
    individuals families households teenagers babies infants pupils teachers doctors nurses journalists
    users customers passengers tourists visitors fans supporters jihadists hostages americans physicians
    surgeons males females witnesses fatalities immigrants contacts volunteers protestors recruits
    employees agents analysts executives officials lawmakers legislators senators candidates delegates
    players athletes drivers residents tenants homeowners buyers shoppers viewers readers subscribers
    participants respondents adults seniors veterans sailors airmen marines pilots crew friends""".split()
)
_CATEGORY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "killed",
        re.compile(
            r"\b(killed|kill|killing|dead|deaths?|died|die|dying|death toll|fatalit\w+|lives|"
            r"massacred?|slain|perished|murdered|executed|casualties)\b",
            re.I,
        ),
    ),
    ("injured", re.compile(r"\b(injured|injuries|wounded|hurt|injuring|wounding)\b", re.I)),
    (
        "displaced",
        re.compile(
            r"\b(displaced|displacement|fled|fleeing|flee|refugees?|evacuated|homeless|"
            r"exodus|heading (?:to|towards)|uprooted)\b",
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
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth hundredth thousandth millionth"
).split()
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_AROUND = re.compile(rf"(?:{_MONTHS}\s+$|^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\b)", re.I)


@dataclass(frozen=True)
class _Number:
    low: float
    high: float
    vague: bool


def extract_figures(article_id: str, text: str) -> list[Figure]:
    """Every figure stated in text."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for match in _AGE_AFTER_NAME.finditer(text):
        group = "age" if match.group("age") else "age2"
        start, end = match.span(group)
        value = float(match.group(group))
        figures.append(_make(article_id, text, start, end, value, value, "exact", "years", "age", None))
        taken.append((start, end))
    position = 0
    while (found := _FIGURE.search(text, position)) is not None:
        match = found
        start, end = match.span("figure")
        figure = None if any(a < end and start < b for a, b in taken) else _to_figure(article_id, text, match)
        if figure is not None and figure.unit is None and figures:
            # "a fleet of 270 aircraft, including 12 freight": the sentence's counted noun carries over
            earlier = figures[-1]
            same_sentence = not re.search(r"[.!?]\s", text[earlier.end_char : figure.start_char])
            if (
                same_sentence
                and earlier.subject
                and earlier.category in ("count", "killed", "injured", "displaced", "detained", "population")
            ):
                figure = replace(
                    figure,
                    unit=earlier.unit,
                    subject=earlier.subject,
                    category=earlier.category if figure.category == "other" else figure.category,
                )
        if (
            figure is not None
            and figure.unit is None
            and re.search(r"\b(by|to|from)\s+$", text[max(0, start - 6) : start])
        ):
            # "a commitment of 777x jets ..., down by 30 to 126": a change counts what the sentence counted
            head = _sentence(text, start, end)
            nouns = re.findall(r"\b([a-z]{3,}s)\b", head[: max(0, head.find(figure.surface))])
            nouns = [n for n in nouns if n not in STOP_WORDS and n not in _NOT_NOUNS and not n.endswith("ss")]
            if nouns:
                word = nouns[-1]
                figure = replace(
                    figure,
                    unit="people" if word in _PEOPLE else word,
                    subject=word,
                    category="count" if figure.category == "other" else figure.category,
                )
        if figure is not None:
            figures.append(figure)
            taken.append((figure.start_char, figure.end_char))
        # "from $47 billion to $8 billion" ends the first figure early: look again after it
        position = max(start + 1, figure.end_char if figure is not None and figure.end_char < end else end)
    for match in _POINT_FRACTION.finditer(text):
        start, end = match.span("figure")
        if not any(a < end and start < b for a, b in taken):
            value = _FRACTIONS[match.group("fraction").lower()]
            figures.append(
                _make(article_id, text, start, end, value, value, "exact", "percentage_points", "percent", None)
            )
            taken.append((start, end))
    for match in _FEW_PERCENT.finditer(text):
        start, end = match.span("figure")
        if not any(a < end and start < b for a, b in taken):
            figures.append(_make(article_id, text, start, end, 2, 4, "approximately", "percent", "percent", None))
            taken.append((start, end))
    for match in _FRACTION.finditer(text):
        start, end = match.span("figure")
        if any(a < end and start < b for a, b in taken):
            continue
        value = 100 * _FRACTIONS[" ".join(match.group("fraction").lower().split())]
        qualifier = _qualifier_of(match.group("figure"))
        figures.append(_make(article_id, text, start, end, value, value, qualifier, "percent", "percent", None))
        taken.append((start, end))
    for match in _ONE_PERIOD.finditer(text):
        start, end = match.span("figure")
        if any(a < end and start < b for a, b in taken):
            continue
        value, unit = _PERIODS[match.group("period").lower()]
        qualifier = _qualifier_of(match.group("figure"))
        figures.append(_make(article_id, text, start, end, value, value, qualifier, unit, "duration", None))
    return sorted(figures, key=lambda f: f.start_char)


def _qualifier_of(surface: str) -> str:
    for name, pattern in _QUALIFIERS:
        if re.match(rf"^(?:{pattern})\b", surface, re.I):
            return name
    return "exact"


_FIGURE = re.compile(
    rf"(?<![\w$£€.,/:-])(?P<figure>"
    rf"(?:(?:{_QUALIFIER})\s+)?"
    rf"(?:(?P<age>the\s+{_DIGITS}-year-old|aged\s+{_DIGITS}|{_DIGITS}-year-old)"
    rf"|(?:between\s+)?(?:{_CURRENCY_SYMBOL}\s?)?"
    rf"(?P<number>{_VAGUE}|{_NUMBER})"
    rf"(?:\s*(?P<range_sep>-to-|-|–|—|to|and)\s*"
    rf"(?:{_CURRENCY_SYMBOL.replace('cur', 'cur2')}\s?)?(?P<number2>{_NUMBER}))?)"
    rf")(?![\w])",
    re.I,
)


def _to_figure(article_id: str, text: str, match: re.Match[str]) -> Figure | None:
    start, end = match.span("figure")
    surface = match.group("figure")
    qualifier = next((name for name, _ in _QUALIFIERS if match.group(f"q_{name}")), None)
    if match.group("age"):
        value = float(re.sub(r"[^\d.]", "", re.search(_DIGITS, match.group("age")).group(0)))  # type: ignore[union-attr]
        return _make(article_id, text, start, end, value, value, qualifier or "exact", "years", "age", None)
    number = _parse(match.group("number"))
    if number is None:
        return None
    second_digits = match.group("number2") or ""
    if match.group("range_sep") == "-" and (
        second_digits.startswith("0")
        or re.fullmatch(r"\d{4}", second_digits)
        and re.fullmatch(r"\d{3}", match.group("number").strip())
    ):
        return None  # a phone number: 555-0199
    low, high = number.low, number.high
    if match.group("number2"):
        second = _parse(match.group("number2"))
        change = (
            re.search(
                r"\b(from|by|rose|fell|dropped|increased|decreased|climbed|jumped)\s*$",
                text[max(0, start - 12) : start],
                re.I,
            )
            and match.group("range_sep").lower() == "to"
        )
        # "one-to-seven days" is a range like "1-7 days"
        if (
            second is None
            or change
            or (match.group("range_sep").lower() == "and" and not re.match(r"between", surface, re.I))
        ):
            end = match.start("range_sep")
            end = len(text[:end].rstrip()) if text[:end].rstrip() else end
        else:
            # "20-30 million": the scale of the second number applies to the first
            if second.low >= 1000 > low and not re.search(_SCALE, match.group("number"), re.I):
                unscaled = _parse(re.sub(r"\s*" + _SCALE + r"s?", "", match.group("number2"), flags=re.I))
                if unscaled is not None and unscaled.low:
                    low *= second.low / unscaled.low
            low, high = min(low, second.low), max(high, second.high)
    digits = match.group("number")
    if _not_a_figure(text, start, end, digits, number, bool(match.group("cur"))):
        return None
    if re.match(
        r"^\s+of\s+(the|its|their|his|her|our|these|those|many|several|them|us)\b", text[end : end + 12], re.I
    ) and digits.lower() in ("one", "a"):
        return None  # "one of the few countries": a pronoun, not a count
    if number.vague:
        qualifier = qualifier or "approximately"
    currency = match.group("cur") or match.group("cur2")
    if digits.lower() == "decades":
        return _make(article_id, text, start, end, low, high, qualifier or "approximately", "years", "duration", None)
    aged = re.match(r"^[\s-]*years?[\s-]*old\b", text[end : end + 14], re.I)
    if aged:  # "12 to 17-years-old"
        return _make(article_id, text, start, end + aged.end(), low, high, qualifier or "exact", "years", "age", None)
    unit, category, subject, end = _unit_after(text, end, currency, one=low == high == 1 and not number.vague)
    if unit is None and not currency and number.vague is False and not _counted_context(text, start, end):
        if not re.search(r"\d", digits) or float(low) < 10 and "." not in digits:
            return None  # a bare small number ("one of the reasons", "two sides") is not a fact
        if re.fullmatch(r"\d{4,}", digits.strip()):
            return None  # a bare long number without separators is an id, an address or a model
    if unit is None and re.fullmatch(r"[\d,]+\.\d\d", digits.strip()) and _MARKET.search(_sentence(text, start, end)):
        unit, category = "points", "other"  # an index level: "the Dow ... to 27,934.02"
    category = category or _category(text, start, end) or ("count" if unit == "people" or subject else "other")
    if unit is None and category == "count":
        unit = None
    return _make(article_id, text, start, end, low, high, qualifier or "exact", unit, category, subject)


def _make(
    article_id: str,
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    qualifier: str,
    unit: str | None,
    category: str,
    subject: str | None,
) -> Figure:
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return Figure(
        figure_id=stable_id("figure", article_id, start, end),
        article_id=article_id,
        surface=text[start:end],
        start_char=start,
        end_char=end,
        value=(low + high) / 2,
        value_low=low,
        value_high=high,
        qualifier=qualifier,
        unit=unit,
        category=category,
        subject=subject,
    )


def _parse(expression: str) -> _Number | None:
    """The value (or range, for vague magnitudes) of a number expression."""
    text = " ".join(expression.lower().replace("-", " ").split())
    vague = _vague_range(text)
    if vague is not None:
        return vague
    for words, fraction in _FRACTIONS.items():
        if text.startswith(words + " "):
            rest = re.sub(r"^(of\s+)?an?\s+", "", text[len(words) + 1 :])
            scale = _SCALES.get(rest.rstrip("s"))
            return _Number(fraction * scale, fraction * scale, False) if scale else None
    if text == "a dozen":
        return _Number(12, 12, False)
    dozens = re.match(r"^(\w+) dozen$", text)
    if dozens:
        count = _parse(dozens.group(1))
        return _Number(count.low * 12, count.high * 12, False) if count else None
    digits = re.match(r"^(\d[\d,]*(?:\.\d+)?)\s*(.*)$", text)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        rest = digits.group(2).strip()
        for part in rest.split():
            scale = _SCALES.get(part.rstrip("s")) or _SHORT_SCALES.get(part)
            if scale is None:
                return None
            value *= scale
        return _Number(value, value, False)
    total, current = 0.0, 0.0
    seen = False
    for word in text.split():
        if word in ("and",):
            continue
        if word in ("a", "one") and not seen:
            current, seen = 1, True
        elif word in _UNITS_WORDS:
            current += _UNITS_WORDS[word]
            seen = True
        elif word in _TENS_WORDS:
            current += _TENS_WORDS[word]
            seen = True
        elif word.rstrip("s") in _SCALES:
            scale = _SCALES[word.rstrip("s")]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return _Number(total + current, total + current, False) if seen else None


def _vague_range(text: str) -> _Number | None:
    patterns = [
        (r"^tens of thousands$", 20_000, 90_000),
        (r"^hundreds of thousands$", 200_000, 900_000),
        (r"^tens of millions$", 20_000_000, 90_000_000),
        (r"^hundreds of millions$", 200_000_000, 900_000_000),
        (r"^dozens$", 24, 96),
        (r"^scores$", 40, 180),
        (r"^hundreds$", 200, 900),
        (r"^thousands$", 2_000, 9_000),
        (r"^millions$", 2_000_000, 9_000_000),
        (r"^billions$", 2_000_000_000, 9_000_000_000),
        (r"^decades$", 20, 90),
    ]
    for pattern, low, high in patterns:
        if re.match(pattern, text):
            return _Number(low, high, True)
    several = re.match(r"^(several|a few|a couple of) (dozen|hundred|thousand|million|billion)$", text)
    if several:
        scale = 12 if several.group(2) == "dozen" else _SCALES[several.group(2)]
        low, high = {"several": (3, 9), "a few": (2, 4), "a couple of": (2, 2)}[several.group(1)]
        return _Number(low * scale, high * scale, True)
    return None


def _not_a_figure(text: str, start: int, end: int, expression: str, number: _Number, money: bool) -> bool:
    """Years, dates, times, ordinals, names, phone numbers."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    bare = expression.strip()
    if money:
        return False
    if re.fullmatch(r"(1[5-9]|20)\d\d", bare) and not re.match(r"\s*(%|percent|people|km|miles)", after, re.I):
        return True  # a year
    if re.fullmatch(r"(1[5-9]|20)\d\d", bare) and re.search(r"\b(in|since|of|by|from|until|to)\s*$", before):
        return True
    if _DATE_AROUND.search(before) or _DATE_AROUND.search(after):
        return True  # "November 27", "27 November", "Dec. 5"
    if re.match(r"^(st|nd|rd|th)\b", after) or re.match(r"^\s*[-–]?(?:st|nd|rd|th)\b", after):
        return True  # an ordinal
    if re.match(r"^[:.]\d\d\b|^\s*(a\.?m\.?|p\.?m\.?)\b", after, re.I):
        return True  # a time
    if re.search(r"[A-Za-z][-/]?$", before) or re.match(r"^[-/]?[A-Za-z]{1,3}\d|^[A-Za-z]\b", after):
        return True  # glued to a name: COVID-19, F-16, PS4, G20
    if re.match(r"^-\d", after) or re.match(r"^\s(?:Max|Dreamliner|Pro|Plus|Mini|Ultra|Series|Edition)\b", after):
        return True  # a model: 787-9, 737 Max
    if re.search(r"\b[A-Z][A-Z&]*[A-Z]\s$", before) and not re.match(r"^\s*(%|percent|people|[a-z]+s\b)", after):
        return True  # an index or a name with a number: S&P 500, FTSE 100
    if (
        re.search(r"[a-z,]\s+[A-Z][a-z]+\s$", before)
        and re.fullmatch(r"\d{2,4}", expression.strip())
        and not re.match(r"^\s*(%|percent|[a-z]+s\b|people|million|billion)", after)
    ):
        return True  # a brand's model or a named number: "Boeing 777", "Apollo 11"
    if re.search(
        r"\b(Route|Highway|Interstate|Article|Section|Chapter|Resolution|Flight|No\.|Number|Room|"
        r"Apollo|Windows|iPhone|Galaxy|Season|Episode|Level|Phase|Version|Model|Type|Page|Vol\.)\s*$",
        before,
    ):
        return True
    if re.match(r"^[\s-]*\d{3}[\s-]\d{4}", after) or re.search(r"\(\d{3}\)\s*$", before):
        return True  # a phone number
    if re.match(r"^-(largest|biggest|most|highest|lowest|oldest|longest|seeded|ranked)", after, re.I):
        return True
    if re.match(
        r"^-(years?|months?|weeks?|days?|hours?|minutes?|miles?|points?|members?|pages?|person|"
        r"story|storey|seat|man|strong|inch|foot|game|match)\b(?!-old)",
        after,
        re.I,
    ):
        return True  # a label made of a number: "12-month average", "10-year notes", "two-class layout"
    if bare.lower() in _ORDINAL_WORDS:
        return True
    return False


_IRREGULAR_PLURALS = (
    "people|children|men|women|police|staff|personnel|dead|wounded|injured|cattle|sheep|fish|aircraft|deer"
)
_COUNTED = re.compile(
    rf"^\s*(?P<adjs>(?:(?:[a-z][\w'-]*)\s+){{0,3}}?)(?P<noun>{_IRREGULAR_PLURALS}|[a-z][\w-]*s)\b(?!['’]s)", re.I
)
_NOT_NOUNS = frozenset("is was has does goes says its this thus plus us as less was".split())


_FUNCTION_AFTER_ONE = frozenset(
    "of the and or but day time way more less other another thing point such last first year week month".split()
)


def _unit_after(
    text: str, end: int, currency: str | None, one: bool = False
) -> tuple[str | None, str | None, str | None, int]:
    """Unit, category and subject from what follows the number; and where the figure ends."""
    rest = text[end : end + 60]
    if currency:
        return _CURRENCY_SYMBOLS.get(currency.upper(), _CURRENCY_SYMBOLS.get(currency, "USD")), "money", None, end
    lowered = rest.lower()
    for words in sorted(_MEASURES, key=len, reverse=True):
        match = re.match(rf"^\s*{re.escape(words)}(?![\w])", lowered) if words != "%" else re.match(r"^\s*%", lowered)
        if match:
            unit, category = _MEASURES[words]
            new_end = end + match.end()
            subject = None
            if unit == "years" and re.match(r"^\s*old\b", lowered[match.end() :]):
                return "years", "age", None, new_end + len(re.match(r"^\s*old", lowered[match.end() :]).group(0))  # type: ignore[union-attr]
            return unit, category, subject, new_end
    money = re.match(r"^\s*(?:us\s+)?(" + "|".join(_CURRENCY_WORDS) + r")\b", lowered)
    if money:
        return _CURRENCY_WORDS[money.group(1)], "money", None, end + money.end()
    if re.match(r"^\s*of\s+(them|whom|us)\b", rest, re.I):
        return "people", None, None, end
    counted = re.match(r"^\s*(?:of\s+)?(?:(?:the|these|those)\s+)?", rest)
    offset = counted.end() if counted else 0
    noun = _COUNTED.match(rest[offset:])
    if noun and noun.group("noun").lower() not in _NOT_NOUNS:
        word = noun.group("noun").lower()
        adjectives = noun.group("adjs").split()
        joined = any(a.lower() in ("and", "or") for a in adjectives)
        function_words = (
            "of",
            "to",
            "in",
            "on",
            "the",
            "a",
            "from",
            "their",
            "his",
            "her",
            "its",
            "our",
            "with",
            "by",
            "at",
            "for",
            "as",
            "than",
            "that",
            "who",
            "which",
        )
        if not (any(a.lower() in function_words for a in adjectives) or (joined and word not in _PEOPLE)):
            unit = "people" if word in _PEOPLE else word
            return unit, None, word, end + offset + noun.end()
    if re.match(r"^\s*(dead|killed|injured|wounded|displaced)\b", lowered):
        return "people", None, None, end
    single = re.match(r"^\s+(?:[a-z][\w-]*-[\w-]+\s+)?(?P<noun>[a-z]{3,})\b", rest) if one else None
    if (
        single
        and single.group("noun") not in _NOT_NOUNS | _FUNCTION_AFTER_ONE | STOP_WORDS
        and not single.group("noun").endswith(("ly", "ing", "ed", "er", "est"))
        and single.group("noun") not in ("long", "short", "big", "small", "new", "old", "good", "bad", "high", "low")
    ):
        word = single.group("noun") + "s"  # "one toilet", "one out-of-county warrant": counted in the plural
        return ("people" if word in _PEOPLE else word), None, word, end + single.end()
    # "30 Boeing 787-9 jets": names and models between the number and what it counts
    ahead = re.match(
        r"^\s+(?:of\s+(?:the\s+)?)?((?:[A-Z][\w-]*|\d[\w-]*|['’]s)\s+){1,4}(?P<noun>[a-z][\w-]*s|"
        + _IRREGULAR_PLURALS
        + r")\b",
        rest,
    )
    if ahead and ahead.group("noun").lower() not in _NOT_NOUNS:
        word = ahead.group("noun").lower()
        return ("people" if word in _PEOPLE else word), None, word, end
    return None, None, None, end


def _counted_context(text: str, start: int, end: int) -> bool:
    return bool(re.match(r"^\s*(of them|of whom|were|have been|had been|people)\b", text[end : end + 20], re.I))


_MARKET = re.compile(r"\b(points?|index|indices|Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|CAC|Hang Seng)\b")


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): split at a period before a capital, or a line break."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 400), start)]
    sentence_start = breaks[-1] if breaks else max(0, start - 400)
    after = _SENTENCE_BREAK.search(text, end)
    return text[sentence_start : after.start() + 1 if after else len(text)]


def _category(text: str, start: int, end: int) -> str | None:
    """killed / injured / displaced / detained / population, from the figure's sentence."""
    window = _sentence(text, start, end)
    sentence_start = text.rfind(window, 0, end) if window else start
    best: tuple[int, str] | None = None
    for category, pattern in _CATEGORY_WORDS:
        for match in pattern.finditer(window):
            distance = abs(match.start() - (start - sentence_start))
            if best is None or distance < best[0]:
                best = (distance, category)
    return best[1] if best else None
