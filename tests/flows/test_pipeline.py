"""The real flow end to end on seeds/ into tmp_path: contents, incremental reruns, safety."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.pipeline import newsflow_run
from newsflow.settings import Settings
from tests.helpers import last_run, query, table_rows
from transforms import articles as articles_transform
from warehouse.tables import TABLES

pytestmark = pytest.mark.usefixtures("prefect_backend")

PUBLIC_TABLES = ["articles", "quotes", "figures", "entities", "entity_mentions", "rejected_files"]





def test_seeds_become_articles_in_warehouse_and_lake(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    summary = newsflow_run(Settings.from_env(seeds_dir, data))
    assert summary.run.status == "completed"
    rows = dict(query(data, "select source_path, title from articles"))
    # titles come from the header lines, not from the body
    assert rows["000_8d0b0fc0bd5acc63.txt"] == "After rebels capture Hama, now possible advance towards Homs"
    assert rows["002_957ed0ecf34f9c35.txt"] == "Hama city falls to Syrian rebels as advance continues"
    assert rows["004_477aafb5564b24fa.txt"] == "Rebel Offensive in Syria: Hama Falls to Insurgents"
    texts = dict(query(data, "select source_path, text from articles"))
    # the body is there, first and last sentences included
    assert texts["001_7658cac951f193ee.txt"].startswith("Islamist-led rebels captured the central Syrian city of Hama")
    assert "The United States maintains several hundred troops in eastern Syria" in texts["001_7658cac951f193ee.txt"]
    assert texts["002_957ed0ecf34f9c35.txt"].startswith("Syrian rebels have taken control of the central city of Hama")
    assert all("\n\n" in t for t in texts.values())
    run = last_run(data)
    assert (run["files_seen"], run["files_added"], run["articles_extracted"]) == (5, 5, 5)
    # the lake holds the same rows as the warehouse, one dataset per table
    for table in (t for t in TABLES.values() if t.public):
        parquet = pq.read_table(data / "lake" / table.name)
        assert parquet.num_rows == query(data, f"select count(*) from {table.name}")[0][0], table


def test_rerun_over_unchanged_input_does_no_work_and_changes_nothing(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    before = snapshot_tables(data)
    newsflow_run(Settings.from_env(seeds_dir, data))
    assert snapshot_tables(data) == before
    run = last_run(data)
    assert (run["files_unchanged"], run["articles_extracted"], run["files_added"]) == (5, 0, 0)


def test_changed_deleted_and_new_files_are_applied(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    ids_before = dict(query(data, "select source_path, article_id from articles"))
    changed = seeds_dir / "004_477aafb5564b24fa.txt"
    late = "\nA late paragraph added by the editors about the rebels.\n"
    changed.write_text(changed.read_text("utf-8") + late, "utf-8")
    (seeds_dir / "003_629d5c12e137c1a1.txt").unlink()
    shutil.copy(seeds_dir / "000_8d0b0fc0bd5acc63.txt", seeds_dir / "copy.txt")

    newsflow_run(Settings.from_env(seeds_dir, data))
    run = last_run(data)
    assert (run["files_added"], run["files_changed"], run["files_unchanged"], run["files_deleted"]) == (1, 1, 3, 1)
    assert run["articles_extracted"] == 2
    ids_after = dict(query(data, "select source_path, article_id from articles"))
    assert "003_629d5c12e137c1a1.txt" not in ids_after
    assert ids_after["004_477aafb5564b24fa.txt"] == ids_before["004_477aafb5564b24fa.txt"]
    text = query(data, "select text from articles where source_path = '004_477aafb5564b24fa.txt'")[0][0]
    assert text.endswith("A late paragraph added by the editors about the rebels.")
    # the exact copy is found as a duplicate of the earlier original
    dup = query(data, "select duplicate_of from articles where source_path = 'copy.txt'")[0][0]
    assert dup == ids_after["000_8d0b0fc0bd5acc63.txt"]


def test_bumping_the_extract_version_re_extracts_every_file(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    before = snapshot_tables(data)
    monkeypatch.setattr(articles_transform, "VERSION", articles_transform.VERSION + "-bumped")
    newsflow_run(Settings.from_env(seeds_dir, data))
    run = last_run(data)
    assert (run["files_unchanged"], run["articles_extracted"]) == (5, 5)
    assert snapshot_tables(data) == before  # same extraction code, so the same rows and ids
    newsflow_run(Settings.from_env(seeds_dir, data))
    assert last_run(data)["articles_extracted"] == 0  # the new version is now recorded


def test_full_refresh_rebuilds_from_the_raw_files(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    before = snapshot_tables(data)
    newsflow_run(Settings.from_env(seeds_dir, data, full_refresh=True))
    run = last_run(data)
    assert (run["articles_extracted"], run["full_refresh"]) == (5, True)
    assert snapshot_tables(data) == before
    assert len(query(data, "select * from runs")) == 2  # the runs history survives the rebuild


def _write_bad_inputs(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    body = "<p>" + " ".join(["Rebels advanced on the city as residents fled the fighting."] * 6) + "</p>"
    page = f"<html><head><title>Rebels advance</title></head><body><article>{body * 3}</article></body></html>"
    (root / "empty.html").write_bytes(b"")
    (root / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (root / "garbage.txt").write_bytes(bytes(range(128, 256)) * 40 + "é".encode() * 3)
    (root / "cp1252.txt").write_bytes(
        ("Caf\u00e9 owners reopen\n\n" + "The caf\u00e9 \u201creopened\u201d on Monday after the fighting ended. " * 5)
        .encode("cp1252")
    )
    (root / "utf16.txt").write_bytes(
        ("Rebels reach the city\n\n" + "Rebels reached the outskirts of the city on Thursday morning. " * 5)
        .encode("utf-16")
    )
    (root / "truncated.html").write_text(page[: len(page) // 2], "utf-8")
    (root / "no-article.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><footer>(c) 2024</footer></body></html>",
        "utf-8",
    )
    (root / "big.html").write_text(page * 40, "utf-8")
    (root / "dangling.html").symlink_to(root / "missing-target.html")
    (root / "records.jsonl").write_text(
        '{"url": "https://example.org/a", "title": "First", "text": "' + "Rebels advanced on the city. " * 5 + '"}\n'
        '{"url": "https://example.org/b", "title": "Broken", "text": \n'
        '{"title": "Third", "maintext": "' + "Residents fled the fighting overnight. " * 5 + '"}\n',
        "utf-8",
    )
    (root / ".hidden.html").write_text(page, "utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "page.html").write_text(page, "utf-8")


def test_bad_inputs_become_rejections_with_specific_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "bad"
    _write_bad_inputs(source)
    monkeypatch.setenv("NEWSFLOW_MAX_FILE_BYTES", "20000")
    data = tmp_path / "data"
    summary = newsflow_run(Settings.from_env(source, data))
    assert summary.run.status == "completed"
    reasons = {(p, n): r for p, n, r in query(data, "select source_path, line_number, reason from rejected_files")}
    assert "empty" in reasons[("empty.html", None)]
    assert "binary" in reasons[("image.html", None)] and "PNG" in reasons[("image.html", None)]
    assert "encoding" in reasons[("garbage.txt", None)] or "UTF-8" in reasons[("garbage.txt", None)]
    assert "no article text" in reasons[("no-article.html", None)]
    assert "size cap" in reasons[("big.html", None)]
    assert "cannot" in reasons[("dangling.html", None)]
    assert "invalid JSON" in reasons[("records.jsonl", 2)]
    titles = dict(query(data, "select source_path || coalesce(':' || line_number, ''), title from articles"))
    # recoverable text is kept: legacy and UTF-16 encodings, truncated HTML, the good JSON lines
    assert titles["cp1252.txt"] == "Caf\u00e9 owners reopen"
    assert titles["utf16.txt"] == "Rebels reach the city"
    assert "truncated.html" in titles
    assert titles["records.jsonl:1"] == "First" and titles["records.jsonl:3"] == "Third"
    cafe = query(data, "select text from articles where source_path = 'cp1252.txt'")[0][0]
    assert "\u201creopened\u201d" in cafe
    # hidden files and folders are skipped entirely
    assert not [p for p in titles if ".hidden" in p or ".git" in p]
    run = last_run(data)
    assert run["files_seen"] == 10 and run["files_rejected"] == 7


@pytest.mark.parametrize(
    "target, attribute",
    [
        ("flows.pipeline", "duplicate_rule"),  # a failure after extraction, before anything is written
        ("warehouse.catalog", "write_catalog"),  # a failure while the snapshot is published
    ],
)
def test_a_failed_run_keeps_the_last_good_warehouse_and_the_next_run_finishes(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, attribute: str
) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    before = snapshot_tables(data)
    (seeds_dir / "000_8d0b0fc0bd5acc63.txt").write_text("Rebels took the city on Friday. " * 20, "utf-8")

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(f"{target}.{attribute}", crash)
    state = newsflow_run(Settings.from_env(seeds_dir, data), return_state=True)
    assert state.is_failed()
    assert snapshot_tables(data) == before  # nothing of the failed run is visible
    assert not list((data / "snapshots").glob(".build-*"))
    last = last_run(data)
    if attribute == "duplicate_rule":
        assert last["status"] == "failed" and "disk full" in last["error"]
    else:  # recording the failure needs the lake too, so the last good run stays the last row
        assert last["status"] == "completed"

    monkeypatch.undo()
    newsflow_run(Settings.from_env(seeds_dir, data))
    run = last_run(data)
    assert (run["status"], run["files_changed"], run["articles_extracted"]) == ("completed", 1, 1)


def test_a_reader_keeps_its_snapshot_while_a_run_publishes_a_new_one(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    reader = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        (seeds_dir / "003_629d5c12e137c1a1.txt").unlink()
        newsflow_run(Settings.from_env(seeds_dir, data))
        # the open connection still answers from the run it opened, without error
        assert reader.execute("select count(*) from articles").fetchall()[0][0] == 5
    finally:
        reader.close()
    assert query(data, "select count(*) from articles")[0][0] == 4


def test_bumping_a_stage_version_re_runs_that_stage_only(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transforms import quotes as quotes_transform

    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    before = snapshot_tables(data)
    assert before["quotes"], "the seeds hold quotations"
    monkeypatch.setattr(quotes_transform, "VERSION", quotes_transform.VERSION + "-bumped")
    newsflow_run(Settings.from_env(seeds_dir, data))
    assert last_run(data)["articles_extracted"] == 0  # no file was extracted again
    versions = query(data, "select distinct version from article_stages where stage = 'quotes'")
    assert versions == [(quotes_transform.VERSION,)]  # every article's quotes were recomputed
    assert snapshot_tables(data) == before  # same code, so the same rows and ids


def test_quotes_and_the_statements_view_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    # every span is exact
    bad = query(data, """
        select count(*) from quotes q join articles a using (article_id)
        where substr(a.text, q.start_char + 1, q.end_char - q.start_char) <> q.quote_text""")
    assert bad == [(0,)]
    # al-Jolani's "without revenge" line is one statement carried by four outlets' wordings
    rows = query(data, """
        select article_count, speaker from statements
        where list_contains([lower(v.quote_text) like '%revenge%' for v in versions], true)
        order by article_count desc limit 1""")
    assert rows[0][0] >= 4 and "al-Jolani" in rows[0][1]
    # the view is in the lake for BI tools too
    assert pq.read_table(data / "lake" / "statements").num_rows == query(data, "select count(*) from statements")[0][0]


def test_figures_and_their_disagreements_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    bad = query(data, """
        select count(*) from figures f join articles a using (article_id)
        where substr(a.text, f.start_char + 1, f.end_char - f.start_char) <> f.surface""")
    assert bad == [(0,)]
    # deaths since the offensive began: 727 in some reports, 826 in a later one, side by side
    pairs = query(data, "select value_a, value_b, outlet_b from figure_disagreements where category = 'killed'")
    assert (727.0, 826.0, "NDTV") in pairs
    assert query(data, "select count(*) from figures where surface in ('1982', '2011')") == [(0,)]


def test_entities_mentions_and_speaker_links_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    bad = query(data, """
        select count(*) from entity_mentions m join articles a using (article_id)
        where substr(a.text, m.start_char + 1, m.end_char - m.start_char) <> m.surface""")
    assert bad == [(0,)]
    orphans = query(
        data, "select count(*) from entity_mentions where entity_id not in (select entity_id from entities)"
    )
    assert orphans == [(0,)]
    jolani = query(data, """
        select e.canonical_name, count(*) from quotes q join entities e on e.entity_id = q.speaker_entity_id
        where q.quote_text like '%God Almighty%' or q.quote_text like '%Almighty God%' group by 1""")
    assert jolani and all("Jolani" in name for name, _ in jolani)
    ids_before = query(data, "select entity_id, canonical_name from entities order by 1")
    newsflow_run(Settings.from_env(seeds_dir, data))
    assert query(data, "select entity_id, canonical_name from entities order by 1") == ids_before


def snapshot_tables(data: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every public table's rows, sorted, for byte-for-byte comparisons across runs."""
    return table_rows(data, PUBLIC_TABLES)


def test_the_seeds_are_one_story_and_the_late_rewrite_is_no_copy(seeds_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    # five outlets on one event, one of them a rewrite weeks later: one story by the event
    assert query(data, "select count(distinct story_id), count(*) from articles") == [(1, 5)]
    copies = dict(query(data, "select source_path, duplicate_of from articles"))
    assert copies["003_629d5c12e137c1a1.txt"] is None  # a paraphrased rewrite is not a copy
    assert all(v is None for v in copies.values())
    # and the story is in the cross-source views, for the stories command and the report
    assert query(data, "select articles, outlets from stories") == [(5, 5)]
