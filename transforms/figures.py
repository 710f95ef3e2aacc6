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
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from transforms.figure_categories import COUNT_CATEGORIES, category_from_words
from transforms.ids import stable_id
from transforms.lexicon import FALL_WORDS, RISE_WORDS, STOP_WORDS
from transforms.numbers import (
    DIGITS,
    FRACTION_PHRASE,
    IN_EVERY,
    NUMBER,
    ORDINAL_WORDS,
    SCALE,
    VAGUE,
    WORD_NUMBER,
    Number,
    fraction_value,
    parse_number,
    share_value,
)
from transforms.records import Figure
from transforms.units import currencies, currency_after, currency_of_symbol, measure_after, measure_of

# Bump when a change here alters the figures found: every article's figures are recomputed.
VERSION = "6"

_QUALIFIERS = [
    (
        "approximately",
        r"nearly|almost|about|around|some|roughly|approximately|an estimated|estimated|close to|"
        r"near|circa|approx\.?|more or less|more like|barely",
    ),
    ("at_least", r"at least|no fewer than|no less than|a minimum of"),
    ("more_than", r"more than|over|above|in excess of|upwards of|just over|well over|greater than|exceeding"),
    ("less_than", r"less than|fewer than|under|below|just under|nearly under|not quite|(?:just |slightly )?shy of"),
    (
        "up_to",
        r"up to|as many as|as much as|as long as|as high as|a maximum of|no more than|within(?: the next| the past)?",
    ),
]
_QUALIFIER = "|".join(f"(?P<q_{name}>{pattern})" for name, pattern in _QUALIFIERS)
_ANY_QUALIFIER = "|".join(pattern for _, pattern in _QUALIFIERS)  # the same, without naming which
_ONE_PERIOD = re.compile(
    r"(?<![\w])(?P<figure>(?:nearly|almost|about|around|roughly|more than|over|just over|less than|under|"
    r"just under|at least|up to|just|only|barely)\s+an?\s+(?P<period>decade|year|month|week|day|hour|century))(?![\w])",
    re.I,
)
_PERIODS = {
    "decade": (10, "years"),
    "century": (100, "years"),
    "year": (1, "years"),
    "month": (1, "months"),
    "week": (1, "weeks"),
    "day": (1, "days"),
    "hour": (1, "hours"),
    "minute": (1, "minutes"),
}
# "ended a month of touring", "a minute's pause", "has run for a decade": a period with an article measures a
# span when "of" and what filled it follow, or "for" comes before; "a year ago", "once a year" stay out
_A_PERIOD = re.compile(
    r"(?P<figure>[aA](?<![\w-][aA])n?\s+(?P<period>decade|century|year|month|week|day|hour|minute))"
    r"(?:(?P<silence>(?:['’]s)?\s+silence\b)|(?![\w'’-])(?P<of>\s+of\s+(?!age\b|the\s+(?:week|month|year)\b)[a-z])?)",
    re.I,
)
# "a half-century" (50 years), "a half-hour ride" (30 minutes): half of a period, in the unit news gives it
_HALF_PERIOD = re.compile(
    r"(?<![\w-])(?P<figure>an?\s+half[- ](?P<period>century|decade|year|hour|minute))(?![\w-])", re.I
)
_HALF_PERIODS = {
    "century": (50, "years"),
    "decade": (5, "years"),
    "year": (6, "months"),
    "hour": (30, "minutes"),
    "minute": (30, "seconds"),
}
# "Elizabeth A. Burton, 32, of Columbus": an age set off by commas after a name
_AGE_AFTER_NAME = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][\w'’-]+,? (?:(?:Jr|Sr)\.?,? )?(?P<age>[1-9]\d),? "
    r"(?=of |from |who |and |was |is |had |has )"
    r"|\b[A-Z][a-z]+ [A-Z][\w'’-]+,? (?:(?:Jr|Sr)\.?,? )?(?P<age2>[1-9]\d), (?=of |from |who |and |was |is |had |has )"
    r"|\b[A-Z][\w'’-]+, (?P<age3>[1-9]\d)(?:,| [–—]) (?=[a-z])"
    r"|\bAt (?P<age4>[1-9]\d), (?=he |she |they |I )"
    # "the senator, who is 74,", "who turns 70 next month": an age in a relative clause
    r"|\bwho(?:\s+(?:is|was|turns|turned|will\s+turn|would\s+turn|will\s+be|would\s+be|had\s+turned))\s+"
    r"(?P<age5>[1-9]\d)(?=\s*[,.;:!?)\u2014\u2013]|\s+(?:and|but|when|while|on|in|next|this|last|later|soon)\b)"
)
# "The president, 70, has ...": an age set off by commas after a noun of a person
_AGE_AFTER_NOUN = re.compile(r"(?<=[a-z]), (?P<age>[1-9]\d),? (?=[a-z])")
_PERSON_BEFORE_AGE = re.compile(
    r"\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:[a-z][\w'’-]*\s+){0,2}"
    # a quoted title between: 'the former "Harbor Lights" host, 51,'
    r"(?:[“\"]\s?(?:[A-Z0-9][\w'’.-]*\s?){1,5}[”\"]\s+)?(?P<noun>[a-z]+)$"
)
# singular nouns of persons that the plural forms of _counted_unit do not tell
_PERSON_NOUNS = frozenset(
    """man woman boy girl child person president nominee candidate incumbent chief judge justice mother father
    wife husband son daughter grandmother grandfather sister brother victim suspect defendant plaintiff
    veteran activist resident student patient senator congressman congresswoman representative delegate
    secretary chairman chairwoman rabbi priest pastor bishop actress star host coach chef""".split()
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
# "a year and a half", "two and a half hours": a whole number of units and half of one more
_AND_A_HALF = re.compile(
    rf"(?<![\w-])(?P<figure>(?:(?:{_ANY_QUALIFIER})\s+)?"
    rf"(?:(?P<n>an?|{WORD_NUMBER}|\d+)\s+(?P<unit>[a-z]+?)s?\s+and\s+a\s+half"
    rf"|(?P<n2>{WORD_NUMBER}|\d+)\s+and\s+a\s+half\s+(?P<unit2>[a-z]+)))(?![\w-])",
    re.I,
)
_HALF_UNIT = re.compile(
    rf"(?<![\w-])(?P<figure>(?:(?:{_ANY_QUALIFIER})\s+)?"
    r"half\s+an?\s+(?P<unit>[a-z]+))\b",
    re.I,
)
_IN_EVERY = re.compile(rf"(?<![\w-])(?P<figure>{IN_EVERY})(?=\s+[a-z])", re.I)
# "seven of 10 voters": a share of ten (looked for only where " of 10" or " of ten" is written)
_OF_TEN = re.compile(
    r"(?<![\w-])(?P<figure>(?:[2-9]|two|three|four|five|six|seven|eight|nine)\s+of\s+(?:10|ten))(?=\s+[a-z])", re.I
)
# a qualifier just before a figure found by an anchored pattern ("nearly 1 in 3"): looked up behind, which is
# much faster than an optional qualifier at the head of the pattern, tried at every position
_HEDGE_BEFORE = re.compile(rf"(?<![\w-])(?:{_ANY_QUALIFIER})\s+$", re.I)
# "a quarter-point cut": a fraction of a percentage point
# "a quarter of a percentage point", "half a point", "three-quarters of a point": likewise
_POINT_FRACTION = re.compile(
    r"(?<![\w-])(?P<figure>(?P<fraction>a quarter|a half|half|three[- ]quarters|a third|two[- ]thirds|a tenth)"
    r"(?:[- ]point|\s+(?:of\s+)?an?\s+(?:percentage[- ])?point))\b",
    re.I,
)
_TWICE = re.compile(r"(?<![\w-])(?P<figure>twice)(?=\s+(?:as|the)\b)", re.I)
# "voted twice for him", "lost thrice in May": how often something happened, a count of occasions
_TWICE_OVER = re.compile(
    r"(?<![\w-])(?P<figure>twice|thrice)(?![\w-])(?!\s+(?:as|the|that|a|an|per|each|every|over|more|daily|weekly|"
    r"monthly|yearly|annually)\b)",
    re.I,
)
_FEW_PERCENT = re.compile(r"(?<![\w-])(?P<figure>a few (?:percent|per cent|percentage points))\b", re.I)
_PERCENT = [
    (re.compile(r"^\s*(?:-\s*)?(?:%|percent(?:age)?\b|per\s?cent\b|pct\b)", re.I), "percent"),
]
_POINTS = re.compile(r"^(?:\s*|-)(?:percentage[\s-]+points?|pct\s+points?)\b", re.I)
# "a 10-point lead", "a two-point gap": a hyphenated measure of a gap, not a label such as "a 10-point plan"
_POINT_GAPS = (
    r"(?:lead|gap|margin|edge|advantage|deficit|swing|drop|decline|fall|jump|rise|gain|increase|bump|lift|loss|"
    r"spread|shift|difference|cushion|win|victory|defeat|dip|slide|surge)s?\b"
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "... in March. Barely three days on": a full month name before a period ends a sentence, it abbreviates nothing
_FULL_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\s+$", re.I)
_SENTENCE_END_MONTH = re.compile(rf"{_FULL_MONTHS}\.", re.I)
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\b", re.I)


def _date_before(before: str) -> bool:
    """True when a month name ends the text before a number ("Nov. 5", "March 15"), not a sentence."""
    month = _DATE_BEFORE.search(before)
    return month is not None and not _SENTENCE_END_MONTH.match(month.group(0))


# compounds too: "grandchildren", "congressmen" (but "specimen", "regimen" are singular)
_IRREGULAR_PLURALS = (
    "people|[a-z]*children|men|women|(?!(?:speci|regi|abdo|acu|sta|hy|se|albu)men\\b)[a-z]{3,}(?:wo)?men|"
    "police|staff|personnel|dead|wounded|injured|cattle|sheep|fish|aircraft|deer"
)
# a regular plural ends in s but not in -ss, -us or -sis: "business", "Citibus", "virus", "analysis" are singular
_PLURAL = r"[a-z][\w-]*s(?<!ss)(?<!us)(?<!sis)"
# the head of the noun phrase after a number: up to three modifiers, or five when two are
# coordinated ("40 old or broken chairs", "12 arts and crafts fairs")
_COUNTED = re.compile(
    rf"^\s*(?P<adjs>(?:(?:[a-z][\w'’-]*)\s+){{0,3}}?|(?=(?:[a-z][\w'’-]*\s+){{0,2}}(?:and|or)\s)(?:(?:[a-z][\w'’-]*)\s+){{2,5}}?)"
    rf"(?P<noun>{_IRREGULAR_PLURALS}|{_PLURAL})\b(?!['’]s)",
    re.I,
)
_NOT_NOUNS = frozenset(
    "is was has does goes says its this thus plus us as less was his hers ours yours theirs ones news".split()
)
_FUNCTION_AFTER_ONE = frozenset(
    "of the and or but day time way more less other another thing point such last first year week month night "
    "morning evening afternoon hand side among amid against across within without toward towards versus despite "
    "during until since through over under above below behind beyond inside outside upon onto into".split()
)
_FUNCTION_WORDS = frozenset(
    "of to in on the a from their his her its our with by at for as than that who which among between".split()
)
_PEOPLE = frozenset(
    """people persons person civilians residents inhabitants citizens detainees inmates troops combatants
    militants rebels insurgents children kids women men adults students staff migrants immigrants victims
    police policemen officials casualties deaths dead bodies lives individuals families households babies
    infants pupils nurses users fans hostages americans patients males females witnesses fatalities contacts
    recruits agents analysts executives candidates delegates athletes drivers fighters participants
    respondents veterans airmen marines pilots crew friends humans tenants surgeons lawmakers injured
    wounded missing superdelegates justices judges representatives independents moderates conservatives
    liberals progressives evangelicals millennials youths teens parents spouses siblings sons daughters
    relatives guests constituents aides opponents incumbents hispanics latinos latinas catholics protestants
    mormons muslims jews convicts suspects defendants plaintiffs attorneys partisans undecideds felons criminals
    secretaries presidents girls boys cops guards spies thieves heroes widows orphans twins cousins uncles aunts
    nephews nieces grandparents husbands wives brides kings queens princes princesses monks nuns priests bishops
    rabbis imams pastors chefs clerks nannies maids deputies sheriffs detectives medics paramedics experts scholars
    academics graduates alumni cadets captives locals natives expats pilgrims diplomats envoys actresses rookies
    adolescents juveniles newborns heirs thugs conscripts generals colonels lieutenants sergeants captains
    admirals landlords ceos""".split()
)
# the tenor of a traded instrument is part of its name: "10-year notes", "three-month aluminum"
_INSTRUMENTS = re.compile(
    r"\s*(?:treasur\w*|notes?|bonds?|yields?|bills?|gilts?|bunds?|swaps?|mortgages?|libor|futures|"
    r"contracts?|aluminum|aluminium|copper|nickel|zinc|tin|lead|paper|debt|t-bills?)\b",
    re.I,
)
# distance per volume of fuel, written as FIGURES.md labels it
_FUEL_ECONOMY = {("miles", "gallons"): "mpg", ("km", "litres"): "km/L"}
_MARKET_NAMES = r"Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|CAC|Hang Seng"  # stock indices named in market reports
_MARKET = re.compile(rf"\b(points?|index|indices|{_MARKET_NAMES})\b")
# Points of a poll lead, margin or swing are percentage points; points of a game or an index are not.
_POLL_WORDS = re.compile(
    r"\b(?:polls?|polled|polling|pollsters?|surveys?|surveyed|voters?|votes?|turnout|electorate|margin of error|"
    r"approval|"
    r"(?:un)?favou?rab\w*|primary|primaries|caucus\w*|nominee|nomination|elections?|electoral|ballots?|"
    r"percent|per cent|percentage|delegates|candidates?|Democrats?|Republicans?|GOP|races?)\b|%",
    re.I,
)
_GAP_WORDS = re.compile(
    r"\b(?:leads?|leading|led|trails?|trailing|trailed|ahead|behind|gap|margin|edge|advantage|deficit|"
    r"won|wins?|beat|beats|among|swing|narrowed|widened)\b",
    re.I,
)
_GAME_OR_MARKET = re.compile(
    r"\b(?:scored|scoring|scores|games?|halftime|half-time|innings?|season|rebounds?|assists?|goals?|"
    r"touchdowns?|field goals?|free throws?|three-pointers?|per game|team|teams|coach|league|playoffs?|match|"
    rf"tournament|NBA|NFL|NHL|WNBA|NCAA|{_MARKET_NAMES}|index|indices|indexes|"
    r"stocks?|shares|bonds?|yields?|futures|Treasur\w*|credit score|IQ)\b",
    re.I,
)
# "83.4 per dollar", "7.1 to the dollar": an exchange rate
_PER_CURRENCY = re.compile(r"\s+(?:per|to\s+the|against\s+the)\s+(?P<per>dollar|euro|pound|yen|yuan)\b", re.I)
# a bare number that seats, holds or gathers counts persons: "room for six", "in front of 8,000 fans"
_SEATS_FOR = re.compile(
    r"\b(?:(?:seating|seats|room|space|meant|built|designed|table|dinner)\s+for|in\s+front\s+of|"
    r"(?:crowd|audience|attendance|gathering|capacity|group|party|delegation|team|panel|staff|jury|squad|"
    r"contingent|cohort|class|gang|mob)\s+of)\s+$",
    re.I,
)
# a win-loss record without a noun counts games: "won 9 of 11", "lost three of their last six"
_RECORD_VERB = r"(?:won|lost|drew|dropped|wins?|loses|losing|winning)"
_RECORD_NEAR = re.compile(rf"\b{_RECORD_VERB}\b", re.I)
_RECORD_COUNT = r"(?:\d{1,2}|" + WORD_NUMBER + ")"  # games of a record: a small number
# "of their last", "out of the first": what stands between the wins and the games played
_RECORD_OF_WORDS = r"(?:out\s+)?of\s+(?:(?:the|their|its|his|her)\s+)?(?:(?:last|past|first|previous|next)\s+)?"
_RECORD_OF = re.compile(rf"^\s+{_RECORD_OF_WORDS}{_RECORD_COUNT}(?![\w-])(?:\s+(?P<next>[a-z]+))?", re.I)
_RECORD_WHOLE = re.compile(rf"\b{_RECORD_VERB}\s+{_RECORD_COUNT}\s+{_RECORD_OF_WORDS}$", re.I)
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
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n")
# "zero to 60 mph (97 kph)": the name of a test, not a speed
_TEST_LABEL = re.compile(
    r"(?<![\w.])(?:0|zero)\s*(?:-|–|to)\s*\d{2,3}\s*(?:mph|km/h|kph)(?:\s*\(\s*\d+\s*(?:kph|km/h|mph)\s*\))?", re.I
)


@dataclass(frozen=True, kw_only=True)
class _Found:
    """What a figure rule found before it becomes a Figure."""

    start: int
    end: int
    low: float
    high: float
    qualifier: str
    unit: str | None
    category: str
    subject: str | None = None


def extract_figures(article_id: str, text: str) -> list[Figure]:
    """Every figure stated in text."""
    found: list[_Found] = []
    taken = _Spans(_excluded_spans(text))
    lowered = text.lower()
    for match in _POINT_FRACTION.finditer(text) if "point" in lowered else ():
        start, end = _hedged(text, *match.span("figure"))
        if _free(taken, start, end):
            value = fraction_value(match.group("fraction")) or 0.5
            spelled = re.search(r"\ban?\s+point$", match.group("figure"), re.I)  # "half a point", not "-point"
            market = spelled and _GAME_OR_MARKET.search(_sentence(text, start, end))
            found.append(
                _Found(
                    start=start,
                    end=end,
                    low=value,
                    high=value,
                    qualifier=_qualifier_of(text[start:end]),
                    unit="points" if market else "percentage_points",
                    category="other" if market else "percent",
                )
            )
            taken.append((start, end))
    found += _halves(text, taken)
    for match in _AGE_AFTER_NOUN.finditer(text):
        person = _PERSON_BEFORE_AGE.search(text, max(0, match.start() - 60), match.start())
        noun = person.group("noun") if person else ""
        start, end = match.span("age")
        if person and (noun in _PERSON_NOUNS or _counted_unit(_plural(noun)) == "people") and _free(taken, start, end):
            value = float(match.group("age"))
            found.append(
                _Found(start=start, end=end, low=value, high=value, qualifier="exact", unit="years", category="age")
            )
            taken.append((start, end))
    for match in _AGE_AFTER_NAME.finditer(text):
        group = next(g for g in ("age", "age2", "age3", "age4", "age5") if match.group(g))
        start, end = match.span(group)
        if _free(taken, start, end):
            value = float(match.group(group))
            found.append(
                _Found(start=start, end=end, low=value, high=value, qualifier="exact", unit="years", category="age")
            )
            taken.append((start, end))
    tens = list(_OF_TEN.finditer(text)) if " of 10 " in text or " of ten " in lowered else []
    for match in sorted([*_IN_EVERY.finditer(text), *tens], key=lambda m: m.start()):
        # "one in five adults" is a share before it is a count of five adults
        start, end = _hedged(text, *match.span("figure"))
        share = share_value(match.group("figure"))
        if " of " in match.group("figure").lower() and " out of " not in match.group("figure").lower():
            # "seven of 10 voters": a share of ten; "won seven of 10 games", "seven of the 10" count
            numerator = parse_number(match.group("figure").split()[0])
            record = re.search(rf"\b{_RECORD_VERB}\s+$", text[max(0, start - 10) : start], re.I)
            share = numerator.low / 10 if numerator is not None and not record else None
        if share is not None and share <= 1 and _free(taken, start, end):
            found.append(
                _Found(
                    start=start,
                    end=end,
                    low=100 * share,
                    high=100 * share,
                    qualifier=_qualifier_of(text[start:end]),
                    unit="percent",
                    category="percent",
                )
            )
            taken.append((start, end))
    for match in _FRACTION.finditer(text):
        # "three quarters of homes" is a share before it is a count of quarters
        start, end = match.span("figure")
        share = fraction_value(match.group("fraction"))
        if share is None or not _free(taken, start, end):
            continue
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
        if ordinal and not (
            re.match(r"\s+of\b|[,.;]", text[end : end + 4]) or re.search(r"\bby\s+$", text[max(0, start - 4) : start])
        ):
            continue  # "a seventh straight session", "a third case": ordinals, not shares
        found.append(
            _Found(
                start=start,
                end=end,
                low=100 * share,
                high=100 * share,
                qualifier=_qualifier_of(match.group("figure")),
                unit="percent",
                category="percent",
            )
        )
        taken.append((start, end))
    marks = {m.group(0)[1] for m in _DIGIT_MARKS.finditer(text)}  # one scan tells which rare shapes to look for
    found += _written_fractions(text, taken) if "/" in marks else []
    found += _plus_minus(text, taken) if "+/-" in text or "±" in text else []
    found += _ratios_and_decades(text, taken, ratios="x" in marks)
    found += _main_figures(text, taken)
    found += _share_figures(text, taken)
    found += _digit_counts(text, taken)
    percents = sorted((f.start, i) for i, f in enumerate(found) if f.unit == "percent")  # found by position
    for match in re.finditer(r"(?P<n1>\d{1,3}(?:\.\d+)?)\s?%\s?[-–]\s?(?P<figure>(?P<n>\d{1,3}(?:\.\d+)?)\s?%)", text):
        start, end = match.span("figure")
        near = bisect.bisect_right(percents, (match.start(), len(found))) - 1
        index = percents[near][1] if near >= 0 else -1
        if index < 0 or not found[index].start <= match.start() < found[index].end or not _free(taken, start, end):
            continue
        value = float(match.group("n"))
        if value > float(match.group("n1")):  # "5%-6%": a range
            found[index] = replace(found[index], high=value, end=end)
        else:  # "led 46%-41%": a tally, one figure per share
            found.append(
                _Found(
                    start=start, end=end, low=value, high=value, qualifier="exact", unit="percent", category="percent"
                )
            )
            bisect.insort(percents, (start, len(found) - 1))
    found = _percent_ranges(text, found)
    found = [_poll_points(text, f) for f in found]
    figures = [_to_record(article_id=article_id, text=text, found=f) for f in found]
    return sorted(figures, key=lambda f: f.start_char)


# verbs that set a target range ("trim waste 10 percent to 14 percent") rather than report a change
_TARGET_VERBS = frozenset({"cut", "cuts", "reduce", "reduced", "lower", "lowered"})
_PAST_CHANGES = frozenset({"rose", "fell", "grew", "sank", "shrank", "slid", "lost", "risen", "fallen", "shed"})


def _percent_ranges(text: str, found: list[_Found]) -> list[_Found]:
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
        before = text[max(0, first.start - 40) : first.start]
        framed = re.search(r"\bbetween\s+$", before, re.I) or re.match(r"between\b", text[first.start :], re.I)
        if re.search(r"\bfrom\s+$", before, re.I) or (between.strip() == "and" and not framed):
            continue
        if _GAP_WORDS.search(_sentence(text, first.start, second.end)):
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
_DIGIT_COUNT = re.compile(r"(?<![\w-])(?P<figure>(?P<size>single|double|triple)[- ]digits?)\b", re.I)
_DIGIT_RANGES = {"single": (1, 9), "double": (10, 99), "triple": (100, 999)}
_RATE_WORDS = re.compile(
    r"\b(?:growth|inflation|unemployment|rates?|percent|per cent|percentage|returns?|interest|gains?|increases?|"
    r"rises?|declines?|drops?|falls?|jumps?|cuts?|raises?|hikes?|yields?)\b|%",
    re.I,
)


def _digit_counts(text: str, taken: _Spans) -> list[_Found]:
    """ "a double-digit lead" (10-99 points), "inflation in double digits" (10-99 percent)."""
    found: list[_Found] = []
    for match in _DIGIT_COUNT.finditer(text) if "digit" in text.lower() else ():
        start, end = match.span("figure")
        if not _free(taken, start, end):
            continue
        noun = re.match(r"^[\s-]+([a-z]+)", text[end : end + 20], re.I)
        sentence = _sentence(text, start, end)
        gap = noun and re.fullmatch(_POINT_GAPS, noun.group(1), re.I) and not _RATE_WORDS.fullmatch(noun.group(1))
        if gap or not noun or noun.group(1).lower() in ("in", "and", "or", "for", "since", "this", "last"):
            unit = (
                "points" if gap or _GAP_WORDS.search(sentence) else "percent" if _RATE_WORDS.search(sentence) else None
            )
        else:
            unit = "percent" if _RATE_WORDS.fullmatch(noun.group(1)) else None
        if unit is None:
            continue  # "double-digit numbers": no measure
        low, high = _DIGIT_RANGES[match.group("size").lower()]
        found.append(
            _Found(
                start=start,
                end=end,
                low=low,
                high=high,
                qualifier="approximately",
                unit=unit,
                category="percent" if unit == "percent" else "other",
            )
        )
        taken.append((start, end))
    return found


# a digit before "x" (a ratio: "4x") or before "/" and a digit (a fraction: "9/32")
_DIGIT_MARKS = re.compile(r"\d(?:x\b|/(?=\d))")
# "2-1/2 years", "4 1/2 miles", and "61/2 years" where a "½" was flattened: a whole number and a half or quarter
_MIXED = re.compile(r"(?<![\w/.,-])(?P<figure>(?P<whole>\d{1,2}?)(?P<sep>[- ])?(?P<num>[13])/(?P<den>[24]))(?![\w/])")
# "gained 9/32 in price": a bond price moves in 32nds (or 64ths) of a point
_BOND_FRACTION = re.compile(r"(?<![\w/.,-])(?P<figure>(?P<num>\d{1,2})/(?P<den>32|64))(?![\w/])")
_BONDS = re.compile(r"\b(?:bonds?|notes?|treasur\w*|gilts?|bunds?|in price)\b", re.I)


def _written_fractions(text: str, taken: _Spans) -> list[_Found]:
    """Mixed numbers with a unit of measure ("2-1/2 years", "61/2 years") and bond prices in 32nds ("9/32")."""
    found: list[_Found] = []
    for match in _MIXED.finditer(text):
        if not match.group("whole") or match.group("num") == "3" and match.group("den") == "2":
            continue
        measure = measure_after(text, match.end())
        start, end = _hedged(text, *match.span("figure"))
        if measure is None or not _free(taken, start, measure.end):
            continue  # "3/4" alone is a date or a score
        value = (int(match.group("whole")) + int(match.group("num")) / int(match.group("den"))) * measure.factor
        found.append(
            _Found(
                start=start,
                end=measure.end,
                low=value,
                high=value,
                qualifier=_qualifier_of(text[start:end]),
                unit=measure.unit,
                category=measure.category,
            )
        )
        taken.append((start, measure.end))
    for match in _BOND_FRACTION.finditer(text):
        start, end = match.span("figure")
        if int(match.group("num")) < int(match.group("den")) and _free(taken, start, end):
            if _BONDS.search(_sentence(text, start, end)):
                value = int(match.group("num")) / int(match.group("den"))
                found.append(
                    _Found(
                        start=start, end=end, low=value, high=value, qualifier="exact", unit="points", category="other"
                    )
                )
                taken.append((start, end))
    return found


_PLUS_MINUS = re.compile(r"(?:\+/-|±)\s?(?P<figure>\d+(?:\.\d+)?)(?![\d.,])")


def _plus_minus(text: str, taken: _Spans) -> list[_Found]:
    """ "sampling error +/-4 percentage points": the number after the sign, in the unit that follows."""
    found: list[_Found] = []
    for match in _PLUS_MINUS.finditer(text):
        start, end = match.span("figure")
        unit, category, _, stop, factor = _unit_after(text, end, code=None, one=False)
        if unit in ("percent", "percentage_points", "points") and _free(taken, start, stop):
            value = float(match.group("figure")) * factor
            if unit == "points":  # an error band of a poll is in percentage points
                unit, category = "percentage_points", "percent"
            category = category or "percent"
            found.append(
                _Found(start=start, end=stop, low=value, high=value, qualifier="exact", unit=unit, category=category)
            )
            taken.append((start, stop))
    return found


def _hedged(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the qualifier just before it, if any ("nearly 1 in 3", "about twice")."""
    hedge = _HEDGE_BEFORE.search(text, max(0, start - 24), start)
    return (hedge.start() if hedge else start), end


def _poll_points(text: str, figure: _Found) -> _Found:
    """ "trailing by 8 points", "a 10-point lead" in a story about polls or votes: percentage points."""
    if figure.unit != "points":
        return figure
    sentence = _sentence(text, figure.start, figure.end)
    if _GAME_OR_MARKET.search(sentence):
        return figure
    if not _POLL_WORDS.search(sentence):
        # "He won the state by 12 points" names no poll: a gap word will do when the story is about one
        if not _gap_in_poll_story(text, sentence, figure.start, figure.end):
            return figure
    return replace(figure, unit="percentage_points", category="percent", subject=None)


def _halves(text: str, taken: _Spans) -> list[_Found]:
    """ "a year and a half" (1.5 years), "two and a half hours": half a unit added to a count of it."""
    found: list[_Found] = []
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for half in re.finditer(r"\bhalf\b", text, re.I):  # the full patterns are slow: run them only near "half"
        low, high = max(0, half.start() - 80), min(len(text), half.end() + 40)
        for pattern in (_AND_A_HALF, _HALF_UNIT):  # "two and a half hours"; "half an hour"
            for match in pattern.finditer(text, low, high):
                matches.setdefault(match.span("figure"), match)
    for (start, end), match in sorted(matches.items()):
        groups = match.groupdict()
        count = groups.get("n") or groups.get("n2")
        if count is None:
            whole: float | None = 0.0  # "half an hour": no whole unit, only the half
        elif count.lower() in ("a", "an"):
            whole = 1.0
        else:
            whole = parsed.low if (parsed := parse_number(count)) else None
        measure = measure_of(groups.get("unit") or groups.get("unit2") or "")
        if whole is None or measure is None or not _free(taken, start, end):
            continue
        label, category, factor = measure
        value = (whole + 0.5) * factor
        found.append(
            _Found(
                start=start,
                end=end,
                low=value,
                high=value,
                qualifier=_qualifier_of(match.group("figure")),
                unit=label,
                category=category,
            )
        )
        taken.append((start, end))
    return found


class _Spans(list[tuple[int, int]]):
    """The spans taken or excluded so far, kept in start order: a lookup reads only the spans that
    start near it (a page of a million characters has tens of thousands of figures)."""

    def __init__(self, spans: list[tuple[int, int]]):
        super().__init__(sorted(spans))
        self.longest = max((b - a for a, b in self), default=0)

    def append(self, span: tuple[int, int]) -> None:
        bisect.insort(self, span)
        self.longest = max(self.longest, span[1] - span[0])

    def free(self, start: int, end: int) -> bool:
        first = bisect.bisect_left(self, (start - self.longest, -1))
        last = bisect.bisect_left(self, (end, -1))
        return not any(start < b for _, b in self[first:last])


def _free(taken: _Spans, start: int, end: int) -> bool:
    """True when [start, end) overlaps no span already taken or excluded."""
    return taken.free(start, end)


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans no figure may overlap: test labels and headline-like lines (teasers, list titles)."""
    spans = [m.span() for m in _TEST_LABEL.finditer(text)]
    position = 0
    intro: tuple[int, int] | None = None  # the last sentence of a line ending in a colon, not yet followed
    for line in text.split("\n"):
        if _is_headline(line) or re.match(r"\s*\[\d{1,3}\]\s", line):  # teasers; numbered references
            spans.append((position, position + len(line)))
        numbered = re.match(r"\s*\(?\d{1,3}[.)]\s", line)
        if numbered:  # "2. Never urged ...", "3) The race": the number of an item in a list
            spans.append((position, position + numbered.end()))
        if intro and re.match(r"\s*\(?1[.)]\s", line):
            spans.append(intro)  # "Four reasons fans should relax:" then "1. ...": the writer's list, announced
        if line and not line.isspace():
            intro = None
            if ":" in line and line.rstrip().endswith(":"):
                last = max((m.end() for m in re.finditer(r"[.!?][\"”’']?\s+(?=[A-Z])", line)), default=0)
                if len(line[last:].split()) <= 16:
                    intro = (position + last, position + len(line))
        position += len(line) + 1
    spans += [m.span() for m in re.finditer(r"\(\d{1,3}\.\)", text)]  # "(13.)": a rank in a list
    return spans


def _is_headline(line: str) -> bool:
    """A short title-case line without closing punctuation that opens with a number: a teaser."""
    stripped = line.strip()
    words = stripped.split()
    if not 2 <= len(words) <= 16 or stripped[-1:] in ".!?:;,”\"'’)" or stripped.isupper():
        return False
    if not re.match(r"^\d[\d,.]*\b|^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b", stripped):
        return False
    content = [w for w in words[1:] if w.lower() not in STOP_WORDS or w[:1].isupper()]
    capitalised = [w for w in content if w[:1].isupper() or w[:1].isdigit()]
    return bool(content) and len(capitalised) >= 0.75 * len(content)


@functools.cache
def _figure_pattern() -> re.Pattern[str]:
    """The main figure pattern, with the currency symbols from babel (built once per process)."""
    symbols = currencies().symbol_pattern
    currency = rf"(?:(?P<cur>(?-i:{symbols}|US\$|[A-Z]{{3}}))\.?\s?)"
    currency2 = currency.replace("cur", "cur2")
    return re.compile(
        rf"(?<![\w$£€.,/:#-])(?P<figure>"
        rf"(?:(?:{_QUALIFIER})\s+(?:an?\s+(?=\S*\d))?)?"
        rf"(?:(?P<age>(?:between\s+)?the\s+(?:{DIGITS}-year-old|"
        rf"ages\s+of\s+\d{{1,2}}\s*(?:-|–|to|and)\s*\d{{1,2}}|age\s+of\s+\d{{1,3}}\b)|"
        rf"\d{{1,2}}-?\s*(?:-|–|to)\s*\d{{1,2}}[- ]years?[- ]olds?|"
        rf"(?:aged|ages?)\s+(?:\d{{1,2}}\s*(?:-|–|to|through)\s*\d{{1,2}}(?!\s*(?:%|percent|[-.,]?\d))|"
        rf"{DIGITS}(?!\s*(?:%|percent)))|{DIGITS}[- ]years?[- ]olds?|"
        rf"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-year-old|"
        rf"{DIGITS}-(?:month|week)-old)"
        rf"|(?:between\s+)?{currency}?"
        rf"(?P<number>{VAGUE}|a\s+half[- ]dozen|{NUMBER}|dozen(?<=the\sdozen)(?=\s+[a-z]))"
        rf"(?:\s*(?P<range_sep>-to-|-|–|—|to|and|or)\s*"
        rf"{currency2}?(?P<number2>{NUMBER}))?)"
        rf")(?:(?![\w])|(?<=\d)(?=[a-zA-Z°]))",
        re.I,
    )


def _main_figures(text: str, taken: _Spans) -> list[_Found]:
    """Figures around a number: the main pattern, with the sentence's counted noun carried over."""
    found: list[_Found] = []
    position = 0
    pattern = _figure_pattern()
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span("figure")
        tally = _tally(text, match) if match.group("number2") and _free(taken, start, end) else None
        if tally:  # "the Senate voted 52 to 48": one figure per number
            found += tally
            for f in tally:
                taken.append((f.start, f.end))
            position = tally[-1].end
            continue
        figure = _read(text, match, found) if _free(taken, start, end) else None
        unread = figure is None or figure.unit is None
        if unread and found and not match.group("number2") and _free(taken, start, end):
            # "Smith won 40 percent, Jones 22 and Lee 17": a number listed after a name counts what the first did
            figure = _listed_after_name(text, match, found[-1]) or figure
        if figure is not None and figure.unit is None and found:
            figure = _carry_over(text, figure, found[-1])
        # "grew by 30", "the backlog of permits, which stood at 480": the level counts what the sentence counted
        after_change = re.search(
            r"\b(?:by|to|from|(?:stood|stands|remained|remains|was|is|sat|sits)\s+at)\s+$",
            text[max(0, start - 16) : start],
        )
        if figure is not None and figure.unit is None and after_change:
            figure = _counted_before(text, figure)
        if figure is not None:
            found.append(figure)
            taken.append((figure.start, figure.end))
        # "from $47 billion to $8 billion" ends the first figure early: look again after it
        if figure is None and match.group("number2"):
            # "November 3—nine days before": the second number may be a figure of its own
            position = max(start + 1, match.end("number"))
        else:
            position = max(start + 1, figure.end if figure is not None and figure.end < end else end)
    return _listed_units(text, found)


_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:ed|es?|ing)|ruled|passed|approved|rejected|failed|confirmed|defeated|split|tally|"
    r"(?:margin|count|ballot) of|sided)[,:]?\s+(?:(?:the\s+)?[\w'’-]+\s+){0,3}(?:by\s+)?(?:an?\s+)?$",
    re.I,
)
_TALLY_AFTER = re.compile(r"^\s*(?:vote|votes|decision|ruling|majority|margin|tally|verdict)\b", re.I)
# "ahead 800 to 650 in delegates": a tally of what follows "in"
_TALLY_IN = re.compile(r"^\s+in\s+(?:(?:pledged|bound|electoral|popular)\s+)?(?P<noun>[a-z]+s)\b", re.I)


def _tally(text: str, match: re.Match[str]) -> list[_Found] | None:
    """Two figures for a tally of votes or delegates ("voted 52 to 48", "a 5-4 decision"), else None.

    Game scores stay out: a tally needs a vote before it, a vote noun after it or the counted noun."""
    if match.group("cur") or match.group("cur2") or match.group("range_sep").lower() not in ("-", "–", "to"):
        return None
    first, second = parse_number(match.group("number")), parse_number(match.group("number2"))
    if first is None or second is None or first.vague or second.vague:
        return None
    if not all(
        re.fullmatch(r"\d{1,3}(?:,\d{3})*|[a-z]+", g.strip(), re.I)
        for g in (match.group("number"), match.group("number2"))
    ):
        return None
    start, end = match.span("figure")
    before = text[max(0, start - 60) : start]
    if re.search(r"\b(?:from|between)\s+$", before, re.I):
        return None  # "rose from 10 to 20": a change or a range, not a tally
    counted = _TALLY_IN.match(text[end : end + 40])
    if counted and measure_of(counted.group("noun")) is not None:
        return None  # "3 to 1 in minutes": a unit of measure, not what was counted
    unit, category = "votes", "count"
    if counted:
        unit = _counted_unit(counted.group("noun").lower())
    elif _TALLY_BEFORE.search(before) or _TALLY_AFTER.match(text[end : end + 20]):
        pass
    elif second.low < first.low <= 100 and _poll_shares(text, start, end):
        unit, category = "percent", "percent"  # "ahead by 6 points (48 to 42)": the two shares of a poll
    else:
        return None
    figures = []
    for group, number in (("number", first), ("number2", second)):
        a, b = match.span(group)
        figures.append(
            _Found(start=a, end=b, low=number.low, high=number.low, qualifier="exact", unit=unit, category=category)
        )
    return figures


def _poll_shares(text: str, start: int, end: int) -> bool:
    """True when a falling pair "48 to 42" gives the shares of a poll: a range rises, a game score has a game."""
    sentence = _sentence(text, start, end)
    if _GAME_OR_MARKET.search(sentence):
        return False
    measured = re.search(r"\bpoints?\b|%|\bper\s?cent\b", sentence, re.I)
    if _POLL_WORDS.search(sentence) and (measured or _GAP_WORDS.search(sentence)):
        return True  # "ahead by 6 points (48 to 42)", "Lopez is up 48-44 in a fresh survey"
    if not measured:
        return False
    return _gap_in_poll_story(text, sentence, start, end)


def _gap_in_poll_story(text: str, sentence: str, start: int, end: int) -> bool:
    """The sentence speaks of a lead or a gap, and the text around it of polls or votes, not games or markets."""
    window = text[max(0, start - 600) : end + 600]
    return bool(_GAP_WORDS.search(sentence) and _POLL_WORDS.search(window) and not _GAME_OR_MARKET.search(window))


def _listed_after_name(text: str, match: re.Match[str], earlier: _Found) -> _Found | None:
    """ "Adams won 410 delegates, Baker 220 and Clark 96": numbers listed after names count what the first did."""
    start, end = match.span("figure")
    digits = match.group("number").strip()
    if earlier.unit is None or earlier.category == "age" or not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", digits):
        return None
    between = text[earlier.end : start]
    if len(between) > 80 or not re.fullmatch(
        r"[^.;!?\n]*(?:,|\band|\bwhile|\bwith|\bto|\bversus|\bvs\.)\s+(?:[A-Z][\w'’.-]*\s+){1,2}"
        r"(?:(?:has|had|won|got|took|with|at)\s+)?",
        between,
    ):
        return None
    if (
        _date_before(between)
        or re.match(r"^[\w%$-]", text[end : end + 1])
        or re.match(r"^\s+[a-z]+s\b", text[end : end + 20])
    ):
        return None  # "March 15", or a noun of its own
    number = parse_number(digits)
    if number is None:
        return None
    return replace(earlier, start=start, end=end, low=number.low, high=number.high, qualifier="exact")


def _listed_units(text: str, found: list[_Found]) -> list[_Found]:
    """ "40 or 50 years", "100,000, 200,000 or 250,000 refugees": numbers listed before a unit share it."""
    shared = list(found)
    for i in range(len(shared) - 2, -1, -1):
        figure, following = shared[i], shared[i + 1]
        if figure.unit is not None or following.unit is None or following.category == "age":
            continue
        if re.fullmatch(r"\s*(?:,\s*(?:or|and)?|or|and|to|–)\s*", text[figure.end : following.start]):
            category = following.category if figure.category == "other" else figure.category
            shared[i] = replace(figure, unit=following.unit, subject=following.subject, category=category)
    return shared


def _carry_over(text: str, figure: _Found, earlier: _Found) -> _Found:
    """ "a herd of 40 cattle, among them 9 calves": the sentence's counted noun carries over to the later number."""
    same_sentence = not re.search(r"[.!?]\s", text[earlier.end : figure.start])
    between = text[earlier.end : figure.start]
    if (
        earlier.unit == "percent"
        and same_sentence
        and figure.high <= 100
        and len(between) < 60
        and not re.search(r"\d", between)
        and re.search(r"[,;]|\b(?:while|whereas|but|and|compared|versus|vs)\b", between)
        and not re.search(r"\b(?:to|from|at|by|of)\s+$", between)
    ):
        # "38 percent approve, while 57 disapprove": a share in a parallel clause keeps the unit
        return replace(figure, unit="percent", category="percent", subject=None)
    if same_sentence and earlier.subject and earlier.category in COUNT_CATEGORIES and _whole(figure):
        category = earlier.category if figure.category == "other" else figure.category
        return replace(figure, unit=earlier.unit, subject=earlier.subject, category=category)
    return figure


def _counted_before(text: str, figure: _Found) -> _Found:
    """ "a commitment of 777x jets ..., down by 30 to 126": a change counts what the sentence counted."""
    if not _whole(figure):
        return figure  # "cut to 0.31": a count is a whole number
    head = _sentence(text, figure.start, figure.end)
    at = head.find(text[figure.start : figure.end])
    nouns = re.findall(r"\b([a-z]{3,}s)\b", head[: max(0, at)])
    nouns = [n for n in nouns if n not in STOP_WORDS and n not in _NOT_NOUNS and not n.endswith("ss")]
    if not nouns:
        return figure
    word = nouns[-1]
    category = "count" if figure.category == "other" else figure.category
    return replace(figure, unit=_counted_unit(word), subject=word, category=category)


def _antecedent(text: str, start: int, earlier: list[_Found]) -> _Found | None:
    """The nearest count of things before start, within the last few sentences."""
    for figure in reversed(earlier):
        if start - figure.end > 600:
            return None
        if figure.subject and figure.unit and figure.category in COUNT_CATEGORIES:
            return figure
    return None


def _whole(figure: _Found) -> bool:
    """True when a figure could count things: its numbers are whole."""
    return figure.low == int(figure.low) and figure.high == int(figure.high)


def _qualifier_of(surface: str) -> str:
    """The qualifier a figure's surface opens with, else exact."""
    for name, pattern in _QUALIFIERS:
        if re.match(rf"^(?:{pattern})\b", surface, re.I):
            return name
    return "exact"


def _read(text: str, match: re.Match[str], earlier: list[_Found] | None = None) -> _Found | None:
    """A figure from one match of the main pattern, or None when it is not a figure."""
    start, end = match.span("figure")
    qualifier = next((name for name, _ in _QUALIFIERS if match.group(f"q_{name}")), None)
    if match.group("age"):
        age = match.group("age")
        value = parse_number(re.match(r"(?:the\s+|aged\s+|ages?\s+)?([\w.,]+?)[- ]", age + " ", re.I).group(1))  # type: ignore[union-attr]
        bounds = [float(n) for n in re.findall(r"\d+", age)]
        if re.match(r"the\s+age\s+of", age, re.I):  # "after the age of 40": an age that bounds
            value = Number(bounds[0], bounds[0], False)
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
        return _Found(
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
        return None  # three capitals before a number that are no currency code: "TOP 10", "COVID 19"
    low, high = number.low, number.high
    if match.group("number2"):
        ranged = _range(text, match, low=low, high=high)
        if ranged is None:
            return None  # a score or a record: "a 4-1 win", "112-107"
        low, high, end = ranged
    digits = match.group("number")
    if _not_a_figure(text, start=start, end=end, expression=digits, money=bool(code)):
        return None
    if re.match(r"^\s+of\b", text[end : end + 6], re.I) and digits.lower() in ("one", "a"):
        return None  # "one of the few countries", "one of three forms": a pronoun, not a count
    if number.vague:
        qualifier = qualifier or "approximately"
    if digits.lower() == "decades":
        return _Found(
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
        return _Found(
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
    unit, category, subject, end, factor = _unit_after(text, end, code=code, one=one, hedged=qualifier is not None)
    kin = re.search(
        r"\b(?:(?:grand|great-grand)?(?:mother|father|parent)|mom|mum|dad|family|families|household)s?\s+of\s+$",
        text[max(0, start - 30) : start],
        re.I,
    )
    if (
        kin
        and (unit is None or subject is not None and unit != "people")
        and not code
        and low == int(low)
        and 1 < low < 30
    ):
        # "a grandmother of nine", "a family of four": the children, the members counted
        unit, category, subject, end, factor = "people", "count", None, match.end("number"), 1.0
    if (
        re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I)
        and re.match(r"^\s+of\s+(?:us|them|you)\b", text[match.end("number") : match.end("number") + 10], re.I)
        and re.fullmatch(r"two|three", digits.strip(), re.I)
    ):
        return None  # "the two of us": "both", a pronoun
    if (
        one
        and subject
        and re.match(
            r"^\s*,?\s*(?:said|says|told|tells|added|noted|wrote|explained|familiar|speaking|close)\b",
            text[end : end + 20],
        )
    ):
        return None  # "One official said": an article before a source, nothing counted
    if (
        unit is None
        and number.vague
        and re.fullmatch(r"(?:(?:tens|hundreds) of )?(?:millions|billions|trillions)", digits.lower())
    ):
        money = re.search(
            r"\b(?:spen[dt]|spends|spending|raised?|raising|costs?|costing|made|make|makes|earn(?:ed|s)?|paid|pay|"
            r"pays|worth|donat\w+|owe[sd]?|lost|lose|sav(?:e|ed|es)|fund\w*|invest\w*|collect\w*|received?)\s+"
            r"(?:(?:more than|less than|about|nearly|almost|some|over|up to)\s+)?$",
            text[max(0, start - 40) : start],
            re.I,
        )
        if money and not re.match(r"^\s+of\s+[a-z]", text[end : end + 8], re.I):
            # "they spend billions a year": money without a currency word is in dollars
            unit, category, subject, end, factor = _per(text, end, unit="USD", category="money", factor=1.0, money=True)
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
        and _RECORD_NEAR.search(text, max(0, start - 60), start)
    ):
        record = _RECORD_OF.match(text[end : end + 40])
        if record and record.group("next") and _COUNTED.match(" " + record.group("next")):
            record = None if record.group("next").lower() not in STOP_WORDS | _NOT_NOUNS else record
        whole = _RECORD_WHOLE.search(text[max(0, start - 60) : start])
        around = (max(0, start - 600), min(len(text), end + 600))
        game = _GAME_OR_MARKET.search(_sentence(text, start, end)) or (
            _GAME_OR_MARKET.search(text, *around) and not _POLL_WORDS.search(text, *around)
        )
        if (record and re.search(rf"\b{_RECORD_VERB}\s+$", text[max(0, start - 12) : start], re.I) or whole) and game:
            unit, subject = "games", "games"  # "the side has won 9 of 11", "lost three of their last six"
    if unit == "percent" and low == 100 and qualifier is None:
        adverb = re.search(
            r"\b(?:agree[ds]?|agreeing|back|backs|backed|backing|support(?:s|ed|ing)?|behind|"
            r"with (?:me|him|her|you|them|us))\b[^.;:!?\d]{0,30}$",
            text[max(0, start - 40) : start],
            re.I,
        ) and re.match(r"\s*(?:[.,!?;”\"’)]|$)", text[end : end + 2])
        sure = re.match(r"\s+(?:sure|certain|committed|confident|behind|right|correct|wrong)\b", text[end : end + 12])
        if adverb or sure:
            return None  # "we back the coach 100 percent", "100 percent sure": "entirely", no share of anything
    if unit == "times" and re.fullmatch(r"an?\s+(?:hundred|thousand|million|billion|zillion)", digits.strip(), re.I):
        return None  # "I've said it a million times": a figure of speech
    about = re.match(r"\s+or\s+so\b", text[end : end + 9], re.I)
    if unit is None and about:  # "the 100 or so delegates": approximately, and what follows is counted
        unit, category, subject, _, factor = _unit_after(text, end + about.end(), code=code, one=one)
        qualifier = qualifier or "approximately"
    if re.search(r"\bor\s+so\b", text[start:end], re.I):
        qualifier = qualifier or "approximately"
    written = text[match.end("number") : end].split()
    if one and digits.lower() in ("one", "a") and subject and written and re.fullmatch(r"[a-z]+[^s\W]s", written[-1]):
        return None  # "if one steps back", "one sector wants": a count of one takes a singular noun
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
        if determiner and not determiner.group("adjs") and re.fullmatch(r"two|three", digits.strip(), re.I):
            return None  # "as the two left the hall": "the two" is "both", a pronoun
        follows = re.match(r"^\s*(?:(?P<mark>[,.;:!?)])|(?P<word>[a-z]+)\b)", text[end : end + 16])
        word = (follows.group("word") or "") if follows else ""
        verb = bool(follows) and (not word or word in STOP_WORDS or word.endswith("ed"))  # no noun follows
        # "18 of the 30 were": a part of a whole that names no noun, both counting what was counted before
        part_of = _PART_OF_THE.match(text[end : end + 40]) if " of " in text[end : end + 9] else None
        # "she holds 310 to his 205": a tally against a rival counts what was counted before
        rival = _RIVAL.match(text[end : end + 40]) if " to " in text[end : end + 5] else None
        if (determiner and low >= 2 and verb) or part_of or rival:
            # "These 12 will open", "the chosen six are": the number counts what was counted before
            antecedent = _antecedent(text, start, earlier or [])
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
        antecedent = _antecedent(text, start, earlier or [])
        same_sentence = antecedent is not None and not re.search(r"[.!?][\"”’']?\s", text[antecedent.end : start])
        if antecedent is not None and same_sentence and start - antecedent.end < 300:
            unit, subject, category = antecedent.unit, antecedent.subject, antecedent.category
    older = re.match(r"^\s+(?:and|or)\s+(?:(?P<older>older)|over|above)\b", text[end : end + 16], re.I)
    if unit is None and older and qualifier is None and re.fullmatch(r"\d{1,2}", digits.strip()):
        group = re.search(r"\b([a-z]+)\s+$", text[max(0, start - 30) : start], re.I)
        persons = group is not None and (
            group.group(1).lower() in ("those", "people") or _counted_unit(group.group(1).lower()) == "people"
        )
        if older.group("older") or persons:  # "voters 65 and older": an age that bounds a group
            return _Found(
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
    if unit is None and not number.vague and not _counted_context(text, end):
        if not re.search(r"\d", digits) or float(low) < 10 and "." not in digits:
            return None  # a bare small number ("one of the reasons", "two sides") is not a fact
        if re.fullmatch(r"\d{4,}", digits.strip()):
            return None  # a bare long number without separators is an id, an address or a model
        if re.match(r"^-[a-zA-Z]", text[end : end + 2]):
            return None  # "a 10-game stretch", "a four-door car": a label, not a measure
    bound = re.search(
        r"\b([a-z]+)\s+(?:aged\s+)?(?:under|over|younger than|older than|below|above)\s+$",
        text[max(0, match.start("number") - 40) : match.start("number")],
        re.I,
    )
    persons = bound is not None and _counted_unit(bound.group(1).lower()) == "people"
    if unit is None and bound is not None and persons and re.fullmatch(r"\d{1,2}", digits.strip()):
        unit, category = "years", "age"  # "voters under 30": an age that bounds a group of people
        qualifier = "less_than" if re.search(r"under|younger|below", bound.group(0)) else "more_than"
    if unit is None and re.fullmatch(r"[\d,]+\.\d\d", digits.strip()) and _MARKET.search(_sentence(text, start, end)):
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
    if subject == "others" and earlier:
        # "five firms join nine others": the others are more of what was counted before
        antecedent = _antecedent(text, start, earlier)
        if antecedent is not None and start - antecedent.end < 300:
            unit, subject, category = antecedent.unit, antecedent.subject, antecedent.category
    if category is None:
        sentence = _sentence(text, start, end)
        at = text.rfind(sentence, 0, end) if sentence else start
        category = category_from_words(sentence, start - at) or ("count" if unit == "people" or subject else "other")
    return _Found(
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
        re.search(
            r"\b(from|by|rose|fell|dropped|increased|decreased|climbed|jumped)\s*$",
            text[max(0, start - 12) : start],
            re.I,
        )
        and separator == "to"
    )
    # "six or seven inquiries" is a stated range; "40 or 50 years" lists two numbers
    listed = separator == "or" and not (second is not None and second.low == high + 1 and low == int(low))
    if (
        second is None
        or change
        or listed
        or (separator == "and" and not re.match(r"between", match.group("figure"), re.I))
    ):
        cut = match.start("range_sep")
        before = cut
        while before > 0 and text[before - 1].isspace():  # the end of the first number, without copying the text
            before -= 1
        return low, high, (before if before else cut)
    # "20-30 million": the scale of the second number applies to the first
    if second.low >= 1000 > low and not re.search(SCALE, match.group("number"), re.I):
        unscaled = parse_number(re.sub(r"\s*" + SCALE + r"s?", "", match.group("number2"), flags=re.I))
        if unscaled is not None and unscaled.low:
            low *= second.low / unscaled.low
    return min(low, second.low), max(high, second.high), end


def _not_a_figure(text: str, *, start: int, end: int, expression: str, money: bool) -> bool:
    """Years, dates, times, ordinals, names, phone numbers."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    bare = expression.strip()
    if money:
        return False
    if re.fullmatch(r"(1[5-9]|20)\d\d", bare) and not re.match(r"\s*(%|percent|people|km|miles)", after, re.I):
        return True  # a year
    if _date_before(before) or _DATE_AFTER.search(after):
        return True  # "November 27", "27 November", "Dec. 5"
    if re.match(r"^(st|nd|rd|th)\b", after) or re.match(r"^\s*[-–]?(?:st|nd|rd|th)\b", after):
        return True  # an ordinal
    if re.match(r"^[:.]\d\d\b|^\s*(a\.?m\.?|p\.?m\.?)\b", after, re.I):
        return True  # a time
    if re.search(r"[A-Za-z][-/.]?\Z", before) or re.match(r"^[-/]?[A-Za-z]{1,3}\d|^[A-Za-z]\b(?![-–])", after):
        return True  # glued to a name: COVID-19, F-16, PS4, G20, ID.3
    if re.match(r"^(?:-|–)\d", after) and not re.match(r"^[-–]\d+\s*(?:[a-z%]|$)", after):
        return True  # a model: 787-9
    version = bare.endswith(".0") and re.fullmatch(r"\d{1,2}\.0", bare)
    if version and re.search(r"\b[A-Z][\w-]*\s\Z", before) and not re.match(r"\s*(?:%|per)", after):
        return True  # a version that names something: "Web 2.0", "Phantom 2.0"
    sound = len(bare) == 3 and re.fullmatch(r"\d\.\d", bare)
    if sound and re.match(r"[\s-](?:surround|channel|audio|sound)\b", after, re.I):
        return True  # a sound format: "5.1 surround", "7.1-channel audio"
    if re.match(r"^\s(?:Max|Dreamliner|Pro|Plus|Mini|Ultra|Series|Edition)\b", after):
        return True  # a model: 737 Max
    if re.match(r"^[- ]inch\s+(?:[A-Z][\w-]*\s+)*(?:MacBook|iPad|iPhone|iMac|Pixel|Galaxy|Surface|models?\b)", after):
        return True  # a screen size that names a product: "the 16-inch MacBook Pro"
    if re.search(r"\b[A-Z][A-Z&]*[A-Z]\s$", before) and not re.match(r"^\s*(%|percent|people|[a-z]{3,}s\b)", after):
        return True  # an index or a name with a number: S&P 500, FTSE 100
    if (
        re.search(r"[a-z,]\s+(?:[A-Z][a-z]+\s)+$", text[max(0, start - 40) : start])
        and re.fullmatch(r"\d{1,4}", bare)
        and not re.match(r"^\s*(%|percent|(?!news\b)[a-z]{3,}s\b|people|million|billion)", after)
    ):
        return True  # a brand's model or a named number: "Boeing 777", "Apollo 11"
    if after[:1] in "(/" and after and re.match(r"^(?:\([a-z]\)|/\d)", after):
        return True  # "a 401(k) plan", "24/7", "11/2": a name, a ratio of hours or a date
    if before.endswith(" of ") and re.search(r"\bthe\s+[A-Z][a-z]+\s+of\s\Z", text[max(0, start - 24) : start]):
        return True  # "the Council of 12": a name
    if re.search(
        r"\b(Route|Highway|Interstate|Article|Section|Chapter|Resolution|Flight|No\.|Number|Room|"
        r"Apollo|Windows|iPhone|Galaxy|Season|Episode|Level|Phase|Version|Model|Type|Page|Vol\.|NBC|CBS|ABC|Week|Game|"
        r"Stage|Round|Group|Gate|Terminal|Platform|Track|Lot|Unit|Suite|Ward|District|Fortune|Forbes|Russell)\s*$",
        before,
    ):
        return True
    if re.match(r"^[\s-]*\d{3}[\s-]\d{4}", after) or re.search(r"\(\d{3}\)\s*$", before):
        return True  # a phone number
    if re.search(r"\b(?:call(?:ed|s|ing)?|dial(?:l?ed|s|ing)?)\s+$", before, re.I) and re.fullmatch(r"\d{3}", bare):
        return True  # "dialled 999": an emergency number
    if re.match(r"^/\d{3,}", after):
        return True  # a reference code such as a DOI prefix: "10.1234/567-8"
    if re.match(r"^-(largest|biggest|most|highest|lowest|oldest|longest|seeded|ranked|pointer)", after, re.I):
        return True
    instrument = re.match(r"^[- ](?:years?|months?|weeks?|days?)\b", after, re.I)
    if instrument and _INSTRUMENTS.match(text, end + instrument.end()):
        return True  # "10-year notes", "three-month aluminum": the tenor names the instrument
    if re.match(r"^-(members?|pages?|person|story|storey|seat|man|strong|game|match)\b(?!-old)", after, re.I):
        return True  # a label made of a number: "12-member panel", "two-class layout"
    if re.match(r"^-point\b", after, re.I) and not re.match(rf"-point\s+{_POINT_GAPS}", text[end : end + 30], re.I):
        return True  # "a 10-point plan" is a label; "a 10-point lead" measures a gap
    if bare.lower() in ORDINAL_WORDS:
        return True
    if before[-1:] in "\"“‘" and before and bare.isalpha() and re.match(r"^(?:[\s-]+[\w'’-]+){1,2}[\"”’]", after):
        return True  # a number word opening a short quoted nickname: the "fab four", "big five"
    wider = text[max(0, start - 24) : start]
    ranked = re.search(r"(?:^|\b(?:the|a|its|their|of|in)\s+|['’]s\s+)(?:top|bottom)\s$", wider, re.I)
    if ranked and not re.match(r"\s*(?:%|percent|per cent)", after, re.I):  # "the top 1 percent" is a share
        return True  # a ranking: "the top 10 hazards"
    opening = not before.strip() or before.rstrip()[-1] in ".!?\n:"
    if re.fullmatch(r"[A-Z][a-z]+", bare) and not opening and re.match(r"^[\s-][A-Z]", after):
        return True  # a capitalised number word inside a name: "our One Home Depot plan"
    if (
        bare.lower() == "one"
        and re.match(r"\s+(?:point|time|stage)\b", after, re.I)
        and re.search(r"\bat\s$", wider, re.I)
    ):
        return True  # "at one point", "at one time": a moment, not a count
    if (
        bare.lower() == "one"
        and re.match(r"\s+(?:day|night|morning|evening|afternoon)\b", after)
        and not re.match(r"\s+\w+\s+(?:later|after|before|earlier|ago|of|long)\b", text[end : end + 24])
        and (opening or re.search(r"(?:,|\b(?:and|but|then|until|since|that))\s$", wider, re.I))
    ):
        return True  # "One day he will run", "and one night the power failed": a moment, not a span
    if bare.lower() == "one" and re.search(r"\b(?:the|no|if|when|as|according to)\s$", wider, re.I):
        return True  # "the one sign", "no one", "if one steps back", "according to one estimate"
    if (
        bare.lower() == "one"
        and re.search(r"\b(?:by|in|on)\s$", wider, re.I)
        and re.match(r"\s+(?:count|estimate|measure|account|reckoning|tally|calculation|analysis|view)\b", after, re.I)
    ):
        return True  # "by one count", "on one estimate": a source, nothing counted
    if bare.lower() == "decades" and re.search(r"\b(?:recent|past|last|coming|few|many)\s$", wider, re.I):
        return True  # "in recent decades": a time reference, not a stated duration
    return False


def _unit_after(
    text: str, end: int, *, code: str | None, one: bool, hedged: bool = False
) -> tuple[str | None, str | None, str | None, int, float]:
    """Unit, category, subject, where the figure ends and the factor on its value."""
    if code:
        return _per(text, end, unit=code, category="money", factor=1.0, money=True)
    rest = text[end : end + 60]
    if _POINTS.match(rest):
        return "percentage_points", "percent", None, end + _POINTS.match(rest).end(), 1.0  # type: ignore[union-attr]
    percent = _PERCENT[0][0].match(rest)
    if percent:
        return "percent", "percent", None, end + percent.end(), 1.0
    if re.match(r"^[\s-]+mark\b", rest):  # "passed the 300 mark": a threshold, not a currency
        return None, None, None, end, 1.0
    named = currency_after(text, end)
    if named:
        code, factor, money_end = named
        return _per(text, money_end, unit=code, category="money", factor=factor, money=True)
    measure = measure_after(text, end)
    if measure is not None:
        if measure.unit == "years" and re.match(r"^\s*old\b", text[measure.end : measure.end + 5]):
            return "years", "age", None, measure.end + len(re.match(r"^\s*old", text[measure.end :]).group(0)), 1.0  # type: ignore[union-attr]
        if measure.category == "duration" and re.match(r"^[\s-]*(?:old)\b", text[measure.end : measure.end + 5]):
            return measure.unit, "age", None, measure.end, measure.factor
        return _per(text, measure.end, unit=measure.unit, category=measure.category, factor=measure.factor, money=False)
    for word, unit, category in (
        ("points", "points", None),
        ("point", "points", None),
        ("times", "times", "other"),
        ("fold", "times", "other"),
        ("fps", "fps", "other"),
        ("mpg", "mpg", "other"),
    ):
        hit = re.match(rf"^(?:\s*|-(?=points?\b|fold\b)){word}\b", rest, re.I)
        if hit:
            if unit == "points":
                return _per(
                    text, end + hit.end(), unit="points", category=None, factor=1.0, money=False, subject="points"
                )
            return unit, category, None, end + hit.end(), 1.0
    if re.match(r"^\s*of\s+(them|whom|us|you)\b", rest, re.I):
        return "people", None, None, end, 1.0
    # "two of our best branches": some of a set named after a possessive count the set's noun
    counted = re.match(r"^\s*(?:of\s+(?:our|their|its|his|her|my|your)\s+|(?:of\s+)?(?:(?:the|these|those)\s+)?)", rest)
    offset = counted.end() if counted else 0
    noun = _COUNTED.match(rest[offset:])
    if noun and _proper_modifier(noun.group("noun"), rest[offset + noun.end() :]):
        noun = None  # "five Dallas police officers": a place names the officers, it is not what is counted
    part = re.match(r"^\s+(?:out\s+)?of\s+(?:(?:the|its|his|her|their|our|my|your|these|those)\s+)?", rest, re.I)
    if part:
        whole = re.match(
            rf"(?:[\w-]+(?:['’]s)?\s+)?(?:{DIGITS}|{WORD_NUMBER})\s+(?P<noun>{_PLURAL})\b", rest[part.end() :], re.I
        )
        if whole and whole.group("noun").lower() not in _NOT_NOUNS | STOP_WORDS:
            # "23 of its 29 delegates": the part counts what the whole counts; the whole is its own figure
            word = whole.group("noun").lower()
            return _counted_unit(word, whole.group("noun")), None, word, end, 1.0
    if noun and noun.group("noun").lower() not in _NOT_NOUNS and parse_number(noun.group("noun")) is None:
        word = noun.group("noun").lower()
        adjectives = noun.group("adjs").split()
        numeric = any(re.fullmatch(r"[\d.,]+", a) or parse_number(a) is not None for a in adjectives)
        if not (numeric or any(a.lower() in _FUNCTION_WORDS for a in adjectives)):
            unit = _counted_unit(word, noun.group("noun"))
            return _per(
                text, end + offset + noun.end(), unit=unit, category=None, factor=1.0, money=False, subject=word
            )
    if re.match(r"^\s*(dead|killed|injured|wounded|displaced)\b", rest, re.I):
        return "people", None, None, end, 1.0
    if one:
        one_noun = _noun_after_one(rest, hedged=hedged)
        if one_noun:
            word, stop = one_noun
            word = _plural(word)  # "one toilet", "one out-of-county warrant": counted in the plural
            person = word in ("mans", "womans", "persons", "childs") or _counted_unit(word) == "people"
            return ("people" if person else word), None, word, end + stop, 1.0
    # "30 Boeing 787-9 jets": names and models between the number and what it counts
    ahead = re.match(
        r"^\s+(?:of\s+(?:the\s+)?)?((?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w-]*|\d[\w-]*|['’]s)\s+){1,4}(?P<noun>"
        + _PLURAL
        + "|"
        + _IRREGULAR_PLURALS
        + r")\b",
        rest,
    )
    if ahead and ahead.group("noun").lower() not in _NOT_NOUNS:
        word = ahead.group("noun").lower()
        return _counted_unit(word, ahead.group("noun")), None, word, end, 1.0
    return None, None, None, end, 1.0


def _proper_modifier(word: str, rest: str) -> bool:
    """True when a capitalised word ending in s modifies a plural noun after it ("Dallas police")."""
    if not word[:1].isupper() or word.isupper():
        return False
    after = re.match(rf"\s+(?P<next>{_IRREGULAR_PLURALS}|{_PLURAL})\b", rest)
    return bool(after) and after.group("next").lower() not in STOP_WORDS | _NOT_NOUNS  # type: ignore[union-attr]


# Nouns of persons by their form: agent nouns ("painters", "donors", "economists", "musicians",
# "millionaires", "bureaucrats", "trainees") and, capitalised, members of a nation or party
# ("Republicans", "Israelis"). Things and firms with the same endings are a general stop list.
_PERSON_FORM = re.compile(
    r"[a-z]{3,}(?:er|or)s|[a-z]{2,}(?<!s)ists|[a-z]{2,}(?:ian|crat|aire|ee)s|(?-i:[A-Z][a-z]{2,}(?:an|i)s)", re.I
)
_NOT_PERSONS = frozenset(
    """others numbers letters papers orders layers centers centres meters metres filters towers quarters headquarters
    matters chapters borders corridors parameters characters barriers containers computers servers routers
    printers trailers scooters stickers posters lockers burgers dinners waters powers rivers flowers answers
    offers covers fingers corners shelters chargers boosters turnovers leftovers blockbusters pointers clusters
    geysers monsters thrillers sliders spiders lasers radars transfers transformers controllers
    speakers headphones trackers tickers cylinders rollers boilers heaters coolers jumpers sweaters
    sensors motors factors sectors vectors doors floors colors colours errors monitors processors reactors
    indicators mirrors tractors elevators calculators generators radiators accelerators transistors
    connectors detectors capacitors corridors tumors tumours rumors rumours favors flavors honors horrors
    lists twists wrists fists mists degrees fees trees knees committees guarantees bees coffees
    retailers manufacturers carriers lenders providers suppliers insurers producers exporters importers
    operators distributors brokers publishers broadcasters sponsors vendors competitors partners makers
    automakers carmakers chipmakers drugmakers developers chambers superpowers registers counters ledgers
    winters summers""".split()
)


def _counted_unit(word: str, written: str | None = None) -> str:
    """The unit of a count of a plural noun: people for persons ("voters", "congressmen"), else the noun."""
    if word in _PEOPLE or re.search(r"(?:men|children)$", word):
        return "people"
    if word not in _NOT_PERSONS and not word.endswith("makers") and _PERSON_FORM.fullmatch(written or word):
        return "people"
    return word


def _plural(word: str) -> str:
    """The regular English plural of a noun: toilet -> toilets, country -> countries, stretch -> stretches."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _noun_after_one(rest: str, *, hedged: bool = False) -> tuple[str, int] | None:
    """The singular noun a count of one counts ("one toilet", "one legal expert"), and where it ends.

    "one night" or "one day" alone is a moment ("one night in June"); hedged ("more than one night")
    it is a count."""
    run = re.match(r"^\s+(?:[a-z][\w-]*-[\w-]+\s+)?(?P<first>[a-z]{3,})\b(?:\s+(?P<second>[a-z]{3,})\b)?", rest)
    if not run:
        return None
    first, second = run.group("first"), run.group("second")
    adjective = re.search(r"(?:al|ful|ous|ive|ic|y|able|ible)$", first) and not first.endswith(("ly", "ary", "ty"))
    if adjective and not second:
        return None  # "one available to anyone": an adjective used as a pronoun, nothing counted
    candidates = [("second", second), ("first", first)] if second and adjective else [("first", first)]
    for group, word in candidates:
        if (
            word
            and word not in _NOT_NOUNS | STOP_WORDS
            and (hedged and word not in ("of", "and", "or", "but", "thing") or word not in _FUNCTION_AFTER_ONE)
            and not word.endswith(("ly", "ing", "ed", "er", "est"))
            and word not in ("long", "short", "big", "small", "new", "old", "good", "bad", "high", "low")
            and not (word.endswith("s") and not word.endswith("ss"))
        ):
            return word, run.end(group)
    return None


def _per(
    text: str,
    end: int,
    *,
    unit: str,
    category: str | None,
    factor: float,
    money: bool,
    subject: str | None = None,
) -> tuple[str | None, str | None, str | None, int, float]:
    """A compound unit when "per X" / "a X" follows: "$60 a barrel" USD/barrel, "points per game"."""
    pattern = (
        r"^\s+(?:per(?:\s+(?:diluted|adjusted|basic))?|a|an|each)\s+(?P<den>[a-z]+)\b"
        if money
        else r"^\s+per\s+(?P<den>[a-z]+)\b"
    )
    per = re.match(pattern, text[end : end + 30], re.I) or re.match(
        r"^-(?:a|an|per)-(?P<den>[a-z]+)\b", text[end : end + 20]
    )
    rate = re.match(r"^[\s-]+(?P<den>annual|yearly|monthly|weekly|daily|hourly)(?:ly)?\b", text[end : end + 14], re.I)
    if money and rate and not per:  # "a $69.99 annual subscription": money per year
        periods = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}
        period = periods.get(rate.group("den").lower(), "hour")
        return f"{unit}/{period}", category, subject, end + rate.end(), factor
    if per and unit not in ("percent", "percentage_points"):
        denominator = per.group("den").lower()
        following = text[end + per.end() : end + per.end() + 12]
        is_time = denominator in ("year", "month", "week", "day", "hour", "quarter", "decade")
        if (
            (denominator not in STOP_WORDS or is_time)  # "$2,000 a year"
            and denominator not in ("cent", "capita", "cents")
            and not (is_time and re.match(r"^\s*(?:ago|earlier|before|after|later|from|prior)\b", following))
            and not (is_time and not money and re.match(r"^\s+a\b|^\s+an\b", per.group(0)))
        ):
            singular = denominator[:-1] if denominator.endswith("s") and not denominator.endswith("ss") else denominator
            measured = measure_of(singular)
            economy = _FUEL_ECONOMY.get((unit, measured[0] if measured else singular))
            if economy:  # "40 miles per gallon": fuel economy has its own short label
                return economy, "other", subject, end + per.end(), factor
            return f"{unit}/{singular}", category, subject, end + per.end(), factor
    return unit, category, subject, end, factor


def _counted_context(text: str, end: int) -> bool:
    """True when what follows makes a bare number a count ("of them", "were", "people")."""
    return bool(re.match(r"^\s*(of them|of whom|were|have been|had been|people)\b", text[end : end + 20], re.I))


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): split at a period before a capital, or a line break."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 400), start)]
    sentence_start = breaks[-1] if breaks else max(0, start - 400)
    limit = min(len(text), end + 400)  # as far as it looks back: a text without breaks costs no more
    after = _SENTENCE_BREAK.search(text, end, limit)
    return text[sentence_start : after.start() + 1 if after else limit]


# "~4x as efficient", "2-3x", "between ~2x and ~6x": a ratio written with "x"
_X_RATIO = re.compile(
    r"(?<![\w.~/-])(?P<figure>(?:between\s+)?(?P<approx>~)?(?P<a>\d{1,2}(?:\.\d+)?)x?"
    r"(?:\s*(?:-|–|to|and)\s*~?(?P<b>\d{1,2}(?:\.\d+)?))?x)(?![\w-])(?=\s+[a-z])"
)
# "in her late 30s": an age given by its decade, early (N to N+3), mid (N+3 to N+7) or late (N+7 to N+9)
_DECADE_AGE = re.compile(
    r"\b(?:in|into)\s+(?:his|her|their|my|your|our)\s+(?P<figure>(?P<part>early|mid|late)[- ]?(?P<n>[2-9]0)['’]?s)\b",
    re.I,
)
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 7), "late": (7, 9)}


def _ratios_and_decades(text: str, taken: _Spans, *, ratios: bool) -> list[_Found]:
    """Ratios written with "x" ("~9x as large") and ages given by a decade ("in her late 40s")."""
    found: list[_Found] = []
    for match in _X_RATIO.finditer(text) if ratios else ():
        start, end = _hedged(text, *match.span("figure"))
        if not _free(taken, start, end):
            continue
        low = float(match.group("a"))
        high = float(match.group("b")) if match.group("b") else low
        if high < low:
            continue  # "3-1x": no range
        qualifier = _qualifier_of(text[start:end])
        approximate = match.group("approx") or "~" in match.group("figure")
        qualifier = "approximately" if qualifier == "exact" and approximate else qualifier
        found.append(
            _Found(start=start, end=end, low=low, high=high, qualifier=qualifier, unit="times", category="other")
        )
        taken.append((start, end))
    for match in _DECADE_AGE.finditer(text) if "0s" in text or "0's" in text or "0’s" in text else ():
        start, end = match.span("figure")
        if _free(taken, start, end):
            first, last = _DECADE_PARTS[match.group("part").lower()]
            decade = int(match.group("n"))
            found.append(
                _Found(
                    start=start,
                    end=end,
                    low=decade + first,
                    high=decade + last,
                    qualifier="approximately",
                    unit="years",
                    category="age",
                )
            )
            taken.append((start, end))
    return found


def _share_figures(text: str, taken: _Spans) -> list[_Found]:
    """Fractions of a point, "a few percent", shares in words and single periods ("nearly a year")."""
    found: list[_Found] = []
    lowered = text.lower()
    for match in _TWICE.finditer(text) if "twice" in lowered else ():
        start, end = _hedged(text, *match.span("figure"))
        if _free(taken, start, end):  # "twice as large": a ratio of 2
            found.append(
                _Found(
                    start=start,
                    end=end,
                    low=2,
                    high=2,
                    qualifier=_qualifier_of(text[start:end]),
                    unit="times",
                    category="other",
                )
            )
            taken.append((start, end))
    for match in _TWICE_OVER.finditer(text) if "twice" in lowered or "thrice" in lowered else ():
        start, end = _hedged(text, *match.span("figure"))
        value = 2 if match.group("figure").lower() == "twice" else 3
        if re.search(r"\b(?:think|thinks|thought|thinking|once\s+or)\s+$", text[max(0, start - 10) : start], re.I):
            continue  # "think twice": an idiom; "once or twice": a few times, like "a couple"
        if _GAME_OR_MARKET.search(_sentence(text, start, end)):
            continue  # "scored twice": goals or points, which a game story counts by their own noun
        if _free(taken, start, end):
            found.append(
                _Found(
                    start=start,
                    end=end,
                    low=value,
                    high=value,
                    qualifier=_qualifier_of(text[start:end]),
                    unit="times",
                    category="count",
                )
            )
            taken.append((start, end))
    for match in _FEW_PERCENT.finditer(text):
        start, end = match.span("figure")
        if _free(taken, start, end):
            found.append(
                _Found(
                    start=start, end=end, low=2, high=4, qualifier="approximately", unit="percent", category="percent"
                )
            )
            taken.append((start, end))
    for match in _ONE_PERIOD.finditer(text):
        start, end = match.span("figure")
        if not _free(taken, start, end):
            continue
        if re.match(r"\s+ago\b", text[end : end + 5], re.I):
            continue  # "just a month ago": a relative time reference, not a stated duration
        value, unit = _PERIODS[match.group("period").lower()]
        found.append(
            _Found(
                start=start,
                end=end,
                low=value,
                high=value,
                qualifier=_qualifier_of(match.group("figure")),
                unit=unit,
                category="duration",
            )
        )
        taken.append((start, end))
    for match in _HALF_PERIOD.finditer(text) if "half" in lowered else ():
        start, end = _hedged(text, *match.span("figure"))
        value, unit = _HALF_PERIODS[match.group("period").lower()]
        if _free(taken, start, end) and not re.match(r"\s+(?:ago|earlier|before|later)\b", text[end : end + 9], re.I):
            found.append(
                _Found(
                    start=start,
                    end=end,
                    low=value,
                    high=value,
                    qualifier=_qualifier_of(text[start:end]),
                    unit=unit,
                    category="duration",
                )
            )
            taken.append((start, end))
    for match in _A_PERIOD.finditer(text):
        start, end = match.span("figure")
        after = text[end : end + 12]
        after_for = re.search(r"\bfor\s+$", text[max(0, start - 6) : start], re.I)
        if not (match.group("of") or match.group("silence") or after_for) or not _free(taken, start, end):
            continue
        if re.search(r"\b(?:once|twice|thrice|times|per|each|every)\s+$", text[max(0, start - 8) : start], re.I):
            continue  # "once a year": a rate, not a span
        if after_for and re.match(r"\s+(?:ago|or|when|that|which|before|after|later|now)\b", after, re.I):
            continue  # "for a week or so", "hoping for a day when": no stated span
        value, unit = _PERIODS[match.group("period").lower()]
        found.append(
            _Found(start=start, end=end, low=value, high=value, qualifier="exact", unit=unit, category="duration")
        )
        taken.append((start, end))
    return found


def _change(text: str, start: int, end: int) -> str | None:
    """up / down when the words around say the quantity rose or fell by the figure."""
    before = text[max(0, start - 40) : start].lower()
    verb = re.search(r"([a-z]+)(?:\s+(?:by|of))?\s+$", before)
    if verb:
        word = verb.group(1)
        particle = re.search(r"\b([a-z]+)\s+(?:up|down)\s+$", before)
        if (
            word in ("up", "down")
            and particle
            and (
                particle.group(1).endswith("ed") or particle.group(1) in ("pay", "pony", "ante", "sign", "set", "back")
            )
        ):
            return None  # "anted up $129", "paid down": a phrasal verb, not a change
        if word in RISE_WORDS and word not in ("lower", "higher"):
            return "up"
        if word in FALL_WORDS and word not in ("lower", "higher"):
            return "down"
        # "cut its workforce by 200", "reduced the spacecraft mass by a third": the verb before "by"
        words = re.findall(r"[a-z'’]+", before)
        if words and words[-1] == "by":
            for earlier in reversed(words[-6:-1]):
                if earlier in RISE_WORDS and earlier not in ("lower", "higher", "up"):
                    return "up"
                if earlier in FALL_WORDS and earlier not in ("lower", "higher", "down"):
                    return "down"
    after = re.match(r"^[\s-]*([a-z]+)\b", text[end : end + 16].lower())
    if after and (start == 0 or not re.search(r"\b(?:to|from|at)\s+$", before)):
        if after.group(1) in ("rise", "increase", "gain", "jump", "hike", "boost", "surge", "growth", "climb"):
            return "up"
        if after.group(1) in (
            "drop",
            "decline",
            "fall",
            "cut",
            "loss",
            "decrease",
            "reduction",
            "slump",
            "dip",
            "plunge",
            "slide",
        ):
            return "down"
    return None


def _to_record(*, article_id: str, text: str, found: _Found) -> Figure:
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
        change=_change(text, start, end),
    )


__all__ = ["VERSION", "Number", "extract_figures"]
