"""Numbers stated as facts: value, range, qualifier, unit, category, what is counted, change.

A figure is a number expression and what sits around it in its sentence:

    [qualifier] [currency] NUMBER [multiplier] [unit | counted noun] [per X]   "nearly half a million people"
    NUMBER-NUMBER / between NUMBER and NUMBER / NUMBER to NUMBER            "20,000-40,000 people"
    vague magnitudes                                                        "hundreds of prisoners"
    ages                                                                    "the 33-year-old", "aged 26"
    shares in words                                                         "a third of", "one in five"
    hyphenated measures                                                     "a 30-day delay"
    halves of units                                                         "a year and a half", "half an hour"

Numbers listed before one unit share it ("40 or 50 years"), and a part counts what its whole
counts ("23 of its 29 delegates").

Numbers are read in transforms/numbers.py, units and currencies in transforms/units.py (pint and
babel), categories are declared in transforms/figure_categories.py. `change` is "up" / "down"
when the sentence says the quantity rose or fell by the figure ("rose 5%", "cut 200 jobs").

Not figures: years (1982, 2011), dates (November 27, 12/05/2024), times (10:31), ordinals
(20th, third, fourth-largest), numbers inside names (COVID-19, F-16, Route 66, PS4, the 16-inch
MacBook Pro), phone numbers, game scores ("a 4-1 win"), test labels ("0-60 mph"), numbered
list headlines and teasers ("9 Surprising Facts About ..."), and numbers in page furniture.

This module holds the public API, the order in which the rules run (extract_figures) and the main
reading: the main figure pattern and the reading of one of its matches (_read). The rest is in

    figure_spans.py        the Found record, the spans taken so far, the sentence around a span
    figure_qualifiers.py   qualifiers ("nearly", "at least") and the change ("rose", "cut")
    figure_context.py      the tests that say a number is no figure, or that its points are a poll's
    figure_units.py        the unit or counted noun after a number, and "per X"
    figure_tallies.py      tallies ("voted 52 to 48") and win-loss records ("won 9 of 11")
    figure_carryover.py    what a number that names nothing counts, from a figure beside it
    figure_percents.py     shares and points written otherwise than "N percent", percent pairs and ranges
    figure_forms.py        ages after names, halves, periods, "twice", ratios, mixed numbers, 32nds,
                           sizes in words ("a six-figure salary", "5-foot-3", "younger than 50")
    figure_one.py          when "one" before a noun says how many, and when it picks a thing out as "a" does
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from transforms.figure_carryover import (
    LIST_TO_UNIT,
    OF_THOSE,
    THE_OTHER,
    against_rival,
    antecedent_of,
    carry_over,
    changed_to,
    counted_before,
    counted_nearby,
    counting_as,
    listed_after_name,
    listed_units,
    more_of_one,
    named_on_next_line,
    numbering,
    of_those,
    opening_part,
    other_of,
    paired_share,
    repeats_period,
    repeats_verb,
    said_again_ranges,
    tally_line,
)
from transforms.figure_categories import HARM_CATEGORIES, category_from_words
from transforms.figure_context import (
    GAME_OR_MARKET,
    MARKET,
    POLL_WORDS,
    excluded_spans,
    money_unnamed,
    named_tally,
    not_a_figure,
    poll_points,
    weather_degrees,
)
from transforms.figure_forms import (
    ages_after_names,
    halves,
    hyphenated_pairs,
    listed_age,
    ratios_and_decades,
    share_figures,
    stated_magnitudes,
    written_fractions,
)
from transforms.figure_one import ONLY_BEFORE, picks_out
from transforms.figure_percents import (
    POLLS_AT,
    digit_counts,
    fraction_shares,
    in_every_shares,
    net_ratings,
    percent_pairs,
    percent_ranges,
    plus_minus,
    point_fractions,
    poll_level,
    rate_moves,
)
from transforms.figure_qualifiers import QUALIFIER, QUALIFIER_PATTERNS, bound_after, change_of
from transforms.figure_spans import Found, Spans, free, sentence_around, sentence_bounds
from transforms.figure_tallies import (
    RECORD_NEAR,
    RECORD_OF,
    RECORD_VERB,
    RECORD_WHOLE,
    cricket_pairs,
    cricket_runs,
    read_tally,
)
from transforms.figure_units import (
    COUNTED,
    HARM_AUXILIARY,
    HARMED_AFTER,
    NOT_NOUNS,
    counted_context,
    counted_unit,
    plural,
    unit_after,
    unit_per,
)
from transforms.ids import stable_id
from transforms.lexicon import STOP_WORDS
from transforms.numbers import DIGITS, NUMBER, SCALE, VAGUE, WORD_NUMBER, Number, parse_number
from transforms.records import Figure
from transforms.units import currencies, currency_of_symbol

# Bump when a change here or in the figure_* modules it imports alters the figures found: every article's
# figures are recomputed.
VERSION = "39"

# "83.4 per dollar", "7.1 to the dollar": an exchange rate
_PER_CURRENCY = re.compile(r"\s+(?:per|to\s+the|against\s+the)\s+(?P<per>dollar|euro|pound|yen|yuan)\b", re.I)
# a bare number that seats, holds or gathers counts persons: "room for six", "in front of 8,000 fans"
_SEATS_FOR = re.compile(
    r"\b(?:(?:seating|seats|room|space|meant|built|designed|table|dinner)\s+for|in\s+front\s+of|"
    r"(?:crowd|audience|attendance|gathering|capacity|group|party|delegation|team|panel|staff|jury|squad|"
    r"contingent|cohort|class|gang|mob)\s+of)\s+$",
    re.I,
)

# "18 of the 30 were": a part of a whole that names no noun; "she holds 310 to his 205": a tally against a rival
_PART_OF_THE = re.compile(
    rf"^\s+(?:out\s+)?of\s+the\s+(?:\d{{1,3}}(?:,\d{{3}})*|{WORD_NUMBER})(?![\w,.-]|\s+[a-z]+s\b)", re.I
)
_RIVAL = re.compile(r"^\s+to\s+(?:[A-Z][\w.-]*['’]s|his|her|their|its)\s+\d")
# a bare number after a verb of killing or wounding counts persons: "the raid killed 14 in two towns"
_CASUALTY_VERB = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|massacred|slaughtered|executed|murdered)"
    r"(?:\s+(?:at\s+least|more\s+than|nearly|almost|about|some|over|up\s+to|an\s+estimated))?\s+$",
    re.I,
)


def extract_figures(article_id: str, text: str) -> list[Figure]:
    """Every figure stated in text."""
    found: list[Found] = []
    taken = Spans(excluded_spans(text) + cricket_pairs(text))
    found += point_fractions(text, taken)
    found += halves(text, taken)
    found += hyphenated_pairs(text, taken)
    found += ages_after_names(text, taken)
    found += stated_magnitudes(text, taken)
    found += in_every_shares(text, taken)
    found += net_ratings(text, taken)
    found += fraction_shares(text, taken)
    marks = {m.group(0)[1] for m in _DIGIT_MARKS.finditer(text)}  # one scan tells which rare shapes to look for
    found += written_fractions(text, taken) if "/" in marks else []
    found += plus_minus(text, taken) if "+/-" in text or "±" in text else []
    found += ratios_and_decades(text, taken, ratios="x" in marks)
    found += _main_figures(text, taken)
    found += share_figures(text, taken)
    found += digit_counts(text, taken)
    percent_pairs(text, found, taken)
    found = percent_ranges(text, found)
    found = [poll_points(text, f) for f in found]
    found = [rate_moves(text, f) for f in found] if "rate" in text else found
    found = weather_degrees(text, found) if "degree" in text else found
    found = [_open_bound(text, f) for f in found] if " or " in text else found
    # a whole number that no rule tied to what it counts or measures is not reported: "the next 10", "No. 12"
    # (3 of the 2,309 gold figures have no unit, each a coefficient or a score, none a whole count)
    found = [f for f in found if f.unit is not None or f.low != int(f.low) or f.high != int(f.high)]
    found = [_harm_to_persons(f) for f in found]
    figures = [_to_record(article_id=article_id, text=text, found=f) for f in found]
    return sorted(figures, key=lambda f: f.start_char)


# "up to" after a verb of moving: "went up to", "has gone up to", "shot up to" say where a level rose to
_WENT_UP = re.compile(r"up\s+to\s+", re.I)
_MOVED_BEFORE = re.compile(
    r"\b(?:went|gone|shot|moved|climbed|crept|jumped|ran)\s+\Z",  # not "can go up to $10,000", a bound
    re.I,
)


# a recurring charge called annual or yearly, then the money it comes to in the same clause: "annual dues have
# gone up to $8,400", "yearly fees of $300" (a budget or sales called annual are sums of a year, not rates)
_ANNUAL_CHARGE = re.compile(
    r"\b(?:annual|yearly)\s+(?:[a-z]+\s+)?(?:dues|fees?|membership|tuition|rent|premiums?|subscriptions?|"
    r"salary|salaries|pay|wages?)\b[^.;:!?$£€\d,]{0,40}\Z",
    re.I,
)


# what follows a moment named by "one day": "one day in June", "one day last week"
_MOMENT_AFTER = re.compile(r"\s+(?:in|on|last|that|when|this)\b")
_SPAN_BEFORE = re.compile(
    r"\b(?:for|to|after|only|just|within|than|over|lasted|took|spent|spend|served|serve|serving|waited|faces?|got|"
    r"received|gave|worked)\s+\Z",
    re.I,
)
# "we are five right now", "we'll be six", "they were 11": a group counting itself in a quote, persons
_WE_ARE = re.compile(r"\bwe(?:\s+(?:are|were|will\s+be)|[’'](?:re|ll\s+be))\s+\Z", re.I)


def _we_are(text: str, start: int, end: int) -> bool:
    """ "We are five right now": a group counting itself (not "we're 10 and 2", a record, nor "we are 10 points up")."""
    return bool(_WE_ARE.search(text, max(0, start - 16), start)) and not re.match(
        r"\s*(?:and\b|[-–]|to\b|percent|points?|%|years?\b|when\s+(?:we|I)\b)", text[end : end + 12], re.I
    )  # not "we're 10 and 2" (a record) nor "we were 17 and scared" (an age)


# what a magnitude of money is given as: "millions of donations", "billions in contributions"
_SUMS_GIVEN = frozenset({"donations", "contributions"})


# a saying said over and over: "say it 10,000 times", "repeat, 1,000 times,"
_SAID_OVER = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|heard|hear|repeat|repeats|repeated)"
    r"(?:\s+(?:it|that|this|them|him|her|us))?\s*,?\s+\Z",
    re.I,
)  # right before the number: not "said the chip is 1,000 times faster"


# a verb of harm just before a count: "and wounded 202 others"
_HARM_VERB_BEFORE = re.compile(
    r"\b(?:wounded|injured|hurt|killed|arrested|detained|displaced|evacuated)\s+(?:(?:at\s+least|some|about)\s+)?\Z",
    re.I,
)
# a toll set at a number: "officials put the number of dead at 64", "put the death toll at 57"
_TOLL_PUT_AT = re.compile(r"\b(?:toll|number\s+of\s+[a-z]+|count\s+of\s+[a-z]+)\s+at\s+\Z", re.I)
# where a toll now stands: "the number of soldiers killed is now nine", "the death toll was now 40"
_TOLL_NOW = re.compile(
    r"\b(?:toll|(?:number|count)\s+of\s+[^.;:!?]{0,60}?[a-z])\s+(?:is|was|stands|stood)\s+now\s+(?:at\s+)?\Z",
    re.I,
)


def _toll_before(text: str, start: int) -> bool:
    """True when a toll is set at, or now stands at, the number starting at start ("put the death toll at 57",
    "the number of soldiers killed is now nine"): the number counts the dead."""
    put_at = _TOLL_PUT_AT.search(text, max(0, start - 40), start)
    return bool(put_at or _TOLL_NOW.search(text, max(0, start - 100), start))


# others who "were shot" (not a verb of HARMED_AFTER, which a bare number also reads: "12 were shot" may be
# scenes): persons, injured unless the words after say they died ("shot dead", "shot and killed")
_OTHERS_SHOT = re.compile(
    rf"\s+{HARM_AUXILIARY}shot\b(?!\s+(?:down|up)\b)"
    r"(?P<died>\s+(?:dead|and\s+killed|to\s+death)\b)?",
    re.I,
)
# what makes the others of a count with nothing counted before them persons: met or joined with them, named
# beside a person by full name ("Ann Lee and 12 others"; not "along with two others" bills, nor "Apple and three
# others")
_OTHER_PERSONS = re.compile(
    r"(?:\b(?:met|meets|huddled|gathered|marched|spoke|sat|stood|worked|joined)\b[^.;!?]{0,30}\bwith"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+and)\s+(?:some\s+|about\s+|nearly\s+|more\s+than\s+)?\Z"
)


# a body's size written before its noun without a hyphen: "the 2 million member union", "a five member board"
_MEMBER_LABEL = re.compile(r"\s+member\s+(?!of\b|and\b|or\b|who\b|that\b)[a-z]{3,}\b(?!['’])")


# a digit before "x" (a ratio: "4x") or before "/" and a digit (a fraction: "9/32")
_DIGIT_MARKS = re.compile(r"\d(?:x\b|/(?=\d))")


@functools.cache
def _figure_pattern() -> re.Pattern[str]:
    """The main figure pattern, with the currency symbols from babel (built once per process)."""
    symbols = currencies().symbol_pattern
    currency = rf"(?:(?P<cur>(?-i:{symbols}|US\$|[A-Z]{{3}}))\.?\s?)"
    currency2 = currency.replace("cur", "cur2")
    return re.compile(
        rf"(?<![\w$£€./:#-])(?<!\d,)(?P<figure>"
        rf"(?:(?:{QUALIFIER})\s+(?:an?\s+(?=\S*\d))?)?"
        rf"(?:(?P<age>(?:between\s+)?the\s+(?:{DIGITS}-year-old|"
        rf"ages\s+of\s+\d{{1,2}}\s*(?:-|–|to|and)\s*\d{{1,2}}|age\s+of\s+(?:\d{{1,3}}\b|{WORD_NUMBER}(?![\w-])))|"
        rf"in\s+age\s+from\s+\d{{1,2}}\s*(?:-|–|to)\s*\d{{1,3}}\b|"
        rf"\d{{1,2}}-?\s*(?:-|–|to)\s*\d{{1,2}}[- ]years?[- ]olds?|"
        rf"(?:aged|ages?):?\s+(?:(?:between\s+)?\d{{1,2}}\s*(?:-|–|to|through|and)\s*\d{{1,2}}(?!\s*(?:%|percent|[-.,]?\d))|"
        rf"(?:{DIGITS}|{WORD_NUMBER}(?![\w-]))(?!\s*(?:%|percent)))|{DIGITS}[- ]years?[- ]olds?|"
        rf"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-year-old|"
        rf"{DIGITS}-(?:month|week)-old)"
        rf"|(?:between\s+)?{currency}?"
        rf"(?P<number>{VAGUE}|(?:a\s+)?half[- ]dozen|{NUMBER}|dozen(?<=the\sdozen)(?=\s+[a-z]))"
        rf"(?:\s*(?P<range_sep>-to-|-|–|—|to|and|or)\s*"
        rf"{currency2}?(?P<number2>{NUMBER}))?)"
        rf")(?:(?![\w])|(?<=\d)(?=[a-zA-Z°]))",
        re.I,
    )


def _main_figures(text: str, taken: Spans) -> list[Found]:
    """Figures around a number: the main pattern, with the sentence's counted noun carried over."""
    found: list[Found] = []
    position = 0
    pattern = _figure_pattern()
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span("figure")
        tally = read_tally(text, match) if match.group("number2") and free(taken, start, end) else None
        if tally:  # "the Senate voted 52 to 48": one figure per number
            found += tally
            for f in tally:
                taken.append((f.start, f.end))
            position = tally[-1].end
            continue
        figure = _read(text, match, found) if free(taken, start, end) else None
        if figure is not None and found and listed_age(text, figure, found[-1], bare=figure.end == match.end("number")):
            # "two girls aged four and 11", "aged 19, 23 and 31": the numbers listed after an age are ages
            figure = replace(figure, unit=found[-1].unit, category="age", subject=None)
        if figure is not None and figure.end == match.end("number") and cricket_runs(text, figure):
            figure = replace(figure, unit="runs", category="count", subject="runs")  # "out for 58", "adding 113"
        unread = figure is None or figure.unit is None
        if unread and found and match.group("number") and not match.group("number2") and free(taken, start, end):
            # "Smith won 40 percent, Jones 22 and Lee 17": a number listed after a name counts what the first did
            figure = (
                listed_after_name(text, match, found[-1])
                or against_rival(text, match, found[-1])
                or paired_share(text, match, found[-1])
                or figure
            )
        if figure is not None and figure.unit is None and figure.high < 10 and LIST_TO_UNIT.match(text, figure.end):
            # "for two, three and even four days": a small number kept only for its list takes the list's unit
            # (set by listed_units); a larger one goes through the rules below first
            found.append(figure)
            taken.append((figure.start, figure.end))
            position = max(start + 1, figure.end if figure.end < end else end)
            continue
        if figure is not None and figure.unit is None and found:
            figure = changed_to(text, figure, found)
        if figure is not None and figure.unit is None and repeats_verb(text, figure.start, figure.end, found):
            figure = counting_as(figure, found[-1])  # "Adams won 12 states. Baker won two.": the noun left out
        if figure is not None and figure.unit is None and found:
            figure = carry_over(text, figure, found[-1])
        if figure is not None and figure.unit is None:
            figure = poll_level(text, figure)
        # "grew by 30", "the backlog of permits, which stood at 480": the level counts what the sentence counted
        after_change = (
            re.search(
                r"\b(?:by|to|from|(?:stood|stands|remained|remains|was|is|sat|sits)\s+at)\s+$",
                text[max(0, start - 16) : start],
            )
            or _toll_before(text, start)
            or (figure is not None and _IN_ALL.match(text, figure.end))
        )
        if figure is not None and figure.unit is None and after_change:
            figure = counted_before(text, figure)
        if figure is not None and figure.unit is None:
            figure = numbering(text, figure)
        if figure is not None and figure.unit is None:
            figure = tally_line(text, figure, found)
        tally_named = named_tally(text, start, first=True) if figure is not None and figure.unit is None else None
        if figure is not None and figure.unit is None and tally_named and figure.low == int(figure.low):
            # "the delegate count is Adams 384, Baker 300": the tally's noun is what the numbers count
            word = plural(tally_named.group(1).lower())
            figure = replace(figure, unit=counted_unit(word), subject=word, category="count")
        if figure is not None and figure.unit is None:
            figure = named_on_next_line(text, figure)
        if figure is not None and figure.unit is None:
            figure = more_of_one(text, figure, found)
        if figure is not None and figure.unit is None:
            figure = other_of(text, figure, found)
        if figure is not None and figure.unit is None:
            figure = of_those(text, figure, found)
        whole = opening_part(text, figure.start, figure.end, found) if figure and figure.unit is None else None
        if figure is not None and whole is not None:
            figure = counting_as(figure, whole)  # "There are six blocs. Five are ...": a part of the whole before
        if figure is not None and figure.unit is None:
            figure = counted_nearby(text, figure, found)
        if figure is not None and figure.unit is None and match.group("number") and _CROWD_VERB.match(text, figure.end):
            read = parse_number(match.group("number"))
            crowd = read is not None and read.low >= 100 and _CROWD_VERB_SURE.match(text, figure.end)
            if read is not None and (read.vague or crowd):
                # "tens of thousands descend on the city", "with millions watching", "the 9,000 who came":
                # a crowd, persons
                figure = replace(figure, unit="people", subject="people", category="count")
        if figure is not None:
            found.append(figure)
            taken.append((figure.start, figure.end))
        # "from $47 billion to $8 billion" ends the first figure early: look again after it
        if figure is None and match.group("number2"):
            # "November 3—nine days before": the second number may be a figure of its own
            position = max(start + 1, match.end("number"))
        else:
            position = max(start + 1, figure.end if figure is not None and figure.end < end else end)
    return said_again_ranges(text, listed_units(text, found))


# a total after a bare number: "a flood of letters - nearly 4,000 in all"
_IN_ALL = re.compile(r"\s+(?:in\s+all|in\s+total|all\s+told|altogether)\b", re.I)
# pronouns of a group of persons: "those over 65" bounds an age as "voters over 65" does
_PERSON_PRONOUNS = frozenset({"those", "them", "anyone", "anybody", "everyone", "everybody", "someone", "somebody"})
# what a crowd does, after a magnitude with no noun: "hundreds marched", "thousands peacefully gathered"
_CROWD_VERB = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:descend\w*|march\w*|gather\w*|rall(?:y|ied|ies|ying)|protest\w*|stream\w*|flock\w*|"
    r"lin(?:e|ed|ing)\s+up|turn\w*\s+out|show\w*\s+up|attend\w*|watch\w*|wait\w*|fle(?:e|d|eing)|"
    r"crowd\w*|pack\w*|cheer\w*|chant\w*|join\w*|came|come|coming|arriv\w*|marched|signed|voted|died|who|"
    r"living|live|lived)\b",
    re.I,
)
# the verbs that make any number of 100 or more a crowd of persons, not only a magnitude ("the 9,000 who came",
# "2 million signed up"; "400 coming into the holidays" may count anything)
_CROWD_VERB_SURE = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:who|march\w*|rall(?:y|ied|ies|ying)|protest\w*|gather\w*|attended|turned\s+out|"
    r"showed\s+up|signed\s+up|fled|died|living|lived)\b",
    re.I,
)
_ONLY_ONE_OF = re.compile(
    r"\s+of\s+(?:the|those|these|its|his|her|their|our|your|my|(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+['’]s)\s+"
    r"(?:\d[\d,]*\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]{3,}s|[a-z]*(?:men|children)|people|police|personnel)\b",
    re.I,
)


def _persons_bound(text: str, number_start: int) -> re.Match[str] | None:
    """ "voters under 30", "most of them over 65": the bound before a number that makes it an age of persons."""
    bound = re.search(
        r"\b([a-z]+)\s+(?:(?:are|were)\s+)?(?:aged\s+)?(?:under|over|younger than|older than|below|above)\s+$",
        text[max(0, number_start - 40) : number_start],
        re.I,
    )
    word = bound.group(1).lower() if bound else ""
    return bound if bound and (counted_unit(word) == "people" or word in _PERSON_PRONOUNS) else None


def _same_count_before(text: str, start: int, earlier: list[Found], value: float) -> bool:
    """True when the count a bare number points back to (antecedent_of) has that number: "three men ... the three"."""
    antecedent = antecedent_of(text, start, earlier)
    return antecedent is not None and antecedent.low == antecedent.high == value


# words that stand between a person and "N others" counted with them: "a fighter, but seven others"
_JOINING = frozenset({"and", "but", "while", "with", "along", "plus", "as", "well"})


def _person_named_before(text: str, start: int) -> bool:
    """True when the last word of substance before "N others" (past joining words) is a person in the singular:
    "arrested a wounded fighter, but seven others remain" counts persons; "the bill and seven others" does not."""
    for word in reversed(re.findall(r"[A-Za-z'’-]+", text[max(0, start - 60) : start])):
        lowered = word.lower()
        if lowered in _JOINING or lowered in STOP_WORDS:
            continue
        return word.islower() and not lowered.endswith("s") and counted_unit(plural(lowered)) == "people"
    return False


def _open_bound(text: str, figure: Found) -> Found:
    """ "$30,000 or less", "15 points or more": an exact figure with an open bound after it is a bound."""
    if figure.qualifier != "exact" or figure.unit is None:
        return figure
    bound = bound_after(text, figure.start, figure.end)
    return replace(figure, qualifier=bound[0], end=bound[1]) if bound else figure


def _after_a_figure(text: str, start: int, earlier: list[Found]) -> bool:
    """True when a figure with a unit ends shortly before start in the same sentence, and the sentence is no
    game's or market's, whose numbers count many things at once ("8 wins in 10 games, four of them at home")."""
    if not earlier or earlier[-1].unit is None:
        return False
    between = text[earlier[-1].end : start]
    if len(between) >= 100 or re.search(r"[.!?][\"”’']?\s", between):
        return False
    return not GAME_OR_MARKET.search(sentence_around(text, earlier[-1].start, start))


def _read(text: str, match: re.Match[str], earlier: list[Found] | None = None) -> Found | None:
    """A figure from one match of the main pattern, or None when it is not a figure."""
    start, end = match.span("figure")
    qualifier = next((name for name, _ in QUALIFIER_PATTERNS if match.group(f"q_{name}")), None)
    went_up = _WENT_UP.match(text, start) if qualifier == "up_to" else None
    if went_up and _MOVED_BEFORE.search(text, max(0, start - 12), start):
        qualifier, start = None, went_up.end()  # "dues went up to $8,400": the level reached, no bound
    if match.group("age"):
        age = match.group("age")
        if "-Year-Old" in age:
            return None  # capitalised as a title: the film "The 40-Year-Old Virgin"
        value = parse_number(re.match(r"(?:the\s+|aged\s+|ages?:?\s+)?([\w.,]+?)[- ]", age + " ", re.I).group(1))  # type: ignore[union-attr]
        in_words = re.match(r"(?:aged|ages?):?\s+(?=[a-z])(?!between)", age, re.I)
        if in_words:  # "aged twenty-one": the age in words, whole
            value = parse_number(age[in_words.end() :])
        bounds = [float(n) for n in re.findall(r"\d+", age)]
        if re.match(r"the\s+age\s+of", age, re.I):  # "after the age of 40": an age that bounds
            value = Number(bounds[0], bounds[0], False) if bounds else parse_number(age.split()[-1])
            side = re.search(
                r"\b(?:(?P<over>after|over|above|beyond|past)|under|before|below)\s+$",
                text[max(0, start - 10) : start],
                re.I,
            )
            if side:
                qualifier = qualifier or ("more_than" if side.group("over") else "less_than")
        if len(bounds) == 2:  # "ages 18 to 29", "18- to 29-year-olds": an age group
            value = Number(min(bounds), max(bounds), False)
        if value is None:
            return None
        bound = re.match(
            r"^\s+(?:and|or)\s+(?:(?P<up>older|over|above|up)|younger|under|below)\b", text[end : end + 16], re.I
        )
        if bound:  # "aged 65 and older", "ages 12 or under": an open bound of the group
            qualifier = qualifier or ("at_least" if bound.group("up") else "up_to")
            end += bound.end()
        age_unit = "months" if "month" in age.lower() else "weeks" if "week" in age.lower() else "years"
        stated = re.match(r"\s+(months|weeks)\b", text[end : end + 8], re.I)
        if stated and re.match(r"(?:aged|ages?)\s", age, re.I):  # "aged 9 months": the age is in months
            age_unit, end = stated.group(1).lower(), end + stated.end()
        return Found(
            start=start,
            end=end,
            low=value.low,
            high=value.high,
            qualifier=qualifier or "exact",
            unit=age_unit,
            category="age",
        )
    number = parse_number(match.group("number"))
    if number is None and match.group("number").lower() == "dozen":
        number = Number(12, 12, False)  # "the dozen letters": twelve, named before
    if number is None:
        return None
    currency = match.group("cur") or match.group("cur2")
    code = currency_of_symbol(currency) if currency else None
    if currency and code is None:
        if (
            match.group("cur2")
            or re.search(r"\d", match.group("number"))
            or not_a_figure(text, start=match.start("number"), end=end, expression=match.group("number"), money=False)
        ):
            return None  # three capitals before a number that are no currency code: "TOP 10", "COVID 19"
        start, currency = match.start("number"), None  # "named the FBI four times": a name, then a number word
    low, high = number.low, number.high
    if match.group("number2"):
        ranged = _range(text, match, low=low, high=high)
        if ranged is None:
            return None  # a score or a record: "a 4-1 win", "112-107"
        low, high, end = ranged
    digits = match.group("number")
    if not_a_figure(text, start=start, end=end, expression=digits, money=bool(code)):
        return None
    if re.match(r"^\s+of\b", text[end : end + 6], re.I) and digits.lower() in ("one", "a"):
        only = (
            _ONLY_ONE_OF.match(text, end)
            if ONLY_BEFORE.search(text, max(0, start - 6), start) or qualifier == "at_least"
            else None
        )
        if only is None or only.group("noun").lower() in STOP_WORDS:
            return None  # "one of the few countries", "one of three forms": a pronoun, not a count
        # "only one of those jobs", "at least one of the guards": how many, a count of what the group counts
        noun = only.group("noun").lower()
        at, stop = sentence_bounds(text, start, end)
        harm = category_from_words(text[at:stop], start - at) if counted_unit(noun) == "people" else None
        return Found(
            start=start,
            end=end,
            low=1,
            high=1,
            qualifier=qualifier or "exact",
            unit=counted_unit(noun),
            category=harm if harm in HARM_CATEGORIES else "count",  # "at least one of the guards was hurt"
            subject=noun,
        )
    if number.vague:
        qualifier = qualifier or "approximately"
    if digits.lower() == "decades":
        return Found(
            start=start,
            end=end,
            low=low,
            high=high,
            qualifier=qualifier or "approximately",
            unit="years",
            category="duration",
        )
    aged = re.match(r"^[\s-]*years?[\s-]*old\b", text[end : end + 14], re.I)
    if aged:  # "12 to 17-years-old"
        return Found(
            start=start,
            end=end + aged.end(),
            low=low,
            high=high,
            qualifier=qualifier or "exact",
            unit="years",
            category="age",
        )
    plus = re.match(r"-plus\b", text[end : end + 6], re.I)
    if plus:  # "28,000-plus fans": more than the number
        end += plus.end()
        qualifier = qualifier or "more_than"
    one = low == high == 1 and not number.vague
    glued = text[end : end + 1].isalpha()
    unit, category, subject, end, factor = unit_after(text, end, code=code, one=one, hedged=qualifier is not None)
    kin = re.search(
        r"\b(?:(?:grand|great-grand)?(?:mother|father|parent)|mom|mum|dad|family|families|household)s?\s+of\s+$",
        text[max(0, start - 30) : start],
        re.I,
    )
    place = re.search(
        r"\b(?:country|nation|city|town|village|state|province|island|region|territory)\s+of\s+$",
        text[max(0, start - 16) : start],
        re.I,
    )
    if place and unit is None and not code and low >= 100:
        unit, category, subject = "people", "population", None  # "a country of 6 million": its people
    crew = re.search(r"\b(?:crew|team|squad)\s+of\s+$", text[max(0, start - 12) : start], re.I)
    if (
        (kin and (unit is None or subject is not None and unit != "people") or crew and unit is None)
        and not code
        and low == int(low)
        and 1 < low < 30
    ):
        # "a grandmother of nine", "a family of four", "a crew of three": the children, the members counted
        unit, category, subject, end, factor = "people", "count", None, match.end("number"), 1.0
    if (
        re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I)
        and re.match(r"^\s+of\s+(?:us|them|you)\b", text[match.end("number") : match.end("number") + 10], re.I)
        and re.fullmatch(r"two|three", digits.strip(), re.I)
    ):
        return None  # "the two of us": "both", a pronoun
    number_span = match.span("number")
    if one and picks_out(
        text, start=start, end=end, number=number_span, digits=digits, unit=unit, subject=subject, qualifier=qualifier
    ):
        return None  # "One official said", "one piece of evidence", "said one party activist": no count
    if number.vague and low >= 1e6 and subject in _SUMS_GIVEN and not code:
        # "millions of Wall Street donations": a magnitude of what is given, money, not a count of gifts
        given_in = next((f.unit for f in reversed(earlier or []) if f.category == "money" and f.unit), "USD")
        unit, category = given_in.split("/")[0], "money"
    if unit is None and number.vague and low >= 200 and money_unnamed(text, start, end):
        # "they spend billions a year", "took millions in consulting fees": money without a currency word is in
        # the currency the text last named, else in dollars
        currency = next((f.unit for f in reversed(earlier or []) if f.category == "money" and f.unit), "USD")
        unit, category, subject, end, factor = unit_per(
            text, end, unit=currency.split("/")[0], category="money", factor=1.0, money=True
        )
    if (
        unit is None
        and not code
        and not number.vague
        and low == int(low)
        and _CASUALTY_VERB.search(text, max(0, start - 16), start)
        and re.match(
            r"^\s*(?:[,.;:!?)]|(?:in|at|on|and|when|during|across|near|after|since|last|this)\b)", text[end : end + 12]
        )
    ):
        unit, subject = "people", "people"  # "the blast killed 14 in the market": the persons killed
    if unit is None and not code and _SEATS_FOR.search(text, max(0, start - 24), start):
        unit, subject = "people", "people"  # "room for six", "in front of 8,000", "a throng of several dozen"
    if (
        unit is None
        and not code
        and not number.vague
        and low == int(low)
        and low >= 1
        and RECORD_NEAR.search(text, max(0, start - 60), start)
    ):
        record = RECORD_OF.match(text[end : end + 40])
        if record and record.group("next") and COUNTED.match(" " + record.group("next")):
            record = None if record.group("next").lower() not in STOP_WORDS | NOT_NOUNS else record
        whole = RECORD_WHOLE.search(text[max(0, start - 60) : start])
        around = (max(0, start - 600), min(len(text), end + 600))
        game = GAME_OR_MARKET.search(sentence_around(text, start, end)) or (
            GAME_OR_MARKET.search(text, *around) and not POLL_WORDS.search(text, *around)
        )
        if (record and re.search(rf"\b{RECORD_VERB}\s+$", text[max(0, start - 12) : start], re.I) or whole) and game:
            unit, subject = "games", "games"  # "the side has won 9 of 11", "lost three of their last six"
    if unit == "percent" and low == 100 and qualifier is None:
        adverb = re.search(
            r"\b(?:agree[ds]?|agreeing|back|backs|backed|backing|support(?:s|ed|ing)?|behind|"
            r"with (?:me|him|her|you|them|us))\b[^.;:!?\d]{0,30}$"
            r"|\b(?:is|was|are|were|am)\s+[A-Z][a-z]+\s+$",  # "he is American 100 percent, but": entirely
            text[max(0, start - 40) : start],
            re.I,
        ) and re.match(r"\s*(?:[.,!?;”\"’)]|$)", text[end : end + 2])
        sure = re.match(
            r"\s+(?:sure|certain|committed|confident|behind|right|correct|wrong|confidence|faith|trust|"
            r"[A-Z][a-z]+(?:an|ese|ish|i))\b",  # "100 percent American": entirely
            text[end : end + 14],
        )
        if adverb or sure:
            return None  # "we back the coach 100 percent", "100 percent sure": "entirely", no share of anything
    if (
        digits.strip().lower() == "one"
        and unit == "days"
        and qualifier is None
        and _MOMENT_AFTER.match(text, end)
        and not _SPAN_BEFORE.search(text, max(0, start - 12), start)
    ):
        return None  # "it changed one day in June": a moment, not a span ("for one day in June" is one)
    if number.vague and re.search(r"\bhow\s+many\s+\Z", text[max(0, start - 10) : start], re.I):
        return None  # "decide how many billions of gallons to blend": a question, no amount stated
    if unit == "times" and re.fullmatch(r"an?\s+(?:hundred|thousand|million|billion|zillion)", digits.strip(), re.I):
        return None  # "I've said it a million times": a figure of speech
    if unit == "times" and low >= 1000 and re.fullmatch(r"10*", str(int(low))) and _SAID_OVER.search(
        text, max(0, start - 40), start
    ):
        return None  # "repeat, 10,000 times, the slogan", "told them 1,000 times": a figure of speech
    about = re.match(r"\s+or\s+so\b", text[end : end + 9], re.I)
    if unit is None and about:  # "the 100 or so delegates": approximately, and what follows is counted
        unit, category, subject, _, factor = unit_after(text, end + about.end(), code=code, one=one)
        qualifier = qualifier or "approximately"
    if re.search(r"\bor\s+so\b", text[start:end], re.I):
        qualifier = qualifier or "approximately"
    if glued and (unit is None or subject is not None or factor == 0.01 and low >= 100):
        return None  # letters glued to digits that are no unit: "4K output", "4Motion", "1080p"
    if unit is None and not code and re.search(r"\d[kmb]$", digits.strip(), re.I):
        return None  # "4K" with nothing counted: a resolution or a name, not four thousand
    low, high = low * factor, high * factor
    if unit is None and not code and not number.vague and qualifier is None:
        determiner = re.search(
            r"\b(?P<det>the|these|those|all)\s+(?P<adjs>(?:[a-z][\w-]*\s+){0,2})$",
            text[max(0, start - 40) : start],
            re.I,
        )
        # "all but three": the rest of a group named before
        all_but = determiner and determiner.group("det").lower() == "all" and determiner.group("adjs").strip() == "but"
        written = determiner.group("adjs").split() if determiner else []
        if determiner and not all_but and any(w.lower() in STOP_WORDS | {"number"} for w in written):
            determiner = None  # "the lake in one": no determiner of the number; "the number one": a rank
        pronoun = (
            determiner
            and not determiner.group("adjs")
            and determiner.group("det").lower() != "all"
            and re.fullmatch(r"two|three", digits.strip(), re.I)
        )
        if pronoun and not (digits.strip().lower() == "three" and _same_count_before(text, start, earlier or [], 3)):
            # "as the two left the hall": "the two" is "both", a pronoun; "the three" too, unless three were just
            # counted ("Three miners died. The three were named"); "all three" counts
            return None
        follows = re.match(r"^\s*(?:(?P<mark>[,.;:!?)])|(?P<word>[a-z]+)\b)", text[end : end + 16])
        word = (follows.group("word") or "") if follows else ""
        verb = bool(follows) and (not word or word in STOP_WORDS or word.endswith("ed"))  # no noun follows
        # "18 of the 30 were": a part of a whole that names no noun, both counting what was counted before
        part_of = _PART_OF_THE.match(text[end : end + 40]) if " of " in text[end : end + 9] else None
        # "she holds 310 to his 205": a tally against a rival counts what was counted before
        rival = _RIVAL.match(text[end : end + 40]) if " to " in text[end : end + 5] else None
        if (determiner and low >= 2 and verb) or part_of or rival:
            # "These 12 will open", "the chosen six are": the number counts what was counted before
            antecedent = antecedent_of(text, start, earlier or [])
            if antecedent is not None:
                unit, subject, category = antecedent.unit, antecedent.subject, antecedent.category
    if (
        unit is None
        and one
        and digits.lower() == "one"
        and re.match(r"\s*[.;,!?]", text[end : end + 2])
        and re.search(r"\b[a-z]{3,}\s+$", text[max(0, start - 16) : start])
        and not re.search(
            r"\b(?:the|this|that|which|any|every|each|no|some|another|other|only|last|first|big|new|old|good|better|best|"
            r"right|wrong|same|like|and|or|but|than|of|to|in|on|at|for|with|from|by|as|is|was|are|were|be|been)\s+$",
            text[max(0, start - 16) : start],
            re.I,
        )
    ):
        # "each party names two members and the mayor picks one": one more of the count just made
        antecedent = antecedent_of(text, start, earlier or [])
        same_sentence = antecedent is not None and not re.search(r"[.!?][\"”’']?\s", text[antecedent.end : start])
        if antecedent is not None and same_sentence and start - antecedent.end < 300:
            unit, subject, category = antecedent.unit, antecedent.subject, antecedent.category
    older = re.match(r"^\s+(?:and|or)\s+(?:(?P<older>older)|over|above)\b", text[end : end + 16], re.I)
    if unit is None and older and qualifier is None and re.fullmatch(r"\d{1,2}", digits.strip()):
        group = re.search(r"\b([a-z]+)\s+$", text[max(0, start - 30) : start], re.I)
        persons = group is not None and (
            group.group(1).lower() in ("those", "people") or counted_unit(group.group(1).lower()) == "people"
        )
        if older.group("older") or persons:  # "voters 65 and older": an age that bounds a group
            return Found(
                start=start,
                end=end + older.end(),
                low=low,
                high=high,
                qualifier="at_least",
                unit="years",
                category="age",
            )
    if (
        unit is None
        and qualifier is None
        and re.fullmatch(r"[1-9]\d{2}", digits.strip())
        and re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I)
        and re.match(
            r"\s+(?!(?:mark|threshold|barrier|level|milestone|figure|limit|cap|line)\b)[a-z]+(?<!s)\b",
            text[end : end + 20],
        )
    ):
        return None  # "the 777 program", "the 911 call": a model or a name before a singular noun, nothing counted
    if unit is None and not number.vague and earlier and repeats_period(text, start, end, earlier[-1]):
        unit, category = earlier[-1].unit, "duration"  # "ten years in the House and six as governor"
    bound = _persons_bound(text, match.start("number"))  # "voters under 30": an age bound, read once
    if unit is None and not number.vague and not counted_context(text, end):
        small = not re.search(r"\d", digits) or float(low) < 10 and "." not in digits
        # kept for the rules after: a list that ends in a unit ("5, 6, 8 percent"), or a number right after a
        # figure in its sentence ("Lee has 31, Kim has five"; "lost four points, while Kim gained four")
        listed = LIST_TO_UNIT.match(text, end) is not None
        kept = (
            listed
            or POLLS_AT.search(text, max(0, start - 40), start) is not None  # "she polls at 9": poll_level's
            or repeats_verb(text, start, end, earlier or [])  # "Adams won 12 states. Baker won two."
            or THE_OTHER.search(text, max(0, start - 10), start) is not None  # "the other two": other_of's
            or OF_THOSE.search(text, max(0, start - 40), start) is not None  # "Of those killed, five": of_those's
            or opening_part(text, start, end, earlier or []) is not None  # "six blocs. Five are ...": a part
            or _we_are(text, start, end)  # "we are five": persons
            or bound is not None  # "children under five": an age
            or _toll_before(text, start)  # "put the toll at nine", "the toll is now nine"
            or low > 1
            and text[start - 1 : start] != "["
            and _after_a_figure(text, start, earlier or [])
        )
        if small and not kept:
            return None  # a bare small number ("one of the reasons", "two sides") is not a fact
        if re.fullmatch(r"\d{4,}", digits.strip()):
            return None  # a bare long number without separators is an id, an address or a model
        if re.match(r"^-[a-zA-Z]", text[end : end + 2]):
            return None  # "a 10-game stretch", "a four-door car": a label, not a measure
    if unit is None and _MEMBER_LABEL.match(text, end):
        return None  # "the 40,000 member federation": a body's size as its label, as "a nine-member panel"
    if (
        (unit is None or unit == "people" and subject is None)
        and bound is not None
        and re.fullmatch(rf"\d{{1,2}}|{WORD_NUMBER}", digits.strip(), re.I)
    ):
        unit, category = "years", "age"  # "voters under 30": an age that bounds a group of people
        qualifier = "less_than" if re.search(r"under|younger|below", bound.group(0)) else "more_than"
    if (
        unit is None
        and re.fullmatch(r"[\d,]+\.\d\d", digits.strip())
        and MARKET.search(sentence_around(text, start, end))
    ):
        unit, category = "points", "other"  # an index level: "the Dow ... to 27,934.02"
    rate = None if unit is not None or code else _PER_CURRENCY.match(text, end, min(len(text), end + 24))
    if rate:
        # "the rupee at 83.4 per dollar": an exchange rate, in the currency the sentence names before it
        per = currencies().names.get(rate.group("per").lower())
        window = re.split(r"[.!?]\s", text[max(0, start - 120) : start])[-1]  # the sentence so far
        names = re.findall(rf"\b({currencies().name_pattern})\b", window, re.I)
        named = [c for c in (currencies().names.get(n.lower()) for n in names) if c and c != per]
        if named:
            unit, category, end = named[-1], "money", rate.end()
    if category == "money" and unit and "/" not in unit and _ANNUAL_CHARGE.search(text, max(0, start - 60), start):
        unit = f"{unit}/year"  # "annual dues have gone up to $8,400": a charge the sentence says is yearly
    if unit is None and not number.vague and _we_are(text, start, end):
        unit, subject, category = "people", None, "count"  # "we are five right now": the persons of a group
    if subject == "others" and earlier:
        # "five firms join nine others": the others are more of what was counted before
        antecedent = antecedent_of(text, start, earlier)
        if antecedent is not None and start - antecedent.end < 300:
            unit, subject, category = antecedent.unit, antecedent.subject, antecedent.category
            if HARMED_AFTER.match(text, end) or _HARM_VERB_BEFORE.search(text, max(0, start - 24), start):
                # "two died and 12 others were injured", "killed 84 and wounded 202 others": what befell the
                # others is said by the words next to them
                category = None
    shot = _OTHERS_SHOT.match(text, end) if subject == "others" else None
    if shot and unit in ("others", "people"):
        unit, category = "people", "killed" if shot.group("died") else "injured"  # "12 others were shot"
    if (
        subject == "others"
        and unit == "others"
        and (
            _OTHER_PERSONS.search(text, max(0, start - 60), start)
            or HARMED_AFTER.match(text, end)
            or _person_named_before(text, start)
        )
    ):
        unit = "people"  # "met with about a hundred others", "Lee and a dozen others", "others were hurt": persons
    if category is None:
        at, stop = sentence_bounds(text, start, end)
        counted = "count" if unit == "people" or subject else "other"
        # "two died and 12 others were hurt": the words right after the 12 say what befell them
        harmed = HARMED_AFTER.match(text, end)
        said = category_from_words(harmed.group(0), 0) if harmed else None
        category = said or category_from_words(text[at:stop], start - at) or counted
    below = re.search(r"\bminus\s+\Z", text[max(0, start - 8) : start], re.I) if category == "temperature" else None
    if below and low >= 0:
        low, high, start = -high, -low, start - len(below.group(0))  # "minus 8C": below zero
    if category == "population" and unit is None and not code and low == int(low):
        unit = "people"  # "a population of 5,000", "(population 5,000)": the persons who live there
    return Found(
        start=start,
        end=end,
        low=low,
        high=high,
        qualifier=qualifier or "exact",
        unit=unit,
        category=category,
        subject=subject,
    )


def _range(text: str, match: re.Match[str], *, low: float, high: float) -> tuple[float, float, int] | None:
    """(low, high, end) of a range match; where the second number is no range, end before it."""
    start, end = match.span("figure")
    second = parse_number(match.group("number2"))
    separator = match.group("range_sep").lower()
    first_text, second_text = match.group("number").strip(), match.group("number2").strip()
    if separator in ("-", "–") and (
        second_text.startswith("0")
        and re.fullmatch(r"\d+", second_text)
        or re.fullmatch(r"\d{4}", second_text)
        and re.fullmatch(r"\d{3}", first_text)
    ):
        return None  # a phone number: 555-0199
    if (
        separator in ("-", "–")
        and second is not None
        and re.fullmatch(r"\d{1,3}", first_text)
        and re.fullmatch(r"\d{1,3}", second_text)
        and low >= second.low
        and not match.group("cur")
    ):
        return None  # a score or a record: ranges ascend, "4-1", "112-107", "1-1" do not
    change = (
        separator == "to"
        and bool(
            re.search(
                r"\b(from|by|rose|fell|dropped|increased|decreased|climbed|jumped)\s*$",
                text[max(0, start - 12) : start],
                re.I,
            )
            # "raise it from the current $7 to $9": "from" earlier in the clause, no number between
            or re.search(r"\bfrom\b[^\d.;:!?]{0,40}$", text[max(0, start - 48) : start], re.I)
        )
        and not _STATED_RANGE.search(text, max(0, start - 24), start)
    )
    # "six or seven inquiries" is a stated range; "40 or 50 years" lists two numbers
    listed = separator == "or" and not (second is not None and second.low == high + 1 and low == int(low))
    if (
        second is None
        or change
        or listed
        or (separator == "and" and not re.match(r"between", match.group("figure"), re.I))
    ):
        return _range_cut(text, match, low, high)
    # "20-30 million": the scale of the second number applies to the first
    if second.low >= 1000 > low and not re.search(SCALE, match.group("number"), re.I):
        unscaled = parse_number(re.sub(r"\s*" + SCALE + r"s?", "", match.group("number2"), flags=re.I))
        if unscaled is not None and unscaled.low:
            low *= second.low / unscaled.low
    if second.high < low:
        # ranges ascend: "won 52 to 38 percent" is a tally, "in 2014 - 7.5 percent" a year and a share
        return _range_cut(text, match, low, high)
    return min(low, second.low), max(high, second.high), end


# "estimates range from 10 to 20", "anywhere from 10 to 20": one stated range, not a change from one to the other
_STATED_RANGE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|anywhere|somewhere)\s+from\s+\Z", re.I)


def _range_cut(text: str, match: re.Match[str], low: float, high: float) -> tuple[float, float, int]:
    """The first number of a range match alone: its end, before the separator and its spaces."""
    cut = match.start("range_sep")
    before = cut
    while before > 0 and text[before - 1].isspace():  # the end of the first number, without copying the text
        before -= 1
    return low, high, (before if before else cut)


# units that count persons, alone or in groups a harm befalls ("3,000 families were displaced")
_PERSONS_UNITS = frozenset({"people", "families", "households"})


def _harm_to_persons(found: Found) -> Found:
    """A figure of harm counts persons (or a rate of them: "people/year"); one whose unit is no persons is a count
    of its things ("two patrol boats" in a sentence of sailors detained)."""
    if found.category in HARM_CATEGORIES and found.unit is not None and found.unit.split("/")[0] not in _PERSONS_UNITS:
        return replace(found, category="count")
    return found


def _to_record(*, article_id: str, text: str, found: Found) -> Figure:
    """The Figure row for what a rule found, its span trimmed of trailing punctuation."""
    start, end = found.start, found.end
    while end > start and (text[end - 1] in ",.;:" or text[end - 1].isspace()):
        end -= 1
    return Figure(
        figure_id=stable_id("figure", article_id, start, end),
        article_id=article_id,
        surface=text[start:end],
        start_char=start,
        end_char=end,
        value=(found.low + found.high) / 2,
        value_low=found.low,
        value_high=found.high,
        qualifier=found.qualifier,
        unit=found.unit,
        category=found.category,
        subject=found.subject,
        change=change_of(text, start, end),
    )


__all__ = ["VERSION", "Number", "extract_figures"]
