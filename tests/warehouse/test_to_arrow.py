"""Records to Arrow: the column-at-a-time path gives the table asdict + from_pylist gives."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pyarrow as pa
import pytest

from warehouse.build import _to_arrow

SCHEMA = pa.schema([("name", pa.string()), ("count", pa.int64()), ("share", pa.float64()),
                    ("tags", pa.list_(pa.string())), ("extra", pa.string())])


@dataclass(frozen=True)
class Flat:
    name: str
    count: int | None
    share: float
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inner:
    name: str


@dataclass(frozen=True)
class Nested:
    name: str
    inner: list[Inner] = field(default_factory=list)


def slow(rows: list[object], schema: pa.Schema) -> pa.Table:
    dicts = [asdict(r) for r in rows]  # type: ignore[call-overload]
    for d in dicts:
        for k, v in d.items():
            if isinstance(v, tuple):
                d[k] = list(v)
    return pa.Table.from_pylist(dicts, schema=schema)


def test_flat_records_give_the_same_table_as_asdict() -> None:
    rows = [Flat("a", 1, 0.5, ("x", "y")), Flat("b", None, 1.0), Flat("c", 3, -2.0, ("z",))]
    table = _to_arrow(rows, SCHEMA)
    assert table is not None and table.equals(slow(rows, SCHEMA))
    assert table.column("extra").null_count == 3  # a schema column no field fills is NULL


def test_nested_and_mixed_records_and_dicts_take_the_general_path() -> None:
    schema = pa.schema([("name", pa.string()), ("inner", pa.list_(pa.struct([("name", pa.string())])))])
    nested = [Nested("a", [Inner("x")]), Nested("b")]
    assert _to_arrow(nested, schema).equals(slow(nested, schema))  # type: ignore[union-attr]
    later = [Nested("a"), Nested("b", [Inner("y")])]  # the first row holds no dataclass, a later one does
    assert _to_arrow(later, schema).equals(slow(later, schema))  # type: ignore[union-attr]
    dicts = _to_arrow([{"name": "a", "count": 1}], SCHEMA)
    assert dicts is not None and dicts.to_pylist()[0]["count"] == 1


def test_a_field_not_in_the_table_is_an_error() -> None:
    with pytest.raises(ValueError, match="fields not in the table"):
        _to_arrow([Flat("a", 1, 0.5)], pa.schema([("name", pa.string())]))
    assert _to_arrow([], SCHEMA) is None
