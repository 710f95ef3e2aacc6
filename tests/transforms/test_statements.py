"""Statements: the same words carried by several articles, in several wordings."""

from __future__ import annotations

import datetime as dt

from transforms.statements import QuoteInContext, StatementOptions, group_statements

DAY = dt.date(2024, 12, 6)


def q(quote_id: str, text: str, story: str | None = "s1", day: dt.date | None = DAY) -> QuoteInContext:
    return QuoteInContext(quote_id, text, story, day, f"{quote_id}.txt", 0)


def test_translations_of_one_line_are_one_statement() -> None:
    groups = group_statements(
        [
            q("a", "I pray to Almighty God that it will be a conquest without revenge"),
            q("b", "I ask God Almighty that this be a conquest without revenge"),
            q("c", "I pray to God Almighty that this will be a victory full of mercy and kindness, free from revenge"),
            # another statement in the same story
            q("d", "Our forces are still nearby and will return to the city"),
        ],
        StatementOptions(),
    )
    assert groups["a"] == groups["b"] == groups["c"]
    assert groups["d"] != groups["a"]


def test_other_stories_need_nearly_the_same_words() -> None:
    options = StatementOptions()
    loose = group_statements(
        [q("a", "the conquest will be without revenge for the people"),
         q("b", "a conquest of the market without revenge on rivals", story="s2")],
        options,
    )
    assert loose["a"] != loose["b"]  # a few shared words across stories are not one statement
    close = group_statements(
        [q("a", "Our forces entered and liberated vast neighbourhoods in the city"),
         q("b", "Our forces entered and liberated vast neighbourhoods in the city", story="s2")],
        options,
    )
    assert close["a"] == close["b"]  # the same words weeks later (a rewrite) are


def test_short_fragments_stand_alone_and_ids_come_from_the_earliest_quote() -> None:
    groups = group_statements(
        [q("late", "victory", day=DAY + dt.timedelta(days=1)), q("early", "victory")], StatementOptions()
    )
    assert groups["late"] != groups["early"]
    same = group_statements(
        [q("late", "a huge blow to the Syrian government", day=DAY + dt.timedelta(days=1)),
         q("early", "a massive, massive blow to the Syrian government")],
        StatementOptions(),
    )
    assert same["late"] == same["early"]
    assert same == group_statements(list(reversed(
        [q("late", "a huge blow to the Syrian government", day=DAY + dt.timedelta(days=1)),
         q("early", "a massive, massive blow to the Syrian government")])), StatementOptions())
