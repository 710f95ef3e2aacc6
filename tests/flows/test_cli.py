"""Command-line errors: one line on stderr and a non-zero exit, before any Prefect work."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.cli import main
from warehouse.layout import prepare, run_lock


def test_missing_input_dir_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", "--input", str(tmp_path / "nope"), "--data", str(tmp_path / "data")])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1 and "does not exist" in err


def test_unwritable_data_dir_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a dir")
    code = main(["run", "--input", str(tmp_path), "--data", str(blocker / "data")])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1 and "not writable" in err


def test_a_second_run_while_one_holds_the_warehouse_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = prepare(tmp_path / "data")
    with run_lock(layout):
        code = main(["run", "--input", str(tmp_path), "--data", str(tmp_path / "data")])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1 and "another run holds the warehouse" in err


def test_sql_before_any_run_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sql", "--data", str(tmp_path / "data"), "select 1"])
    assert code != 0 and "newsflow run" in capsys.readouterr().err


@pytest.fixture(scope="module")
def warehouse_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A published warehouse to query, built without Prefect (the layout and store directly)."""
    from warehouse.build import Build
    from warehouse.layout import prepare as prepare_layout

    data = tmp_path_factory.mktemp("sql") / "data"
    layout = prepare_layout(data)
    with Build(layout, "20260101T000000000000-test", previous=None, keep_snapshots=2) as build:
        build.publish()
    return data


@pytest.mark.parametrize(
    "statement",
    [
        "insert into runs (run_id) values ('x')",  # INSERT
        "update articles set title = 'x'",  # UPDATE
        "delete from articles",  # DELETE
        "create table t (a int)",  # CREATE
        "copy (select 1) to '/tmp/newsflow-out.csv'",  # COPY ... TO
        "attach 'other.duckdb' as other",  # ATTACH
        "install httpfs",  # INSTALL
        "load httpfs",  # LOAD
        "select 1; drop table articles",  # a write hidden after a read
    ],
)
def test_sql_refuses_every_kind_of_write(
    warehouse_dir: Path, statement: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sql", "--data", str(warehouse_dir), statement])
    err = capsys.readouterr().err
    assert code != 0 and "refused" in err and "read-only" in err


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_sql_answers_reads_in_each_format(
    warehouse_dir: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sql", "--data", str(warehouse_dir), "--format", fmt, "select count(*) as n from articles"])
    assert code == 0 and "0" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("values", "line"),
    [
        (["a", "b"], "a,b\n"),  # plain fields, LF line end
        (["x,y"], '"x,y"\n'),  # a comma is quoted
        (['say "hi"'], '"say ""hi"""\n'),  # a quote is doubled inside quotes
        (["two\nlines"], '"two\nlines"\n'),  # a line feed is quoted
        (["cr\rhere"], '"cr\rhere"\n'),  # a bare carriage return is quoted too (RFC 4180)
        ([None, 1, 2.5], ",1,2.5\n"),  # NULL is an empty field
        ([""], '""\n'),  # one empty field is not a blank line
    ],
)
def test_csv_lines_follow_rfc_4180_with_lf_line_ends(values: list[object], line: str) -> None:
    from newsflow.cli import _csv_line

    assert _csv_line(values) == line


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "--no-such-flag"], "unrecognized arguments"),  # a typo
        (["run", "--max-file-bytes", "ten"], "invalid int value"),  # not a number
        (["sql"], "the following arguments are required"),  # no query
        ([], "the following arguments are required"),  # no command
    ],
)
def test_argument_errors_are_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err.strip()
    assert exit_info.value.code == 2 and len(err.splitlines()) == 1 and message in err, err


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--task-runner", "dusk"], "must be one of default, dask"),  # an unknown runner
        (["--dask-address", "tcp://127.0.0.1:8786"], "needs --task-runner dask"),  # an address without dask
        (["--task-runner", "dask", "--dask-address", "scheduler:8786"], "tcp://HOST:PORT"),  # no scheme
    ],
)
def test_bad_run_settings_are_one_line(
    tmp_path: Path, flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["run", "--input", str(tmp_path), "--data", str(tmp_path / "data"), *flags])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and message in err, err


def test_wait_says_it_waits_instead_of_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsflow.cli import _check_run_lock

    layout = prepare(tmp_path / "data")
    with run_lock(layout):
        _check_run_lock(layout, wait=True)  # returns: the flow's own lock does the waiting
    err = capsys.readouterr().err.strip()
    assert "another run holds the warehouse" in err and "waiting" in err


def test_sql_output_cut_short_by_its_reader_ends_quietly(warehouse_dir: Path) -> None:
    # `newsflow sql ... | head -1`: the reader closes the pipe early; no traceback, SIGPIPE's exit status
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "newsflow.cli", "sql", "--data", str(warehouse_dir), "--format",
                             "csv", "select * from range(500000)"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"range\n"
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141 and err == b""
