"""Mentions in one article: cleaning, spelling keys, linking inside the article, type hints."""

from __future__ import annotations

import pytest

from transforms.mentions import RawMention, clean_mention, context_hint, link_in_article, name_key


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("President Bashar al-Assad", "PERSON", "Bashar al-Assad"),  # a title is not part of the name
        ("Defense Minister Ali Abbas", "PERSON", "Ali Abbas"),  # nor a two-word role
        ("Lieutenant Colonel Hassan Abdul Ghani", "PERSON", "Hassan Abdul Ghani"),  # nor a rank
        ("Assad’s", "PERSON", "Assad"),  # no possessive
        ("the Syrian Observatory for Human Rights", "ORG", "Syrian Observatory for Human Rights"),  # no "the"
        ("Alex MacDonald Thu", "PERSON", "Alex MacDonald"),  # no page text glued to a byline
        ("Seizing Aleppo", "GPE", "Aleppo"),  # no sentence-initial verb
        ("HTS leader", "ORG", "HTS"),  # no trailing role
    ],
)
def test_clean_mention(text: str, label: str, expected: str) -> None:
    span = clean_mention(text, 0, len(text), label)
    assert span is not None and text[span[0] : span[1]] == expected


@pytest.mark.parametrize("label", ["DATE", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"])
def test_non_entity_types_are_dropped(label: str) -> None:
    assert clean_mention("December 6", 0, 10, label) is None


@pytest.mark.parametrize(
    "a, b",
    [
        ("al-Jolani", "al-Julani"),  # transliterations
        ("al-Jolani", "al-Joulani"),
        ("Mohammed", "Muhammad"),
        ("Abu Mohammed", "Abou Mohammed"),
        ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("António Guterres", "Antonio Guterres"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_different_people_and_a_person_and_a_place_keep_different_keys() -> None:
    assert name_key("Bashar al-Assad") != name_key("Hafez al-Assad")
    assert name_key("Homs") != name_key("Hamas")


def test_a_surname_and_an_acronym_take_their_anchor_key() -> None:
    text = "Hayat Tahrir al-Sham (HTS) moved. Bashar al-Assad left. Assad was gone. HTS said so."
    raw = [RawMention("a", s, label, text.index(s, start), text.index(s, start) + len(s))
           for s, label, start in [("Hayat Tahrir al-Sham", "ORG", 0), ("HTS", "ORG", 30),
                                   ("Bashar al-Assad", "PERSON", 0), ("Assad", "PERSON", 50)]]
    linked = {(m.surface, m.start_char): m for m in link_in_article(text, raw)}
    assert linked[("Assad", text.index("Assad was"))].key == name_key("Bashar al-Assad")
    assert linked[("HTS", text.index("HTS said"))].key == name_key("Hayat Tahrir al-Sham")


def test_the_words_around_a_mention_hint_its_type() -> None:
    text = "They entered the city of Homs on Friday."
    start = text.index("Homs")
    assert context_hint(text, start, start + 4) == ("GPE", 3)
