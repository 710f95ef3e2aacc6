"""Groups as connected components of a link rule, computed whole or kept up to date incrementally.

Stories (articles), statements (quotations) and entities (alias groups) are all groups of
nodes joined by a pure rule: `links(node, candidates)` says which candidates a node is one
group with, and candidates are the nodes sharing a blocking key with it (an LSH band, a word,
a name key). A group is a connected component of those links, taken as undirected.

Because a component is a function of the final set of nodes alone, an incremental update can
give exactly what a full recompute gives, as long as it recomputes every component a change
could touch. A node's links change only if the node changed or its candidates changed, and
its candidates change only if a changed node shares (or shared) a blocking key with it; so
`update_components` recomputes the old components of the changed nodes and of everything
sharing a blocking key with them, and follows links out of that region, taking whole any
untouched component it reaches (an untouched component's own links are unchanged, so it
stays connected). When the rule is pairwise (a link is decided by the two nodes alone, both
ways), links between unchanged nodes cannot change at all, so only the components of the
changed nodes are recomputed: a new article costs its story, not everything sharing a word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

N = TypeVar("N")
N_co = TypeVar("N_co", covariant=True)


@dataclass(frozen=True)
class LinkRule(Generic[N]):
    """How nodes of one kind are grouped."""

    node_id: Callable[[N], str]
    blocking_keys: Callable[[N], Iterable[str]]  # nodes that may be linked share at least one
    links: Callable[[N, Sequence[N]], Iterable[str]]  # ids of the candidates a node is linked to
    # True when links decide each pair on the two nodes alone, the same both ways: then only the
    # components of changed nodes can change, however many nodes share a blocking key with them
    pairwise: bool = False


def connected_components(nodes: Sequence[N], rule: LinkRule[N]) -> list[list[str]]:
    """Every component of the nodes (each a sorted list of node ids), sorted by first id."""
    by_key: dict[str, list[N]] = {}
    for node in nodes:
        for key in set(rule.blocking_keys(node)):
            by_key.setdefault(key, []).append(node)
    candidates = _Candidates(by_key, rule)
    groups = _UnionFind()
    for node in nodes:
        node_id = rule.node_id(node)
        groups.add(node_id)
        for other in rule.links(node, candidates.of(node)):
            groups.union(node_id, other)
    return groups.components()


class Neighbourhood(Protocol[N_co]):
    """What an incremental update reads of the current (new) state and of the previous grouping."""

    def nodes_with_keys(self, keys: Sequence[str]) -> Mapping[str, Sequence[N_co]]:
        """Current nodes by blocking key, for each of these keys that any node has."""
        ...

    def nodes(self, ids: Sequence[str]) -> Sequence[N_co]:
        """The current nodes with these ids (ids of removed nodes are left out)."""
        ...

    def old_components(self, ids: Sequence[str]) -> Mapping[str, str]:
        """Previous component id of each of these nodes that had one."""
        ...

    def old_members(self, component_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        """Previous members of each of these components."""
        ...


def update_components(
    changed: Sequence[N],
    removed: Sequence[N],
    where: Neighbourhood[N],
    rule: LinkRule[N],
) -> list[list[str]]:
    """The new components of every node whose component may have changed.

    changed: the current version of every added or changed node; removed: the previous
    version of every changed or removed node. The caller replaces the previous components
    of all returned ids (and of the removed nodes) with the returned ones.
    """
    changed_ids = {rule.node_id(n) for n in changed}
    removed_ids = {rule.node_id(n) for n in removed} - changed_ids
    touched = set(changed_ids) | {rule.node_id(n) for n in removed}
    if not rule.pairwise:  # a node's links may depend on all its candidates: theirs changed too
        keys = sorted({k for n in (*changed, *removed) for k in rule.blocking_keys(n)})
        for sharing in where.nodes_with_keys(keys).values():
            touched.update(rule.node_id(n) for n in sharing)
    region = _whole_components(sorted(touched), where) | changed_ids
    region -= removed_ids
    nodes = list(where.nodes(sorted(region)))
    candidates = _Candidates(where.nodes_with_keys(sorted({k for n in nodes for k in rule.blocking_keys(n)})), rule)
    groups = _UnionFind()
    outside: set[str] = set()
    for node in nodes:
        node_id = rule.node_id(node)
        groups.add(node_id)
        for other in rule.links(node, candidates.of(node)):
            groups.union(node_id, other)
            if other not in region:
                outside.add(other)
    # untouched components reached from the region join whole
    absorbed = _whole_components(sorted(outside), where) - region
    old = where.old_components(sorted(absorbed))
    for ids in where.old_members(sorted(set(old.values()))).values():
        for node_id in ids:
            groups.union(ids[0], node_id)
    for node_id in absorbed - set(old):  # reached but in no previous component: alone until now
        groups.add(node_id)
    return groups.components()


def _whole_components(ids: Sequence[str], where: Neighbourhood[N]) -> set[str]:
    """The ids together with every other member of their previous components."""
    found = set(ids)
    old = where.old_components(ids)
    for members in where.old_members(sorted(set(old.values()))).values():
        found.update(members)
    return found


class _Candidates(Generic[N]):
    """Which nodes share a blocking key with a node: ids per key, united in C (near-copies share
    all their keys, so walking every key's members in Python would repeat the same work)."""

    def __init__(self, by_key: Mapping[str, Sequence[N]], rule: LinkRule[N]):
        self.rule = rule
        self.ids = {key: [rule.node_id(n) for n in members] for key, members in by_key.items()}
        self.nodes = {rule.node_id(n): n for members in by_key.values() for n in members}

    def of(self, node: N) -> list[N]:
        """The other nodes sharing a blocking key with a node, each once, in id order."""
        found: set[str] = set().union(*(self.ids.get(k, ()) for k in set(self.rule.blocking_keys(node))))
        found.discard(self.rule.node_id(node))
        return [self.nodes[i] for i in sorted(found)]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self.add(x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for x in self.parent:
            groups.setdefault(self.find(x), []).append(x)
        return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
