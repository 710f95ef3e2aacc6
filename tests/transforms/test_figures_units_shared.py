"""Figures, round 2: units shared across lists and parts, halves of units, rates, and what is not a figure."""

from __future__ import annotations

import pytest

from transforms.figures import extract_figures


def found(text: str) -> list[tuple[str, float, str | None]]:
    """(surface, value, unit) of every figure in text."""
    return [(f.surface, f.value, f.unit) for f in extract_figures("a1", text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # numbers listed before one unit share it
        ("The mill closed 40 or 50 years ago.", [("40", 40, "years"), ("50 years", 50, "years")]),
        ("Estimates ran to 10,000, 20,000 or 30,000 refugees.",
         [("10,000", 10000, "people"), ("20,000", 20000, "people"), ("30,000 refugees", 30000, "people")]),
        # a split change keeps the unit of its second end
        ("Sales grew from 10 to 20 percent.", [("10", 10, "percent"), ("20 percent", 20, "percent")]),
        # a part of a whole counts what the whole counts; the whole stays a figure of its own
        ("The state picks 12 of its 30 delegates today.", [("12", 12, "people"), ("30 delegates", 30, "people")]),
        ("She scored 18 of her 25 points in the first half.", [("18", 18, "points"), ("25 points", 25, "points")]),
        # a place name before what is counted is not the counted noun
        ("Gunmen killed four Memphis police officers.", [("four", 4, "people")]),
        # the injured and the dead are people
        ("TWO DEAD, 9 INJURED IN CRASH ON BRIDGE", [("TWO DEAD", 2, "people"), ("9 INJURED", 9, "people")]),
    ],
)
def test_units_are_shared(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, surface, value, unit, qualifier",
    [
        # a unit and a half
        ("The talks lasted a year and a half.", "a year and a half", 1.5, "years", "exact"),
        ("The drive takes about two and a half hours.", "about two and a half hours", 2.5, "hours", "approximately"),
        ("They walked nearly three and a half miles.", "nearly three and a half miles", 3.5, "miles", "approximately"),
        # a hyphen before the scale or the currency
        ("He signed a $5-million contract.", "$5-million", 5e6, "USD", "exact"),
        ("Officials said six-million people voted.", "six-million people", 6e6, "people", "exact"),
        ("The court set a 300-euro fine.", "300-euro", 300, "EUR", "exact"),
        # "-plus" and "or so" open the figure upward or make it approximate
        ("An estimated 8,000-plus fans came.", "An estimated 8,000-plus fans", 8000, "people", "approximately"),
        ("The 40-plus stores closed.", "40-plus stores", 40, "stores", "more_than"),
        ("They met the 100 or so delegates.", "100 or so delegates", 100, "people", "approximately"),
        # money with a rate adjective is money per period
        ("Members pay a $49.99 annual fee.", "$49.99 annual", 49.99, "USD/year", "exact"),
        ("Tenants owe $900 monthly rent.", "$900 monthly", 900, "USD/month", "exact"),
        # an age that bounds a group of people
        ("He won most voters under 30 in the state.", "under 30", 30, "years", "less_than"),
        # half of one unit, and half a dozen
        ("The raid took little more than half an hour.", "more than half an hour", 0.5, "hours", "more_than"),
        ("She bought half a dozen eggs.", "half a dozen eggs", 6, "eggs", "exact"),
        # the top or bottom share of a group is a share, not a rank
        ("Taxes fall on the top 1 percent of earners.", "1 percent", 1, "percent", "exact"),
        # compounds of men and children are people; a possessive may stand before the noun
        ("The panel heard four congressmen.", "four congressmen", 4, "people", "exact"),
        ("He has two grandchildren.", "two grandchildren", 2, "people", "exact"),
        ("Later two of the group’s researchers left.", "two of the group’s researchers", 2, "people", "exact"),
    ],
)
def test_round_two_forms(text: str, surface: str, value: float, unit: str, qualifier: str) -> None:
    figures = extract_figures("a1", text)
    assert len(figures) == 1, figures
    f = figures[0]
    assert (f.surface, f.value, f.unit, f.qualifier) == (surface, value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        # "time and a half" is a pay rate, not half of anything
        "Workers get time and a half on Sundays.",
        # list numbers and ranks in brackets are positions in a list
        "Rankings:\n10. Jane Doe (12.)\n11. John Roe (9.)",
        "3) The race for second place",
        # "at one point" is a moment
        "At one point, the crowd went quiet.",
        # an adjective after "one" with no noun counts nothing
        "The shop makes one available to every member.",
    ],
)
def test_not_figures_round_two(text: str) -> None:
    assert extract_figures("a1", text) == []


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        # a count of one person is people; an adjective before the noun is skipped
        ("One man in the crowd shouted.", "One man", "people"),
        ("There is one notable flaw in the plan.", "one notable flaw", "flaws"),
        # a noun in -ant is a noun, not an adjective
        ("Police served one out-of-county warrant.", "one out-of-county warrant", "warrants"),
    ],
)
def test_counts_of_one_round_two(text: str, surface: str, unit: str) -> None:
    figures = extract_figures("a1", text)
    assert [(f.surface, f.unit) for f in figures] == [(surface, unit)]
