"""Figures in political and general news: ages in clauses, poll points, tallies, shares, age groups."""

from __future__ import annotations

import pytest

from transforms.figures import extract_figures


def rows(text: str) -> list[tuple[str, float, str | None]]:
    return [(f.surface, f.value, f.unit) for f in extract_figures("a1", text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an age in a relative clause
        ("The senator, who is 74, said he would run again.", [("74", 74, "years")]),
        ("The mayor, who turns 70 next month, will retire.", [("70", 70, "years")]),
        # an age set off by commas after a noun of a person
        ("The governor, 58, is a lawyer.", [("58", 58, "years")]),
        # not an age after a noun of a thing, nor when a unit follows
        ("The bill, 45, was long.", [("45", 45, None)]),
        ("He is a man who is 12 feet away.", [("12 feet", 12, "feet")]),
    ],
)
def test_ages_in_clauses(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert rows(text) == expected
