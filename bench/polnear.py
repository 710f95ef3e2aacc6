"""PolNeAR articles with their gold attributions, in the text the pipeline sees.

The pipeline quotes an article's normalised text (one paragraph per line, a blank line
between: transforms.text.join_paragraphs); gold offsets point into the raw .txt file, so
they are mapped onto the normalised text here. Used by bench/eval_quotes.py and
bench/train_attribution.py; the eval-dev path is always an argument, nothing is copied.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from transforms.text import clean_line


@dataclass(frozen=True)
class Gold:
    """One gold attribution: character spans into the normalised text, and its texts."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    source_text: str
    cue_text: str
    content_text: str
    has_quote_marks: bool


@dataclass(frozen=True)
class Article:
    """An article's normalised text and its gold attributions."""

    article_id: str
    text: str
    gold: tuple[Gold, ...]


def _offset_map(raw: str) -> tuple[str, list[int]]:
    """The normalised text and, for each raw offset, the normalised offset it lands on."""
    mapping = [0] * (len(raw) + 1)
    parts: list[str] = []
    position = 0
    raw_start = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        cleaned = clean_line(body)
        if cleaned:
            if parts:
                position += 2  # the blank line between paragraphs
            local = [-1] * (len(body) + 1)
            lead = len(body) - len(body.lstrip())
            if body.strip() == cleaned:  # the usual case: only the ends stripped
                for k in range(len(cleaned)):
                    local[lead + k] = k
            else:
                blocks = difflib.SequenceMatcher(None, body, cleaned, autojunk=False).get_matching_blocks()
                for a, b, size in blocks:
                    for k in range(size):
                        local[a + k] = b + k
            local[len(body)] = len(cleaned)
            last = 0
            for i in range(len(body) + 1):
                last = local[i] if local[i] >= 0 else last
                mapping[raw_start + i] = position + last
            parts.append(cleaned)
            position += len(cleaned)
        else:
            for i in range(len(line) + 1):
                mapping[raw_start + min(i, len(line))] = position
        for i in range(len(body), len(line) + 1):
            mapping[min(raw_start + i, len(raw))] = position if cleaned else mapping[raw_start]
        raw_start += len(line)
    return "\n\n".join(parts), mapping


def load(root: Path, *, primary_only: bool = True) -> list[Article]:
    """Every article under root (text/*.txt and attributions.jsonl), gold mapped to normalised text."""
    rows: dict[str, list[dict]] = {}
    for line in (root / "attributions.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if primary_only and not row.get("primary_annotation", True):
            continue
        rows.setdefault(row["article"], []).append(row)
    articles = []
    for path in sorted((root / "text").glob("*.txt")):
        raw = path.read_text("utf-8")
        text, mapping = _offset_map(raw)
        gold = []
        for row in rows.get(path.stem, []):

            def spans(part: str, row: dict = row, mapping: list[int] = mapping) -> tuple[tuple[int, int], ...]:
                """A part's spans, mapped onto the normalised text."""
                # an end offset lands after the last character it covers, not on the next one
                return tuple((mapping[a], mapping[b - 1] + 1 if b > a else mapping[a])
                             for piece in row[part] for a, b in piece["spans"])

            def words(part: str, row: dict = row) -> str:
                """A part's text."""
                return " ".join(piece["text"] for piece in row[part])

            gold.append(Gold(spans("source"), spans("cue"), spans("content"), words("source"), words("cue"),
                             words("content"), bool(row["has_quote_marks"])))
        articles.append(Article(path.stem, text, tuple(gold)))
    return articles
