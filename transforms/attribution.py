"""Attributing a quotation without a parse: the patterns news writes attributions in.

  “…,” X said. / “…,” said X, a fellow at Y. / “…,” X told Z.       (after the quote)
  X said: “…” / X told Z: “…” / According to X, “…”                 (before the quote)
  '…' - X, role                                                    (a pull quote)
  X said: (end of paragraph) followed by a paragraph of quotation   (the next paragraph)
A quote with no attribution in its sentence takes the previous quote's when it continues
it, and keeps speaker NULL otherwise. With a parse, transforms.attribution_model ranks the
verbs and speakers of the quote's sentence instead and these patterns only fill the gaps
it leaves (a quotation continuing an earlier one).
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.lexicon import DETERMINERS, REPORTING_VERBS
from transforms.quote_spans import Span, clause_after, protect, sentence_before
from transforms.speakers import OPENERS_NOT_NAMES, Attribution, clean_name, restore, speaker_phrase, subject_of

CUES = "|".join(REPORTING_VERBS)
# Reporting verbs are matched in lower case: "the United States" holds no cue "states".
_CUE = re.compile(rf"\b(?P<cue>{CUES})\b")


def attribute(text: str, *, span: Span, spans: list[Span], index: int,
              previous: dict[int, Attribution]) -> Attribution:
    """The quote's attribution from its own sentence, else from the quotes around it."""
    return in_sentence(text, span) or from_context(text, span=span, spans=spans, index=index, previous=previous)


def in_sentence(text: str, span: Span) -> Attribution | None:
    """The attribution written in the quote's sentence (before, after or closing it), or None."""
    after = clause_after(text, span)
    found = _attribution_after(after, text[span.start : span.end])
    if found:
        return restore(found)
    before = sentence_before(text, span)
    found = _attribution_before(before)
    if found:
        return restore(found)
    rest = protect(text[span.close_mark + 1 : span.paragraph[1]]) if span.close_mark is not None else ""
    pull = re.match(r"^[\s.,]*[-–—―]+\s*(?P<who>[A-Z][^,;()]{2,60})", rest)
    if pull:
        name = clean_name(pull.group("who").strip(" ."))
        if name:
            return restore(Attribution(name, None, "name"))
    # “...” is held accountable, Warren said.: the attribution closes the sentence
    closing = re.search(
        rf",\s*(?P<who>[^,.;:!?“\"]{{1,60}}?)\s+(?P<cue>{CUES})(?:\s+\w+day)?\s*\.\s*$|"
        rf",\s*(?P<cue2>{CUES})\s+(?P<who2>[^,.;:!?“\"]{{1,60}}?)\s*\.\s*$",
        _after_sentence(text, span),
    ) if span.close_mark is not None else None
    if closing:
        who = speaker_phrase(closing.group("who") or "", at_end=True) if closing.group("who") \
            else speaker_phrase(closing.group("who2"))
        if who:
            return restore(Attribution(who[0], (closing.group("cue") or closing.group("cue2")).lower(), who[1]))
    return None


def from_context(text: str, *, span: Span, spans: list[Span], index: int,
                 previous: dict[int, Attribution]) -> Attribution:
    """The attribution of a quote whose sentence has none: "X said:" before it, or the quote it continues."""
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
    # a paragraph that is one quotation, after a paragraph closing on "X said (that) …": X's words
    whole = span.close_mark is not None and not text[span.close_mark + 1 : span.paragraph[1]].strip()
    if span.open_mark == span.paragraph[0] and whole and span.paragraph[0] >= 2:
        prev_paragraph = text[: span.paragraph[0]].rstrip()
        found = _reporting_clause(_last_sentence(prev_paragraph[prev_paragraph.rfind("\n") + 1 :]))
        if found:
            return found
    return Attribution(None, None, "none")


# Words before the cue of a sentence that reports speech ("Carter said that …"): a subject, not a story.
_MAX_SUBJECT_WORDS = 8


def _reporting_clause(sentence: str) -> Attribution | None:
    """The speaker and cue of a sentence that opens by reporting speech ("X, a senator, argued …"), or None."""
    cue = _CUE.search(protect(sentence))
    if cue is None or '"' in sentence[: cue.start()] or "“" in sentence[: cue.start()]:
        return None
    head = protect(sentence)[: cue.start()]
    head = re.sub(r"\s+(?:also|later|then|previously|once|\w+ly)\s*$", "", head)
    if not head.strip() or len(head.split()) > _MAX_SUBJECT_WORDS:
        return None
    who = speaker_phrase(head, at_end=True)
    return restore(Attribution(who[0], cue.group("cue").lower(), who[1])) if who else None


def _after_sentence(text: str, span: Span) -> str:
    """The rest of the quote's sentence, up to and including its final period."""
    tail = protect(text[span.close_mark + 1 : span.paragraph[1]]) if span.close_mark is not None else ""
    end = re.search(r"[.!?](?=\s|$)", tail)
    return tail[: end.end()] if end else tail


_AUXILIARIES = frozenset("has have had been was were is are will would also then still has been once again".split())


def subject_attribution(text: str, span: Span) -> Attribution | None:
    """The named subject of the quote's sentence and its verb, for a fragment inside it."""
    before = sentence_before(text, span)
    if not before.strip() or before.rstrip().endswith((":", ",")):
        return None
    match = re.match(
        r"^(?P<name>(?:[A-Z][\w.\u2024'’-]*\s+){0,3}[A-Z][\w'’-]+)(?:\s*\([^)]*\))?(?:,[^,]{1,60},)?\s+(?P<rest>.*)$",
        before.strip(),
    )
    if not match or match.group("name").split()[0].lower() in DETERMINERS | OPENERS_NOT_NAMES:
        return None
    name = clean_name(match.group("name"))
    if name and any(ch.isdigit() for ch in name):
        return None  # "EB-5 requires ..." names a programme, not a speaker
    verbs = [w for w in match.group("rest").split() if w.isalpha() and w.islower()]
    verbs = [w for w in verbs if w not in _AUXILIARIES and not w.endswith("ly")]
    if not name or not verbs or not re.match(r"^\w+(ed|s|ing)$", verbs[0]):
        return None
    if " " not in name and not re.search(rf"[a-z,]\s+{re.escape(name)}\b", text):
        return None  # one capitalised word seen only at sentence starts is a common noun ("Residents")
    return restore(Attribution(name, verbs[0], "name"))


def _last_sentence(line: str) -> str:
    """The last sentence of a line."""
    starts = [m.end() for m in re.finditer(r"[.!?][’'\"”]?\s+(?=[A-Z])", line)]
    return line[starts[-1] :] if starts else line


_AFTER_CUE_FIRST = re.compile(
    rf"^\s*[,.!?…]?\s*[,]?\s*(?P<cue>{CUES})\s+(?P<who>[^,.;:!?“\"]+?)(?=\s*(?:,|\.|;|$|\s+(?:on|in|at|during|after|before|when|while|who|from)\b))",
)
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^\s*[,.!?…]?\s*(?P<who>[^,.;:!?“\"]{{1,120}}?)\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?(?P<cue>{CUES})\b",
)
# “…,” Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.
_AFTER_APPOSITIVE = re.compile(
    rf"^\s*[,.!?…]?\s*(?P<who>[A-Z][^,.;:!?“\"]{{1,60}}),[^.;:!?“\"]{{2,120}},\s*(?:\w+ly\s+|also\s+)?(?P<cue>{CUES})\b",
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“\"]{2,120})", re.I)


def _attribution_after(after: str, quoted: str) -> Attribution | None:
    """The attribution in the words right after the closing mark, or None."""
    if not after.strip() or not re.match(r"^\s*[,.!?…]?\s*\S", after):
        return None
    if quoted.rstrip().endswith(".") and re.match(r"^\s*[A-Z]", after):
        return None  # “... Syria.” It said ...: a new sentence, not an attribution
    cue_first = _AFTER_CUE_FIRST.match(after)
    if cue_first and cue_first.group("who").split()[0].lower() not in ("that", "it", "to"):
        who = speaker_phrase(after[cue_first.start("who") :])
        if who:
            return Attribution(*who[:1], cue=cue_first.group("cue").lower(), kind=who[1])
    appositive = _AFTER_APPOSITIVE.match(after)
    if appositive:
        subject = subject_of(appositive.group("who") + ",")
        if subject:
            return Attribution(subject, appositive.group("cue").lower(), "name")
    speaker_first = _AFTER_SPEAKER_FIRST.match(after)
    if speaker_first:
        who = speaker_phrase(speaker_first.group("who"), at_end=True)
        if who:
            return Attribution(who[0], speaker_first.group("cue").lower(), who[1])
    according = _ACCORDING.search(after)
    if according:
        who = speaker_phrase(according.group("who"))
        if who:
            return Attribution(who[0], "according to", who[1])
    return None


def _attribution_before(before: str) -> Attribution | None:
    """The attribution in the quote's sentence before its opening mark, or None."""
    inverted = re.match(r"^\s*(?P<cue>Said|Says|Added|Asked|Wrote)\s+(?P<who>[^:“\"]{2,80}?)\s*[:,]\s*$", before)
    if inverted:  # Said Ellis: “…”
        who = speaker_phrase(inverted.group("who"))
        if who:
            return Attribution(who[0], inverted.group("cue").lower(), who[1])
    according = _ACCORDING.search(before)
    if according:
        who = speaker_phrase(according.group("who"))
        if who:
            return Attribution(who[0], "according to", who[1])
    cues = list(_CUE.finditer(before))
    for cue in reversed(cues):
        head = before[: cue.start()]
        head = re.sub(r"\s+(?:on|in|at|during|late|early)\s+(?:\w+day|\w+ \d+|the \w+)\s*$", "", head)
        head = re.sub(r"\s+(?:also|later|then|previously|once|\w+ly)\s*$", "", head)
        who = speaker_phrase(head, at_end=True)
        if who:
            return Attribution(who[0], cue.group("cue").lower(), who[1])
    return None
