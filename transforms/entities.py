"""Entity mentions from spaCy's NER, cleaned, typed across the corpus, and resolved into entities.

Per article (incremental, the expensive part): spaCy's en_core_web_sm finds mentions
(tok2vec + ner only, nlp.pipe in batches). Each mention is cleaned: titles and roles are
not part of a name (President, Defense Minister, Lieutenant Colonel, leader), nor a leading
"the", a possessive 's, or page text glued to a byline ("Alex MacDonald Thu").

Across the corpus (cheap, every run that changed something):
- short references are linked inside their article: a surname to the person named in full
  (the nearest one before it, so "Assad" is Bashar al-Assad where the article means him,
  not Hafez), "the Observatory" to the organisation whose name contains it, an acronym to
  the name it abbreviates (defined in parentheses, or its initials: SOHR), and a later name
  given as "his real name, X" to the person;
- spellings are folded to a key that ignores accents, apostrophes, the Arabic article and
  vowels in longer words (al-Jolani / al-Julani / al-Joulani; Mohammed / Muhammad;
  Abu / Abou; Hay'at / Hayat; António / Antonio), and mentions with one key are one entity;
- an entity's type is voted over all its mentions, with patterns as extra votes ("the city
  of X" -> GPE, "X group" -> ORG), and written on every mention;
- the canonical name is the most frequent of the fullest forms; the entity id is a hash of
  type and canonical name, so it is stable while the canonical name is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from transforms.ids import stable_id
from transforms.records import Article

# Bump when a change here alters the raw mentions found in an article.
VERSION = "1"

ENTITY_TYPES = frozenset("PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW".split())
# spaCy components NER needs; the rest are excluded when the model is loaded
NER_ONLY_EXCLUDE = ("parser", "tagger", "attribute_ruler", "lemmatizer", "senter")

_TITLES = frozenset(
    """president vice prime minister secretary general secretary-general lieutenant colonel major
    captain sergeant commander chief director chairman chairwoman spokesman spokeswoman spokesperson
    envoy special ambassador senator sen sen. rep rep. representative governor gov gov. mayor judge
    justice king queen prince princess sheikh emir leader editor editor-in-chief defense defence
    foreign interior finance health attorney deputy acting former mr mr. mrs mrs. ms ms. dr dr.
    gen gen. lt lt. col col. capt capt. sgt sgt. prof prof. rev rev. pope saint st st. un u.n.
    rebel commander fighter analyst professor coach head""".split()
)
_GLUED_TAIL = re.compile(
    r"\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I
)
_SHORT_WORDS = {"abou": "abu", "al": "", "el": "", "ad": "", "as": "", "ash": "", "an": "", "ibn": "bin"}
_STOP_IN_NAMES = frozenset("of for the and de la le du von van al el".split())


@dataclass(frozen=True)
class RawMention:
    """A cleaned NER mention in one article, before resolution (the per-article stage's row)."""

    article_id: str
    surface: str
    label: str
    start_char: int
    end_char: int


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


def find_mentions(nlp: Any, articles: Sequence[Article], batch_size: int = 32) -> list[RawMention]:
    """Run spaCy NER over articles (nlp.pipe) and clean what it finds."""
    found: list[RawMention] = []
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        for ent in doc.ents:
            cleaned = clean_mention(article.text, ent.start_char, ent.end_char, ent.label_)
            if cleaned is not None:
                start, end = cleaned
                found.append(RawMention(article.article_id, article.text[start:end], ent.label_, start, end))
    return found


def clean_mention(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Trim titles, roles, 'the', possessives and glued page text off a mention; None to drop it."""
    if label not in ENTITY_TYPES:
        return None
    surface = text[start:end]
    # a leading "the", titles and roles ("Defense Minister", "HTS leader" stays HTS + leader: drop the role)
    while True:
        match = re.match(r"^(the|a|an)\s+", surface, re.I) or _leading_title(surface, label)
        if not match:
            break
        start += match.end()
        surface = text[start:end]
    gerund = re.match(r"^[A-Z][a-z]+ing\s+(?=[A-Z])", surface)
    if gerund:  # "Seizing Aleppo" at a sentence start
        start += gerund.end()
        surface = text[start:end]
    trailing = re.search(r"\s+(leader|chief|commander|spokesman|envoy|official|officials|forces|group)$", surface)
    if trailing and label in ("ORG", "GPE", "NORP", "PERSON") and " " in surface[: trailing.start()].strip() + " ":
        end -= len(trailing.group(0))
        surface = text[start:end]
    possessive = re.search(r"['’]s?$", surface)
    if possessive:
        end -= len(possessive.group(0))
        surface = text[start:end]
    glued = _GLUED_TAIL.search(surface)
    if glued and label == "PERSON":
        end -= len(glued.group(0))
        surface = text[start:end]
    surface = surface.strip(" -–—,.;:\"'“”‘’()")
    if not surface or not any(ch.isalpha() for ch in surface) or "\n" in surface:
        return None
    offset = text.find(surface, start, end + 1)
    if offset < 0:
        return None
    if surface[0].islower() and label != "NORP":
        return None  # "last week", lowercase junk
    return offset, offset + len(surface)


def _leading_title(surface: str, label: str) -> re.Match[str] | None:
    words = surface.split()
    if label != "PERSON" or len(words) < 2:
        return None
    first = words[0].lower()
    if first in _TITLES or first.rstrip(".") in _TITLES:
        return re.match(r"^\S+\s+", surface)
    return None


def name_key(surface: str) -> str:
    """A spelling-insensitive key: accents, apostrophes, the Arabic article and inner vowels folded."""
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"\b(al|el|ad|ash|as|an)-", "", text)
    tokens = []
    for token in re.findall(r"[a-z0-9]+", text):
        token = _SHORT_WORDS.get(token, token)
        if not token or token == "the":
            continue
        if len(token) >= 5:
            token = token[0] + re.sub(r"[aeiouy]", "", token[1:])
            token = re.sub(r"(.)\1+", r"\1", token)
        tokens.append(token)
    return " ".join(tokens)


def _family(label: str) -> str:
    return {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label)


def resolve_entities(mentions: Sequence[RawMention], texts: dict[str, str]) -> tuple[list[Entity], list[Mention]]:
    """Link, fold, type and name entities over every article's mentions."""
    by_article: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    # 1. inside each article: each mention points at the fullest mention of its entity
    anchor: dict[RawMention, RawMention] = {}
    for article_id, items in by_article.items():
        items.sort(key=lambda m: m.start_char)
        text = texts.get(article_id, "")
        acronyms = _defined_acronyms(text)
        # the multi-word mentions of the article, with their words' keys, computed once
        multi = [(i, c, [name_key(w) for w in c.surface.split()], name_key(c.surface))
                 for i, c in enumerate(items) if len(c.surface.split()) > 1]
        for index, m in enumerate(items):
            anchor[m] = _anchor_in_article(m, index, items, multi, acronyms)
        for m, target in _real_names(items, text):
            anchor[m] = target
    roots = {m: _root(anchor, m) for m in mentions}
    # 2. across articles: roots with one key are one entity
    groups: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        root = roots[m]
        groups[name_key(root.surface) + "|" + _family(_vote_label([root]))].append(m)
    merged = _propagate(_merge_families(groups), texts)
    entities: list[Entity] = []
    out: list[Mention] = []
    for members in merged:
        label = _vote_label(members, texts)
        canonical = _canonical(members)
        entity_id = stable_id("entity", label, canonical)
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
                extra[owner[alias]].append(RawMention(article_id, alias, _PROPAGATED, start, end))
                spans.append((start, end))
                break
    return [members + extra.get(index, []) for index, members in enumerate(groups)]


def _root(anchor: dict[RawMention, RawMention], m: RawMention) -> RawMention:
    seen = set()
    while anchor.get(m, m) is not m and m not in seen:
        seen.add(m)
        m = anchor[m]
    return m


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
    initials: dict[str, str] = {}
    for key, members in merged.items():
        longest = max((m.surface for m in members), key=lambda s: len(s.split()))
        if len(longest.split()) > 1:
            initials.setdefault(_initials(longest), key)
    for key in list(merged):
        members = merged[key]
        surface = members[0].surface
        target = initials.get(surface) if surface.isupper() and 2 <= len(surface) <= 6 else None
        if target and target in merged and target != key:
            merged[target] = merged[target] + merged.pop(key)
    return list(merged.values())


def _anchor_in_article(m: RawMention, index: int, items: list[RawMention],
                       multi: list[tuple[int, RawMention, list[str], str]], acronyms: dict[str, str]) -> RawMention:
    words = m.surface.split()
    key = name_key(m.surface)
    if m.surface.isupper() and 2 <= len(m.surface) <= 6 and "." not in m.surface:
        expansion = acronyms.get(m.surface)
        expansion_key = name_key(expansion) if expansion else None
        for _, candidate, _, candidate_key in multi:
            if candidate_key == expansion_key or _initials(candidate.surface) == m.surface:
                return candidate
        return m
    if len(words) == 1:
        # the nearest before it first, then the rest of the article
        pool = [entry for entry in reversed(multi) if entry[0] < index] + [entry for entry in multi if entry[0] > index]
        for _, candidate, candidate_keys, _ in pool:
            if m.label == "PERSON" and candidate.label == "PERSON" and key == candidate_keys[-1]:
                return candidate  # a surname: the person named in full nearest before it
        for _, candidate, candidate_keys, _ in pool:
            if candidate.label == "ORG" and key in candidate_keys[1:] and m.label in ("ORG", "PERSON", "NORP"):
                return candidate  # "the Observatory": the organisation whose name holds it
        return m
    if m.label != "PERSON":
        for _, candidate, _, candidate_key in multi:
            if candidate is not m and candidate.label == m.label and candidate_key.startswith(key + " "):
                return candidate  # "Syrian Observatory" -> "Syrian Observatory for Human Rights"
    return m


def _initials(surface: str) -> str:
    words = [w for w in re.split(r"[\s-]+", surface) if w and w.lower() not in _STOP_IN_NAMES]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


_ACRONYM_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and|al-|de)\s+)?){1,7})\((?P<acr>[A-Z]{2,6})\)")
_REAL_NAME = re.compile(r"\b(real|full|birth|legal|given|original) name,?\s*$|\bbetter known as\s*$|\bborn\s*$", re.I)


def _defined_acronyms(text: str) -> dict[str, str]:
    """ 'Hayat Tahrir al-Sham (HTS)': acronym -> the words before it that it abbreviates."""
    found: dict[str, str] = {}
    for match in _ACRONYM_DEFINED.finditer(text):
        words = match.group(1).split()
        letters = match.group("acr")
        for size in range(len(letters), len(words) + 1):
            candidate = " ".join(words[-size:])
            if _initials(candidate).startswith(letters[0]) and len(candidate) > len(letters):
                found.setdefault(letters, candidate)
                break
    return found


def _real_names(items: list[RawMention], text: str) -> Iterable[tuple[RawMention, RawMention]]:
    """'He later used his real name, Ahmed al-Sharaa': the new name is the person named before."""
    for index, m in enumerate(items):
        if m.label != "PERSON":
            continue
        lead = text[max(0, m.start_char - 40) : m.start_char]
        if not _REAL_NAME.search(lead):
            continue
        for earlier in reversed(items[:index]):
            if earlier.label == "PERSON" and len(earlier.surface.split()) > 1:
                yield m, earlier
                break


# Words around a mention that tell its type: (side, pattern, type, weight). "before" patterns
# end at the mention, "after" patterns start right after it.
_TYPE_CONTEXT: list[tuple[str, re.Pattern[str], str, int]] = [
    ("before", re.compile(r"\b(city|town|village|province|capital|region|district|governorate|country|state) of\s+$",
                          re.I), "GPE", 3),
    ("after", re.compile(r"^\s+(province|city|governorate|region)\b"), "GPE", 3),
    ("before", re.compile(r"\b(towards|toward|into|near|outside|across|around|leaving|left|reach|reached|entered|"
                          r"enter|captured|seized|took|lost|losing|capturing|capture of|fall of|fell to|control of|"
                          r"south of|north of|east of|west of)\s+$", re.I), "GPE", 2),
    ("before", re.compile(r"\bin\s+$"), "GPE", 1),
    ("after", re.compile(r"^\s+(group|militia|movement|party|organi[sz]ation|company|agency|club|council|network)\b"),
     "ORG", 2),
    ("after", re.compile(r"^\s+\([A-Z]{2,6}\)"), "ORG", 2),
    ("after", re.compile(r"^-led\b"), "ORG", 2),
    ("after", re.compile(r"^\s+(community|sect|minority|majority)\b"), "NORP", 2),
]


def _vote_label(members: Sequence[RawMention], texts: dict[str, str] | None = None) -> str:
    votes: Counter[str] = Counter(m.label for m in members if m.label != _PROPAGATED)
    if texts:
        for m in members:
            text = texts.get(m.article_id, "")
            before, after = text[max(0, m.start_char - 40) : m.start_char], text[m.end_char : m.end_char + 30]
            for side, pattern, label, weight in _TYPE_CONTEXT:
                if pattern.search(before if side == "before" else after):
                    votes[label] += weight
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
