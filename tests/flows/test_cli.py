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
