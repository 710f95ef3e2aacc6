"""A per-article stage that raises on one article costs that article's rows, not the run."""

from __future__ import annotations

import pytest

from flows.extract import run_stage
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
def test_run_stage_isolates_the_articles_a_transform_raises_on(monkeypatch: pytest.MonkeyPatch, bad: set[int]) -> None:
    real = quotes.extract_quotes

    def flaky(article_id: str, text: str) -> list[Quote]:
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real(article_id, text)

    monkeypatch.setattr(quotes, "extract_quotes", flaky)
    articles = [_article(i, f"“We will stay,” Maria Lopez said. {'BOOM' if i in bad else ''}") for i in range(7)]
    result = run_stage("quotes", articles)
    assert sorted(q.article_id for q in result.rows) == [f"a{i}" for i in range(7) if i not in bad]  # type: ignore[attr-defined]
    assert sorted((f.source_path, f.reason) for f in result.failures) == sorted(
        (f"{i}.txt", "quotes stage failed (RuntimeError: boom)") for i in bad)


def test_run_stage_refuses_an_unknown_stage() -> None:
    # a misspelt stage is a bug in the flow, not a bad article
    with pytest.raises(ValueError, match="unknown stage"):
        run_stage("quotse", [])
