"""`newsflow sql` is read-only: no write, no file outside the published lake, no extension, no attach.

DuckDB's external access is off with only the published snapshot's lake allowed (the tables may be
views over it), the configuration is locked, and every statement that is not a query is refused
before it runs (a COPY ... TO into the allowed lake would otherwise succeed). CSV output has LF
line ends with RFC 4180 quoting; Ctrl-C stops a slow query with exit 130 and harms nothing.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.pipeline import newsflow_run
from newsflow.cli import main
from newsflow.settings import Settings
from tests.reliability.cli_runs import REPO, SEEDS, newsflow_cmd, tree_digest, write_corpus

pytestmark = pytest.mark.usefixtures("prefect_backend")


@dataclass(frozen=True)
class Published:
    """A data dir with two completed runs, and files outside its lake that queries must not reach."""

    data: Path
    lake: Path  # the published snapshot's lake, resolved
    old_lake: Path  # the previous snapshot's lake, still on disk for readers of that run
    input_dir: Path
    outside: Path  # a dir outside the data dir with a CSV, a Parquet file and a DuckDB file


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    tmp = tmp_path_factory.mktemp("sql")
    input_dir, data = tmp / "input", tmp / "data"
    shutil.copytree(SEEDS, input_dir)
    newsflow_run(Settings.from_env(input_dir, data))
    old_lake = (data / "current" / "lake").resolve()
    write_corpus(input_dir, 3)
    newsflow_run(Settings.from_env(input_dir, data))
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("name,password\nadmin,hunter2\n", "utf-8")
    pq.write_table(pa.table({"password": ["hunter2"]}), outside / "secret.parquet")
    duckdb.connect(str(outside / "other.duckdb")).close()
    lake = (data / "current" / "lake").resolve()
    assert old_lake != lake and old_lake.is_dir(), "the fixture needs two snapshots on disk"
    return Published(data, lake, old_lake, input_dir, outside)


def _sql(published: Published, query: str, capsys: pytest.CaptureFixture[str],
         fmt: str = "csv") -> tuple[int, str, str]:
    code = main(["sql", "--data", str(published.data), "--format", fmt, query])
    out, err = capsys.readouterr()
    return code, out, err


# Each query, with {outside}, {lake}, {old_lake}, {input} filled in, and why it must be refused.
REFUSED = [
    ("select * from read_text('/etc/passwd')", "a system file, read as text"),
    ("select * from read_blob('/etc/hostname')", "a system file, read as bytes"),
    ("select * from read_csv('/etc/passwd')", "a system file, read as CSV"),
    ("select * from read_csv_auto('{outside}/secret.csv')", "a user's CSV file"),
    ("select * from read_json('/etc/passwd')", "JSON reader"),
    ("select * from sniff_csv('{outside}/secret.csv')", "sniffing a file reads it"),
    ("select * from read_parquet('{outside}/secret.parquet')", "Parquet outside the data dir"),
    ("select * from parquet_metadata('{outside}/secret.parquet')", "Parquet metadata outside"),
    ("select * from read_parquet('{old_lake}/articles/*.parquet')", "the lake of a snapshot that is not published"),
    ("select * from read_text('{lake}/../../../../outside/secret.csv')", "escaping the lake with '..'"),
    ("select * from read_text('{input}/000_8d0b0fc0bd5acc63.txt')", "the raw input files"),
    ("select * from glob('/etc/*')", "listing a directory"),
    ("select * from glob('{outside}/*')", "listing a user's directory"),
    ("copy (select 1) to '{outside}/out.csv'", "COPY ... TO a file"),
    ("copy (select 1 as a) to '{lake}/articles/extra.parquet'", "COPY ... TO into the allowed lake itself"),
    ("copy articles from '{outside}/secret.csv'", "COPY ... FROM"),
    ("export database '{outside}/export'", "EXPORT DATABASE"),
    ("attach '{outside}/other.duckdb' as other", "ATTACH a database file"),
    ("attach ':memory:' as scratch", "ATTACH even in memory (a writable database)"),
    ("install httpfs", "INSTALL an extension"),
    ("load httpfs", "LOAD an extension"),
    ("load '{outside}/evil.duckdb_extension'", "LOAD a file"),
    ("set enable_external_access = true", "turning file access back on"),
    ("reset allowed_directories", "widening the allowed directories"),
    ("pragma enable_profiling = 'json'", "PRAGMA that sets an option"),
    ("set profiling_output = '{outside}/profile.json'", "an option that writes a file"),
    ("select * from duckdb_secrets()", "stored secrets live in the home dir"),
    ("create secret leak (type s3, key_id 'x', secret 'y')", "CREATE SECRET"),
    ("select * from query('copy (select 1) to ''{outside}/q.csv''')", "a write hidden in query()"),
    ("insert into runs (run_id) values ('x')", "INSERT"),
    ("update articles set title = 'x'", "UPDATE"),
    ("delete from articles", "DELETE"),
    ("create table t (a int)", "CREATE TABLE"),
    ("create temp table t as select 1", "CREATE TEMP TABLE"),
    ("drop table articles", "DROP"),
    ("alter table articles add column x int", "ALTER"),
    ("checkpoint", "CHECKPOINT"),
    ("vacuum", "VACUUM"),
    ("begin transaction", "a transaction"),
    ("use memory", "switching to a writable database"),
    ("select 1; drop table articles", "a write hidden after a read"),
]


@pytest.mark.parametrize(("template", "why"), REFUSED, ids=[why for _, why in REFUSED])
def test_sql_refuses(published: Published, template: str, why: str, capsys: pytest.CaptureFixture[str]) -> None:
    query = template.format(outside=published.outside, lake=published.lake, old_lake=published.old_lake,
                            input=published.input_dir)
    before = {p.name for p in published.outside.iterdir()}
    lake_before = tree_digest(published.lake)
    code, out, err = _sql(published, query, capsys)
    assert code != 0, f"{why}: ran and printed {out[:200]!r}"
    assert len(err.strip().splitlines()) == 1 and err.startswith("newsflow: "), err
    assert any(word in err for word in ("refused", "Permission Error", "disabled", "Parser Error")), err
    assert "hunter2" not in out
    assert {p.name for p in published.outside.iterdir()} == before, "a file was written outside"
    assert tree_digest(published.lake) == lake_before, "the lake changed"


@pytest.mark.parametrize(
    "query",
    [
        "select count(*) from articles",  # a table
        "with a as (select article_id from articles) select count(*) from a",  # WITH ... SELECT
        "from articles select count(*)",  # FROM-first syntax
        "describe articles",  # DESCRIBE
        "show tables",  # SHOW
        "summarize articles",  # SUMMARIZE
        "explain select * from articles",  # EXPLAIN
        "pragma version",  # an informational PRAGMA is a query
        "select current_setting('enable_external_access')",  # settings can be read
    ],
)
def test_sql_still_answers_queries(published: Published, query: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _sql(published, query, capsys)
    assert code == 0 and out and not err, err


@pytest.mark.parametrize("spelling", ["{lake}", "{data}/lake", "{data}/current/lake"])
def test_the_published_lake_stays_readable(
    published: Published, spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the warehouse's tables may be views over the lake: however the path is spelled, it reads
    lake = spelling.format(lake=published.lake, data=published.data)
    code, out, err = _sql(published, f"select (select count(*) from read_parquet('{lake}/articles/*.parquet'))"
                                     " = (select count(*) from articles) as same", capsys)
    assert (code, out.splitlines()[-1]) == (0, "True"), err


def test_external_access_is_off_and_locked(published: Published, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _sql(published, "select current_setting('enable_external_access') as access, "
                                   "current_setting('lock_configuration') as locked", capsys)
    assert code == 0 and out.splitlines()[-1] == "False,True"


def test_csv_has_lf_line_ends_and_rfc4180_quoting(published: Published) -> None:
    # a value with a comma, a quote, a line feed, a carriage return, an empty string and a NULL
    query = ("select 'plain' as a, 'x,y' as b, 'say \"hi\"' as c, 'two' || chr(10) || 'lines' as d, "
             "'cr' || chr(13) || 'here' as e, '' as f, null as g union all "
             "select title, 'k', 'k', 'k', 'k', 'k', 'k' from (select title from articles order by title limit 2)")
    result = subprocess.run(newsflow_cmd("sql", "--data", str(published.data), "--format", "csv", query),
                            capture_output=True, cwd=REPO, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    raw = result.stdout
    assert b"\r\n" not in raw and raw.endswith(b"\n")
    assert raw.splitlines()[:2] == [b"a,b,c,d,e,f,g", b'plain,"x,y","say ""hi""","two']
    assert b'"cr\rhere"' in raw  # a bare CR is quoted too
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[1] == ["plain", "x,y", 'say "hi"', "two\nlines", "cr\rhere", "", ""]
    assert len(rows) == 4


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_ctrl_c_stops_a_slow_query_and_harms_nothing(published: Published) -> None:
    snapshot = published.lake.parent
    before = tree_digest(snapshot)
    slow = "select sum(a.i * b.i) from range(100000000) a(i), range(100000000) b(i)"  # hours of work
    proc = subprocess.Popen(newsflow_cmd("sql", "--data", str(published.data), slow), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        # running the query: the warehouse is open and the process burns CPU well past start-up
        while not any(os.path.realpath(f"/proc/{proc.pid}/fd/{fd}").endswith("warehouse.duckdb")
                      for fd in os.listdir(f"/proc/{proc.pid}/fd")):
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        opened_at = _cpu_seconds(proc.pid)
        while _cpu_seconds(proc.pid) < opened_at + 1.0:
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert err.decode().strip() == "newsflow: interrupted"
    assert tree_digest(snapshot) == before
    check = subprocess.run(newsflow_cmd("sql", "--data", str(published.data), "--format", "csv",
                                        "select count(*) from articles"), capture_output=True, cwd=REPO,
                           timeout=120, check=False)
    assert check.returncode == 0 and int(check.stdout.splitlines()[-1]) > 0


def test_ctrl_c_handler_is_not_left_behind(published: Published, capsys: pytest.CaptureFixture[str]) -> None:
    # in-process callers (tests, notebooks) get their own Ctrl-C handling back after the query
    before = signal.getsignal(signal.SIGINT)
    assert _sql(published, "select 1", capsys)[0] == 0
    assert signal.getsignal(signal.SIGINT) is before

