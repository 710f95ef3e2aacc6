"""One bad file never fails a run: the real pipeline over a folder of hostile files and good articles.

Black-box: the run goes through flows.pipeline.newsflow_run into tmp_path, and every assertion
reads the published warehouse through a read-only DuckDB connection. Each entry of the folder
(tests/reliability/hostile_folder.py) has one expectation below: a specific reason in
rejected_files, or an article with sane text.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import flows.pipeline
from flows.pipeline import newsflow_run
from newsflow.settings import Settings
from tests.helpers import last_run, query, table_rows
from tests.reliability.hostile_folder import CAFE_ARTICLE, TEST_CAP, TEST_SIZES, build_hostile_folder, seed_texts

pytestmark = pytest.mark.usefixtures("prefect_backend")

PUBLIC_TABLES = ["articles", "quotes", "figures", "entities", "entity_mentions", "rejected_files"]
SEED_NAMES = sorted(seed_texts())
FIRST, SECOND = f"good/{SEED_NAMES[0]}", f"good/{SEED_NAMES[1]}"
LONG_NAME = "names/" + "é" * 125 + ".txt"





@dataclass(frozen=True)
class HostileRun:
    """What the first run over the hostile folder published, and what a second run changed."""

    articles: dict[tuple[str, int | None], tuple[str | None, str]]  # (path, line) -> (title, text)
    rejected: dict[tuple[str, int | None], str]  # (path, line) -> reason
    first_run: dict[str, object]
    second_run: dict[str, object]
    first_tables: dict[str, list[tuple]]
    second_tables: dict[str, list[tuple]]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, prefect_backend: None) -> Iterator[HostileRun]:
    """Build the folder, run the pipeline over it, then run it again unchanged."""
    base = tmp_path_factory.mktemp("hostile")
    build_hostile_folder(base / "input", base / "outside", TEST_SIZES)
    settings = Settings.from_env(base / "input", base / "data", max_file_bytes=TEST_CAP)
    assert newsflow_run(settings).run.status == "completed"
    data = base / "data"
    articles = {(p, n): (title, text) for p, n, title, text in
                query(data, "select source_path, line_number, title, text from articles")}
    rejected = {(p, n): reason for p, n, reason in
                query(data, "select source_path, line_number, reason from rejected_files")}
    first_run, first_tables = last_run(data), tables(data)
    assert newsflow_run(settings).run.status == "completed"
    yield HostileRun(articles, rejected, first_run, last_run(data), first_tables, tables(data))
    shutil.rmtree(base, ignore_errors=True)


# (source_path, line_number, what became of it): ("rejected", words of the reason), ("article",
# words of its text), ("same", the good article whose text it must have), ("title", its exact title)
EXPECTED: list[tuple[str, int | None, str, str]] = [
    # the good articles themselves
    *[(f"good/{name}", None, "article", "") for name in SEED_NAMES],
    # a latin-1 name: kept, escaped as \xNN
    ("names/caf\\xe9.txt", None, "same", FIRST),
    # a real backslash in a name is escaped too, so it does not collide with the name above
    ("names/caf\\x5cxe9.txt", None, "same", SECOND),
    # and the name that spells out that escape has a key of its own again
    ("names/caf\\x5cx5cxe9.txt", None, "same", FIRST),
    # a line break in a name
    ("names/new\\x0aline.txt", None, "same", SECOND),
    # a 254-byte name
    (LONG_NAME, None, "same", FIRST),
    # a folder whose name is not UTF-8
    ("names/dir-\\xff\\xfe/inside.txt", None, "same", SECOND),
    # zero bytes
    ("empty.txt", None, "rejected", "empty file (no content)"),
    # only whitespace
    ("blank.html", None, "rejected", "file holds only whitespace"),
    # binary files under article names: each says what it looks like
    ("binary/photo.html", None, "rejected", "binary content, not text (looks like a PNG image)"),
    ("binary/program.txt", None, "rejected", "binary content, not text (looks like an executable)"),
    ("binary/report.htm", None, "rejected", "binary content, not text (looks like a PDF document)"),
    # a binary .jsonl is one row, not one per "line" of the image
    ("binary/data.jsonl", None, "rejected", "binary content, not text (looks like a PNG image)"),
    # not an input format
    ("notes.md", None, "rejected", "not an input format"),
    # over the size cap: refused by the scan, never read
    ("big/over-cap.txt", None, "rejected", f"over the size cap of {TEST_CAP} bytes"),
    # a gzip bomb: decompression stops at the cap
    ("big/bomb.html.gz", None, "rejected", f"decompressed size exceeds the size cap of {TEST_CAP} bytes"),
    # .gz that is not gzip
    ("big/not-gzip.html.gz", None, "rejected", "not valid gzip data"),
    # a gzip stream cut short
    ("big/truncated.html.gz", None, "rejected", "truncated gzip data"),
    # a plain-text page over twice the longest article: refused before boilerplate removal
    ("big/long-page.txt", None, "rejected", "over the limit of 4000000 for one scraped page"),
    # a page of 180,000 elements: refused before trafilatura
    ("big/link-farm.html", None, "rejected", "elements, over the limit of 100000 for one article page"),
    # a good gzipped page
    ("big/good.html.gz", None, "article", "Islamist-led rebels captured the central Syrian city of Hama"),
    # HTML nested 100,000 levels deep
    ("markup/deep.html", None, "rejected", "HTML nested 100002 levels deep"),
    # an entity-expansion bomb: the article is read, the entity is not expanded
    ("markup/entity-bomb.xhtml", None, "article", "The capture of Hama has given the extremist rebels"),
    # an external entity: the article is read, the file it names is not
    ("markup/external-entity.xhtml", None, "article", "The capture of Hama has given the extremist rebels"),
    # UTF-16 with a byte-order mark
    ("encodings/utf16-bom.txt", None, "same", FIRST),
    # UTF-16 big-endian without one, in an HTML page
    ("encodings/utf16-no-bom.html", None, "article", "Islamist-led rebels captured the central Syrian city of Hama"),
    # windows-1252: accents and curly quotes come out right
    ("encodings/cp1252.txt", None, "article", "“We were not asked,” said one owner, whose family has run a bakery"),
    # a good UTF-8 file with three bad bytes: kept, the bad bytes replaced
    ("encodings/broken-utf8.txt", None, "article", "\ufffd"),
    # UTF-8 that lost half its bytes: refused, saying so
    ("encodings/mangled-utf8.txt", None, "rejected", "invalid UTF-8: 160 undecodable byte sequences"),
    # CRLF, CR and LF mixed in one file
    ("encodings/mixed-endings.txt", None, "same", FIRST),
    # symbolic links are not followed by default; each row says what the link is
    ("links/loop.txt", None, "rejected", "symbolic link loop, not followed"),
    ("links/loop-a.txt", None, "rejected", "symbolic link loop, not followed"),
    ("links/loop-b.txt", None, "rejected", "symbolic link loop, not followed"),
    ("links/outside.txt", None, "rejected", "symbolic link to a file outside the input dir, not followed"),
    ("links/outside-article.txt", None, "rejected", "symbolic link to a file outside the input dir, not followed"),
    ("links/outside-dir", None, "rejected", "symbolic link to a directory outside the input dir, not followed"),
    ("links/inside.txt", None, "rejected", "symbolic link to a file inside the input dir, not followed"),
    ("links/dangling.txt", None, "rejected", "broken symbolic link: cannot be read, its target does not exist"),
    # a named pipe with an article name: never opened for reading (it would block)
    ("links/pipe.txt", None, "rejected", "not a regular file (a named pipe)"),
    # JSON Lines: good lines kept around broken ones
    # (a record's text field is taken whole: no boilerplate removal, unlike a scraped .txt)
    ("feeds/mixed.jsonl", 1, "article", "The capture of Hama has given the extremist rebels"),
    ("feeds/mixed.jsonl", 2, "rejected", "invalid JSON (Expecting property name enclosed in double quotes"),
    ("feeds/mixed.jsonl", 3, "rejected", "JSON line is a list, not an object"),
    # a number where the text should be: read as text, too short to be an article
    ("feeds/mixed.jsonl", 4, "rejected", "no article text found (1 words of body text"),
    # an object where the text should be
    ("feeds/mixed.jsonl", 5, "rejected", "record has no text or html field (keys: html, text, title)"),
    # a number as the date and a mixed list as the author do not lose the record
    ("feeds/mixed.jsonl", 7, "article", "Islamist-led rebels captured the central Syrian city of Hama"),
    # lone surrogates from \\u escapes become U+FFFD instead of crashing the writer
    ("feeds/mixed.jsonl", 8, "title", "bad \ufffd"),
    # control characters from \\u escapes are dropped
    ("feeds/mixed.jsonl", 9, "title", "nul and bell"),
    # nested 100,000 levels deep
    ("feeds/mixed.jsonl", 10, "rejected", "invalid JSON (nested too deeply to parse)"),
    # the huge line: refused by the article length limit, before any work on its text
    ("feeds/mixed.jsonl", 11, "rejected", "over the limit of 2000000 for one article"),
    # a latin-1 line in a UTF-8 file is decoded on its own
    ("feeds/mixed.jsonl", 12, "article", "café in latin-1"),
    ("feeds/mixed.jsonl", 13, "rejected", "invalid JSON (Expecting value at column 1)"),
    # the last line, after all of the above
    ("feeds/mixed.jsonl", 14, "article", "The capture of Hama has given the extremist rebels"),
    # a UTF-16 .jsonl with CRLF line ends
    ("feeds/utf16.jsonl", 1, "article", "Islamist-led rebels captured the central Syrian city of Hama"),
    ("feeds/utf16.jsonl", 2, "rejected", "invalid JSON"),
    # blank lines only
    ("feeds/empty.jsonl", None, "rejected", "empty file (no JSON lines)"),
]


@pytest.mark.parametrize(("path", "line", "kind", "expected"), EXPECTED,
                         ids=[f"{p}:{n}" if n else p for p, n, _, _ in EXPECTED])
def test_each_hostile_file(hostile: HostileRun, path: str, line: int | None, kind: str, expected: str) -> None:
    if kind == "rejected":
        assert expected in hostile.rejected.get((path, line), "(no rejected_files row)")
    elif kind == "article":
        assert expected in hostile.articles[(path, line)][1]
    elif kind == "same":
        assert hostile.articles[(path, line)][1] == hostile.articles[(expected, None)][1]
    else:
        assert hostile.articles[(path, line)][0] == expected


def test_no_file_or_line_is_lost_or_unexpected(hostile: HostileRun) -> None:
    # every entry of the folder (and every non-blank line) is an article or a rejection, exactly once
    assert sorted(set(hostile.articles) | set(hostile.rejected), key=repr) == sorted(
        {(p, n) for p, n, _, _ in EXPECTED}, key=repr)
    assert not set(hostile.articles) & set(hostile.rejected)


def test_the_good_articles_read_as_in_a_clean_run(hostile: HostileRun) -> None:
    # the seeds' texts in the hostile folder match their texts in a clean run, extracted directly
    from transforms.articles import ExtractOptions, build_article, split_source

    options = ExtractOptions(max_bytes=TEST_CAP)
    for name, data in seed_texts().items():
        (record,) = split_source(name, data, options)
        article = build_article(record, options)  # type: ignore[arg-type]
        assert hostile.articles[(f"good/{name}", None)][1] == article.text  # type: ignore[union-attr]


def test_nothing_outside_the_input_dir_and_no_expansion_reached_the_warehouse(hostile: HostileRun) -> None:
    everything = repr(hostile.first_tables)
    assert "SECRET-OUTSIDE-THE-INPUT-DIR" not in everything
    assert "lollol" not in everything
    text = hostile.articles[("encodings/cp1252.txt", None)][1]
    assert text.startswith(CAFE_ARTICLE.split(" the new")[0])


def test_stored_text_has_no_control_characters(hostile: HostileRun) -> None:
    # no control characters (NUL, BEL ... from \\u escapes or bad bytes) in any stored title or text
    for title, text in hostile.articles.values():
        for value in (title or "", text):
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", value)


def test_a_rerun_over_the_hostile_folder_is_a_no_op(hostile: HostileRun) -> None:
    run = hostile.second_run
    assert (run["status"], run["files_added"], run["files_changed"], run["files_deleted"],
            run["articles_extracted"]) == ("completed", 0, 0, 0, 0)
    assert run["files_unchanged"] == run["files_seen"] == hostile.first_run["files_seen"]
    assert hostile.second_tables == hostile.first_tables


def test_follow_symlinks_reads_links_to_files_only(tmp_path: Path) -> None:
    seeds = seed_texts()
    inside, outside = tmp_path / "input", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    (outside / "article.txt").write_bytes(seeds[SEED_NAMES[0]])
    (outside / "folder").mkdir()
    (outside / "folder" / "article.txt").write_bytes(seeds[SEED_NAMES[1]])
    os.symlink(outside / "article.txt", inside / "linked.txt")
    os.symlink(outside / "folder", inside / "linked-folder")
    os.symlink("loop.txt", inside / "loop.txt")
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(inside, data, follow_symlinks=True))
    assert [p for (p,) in query(data, "select source_path from articles")] == ["linked.txt"]
    rejected = dict(query(data, "select source_path, reason from rejected_files"))
    assert rejected == {
        # a link to a folder is never followed: a loop of folders would never end
        "linked-folder": "symbolic link to a directory outside the input dir, not followed",
        "loop.txt": "symbolic link loop, not followed",
    }


def test_files_that_vanish_or_change_during_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = seed_texts()
    inside, outside = tmp_path / "input", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    for name in ("vanishes.txt", "grows.txt", "changes.txt", "becomes-pipe.txt", "becomes-link.txt", "stays.txt"):
        (inside / name).write_bytes(seeds[SEED_NAMES[0]])
    (outside / "other.txt").write_bytes(seeds[SEED_NAMES[1]])
    real_scan = flows.pipeline.scan_inputs

    def scan_then_change(*args: object, **kwargs: object) -> object:
        found = real_scan(*args, **kwargs)  # type: ignore[arg-type]
        (inside / "vanishes.txt").unlink()
        with open(inside / "grows.txt", "ab") as handle:
            handle.write(b" more" * 4000)
        (inside / "changes.txt").write_bytes(seeds[SEED_NAMES[1]])
        (inside / "becomes-pipe.txt").unlink()
        os.mkfifo(inside / "becomes-pipe.txt")
        (inside / "becomes-link.txt").unlink()
        os.symlink(outside / "other.txt", inside / "becomes-link.txt")
        return found

    monkeypatch.setattr(flows.pipeline, "scan_inputs", scan_then_change)
    data = tmp_path / "data"
    cap = max(len(seeds[SEED_NAMES[0]]), len(seeds[SEED_NAMES[1]])) + 100
    newsflow_run(Settings.from_env(inside, data, max_file_bytes=cap))
    rejected = dict(query(data, "select source_path, reason from rejected_files"))
    assert rejected == {
        "vanishes.txt": "cannot read file: file vanished since the scan",
        "grows.txt": f"cannot read file: file grew past the size cap of {cap} bytes since the scan",
        # opened without blocking, and refused
        "becomes-pipe.txt": "cannot read file: file is no longer a regular file (a named pipe)",
        "becomes-link.txt": "cannot read file: file was replaced by a symbolic link since the scan",
    }
    texts = dict(query(data, "select source_path, text from articles"))
    # the changed file is read as it is now, and keyed by the hash of what was read
    assert sorted(texts) == ["changes.txt", "stays.txt"]
    assert texts["changes.txt"] != texts["stays.txt"]
    monkeypatch.setattr(flows.pipeline, "scan_inputs", real_scan)
    newsflow_run(Settings.from_env(inside, data, max_file_bytes=cap))
    # next run: the changed file is unchanged now (its hash was taken from what was read)
    assert last_run(data)["articles_extracted"] == 0


def tables(data: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every public table's rows, sorted, to compare runs."""
    return table_rows(data, PUBLIC_TABLES)
