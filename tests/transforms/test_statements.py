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


def test_an_incremental_update_groups_as_a_full_recompute() -> None:
    from tests.transforms.test_components import Store
    from transforms.components import connected_components, update_components
    from transforms.statements import statement_node, statement_rule

    rule = statement_rule(StatementOptions())
    first = [q("a", "We will rebuild the old bridge within a year"), q("x", "Prices of bread doubled overnight")]
    later = [q("b", "The old bridge we will rebuild within the year", story="s2"),
             q("c", "We shall rebuild the old bridge within a year", day=DAY + dt.timedelta(days=2))]
    before = [statement_node(x) for x in first]
    after = before + [statement_node(x) for x in later]
    previous = connected_components(before, rule)
    update = update_components(after[2:], [], Store(after, previous, rule), rule)
    kept = [c for c in previous if not set(c) & {m for u in update for m in u}]
    assert sorted(kept + update) == connected_components(after, rule)


def test_blocking_keys_stored_per_article_are_the_rule_s_own() -> None:
    from transforms.statements import statement_keys, statement_node, statement_rule

    options = StatementOptions()
    quote = q("a", "We will rebuild the old bridge within a year")
    stored = {k.key for k in statement_keys("art", [("a", quote.quote_text)], options)}
    assert stored and stored == set(statement_rule(options).blocking_keys(statement_node(quote))) - {"story:s1"}
