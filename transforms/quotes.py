"""Quotations in an article's text, with who said them and the verb that reports them.

Finding quotes: quotation marks are paired per paragraph. Curly marks (“ ” « ») have a
side; straight marks (") get one from their neighbours (after a space or an opening
bracket: opening; after a word: closing). Single-quoted quotes (‘ ’ and ') are paired
the same way, with apostrophes (don’t, Assad’s, rebels’) told apart by what follows
them. A mark left open at the end of a paragraph whose next paragraph opens with a mark
is a quote running over several paragraphs (the news convention); any other unclosed
mark is stray and ignored, so it never swallows the rest of the article. Quotes inside a
quote are part of it.

Attributing them, in the order news writes them:
  “…,” X said. / “…,” said X, a fellow at Y. / “…,” X told Z.       (after the quote)
  X said: “…” / X told Z: “…” / According to X, “…”                 (before the quote)
  '…' - X, role                                                    (a pull quote)
  X said: (end of paragraph) followed by a paragraph of quotation   (the next paragraph)
Titles and roles are not part of a name (rebel commander Lieutenant Colonel Hassan Abdul
Ghani -> Hassan Abdul Ghani). A pronoun (he, she) is resolved to the most recent named
speaker; "it", "they" to the most recent institutional one; "the 33-year-old" to the most
recent named speaker; a description that names someone ("a civil servant who gave his
name only as Abbas") to that name; "the army" to the fuller name the article gave it
earlier ("the Syrian army"). A quote with no attribution in its sentence keeps speaker NULL.

Short quoted phrases with no attribution (scare quotes, titles: a "temporary tactical
measure" repeated by an outlet, 'Ford v Ferrari') are not quotations and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transforms.ids import stable_id
from transforms.records import Quote

# Bump when a change here alters the quotes found: every article's quotes are recomputed.
VERSION = "1"

_CUES = (
    "said|says|say|saying|told|tells|tell|telling|added|adds|adding|explained|explains|explaining|"
    "argued|argues|arguing|warned|warns|warning|noted|notes|noting|stressed|stresses|insisted|insists|"
    "declared|declares|announced|announces|wrote|writes|writing|asked|asks|asking|replied|replies|"
    "continued|continues|claimed|claims|claiming|conceded|acknowledged|acknowledges|recalled|recalls|"
    "remarked|stated|states|tweeted|tweets|posted|proclaimed|proclaiming|conveyed|reported|reports|"
    "urged|urges|predicted|predicts|suggested|suggests|admitted|admits|confirmed|confirms|"
    "explains|observed|observes|responded|responds|countered|counters|cautioned|cautions|"
    "blasted|vowed|vows|promised|promises|pledged|joked|jokes|quipped|boasted|complained|"
    "complains|lamented|laments|agreed|agrees|thundered|shouted|yelled|chanted|chanting|sang|sings|"
    "described|describes|called|calls|testified|estimated|concluded|characterized|characterised|"
    "characterizes|proclaims|declaring|insisting|warning|noting|stressing|adding|writing|calling|"
    "describing|labeled|labelled|labeling|dubbed|dubs|branded|brands|deemed|termed|terms|slammed|"
    "ripped|accused|accuses|accusing|praised|praises|urging|rated|rates|denounced|denounces|"
    "criticized|criticizes|criticised|cited|cites|referred to|refers to|referring to|quoted|quoting|"
    "promising|vowing|pledging|demanded|demands|demanding|tweeting|pointed out|put it|wondered|"
    "mocked|mocks|mocking|blamed|blames|touted|touts|hailed|hails|dismissed|dismisses|questioned|"
    "singing|yells|yelled|shouting|screamed|insisted|reads|read"
)
# Reporting verbs are matched in lower case: "the United States" holds no cue "states".
_CUE = re.compile(rf"\b(?P<cue>{_CUES})\b")
_CUE_WORDS = frozenset(_CUES.replace(" ", "|").split("|"))

_NAME_PARTICLES = frozenset(
    "al al- el el- bin ibn bint abu abou de del della der di da du van von le la dos das".split()
)
# Titles and roles that come before a name and are not part of it.
_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. del del. gov gov. gen gen. lt lt. col col. capt capt.
    sgt sgt. prof prof. rev rev. president vice prime minister secretary general secretary-general
    lieutenant colonel major captain sergeant commander chief director chairman chairwoman chair
    spokesman spokeswoman spokesperson envoy special ambassador senator representative governor
    mayor judge justice king queen prince princess sheikh emir leader editor editor-in-chief
    defense defence foreign interior finance health attorney deputy acting former state un u.n.
    analyst professor officer official founder ceo executive head coach pope""".split()
)
# lowercase roles that sit inside a name phrase: "HTS leader Abu Mohammed al-Jolani"
_ROLE_WORDS = "|".join(sorted((w for w in _TITLES if w.isalpha() and len(w) > 3), key=len, reverse=True))
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group", "we": "group", "i": "person"}
_SENTENCE_START = re.compile(r"(?:^|[.!?]['’\"”]?\s+)(?=[^\s])")
_AGE = re.compile(r"^the \d+-year-old$", re.I)
_NAMED_AS = re.compile(
    r"\b(?:who )?(?:gave (?:his|her|their) (?:first |full )?name (?:only )?as|identified (?:only )?as|"
    r"named|called)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
_WORD = re.compile(r"\w+")
# Capitalised words that open sentences and are never a speaker's name.
_OPENERS_NOT_NAMES = frozenset(
    """in at as on however but and or so yet still also then when while after before during since
    although though because if meanwhile later earlier today yesterday tonight monday tuesday once
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december this that these those there here what which who why how
    asked speaking writing""".split()
)
_DETERMINERS = frozenset("the a an this that these those his her its their our my one another".split())

# Fewer words than this, with no attribution in sight, is a scare quote or a title.
_MIN_UNATTRIBUTED_WORDS = 5


@dataclass(frozen=True)
class _Span:
    start: int  # offset of the first quoted character
    end: int  # offset after the last quoted character
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when it runs to the paragraph end
    paragraph: tuple[int, int]


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    cue: str | None
    kind: str  # name, pronoun, description, none
    inherited: bool = False  # taken from the quotation's earlier part


def extract_quotes(article_id: str, text: str) -> list[Quote]:
    """Every quotation in text, attributed as well as the text allows.

    A quotation interrupted by its attribution ("“…,” she said. “…”") or joined to another
    fragment by a conjunction ('called it “disgusting” and “a con”') is one quotation in
    several parts: the first part is direct or partial, the later ones are `continuation`
    rows whose part_of names the first part.
    """
    spans = _find_spans(text)
    quotes: list[Quote] = []
    speakers: list[tuple[str, str]] = []  # (speaker, kind) in text order, for pronouns
    previous: dict[int, _Attribution] = {}
    last: tuple[_Span, Quote] | None = None
    for index, span in enumerate(spans):
        attribution = _attribute(text, span, spans, index, previous)
        attribution = _resolve(text, span, attribution, speakers)
        previous[index] = attribution
        quote_text, start, end = _trim(text, span.start, span.end)
        if not quote_text or not _WORD.search(quote_text):
            continue
        joined = last is not None and _joined(text, last[0], span)
        if joined and last is not None and last[1].speaker is None and attribution.speaker:
            # “A” and “B,” she said: the attribution after the second part covers the first
            quotes[-1] = replace(last[1], speaker=attribution.speaker, cue=attribution.cue)
            last = (last[0], quotes[-1])
        if set(_normal(quote_text).split()) <= _FUNCTION_WORDS:
            continue  # “That”, “it”: a word set off in quotation marks, nothing anyone said
        if _is_title(quote_text):
            continue  # a quoted title of a show, book or article ('told “Fox News Sunday”')
        label = _TRANSCRIPT_LABEL.match(quote_text)
        if label:  # a transcript line: 'WALLACE: Let’s start with ...', said by its label
            attribution = _Attribution(label.group(1).title(), None, "name")
        if attribution.cue is None and attribution.speaker is None and not label:
            # 'Trump openly admires Putin as a “strong leader”': a fragment used by the
            # sentence's named subject is that subject's words
            attribution = _subject_attribution(text, span) or attribution
        words = len(_WORD.findall(quote_text))
        unattributed = attribution.cue is None and attribution.speaker is None
        if unattributed and words < _MIN_UNATTRIBUTED_WORDS and not joined:
            continue
        if attribution.speaker and not attribution.inherited:
            speakers.append((attribution.speaker, attribution.kind))
        first = None
        if last is not None and (attribution.inherited or joined):
            first = last[1].part_of or last[1].quote_id
            if joined and unattributed:
                attribution = _Attribution(last[1].speaker, last[1].cue, "inherited", inherited=True)
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


_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from vs v".split())
_TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)?):\s")


_FUNCTION_WORDS = frozenset(
    "a an the this that these those it its he she they we i you him her them us me and or but so "
    "then there here what which who whom whose when where why how of in on at to for with by".split()
)


def _normal(quoted: str) -> str:
    return " ".join(_WORD.findall(quoted.lower()))


def _is_title(quoted: str) -> bool:
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


def _joined(text: str, earlier: _Span, later: _Span) -> bool:
    """Two quoted fragments of one sentence joined by a conjunction or nothing at all."""
    if earlier.paragraph != later.paragraph or earlier.close_mark is None:
        return False
    gap = text[earlier.close_mark + 1 : later.open_mark]
    if re.search(r"[.!?]\s*$", gap) or re.search(r"[.!?]$", text[earlier.start : earlier.end].strip()):
        return False  # a sentence ends between them: two statements, unless attribution says otherwise
    return bool(_JOINING.match(gap))


# --- finding quotation spans -------------------------------------------------------------

_OPENERS = "“«„"
_CLOSERS = "”»"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        spans.append((match.start(), match.end()))
    return spans


def _find_spans(text: str) -> list[_Span]:
    paragraphs = _paragraphs(text)
    spans: list[_Span] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        next_opens = number + 1 < len(paragraphs) and _opens_with_mark(text[paragraphs[number + 1][0] :])
        doubles = _pair_marks(text, p_start, p_end, _double_roles(text, p_start, p_end), next_opens)
        spans.extend(doubles)
        inside = [(s.open_mark, s.close_mark if s.close_mark is not None else p_end) for s in doubles]
        singles = _pair_marks(text, p_start, p_end, _single_roles(text, p_start, p_end), False)
        spans.extend(s for s in singles if not any(a <= s.open_mark <= b for a, b in inside))
    return sorted(spans, key=lambda s: s.start)


def _opens_with_mark(paragraph: str) -> bool:
    return bool(paragraph) and (paragraph[0] in _OPENERS or paragraph[0] == '"')


def _double_roles(text: str, start: int, end: int) -> list[tuple[int, str]]:
    roles = []
    for i in range(start, end):
        ch = text[i]
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
    roles = []
    for i in range(start, end):
        ch = text[i]
        if ch not in "‘’'":
            continue
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


def _pair_marks(text: str, p_start: int, p_end: int, roles: list[tuple[int, str]],
                continues: bool) -> list[_Span]:
    spans: list[_Span] = []
    open_at: int | None = None
    for position, role in roles:
        if open_at is None:
            if role in ("open", "either"):
                open_at = position
        elif role in ("close", "either"):
            if position > open_at + 1:
                spans.append(_Span(open_at + 1, position, open_at, position, (p_start, p_end)))
            open_at = None
        else:  # a second opening mark: the first one was stray
            open_at = position
    if open_at is not None and continues and open_at + 1 < p_end:
        spans.append(_Span(open_at + 1, p_end, open_at, None, (p_start, p_end)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Strip spaces and a trailing comma (“…,” said X) from a quote's span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return text[start:end], start, end


# --- attribution ---------------------------------------------------------------------------


def _sentence_before(text: str, span: _Span) -> str:
    """The part of the quote's sentence before its opening mark."""
    head = _protect(text[span.paragraph[0] : span.open_mark])
    starts = [m.end() for m in re.finditer(r"[.!?][’'\"”]?\s+(?=[A-Z“\"‘']|$)", head)]
    return head[starts[-1] :] if starts else head


def _after(text: str, span: _Span) -> str:
    """The rest of the quote's sentence after its closing mark."""
    if span.close_mark is None:
        return ""
    tail = _protect(text[span.close_mark + 1 : span.paragraph[1]])
    end = re.search(r"[.!?](?=\s|$)|[“\"‘]", tail)
    return tail[: end.start() + 1] if end else tail


def _attribute(text: str, span: _Span, spans: list[_Span], index: int,
               previous: dict[int, _Attribution]) -> _Attribution:
    after = _after(text, span)
    found = _attribution_after(after, text[span.start : span.end])
    if found:
        return _restore(found)
    before = _sentence_before(text, span)
    found = _attribution_before(before)
    if found:
        return _restore(found)
    rest = _protect(text[span.close_mark + 1 : span.paragraph[1]]) if span.close_mark is not None else ""
    pull = re.match(r"^[\s.,]*[-–—―]+\s*(?P<who>[A-Z][^,;()]{2,60})", rest)
    if pull:
        name = _clean_name(pull.group("who").strip(" ."))
        if name:
            return _restore(_Attribution(name, None, "name"))
    # “...” is held accountable, Warren said.: the attribution closes the sentence
    closing = re.search(
        rf",\s*(?P<who>[^,.;:!?“\"]{{1,60}}?)\s+(?P<cue>{_CUES})(?:\s+\w+day)?\s*\.\s*$|"
        rf",\s*(?P<cue2>{_CUES})\s+(?P<who2>[^,.;:!?“\"]{{1,60}}?)\s*\.\s*$",
        _after_sentence(text, span),
    ) if span.close_mark is not None else None
    if closing:
        who = _speaker_phrase(closing.group("who") or "", at_end=True) if closing.group("who") \
            else _speaker_phrase(closing.group("who2"))
        if who:
            return _restore(_Attribution(who[0], (closing.group("cue") or closing.group("cue2")).lower(), who[1]))
    # the paragraph before ends "X said:" and this paragraph is the quotation
    if span.open_mark == span.paragraph[0] and span.paragraph[0] >= 2:
        prev_paragraph = text[: span.paragraph[0]].rstrip()
        line_start = prev_paragraph.rfind("\n") + 1
        last = prev_paragraph[line_start:]
        if last.endswith(":"):
            found = _attribution_before(_last_sentence(last))
            if found:
                return found
    # a quote continuing the previous one (same paragraph, or a multi-paragraph quote)
    if index > 0:
        prior = spans[index - 1]
        same_paragraph = prior.paragraph == span.paragraph
        continued = prior.close_mark is None and span.open_mark == span.paragraph[0]
        if (same_paragraph or continued) and (index - 1) in previous:
            earlier = previous[index - 1]
            if earlier.speaker or earlier.cue:
                return replace(earlier, inherited=True)
    # a paragraph that is one quotation, right after a paragraph quoting someone: the same speaker
    if index > 0 and span.open_mark == span.paragraph[0] and (index - 1) in previous:
        prior = spans[index - 1]
        between = text[prior.paragraph[1] : span.paragraph[0]]
        whole = span.close_mark is not None and not text[span.close_mark + 1 : span.paragraph[1]].strip()
        if whole and not between.strip() and previous[index - 1].speaker:
            return replace(previous[index - 1], inherited=True)
    return _Attribution(None, None, "none")


_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St|Sens|Reps|U\.S|U\.N|[A-Z])\.(?=\s|[A-Z]|,)"
)
_DOT = "\u2024"  # stands in for an abbreviation's period while sentences are split


def _protect(fragment: str) -> str:
    """Hide the periods of titles and initials (Sen., G.K.) and drop parentheticals like (D-Mo.)."""
    fragment = re.sub(r"\s*\([^()]{1,40}\)", "", fragment)
    return _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + _DOT, fragment)


def _restore(attribution: _Attribution) -> _Attribution:
    if attribution.speaker and _DOT in attribution.speaker:
        return replace(attribution, speaker=attribution.speaker.replace(_DOT, "."))
    return attribution


def _after_sentence(text: str, span: _Span) -> str:
    """The rest of the quote's sentence, up to and including its final period."""
    tail = _protect(text[span.close_mark + 1 : span.paragraph[1]]) if span.close_mark is not None else ""
    end = re.search(r"[.!?](?=\s|$)", tail)
    return tail[: end.end()] if end else tail


_AUXILIARIES = frozenset("has have had been was were is are will would also then still has been once again".split())


def _subject_attribution(text: str, span: _Span) -> _Attribution | None:
    """The named subject of the quote's sentence and its verb, for a fragment inside it."""
    before = _sentence_before(text, span)
    if not before.strip() or before.rstrip().endswith((":", ",")):
        return None
    match = re.match(
        r"^(?P<name>(?:[A-Z][\w.\u2024'’-]*\s+){0,3}[A-Z][\w'’-]+)(?:\s*\([^)]*\))?(?:,[^,]{1,60},)?\s+(?P<rest>.*)$",
        before.strip(),
    )
    if not match or match.group("name").split()[0].lower() in _DETERMINERS | _OPENERS_NOT_NAMES:
        return None
    name = _clean_name(match.group("name"))
    if name and any(ch.isdigit() for ch in name):
        return None  # "EB-5 requires ..." names a programme, not a speaker
    verbs = [w for w in match.group("rest").split() if w.isalpha() and w.islower()]
    verbs = [w for w in verbs if w not in _AUXILIARIES and not w.endswith("ly")]
    if not name or not verbs or not re.match(r"^\w+(ed|s|ing)$", verbs[0]):
        return None
    if " " not in name and not re.search(rf"[a-z,]\s+{re.escape(name)}\b", text):
        return None  # one capitalised word seen only at sentence starts is a common noun ("Residents")
    return _restore(_Attribution(name, verbs[0], "name"))


def _last_sentence(line: str) -> str:
    starts = [m.end() for m in re.finditer(r"[.!?][’'\"”]?\s+(?=[A-Z])", line)]
    return line[starts[-1] :] if starts else line


_AFTER_CUE_FIRST = re.compile(
    rf"^\s*[,.!?…]?\s*[,]?\s*(?P<cue>{_CUES})\s+(?P<who>[^,.;:!?“\"]+?)(?=\s*(?:,|\.|;|$|\s+(?:on|in|at|during|after|before|when|while|who|from)\b))",
)
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^\s*[,.!?…]?\s*(?P<who>[^,.;:!?“\"]{{1,120}}?)\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?(?P<cue>{_CUES})\b",
)
# “…,” Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.
_AFTER_APPOSITIVE = re.compile(
    rf"^\s*[,.!?…]?\s*(?P<who>[A-Z][^,.;:!?“\"]{{1,60}}),[^.;:!?“\"]{{2,120}},\s*(?:\w+ly\s+|also\s+)?(?P<cue>{_CUES})\b",
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“\"]{2,120})", re.I)


def _attribution_after(after: str, quoted: str) -> _Attribution | None:
    if not after.strip() or not re.match(r"^\s*[,.!?…]?\s*\S", after):
        return None
    if quoted.rstrip().endswith(".") and re.match(r"^\s*[A-Z]", after):
        return None  # “... Syria.” It said ...: a new sentence, not an attribution
    cue_first = _AFTER_CUE_FIRST.match(after)
    if cue_first and cue_first.group("who").split()[0].lower() not in ("that", "it", "to"):
        who = _speaker_phrase(after[cue_first.start("who") :])
        if who:
            return _Attribution(*who[:1], cue=cue_first.group("cue").lower(), kind=who[1])
    appositive = _AFTER_APPOSITIVE.match(after)
    if appositive:
        subject = _subject(appositive.group("who") + ",")
        if subject:
            return _Attribution(subject, appositive.group("cue").lower(), "name")
    speaker_first = _AFTER_SPEAKER_FIRST.match(after)
    if speaker_first:
        who = _speaker_phrase(speaker_first.group("who"), at_end=True)
        if who:
            return _Attribution(who[0], speaker_first.group("cue").lower(), who[1])
    according = _ACCORDING.search(after)
    if according:
        who = _speaker_phrase(according.group("who"))
        if who:
            return _Attribution(who[0], "according to", who[1])
    return None


def _attribution_before(before: str) -> _Attribution | None:
    inverted = re.match(r"^\s*(?P<cue>Said|Says|Added|Asked|Wrote)\s+(?P<who>[^:“\"]{2,80}?)\s*[:,]\s*$", before)
    if inverted:  # Said Ellis: “…”
        who = _speaker_phrase(inverted.group("who"))
        if who:
            return _Attribution(who[0], inverted.group("cue").lower(), who[1])
    according = _ACCORDING.search(before)
    if according:
        who = _speaker_phrase(according.group("who"))
        if who:
            return _Attribution(who[0], "according to", who[1])
    cues = list(_CUE.finditer(before))
    for cue in reversed(cues):
        head = before[: cue.start()]
        head = re.sub(r"\s+(?:on|in|at|during|late|early)\s+(?:\w+day|\w+ \d+|the \w+)\s*$", "", head)
        head = re.sub(r"\s+(?:also|later|then|previously|once|\w+ly)\s*$", "", head)
        who = _speaker_phrase(head, at_end=True)
        if who:
            return _Attribution(who[0], cue.group("cue").lower(), who[1])
    return None


def _speaker_phrase(fragment: str, at_end: bool = False) -> tuple[str, str] | None:
    """Extract the speaker from the words next to a cue: (speaker, kind) or None."""
    fragment = re.sub(r"\([^)]*\)", " ", fragment).strip(" ,.;:!?")
    if not fragment:
        return None
    words = fragment.split()
    if at_end:
        subject = _subject(fragment)
        # the speaker is the end of the fragment: the longest run of name-like words before the cue
        last = words[-1].lower().strip(",")
        if last in _PRONOUNS:
            return last, "pronoun"
        run: list[str] = []
        for word in reversed(words):
            bare = word.strip(",")
            if (bare != word and run) or any(mark in word for mark in "”“\"’‘"):
                break
            if _name_like(bare) or (run and bare.lower() in _NAME_PARTICLES):
                run.insert(0, bare)
            else:
                break
        if subject and re.match(rf"^.{{0,80}}?{re.escape(subject.split()[-1])},", fragment):
            return subject, "name"  # NAME, a fellow at Y, said: the apposition is not the speaker
        before_run = [w.lower() for w in words[: len(words) - len(run)]][-2:]
        affiliation = any(w in ("at", "of", "for", "in", "from", "with", "by", "to", "on") for w in before_run[-2:]) \
            and (not before_run or before_run[-1] in ("at", "of", "for", "in", "from", "with", "by", "to", "on", "the"))
        if run and not affiliation:
            if run[0].lower() in _DETERMINERS and len(run) > 1:  # "The Observatory said"
                return _lower_determiner(" ".join(run)), "description"
            name = _clean_name(" ".join(run))
            if name:
                return name, "name"
        if subject:
            return subject, "name"
        description = re.search(
            r"\b(?P<d>(?:the|a|an|his|her|their|its|one|another)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+)$", fragment, re.I
        )
        if description and not _CUE_WORDS.intersection(description.group("d").lower().split()) \
                and len(description.group("d").split()) <= 6:
            return _lower_determiner(description.group("d")), "description"
        return None
    first = words[0].lower().strip(",")
    if first in _PRONOUNS:
        return first, "pronoun"
    named = _NAMED_AS.search(fragment)
    if named:
        return named.group("name"), "name"
    if _name_like(words[0]):
        run = []
        for word in words:
            bare = word.strip(",")
            if _name_like(bare) or bare.lower() in _NAME_PARTICLES:
                run.append(bare)
                if bare != word:
                    break
            else:
                break
        name = _clean_name(" ".join(run))
        if name:
            return name, "name"
    description = re.match(r"^(?P<d>(?:the|a|an|one|another)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=,|$|\s+who\b)",
                           fragment, re.I)
    if description:
        return _lower_determiner(description.group("d")), "description"
    return None


def _lower_determiner(phrase: str) -> str:
    """ "The minister" at a sentence start is "the minister" anywhere else."""
    first, _, rest = phrase.partition(" ")
    return f"{first.lower()} {rest}" if first.lower() in _DETERMINERS and rest else phrase


_LEADING_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,[^—–]{0,60}?(?:\([^)]*\))?\s*[—–-]+\s*")


def _subject(fragment: str) -> str | None:
    """The name a clause starts with ("Aaron Lund, a fellow at ..., called"), or None."""
    fragment = _LEADING_DATELINE.sub("", fragment)  # "FLINT, Mich., Oct. 4 (UPI) — Former President ..."
    match = re.match(
        r"^(?:(?:In|On|At|Later|Earlier|Meanwhile|But|And|However|Yet|Still|Also)\b[^,]{0,60},\s*)?"
        rf"(?P<name>(?:[A-Z][\w.\u2024'’-]*\s+|(?:al|el|bin|ibn|abu|de|van|von)-?\s*|(?:{_ROLE_WORDS})\s+){{0,8}}"
        r"[A-Z][\w'’-]+)(?=,|\s+[a-z])",
        fragment,
    )
    if not match or match.group("name").split()[0].lower() in _DETERMINERS:
        return None
    return _clean_name(match.group("name"))


def _name_like(word: str) -> bool:
    if not word:
        return False
    if word.lower() in _NAME_PARTICLES:
        return False
    head = word.split("-")[-1] if word.lower().startswith(("al-", "el-")) else word
    return head[:1].isupper() and not head.isupper() or (head.isupper() and len(head) > 1 and head.isalpha())


def _clean_name(phrase: str) -> str | None:
    """Drop titles and roles before a name, and a possessive after it."""
    words = [w.strip(",") for w in phrase.split()]
    cut = 0
    for i, word in enumerate(words):
        if i == len(words) - 1:
            break  # the last word is the name itself ("Mr. King", not the title "king")
        title = word.lower().rstrip(".\u2024") in _TITLES or word.lower() in _TITLES
        acronym = word.isupper() and len(word.strip(".\u2024")) >= 2  # "HTS leader", not an initial "R."
        if title or acronym:
            cut = i + 1
    words = words[cut:]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    while words and words[0].lower() in _OPENERS_NOT_NAMES:
        words = words[1:]
    name = " ".join(w for w in words if w)
    if not name or name.lower() in _PRONOUNS or name.lower() in _CUE_WORDS:
        return None
    if not any(ch.isupper() for ch in name[:1]):
        return None
    return name


# --- resolution ----------------------------------------------------------------------------


def _resolve(text: str, span: _Span, attribution: _Attribution,
             speakers: list[tuple[str, str]]) -> _Attribution:
    speaker, kind = attribution.speaker, attribution.kind
    if speaker is None:
        return attribution
    if kind == "pronoun":
        wanted = _PRONOUNS[speaker.lower()]
        if speaker.lower() in ("i", "we"):
            return _Attribution(None, attribution.cue, "none")  # the writer, in a first-person piece
        # Sen. Claire McCaskill scolded him: “…,” she said. -- the sentence's own named subject
        subject = _subject(_sentence_before(text, span)) if wanted == "person" else None
        if subject and " " in subject:
            return _restore(_Attribution(subject, attribution.cue, "name"))
        if wanted == "person" and not speakers:
            # nobody quoted yet: the named subject of the sentence before ("X spoke to CNN. He ...")
            head = _protect(text[span.paragraph[0] : span.open_mark])
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", head)
            earlier = _subject(sentences[-2]) if len(sentences) >= 2 else None
            if earlier and " " in earlier:
                return _restore(_Attribution(earlier, attribution.cue, "name"))
        for earlier, earlier_kind in reversed(speakers):
            if wanted == "person" and earlier_kind == "name":
                return _Attribution(earlier, attribution.cue, "name")
            if wanted == "group" and earlier_kind in ("description", "name"):
                return _Attribution(earlier, attribution.cue, earlier_kind)
        return _Attribution(None, attribution.cue, "none")
    if kind == "description":
        if _AGE.match(speaker):
            for earlier, earlier_kind in reversed(speakers):
                if earlier_kind == "name":
                    return _Attribution(earlier, attribution.cue, "name")
        noun = speaker.split()[-1]
        if len(speaker.split()) <= 3 and speaker.lower().startswith("the "):
            fuller = _fuller_name(text[: span.open_mark], noun)
            if fuller:
                return _Attribution(fuller, attribution.cue, "description")
    return attribution


def _fuller_name(before: str, noun: str) -> str | None:
    """The most recent capitalised phrase containing noun ("the army" -> "Syrian army")."""
    pattern = re.compile(
        rf"\b(?:[A-Z][\w'’-]+\s+(?:(?:for|of|the|and)\s+)?)*{re.escape(noun)}(?:\s+(?:for|of)\s+(?:[A-Z][\w'’-]+\s*)+)?",
        re.I,
    )
    best = None
    for match in pattern.finditer(before):
        phrase = match.group(0).strip()
        if phrase[:1].isupper() and len(phrase.split()) > 1 and phrase.lower() != f"the {noun.lower()}":
            best = phrase
    if best and best.split()[0].lower() == "the":
        best = " ".join(best.split()[1:])
    return f"the {best}" if best and not best.split()[-1][:1].isupper() else best


def _quote_type(text: str, span: _Span) -> str:
    """direct when the quote is an utterance of its own; partial when it sits inside a sentence."""
    before = _sentence_before(text, span).rstrip()
    quoted = text[span.start : span.end].strip()
    if not before or before.endswith((":", ",")):
        return "direct"
    if quoted[:1].isupper() and re.search(rf"\b({_CUES})\s*$", before):
        return "direct"
    return "partial"
