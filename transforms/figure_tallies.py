"""Tallies and records: two numbers that are two figures ("voted 52 to 48", "a 5-4 decision", "ahead 48 to
42" in a poll), the words of a win-loss record ("won 9 of 11") that make a bare number count games, and
cricket's scores (a side's "4 for 210" is no figure, a batsman "out for 58" scored runs)."""

from __future__ import annotations

import re

from transforms.figure_context import poll_shares
from transforms.figure_spans import Found, sentence_around
from transforms.figure_units import counted_unit
from transforms.numbers import WORD_NUMBER, parse_number
from transforms.units import measure_of

# a win-loss record without a noun counts games: "won 9 of 11", "lost three of their last six"
RECORD_VERB = r"(?:won|lost|drew|dropped|wins?|loses|losing|winning)"
RECORD_NEAR = re.compile(rf"\b{RECORD_VERB}\b", re.I)
_RECORD_COUNT = r"(?:\d{1,2}|" + WORD_NUMBER + ")"  # games of a record: a small number
# "of their last", "out of the first": what stands between the wins and the games played
_RECORD_OF_WORDS = r"(?:out\s+)?of\s+(?:(?:the|their|its|his|her)\s+)?(?:(?:last|past|first|previous|next)\s+)?"
RECORD_OF = re.compile(rf"^\s+{_RECORD_OF_WORDS}{_RECORD_COUNT}(?![\w-])(?:\s+(?P<next>[a-z]+))?", re.I)
RECORD_WHOLE = re.compile(rf"\b{RECORD_VERB}\s+{_RECORD_COUNT}\s+{_RECORD_OF_WORDS}$", re.I)

_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:ed|es?|ing)|ruled|passed|approved|rejected|failed|confirmed|defeated|split|tally|"
    r"(?:margin|count|ballot) of|sided)[,:]?\s+(?:(?:the\s+)?[\w'’-]+\s+){0,3}(?:by\s+)?(?:an?\s+)?$",
    re.I,
)
# "a 5-4 decision", "a 5-to-4 pro-business majority": a word of a vote after, past one modifier
_TALLY_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:vote|votes|decision|ruling|majority|margin|tally|verdict)\b", re.I)
_SPLIT_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:tie|split|deadlock)\b", re.I)
# the bodies that vote: a split or a tie there is one of votes ("a 4-to-4 tie at the court"), elsewhere of goals,
# shares or profits ("a 1-1 tie", "a 50-50 split of the profits")
_VOTING_BODY = re.compile(
    r"\b(?:court|justices|judges|senate|senators|house|council|board|committee|panel|jury|jurors|legislature|"
    r"chamber|commission|vot(?:e|es|ed|ing)|ruling)\b",
    re.I,
)


def _tally_word_after(text: str, start: int, end: int) -> bool:
    """A word of a vote after a tally ("a 5-4 decision"), or a split or tie in a sentence about a voting body."""
    if _TALLY_AFTER.match(text[end : end + 40]):
        return True
    return bool(_SPLIT_AFTER.match(text[end : end + 40]) and _VOTING_BODY.search(sentence_around(text, start, end)))


# "ahead 800 to 650 in delegates": a tally of what follows "in"
_TALLY_IN = re.compile(r"^\s+in\s+(?:(?:pledged|bound|electoral|popular)\s+)?(?P<noun>[a-z]+s)\b", re.I)


# a candidate's lead or deficit against a named rival just before the two numbers: "Lee trails Kim", "leads Kim by"
_RIVAL_BEFORE = re.compile(
    r"\b(?:leads?|led|leading|trails?|trailed|trailing|tops|topped|edges|edged)\s+(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"(?:by\s+)?$"
)
_DELEGATES = re.compile(r"\bdelegates?\b", re.I)


def read_tally(text: str, match: re.Match[str]) -> list[Found] | None:
    """Two figures for a tally of votes or delegates ("voted 52 to 48", "a 5-4 decision"), else None.

    Game scores stay out: a tally needs a vote before it, a vote noun after it or the counted noun."""
    if match.group("cur") or match.group("cur2") or match.group("range_sep").lower() not in ("-", "–", "to", "-to-"):
        return None
    first, second = parse_number(match.group("number")), parse_number(match.group("number2"))
    if first is None or second is None or first.vague or second.vague:
        return None
    if not all(
        re.fullmatch(r"\d{1,3}(?:,\d{3})*|[a-z]+", g.strip(), re.I)
        for g in (match.group("number"), match.group("number2"))
    ):
        return None
    start, end = match.span("figure")
    if match.start("number") > start:
        return None  # "about 30 to 40 inmates": a hedged pair is a range; a tally is never hedged
    if re.match(r"[\s-]*years?[\s-]*olds?\b", text[end : end + 12], re.I):
        return None  # "18-to-34-year-olds": an age group
    before = text[max(0, start - 60) : start]
    if re.search(r"\b(?:from|between)\s+$", before, re.I):
        return None  # "rose from 10 to 20": a change or a range, not a tally
    counted = _TALLY_IN.match(text[end : end + 40])
    if counted and measure_of(counted.group("noun")) is not None:
        return None  # "3 to 1 in minutes": a unit of measure, not what was counted
    unit, category = "votes", "count"
    if counted:
        unit = counted_unit(counted.group("noun").lower())
    elif _TALLY_BEFORE.search(before) or _tally_word_after(text, start, end):
        pass
    elif second.low <= first.low <= 100 and poll_shares(text, start, end):
        # "ahead by 6 points (48 to 42)", "tied at 41-41": the two shares of a poll (a range rises)
        unit, category = "percent", "percent"
    elif _RIVAL_BEFORE.search(before) and _DELEGATES.search(text, max(0, start - 200), end + 120):
        unit = "people"  # "Lee trails Kim 458 to 359" in a race for delegates: the delegates each holds (the
        # race named in the sentence or the one before)
    else:
        return None
    figures = []
    for group, number in (("number", first), ("number2", second)):
        a, b = match.span(group)
        figures.append(
            Found(start=a, end=b, low=number.low, high=number.low, qualifier="exact", unit=unit, category=category)
        )
    return figures


# words that make a passage one of cricket (two of them within a few sentences)
_CRICKET = re.compile(
    r"\b(?:wickets?|innings|batsm[ae]n|bowl(?:ed|er|ers|ing)|stumps|overs|lbw|leg\s+before|run\s+out|Test)\b"
)
# a side's score as wickets for runs: "4 for 210", "none for 80"
_WICKETS_FOR_RUNS = re.compile(
    r"(?<![\w.,$£€])(?:10|[0-9]|no|none|one|two|three|four|five|six|seven|eight|nine|ten)\s+for\s+\d{1,3}"
    r"(?![\w.,]?\d)",
    re.I,
)
# where a batsman's or a partnership's runs stand: "out for 58", "is on 64", "adding 113", "set 440 to win"
_RUNS_BEFORE = re.compile(r"\b(?:for|on|adding|added|add|adds|set)\s+\Z", re.I)


def _cricket_near(text: str, start: int, end: int) -> bool:
    return len(_CRICKET.findall(text, max(0, start - 300), end + 300)) >= 2


def cricket_pairs(text: str) -> list[tuple[int, int]]:
    """The spans of the sides' scores in cricket passages ("were 4 for 210 at stumps"): a pair, no figure."""
    if " for " not in text or not _CRICKET.search(text):
        return []
    return [m.span() for m in _WICKETS_FOR_RUNS.finditer(text) if _cricket_near(text, *m.span())]


def cricket_runs(text: str, figure: Found) -> bool:
    """True when a bare whole number in a cricket passage is runs: "out for 58", "on 64", "adding 113"."""
    at_set = re.search(r"\bset\s+\Z", text[max(0, figure.start - 5) : figure.start], re.I)
    return (
        figure.qualifier == "exact"
        and figure.low == figure.high == int(figure.low)
        and 0 <= figure.low < 1000
        and _RUNS_BEFORE.search(text, max(0, figure.start - 8), figure.start) is not None
        and (not at_set or re.match(r"\s+to\s+win\b", text[figure.end : figure.end + 8]) is not None)
        and _cricket_near(text, figure.start, figure.end)
    )
