"""Data checks of a build before it is published (declared in warehouse/sql/checks.sql)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from warehouse.build import Build
from warehouse.sqlfiles import sql


@dataclass(frozen=True)
class CheckResult:
    """One data check of one build."""

    check_name: str
    level: str
    table_name: str
    failing_rows: int
    passed: bool


class DataCheckError(RuntimeError):
    """ERROR-level data checks failed: the build is not published."""

    def __init__(self, results: list[CheckResult]):
        failed = [r for r in results if not r.passed and r.level == "ERROR"]
        super().__init__("data checks failed: " + "; ".join(f"{r.check_name} ({r.failing_rows} rows)" for r in failed))
        self.results = results


def run_checks(build: Build) -> list[CheckResult]:
    """Run every data check of warehouse/sql/checks.sql on a build, and the key of every table."""
    rows = build.con.execute(sql("checks")).fetchall()
    results = [CheckResult(str(n), str(lv), str(t), int(f), bool(p)) for n, lv, t, f, p in rows]
    for table, duplicates in build.duplicate_keys().items():
        name = f"{table} key is unique ({', '.join(build.keys[table])})"
        results.append(CheckResult(name, "ERROR", table, duplicates, duplicates == 0))
    return results


def check_build(build: Build, run_id: str) -> list[CheckResult]:
    """Run the data checks on a build and record them; raise DataCheckError on an ERROR failure."""
    results = run_checks(build)
    add_checks(build, results, run_id)
    if any(not r.passed and r.level == "ERROR" for r in results):
        raise DataCheckError(results)
    return results


def add_checks(build: Build, results: Sequence[CheckResult], run_id: str) -> None:
    """This run's check rows."""
    build.replace_units("checks", [run_id], [{**asdict(r), "run_id": run_id} for r in results])
