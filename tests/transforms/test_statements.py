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


def _nodes(quotes: list[QuoteInContext]) -> list[object]:
    from transforms.statements import node_id, statement_node

    members: dict[str, list[QuoteInContext]] = {}
    for x in quotes:
        members.setdefault(node_id(x.quote_id, x.quote_text, StatementOptions()), []).append(x)
    return [statement_node(n, [x.quote_text for x in xs], [x.story_id for x in xs]) for n, xs in members.items()]


def test_an_incremental_update_groups_as_a_full_recompute() -> None:
    from tests.transforms.test_components import Store
    from transforms.components import connected_components, update_components
    from transforms.statements import statement_rule

    rule = statement_rule(StatementOptions())
    first = [q("a", "We will rebuild the old bridge within a year"), q("x", "Prices of bread doubled overnight")]
    later = [q("b", "The old bridge we will rebuild within the year", story="s2"),
             q("c", "We shall rebuild the old bridge within a year", day=DAY + dt.timedelta(days=2))]
    before, after = _nodes(first), _nodes(first + later)
    previous = connected_components(before, rule)
    changed = [n for n in after if n not in before]
    update = update_components(changed, [], Store(after, previous, rule), rule)
    kept = [c for c in previous if not set(c) & {m for u in update for m in u}]
    assert sorted(kept + update) == connected_components(after, rule)


def test_copies_of_one_quotation_are_one_node_and_one_statement() -> None:
    text = "The dam will hold through the winter, the engineers promise"
    copies = [q(f"c{i}", text, story=f"s{i}") for i in range(5)]
    assert len(_nodes(copies)) == 1
    assert len(set(group_statements(copies, StatementOptions()).values())) == 1


def test_blocking_keys_stored_per_article_are_the_rule_s_own() -> None:
    from transforms.statements import statement_keys, statement_rule

    options = StatementOptions()
    quote = q("a", "We will rebuild the old bridge within a year")
    rows = statement_keys("art", [("a", quote.quote_text)], options)
    (node,) = _nodes([quote])
    assert {r.node_id for r in rows} == {node.node_id}  # type: ignore[attr-defined]
    assert {r.key for r in rows} == set(statement_rule(options).blocking_keys(node)) - {"story:s1"}  # type: ignore[arg-type]
    short = statement_keys("art", [("b", "victory")], options)
    assert [(r.node_id, r.key) for r in short] == [("q:b", None)]  # too short to be grouped: its own node
