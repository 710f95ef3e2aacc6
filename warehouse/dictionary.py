"""The data dictionary, generated from the warehouse schema's own COMMENT ON statements."""

from __future__ import annotations

from itertools import groupby

import duckdb

from warehouse.sqlfiles import sql, view_names, view_sql

# The contract's tables first, in its order; bookkeeping tables and views after them.
_ORDER = ["articles", "quotes", "figures", "entities", "entity_mentions", "runs", "rejected_files", "checks"]


def data_dictionary() -> list[tuple[str, str, str | None, list[tuple[str, str, bool, str | None]]]]:
    """(kind, table, comment, [(column, type, nullable, comment)]) for every table and view."""
    con = duckdb.connect()
    try:
        con.execute(sql("schema")).fetchall()
        for view in view_names():
            con.execute(view_sql(view))
        rows = con.execute(sql("data_dictionary")).fetchall()
    finally:
        con.close()
    tables = []
    for (kind, table, comment), columns in groupby(rows, key=lambda r: (r[0], r[1], r[2])):
        tables.append((kind, table, comment, [(r[4], r[5], bool(r[6]), r[7]) for r in columns]))
    return sorted(tables, key=lambda t: (t[0] == "view", _ORDER.index(t[1]) if t[1] in _ORDER else 99, t[1]))


def dictionary_markdown() -> str:
    """The data dictionary as Markdown (docs/data-dictionary.md is this, generated)."""
    lines = ["# newsflow data dictionary", "",
             "Generated from the warehouse schema (`newsflow schema`); every table, view and column",
             "carries a `COMMENT ON` in `warehouse/sql/`. Do not edit by hand.", ""]
    for kind, table, comment, columns in data_dictionary():
        lines += [f"## {table} ({kind})", "", comment or "", ""]
        lines += ["| column | type | null | meaning |", "|---|---|---|---|"]
        for name, data_type, nullable, column_comment in columns:
            meaning = (column_comment or "").replace("|", "\\|")
            lines.append(f"| {name} | {data_type} | {'yes' if nullable else 'no'} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
