"""When "one" before a noun says how many, and when it only picks a thing out as "a" would.

"The cell had one toilet", "only one of the delegates", "two warrants, one federal warrant" count; "one
official said", "one another", "the number one buyer", "one piece of evidence", "from one room to the next",
"said one party activist", "in one memorable moment" do not. A count of one is the hardest figure to tell
from an article, so every reading of it is here, in the order the figure reader tries them."""

from __future__ import annotations

import re

from transforms.figure_spans import sentence_bounds

# "only one", "just one": a quantifier that makes "one" a count
ONLY_BEFORE = re.compile(r"\b(?:only|just)\s+\Z", re.I)
# what stands before a word that opens a sentence or a paragraph
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?:][\"”’')]?\s+|\n\s*)\(?\Z")  # "(One notable exception was"
# "one example", "one reason for that is": one of many picked out, no count
_ONE_OF_MANY = re.compile(r"\s+(?:(?P<example>examples?)\b|(?:reason|explanation|factor)\s+(?:for|is|was|why)\b)", re.I)
# a source introduced by "one", as by "a": "One official said", "one user on Twitter quipped"
_SOURCE_AFTER = re.compile(
    # "One bystander, Ann Lee, said": the source's name between; "quoted one witness as saying"
    r"\s*,?\s*(?:(?:on|at|from|in)\s+[A-Z][\w.-]*\s+|(?<=,)\s*(?:[A-Z][\w'’.-]*\s+){1,3}?[A-Z][\w'’-]*,\s+|as\s+)?"
    r"(?:said|says|saying|told|tells|added|noted|wrote|"
    r"explained|familiar|speaking|close|commented|quipped|posted|tweeted|replied|argued|asked|recalled|called|"
    r"complained|joked|observed|claimed|insisted|warned|remarked)\b"
)
# a verb of saying before a speaker: "said one resident", "according to one official"
_SOURCE_BEFORE = re.compile(r"\b(?:said|says|told|added|according\s+to)\s+\Z", re.I)
# words before and after a lone "one" that mark it as a count
_COUNT_BEFORE_ONE = re.compile(
    r"\b(?:only|just|a\s+single|exactly|at\s+(?:least|most)|than|each|every|per|fully|merely|all\s+but|to)\s+\Z", re.I
)
_COUNT_AFTER_ONE = re.compile(r"\s*(?:each|apiece|(?:or|and)\s+(?:one|two|three|more|\d)|in\s|out\s+of|to\s)", re.I)
_OTHER_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozen|second)(?![\w])", re.I
)
# what puts a lone "one" where an article could stand: a clause opening, a preposition, a verb of saying
_ARTICLE_PLACE = re.compile(
    r"(?:(?:\A|[.!?:;,(\n\"“”—–])\s*|\b(?:and|but|or|while|whereas|yet|in|on|at|for|of|into|onto|about|"
    r"upon|said|says|told|tells|wrote|writes|added|adds|noted|explained)\s+)\Z",
    re.I,
)
# a person to whom something happened: "and one soldier was killed", "said one person died"
_HAPPENED_TO = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,2}?\s+(?:(?:was|were|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|injured|wounded|"
    r"hurt|shot|stabbed|arrested|detained|hospitali[sz]ed|taken|missing|dead|rescued)|died|dies|survived)\b",
    re.I,
)


def picks_out(
    text: str,
    *,
    start: int,
    end: int,
    number: tuple[int, int],
    digits: str,
    unit: str | None,
    subject: str | None,
    qualifier: str | None,
) -> bool:
    """True when a figure of one (or "a"), text[start:end] with its number word at text[number[0]:number[1]],
    picks a thing out instead of saying how many; subject is the noun it would count, if any."""
    word = digits.strip()
    if re.match(r"\s+another\b", text[number[1] : number[1] + 9], re.I):
        return True  # "one another": a pronoun
    if re.search(r"\bnumber\s+$", text[max(0, start - 8) : start], re.I):
        return True  # "the number one buyer": a rank
    if not subject:
        return False  # what follows is a unit of measure, or nothing: "one mile", "one percent"
    if word.lower() == "one" and (
        re.search(r"\bany\s+$", text[max(0, start - 5) : start], re.I)
        or re.match(r"\s+(?:or|after)\s+(?:another|the\s+other)\b", text[end : end + 20], re.I)
    ):
        return True  # "blame any one person", "favor one side or another": no count, "a" or "whichever"
    if word.lower() == "one" and re.match(r"\s+(?:or\s+[a-z]+\s+)?away\s+from\b", text[end : end + 24], re.I):
        return True  # "one vote away from the nomination", "one illness or accident away from ruin": how near
    many = _ONE_OF_MANY.match(text, number[1]) if word.lower() == "one" else None
    if many and (many.group("example") or not ONLY_BEFORE.search(text, max(0, start - 6), start)):
        # "this is just one example", "one reason for that is": one of many, said to pick it out
        return True
    if _SOURCE_AFTER.match(text[end : end + 36]):
        return True  # "One official said", "one user on Twitter quipped": an article before a source
    speaker = unit == "people" and _SOURCE_BEFORE.search(text, max(0, start - 20), start)
    if speaker and re.match(r"\s*[.,;]", text[end : end + 2]):
        return True  # '"We will stay," said one resident.': the speaker of a quote, introduced as by "a"
    written = text[number[1] : end].split()
    if word.lower() in ("one", "a") and written and re.fullmatch(r"[a-z]+[^s\W]s", written[-1]):
        return True  # "if one steps back", "one sector wants": a count of one takes a singular noun
    if word == "One" and unit != "people" and _OPENS_SENTENCE.search(text, max(0, start - 40), start):
        return True  # "One reason is cost.", "One floor up, ...": opening a sentence, "One" introduces as "A" does
    if word.lower() != "one" or qualifier is not None:
        return False
    if not ONLY_BEFORE.search(text, max(0, start - 6), start) and (
        unit != "people"
        and re.match(r"\s+(?:that|which|of)\b", text[end : end + 7], re.I)
        or re.search(r"\b(?:from|between)\s+(?:one\s+[\w-]+\s+and\s+)?$", text[max(0, start - 40) : number[0]], re.I)
    ):
        # "one piece of evidence", "one remark that stuck", "from one room to the next", "between one
        # team and another": "one" picks out a thing, as "a" or "a certain" would; it does not say how many
        return True
    if unit == "people" and _HAPPENED_TO.match(text, end):
        return False  # a person to whom something happened counts: "said one person was killed"
    # "said one party activist", "and one instance may", "speak with one voice": "one" opening a clause, after a
    # preposition or a verb of saying picks out a thing, as "a" does
    return _as_article(text, start, end)


def _as_article(text: str, start: int, end: int) -> bool:
    """True when a lone "one" before a noun stands where "a" could and nothing marks it as a count: no
    quantifier before it ("only", "just", "at least"), no "each" or "in N" after it, no other number near it in
    its sentence ("one X or another" is an idiom, not two)."""
    if not _ARTICLE_PLACE.search(text, max(0, start - 12), start):
        return False  # "the cell had one toilet", "the blast killed one soldier": the object of a verb, a count
    if _COUNT_BEFORE_ONE.search(text, max(0, start - 12), start) or _COUNT_AFTER_ONE.match(text, end):
        return False
    first, last = sentence_bounds(text, start, end)  # a number near it in its sentence: "two warrants, one ..."
    before = _OTHER_NUMBER.search(text, max(first, start - 60), start)
    return not (before or _OTHER_NUMBER.search(text, end, min(last, end + 60)))
