"""Publication dates in the ways news pages write them."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # weekday, full month name, day, year
        ("Friday, December 6, 2024", dt.date(2024, 12, 6)),
        # ISO date after a label
        ("date 2024-12-06", dt.date(2024, 12, 6)),
        # ISO date with a time
        ("2024-12-06 15:00:03", dt.date(2024, 12, 6)),
        # ISO timestamp in UTC
        ("2024-12-06T15:00:03Z", dt.date(2024, 12, 6)),
        # ISO timestamp with an offset: the local date is kept
        ("2024-12-06T23:30:00-05:00", dt.date(2024, 12, 6)),
        # slashes in ISO order
        ("2024/12/06", dt.date(2024, 12, 6)),
        # RSS pubDate
        ("Fri, 06 Dec 2024 15:00:00 GMT", dt.date(2024, 12, 6)),
        # the weekday decides: 5 December 2024 is a Thursday, 12 May is not
        ("Thu, 12/05/2024", dt.date(2024, 12, 5)),
        # the weekday decides the other way: 12 May 2024 is a Sunday
        ("Sun, 12/05/2024", dt.date(2024, 5, 12)),
        # the weekday decides for dots too
        ("Thu, 05.12.2024", dt.date(2024, 12, 5)),
        # no weekday, slashes: month first, as US sites write
        ("12/05/2024", dt.date(2024, 12, 5)),
        # slashes where only day first is a date
        ("13/05/2024", dt.date(2024, 5, 13)),
        # no weekday, dots: day first, as European sites write
        ("06.12.2024", dt.date(2024, 12, 6)),
        # ordinal day, abbreviated month, comma
        ("11th Dec, 2024", dt.date(2024, 12, 11)),
        # day, full month, year
        ("24 December 2024", dt.date(2024, 12, 24)),
        # "6th of December"
        ("6th of December 2024", dt.date(2024, 12, 6)),
        # abbreviated month first
        ("Dec 25, 2024", dt.date(2024, 12, 25)),
        # abbreviated month with a dot, inside a sentence
        ("Posted on Dec. 6, 2024 by staff", dt.date(2024, 12, 6)),
        # four-letter abbreviation
        ("Sept 3, 2024", dt.date(2024, 9, 3)),
        # the first date written wins, whatever its format
        ("Updated 3 May 2024, first published 1 Jan 2024", dt.date(2024, 5, 3)),
        # an impossible date is skipped for the next one
        ("31 Feb 2024, corrected 1 Mar 2024", dt.date(2024, 3, 1)),
        # 30 February does not exist
        ("2024-02-30", None),
        # nor does 31 February with dots
        ("31.02.2024", None),
        # no date at all
        ("no date here", None),
        # a month and year are not a date
        ("May 2024", None),
        # years outside 1900-2099 are not publication dates
        ("Mar 12, 1899", None),
        # eight digits in a row are not read as a date
        ("20241206", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the span covers the date only, not the label before it
        ("date 2024-12-06", (dt.date(2024, 12, 6), 5, 15)),
        # the span includes the weekday, so a caller can cut it out with the date
        ("Thu, 12/05/2024 | World", (dt.date(2024, 12, 5), 0, 15)),
        # the span stops before the time
        ("2024-12-06 15:00:03", (dt.date(2024, 12, 6), 0, 10)),
        # the span of a date inside a sentence
        ("Posted on Dec. 6, 2024 by staff", (dt.date(2024, 12, 6), 10, 22)),
        # nothing found
        ("Onwards to Homs?", None),
    ],
)
def test_find_date_span(text: str, expected: tuple[dt.date, int, int] | None) -> None:
    assert find_date(text) == expected
