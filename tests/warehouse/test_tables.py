"""The dataset declarations agree with the schema: every stage's rows fit its table, every unit exists."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from transforms.stages import article_stages
from warehouse.sqlfiles import sql, view_names, view_sql
from warehouse.tables import TABLES


@pytest.fixture(scope="module")
def columns() -> dict[str, list[str]]:
    con = duckdb.connect()
    try:
        con.execute(sql("schema"))
        for name in view_names():
            con.execute(view_sql(name))
        rows = con.execute("select table_name, column_name from duckdb_columns() where schema_name = 'main'").fetchall()
    finally:
        con.close()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(table, []).append(column)
    return found


def test_every_dataset_is_declared_in_sql_with_its_unit_and_order(columns: dict[str, list[str]]) -> None:
    for spec in TABLES.values():
        assert spec.name in columns, spec.name
        assert spec.unit in columns[spec.name], spec.name
        for part in spec.order.split(","):
            assert part.strip() in columns[spec.name], (spec.name, part)


@pytest.mark.parametrize("stage", article_stages(), ids=lambda s: s.name)
def test_a_stage_s_rows_are_its_table_s_columns(stage: object, columns: dict[str, list[str]]) -> None:
    fields = {f.name for f in dataclasses.fields(stage.row_type)}  # type: ignore[attr-defined]
    assert fields <= set(columns[stage.table]), stage.table  # type: ignore[attr-defined]
    assert "article_id" in fields  # rows go and come with their article


def test_stage_names_and_tables_are_unique_and_needs_come_first() -> None:
    stages = article_stages()
    assert len({s.name for s in stages}) == len(stages) and len({s.table for s in stages}) == len(stages)
    seen: set[str] = set()
    for stage in stages:
        assert set(stage.needs) <= seen, stage.name
        seen.add(stage.name)
