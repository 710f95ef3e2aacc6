"""The SQL of the warehouse, loaded by name from warehouse/sql/ (and its views/ folder)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources


@cache
def sql(name: str) -> str:
    """The text of warehouse/sql/<name>.sql."""
    return resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text("utf-8")


@cache
def view_names() -> tuple[str, ...]:
    """The cross-source views of warehouse/sql/views/, in name order (each file creates one view)."""
    folder = resources.files("warehouse").joinpath("sql", "views")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql")))


@cache
def view_sql(name: str) -> str:
    """The text of warehouse/sql/views/<name>.sql: `create or replace view <name> ...` and its comments."""
    return resources.files("warehouse").joinpath("sql", "views", f"{name}.sql").read_text("utf-8")


def schema_version() -> str:
    """A hash of the tables' schema: a build whose schema differs starts from an empty warehouse."""
    return hashlib.sha256(sql("schema").encode("utf-8")).hexdigest()[:16]


def views_version() -> str:
    """A hash of the cross-source views: a build whose views differ recomputes their rows (only them)."""
    digest = hashlib.sha256()
    for name in view_names():
        digest.update(view_sql(name).encode("utf-8"))
    return digest.hexdigest()[:16]
