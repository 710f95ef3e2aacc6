"""Datelines: the place a story was filed from, before its first sentence."""

from __future__ import annotations

import pytest

from transforms.datelines import find_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "whole_line", "rest"),
    [
        # wire style: ALL-CAPS city, region, agency, em dash
        ("BEIRUT, Lebanon (AP) — Rebels seized the city on Friday.", "BEIRUT, Lebanon", "AP",
         False, "Rebels seized the city on Friday."),
        # a Reuters hyphen
        ("DAMASCUS, Syria (Reuters) - Rebels entered the capital.", "DAMASCUS, Syria", "Reuters",
         False, "Rebels entered the capital."),
        # a two-word ALL-CAPS city
        ("NEW YORK (AP) — Stocks rose on Monday.", "NEW YORK", "AP", False, "Stocks rose on Monday."),
        # a city and region alone on a line, ended by a colon
        ("Beirut, Lebanon:", "Beirut, Lebanon", None, True, ""),
        # a title-case city, a long parenthesis with a source and a date, no separator after it
        ("Islamabad (News International / Pakistan Point News - 11th Dec, 2024 ) The capture of Hama "
         "has given the rebels control of the city.", "Islamabad",
         "News International / Pakistan Point News - 11th Dec, 2024", False, "The capture of Hama"),
        # South Asian style: city and colon
        ("NEW DELHI: The government said on Monday it would act.", "NEW DELHI", None, False,
         "The government said"),
        # an ALL-CAPS city and an em dash, no agency
        ("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON", None, False, "The Senate voted"),
        # a double hyphen after a region
        ("KYIV, Ukraine -- Officials said the power was back.", "KYIV, Ukraine", None, False, "Officials said"),
    ],
)
def test_find_dateline(paragraph: str, place: str, agency: str | None, whole_line: bool, rest: str) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.agency, found.whole_line) == (place, agency, whole_line)
    assert paragraph[found.end :].startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        # an ordinary sentence starting with a function word
        "The army said it had withdrawn from the city.",
        # a sentence starting with an adjective in title case
        "Syrian rebels have taken control of the city.",
        # a sentence starting with a capitalised noun and a verb
        "Rebels took Aleppo last week.",
        # a short title-case heading is not a dateline
        "Onwards to Homs?",
        # a heading with a region but no colon or agency
        "Homs, Syria",
        # a city name alone on a line, no colon: a heading
        "Beirut",
        # a mixed-case word and a plain hyphen: too common mid-text to be a dateline
        "Washington - The Senate voted.",
        # an ALL-CAPS kicker is not a place (was found as the place 'BREAKING')
        "BREAKING: Rebels enter Damascus as the army withdraws.",
        # a title-case kicker neither (was found as the place 'Opinion')
        "Opinion: The war is not over",
        # nor an ALL-CAPS sentence start
        "THE ARMY SAID: the city is safe.",
        # empty paragraph
        "",
    ],
)
def test_find_dateline_rejects(paragraph: str) -> None:
    assert find_dateline(paragraph) is None
