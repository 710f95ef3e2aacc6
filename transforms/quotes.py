"""Quotations in an article's text, with who said them and the verb that reports them.

The stage's entry point. Its concerns live in their own modules:
  transforms.quote_spans        pairing quotation marks into spans
  transforms.attribution        the attribution patterns of news, used without a parse
  transforms.attribution_model  the learned ranking of cues and speakers over a parse
  transforms.speakers           speaker phrases, names without titles, pronoun resolution

Short quoted phrases with no attribution (scare quotes, titles: a "temporary tactical
measure" repeated by an outlet, 'Ford v Ferrari') are not quotations and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from transforms.attribution import CUES, attribute, from_context, in_sentence, subject_attribution
from transforms.attribution_model import Parsed, load_model, model_attribution, parse_articles
from transforms.ids import stable_id
from transforms.quote_spans import (
    TRANSCRIPT_LABEL,
    WORD,
    Span,
    find_spans,
    is_function_words,
    is_title,
    joined,
    sentence_before,
    trim,
)
from transforms.records import Quote
from transforms.speakers import Attribution, resolve

# Bump when a change here alters the quotes found: every article's quotes are recomputed.
VERSION = "3"  # 2: learned attribution over the parse of quote sentences (issue 12); 3: colon cues, richer features

# Fewer words than this, with no attribution in sight, is a scare quote or a title.
_MIN_UNATTRIBUTED_WORDS = 5


def extract_quotes(article_id: str, text: str, *, nlp: Any | None = None) -> list[Quote]:
    """Every quotation in text, attributed as well as the text allows.

    A quotation interrupted by its attribution ("“…,” she said. “…”") or joined to another
    fragment by a conjunction ('called it “disgusting” and “a con”') is one quotation in
    several parts: the first part is direct or partial, the later ones are `continuation`
    rows whose part_of names the first part.
    """
    return extract_quotes_batch([(article_id, text)], nlp=nlp)[0]


def extract_quotes_batch(articles: Sequence[tuple[str, str]], *, nlp: Any | None = None) -> list[list[Quote]]:
    """extract_quotes for several (article_id, text) pairs: the same quotes, their sentences parsed in one batch.

    spaCy parses the quote sentences of many articles (in minibatches of a few dozen) a fifth
    faster per word than the handful one article holds, so a stage over many articles should
    call this.
    """
    found = [find_spans(text) for _, text in articles]
    # with a parser, the learned model attributes; without one (unit tests), the patterns do
    if nlp is not None and "parser" in nlp.pipe_names:
        parsed: list[dict[tuple[int, int], Parsed] | None] = list(
            parse_articles(nlp, [(text, spans) for (_, text), spans in zip(articles, found, strict=True)]))
    else:
        parsed = [None] * len(articles)
    return [_extract(article_id, text, spans=spans, parsed=windows)
            for (article_id, text), spans, windows in zip(articles, found, parsed, strict=True)]


def _extract(article_id: str, text: str, *, spans: list[Span], parsed: dict[tuple[int, int], Parsed] | None
             ) -> list[Quote]:
    """The quotes of one article from its spans and, when there is a parser, its parsed quote windows."""
    model = load_model() if parsed else None
    quotes: list[Quote] = []
    speakers: list[tuple[str, str]] = []  # (speaker, kind) in text order, for pronouns
    previous: dict[int, Attribution] = {}
    last: tuple[Span, Quote] | None = None
    cues: dict[int, tuple[tuple[int, int], int]] = {}  # quote index -> (paragraph, token of its cue)
    for index, span in enumerate(spans):
        if parsed and model is not None:
            found, cue, _ = model_attribution(model, parsed[span.paragraph], index,
                                              quoted=text[span.start : span.end], source=text)
            cues[index] = (span.paragraph, cue)
            if found and cue >= 0 and cues.get(index - 1) == cues[index] and (index - 1) in previous:
                # “A,” she said. “B.”: one cue for both parts, one quotation in two parts
                found = replace(previous[index - 1], inherited=True)
            if found is not None and found.speaker is None:
                # a cue with no speaker the parse can name: the patterns may still read one
                pattern = in_sentence(text, span)
                if pattern is not None and pattern.speaker:
                    found = replace(found, speaker=pattern.speaker, kind=pattern.kind)
            attribution = found or from_context(text, span=span, spans=spans, index=index, previous=previous)
        else:
            attribution = attribute(text, span=span, spans=spans, index=index, previous=previous)
        attribution = resolve(text, span=span, attribution=attribution, speakers=speakers)
        previous[index] = attribution
        quote_text, start, end = trim(text, span.start, span.end)
        if not quote_text or not WORD.search(quote_text):
            continue
        is_joined = last is not None and joined(text, last[0], span)
        if is_joined and last is not None and last[1].speaker is None and attribution.speaker:
            # “A” and “B,” she said: the attribution after the second part covers the first
            quotes[-1] = replace(last[1], speaker=attribution.speaker, cue=attribution.cue)
            last = (last[0], quotes[-1])
        if is_function_words(quote_text):
            continue  # “That”, “it”: a word set off in quotation marks, nothing anyone said
        if is_title(quote_text):
            continue  # a quoted title of a show, book or article ('told “Fox News Sunday”')
        label = TRANSCRIPT_LABEL.match(quote_text)
        if label:  # a transcript line: 'WALLACE: Let’s start with ...', said by its label
            attribution = Attribution(label.group(1).title(), None, "name")
        if attribution.cue is None and attribution.speaker is None and not label:
            # 'Trump openly admires Putin as a “strong leader”': a fragment used by the
            # sentence's named subject is that subject's words
            attribution = subject_attribution(text, span) or attribution
        words = len(WORD.findall(quote_text))
        unattributed = attribution.cue is None and attribution.speaker is None
        if unattributed and words < _MIN_UNATTRIBUTED_WORDS and not is_joined:
            continue
        if attribution.speaker and not attribution.inherited:
            speakers.append((attribution.speaker, attribution.kind))
        first = None
        if last is not None and (attribution.inherited or is_joined):
            first = last[1].part_of or last[1].quote_id
            if is_joined and unattributed:
                attribution = Attribution(last[1].speaker, last[1].cue, "inherited", inherited=True)
        quote = Quote(
            quote_id=stable_id("quote", article_id, start, end),
            article_id=article_id,
            quote_text=quote_text,
            start_char=start,
            end_char=end,
            speaker=attribution.speaker,
            speaker_entity_id=None,
            cue=attribution.cue,
            quote_type="transcript" if label else "continuation" if first else _quote_type(text, span),
            part_of=first,
        )
        quotes.append(quote)
        last = (span, quote)
    return quotes


def _quote_type(text: str, span: Span) -> str:
    """direct when the quote is an utterance of its own; partial when it sits inside a sentence."""
    before = sentence_before(text, span).rstrip()
    quoted = text[span.start : span.end].strip()
    if not before or before.endswith((":", ",")):
        return "direct"
    if quoted[:1].isupper() and re.search(rf"\b({CUES})\s*$", before):
        return "direct"
    return "partial"
