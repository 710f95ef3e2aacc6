"""Reads and writes of the corpus-level stages (stories, entities, statements) on a build."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from transforms.entities import Entity, Mention
from transforms.mentions import RawMention
from transforms.records import StoryAssignment
from warehouse.build import Build
from warehouse.sqlfiles import sql


def set_stories(build: Build, assignments: Sequence[StoryAssignment]) -> list[str]:
    """Write story_id and duplicate_of where they changed; return the articles whose story changed."""
    current = {str(a): (s, d) for a, s, d in build.query("select article_id, story_id, duplicate_of from articles")}
    changed = [a for a in assignments if current.get(a.article_id) != (a.story_id, a.duplicate_of)]
    ids = [a.article_id for a in changed]
    build.update_column("articles", "article_id", "story_id", {a.article_id: a.story_id for a in changed}, ids)
    build.update_column("articles", "article_id", "duplicate_of",
                        {a.article_id: a.duplicate_of for a in changed}, ids)
    return sorted(a.article_id for a in changed if current.get(a.article_id, (None,))[0] != a.story_id)


def ner_mentions(build: Build) -> list[RawMention]:
    """Every article's linked NER mentions."""
    return [RawMention(*row) for row in build.query(sql("ner_mentions_all"))]


def replace_entities(build: Build, entities: Sequence[Entity], mentions: Sequence[Mention]) -> None:
    """Make entities and entity_mentions hold exactly these rows, touching only what differs."""
    new_entities = {e.entity_id: {**asdict(e), "aliases": list(e.aliases)} for e in entities}
    old_entities = {str(r[0]): r for r in build.query(
        "select entity_id, canonical_name, entity_type, aliases, mention_count, article_count from entities")}
    changed_entities = [i for i in set(new_entities) | set(old_entities)
                        if i not in new_entities or i not in old_entities
                        or tuple(new_entities[i].values()) != (i, *old_entities[i][1:])]
    build.replace_units("entities", changed_entities, [new_entities[i] for i in changed_entities if i in new_entities])
    by_article: dict[str, list[tuple[object, ...]]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(tuple(asdict(m).values()))
    old: dict[str, list[tuple[object, ...]]] = {}
    for row in build.query("select mention_id, article_id, entity_id, surface, entity_type, start_char, end_char "
                           "from entity_mentions"):
        old.setdefault(str(row[1]), []).append(tuple(row))
    articles = [a for a in set(by_article) | set(old) if sorted(by_article.get(a, [])) != sorted(old.get(a, []))]
    rows = [m for m in mentions if m.article_id in set(articles)]
    build.replace_units("entity_mentions", articles, rows)


def quote_speakers(build: Build) -> list[tuple[str, str, str]]:
    """(quote_id, article_id, speaker) for quotes with a speaker."""
    return [(str(q), str(a), str(s)) for q, a, s in build.query(sql("quote_speakers"))]


def set_quote_column(build: Build, column: str, values: Mapping[str, str | None]) -> None:
    """Set speaker_entity_id or statement_id of every quote, touching only the quotes that change."""
    if column not in ("speaker_entity_id", "statement_id"):
        raise ValueError(column)
    current = {str(q): (str(a), v) for q, a, v in build.query(f"select quote_id, article_id, {column} from quotes")}  # noqa: S608
    changed = {q: values.get(q) for q in current if current[q][1] != values.get(q)}
    build.update_column("quotes", "quote_id", column, changed, [current[q][0] for q in changed])
