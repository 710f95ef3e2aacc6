"""What a number counts when it names nothing itself, taken from a figure beside it: "40 or 50 years",
"Adams won 410 delegates, Baker 220", "a herd of 40 cattle, among them 9 calves", "down by 30 to 126"."""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.figure_categories import COUNT_CATEGORIES, category_from_words
from transforms.figure_context import GAP_WORDS, date_before
from transforms.figure_qualifiers import change_of
from transforms.figure_spans import Found, previous_sentence_start, sentence_around, sentence_bounds
from transforms.figure_units import COMPOUND_NOUNS, HARMED_AFTER, NOT_NOUNS, counted_unit, plural
from transforms.lexicon import FALL_WORDS, RISE_WORDS, STOP_WORDS
from transforms.numbers import DIGITS, WORD_NUMBER, parse_number


def listed_after_name(text: str, match: re.Match[str], earlier: Found) -> Found | None:
    """ "Adams won 410 delegates, Baker 220 and Clark 96": numbers listed after names count what the first did."""
    start, end = match.span("figure")
    digits = match.group("number").strip()
    if earlier.unit is None or earlier.category == "age" or not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", digits):
        return None
    between = text[earlier.end : start]
    if len(between) > 80 or not re.fullmatch(
        r"[^.;!?\n]*(?:,|\band|\bwhile|\bwith|\bto|\bversus|\bvs\.)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
        r"(?:(?:has|had|won|got|took|with|at)\s+)?",
        between,
    ):
        return None
    if (
        date_before(between)
        or re.match(r"^[\w%$-]", text[end : end + 1])
        or re.match(r"^\s+[a-z]+s\b", text[end : end + 20])
    ):
        return None  # "March 15", or a noun of its own
    number = parse_number(digits)
    if number is None:
        return None
    return replace(earlier, start=start, end=end, low=number.low, high=number.high, qualifier="exact")


# the words between a count and a rival's bare number: "four rallies, to the mayor's two", "12 to his 9"
_TO_RIVAL = re.compile(
    r"[^.;!?\d]{0,40}?,?\s+(?:to|against|versus|vs\.?)\s+(?:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:['’]s?|s['’])"
    r"|his|her|their|its)\s+\Z"
)


def against_rival(text: str, match: re.Match[str], earlier: Found) -> Found | None:
    """ "They held four rallies, to the mayor's two": a rival's bare number counts what the first did."""
    start, end = match.span("figure")
    if earlier.unit is None or earlier.category == "age" or match.group("number2"):
        return None
    if _TO_RIVAL.fullmatch(text, earlier.end, start) is None or re.match(r"[\w%$-]", text[end : end + 1]):
        return None  # "against his 30th opponent": an ordinal
    if re.match(r"\s+(?!(?:in|on|at|of|and|or|but|for|this|last|since)\b)[a-z]+", text[end : end + 20]):
        return None  # a noun of its own: "to the rival's three delegates"
    number = parse_number(match.group("number"))
    if number is None or number.vague:
        return None
    return replace(earlier, start=start, end=end, low=number.low, high=number.high, qualifier="exact")


# the words between a share and a bare share set against it: "52 percent to 44", "38 percent, down from 44"
_SHARE_PAIR = re.compile(r"(?P<to>\s+(?:to|versus|vs\.?|against)\s+)|,?\s+(?:down|up)\s+from\s+|(?P<from>\s+from\s+)")
# what may follow the bare share: the end of its clause or a word that starts another phrase, not a noun of its own
_AFTER_SHARE = re.compile(
    r"\s*(?:[,.;:!?)\]”\"]|\Z)|\s+(?:in|on|at|among|with|for|a|an|the|last|this|since|before|after|when|and|or|but|"
    r"earlier|previously|percent|per\s+cent)\b",
    re.I,
)


# the words of a tally in which one share is set against another: leads, wins, votes
_TALLY_WORDS = re.compile(
    rf"{GAP_WORDS.pattern}|\b(?:votes?|voted|voters|rejected|approved|defeated|tops|topped)\b", re.I
)


def paired_share(text: str, match: re.Match[str], earlier: Found) -> Found | None:
    """ "Adams led 52 percent to 44", "support fell to 38 percent from 44", "at 38 percent, down from 44": a bare
    number set against a share right before it is a share too. "to" sets it against a share only in a tally (a
    sentence of leads, wins or votes, and no change by the share: "rose 5 percent to 80" ends at a level of
    something else); "from" only after a share that is a level ("to 38 percent", "at 38 percent")."""
    start, end = match.span("figure")
    if earlier.unit != "percent" or earlier.low != earlier.high or match.group("number2"):
        return None
    pair = _SHARE_PAIR.fullmatch(text, earlier.end, start)
    if pair is None or _AFTER_SHARE.match(text, end) is None or re.match(r"[\w%$-]", text[end : end + 1]):
        return None
    before = text[max(0, earlier.start - 30) : earlier.start].lower()
    last = re.search(r"([a-z]+)\s+(?:(?:about|nearly|almost|roughly|some|just|only)\s+)?$", before)
    word = last.group(1) if last else ""
    if pair.group("to") and (
        word == "by"
        or word in RISE_WORDS | FALL_WORDS
        or change_of(text, earlier.start, earlier.end) is not None
        or not _TALLY_WORDS.search(sentence_around(text, earlier.start, end))
    ):
        return None  # "shares edged 2 percent to 42", "cut prices 20 percent to 42": a change and the level it ends at
    if pair.group("from") and word not in ("to", "at"):
        return None
    number = parse_number(match.group("number"))
    if number is None or number.vague or number.high > 100:
        return None
    return replace(earlier, start=start, end=end, low=number.low, high=number.high, qualifier="exact")


# what stands between numbers listed before one unit: "5, 6, 8 percent", "two, three and even four days"
_LIST_HEDGE = r"(?:even|maybe|perhaps|possibly|another)"  # "another four, or another eight years"
_LIST_SEPARATOR = re.compile(
    rf"\s*(?:,\s*(?:(?:or|and)(?:\s+{_LIST_HEDGE})?)?|(?:or|and)(?:\s+{_LIST_HEDGE})?|to|–|if\s+not)\s*"
)  # "hundreds if not thousands of clinics"
# one step of a list going on after a number: ", 6", " or even four"; a comma takes a space after it, so
# that the groups of "1,200,300" are no list (and a failed match has one way to split digits, not many)
_LIST_STEP = rf"(?:\s*,\s+(?:(?:or|and)\s+)?|\s+(?:or|and|to)\s+)(?:{_LIST_HEDGE}\s+)?(?:{DIGITS}|{WORD_NUMBER})\b"
# a list that ends in a unit or a noun: ", 6, 8 percent", ", three and even four days"
LIST_TO_UNIT = re.compile(rf"(?:{_LIST_STEP}){{1,6}}\s*(?:%|[a-z])", re.I)


# a number right after "or"/"to" and then a unit or a noun (no word that starts another phrase): "20 or 30
# percent", "40 to 50 homes"
_OR_TO_UNIT = re.compile(
    rf"\s+(?:or|to)\s+(?:{_LIST_HEDGE}\s+)?(?:{DIGITS}|{WORD_NUMBER})\b\s*"
    r"(?:%|(?!(?:in|on|at|of|the|and|or|to|for|by|a|an|this|last|since)\b)[a-z])",
    re.I,
)


def counting_as(figure: Found, other: Found) -> Found:
    """The figure counting what other counts: its unit, counted noun and category."""
    return replace(figure, unit=other.unit, subject=other.subject, category=other.category)


def listed_units(text: str, found: list[Found]) -> list[Found]:
    """ "40 or 50 years", "100,000, 200,000 or 250,000 refugees": numbers listed before a unit share it."""
    shared = list(found)
    for i in range(len(shared) - 2, -1, -1):
        figure, following = shared[i], shared[i + 1]
        if figure.unit is not None or following.unit is None or following.category == "age":
            continue
        if _LIST_SEPARATOR.fullmatch(text, figure.end, following.start):
            category = following.category if figure.category == "other" else figure.category
            shared[i] = replace(figure, unit=following.unit, subject=following.subject, category=category)
    return shared


_UNIT_SAID = re.compile(r"\s[a-z]+\Z")


def said_again_ranges(text: str, found: list[Found]) -> list[Found]:
    """ "the next six months, seven months": a number said again, one more, with its unit repeated after a comma is
    one range, as "six or seven months" is."""
    merged: list[Found] = []
    for figure in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.unit is not None
            and last.unit == figure.unit
            and last.qualifier == figure.qualifier == "exact"
            and last.low == last.high
            and figure.low == figure.high == last.high + 1
            and _whole(figure)
            and re.fullmatch(r",\s", text[last.end : figure.start])
            and _UNIT_SAID.search(text, last.start, last.end)  # the unit is said with each number
            and _UNIT_SAID.search(text, figure.start, figure.end)
        ):
            merged[-1] = replace(last, end=figure.end, high=figure.high)
            continue
        merged.append(figure)
    return merged


def changed_to(text: str, figure: Found, earlier: list[Found]) -> Found:
    """ "dropped from 660,000 dollars four years ago to just 75,000": the number a change ends at is in the unit
    of the number it started from, the last figure after "from" in the sentence."""
    if figure.unit is not None or not _TO_BEFORE.search(text, max(0, figure.start - 16), figure.start):
        return figure
    for before in reversed(earlier):
        if figure.start - before.end > 120 or re.search(r"[.!?]\s", text[before.end : figure.start]):
            return figure
        if before.unit and _FROM_BEFORE.search(text, max(0, before.start - 6), before.start):
            return counting_as(figure, before)
    return figure


def carry_over(text: str, figure: Found, earlier: Found) -> Found:
    """ "a herd of 40 cattle, among them 9 calves": the sentence's counted noun carries over to the later number."""
    same_sentence = not re.search(r"[.!?]\s", text[earlier.end : figure.start])
    between = text[earlier.end : figure.start]
    if LIST_TO_UNIT.match(text, figure.end):
        return figure  # "two, three and even four days": the list's own unit, set by listed_units
    if (
        earlier.unit in ("percent", "percentage_points")
        and same_sentence
        and figure.high <= 100
        and len(between) < 60
        and not re.search(r"\d", between)
        and re.search(r"[,;]|\b(?:while|whereas|but|and|compared|versus|vs)\b", between)
        and not re.search(r"\b(?:to|from|at|by|of)\s+$", between)
    ):
        # "38 percent approve, while 57 disapprove", "lost four points, while Kim gained four": a parallel clause
        # keeps the unit
        return replace(figure, unit=earlier.unit, category="percent", subject=None)
    if (
        (earlier.category == "temperature" or earlier.unit == "degrees")
        and same_sentence
        and len(between) < 80
        and re.search(r"\b(?:index|reached|hit|topped|high|low|peaked)\b", between, re.I)
    ):
        # "near 100 degrees, and the heat index reached 109": a second reading of the same kind
        return replace(figure, unit=earlier.unit, category=earlier.category, subject=None)
    if _whole(figure) and repeats_period(text, figure.start, figure.end, earlier):
        # "ten years in the House and six as governor": a bare number in a parallel clause counts the same period
        return replace(figure, unit=earlier.unit, category="duration", subject=None)
    if same_sentence and earlier.subject and earlier.category in COUNT_CATEGORIES and _whole(figure):
        category = earlier.category if figure.category == "other" else figure.category
        return replace(figure, unit=earlier.unit, subject=earlier.subject, category=category)
    return figure


# "from X ... to Y": "to" before the number a change ends at, "from" before the one it starts from
_TO_BEFORE = re.compile(r"\bto\s+(?:just\s+|only\s+|about\s+|nearly\s+|roughly\s+|some\s+)?\Z", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)  # a hedge after "from" is inside the figure's own span
# the words between a period and a bare number that repeats it: a conjunction and few words, no number
_PARALLEL_PERIOD = re.compile(
    r"[^.;!?\d]{0,60}?(?:,\s*(?:(?:and|or|but|plus|then)\s+)?|\s(?:and|or|but|plus|then)\s+)"
    # a subject and a verb that spends time, or nothing: "and she has served 2", "and six as governor"
    r"(?:(?:(?:he|she|it|they|we|i|you|may|might|could|would|will|can|has|have|had|is|was)\s+){0,2}"
    r"(?:serve[ds]?|serving|spen[dt]|spends|last(?:ed|s)?|wait(?:ed|s)?|ran|runs?|stay(?:ed|s)?|took|takes?|"
    r"remain(?:ed|s)?|work(?:ed|s)?|lived?|sat|sits?|held|holds?)\s+)?"
    r"(?:(?:another|a\s+further|an\s+additional|the\s+next|the\s+last|the\s+other)\s+)?",
    re.I,
)
# what follows such a number: a preposition or the end of the clause, not a noun of its own
_AFTER_PARALLEL = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:as|in|at|on|with|for|under|before|after|more)\b")


def repeats_period(text: str, start: int, end: int, earlier: Found) -> bool:
    """True when a bare number at start..end repeats the period just stated in its sentence: "ten years
    in the House and six as governor", "it ran for 10 years and may run another 10"."""
    return (
        earlier.category == "duration"
        and earlier.unit is not None
        and "/" not in earlier.unit
        and earlier.end <= start
        and _PARALLEL_PERIOD.fullmatch(text, earlier.end, start) is not None
        and _AFTER_PARALLEL.match(text, end) is not None
    )


# a plural noun in the words before a number
_PLURAL_BEFORE = re.compile(r"\b([a-z]{3,}s)\b")


# "the number of new refugees", "the total of jobs": the noun a later bare number counts
_NUMBER_OF = re.compile(
    r"\b(?:number|count|total|tally)\s+of\s+(?:(?!who\b|that\b|which\b)[a-z][\w'’-]*\s+){0,2}?"
    r"([a-z]{3,}s|people|injured|wounded|dead|missing)\b"
    # a road toll counts the dead of the roads; "the toll" alone, the dead (not "the toll road")
    r"|\b(death|road|the)\s+toll\b(?!\s+(?:roads?|booths?|plazas?|bridges?|lanes?|charges?|fees?|free)\b)",
    re.I,
)


def _plural_nouns(words: str) -> list[str]:
    """The plural nouns of some words, in order ("business", "class" and function words are none; nor is a verb
    between two names, "Lee trails Kim 300 to 210")."""
    found = [
        _compound_of(words, m.start(), m.group(1))
        for m in _PLURAL_BEFORE.finditer(words)
        if not _verb_between_names(words, m.start(), m.end())
    ]
    return [n for n in found if n not in STOP_WORDS and n not in NOT_NOUNS and not n.endswith("ss")]


def _compound_of(words: str, start: int, noun: str) -> str:
    """The noun with the word before it when the two make a compound ("polling places"), else the noun."""
    before = re.search(r"([a-z]+)\s+\Z", words[max(0, start - 20) : start])
    compound = f"{before.group(1)} {noun}" if before else ""
    return compound if compound in COMPOUND_NOUNS else noun


# a word in -s after a name and before a name or a number is a verb: "Lee trails Kim", "Park leads 52"
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+\Z")
_NAME_OR_NUMBER_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|\d)")


def _verb_between_names(words: str, start: int, end: int) -> bool:
    name = _NAME_BEFORE.search(words, max(0, start - 30), start)
    return bool(name and name.group(1).lower() not in STOP_WORDS and _NAME_OR_NUMBER_AFTER.match(words, end))


_CLAUSE_MARK = re.compile(r"[,;:—–]")


def counted_before(text: str, figure: Found) -> Found:
    """ "a commitment of 777x jets ..., down by 30 to 126": a change counts what the sentence counted."""
    if not _whole(figure):
        return figure  # "cut to 0.31": a count is a whole number
    head = sentence_around(text, figure.start, figure.end)
    at = head.find(text[figure.start : figure.end])
    # "the number of X ... stands at N" in one clause: no comma, semicolon or dash between it and the number
    named = [m for m in _NUMBER_OF.finditer(head, 0, max(0, at)) if not _CLAUSE_MARK.search(head, m.end(), max(0, at))]
    if named and named[-1].group(2):  # "raised the death toll to 267": the persons killed
        return replace(figure, unit="people", subject="deaths", category="killed")
    # what "the number of" names when no other plural noun comes after it, else the last plural noun
    nouns = (
        [_compound_of(head, named[-1].start(1), (named[-1].group(1) or "").lower())]
        if named
        else _plural_nouns(head[: max(0, at)])
    )
    if not nouns:
        return figure
    word = nouns[-1]  # "the number of refugees ... ranges from": what "the number of" names, else the last plural
    category = "count" if figure.category == "other" else figure.category
    return replace(figure, unit=counted_unit(word), subject=word, category=category)


# a group and its size: "Retirees, numbering 3.2 million", "the refugees, who number about 2,000"
_NUMBERING = re.compile(
    r"\b(?P<noun>[A-Za-z][a-z]{2,}s)(?:,\s+(?:who|which)|,)?\s+(?:number(?:ing|ed|s)?|totall?(?:ing|ed)|total)\s+\Z"
)


# nouns that total money, not things: "its assets total 5 billion", "deposits, which number 40,000"
_SUMS_OF_MONEY = frozenset(
    "assets deposits revenues sales profits earnings costs debts funds savings losses budgets reserves".split()
)


def numbering(text: str, figure: Found) -> Found:
    """ "Retirees, numbering 3.2 million": a group's size counts the group."""
    if figure.unit is not None or not _whole(figure):
        return figure
    named = _NUMBERING.search(text, max(0, figure.start - 60), figure.start)
    word = named.group("noun").lower() if named else ""
    if not word or word in STOP_WORDS or word in NOT_NOUNS or word in _SUMS_OF_MONEY:
        return figure  # "assets total 5 billion": money in an unnamed currency, no count of assets
    category = "count" if figure.category == "other" else figure.category
    return replace(figure, unit=counted_unit(word), subject=word, category=category)


# a line of a tally box: "Adams: 1,204." under a heading line that names what it counts ("PLEDGED DELEGATES")
_TALLY_LINE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*:[ \t]*\Z")
_HEADING = re.compile(r"(?m)^[ \t]*(?:[A-Za-z][\w'’-]*[ \t]+){0,4}(?P<noun>[A-Za-z]{3,}[sS])\.?[ \t]*$")


_LINE_END = re.compile(r"\.?[ \t]*(?:\n|\Z)")
_BLANK_LINES = re.compile(r"\.?[ \t]*\n\s*")


def tally_line(text: str, figure: Found, earlier: list[Found]) -> Found:
    """ "BOARD SEATS.\n\nAdams: 312.\n\nBaker: 58.": a number after a name and a colon, alone on its line,
    counts what the heading in capitals above the box names, else what the box's line above it counted."""
    if figure.unit is not None or not _whole(figure) or not _LINE_END.match(text, figure.end):
        return figure
    if not _TALLY_LINE.search(text, max(0, figure.start - 60), figure.start):
        return figure
    line_start = text.rfind("\n", 0, figure.start)
    # whole lines only: "^" matches where a line begins, not where the search does; a heading is in capitals
    lines_above = _HEADING.finditer(text, max(0, line_start - 400), max(0, line_start))
    headings = [m for m in lines_above if ":" not in m.group(0) and m.group(0).isupper()]
    if headings:
        word = headings[-1].group("noun").lower()
        if word not in STOP_WORDS and word not in NOT_NOUNS:
            return replace(figure, unit=counted_unit(word), subject=word, category="count")
    # no heading: a line of a box right under another line of it counts what that one counted
    previous = earlier[-1] if earlier else None
    if (
        previous is None
        or previous.unit is None
        or not _BLANK_LINES.fullmatch(text, previous.end, line_start + 1)
        or not _TALLY_LINE.search(text, max(0, previous.start - 60), previous.start)
    ):
        return figure
    return counting_as(figure, previous)


def antecedent_of(text: str, start: int, earlier: list[Found]) -> Found | None:
    """The nearest count of things before start, within the last few sentences."""
    for figure in reversed(earlier):
        if start - figure.end > 600:
            return None
        if _is_count(figure):
            return figure
    return None


def _whole(figure: Found) -> bool:
    """True when a figure could count things: its numbers are whole."""
    return figure.low == int(figure.low) and figure.high == int(figure.high)


# "a well was dug in May", "the first water well": one thing named before "N more" count more of it
_ONE_NAMED = re.compile(
    r"\b(?:an?|one|another|the\s+(?:first|last|only))\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]{3,})"
    # what follows the noun: punctuation, a preposition, a verb or a relative clause's subject ("a well County
    # crews capped")
    r"(?=\s*[,.;:]|\s+(?:in|on|at|of|near|under|beneath|was|is|that|which|had|has|from|and|like)\b|\s+[A-Z])"
)


# nouns after "a" that name no thing more of which can be counted: "one of a kind", "a lot", "in a statement"
_NO_THING = frozenset("kind lot while bit number couple few little way time moment statement interview".split())


def more_of_one(text: str, figure: Found, earlier: list[Found]) -> Found:
    """ "Crews capped a well in May. Dozens more dot the valley": a bare number before "more" counts
    more of the one thing its sentence or the one before named, else of the last count made, else of the
    persons the sentence before names ("Three rivals spoke first. Four more followed")."""
    more = re.match(r"\s+more\b(?!\s+than\b)", text[figure.end : figure.end + 12])
    if figure.unit is not None or more is None:
        return figure  # "hired 150 more than planned": a comparison, not more of a thing
    category = "count" if figure.category == "other" else figure.category
    if HARMED_AFTER.match(text, figure.end + more.end()):
        return replace(figure, unit="people", subject=None, category=category)  # "25 more were arrested"
    first, _ = sentence_bounds(text, figure.start, figure.end)
    before = previous_sentence_start(text, first)
    nouns = [
        m.group("noun").lower()
        for m in _ONE_NAMED.finditer(text, before, figure.start)
        if m.group("noun").lower() not in STOP_WORDS | _NO_THING and not re.search(r"(?:ly|ing|ed)$", m.group("noun"))
    ]
    if nouns:
        word = plural(nouns[-1])
        return replace(figure, unit=counted_unit(word), subject=word, category=category)
    antecedent = antecedent_of(text, figure.start, earlier)
    if antecedent is not None and figure.start - antecedent.end < 300:
        return counting_as(figure, antecedent)
    people = [n for n in _plural_nouns(text[before : figure.start]) if counted_unit(n) == "people"]
    if people:
        return replace(figure, unit="people", subject=people[-1], category=category)
    return figure


def other_of(text: str, figure: Found, earlier: list[Found]) -> Found:
    """ "Three rivals spoke. The other two left": a bare number after "the other" counts what the last count
    counted, else the persons of its sentence or the one before; before a name ("the other two, Lee and Kim")
    it counts persons."""
    other = THE_OTHER.search(text, max(0, figure.start - 10), figure.start)
    if figure.unit is not None or not _whole(figure) or not other:
        return figure
    after = text[figure.end : figure.end + 30]
    if re.match(r"\s+(?:of|percent|per\s+cent)\b|\s*%", after):
        return figure  # "the other two of them", "the other 40 percent": read by the rules of those
    category = "count" if figure.category == "other" else figure.category
    if re.match(r",\s+(?:[A-Z][a-z]+\s+){1,3}(?:and|&)\s+[A-Z]", after) or HARMED_AFTER.match(text, figure.end):
        return replace(figure, unit="people", subject=None, category=category)
    antecedent = antecedent_of(text, figure.start, earlier)
    if antecedent is not None and figure.start - antecedent.end < 300:
        return counting_as(figure, antecedent)
    first, _ = sentence_bounds(text, figure.start, figure.end)
    before = previous_sentence_start(text, first)
    people = [n for n in _plural_nouns(text[before : figure.start]) if counted_unit(n) == "people"]
    if people:
        return replace(figure, unit="people", subject=people[-1], category=category)
    return figure


def opening_part(text: str, start: int, end: int, earlier: list[Found]) -> Found | None:
    """ "There are six voting blocs. Five are right of center.": a bare number opening a sentence before a verb,
    right after a sentence that counted a larger whole, is a part of that whole: the count it counts in, or None."""
    if not _OPENING_PART.match(text, end) or not _SENTENCE_OPENS.search(text, max(0, start - 6), start):
        return None
    antecedent = antecedent_of(text, start, earlier)
    if antecedent is None or start - antecedent.end > 250:
        return None
    first, _ = sentence_bounds(text, start, end)
    previous = previous_sentence_start(text, first)
    if antecedent.start < previous:
        return None  # the whole was counted in the sentence just before, or not at all
    number = parse_number(text[start:end])
    return antecedent if number is not None and number.high < antecedent.low else None


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)[\"“‘]?\Z")
# a verb right after a bare number that opens a sentence: "Five are ...", "Three have ..."
_OPENING_PART = re.compile(
    r"\s+(?:are|were|have|had|will|would|can|could|remain|remained)\b(?!\s+(?:of|been\s+[a-z]+ed))"
)


THE_OTHER = re.compile(r"\b[Tt]he\s+other\s+\Z")
# "Of those killed, five were officers", "Of those, about 900 crossed": a part of the count just made
OF_THOSE = re.compile(r"\b[Oo]f\s+(?:those|these|them)(?P<what>(?:\s+[a-z]+){0,2}),\s+\Z")


def of_those(text: str, figure: Found, earlier: list[Found]) -> Found:
    """ "Gunmen killed 17 guards. Of those killed, five were officers": a bare number after "Of those ..., "
    counts what the count before counted, with the harm the words after "those" name."""
    if figure.unit is not None or not _whole(figure):
        return figure
    match = OF_THOSE.search(text, max(0, figure.start - 40), figure.start)
    antecedent = antecedent_of(text, figure.start, earlier) if match else None
    if match is None or antecedent is None:
        return figure
    said = category_from_words(match.group("what"), 0) if match.group("what") else None
    return replace(counting_as(figure, antecedent), category=said or antecedent.category)


# a number set on its own line and explained on the next: "45.\n\nThe number of bridges that ..."
_NAMED_ON_NEXT_LINE = re.compile(
    r"[.:]?[ \t]*\n\s*The\s+(?:number|total|count)\s+of\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<noun>[a-z]{3,}s)\b"
)


def named_on_next_line(text: str, figure: Found) -> Found:
    """ "12,000.\n\nThe number of permits that ...": a figure of a by-the-numbers list counts what the line under it
    names."""
    if figure.unit is not None:
        return figure
    named = _NAMED_ON_NEXT_LINE.match(text, figure.end)
    if named is None or named.group("noun").lower() in NOT_NOUNS:
        return figure
    word = named.group("noun").lower()
    return replace(figure, unit=counted_unit(word), subject=word, category="count")


def counted_nearby(text: str, figure: Found, earlier: list[Found]) -> Found:
    """ "won by 9 points ... led by 12 at halftime": a whole number that names nothing and that no
    rule beside it explained counts what its paragraph counted last (a count figure a few lines up),
    else the persons its sentence or the one before names ("she holds 900 delegates ... needs 1,100"),
    else what the paragraph before counted in its last words ("... are 180 seats.\n\nShe has 95")."""
    if not _whole(figure) or figure.category not in ("other", "count") or _OR_TO_UNIT.match(text, figure.end):
        return figure  # "a 20 or 30 percent premium": the unit of the number it is an alternative to
    paragraph_start = text.rfind("\n", 0, figure.start) + 1
    for before in reversed(earlier):
        if before.end <= paragraph_start or figure.start - before.end > 400:
            break
        if _is_count(before):
            return counting_as(figure, before)
    window = text[max(paragraph_start, figure.start - 300) : figure.start]
    sentences = re.split(r"[.!?][\"”’']?\s+", window)
    for part in reversed(sentences[-2:]):
        people = [n for n in _plural_nouns(part) if counted_unit(n) == "people"]
        if people:
            return replace(figure, unit="people", subject=people[-1], category="count")
    last = earlier[-1] if earlier else None
    labelled = _TALLY_LINE.search(text, max(0, figure.start - 60), figure.start)  # "Bonus: 45": a label's value
    if last is not None and _is_count(last) and 0 <= paragraph_start - last.end <= 60 and not labelled:
        return counting_as(figure, last)
    return figure


# the verb right before a bare number, and what may follow the number when the verb's object ends there
_WORD_BEFORE_NUMBER = re.compile(r"\b([a-z]{3,})\s+\Z")
_OBJECT_ENDS = re.compile(
    r"\s*(?:[.,;:!?)\u2014\u2013]|\Z)|\s+(?:in|on|at|and|but|while|for|by|last|this|since|after|before)\b"
)


def repeats_verb(text: str, start: int, end: int, earlier: list[Found]) -> bool:
    """ "Adams won 12 states on Tuesday. Baker won two.": a bare number after the verb that took the last count,
    in its sentence or the one before, counts the same things (the noun is left out as already said)."""
    verb = _WORD_BEFORE_NUMBER.search(text, max(0, start - 20), start)
    last = earlier[-1] if earlier else None
    if verb is None or last is None or not _is_count(last) or verb.group(1) in STOP_WORDS | NOT_NOUNS:
        return False
    if not 0 < start - last.end < 250 or "\n" in text[last.end : start] or _OBJECT_ENDS.match(text, end) is None:
        return False
    if len(re.findall(r"[.!?][\"”’']?\s", text[last.end : start])) > 1:
        return False  # further back than the sentence before
    took = re.search(rf"\b{verb.group(1)}\s+(?:[\w'’-]+\s+){{0,2}}\Z", text[max(0, last.start - 40) : last.start])
    return took is not None


def _is_count(figure: Found) -> bool:
    """True when a figure counts things it names."""
    return bool(figure.subject and figure.unit and figure.category in COUNT_CATEGORIES)
