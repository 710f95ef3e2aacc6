"""The per-article stages, declared once: name, version, function, and the table of their rows.

A stage turns a batch of articles into rows of one table (its row records' fields are that
table's columns; warehouse/sql/schema.sql declares it). Stages run in the worker processes,
after extraction, in this order; a stage may read the rows of the stages it `needs` for the same
articles, and the spaCy model when it says so. The warehouse derives from this list which rows a
re-extracted or deleted article takes with it, and the flow which stages to re-run after a
version bump (a stage re-runs when its version or the version of a stage it needs changes).
Adding a stage is one entry here, its rows' table in schema.sql, and its unit in tables.py.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from transforms import entities, figures, mentions, quotes, statements, stories
from transforms.records import Article, Figure, Quote


@dataclass(frozen=True)
class StageContext:
    """What a stage may use besides its articles."""

    nlp: Any | None = None  # the worker's spaCy model (all components), for stages that need it
    rows: Mapping[str, Sequence[Any]] = field(default_factory=dict)  # rows of earlier stages, by stage name


@dataclass(frozen=True)
class ArticleStage:
    """One per-article stage."""

    name: str  # recorded in article_stages
    table: str  # the table its rows go to
    version: str  # bump to re-run the stage for every article
    run: Callable[[Sequence[Article], StageContext], list[Any]]
    row_type: type  # the frozen dataclass of its rows (its fields are columns of `table`)
    order: str  # sort order of its rows in the lake (a key: deterministic files)
    needs: tuple[str, ...] = ()  # stages whose rows it reads (they run first; a re-run of one re-runs it)
    needs_nlp: bool = False  # loads the spaCy model in the worker
    public: bool = False  # a contract table users query; False: bookkeeping under state/


def _quotes(articles: Sequence[Article], context: StageContext) -> list[Any]:
    # with the model, quote-bearing sentences are parsed (and only those, the batch's in one go)
    found = quotes.extract_quotes_batch([(a.article_id, a.text) for a in articles], nlp=context.nlp)
    return [q for article_quotes in found for q in article_quotes]


def _figures(articles: Sequence[Article], context: StageContext) -> list[Any]:
    return [f for a in articles for f in figures.extract_figures(a.article_id, a.text)]


@dataclass(frozen=True)
class NerMention(mentions.RawMention):
    """A linked NER mention with its alias group and type vote (a row of ner_mentions)."""

    group_key: str = ""
    vote_label: str | None = None


def _mentions(articles: Sequence[Article], context: StageContext) -> list[Any]:
    nlp: Any = context.nlp
    # NER over the whole text needs only its own components; the rest of the model is for quote sentences
    with nlp.select_pipes(enable=mentions.ner_pipes(nlp)):
        found = mentions.find_mentions(nlp, articles)
    return [NerMention(**dataclasses.asdict(m), group_key=entities.group_key(m), vote_label=entities.vote_label(m))
            for m in found]


@dataclass(frozen=True)
class ArticleWord:
    """A capitalised word of an article (a row of article_words)."""

    article_id: str
    word: str


def _article_words(articles: Sequence[Article], context: StageContext) -> list[Any]:
    return [ArticleWord(a.article_id, w) for a in articles for w in sorted(entities.first_words(a.text))]


def _statement_keys(articles: Sequence[Article], context: StageContext) -> list[Any]:
    by_article: dict[str, list[tuple[str, str]]] = {}
    for q in context.rows.get("quotes", []):
        if q.quote_type != "transcript":
            by_article.setdefault(q.article_id, []).append((q.quote_id, q.quote_text))
    options = statements.StatementOptions()
    return [k for a in articles for k in statements.statement_keys(a.article_id, by_article.get(a.article_id, []),
                                                                   options)]


@dataclass(frozen=True)
class StoryKey:
    """One blocking key of one article under one story rule (a row of story_keys)."""

    article_id: str
    rule: str  # copy or story
    key: str


def _story_features(articles: Sequence[Article], context: StageContext) -> list[Any]:
    names: dict[str, list[str]] = {}
    for m in context.rows.get("entities", []):
        names.setdefault(m.article_id, []).append(m.key)
    quoted: dict[str, list[str]] = {}
    for q in context.rows.get("quotes", []):
        quoted.setdefault(q.article_id, []).append(q.quote_text)
    options = stories.StoryOptions()
    return [stories.story_features(a, name_keys=names.get(a.article_id, []), quote_texts=quoted.get(a.article_id, []),
                                   options=options) for a in articles]


def _story_keys(articles: Sequence[Article], context: StageContext) -> list[Any]:
    options = stories.StoryOptions()
    rules = {"copy": stories.duplicate_rule(options), "story": stories.story_rule(options)}
    return [StoryKey(f.article_id, name, key) for f in context.rows.get("story_features", [])
            for name, rule in rules.items() for key in sorted(set(rule.blocking_keys(f)))]


def article_stages() -> tuple[ArticleStage, ...]:
    """The per-article stages in the order they run (versions read now, so a bump is seen)."""
    return (
        ArticleStage("quotes", "quotes", quotes.VERSION, _quotes, Quote, "quote_id", needs_nlp=True, public=True),
        ArticleStage("figures", "figures", figures.VERSION, _figures, Figure, "figure_id", public=True),
        ArticleStage("entities", "ner_mentions", mentions.VERSION, _mentions, NerMention,
                     "article_id, start_char, end_char", needs_nlp=True),
        ArticleStage("article_words", "article_words", entities.VERSION, _article_words, ArticleWord,
                     "article_id, word"),
        ArticleStage("statement_keys", "statement_keys", statements.VERSION, _statement_keys,
                     statements.StatementKey, "quote_id, key", needs=("quotes",)),
        ArticleStage("story_features", "story_features", stories.VERSION, _story_features, stories.StoryFeatures,
                     "article_id", needs=("entities", "quotes")),
        ArticleStage("story_keys", "story_keys", stories.VERSION, _story_keys, StoryKey, "article_id, rule, key",
                     needs=("story_features",)),
    )


def stage_versions() -> dict[str, str]:
    """Each stage's effective version: its own, followed by those of the stages it needs."""
    versions: dict[str, str] = {}
    for stage in article_stages():
        versions[stage.name] = "+".join([stage.version, *(versions[n] for n in stage.needs)])
    return versions


def run_stages(articles: Sequence[Article], names: Sequence[str], nlp: Any | None,
               given: Mapping[str, Sequence[Any]] | None = None,
               seconds: dict[str, float] | None = None) -> dict[str, list[Any]]:
    """Run the named stages (and only those) over a batch of articles: stage name -> rows.

    given: rows of stages not re-run that a named stage needs (read back from the warehouse);
    seconds: if given, each stage's time is added to it under "stage <name>"."""
    produced: dict[str, list[Any]] = {}
    for stage in article_stages():
        if stage.name in names:
            started = time.perf_counter()
            produced[stage.name] = stage.run(articles, StageContext(nlp=nlp, rows={**(given or {}), **produced}))
            if seconds is not None:
                key = f"stage {stage.name}"
                seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - started
    return produced


def inputs_of(names: Sequence[str]) -> list[str]:
    """Stages not in names whose rows the named stages need."""
    needed = {n for stage in article_stages() if stage.name in names for n in stage.needs}
    return sorted(needed - set(names))


def stages_to_rerun(outdated: Sequence[str]) -> list[str]:
    """The outdated stages and every stage that needs one of them, in run order."""
    chosen: list[str] = []
    for stage in article_stages():
        if stage.name in outdated or any(n in chosen for n in stage.needs):
            chosen.append(stage.name)
    return chosen
