"""Entity mentions in one article: spaCy's NER, cleaned, linked inside the article, with type hints.

This is the per-article part of the entities stage (it runs in the worker processes, once per
article, and is incremental). spaCy's en_core_web_sm finds mentions (tok2vec + ner only,
nlp.pipe in batches). Each mention is cleaned: titles and roles are not part of a name
(President, Defense Minister, Lieutenant Colonel, leader), nor a leading "the", a possessive
's, or page text glued to a byline ("Alex MacDonald Thu").

A span NER glued over a comma ("Streamline Plus, Acme") is split, and so is a possessive
fragment ("Assad's Alawite") whose owner the article names on its own elsewhere.

Then, inside the article, short references are linked to the fullest mention of what they name:
a bare surname to the person the article names in full with it most often (full name or given
name alone; the first named on a tie; whatever spaCy labelled the surname, unless the words
around it say place), "the Observatory" to the organisation whose name contains it, a shortened
name ("Syrian Observatory", "Security Council", "Acme" of "Acme Group Corp") to the longer one,
an acronym to the name it abbreviates (defined in parentheses, or its initials), and a later
name given as "his real name, X" to the person. Each mention carries the alias-group key of
that anchor (`entity_key`: the spelling-insensitive `name_key`, with a country's short forms,
a group's plural and a legal suffix folded): mentions with one key and one type family are one
alias group across the corpus (transforms/entities.py resolves the groups into entities). The
words around each mention give a type hint ("the city of X" -> GPE).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from transforms.lexicon import COUNTRY_FORMS, LEGAL_SUFFIXES
from transforms.records import Article

# Bump when a change here alters the mentions found in an article (NER is rerun on every article).
VERSION = "4"

ENTITY_TYPES = frozenset("PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW".split())
# spaCy components NER needs; the rest are excluded when the model is loaded
NER_ONLY_EXCLUDE = ("parser", "tagger", "attribute_ruler", "lemmatizer", "senter")


def ner_pipes(nlp: Any) -> list[str]:
    """The components NER runs with: ner, and a shared tok2vec (or transformer) only if ner listens
    to it. en_core_web_sm's ner embeds its own tok2vec, so the shared one (for the tagger and the
    parser) is left out: about a sixth less time for the same entities."""
    shared = [name for name in ("tok2vec", "transformer") if name in nlp.pipe_names
              and "ner" in getattr(nlp.get_pipe(name), "listening_components", [])]
    return [name for name in nlp.pipe_names if name == "ner" or name in shared]

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
    """A cleaned NER mention in one article, linked inside it (the per-article stage's row)."""

    article_id: str
    surface: str
    label: str  # spaCy's label for this mention alone
    start_char: int
    end_char: int
    key: str = ""  # name_key of the fullest mention of the same thing in the article (its anchor)
    anchor_label: str = ""  # spaCy's label of that anchor: with the key, it names the alias group
    context_label: str | None = None  # the type the words around the mention suggest, or None
    context_weight: int = 0  # how strongly (0 when no hint)


def find_mentions(nlp: Any, articles: Sequence[Article], batch_size: int = 1) -> list[RawMention]:
    """Run spaCy NER over articles (nlp.pipe) and clean what it finds.

    A worker's memory peaks here, with the pieces spaCy reads at once: batch_size pieces of at most
    _PIECE_CHARS each. One piece at a time: about 40 MiB above the loaded model over a 64-file
    batch, where 4 pieces took 70-75 MiB and 32 pieces of up to 100,000 characters 550 MB, all at
    the same CPU time and with the same mentions."""
    found: list[RawMention] = []
    pieces = [(index, offset, piece) for index, a in enumerate(articles) for offset, piece in _pieces(a.text)]
    entities: list[list[tuple[int, int, str]]] = [[] for _ in articles]
    docs = nlp.pipe((piece for _, _, piece in pieces), batch_size=batch_size)
    for (index, offset, _), doc in zip(pieces, docs, strict=True):
        entities[index] += [(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents]
    for article, ents in zip(articles, entities, strict=True):
        spans = [(part_start, part_end, label) for start, end, label in ents
                 for part_start, part_end in split_glued(article.text, start, end)]
        raw = []
        for start, end, label in split_possessives(article.text, spans):
            cleaned = clean_mention(article.text, start, end, label)
            if cleaned is not None:
                start, end = cleaned
                raw.append(RawMention(article.article_id, article.text[start:end], label, start, end))
        found.extend(link_in_article(article.text, raw))
    return found


# NER reads a longer text in pieces cut at paragraph breaks: spaCy refuses texts over its
# max_length, and its memory grows with the length of what it reads at once. Entities do not
# cross paragraphs; a paragraph longer than a piece is cut at a space (4 of 9,323 mentions of 192
# bench articles changed when pieces went from 100,000 characters to these).
_PIECE_CHARS = 10_000


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of a text cut at paragraph breaks (else spaces) into pieces of at most _PIECE_CHARS."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE_CHARS)
        if end < len(text):
            cut = text.rfind("\n\n", start + 1, end)
            if cut <= start:
                cut = text.rfind(" ", start + 1, end)
            if cut > start:
                end = cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces or [(0, text)]


def split_glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an NER span that runs over a comma into its parts ("Streamline Plus, Acme");
    a bare legal suffix after a comma ("Acme, Inc.") stays with the name."""
    parts: list[tuple[int, int]] = []
    at = start
    for comma in re.finditer(r",\s+", text[start:end]):
        tail = text[start + comma.end() : end].strip(" .").lower()
        if tail in LEGAL_SUFFIXES:
            break
        parts.append((at, start + comma.start()))
        at = start + comma.end()
    parts.append((at, end))
    return parts


_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


def split_possessives(text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Split "X's Y" spans ("Assad's Alawite") into X and Y when X is named on its own elsewhere
    in the article (its key is a mention's key or a name's last word): a fragment, not a name
    ("McDonald's Corp" keeps its possessive)."""
    known: set[str] = set()
    for start, end, _ in spans:
        if _INNER_POSSESSIVE.search(text, start, end) is None:
            words = text[start:end].split()
            known.add(name_key(text[start:end]))
            if words:
                known.add(name_key(words[-1]))
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        match = _INNER_POSSESSIVE.search(text, start, end)
        if match is None or name_key(text[start : match.start()]) not in known:
            out.append((start, end, label))
            continue
        out.append((start, match.start(), label))
        out.append((match.end(), end, label))
    return out


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
    return _name_key(surface)


_QUOTES = re.compile(r"['’`]")
_ARABIC_ARTICLE = re.compile(r"\b(al|el|ad|ash|as|an)-")
_KEY_TOKEN = re.compile(r"[a-z0-9]+")
_INNER_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)  # a pure function of the string: names repeat within and across articles
def _name_key(surface: str) -> str:
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _ARABIC_ARTICLE.sub("", _QUOTES.sub("", text))
    tokens = []
    for token in _KEY_TOKEN.findall(text):
        token = _SHORT_WORDS.get(token, token)
        if not token or token == "the":
            continue
        if len(token) >= 5:
            token = _DOUBLED.sub(r"\1", token[0] + _INNER_VOWELS.sub("", token[1:]))
        tokens.append(token)
    return " ".join(tokens)


# Words that designate a company after its name ("Acme Airlines", "Acme Group Corp")
_DESIGNATORS = LEGAL_SUFFIXES | frozenset("group holdings company airline airlines airways".split())
_DEMONYM_PLURAL = re.compile(r"(?:ite|ian|an)s$")


def entity_key(surface: str, label: str) -> str:
    """The alias-group key of an anchor: its name_key, with country short forms, plural
    nationality or group words ("Alawites") and a legal suffix ("Acme Inc.") folded."""
    country = COUNTRY_FORMS.get(surface)
    if country:
        return name_key(country)
    words = surface.split()
    if len(words) > 1 and words[-1].strip(".,").lower() in LEGAL_SUFFIXES:
        surface = " ".join(words[:-1]).rstrip(",")
    elif len(words) == 1 and surface[-1:] == "s" and surface[-2:] != "ss" and (
            label == "NORP" or (label != "PERSON" and _DEMONYM_PLURAL.search(surface))):
        surface = surface[:-1]
    return name_key(surface)


def link_in_article(text: str, mentions: Sequence[RawMention]) -> list[RawMention]:
    """Give each mention of one article its anchor's key and label, and its type hint."""
    items = []
    for m in sorted(mentions, key=lambda m: (m.start_char, m.end_char)):
        hint = context_hint(text, m.start_char, m.end_char)
        items.append(replace(m, context_label=hint[0] if hint else None, context_weight=hint[1] if hint else 0))
    acronyms = _defined_acronyms(text)
    # the multi-word mentions of the article, with their words' keys, computed once
    multi = [(i, c, [name_key(w) for w in c.surface.split()], name_key(c.surface))
             for i, c in enumerate(items) if len(c.surface.split()) > 1]
    people = _People(multi, items)
    anchor: dict[int, int] = {}
    position = {id(m): i for i, m in enumerate(items)}
    for index, m in enumerate(items):
        anchor[index] = position[id(_anchor_in_article(m, index, multi, acronyms, people))]
    for m, target in _real_names(items, text):
        anchor[position[id(m)]] = position[id(target)]
    linked = []
    for index, m in enumerate(items):
        root = _root(anchor, index)
        linked.append(replace(m, key=entity_key(items[root].surface, items[root].label),
                              anchor_label=items[root].label))
    return linked


def _root(anchor: dict[int, int], index: int) -> int:
    seen = set()
    while anchor.get(index, index) != index and index not in seen:
        seen.add(index)
        index = anchor[index]
    return index


def initials(surface: str) -> str:
    """The initials of a name, particles left out ("Syrian Observatory for Human Rights" -> SOHR)."""
    words = [w for w in re.split(r"[\s-]+", surface) if w and w.lower() not in _STOP_IN_NAMES]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


_Multi = tuple[int, RawMention, list[str], str]  # position, mention, its words' keys, its key


class _People:
    """The people one article names in full, by surname, with how often it mentions each."""

    def __init__(self, multi: list[_Multi], items: list[RawMention]) -> None:
        self.by_surname: dict[str, list[_Multi]] = {}
        for entry in multi:
            if entry[1].label == "PERSON":
                self.by_surname.setdefault(entry[2][-1], []).append(entry)
        self.full = Counter(entry[3] for entry in multi)
        self.given = Counter(name_key(m.surface) for m in items if m.label == "PERSON" and " " not in m.surface)


def _anchor_in_article(m: RawMention, index: int, multi: list[_Multi], acronyms: dict[str, str],
                       people: _People) -> RawMention:
    words = m.surface.split()
    key = name_key(m.surface)
    if m.surface.isupper() and 2 <= len(m.surface) <= 6 and "." not in m.surface:
        expansion = acronyms.get(m.surface)
        expansion_key = name_key(expansion) if expansion else None
        for _, candidate, _, candidate_key in multi:
            if candidate_key == expansion_key or initials(candidate.surface) == m.surface:
                return candidate
        return m
    if len(words) == 1:
        # the nearest before it first, then the rest of the article
        pool = [entry for entry in reversed(multi) if entry[0] < index] + [entry for entry in multi if entry[0] > index]
        if m.label == "PERSON" or (m.label != "NORP" and not _place_context(m)):
            person = _person_of_surname(key, index, people)
            if person is not None:
                return person
        for _, candidate, candidate_keys, _ in pool:
            if candidate.label == "ORG" and key in candidate_keys[1:] and m.label in ("ORG", "PERSON", "NORP"):
                return candidate  # "the Observatory": the organisation whose name holds it
        for _, candidate, candidate_keys, _ in pool:
            if (candidate.label == "ORG" and m.label != "NORP" and candidate_keys[0] == key
                    and all(w.lower().strip(".,") in _DESIGNATORS for w in candidate.surface.split()[1:])):
                return candidate  # "Acme" -> "Acme Group Corp": a company without its designator
        return m
    if m.label != "PERSON":
        longer = [candidate for _, candidate, _, candidate_key in multi if candidate is not m
                  and (candidate.label == m.label or candidate.label == "ORG")
                  and (candidate_key.startswith(key + " ") or candidate_key.endswith(" " + key))]
        if longer:
            # "Syrian Observatory" -> "Syrian Observatory for Human Rights", "Security Council" ->
            # "UN Security Council": the longest such name of the article
            return max(longer, key=lambda candidate: len(candidate.surface))
    return m


def _person_of_surname(key: str, index: int, people: _People) -> RawMention | None:
    """The person a bare surname means (spaCy may call "Lund" a place or an organisation):
    of the people named in full with it before it (anywhere, if none is), the one the
    article mentions most (full name or given name alone); on a tie, the first named. Not
    the nearest: "Bashar al-Assad ... his father Hafez al-Assad ... Assad said" is Bashar."""
    named = people.by_surname.get(key, [])
    named = [entry for entry in named if entry[0] < index] or named
    if not named:
        return None
    given: dict[str, str] = {}
    for entry in named:
        given.setdefault(entry[2][0], entry[3])  # a given name counts for the first named with it

    def mentions(entry: _Multi) -> int:
        alone = people.given[entry[2][0]] if given[entry[2][0]] == entry[3] else 0
        return people.full[entry[3]] + alone

    return max(named, key=mentions)[1]  # max keeps the first best


def _place_context(m: RawMention) -> bool:
    """Whether the words around a mention say it is a place ("in Jordan", "the city of X")."""
    return m.context_label == "GPE"


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
            if initials(candidate).startswith(letters[0]) and len(candidate) > len(letters):
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


def context_hint(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The type the words around a mention suggest, with its weight, or None."""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    votes: dict[str, int] = {}
    for side, pattern, label, weight in _TYPE_CONTEXT:
        if pattern.search(before if side == "before" else after):
            votes[label] = votes.get(label, 0) + weight
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
