"""Imports go one way: transforms are pure, only flows/ imports Prefect."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# package -> top-level modules it must never import
FORBIDDEN = {
    "transforms": {"prefect", "duckdb", "pyarrow", "warehouse", "flows", "newsflow", "os", "pathlib", "shutil"},
    "warehouse": {"prefect", "flows", "newsflow"},
    "newsflow": set(),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layers_import_one_way(package: str) -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(_imports(path) & FORBIDDEN[package])
        for path in (REPO / package).rglob("*.py")
        if _imports(path) & FORBIDDEN[package]
    }
    assert offenders == {}


def test_only_flows_and_the_cli_entry_import_prefect() -> None:
    importers = {
        str(path.relative_to(REPO))
        for package in ("transforms", "warehouse", "newsflow")
        for path in (REPO / package).rglob("*.py")
        if "prefect" in _imports(path)
    }
    assert importers == set()



def test_neither_the_flow_nor_a_signature_imports_datasketch_or_scipy() -> None:
    # datasketch's package imports scipy: 48 MiB in every process that made a signature, and a
    # second of start-up; transforms/minhash.py computes the same values with numpy alone
    import subprocess
    import sys

    code = ("import sys, numpy, flows.pipeline, flows.worker; from transforms import minhash; "
            "minhash.signature(numpy.arange(5, dtype=numpy.uint64), num_perm=4, seed=1); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'datasketch', 'scipy'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
