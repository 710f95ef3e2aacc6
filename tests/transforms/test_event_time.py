"""Event dates read from an article's text, resolved against its publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.event_time import read_event_dates

FRIDAY = dt.date(2024, 12, 6)
THURSDAY = dt.date(2024, 12, 5)


def _days(text: str, published: dt.date | None) -> list[tuple[str, str]]:
    return [(d.first.isoformat(), d.last.isoformat()) for d in read_event_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday is the latest such day on or before publication
        ("Rebels took the town on Thursday.", FRIDAY, [("2024-12-05", "2024-12-05")]),
        # published that very weekday: the same day
        ("Rebels took the town on Thursday.", THURSDAY, [("2024-12-05", "2024-12-05")]),
        # American style, with no "on"
        ("The mayor said Thursday that the bridge would reopen.", FRIDAY, [("2024-12-05", "2024-12-05")]),
        # "last Friday" in a Friday article is a week back, not the same day
        ("The plant closed last Friday.", FRIDAY, [("2024-11-29", "2024-11-29")]),
        # future tense looks forward
        ("The council will vote on Monday.", FRIDAY, [("2024-12-09", "2024-12-09")]),
        ("Talks resume next Tuesday.", FRIDAY, [("2024-12-10", "2024-12-10")]),
        # a written day and month take the nearest year
        ("The strike began on 2 December.", FRIDAY, [("2024-12-02", "2024-12-02")]),
        ("The strike began on December 2nd.", FRIDAY, [("2024-12-02", "2024-12-02")]),
        ("The fire started on 30 December.", dt.date(2025, 1, 3), [("2024-12-30", "2024-12-30")]),
        # a weekday written with its date is one date, not two
        ("Voting ends on Friday, 6 December 2024.", FRIDAY, [("2024-12-06", "2024-12-06")]),
        # relative days and weeks
        ("Last week, the company cut jobs.", FRIDAY, [("2024-11-25", "2024-12-01")]),
        ("Police were called yesterday.", FRIDAY, [("2024-12-05", "2024-12-05")]),
        ("The shop closed two weeks ago.", FRIDAY, [("2024-11-19", "2024-11-25")]),
        ("Earlier this week, the river rose.", FRIDAY, [("2024-12-02", "2024-12-06")]),
        # history is not the event: a year alone, or a date far from publication
        ("The town was flooded in 1982.", FRIDAY, []),
        ("The law was passed on 7 March 2019.", FRIDAY, []),
        # a date on a line of its own is the page's stamp, not an event
        ("Friday, December 6, 2024\nThe bridge reopened.", FRIDAY, []),
        # a lowercase weekday-like word is not a weekday
        ("He spoke of a black friday sale.", FRIDAY, []),
    ],
)
def test_read_event_dates(text: str, published: dt.date, expected: list[tuple[str, str]]) -> None:
    assert _days(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # without a publication date a weekday cannot be placed
        ("Rebels took the town on Thursday.", []),
        # but a date with its year can
        ("Rebels took the town on 5 December 2024.", [("2024-12-05", "2024-12-05")]),
        # and a day with no year cannot
        ("Rebels took the town on 5 December.", []),
    ],
)
def test_read_event_dates_without_a_publication_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert _days(text, None) == expected


def test_read_event_dates_spans_and_order() -> None:
    text = "On Monday the talks failed. Last week, the strike began."
    found = read_event_dates(text, FRIDAY)
    # in text order, each with the span of its expression
    assert [text[d.start_char : d.end_char] for d in found] == ["Monday", "Last week"]
