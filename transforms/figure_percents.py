"""Shares and percentage points written otherwise than "N percent": "a third of", "one in five", "seven of
10 voters", "a quarter-point", "a double-digit lead", "+/-4 points"; and the pairs and ranges that join two
percent figures ("5%-6%", "between 30% and 35%")."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from transforms.figure_context import GAME_OR_MARKET, GAP_WORDS, POINT_GAPS, POLL_GAP_WORDS, POLL_WORDS
from transforms.figure_qualifiers import hedged, qualifier_of
from transforms.figure_spans import Found, Spans, free, sentence_around
from transforms.figure_tallies import RECORD_VERB
from transforms.figure_units import NOT_NOUNS, counted_unit, unit_after
from transforms.lexicon import FALL_WORDS, RISE_WORDS, STOP_WORDS
from transforms.numbers import (
    FRACTION_PHRASE,
    IN_EVERY,
    IN_EVERY_HYPHENATED,
    SCALE,
    WORD_NUMBER,
    fraction_value,
    parse_number,
    share_value,
)

# "more than half of", "a third of the country", "two-thirds", "one in five": a share, in percent
_FRACTION = re.compile(
    r"(?<![\w-])(?<!the )(?<!first )(?<!second )(?<!other )(?<!last )(?<!and a )"
    r"(?P<figure>(?:(?:more than|less than|about|nearly|almost|just over|just under|roughly|over|under)\s+)?"
    rf"(?P<fraction>{FRACTION_PHRASE}))"
    r"(?=\s+(?!an?\b|hour|time|way|century|dozen|million|billion|thousand|hundred|point|mile|inning|period)[a-z]"
    r"|[,.;])",
    re.I,
)

# ... before the noun of the group, or at the end of a clause ("picked by nearly three in 10."; a comma or a point
# before a digit is inside a number); a year-like denominator only before a plural ("won 3 in 2010 and" is no share)
_IN_EVERY = re.compile(
    rf"(?<![\w-])(?P<figure>{IN_EVERY}|{IN_EVERY_HYPHENATED})"
    r"(?:(?<!1[89]\d\d)(?<!20\d\d)(?=\s+[a-z]|\s*[.,;:!?)](?!\d))|(?=\s+(?:people|[a-z]+s)\b))",
    re.I,
)
# "seven of 10 voters": a share of ten (looked for only where " of 10" or " of ten" is written)
# "three of four parents": a share of a few persons (a count of things: "won two of three games")
_OF_FEW = re.compile(
    r"(?<![\w-])(?P<figure>(?:[1-8]|one|two|three|four|five|six|seven|eight)\s+of\s+"
    r"(?:[2-9]|two|three|four|five|six|seven|eight|nine))\s+(?P<noun>[A-Za-z]+s)\b",
    re.I,
)
_PICKED_OUT_BEFORE = re.compile(r"(?:,|\bsaid|\bsays|\bwas|\bis)\s+\Z")
# a family, not a share
_KIN = re.compile(r"(?:grand)?(?:sons|daughters|children|kids|brothers|sisters|siblings)", re.I)
_OF_TEN = re.compile(
    r"(?<![\w-])(?P<figure>(?:[2-9]|two|three|four|five|six|seven|eight|nine)\s+of\s+(?:10|ten))(?=\s+[a-z])", re.I
)

# "a quarter-point cut": a fraction of a percentage point
# "a quarter of a percentage point", "half a point", "three-quarters of a point": likewise
_POINT_FRACTION = re.compile(
    r"(?<![\w-])(?P<figure>(?P<fraction>a quarter|a half|half|three[- ]quarters|a third|two[- ]thirds|a tenth|"
    r"one[- ](?:half|third|quarter|fourth|tenth))"
    r"(?:[- ]point|\s+(?:of\s+)?an?\s+(?:percentage[- ])?point|"
    r"\s+(?:of\s+)?(?P<percent>(?:an?|1|one)\s+(?:percent|per\s?cent))))\b",
    re.I,
)
# "raise its target rate by a quarter of a percent": a change in a rate, which is measured in points
_RATE_CHANGE = re.compile(r"\b(?:rates?|interest|target|yields?)\b", re.I)


# a move in an interest rate said in percent: "cut its cash rate by 0.25 per cent", "a further cut of 0.5 of a
# per cent" after a sentence on interest rates; a move of a rate is measured in points
_MOVED_BY = re.compile(
    r"\b(?:by|(?:cut|cuts|rise|rises|increase|increases|hike|hikes|reduction|drop|fall)\s+of)\s+\Z", re.I
)
_INTEREST_RATES = re.compile(
    r"\b(?:interest|cash|official|key|benchmark|lending|policy|mortgage)\s+rates?\b|\brate\s+(?:cuts?|rises?|hikes?)\b",
    re.I,
)


def rate_moves(text: str, figure: Found) -> Found:
    """A move of less than one percent in an interest rate, said in percent, is in percentage points."""
    if figure.unit != "percent" or figure.high >= 1:
        return figure
    if not _MOVED_BY.search(text, max(0, figure.start - 14), figure.start):
        return figure
    if not _INTEREST_RATES.search(text, max(0, figure.start - 200), min(len(text), figure.end + 100)):
        return figure  # "sales rose by 0.5 per cent": a change in an amount, in percent
    return replace(figure, unit="percentage_points")


def point_fractions(text: str, taken: Spans) -> list[Found]:
    """ "a quarter-point cut", "half a point": a fraction of a percentage point (of a game or an index: points)."""
    found: list[Found] = []
    lowered = text.lower()
    for match in _POINT_FRACTION.finditer(text) if "point" in lowered or "cent" in lowered else ():
        start, end = hedged(text, *match.span("figure"))
        if free(taken, start, end):
            value = fraction_value(match.group("fraction")) or 0.5
            spelled = re.search(r"\ban?\s+point$", match.group("figure"), re.I)  # "half a point", not "-point"
            market = spelled and GAME_OR_MARKET.search(sentence_around(text, start, end))
            unit = "points" if market else "percentage_points"
            by = re.search(r"\bby\s+\Z", text[max(0, start - 4) : start])
            if match.group("percent") and not (by and _RATE_CHANGE.search(sentence_around(text, start, end))):
                unit = "percent"  # "half a percent of the budget": a share; "cut rates by half a percent": points
            found.append(
                Found(
                    start=start,
                    end=end,
                    low=value,
                    high=value,
                    qualifier=qualifier_of(text[start:end]),
                    unit=unit,
                    category="other" if market else "percent",
                )
            )
            taken.append((start, end))
    return found


# places and contests won or lost one by one: "seven out of 11 states" counts them ("three out of four
# households" is a share)
_PLACES_AND_CONTESTS = frozenset(
    "states counties districts precincts wards cities towns provinces countries nations seats races contests "
    "primaries caucuses elections games matches".split()
)
# the plural a share's whole counts, past up to two modifiers
_THINGS_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]{3,}s)\b")


# a net rating, signed: "her net negative is minus 41", "at plus 21 points"
_SIGNED = re.compile(
    rf"(?<![\w-])(?P<figure>(?P<sign>minus|plus)\s+(?P<n>\d{{1,2}}(?:\.\d)?|{WORD_NUMBER})"
    r"(?:\s+(?:percentage\s+)?points?)?)(?![\w-])",
    re.I,
)
_NET_RATING = re.compile(r"\bnet\s+(?:positive|negative|rating|favou?rab\w*|approval)\b", re.I)
_RATING_NEAR = re.compile(r"\bnet\s+(?:positive|negative|rating)|\bfavou?rab\w*|\b(?:dis)?approval\b", re.I)
_COLD = re.compile(r"\b(?:degrees?|temperatures?|overnight|celsius|fahrenheit|cold|freezing|wind\s+chill)\b", re.I)


def net_ratings(text: str, taken: Spans) -> list[Found]:
    """ "Lee's net negative is minus 41", "among men she is at minus 40": a net rating, in signed points."""
    found: list[Found] = []
    for match in _SIGNED.finditer(text) if "minus " in text or "plus " in text else ():
        start, end = match.span("figure")
        number = parse_number(match.group("n"))
        if number is None or not free(taken, start, end):
            continue
        rating: bool
        if match.group("sign").lower() == "plus":
            # "plus 21 points" by a net rating; "homes plus 40 units" is "and 40 more"
            near = _NET_RATING.search(text, max(0, start - 300), end)
            rating = "point" in match.group("figure").lower() and near is not None
        else:  # "she is at minus 40" among net ratings of groups; not "minus 10 overnight" in a cold snap
            near = _RATING_NEAR.search(text, max(0, start - 600), end + 60)
            rating = near is not None and not _COLD.search(sentence_around(text, start, end))
        if not rating:
            continue
        value = -number.low if match.group("sign").lower() == "minus" else number.low
        found.append(
            Found(
                start=start,
                end=end,
                low=value,
                high=value,
                qualifier="exact",
                unit="percentage_points",
                category="percent",
            )
        )
        taken.append((start, end))
    return found


def in_every_shares(text: str, taken: Spans) -> list[Found]:
    """ "one in five adults", "seven of 10 voters": a share, in percent."""
    found: list[Found] = []
    tens = list(_OF_TEN.finditer(text)) if " of 10 " in text or " of ten " in text.lower() else []
    few = [
        m
        for m in _OF_FEW.finditer(text)
        if counted_unit(m.group("noun").lower()) == "people"
        and not _KIN.fullmatch(m.group("noun"))
        # "Lee, one of two gunmen", "said one of three witnesses": a member picked out of a group, no share
        and not (
            m.group("figure")[:3].lower() == "one" and _PICKED_OUT_BEFORE.search(text, max(0, m.start() - 8), m.start())
        )
    ]
    for match in sorted([*_IN_EVERY.finditer(text), *tens, *few], key=lambda m: m.start()):
        # "one in five adults" is a share before it is a count of five adults
        start, end = hedged(text, *match.span("figure"))
        if re.match(r"\s+times\b", text[end : end + 7], re.I):
            continue  # "won three out of 9 times": two counts of occasions, not a share
        out_of = " out of " in match.group("figure").lower() and not re.search(r"\b(?:10|ten)\Z", match.group("figure"))
        counted = _THINGS_AFTER.match(text, end) if out_of else None
        if counted and counted.group("noun").lower() in _PLACES_AND_CONTESTS:
            continue  # "swept seven out of 11 states": two counts ("eight out of ten firms" is a share)
        share = share_value(match.group("figure"))
        if " of " in match.group("figure").lower() and " out of " not in match.group("figure").lower():
            # "seven of 10 voters": a share of ten; "won seven of 10 games", "seven of the 10" count
            numerator, denominator = (parse_number(w) for w in match.group("figure").split()[::2])
            record = re.search(rf"\b{RECORD_VERB}\s+$", text[max(0, start - 10) : start], re.I)
            share = None
            if numerator is not None and denominator is not None and not record:
                share = numerator.low / denominator.low if numerator.low < denominator.low else None
        if share is not None and share <= 1 and free(taken, start, end):
            found.append(
                Found(
                    start=start,
                    end=end,
                    low=100 * share,
                    high=100 * share,
                    qualifier=qualifier_of(text[start:end]),
                    unit="percent",
                    category="percent",
                )
            )
            taken.append((start, end))
    return found


# what follows a fraction that is part of a number: "a quarter of a million", "half a dozen", "a third-million"
_OF_A_SCALE = re.compile(rf"[\s-]+(?:of[\s-]+)?(?:an?[\s-]+)?(?:{SCALE}|dozen)\b", re.I)


def fraction_shares(text: str, taken: Spans) -> list[Found]:
    """ "more than half of", "a third of the country", "two-thirds": a share in words, in percent."""
    found: list[Found] = []
    for match in _FRACTION.finditer(text):
        # "three quarters of homes" is a share before it is a count of quarters
        start, end = match.span("figure")
        share = fraction_value(match.group("fraction"))
        if share is None or not free(taken, start, end) or _OF_A_SCALE.match(text, end):
            continue  # "a quarter of a million": a number, read with its scale
        if re.search(
            r"\b(?:upper|lower|top|bottom|front|back|latter|former|early|late|entire|whole)\s+$",
            text[max(0, start - 10) : start],
            re.I,
        ):
            continue  # "the upper half of the laptop": a part, not a share
        # "two-thirds" (a plural denominator) is always a share: "a two-thirds majority"
        # "one-third" and a hedged "nearly a third" are shares too: an ordinal takes neither a numeral nor a hedge
        ordinal = not re.search(r"half|quarter|s$", match.group("fraction"), re.I)
        article = bool(re.match(r"an?\s", match.group("fraction"), re.I))
        ordinal = ordinal and article and start == match.start("fraction")
        share_after = re.match(r"\s+of\b|[,.;]", text[end : end + 4]) or re.search(
            r"\bby\s+$", text[max(0, start - 4) : start]
        )
        if ordinal and (not share_after or re.match(r",\s+[A-Z]", text[end : end + 4])):
            continue  # "a seventh straight session", "a third case", "and a third, Lee, said": ordinals, not shares
        found.append(
            Found(
                start=start,
                end=end,
                low=100 * share,
                high=100 * share,
                qualifier=qualifier_of(match.group("figure")),
                unit="percent",
                category="percent",
            )
        )
        taken.append((start, end))
    return found


def percent_pairs(text: str, found: list[Found], taken: Spans) -> None:
    """ "5%-6%" makes the first share a range, "led 46%-41%" adds the second share: found is changed in place."""
    percents = sorted((f.start, i) for i, f in enumerate(found) if f.unit == "percent")  # found by position
    for match in re.finditer(r"(?P<n1>\d{1,3}(?:\.\d+)?)\s?%\s?[-–]\s?(?P<figure>(?P<n>\d{1,3}(?:\.\d+)?)\s?%)", text):
        start, end = match.span("figure")
        near = bisect.bisect_right(percents, (match.start(), len(found))) - 1
        index = percents[near][1] if near >= 0 else -1
        if index < 0 or not found[index].start <= match.start() < found[index].end or not free(taken, start, end):
            continue
        value = float(match.group("n"))
        if value > float(match.group("n1")):  # "5%-6%": a range
            found[index] = replace(found[index], high=value, end=end)
        else:  # "led 46%-41%": a tally, one figure per share
            found.append(
                Found(
                    start=start, end=end, low=value, high=value, qualifier="exact", unit="percent", category="percent"
                )
            )
            bisect.insort(percents, (start, len(found) - 1))


# a candidate's level in the polls right before a bare number: "she now polls at 12", "polling at about 9"
# (not "the polls", the places where votes are cast: "arrived at the polls at 7")
POLLS_AT = re.compile(
    r"(?<!\bthe\s)\b(?:polls|polled|polling)\s+(?:(?:just|only|about|around|near|nearly|roughly)\s+)?at\s+\Z",
    re.I,
)


def poll_level(text: str, figure: Found) -> Found:
    """ "Lee now polls at 12": a level of support in the polls is a share of the vote, in percent."""
    if (
        figure.unit is not None
        or figure.high > 100
        or not POLLS_AT.search(text, max(0, figure.start - 40), figure.start)
    ):
        return figure
    noun = re.match(r"\s+([a-z]+s)\b", text[figure.end : figure.end + 20])
    if noun and noun.group(1) not in STOP_WORDS | NOT_NOUNS | {"across", "nationwide"}:
        return figure  # a noun of its own ("this", "as" are none)
    return replace(figure, unit="percent", category="percent", subject=None)


# verbs that set a target range ("trim waste 10 percent to 14 percent") rather than report a change
_TARGET_VERBS = frozenset({"cut", "cuts", "reduce", "reduced", "lower", "lowered"})
_PAST_CHANGES = frozenset({"rose", "fell", "grew", "sank", "shrank", "slid", "lost", "risen", "fallen", "shed"})


def percent_ranges(text: str, found: list[Found]) -> list[Found]:
    """ "trim 10 percent to 14 percent", "between 30% and 35%": one range, the unit written twice.

    A tally ("leads 47% to 41%") falls, and a change ("from 20% to 25%") has
    "from": both stay two figures."""
    shares = [i for i, f in enumerate(found) if f.unit == "percent" and f.low == f.high]
    order = sorted(shares, key=lambda i: found[i].start)
    ranged = list(found)
    dropped: set[int] = set()
    for i, j in zip(order, order[1:], strict=False):
        first, second = found[i], found[j]
        between = text[first.end : second.start]
        if i in dropped or not re.fullmatch(r"\s*(?:to|-|–|and)\s*", between) or second.low <= first.low:
            continue
        if re.fullmatch(r"[\d.,]+", text[second.start : second.end]):
            continue  # "rejected it 40 percent to 60": a bare share set against the first (paired_share), a tally
        before = text[max(0, first.start - 40) : first.start]
        framed = re.search(r"\bbetween\s+$", before, re.I) or re.match(r"between\b", text[first.start :], re.I)
        if re.search(r"\bfrom\s+$", before, re.I) or (between.strip() == "and" and not framed):
            continue
        if GAP_WORDS.search(sentence_around(text, first.start, second.end)):
            continue  # "trails 39% to 44%": a tally
        verb = re.search(r"([a-z]+)\s+(?:by\s+)?(?:about\s+|nearly\s+|some\s+)?$", before.lower())
        word = verb.group(1) if verb else ""
        if (word.endswith("ed") or word in _PAST_CHANGES) and word in (RISE_WORDS | FALL_WORDS) - _TARGET_VERBS:
            continue  # "rose 2 percent to 5 percent": a change by one share to another; "will rise 3% to 4%" ranges
        ranged[i] = replace(first, end=second.end, high=second.low)
        dropped.add(j)
    return [f for i, f in enumerate(ranged) if i not in dropped]


# "a double-digit lead", "inflation in double digits": a vague magnitude of 10-99 (1-9, 100-999) in the unit
# of what it measures, a gap in points or a rate in percent
_DIGIT_COUNT = re.compile(
    r"(?<![\w-])(?P<figure>(?:(?P<part>low|mid|high|upper)[- ])?(?:(?P<size>single|double|triple)[- ]digits?|"
    r"(?P<teens>teens)))\b",
    re.I,
)
_DIGIT_RANGES = {"single": (1, 9), "double": (10, 99), "triple": (100, 999), "teens": (13, 19)}
# "the high single digits" (7-9), "the mid-teens" (14-16): a part of the range, as "the low 60s" is of the 60s
_DIGIT_PARTS = {
    ("single", "low"): (1, 3), ("single", "mid"): (4, 6), ("single", "high"): (7, 9), ("single", "upper"): (7, 9),
    ("teens", "low"): (13, 15), ("teens", "mid"): (14, 16), ("teens", "high"): (17, 19), ("teens", "upper"): (17, 19),
}
_RATE_WORDS = re.compile(
    r"\b(?:growth|inflation|unemployment|rates?|percent|per cent|percentage|returns?|interest|gains?|increases?|"
    r"rises?|declines?|drops?|falls?|jumps?|cuts?|raises?|hikes?|yields?)\b|%",
    re.I,
)


# a contest won or lost: "defeated Kim by double digits" is a margin in points (of votes, or of a game)
_CONTEST_WON = re.compile(r"\b(?:defeat(?:s|ed|ing)?|beat(?:en|ing)?|routed|trounced)\b", re.I)


# words after a level of support in double digits: "to double digits by May", "into double digits in Iowa"
_AFTER_LEVEL = frozenset({"by", "in", "and", "for", "since", "this", "last", "after", "before", "among", "with"})


def digit_counts(text: str, taken: Spans) -> list[Found]:
    """ "a double-digit lead" (10-99 points), "inflation in double digits" (10-99 percent)."""
    found: list[Found] = []
    lowered = text.lower()
    for match in _DIGIT_COUNT.finditer(text) if "digit" in lowered or "teens" in lowered else ():
        start, end = match.span("figure")
        if not free(taken, start, end):
            continue
        size = (match.group("size") or "teens").lower()
        part = (match.group("part") or "").lower()
        if size == "teens" and not (
            part and re.search(r"\b(?:to|into|at|in)\s+the\s+\Z", text[max(0, start - 10) : start], re.I)
            and POLL_WORDS.search(sentence_around(text, start, end))
        ):
            continue  # "in her teens" is an age; only a level in the polls, "to the mid-teens", is a share
        noun = re.match(r"^[\s-]+([a-z]+)", text[end : end + 20], re.I)
        sentence = sentence_around(text, start, end)
        gap = noun and re.fullmatch(POINT_GAPS, noun.group(1), re.I) and not _RATE_WORDS.fullmatch(noun.group(1))
        # "won by (the) double digits", "got within single digits of Kim": a margin
        margin = re.search(r"\b(?:(?P<within>within)|by)\s+(?:the\s+)?\Z", text[max(0, start - 12) : start], re.I)
        rival = re.match(r"\s+of\s+[A-Z]", text[end : end + 8])
        level = re.search(r"\b(?:to|into|at)\s+(?:the\s+)?\Z", text[max(0, start - 10) : start], re.I)
        unit: str | None
        qualifier = "up_to" if margin and margin.group("within") else "approximately"
        if margin and not (noun and _RATE_WORDS.fullmatch(noun.group(1))):
            # a margin of a vote or a poll is in points; "sales grew by double digits" is a rate
            polled = POLL_GAP_WORDS.search(sentence) or POLL_WORDS.search(sentence) or _CONTEST_WON.search(sentence)
            # "within single digits of Kim": a gap between candidates, in points of their shares
            unit = "percentage_points" if rival else "points" if polled else "percent"
        elif level and POLL_WORDS.search(sentence) and (not noun or noun.group(1).lower() in _AFTER_LEVEL):
            unit = "percent"  # "climbed in the polls to double digits by the fall": a level of support
        elif gap or not noun or noun.group(1).lower() in ("in", "and", "or", "for", "since", "this", "last"):
            unit = (
                "points" if gap or GAP_WORDS.search(sentence) else "percent" if _RATE_WORDS.search(sentence) else None
            )
        else:
            # "double-digit increases", "double-digit premium increases": a rate, named by the noun or the one after
            second = re.match(r"^[\s-]+[a-z]+\s+([a-z]+)\b", text[end : end + 40], re.I)
            rate = _RATE_WORDS.fullmatch(noun.group(1)) or (second and _RATE_WORDS.fullmatch(second.group(1)))
            unit = "percent" if rate else None
        if unit is None:
            continue  # "double-digit numbers": no measure
        low, high = _DIGIT_PARTS.get((size, part)) or _DIGIT_RANGES[size]
        found.append(
            Found(
                start=start,
                end=end,
                low=low,
                high=high,
                qualifier=qualifier,
                unit=unit,
                category="percent" if unit in ("percent", "percentage_points") else "other",
            )
        )
        taken.append((start, end))
    return found


_PLUS_MINUS = re.compile(r"(?:\+/-|±)\s?(?P<figure>\d+(?:\.\d+)?)(?![\d.,])")


def plus_minus(text: str, taken: Spans) -> list[Found]:
    """ "sampling error +/-4 percentage points": the number after the sign, in the unit that follows."""
    found: list[Found] = []
    for match in _PLUS_MINUS.finditer(text):
        start, end = match.span("figure")
        unit, category, _, stop, factor = unit_after(text, end, code=None, one=False)
        if unit in ("percent", "percentage_points", "points") and free(taken, start, stop):
            value = float(match.group("figure")) * factor
            if unit == "points":  # an error band of a poll is in percentage points
                unit, category = "percentage_points", "percent"
            category = category or "percent"
            found.append(
                Found(start=start, end=stop, low=value, high=value, qualifier="exact", unit=unit, category=category)
            )
            taken.append((start, stop))
    return found
