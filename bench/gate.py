"""The quality gate shared by the eval scripts: measured figures against pinned floors."""

from __future__ import annotations

import json
from pathlib import Path


def check_floors(floors_file: Path, section: str, measured: dict[str, float]) -> int:
    """Print every figure below its floor in floors_file[section]; return the exit code (1 if any)."""
    floors = json.loads(floors_file.read_text("utf-8"))[section]
    where = "is its data under the eval-dev folder, or, for the Lee halves, in the --lee folder?"
    failures = [f"{name} not measured ({where})" for name in floors
                if name not in measured]
    failures += [f"{name} {measured[name]:.4f} < floor {floor}" for name, floor in floors.items()
                 if name in measured and measured[name] < floor]
    for failure in failures:
        print(f"GATE FAILED: {section} {failure}")
    if not failures:
        print(f"{section} gate passed")
    return 1 if failures else 0
