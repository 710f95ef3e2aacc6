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
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from transforms.lexicon import NAME_PARTICLES, PRONOUNS
from transforms.quote_spans import WORD, Span, hide_abbreviations
from transforms.speakers import Attribution, clean_name

# A quotation with more words than this is parsed as the stand-in clause below.
MAX_PARSED_QUOTE_WORDS = 6
STAND_IN = "Yes"
# Words after the last quotation of a paragraph that are parsed at most.
MAX_WORDS_AFTER = 15

# The parse runs tagger and parser only (no attribute_ruler, lemmatizer or NER: they cost a
# third more and add nothing the ranking needs); coarse parts of speech come from the tags.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
# Windows parsed at once. spaCy's default (1,000) took a whole batch's quote paragraphs in one go:
# 110-165 MiB above the loaded model over a 64-file batch, the highest point of a worker's memory;
# 32 at a time: 20-40 MiB, the same CPU time and the same parses.
_PARSE_BATCH = 32
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
# Relations through which a verb inherits the subject of the verb above it ("X stood and said").
_CHAINS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "parataxis"})


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


class Token(NamedTuple):
    """A parsed word, as plain values: features read these, never spaCy objects (fast, testable).

    A named tuple rather than a frozen dataclass: a window builds one per word, and a tuple is
    built several times faster; it is as immutable.
    """

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
    """A parsed paragraph window: its tokens and, per token, its children and coarse part of speech."""

    tokens: tuple[Token, ...]
    children: tuple[tuple[int, ...], ...]
    pos: tuple[str, ...]
    words_before: tuple[int, ...]  # words_before[i]: words (not punctuation) outside quotes before token i
    colons_before: tuple[int, ...]  # colons_before[i]: colons before token i
    # what the rankers compute once per window and read for each of its quotes (never compared)
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def of(tokens: Sequence[Token]) -> Parsed:
        """Parsed from its tokens (children, parts of speech and counts derived once for every quote)."""
        children: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                children[token.head].append(token.i)
        tags = [pos(token) for token in tokens]
        words, colons = [0], [0]
        for token, tag in zip(tokens, tags, strict=True):
            words.append(words[-1] + (token.quote == -1 and tag != "PUNCT"))
            colons.append(colons[-1] + (token.text == ":"))
        return Parsed(tuple(tokens), tuple(tuple(c) for c in children), tuple(tags), tuple(words), tuple(colons))


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

    def space() -> None:
        """A space the text lacks ('said,“We'): the tokenizer would glue the mark to the words."""
        nonlocal length
        pieces.append(" ")
        length += 1

    for index, span in spans:
        if position < span.open_mark and not text[span.open_mark - 1].isspace() \
                and text[span.open_mark - 1] not in "([{—–-/":
            keep(position, span.open_mark, -1)
            space()
            position = span.open_mark
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
        if span.close_mark is not None and span.close_mark + 1 < window_end and text[span.close_mark + 1].isalnum():
            keep(position, span.close_mark + 1, -1)
            space()
            position = span.close_mark + 1
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
    end = len(tail) if found is None else found.start() + 1
    # a long tail after the last quote holds no attribution in practice (in PolNeAR train, 99% of
    # the cues after a quote in its sentence come within its first 15 words): parsing it costs without telling
    words = list(WORD.finditer(tail, 0, end))
    if len(words) > MAX_WORDS_AFTER:
        end = words[MAX_WORDS_AFTER - 1].end()
    return start, last.close_mark + 1 + end


def parse_paragraphs(nlp: Any, text: str, spans: Sequence[Span]) -> dict[tuple[int, int], Parsed]:
    """Parse every paragraph holding a quotation (NER left out), keyed by the paragraph's offsets."""
    return parse_articles(nlp, [(text, spans)])[0]


def parse_articles(nlp: Any, articles: Sequence[tuple[str, Sequence[Span]]]
                   ) -> list[dict[tuple[int, int], Parsed]]:
    """parse_paragraphs for several articles in one batch: spaCy parses a batch faster per word."""
    keys: list[tuple[int, tuple[int, int]]] = []
    built: list[tuple[str, list[tuple[int, int, int, int]]]] = []
    for number, (text, spans) in enumerate(articles):
        by_paragraph: dict[tuple[int, int], list[tuple[int, Span]]] = {}
        for index, span in enumerate(spans):
            by_paragraph.setdefault(span.paragraph, []).append((index, span))
        for paragraph, held in by_paragraph.items():
            keys.append((number, paragraph))
            built.append(stand_in_text(text, paragraph=paragraph, spans=held))
    parsed: list[dict[tuple[int, int], Parsed]] = [{} for _ in articles]
    rows = parse_windows(nlp, [window for window, _ in built]) if built else []
    for (number, paragraph), (_, segments), found in zip(keys, built, rows, strict=True):
        parsed[number][paragraph] = locate(found, segments)
    return parsed


Row = tuple[str, str, str, int, int, int]  # text, tag, dep, head, first token of its sentence, offset


def parse_windows(nlp: Any, texts: Sequence[str]) -> list[list[Row]]:
    """Each text parsed (tagger and parser only) into plain rows, one per token."""
    disable = [name for name in nlp.pipe_names if name not in PARSE_COMPONENTS]
    found = []
    for doc in nlp.pipe(texts, disable=disable, batch_size=_PARSE_BATCH):
        sentence_of = [0] * len(doc)
        for sentence in doc.sents:
            start = sentence.start
            for i in range(start, sentence.end):
                sentence_of[i] = start
        found.append([(t.text, t.tag_, t.dep_, t.head.i, sentence_of[t.i], t.idx) for t in doc])
    return found


def locate(rows: Sequence[Row], segments: Sequence[tuple[int, int, int, int]]) -> Parsed:
    """The parsed stand-in window as plain tokens placed back in the original text."""
    tokens = []
    position = 0  # tokens come in text order, and so do the segments
    for i, (word, tag, dep, head, sent, offset) in enumerate(rows):
        while position + 1 < len(segments) and segments[position + 1][0] <= offset:
            position += 1
        start = end = quote = -1
        if segments:
            new_start, orig_start, length, segment_quote = segments[position]
            if new_start <= offset < new_start + abs(length):
                if length < 0:  # a token of the stand-in clause: it stands for the whole quotation
                    start = end = orig_start
                else:
                    start = orig_start + offset - new_start
                    end = start + len(word)
                quote = segment_quote
        tokens.append(Token(i, word, tag, dep, head, sent, start, end, quote))
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
class Where:
    """Where a quotation sits in a parsed window: its edge tokens, its roots and what governs them."""

    first: int
    last: int
    roots: frozenset[int]  # its tokens whose head lies outside it (or that are roots)
    governors: dict[int, str]  # head of a root outside the quote -> the root's relation
    ancestors: frozenset[int]  # every token above a root
    sentences: frozenset[int]
    quotes_before: tuple[int, ...]  # quotes_before[i]: tokens of other quotations before token i
    opens_sentence: bool  # no word outside quotation marks before it in its sentence
    closes_sentence: bool  # no word outside quotation marks after it in its sentence


def locate_quote(parsed: Parsed, quote: int) -> Where:
    """The quote's place in the parse."""
    tokens = parsed.tokens
    inside = [t.i for t in tokens if t.quote == quote]
    others = [0]
    for token in tokens:
        others.append(others[-1] + (token.quote not in (-1, quote)))
    if not inside:
        return Where(0, 0, frozenset(), {}, frozenset(), frozenset(), tuple(others), False, False)
    roots = frozenset(i for i in inside if tokens[i].head == i or tokens[tokens[i].head].quote != quote)
    # a quote's content word names the relation, not its final period: punctuation roots go first
    ordered = sorted(roots, key=lambda r: (parsed.pos[r] != "PUNCT", r))
    governors = {tokens[r].head: tokens[r].dep for r in ordered if tokens[r].head != r}
    ancestors: set[int] = set()
    for root in roots:
        node = root
        while tokens[node].head != node and tokens[node].head not in ancestors:
            node = tokens[node].head
            ancestors.add(node)
    first, last = inside[0], inside[-1]
    words = parsed.words_before
    sentence_start = tokens[first].sent
    sentence_end = last + 1
    while sentence_end < len(tokens) and tokens[sentence_end].sent == tokens[last].sent:
        sentence_end += 1
    return Where(first, last, roots, governors, frozenset(ancestors),
                 frozenset({tokens[first].sent, tokens[last].sent}), tuple(others),
                 words[first] == words[sentence_start], words[sentence_end] == words[last + 1])


def _lemma_feature(table: dict[str, float], lemma: str) -> dict[str, float]:
    """How often a word played the part in training, or that it was never seen."""
    if lemma in table:
        return {"lemma_logodds": table[lemma]}
    return {"lemma_unseen": 1.0}


def _null_features(parsed: Parsed, where: Where, quoted: str) -> dict[str, float]:
    """Features of the "no cue here" candidate: the quotation itself (short, a title...) and its sentence."""
    words = WORD.findall(quoted)
    stripped = quoted.strip()
    features = {_NULL: 1.0, f"null_words={_bucket(len(words))}": 1.0}
    if stripped[:1].isupper():
        features["null_capital"] = 1.0
    if stripped[-1:] in ".?!":
        features["null_sentence_end"] = 1.0
    if words and all(w[:1].isupper() for w in words):
        features["null_all_capitalised"] = 1.0
    if where.opens_sentence and where.closes_sentence:
        features["null_whole_sentence"] = 1.0  # nothing but the quote: no cue can be in its sentence
    features[f"null_window_words={_bucket(parsed.words_before[-1])}"] = 1.0
    return features


_COLON = frozenset({":"})
_UNSEEN = -5.0  # the log-odds read for a word the lemma table never saw (rarer than any cue seen twice)


_Static = tuple[dict[str, float], "float | None"]  # a token's own features and its lemma's log-odds


def _memo(parsed: Parsed, key: str, table: dict[str, float], make: Any) -> Any:
    """make(), kept on the parsed window for this table: every quote of the window reads it."""
    found = parsed.memo.get(key)
    if found is None or found[0] is not table:
        found = (table, make())
        parsed.memo[key] = found
    return found[1]


def _cue_static(parsed: Parsed, lemmas: dict[str, float]) -> list[_Static | None]:
    """Each candidate cue's features that do not depend on the quote (None: not a candidate)."""

    def make() -> list[_Static | None]:
        """The features, computed once per window."""
        tokens, tags = parsed.tokens, parsed.pos
        static: list[_Static | None] = []
        for token in tokens:
            i, tag = token.i, tags[token.i]
            if token.quote != -1 or (tag == "PUNCT" and token.text not in _COLON):
                static.append(None)
                continue
            features = {"bias": 1.0, f"pos={tag}": 1.0, f"tag={token.tag}": 1.0, f"dep={token.dep}": 1.0}
            features.update(_lemma_feature(lemmas, token.lower))
            # a cue word hanging from this one ("said, according to", "said, the paper reported") or above it
            near = [lemmas.get(tokens[c].lower, _UNSEEN) for c in parsed.children[i] if tokens[c].quote == -1]
            if near:
                features["child_cue"] = max(0.0, max(near))
            if token.head != i and tokens[token.head].quote == -1:
                features["head_cue"] = max(0.0, lemmas.get(tokens[token.head].lower, _UNSEEN))
            subjects = [c for c in parsed.children[i] if tokens[c].dep in _SUBJECTS]
            if subjects:
                features["has_subject"] = 1.0
                features[f"subject_pos={tags[subjects[0]]}"] = 1.0
            if tag == "PUNCT":  # a colon: "X: “…”" has no verb, the colon is the cue
                features["colon"] = 1.0
                if not any(tags[k] in ("VERB", "AUX") and tokens[k].quote == -1 for k in range(token.sent, i)):
                    features["colon_verbless"] = 1.0  # "Name: “…”", not "X said: “…”"
            static.append((features, lemmas.get(token.lower)))
        return static

    return _memo(parsed, "cue", lemmas, make)


def _cue_dynamic(parsed: Parsed, where: Where, static: list[_Static | None]
                 ) -> list[tuple[int, dict[str, float]]]:
    """Each candidate cue's features that relate it to the quote, in text order."""
    tokens, tags, words, colons = parsed.tokens, parsed.pos, parsed.words_before, parsed.colons_before
    others = where.quotes_before
    opens = f"{where.opens_sentence:d}{where.closes_sentence:d}"
    found: list[tuple[int, dict[str, float]]] = []
    verbs = {"b": 0, "a": 0}  # verbs met so far on each side, from the quote outwards
    before_quote = [i for i in range(where.first - 1, -1, -1) if static[i] is not None]
    after_quote = [i for i in range(where.last + 1, len(tokens)) if static[i] is not None]
    for side, order in (("b", before_quote), ("a", after_quote)):
        for i in order:
            token = tokens[i]
            value = static[i][1]  # type: ignore[index]
            before = side == "b"
            distance = where.first - i if before else i - where.last
            lo, hi = (i + 1, where.first) if before else (where.last + 1, i)
            bucket = _bucket(distance)
            features: dict[str, float] = {
                "side=before" if before else "side=after": 1.0,
                f"dist={bucket}": 1.0,
                f"side_dist={side}{bucket}": 1.0,
                f"side_opens={side}{opens}": 1.0,
                f"pos_side_dist={tags[i]}{side}{bucket}": 1.0,
                f"dep_side={token.dep}{side}": 1.0,
            }
            if value is not None:
                features[f"lemma_x_side={side}"] = value
            if tags[i] in ("VERB", "AUX"):
                features[f"verb_rank={side}{min(verbs[side], 2)}"] = 1.0
                verbs[side] += 1
            if i in where.governors:
                features["governs_quote"] = 1.0
                features[f"governs_quote_as={where.governors[i]}"] = 1.0
                if value is not None:
                    features["lemma_x_governs"] = value
            elif token.head in where.governors and token.head != i:
                features[f"sibling_of_quote_as={token.dep}"] = 1.0  # "according" beside the verb the quote hangs from
                if value is not None:
                    features["lemma_x_sibling"] = value
            if token.head in where.roots and token.head != i:
                features["child_of_quote"] = 1.0
                features[f"child_of_quote_as={token.dep}"] = 1.0
            if i in where.ancestors:
                features["ancestor_of_quote"] = 1.0
            if token.sent in where.sentences:
                features["same_sentence"] = 1.0
            if others[hi] > others[lo]:
                features["other_quote_between"] = 1.0
            if words[hi] == words[lo]:
                features["adjacent"] = 1.0
                if value is not None:
                    features["lemma_x_adjacent"] = value
                if before and tags[i] == "PUNCT":
                    features["colon_before_quote"] = 1.0
            if before and tags[i] != "PUNCT" and colons[hi] > colons[lo]:
                features["colon_between"] = 1.0
            found.append((i, features))
    found.sort(key=lambda pair: pair[0])
    return found


def cue_candidates(parsed: Parsed, quote: int, *, quoted: str, lemmas: dict[str, float],
                   where: Where | None = None) -> list[tuple[int, dict[str, float]]]:
    """Every word outside quotation marks (and a colon) as a possible cue of the quote, with its features."""
    where = where or locate_quote(parsed, quote)
    static = _cue_static(parsed, lemmas)
    candidates = [(-1, _null_features(parsed, where, quoted))]
    for i, dynamic in _cue_dynamic(parsed, where, static):
        candidates.append((i, {**static[i][0], **dynamic}))  # type: ignore[index]
    return candidates


def _cue_scores(model: Model, parsed: Parsed, where: Where, quoted: str) -> list[tuple[int, float]]:
    """Each candidate cue's score: the same as score() over cue_candidates, its quote-free part kept per window."""
    weights = model.cue_weights
    static = _cue_static(parsed, model.cue_lemmas)
    base = _memo(parsed, "cue_scores", weights,
                 lambda: [score(weights, entry[0]) if entry is not None else 0.0 for entry in static])
    scores = [(-1, score(weights, _null_features(parsed, where, quoted)))]
    scores.extend((i, base[i] + score(weights, dynamic)) for i, dynamic in _cue_dynamic(parsed, where, static))
    return scores


def _speaker_static(parsed: Parsed, lemmas: dict[str, float]) -> list[dict[str, float] | None]:
    """Each candidate speaker's features that depend neither on the quote nor on the cue."""

    def make() -> list[dict[str, float] | None]:
        """The features, computed once per window."""
        tokens, tags = parsed.tokens, parsed.pos
        static: list[dict[str, float] | None] = []
        for token in tokens:
            tag = tags[token.i]
            if token.quote != -1 or tag not in _SPEAKER_POS:
                static.append(None)
                continue
            features = {"bias": 1.0, f"pos={tag}": 1.0, f"dep={token.dep}": 1.0}
            features.update(_lemma_feature(lemmas, token.lower))
            if token.text[:1].isupper():
                features["capitalised"] = 1.0
            if token.dep in ("compound", "flat") and tags[token.head] == tag:
                features["inside_name"] = 1.0
            if any(tokens[c].dep == "appos" and tags[c] == "PROPN" for c in parsed.children[token.i]):
                features["named_by_apposition"] = 1.0  # "the spokesman, Jason Miller,"
            static.append(features)
        return static

    return _memo(parsed, "speaker", lemmas, make)


def _speaker_dynamic(parsed: Parsed, where: Where, cue: int, static: list[dict[str, float] | None]
                     ) -> list[tuple[int, dict[str, float]]]:
    """Each candidate speaker's features that relate it to the quote and to the cue."""
    tokens, tags = parsed.tokens, parsed.pos
    cue_token = tokens[cue] if cue >= 0 else None
    # the verbs above the cue that lend it their subject, with how many steps up they are
    above: dict[int, int] = {}
    if cue_token is not None:
        node, steps = cue_token, 0
        while node.dep in _CHAINS and node.head != node.i and steps < 3:
            node, steps = tokens[node.head], steps + 1
            above[node.i] = steps
    found: list[tuple[int, dict[str, float]]] = []
    for i, entry in enumerate(static):
        if entry is None:
            continue
        token = tokens[i]
        before = i < where.first
        distance = where.first - i if before else i - where.last
        features: dict[str, float] = {
            f"quote_dist={_bucket(distance)}": 1.0,
            "quote_side=before" if before else "quote_side=after": 1.0,
        }
        if cue_token is not None:
            head = tokens[token.head]
            gap = cue_token.i - i
            features[f"cue_dist={_bucket(abs(gap))}"] = 1.0
            features["cue_side=before" if gap > 0 else "cue_side=after"] = 1.0
            if token.head == cue_token.i:
                features[f"cue_child={token.dep}"] = 1.0
                features[f"cue_child_side={token.dep}{'b' if gap > 0 else 'a'}{tags[i]}"] = 1.0
            elif head.head == cue_token.i and head.i != cue_token.i:
                features[f"cue_grandchild={head.dep}:{token.dep}"] = 1.0
            if cue_token.head == i and cue_token.i != i:
                features[f"cue_head={cue_token.dep}"] = 1.0  # "the senator, who said": the clause's noun
            if token.dep in _SUBJECTS and token.head in above:
                features[f"subject_of_cue_up={above[token.head]}"] = 1.0
            if token.sent == cue_token.sent:
                features["cue_sentence"] = 1.0
            if token.dep == "appos" and head.head == cue_token.i:
                features["appos_of_cue_child"] = 1.0
        else:
            features["no_cue"] = 1.0
        found.append((i, features))
    return found


def speaker_candidates(parsed: Parsed, quote: int, *, cue: int, lemmas: dict[str, float],
                       where: Where | None = None) -> list[tuple[int, dict[str, float]]]:
    """Every noun or pronoun outside quotation marks as a possible speaker, given the chosen cue."""
    where = where or locate_quote(parsed, quote)
    static = _speaker_static(parsed, lemmas)
    candidates: list[tuple[int, dict[str, float]]] = [(-1, {_NULL: 1.0})]
    for i, dynamic in _speaker_dynamic(parsed, where, cue, static):
        candidates.append((i, {**static[i], **dynamic}))  # type: ignore[dict-item]
    return candidates


def _speaker_scores(model: Model, parsed: Parsed, where: Where, cue: int) -> list[tuple[int, float]]:
    """Each candidate speaker's score: the same as score() over speaker_candidates, its fixed part kept."""
    weights = model.speaker_weights
    static = _speaker_static(parsed, model.speaker_lemmas)
    base = _memo(parsed, "speaker_scores", weights,
                 lambda: [score(weights, entry) if entry is not None else 0.0 for entry in static])
    scores = [(-1, weights.get(_NULL, 0.0))]
    scores.extend((i, base[i] + score(weights, dynamic)) for i, dynamic in _speaker_dynamic(parsed, where, cue, static))
    return scores


def score(weights: dict[str, float], features: dict[str, float]) -> float:
    """The candidate's score: its features dotted with the weights."""
    return sum([weights.get(name, 0.0) * value for name, value in features.items()])


# --- phrases from the chosen tokens ----------------------------------------------------------


def cue_phrase(parsed: Parsed, index: int) -> str | None:
    """The cue as text: the verb with its particle ("pointed out"), "according to"; None for a colon."""
    tokens = parsed.tokens
    token = tokens[index]
    if parsed.pos[index] == "PUNCT":
        return None  # "X: “…”": the colon reports the quote, but it is no word
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


def _log_softmax(scores: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Each candidate's log-probability under the ranker (a softmax over the candidates' scores)."""
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
    where = locate_quote(parsed, quote)
    ranked = sorted(_log_softmax(_cue_scores(model, parsed, where, quoted)), key=lambda pair: (-pair[1], pair[0]))
    if not ranked or ranked[0][0] < 0:
        return None, -1, -1  # "no cue here" ranks first: the decision to attribute is the cue ranker's alone
    choice: tuple[float, int, int] | None = None
    for cue, cue_logp in [pair for pair in ranked if pair[0] >= 0][:JOINT_CUES]:
        if choice is not None and cue_logp <= choice[0]:
            break  # a speaker's log-probability is at most 0: this cue and the rest cannot win
        speakers = _log_softmax(_speaker_scores(model, parsed, where, cue))
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
