"""Scraped plain text to articles: page furniture removed, the article body kept, header metadata read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.plaintext import extract_plaintext
from transforms.records import Article, RejectedInput, SourceRecord

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OPTIONS = ExtractOptions()


def _article(path: str, data: bytes) -> Article:
    """Run one .txt file through split_source and build_article; it must become an article."""
    [record] = split_source(path, data, OPTIONS)
    assert isinstance(record, SourceRecord)
    article = build_article(record, OPTIONS)
    assert isinstance(article, Article), article
    return article


def _seed(prefix: str) -> Article:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return _article(path.name, path.read_bytes())


# --- the five seeds: real scraped pages -------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "title", "published", "source", "author", "dateline"),
    [
        # headline on the first line, date under the share bar, outlet and place in the inline dateline
        ("000", "After rebels capture Hama, now possible advance towards Homs", dt.date(2024, 12, 6),
         "News International / Pakistan Point News", None, "Islamabad"),
        # no headline and no date at all; the place line opens the page, the outlet is in the syndication note
        ("001", None, None, "NDTV", None, "Beirut, Lebanon"),
        # title after "date 2024-12-06", outlet from "From:", author glued to "Thu, 12/05/2024"
        ("002", "Hama city falls to Syrian rebels as advance continues", dt.date(2024, 12, 6),
         "Middle East Eye", "Alex MacDonald", None),
        # the page date "24 December 2024", not the crawl date "Today : Dec 25, 2024"; no outlet or byline shown
        ("003", "Syrian Rebels Capture Hama City, Regime Loses Ground", dt.date(2024, 12, 24), None, None, None),
        # only a headline above the body
        ("004", "Rebel Offensive in Syria: Hama Falls to Insurgents", None, None, None, None),
    ],
)
def test_seed_metadata(
    seed: str, title: str | None, published: dt.date | None, source: str | None, author: str | None,
    dateline: str | None,
) -> None:
    article = _seed(seed)
    assert (article.title, article.published_date, article.source_name, article.author, article.dateline) == (
        title, published, source, author, dateline,
    )


@pytest.mark.parametrize(
    ("seed", "first", "last"),
    [
        # the inline dateline stays in the first paragraph; the share bar and comments after the body go
        ("000", "Islamabad (News International / Pakistan Point News - 11th Dec, 2024 ) The capture of Hama",
         "it is unclear how they will be able to stop the advance of rebels who now pose a direct threat to the "
         "survival of Assad’s government."),
        # the body starts after the "Beirut, Lebanon:" line and ends before the syndication note
        ("001", "Islamist-led rebels captured the central Syrian city of Hama on Thursday",
         "The United States maintains several hundred troops in eastern Syria as part of a coalition formed "
         "against Islamic State jihadists."),
        # header lines (date, From:, byline) go; the last sentence is Guterres's
        ("002", "Syrian rebels have taken control of the central city of Hama as their shock advance",
         'UN Secretary-General Antonio Guterres on Thursday said the ongoing "carnage" in Syria was the result of '
         'a "chronic collective failure" to initiate a political process in the country since 2011.'),
        # the standfirst under the headline is article text; the "Latest Contents" list after the body goes
        ("003", "The fall of this key city signals major shifts within the Syrian conflict as rebel forces advance "
         "toward Homs.\n\nSyrian rebels have made significant gains by capturing the central city of Hama",
         "Ongoing discussions considering political resolutions remain distant as the country slips back toward "
         "chaos."),
        # a short page: headline then six lines, the last one long
        ("004", "In a significant turn of events in the Syrian civil war, the city of Hama has fallen",
         "continues to evolve, with the potential for further violence and instability in the region."),
    ],
)
def test_seed_keeps_first_and_last_body_sentences(seed: str, first: str, last: str) -> None:
    text = _seed(seed).text
    assert text.startswith(first)
    assert text.endswith(last)


@pytest.mark.parametrize(
    ("seed", "line"),
    [
        # the title is metadata, not body
        ("000", "After rebels capture Hama, now possible advance towards Homs"),
        # share bar (twice on the page)
        ("000", "Get link"),
        ("000", "- X"),
        ("000", "Other Apps"),
        # the date line under the share bar
        ("000", "Friday, December 6, 2024"),
        # the comment block at the end
        ("000", "Comments"),
        ("000", "Post a Comment"),
        # the place line before the body
        ("001", "Beirut, Lebanon:"),
        # the syndication disclaimer after the body
        ("001", "(Except for the headline, this story has not been edited by NDTV staff and is published from a "
                "syndicated feed.)"),
        ("001", "syndicated feed"),
        # header lines: date and title, crawl time and outlet, byline and date
        ("002", "date 2024-12-06"),
        ("002", "Hama city falls to Syrian rebels as advance continues"),
        ("002", "From: Middle East Eye"),
        ("002", "Alex MacDonald Thu, 12/05/2024"),
        # header lines: crawl date, section label, page date, title
        ("003", "Today : Dec 25, 2024"),
        ("003", "World News"),
        ("003", "24 December 2024"),
        ("003", "Syrian Rebels Capture Hama City, Regime Loses Ground"),
        # the trailing "Latest Contents" list: its heading, headlines, teasers and dates
        ("003", "Latest Contents"),
        ("003", "Avalanche Risks Rise Amid Jura And Vosges Snowfall"),
        ("003", "Authorities have issued avalanche warnings for the Jura and Vosges Mountains"),
        ("003", "25 December 2024"),
        ("003", "Russia Launches Massive Missile Attack On Christmas Day"),
        ("003", "Investors Eye Promising Gains As 2024 Santa Claus Rally Begins"),
        ("003", "U.S. States Mull Over Strategic Bitcoin Reserves"),
        ("003", "The potential formation of strategic bitcoin reserves"),
        # the headline of the short page
        ("004", "Rebel Offensive in Syria: Hama Falls to Insurgents"),
    ],
)
def test_seed_drops_boilerplate(seed: str, line: str) -> None:
    assert line not in _seed(seed).text


# --- invented articles with each kind of page furniture ----------------------------------------

TITLE = "Night ferry to Tarran islands to return in March"
BODY = [
    "The harbour authority in Kelmouth said on Tuesday that the night ferry to the Tarran islands will run again "
    "from March, after a two-year pause caused by a shortage of trained crew and repairs to the old pier.",
    "Islanders had campaigned for the service since it stopped in the spring of 2022, saying that the single "
    "daytime crossing left hospital patients and students stranded on the mainland for the night.",
    "The authority's chair, Moira Quist, told a public meeting in the island hall that the new timetable would add "
    "two crossings each weekday and one on Saturday evenings throughout the summer season.",
    "Fares will rise by about four per cent, the first increase since 2019, and the authority said the money would "
    "go towards training six deckhands who will be recruited from the islands themselves.",
    "Local councillors welcomed the decision but warned that the pier at Tarran North still needs a new landing "
    "stage before the larger boats can use it safely during the winter storms.",
]
EXTRA = (
    "A spokesperson for the ferry operator said the first night sailing was planned for the third of March, and "
    "that tickets would go on sale at the harbour office and online from the middle of February."
)
EXPECTED = "\n\n".join(BODY)


def _page(*blocks: str) -> str:
    """A scraped page: the blocks one after another, one line each (blocks may hold several lines)."""
    return "\n".join(block.strip("\n") for block in blocks) + "\n"


ARTICLE = _page(TITLE, *BODY)
SHARE_BAR = "Share\n- Facebook\n- X\n- WhatsApp\n- Email\n- Copy link"
BLOGGER_BAR = "- Get link\n- X\n- Other Apps"
COMMENTS = [
    "I have lived on Tarran for most of my life and I can tell you that losing the night ferry has been a "
    "disaster for families like mine, because my mother had to stay in a guest house on the mainland every time "
    "she had a hospital appointment, and nobody at the authority ever seemed to care what that cost us.",
    "The fare rise is the part that worries me most, since the authority has wasted a great deal of money on "
    "consultants over the years and now it is asking islanders to pay more for a service that we were promised "
    "would never be cut in the first place, which seems very unfair to all of us who depend on it.",
    "It is good news for the students at least, but I would like to know how the authority expects to find six "
    "trained deckhands on the islands when most of the young people have already left for jobs in the city and "
    "there is no training course anywhere near us at the moment, as far as I know.",
    "My father worked on the old night boat for thirty years and he always said that the pier at Tarran North "
    "would fall into the sea one day if nobody spent the money to fix it, so I am glad that the councillors are "
    "finally talking about the landing stage, even if it has taken them far too long.",
]
USERS = ["harbourwatcher", "Pete_K", "islandmum", "Tom Reyes"]


def _thread(heading: str | None, footer: str = "") -> str:
    """A comment thread: heading, then per comment a username, an age, the comment and a Reply button."""
    lines = [heading] if heading else []
    for user, comment in zip(USERS, COMMENTS, strict=True):
        lines += [user, "2 days ago", comment, "Reply"]
    return _page(*lines, footer) if footer else _page(*lines)


def _wordpress_thread() -> str:
    """A WordPress thread: "N responses", "user on <date> said:" headers, then the reply form."""
    lines = ["4 responses"]
    for user, comment in zip(USERS, COMMENTS, strict=True):
        lines += [f"{user} on December 6, 2024 at 9:14 am said:", comment, "Reply"]
    lines += ["Leave a Reply", "We keep your email private. Fill in the fields marked with a star."]
    return _page(*lines)


SHORT_TEASERS = _page(
    "Coastguard rescues two kayakers off Kelmouth Point",
    "Two kayakers were pulled from the water near Kelmouth Point on Sunday after their boat capsized in strong "
    "winds and heavy rain.",
    "6 December 2024",
    "Island school wins national science prize",
    "Pupils at Tarran Primary School have won a national science prize for a project measuring plastic waste on "
    "the beaches of the islands.",
    "5 December 2024",
    "Council approves new car park at ferry terminal",
    "Councillors have approved plans for a 200-space car park next to the Kelmouth ferry terminal despite "
    "objections from residents living nearby.",
    "4 December 2024",
)
LONG_TEASERS = _page(
    "Coastguard rescues two kayakers off Kelmouth Point",
    "Two kayakers were pulled from the water near Kelmouth Point on Sunday afternoon after their small boat "
    "capsized in strong winds and heavy rain, the coastguard said in a statement.",
    "6 December 2024",
    "Island school wins national science prize",
    "Pupils at Tarran Primary School have won a national science prize for a project that measured the amount of "
    "plastic waste washed up on the beaches of the islands over a year.",
    "5 December 2024",
    "Council approves new car park at ferry terminal",
    "Councillors have approved plans for a 200-space car park next to the Kelmouth ferry terminal, despite "
    "objections from residents who said it would bring more traffic to the narrow streets.",
    "4 December 2024",
    "Lifeboat crew honoured for winter rescue",
    "The volunteer crew of the Kelmouth lifeboat have been honoured by the national rescue charity for saving "
    "three fishermen from a sinking trawler during a storm last January.",
    "3 December 2024",
)
NAV = _page(
    "Kelmouth Gazette", "Home", "News", "Local", "Islands", "Sport", "Business", "What's On", "Opinion", "Weather",
    "Search", "Menu", "Sign in",
)
FOOTER = _page(
    "About us", "Contact us", "Advertise with us", "Privacy Policy", "Cookie settings", "Terms of use",
    "© 2024 Example Media. All rights reserved.",
)
COOKIES = "We use cookies to improve your experience. By continuing you accept our cookie policy.\nAccept"
SUBSCRIBE = "Subscribe to our newsletter\nSign up for free today"


@pytest.mark.parametrize(
    "page",
    [
        # share buttons under the headline and a Blogger share bar after the body
        _page(TITLE, SHARE_BAR, *BODY, "Share this article", BLOGGER_BAR),
        # a "12 Comments" thread after the body, four times as long as the article, is dropped
        _page(ARTICLE, "Share\nComment", _thread("12 Comments")),
        # a "Comments" heading with a count in brackets
        _page(ARTICLE, _thread("Comments (4)")),
        # a Blogger "Comments" block with its "Post a Comment" form
        _page(ARTICLE, _thread("Comments", footer="Post a Comment")),
        # a WordPress thread: "4 responses", "user on <date> said:", "Leave a Reply" form
        _page(ARTICLE, _wordpress_thread()),
        # a "Join the discussion" heading
        _page(ARTICLE, _thread("Join the discussion")),
        # a "Reader comments" heading opens the thread as plainly as "Comments" does
        pytest.param(
            _page(ARTICLE, _thread("Reader comments")),
        ),
        # a thread with no heading at all: usernames, ages and Reply buttons still mark it
        pytest.param(
            _page(ARTICLE, _thread(None)),
            marks=pytest.mark.xfail(strict=True, reason="without a heading, long comments outweigh the short "
                                    "username/age/Reply lines and join the body"),
        ),
        # trailing lists of other headlines, teasers and dates under each kind of heading
        _page(ARTICLE, "Related", SHORT_TEASERS),
        _page(ARTICLE, "More from Kelmouth Gazette", SHORT_TEASERS),
        _page(ARTICLE, "Most read", SHORT_TEASERS),
        _page(ARTICLE, "Latest", SHORT_TEASERS),
        # four teasers of about 28 words each: the list is still not article text
        pytest.param(
            _page(ARTICLE, "More from Kelmouth Gazette", LONG_TEASERS),
        ),
        pytest.param(
            _page(ARTICLE, "Latest", LONG_TEASERS),
        ),
        # the same list with no heading: headline, teaser, date triples are not article text
        pytest.param(
            _page(ARTICLE, SHORT_TEASERS),
        ),
        # a summary above the share bar that repeats the lead: the lead is kept once
        pytest.param(
            _page(TITLE, BODY[0], SHARE_BAR, *BODY),
        ),
        # a navigation menu before the article and a footer after it
        _page(NAV, ARTICLE, FOOTER),
        # a cookie prompt at the top, newsletter prompts after the body
        _page(COOKIES, ARTICLE, SUBSCRIBE),
        # a cookie prompt and newsletter prompts between paragraphs
        _page(TITLE, *BODY[:2], COOKIES, *BODY[2:4], SUBSCRIBE, BODY[4]),
        # a newsletter box mid-article with a one-line pitch between its heading and button
        pytest.param(
            _page(TITLE, *BODY[:3], "Subscribe to our newsletter",
                  "Get the best of the Gazette delivered to your inbox every morning.", "Sign up for free today",
                  *BODY[3:]),
            marks=pytest.mark.xfail(strict=True, reason="the pitch line is not furniture and, inside the body "
                                    "run, is kept"),
        ),
        # a paywall prompt mid-article
        pytest.param(
            _page(TITLE, *BODY[:3], "Subscribe now for unlimited access", "Already a subscriber? Log in",
                  *BODY[3:]),
            marks=pytest.mark.xfail(strict=True, reason="'Already a subscriber? Log in' is not furniture and, "
                                    "inside the body run, is kept"),
        ),
    ],
)
def test_furniture_is_removed_and_the_body_kept(page: str) -> None:
    article = _article("scraped/ferry.txt", page.encode())
    assert article.text == EXPECTED
    assert article.title == TITLE


BOX = "Related stories\n- Coastguard rescues two kayakers off Kelmouth Point\n- Island school wins national science " \
    "prize\n- Council approves new car park at ferry terminal"
SIX = [*BODY, EXTRA]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # three paragraphs, the box, three more
        (SIX[:3], SIX[3:]),
        # two paragraphs, the box, four more
        (SIX[:2], SIX[2:]),
        # three paragraphs, the box, two more: the two after it are still the article
        pytest.param(
            BODY[:3], BODY[3:],
        ),
        # four paragraphs, the box, one more
        pytest.param(
            BODY[:4], BODY[4:],
            marks=pytest.mark.xfail(strict=True, reason="the last paragraph after the box is dropped"),
        ),
        # one paragraph, the box, four more: the lead paragraph is still the article
        pytest.param(
            BODY[:1], BODY[1:],
            marks=pytest.mark.xfail(strict=True, reason="the lead paragraph before the box is dropped"),
        ),
    ],
)
def test_inline_related_box_keeps_the_article_on_both_sides(before: list[str], after: list[str]) -> None:
    text = _article("scraped/ferry.txt", _page(TITLE, *before, BOX, *after).encode()).text
    assert all(paragraph in text for paragraph in before + after)
    assert text.startswith(before[0]) and text.endswith(after[-1])


def test_inline_related_box_headlines_are_dropped() -> None:
    # the box is bridged (the article continues), but its headlines are not article text
    text = _article("scraped/ferry.txt", _page(TITLE, *SIX[:3], BOX, *SIX[3:]).encode()).text
    assert text == "\n\n".join(SIX)


@pytest.mark.parametrize(
    ("disclaimer", "source"),
    [
        # NDTV style: the outlet named in the note becomes the source
        ("(Except for the headline, this story has not been edited by Example Media staff and is published from a "
         "syndicated feed.)", "Example Media"),
        # Business Standard style
        ("(This story has not been edited by Example Media staff and is auto-generated from a syndicated feed.)",
         "Example Media"),
        # a short note with no outlet named
        ("Disclaimer: This story is auto-generated from a syndicated feed.", None),
        # Hindustan Times style: two sentences, no outlet named
        pytest.param(
            "This story has been published from a wire agency feed without modifications to the text. Only the "
            "headline has been changed.", None,
        ),
        # "reworked by the X staff ... auto-generated from a syndicated feed"
        pytest.param(
            "(Only the headline and picture of this report may have been reworked by the Example Media staff; the "
            "rest of the content is auto-generated from a syndicated feed.)", "Example Media",
        ),
    ],
)
def test_syndication_disclaimer_is_removed(disclaimer: str, source: str | None) -> None:
    article = _article("scraped/ferry.txt", _page(ARTICLE, disclaimer).encode())
    assert article.text == EXPECTED
    assert article.source_name == source


def test_syndication_disclaimer_above_the_article_names_the_source() -> None:
    # a note printed above the story names the outlet as well as one printed below it
    note = "(This story has not been edited by Example Media staff and is auto-generated from a syndicated feed.)"
    article = _article("scraped/ferry.txt", _page(note, ARTICLE).encode())
    assert article.text == EXPECTED
    assert article.source_name == "Example Media"


@pytest.mark.parametrize(
    "page",
    [
        # share buttons and comment prompts only
        "Share\nTweet\n- Get link\n- X\n- Other Apps\nComments\nPost a Comment\n",
        # a menu, a most-read list of headlines, a footer: no paragraph anywhere
        _page(NAV, "Most read", "Coastguard rescues two kayakers off Kelmouth Point",
              "Island school wins national science prize", FOOTER),
        # a cookie wall and a newsletter prompt
        _page(COOKIES, SUBSCRIBE),
        # a copyright line alone
        "© 2024 Example Media. All rights reserved.\n",
    ],
)
def test_page_of_only_furniture_is_rejected(page: str) -> None:
    with pytest.raises(RejectedInput, match="no article text found"):
        extract_plaintext(page)


# --- header metadata ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "title", "author", "published", "source", "dateline"),
    [
        # a "By ..." byline line
        (f"{TITLE}\nBy Jane Doe", TITLE, "Jane Doe", None, None, None),
        # the outlet on a "From:" line
        (f"{TITLE}\nFrom: Example Wire", TITLE, None, None, "Example Wire", None),
        # the outlet on a "Source:" line
        (f"{TITLE}\nSource: Example Wire", TITLE, None, None, "Example Wire", None),
        # a long-form date with the weekday
        (f"{TITLE}\nFriday, December 6, 2024", TITLE, None, dt.date(2024, 12, 6), None, None),
        # "date 2024-12-06" and the headline on one line
        (f" date 2024-12-06 {TITLE}", TITLE, None, dt.date(2024, 12, 6), None, None),
        # a name glued to a US date; Thursday makes 12/05 the 5th of December
        (f"{TITLE}\nJane Doe Thu, 12/05/2024", TITLE, "Jane Doe", dt.date(2024, 12, 5), None, None),
        # a European date; Friday makes 06/12 the 6th of December
        (f"{TITLE}\nFri, 06/12/2024", TITLE, None, dt.date(2024, 12, 6), None, None),
        # an ordinal day and a short month
        (f"{TITLE}\n11th Dec, 2024", TITLE, None, dt.date(2024, 12, 11), None, None),
        # the crawl date comes first but the page's own date wins
        (f"Today : Dec 25, 2024\nWorld News\n{TITLE}\n24 December 2024", TITLE, None, dt.date(2024, 12, 24),
         None, None),
        # a crawl date alone is not a publication date
        (f"Today : Dec 25, 2024\nWorld News\n{TITLE}", TITLE, None, None, None, None),
        # a place line ended by a colon before the body is the dateline, not body
        (f"{TITLE}\nBeirut, Lebanon:", TITLE, None, None, None, "Beirut, Lebanon"),
        # all of it under a menu
        (f"Today : Dec 25, 2024\n{NAV}\n{TITLE}\nBy Jane Doe\nFriday, December 6, 2024\nSource: Example Wire\n"
         "Beirut, Lebanon:", TITLE, "Jane Doe", dt.date(2024, 12, 6), "Example Wire", "Beirut, Lebanon"),
        # a labelled publication date
        pytest.param(
            f"{TITLE}\nPublished: Friday, December 6, 2024", TITLE, None, dt.date(2024, 12, 6), None, None,
        ),
        # WordPress "Posted on <date> by <name>"
        pytest.param(
            f"{TITLE}\nPosted on December 6, 2024 by Jane Doe", TITLE, "Jane Doe", dt.date(2024, 12, 6), None,
            None,
        ),
        # a byline with the outlet after a bar
        pytest.param(
            f"{TITLE}\nBy Jane Doe | Example Wire", TITLE, "Jane Doe", None, "Example Wire", None,
        ),
    ],
)
def test_header_metadata(
    header: str, title: str | None, author: str | None, published: dt.date | None, source: str | None,
    dateline: str | None,
) -> None:
    article = _article("scraped/ferry.txt", _page(header, *BODY).encode())
    assert (article.title, article.author, article.published_date, article.source_name, article.dateline) == (
        title, author, published, source, dateline,
    )
    assert article.text == EXPECTED
