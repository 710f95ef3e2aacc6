"""The words around a number that say it is no figure, or which points it counts.

Not figures: years, dates, times, ordinals, numbers inside names and models, phone numbers, labels
("a 12-member panel"), test labels ("0-60 mph"), and headline-like lines (teasers, numbered lists).
Points of a poll lead or margin are percentage points; points of a game or a market index are not.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.figure_spans import Found, sentence_around
from transforms.lexicon import STOP_WORDS
from transforms.numbers import ORDINAL_WORDS
from transforms.units import glued_degrees

# "a 10-point lead", "a two-point gap": a hyphenated measure of a gap, not a label such as "a 10-point plan"
POINT_GAPS = (
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


def date_before(before: str) -> bool:
    """True when a month name ends the text before a number ("Nov. 5", "March 15"), not a sentence."""
    month = _DATE_BEFORE.search(before)
    return month is not None and not _SENTENCE_END_MONTH.match(month.group(0))


# the tenor of a traded instrument is part of its name: "10-year notes", "three-month aluminum"
_INSTRUMENTS = re.compile(
    r"\s*(?:treasur\w*|notes?|bonds?|yields?|bills?|gilts?|bunds?|swaps?|mortgages?|libor|futures|"
    r"contracts?|aluminum|aluminium|copper|nickel|zinc|tin|lead|paper|debt|t-bills?)\b",
    re.I,
)

# words of a market in which contracts are traded
_TRADED = re.compile(
    r"\b(?:futures|traded|trading|traders?|exchange|copper|aluminium|aluminum|nickel|zinc|crude|oil|gold|silver|"
    r"wheat|corn|soybeans?|cattle|hogs|gas|bonds?|treasur\w*)\b",
    re.I,
)
_MARKET_NAMES = r"Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|CAC|Hang Seng"  # stock indices named in market reports
MARKET = re.compile(rf"\b(points?|index|indices|{_MARKET_NAMES})\b")
# Points of a poll lead, margin or swing are percentage points; points of a game or an index are not.
POLL_WORDS = re.compile(
    r"\b(?:polls?|polled|polling|pollsters?|surveys?|surveyed|voters?|votes?|turnout|electorate|margin of error|"
    r"(?:dis)?approval|net positive|net negative|"
    r"(?:un)?favou?rab\w*|primary|primaries|caucus\w*|nominee|nomination|elections?|electoral|ballots?|"
    r"percent|per cent|percentage|delegates|candidates?|Democrats?|Democratic|Republicans?|GOP|races?|"
    r"match-?ups?|head-to-head)\b|%",
    re.I,
)
GAP_WORDS = re.compile(
    r"\b(?:leads?|leading|led|trails?|trailing|trailed|ahead|behind|gap|margin|edge|advantage|deficit|"
    r"won|wins?|beat|beats|defeat|defeats|defeated|among|swing|narrowed|widened)\b",
    re.I,
)
# a poll's head-to-head words besides the gap words: "Lee tops Kim 41-40", "six points below her rating"; kept
# apart from GAP_WORDS, which also decide that "between 2 percent and 3 percent, above the target" is a range
POLL_GAP_WORDS = re.compile(rf"{GAP_WORDS.pattern}|\b(?:tops|topped|ties|tied|edges|edged|below|above)\b", re.I)
# words of a game or a market (a poll's head-to-head "match-up" is neither)
GAME_OR_MARKET = re.compile(
    r"\b(?:scored|scoring|scores|games?|halftime|half-time|innings?|season|rebounds?|assists?|goals?|"
    r"touchdowns?|field goals?|free throws?|three-pointers?|per game|team|teams|coach|league|playoffs?|"
    r"match(?![-\s]?ups?\b)|"
    rf"tournament|NBA|NFL|NHL|WNBA|NCAA|{_MARKET_NAMES}|index|indices|indexes|"
    # "shares" of a market, not the verb ("she shares his view")
    r"stocks?|shares\s+(?:of|in|rose|fell|gained|lost|closed|jumped|slid|dropped|were|are)|share\s+prices?|"
    r"bonds?|yields?|futures|Treasur\w*|credit score|IQ)\b",
    re.I,
)

# "zero to 60 mph (97 kph)": the name of a test, not a speed
_TEST_LABEL = re.compile(
    r"(?<![\w.])(?:0|zero)\s*(?:-|–|to)\s*\d{2,3}\s*(?:mph|km/h|kph)(?:\s*\(\s*\d+\s*(?:kph|km/h|mph)\s*\))?", re.I
)


def poll_points(text: str, figure: Found) -> Found:
    """ "trailing by 8 points", "a 10-point lead" in a story about polls or votes: percentage points."""
    if figure.unit != "points":
        return figure
    sentence = sentence_around(text, figure.start, figure.end)
    if GAME_OR_MARKET.search(sentence):
        return figure
    if not POLL_WORDS.search(sentence) and not _said_in_percentage_points(text, figure.start, figure.end):
        # "He won the state by 12 points" names no poll: a gap word will do when the story is about one
        if not _gap_in_poll_story(text, sentence, figure.start, figure.end):
            return figure
    return replace(figure, unit="percentage_points", category="percent", subject=None)


# words of the weather around bare "degrees": then a temperature, not an angle
_WEATHER = re.compile(
    r"\b(?:temperatures?|heat|hot|hotter|cold|colder|weather|warm|warmer|cool|cooler|chill|freezing|thermometers?|"
    r"highs?|lows?|sweltering|forecast)\b",
    re.I,
)


def weather_degrees(text: str, found: list[Found]) -> list[Found]:
    """ "hovered near 100 degrees", "97-degree heat": bare degrees in words of the weather are a temperature, in
    Fahrenheit unless the text speaks of Celsius; "the pipe turned 90 degrees" stays an angle."""
    celsius: bool | None = None  # looked up once per text, when a temperature needs it
    read: list[Found] = []
    for figure in found:
        if (
            figure.unit == "degrees"
            and _WEATHER.search(sentence_around(text, figure.start, figure.end))
            and not _TURNED.search(text, max(0, figure.start - 30), figure.start)
        ):
            if celsius is None:
                celsius = bool(_CELSIUS.search(text))
            figure = replace(figure, unit="°C" if celsius else "°F", category="temperature", subject=None)
        read.append(figure)
    return read


_CELSIUS = re.compile(r"(?i:\b(?:celsius|centigrade)\b)|\d\s?°C\b|\b\d{1,2}C\b(?!\s+[A-Z])")  # not "5C Capital"
# a verb of turning before degrees: an angle, whatever the weather
_TURNED = re.compile(r"\b(?:turn\w*|rotat\w*|tilt\w*|pivot\w*|spun|spins?|swung|swings?|angle\w*|bank\w*)\b", re.I)


def excluded_spans(text: str) -> list[tuple[int, int]]:
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
    lowered = text.lower()
    if any(words in lowered for words in _SPEECH_WORDS):  # one scan of each before the pattern
        spans += [m.span() for m in _FIGURES_OF_SPEECH.finditer(text)]
    return spans


# counts that count nothing: "put one foot in front of the other", "dropped to one knee", a run of the first
# numbers ("not one, or two, or three mistakes", "one or two or three reasons") said for emphasis
_SPEECH_WORDS = (
    "one step", "one foot", "one knee", " or two", "two, or", "not one", "not just one", "two evils", "tale of two"
)
_FIGURES_OF_SPEECH = re.compile(
    r"\bone\s+step\s+forward,?\s+(?:and\s+)?two\s+steps\s+back(?:wards?)?\b|"
    r"\bone\s+foot\s+in\s+front\s+of\s+the\s+other\b|\b(?:to|on)\s+one\s+knee\b|\blesser\s+of\s+two\s+evils\b|\btale\s+of\s+two\s+[a-z]+\b|"
    r"\b(?:not\s+(?:just\s+)?one,?\s+(?:or\s+)?two,?\s+(?:or\s+)?three|one,?\s+or\s+two,?\s+or\s+three)\b"
    r"(?:\s+(?:[a-z]+\s+)?[a-z]+s\b)?",
    re.I,
)


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


def poll_shares(text: str, start: int, end: int) -> bool:
    """True when a falling pair "48 to 42" gives the shares of a poll: a range rises, a game score has a game."""
    sentence = sentence_around(text, start, end)
    if GAME_OR_MARKET.search(sentence):
        return False
    measured = re.search(r"\bpoints?\b|%|\bper\s?cent\b", sentence, re.I)
    if POLL_WORDS.search(sentence) and (measured or POLL_GAP_WORDS.search(sentence)):
        return True  # "ahead by 6 points (48 to 42)", "Lopez is up 48-44 in a fresh survey"
    if not measured:
        return False
    return _gap_in_poll_story(text, sentence, start, end)


def _gap_in_poll_story(text: str, sentence: str, start: int, end: int) -> bool:
    """The sentence speaks of a lead or a gap, and the text around it of polls or votes, not games or markets."""
    window = text[max(0, start - 600) : end + 600]
    gap = (
        POLL_GAP_WORDS.search(sentence)
        or _UP_OR_DOWN_BEFORE.search(text, max(0, start - 12), start)
        or _COMPARED_AFTER.match(text, end)  # "both are about 10 points higher than in 2004"
    )
    return bool(gap and POLL_WORDS.search(window) and not GAME_OR_MARKET.search(window))


_PERCENTAGE_POINTS = re.compile(r"\bpercentage[\s-]+points?\b", re.I)
_PERCENT_WORDS = re.compile(r"\bpercentage[\s-]+points?\b|\bper\s?cent\w*|\bpercentage\b|%", re.I)


def _said_in_percentage_points(text: str, start: int, end: int) -> bool:
    """ "Men back Lee by 4 percentage points in the poll. Women back her by 20 points.": the text around the number
    gave its points as percentage points, speaks of polls or votes, and of no game or market."""
    window = text[max(0, start - 400) : end + 200]
    if not _PERCENTAGE_POINTS.search(window) or GAME_OR_MARKET.search(window):
        return False
    # a word of polls or votes besides the percents themselves: not "the jobless rate fell 0.2 percentage points;
    # a gauge of confidence rose 3 points"
    return bool(POLL_WORDS.search(_PERCENT_WORDS.sub(" ", window)))


_COMPARED_AFTER = re.compile(r"\s+(?:higher|lower)\b")
# "she is up 6 points", "down by 3 points": a lead or a fall stated just before the number
_UP_OR_DOWN_BEFORE = re.compile(r"\b(?:up|down)\s+(?:by\s+)?\Z", re.I)


_DATE_RANGE_BEFORE = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}\s*(?:to|through|and|-|–)\s*\Z", re.I)


# "the delegate count is Adams 384, Baker 300", "the vote tally: Lee 51": a count named before the names it lists
# (the noun before "count" says what is counted; an adjective there, "the final count", says nothing)
_TALLY_NAMED = re.compile(
    r"\b(?!(?:final|official|unofficial|latest|current|total|new|early|running)\b)([a-z]{3,})\s+(?:count|tally)"
    r"\s*(?:(?:is|was|now\s+stands\s+at|stands\s+at|stood\s+at)\s|:\s*)"
)
# what stands between a named tally and one of its numbers: the names of the first, or anything in the sentence
_NAMES_FIRST = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,4}\Z")
_NAMES_LISTED = re.compile(r"[^.;!?]*\Z")


def named_tally(text: str, start: int, *, first: bool = False) -> re.Match[str] | None:
    """The named tally ("the delegate count is") that lists the number at start: earlier in its sentence, or,
    with first, just before it with only names between ("... is Ann Lee 384"). Group 1 is the counted noun."""
    between = _NAMES_FIRST if first else _NAMES_LISTED
    window = _TALLY_NAMED.finditer(text, max(0, start - 120), start)
    return next((m for m in window if between.fullmatch(text, m.end(), start)), None)


_LIST_TITLE = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Things|Ways|Reasons|Facts|Questions)\b")
# a count of reasons or ways whose items follow, numbered: "two reasons: 1) ..."
_LISTED_THEN_NUMBERED = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,2}(?:things|ways|reasons|steps|lessons|questions|points)\s*:\s*(?:\(?1[.)]|first,)"
)
# (not "four points below Lee": a gap)
_LISTED_BELOW = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z]+s\s+below\s*(?::|are\b|were\b|,\s+(?:which|that|each)\b)"
)
# what a writer's list is made of
_LISTED = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){0,3}(?:things|ways|reasons|facts|questions|lessons|tips|moments)\b")


# a capitalised number word mid-sentence before two capitalised words is part of a title or a name
_NUMBER_WORD_TITLES = frozenset("Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Hundred Thousand".split())
# (not "Two Bartholomew County warrants", whose capitals name what is counted)
_TITLE_AFTER = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]*\b(?!(?:\s+[A-Z][\w-]*)*\s+[a-z]+s\b)")
# a street after a house number: one to three capitalised words, then the kind of street
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Drive|Dr|Lane|Ln|Place|Pl|Plaza|"
    r"Concourse|Parkway|Pkwy|Terrace|Court|Ct|Square|Way)\b\.?(?!\s+[a-z]+s\b)"
)  # not "5 Main Street awards", which counts awards


def not_a_figure(text: str, *, start: int, end: int, expression: str, money: bool) -> bool:
    """Years, dates, times, ordinals, names, phone numbers."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    bare = expression.strip()
    if money:
        # "the face on $20 bills": a banknote's denomination names the note, it measures nothing
        denomination = re.fullmatch(r"(?:1|2|5|10|20|50|100)", bare)
        if bare in ("64,000", "64") and re.match(r"\s+question\b", after):
            return True  # "the $64,000 question": a figure of speech for the question that matters
        return bool(denomination and re.match(r"\s+(?:bills?|notes?|banknotes?)\b", after))
    if re.fullmatch(r"(1[5-9]|20)\d\d", bare) and not re.match(r"\s*(%|percent|people|km|miles)", after, re.I):
        return True  # a year
    if date_before(before) or _DATE_AFTER.search(after):
        return True  # "November 27", "27 November", "Dec. 5"
    if re.match(r"^(st|nd|rd|th)\b", after) or re.match(r"^\s*[-–]?(?:st|nd|rd|th)\b", after):
        return True  # an ordinal
    if re.match(r"^[:.]\d\d(?:\b|(?=[ap]\.?m\b))|^\s*(a\.?m\.?|p\.?m\.?)\b", after, re.I):
        return True  # a time: "9:30", "7:00PM", "10 a.m."
    if re.search(r"[A-Za-z][-/.]?\Z", before) or (
        re.match(r"^[-/]?[A-Za-z]{1,3}\d|^[A-Za-z]\b(?![-–])", after) and not glued_degrees(text, end)
    ):
        return True  # glued to a name: COVID-19, F-16, PS4, G20, ID.3 (not "38C" in a heatwave)
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
    if re.match(r"^\s(?:Seconds|Minutes|Hours|Days|Weeks|Months|Years)\b", after):
        return True  # a capitalised unit makes a title: the show "60 Minutes", the film "28 Days Later"
    if re.match(r"^[- ]inch\s+(?:[A-Z][\w-]*\s+)*(?:MacBook|iPad|iPhone|iMac|Pixel|Galaxy|Surface|models?\b)", after):
        return True  # a screen size that names a product: "the 16-inch MacBook Pro"
    if re.search(r"\b[A-Z][A-Z&]*[A-Z]\s$", before) and not re.match(r"^\s*(%|percent|people|[a-z]{3,}s\b)", after):
        return True  # an index or a name with a number: S&P 500, FTSE 100
    if (
        re.search(r"[a-z,]\s+(?:[A-Z][a-z]+\s)+$", text[max(0, start - 40) : start])
        and re.fullmatch(r"\d{1,4}", bare)
        and not re.match(r"^\s*(%|percent|(?!news\b)[a-z]{3,}s\b|people|million|billion)", after)
        and not named_tally(text, start)
    ):
        return True  # a brand's model or a named number: "Boeing 777", "Apollo 11" (not "the count is Lee 38")
    if after[:1] in "(/" and after and re.match(r"^(?:\([a-z]\)|/\d)", after):
        return True  # "a 401(k) plan", "24/7", "11/2": a name, a ratio of hours or a date
    if re.search(r"\bGroup\s+of\s+\Z", before):
        return True  # "a Group of 20 meeting": a name
    if before.endswith(" of ") and re.search(r"\b[Tt]he\s+[A-Z][a-z]+\s+of\s\Z", text[max(0, start - 24) : start]):
        return True  # "the Council of 12": a name
    if re.fullmatch(r"[A-Z][a-z]+", bare) and re.search(r"\b[A-Z][a-z]+\s+of\s\Z", before):
        return True  # "the Band of Four", "a Group of Seven plan": a capitalised number word ends a name
    if (
        re.fullmatch(r"7[0-8]7|A3[0-8]\d", bare)
        and re.search(r"\b(?:Boeing|Airbus|the|a|an)\s+\Z", before)
        and not re.match(r"\s+(?:passengers|people|travel+ers|seats|workers|employees|members|orders|flights)\b", after)
    ):
        return True  # "a 1968 Boeing 727", "the 757 in 2011": an airliner's model
    if re.search(r"\b(?:the|these)\s+\Z", before, re.I) and _LISTED_BELOW.match(text, end, end + 60):
        return True  # "the three proposals below": the writer's list
    if re.match(r"[- ](?:second|minute|hour|mile|yard)[- ]mark\b", after, re.I):
        return True  # "by the 30-minute mark": a point reached, a label
    mid_sentence = re.search(r"[a-z,;:“\"(]\s*\Z", before)
    if bare in _NUMBER_WORD_TITLES and mid_sentence and _TITLE_AFTER.match(text, end, end + 80):
        return True  # "The Lees: Three Generations That Built an Empire": a number word in a title
    if before.endswith("[") and re.match(r"\.?\]", after):
        return True  # "[12]", "[538.]": a reference mark or a name in brackets, not a figure
    if _STREET_AFTER.match(after + text[end + 14 : end + 40]) and not re.match(r"\s*(?:%|percent)", after):
        return True  # "at 86 Gansevoort St.", "900 Grand Concourse": an address
    if re.search(r"\b(?:part|installment|chapter|episode)\s+\Z", before, re.I):
        return True  # "part 2 of 4": a place in a series, not a count
    if re.search(r"code\s*:?\s*$", before, re.I):
        return True  # "Code 18", "error code: 17": a code
    if (
        re.fullmatch(r"\d{1,2}", bare)
        and _DATE_RANGE_BEFORE.search(text, max(0, start - 24), start)
        and not re.match(r"\s*(?:%|percent|per cent)", after, re.I)
    ):
        return True  # "polled May 3 to 9", "June 2-5": the end of a range of dates
    if re.fullmatch(r"\d{3}", bare) and re.match(r"\s+(?:call|dispatchers?|operators?)\b", after, re.I):
        return True  # "a 911 call": an emergency number
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
    named = _INSTRUMENTS.match(text, end + instrument.end()) if instrument else None
    if named and (
        not named.group(0).strip().lower().startswith("contract")
        or _TRADED.search(sentence_around(text, start, end))
    ):
        # "10-year notes", "three-month aluminum": the tenor names the instrument; "a five-year contract" to run
        # a course is a span of time unless the sentence trades it
        return True
    if re.match(r"^-(members?|pages?|person|story|storey|seat|man|strong|game|match)\b(?!-old)", after, re.I):
        return True  # a label made of a number: "12-member panel", "two-class layout"
    if re.match(
        r"^\s+(?:story|storey)\s+(?:[a-z]+\s+)?(?:building|house|home|block|structure|tower|hotel|school|office)s?\b",
        after,
        re.I,
    ):
        return True  # the same label unhyphenated: "a two storey house"
    if re.match(r"^-yard\s+line\b", after, re.I):
        return True  # "the 30-yard line": a place on a playing field, not a distance
    if re.match(r"^\s+Pinocchios?\b", after, re.I):
        return True  # "three Pinocchios": a fact-checker's rating, not a count
    if re.match(r"^-point\b", after, re.I) and not re.match(
        rf"-point\s+(?:[a-z]+\s+)?{POINT_GAPS}", text[end : end + 40], re.I
    ):  # "a 3-point polling lead" measures a gap too
        return True  # "a 10-point plan" is a label; "a 10-point lead" measures a gap
    if bare.lower() in ORDINAL_WORDS:
        return True
    if re.search(
        r"\b(?:here\s+are|here['’]re)\s+(?:the\s+|just\s+|only\s+|an?\s+)?\Z", text[max(0, start - 24) : start], re.I
    ):
        return True  # "Here are five things to know", "Here are just nine ...": a list announced, not a count
    if _LISTED_THEN_NUMBERED.match(text, end, end + 80):
        return True  # "for two reasons: 1) ... 2) ...": a list the items numbered after it make
    if before.endswith("of ") and re.search(r"\b(?:list|roundup)\s+of\s+\Z", before, re.I) and _LISTED.match(
        text, end, end + 60
    ):
        return True  # "our first list of 9 odd things": a list of the writer's ("a list of 200 donors" counts donors)
    if after[1:2].isupper() and _LIST_TITLE.match(text, end, end + 60):
        return True  # "3 Important Things To Know": the title of a list
    if before[-1:] in "\"“‘" and before and bare.isalpha() and re.match(r"^(?:[\s-]+[\w'’-]+){1,2}[\"”’]", after):
        return True  # a number word opening a short quoted nickname: the "fab four", "big five"
    if bare.isalpha() and after[:1] in "\"”’" and re.search(r"[\"“‘][A-Za-z][\w'’-]*\s+\Z", before):
        return True  # a number word closing a short quoted nickname: the "famous five" envoys
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
    if bare.lower() == "one" and re.match(r"\s+voice\b", after, re.I) and re.search(r"\bwith\s$", wider, re.I):
        return True  # "they speak with one voice": an idiom of agreement
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


# money named after a bare magnitude: "millions in gifts", "hundreds of thousands in grants"
_MONEY_AFTER = re.compile(
    r"\s+(?:more\s+)?in\s+(?:[a-z][\w-]*\s+){0,2}?(?:donations|contributions|fees|cash|funding|funds|revenues?|profits?|"
    r"taxes|loans|debts?|damages|fines|bonuses|salar(?:y|ies)|pay|payments|spending|ads|advertising|grants|aid|"
    r"bailouts?|subsidies|settlements?|losses|investments?|bribes|kickbacks|tuition|compensation|wages|dollars)\b"
)
# a verb of money before it, a hedge or two words between: "spent billions", "paid the agents millions"
_MONEY_VERB_BEFORE = re.compile(
    r"\b(?:spen[dt]|spends|spending|raised?|raising|raises|costs?|costing|made|make|makes|earn(?:ed|s)?|paid|pay|pays|"
    r"paying|worth|donat\w+|owe[sd]?|lost|lose|sav(?:e|ed|es)|fund\w*|invest\w*|collect\w*|received?|given|gave|"
    r"accepted|borrowed|charged|pocketed|funnel(?:l)?ed|siphon(?:ed|ing|s)?|sunk|poured|plowed|wasted|squandered)\s+"
    # (a preposition between says the magnitude is no money: "gave hope to millions", "made history as millions")
    r"(?:(?:more than|less than|about|nearly|almost|some|over|up to)\s+|"
    r"(?!(?:of|in|to|with|as|for|by|from|on|at|among|into|than)\b)[a-z][\w'’-]*\s+){0,2}?\Z",
    re.I,
)


def money_unnamed(text: str, start: int, end: int) -> bool:
    """True when a bare magnitude ("millions", "hundreds of thousands") at start..end is money its sentence names
    by a verb before or a kind of money after: "spent billions", "took millions in consulting fees"."""
    if re.match(r"\s+(?:more\s+)?of\s+[a-z]", text[end : end + 14], re.I):
        return False  # "millions of voters": a noun of its own
    return bool(_MONEY_AFTER.match(text, end) or _MONEY_VERB_BEFORE.search(text, max(0, start - 40), start))
