"""Finding quotations: pairing quotation marks within paragraphs, and the text around a pair.

Curly marks (“ ” « ») have a side; straight marks (") get one from their neighbours (after
a space or an opening bracket: opening; after a word: closing). Single-quoted quotes (‘ ’
and ') are paired the same way, with apostrophes (don’t, Assad’s, rebels’) told apart by
what follows them. A mark left open at the end of a paragraph whose next paragraph opens
with a mark is a quote running over several paragraphs (the news convention); any other
unclosed mark is stray and ignored, so it never swallows the rest of the article. Quotes
inside a quote are part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.lexicon import TITLE_ABBREVIATIONS

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Span:
    """One pair of quotation marks (or an unclosed mark running over paragraphs) and what it holds."""

    start: int  # offset of the first quoted character
    end: int  # offset after the last quoted character
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when it runs to the paragraph end
    paragraph: tuple[int, int]


_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from vs v".split())
TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)?):\s")


FUNCTION_WORDS = frozenset(
    "a an the this that these those it its he she they we i you him her them us me and or but so "
    "then there here what which who whom whose when where why how of in on at to for with by".split()
)


def is_function_words(quoted: str) -> bool:
    """“That”, “it”: only function words set off in marks, nothing anyone said."""
    return set(WORD.findall(quoted.lower())) <= FUNCTION_WORDS


def is_title(quoted: str) -> bool:
    """Title Case from end to end and short: the name of a work, not something said."""
    words = re.findall(r"[\w'’-]+", quoted)
    if not words or len(words) > 7:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) == len([w for w in words if w.lower() not in _SMALL_WORDS]) and len(words) >= 2


_JOINING = re.compile(
    r"^[\s,;:.…–—-]*(?:(?:and|but|or|then|and then|as well as|while|nor)\s+)?(?:(?:a|an|the|as|as a|as an)\s+)?[\s,]*$",
    re.I,
)


def joined(text: str, earlier: Span, later: Span) -> bool:
    """Two quoted fragments of one sentence joined by a conjunction or nothing at all."""
    if earlier.paragraph != later.paragraph or earlier.close_mark is None:
        return False
    gap = text[earlier.close_mark + 1 : later.open_mark]
    if re.search(r"[.!?]\s*$", gap) or re.search(r"[.!?]$", text[earlier.start : earlier.end].strip()):
        return False  # a sentence ends between them: two statements, unless attribution says otherwise
    return bool(_JOINING.match(gap))


_OPENERS = "“«„"
_CLOSERS = "”»"
_DOUBLE_MARKS = re.compile(r'[“«„”»"]')
_SINGLE_MARKS = re.compile(r"[‘’']")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each non-empty line."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        spans.append((match.start(), match.end()))
    return spans


def find_spans(text: str) -> list[Span]:
    """Every quotation span in text, in text order."""
    paragraphs = _paragraphs(text)
    spans: list[Span] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        next_opens = number + 1 < len(paragraphs) and _opens_with_mark(text, paragraphs[number + 1][0])
        doubles = _pair_marks(paragraph=(p_start, p_end), roles=_double_roles(text, p_start, p_end),
                              continues=next_opens)
        spans.extend(doubles)
        inside = [(s.open_mark, s.close_mark if s.close_mark is not None else p_end) for s in doubles]
        singles = _pair_marks(paragraph=(p_start, p_end), roles=_single_roles(text, p_start, p_end),
                              continues=False)
        spans.extend(s for s in singles if not any(a <= s.open_mark <= b for a, b in inside))
    return sorted(spans, key=lambda s: s.start)


def _opens_with_mark(text: str, start: int) -> bool:
    """Whether the paragraph at start opens with an opening (or straight) double mark."""
    return start < len(text) and (text[start] in _OPENERS or text[start] == '"')


def _double_roles(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Each double mark of a paragraph with its role: open, close or either."""
    roles = []
    for mark in _DOUBLE_MARKS.finditer(text, start, end):  # only the marks: a paragraph has few
        i, ch = mark.start(), mark.group()
        if ch in _OPENERS:
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            # an opening mark after a word and before a space is a typo for the closing one
            typo_closer = not before.isspace() and (after.isspace() or i + 1 == end)
            roles.append((i, "either" if typo_closer else "open"))
        elif ch in _CLOSERS:
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            typo_opener = (i == start or before.isspace()) and (after.isalnum())
            roles.append((i, "either" if typo_opener else "close"))
        elif ch == '"':
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if (before.isspace() or i == start) and (after.isspace() or i + 1 == end):
                roles.append((i, "either"))  # a mark on its own (' "'), closing whatever is open
            elif before.isspace() or before in "([{—–-/:" or i == start:
                roles.append((i, "open"))
            elif after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == end:
                roles.append((i, "close"))
            else:
                roles.append((i, "either"))
    return roles


def _single_roles(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Each single mark of a paragraph that is a quotation mark (not an apostrophe), with its role."""
    roles = []
    for mark in _SINGLE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if (before.isspace() or before in "([{—–-:\"“" or i == start) and (after.isalnum() or after in "…."):
            if ch != "’":
                roles.append((i, "open"))
        elif not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-\"”" or i + 1 == end):
            if ch != "‘" and not (before in "sS" and after == " " and _plural_possessive(text, i, end)):
                roles.append((i, "close"))
    return roles


def _plural_possessive(text: str, i: int, end: int) -> bool:
    """rebels’ advance: an apostrophe after s followed by a lowercase word, not a closing mark."""
    rest = text[i + 1 : min(end, i + 30)].lstrip()
    return bool(rest) and rest[0].islower()


def _pair_marks(*, paragraph: tuple[int, int], roles: list[tuple[int, str]], continues: bool) -> list[Span]:
    """Pair the marks of one paragraph into spans; continues: an unclosed last mark runs to its end."""
    p_start, p_end = paragraph
    spans: list[Span] = []
    open_at: int | None = None
    for position, role in roles:
        if open_at is None:
            if role in ("open", "either"):
                open_at = position
        elif role in ("close", "either"):
            if position > open_at + 1:
                spans.append(Span(open_at + 1, position, open_at, position, (p_start, p_end)))
            open_at = None
        else:  # a second opening mark: the first one was stray
            open_at = position
    if open_at is not None and continues and open_at + 1 < p_end:
        spans.append(Span(open_at + 1, p_end, open_at, None, (p_start, p_end)))
    return spans


def trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Strip spaces and a trailing comma (“…,” said X) from a quote's span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return text[start:end], start, end


def sentence_before(text: str, span: Span) -> str:
    """The part of the quote's sentence before its opening mark."""
    head = protect(text[span.paragraph[0] : span.open_mark])
    starts = [m.end() for m in re.finditer(r"[.!?][’'\"”]?\s+(?=[A-Z“\"‘']|$)", head)]
    return head[starts[-1] :] if starts else head


def clause_after(text: str, span: Span) -> str:
    """The rest of the quote's sentence after its closing mark."""
    if span.close_mark is None:
        return ""
    tail = protect(text[span.close_mark + 1 : span.paragraph[1]])
    end = re.search(r"[.!?](?=\s|$)|[“\"‘]", tail)
    return tail[: end.start() + 1] if end else tail


_ABBREVIATION = re.compile(
    rf"\b(?:{'|'.join(re.escape(a) for a in TITLE_ABBREVIATIONS)}|[A-Z])\.(?=\s|[A-Z]|,)"
)
DOT = "\u2024"  # stands in for an abbreviation's period while sentences are split


def protect(fragment: str) -> str:
    """Hide the periods of titles and initials (Sen., G.K.) and drop parentheticals like (D-Mo.)."""
    return hide_abbreviations(re.sub(r"\s*\([^()]{1,40}\)", "", fragment))


def hide_abbreviations(fragment: str) -> str:
    """Hide the periods of titles and initials (Sen., G.K.), keeping every offset."""
    return _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + DOT, fragment)
