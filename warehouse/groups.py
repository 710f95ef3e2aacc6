"""The state incremental grouping reads from a build: nodes, blocking keys, previous components.

Each kind of group (statements here; stories and entities alike) gets a Neighbourhood
(transforms/components.py) answering from the build's current views, and from the previous
snapshot (prev_<table>) for the components as they were before this run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import pyarrow as pa

from transforms.ids import stable_id
from transforms.statements import QuoteInContext, StatementNode, quote_age, statement_node
from transforms.stories import StoryFeatures
from warehouse.build import Build
from warehouse.sqlfiles import sql


def _ids(values: Sequence[str]) -> pa.Table:
    return pa.table({"id": pa.array(sorted(set(values)), pa.string())})


class StatementNeighbourhood:
    """Statement nodes (the quotations with one set of content words), their keys and previous statements."""

    def __init__(self, build: Build, *, previous: bool = False):
        self.build = build
        self.prefix = "prev_" if previous else ""
        self._nodes: dict[str, StatementNode] = {}

    def nodes_with_keys(self, keys: Sequence[str]) -> Mapping[str, Sequence[StatementNode]]:
        found: dict[str, list[StatementNode]] = {}
        if not keys:
            return found
        table = pa.table({"key": pa.array(sorted(set(keys)), pa.string())})
        with self.build.registered("wanted_keys", table):
            rows = self.build.query(sql("statement_nodes_by_key"))
        nodes = {n.node_id: n for n in self.nodes(sorted({str(n) for _, n in rows}))}
        for key, node in rows:
            if str(node) in nodes:
                found.setdefault(str(key), []).append(nodes[str(node)])
        return found

    def nodes(self, ids: Sequence[str]) -> Sequence[StatementNode]:
        missing = [i for i in ids if i not in self._nodes]
        if missing:
            with self.build.registered("wanted_ids", _ids(missing)):
                for node, text, stories in self.build.query(
                        sql("statement_nodes").format(prefix=self.prefix)):
                    self._nodes[str(node)] = statement_node(str(node), [str(text)], list(stories or []))
        return [self._nodes[i] for i in ids if i in self._nodes]

    def old_components(self, ids: Sequence[str]) -> Mapping[str, str]:
        if not ids:
            return {}
        with self.build.registered("wanted_ids", _ids(ids)):
            return {str(n): str(s) for n, s in self.build.query(
                """select distinct k.node_id, q.statement_id from prev_statement_keys as k
                   inner join prev_quotes as q using (quote_id)
                   where k.node_id in (select id from wanted_ids) and q.statement_id is not null""")}

    def old_members(self, component_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        members: dict[str, list[str]] = {}
        if not component_ids:
            return members
        with self.build.registered("wanted_ids", _ids(component_ids)):
            for n, s in self.build.query("""select distinct k.node_id, q.statement_id from prev_statement_keys as k
                                            inner join prev_quotes as q using (quote_id)
                                            where q.statement_id in (select id from wanted_ids)
                                            order by k.node_id"""):
                members.setdefault(str(s), []).append(str(n))
        return members


def statement_changes(build: Build, story_changed: Sequence[str]) -> tuple[list[StatementNode], list[StatementNode]]:
    """(current, previous) versions of the statement nodes of the quotations whose article was replaced
    or changed story (a node changes with the stories of its quotations)."""
    articles = set(build.touched_units("quotes")) | set(build.touched_units("statement_keys")) | set(story_changed)
    if not articles:
        return [], []
    with build.registered("changed_articles", _ids(sorted(articles))):
        nodes = sorted({str(r[0]) for r in build.query(
            """select node_id from statement_keys where article_id in (select id from changed_articles)
               union select node_id from prev_statement_keys where article_id in (select id from changed_articles)""")})
    now = StatementNeighbourhood(build).nodes(nodes)
    before = StatementNeighbourhood(build, previous=True).nodes(nodes)
    return list(now), list(before)


def statement_ids_of(build: Build, components: Sequence[Sequence[str]]) -> dict[str, str]:
    """quote_id -> statement id for every quotation of these components of nodes (named by the earliest)."""
    component_of = {n: i for i, c in enumerate(components) for n in c}
    if not component_of:
        return {}
    with build.registered("wanted_ids", _ids(list(component_of))):
        # each table filtered by the ids of the one before (semi-joins on the small side): joined
        # whole, DuckDB hashed every quotation or article, 390 MiB at 100,000 articles for 10 rows
        rows = build.query("""with k as (select distinct node_id, quote_id from statement_keys
                                        where node_id in (select id from wanted_ids)),
                              q as (select quote_id, article_id, quote_text, start_char from quotes
                                    where quote_id in (select quote_id from k)),
                              a as (select article_id, story_id, published_date, source_path from articles
                                    where article_id in (select article_id from q))
                              select k.node_id, q.quote_id, q.quote_text, a.story_id, a.published_date,
                                     a.source_path, q.start_char
                              from k inner join q using (quote_id) inner join a using (article_id)""")
    by_component: dict[int, list[QuoteInContext]] = {}
    for node, *row in rows:
        by_component.setdefault(component_of[str(node)], []).append(QuoteInContext(*row))
    found = {}
    for quotes in by_component.values():
        statement = stable_id("statement", min(quotes, key=quote_age).quote_id)
        found.update({q.quote_id: statement for q in quotes})
    return found


def set_statement_ids(build: Build, ids: Mapping[str, str]) -> list[str]:
    """Write the statement id of these quotations where it changed; the statement ids touched (old and new)."""
    if not ids:
        return []
    table = pa.table({"quote_id": pa.array(list(ids), pa.string()), "statement_id": pa.array(list(ids.values()))})
    with build.registered("new_statement_ids", table):
        rows = build.query("""select q.quote_id, q.article_id, q.statement_id, n.statement_id
                              from quotes as q inner join new_statement_ids as n using (quote_id)
                              where q.statement_id is distinct from n.statement_id""")
    changed = {str(q): str(new) for q, _, _, new in rows}
    build.update_column("quotes", "quote_id", "statement_id", changed, [str(a) for _, a, _, _ in rows])
    return sorted({str(new) for *_, new in rows} | {str(old) for _, _, old, _ in rows if old is not None})


def _key_table(column: str) -> str:
    """The table whose rows carry a story id (articles) or a statement id (quotes)."""
    tables = {"story_id": "articles", "statement_id": "quotes"}
    if column not in tables:
        raise ValueError(column)
    return tables[column]


def key_sizes(build: Build, column: str, keys: Sequence[str]) -> dict[str, int]:
    """Articles per story id, or quotations per statement id, of these keys."""
    table = _key_table(column)
    if not keys:
        return {}
    with build.registered("sized_keys", _ids(sorted(keys))):
        rows = build.query(f"select {column}, count(*) from {table} "  # noqa: S608
                           f"where {column} in (select id from sized_keys) group by 1")
    return {str(k): int(n) for k, n in rows}


def all_keys(build: Build, column: str) -> list[str]:
    """Every story or statement id of the build."""
    table = _key_table(column)
    rows = build.query(f"select distinct {column} from {table} where {column} is not null")  # noqa: S608
    return sorted(str(r[0]) for r in rows)


def touched_keys(build: Build, column: str, tables: Sequence[str], extra_articles: Sequence[str] = ()) -> list[str]:
    """Story or statement ids, before and after this run, of the articles whose rows in these tables changed."""
    table = _key_table(column)
    articles = set(extra_articles)
    for name in tables:
        articles.update(build.touched_units(name))
    if not articles:
        return []
    with build.registered("touched_articles", _ids(sorted(articles))):
        rows = build.query(f"""select {column} from {table} where article_id in (select id from touched_articles)
                               union select {column} from prev_{table}
                               where article_id in (select id from touched_articles)""")  # noqa: S608
    return sorted(str(r[0]) for r in rows if r[0] is not None)


_FEATURE_COLUMNS = [f.name for f in dataclasses.fields(StoryFeatures)]
# How the previous snapshot names an article's group under each rule: its story, or its original.
_COMPONENT = {"story": "story_id", "copy": "coalesce(duplicate_of, article_id)"}
# Which articles are nodes under each rule: every article is a copy node; only originals (no
# duplicate_of) are story nodes, and a copy takes its original's story
_NODES = {"story": "duplicate_of is null", "copy": "true"}


def _features(row: Sequence[object]) -> StoryFeatures:
    values = dict(zip(_FEATURE_COLUMNS, row, strict=True))
    for name in ("name_keys", "quote_shingles", "quote_keys", "event_days"):
        values[name] = tuple(values[name] or ())  # type: ignore[arg-type]
    return StoryFeatures(**values)  # type: ignore[arg-type]


class StoryNeighbourhood:
    """Articles as story (or copy) nodes: their features, blocking keys, previous groups.

    Story nodes are the originals: under the story rule the neighbourhood reads the current
    originals (the build's duplicate_of must be written first) and the previous originals."""

    def __init__(self, build: Build, rule: str):
        if rule not in _COMPONENT:
            raise ValueError(rule)
        self.build = build
        self.rule = rule
        self._nodes: dict[str, StoryFeatures] = {}

    def nodes_with_keys(self, keys: Sequence[str]) -> Mapping[str, Sequence[StoryFeatures]]:
        found: dict[str, list[StoryFeatures]] = {}
        if not keys:
            return found
        # (key, article) pairs first, then each article's features once: an article holds a
        # few dozen keys, and its features fetched per key would be copied as many times
        table = pa.table({"key": pa.array(sorted(set(keys)), pa.string())})
        with self.build.registered("wanted_keys", table):
            pairs = self.build.query(f"""select k.key, k.article_id from story_keys as k
                                         inner join articles as a using (article_id)
                                         where k.rule = ? and k.key in (select key from wanted_keys)
                                           and {_NODES[self.rule]}
                                         order by k.key, k.article_id""", [self.rule])  # noqa: S608
        nodes = {n.article_id: n for n in self.nodes(sorted({str(a) for _, a in pairs}))}
        for key, article_id in pairs:
            node = nodes.get(str(article_id))
            if node is not None:
                found.setdefault(str(key), []).append(node)
        return found

    def nodes(self, ids: Sequence[str]) -> Sequence[StoryFeatures]:
        for node in story_features_of(self.build, [i for i in ids if i not in self._nodes]):
            self._cache(node)
        return [self._nodes[i] for i in ids if i in self._nodes]

    def old_components(self, ids: Sequence[str]) -> Mapping[str, str]:
        if not ids:
            return {}
        with self.build.registered("wanted_ids", _ids(ids)):
            return {str(a): str(c) for a, c in self.build.query(
                f"select article_id, {_COMPONENT[self.rule]} from prev_articles "  # noqa: S608
                f"where article_id in (select id from wanted_ids) and {_COMPONENT[self.rule]} is not null "
                f"and {_NODES[self.rule]}")}

    def old_members(self, component_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        members: dict[str, list[str]] = {}
        if not component_ids:
            return members
        with self.build.registered("wanted_ids", _ids(component_ids)):
            for a, c in self.build.query(f"select article_id, {_COMPONENT[self.rule]} as c from prev_articles "  # noqa: S608
                                         f"where c in (select id from wanted_ids) and {_NODES[self.rule]} "
                                         "order by article_id"):
                members.setdefault(str(c), []).append(str(a))
        return members

    def _cache(self, node: StoryFeatures) -> StoryFeatures:
        return self._nodes.setdefault(node.article_id, node)


def story_changes(build: Build) -> tuple[list[StoryFeatures], list[StoryFeatures]]:
    """(current, previous) features of the articles whose features this run replaced or removed."""
    articles = build.touched_units("story_features")
    if not articles:
        return [], []
    return story_features_of(build, articles), story_features_of(build, articles, previous=True)


def story_features_of(build: Build, ids: Sequence[str], *, previous: bool = False) -> list[StoryFeatures]:
    """The features of these articles, now or in the previous snapshot (absent ones left out)."""
    if not ids:
        return []
    table = "prev_story_features" if previous else "story_features"
    with build.registered("wanted_ids", _ids(ids)):
        rows = build.query(f"select {', '.join(_FEATURE_COLUMNS)} from {table} "  # noqa: S608
                           "where article_id in (select id from wanted_ids)")
    return [_features(r) for r in rows]


def previous_originals(build: Build, ids: Sequence[str]) -> set[str]:
    """Those of these articles that were in the previous snapshot and no copy there."""
    if not ids:
        return set()
    with build.registered("wanted_ids", _ids(ids)):
        return {str(r[0]) for r in build.query("""select article_id from prev_articles
                                                  where article_id in (select id from wanted_ids)
                                                    and duplicate_of is null""")}


def set_duplicates(build: Build, duplicate_of: Mapping[str, str | None]) -> None:
    """Write duplicate_of of these articles where it changed."""
    now = _current(build, "duplicate_of", duplicate_of)
    new = {a: duplicate_of[a] for a, d in now.items() if d != duplicate_of[a]}
    build.update_column("articles", "article_id", "duplicate_of", new, sorted(new))


def story_ids_with_copies(build: Build, story_ids: Mapping[str, str],
                          duplicate_of: Mapping[str, str | None]) -> dict[str, str]:
    """The story of each original given, and of every copy whose original is given or whose
    original changed (duplicate_of): the copy's original's story, given or as written."""
    copies = {a: d for a, d in duplicate_of.items() if d is not None}
    if story_ids:
        with build.registered("wanted_ids", _ids(list(story_ids))):
            copies.update({str(a): str(d) for a, d in build.query(
                "select article_id, duplicate_of from articles where duplicate_of in (select id from wanted_ids)")})
    unknown = sorted({d for d in copies.values() if d not in story_ids})
    written = _current(build, "story_id", dict.fromkeys(unknown))
    found = dict(story_ids)
    for copy, original in copies.items():
        story = story_ids.get(original, written.get(original))
        if story is not None:
            found[copy] = story
    return found


def set_story_ids(build: Build, story_ids: Mapping[str, str]) -> list[str]:
    """Write story_id of these articles where it changed; the articles whose story changed."""
    now = _current(build, "story_id", story_ids)
    new = {a: story_ids[a] for a, s in now.items() if s != story_ids[a]}
    build.update_column("articles", "article_id", "story_id", new, sorted(new))
    return sorted(new)


def _current(build: Build, column: str, of: Mapping[str, object]) -> dict[str, str | None]:
    """The column's value now for each of these articles that exists."""
    if not of:
        return {}
    with build.registered("wanted_ids", _ids(list(of))):
        return {str(a): (None if v is None else str(v)) for a, v in build.query(
            f"select article_id, {column} from articles where article_id in (select id from wanted_ids)")}  # noqa: S608


def renamed_entity_stories(build: Build) -> list[str]:
    """Stories of the articles mentioning an entity whose name or type this run changed (or that it removed)."""
    changed = build.query("""select g.entity_id from gone.entities as g
                             where not exists (
                                 select 1 from entities as e inner join prev_entities as p using (entity_id)
                                 where e.entity_id = g.entity_id and e.canonical_name = p.canonical_name
                                   and e.entity_type = p.entity_type)""")
    if not changed:
        return []
    with build.registered("renamed", _ids([str(r[0]) for r in changed])):
        rows = build.query("""select distinct a.story_id from entity_mentions as m
                              inner join articles as a using (article_id)
                              where m.entity_id in (select id from renamed) and a.story_id is not null""")
    return sorted(str(r[0]) for r in rows)
