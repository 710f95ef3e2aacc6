"""Entity resolution on a build, re-resolving only what the changed articles touch.

The rules are transforms/entities.py's; this module keeps their state and finds what a change
reaches, so that an incremental run ends where a full recompute would:
1. the alias groups of the changed articles' NER mentions get new summaries (alias_groups,
   alias_group_forms, alias_group_keys);
2. their entities are recomputed with the components engine (an asymmetric rule: the groups
   sharing a blocking key with a changed group are revisited too);
3. the owner of every form of those entities' groups is decided again (aliases);
4. the articles whose mentions can change are re-derived: the changed articles, the articles
   holding an alias whose owner changed (found by first word through article_words), and the
   articles whose NER mentions changed entity;
5. the entities whose mentions changed get new rows (type vote, canonical name, aliases,
   counts), computed from aggregates in SQL however many mentions they have; mentions of an
   entity whose type changed take the new type; quote speakers of every re-derived article are
   linked again.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

import pyarrow as pa

from transforms.components import update_components
from transforms.entities import (
    ENTITY_RULE,
    AliasGroup,
    AliasIndex,
    Entity,
    Mention,
    alias_group_of_forms,
    alias_owner,
    canonical_from_forms,
    entity_id,
    entity_type_from_votes,
    find_alias_mentions,
    group_blocking_keys,
    is_distinctive,
    link_speakers,
)
from transforms.ids import stable_id
from warehouse.build import Build


def _ids(values: Sequence[str]) -> pa.Table:
    return pa.table({"id": pa.array(sorted(set(values)), pa.string())})


class GroupNeighbourhood:
    """Alias groups as nodes: their summaries, blocking keys and previous entities."""

    def __init__(self, build: Build):
        self.build = build
        self._nodes: dict[str, AliasGroup] = {}

    def nodes_with_keys(self, keys: Sequence[str]) -> Mapping[str, Sequence[AliasGroup]]:
        if not keys:
            return {}
        with self.build.registered("wanted_keys", pa.table({"key": pa.array(sorted(set(keys)), pa.string())})):
            rows = self.build.query("select key, group_key from alias_group_keys "
                                    "where key in (select key from wanted_keys) order by key, group_key")
        groups = {g.group_key: g for g in self.nodes(sorted({str(g) for _, g in rows}))}
        found: dict[str, list[AliasGroup]] = {}
        for key, group in rows:
            if str(group) in groups:
                found.setdefault(str(key), []).append(groups[str(group)])
        return found

    def nodes(self, ids: Sequence[str]) -> Sequence[AliasGroup]:
        missing = [i for i in ids if i not in self._nodes]
        if missing:
            for group in load_groups(self.build, missing, previous=False):
                self._nodes[group.group_key] = group
        return [self._nodes[i] for i in ids if i in self._nodes]

    def old_components(self, ids: Sequence[str]) -> Mapping[str, str]:
        if not ids:
            return {}
        with self.build.registered("wanted_ids", _ids(ids)):
            return {str(g): str(e) for g, e in self.build.query(
                "select group_key, entity_id from prev_alias_groups "
                "where group_key in (select id from wanted_ids) and entity_id is not null")}

    def old_members(self, component_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        members: dict[str, list[str]] = {}
        if not component_ids:
            return members
        with self.build.registered("wanted_ids", _ids(component_ids)):
            for g, e in self.build.query("select group_key, entity_id from prev_alias_groups "
                                         "where entity_id in (select id from wanted_ids) order by group_key"):
                members.setdefault(str(e), []).append(str(g))
        return members


def load_groups(build: Build, group_keys: Sequence[str], *, previous: bool) -> list[AliasGroup]:
    """Stored alias group summaries (of this run's state, or of the previous snapshot)."""
    prefix = "prev_" if previous else ""
    with build.registered("wanted_ids", _ids(group_keys)):
        heads = build.query(f"select group_key, key, family, mention_count from {prefix}alias_groups "  # noqa: S608
                            "where group_key in (select id from wanted_ids)")
        forms = build.query(f"select group_key, surface, mentions from {prefix}alias_group_forms "  # noqa: S608
                            "where group_key in (select id from wanted_ids) order by group_key, surface")
    by_group: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for g, surface, count in forms:
        by_group[str(g)].append((str(surface), int(count)))
    return [AliasGroup(group_key=str(g), key=str(k), family=str(f), mention_count=int(n),
                       forms=tuple(by_group[str(g)])) for g, k, f, n in heads]


_GROUP_BATCH = 20_000  # alias groups summarised at a time


def refresh_groups(build: Build, changed_articles: Sequence[str]) -> tuple[list[AliasGroup], list[AliasGroup]]:
    """New summaries of the alias groups the changed articles' mentions belong (or belonged) to.

    Returns (current, previous) summaries of those groups; a group left without mentions has
    only a previous one."""
    with build.registered("changed_articles", _ids(changed_articles)):
        keys = sorted({str(r[0]) for r in build.query(
            """select group_key from ner_mentions where article_id in (select id from changed_articles)
               union select group_key from prev_ner_mentions where article_id in (select id from changed_articles)""")})
    current: list[AliasGroup] = []
    previous: list[AliasGroup] = []
    for start in range(0, len(keys), _GROUP_BATCH):
        chunk = keys[start : start + _GROUP_BATCH]
        with build.registered("wanted_ids", _ids(chunk)):
            rows = build.query("""select group_key, surface, count(*)::integer from ner_mentions
                                  where group_key in (select id from wanted_ids) group by all order by all""")
        forms: dict[str, dict[str, int]] = defaultdict(dict)
        for g, surface, n in rows:
            forms[str(g)][str(surface)] = int(n)
        now = [alias_group_of_forms(g, forms[g]) for g in chunk if forms.get(g)]
        build.replace_units("alias_groups", chunk, [
            {"group_key": g.group_key, "key": g.key, "family": g.family, "mention_count": g.mention_count,
             "entity_id": None} for g in now])
        build.replace_units("alias_group_forms", chunk, [
            {"group_key": g.group_key, "surface": s, "mentions": n} for g in now for s, n in g.forms])
        build.replace_units("alias_group_keys", chunk, [
            {"group_key": g.group_key, "key": k} for g in now for k in sorted(set(group_blocking_keys(g)))])
        current += now
        previous += load_groups(build, chunk, previous=True)
    return current, previous


def resolve_changes(build: Build, changed_articles: Sequence[str]) -> None:
    """Bring entities, entity_mentions and quote speakers up to date with the changed articles."""
    current, previous = refresh_groups(build, changed_articles)
    neighbourhood = GroupNeighbourhood(build)
    components = update_components(current, previous, neighbourhood, ENTITY_RULE)
    regrouped = [g for c in components for g in c]
    # the previous entities of the regrouped groups and of the changed ones (a group left without
    # mentions is in no new component, and its entity may be left with none)
    with build.registered("wanted_ids", _ids([*regrouped, *(g.group_key for g in previous)])):
        old_entity = {str(g): str(e) for g, e in build.query(
            "select group_key, entity_id from prev_alias_groups where group_key in (select id from wanted_ids)")}
    new_entity = {g: entity_id(c) for c in components for g in c}
    # every regrouped group is in this run's state (touched) with its entity written again
    build.update_column("alias_groups", "group_key", "entity_id", new_entity, regrouped)
    moved = sorted(g for g in regrouped if old_entity.get(g) != new_entity[g])
    touched_entities = set(new_entity.values()) | set(old_entity.values())

    changed_aliases = _refresh_aliases(build, regrouped, [g.group_key for g in previous])
    articles = set(changed_articles) | _articles_with_aliases(build, changed_aliases) | \
        _articles_of_groups(build, moved)
    touched_entities |= _rederive_mentions(build, sorted(articles))
    type_changed = _refresh_entities(build, sorted(touched_entities))
    articles |= _retype_mentions(build, type_changed, sorted(articles))
    _relink_speakers(build, sorted(articles | set(build.touched_units("quotes"))))


def _refresh_aliases(build: Build, groups: Sequence[str], old_groups: Sequence[str]) -> list[str]:
    """Decide again the owner of every form of these groups; the aliases whose owner changed."""
    with build.registered("wanted_ids", _ids([*groups, *old_groups])):
        surfaces = sorted({str(r[0]) for r in build.query(
            """select surface from alias_group_forms where group_key in (select id from wanted_ids)
               union select surface from prev_alias_group_forms where group_key in (select id from wanted_ids)""")})
    surfaces = [s for s in surfaces if is_distinctive(s)]
    if not surfaces:
        return []
    table = pa.table({"surface": pa.array(surfaces, pa.string())})
    with build.registered("wanted_surfaces", table):
        claims_rows = build.query("""select f.surface, g.entity_id, sum(f.mentions)::integer
                                     from alias_group_forms as f inner join alias_groups as g using (group_key)
                                     where f.surface in (select surface from wanted_surfaces)
                                     group by all""")
        old = {str(s): str(e) for s, e in build.query(
            "select surface, entity_id from aliases where surface in (select surface from wanted_surfaces)")}
    claims: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for surface, owner, count in claims_rows:
        claims[str(surface)].append((str(owner), int(count)))
    new = {s: alias_owner(c) for s, c in claims.items()}
    changed = sorted(s for s in set(old) | set(new) if old.get(s) != new.get(s))
    build.replace_units("aliases", changed, [
        {"surface": s, "first_word": s.split()[0], "entity_id": new[s]} for s in changed if s in new])
    return changed


def _articles_with_aliases(build: Build, surfaces: Sequence[str]) -> set[str]:
    """Articles whose capitalised words include the first word of one of these aliases."""
    if not surfaces:
        return set()
    table = pa.table({"word": pa.array(sorted({s.split()[0] for s in surfaces}), pa.string())})
    with build.registered("wanted_words", table):
        return {str(r[0]) for r in build.query(
            "select distinct article_id from article_words where word in (select word from wanted_words)")}


def _articles_of_groups(build: Build, groups: Sequence[str]) -> set[str]:
    """Articles with an NER mention in one of these alias groups."""
    if not groups:
        return set()
    with build.registered("wanted_ids", _ids(groups)):
        return {str(r[0]) for r in build.query(
            "select distinct article_id from ner_mentions where group_key in (select id from wanted_ids)")}


_BATCH = 256  # articles re-derived at a time: their texts are in memory together


def _rederive_mentions(build: Build, articles: Sequence[str]) -> set[str]:
    """Write the entity mentions (NER and propagated) of these articles again; the entities involved."""
    involved: set[str] = set()
    for start in range(0, len(articles), _BATCH):
        chunk = articles[start : start + _BATCH]
        with build.registered("wanted_ids", _ids(chunk)):
            texts = dict(build.query("select article_id, text from articles "
                                     "where article_id in (select id from wanted_ids)"))
            ner = build.query("""select n.article_id, n.surface, n.start_char, n.end_char, g.entity_id
                                 from ner_mentions as n inner join alias_groups as g using (group_key)
                                 where n.article_id in (select id from wanted_ids)""")
            known = build.query("""select w.article_id, a.surface, a.entity_id
                                   from article_words as w inner join aliases as a on a.first_word = w.word
                                   where w.article_id in (select id from wanted_ids)""")
            # the previous snapshot's too: a deleted article's mentions are gone from the build
            # already, and the entities they counted must be counted again
            before = build.query("""select entity_id from entity_mentions
                                    where article_id in (select id from wanted_ids)
                                    union select entity_id from prev_entity_mentions
                                    where article_id in (select id from wanted_ids)""")
        involved.update(str(r[0]) for r in before)
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        rows: list[dict[str, object]] = []
        for article, surface, begin, end, entity in ner:
            spans[str(article)].append((int(begin), int(end)))
            rows.append(_mention_row(str(article), str(surface), int(begin), int(end), str(entity)))
        aliases: dict[str, dict[str, str]] = defaultdict(dict)
        for article, surface, entity in known:
            aliases[str(article)][str(surface)] = str(entity)
        propagated: list[dict[str, object]] = []
        for article in chunk:
            if article not in texts or not aliases.get(article):
                continue
            index = AliasIndex(aliases[article])
            for m in find_alias_mentions(article, texts[article], index, spans.get(article, [])):
                owner = index[m.surface]
                rows.append(_mention_row(article, m.surface, m.start_char, m.end_char, owner))
                propagated.append({"article_id": article, "surface": m.surface, "start_char": m.start_char,
                                   "end_char": m.end_char, "entity_id": owner, "context_label": m.context_label,
                                   "context_weight": m.context_weight})
        involved.update(str(r["entity_id"]) for r in rows)
        build.replace_units("propagated_mentions", chunk, propagated)
        build.replace_units("entity_mentions", chunk, rows)
    return involved


def _mention_row(article: str, surface: str, start: int, end: int, entity: str) -> dict[str, object]:
    # entity_type is written by _retype_mentions once the entities' types are known
    return dataclasses.asdict(Mention(mention_id=stable_id("mention", article, start, end), article_id=article,
                                      entity_id=entity, surface=surface, entity_type="", start_char=start,
                                      end_char=end))


def _refresh_entities(build: Build, entity_ids: Sequence[str]) -> list[str]:
    """New rows for these entities from all their mentions (aggregated in SQL); those whose type changed."""
    if not entity_ids:
        return []
    with build.registered("wanted_ids", _ids(entity_ids)):
        members = """(select g.entity_id, n.article_id, n.surface, n.vote_label, n.context_label, n.context_weight
                      from ner_mentions as n inner join alias_groups as g using (group_key)
                      where g.entity_id in (select id from wanted_ids)
                      union all
                      select entity_id, article_id, surface, null, context_label, context_weight
                      from propagated_mentions where entity_id in (select id from wanted_ids))"""
        forms = build.query(f"select entity_id, surface, count(*)::integer from {members} group by all")  # noqa: S608
        votes = build.query(f"""select entity_id, vote_label, count(*)::integer from {members}
                                where vote_label is not null group by all
                                union all
                                select entity_id, context_label, sum(context_weight)::integer from {members}
                                where context_label is not null group by all""")  # noqa: S608
        counts = build.query(f"select entity_id, count(*)::integer, count(distinct article_id)::integer "  # noqa: S608
                             f"from {members} group by all")
        old_types = dict(build.query("select entity_id, entity_type from prev_entities "
                                     "where entity_id in (select id from wanted_ids)"))
    written: dict[str, dict[str, int]] = defaultdict(dict)
    for e, surface, n in forms:
        written[str(e)][str(surface)] = int(n)
    summed: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for e, label, n in votes:
        summed[str(e)][str(label)] += int(n)
    rows = []
    for e, mentions, articles in counts:
        e = str(e)
        rows.append(dataclasses.asdict(Entity(
            entity_id=e, canonical_name=canonical_from_forms(written[e]),
            entity_type=entity_type_from_votes(summed.get(e, {})), aliases=tuple(sorted(written[e])),
            mention_count=int(mentions), article_count=int(articles))))
    build.replace_units("entities", entity_ids, rows)
    return sorted(str(r["entity_id"]) for r in rows if old_types.get(r["entity_id"]) != r["entity_type"])


def _retype_mentions(build: Build, type_changed: Sequence[str], rederived: Sequence[str]) -> set[str]:
    """Give the mentions of re-derived articles, and every mention of an entity whose type changed,
    their entity's type; the articles whose mentions were retyped."""
    with build.registered("changed_entities", _ids(type_changed)):
        others = {str(r[0]) for r in build.query(
            "select distinct article_id from entity_mentions where entity_id in (select id from changed_entities)")}
    articles = sorted(others | set(rederived))
    if not articles:
        return set()
    build.touch_units("entity_mentions", articles)
    with build.registered("wanted_ids", _ids(articles)):
        build.con.execute("""update delta.entity_mentions as m set entity_type = e.entity_type
                             from entities as e
                             where m.entity_id = e.entity_id and m.article_id in (select id from wanted_ids)""")
    return others


def _relink_speakers(build: Build, articles: Sequence[str]) -> None:
    """Link the quote speakers of these articles to their entities again, where the link changed."""
    if not articles:
        return
    with build.registered("wanted_ids", _ids(articles)):
        speakers = [(str(q), str(a), str(s)) for q, a, s in build.query(
            "select quote_id, article_id, speaker from quotes "
            "where article_id in (select id from wanted_ids) and speaker is not null")]
        mentions = [Mention(mention_id=str(m), article_id=str(a), entity_id=str(e), surface=str(s), entity_type=str(t),
                            start_char=int(b), end_char=int(f)) for m, a, e, s, t, b, f in build.query(
            "select mention_id, article_id, entity_id, surface, entity_type, start_char, end_char "
            "from entity_mentions where article_id in (select id from wanted_ids)")]
        current = {str(q): (str(a), e) for q, a, e in build.query(
            "select quote_id, article_id, speaker_entity_id from quotes "
            "where article_id in (select id from wanted_ids)")}
    links = link_speakers(speakers, mentions)
    changed = {q: links.get(q) for q, (_, e) in current.items() if links.get(q) != e}
    build.update_column("quotes", "quote_id", "speaker_entity_id", changed, sorted({current[q][0] for q in changed}))

