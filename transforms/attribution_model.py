"""The learned attribution: rank the words of a quote's paragraph as its cue, then as its speaker.

Only paragraphs that hold a quotation are parsed (tagger + parser of spaCy's
en_core_web_sm, never its NER), and a long quotation's words are replaced by a short
stand-in clause first: who said it and with which verb depends on the words around the
marks, not on what was said, and the parse then costs a few words per quote.

Every word outside quotation marks is a candidate cue; the best-scoring one, or none,
wins. Given the cue, every noun or pronoun outside the marks is a candidate speaker. A
candidate's score is a dot product of its features (its relation in the parse to the
quote and to the cue, distance, side, part of speech, how often its lemma was a cue or a
speaker in training) with weights fit on PolNeAR's train articles by
bench/train_attribution.py, which writes transforms/models/attribution.json; this module
only reads it (plain Python, no training library at run time).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from transforms.lexicon import NAME_PARTICLES, PRONOUNS
from transforms.quote_spans import WORD, Span, hide_abbreviations
from transforms.speakers import Attribution, clean_name

# A quotation with more words than this is parsed as the stand-in clause below.
MAX_PARSED_QUOTE_WORDS = 6
STAND_IN = "This is it"

# The parse runs tagger and parser only (no attribute_ruler, lemmatizer or NER: they cost a
# third more and add nothing the ranking needs); coarse parts of speech come from the tags.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
_COARSE = {
    "NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "PRP": "PRON", "WP": "PRON",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
    "IN": "ADP", "RP": "ADP", "DT": "DET", "PDT": "DET", "WDT": "DET", "PRP$": "DET", "WP$": "DET",
    "CD": "NUM", "CC": "CCONJ", "TO": "PART", "POS": "PART", "UH": "INTJ",
}

_NULL = "null"  # the feature of the "no cue / no speaker in this paragraph" candidate
_SPEAKER_POS = frozenset({"PROPN", "PRON", "NOUN", "NUM", "X"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class Model:
    """Feature weights of the two rankers and the lemma statistics their features read."""

    cue_weights: dict[str, float]
    speaker_weights: dict[str, float]
    cue_lemmas: dict[str, float]  # lemma -> log-odds of being a cue, when outside quotation marks
    speaker_lemmas: dict[str, float]  # lemma -> log-odds of heading a speaker
    version: str


def model_from_json(data: dict[str, Any]) -> Model:
    """A Model from the dictionary bench/train_attribution.py writes."""
    return Model(
        cue_weights={str(k): float(v) for k, v in data["cue_weights"].items()},
        speaker_weights={str(k): float(v) for k, v in data["speaker_weights"].items()},
        cue_lemmas={str(k): float(v) for k, v in data["cue_lemmas"].items()},
        speaker_lemmas={str(k): float(v) for k, v in data["speaker_lemmas"].items()},
        version=str(data["version"]),
    )


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The model shipped in the package (transforms/models/attribution.json), read once per process."""
    source = resources.files("transforms.models").joinpath("attribution.json")
    return model_from_json(json.loads(source.read_text("utf-8")))


# --- parsing the paragraphs that hold quotations --------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """A parsed paragraph, with each token's place in the original text and the quote it sits in."""

    doc: Any  # spacy.tokens.Doc of the paragraph as parsed (long quotations replaced)
    starts: tuple[int, ...]  # original offset of each token
    ends: tuple[int, ...]  # original end offset of each token
    quote_of: tuple[int, ...]  # index (into the article's spans) of the quote holding each token, or -1


def stand_in_text(text: str, *, paragraph: tuple[int, int], spans: Sequence[tuple[int, Span]]
                  ) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The paragraph with long quotations replaced, and its segments (new start, orig start, length, quote)."""
    pieces: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    position, window_end = sentence_window(text, paragraph=paragraph, spans=[span for _, span in spans])
    length = 0

    def keep(start: int, end: int, quote: int) -> None:
        nonlocal length
        if end > start:
            pieces.append(text[start:end])
            segments.append((length, start, end - start, quote))
            length += end - start

    for index, span in spans:
        keep(position, span.start, -1)
        inner = text[span.start : span.end]
        if len(WORD.findall(inner)) > MAX_PARSED_QUOTE_WORDS:
            stripped = inner.rstrip()
            closing = stripped[-1] if stripped and stripped[-1] in ".,?!" else ""
            stand_in = STAND_IN + closing
            pieces.append(stand_in)
            segments.append((length, span.start, -len(stand_in), index))  # negative: not a verbatim copy
            length += len(stand_in)
        else:
            keep(span.start, span.end, index)
        position = span.end
    keep(position, window_end, -1)
    return "".join(pieces), segments


_SENTENCE_END = re.compile(r"[.!?][’'\"”)]?\s+(?=[A-Z“\"‘'(])")


def sentence_window(text: str, *, paragraph: tuple[int, int], spans: Sequence[Span]) -> tuple[int, int]:
    """From the start of the first quote's sentence to the end of the last one's: where attributions sit."""
    p_start, p_end = paragraph
    head = hide_abbreviations(text[p_start : spans[0].open_mark + 1])
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    start = p_start + (ends[-1] if ends else 0)
    last = spans[-1]
    if last.close_mark is None:
        return start, p_end
    tail = hide_abbreviations(text[last.close_mark + 1 : p_end])
    found = _SENTENCE_END.search(tail)
    return start, (last.close_mark + 1 + found.start() + 1) if found else p_end


def parse_paragraphs(nlp: Any, text: str, spans: Sequence[Span]) -> dict[tuple[int, int], Parsed]:
    """Parse every paragraph holding a quotation (NER left out), keyed by the paragraph's offsets."""
    by_paragraph: dict[tuple[int, int], list[tuple[int, Span]]] = {}
    for index, span in enumerate(spans):
        by_paragraph.setdefault(span.paragraph, []).append((index, span))
    keys = list(by_paragraph)
    built = [stand_in_text(text, paragraph=key, spans=by_paragraph[key]) for key in keys]
    disable = [name for name in nlp.pipe_names if name not in PARSE_COMPONENTS]
    parsed: dict[tuple[int, int], Parsed] = {}
    for key, (_, segments), doc in zip(keys, built, nlp.pipe((b[0] for b in built), disable=disable), strict=True):
        parsed[key] = _locate(doc, segments)
    return parsed


def _locate(doc: Any, segments: list[tuple[int, int, int, int]]) -> Parsed:
    """Map each token of a parsed stand-in paragraph back to the original text."""
    starts, ends, quotes = [], [], []
    for token in doc:
        offset = token.idx
        for new_start, orig_start, length, quote in segments:
            size = abs(length)
            if new_start <= offset < new_start + size:
                if length < 0:  # a token of the stand-in clause: it stands for the whole quotation
                    starts.append(orig_start)
                    ends.append(orig_start)
                else:
                    starts.append(orig_start + offset - new_start)
                    ends.append(orig_start + offset - new_start + len(token.text))
                quotes.append(quote)
                break
        else:
            starts.append(-1)
            ends.append(-1)
            quotes.append(-1)
    return Parsed(doc, tuple(starts), tuple(ends), tuple(quotes))


# --- features ---------------------------------------------------------------------------------


def pos(token: Any) -> str:
    """The coarse part of speech of a token, from its fine-grained tag."""
    return _COARSE.get(token.tag_, "PUNCT" if token.is_punct else "X")


def _bucket(distance: int) -> str:
    """A coarse distance: features stay few and weights stay general."""
    for limit in (0, 1, 2, 4, 8, 16):
        if distance <= limit:
            return str(limit)
    return "far"


def _quote_roots(parsed: Parsed, quote: int) -> list[Any]:
    """The tokens of the quote whose syntactic head lies outside it (or that are roots)."""
    roots = []
    for token in parsed.doc:
        if parsed.quote_of[token.i] == quote and (token.head.i == token.i or parsed.quote_of[token.head.i] != quote):
            roots.append(token)
    return roots


def _quote_edges(parsed: Parsed, quote: int) -> tuple[int, int]:
    """The first and last token index of the quote in the parsed paragraph."""
    inside = [i for i, q in enumerate(parsed.quote_of) if q == quote]
    return (inside[0], inside[-1]) if inside else (0, 0)


def _lemma_feature(table: dict[str, float], lemma: str) -> dict[str, float]:
    """How often a lemma played the part in training, or that it was never seen."""
    if lemma in table:
        return {"lemma_logodds": table[lemma]}
    return {"lemma_unseen": 1.0}


def _null_features(quoted: str) -> dict[str, float]:
    """Features of the "no cue here" candidate: what the quotation itself looks like (short, a title...)."""
    words = WORD.findall(quoted)
    stripped = quoted.strip()
    features = {_NULL: 1.0, f"null_words={_bucket(len(words))}": 1.0}
    if stripped[:1].isupper():
        features["null_capital"] = 1.0
    if stripped[-1:] in ".?!":
        features["null_sentence_end"] = 1.0
    if words and all(w[:1].isupper() for w in words):
        features["null_all_capitalised"] = 1.0
    return features


def cue_candidates(parsed: Parsed, quote: int, *, quoted: str, lemmas: dict[str, float]
                   ) -> list[tuple[int, dict[str, float]]]:
    """Every word outside quotation marks as a possible cue of the quote, with its features."""
    first, last = _quote_edges(parsed, quote)
    roots = _quote_roots(parsed, quote)
    root_heads = {r.head.i: r.dep_ for r in roots if r.head.i != r.i}
    root_ids = {r.i for r in roots}
    quote_sents = {parsed.doc[first].sent.start, parsed.doc[last].sent.start}
    candidates: list[tuple[int, dict[str, float]]] = [(-1, _null_features(quoted))]
    for token in parsed.doc:
        if parsed.quote_of[token.i] != -1 or token.is_punct or token.is_space:
            continue
        before = token.i < first
        distance = first - token.i if before else token.i - last
        between = range(token.i + 1, first) if before else range(last + 1, token.i)
        other_quote = any(parsed.quote_of[i] not in (-1, quote) for i in between)
        features: dict[str, float] = {
            "bias": 1.0,
            f"pos={pos(token)}": 1.0,
            f"tag={token.tag_}": 1.0,
            f"dep={token.dep_}": 1.0,
            f"side={'before' if before else 'after'}": 1.0,
            f"dist={_bucket(distance)}": 1.0,
            f"side_dist={'b' if before else 'a'}{_bucket(distance)}": 1.0,
        }
        features.update(_lemma_feature(lemmas, token.lower_))
        if token.i in root_heads:
            features["governs_quote"] = 1.0
            features[f"governs_quote_as={root_heads[token.i]}"] = 1.0
        if token.head.i in root_ids and token.head.i != token.i:
            features["child_of_quote"] = 1.0
            features[f"child_of_quote_as={token.dep_}"] = 1.0
        if any(a.i == token.i for r in roots for a in r.ancestors):
            features["ancestor_of_quote"] = 1.0
        if token.sent.start in quote_sents:
            features["same_sentence"] = 1.0
        if other_quote:
            features["other_quote_between"] = 1.0
        if any(c.dep_ in _SUBJECTS for c in token.children):
            features["has_subject"] = 1.0
        if all(parsed.doc[i].is_punct or parsed.quote_of[i] != -1 for i in between):
            features["adjacent"] = 1.0
        candidates.append((token.i, features))
    return candidates


def speaker_candidates(parsed: Parsed, quote: int, *, cue: int, lemmas: dict[str, float]
                       ) -> list[tuple[int, dict[str, float]]]:
    """Every noun or pronoun outside quotation marks as a possible speaker, given the chosen cue."""
    first, last = _quote_edges(parsed, quote)
    doc = parsed.doc
    cue_token = doc[cue] if cue >= 0 else None
    candidates: list[tuple[int, dict[str, float]]] = [(-1, {_NULL: 1.0})]
    for token in doc:
        if parsed.quote_of[token.i] != -1 or pos(token) not in _SPEAKER_POS:
            continue
        before = token.i < first
        distance = first - token.i if before else token.i - last
        features: dict[str, float] = {
            "bias": 1.0,
            f"pos={pos(token)}": 1.0,
            f"dep={token.dep_}": 1.0,
            f"quote_dist={_bucket(distance)}": 1.0,
            f"quote_side={'before' if before else 'after'}": 1.0,
        }
        features.update(_lemma_feature(lemmas, token.lower_))
        if token.text[:1].isupper():
            features["capitalised"] = 1.0
        if token.dep_ in ("compound", "flat") and pos(token.head) == pos(token):
            features["inside_name"] = 1.0
        if cue_token is not None:
            gap = cue_token.i - token.i
            features[f"cue_dist={_bucket(abs(gap))}"] = 1.0
            features[f"cue_side={'before' if gap > 0 else 'after'}"] = 1.0
            if token.head.i == cue_token.i:
                features[f"cue_child={token.dep_}"] = 1.0
            elif token.head.head.i == cue_token.i:
                features[f"cue_grandchild={token.head.dep_}:{token.dep_}"] = 1.0
            elif token.dep_ in _SUBJECTS and cue_token.head.i == token.head.i and cue_token.dep_ in (
                    "xcomp", "conj", "advcl"):
                features["subject_of_cue_head"] = 1.0
            if token.sent.start == cue_token.sent.start:
                features["cue_sentence"] = 1.0
            if token.dep_ == "appos" and token.head.head.i == cue_token.i:
                features["appos_of_cue_child"] = 1.0
        else:
            features["no_cue"] = 1.0
        candidates.append((token.i, features))
    return candidates


def score(weights: dict[str, float], features: dict[str, float]) -> float:
    """The candidate's score: its features dotted with the weights."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def best(weights: dict[str, float], candidates: Iterable[tuple[int, dict[str, float]]]) -> int:
    """The token index of the best candidate, -1 for "none" (the first best wins a tie)."""
    top, top_score = -1, -math.inf
    for index, features in candidates:
        value = score(weights, features)
        if value > top_score:
            top, top_score = index, value
    return top


# --- phrases from the chosen tokens ----------------------------------------------------------


def cue_phrase(doc: Any, index: int) -> str:
    """The cue as text: the verb with its particle ("pointed out"), "according to"."""
    token = doc[index]
    words = [token.text.lower()]
    particle = [c for c in token.children if c.dep_ == "prt"]
    if particle:
        words.append(particle[0].text.lower())
    elif token.lower_ == "according" and index + 1 < len(doc) and doc[index + 1].lower_ == "to":
        words.append("to")
    return " ".join(words)


def speaker_phrase(parsed: Parsed, index: int) -> tuple[str, str] | None:
    """The speaker as text and its kind (name, pronoun, description) from its head token."""
    doc = parsed.doc
    token = doc[index]
    while token.dep_ in ("compound", "flat") and token.head.i != token.i and parsed.quote_of[token.head.i] == -1 \
            and pos(token.head) in ("PROPN", "NOUN") and token.head.i > token.i:
        token = token.head  # "Hillary" in "Hillary Clinton": the name's head is its last word
    if pos(token) == "PRON" and token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl" \
            and parsed.quote_of[token.head.head.i] == -1:
        token = token.head.head  # "the senator, who said": the relative pronoun stands for its noun
    if pos(token) == "PRON":
        return (token.lower_, "pronoun") if token.lower_ in PRONOUNS else None
    start = end = token.i
    if pos(token) == "PROPN":
        while start - 1 >= 0 and parsed.quote_of[start - 1] == -1 and (
                pos(doc[start - 1]) == "PROPN" or doc[start - 1].lower_ in NAME_PARTICLES) \
                and not doc[start - 1].is_punct:
            start -= 1
        while end + 1 < len(doc) and parsed.quote_of[end + 1] == -1 and pos(doc[end + 1]) == "PROPN" \
                and doc[end + 1].head.i in range(start, end + 2):
            end += 1
        words = doc[start : end + 1].text
        name = clean_name(words) or (words if any(ch.isupper() for ch in words) else None)  # "de Blasio"
        return (name, "name") if name else None
    # a description: its determiner, adjectives and noun modifiers, then the noun
    left = [c for c in token.lefts if c.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod")]
    if left:
        start = min(c.left_edge.i for c in left)
    while start < token.i and parsed.quote_of[start] != -1:
        start += 1
    phrase = doc[start : token.i + 1].text
    first, _, rest = phrase.partition(" ")
    if first.lower() in ("the", "a", "an") and rest:
        phrase = f"{first.lower()} {rest}"
    return phrase, "description"


def _log_softmax(weights: dict[str, float], candidates: list[tuple[int, dict[str, float]]]
                 ) -> list[tuple[int, float]]:
    """Each candidate's log-probability under the ranker (a softmax over the candidates)."""
    scores = [(index, score(weights, features)) for index, features in candidates]
    top = max(value for _, value in scores)
    total = math.log(sum(math.exp(value - top) for _, value in scores)) + top
    return [(index, value - total) for index, value in scores]


# How many of the best cues are weighed together with their best speakers.
JOINT_CUES = 3


def model_attribution(model: Model, parsed: Parsed, quote: int, *, quoted: str
                      ) -> tuple[Attribution | None, int, int]:
    """The quote's attribution from its sentence (None when the model finds no cue), and the chosen tokens.

    When a cue ranks above "none", the few best cues are each paired with their best speaker
    and the pair with the highest joint probability wins: a cue with no likely speaker gives
    way to one with a clear subject.
    """
    ranked = sorted(_log_softmax(model.cue_weights, cue_candidates(parsed, quote, quoted=quoted,
                                                                   lemmas=model.cue_lemmas)),
                    key=lambda pair: (-pair[1], pair[0]))
    if not ranked or ranked[0][0] < 0:
        return None, -1, -1  # "no cue here" ranks first: the decision to attribute is the cue ranker's alone
    choice: tuple[float, int, int] | None = None
    for cue, cue_logp in [pair for pair in ranked if pair[0] >= 0][:JOINT_CUES]:
        speakers = _log_softmax(model.speaker_weights, speaker_candidates(parsed, quote, cue=cue,
                                                                          lemmas=model.speaker_lemmas))
        who, who_logp = max(speakers, key=lambda pair: (pair[1], -pair[0]))
        if choice is None or cue_logp + who_logp > choice[0]:
            choice = (cue_logp + who_logp, cue, who)
    if choice is None or choice[1] < 0:
        return None, -1, -1
    _, cue, who = choice
    cue_text = cue_phrase(parsed.doc, cue)
    phrase = speaker_phrase(parsed, who) if who >= 0 else None
    if phrase is None:
        return Attribution(None, cue_text, "none"), cue, who
    return Attribution(phrase[0], cue_text, phrase[1]), cue, who
