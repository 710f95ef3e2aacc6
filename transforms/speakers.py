"""Speakers: the name or description next to a reporting verb, and what a pronoun refers to.

Titles and roles are not part of a name (rebel commander Lieutenant Colonel Hassan Abdul
Ghani -> Hassan Abdul Ghani). A pronoun (he, she) is resolved to the most recent named
speaker; "it", "they" to the most recent institutional one; "the 33-year-old" to the most
recent named speaker; a description that names someone ("a civil servant who gave his
name only as Abbas") to that name; "the army" to the fuller name the article gave it
earlier ("the Syrian army").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transforms.lexicon import DETERMINERS, MONTHS, NAME_PARTICLES, PRONOUNS, REPORTING_VERBS, TITLES, WEEKDAYS
from transforms.quote_spans import DOT, Span, protect, sentence_before

# Reporting verbs are never a name nor the head of a description.
CUE_WORDS = frozenset(word for phrase in REPORTING_VERBS for word in phrase.split())

# lowercase roles that sit inside a name phrase: "HTS leader Abu Mohammed al-Jolani"
_ROLE_WORDS = "|".join(sorted((w for w in TITLES if w.isalpha() and len(w) > 3), key=len, reverse=True))
_AGE = re.compile(r"^the \d+-year-old$", re.I)
_NAMED_AS = re.compile(
    r"\b(?:who )?(?:gave (?:his|her|their) (?:first |full )?name (?:only )?as|identified (?:only )?as|"
    r"named|called)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
# Capitalised words that open sentences and are never a speaker's name.
OPENERS_NOT_NAMES = frozenset(
    """in at as on however but and or so yet still also then when while after before during since
    although though because if meanwhile later earlier today yesterday tonight once this that these
    those there here what which who why how asked speaking writing""".split()
) | frozenset(WEEKDAYS) | frozenset(MONTHS)


@dataclass(frozen=True)
class Attribution:
    """Who said a quotation, and the verb that reports it."""

    speaker: str | None
    cue: str | None
    kind: str  # name, pronoun, description, none
    inherited: bool = False  # taken from the quotation's earlier part


def restore(attribution: Attribution) -> Attribution:
    """Put back the abbreviation periods that protect() hid in the speaker's name."""
    if attribution.speaker and DOT in attribution.speaker:
        return replace(attribution, speaker=attribution.speaker.replace(DOT, "."))
    return attribution


def speaker_phrase(fragment: str, at_end: bool = False) -> tuple[str, str] | None:
    """Extract the speaker from the words next to a cue: (speaker, kind) or None."""
    fragment = re.sub(r"\([^)]*\)", " ", fragment).strip(" ,.;:!?")
    if not fragment:
        return None
    words = fragment.split()
    if at_end:
        subject = subject_of(fragment)
        # the speaker is the end of the fragment: the longest run of name-like words before the cue
        last = words[-1].lower().strip(",")
        if last in PRONOUNS:
            return last, "pronoun"
        run: list[str] = []
        for word in reversed(words):
            bare = word.strip(",")
            if (bare != word and run) or any(mark in word for mark in "”“\"’‘"):
                break
            if _name_like(bare) or (run and bare.lower() in NAME_PARTICLES):
                run.insert(0, bare)
            else:
                break
        if subject and re.match(rf"^.{{0,80}}?{re.escape(subject.split()[-1])},", fragment):
            return subject, "name"  # NAME, a fellow at Y, said: the apposition is not the speaker
        before_run = [w.lower() for w in words[: len(words) - len(run)]][-2:]
        affiliation = any(w in ("at", "of", "for", "in", "from", "with", "by", "to", "on") for w in before_run[-2:]) \
            and (not before_run or before_run[-1] in ("at", "of", "for", "in", "from", "with", "by", "to", "on", "the"))
        if run and not affiliation:
            if run[0].lower() in DETERMINERS and len(run) > 1:  # "The Observatory said"
                return _lower_determiner(" ".join(run)), "description"
            name = clean_name(" ".join(run))
            if name:
                return name, "name"
        if subject:
            return subject, "name"
        description = re.search(
            r"\b(?P<d>(?:the|a|an|his|her|their|its|one|another)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+)$", fragment, re.I
        )
        if description and not CUE_WORDS.intersection(description.group("d").lower().split()) \
                and len(description.group("d").split()) <= 6:
            return _lower_determiner(description.group("d")), "description"
        return None
    first = words[0].lower().strip(",")
    if first in PRONOUNS:
        return first, "pronoun"
    named = _NAMED_AS.search(fragment)
    if named:
        return named.group("name"), "name"
    if _name_like(words[0]):
        run = []
        for word in words:
            bare = word.strip(",")
            if _name_like(bare) or bare.lower() in NAME_PARTICLES:
                run.append(bare)
                if bare != word:
                    break
            else:
                break
        name = clean_name(" ".join(run))
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
    return f"{first.lower()} {rest}" if first.lower() in DETERMINERS and rest else phrase


_LEADING_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,[^—–]{0,60}?(?:\([^)]*\))?\s*[—–-]+\s*")


def subject_of(fragment: str) -> str | None:
    """The name a clause starts with ("Aaron Lund, a fellow at ..., called"), or None."""
    fragment = _LEADING_DATELINE.sub("", fragment)  # "FLINT, Mich., Oct. 4 (UPI) — Former President ..."
    match = re.match(
        r"^(?:(?:In|On|At|Later|Earlier|Meanwhile|But|And|However|Yet|Still|Also)\b[^,]{0,60},\s*)?"
        rf"(?P<name>(?:[A-Z][\w.\u2024'’-]*\s+|(?:al|el|bin|ibn|abu|de|van|von)-?\s*|(?:{_ROLE_WORDS})\s+){{0,8}}"
        r"[A-Z][\w'’-]+)(?=,|\s+[a-z])",
        fragment,
    )
    if not match or match.group("name").split()[0].lower() in DETERMINERS:
        return None
    return clean_name(match.group("name"))


def _name_like(word: str) -> bool:
    """A capitalised word (or an all-capital acronym) that can be part of a name."""
    if not word:
        return False
    if word.lower() in NAME_PARTICLES:
        return False
    head = word.split("-")[-1] if word.lower().startswith(("al-", "el-")) else word
    return head[:1].isupper() and not head.isupper() or (head.isupper() and len(head) > 1 and head.isalpha())


def clean_name(phrase: str) -> str | None:
    """Drop titles and roles before a name, and a possessive after it."""
    words = [w.strip(",") for w in phrase.split()]
    cut = 0
    for i, word in enumerate(words):
        if i == len(words) - 1:
            break  # the last word is the name itself ("Mr. King", not the title "king")
        title = word.lower().rstrip(".\u2024") in TITLES or word.lower() in TITLES
        acronym = word.isupper() and len(word.strip(".\u2024")) >= 2  # "HTS leader", not an initial "R."
        if title or acronym:
            cut = i + 1
    words = words[cut:]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    while words and words[0].lower() in OPENERS_NOT_NAMES:
        words = words[1:]
    name = " ".join(w for w in words if w)
    if not name or name.lower() in PRONOUNS or name.lower() in CUE_WORDS:
        return None
    if not any(ch.isupper() for ch in name[:1]):
        return None
    return name


# --- resolution ----------------------------------------------------------------------------


def resolve(text: str, *, span: Span, attribution: Attribution, speakers: list[tuple[str, str]]) -> Attribution:
    """The speaker a pronoun or a short description stands for, from earlier speakers and sentences."""
    speaker, kind = attribution.speaker, attribution.kind
    if speaker is None:
        return attribution
    if kind == "pronoun":
        wanted = PRONOUNS[speaker.lower()]
        if speaker.lower() in ("i", "we"):
            return Attribution(None, attribution.cue, "none")  # the writer, in a first-person piece
        # Sen. Claire McCaskill scolded him: “…,” she said. -- the sentence's own named subject
        subject = subject_of(sentence_before(text, span)) if wanted == "person" else None
        if subject and " " in subject:
            return restore(Attribution(subject, attribution.cue, "name"))
        if wanted == "person" and not speakers:
            # nobody quoted yet: the named subject of the sentence before ("X spoke to CNN. He ...")
            head = protect(text[span.paragraph[0] : span.open_mark])
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", head)
            earlier = subject_of(sentences[-2]) if len(sentences) >= 2 else None
            if earlier and " " in earlier:
                return restore(Attribution(earlier, attribution.cue, "name"))
        for earlier, earlier_kind in reversed(speakers):
            if wanted == "person" and earlier_kind == "name":
                return Attribution(earlier, attribution.cue, "name")
            if wanted == "group" and earlier_kind in ("description", "name"):
                return Attribution(earlier, attribution.cue, earlier_kind)
        return Attribution(None, attribution.cue, "none")
    if kind == "description":
        if _AGE.match(speaker):
            for earlier, earlier_kind in reversed(speakers):
                if earlier_kind == "name":
                    return Attribution(earlier, attribution.cue, "name")
        noun = speaker.split()[-1]
        if len(speaker.split()) <= 3 and speaker.lower().startswith("the "):
            fuller = _fuller_name(text[: span.open_mark], noun)
            if fuller:
                return Attribution(fuller, attribution.cue, "description")
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
