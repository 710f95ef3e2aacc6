"""Property tests of the transforms: arbitrary text and bytes never raise, spans are exact, ids are deterministic.

Each transform is called through its public entry point with text or bytes from hypothesis:
arbitrary Unicode, and "news-like" text built from the tokens news is made of (names, quotation
marks, numbers, dates, reporting verbs, line breaks), which reaches far deeper into the rules
than random characters do. A transform may refuse input only by raising RejectedInput.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import os
import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms import boilerplate, datelines, dates, decoding, html, jsonl, language, plaintext, text
from transforms.articles import ExtractOptions, article_id, build_article, source_format, split_source
from transforms.figures import extract_figures
from transforms.mentions import ENTITY_TYPES, RawMention, clean_mention, link_in_article
from transforms.quotes import extract_quotes
from transforms.records import Article, RejectedInput, Rejection, SourceRecord
from transforms.statements import QuoteInContext, StatementOptions, group_statements
from transforms.stories import StoryOptions, assign_stories

# Hypothesis' own timing is meaningless on a shared 2-core machine: no deadline. Cheap transforms
# get more examples than the ones that call trafilatura; NEWSFLOW_PROPERTY_SCALE multiplies both
# for a deeper search than the suite's (e.g. 20 before a release).
SCALE = max(1, int(os.environ.get("NEWSFLOW_PROPERTY_SCALE", "1")))
CHEAP = settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTLY = settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                 HealthCheck.data_too_large])

TOKENS = [
    # names, places, organisations, titles
    "Maria Lopez", "President", "Ahmed al-Sharaa", "the Syrian army", "HTS", "Hayat Tahrir al-Sham (HTS)",
    "BEIRUT, Lebanon (AP) —", "Hama", "Damascus:", "the Observatory", "Mr.", "Dr", "U.N.", "his real name,",
    # reporting verbs and pronouns
    "said", "told", "added", "according to", "he said.", "she told reporters", "it said", "they added",
    # quotation marks of every kind, paired or not
    "“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "“We will not retreat,”", "'scare'",
    # numbers, amounts, ranges, dates
    "3", "1,200", "half a million", "$10 million", "hundreds of", "nearly 500", "12-15", "40%", "2024",
    "Friday, December 6, 2024", "12/05/2024", "11th Dec, 2024", "2024-12-06", "06.12.2024", "killed",
    "displaced", "km", "people", "years old", "aged 33", "the 33-year-old",
    # punctuation, spacing and line structure
    ".", ",", ":", ";", "—", "-", "(", ")", "[", "]", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u200b",
    # other scripts, combining marks, emoji, replacement characters
    "東京都", "Агентство", "ال", "é", "e\u0301", "\u0301", "\u00ad", "\ufffd", "🙂", "ß", "İ",
]

# Tokens are glued together as often as they are spaced, so marks touch letters ("“We", "Hama,”").
news_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8), st.just(" ")), max_size=120).map("".join)
any_text = st.one_of(st.text(max_size=400), news_text)
# Lines as the plain-text extractor sees them: news-like, with page furniture among them.
lines = st.lists(st.one_of(news_text, st.sampled_from(["Share", "Comments", "Related", "© 2024 The Paper",
                                                       "Read more", "By Maria Lopez", "12 comments"])),
                 max_size=30)
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "cp1251", "shift_jis"]


@st.composite
def encoded(draw: st.DrawFn, source: st.SearchStrategy[str] = any_text) -> bytes:
    """Text in some encoding (with or without a BOM), or arbitrary bytes."""
    value = draw(source)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = value.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])) + data
    return draw(st.one_of(st.just(data), st.binary(max_size=600)))


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page of nested elements with news-like text, attributes, scripts and entities."""
    tags = ["p", "div", "article", "span", "b", "a", "h1", "script", "style", "li", "table", "td", "br"]
    parts = ["<html><head><title>", draw(news_text), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(tags))
        parts.append(f"<{tag}>" if draw(st.booleans()) else f"</{tag}>")
        parts.append(draw(st.one_of(news_text, st.sampled_from(["&amp;", "&lol;", "&#0;", "&#xD800;", "<!--", "-->",
                                                                 "<![CDATA[", "]]>", "<?xml?>", "<", ">"]))))
    return "".join(parts)


def _valid_spans(source: str, rows: list, surface: str) -> None:
    for row in rows:
        assert 0 <= row.start_char <= row.end_char <= len(source)
        assert source[row.start_char : row.end_char] == getattr(row, surface)


# decoding


@CHEAP
@given(encoded(), st.booleans())
def test_decode_bytes_gives_clean_text_or_a_reason(data: bytes, is_html: bool) -> None:
    try:
        decoded, encoding = decoding.decode_bytes(data, html=is_html)
    except RejectedInput as exc:
        assert str(exc)
        return
    assert encoding and decoded.strip()
    decoded.encode("utf-8")  # no lone surrogates: the writer must be able to store it
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", decoded)


@CHEAP
@given(st.binary(max_size=2000), st.integers(1, 5000))
def test_gunzip_of_any_bytes_stays_under_the_cap(data: bytes, cap: int) -> None:
    for blob in (data, gzip.compress(data), gzip.compress(data) + gzip.compress(data[:7]), gzip.compress(data)[:-3]):
        try:
            out = decoding.gunzip(blob, cap)
        except RejectedInput:
            continue
        assert len(out) <= cap
        assert out in (data, data + data[:7])


# text, language, dates, datelines


@CHEAP
@given(any_text)
def test_text_normalisation_is_idempotent(value: str) -> None:
    paragraphs = text.split_paragraphs(value)
    joined = text.join_paragraphs(paragraphs)
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert text.split_paragraphs(joined) == paragraphs
    assert text.join_paragraphs(text.split_paragraphs(joined)) == joined
    assert text.count_words(joined) >= 0


@CHEAP
@given(any_text, st.one_of(st.none(), st.text(max_size=12)))
def test_detect_language_is_a_code_or_none(value: str, declared: str | None) -> None:
    code = language.detect_language(value, declared)
    assert code is None or (isinstance(code, str) and 2 <= len(code) <= 3)
    assert code == language.detect_language(value, declared)


@CHEAP
@given(any_text)
def test_find_date_span_is_exact(value: str) -> None:
    found = dates.find_date(value)
    if found is None:
        assert dates.parse_date(value) is None
        return
    day, start, end = found
    assert isinstance(day, dt.date) and 0 <= start < end <= len(value)
    assert dates.parse_date(value[start:end]) == day  # the span alone says the same date


@CHEAP
@given(any_text)
def test_find_dateline_is_a_prefix_of_the_paragraph(value: str) -> None:
    found = datelines.find_dateline(value)
    if found is None:
        return
    assert 0 < found.end <= len(value)
    assert found.place and found.place in value[: found.end]


# boilerplate, plain text, html, jsonl


@CHEAP
@given(lines, st.sampled_from(["en", "fr", "ar", None]))
def test_find_body_is_a_range_of_the_lines(page: list[str], lang: str | None) -> None:
    body = boilerplate.find_body(page, lang, boilerplate.BoilerplateOptions())
    if body is not None:
        assert 0 <= body.start < body.end <= len(page)
        assert len(body.keep) == body.end - body.start
    assert all(isinstance(boilerplate.is_furniture(line), bool) for line in page)


@CHEAP
@given(st.one_of(lines.map("\n".join), any_text))
def test_extract_plaintext_gives_paragraphs_or_a_reason(value: str) -> None:
    try:
        found = plaintext.extract_plaintext(value)
    except RejectedInput:
        return
    assert found.paragraphs and all(p and p == p.strip() for p in found.paragraphs)


@COSTLY
@given(st.one_of(html_pages(), any_text))
def test_extract_html_gives_paragraphs_or_a_reason(page: str) -> None:
    try:
        found = html.extract_html(page, html.HtmlOptions())
    except RejectedInput as exc:
        assert str(exc)
        return
    assert all(p and p == p.strip() for p in found.paragraphs)
    assert found.language is None or len(found.language) == 2


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=8,
)
json_records = st.dictionaries(st.sampled_from(jsonl.TEXT_FIELDS + jsonl.TITLE_FIELDS + jsonl.DATE_FIELDS
                                               + jsonl.AUTHOR_FIELDS + jsonl.URL_FIELDS + ("x",)),
                               json_values, max_size=6)


@CHEAP
@given(st.one_of(json_records.map(json.dumps), st.text(max_size=200)))
def test_parse_record_gives_fields_or_a_reason(line: str) -> None:
    try:
        record, page = jsonl.parse_record(line)
    except RejectedInput as exc:
        str(exc).encode("utf-8")
        return
    found = jsonl.extract_record(record)
    for value in (found.title, found.author, found.url, found.source_name, *found.paragraphs):
        if value is not None:
            value.encode("utf-8")  # lone surrogates from \\u escapes were replaced


@CHEAP
@given(st.binary(max_size=800))
def test_split_lines_yields_increasing_non_blank_lines(data: bytes) -> None:
    numbers = []
    for number, line in jsonl.split_lines(data):
        assert line.strip() and b"\n" not in line and b"\r" not in line
        numbers.append(number)
    assert numbers == sorted(set(numbers)) and all(n >= 1 for n in numbers)


# articles: any bytes under any name


SUFFIXES = [".txt", ".html", ".htm", ".xhtml", ".jsonl", ".html.gz", ".txt.gz", ".jsonl.gz", ".pdf", ""]


@st.composite
def raw_files(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(SUFFIXES))
    body = draw(st.one_of(
        encoded(),
        html_pages().map(str.encode),
        st.lists(json_records.map(json.dumps), max_size=4).map(lambda rows: "\n".join(rows).encode()),
        lines.map(lambda page: "\n".join(page).encode()),
    ))
    if suffix.endswith(".gz") and draw(st.booleans()):
        body = gzip.compress(body)
    name = draw(st.text(min_size=1, max_size=20).filter(lambda n: "/" not in n)) + suffix
    return name, body


@COSTLY
@given(raw_files())
def test_split_source_and_build_article_never_raise(file: tuple[str, bytes]) -> None:
    path, data = file
    options = ExtractOptions(max_bytes=100_000, max_text_chars=20_000)
    records = split_source(path, data, options)
    assert records
    for record in records:
        if isinstance(record, Rejection):
            assert record.reason and record.source_path == path
            continue
        assert isinstance(record, SourceRecord) and record.source_format == source_format(path)
        result = build_article(record, options)
        if isinstance(result, Rejection):
            assert result.reason
            result.reason.encode("utf-8")
            continue
        assert result == build_article(record, options)  # deterministic
        assert result.article_id == article_id(path, record.line_number)
        assert result.text == text.join_paragraphs(result.text.split("\n\n"))
        assert 0 < len(result.text) <= options.max_text_chars
        assert result.word_count == text.count_words(result.text) >= options.min_words
        for value in (result.text, result.title, result.author, result.url, result.dateline):
            if value is not None:
                value.encode("utf-8")


# per-article stages: quotes, figures, mentions


@CHEAP
@given(any_text)
def test_extract_quotes_spans_are_exact_and_ids_deterministic(value: str) -> None:
    found = extract_quotes("a1", value)
    _valid_spans(value, found, "quote_text")
    assert [q.quote_id for q in found] == [q.quote_id for q in extract_quotes("a1", value)]
    ids = {q.quote_id for q in found}
    assert len(ids) == len(found)
    assert all(q.part_of is None or q.part_of in ids for q in found)


@CHEAP
@given(any_text)
def test_extract_figures_spans_are_exact_and_ids_deterministic(value: str) -> None:
    found = extract_figures("a1", value)
    _valid_spans(value, found, "surface")
    assert found == extract_figures("a1", value)
    assert len({f.figure_id for f in found}) == len(found)
    for figure in found:
        assert figure.value_low <= figure.value_high


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    """Text and non-overlapping labelled spans in it, as a NER model gives them."""
    value = draw(any_text)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(value)), max_size=16))))
    labels = sorted(ENTITY_TYPES) + ["DATE", "CARDINAL"]
    return value, [(a, b, draw(st.sampled_from(labels))) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]


@CHEAP
@given(text_and_spans())
def test_clean_mention_and_link_in_article_keep_exact_spans(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    value, spans = case
    raw = []
    for start, end, label in spans:
        cleaned = clean_mention(value, start, end, label)
        if cleaned is None:
            continue
        s, e = cleaned
        assert 0 <= s < e <= len(value) and value[s:e].strip()
        raw.append(RawMention("a1", value[s:e], label, s, e))
    linked = link_in_article(value, raw)
    _valid_spans(value, linked, "surface")
    assert sorted((m.start_char, m.end_char) for m in linked) == sorted((m.start_char, m.end_char) for m in raw)
    assert linked == link_in_article(value, list(reversed(raw)))  # the order they come in does not matter


# corpus stages: statements, stories


@st.composite
def quotes_in_context(draw: st.DrawFn) -> list[QuoteInContext]:
    count = draw(st.integers(0, 12))
    return [QuoteInContext(quote_id=f"q{i}", quote_text=draw(news_text),
                           story_id=draw(st.sampled_from([None, "s1", "s2"])),
                           published_date=draw(st.one_of(st.none(), st.dates(dt.date(2024, 1, 1),
                                                                              dt.date(2024, 12, 31)))),
                           source_path=draw(st.sampled_from(["a.txt", "b.txt"])), start_char=i)
            for i in range(count)]


@CHEAP
@given(quotes_in_context(), st.randoms(use_true_random=False))
def test_group_statements_maps_every_quote_whatever_the_order(quotes: list[QuoteInContext], rnd) -> None:  # type: ignore[no-untyped-def]
    grouped = group_statements(quotes, StatementOptions())
    assert set(grouped) == {q.quote_id for q in quotes}
    shuffled = list(quotes)
    rnd.shuffle(shuffled)
    assert group_statements(shuffled, StatementOptions()) == grouped


SENTENCES = [
    "Rebels entered the city of Hama on Thursday after days of fighting, the army said.",
    "Thousands fled Homs on Friday as rebel fighters advanced south towards the capital.",
]


@st.composite
def corpora(draw: st.DrawFn) -> list[Article]:
    articles = []
    for i in range(draw(st.integers(0, 8))):
        body = draw(st.one_of(news_text, st.sampled_from(SENTENCES)))
        day = draw(st.one_of(st.none(), st.dates(dt.date(2024, 12, 1), dt.date(2024, 12, 20))))
        articles.append(Article(
            article_id=f"a{i}", source_path=f"{i}.txt", source_format="text", line_number=None,
            content_sha256="0" * 64, title=None, author=None, published_date=day, source_name=None, url=None,
            language="en", dateline=None, text=body or "x", word_count=text.count_words(body)))
    return articles


@COSTLY
@given(corpora(), st.randoms(use_true_random=False))
def test_assign_stories_gives_each_article_one_story_whatever_the_order(articles: list[Article], rnd) -> None:  # type: ignore[no-untyped-def]
    assigned = {a.article_id: a for a in assign_stories(articles, StoryOptions())}
    assert set(assigned) == {a.article_id for a in articles}
    for a in assigned.values():
        assert a.story_id and a.duplicate_of != a.article_id
        assert a.duplicate_of is None or a.duplicate_of in assigned
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    assert {a.article_id: a for a in assign_stories(shuffled, StoryOptions())} == assigned
    # an exact copy of a sentence-long article, under another id and later path, is its duplicate
    if articles and articles[0].text in SENTENCES:
        copy = replace(articles[0], article_id="copy", source_path="zzz-copy.txt")
        again = {a.article_id: a for a in assign_stories([*articles, copy], StoryOptions())}
        assert again["copy"].duplicate_of is not None
        assert again["copy"].story_id == again[articles[0].article_id].story_id
