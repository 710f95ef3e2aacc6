"""Line-level boilerplate detection: furniture lines, thread and related-list headings, the body segment."""

from __future__ import annotations

import pytest

from transforms.boilerplate import COMMENTS_BREAK, RELATED_BREAK, BodyLines, BoilerplateOptions, find_body, is_furniture

OPTIONS = BoilerplateOptions()

# Prose lines of 20+ words, as find_body sees them (cleaned, one per line).
P1 = (
    "The harbour authority said on Tuesday that the night ferry to the islands will run again from March, after a "
    "pause of two years."
)
P2 = (
    "Islanders had campaigned for the service since it stopped, saying that the single daytime crossing left "
    "patients stranded for the night."
)
P3 = (
    "The authority's chair told a meeting in the island hall that the new timetable would add two crossings on each "
    "weekday."
)
C1 = (
    "I have lived on the island for most of my life and I can tell you that losing the night ferry has been a "
    "disaster for families like mine, because my mother had to stay on the mainland every time she had an "
    "appointment at the hospital."
)
C2 = (
    "The fare rise is the part that worries me most, since the authority has wasted a great deal of money on "
    "consultants over the years and now it is asking all of us to pay more for a service that we were promised "
    "would never be cut."
)
DE1 = (
    "Die Hafenbehörde teilte am Dienstag mit, dass die Nachtfähre zu den Inseln ab März wieder fahren wird, nachdem "
    "sie zwei Jahre lang nicht gefahren ist."
)
DE2 = (
    "Die Bewohner der Inseln hatten sich seit dem Ende des Dienstes für die Fähre eingesetzt, weil viele Patienten "
    "und Schüler auf dem Festland bleiben mussten."
)


@pytest.mark.parametrize(
    "line",
    [
        # Blogger share bar, with and without list bullets
        "Get link",
        "- Get link",
        "- X",
        "• Other Apps",
        # share buttons
        "Share",
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Email",
        # comment prompts, with a trailing colon
        "Comments",
        "Post a Comment",
        "Leave a comment:",
        "12 comments",
        "Comments are closed.",
        # menus and footers
        "Skip to main content",
        "Privacy Policy",
        "About us",
        "Advertisement",
        "© 2024 Example Media. All rights reserved.",
        "Copyright 2024 Example Media",
        # cookie and subscription prompts
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Subscribe to our newsletter",
        "Sign up for free today",
        "Register now for free access",
        # syndication disclaimers
        "(Except for the headline, this story has not been edited by NDTV staff and is published from a "
        "syndicated feed.)",
        # a one-line disclaimer that names no outlet
        pytest.param(
            "Disclaimer: This story is auto-generated from a syndicated feed.",
        ),
        # follow and read-more prompts, captions and credits
        "Follow us on Twitter",
        "Read more: Island school wins national science prize",
        "Image credit: Getty Images",
        # related-list headings
        "Latest Contents",
        "Most read",
        # a WordPress comment header
        pytest.param(
            "harbourwatcher on December 6, 2024 at 9:14 am said:",
        ),
    ],
)
def test_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        # prose mentioning sharing, comments and commenting is article text
        "Islanders shared their stories of the long wait for the ferry at a meeting in the island hall on Tuesday.",
        "The council received more than 300 comments on the plan before councillors voted on it.",
        "Comments from the minister angered islanders, who said he had never visited the harbour.",
        "He declined to comment on the report when asked by reporters outside the court.",
        "The company said its share price fell by 12 per cent after the results were published on Monday.",
        "Share prices rose in early trading.",
        # prose starting with words that open prompts
        "Subscribers to the island's water scheme will pay less next year, the council said.",
        "She said she would register her objection with the council.",
        "The latest figures show that passenger numbers rose by a third.",
        "The ministry's privacy policy was criticised by campaigners, who said it allowed data to be shared.",
        # a headline and a date are not furniture (they are header metadata)
        "Night ferry to Tarran islands to return in March",
        "Friday, December 6, 2024",
        # a short sentence that opens with "Published"
        pytest.param(
            "Published in 1998, the report was ignored.",
        ),
        # a sentence about copyright
        pytest.param(
            "Copyright lawyers said the case could take years to settle.",
        ),
        # a sentence about cookie rules in a story on data protection
        pytest.param(
            "The regulator said websites that place cookies without consent will be fined.",
        ),
    ],
)
def test_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # the thread's heading, bare or with a count
        ("Comments", True),
        ("12 comments", True),
        ("12 Comments", True),
        ("1 comment", True),
        ("4 responses", True),
        ("Comments (12)", True),
        ("[12 Comments]", True),
        # the reply form and its invitations
        ("Leave a Reply", True),
        ("Leave a comment", True),
        ("Post a comment", True),
        ("Join the discussion", True),
        ("View all comments", True),
        # a bare "Comment" is a share-bar button, not the thread
        ("Comment", False),
        # prose and a refusal to comment are not headings
        ("No comment", False),
        ("Comments from the minister angered islanders.", False),
        ("The council received 12 comments on the plan.", False),
        # WordPress headings spelled out in words
        pytest.param("One comment", True),
        pytest.param(
            "12 thoughts on “Night ferry to Tarran islands to return in March”", True,
        ),
        pytest.param(
            "One response to “Night ferry to Tarran islands to return in March”", True,
        ),
        # a labelled thread heading
        pytest.param(
            "Reader comments", True,
        ),
    ],
)
def test_comments_break(heading: str, expected: bool) -> None:
    assert bool(COMMENTS_BREAK.match(heading)) is expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # related and recommended headings
        ("Related", True),
        ("Related stories", True),
        ("Related Articles", True),
        ("More from Kelmouth Gazette", True),
        ("More on this story", True),
        ("You may also like", True),
        ("Recommended for you", True),
        ("Editor's picks", True),
        ("Read next", True),
        ("Up next", True),
        # most-read and latest lists
        ("Most read", True),
        ("Most read in Business", True),
        ("Latest", True),
        ("Latest Contents", True),
        ("Latest news", True),
        ("Top stories", True),
        ("Trending now", True),
        # sentences that start with the same words are prose
        ("Latest figures show that passenger numbers rose by a third.", False),
        ("Most people on the islands welcomed the news.", False),
        ("Related coverage continued through the night.", False),
        # a headline and a comments heading are not related headings
        ("Night ferry to Tarran islands to return in March", False),
        ("Comments", False),
        # common inline-box headings on South Asian and British sites
        pytest.param("Also read", True),
        pytest.param(
            "More like this", True,
        ),
    ],
)
def test_related_break(heading: str, expected: bool) -> None:
    assert bool(RELATED_BREAK.match(heading)) is expected


@pytest.mark.parametrize(
    ("lines", "language", "expected"),
    [
        # nothing at all
        ([], "en", None),
        # menu items and buttons only
        (["Home", "News", "Share", "Comments"], "en", None),
        # headlines do not end like sentences
        (["Coastguard rescues two kayakers off Kelmouth Point", "Island school wins national science prize"], "en",
         None),
        # short sentences are not paragraphs
        (["The ferry runs again.", "Fares rise by four per cent."], "en", None),
        # menu, headline and share buttons around three paragraphs
        (["Home", "News", "Night ferry to return in March", P1, P2, P3, "Share", "Tweet"], "en",
         BodyLines(3, 6, (True, True, True))),
        # an advertisement label inside the body is dropped, the run goes on across it
        ([P1, "Advertisement", P2], "en", BodyLines(0, 3, (True, False, True))),
        # a subheading inside the body is kept
        ([P1, "Fares to rise", P2], "en", BodyLines(0, 3, (True, True, True))),
        # comments longer than the article stay outside the body
        ([P1, P2, "12 comments", "islandmum", C1, "Pete_K", C2], "en", BodyLines(0, 2, (True, True))),
        # a comment count in the share bar, before any paragraph, does not hide the article after it
        (["Share", "Comments", P1, P2], "en", BodyLines(2, 4, (True, True))),
        # a related list with a teaser after the body
        ([P1, P2, "Related", "Coastguard rescues two kayakers off Kelmouth Point",
          "Two kayakers were pulled from the water near Kelmouth Point on Sunday after their boat capsized in strong "
          "winds and rain.", "6 December 2024"], "en", BodyLines(0, 2, (True, True))),
        # a bulleted related heading with a colon
        ([P1, P2, "- Related stories:", "- Coastguard rescues two kayakers off Kelmouth Point"], "en",
         BodyLines(0, 2, (True, True))),
        # German prose with German stop words
        (["Startseite", "Nachrichten", DE1, DE2, "Teilen"], "de", BodyLines(2, 4, (True, True))),
        # no language known: English stop words are used
        (["Home", "News", P1, P2, "Share"], None, BodyLines(2, 4, (True, True))),
        # the lead printed twice (a summary above the share bar, then the first paragraph) is still the lead
        pytest.param(
            ["Night ferry to return in March", P1, "Share", P1, P2, P3], "en", BodyLines(3, 6, (True, True, True)),
        ),
    ],
)
def test_find_body(lines: list[str], language: str | None, expected: BodyLines | None) -> None:
    assert find_body(lines, language, OPTIONS) == expected
