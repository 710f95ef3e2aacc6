"""Word lists shared by the transforms: stop words, titles and roles, pronouns, particles.

Declared once here; quotes, entities, stories, statements and figures import what they need.
"""

from __future__ import annotations

# A compact English stop list: function words carry no story or statement signal.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own said same says she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    one two new last first year years told would could may might must since still even like""".split()
)

# Titles and roles that come before a name and are not part of it ("President", "Sen.", "HTS leader").
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. del del. gov gov. gen gen. lt lt. col col. capt capt.
    sgt sgt. prof prof. rev rev. president vice prime minister secretary general secretary-general
    lieutenant colonel major captain sergeant commander chief director chairman chairwoman chair
    spokesman spokeswoman spokesperson envoy special ambassador senator representative governor
    mayor judge justice king queen prince princess sheikh emir leader editor editor-in-chief
    defense defence foreign interior finance health attorney deputy acting former state un u.n.
    analyst professor officer official founder ceo executive head coach pope saint st st. rebel
    fighter""".split()
)

# Abbreviations whose period ends no sentence: titles before a name ("Sen. Lee"), and the AP style's short
# names of US states after a city or a party ("Tampa, Fla.", "R-Calif."), written without their period.
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Del", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
                       "Prof", "Rev", "Jr", "Sr", "St", "Sens", "Reps", "U.S", "U.N")
STATE_ABBREVIATIONS = ("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
                       "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M", "N.Y",
                       "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
                       "W.Va", "Wyo")

# Personal pronouns a speaker can be referred to by, and what they can refer to.
PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group", "we": "group", "i": "person"}

# Words that open many sentences and are never a name.
DETERMINERS = frozenset("the a an this that these those his her its their our my one another".split())

# Particles inside Arabic, Spanish, Dutch ... names ("al-", "bin", "de", "van").
NAME_PARTICLES = frozenset(
    "al al- el el- bin ibn bint abu abou de del della der di da du van von le la dos das".split()
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")

# Short and official forms of countries, written as news writes them -> the common name they
# are one entity with ("UK", "Britain" -> United Kingdom). Exact surfaces: "Latin America" is
# not "America".
COUNTRY_FORMS = {
    "US": "United States", "U.S.": "United States", "U.S": "United States", "USA": "United States",
    "U.S.A.": "United States", "United States of America": "United States", "America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "U.K": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "Russian Federation": "Russia", "Syrian Arab Republic": "Syria", "Islamic Republic of Iran": "Iran",
    "DPRK": "North Korea", "Democratic People's Republic of Korea": "North Korea",
    "Republic of Korea": "South Korea", "PRC": "China", "People's Republic of China": "China",
    "Holland": "Netherlands", "Czechia": "Czech Republic", "Burma": "Myanmar", "Türkiye": "Turkey",
    "Turkiye": "Turkey", "Ivory Coast": "Côte d'Ivoire", "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo", "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "KSA": "Saudi Arabia", "Kingdom of Saudi Arabia": "Saudi Arabia", "State of Israel": "Israel",
}

# Legal-form suffixes of company names: "Acme Inc." and "ACME INC" are Acme.
LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co ltd limited llc plc ag sa nv gmbh lp llp".split()
)

# Reporting verbs that govern a quotation ("said", "told", "pointed out"), in the forms news uses.
# The parse-free attribution matches these; with a parse, the learned model ranks any verb instead.
REPORTING_VERBS = tuple(
    word.replace("_", " ")
    for word in """
    said says say saying told tells tell telling added adds adding explained explains explaining argued
    argues arguing warned warns warning noted notes noting stressed stresses insisted insists declared
    declares announced announces wrote writes writing asked asks asking replied replies continued continues
    claimed claims claiming conceded acknowledged acknowledges recalled recalls remarked stated states
    tweeted tweets posted proclaimed proclaiming conveyed reported reports urged urges predicted predicts
    suggested suggests admitted admits confirmed confirms observed observes responded responds countered
    counters cautioned cautions blasted vowed vows promised promises pledged joked jokes quipped boasted
    complained complains lamented laments agreed agrees thundered shouted yelled chanted chanting sang
    sings described describes called calls testified estimated concluded characterized characterised
    characterizes proclaims declaring insisting stressing calling describing labeled labelled labeling
    dubbed dubs branded brands deemed termed terms slammed ripped accused accuses accusing praised praises
    urging rated rates denounced denounces criticized criticizes criticised cited cites referred_to
    refers_to referring_to quoted quoting promising vowing pledging demanded demands demanding tweeting
    pointed_out put_it wondered mocked mocks mocking blamed blames touted touts hailed hails dismissed
    dismisses questioned singing yells shouting screamed reads read""".split()
)

# Words that say a quantity went up or down by an amount ("rose 5%", "cut 200 jobs", "a 5% drop"):
# the figures' change column.
RISE_WORDS = frozenset(
    """rose rise rises rising risen up increase increased increases increasing climbed climb climbs
    jumped jump jumps gained gain gains grew grow grows growth added adds surged surge surges soared
    soars rallied rally advanced advances raised raise raises boosted boost hike hikes hiked expanded
    higher spike spiked""".split()
)
FALL_WORDS = frozenset(
    """fell fall falls falling fallen down decrease decreased decreases decreasing declined decline
    declines dropped drop drops slid slide slides slipped slip slips lost lose loses loss losses shed
    sheds cut cuts plunged plunge plunges plummeted tumbled tumble sank sink eased reduced reduce
    reduction reductions lowered lower shrank shrink shrinks slumped slump dipped dip dips retreated
    contracted""".split()
)
