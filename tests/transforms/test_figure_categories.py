"""The figure category and qualifier lists are declared once; the warehouse checks list the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms.figure_categories import CATEGORIES, QUALIFIERS, category_of_dimension
from transforms.figures import extract_figures

CHECKS = Path(__file__).resolve().parents[2] / "warehouse" / "sql" / "checks.sql"


def _sql_list(column: str) -> tuple[str, ...]:
    """The quoted values of `<column> not in (...)` in checks.sql."""
    match = re.search(rf"{column} not in \(([^)]*)\)", CHECKS.read_text("utf-8"))
    assert match, column
    return tuple(re.findall(r"'([^']*)'", match.group(1)))


def test_checks_sql_lists_the_categories() -> None:
    # the SQL check accepts exactly the categories figures can produce
    assert _sql_list("category") == CATEGORIES


def test_checks_sql_lists_the_qualifiers() -> None:
    assert _sql_list("qualifier") == QUALIFIERS


@pytest.mark.parametrize(
    "label, category",
    [
        ("km", "distance"),  # a length
        ("kWh", "energy"),  # energy
        ("MW", "energy"),  # power counts as energy
        ("hp", "energy"),  # horsepower too
        ("GB", "data"),  # bytes
        ("mph", "speed"),
        ("°C", "temperature"),
        ("hectares", "area"),
        ("barrels", "volume"),
        ("tonnes", "mass"),
        ("lb-ft", "other"),  # torque has no category of its own
    ],
)
def test_category_of_a_unit(label: str, category: str) -> None:
    assert category_of_dimension(label) == category


def test_every_category_found_is_declared() -> None:
    text = (
        "At least 12 people were killed and 30 wounded; 2,000 fled and 15 were detained in a city home to "
        "1 million people, 40 km away. It cost $5 million, 3% more, for the 33-year-old, over 10 days; "
        "12 tanks, 60 kWh, 90 mph, 8 GB, 500 litres, 20 acres, 40 kg, 41 °C and 7.5 points."
    )
    assert {f.category for f in extract_figures("a1", text)} <= set(CATEGORIES)
    assert {f.qualifier for f in extract_figures("a1", text)} <= set(QUALIFIERS)
