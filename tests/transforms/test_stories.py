"""Stories and copies: which articles report the same event, which copy an earlier one."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.transforms.test_components import Store, _apply
from transforms.articles import ExtractOptions, build_article, split_source
from transforms.components import connected_components, update_components
from transforms.quotes import extract_quotes
from transforms.records import Article, StoryAssignment
from transforms.stories import (
    DUPLICATE_RULE,
    STORY_RULE,
    StoryFeatures,
    StoryOptions,
    assign_stories,
    story_features,
)
from transforms.text import count_words

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OPTIONS = StoryOptions()
TUESDAY = dt.date(2025, 3, 11)

# Made-up news. A warehouse fire in a made-up town ...
FIRE = (
    "A fire destroyed a furniture warehouse on the Millbrook industrial estate in Carrowmore on Tuesday night, "
    "sending a column of black smoke over the town and forcing the closure of the ring road. Forty firefighters "
    "from six stations fought the blaze for more than seven hours. Nobody was hurt, but residents of Quarry Lane "
    "were told to keep their windows shut. \"The roof collapsed within twenty minutes of our arrival, so we "
    "fought it from outside,\" said Ellen Marsh, the county fire service's area manager. The warehouse belonged "
    "to Dunmore Interiors, which employs ninety people at the site. Its owner, Patrick Dunmore, said the company "
    "would keep paying its staff while it looked for temporary premises. Investigators from the fire service "
    "and Kelross Police will examine the building on Thursday; the cause of the fire is not yet known. The "
    "ring road reopened on Wednesday morning, although the slip road next to the estate stayed shut."
)
# ... the same event in other words, with the same quotation ...
FIRE_REWORDED = (
    "Firefighters spent most of Tuesday night tackling a huge blaze that gutted a Dunmore Interiors warehouse "
    "in Carrowmore. Crews from six fire stations, forty firefighters in all, were sent to the Millbrook estate "
    "after the alarm was raised shortly before nine. Thick smoke drifted across Quarry Lane and the ring road "
    "was shut until Wednesday. Area manager Ellen Marsh said: \"The roof collapsed within twenty minutes of our "
    "arrival, so we fought it from outside.\" No injuries were reported. Patrick Dunmore, who owns the firm, "
    "promised its ninety workers they would be paid while he searched for another building. Kelross Police "
    "said a joint investigation with the fire service would start later this week."
)
# ... and an unrelated event in the same town in the same week, with the same town names.
VOTE = (
    "Carrowmore councillors voted on Thursday to close two of the town's three public libraries next year, "
    "despite a petition signed by more than four thousand residents. The council's leader, Gareth Pryce, said "
    "the authority had to save two million pounds and that a mobile library would visit villages twice a week. "
    "\"Nobody came into politics to close libraries, but the budget leaves us no choice,\" he told the meeting. "
    "Campaigners from the Friends of Carrowmore Libraries group held a protest outside the town hall before the "
    "vote and said they would ask for a judicial review. The library on Quarry Lane will stay open with shorter "
    "hours. Opposition councillor Ruth Hollis said the decision would hurt children and older people most, and "
    "accused the ruling group of ignoring its own consultation, in which most people opposed the closures."
)
# ... and, harder, another emergency in the same town two days later: the same police, street and road.
CRASH = (
    "A lorry driver was seriously injured when his vehicle overturned on the Carrowmore ring road on Thursday "
    "morning, spilling its load of gravel across both lanes. Firefighters cut the man free and he was taken to "
    "St Brigid's Hospital in Kelross, where his condition was described as serious but stable. Kelross Police "
    "closed the road between the Quarry Lane roundabout and the bypass for six hours while the lorry was "
    "recovered and the carriageway cleared. Sergeant Tom Reilly asked witnesses, and drivers with dashboard "
    "cameras, to contact the force. Motorists faced long delays through the town centre, and several school "
    "buses were diverted. The road reopened shortly after four in the afternoon, and police said the cause of "
    "the crash was being investigated."
)
CRASH_NAMES = ("carrowmore", "st brigid's hospital", "kelross", "kelross police", "quarry lane", "tom reilly")
FIRE_NAMES = ("carrowmore", "millbrook", "quarry lane", "ellen marsh", "dunmore interiors", "patrick dunmore",
              "kelross police")
FIRE_REWORDED_NAMES = ("dunmore interiors", "carrowmore", "millbrook", "quarry lane", "ellen marsh",
                       "patrick dunmore", "kelross police")
VOTE_NAMES = ("carrowmore", "gareth pryce", "friends of carrowmore libraries", "quarry lane", "ruth hollis",
              "kelross")
HEADLINE = "Huge blaze at Carrowmore warehouse: what we know so far"
FOOTER = ("Copyright 2025 Carrowmore Gazette. All rights reserved. This article may not be republished without "
          "permission. Sign up to our newsletter for the latest local news.")


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


def _features(path: str, published: dt.date | None, text: str, names: Sequence[str] = ()) -> StoryFeatures:
    article = _article(path, published, text)
    quotes = [q.quote_text for q in extract_quotes(article.article_id, text)]
    return story_features(article, name_keys=names, quote_texts=quotes, options=OPTIONS)


def _by_id(assignments: list[StoryAssignment]) -> dict[str, StoryAssignment]:
    return {a.article_id: a for a in assignments}


WEDNESDAY = TUESDAY + dt.timedelta(days=1)
CORPUS = [
    _features("fire.txt", WEDNESDAY, FIRE, FIRE_NAMES),
    _features("copy.txt", WEDNESDAY + dt.timedelta(days=1), FIRE, FIRE_NAMES),  # a copy, a day later
    _features("syndicated.txt", WEDNESDAY + dt.timedelta(days=1),  # another headline and footer
              f"{HEADLINE}\n\n{FIRE}\n\n{FOOTER}", FIRE_NAMES),
    _features("reworded.txt", WEDNESDAY, FIRE_REWORDED, FIRE_REWORDED_NAMES),
    _features("vote.txt", TUESDAY + dt.timedelta(days=3), VOTE, VOTE_NAMES),  # same town, same week
    _features("crash.txt", TUESDAY + dt.timedelta(days=2), CRASH, CRASH_NAMES),  # same town, same week
]


def test_copies_and_stories_on_a_small_corpus() -> None:
    result = _by_id(assign_stories(CORPUS, OPTIONS))
    fire, copy, syndicated, reworded, vote, crash = (result[f"id-{n}.txt"] for n in
                                                     ("fire", "copy", "syndicated", "reworded", "vote", "crash"))
    # one assignment per article
    assert len(result) == len(CORPUS)
    # an exact copy and a copy under another headline and footer point at the earliest one
    assert (fire.duplicate_of, copy.duplicate_of, syndicated.duplicate_of) == (None, "id-fire.txt", "id-fire.txt")
    assert fire.story_id == copy.story_id == syndicated.story_id
    # other words for the same event: the same story, not a copy
    assert reworded.story_id == fire.story_id and reworded.duplicate_of is None
    # unrelated events in the same town and week: stories of their own
    assert len({fire.story_id, vote.story_id, crash.story_id}) == 3
    assert vote.duplicate_of is None and crash.duplicate_of is None


@pytest.mark.parametrize("seed", range(5))
def test_assign_stories_does_not_depend_on_input_order(seed: int) -> None:
    # any shuffle of the input gives the same assignments
    shuffled = CORPUS[:]
    random.Random(seed).shuffle(shuffled)
    assert assign_stories(shuffled, OPTIONS) == assign_stories(CORPUS, OPTIONS)


# FIRE_REWORDED written up later: no weekday (it would be read against the later date), no quotation
# (a shared quotation joins whatever the dates), so only the event time can decide.
LATE = (FIRE_REWORDED.replace('"', "").replace("most of Tuesday night", "a night").replace("until Wednesday", "")
        .replace(" later this week", ""))


@pytest.mark.parametrize(
    ("published", "text", "same_story"),
    [
        # a rewrite three weeks later with no date of its own: the fire happened before, so it joins
        (WEDNESDAY + dt.timedelta(days=21), LATE, True),
        # the same words placing the fire on 8 April, four weeks later: another fire
        (WEDNESDAY + dt.timedelta(days=28), LATE.replace("a night", "the night of 8 April"), False),
        # ... or on the day before: the same fire
        (WEDNESDAY + dt.timedelta(days=28), LATE.replace("a night", "the night of 11 March"), True),
    ],
)
def test_event_time_decides_late_articles(published: dt.date, text: str, same_story: bool) -> None:
    corpus = [_features("fire.txt", WEDNESDAY, FIRE, FIRE_NAMES),
              _features("late.txt", published, text, FIRE_REWORDED_NAMES)]
    result = _by_id(assign_stories(corpus, OPTIONS))
    assert (result["id-late.txt"].story_id == result["id-fire.txt"].story_id) is same_story
    assert result["id-late.txt"].duplicate_of is None


@pytest.mark.parametrize("rule", [STORY_RULE, DUPLICATE_RULE], ids=["stories", "copies"])
def test_links_are_symmetric(rule: object) -> None:
    # a links b exactly when b links a, and a link is never made to the article itself
    links = rule.links  # type: ignore[attr-defined]
    for a in CORPUS:
        for b in CORPUS:
            if a is not b:
                assert (b.article_id in links(a, [b])) == (a.article_id in links(b, [a]))
        assert links(a, []) == []


def test_a_copy_is_in_its_original_story_however_late() -> None:
    # the same text a year later is a copy, and a copy is in its original's story
    result = _by_id(assign_stories([_features("a.txt", WEDNESDAY, FIRE),
                                    _features("b.txt", WEDNESDAY + dt.timedelta(days=365), FIRE)], OPTIONS))
    assert result["id-b.txt"].duplicate_of == "id-a.txt"
    assert result["id-b.txt"].story_id == result["id-a.txt"].story_id


def test_an_undated_copy_is_the_later_one() -> None:
    # an article with no date sorts after dated ones, so it is the copy
    result = _by_id(assign_stories([_features("a.txt", None, FIRE), _features("z.txt", WEDNESDAY, FIRE)], OPTIONS))
    assert (result["id-a.txt"].duplicate_of, result["id-z.txt"].duplicate_of) == ("id-z.txt", None)


def test_a_copy_of_a_copy_points_at_the_original() -> None:
    # three copies: both later ones name the first, and one story holds them
    result = _by_id(assign_stories([_features(f"{n}.txt", WEDNESDAY, FIRE) for n in "abc"], OPTIONS))
    assert [result[f"id-{n}.txt"].duplicate_of for n in "abc"] == [None, "id-a.txt", "id-a.txt"]
    assert len({a.story_id for a in result.values()}) == 1


def test_the_story_id_is_named_by_its_earliest_member() -> None:
    # adding a later article to a story keeps its id
    first = assign_stories(CORPUS[:1], OPTIONS)[0].story_id
    assert _by_id(assign_stories(CORPUS, OPTIONS))["id-reworded.txt"].story_id == first


def test_assign_stories_of_nothing() -> None:
    # an empty corpus has no stories
    assert assign_stories([], OPTIONS) == []


def test_features_are_read_from_the_article_alone() -> None:
    feature = CORPUS[0]
    # the age key: publication date, source path, line
    assert feature.age_key()[:3] == (WEDNESDAY.toordinal(), "fire.txt", 0)
    # event dates: "on Tuesday night" and "on Thursday" against a Wednesday publication, then "on Wednesday"
    days = [dt.date.fromordinal(d).isoformat() for d in feature.event_days[::2]]
    assert days == ["2025-03-11", "2025-03-13", "2025-03-12"]
    # the quotation is there as 5-grams and one blocking key
    assert len(feature.quote_keys) == 1 and len(feature.quote_shingles) >= 10
    # signatures have num_perm 32-bit values
    assert len(feature.copy_signature) == len(feature.word_signature) == 4 * OPTIONS.num_perm


# --- the seeds: five reports of one event -------------------------------------------------------------


def _seed_features() -> list[StoryFeatures]:
    features = []
    for path in sorted(SEEDS.iterdir()):
        for record in split_source(path.name, path.read_bytes(), ExtractOptions()):
            article = build_article(record, ExtractOptions())
            assert isinstance(article, Article)
            quotes = [q.quote_text for q in extract_quotes(article.article_id, article.text)]
            # no entity keys: the rules fall back on capitalised words
            features.append(story_features(article, name_keys=(), quote_texts=quotes, options=OPTIONS))
    return features


def test_the_seeds_are_one_story_and_the_late_rewrite_is_no_copy() -> None:
    features = _seed_features()
    result = _by_id(assign_stories(features, OPTIONS))
    assert len({a.story_id for a in result.values()}) == 1
    by_name = {f.source_path[:3]: result[f.article_id] for f in features}
    # 003 rewrites 002 eighteen days later with its quotations, in other words
    assert by_name["003"].duplicate_of is None
    assert all(a.duplicate_of is None for a in result.values())


# --- incremental: the rules are pure, so an update equals a full recompute ----------------------------


@pytest.mark.parametrize("rule", [STORY_RULE, DUPLICATE_RULE], ids=["stories", "copies"])
@pytest.mark.parametrize("seed", range(3))
def test_an_update_with_the_second_half_equals_a_full_recompute(rule: object, seed: int) -> None:
    corpus = CORPUS + _seed_features()
    random.Random(seed).shuffle(corpus)
    first, second = corpus[: len(corpus) // 2], corpus[len(corpus) // 2 :]
    previous = connected_components(first, rule)  # type: ignore[arg-type]
    update = update_components(second, [], Store(corpus, previous, rule), rule)  # type: ignore[arg-type]
    whole = connected_components(corpus, rule)  # type: ignore[arg-type]
    assert _apply(previous, update, set()) == whole
    # and the stories really are joined across the halves
    assert len(whole) < len(corpus)


def test_an_update_that_removes_articles_equals_a_full_recompute() -> None:
    corpus = CORPUS + _seed_features()
    previous = connected_components(corpus, STORY_RULE)
    removed = [corpus[0], corpus[-1]]
    rest = [n for n in corpus if n not in removed]
    update = update_components([], removed, Store(rest, previous, STORY_RULE), STORY_RULE)
    gone = {n.article_id for n in removed}
    assert _apply(previous, update, gone) == connected_components(rest, STORY_RULE)
