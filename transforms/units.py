"""Units and currencies: what follows (or precedes) a number and what it measures.

Unit names, spellings, plurals, prefixes and symbols come from pint's registry ("kilometres",
"kWh", "mph", "GB", "°C"); currencies by symbol, ISO code and English name from babel's CLDR
tables. Both load lazily, once per process. This module only says which pint units news
reports (`_MEASURE_UNITS`), the short label each gets, and how compound units are written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from transforms.figure_categories import category_of_dimension
from transforms.lexicon import STOP_WORDS


@dataclass(frozen=True)
class Measure:
    """A unit of measure found after a number: its label, category, scale and where it ends."""

    unit: str
    category: str
    factor: float  # multiply the number by this ("two decades" = 20 years, "25 cents" = 0.25 USD)
    end: int  # offset just after the unit in the text


# pint unit names news reports, with the label each gets; anything else pint knows (a "hand",
# a "chain", a "point" of type) is an English word here, not a unit
_MEASURE_UNITS = {
    "meter": "m",
    "kilometer": "km",
    "centimeter": "cm",
    "millimeter": "mm",
    "mile": "miles",
    "foot": "feet",
    "inch": "inches",
    "yard": "yards",
    "nautical_mile": "nautical miles",
    "liter": "litres",
    "milliliter": "ml",
    "gallon": "gallons",
    "barrel": "barrels",
    "oil_barrel": "barrels",
    "gram": "grams",
    "kilogram": "kg",
    "milligram": "mg",
    "metric_ton": "tonnes",
    "ton": "tons",
    "pound": "lb",
    "ounce": "oz",
    "acre": "acres",
    "hectare": "hectares",
    "second": "seconds",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "watt": "W",
    "kilowatt": "kW",
    "megawatt": "MW",
    "gigawatt": "GW",
    "terawatt": "TW",
    "watt_hour": "Wh",
    "kilowatt_hour": "kWh",
    "megawatt_hour": "MWh",
    "gigawatt_hour": "GWh",
    "terawatt_hour": "TWh",
    "horsepower": "hp",
    "kilobyte": "KB",
    "megabyte": "MB",
    "gigabyte": "GB",
    "terabyte": "TB",
    "petabyte": "PB",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "mile_per_hour": "mph",
    "kilometer_per_hour": "km/h",
    "knot": "knots",
    "degree": "degrees",
}
# time words that scale to a unit above: "two decades" = 20 years
_LONG_PERIODS = {
    "decade": ("years", 10.0),
    "decades": ("years", 10.0),
    "century": ("years", 100.0),
    "centuries": ("years", 100.0),
}
_AREA = {"km": "km2", "m": "m2", "miles": "mi2", "feet": "ft2"}
_VOLUME = {"feet": "ft3", "m": "m3", "inches": "in3"}
_UNIT_PHRASE = re.compile(
    r"[ \t]?-?[ \t]?(?P<phrase>"
    r"(?:square|sq\.?|cubic|cu\.?)[ \t-]?[a-zA-Z]+\.?"  # "square feet", "1,200-square-foot"
    r"|°\s?[CF]\b|degrees?\s+(?:celsius|fahrenheit|centigrade)"
    r"|[a-zA-Z]+[- ]?watt[- ]hours?|watt[- ]hours?"
    r"|(?:metric|short)\s+tons?|nautical\s+miles?"
    r"|[a-zA-Z]+\s+per\s+hour|km/h|kph|lb-ft|pound-feet|foot-pounds"
    r"|[a-zA-Z][a-zA-Z.]*)",
    re.I,
)


@functools.cache
def _registry() -> Any:
    """pint's unit registry, built once per process on first use (about half a second)."""
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=50_000)  # bounded: the words after numbers in a large corpus are many
def measure_of(phrase: str) -> tuple[str, str, float] | None:
    """(label, category, factor) for a unit phrase ("kilometres", "kWh", "square miles"), or None."""
    text = " ".join(phrase.replace("-", " ").split())
    lowered = text.lower().rstrip(".")
    if lowered in _LONG_PERIODS:
        label, factor = _LONG_PERIODS[lowered]
        return label, "duration", factor
    if lowered in ("lb ft", "pound feet", "foot pounds"):
        return "lb-ft", "other", 1.0
    if lowered in ("db", "dba", "decibel", "decibels"):
        return "dB", "other", 1.0  # a level of sound; pint's decibel is logarithmic and knows no "dBA"
    if lowered in ("kph", "km/h"):
        return "km/h", "speed", 1.0
    if lowered in ("nautical mile", "nautical miles"):
        return "nautical miles", "distance", 1.0  # two words, which the lookup below does not take
    power = re.fullmatch(r"(\w*?) ?watt hours?", lowered)
    if power:
        text = power.group(1) + "watt_hour"
    per_hour = re.fullmatch(r"(\w+) per hour", lowered)
    if per_hour:
        base = measure_of(per_hour.group(1))
        if base is None or base[1] != "distance":
            return None
        return ("mph" if base[0] == "miles" else f"{base[0]}/h"), "speed", 1.0
    celsius = re.fullmatch(r"(?:°\s?|degrees? )(c|f|celsius|fahrenheit|centigrade)", lowered)
    if celsius:
        return ("°F" if celsius.group(1).startswith("f") else "°C"), "temperature", 1.0
    metric = re.fullmatch(r"(metric|short) tons?", lowered)
    if metric:
        return ("tonnes" if metric.group(1) == "metric" else "tons"), "mass", 1.0
    shaped = re.fullmatch(r"(square|sq\.?|cubic|cu\.?) ?([a-z]+)", lowered)
    if shaped:
        base = measure_of(shaped.group(2))
        if base is None or base[1] != "distance":
            return None
        table = _AREA if shaped.group(1).startswith("s") else _VOLUME
        shaped_label = table.get(base[0])
        return (shaped_label, "area" if table is _AREA else "volume", 1.0) if shaped_label else None
    words = text.split()
    if len(words) != 1 and not text.endswith("watt_hour"):
        return None
    word = words[0] if len(words) == 1 else text
    if len(word) < 2 or len(word) <= 3 and word.lower() in STOP_WORDS:
        return None  # "a" is a year in pint, "in" an inch, "at" an atmosphere: English words here
    name = _unit_name(word)
    if name is None:
        return None
    label = _MEASURE_UNITS[name]
    return label, category_of_dimension(label), 1.0


def _unit_name(word: str) -> str | None:
    """pint's name for a unit word, if it is one news reports."""
    registry = _registry()
    for candidate in (word, word.lower()) if not word.isupper() or len(word) > 3 else (word,):
        try:
            parsed = registry.parse_unit_name(candidate, case_sensitive=True)
        except Exception:  # pint raises several types for words it cannot read
            continue
        for prefix, name, _suffix in parsed:
            full = prefix + name if prefix else name
            if full in _MEASURE_UNITS:
                return full
    return None


# degrees with the scale's letter glued to the number ("38C", "95F"), read only near words of temperature ("flat
# 38C" is an address)
_GLUED_DEGREES = re.compile(r"[CF](?![\w°'’])")
_TEMPERATURE_WORDS = re.compile(r"\b(?:temperatures?|degrees|maximum|minimum|heat(?:wave)?|mercury|celsius)\b", re.I)


def glued_degrees(text: str, end: int) -> bool:
    """True when the number ending at end is a temperature written "38C" or "95F"."""
    return bool(
        text[end - 1 : end].isdigit()
        and _GLUED_DEGREES.match(text, end)
        and _TEMPERATURE_WORDS.search(text, max(0, end - 100), end + 60)
    )


def measure_after(text: str, end: int) -> Measure | None:
    """The unit of measure that follows a number ending at end, if any."""
    if glued_degrees(text, end):
        return Measure("°C" if text[end] == "C" else "°F", "temperature", 1.0, end + 1)
    match = _UNIT_PHRASE.match(text, end)
    if not match:
        return None
    phrase = match.group("phrase")
    candidates = [phrase]
    words = phrase.split()
    if len(words) > 1:
        candidates.append(words[0])
    for candidate in candidates:
        found = measure_of(candidate.rstrip("."))
        if found is not None:
            label, category, factor = found
            stop = match.start("phrase") + len(candidate.rstrip("."))
            if candidate.endswith(".") and re.match(r"(?:cu|sq)\.", candidate, re.I):
                stop = match.start("phrase") + len(candidate)
            extent = re.match(r"-(?:wide|long|high|deep|tall|thick)\b", text[stop : stop + 7])
            return Measure(label, category, factor, stop + (extent.end() if extent else 0))  # "1,900-mile-wide"
    return None


# ---- currencies ---------------------------------------------------------------------------

# When one symbol or name is shared by several currencies, news in English means this one
# (babel lists them all; this only breaks ties).
_PREFERRED = {
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "rs": "INR",
    "kr": "SEK",
    "s$": "SGD",
    "dollar": "USD",
    "pound": "GBP",
    "rupee": "INR",
    "peso": "MXN",
    "franc": "CHF",
    "krona": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "dinar": "KWD",
    "riyal": "SAR",
    "rial": "IRR",
    "shilling": "KES",
    "won": "KRW",
    "dirham": "AED",
    "lira": "TRY",
    "ruble": "RUB",
    "rouble": "RUB",
    "real": "BRL",
    "yen": "JPY",
    "yuan": "CNY",
}
# everyday names of a currency that CLDR does not list
_SLANG_NAMES = {"buck": "USD", "bucks": "USD", "quid": "GBP"}
# ISO codes that are also English words in capitals ("TOP 10", "ALL 5 ...")
_CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "BAM", "GEL", "MAD", "PEN", "TRY", "SOS", "WST"})


@dataclass(frozen=True)
class CurrencyTables:
    """Currency symbols, names and ISO codes, lowercased keys to ISO 4217 codes."""

    symbols: dict[str, str]
    names: dict[str, str]
    codes: frozenset[str]
    symbol_pattern: str
    name_pattern: str


@functools.cache
def currencies() -> CurrencyTables:
    """The currency tables from babel's CLDR data, built once per process."""
    from babel import Locale, localedata
    from babel import numbers as cldr

    current: set[str] = set()
    for territory in Locale("en").territories:
        try:
            current.update(cldr.get_territory_currencies(str(territory)))
        except Exception:  # some CLDR regions (continents) have no currency
            continue
    symbols: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for code in sorted(current):
        symbol = cldr.get_currency_symbol(code, "en")
        if symbol != code:
            symbols.setdefault(symbol, set()).add(code)
        for count in (1, 2):
            name = cldr.get_currency_name(code, count=count, locale="en").lower()
            names.setdefault(name, set()).add(code)
            names.setdefault(name.replace("us ", "u.s. "), set()).add(code)
            names.setdefault(name.split()[-1], set()).add(code)  # "rupees", "naira"
    for identifier in localedata.locale_identifiers():
        # "₦" in Nigerian English, "Rs" in Pakistani: each English locale's own currency symbol
        if not identifier.startswith("en_"):
            continue
        territory = identifier.split("_")[-1]
        try:
            local = cldr.get_territory_currencies(territory)
        except Exception:  # a locale without a territory
            continue
        for code in local:
            symbol = cldr.get_currency_symbol(code, identifier)
            if symbol != code and (len(symbol) > 1 or not symbol.isascii()):
                symbols.setdefault(symbol, set()).add(code)
    for slang, code in _SLANG_NAMES.items():  # "20 bucks", "50 quid": CLDR lists no slang
        names.setdefault(slang, set()).add(code)
    for dollar in ("AUD", "CAD", "SGD", "NZD", "HKD"):
        # "A$", "C$", "S$": the territory's initial before the dollar sign
        symbols.setdefault(dollar[0] + "$", set()).add(dollar)
    chosen_symbols = {s: _choose(s, codes) for s, codes in symbols.items()}
    chosen_names = {n: _choose(n, codes) for n, codes in names.items()}
    chosen_symbols = {s: c for s, c in chosen_symbols.items() if c}
    chosen_names = {n: c for n, c in chosen_names.items() if c and n not in STOP_WORDS}
    return CurrencyTables(
        symbols=chosen_symbols,  # type: ignore[arg-type]
        names=chosen_names,  # type: ignore[arg-type]
        codes=frozenset(current - _CODE_WORDS),
        symbol_pattern="|".join(re.escape(s) for s in sorted(chosen_symbols, key=len, reverse=True)),
        name_pattern="|".join(re.escape(n) for n in sorted(chosen_names, key=len, reverse=True)),
    )


def _choose(key: str, codes: set[str]) -> str | None:
    """The one currency a symbol or name means: the preferred one, else its only one."""
    preferred = _PREFERRED.get(key.lower()) or _PREFERRED.get(key.lower().rstrip("s"))
    if preferred:
        return preferred
    return next(iter(codes)) if len(codes) == 1 else None


def currency_of_symbol(symbol: str) -> str | None:
    """ISO code of a currency symbol or code written before a number ("$", "₹", "Rs", "USD")."""
    tables = currencies()
    if symbol.isupper() and symbol in tables.codes:
        return symbol
    return tables.symbols.get(symbol)


def _british(text: str) -> bool:
    """True when a text writes money in sterling or is about Britain, so "pounds" are money."""
    return "£" in text or bool(re.search(r"\b(?:sterling|British|Britain|UK|U\.K\.|England|London|Scotland)\b", text))


@functools.cache
def _name_after() -> re.Pattern[str]:
    """A currency name at the start of a string, compiled once per process."""
    return re.compile(rf"^(?:\s*|-)({currencies().name_pattern})(?![\w])", re.I)  # "a 300-euro fine"


def currency_after(text: str, end: int) -> tuple[str, float, int] | None:
    """(ISO code, factor, end) of a currency named after a number ("dollars", "euro", "USD", "cents")."""
    rest = text[end : end + 40]
    minor = re.match(r"^(?:\s*|-)(?:(?:us|u\.s\.)\s+)?(cents?|pence|paise)\b|^p\b", rest, re.I)
    if minor:
        code = "GBP" if minor.group(0).strip().lower() in ("p", "pence") else "INR" if "paise" in rest[:8] else "USD"
        return code, 0.01, end + minor.end()
    iso = re.match(r"^\s*([A-Z]{3})\b", rest)
    if iso and iso.group(1) in currencies().codes:
        return iso.group(1), 1.0, end + iso.end()
    # "millions of dollars", and one word between "of" and the name: "millions of taxpayer dollars"
    for of in (r"^\s*of\s+", r"^\s*of\s+[a-z][\w-]*\s+"):
        after_of = re.sub(of, " ", rest)
        name = _name_after().match(after_of)
        if name:
            found = currencies().names.get(name.group(1).lower())
            if found == "GBP" and name.group(1).lower().startswith("pound") and not _british(text):
                return None  # "he weighed 243 pounds": without a pound sign or Britain in sight, pounds weigh
            if found == "USD" and name.group(1).lower() in ("dollar", "dollars"):
                found = _dollars_named_before(text, end) or found  # "10 Canadian dollars ... to 30 dollars"
            if found:
                return found, 1.0, end + name.end() + len(rest) - len(after_of)
    return None


# an amount of a country's dollars ("10 Canadian dollars", "1.7 billion Australian dollars"), not the currency as a
# thing traded ("traders sold the Australian dollar")
_DOLLARS_NAMED = re.compile(
    r"(?:\d|\b(?:hundred|thousand|million|billion|trillion))\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?|U\.S\.|US|United States)"
    r"\s+dollars?\b"
)


def _dollars_named_before(text: str, end: int) -> str | None:
    """The code of the dollars a text named last before end ("Canadian dollars"), when it named no U.S. dollars
    after them: bare "dollars" then mean those."""
    named = None
    for match in _DOLLARS_NAMED.finditer(text, max(0, end - 800), end):
        code = currencies().names.get(f"{match.group(1).lower()} dollars")
        named = None if match.group(1) in ("U.S.", "US", "United States") else code or named
    return named
