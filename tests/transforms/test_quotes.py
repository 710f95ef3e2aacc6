"""Quotations: finding them, attributing them, exact spans, and never crashing on stray marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.articles import ExtractOptions, build_article, split_source
from transforms.quotes import extract_quotes
from transforms.records import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _quotes(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.quote_text, q.speaker, q.cue, q.quote_type) for q in extract_quotes("a1", text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "…," X said
        ("“We will not retreat from the city,” Maria Lopez said.",
         ("We will not retreat from the city", "Maria Lopez", "said", "direct")),
        # "…," said X, a fellow at Y: the apposition is not the name
        ("“The loss is a massive blow,” said Aaron Lund, a fellow at Century International.",
         ("The loss is a massive blow", "Aaron Lund", "said", "direct")),
        # X said: "…"
        ("The minister said: “Our forces are still nearby and ready.”",
         ("Our forces are still nearby and ready.", "the minister", "said", "direct")),
        # X told Z: "…", with titles and roles dropped from the name
        ("Rebel commander Lieutenant Colonel Hassan Abdul Ghani told reporters: “We seized the main prison.”",
         ("We seized the main prison.", "Hassan Abdul Ghani", "told", "direct")),
        # "…," X told Z.
        ("“We seized the main prison,” rebel commander Hassan Abdul Ghani told Middle East Eye.",
         ("We seized the main prison", "Hassan Abdul Ghani", "told", "direct")),
        # according to X
        ("According to the Syrian Observatory for Human Rights, “fighting continues in several districts.”",
         ("fighting continues in several districts.", "the Syrian Observatory for Human Rights", "according to",
          "direct")),
        # a partial quote: a fragment inside a sentence
        ("Aaron Lund called the loss of Hama “a huge blow to the government.”",
         ("a huge blow to the government.", "Aaron Lund", "called", "partial")),
        # straight double quotes
        ('"Our forces entered the city," the commander said.',
         ("Our forces entered the city", "the commander", "said", "direct")),
        # single-quoted quote, apostrophes inside left alone
        ("Al-Joulani stated, 'I ask God Almighty that this be a conquest without revenge,' as his forces advanced.",
         ("I ask God Almighty that this be a conquest without revenge", "Al-Joulani", "stated", "direct")),
    ],
)
def test_attribution_patterns(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert _quotes(text)[0] == expected


def test_a_pronoun_is_resolved_to_the_most_recent_named_speaker() -> None:
    text = (
        "“We are afraid,” said a civil servant, who gave his name only as Abbas.\n\n"
        "“They will take revenge on us,” said the 33-year-old.\n\n"
        "“I pray that it will be a conquest without revenge,” he added."
    )
    speakers = [q[1] for q in _quotes(text)]
    # a description that names someone, an age description, and a pronoun all resolve to the name
    assert speakers == ["Abbas", "Abbas", "Abbas"]


def test_an_institutional_speaker_takes_the_fuller_name_given_earlier() -> None:
    text = (
        "The Syrian army announced it had lost control of the city on Thursday.\n\n"
        "“These groups were able to breach a number of axes in the city,” the army said."
    )
    assert _quotes(text)[0][1] == "the Syrian army"


def test_a_quote_over_several_paragraphs_is_found_in_each() -> None:
    text = (
        "The commander said: “We seized the main police department in the centre of the city.\n\n"
        "“The clashes are ongoing to liberate the entire city in the coming hours.”\n\n"
        "Residents stayed indoors."
    )
    quotes = _quotes(text)
    assert [q[0][:20] for q in quotes] == ["We seized the main p", "The clashes are ongo"]
    assert {q[1] for q in quotes} == {"the commander"}


@pytest.mark.parametrize(
    "before, speaker",
    [
        # the paragraph before closes on a sentence reporting what someone said: the quote is theirs
        ("Maria Lopez said that the city would hold for weeks.", "Maria Lopez"),
        ("Lopez, the city's mayor, argued in a letter that help would come.", "Lopez"),
        # a sentence that reports nothing, or whose cue comes after a long story, gives no speaker
        ("The city held for weeks while the army regrouped in the hills to the north.", None),
        ("After weeks of shelling and a long siege of the northern districts by the army the mayor said so.", None),
    ],
)
def test_a_paragraph_of_quotation_after_a_reported_sentence(before: str, speaker: str | None) -> None:
    text = f"{before}\n\n“We have food and water for a month, and nobody here is leaving the city.”"
    assert _quotes(text)[0][1] == speaker


def test_a_pull_quote_names_its_speaker_after_a_dash() -> None:
    text = (
        "'Hama is not strategic, but Homs is because it connects Damascus with the coast' "
        "- Jihad Yazigi, the Syria Report"
    )
    assert _quotes(text)[0][1] == "Jihad Yazigi"


@pytest.mark.parametrize(
    "text",
    [
        # an opening mark never closed, mid-article: it must not swallow the next paragraphs
        "He said “this will never end.\n\nThe next paragraph is plain reporting about the city and its people.",
        # a stray closing mark
        "The city” fell on Thursday after days of fighting around its northern districts.",
        # only marks
        "“ ” \" ' ‘ ’",
        # empty text
        "",
    ],
)
def test_stray_marks_never_crash_or_swallow_text(text: str) -> None:
    for quote in extract_quotes("a1", text):
        assert "\n\n" not in quote.quote_text


def test_scare_quotes_without_attribution_are_not_quotations() -> None:
    assert _quotes("The army called it a “temporary tactical measure” and moved on.") != []
    assert _quotes("Residents watched a “massive” convoy leave the city at dawn.") == []


def test_spans_are_exact_and_ids_stable_on_the_seeds() -> None:
    options = ExtractOptions()
    for path in sorted(SEEDS.glob("*.txt")):
        article = build_article(split_source(path.name, path.read_bytes(), options)[0], options)  # type: ignore[arg-type]
        assert isinstance(article, Article)
        quotes = extract_quotes(article.article_id, article.text)
        assert quotes, path.name
        for quote in quotes:
            assert article.text[quote.start_char : quote.end_char] == quote.quote_text
            assert quote.quote_type in ("direct", "partial", "indirect", "continuation", "transcript")
            assert (quote.part_of is not None) == (quote.quote_type == "continuation")
        assert [q.quote_id for q in quotes] == [q.quote_id for q in extract_quotes(article.article_id, article.text)]


def _seed_quotes(name: str) -> list[tuple[str, str | None]]:
    options = ExtractOptions()
    path = SEEDS / name
    article = build_article(split_source(path.name, path.read_bytes(), options)[0], options)  # type: ignore[arg-type]
    assert isinstance(article, Article)
    return [(q.quote_text, q.speaker) for q in extract_quotes(article.article_id, article.text)]


@pytest.mark.parametrize(
    "seed, start, speaker",
    [
        # al-Jolani's lines, in each outlet's spelling of his name
        ("000_8d0b0fc0bd5acc63.txt", "cleanse the wounds", "Abu Muhammad al-Julani"),
        ("001_7658cac951f193ee.txt", "heal the wounds", "Abu Mohammed al-Jolani"),
        ("001_7658cac951f193ee.txt", "I pray to Almighty God", "Abu Mohammed al-Jolani"),
        ("002_957ed0ecf34f9c35.txt", "I pray to God Almighty", "Abu Mohammed al-Jolani"),
        ("003_629d5c12e137c1a1.txt", "I pray to God Almighty", "Abu Mohammed al-Jolani"),
        ("004_477aafb5564b24fa.txt", "I ask God Almighty", "Al-Joulani"),
        # the civil servant who gave his name only as Abbas, and "the 33-year-old"
        ("000_8d0b0fc0bd5acc63.txt", "We are afraid and worried", "Abbas"),
        ("000_8d0b0fc0bd5acc63.txt", "We are afraid that they", "Abbas"),
        ("001_7658cac951f193ee.txt", "I’m worried that they", "Abbas"),
        # Jihad Yazigi: a pull quote, a told-that line and a he-said line
        ("002_957ed0ecf34f9c35.txt",
         "Hama is not strategic, but Homs is because it connects Damascus with the coastal area, and",
         "Jihad Yazigi"),
        ("003_629d5c12e137c1a1.txt", "Hama is not strategic", "Jihad Yazigi"),
        # Geir Pedersen, UN envoy: the role is not part of the name
        ("002_957ed0ecf34f9c35.txt", "different reactions", "Geir Pedersen"),
        ("003_629d5c12e137c1a1.txt", "a grave threat", "Geir Pedersen"),
        # the army statement: "the army said" resolved to the Syrian army named earlier
        ("002_957ed0ecf34f9c35.txt", "Over the past few hours", "the Syrian army"),
        # Aaron Lund, a fellow at a think tank: the apposition is not the speaker
        ("000_8d0b0fc0bd5acc63.txt", "a huge blow", "Aaron Lund"),
        ("001_7658cac951f193ee.txt", "massive, massive blow", "Aaron Rand"),
        # Lieutenant Colonel Hassan Abdul Ghani: titles dropped
        ("002_957ed0ecf34f9c35.txt", "Our forces entered", "Hassan Abdul Ghani"),
    ],
)
def test_seed_speakers(seed: str, start: str, speaker: str) -> None:
    found = [s for text, s in _seed_quotes(seed) if text.startswith(start)]
    assert found and found[0] == speaker
