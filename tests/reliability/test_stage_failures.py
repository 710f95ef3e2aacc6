"""A per-article stage that raises on one article costs that article's rows, not the run."""

from __future__ import annotations

import pytest

from flows.worker import _stages_or_bisect
from transforms import quotes
from transforms.records import Article, Quote


def _article(i: int, text: str) -> Article:
    return Article(article_id=f"a{i}", source_path=f"{i}.txt", source_format="text", line_number=None,
                   content_sha256="0" * 64, title=None, author=None, published_date=None, source_name=None,
                   url=None, language="en", dateline=None, text=text, word_count=len(text.split()))


@pytest.mark.parametrize(
    "bad",
    [
        # one bad article among seven, found by splitting the batch
        {3},
        # two, at both ends
        {0, 6},
        # all of them
        set(range(7)),
        # none
        set(),
    ],
)
def test_a_stage_that_raises_on_an_article_costs_only_its_rows(monkeypatch: pytest.MonkeyPatch, bad: set[int]) -> None:
    real = quotes.extract_quotes_batch

    def flaky(articles: list[tuple[str, str]], *, nlp: object = None) -> list[list[Quote]]:
        if any("BOOM" in text for _, text in articles):
            raise RuntimeError("boom")
        return real(articles)

    monkeypatch.setattr(quotes, "extract_quotes_batch", flaky)
    articles = [_article(i, f"“We will stay,” Maria Lopez said. {'BOOM' if i in bad else ''}") for i in range(7)]
    rows, failures = _stages_or_bisect(articles, ["quotes", "figures"], None, None)
    assert sorted(q.article_id for q in rows["quotes"]) == [f"a{i}" for i in range(7) if i not in bad]
    assert sorted((f.source_path, f.reason) for f in failures) == sorted(
        (f"{i}.txt", "quotes stage failed on this article (RuntimeError: boom)") for i in bad)
    # the other stages still ran on every article, the bad ones included
    assert {f.article_id for f in rows["figures"]} <= {f"a{i}" for i in range(7)}
