"""Entities across the corpus: alias groups resolved into entities, typed, named and propagated.

The per-article part (transforms/mentions.py) gives each NER mention the key of its anchor in
its article. Here, across articles, as small pure rules an incremental engine can call on the
alias groups a change touches (`resolve_entities` composes them for a whole corpus):
- mentions with one key and one type family are one alias group (`alias_group`); an entity is a
  connected component of `ENTITY_RULE` over the groups: groups of one key are one entity
  whatever spaCy labelled each mention, unless the key is the surname of a person named in full
  somewhere and also names something else ("Jordan" the lawmaker, "Jordan" the country); an
  acronym joins the name whose initials it is; a shortened organisation name ("Syrian
  Observatory") joins the one longer name it shortens ("Syrian Observatory for Human Rights");
- any other occurrence of a distinctive alias of an entity, in any article, is a mention of it
  too (spaCy's small model finds "HTS" once in ten): `find_alias_mentions`, one article at a time;
- an entity's type is voted over its mentions' labels and the words around them, and written
  on every mention; the canonical name is the most frequent of the fullest forms;
- the entity id is a hash of the smallest alias-group key of the entity: two entities never
  share one, whatever their names, and it is stable while the entity keeps that group.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from transforms.components import LinkRule, connected_components
from transforms.ids import stable_id
from transforms.lexicon import COUNTRY_FORMS
from transforms.mentions import ENTITY_TYPES, RawMention, context_hint, initials, name_key

__all__ = [
    "ENTITY_RULE", "ENTITY_TYPES", "PROPAGATED", "AliasGroup", "AliasIndex", "Entity", "Mention", "RawMention",
    "alias_group", "alias_owner", "canonical_name", "entity_id", "entity_type", "find_alias_mentions",
    "group_blocking_keys", "group_key", "is_distinctive", "link_speakers", "linked_groups", "resolve_entities",
]

# Bump when a change here alters how entities are resolved: every article's entities are re-resolved.
VERSION = "1"

PROPAGATED = "propagated"  # the label of a mention found by name, not by NER: it takes its entity's type, votes none


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


@dataclass(frozen=True)
class AliasGroup:
    """One alias group's summary, a function of that group's own NER mentions alone."""

    group_key: str  # key|family
    key: str  # the anchors' name_key
    family: str  # the anchors' type family: PERSON, ORG, place, NORP ...
    mention_count: int
    forms: tuple[tuple[str, int], ...]  # each surface written, with its count, sorted by surface


def family_of(label: str) -> str:
    """The type family of a spaCy label: places (GPE, LOC, FAC) are one family."""
    return {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label)


def group_key(m: RawMention) -> str:
    """The alias group of a mention: its anchor's key and type family."""
    return m.key + "|" + family_of(m.anchor_label)


def alias_group(group_key: str, mentions: Iterable[RawMention]) -> AliasGroup:
    """Summarise the NER mentions of one alias group."""
    return alias_group_of_forms(group_key, Counter(m.surface for m in mentions))


def alias_group_of_forms(group_key: str, forms: Mapping[str, int]) -> AliasGroup:
    """An alias group from how often each of its forms was written (all a summary needs)."""
    key, family = group_key.rsplit("|", 1)
    return AliasGroup(group_key=group_key, key=key, family=family, mention_count=sum(forms.values()),
                      forms=tuple(sorted(forms.items())))


def _is_acronym(surface: str) -> bool:
    return surface.isupper() and 2 <= len(surface) <= 6 and " " not in surface


def _acronym(group: AliasGroup) -> str | None:
    """The acronym a group is written as, when its most frequent form is one."""
    top = sorted(group.forms, key=lambda kv: (-kv[1], kv[0]))[0][0]
    return top if _is_acronym(top) else None


def _longest_form(group: AliasGroup) -> str:
    return sorted(group.forms, key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]


# Words after which a longer organisation name goes on with what its short name leaves out
# ("Syrian Observatory for Human Rights" is shortened to "Syrian Observatory").
_NAME_CONNECTORS = frozenset("for of on to and in".split())


def _short_org_stem(key: str) -> str | None:
    """The part of a long organisation key before its first connector ("syrn obsrvtry"), if any."""
    tokens = key.split()
    for index, token in enumerate(tokens):
        if token in _NAME_CONNECTORS:
            return " ".join(tokens[:index]) if index >= 2 and index < len(tokens) - 1 else None
    return None


def group_blocking_keys(group: AliasGroup) -> list[str]:
    """Keys shared by any two groups that may be one entity."""
    keys = ["k:" + group.key]
    tokens = group.key.split()
    if len(tokens) == 1:
        keys.append("s:" + group.key)  # a bare word meets the people whose surname it is
    elif group.family == "PERSON" and tokens:
        keys.append("s:" + tokens[-1])
    acronym = _acronym(group)
    if acronym and group.family != "PERSON":
        keys.append("i:" + acronym)
    longest = _longest_form(group)
    if len(longest.split()) > 1 and group.family != "PERSON":
        keys.append("i:" + initials(longest))  # a name meets the acronym of its initials
    if group.family == "ORG":
        stem = _short_org_stem(group.key)
        if stem:
            keys.append("p:" + stem)  # a long organisation name meets its short form
        elif len(tokens) >= 2:
            keys.append("p:" + group.key)
    return keys


def linked_groups(group: AliasGroup, candidates: Sequence[AliasGroup]) -> list[str]:
    """The group keys among the candidates that are the same entity as this group."""
    linked: list[str] = []
    # one key, another family: one entity, unless a bare word is both a person's surname
    # (someone is named in full with it) and something else; a nationality is never its
    # country, even where their keys meet ("Israeli", "Israel"), nor where spaCy labelled
    # the nationality word a place once (then the place group holds it too)
    same_key = [c for c in candidates if c.key == group.key and c.family != group.family
                and {c.family, group.family} != {"NORP", "place"}]
    if same_key:
        surname = " " not in group.key and any(
            c.family == "PERSON" and c.key.endswith(" " + group.key) for c in candidates)
        for c in same_key:
            if not (surname and "PERSON" in (c.family, group.family)):
                linked.append(c.group_key)
    acronym = _acronym(group)
    if acronym and group.family != "PERSON" and group.key == name_key(acronym):
        # an acronym no article spelled out joins the name of its initials; never a person's
        # ("US" is not "Ulrich Schmidt"), and not when its key already is a full name's
        spelled = [c for c in candidates if c.key != group.key and c.family != "PERSON"
                   and len(_longest_form(c).split()) > 1 and initials(_longest_form(c)) == acronym]
        if spelled:  # the most written name with those initials
            linked.append(sorted(spelled, key=lambda c: (-c.mention_count, c.group_key))[0].group_key)
    if group.family == "ORG" and len(group.key.split()) >= 2 and _short_org_stem(group.key) is None:
        longer = [c for c in candidates if c.family == "ORG" and _short_org_stem(c.key) == group.key]
        if len(longer) == 1:  # shortened from one longer name only: not ambiguous
            linked.append(longer[0].group_key)
    return sorted(set(linked))


ENTITY_RULE: LinkRule[AliasGroup] = LinkRule(
    node_id=lambda g: g.group_key, blocking_keys=group_blocking_keys, links=linked_groups)


def entity_id(group_keys: Iterable[str]) -> str:
    """The id of the entity made of these alias groups: a hash of the smallest group key."""
    return stable_id("entity", min(group_keys))


# How words naming a nationality, religion or political group end ("Syrian", "Sudanese",
# "Kurdish", "Iraqi", "Alawite", "Islamist", "French", "Kurds")
_GROUP_WORD = re.compile(r"(?:an|ese|ish|i|ic|ite|ist|ch|s)$")
# The vote of a NORP label on a word not shaped like a group name: spaCy's small model calls many
# a town NORP, so it counts only when nothing else votes.
DOUBTFUL_NORP = "NORP?"


def vote_label(m: RawMention) -> str | None:
    """The type one mention votes for its entity: an NER mention its anchor's label (the fullest
    mention in its article is the best labelled one: "Mira Holt" PERSON over "Holt" ORG), an
    acronym its own, a doubtful NORP DOUBTFUL_NORP; a propagated mention none."""
    if m.label == PROPAGATED:
        return None
    label = m.label if _is_acronym(m.surface) or not m.anchor_label else m.anchor_label
    if label == "NORP" and not _GROUP_WORD.search(m.surface):
        return DOUBTFUL_NORP
    return label


def entity_type(members: Sequence[RawMention]) -> str:
    """The type voted by an entity's mentions and the words around them."""
    votes: Counter[str] = Counter(v for v in (vote_label(m) for m in members) if v)
    for m in members:
        if m.context_label:
            votes[m.context_label] += m.context_weight
    return entity_type_from_votes(votes)


def entity_type_from_votes(votes: Mapping[str, int]) -> str:
    """The winning type of summed votes (mention labels and context weights); a doubtful NORP
    only when nothing else voted, ORG when nothing voted at all."""
    sure = {label: n for label, n in votes.items() if label != DOUBTFUL_NORP and n}
    if not sure:
        return "NORP" if votes.get(DOUBTFUL_NORP) else "ORG"
    return sorted(sure.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def canonical_name(members: Sequence[RawMention]) -> str:
    """The most frequent of the forms with the most words (acronyms only when nothing else)."""
    return canonical_from_forms(Counter(m.surface for m in members))


def canonical_from_forms(written: Mapping[str, int]) -> str:
    """canonical_name from the count of each surface form an entity was written in."""
    # a country's short forms ("UK", "Britain") are named by the country's common name
    forms: Counter[str] = Counter()
    for surface, count in written.items():
        forms[COUNTRY_FORMS.get(surface, surface)] += count
    full = [f for f in forms if not f.isupper()] or list(forms)
    most_words = max(len(f.split()) for f in full)
    best = [f for f in full if len(f.split()) == most_words]
    return sorted(best, key=lambda f: (-forms[f], f))[0]


def is_distinctive(surface: str) -> bool:
    """Whether any other occurrence of this alias is a mention of its entity: two or more
    words, an acronym, or one capitalised word of four letters or more."""
    if not surface[:1].isupper():
        return False
    return " " in surface or (surface.isupper() and len(surface) >= 2) or len(surface) >= 4


def alias_owner(claims: Iterable[tuple[str, int]]) -> str:
    """The entity that owns an alias several claim: (entity_id, mentions written exactly so)
    pairs; most such mentions first, then the smallest entity id."""
    return sorted(claims, key=lambda kv: (-kv[1], kv[0]))[0][0]


class AliasIndex(Mapping[str, str]):
    """Known aliases (surface -> entity id), indexed by first word for `find_alias_mentions`."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self._aliases = dict(aliases)
        by_first: dict[str, list[str]] = defaultdict(list)
        for alias in sorted(self._aliases, key=lambda a: (-len(a), a)):  # longest first
            by_first[alias.split()[0]].append(alias)
        self.by_first: dict[str, list[str]] = dict(by_first)

    def __getitem__(self, surface: str) -> str:
        return self._aliases[surface]

    def __iter__(self) -> Iterator[str]:
        return iter(self._aliases)

    def __len__(self) -> int:
        return len(self._aliases)


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w'’.&-]*")
_WORD_END = re.compile(r"(?:['’]s?|\.+)$")
_LOWER_WORD = re.compile(r"\b[a-z][\w-]*\b")


def first_words(text: str) -> set[str]:
    """Every word an alias of `find_alias_mentions` could start with in this text (as written, and
    without a possessive or a sentence's full stop): an index of which articles to search."""
    found = set()
    for word in _CAPITALISED.finditer(text):
        token = word.group(0)
        found.add(token)
        found.add(_WORD_END.sub("", token))
    return found


def find_alias_mentions(article_id: str, text: str, aliases: Mapping[str, str],
                        taken: Sequence[tuple[int, int]]) -> list[RawMention]:
    """The occurrences, in one article, of known aliases that NER missed (label `propagated`).

    aliases maps a distinctive surface to its entity id (pass an AliasIndex to index it once
    for many articles); taken are the spans of the article's NER mentions. A one-word alias
    that the text also writes lowercase is a common word there ("Report", "State"): skipped.
    """
    index = aliases if isinstance(aliases, AliasIndex) else AliasIndex(aliases)
    covered = bytearray(len(text))  # 1 where a mention already is: an overlap test in the alias's length
    for a, b in taken:
        covered[a:b] = b"\x01" * (min(b, len(text)) - min(a, len(text)))
    found: list[RawMention] = []
    lowered_words: set[str] | None = None
    for word in _CAPITALISED.finditer(text):
        token = word.group(0)
        bare = _WORD_END.sub("", token)  # "Velmar." at a sentence end, "Velmar's"
        options = index.by_first.get(token, [])
        if bare != token and bare in index.by_first:
            options = sorted([*options, *index.by_first[bare]], key=lambda a: (-len(a), a))
        for alias in options:
            start, end = word.start(), word.start() + len(alias)
            if not text.startswith(alias, start) or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                continue
            if covered.find(1, start, end) >= 0:
                break
            if " " not in alias and not alias.isupper():
                if lowered_words is None:
                    lowered_words = set(_LOWER_WORD.findall(text))
                if alias.lower() in lowered_words:
                    break
            hint = context_hint(text, start, end)
            found.append(RawMention(article_id, alias, PROPAGATED, start, end, key=name_key(alias),
                                    anchor_label=PROPAGATED, context_label=hint[0] if hint else None,
                                    context_weight=hint[1] if hint else 0))
            covered[start:end] = b"\x01" * (end - start)
            break
    return found


def resolve_entities(mentions: Sequence[RawMention], texts: Mapping[str, str]) -> tuple[list[Entity], list[Mention]]:
    """Fold, type, name and propagate entities over every article's linked mentions."""
    by_group: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        by_group[group_key(m)].append(m)
    groups = [alias_group(key, members) for key, members in sorted(by_group.items())]
    members_of: dict[str, list[RawMention]] = {}
    for component in connected_components(groups, ENTITY_RULE):
        members_of[entity_id(component)] = [m for key in component for m in by_group[key]]
    claims: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for eid, members in members_of.items():
        for surface, count in Counter(m.surface for m in members).items():
            if is_distinctive(surface):
                claims[surface].append((eid, count))
    index = AliasIndex({surface: alias_owner(c) for surface, c in claims.items()})
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.article_id].append((m.start_char, m.end_char))
    if index:
        for article_id in sorted(texts):
            for m in find_alias_mentions(article_id, texts[article_id], index, taken.get(article_id, ())):
                members_of[index[m.surface]].append(m)
    entities: list[Entity] = []
    out: list[Mention] = []
    for eid, members in members_of.items():
        label = entity_type(members)
        entities.append(Entity(
            entity_id=eid, canonical_name=canonical_name(members), entity_type=label,
            aliases=tuple(sorted({m.surface for m in members})), mention_count=len(members),
            article_count=len({m.article_id for m in members}),
        ))
        for m in members:
            out.append(Mention(
                mention_id=stable_id("mention", m.article_id, m.start_char, m.end_char),
                article_id=m.article_id, entity_id=eid, surface=m.surface, entity_type=label,
                start_char=m.start_char, end_char=m.end_char,
            ))
    entities.sort(key=lambda e: e.entity_id)
    out.sort(key=lambda m: (m.article_id, m.start_char, m.end_char))
    return entities, out


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
