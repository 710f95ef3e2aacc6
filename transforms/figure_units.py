"""What a number is in, read from the words after it: percent or points, a currency or a measure (looked up
in transforms/units.py), "times", a counted noun ("40 cattle", "one toilet", "23 of its 29 delegates"), and
"per X" after any of them; and which plural nouns count people."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from transforms.figure_qualifiers import OPEN_BOUND
from transforms.lexicon import STOP_WORDS
from transforms.numbers import DIGITS, WORD_NUMBER, parse_number
from transforms.units import currency_after, measure_after, measure_of

_PERCENT = [
    # a number in quotation marks before its unit: she is "97" percent sure
    # "0.25 of a per cent": a fraction of one percent
    (
        re.compile(r"^[\"”]?\s*(?:-\s*)?(?:of\s+an?\s+(?=per))?(?:%|percent(?:age)?\b|per\s?cent\b|pct\b)", re.I),
        "percent",
    ),
]
_POINTS = re.compile(r"^(?:\s*|-)(?:(?:of\s+an?\s+)?percentage[\s-]+points?|pct\s+points?)\b", re.I)

# compounds too: "grandchildren", "congressmen" (but "specimen", "regimen" are singular)
_IRREGULAR_PLURALS = (
    "people|[a-z]*children|men|women|(?!(?:speci|regi|abdo|acu|sta|hy|se|albu)men\\b)[a-z]{3,}(?:wo)?men|"
    "police|staff|personnel|dead|wounded|injured|cattle|sheep|fish|aircraft|deer"
)
# a regular plural ends in s but not in -ss, -us or -sis: "business", "Citibus", "virus", "analysis" are singular
_PLURAL = r"[a-z][\w-]*s(?<!ss)(?<!us)(?<!sis)"
# the head of the noun phrase after a number: up to four modifiers, or five when two are
# coordinated ("40 old or broken chairs", "12 arts and crafts fairs")
COUNTED = re.compile(
    # a modifier may stand in quotation marks: the 40 or so "uncommitted" members
    rf"^[\"”]?\s*(?P<adjs>(?:[\"“]?(?:[a-z][\w'’-]*)[\"”]?\s+){{0,4}}?"
    rf"|(?=(?:[a-z][\w'’-]*\s+){{0,2}}(?:and|or)\s)(?:(?:[a-z][\w'’-]*)\s+){{2,5}}?)"
    # "news" is no plural but may modify one ("three news articles")
    rf"(?P<noun>(?!news\b)(?:{_IRREGULAR_PLURALS}|{_PLURAL}))\b(?!['’]s)",
    re.I,
)
NOT_NOUNS = frozenset(
    "is was has does goes says its this thus plus us as less was his hers ours yours theirs ones news mrs "
    "messrs".split()
)
_FUNCTION_AFTER_ONE = frozenset(
    "of the and or but day time way more less other another thing point such last first year week month night "
    "morning evening afternoon hand side among amid against across within without toward towards versus despite "
    "during until since through over under above below behind beyond inside outside upon onto into".split()
)
_FUNCTION_WORDS = frozenset(
    "of to in on the a from their his her its our with by at for as than that who which among between".split()
)
# words that begin a clause: no modifier of a noun ("rose to 45 when votes came in" counts no votes); lowercase
# only, as a capital makes a name ("12 Will County residents")
_CLAUSE_WORDS = frozenset(
    "when while after before since because if where until though although whereas unless once "
    "is are was were be been has have had will would can could should may might must do does did".split()
)
_PEOPLE = frozenset(
    """people persons person civilians residents inhabitants citizens detainees inmates troops combatants
    militants rebels insurgents children kids women men adults students staff migrants immigrants victims
    police policemen officials casualties deaths homicides murders killings dead bodies lives individuals babies
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
    admirals landlords ceos ladies gentlemen guys folks gals jihadis front-runners frontrunners bosses
    personnel""".split()
)

# electoral votes, abbreviated
_ELECTORAL_VOTES = re.compile(r"\s+(?:e\.v\.[’']?s|EVs)(?!\w)")
# plurals that modify a plural after them ("12 singles titles", "three arms dealers", "40 sales reps"): the
# second is the head; any other plural is the head itself (in "two sides takes", "takes" is a verb)
_PLURAL_MODIFIERS = frozenset(
    "singles doubles arms sales customs savings sports arts rights affairs operations securities communications "
    "electronics goods services police weapons forces".split()
)
# a plural right after the counted plural: the head of the two ("12 singles titles"); lowercase only
_HEAD_AFTER_PLURAL = re.compile(rf"\s+(?P<noun>{_PLURAL})\b(?!['’])")
# two-word nouns whose head alone names something else: "40 town halls" are no 40 halls
COMPOUND_NOUNS = frozenset(
    {"town halls", "school districts", "press conferences", "news conferences", "polling places", "polling stations",
     "watch lists", "family units"}
)
# a noun counted in the unit of its synonym: "on three occasions" is three times
_SAME_AS = {"occasions": "times"}

# distance per volume of fuel, written as FIGURES.md labels it
_FUEL_ECONOMY = {("miles", "gallons"): "mpg", ("km", "litres"): "km/L"}


# the names of peoples that are no plural in -s, as a noun: "5,000 Maltese", "thousands of Portuguese fled" (not
# "three Maltese firms", where the noun comes after)
_DEMONYM_PEOPLE = re.compile(
    r"^\s+(?:of\s+)?(?:Chinese|Japanese|Vietnamese|Lebanese|Sudanese|Burmese|Congolese|Taiwanese|Portuguese|"
    r"Senegalese|Nepalese|Maltese|Swiss|French|British|Irish|Dutch|Welsh|Scots|Spanish)\b"
    r"(?!\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*s\b)(?![\w-])"
)
_NOT_COUNTED = NOT_NOUNS | STOP_WORDS
# a price between a count and the things it counts: "four $2,000 grants", "two $1 billion loans"
_PRICED_NOUN = re.compile(
    rf"^\s+(?:US)?[$£€]\s?[\d,.]+(?:\s*(?:million|billion|trillion|[kmb]n?)\b)?(?:-[a-z]+)?\s+"
    rf"(?:[a-z][\w-]*\s+)?(?P<noun>{_PLURAL})\b"
)
# some of the persons a harm befell: "11 of those executed", "two of the wounded"
_OF_THOSE_HARMED = re.compile(
    r"^\s+of\s+(?:those|the)\s+(?:killed|executed|arrested|detained|injured|wounded|held|dead|missing|displaced|"
    r"jailed|kidnapped|abducted|convicted|evacuated)\b",
    re.I,
)
# the auxiliaries between persons and what befell them: "were", "had also been", "reportedly"
HARM_AUXILIARY = r"(?:(?:were|are|have|had|reportedly|later|since|also)\s+){1,2}(?:been\s+)?"
# what befalls persons, told right after a bare number: "30 were killed", "5,000 died", "12 were arrested"
HARMED_AFTER = re.compile(  # unanchored: .match() anchors it where the number ends
    rf"\s+(?:{HARM_AUXILIARY}(?:[a-z]+ly\s+)?"
    r"(?:killed|died|slain|murdered|executed|massacred|injured|wounded|hurt|arrested|detained|jailed|displaced|"
    r"evacuated|kidnapped|abducted|missing|dead)|(?:[a-z]+ly\s+)?(?:died|perished)"
    # "five remain in custody", "12 remained missing": persons still held, lost or in hospital
    r"|(?:remain|remains|remained)\s+(?:in\s+(?:custody|detention|hospital|jail|prison)|missing|unaccounted))\b",
    re.I,
)


def unit_after(
    text: str, end: int, *, code: str | None, one: bool, hedged: bool = False
) -> tuple[str | None, str | None, str | None, int, float]:
    """Unit, category, subject, where the figure ends and the factor on its value."""
    if code:
        return unit_per(text, end, unit=code, category="money", factor=1.0, money=True)
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
        return unit_per(text, money_end, unit=code, category="money", factor=factor, money=True)
    measure = measure_after(text, end)
    if measure is not None:
        if measure.unit == "years" and re.match(r"^\s*old\b", text[measure.end : measure.end + 5]):
            return "years", "age", None, measure.end + len(re.match(r"^\s*old", text[measure.end :]).group(0)), 1.0  # type: ignore[union-attr]
        if measure.category == "duration" and re.match(r"^[\s-]*(?:old)\b", text[measure.end : measure.end + 5]):
            return measure.unit, "age", None, measure.end, measure.factor
        return unit_per(
            text, measure.end, unit=measure.unit, category=measure.category, factor=measure.factor, money=False
        )
    of_unit = re.match(r"^\s+of(?=\s)", rest)
    measure = measure_after(text, end + of_unit.end()) if of_unit else None
    if measure is not None:
        # "hundreds of miles", "thousands of pounds of cargo": a magnitude of a unit of measure
        return unit_per(
            text, measure.end, unit=measure.unit, category=measure.category, factor=measure.factor, money=False
        )
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
                return unit_per(
                    text, end + hit.end(), unit="points", category=None, factor=1.0, money=False, subject="points"
                )
            return unit, category, None, end + hit.end(), 1.0
    if re.match(r"^\s*of\s+(them|whom|us|you)\b", rest, re.I) or _OF_THOSE_HARMED.match(rest):
        return "people", None, None, end, 1.0  # "three of them", "11 of those executed": persons
    if re.match(r"^\s+(?:in\s+favou?r|opposed)\b", rest, re.I):
        return "votes", "count", None, end, 1.0  # "the vote: 61 in favor, 48 opposed": ballots cast
    electoral = _ELECTORAL_VOTES.match(rest)
    if electoral:
        return "votes", "count", "votes", end + electoral.end(), 1.0  # "83 e.v.'s", "270 EVs": electoral votes
    if _DEMONYM_PEOPLE.match(rest):
        return "people", None, None, end, 1.0  # "thousands of Portuguese": a people, persons
    priced = _PRICED_NOUN.match(rest)
    if priced and priced.group("noun").lower() not in _NOT_COUNTED:
        word = priced.group("noun").lower()  # "four $2,000 grants", "six $1,500 checks": the things counted
        return counted_unit(word, priced.group("noun")), None, word, end, 1.0
    if not one and re.match(r"^\s+strong\b(?!\s+(?:enough|and|as)\b)", rest):
        return "people", "count", None, end, 1.0  # "an army 8,000 strong": the persons of a crowd or a force
    if HARMED_AFTER.match(rest):
        return "people", None, None, end, 1.0  # "30 were killed", "5,000 died": persons, whatever befell them
    # "two of our best branches": some of a set named after a possessive count the set's noun
    # "a thousand or more Kurds": an open bound between the number and its noun (the qualifier, see bound_after)
    counted = re.match(
        rf"^\s*(?:(?:{OPEN_BOUND}|or\s+so)\s+(?=[a-zA-Z]))?"
        r"(?:of\s+(?:our|their|its|his|her|my|your)\s+|(?:of\s+)?(?:(?:the|these|those)\s+)?)",
        rest,
    )
    offset = counted.end() if counted else 0
    noun = COUNTED.match(rest[offset:])
    if noun and noun.group("noun").isupper() and re.match(r"\s+[a-z][\w-]*s\b", rest[offset + noun.end() :]):
        noun = None  # "two PBS journalists": an acronym before a noun names, it is no plural; the noun comes after
    if noun and _proper_modifier(noun.group("noun"), rest[offset + noun.end() :]):
        noun = None  # "five Dallas police officers": a place names the officers, it is not what is counted
    part = re.match(r"^\s+(?:out\s+)?of\s+(?:(?:the|its|his|her|their|our|my|your|these|those)\s+)?", rest, re.I)
    if part:
        whole = re.match(rf"(?:[\w-]+(?:['’]s)?\s+)?(?:{DIGITS}|{WORD_NUMBER})\s+", rest[part.end() :], re.I)
        noun_of_whole = _whole_noun(rest[part.end() + whole.end() :]) if whole else None
        if noun_of_whole:
            # "23 of its 29 delegates", "8 of the last 11 state contests": the part counts what the
            # whole counts; the whole is its own figure
            word = noun_of_whole.lower()
            return counted_unit(word, noun_of_whole), None, word, end, 1.0
    if noun and noun.group("noun").lower() not in NOT_NOUNS and parse_number(noun.group("noun")) is None:
        word = noun.group("noun").lower()
        adjectives = [a.strip('"“”') for a in noun.group("adjs").split()]
        numeric = any(re.fullmatch(r"[\d.,]+", a) or parse_number(a) is not None for a in adjectives)
        # "under 35 support Lopez": after an age bound, a name in -s after a lowercase word is no noun ("two young
        # Afghans", "12 young Democrats" are counts)
        name = (
            re.search(r"\b(?:under|over)\s+\d{2}\Z", text[max(0, end - 12) : end]) is not None
            and noun.group("noun")[:1].isupper()
            and noun.group("noun")[1:].islower()  # an acronym ("two super PACs") names things
            and bool(adjectives)
            and adjectives[0][:1].islower()
            and word not in _PEOPLE
            and not any(lemma in _person_nouns() for lemma in _singulars(word))
        )
        if not (name or numeric or any(a.lower() in _FUNCTION_WORDS or a in _CLAUSE_WORDS for a in adjectives)):
            if adjectives and f"{adjectives[-1].lower()} {word}" in COMPOUND_NOUNS:
                word = f"{adjectives[-1].lower()} {word}"  # "40 town halls": the compound names what is counted
            stop, written = end + offset + noun.end(), noun.group("noun")
            head = _HEAD_AFTER_PLURAL.match(text, stop)
            if head and word not in _PLURAL_MODIFIERS and not (
                counted_unit(head.group("noun").lower()) == "people" and counted_unit(word, written) != "people"
            ):
                head = None  # only a listed modifier, or any plural before persons ("burns victims"), modifies
            if head and head.group("noun").lower() not in _NOT_COUNTED | _CLAUSE_WORDS:
                # "12 singles titles", "three arms dealers": a plural before a plural modifies it
                stop, written = head.end(), head.group("noun")
                word = written.lower()
            unit = counted_unit(word, written)
            return unit_per(text, stop, unit=unit, category=None, factor=1.0, money=False, subject=word)
    if re.match(r"^\s*(dead|killed|injured|wounded|displaced)\b", rest, re.I):
        return "people", None, None, end, 1.0
    if one:
        one_noun = _noun_after_one(rest, hedged=hedged)
        if one_noun:
            word, stop = one_noun
            word = plural(word)  # "one toilet", "one out-of-county warrant": counted in the plural
            person = word in ("mans", "womans", "persons", "childs") or counted_unit(word) == "people"
            return ("people" if person else _SAME_AS.get(word, word)), None, word, end + stop, 1.0
    # "30 Boeing 787-9 jets": names and models between the number and what it counts
    ahead = re.match(
        r"^\s+(?:of\s+(?:the\s+)?)?((?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w-]*|\d[\w-]*|['’]s|and(?=\s+[A-Z]))\s+){1,5}"
        r"(?:[a-z][\w-]*\s+){0,2}?(?P<noun>"  # "two U.S. diplomatic compounds"
        + _PLURAL
        + "|"
        + _IRREGULAR_PLURALS
        + r")\b",
        rest,
    )
    if ahead and ahead.group("noun").lower() not in NOT_NOUNS:
        word = ahead.group("noun").lower()
        return counted_unit(word, ahead.group("noun")), None, word, end, 1.0
    return None, None, None, end, 1.0


# a lowercase word by an ending adjectives have ("regional", "civic", "eastern", "leading", "elected")
_ADJECTIVE = re.compile(
    r"[a-z]+(?:al|ic|an|ern|ing|ed|ive|ous)|[a-z]+-[\w-]+|new|old|big|small|large|top|major|key|young|senior|junior"
)


def _whole_noun(rest: str) -> str | None:
    """The plural noun after a whole's number, past up to three modifiers ("14 rural and
    coastal counties"), or None when a function word or a singular noun comes first."""
    words = re.findall(r"[\w'’-]+", rest[:80])
    for i, word in enumerate(words[:4]):
        lowered = word.lower()
        if re.fullmatch(_PLURAL, lowered) and lowered not in NOT_NOUNS | STOP_WORDS:
            return word
        between = lowered == "and" and i > 0 or lowered in ("most", "least")  # "the five most populous counties"
        proper = word[:1].isupper() and lowered not in STOP_WORDS
        # a noun before the head ("the last five state races"); a word in -ed, -ly or -s is no such noun
        modifier = word.islower() and lowered not in STOP_WORDS and not re.search(r"(?:ed|ly|s)$", lowered)
        if between or proper or modifier or _ADJECTIVE.fullmatch(word):
            continue  # an adjective, a proper modifier, a noun before the head, or the "and" between two of them
        return None
    return None


def _proper_modifier(word: str, rest: str) -> bool:
    """True when a capitalised word ending in s modifies a plural noun after it ("Dallas police")."""
    if not word[:1].isupper() or word.isupper():
        return False
    # "Texas oil companies": up to two lowercase modifiers between; "Americans dead" is a predicate
    # ("Kurds and other groups" are two groups, the first no modifier)
    after = re.match(
        # "Hamas and Fatah offices": a second name joined to the first, when the first names no persons
        rf"(?P<joined>\s+and(?:\s+[A-Z][\w-]*){{1,3}})?"
        rf"(?:\s+(?!(?:and|or|in|on|at|of|to|from|for|with|by|into|across|near|inside|outside)\b)[a-z][\w-]*?){{0,2}}?"
        rf"\s+(?P<next>{_IRREGULAR_PLURALS}|{_PLURAL})\b",
        rest,
    )  # "resettle 250,000 Syrians in remote parts": a preposition between, no modifier
    if after and after.group("joined") and counted_unit(word.lower(), word) == "people":
        return False  # "dozens of Palestinians and Israeli settlers": two groups of persons
    return (
        bool(after) and after.group("next").lower() not in STOP_WORDS | NOT_NOUNS | _PREDICATES  # type: ignore[union-attr]
    )


# words of the irregular plurals that follow a count as a predicate: "left three Americans dead"
_PREDICATES = frozenset({"dead", "wounded", "injured"})


# Nouns of persons by their form: agent nouns ("painters", "donors", "economists", "musicians",
# "millionaires", "bureaucrats", "trainees", "entrepreneurs") and, capitalised, members of a nation or party
# ("Republicans", "Israelis"). Things and firms with the same endings are a general stop list.
_PERSON_FORM = re.compile(
    r"[a-z]{3,}(?:er|or|eur)s|[a-z]{2,}(?<!s)ists|[a-z]{2,}(?:ian|crat|aire|ee)s|(?-i:[A-Z][a-z]{2,}(?:an|i)s)", re.I
)
_NOT_PERSONS = frozenset(
    """others numbers letters papers orders layers centers centres meters metres filters towers quarters headquarters
    helicopters matters chapters borders corridors parameters characters barriers containers computers servers routers
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


def counted_unit(word: str, written: str | None = None) -> str:
    """The unit of a count of a plural noun: people for persons ("voters", "congressmen"), else the noun
    (families and households are counted as such, not as the persons in them)."""
    if word in _SAME_AS:
        return _SAME_AS[word]
    if word in _PEOPLE or re.search(r"(?:men|children)$", word):
        return "people"
    if word not in _NOT_PERSONS and not word.endswith("makers") and _PERSON_FORM.fullmatch(written or word):
        return "people"
    head = word.rsplit("-", 1)[-1]  # "uber-volunteers", "co-founders": the last part names what is counted
    if head not in _NOT_PERSONS and any(lemma in _person_nouns() for lemma in _singulars(head)):
        return "people"  # the nouns no list here knows: "rivals", "hopefuls", "staffers", "operatives"
    return word


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """The nouns whose first WordNet sense is a person and no sense a thing, a place, an animal, a food or a
    plant (transforms/models/person_nouns.txt, written by bench/make_person_nouns.py), read once per process."""
    text = resources.files("transforms.models").joinpath("person_nouns.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _singulars(word: str) -> list[str]:
    """The singulars a regular plural can come from: "rivals" -> rival, "witnesses" -> witness (and
    witnesse), "deputies" -> deputy (and deputie); nothing for a word that is no regular plural."""
    if not word.endswith("s") or word.endswith("ss"):
        return []
    found = [word[:-1]]
    if re.search(r"(?:s|x|z|ch|sh)es$", word):
        found.append(word[:-2])
    elif word.endswith("ies"):
        found.append(word[:-3] + "y")
    return found


def plural(word: str) -> str:
    """The regular English plural of a noun: toilet -> toilets, country -> countries, stretch -> stretches."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


# comparatives that read like agent nouns ("one better", "one bigger")
_COMPARATIVES = frozenset(
    """better bigger larger smaller higher lower greater longer shorter older younger newer stronger weaker wider
    faster slower harder easier earlier later richer poorer closer farther further fewer lesser deeper cheaper
    safer""".split()
)


# participles that do not end in -ed or -ing, before a noun: "one paid staffer", "one sworn officer"
_PARTICIPLES = frozenset(
    "paid sworn known born grown chosen hidden broken stolen frozen built made held led won lost taken given seen "
    "shown written driven done brought bought caught taught sent spent kept left told sold found meant".split()
)


# adjectives no ending tells, which are no noun after "one" ("one strong enough")
_PLAIN_ADJECTIVES = frozenset("long short big small new old good bad high low strong".split())


_PRONOUNS_AFTER_ONE = frozenset("nobody somebody anybody everybody anyone someone everyone".split())


def _noun_after_one(rest: str, *, hedged: bool = False) -> tuple[str, int] | None:
    """The singular noun a count of one counts ("one toilet", "one legal expert"), and where it ends.

    "one night" or "one day" alone is a moment ("one night in June"); hedged ("more than one night")
    it is a count."""
    # "one other candidate": "other" before the noun says one more of a kind, a count
    run = re.match(
        r"^\s+(?:other\s+)?(?:[a-z][\w-]*-[\w-]+\s+)?(?P<first>[a-z]{3,})\b(?:\s+(?P<second>[a-z]{3,})\b)?", rest
    )
    if not run:
        return None
    first, second = run.group("first"), run.group("second")
    if first in _PRONOUNS_AFTER_ONE:
        return None  # "a moment that was one nobody noticed": a pronoun after "one" starts a clause
    adjective = (
        re.search(r"(?:al|ful|ous|ive|ic|y|able|ible)$", first)
        and not first.endswith(("ly", "ary", "ty"))
        or first.endswith(("ed", "ing"))  # a participle before the noun: "one elected official"
        or first in _PARTICIPLES
    )
    if adjective and not second:
        return None  # "one available to anyone": an adjective used as a pronoun, nothing counted
    if second and f"{first} {plural(second)}" in COMPOUND_NOUNS:
        return f"{first} {second}", run.end("second")  # "one polling place": the compound names the thing
    candidates = [("second", second), ("first", first)] if second and adjective else [("first", first)]
    for group, word in candidates:
        if (
            word
            and word not in NOT_NOUNS | STOP_WORDS
            and (hedged and word not in ("of", "and", "or", "but", "thing") or word not in _FUNCTION_AFTER_ONE)
            and not word.endswith(("ly", "ing", "ed", "est"))
            # "one soldier", "one daughter": a person; "one better", "one number": no count of one
            and not (word.endswith("er") and (word in _COMPARATIVES or counted_unit(plural(word)) != "people"))
            and word not in _PLAIN_ADJECTIVES
            and not (word.endswith("s") and not word.endswith("ss"))
        ):
            return word, run.end(group)
    return None


def unit_per(
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
    # "per square foot": a denominator of two words when the first is "square" or "cubic"
    den = r"(?P<den>(?:(?:square|cubic)[\s-]+)?[a-z]+)\b"
    pattern = (
        rf"^\s+(?:per(?:\s+(?:diluted|adjusted|basic))?|a|an|each)\s+{den}(?<!ing)"
        if money or category == "duration" or unit == "people"  # "60 hours a week", "90 people a day"
        else rf"^\s+(?:per|each)\s+{den}(?<!ing)"  # "the two nations each massing troops": no rate
    )
    per = re.match(pattern, text[end : end + 30], re.I) or re.match(rf"^-(?:a|an|per)-{den}", text[end : end + 20])
    if money and not per:  # "a $500 donation per person", "$1 billion in trade each day": words between
        between = rf"^\s+(?:in\s+)?(?:[a-z][\w-]*\s+){{1,2}}?(?:per|each|every)\s+{den}"
        per = re.match(between, text[end : end + 50], re.I)
    # "$9,000 or more annually": a bound between the money and its period
    rate = re.match(
        rf"^(?:\s+{OPEN_BOUND})?[\s-]+(?P<den>annual|yearly|monthly|weekly|daily|hourly)(?:ly)?\b",
        text[end : end + 24],
        re.I,
    )
    if money and rate and not per:  # "a $69.99 annual subscription": money per year
        periods = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}
        period = periods.get(rate.group("den").lower(), "hour")
        return f"{unit}/{period}", category, subject, end + rate.end(), factor
    if per and unit not in ("percent", "percentage_points"):
        denominator = " ".join(per.group("den").lower().replace("-", " ").split())
        following = text[end + per.end() : end + per.end() + 12]
        is_time = denominator in ("year", "month", "week", "day", "hour", "quarter", "decade")
        area = measure_of(denominator) if " " in denominator else None
        if " " in denominator and area is None:
            return unit, category, subject, end, factor  # "per square" and a word that is no measure
        if (
            (denominator not in STOP_WORDS or is_time)  # "$2,000 a year"
            and denominator not in ("cent", "cents")
            and not (is_time and re.match(r"^\s*(?:ago|earlier|before|after|later|from|prior)\b", following))
            and not (is_time and not money and unit != "people" and not _time_rate(text, end, per.group(0)))
            and not (category == "duration" and not is_time and not per.group(0).strip().startswith("per"))
            and not (unit == "people" and not is_time and not per.group(0).strip().startswith("per"))
        ):
            if area is not None:  # "$450 a square foot": the measure's own label
                return f"{unit}/{area[0]}", category, subject, end + per.end(), factor
            singular = denominator[:-1] if denominator.endswith("s") and not denominator.endswith("ss") else denominator
            measured = measure_of(singular)
            economy = _FUEL_ECONOMY.get((unit, measured[0] if measured else singular))
            if economy:  # "40 miles per gallon": fuel economy has its own short label
                return economy, "other", subject, end + per.end(), factor
            then = _SECOND_PERIOD.match(text, end + per.end()) if not is_time else None
            if then:  # "$90 per worker per month": a second denominator, a period
                return f"{unit}/{singular}/{then.group('period').lower()}", category, subject, then.end(), factor
            return f"{unit}/{singular}", category, subject, end + per.end(), factor
    if money and unit == "USD":
        on_the_dollar = re.match(r"\s+on\s+the\s+dollar\b", text[end : end + 20], re.I)
        if on_the_dollar:  # "13 cents on the dollar": a share of each dollar, in dollars per dollar
            return "USD/USD", category, subject, end + on_the_dollar.end(), factor
    return unit, category, subject, end, factor


# a period after a first denominator: "$213 per adult per year"
_SECOND_PERIOD = re.compile(r"\s+(?:per|a|an|each)\s+(?P<period>year|month|week|day|hour)\b", re.I)


# a duration per period ("60 hours a week", "three days each month"); other numerators take "per"
_RATE_OF_TIME = re.compile(r"(?:hours|minutes|days|weeks|months) (?:a|an|each|per)\b|\S+ (?:per|each)\b")
# the phrases that mean "all the time", not a rate: "24 hours a day", "seven days a week"
_ALWAYS = re.compile(r"\b(?:24|twenty-four) hours an? day|\b(?:7|seven) days an? week|\b365 days an? year", re.I)


def _time_rate(text: str, end: int, per: str) -> bool:
    """True when a measure ending at end, then per ("a week", "each month"), is a rate of time."""
    unit_word = re.search(r"(\S+)\s*$", text[max(0, end - 12) : end])
    phrase = f"{unit_word.group(1).lower() if unit_word else ''} {' '.join(per.split())}"
    return bool(_RATE_OF_TIME.match(phrase)) and not _ALWAYS.search(text, max(0, end - 20), end + len(per) + 1)


def counted_context(text: str, end: int) -> bool:
    """True when what follows makes a bare number a count ("of them", "were", "people", "remained")."""
    return bool(
        re.match(
            r"^\s*(of them|of whom|were|have been|had been|people|remain(?:ed|s)?|(?:are|were) left|survived|"
            # "Four more followed", "built 50 more along the coast": more of what was named before
            r"more(?=\s*[,.;:!?]|\s+(?:[a-z]+ed|are|were|is|was|have|had|will|would|could|may|might|like|in|on|at|"
            r"along|across|to|from|since|this|last|each|every|[a-z]+ing)\b))\b",
            text[end : end + 20],
            re.I,
        )
    )
