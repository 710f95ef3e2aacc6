"""Entities across the corpus: alias groups resolved into entities, typed, named and propagated.

The per-article part (transforms/mentions.py) gives each NER mention the key of its anchor in
its article. Here, across articles:
- mentions with one key and one type family are one alias group; groups of one key are one
  entity whatever spaCy labelled each mention, unless the key is the surname of a person named
  in full somewhere and also names something else ("Jordan" the lawmaker, "Jordan" the country);
  an acronym joins the name whose initials it is;
- any other occurrence of a distinctive alias of an entity, in any article, is a mention of it
  too (spaCy's small model finds "HTS" once in ten);
- an entity's type is voted over its mentions' labels and the words around them, and written
  on every mention; the canonical name is the most frequent of the fullest forms;
- the entity id is a hash of the smallest alias-group key of the entity: two entities never
  share one, whatever their names, and it is stable while the entity keeps that group.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transforms.ids import stable_id
from transforms.mentions import ENTITY_TYPES, RawMention, context_hint, initials, name_key

__all__ = ["ENTITY_TYPES", "Entity", "Mention", "RawMention", "link_speakers", "resolve_entities"]


@dataclass(frozen=True)
class Entity:
    entity_id: str
    canonical_name: str
    entity_type: str
    aliases: tuple[str, ...]
    mention_count: int
    article_count: int


@dataclass(frozen=True)
class Mention:
    mention_id: str
    article_id: str
    entity_id: str
    surface: str
    entity_type: str
    start_char: int
    end_char: int


def _family(label: str) -> str:
    return {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label)


def group_key(m: RawMention) -> str:
    """The alias group of a mention: its anchor's key and type family."""
    return m.key + "|" + _family(m.anchor_label)


def resolve_entities(mentions: Sequence[RawMention], texts: dict[str, str]) -> tuple[list[Entity], list[Mention]]:
    """Fold, type, name and propagate entities over every article's linked mentions."""
    groups: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        groups[group_key(m)].append(m)
    merged = _propagate(_merge_families(groups), texts)
    entities: list[Entity] = []
    out: list[Mention] = []
    for members in merged:
        label = _vote_label(members)
        canonical = _canonical(members)
        entity_id = stable_id("entity", min(group_key(m) for m in members if m.label != _PROPAGATED))
        entities.append(Entity(
            entity_id=entity_id,
            canonical_name=canonical,
            entity_type=label,
            aliases=tuple(sorted({m.surface for m in members})),
            mention_count=len(members),
            article_count=len({m.article_id for m in members}),
        ))
        for m in members:
            out.append(Mention(
                mention_id=stable_id("mention", m.article_id, m.start_char, m.end_char),
                article_id=m.article_id, entity_id=entity_id, surface=m.surface, entity_type=label,
                start_char=m.start_char, end_char=m.end_char,
            ))
    entities.sort(key=lambda e: e.entity_id)
    out.sort(key=lambda m: (m.article_id, m.start_char))
    return entities, out


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w'’.&-]*")
_PROPAGATED = "propagated"  # a mention found by name, not by NER: it takes its entity's type, votes none


def _propagate(groups: list[list[RawMention]], texts: dict[str, str]) -> list[list[RawMention]]:
    """Add the occurrences NER missed of names it found elsewhere (spaCy's small model finds
    "HTS" once in ten): any other occurrence, as a whole word, of a distinctive alias of an
    entity (two or more words, an acronym, or one capitalised word of four letters or more that
    is never lowercase in the text) is a mention of that entity too."""
    owner: dict[str, int] = {}
    for index, members in enumerate(groups):
        for m in members:
            surface = m.surface
            distinctive = " " in surface or (surface.isupper() and len(surface) >= 2) or len(surface) >= 4
            if distinctive and surface[:1].isupper():
                owner.setdefault(surface, index)
    if not owner:
        return groups
    by_first: dict[str, list[str]] = defaultdict(list)
    for alias in sorted(owner, key=len, reverse=True):
        by_first[alias.split()[0]].append(alias)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for members in groups:
        for m in members:
            taken[m.article_id].append((m.start_char, m.end_char))
    extra: dict[int, list[RawMention]] = defaultdict(list)
    for article_id, text in texts.items():
        spans = taken.get(article_id, [])
        lowered_words: set[str] | None = None
        for word in _CAPITALISED.finditer(text):
            for alias in by_first.get(word.group(0), ()):
                start, end = word.start(), word.start() + len(alias)
                if not text.startswith(alias, start) or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                    continue
                if any(a < end and start < b for a, b in spans):
                    break
                if " " not in alias and not alias.isupper():
                    if lowered_words is None:
                        lowered_words = set(re.findall(r"\b[a-z][\w-]*\b", text))
                    if alias.lower() in lowered_words:
                        break  # also a common word here ("Report", "State")
                hint = context_hint(text, start, end)
                extra[owner[alias]].append(RawMention(
                    article_id, alias, _PROPAGATED, start, end, context_label=hint[0] if hint else None,
                    context_weight=hint[1] if hint else 0))
                spans.append((start, end))
                break
    return [members + extra.get(index, []) for index, members in enumerate(groups)]


def _merge_families(groups: dict[str, list[RawMention]]) -> list[list[RawMention]]:
    """Groups of one key are one entity whatever spaCy labelled each mention (Homs as PERSON
    here, GPE there), unless the key is a surname of a person named in full somewhere and
    also names something else ("Jordan" the lawmaker, "Jordan" the country). Acronyms join
    the name whose initials they are."""
    by_key: dict[str, list[tuple[str, list[RawMention]]]] = defaultdict(list)
    surnames: set[str] = set()
    for group_key, members in groups.items():
        key, family = group_key.rsplit("|", 1)
        by_key[key].append((family, members))
        if family == "PERSON" and " " in key:
            surnames.add(key.split()[-1])
    merged: dict[str, list[RawMention]] = {}
    for key, families in by_key.items():
        people = [m for family, members in families if family == "PERSON" for m in members]
        others = [m for family, members in families if family != "PERSON" for m in members]
        if people and others and key in surnames and " " not in key:
            merged[key + "|PERSON"] = people
            merged[key] = others
        else:
            merged[key] = people + others
    by_initials: dict[str, str] = {}
    for key, members in merged.items():
        longest = max((m.surface for m in members), key=lambda s: len(s.split()))
        if len(longest.split()) > 1:
            by_initials.setdefault(initials(longest), key)
    for key in list(merged):
        members = merged[key]
        surface = members[0].surface
        target = by_initials.get(surface) if surface.isupper() and 2 <= len(surface) <= 6 else None
        if target and target in merged and target != key:
            merged[target] = merged[target] + merged.pop(key)
    return list(merged.values())


def _vote_label(members: Sequence[RawMention]) -> str:
    votes: Counter[str] = Counter(m.label for m in members if m.label != _PROPAGATED)
    for m in members:
        if m.context_label:
            votes[m.context_label] += m.context_weight
    if not votes:
        return "ORG"
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _canonical(members: Sequence[RawMention]) -> str:
    """The most frequent of the forms with the most words (acronyms only when nothing else)."""
    forms = Counter(m.surface for m in members)
    full = [f for f in forms if not f.isupper()] or list(forms)
    most_words = max(len(f.split()) for f in full)
    best = [f for f in full if len(f.split()) == most_words]
    return sorted(best, key=lambda f: (-forms[f], f))[0]


def link_speakers(speakers: Iterable[tuple[str, str, str]], mentions: Sequence[Mention]) -> dict[str, str]:
    """quote_id -> entity_id for speakers named by an entity mentioned in the same article."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.entity_type in ("PERSON", "ORG", "NORP", "GPE"):
            by_article[m.article_id].append(m)
    linked: dict[str, str] = {}
    for quote_id, article_id, speaker in speakers:
        key = name_key(re.sub(r"^(the|a|an)\s+", "", speaker, flags=re.I))
        last = key.split()[-1] if key else ""
        candidates = [m for m in by_article.get(article_id, []) if name_key(m.surface) == key]
        if not candidates and speaker[:1].isupper():
            # a name: its surname; a description ("the Syrian army") must match whole
            candidates = [m for m in by_article.get(article_id, [])
                          if last and m.entity_type == "PERSON" and name_key(m.surface).split()[-1:] == [last]]
        if candidates:
            linked[quote_id] = Counter(m.entity_id for m in candidates).most_common(1)[0][0]
    return linked
