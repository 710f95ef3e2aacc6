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
Then, too, an unchanged node can link outside its old component only to a changed node, so
only the changed nodes look up candidates outside the recomputed components.

A pairwise rule is also joined key by key instead of node by node: the nodes sharing a key
are split by the component they are already in, and only pairs across those parts are asked
(a pair already connected cannot change the components). Near-copies share most of their
keys, so asking node by node costs the square of the copies of a page; key by key, a key
whose nodes are already one component costs one look at each of them.
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
    by_key = _by_key(nodes, rule)
    groups = _UnionFind()
    if rule.pairwise:
        for node in nodes:
            groups.add(rule.node_id(node))
        _join_by_key(by_key, rule, groups)
        return groups.components()
    candidates = _Candidates(by_key, rule)
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
    if rule.pairwise:
        return _update_pairwise(changed_ids, removed_ids, touched, where, rule)
    # a node's links may depend on all its candidates: theirs changed too
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
    _absorb(outside, region, where, groups)
    return groups.components()


def _update_pairwise(changed_ids: set[str], removed_ids: set[str], touched: set[str],
                     where: Neighbourhood[N], rule: LinkRule[N]) -> list[list[str]]:
    """update_components for a pairwise rule: links among the recomputed components joined key by
    key, and the changed nodes' links to nodes outside them, which take those components whole."""
    region = (_whole_components(sorted(touched), where) | changed_ids) - removed_ids
    nodes = list(where.nodes(sorted(region)))
    groups = _UnionFind()
    for node in nodes:
        groups.add(rule.node_id(node))
    _join_by_key(_by_key(nodes, rule), rule, groups)
    # an unchanged node's links to unchanged nodes are as they were, and none of those left
    # its old component: only a changed node can link to a node outside the region
    fresh = [n for n in nodes if rule.node_id(n) in changed_ids]
    sharing = where.nodes_with_keys(sorted({k for n in fresh for k in rule.blocking_keys(n)}))
    outside_by_key = {k: [m for m in ms if rule.node_id(m) not in region] for k, ms in sharing.items()}
    outside: set[str] = set()
    for node in fresh:
        node_id = rule.node_id(node)
        seen: set[str] = set()
        candidates = []
        for key in set(rule.blocking_keys(node)):
            for other in outside_by_key.get(key, ()):
                if (other_id := rule.node_id(other)) not in seen:
                    seen.add(other_id)
                    candidates.append(other)
        for other_id in rule.links(node, sorted(candidates, key=rule.node_id)):
            groups.union(node_id, other_id)
            outside.add(other_id)
    _absorb(outside, region, where, groups)
    return groups.components()


def _absorb(outside: set[str], region: set[str], where: Neighbourhood[N], groups: _UnionFind) -> None:
    """Untouched components reached from the region join whole (their own links are unchanged)."""
    absorbed = _whole_components(sorted(outside), where) - region
    old = where.old_components(sorted(absorbed))
    for ids in where.old_members(sorted(set(old.values()))).values():
        for node_id in ids:
            groups.union(ids[0], node_id)
    for node_id in absorbed - set(old):  # reached but in no previous component: alone until now
        groups.add(node_id)


def _by_key(nodes: Sequence[N], rule: LinkRule[N]) -> dict[str, list[N]]:
    by_key: dict[str, list[N]] = {}
    for node in nodes:
        for key in set(rule.blocking_keys(node)):
            by_key.setdefault(key, []).append(node)
    return by_key


def _join_by_key(by_key: Mapping[str, Sequence[N]], rule: LinkRule[N], groups: _UnionFind) -> None:
    """Union every linked pair of nodes sharing a key, for a pairwise rule, asking only pairs not
    already connected: per key, the nodes are split by their component and a part is asked against
    the parts not yet joined to it; a part joined on the way brings its own nodes to ask."""
    for key in sorted(by_key):
        parts: dict[str, list[N]] = {}
        for node in by_key[key]:
            parts.setdefault(groups.find(rule.node_id(node)), []).append(node)
        if len(parts) < 2:
            continue
        part_of = {rule.node_id(n): root for root, members in parts.items() for n in members}
        while len(parts) > 1:
            root = min(parts)
            asking = parts.pop(root)
            while asking and parts:
                node = asking.pop()
                candidates = [m for members in parts.values() for m in members]
                for other_id in rule.links(node, candidates):
                    other_root = part_of[other_id]
                    if other_root in parts:  # a part joined now: its nodes ask the parts left
                        asking.extend(parts.pop(other_root))
                        groups.union(root, other_root)


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
