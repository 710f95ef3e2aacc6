"""Stories and copies: which articles report the same event, which copy an earlier one."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from transforms.records import Article, StoryAssignment
from transforms.stories import StoryOptions, assign_stories
from transforms.text import count_words

OPTIONS = StoryOptions()
DAY = dt.date(2024, 12, 5)

HAMA = (
    "Syrian rebels captured the central city of Hama on Thursday after days of heavy fighting with government "
    "troops. The army said it had redeployed its soldiers outside the city to protect civilians. Hayat Tahrir "
    "al-Sham fighters freed prisoners from the central prison and crowds gathered in the main square. The "
    "rebels said they would now advance south towards Homs, the next large city on the highway to Damascus."
)
# The same event in other words: no long run of words in common with HAMA.
HAMA_REWORDED = (
    "Opposition fighters took control of Hama, a central Syrian city, on Thursday, and government troops pulled "
    "out. Soldiers were redeployed outside Hama, the army said, claiming it wanted to spare civilians. Hayat "
    "Tahrir al-Sham released inmates from the central prison while residents celebrated in the square. Homs, "
    "further south on the Damascus highway, is the rebels' next target, their commanders said."
)
FLOOD = (
    "A new flood barrier on the river Wend was opened on Friday, two years after storms flooded hundreds of "
    "homes. The barrier can be raised in less than an hour when the river rises, engineers said, and cost "
    "fourteen million pounds. Residents watched the first test from the embankment and local businesses "
    "welcomed the scheme."
)


def _article(path: str, published: dt.date | None, text: str) -> Article:
    return Article(
        article_id=f"id-{path}",
        source_path=path,
        source_format="text",
        line_number=None,
        content_sha256=f"sha-{path}",
        title=None,
        author=None,
        published_date=published,
        source_name=None,
        url=None,
        language="en",
        dateline=None,
        text=text,
        word_count=count_words(text),
    )


def _by_id(assignments: list[StoryAssignment]) -> dict[str, StoryAssignment]:
    return {a.article_id: a for a in assignments}


CORPUS = [
    _article("a.txt", DAY, HAMA),
    _article("b.txt", DAY + dt.timedelta(days=1), HAMA),  # a copy, a day later
    _article("c.txt", DAY + dt.timedelta(days=1), HAMA_REWORDED),
    _article("d.txt", DAY, FLOOD),
    _article("e.txt", DAY + dt.timedelta(days=30), HAMA_REWORDED),  # a month later
]


def test_assign_stories_on_a_small_corpus() -> None:
    result = _by_id(assign_stories(CORPUS, OPTIONS))
    a, b, c, d, e = (result[f"id-{name}.txt"] for name in "abcde")

    # one assignment per article
    assert len(result) == len(CORPUS)
    # the later exact copy points at the earlier original; they share a story
    assert (b.duplicate_of, a.duplicate_of) == ("id-a.txt", None)
    assert b.story_id == a.story_id
    # other words for the same event: the same story, not a copy
    assert c.story_id == a.story_id and c.duplicate_of is None
    # an unrelated event has a story of its own
    assert d.story_id not in {a.story_id, e.story_id} and d.duplicate_of is None
    # the same words a month later: a copy of the earlier text, but a story of its own
    assert e.story_id != c.story_id and e.duplicate_of == "id-c.txt"


@pytest.mark.parametrize("seed", range(5))
def test_assign_stories_does_not_depend_on_input_order(seed: int) -> None:
    # any shuffle of the input gives the same assignments
    shuffled = CORPUS[:]
    random.Random(seed).shuffle(shuffled)
    assert assign_stories(shuffled, OPTIONS) == assign_stories(CORPUS, OPTIONS)


@pytest.mark.parametrize(
    ("days_apart", "same_story"),
    [
        # copies on the same day
        (0, True),
        # exactly max_days_apart is still close
        (OPTIONS.max_days_apart, True),
        # one day more is too far apart, even for an exact copy
        (OPTIONS.max_days_apart + 1, False),
    ],
)
def test_assign_stories_respects_max_days_apart(days_apart: int, same_story: bool) -> None:
    first = _article("x.txt", DAY, HAMA)
    later = _article("y.txt", DAY + dt.timedelta(days=days_apart), HAMA)
    result = _by_id(assign_stories([later, first], OPTIONS))
    assert (result["id-x.txt"].story_id == result["id-y.txt"].story_id) is same_story
    # a copy is a copy however late it came
    assert result["id-y.txt"].duplicate_of == "id-x.txt"


def test_assign_stories_treats_an_undated_copy_as_the_later_one() -> None:
    # an article with no date sorts after dated ones, so it is the copy
    result = _by_id(assign_stories([_article("a.txt", None, HAMA), _article("z.txt", DAY, HAMA)], OPTIONS))
    assert (result["id-a.txt"].duplicate_of, result["id-z.txt"].duplicate_of) == ("id-z.txt", None)


def test_assign_stories_copy_of_a_copy_points_at_the_original() -> None:
    # three copies: both later ones name the first
    result = _by_id(assign_stories([_article(f"{n}.txt", DAY, HAMA) for n in "abc"], OPTIONS))
    assert [result[f"id-{n}.txt"].duplicate_of for n in "abc"] == [None, "id-a.txt", "id-a.txt"]
    assert len({a.story_id for a in result.values()}) == 1


def test_assign_stories_never_joins_articles_further_apart_than_max_days() -> None:
    # Dec 5 and Dec 13 are 8 days apart; a Dec 9 article on the same event sits between them
    chain = [
        _article("x.txt", DAY, HAMA),
        _article("y.txt", DAY + dt.timedelta(days=4), HAMA_REWORDED),
        _article("z.txt", DAY + dt.timedelta(days=8), HAMA),
    ]
    result = _by_id(assign_stories(chain, OPTIONS))
    assert result["id-x.txt"].story_id != result["id-z.txt"].story_id


def test_assign_stories_of_nothing() -> None:
    # an empty corpus has no stories
    assert assign_stories([], OPTIONS) == []
