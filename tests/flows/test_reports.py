"""Run reports: a table artifact with the run's counts, a markdown artifact with rejections and checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.pipeline import newsflow_run
from newsflow.settings import Settings

pytestmark = pytest.mark.usefixtures("prefect_backend")


def test_a_run_leaves_a_counts_table_and_a_report_artifact(seeds_dir: Path, tmp_path: Path) -> None:
    import httpx
    from prefect.settings import PREFECT_API_URL

    (seeds_dir / "empty.html").write_bytes(b"")
    newsflow_run(Settings.from_env(seeds_dir, tmp_path / "data"))
    artifacts = httpx.post(f"{PREFECT_API_URL.value()}/artifacts/filter",
                           json={"limit": 50, "sort": "CREATED_DESC"}).json()
    by_key: dict[str, dict] = {}  # type: ignore[type-arg]
    for artifact in artifacts:  # newest first
        by_key.setdefault(artifact["key"], artifact)
    counts = by_key["newsflow-run-counts"]["data"]
    counts = json.loads(counts) if isinstance(counts, str) else counts
    assert any(row["measure"] == "files_rejected" and row["value"] == 1 for row in counts)
    assert any(row["measure"] == "rows in articles" and row["value"] == 5 for row in counts)
    report = by_key["newsflow-run-report"]["data"]
    assert "empty.html" in report and "Failed checks (0)" in report


def test_the_progress_bar_is_silent_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from flows.progress import progress_bar

    with progress_bar(10, "extracting files") as advance:
        advance(10)
    assert capsys.readouterr().err == ""  # pytest's stderr is not a terminal, as in CI and cron
