"""When the events an article reports happened, from the dates its text gives.

News dates its events relative to its own publication: "on Thursday" in an article published
on a Friday is the day before, "last week" the week before, "on 6 December" the nearest 6
December. Each expression is resolved against the publication date into a range of days
(one day for a weekday or a written date, seven for a week). Only dates near the publication
count as the event's time: a written date far from it ("in 1982", "on 7 March 2019") is
background, not the news. Dates standing on a line of their own are page stamps, not
events, so a written date counts only after a word that places an event on it ("on",
"since", "until" ...), while a weekday counts anywhere in running text ("said Thursday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms.lexicon import MONTHS, WEEKDAYS

_MONTH_NUMBERS = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBERS.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_NUMBERS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_CUE = r"\b(?:on|since|from|until|till|by|before|after|through|between|and|to|during|of|as of)\s+"
_WEEKDAY_PREFIX = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

# "on December 6", "since Dec. 6th, 2024", "until 6 December", "on Friday, 6 December 2024"
_WRITTEN = re.compile(
    _CUE + _WEEKDAY_PREFIX + r"(?:" + _MONTH + r"\s+" + _DAY + r"|"
    + _DAY.replace("day>", "day2>") + r"\s+(?:of\s+)?" + _MONTH.replace("month>", "month2>") + r")\b"
    + _YEAR + r"(?!\d)",
    re.I,
)
# A weekday in running text: capitalised, optionally after "last", "next", "this", "on" ...
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>last|next|this|on|since|until|by|early|late)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+\d)(?!,?\s+(?:"
    + "|".join(m.capitalize() for m in MONTHS) + r"))",
    re.I,
)
# Days and weeks counted from the publication date.
_RELATIVE = re.compile(
    r"\b(?P<phrase>yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|"
    r"(?:earlier |later )?this week|last week|last weekend|over the weekend|this weekend|"
    r"(?P<count>a|one|two|three|four|five|six|\d{1,2}) (?P<unit>days?|weeks?) ago)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|to be|due|scheduled|expected|plans? to|next)\b[^.!?;]{0,40}$", re.I)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Words one of the patterns above must contain: the patterns run only in windows around them,
# since running them over a whole article costs ten times more than finding these words.
_TRIGGERS = frozenset(
    {*_MONTH_NUMBERS, *WEEKDAYS, "yesterday", "today", "tonight", "morning", "afternoon", "evening",
     "night", "week", "weekend", "ago"}
)
_TOKEN = re.compile(r"[A-Za-z]+")
_BEFORE, _AFTER = 40, 30  # characters around a trigger word that a pattern can span


@dataclass(frozen=True)
class EventDate:
    """A date expression in an article's text, resolved to the range of days it names."""

    first: dt.date  # first day of the range
    last: dt.date  # last day of the range (== first for a single day)
    start_char: int  # span of the expression in the text
    end_char: int


def read_event_dates(
    text: str, published: dt.date | None, *, lookback_days: int = 31, lookahead_days: int = 7
) -> list[EventDate]:
    """The event dates the text gives, resolved against the publication date, in text order.

    Dates more than lookback_days before or lookahead_days after publication are background
    and left out. Without a publication date only fully written dates (with a year) are read.
    """
    found: list[EventDate] = []
    windows = _windows(text)
    for match in _matches(_WRITTEN, text, windows):
        day_range = _written(match, published)
        if day_range is not None:
            found.append(EventDate(day_range[0], day_range[1], match.start(), match.end()))
    if published is not None:
        for match in _matches(_WEEKDAY, text, windows):
            if not match.group("weekday")[0].isupper() or _in_spans(match.start(), found):
                continue
            day = _weekday(match, text, published)
            if day is not None:
                found.append(EventDate(day, day, match.start("weekday"), match.end()))
        for match in _matches(_RELATIVE, text, windows):
            first, last = _relative(match, published)
            found.append(EventDate(first, last, match.start(), match.end()))
    if published is not None:
        low = published - dt.timedelta(days=lookback_days)
        high = published + dt.timedelta(days=lookahead_days)
        found = [d for d in found if d.last >= low and d.first <= high]
    return sorted(found, key=lambda d: d.start_char)


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of the text around trigger words, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for token in _TOKEN.finditer(text):
        if token.group().lower() in _TRIGGERS:
            start, end = max(0, token.start() - _BEFORE), token.end() + _AFTER
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows


def _matches(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The pattern's matches inside the windows (a match is found from where it starts)."""
    found: dict[int, re.Match[str]] = {}
    for start, end in windows:
        position = start
        while (match := pattern.search(text, position, end)) is not None:
            found.setdefault(match.start(), match)
            position = max(match.end(), match.start() + 1)
    return [found[k] for k in sorted(found)]


def _in_spans(position: int, dates: list[EventDate]) -> bool:
    return any(d.start_char <= position < d.end_char for d in dates)


def _written(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    month_name = (match.group("month") or match.group("month2")).lower()
    month = _MONTH_NUMBERS[month_name]
    day = int(match.group("day") or match.group("day2"))
    if match.group("year"):
        date = _safe_date(int(match.group("year")), month, day)
        return (date, date) if date is not None else None
    if published is None:
        return None
    # the year that puts the date nearest the publication ("on 28 December" in a January article)
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    if not options:
        return None
    date = min(options, key=lambda d: (abs((d - published).days), d))
    return date, date


def _weekday(match: re.Match[str], text: str, published: dt.date) -> dt.date | None:
    weekday = WEEKDAYS.index(match.group("weekday").lower())
    which = (match.group("which") or "").lower()
    back = (published.weekday() - weekday) % 7  # days back to the latest such weekday (0: the same day)
    future = which == "next" or (which != "last" and _FUTURE.search(text, max(0, match.start() - 60),
                                                                    match.start()) is not None)
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if which == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _relative(match: re.Match[str], published: dt.date) -> tuple[dt.date, dt.date]:
    phrase = match.group("phrase").lower()
    monday = published - dt.timedelta(days=published.weekday())
    if phrase == "yesterday" or phrase == "last night":
        day = published - dt.timedelta(days=1)
        return day, day
    if phrase in {"today", "tonight"} or phrase.startswith("this ") and phrase.endswith(("ing", "noon")):
        return published, published
    if phrase.endswith("this week"):
        return monday, published
    if phrase == "last week":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if phrase == "this weekend":
        saturday = monday + dt.timedelta(days=5)
        return saturday, saturday + dt.timedelta(days=1)
    if phrase in {"last weekend", "over the weekend"}:
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        return saturday, saturday + dt.timedelta(days=1)
    count_word = match.group("count").lower()
    count = _COUNTS.get(count_word) or int(count_word)
    days = count * (7 if match.group("unit").lower().startswith("week") else 1)
    day = published - dt.timedelta(days=days)
    # "two weeks ago" is rounded speech: a range of a few days around it
    slack = 0 if days < 7 else 3
    return day - dt.timedelta(days=slack), day + dt.timedelta(days=slack)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
