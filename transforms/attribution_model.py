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
from collections.abc import Sequence
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
class Token:
    """A parsed word, as plain values: features read these, never spaCy objects (fast, testable)."""

    i: int
    text: str
    tag: str  # fine-grained (Penn) tag
    dep: str
    head: int  # index of the syntactic head (itself for a root)
    sent: int  # index of the first token of its sentence
    start: int  # offset in the original text (-1 if not from it; a stand-in's tokens: the quote's start)
    end: int
    quote: int  # index (into the article's spans) of the quotation holding it, or -1

    @property
    def lower(self) -> str:
        """The word in lower case (the lexicon key)."""
        return self.text.lower()

    @property
    def is_punct(self) -> bool:
        """Punctuation, by its tag."""
        return _COARSE.get(self.tag) is None and not any(ch.isalnum() for ch in self.text)


@dataclass(frozen=True)
class Parsed:
    """A parsed paragraph window: its tokens and, per token, its children."""

    tokens: tuple[Token, ...]
    children: tuple[tuple[int, ...], ...]

    @staticmethod
    def of(tokens: Sequence[Token]) -> Parsed:
        """Parsed from its tokens (children derived from the heads)."""
        children: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                children[token.head].append(token.i)
        return Parsed(tuple(tokens), tuple(tuple(c) for c in children))


def stand_in_text(text: str, *, paragraph: tuple[int, int], spans: Sequence[tuple[int, Span]]
                  ) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The paragraph with long quotations replaced, and its segments (new start, orig start, length, quote)."""
    pieces: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    position, window_end = sentence_window(text, paragraph=paragraph, spans=[span for _, span in spans])
    length = 0

    def keep(start: int, end: int, quote: int) -> None:
        """Copy text[start:end] into the window as it is."""
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
    """The parsed stand-in window as plain tokens placed back in the original text."""
    sentence_of = [0] * len(doc)
    for sentence in doc.sents:
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = sentence.start
    tokens = []
    for token in doc:
        offset = token.idx
        start = end = quote = -1
        for new_start, orig_start, length, segment_quote in segments:
            if new_start <= offset < new_start + abs(length):
                if length < 0:  # a token of the stand-in clause: it stands for the whole quotation
                    start = end = orig_start
                else:
                    start = orig_start + offset - new_start
                    end = start + len(token.text)
                quote = segment_quote
                break
        tokens.append(Token(token.i, token.text, token.tag_, token.dep_, token.head.i, sentence_of[token.i],
                            start, end, quote))
    return Parsed.of(tokens)


# --- features ---------------------------------------------------------------------------------


def pos(token: Token) -> str:
    """The coarse part of speech of a token, from its fine-grained tag."""
    return _COARSE.get(token.tag, "PUNCT" if token.is_punct else "X")


def _bucket(distance: int) -> str:
    """A coarse distance: features stay few and weights stay general."""
    for limit in (0, 1, 2, 4, 8, 16):
        if distance <= limit:
            return str(limit)
    return "far"


@dataclass(frozen=True)
class _Quote:
    """Where a quotation sits in a parsed window: its edge tokens, its roots and what governs them."""

    first: int
    last: int
    roots: frozenset[int]  # its tokens whose head lies outside it (or that are roots)
    governors: dict[int, str]  # head of a root outside the quote -> the root's relation
    ancestors: frozenset[int]  # every token above a root
    sentences: frozenset[int]


def _locate_quote(parsed: Parsed, quote: int) -> _Quote:
    """The quote's place in the parse."""
    tokens = parsed.tokens
    inside = [t.i for t in tokens if t.quote == quote]
    if not inside:
        return _Quote(0, 0, frozenset(), {}, frozenset(), frozenset())
    roots = frozenset(i for i in inside if tokens[i].head == i or tokens[tokens[i].head].quote != quote)
    governors = {tokens[r].head: tokens[r].dep for r in roots if tokens[r].head != r}
    ancestors: set[int] = set()
    for root in roots:
        node = root
        while tokens[node].head != node and tokens[node].head not in ancestors:
            node = tokens[node].head
            ancestors.add(node)
    first, last = inside[0], inside[-1]
    return _Quote(first, last, roots, governors, frozenset(ancestors),
                  frozenset({tokens[first].sent, tokens[last].sent}))


def _lemma_feature(table: dict[str, float], lemma: str) -> dict[str, float]:
    """How often a word played the part in training, or that it was never seen."""
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
    tokens = parsed.tokens
    where = _locate_quote(parsed, quote)
    candidates: list[tuple[int, dict[str, float]]] = [(-1, _null_features(quoted))]
    for token in tokens:
        if token.quote != -1 or token.is_punct:
            continue
        before = token.i < where.first
        distance = where.first - token.i if before else token.i - where.last
        between = range(token.i + 1, where.first) if before else range(where.last + 1, token.i)
        side = "before" if before else "after"
        features: dict[str, float] = {
            "bias": 1.0,
            f"pos={pos(token)}": 1.0,
            f"tag={token.tag}": 1.0,
            f"dep={token.dep}": 1.0,
            f"side={side}": 1.0,
            f"dist={_bucket(distance)}": 1.0,
            f"side_dist={side[0]}{_bucket(distance)}": 1.0,
        }
        features.update(_lemma_feature(lemmas, token.lower))
        if token.i in where.governors:
            features["governs_quote"] = 1.0
            features[f"governs_quote_as={where.governors[token.i]}"] = 1.0
        if token.head in where.roots and token.head != token.i:
            features["child_of_quote"] = 1.0
            features[f"child_of_quote_as={token.dep}"] = 1.0
        if token.i in where.ancestors:
            features["ancestor_of_quote"] = 1.0
        if token.sent in where.sentences:
            features["same_sentence"] = 1.0
        if any(tokens[i].quote not in (-1, quote) for i in between):
            features["other_quote_between"] = 1.0
        if any(tokens[c].dep in _SUBJECTS for c in parsed.children[token.i]):
            features["has_subject"] = 1.0
        if all(tokens[i].is_punct or tokens[i].quote != -1 for i in between):
            features["adjacent"] = 1.0
        candidates.append((token.i, features))
    return candidates


def speaker_candidates(parsed: Parsed, quote: int, *, cue: int, lemmas: dict[str, float],
                       where: _Quote | None = None) -> list[tuple[int, dict[str, float]]]:
    """Every noun or pronoun outside quotation marks as a possible speaker, given the chosen cue."""
    tokens = parsed.tokens
    where = where or _locate_quote(parsed, quote)
    cue_token = tokens[cue] if cue >= 0 else None
    candidates: list[tuple[int, dict[str, float]]] = [(-1, {_NULL: 1.0})]
    for token in tokens:
        if token.quote != -1 or pos(token) not in _SPEAKER_POS:
            continue
        before = token.i < where.first
        distance = where.first - token.i if before else token.i - where.last
        features: dict[str, float] = {
            "bias": 1.0,
            f"pos={pos(token)}": 1.0,
            f"dep={token.dep}": 1.0,
            f"quote_dist={_bucket(distance)}": 1.0,
            f"quote_side={'before' if before else 'after'}": 1.0,
        }
        features.update(_lemma_feature(lemmas, token.lower))
        head = tokens[token.head]
        if token.text[:1].isupper():
            features["capitalised"] = 1.0
        if token.dep in ("compound", "flat") and pos(head) == pos(token):
            features["inside_name"] = 1.0
        if cue_token is not None:
            gap = cue_token.i - token.i
            features[f"cue_dist={_bucket(abs(gap))}"] = 1.0
            features[f"cue_side={'before' if gap > 0 else 'after'}"] = 1.0
            if token.head == cue_token.i:
                features[f"cue_child={token.dep}"] = 1.0
            elif head.head == cue_token.i:
                features[f"cue_grandchild={head.dep}:{token.dep}"] = 1.0
            elif token.dep in _SUBJECTS and cue_token.head == token.head and cue_token.dep in (
                    "xcomp", "conj", "advcl"):
                features["subject_of_cue_head"] = 1.0
            if token.sent == cue_token.sent:
                features["cue_sentence"] = 1.0
            if token.dep == "appos" and head.head == cue_token.i:
                features["appos_of_cue_child"] = 1.0
        else:
            features["no_cue"] = 1.0
        candidates.append((token.i, features))
    return candidates


def score(weights: dict[str, float], features: dict[str, float]) -> float:
    """The candidate's score: its features dotted with the weights."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


# --- phrases from the chosen tokens ----------------------------------------------------------


def cue_phrase(parsed: Parsed, index: int) -> str:
    """The cue as text: the verb with its particle ("pointed out"), "according to"."""
    tokens = parsed.tokens
    token = tokens[index]
    words = [token.lower]
    particle = [c for c in parsed.children[index] if tokens[c].dep == "prt"]
    if particle:
        words.append(tokens[particle[0]].lower)
    elif token.lower == "according" and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
        words.append("to")
    return " ".join(words)


def _text(tokens: Sequence[Token], start: int, end: int, source: str | None) -> str:
    """The words of tokens[start:end] as written in the original text (or joined by spaces)."""
    if source is not None and tokens[start].start >= 0 and tokens[end - 1].end > tokens[start].start:
        return source[tokens[start].start : tokens[end - 1].end]
    return " ".join(t.text for t in tokens[start:end])


def speaker_phrase(parsed: Parsed, index: int, *, source: str | None = None) -> tuple[str, str] | None:
    """The speaker as text and its kind (name, pronoun, description) from its head token."""
    tokens = parsed.tokens
    token = tokens[index]
    while token.dep in ("compound", "flat") and token.head != token.i and tokens[token.head].quote == -1 \
            and pos(tokens[token.head]) in ("PROPN", "NOUN") and token.head > token.i:
        token = tokens[token.head]  # "Hillary" in "Hillary Clinton": the name's head is its last word
    if pos(token) == "PRON" and token.lower in ("who", "which", "that") and tokens[token.head].dep == "relcl" \
            and tokens[tokens[token.head].head].quote == -1:
        token = tokens[tokens[token.head].head]  # "the senator, who said": the relative pronoun stands for its noun
    if pos(token) == "PRON":
        return (token.lower, "pronoun") if token.lower in PRONOUNS else None
    start = end = token.i
    if pos(token) == "PROPN":
        while start - 1 >= 0 and tokens[start - 1].quote == -1 and not tokens[start - 1].is_punct and (
                pos(tokens[start - 1]) == "PROPN" or tokens[start - 1].lower in NAME_PARTICLES):
            start -= 1
        while end + 1 < len(tokens) and tokens[end + 1].quote == -1 and pos(tokens[end + 1]) == "PROPN" \
                and start <= tokens[end + 1].head <= end + 1:
            end += 1
        words = _text(tokens, start, end + 1, source)
        name = clean_name(words) or (words if any(ch.isupper() for ch in words) else None)  # "de Blasio"
        return (name, "name") if name else None
    # a description: its determiner, adjectives and noun modifiers, then the noun
    left = [c for c in parsed.children[token.i] if c < token.i and tokens[c].dep in _MODIFIERS]
    if left:
        start = min(_left_edge(parsed, c) for c in left)
    while start < token.i and tokens[start].quote != -1:
        start += 1
    phrase = _text(tokens, start, token.i + 1, source)
    first, _, rest = phrase.partition(" ")
    if first.lower() in ("the", "a", "an") and rest:
        phrase = f"{first.lower()} {rest}"
    return phrase, "description"


_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod"})


def _left_edge(parsed: Parsed, index: int) -> int:
    """The leftmost token of a token's subtree."""
    edge = index
    for child in parsed.children[index]:
        edge = min(edge, _left_edge(parsed, child))
    return edge


def _log_softmax(weights: dict[str, float], candidates: list[tuple[int, dict[str, float]]]
                 ) -> list[tuple[int, float]]:
    """Each candidate's log-probability under the ranker (a softmax over the candidates)."""
    scores = [(index, score(weights, features)) for index, features in candidates]
    top = max(value for _, value in scores)
    total = math.log(sum(math.exp(value - top) for _, value in scores)) + top
    return [(index, value - total) for index, value in scores]


# How many of the best cues are weighed together with their best speakers.
JOINT_CUES = 3


def model_attribution(model: Model, parsed: Parsed, quote: int, *, quoted: str, source: str | None = None
                      ) -> tuple[Attribution | None, int, int]:
    """The quote's attribution from its sentence (None when the model finds no cue), and the chosen tokens.

    When a cue ranks above "none", the few best cues are each paired with their best speaker
    and the pair with the highest joint probability wins: a cue with no likely speaker gives
    way to one with a clear subject. source is the article text, for the speaker's exact words.
    """
    ranked = sorted(_log_softmax(model.cue_weights, cue_candidates(parsed, quote, quoted=quoted,
                                                                   lemmas=model.cue_lemmas)),
                    key=lambda pair: (-pair[1], pair[0]))
    if not ranked or ranked[0][0] < 0:
        return None, -1, -1  # "no cue here" ranks first: the decision to attribute is the cue ranker's alone
    choice: tuple[float, int, int] | None = None
    where = _locate_quote(parsed, quote)
    for cue, cue_logp in [pair for pair in ranked if pair[0] >= 0][:JOINT_CUES]:
        speakers = _log_softmax(model.speaker_weights, speaker_candidates(parsed, quote, cue=cue, where=where,
                                                                          lemmas=model.speaker_lemmas))
        who, who_logp = max(speakers, key=lambda pair: (pair[1], -pair[0]))
        if choice is None or cue_logp + who_logp > choice[0]:
            choice = (cue_logp + who_logp, cue, who)
    if choice is None:
        return None, -1, -1
    _, cue, who = choice
    cue_text = cue_phrase(parsed, cue)
    phrase = speaker_phrase(parsed, who, source=source) if who >= 0 else None
    if phrase is None:
        return Attribution(None, cue_text, "none"), cue, who
    return Attribution(phrase[0], cue_text, phrase[1]), cue, who
