"""Publication dates from the many ways news writes them.

"Friday, December 6, 2024", "2024-12-06 15:00:03", "Thu, 12/05/2024", "11th Dec, 2024",
"24 December 2024". An all-numeric day/month order is decided by a weekday written beside
it when there is one (Thu, 12/05/2024 is 5 December: a Thursday), else month first for
slashes and day first for dots, as US and European sites write them.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_WEEKDAYS = {
    d: i
    for i, names in enumerate(
        [("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"),
         ("thu", "thur", "thurs", "thursday"), ("fri", "friday"), ("sat", "saturday"),
         ("sun", "sunday")]
    )
    for d in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"

DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        # 2024-12-06, 2024/12/06, 2024.12.06 (ISO order), optionally with a time after it
        r"(?<!\d)" + _YEAR_RE + r"[-/.](?P<mnum>[01]?\d)[-/.](?P<dnum>[0-3]?\d)(?!\d)",
        # Friday, December 6, 2024 / Dec 25, 2024 / December 6th 2024
        r"(?:\b" + _WEEKDAY_RE + r")?\b" + _MONTH_RE + r"\s+" + _DAY_RE + r",?\s+" + _YEAR_RE + r"\b",
        # 24 December 2024 / 11th Dec, 2024 / Friday 6 December 2024
        r"(?:\b" + _WEEKDAY_RE + r")?\b" + _DAY_RE + r"\s+(?:of\s+)?" + _MONTH_RE + r",?\s+" + _YEAR_RE + r"\b",
        # Thu, 12/05/2024 / 06.12.2024 / 12-05-2024 (order decided below)
        r"(?:\b" + _WEEKDAY_RE + r")?(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
        + _YEAR_RE
        + r"(?![\d/.-])",
    )
)


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """Find the first date written in text; return (date, start, end) or None."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _to_date(match)
            if date is not None:
                if best is None or match.start() < best[1]:
                    best = (date, match.start(), match.end())
                break
    return best


def parse_date(value: str) -> dt.date | None:
    """Parse a date string in any common news format, or None."""
    found = find_date(value)
    return found[0] if found else None


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    weekday = _WEEKDAYS.get((groups.get("weekday") or "").lower().rstrip("."))
    if groups.get("mnum"):
        return _safe_date(year, int(groups["mnum"]), int(groups["dnum"]))
    if groups.get("month"):
        month = _MONTHS[groups["month"].lower().rstrip(".")]
        return _safe_date(year, month, int(groups["day"]))
    a, b = int(groups["a"]), int(groups["b"])
    month_first = _safe_date(year, a, b)
    day_first = _safe_date(year, b, a)
    candidates = [d for d in (month_first, day_first) if d is not None]
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday] or candidates
    if len(candidates) == 2 and groups["sep"] == ".":
        return day_first
    return candidates[0] if candidates else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
