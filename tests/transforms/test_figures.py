"""Figures: every number form, unit, qualifier and category; what is not a figure; the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.figures import extract_figures
from transforms.records import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def one(text: str) -> tuple[str, float, float, float, str | None, str | None, str]:
    figures = extract_figures("a1", text)
    assert len(figures) == 1, figures
    f = figures[0]
    return f.surface, f.value, f.value_low, f.value_high, f.qualifier, f.unit, f.category


@pytest.mark.parametrize(
    "text, expected",
    [
        # digits with a thousands separator
        ("The rebels freed 1,000 prisoners.", ("1,000 prisoners", 1000, 1000, 1000, "exact", "people", "detained")),
        # a decimal
        ("Unemployment rose to 12.5 percent.", ("12.5 percent", 12.5, 12.5, 12.5, "exact", "percent", "percent")),
        # number words
        ("Hama is home to one million people.",
         ("one million people", 1e6, 1e6, 1e6, "exact", "people", "population")),
        ("About two hundred soldiers were wounded.",
         ("About two hundred soldiers", 200, 200, 200, "approximately", "people", "injured")),
        # a fraction with a multiplier
        ("The war has killed nearly half a million people.",
         ("nearly half a million people", 5e5, 5e5, 5e5, "approximately", "people", "killed")),
        # money with a symbol and a multiplier, and short scales
        ("He has a $10 million bounty on his head.", ("$10 million", 1e7, 1e7, 1e7, "exact", "USD", "money")),
        ("The deal is worth €1.2bn.", ("€1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact", "EUR", "money")),
        ("Fines reached £300,000.", ("£300,000", 3e5, 3e5, 3e5, "exact", "GBP", "money")),
        ("The fund holds 40 million dollars.", ("40 million dollars", 4e7, 4e7, 4e7, "exact", "USD", "money")),
        # vague magnitudes are ranges, approximately
        ("Rebels released hundreds of prisoners.",
         ("hundreds of prisoners", 550, 200, 900, "approximately", "people", "detained")),
        ("Tens of thousands of people fled the city.",
         ("Tens of thousands of people", 55000, 20000, 90000, "approximately", "people", "displaced")),
        # ranges
        ("The crackdown left 20,000-40,000 people dead.",
         ("20,000-40,000 people", 30000, 20000, 40000, "exact", "people", "killed")),
        ("Between 20 and 30 civilians were killed.",
         ("Between 20 and 30 civilians", 25, 20, 30, "exact", "people", "killed")),
        # qualifiers
        ("At least 40 people died in the blast.", ("At least 40 people", 40, 40, 40, "at_least", "people", "killed")),
        ("More than 727 people have been killed.",
         ("More than 727 people", 727, 727, 727, "more_than", "people", "killed")),
        ("Over 115,000 people were displaced.",
         ("Over 115,000 people", 115000, 115000, 115000, "more_than", "people", "displaced")),
        ("Up to 50 detainees were freed.", ("Up to 50 detainees", 50, 50, 50, "up_to", "people", "detained")),
        ("Less than 10 percent voted.", ("Less than 10 percent", 10, 10, 10, "less_than", "percent", "percent")),
        # units: distance, percent sign, durations, ages
        ("Homs is 40 kilometres to the south.", ("40 kilometres", 40, 40, 40, "exact", "km", "distance")),
        ("The border is 12 miles away.", ("12 miles", 12, 12, 12, "exact", "miles", "distance")),
        ("He ordered a 50% pay hike.", ("50%", 50, 50, 50, "exact", "percent", "percent")),
        ("The siege lasted 40 days.", ("40 days", 40, 40, 40, "exact", "days", "duration")),
        ("“We are afraid,” said the 33-year-old.", ("the 33-year-old", 33, 33, 33, "exact", "years", "age")),
        # counted nouns other than people
        ("The army lost 12 tanks.", ("12 tanks", 12, 12, 12, "exact", "tanks", "count")),
    ],
)
def test_number_forms_units_qualifiers_and_categories(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    surface, value, low, high, qualifier, unit, category = one(text)
    assert (surface, qualifier, unit, category) == (expected[0], expected[4], expected[5], expected[6])
    assert (value, low, high) == pytest.approx(expected[1:4])


@pytest.mark.parametrize(
    "text, token",
    [
        ("The uprising began in 2011.", "2011"),  # a year
        ("In 1982, the army crushed the revolt.", "1982"),  # a year at a sentence start
        ("The offensive began on November 27.", "27"),  # a date
        ("It ended on 5 December after talks.", "5"),  # a date, day first
        ("The meeting starts at 10:30 am.", "10"),  # a time
        ("It is Syria's fourth-largest city.", "fourth"),  # an ordinal word
        ("He finished 20th in the race.", "20"),  # an ordinal in digits
        ("Cases of COVID-19 rose again.", "19"),  # a number inside a name
        ("Two F-16 jets flew over.", "F-16 jets"),  # a model name (the two jets are a figure)
        ("Call 555-0199 for details.", "555"),  # a phone number
        ("One of the few countries backed him.", "One"),  # "one of" is a pronoun
        ("The S&P 500 closed higher.", "500"),  # an index name
    ],
)
def test_not_figures(text: str, token: str) -> None:
    assert not [f for f in extract_figures("a1", text) if f.surface.startswith(token) or token in f.surface.split()]


def test_a_model_number_is_not_the_count() -> None:
    # "Two F-16 jets": two jets, not sixteen
    assert [(f.value, f.unit) for f in extract_figures("a1", "Two F-16 jets flew over.")] == [(2.0, "jets")]


def test_spans_are_exact() -> None:
    text = "Nearly 300 school districts closed.\n\nOfficials said 1,200 teachers marched."
    for f in extract_figures("a1", text):
        assert text[f.start_char : f.end_char] == f.surface


def _seed_figures() -> list[tuple[str, float, str | None, str]]:
    options = ExtractOptions()
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = build_article(split_source(path.name, path.read_bytes(), options)[0], options)  # type: ignore[arg-type]
        assert isinstance(article, Article)
        found += [(f.surface, f.value, f.unit, f.category) for f in extract_figures(article.article_id, article.text)]
    return found


@pytest.mark.parametrize(
    "surface, value, unit, category",
    [
        ("one million people", 1e6, "people", "population"),
        ("110 kilometers", 110, "km", "distance"),
        ("826 people", 826, "people", "killed"),
        ("111 civilians", 111, "people", "killed"),
        ("727 people", 727, "people", "killed"),
        ("222 people", 222, "people", "killed"),
        ("50%", 50, "percent", "percent"),
        ("20,000-40,000 people", 30000, "people", "killed"),
        ("nearly half a million people", 5e5, "people", "killed"),
        ("Around 12 million people", 1.2e7, "people", "displaced"),
        ("over 115,000 people", 115000, "people", "displaced"),
        ("$10 million", 1e7, "USD", "money"),
        ("the 33-year-old", 33, "years", "age"),
    ],
)
def test_seed_figures_a_reader_would_list(surface: str, value: float, unit: str, category: str) -> None:
    matches = [f for f in _seed_figures() if f[0] == surface]
    assert matches, surface
    assert matches[0][1:] == (pytest.approx(value), unit, category)


def test_no_year_is_a_figure_in_the_seeds() -> None:
    years = [f for f in _seed_figures() if f[0].strip() in ("1982", "2011", "2020", "2024", "2023")]
    assert years == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # power and energy, spelled out and as symbols
        ("The plant will add 1,200 megawatts.", ("1,200 megawatts", 1200, "MW", "energy")),
        ("The farm makes 3 GW at its peak.", ("3 GW", 3, "GW", "energy")),
        ("A 60 kWh battery powers it.", ("60 kWh", 60, "kWh", "energy")),
        ("The town used 40 gigawatt hours last winter.", ("40 gigawatt hours", 40, "GWh", "energy")),
        ("Each panel gives 400 watts.", ("400 watts", 400, "W", "energy")),
        ("Its engine makes 310 horsepower.", ("310 horsepower", 310, "hp", "energy")),
        # speed
        ("The storm brought winds of 90 mph.", ("90 mph", 90, "mph", "speed")),
        ("Trains will run at 320 km/h.", ("320 km/h", 320, "km/h", "speed")),
        ("Gusts reached 110 kilometres per hour.", ("110 kilometres per hour", 110, "km/h", "speed")),
        # data
        ("The phone ships with 8 GB of memory.", ("8 GB", 8, "GB", "data")),
        ("Users uploaded 2.5 TB in a week.", ("2.5 TB", 2.5, "TB", "data")),
        # volume
        ("Each tank holds 500 litres.", ("500 litres", 500, "litres", "volume")),
        ("Output fell to 9.8 million barrels.", ("9.8 million barrels", 9.8e6, "barrels", "volume")),
        ("The trunk offers 15 cubic feet.", ("15 cubic feet", 15, "ft3", "volume")),
        # temperature
        ("Temperatures hit 41 °C in the capital.", ("41 °C", 41, "°C", "temperature")),
        ("It felt like 105 degrees Fahrenheit.", ("105 degrees Fahrenheit", 105, "°F", "temperature")),
        # area
        ("The fire burned 2,000 acres.", ("2,000 acres", 2000, "acres", "area")),
        ("The park covers 300 square kilometres.", ("300 square kilometres", 300, "km2", "area")),
        ("Crops on 12 hectares were lost.", ("12 hectares", 12, "hectares", "area")),
        # mass
        ("Police seized 40 kilograms of the drug.", ("40 kilograms", 40, "kg", "mass")),
        ("He weighed in at 243 pounds.", ("243 pounds", 243, "lb", "mass")),  # no sterling in sight: weight
        ("The ship carried 2,500 metric tons of grain.", ("2,500 metric tons", 2500, "tonnes", "mass")),
        # sports statistics and compound units
        ("She averages 27.4 points per game this season.", ("27.4 points per game", 27.4, "points/game", "count")),
        ("He finished with 31 points and the win.", ("31 points", 31, "points", "count")),
        ("Solar now costs $1.40 per watt.", ("$1.40 per watt", 1.40, "USD/watt", "money")),
        ("Brent traded at $60 a barrel.", ("$60 a barrel", 60, "USD/barrel", "money")),
        ("The firm earned 45 cents per share.", ("45 cents per share", 0.45, "USD/share", "money")),
        ("The $6.99-a-month service grew.", ("$6.99-a-month", 6.99, "USD/month", "money")),  # hyphenated rate
        # glued units
        ("The game runs at 60fps on the console.", ("60fps", 60, "fps", "other")),
        ("He ran a 10km route.", ("10km", 10, "km", "distance")),
    ],
)
def test_units_beyond_conflict(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    figures = extract_figures("a1", text)
    assert len(figures) == 1, figures
    f = figures[0]
    assert (f.surface, f.unit, f.category) == (expected[0], expected[2], expected[3])
    assert f.value == pytest.approx(expected[1])


@pytest.mark.parametrize(
    "text, surface, value, code",
    [
        ("The bridge cost ₹2,400 crore.", "₹2,400 crore", 2.4e10, "INR"),  # a symbol and a crore
        ("The scheme pays Rs 2 lakh a family.", "Rs 2 lakh a family", 2e5, "INR/family"),  # Rs and a lakh, per family
        ("A budget of Rs. 1.5 lakh crore was set.", "Rs. 1.5 lakh crore", 1.5e12, "INR"),  # lakh crore = 1e12
        ("The club paid 12 lakh rupees.", "12 lakh rupees", 1.2e6, "INR"),  # the name after the number
        ("The loan was 2 billion naira.", "2 billion naira", 2e9, "NGN"),  # a name from the CLDR table
        ("Fares rose to 150 Kenyan shillings.", "150 Kenyan shillings", 150, "KES"),  # a qualified name
        ("Exports reached ₦500 billion.", "₦500 billion", 5e11, "NGN"),  # a local symbol from an English locale
        ("The fund raised USD 40 million.", "USD 40 million", 4e7, "USD"),  # an ISO code before the number
        ("They paid 300 CHF each.", "300 CHF", 300, "CHF"),  # an ISO code after the number
        ("Tickets cost A$45.", "A$45", 45, "AUD"),  # a dollar with its country's initial
        ("The bill came to ¥3,000.", "¥3,000", 3000, "JPY"),  # the yen sign
        ("The fine was 71,350 euro.", "71,350 euro", 71350, "EUR"),  # a singular name
        ("A London firm lost 3 million pounds.", "3 million pounds", 3e6, "GBP"),  # pounds in a British story
        ("Sales hit R$2 billion.", "R$2 billion", 2e9, "BRL"),  # the real's symbol
        ("It is worth 1,00,000 rupees.", "1,00,000 rupees", 1e5, "INR"),  # Indian digit grouping
    ],
)
def test_currencies_by_symbol_code_and_name(text: str, surface: str, value: float, code: str) -> None:
    figures = extract_figures("a1", text)
    assert [(f.surface, f.unit) for f in figures] == [(surface, code)]
    assert figures[0].value == pytest.approx(value)
    assert figures[0].category == "money"


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("A third of voters stayed home.", "A third", 100 / 3),  # a fraction in words
        ("Two-thirds of the staff left.", "Two-thirds", 200 / 3),  # hyphenated
        ("Nearly three quarters of homes lost power.", "Nearly three quarters", 75),  # with a qualifier
        ("A fifth of the budget went to roads.", "A fifth", 20),  # an ordinal used as a fraction
        ("One in five adults smokes.", "One in five", 20),  # a share written as "one in N"
        ("Nine out of 10 doctors agreed.", "Nine out of 10", 90),  # "out of"
        ("Costs were cut by a third last year.", "a third", 100 / 3),  # "by a third"
    ],
)
def test_shares_in_words_are_percent(text: str, surface: str, value: float) -> None:
    figures = extract_figures("a1", text)
    assert [(f.surface, f.unit) for f in figures] == [(surface, "percent")]
    assert figures[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, surface, value, unit, category",
    [
        ("The court ordered a 30-day delay.", "30-day", 30, "days", "duration"),  # a hyphenated duration
        ("They built a 12-kilometre road.", "12-kilometre", 12, "km", "distance"),  # a hyphenated distance
        ("It has a 15.6-inch screen.", "15.6-inch", 15.6, "inches", "distance"),  # a decimal before the hyphen
        ("The party unveiled a five-year plan.", "five-year", 5, "years", "duration"),  # a number word
        ("The 1,900-mile-wide moon is icy.", "1,900-mile-wide", 1900, "miles", "distance"),  # "-wide"
        ("It covers people ages 12 and older.", "ages 12 and older", 12, "years", "age"),  # an age bound
        ("After a three-hour interview he left.", "three-hour", 3, "hours", "duration"),  # hours
    ],
)
def test_hyphenated_measures(text: str, surface: str, value: float, unit: str, category: str) -> None:
    figures = extract_figures("a1", text)
    assert [(f.surface, f.unit, f.category) for f in figures] == [(surface, unit, category)]
    assert figures[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "9 Surprising Facts About Sleep",  # a numbered list headline
        "Story one.\n3 Hurt In Crash On Main Highway\nStory two.",  # a related-story teaser in the body
        "The home side won 4-1 on Sunday.",  # a game score
        "They beat the visitors 112-107 in overtime.",  # a basketball score
        "It goes from zero to 60 mph (97 kph) quickly.",  # a test label and its conversion
        "It does 0-62 mph quickly.",  # the same label in digits
        "Yields on 10-year notes rose.",  # the tenor of an instrument is its name
        "Three-month aluminum slipped.",  # a metal contract named by its tenor
        "It is a four-door car with a two-goal lead.",  # hyphenated counts that are no unit
        "Apple plans a new 13-inch MacBook Pro.",  # a screen size in a product name
        "It streams in 4K output.",  # a resolution, not four thousand
        "If one steps back, no one sector wins.",  # "one" as a pronoun
        "The man is a hero to the one sign.",  # "the one"
        "Stocks rose for a seventh straight session.",  # an ordinal, not a seventh
        "The S&P 500 is up this year.",  # an index name
        "It made the list of top 10 hazards.",  # a ranking
        "Intro.\n[1] Smith J. Journal. 2015; 28: 685-690.",  # a numbered reference line
        "It began in the 1967 Six-Day War.",  # a capitalised measure inside a name
        "They were known as the \"Three Amigos.\"",  # a capitalised number word inside a nickname
        "Greed is the #1 enemy of progress.",  # a rank written with #
        "The party's top 10 face off tonight.",  # a ranking after a possessive
        "They meet again in the Week 13 rematch.",  # a numbered week of a season
    ],
)
def test_not_figures_beyond_conflict(text: str) -> None:
    assert extract_figures("a1", text) == []


@pytest.mark.parametrize(
    "text, surface, change",
    [
        ("Revenue rose 3.5 percent to $27.2 billion.", "3.5 percent", "up"),  # "rose" + figure
        ("Revenue rose 3.5 percent to $27.2 billion.", "$27.2 billion", None),  # "to" a level: no change
        ("The firm cut 200 jobs.", "200 jobs", "down"),  # a cut
        ("The firm cut its staff by 200 jobs.", "200 jobs", "down"),  # a cut "by", words between
        ("Shares fell by nearly 4%.", "nearly 4%", "down"),  # "by" and a qualifier
        ("Sales were down 12.3 percent.", "12.3 percent", "down"),  # "down"
        ("Exports were up 4 percent from a year ago.", "4 percent", "up"),  # "up"
        ("Rates dropped from 6.2 percent.", "6.2 percent", None),  # "from" a level
        ("It was a 10 percent drop in sales.", "10 percent", "down"),  # a noun of change after
        ("It reported a 5% rise.", "5%", "up"),  # "rise" after
        ("The mass could be reduced by a third.", "a third", "down"),  # a fraction
        ("Police arrested 12 people.", "12 people", None),  # no change at all
        ("The index gained 20.72 points.", "20.72 points", "up"),  # a gain
        ("Those who anted up $129 got one.", "$129", None),  # "up" of a phrasal verb is no rise
    ],
)
def test_change_up_or_down(text: str, surface: str, change: str | None) -> None:
    found = {f.surface: f.change for f in extract_figures("a1", text)}
    assert surface in found, found
    assert found[surface] == change


@pytest.mark.parametrize(
    "text",
    [
        "Rs 5 crore went to 40 kWh batteries, a 30-day delay and 2 million barrels per day.",
        "Unemployment fell 2.3 percent; about 1,00,000 rupees; 90 mph; One in five said so.\n9 Reasons Why",
        "“Nearly 300 districts,” she said — up 5% (61 °C) and 4-1 wins.",
    ],
)
def test_spans_are_exact_for_new_forms(text: str) -> None:
    # every figure's surface is exactly the text at its span
    for f in extract_figures("a1", text):
        assert text[f.start_char : f.end_char] == f.surface
        assert f.value_low <= f.value <= f.value_high


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–$₹£%°/kmMGWhbKBtsa\nAbcdefghilnoprtuyThe")), max_size=80))
def test_any_text_gives_exact_spans(text: str) -> None:
    # any text in: no exception, every span exact, every range ordered
    for f in extract_figures("a1", text):
        assert text[f.start_char : f.end_char] == f.surface
        assert f.value_low <= f.value <= f.value_high
        assert f.change in (None, "up", "down")


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("The WikiLeaks founder Assange, 47, was held.", "47", 47),  # an age after one name
        ("Her manager Braun, 38 – who runs a label – spoke.", "38", 38),  # set off by a dash
        ("At 16, he went to college.", "16", 16),  # "At 16, he"
        ("It covers the 43-year-old man.", "the 43-year-old", 43),  # the established form
    ],
)
def test_ages(text: str, surface: str, value: float) -> None:
    figures = [f for f in extract_figures("a1", text) if f.category == "age"]
    assert [(f.surface, f.value, f.unit) for f in figures] == [(surface, value, "years")]


@pytest.mark.parametrize(
    "text, unit",
    [
        ("The cell had one toilet.", "toilets"),  # a count of one, in the plural
        ("He cited one legal memo, as reported.", "memos"),  # an adjective before the noun (experts are people)
        ("Only one country has left.", "countries"),  # -y plural
        ("There was at least one lengthy stretch.", "stretches"),  # -ch plural after an adjective
    ],
)
def test_counts_of_one(text: str, unit: str) -> None:
    assert [f.unit for f in extract_figures("a1", text)] == [unit]


def test_surfaces_carry_no_trailing_whitespace() -> None:
    # a price at the end of a line does not take the line break into its span
    text = "Get it for $235\nSee it now"
    assert [f.surface for f in extract_figures("a1", text)] == ["$235"]


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        # a singular noun ending in s is no plural: the count looks past it to its head noun
        ("They ordered 40 Citibus K9 coaches.", "40 Citibus K9 coaches", "coaches"),
        ("Some 30 small-business loans were repaid.", "Some 30 small-business loans", "loans"),
        ("The lab found 12 virus samples.", "12 virus samples", "samples"),
        # coordinated modifiers before the head noun
        ("He sold more than 200 old or broken chairs.", "more than 200 old or broken chairs", "chairs"),
        ("It runs over 50 rural and small town clinics.", "over 50 rural and small town clinics", "clinics"),
    ],
)
def test_counted_noun_is_the_head_of_the_phrase(text: str, surface: str, unit: str) -> None:
    assert [(f.surface, f.unit) for f in extract_figures("a1", text)] == [(surface, unit)]


def test_magnitudes_repeated_are_no_counted_noun() -> None:
    # a doubled magnitude ("millions and millions of ..."): the second is not what the first counts
    figures = extract_figures("a1", "The studio spent millions and millions of dollars on sets.")
    assert figures and {f.unit for f in figures} == {"USD"}


@pytest.mark.parametrize(
    "text, unit",
    [
        # agent nouns and members of a party or nation count people
        ("The three painters left early.", "people"),
        ("Some 20 plasterers were hired.", "people"),
        ("Of the 12 Republicans in the room, none spoke.", "people"),
        ("About 40 Israelis were evacuated.", "people"),
        ("It hosted one millionaire last year.", "people"),
        ("He listed 25 economists.", "people"),
        # things and firms with the same endings keep their noun
        ("The car has 12 sensors.", "sensors"),
        ("They bought 30 computers.", "computers"),
        ("Five automakers signed.", "automakers"),
        ("He had 10 assists.", "assists"),
    ],
)
def test_persons_by_the_form_of_the_noun(text: str, unit: str) -> None:
    assert [f.unit for f in extract_figures("a1", text)] == [unit]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part counts what its whole counts, with or without a determiner, and "out of"
        ("Three of the 12 Senators voted no.", [("Three", "people"), ("12 Senators", "people")]),
        ("They met two of four goals.", [("two", "goals"), ("four goals", "goals")]),
        # a hedged count of one is a count even of a word that alone names a moment
        ("It rained more than one night out of 20.", [("more than one night", "nights"), ("20", "nights")]),
        # "one of ...": a pronoun
        ("It is just one of five strains.", [("five strains", "strains")]),
    ],
)
def test_parts_and_wholes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.surface, f.unit) for f in extract_figures("a1", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a determiner before a bare number: it counts what the text counted just before
        ("The board picked 12 bakeries. These 12 will open in May.", [("12 bakeries", "bakeries"), ("12", "bakeries")]),
        ("They shortlisted six towns. The chosen six are coastal.", [("six towns", "towns"), ("six", "towns")]),
        # "the two" standing for "both" is a pronoun
        ("Smith met Jones, and the two were seen talking.", []),
        # a rank
        ("It is the number one seller.", []),
    ],
)
def test_numbers_that_refer_back(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.surface, f.unit) for f in extract_figures("a1", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a span before "ago" given by an article is a relative time reference; with "later" it is a figure
        ("Barely a month ago, she moved.", []),
        ("He came back almost a decade later.", [("almost a decade", 10, "years")]),
        # "so many decades" has no number in it
        ("It has led for so many decades.", []),
        # fuel economy has its own short labels
        ("It gets 50 miles per gallon.", [("50 miles per gallon", 50, "mpg")]),
        ("That is 21 kilometres per litre.", [("21 kilometres per litre", 21, "km/L")]),
    ],
)
def test_time_references_and_fuel_economy(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.surface, f.value, f.unit) for f in extract_figures("a1", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an emergency number and a reference code are no figures
        ("A neighbour called 999 at once.", []),
        ("Source: DOI: 10.5555/123-4-56.", []),
        # an age stated in months
        ("Every child aged 9 months gets a dose.", [("aged 9 months", 9, "months")]),
    ],
)
def test_codes_and_ages_in_months(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.surface, f.value, f.unit) for f in extract_figures("a1", text)] == expected
