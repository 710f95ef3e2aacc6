"""Figures of a special form, each found by its own pattern before the main reading: ages after a person
("The president, 70,"), halves ("a year and a half", "half an hour"), periods ("nearly a year", "a
half-century"), "twice", ratios ("~4x"), ages by decade ("in her late 40s"), mixed numbers ("2-1/2 years")
and bond prices in 32nds."""

from __future__ import annotations

import re

from transforms.figure_context import GAME_OR_MARKET
from transforms.figure_qualifiers import ANY_QUALIFIER, hedged, qualifier_of
from transforms.figure_spans import Found, Spans, free, sentence_around
from transforms.figure_units import counted_unit, plural
from transforms.numbers import WORD_NUMBER, parse_number
from transforms.units import measure_after, measure_of

_ONE_PERIOD = re.compile(
    r"(?<![\w])(?P<figure>(?:nearly|almost|about|around|roughly|more than|over|just over|less than|under|"
    r"just under|at least|up to|just|only|barely)\s+an?\s+(?P<period>decade|year|month|week|day|hour|century|mile|"
    r"kilometer|kilometre))(?![\w-])",
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
    "mile": (1, "miles"),  # "for more than a mile": a hedged distance, as a hedged period is a span
    "kilometer": (1, "km"),
    "kilometre": (1, "km"),
}
# "ended a month of touring", "a minute's pause", "has run for a decade": a period with an article measures a
# span when "of" and what filled it follow, or "for" comes before; "a year ago", "once a year" stay out
_A_PERIOD = re.compile(
    r"(?P<figure>[aA](?<![\w-][aA])n?\s+(?P<period>decade|century|year|month|week|day|hour|minute))"
    r"(?:(?P<silence>(?:['’]s)?\s+silence\b)|(?P<possessive>['’]s(?=\s+(?:delay|wait|struggle|absence|stay|journey|trip|vacation|holiday|leave|break|hiatus|"
    r"search|campaign|fight|war|effort|drive|walk|march|ride|flight|sail)\b))"
    r"|(?![\w'’-])(?P<of>\s+of\s+(?!age\b|the\s+(?:week|month|year)\b)[a-z])?)",
    re.I,
)
# what comes before a period with an article that makes it a span: "for", "within" (at most the period) or a verb
# that spends time ("took a year", "served a decade", "waited a month")
# what may follow a period spent: the end of the clause or a word that starts another phrase
_AFTER_A_SPAN = re.compile(
    r"\s*(?:[,.;:!?)\"”’]|\Z)|\s+(?:in|on|at|to|for|as|with|of|before|after|and|or|but|while|from|until|since|"
    r"behind|away|there|here|abroad|longer|more|or\s+so)\b",
    re.I,
)
_SPENDS_A_PERIOD = re.compile(
    r"\b(?:for|within|spen[dt]s?|spending|took|takes?|taking|taken|last(?:s|ed)?|lasting|wait(?:s|ed)?|waiting|"
    r"serv(?:e|es|ed)|serving)\s+\Z",
    re.I,
)
# "a half-century" (50 years), "a half-hour ride" (30 minutes), "a quarter-century" (25 years): part of a
# period, in the unit news gives it
_HALF_PERIOD = re.compile(
    r"(?<![\w-])(?P<figure>an?\s+(?P<part>half|quarter)[- ](?P<period>century|decade|year|hour|minute))(?![\w-])",
    re.I,
)
# "a decade-long fight", "a day-long lap", "the century-old church", "a quarter-century-old pact": one period (or a
# part of one) as an adjective, a duration
_PERIOD_LONG = re.compile(
    r"(?<![\w-])(?P<figure>(?:(?P<part>quarter|half)-)?(?:(?P<period>decade|century|year|month|week)-(?:long|old)|"
    r"(?P<short>day|hour)-long))(?![\w-])",
    re.I,
)
_PERIOD_PARTS = {None: 1.0, "quarter": 0.25, "half": 0.5}
# "it took a year or more", "a decade or longer": at least one period
_A_PERIOD_OR_MORE = re.compile(
    r"(?<![\w-])(?P<figure>an?\s+(?P<period>decade|century|year|month|week|day|hour)\s+or\s+(?:more|longer))\b", re.I
)
# (part, period) -> (value, unit): half or a quarter of a period, in the unit news gives it
_PART_PERIODS = {
    ("half", "century"): (50, "years"),
    ("half", "decade"): (5, "years"),
    ("half", "year"): (6, "months"),
    ("half", "hour"): (30, "minutes"),
    ("half", "minute"): (30, "seconds"),
    ("quarter", "century"): (25, "years"),
    ("quarter", "year"): (3, "months"),
    ("quarter", "hour"): (15, "minutes"),
}
# "Elizabeth A. Burton, 32, of Columbus": an age set off by commas after a name
_AGE_AFTER_NAME = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][\w'’-]+,? (?:(?:Jr|Sr)\.?,? )?(?P<age>[1-9]\d),?\s+"
    r"(?=of |from |who |and |was |is |had |has )"
    r"|\b[A-Z][a-z]+ [A-Z][\w'’-]+,? (?:(?:Jr|Sr)\.?,? )?(?P<age2>[1-9]\d),\s+"
    r"(?=of |from |who |and |was |is |had |has )"
    r"|\b[A-Z][\w'’-]+, (?P<age3>[1-9]\d)(?:,| [–—])\s+(?=[a-z]|[A-Z][\w'’-]+\s+(?:said|says|told|added|asked)\b)"
    r"|\bAt (?P<age4>[1-9]\d), (?=he |she |they |I )"
    # "At 45, Ann Lee is the youngest": an age said before a name (a title or two capitalised words: "At 45, Exxon
    # is a bargain" is a price)
    r"|\bAt (?P<age13>1[3-9]|[2-9]\d), (?=(?:(?:Mr|Mrs|Ms|Dr)\. [A-Z][\w'’-]+|"
    r"(?!(?:The|This|That|These|Those|It|Its|There|A|An|In|On|At|For)\b)[A-Z][a-z]+ [A-Z][\w'’-]+) "
    r"(?:is|was|has|had|became|becomes|remains|said|says)\b)"
    # "the senator, who is 74,", "who turns 70 next month": an age in a relative clause
    r"|\bwho(?:\s+(?:is|was|turns|turned|will\s+turn|would\s+turn|will\s+be|would\s+be|had\s+turned))\s+"
    r"(?P<age5>[1-9]\d)(?=\s*[,.;:!?)\u2014\u2013]|\s+(?:and|but|when|while|on|in|next|this|last|later|soon)\b)"
    # "since he was 35, ...", "when she turned 40 in May", "Lee turns 70 next month": a person's age after a verb
    r"|\b(?:(?:[Hh]e|[Ss]he|I|[Tt]hey|[Ww]e)\s+(?:already\s+|only\s+|just\s+|still\s+)?"
    r"(?:was|is|turned|turns|had\s+turned|will\s+turn|would\s+turn)(?:\s+(?:only|just|barely|around|about))?"
    r"|[A-Z][a-z]+\s+(?:turned|turns))\s+"
    r"(?P<age6>[1-9]\d?)(?=\s*[,.;:!?)\u2014\u2013]|\s+(?:and|but|when|while|on|in|next|this|last|later|soon|at\s+the\s+time)\b)"
    # "His uncle died at 57." (not "died at 4:30 a.m.", "died at 3 in the afternoon")
    r"|\bdied\s+at\s+(?P<age12>[1-9]\d?)(?=\s*[,;!?)]|\.(?!\d)|\s+(?:after|of|from|following|when|while)\b)"
    # "I'm 68, and ...", "when you're 45.": a speaker's or a person's age said of themselves
    r"|\b(?:I['’]m|I\s+am|[Yy]ou['’]re|[Ww]e['’]re|[Tt]hey['’]re|[Hh]e['’]s|[Ss]he['’]s)\s+"
    r"(?P<age7>[1-9]\d)(?=\s*[,.;:!?)\u2014\u2013](?!\s*\d)|\s+(?:and|but|now|when|next|this)\b(?!\s+(?:\d|zero|one|two|three|"
    r"four|five|six|seven|eight|nine|ten)\b))"  # "We're 10 and 2 this season": a record, no age
    # "said Lee Park, 52." ; "Ms. Ortiz, then 29,": an age after a name at the end of a clause
    r"|\b(?:said|says|added|recalled|explained|asked)\s+(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+,\s+"
    r"(?P<age8>[1-9]\d)(?=\s*[.;:!?]|,\s+(?:who|a|an|the|of|from)\b)"
    r"|\b[A-Z][\w'’-]+,\s+(?:then|now)\s+(?P<age9>[1-9]\d)(?=\s*[,.;:!?)]|\s+and\s)"
    # "Justice Lee will be 77": a person's age to come
    r"|\b(?:[Hh]e|[Ss]he|I|(?:Justice|Judge|Sen\.|Gov\.|Rep\.|President|Mr\.|Mrs\.|Ms\.)\s+[A-Z][\w'’-]+)\s+"
    r"(?:will|would)\s+(?:be|turn)\s+(?P<age10>[1-9]\d)(?=\s*[,.;:!?]|\s+(?:in|on|next|this|when|by)\b)"
    # "... retired in 2019 and will turn 36 in March": the subject said before "and" ("turn" only: "and will be
    # 12 in all" may count anything)
    r"|\band\s+(?:will|would)\s+turn\s+(?P<age14>[1-9]\d)(?=\s*[,.;:!?]|\s+(?:in|on|next|this|when|by)\b)"
)
# "Lee, at 63 the oldest,": an age as a rank by age (a pattern of its own: in the alternation above it slowed
# every search threefold)
_AGE_RANK = re.compile(r",\s+at\s+(?P<age>[1-9]\d),?\s+(?:the\s+)?(?=(?:oldest|youngest)\b)")
# "The youngest was 14 and the oldest 68", "the youngest of the dead was 18": the ages that bound a group
_YOUNGEST_WAS = re.compile(
    r"\b[Tt]he\s+(?:youngest|oldest)(?:\s+of\s+(?:the|them|those)(?:\s+[a-z]+)?|\s+(?:victim|child|person|one))?"
    r"(?:\s+(?:was|is|were))?\s+(?P<age>[1-9]\d?)(?=\s*[,.;:!?)]|\s+(?:and|when|at|years?)\b)"
)
# "Ms. Lee was 12 when", "Ms. Lee was 45 at the time", "Ann Lee was 12 when her ...": a person said to be N then;
# the verb and the number are looked for first, the name before them after
_AGE_THEN = re.compile(r"\b(?:was|were)\s+(?:only\s+|just\s+)?(?P<age>[1-9]\d?)(?=\s+(?:when|at\s+the\s+time)\b)")
_TITLE_BEFORE_AGE_THEN = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.\s+[A-Z][\w'’-]+\s+\Z")
_NAME_BEFORE_AGE_THEN = re.compile(
    r"\b(?!(?:The|This|That|A|An|Its|Their|His|Her|Our|In|On|At)\s)[A-Z][a-z]+\s+[A-Z][\w'’-]+\s+\Z"
)
# after a full name without a title, the clause must speak of a person: "Ann Lee was 12 when her father died"
# ("Kansas City was 21 when the quarter began" is a score)
_PERSON_WHEN = re.compile(r"\s+when\s+(?:he|she|his|her|I|my|they|their)\b")
# a caption or a list of victims: a name and an age alone on a line ("Maria Lopez, 58"), the surname told of
# after it (not "New York, 29", electoral votes)
_NAME_AGE_LINE = re.compile(r"(?m)^(?:[A-Z][\w'’.-]+ ){1,3}(?P<surname>[A-Z][\w'’-]+), (?P<age>[1-9]\d)\.?[ \t]*$")
# a list of persons and their ages after a word of kin or of persons: "five children: Ann, 38; Bob, 34; and Cy, 9"
# (a suffix may stand before the age: "Ann Lee, Jr., 38;"; the last item ends the list: "; and Cy, 9.")
_AGED_LIST_ITEM = re.compile(
    r"\b[A-Z][\w'’-]+(?:,? (?:Jr|Sr)\.)?, (?P<age>[1-9]\d)(?=;\s+(?:and\s+)?[A-Z])"
    r"|;\s+and\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+(?:,? (?:Jr|Sr)\.)?, (?P<last>[1-9]\d?)(?=[.;,]|\s*$)"
)
# "volunteers as young as 17 and as old as 80": the youngest and the oldest of a group of persons
_AS_OLD_AS = re.compile(
    r"\b[Aa]s\s+(?P<side>young|old)\s+as\s+(?P<age>[1-9]\d?)\b(?![\d,.]\d|\s*(?:%|percent|years?\s+ago))"
)
# "the average age of its members was 44", "a median age of 38": an age of a group
_AVERAGE_AGE = re.compile(
    r"\b(?:average|median|mean)\s+age\b[^.;!?\d]{0,60}?\b(?:was|is|were|are|of|at|to|hit|reached)\s+"
    r"(?:about\s+|nearly\s+|almost\s+|roughly\s+|around\s+)?(?P<age>[1-9]\d(?:\.\d)?)\b"
    r"(?![\d,%-]|\s*(?:percent|per\s+cent)|\s+(?!years?\b)[a-z]+s\b)",
    re.I,
)
_PERSONS_LISTED = re.compile(
    r"\b(?:children|sons|daughters|kids|grandchildren|siblings|brothers|sisters|victims|survivors|passengers|"
    r"family|wives|husbands)\b(?:[^.!?]|(?<=Jr|Sr)\.)*\Z"
)
# "The president, 70, has ...": an age set off by commas after a noun of a person
_AGE_AFTER_NOUN = re.compile(r"(?<=[a-z]), (?:(?:then|now) )?(?P<age>[1-9]\d),? (?=[a-z])")
_PERSON_BEFORE_AGE = re.compile(
    # "the chief", "his wife", "Anna Lee's youngest son": a determiner or a possessive name before the noun
    r"(?:\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s)\s+(?:[a-z][\w'’-]*\s+){0,2}"
    # a quoted title between: 'the former "Harbor Lights" host, 51,'
    r"(?:[“\"]\s?(?:[A-Z0-9][\w'’.-]*\s?){1,5}[”\"]\s+)?(?P<noun>[a-z]+)$"
)
# singular nouns of persons that the plural forms of counted_unit do not tell
_PERSON_NOUNS = frozenset(
    """man woman boy girl child person president nominee candidate incumbent chief judge justice mother father
    wife husband son daughter grandmother grandfather sister brother victim suspect defendant plaintiff
    veteran activist resident student patient senator congressman congresswoman representative delegate
    secretary chairman chairwoman rabbi priest pastor bishop actress star host coach chef""".split()
)


_AGE_GROUPS = tuple(_AGE_AFTER_NAME.groupindex)  # one named group per form of the pattern


# an age bracket after the persons it bounds: "voters 18 to 29", "among those 30 to 44," (not "Democrats 52 to
# 48", a tally that descends, nor "18 to 29 percent")
_AGE_BRACKET = re.compile(
    r"(?<![\w.,-])(?P<figure>(?P<a>[1-9]\d)\s*(?:to|-|–|through)\s*(?P<b>[1-9]\d))"
    r"(?![\w-]|[.,]\d|\s*(?:%|percent|per\s?cent|points?|years|[a-z]+s\b|an?\s|per\s|each\s|on\s))"
)
_WHO_BEFORE = re.compile(r"\b(?P<who>[A-Za-z]{3,})\s+\Z")  # the word before an age bracket
# "the under-35 generation", "under-30 voters", "the over-65s": an age written as a hyphenated bound
_UNDER_AGE_HYPHENATED = re.compile(
    r"(?<![\w-])(?P<figure>(?P<side>[Uu]nder|[Oo]ver)-(?P<n>[1-9]\d))(?:(?P<s>s)\b|(?=\s+(?P<noun>[a-z]+)\b))"
)
# an age in brackets after a name, in a sentence about ages: "Lee (44) and Kim (71) are the oldest"
_AGE_IN_BRACKETS = re.compile(r"\((?P<age>[1-9]\d)\)")
_NAME_BEFORE_BRACKET = re.compile(r"\b[A-Z][\w'’.-]+\s+\Z")
_AGE_WORDS = re.compile(r"\b(?:ages?|aged|old|older|oldest|younger|youngest)\b", re.I)
# the groups a poll brackets by age (not "delegates 20 to 30", seats or ranks; "ages 18 to 29" is the main pattern's)
_AGE_BRACKET_GROUPS = frozenset(
    "those voters adults men women respondents americans millennials youths kids children teens "
    "teenagers viewers users residents workers consumers independents democrats republicans whites blacks hispanics "
    "latinos".split()
)
_AGE_GROUP_NOUNS = frozenset("generation crowd set group cohort demographic bracket category population".split())


# what joins the ages of a list: "aged four and 11", "aged 19, 23 and 31"
_AGE_LIST_JOIN = re.compile(r",\s*|,?\s+(?:and|or)\s+")
# an age that opens a list, or a bare age listed after one
_AGE_LIST_HEAD = re.compile(r"(?:aged|ages?)\b|\d+\Z|[a-z]+\Z", re.I)


def listed_age(text: str, figure: Found, before: Found, *, bare: bool) -> bool:
    """True when figure is a bare number listed right after an age given with "aged" (or after an age listed so):
    "two boys aged three and 13 died" gives two ages, no count of the dead."""
    return (
        bare
        and before.category == "age"
        and figure.qualifier == "exact"
        and figure.low == figure.high < 120
        and figure.unit in (None, "people")  # "13 died": persons only by the verb after
        and _AGE_LIST_JOIN.fullmatch(text, before.end, figure.start) is not None
        and _AGE_LIST_HEAD.match(text, before.start, before.end) is not None
    )


def ages_after_names(text: str, taken: Spans) -> list[Found]:
    """An age set off by commas after a person: "The president, 70, has", "Elizabeth A. Burton, 32, of Columbus"."""
    found: list[Found] = []
    for match in _AGE_AFTER_NOUN.finditer(text):
        person = _PERSON_BEFORE_AGE.search(text, max(0, match.start() - 60), match.start())
        noun = person.group("noun") if person else ""
        start, end = match.span("age")
        after = re.match(r",?\s+([a-z]+)", text[end : end + 30])
        counted = after is not None and after.group(1).endswith("s") and counted_unit(after.group(1)) == "people"
        if counted:
            continue  # "In the handover, 36 civilians crossed": a count of persons, no age of the noun before
        if person and (noun in _PERSON_NOUNS or counted_unit(plural(noun)) == "people") and free(taken, start, end):
            value = float(match.group("age"))
            found.append(
                Found(start=start, end=end, low=value, high=value, qualifier="exact", unit="years", category="age")
            )
            taken.append((start, end))
    matches = [(m, next(g for g in _AGE_GROUPS if m.group(g))) for m in _AGE_AFTER_NAME.finditer(text)]
    matches += [
        (m, "age") for m in _NAME_AGE_LINE.finditer(text) if m.group("surname") in text[m.end() : m.end() + 300]
    ]
    matches += [
        (m, "age" if m.group("age") else "last")
        for m in _AGED_LIST_ITEM.finditer(text)
        if _PERSONS_LISTED.search(text, max(0, m.start() - 200), m.start())
    ]
    matches += [(m, "age") for m in _AVERAGE_AGE.finditer(text) if " age" in text]
    for bracket in _AGE_IN_BRACKETS.finditer(text) if "(" in text else ():
        named = _NAME_BEFORE_BRACKET.search(text, max(0, bracket.start() - 30), bracket.start())
        if named and _AGE_WORDS.search(sentence_around(text, bracket.start(), bracket.end())):
            matches.append((bracket, "age"))
    if "oldest" in text or "youngest" in text:
        matches += [(m, "age") for m in _AGE_RANK.finditer(text)]
        matches += [(m, "age") for m in _YOUNGEST_WAS.finditer(text)]
    matches += [
        (m, "age")
        for m in _AGE_THEN.finditer(text)
        if _TITLE_BEFORE_AGE_THEN.search(text, max(0, m.start() - 40), m.start())
        or _NAME_BEFORE_AGE_THEN.search(text, max(0, m.start() - 60), m.start())
        and _PERSON_WHEN.match(text, m.end())
    ]
    for match in _AGE_BRACKET.finditer(text):
        start, end = match.span("figure")
        low, high = float(match.group("a")), float(match.group("b"))
        named = _WHO_BEFORE.search(text, max(0, start - 24), start)
        who = named.group("who").lower() if named else ""
        if who in _AGE_BRACKET_GROUPS and 16 <= low and 3 <= high - low <= 25 and free(taken, start, end):
            # "voters 18 to 29", "among those 30 to 44": an age bracket of a group of persons
            found.append(
                Found(start=start, end=end, low=low, high=high, qualifier="exact", unit="years", category="age")
            )
            taken.append((start, end))
    for match in _UNDER_AGE_HYPHENATED.finditer(text) if "der-" in text or "ver-" in text else ():
        start, end = match.span("figure")
        noun = (match.group("noun") or "").lower()
        if (match.group("s") or noun in _AGE_GROUP_NOUNS or counted_unit(noun) == "people") and free(taken, start, end):
            # "the under-35 generation", "under-30 voters", "the over-65s": an age that bounds a group
            value = float(match.group("n"))
            bound = "less_than" if match.group("side").lower() == "under" else "more_than"
            found.append(
                Found(start=start, end=end, low=value, high=value, qualifier=bound, unit="years", category="age")
            )
            taken.append((start, end))
    for match in _AS_OLD_AS.finditer(text) if "s young as" in text or "s old as" in text else ():
        start, end = match.span("age")
        if free(taken, start, end):  # "as old as 80": the oldest of a group, an age that bounds it
            value = float(match.group("age"))
            bound = "up_to" if match.group("side") == "old" else "at_least"
            found.append(
                Found(start=start, end=end, low=value, high=value, qualifier=bound, unit="years", category="age")
            )
            taken.append((start, end))
    for match, group in matches:
        start, end = match.span(group)
        if free(taken, start, end):
            value = float(match.group(group))
            found.append(
                Found(start=start, end=end, low=value, high=value, qualifier="exact", unit="years", category="age")
            )
            taken.append((start, end))
    return found


# "a six-figure salary", "fees that ran into five figures": money of that many digits (10,000-99,999 for five)
_N_FIGURES = re.compile(
    r"(?<![\w-])(?P<figure>(?P<n>four|five|six|seven|eight|nine|[4-9])(?:-figure(?=\s+[a-z])|\s+figures\b))", re.I
)
_INTO_FIGURES = re.compile(
    r"\b(?:into|in|to|reach(?:ed|es|ing)?|hit(?:s|ting)?)\s+(?:the\s+)?(?:low\s+|high\s+)?\Z", re.I
)
# "a multimillion-dollar exhibit": money of some millions
_MULTI_DOLLAR = re.compile(r"(?<![\w-])(?P<figure>multi-?(?P<scale>million|billion|trillion)-dollar)\b", re.I)
# "Lee is 5-foot-3": a height in feet and inches, in inches
_FOOT_INCH = re.compile(r"(?<![\w-])(?P<figure>(?P<feet>[4-7])-foot-(?P<inches>1[01]|\d))(?![\w-])")
# "all of them are younger than 50": an age bound said of persons
_AGE_BOUND = re.compile(
    r"\b(?:are|is|was|were|be|been|those|people|voters|adults|anyone|children|men|women)\s+"
    r"(?P<figure>(?P<side>younger|older)\s+than\s+(?P<n>[1-9]\d?))(?!\d|[.,]\d|\s*(?:%|percent|per\s?cent)\b)",
    re.I,
)


def stated_magnitudes(text: str, taken: Spans) -> list[Found]:
    """Figures written as a size or a bound rather than a number of units: "a six-figure salary" (money of
    six digits), "5-foot-3" (a height in inches), "younger than 50" (an age)."""
    found: list[Found] = []
    lowered = text.lower()
    for match in _N_FIGURES.finditer(text) if "figure" in lowered else ():
        start, end = match.span("figure")
        hyphen = "-figure" in match.group("figure").lower()
        if not (hyphen or _INTO_FIGURES.search(text, max(0, start - 24), start)) or not free(taken, start, end):
            continue  # "six figures" alone may be six numbers in a table; "ran into six figures" is money
        digits = parse_number(match.group("n"))
        if digits is None:
            continue
        low, high = 10.0 ** (digits.low - 1), 10.0**digits.low - 1
        sentence = sentence_around(text, start, end)
        unit = "GBP" if "£" in sentence else "EUR" if "€" in sentence else "USD"
        found.append(
            Found(start=start, end=end, low=low, high=high, qualifier="approximately", unit=unit, category="money")
        )
        taken.append((start, end))
    for match in _MULTI_DOLLAR.finditer(text) if "multi" in lowered else ():
        start, end = match.span("figure")
        if free(taken, start, end):  # "a multibillion-dollar deal": some billions, 2-9 as "billions" is
            scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}[match.group("scale").lower()]
            found.append(
                Found(
                    start=start,
                    end=end,
                    low=2 * scale,
                    high=9 * scale,
                    qualifier="approximately",
                    unit="USD",
                    category="money",
                )
            )
            taken.append((start, end))
    for match in _FOOT_INCH.finditer(text) if "-foot-" in lowered else ():
        start, end = match.span("figure")
        if free(taken, start, end):
            inches = 12.0 * int(match.group("feet")) + int(match.group("inches"))
            found.append(
                Found(
                    start=start, end=end, low=inches, high=inches, qualifier="exact", unit="inches", category="distance"
                )
            )
            taken.append((start, end))
    for match in _AGE_BOUND.finditer(text) if " than " in lowered else ():
        start, end = match.span("figure")
        if re.match(r"\s+(?:years?\b(?![\s-]+old\b)|[a-z]+s\b)", text[end : end + 12], re.I) or not free(
            taken, start, end
        ):
            continue  # "older than 50 years of service", "younger than 30 days": no age
        value = float(match.group("n"))
        qualifier = "less_than" if match.group("side").lower() == "younger" else "more_than"
        found.append(
            Found(start=start, end=end, low=value, high=value, qualifier=qualifier, unit="years", category="age")
        )
        taken.append((start, end))
    return found


# "a year and a half", "two and a half hours": a whole number of units and half of one more
_AND_A_HALF = re.compile(
    rf"(?<![\w-])(?P<figure>(?:(?:{ANY_QUALIFIER})\s+)?"
    rf"(?:(?P<n>an?|{WORD_NUMBER}|\d+|past|last|next|previous)\s+(?P<unit>[a-z]+?)s?\s+and\s+a\s+half"
    rf"|(?P<n2>{WORD_NUMBER}|\d+)[\s-]+and[\s-]+a[\s-]+half[\s-]+(?P<unit2>[a-z]+)))(?![\w-])",
    re.I,
)
_PERIOD_ONCE_NAMED = frozenset({"past", "last", "next", "previous"})
_HALF_UNIT = re.compile(
    rf"(?<![\w-])(?P<figure>(?:(?:{ANY_QUALIFIER})\s+)?"
    r"half\s+an?\s+(?P<unit>[a-z]+))\b",
    re.I,
)

_TWICE = re.compile(r"(?<![\w-])(?P<figure>twice)(?=\s+(?:as|the)\b)", re.I)
# "rose fivefold", "a tenfold increase": a ratio written as one word ("5-fold" is read after a number)
_WORD_FOLD = re.compile(rf"(?<![\w-])(?P<figure>(?P<n>{WORD_NUMBER}|hundred|thousand)fold)(?![\w-])", re.I)
# "double the share who said so", "triple the lead she had": a ratio; "would double the budget" is a verb
_DOUBLE_THE = re.compile(r"(?<![\w-])(?P<figure>double|triple|quadruple)(?=\s+(?:the|what)\b)", re.I)
_VERB_BEFORE = re.compile(
    r"\b(?:to|will|would|could|can|may|might|must|should|shall|did|does|do|not|n['’]t|and|or)\s+$", re.I
)
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}
# "a two-time champion", "the three-time winner": a count of occasions
_N_TIME = re.compile(
    r"(?<![\w-])(?P<figure>(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-time)(?=\s)", re.I
)
# "voted twice for him", "lost thrice in May": how often something happened, a count of occasions
_TWICE_OVER = re.compile(
    r"(?<![\w-])(?P<figure>twice|thrice)(?![\w-])(?!\s+(?:as|the|that|a|an|per|each|every|over|more|daily|weekly|"
    r"monthly|yearly|annually)\b)",
    re.I,
)
_FEW_PERCENT = re.compile(r"(?<![\w-])(?P<figure>a few (?:percent|per cent|percentage points))\b", re.I)

# "2-1/2 years", "4 1/2 miles", and "61/2 years" where a "½" was flattened: a whole number and a half or quarter
_MIXED = re.compile(r"(?<![\w/.,-])(?P<figure>(?P<whole>\d{1,2}?)(?P<sep>[- ])?(?P<num>[13])/(?P<den>[24]))(?![\w/])")
# "gained 9/32 in price": a bond price moves in 32nds (or 64ths) of a point
_BOND_FRACTION = re.compile(r"(?<![\w/.,-])(?P<figure>(?P<num>\d{1,2})/(?P<den>32|64))(?![\w/])")
_BONDS = re.compile(r"\b(?:bonds?|notes?|treasur\w*|gilts?|bunds?|in price)\b", re.I)


def written_fractions(text: str, taken: Spans) -> list[Found]:
    """Mixed numbers with a unit of measure ("2-1/2 years", "61/2 years") and bond prices in 32nds ("9/32")."""
    found: list[Found] = []
    for match in _MIXED.finditer(text):
        if not match.group("whole") or match.group("num") == "3" and match.group("den") == "2":
            continue
        measure = measure_after(text, match.end())
        start, end = hedged(text, *match.span("figure"))
        if measure is None or not free(taken, start, measure.end):
            continue  # "3/4" alone is a date or a score
        value = (int(match.group("whole")) + int(match.group("num")) / int(match.group("den"))) * measure.factor
        found.append(
            Found(
                start=start,
                end=measure.end,
                low=value,
                high=value,
                qualifier=qualifier_of(text[start:end]),
                unit=measure.unit,
                category=measure.category,
            )
        )
        taken.append((start, measure.end))
    for match in _BOND_FRACTION.finditer(text):
        start, end = match.span("figure")
        if int(match.group("num")) < int(match.group("den")) and free(taken, start, end):
            if _BONDS.search(sentence_around(text, start, end)):
                value = int(match.group("num")) / int(match.group("den"))
                found.append(
                    Found(
                        start=start, end=end, low=value, high=value, qualifier="exact", unit="points", category="other"
                    )
                )
                taken.append((start, end))
    return found


# two numbers sharing the unit hyphenated to the second: "a two- or three-week period" (one range), "an
# 8-by-11-inch sheet" (two sizes)
_HYPHENATED_PAIR = re.compile(
    rf"(?<![\w-])(?P<a>\d+(?:\.\d+)?|{WORD_NUMBER})(?P<sep>-\s+or\s+|-by-)"
    rf"(?P<b>\d+(?:\.\d+)?|{WORD_NUMBER})-(?P<unit>[a-z]+)\b",
    re.I,
)


_PAIR_SEPARATOR = re.compile(r"-\s+or\s+|-by-")


def _hyphenated_pair_matches(text: str) -> list[re.Match[str]]:
    """The pairs, each looked for only around one of its separators ("- or ", "-by-"): the full pattern, tried at
    every word, would be slow."""
    matches: list[re.Match[str]] = []
    for separator in _PAIR_SEPARATOR.finditer(text) if "- or " in text or "-by-" in text else ():
        pair = _HYPHENATED_PAIR.search(text, max(0, separator.start() - 12), separator.end() + 40)
        if pair and pair.start("sep") == separator.start() and (not matches or pair.start() >= matches[-1].end()):
            matches.append(pair)
    return matches


def hyphenated_pairs(text: str, taken: Spans) -> list[Found]:
    """ "a two- or three-week period": one range in weeks; "an 8-by-11-inch sheet": 8 and 11 inches."""
    found: list[Found] = []
    for match in _hyphenated_pair_matches(text):
        first, second = parse_number(match.group("a")), parse_number(match.group("b"))
        measure = measure_of(match.group("unit").lower())
        start, end = match.span()
        if first is None or second is None or measure is None or not free(taken, start, end):
            continue
        label, category, factor = measure
        if text.startswith("-old", end) or text.startswith(" old", end):
            continue  # "a 5- or 6-year-old child": an age, read as one where it stands
        if "or" in match.group("sep"):
            low, high = sorted((first.low * factor, second.low * factor))
            found.append(
                Found(start=start, end=end, low=low, high=high, qualifier="exact", unit=label, category=category)
            )
        else:
            a_end = match.end("a")
            for at, stop, number in ((start, a_end, first), (match.start("b"), end, second)):
                value = number.low * factor
                found.append(
                    Found(start=at, end=stop, low=value, high=value, qualifier="exact", unit=label, category=category)
                )
        taken.append((start, end))
    return found


def halves(text: str, taken: Spans) -> list[Found]:
    """ "a year and a half" (1.5 years), "two and a half hours": half a unit added to a count of it."""
    found: list[Found] = []
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
        elif count.lower() in _PERIOD_ONCE_NAMED:
            whole, start = 1.0, match.start("unit")  # "the past decade and a half": one period and a half
        else:
            whole = parsed.low if (parsed := parse_number(count)) else None
        measure = measure_of(groups.get("unit") or groups.get("unit2") or "")
        if whole is None or measure is None or not free(taken, start, end):
            continue
        label, category, factor = measure
        value = (whole + 0.5) * factor
        found.append(
            Found(
                start=start,
                end=end,
                low=value,
                high=value,
                qualifier=qualifier_of(match.group("figure")),
                unit=label,
                category=category,
            )
        )
        taken.append((start, end))
    return found


# "~4x as efficient", "2-3x", "between ~2x and ~6x": a ratio written with "x"
_X_RATIO = re.compile(
    r"(?<![\w.~/-])(?P<figure>(?:between\s+)?(?P<approx>~)?(?P<a>\d{1,2}(?:\.\d+)?)x?"
    r"(?:\s*(?:-|–|to|and)\s*~?(?P<b>\d{1,2}(?:\.\d+)?))?x)(?![\w-])(?=\s+[a-z])"
)
# "in her late 30s", "as he reached his mid-20s": an age given by its decade, early (N to N+3), mid (N+3 to
# N+7) or late (N+7 to N+9)
_DECADE_AGE = re.compile(
    r"\b(?:(?:in|into)\s+(?:his|her|their|my|your|our)|(?:reached|reaching|reaches|hit|turned|entered|entering)\s+(?:his|her))\s+"
    r"(?P<figure>(?:(?P<part>early|mid|late)[- ]?)?(?P<n>[2-9]0)['’]?s)\b",
    re.I,
)
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 7), "late": (7, 9), "": (0, 9)}  # "in her 50s": 50 to 59
_MORE_DECADES = re.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<figure>(?:(?P<part>early|mid|late)[- ]?)?(?P<n>[2-9]0)['’]?s)\b",
    re.I,
)


# "outnumbered them 3-to-1", "leads by more than 2-1": a ratio to one. Written "N-1" it is a ratio
# only after a hedge (a score takes none: "won 2-1"); "N-to-1" and "N to 1" are always one.
_TO_ONE = re.compile(
    rf"(?<![\w.,-])(?P<figure>(?P<hedge>(?:{ANY_QUALIFIER})\s+)?"
    r"(?P<n>[2-9]|[1-9]\d|two|three|four|five|six|seven|eight|nine|ten)(?:(?P<to>[- ]to[- ])|-)(?:1|one))"
    r"(?![\w-]|[.,]\d|\s*(?:vote|decision|ruling|margin|win|loss|lead|score|edge)\b)",
    re.I,
)
# "favour it by 2-1", "outspent them 5-1": a bare "N-1" after "by" or a verb of outdoing is a ratio too
_TALLY_OR_SCORE = re.compile(
    r"\b(?:vot\w*|passed|approved|rejected|ruled|confirmed|won|wins?|lost|beat\w*|defeated|scor\w*)\b[^.;!?]{0,30}\bby\b",
    re.I,
)
_RATIO_BEFORE = re.compile(r"\b(?:by|out(?:number|spen[dt]|rais|poll|vot)\w*(?:\s+[\w'’]+){0,2})\s+\Z", re.I)


def _ratio_of(text: str, start: int, end: int, value: float) -> Found:
    """A ratio of value at text[start:end] ("3-to-1", "twice as large", "a tenfold rise", "double the cost"), its
    qualifier read from its own words."""
    return Found(
        start=start, end=end, low=value, high=value, qualifier=qualifier_of(text[start:end]), unit="times",
        category="other",
    )


def ratios_and_decades(text: str, taken: Spans, *, ratios: bool) -> list[Found]:
    """Ratios written with "x" ("~9x as large") or to one ("3-to-1"), and ages given by a decade ("in her late 40s")."""
    found: list[Found] = []
    lowered = text.lower()
    to_one = "-1" in text or "to 1" in text or "to-1" in text or "to one" in lowered or "-one" in lowered
    for match in _TO_ONE.finditer(text) if to_one else ():
        start, end = match.span("figure")
        ratio_before = _RATIO_BEFORE.search(text, max(0, start - 40), start)
        if ratio_before and _TALLY_OR_SCORE.search(text, max(0, ratio_before.start() - 40), ratio_before.start() + 3):
            ratio_before = None  # "the panel voted by 7-1", "won by 3-1": a tally or a score
        if not (match.group("to") or match.group("hedge") or ratio_before):
            continue
        value = parse_number(match.group("n"))
        if value is None or not free(taken, start, end):
            continue
        found.append(_ratio_of(text, start, end, value.low))
        taken.append((start, end))
    for match in _X_RATIO.finditer(text) if ratios else ():
        start, end = hedged(text, *match.span("figure"))
        if not free(taken, start, end):
            continue
        low = float(match.group("a"))
        high = float(match.group("b")) if match.group("b") else low
        if high < low:
            continue  # "3-1x": no range
        qualifier = qualifier_of(text[start:end])
        approximate = match.group("approx") or "~" in match.group("figure")
        qualifier = "approximately" if qualifier == "exact" and approximate else qualifier
        found.append(
            Found(start=start, end=end, low=low, high=high, qualifier=qualifier, unit="times", category="other")
        )
        taken.append((start, end))
    decades = list(_DECADE_AGE.finditer(text)) if "0s" in text or "0's" in text or "0’s" in text else []
    for decade_age in decades[:]:  # "in their 30s, 40s and 50s": each decade listed after the first
        listed = _MORE_DECADES.match(text, decade_age.end())
        while listed:
            decades.append(listed)
            listed = _MORE_DECADES.match(text, listed.end())
    for match in decades:
        start, end = match.span("figure")
        if free(taken, start, end):
            first, last = _DECADE_PARTS[(match.group("part") or "").lower()]
            decade = int(match.group("n"))
            found.append(
                Found(
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


def share_figures(text: str, taken: Spans) -> list[Found]:
    """Fractions of a point, "a few percent", shares in words and single periods ("nearly a year")."""
    found: list[Found] = []
    lowered = text.lower()
    for match in _TWICE.finditer(text) if "twice" in lowered else ():
        start, end = hedged(text, *match.span("figure"))
        if free(taken, start, end):  # "twice as large": a ratio of 2
            found.append(_ratio_of(text, start, end, 2))
            taken.append((start, end))
    for match in _WORD_FOLD.finditer(text) if "fold" in lowered else ():
        start, end = hedged(text, *match.span("figure"))
        number = parse_number(match.group("n"))
        if number is not None and number.low > 1 and free(taken, start, end):
            found.append(_ratio_of(text, start, end, number.low))
            taken.append((start, end))
    multiples = any(word in lowered for word in _MULTIPLES)
    for match in _DOUBLE_THE.finditer(text) if multiples else ():
        start, end = hedged(text, *match.span("figure"))
        if _VERB_BEFORE.search(text, max(0, start - 12), start) or not free(taken, start, end):
            continue
        found.append(_ratio_of(text, start, end, _MULTIPLES[match.group("figure").lower()]))
        taken.append((start, end))
    for match in _N_TIME.finditer(text) if "-time" in lowered else ():
        start, end = match.span("figure")
        number = parse_number(match.group("n"))
        if number is not None and free(taken, start, end):
            found.append(
                Found(
                    start=start,
                    end=end,
                    low=number.low,
                    high=number.low,
                    qualifier="exact",
                    unit="times",
                    category="count",
                )
            )
            taken.append((start, end))
    for match in _TWICE_OVER.finditer(text) if "twice" in lowered or "thrice" in lowered else ():
        start, end = hedged(text, *match.span("figure"))
        value = 2 if match.group("figure").lower() == "twice" else 3
        if re.search(r"\b(?:think|thinks|thought|thinking|once\s+or)\s+$", text[max(0, start - 10) : start], re.I):
            continue  # "think twice": an idiom; "once or twice": a few times, like "a couple"
        if GAME_OR_MARKET.search(sentence_around(text, start, end)):
            continue  # "scored twice": goals or points, which a game story counts by their own noun
        if free(taken, start, end):
            found.append(
                Found(
                    start=start,
                    end=end,
                    low=value,
                    high=value,
                    qualifier=qualifier_of(text[start:end]),
                    unit="times",
                    category="count",
                )
            )
            taken.append((start, end))
    for match in _FEW_PERCENT.finditer(text):
        start, end = match.span("figure")
        if free(taken, start, end):
            found.append(
                Found(
                    start=start, end=end, low=2, high=4, qualifier="approximately", unit="percent", category="percent"
                )
            )
            taken.append((start, end))
    for match in _ONE_PERIOD.finditer(text):
        start, end = match.span("figure")
        if not free(taken, start, end):
            continue
        if re.match(r"\s+ago\b", text[end : end + 5], re.I) and (
            re.match(r"just|only|barely", match.group("figure"), re.I)
            or re.match(r"(?:more|less) than", match.group("figure"), re.I)
            and re.search(r"[\d%]\s*(?:[a-z]+\s+)?$", text[max(0, start - 24) : start])
        ):
            # "just a month ago": a relative time reference; "$7 million more than a year ago": a comparison
            # with that time ("nearly a year ago", "more than a decade ago" measure a span)
            continue
        value, unit = _PERIODS[match.group("period").lower()]
        found.append(
            Found(
                start=start,
                end=end,
                low=value,
                high=value,
                qualifier=qualifier_of(match.group("figure")),
                unit=unit,
                category="distance" if unit in ("miles", "km") else "duration",
            )
        )
        taken.append((start, end))
    for match in _HALF_PERIOD.finditer(text) if "half" in lowered or "quarter" in lowered else ():
        start, end = hedged(text, *match.span("figure"))
        part = _PART_PERIODS.get((match.group("part").lower(), match.group("period").lower()))
        if part is None:
            continue  # "a quarter-decade": not how news gives a span
        value, unit = part
        later = re.match(r"\s+(?:ago|earlier|before|later)\b", text[end : end + 9], re.I)
        if free(taken, start, end) and not (later and start == match.start("figure")):  # "nearly a half-century ago"
            found.append(
                Found(
                    start=start,
                    end=end,
                    low=value,
                    high=value,
                    qualifier=qualifier_of(text[start:end]),
                    unit=unit,
                    category="duration",
                )
            )
            taken.append((start, end))
    for match in _A_PERIOD_OR_MORE.finditer(text) if " or more" in lowered or " or longer" in lowered else ():
        start, end = match.span("figure")
        if free(taken, start, end):
            value, unit = _PERIODS[match.group("period").lower()]
            found.append(
                Found(start=start, end=end, low=value, high=value, qualifier="at_least", unit=unit, category="duration")
            )
            taken.append((start, end))
    for match in _PERIOD_LONG.finditer(text) if "-long" in lowered or "-old" in lowered else ():
        start, end = hedged(text, *match.span("figure"))
        if not free(taken, start, end):
            continue
        periods, unit = _PERIODS[(match.group("period") or match.group("short")).lower()]
        length = periods * _PERIOD_PARTS[match.group("part") and match.group("part").lower()]
        found.append(
            Found(
                start=start,
                end=end,
                low=length,
                high=length,
                qualifier=qualifier_of(text[start:end]),
                unit=unit,
                category="duration",
            )
        )
        taken.append((start, end))
    for match in _A_PERIOD.finditer(text):
        start, end = match.span("figure")
        after = text[end : end + 12]
        spent = _SPENDS_A_PERIOD.search(text, max(0, start - 12), start)
        if not (match.group("of") or match.group("silence") or match.group("possessive") or spent) or not free(
            taken, start, end
        ):  # "after a decade's struggle": a span that filled a time
            continue
        if re.search(r"\b(?:once|twice|thrice|times|per|each|every)\s+$", text[max(0, start - 8) : start], re.I):
            continue  # "once a year": a rate, not a span
        described = re.search(r"\b(?:in|is|was|been|be)\s+\Z", text[max(0, start - 8) : start], re.I)
        if not spent and match.group("of") and described:
            continue  # "it was a day of celebration", "in a year of anger": what a time was like, no span
        if spent and re.match(r"\s+(?:ago|or|when|that|which|now)\b", after, re.I):
            continue  # "for a week or so", "hoping for a day when": no stated span
        if spent and re.match(r"wait", spent.group(0), re.I) and match.group("period").lower() == "minute":
            continue  # "wait a minute": an interjection
        if spent and re.match(r"\s+off\b", after, re.I):
            continue  # "take a day off": a break, no span of what is told
        if spent and not spent.group(0).lower().startswith("for") and not _AFTER_A_SPAN.match(text, end):
            continue  # "took a day trip", "a day job": the period names a kind of thing
        value, unit = _PERIODS[match.group("period").lower()]
        within = spent is not None and spent.group(0).lower().startswith("within")
        if spent is not None and within:
            start = spent.start()  # "within a year": at most a year, "within" in the span as in "within 20 years"
        found.append(
            Found(
                start=start,
                end=end,
                low=value,
                high=value,
                qualifier="up_to" if within else "exact",
                unit=unit,
                category="duration",
            )
        )
        taken.append((start, end))
    return found
