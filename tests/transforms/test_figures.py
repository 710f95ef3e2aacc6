"""Figures: every number form, unit, qualifier and category; what is not a figure; the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.figures import extract_figures
from transforms.records import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def one(text: str) -> tuple[str, float, float, float, str | None, str | None, str]:
    figures = extract_figures("a1", text)
    assert len(figures) == 1, figures
    f = figures[0]
    return f.surface, f.value, f.value_low, f.value_high, f.qualifier, f.unit, f.category


@pytest.mark.parametrize(
    "text, expected",
    [
        # digits with a thousands separator
        ("The rebels freed 1,000 prisoners.", ("1,000 prisoners", 1000, 1000, 1000, "exact", "people", "detained")),
        # a decimal
        ("Unemployment rose to 12.5 percent.", ("12.5 percent", 12.5, 12.5, 12.5, "exact", "percent", "percent")),
        # number words
        ("Hama is home to one million people.",
         ("one million people", 1e6, 1e6, 1e6, "exact", "people", "population")),
        ("About two hundred soldiers were wounded.",
         ("About two hundred soldiers", 200, 200, 200, "approximately", "people", "injured")),
        # a fraction with a multiplier
        ("The war has killed nearly half a million people.",
         ("nearly half a million people", 5e5, 5e5, 5e5, "approximately", "people", "killed")),
        # money with a symbol and a multiplier, and short scales
        ("He has a $10 million bounty on his head.", ("$10 million", 1e7, 1e7, 1e7, "exact", "USD", "money")),
        ("The deal is worth €1.2bn.", ("€1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact", "EUR", "money")),
        ("Fines reached £300,000.", ("£300,000", 3e5, 3e5, 3e5, "exact", "GBP", "money")),
        ("The fund holds 40 million dollars.", ("40 million dollars", 4e7, 4e7, 4e7, "exact", "USD", "money")),
        # vague magnitudes are ranges, approximately
        ("Rebels released hundreds of prisoners.",
         ("hundreds of prisoners", 550, 200, 900, "approximately", "people", "detained")),
        ("Tens of thousands of people fled the city.",
         ("Tens of thousands of people", 55000, 20000, 90000, "approximately", "people", "displaced")),
        # ranges
        ("The crackdown left 20,000-40,000 people dead.",
         ("20,000-40,000 people", 30000, 20000, 40000, "exact", "people", "killed")),
        ("Between 20 and 30 civilians were killed.",
         ("Between 20 and 30 civilians", 25, 20, 30, "exact", "people", "killed")),
        # qualifiers
        ("At least 40 people died in the blast.", ("At least 40 people", 40, 40, 40, "at_least", "people", "killed")),
        ("More than 727 people have been killed.",
         ("More than 727 people", 727, 727, 727, "more_than", "people", "killed")),
        ("Over 115,000 people were displaced.",
         ("Over 115,000 people", 115000, 115000, 115000, "more_than", "people", "displaced")),
        ("Up to 50 detainees were freed.", ("Up to 50 detainees", 50, 50, 50, "up_to", "people", "detained")),
        ("Less than 10 percent voted.", ("Less than 10 percent", 10, 10, 10, "less_than", "percent", "percent")),
        # units: distance, percent sign, durations, ages
        ("Homs is 40 kilometres to the south.", ("40 kilometres", 40, 40, 40, "exact", "km", "distance")),
        ("The border is 12 miles away.", ("12 miles", 12, 12, 12, "exact", "miles", "distance")),
        ("He ordered a 50% pay hike.", ("50%", 50, 50, 50, "exact", "percent", "percent")),
        ("The siege lasted 40 days.", ("40 days", 40, 40, 40, "exact", "days", "duration")),
        ("“We are afraid,” said the 33-year-old.", ("the 33-year-old", 33, 33, 33, "exact", "years", "age")),
        # counted nouns other than people
        ("The army lost 12 tanks.", ("12 tanks", 12, 12, 12, "exact", "tanks", "count")),
    ],
)
def test_number_forms_units_qualifiers_and_categories(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    surface, value, low, high, qualifier, unit, category = one(text)
    assert (surface, qualifier, unit, category) == (expected[0], expected[4], expected[5], expected[6])
    assert (value, low, high) == pytest.approx(expected[1:4])


@pytest.mark.parametrize(
    "text, token",
    [
        ("The uprising began in 2011.", "2011"),  # a year
        ("In 1982, the army crushed the revolt.", "1982"),  # a year at a sentence start
        ("The offensive began on November 27.", "27"),  # a date
        ("It ended on 5 December after talks.", "5"),  # a date, day first
        ("The meeting starts at 10:30 am.", "10"),  # a time
        ("It is Syria's fourth-largest city.", "fourth"),  # an ordinal word
        ("He finished 20th in the race.", "20"),  # an ordinal in digits
        ("Cases of COVID-19 rose again.", "19"),  # a number inside a name
        ("Two F-16 jets flew over.", "F-16 jets"),  # a model name (the two jets are a figure)
        ("Call 555-0199 for details.", "555"),  # a phone number
        ("One of the few countries backed him.", "One"),  # "one of" is a pronoun
        ("The S&P 500 closed higher.", "500"),  # an index name
    ],
)
def test_not_figures(text: str, token: str) -> None:
    assert not [f for f in extract_figures("a1", text) if f.surface.startswith(token) or token in f.surface.split()]


def test_a_model_number_is_not_the_count() -> None:
    # "Two F-16 jets": two jets, not sixteen
    assert [(f.value, f.unit) for f in extract_figures("a1", "Two F-16 jets flew over.")] == [(2.0, "jets")]


def test_spans_are_exact() -> None:
    text = "Nearly 300 school districts closed.\n\nOfficials said 1,200 teachers marched."
    for f in extract_figures("a1", text):
        assert text[f.start_char : f.end_char] == f.surface


def _seed_figures() -> list[tuple[str, float, str | None, str]]:
    options = ExtractOptions()
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = build_article(split_source(path.name, path.read_bytes(), options)[0], options)  # type: ignore[arg-type]
        assert isinstance(article, Article)
        found += [(f.surface, f.value, f.unit, f.category) for f in extract_figures(article.article_id, article.text)]
    return found


@pytest.mark.parametrize(
    "surface, value, unit, category",
    [
        ("one million people", 1e6, "people", "population"),
        ("110 kilometers", 110, "km", "distance"),
        ("826 people", 826, "people", "killed"),
        ("111 civilians", 111, "people", "killed"),
        ("727 people", 727, "people", "killed"),
        ("222 people", 222, "people", "killed"),
        ("50%", 50, "percent", "percent"),
        ("20,000-40,000 people", 30000, "people", "killed"),
        ("nearly half a million people", 5e5, "people", "killed"),
        ("Around 12 million people", 1.2e7, "people", "displaced"),
        ("over 115,000 people", 115000, "people", "displaced"),
        ("$10 million", 1e7, "USD", "money"),
        ("the 33-year-old", 33, "years", "age"),
    ],
)
def test_seed_figures_a_reader_would_list(surface: str, value: float, unit: str, category: str) -> None:
    matches = [f for f in _seed_figures() if f[0] == surface]
    assert matches, surface
    assert matches[0][1:] == (pytest.approx(value), unit, category)


def test_no_year_is_a_figure_in_the_seeds() -> None:
    years = [f for f in _seed_figures() if f[0].strip() in ("1982", "2011", "2020", "2024", "2023")]
    assert years == []
