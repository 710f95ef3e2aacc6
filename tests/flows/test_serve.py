"""newsflow serve: a deployment with the given schedule, a scheduled run that happens, a clean stop.

Scheduled runs are created by a Prefect server's scheduler service, which the in-process test
harness does not run: this test starts a temporary `prefect server start` on a free loopback port.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(url: str, body: dict) -> list[dict]:  # type: ignore[type-arg]
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[str]:
    """A temporary Prefect server with its scheduler running every 2 seconds; yields its API URL."""
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_UI_ENABLED": "false",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2"}
    env.pop("PREFECT_API_URL", None)
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2):
                    break
            except OSError:
                assert proc.poll() is None, (tmp_path / "server.log").read_text()
                time.sleep(0.5)
        yield api
    finally:
        _stop(proc)
        log.close()


def test_serve_registers_a_deployment_and_a_scheduled_run_happens(
    prefect_server: str, seeds_dir: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsflow.cli", "serve", "--interval", "5", "--input", str(seeds_dir),
         "--data", str(data), "--name", "serve-test"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    deployments: list[dict] = []  # type: ignore[type-arg]
    completed: list[dict] = []  # type: ignore[type-arg]
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and not completed:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            deployments = _post(f"{prefect_server}/deployments/filter", {"limit": 10, "sort": "NAME_ASC"})
            completed = _post(f"{prefect_server}/flow_runs/filter", {
                "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}, "limit": 5, "sort": "ID_DESC"})
            time.sleep(2)
    finally:
        _stop(proc)
        log.close()
    served = [d for d in deployments if d["name"] == "serve-test"]
    assert served and served[0]["schedules"][0]["schedule"]["interval"] == 5.0
    assert completed, "no scheduled run completed: " + (tmp_path / "serve.log").read_text()[-2000:]
    assert (data / "warehouse.duckdb").exists()
    assert proc.returncode is not None  # it stopped on Ctrl-C


def test_serve_refuses_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsflow.cli import main

    assert main(["serve", "--interval", "0", "--input", str(tmp_path), "--data", str(tmp_path / "d")]) == 2
    assert "at least 1 second" in capsys.readouterr().err
    assert main(["serve", "--interval", "5", "--input", str(tmp_path / "nope"), "--data", str(tmp_path / "d")]) == 2
