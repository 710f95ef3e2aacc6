"""Connected components of a link rule: an incremental update equals a full recompute."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.components import LinkRule, connected_components, update_components


@dataclass(frozen=True)
class Node:
    node_id: str
    keys: tuple[str, ...]  # blocking keys
    value: int  # linked to a candidate when the values are close


def _links(node: Node, candidates: Sequence[Node]) -> list[str]:
    # asymmetric on purpose: a node links only to candidates with a larger or equal value
    return [c.node_id for c in candidates if 0 <= c.value - node.value <= 2]


RULE = LinkRule(node_id=lambda n: n.node_id, blocking_keys=lambda n: n.keys, links=_links)


def _pair_links(node: Node, candidates: Sequence[Node]) -> list[str]:
    # decided by the two nodes alone, the same both ways
    return [c.node_id for c in candidates if abs(c.value - node.value) <= 2]


PAIRWISE = LinkRule(node_id=lambda n: n.node_id, blocking_keys=lambda n: n.keys, links=_pair_links, pairwise=True)


class Store:
    """The neighbourhood an update reads: current nodes, previous components (any node kind)."""

    def __init__(self, nodes: Sequence[Any], previous: list[list[str]], rule: LinkRule[Any] = RULE):
        self.rule = rule
        self.current = {rule.node_id(n): n for n in nodes}
        self.component = {m: c[0] for c in previous for m in c}
        self.members = {c[0]: c for c in previous}

    def nodes_with_keys(self, keys: Sequence[str]) -> Mapping[str, Sequence[Any]]:
        wanted = set(keys)
        found: dict[str, list[Any]] = {}
        for n in self.current.values():
            for k in set(self.rule.blocking_keys(n)) & wanted:
                found.setdefault(k, []).append(n)
        return found

    def nodes(self, ids: Sequence[str]) -> Sequence[Any]:
        return [self.current[i] for i in ids if i in self.current]

    def old_components(self, ids: Sequence[str]) -> Mapping[str, str]:
        return {i: self.component[i] for i in ids if i in self.component}

    def old_members(self, component_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        return {c: self.members[c] for c in component_ids}


def _apply(previous: list[list[str]], update: list[list[str]], removed: set[str]) -> list[list[str]]:
    replaced = {m for c in update for m in c} | removed
    kept = [c for c in previous if not set(c) & replaced]
    return sorted(kept + update, key=lambda c: c[0])


nodes_strategy = st.lists(
    st.builds(Node, st.sampled_from([f"n{i:02d}" for i in range(30)]),
              st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=3).map(tuple),
              st.integers(0, 12)),
    max_size=30, unique_by=lambda n: n.node_id,
)


@settings(max_examples=300, deadline=None)
@given(before=nodes_strategy, after=nodes_strategy, pairwise=st.booleans())
def test_an_update_equals_a_full_recompute(before: list[Node], after: list[Node], pairwise: bool) -> None:
    rule = PAIRWISE if pairwise else RULE
    previous = connected_components(before, rule)
    old = {n.node_id: n for n in before}
    new = {n.node_id: n for n in after}
    changed = [n for i, n in new.items() if old.get(i) != n]
    removed = [n for i, n in old.items() if new.get(i) != n]
    update = update_components(changed, removed, Store(after, previous), rule)
    gone = set(old) - set(new)
    assert _apply(previous, update, gone) == connected_components(after, rule)


def test_nothing_changed_recomputes_nothing() -> None:
    nodes = [Node("a", ("k",), 1), Node("b", ("k",), 2), Node("c", ("z",), 9)]
    previous = connected_components(nodes, RULE)
    assert previous == [["a", "b"], ["c"]]
    assert update_components([], [], Store(nodes, previous), RULE) == []


def _every_pair(nodes: Sequence[Node], rule: LinkRule[Node]) -> list[list[str]]:
    """Components by asking every pair that shares a key, the definition without shortcuts."""
    parent = {n.node_id: n.node_id for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a in nodes:
        for b in nodes:
            if a is not b and set(a.keys) & set(b.keys) and rule.links(a, [b]):
                parent[max(find(a.node_id), find(b.node_id))] = min(find(a.node_id), find(b.node_id))
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(find(n.node_id), []).append(n.node_id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


@settings(max_examples=300, deadline=None)
@given(nodes=nodes_strategy)
def test_joining_key_by_key_finds_what_asking_every_pair_finds(nodes: list[Node]) -> None:
    assert connected_components(nodes, PAIRWISE) == _every_pair(nodes, PAIRWISE)


def test_copies_of_one_page_are_asked_about_once_each() -> None:
    # thirty near-copies sharing all their keys: asked node by node that is 30 x 29 questions;
    # key by key, once the first has joined the rest, the other keys find one part and ask nothing
    asked: list[int] = []

    def counting(node: Node, candidates: Sequence[Node]) -> list[str]:
        asked.append(len(candidates))
        return _pair_links(node, candidates)

    rule = LinkRule(node_id=lambda n: n.node_id, blocking_keys=lambda n: n.keys, links=counting, pairwise=True)
    copies = [Node(f"c{i:02d}", ("a", "b", "c", "d"), 5) for i in range(30)]
    assert connected_components(copies, rule) == [[n.node_id for n in copies]]
    assert sum(asked) == 29
