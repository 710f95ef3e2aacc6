"""Every dataset of the warehouse, declared once: how its rows are grouped, stored and ordered.

A table's rows change by *unit*: all rows of one article (per-article tables), of one source
file, one entity, one statement, one story, one run. A run replaces whole units, so it knows
exactly which units it touched, and a unit lives in exactly one *bucket* (a Parquet file of the
lake): a run rewrites the buckets that hold a touched unit and links every other bucket of the
previous snapshot unchanged. Columns, types, keys and comments are declared in
warehouse/sql/schema.sql (tables) and warehouse/sql/views/ (cross-source views materialised in
the lake); this module says how each is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.stages import article_stages

# Bucket widths: the number of leading hex digits of a unit's hash that name its bucket.
WIDE = 2  # 256 buckets: per-article tables, which grow with the corpus
NARROW = 1  # 16 buckets: tables that grow more slowly (entities, sources, statements, stories)
SINGLE = 0  # one file: tables of a few thousand rows (runs, checks)


@dataclass(frozen=True)
class TableSpec:
    """How one dataset is stored."""

    name: str
    unit: str  # column naming the unit a run replaces whole
    order: str  # sort order of rows inside a file (a key: deterministic files)
    width: int  # bucket width in hex digits (WIDE, NARROW or SINGLE)
    hashed: bool = False  # the unit is free text (a path): buckets come from its md5, not its own hex digits
    public: bool = True  # in the lake for users (contract and cross-source views); False: bookkeeping under state/
    derived: bool = False  # rows computed by a view's SQL (warehouse/sql/views/<name>.sql) for touched units

    @property
    def bucket_expr(self) -> str:
        """SQL expression of a row's bucket (identifiers from this module only)."""
        if self.width == SINGLE:
            return "''"
        source = f"md5({self.unit})" if self.hashed else self.unit
        return f"substr({source}, 1, {self.width})"

    def bucket_of(self, unit: str) -> str:
        """The bucket of one unit, as bucket_expr computes it."""
        if self.width == SINGLE:
            return ""
        if self.hashed:
            import hashlib

            return hashlib.md5(unit.encode("utf-8", "surrogateescape")).hexdigest()[: self.width]
        return unit[: self.width]


_DECLARED = (
    TableSpec("articles", "article_id", "article_id", WIDE),
    TableSpec("entity_mentions", "article_id", "mention_id", WIDE),
    TableSpec("entities", "entity_id", "entity_id", NARROW),
    TableSpec("rejected_files", "source_path", "source_path, line_number", NARROW, hashed=True),
    TableSpec("runs", "run_id", "started_at, run_id", SINGLE),
    TableSpec("checks", "run_id", "run_id, check_name", SINGLE),
    TableSpec("source_files", "source_path", "source_path", NARROW, hashed=True, public=False),
    TableSpec("article_stages", "article_id", "article_id, stage", WIDE, public=False),
    TableSpec("propagated_mentions", "article_id", "article_id, start_char, end_char", WIDE, public=False),
    TableSpec("alias_groups", "group_key", "group_key", WIDE, hashed=True, public=False),
    TableSpec("alias_group_forms", "group_key", "group_key, surface", WIDE, hashed=True, public=False),
    TableSpec("alias_group_keys", "group_key", "group_key, key", WIDE, hashed=True, public=False),
    TableSpec("aliases", "surface", "surface", WIDE, hashed=True, public=False),
    TableSpec("warehouse_meta", "key", "key", SINGLE, public=False),
    TableSpec("statements", "statement_id", "statement_id", NARROW, derived=True),
    TableSpec("figure_disagreements", "story_id", "story_id, category, subject, unit, figure_id_a, figure_id_b",
              NARROW, derived=True),
    TableSpec("stories", "story_id", "story_id", NARROW, derived=True),
    TableSpec("story_articles", "story_id", "story_id, coverage_order", NARROW, derived=True),
    TableSpec("story_statements", "story_id", "story_id, statement_id, version_order", NARROW, derived=True),
    TableSpec("story_disagreements", "story_id", "story_id, category, subject, unit, figure_order", NARROW,
              derived=True),
    TableSpec("story_entities", "story_id", "story_id, entity_rank, outlet", NARROW, derived=True),
    TableSpec("first_reports", "story_id", "story_id, item_type, item_key", NARROW, derived=True),
)
# Per-article stages declare their own tables (transforms/stages.py): their unit is the article.
_STAGE_TABLES = tuple(TableSpec(s.table, "article_id", s.order, WIDE, public=s.public) for s in article_stages())
TABLES: dict[str, TableSpec] = {t.name: t for t in (*_DECLARED, *_STAGE_TABLES)}

# Tables whose unit is an article: an article replaced or removed takes its rows in all of them.
ARTICLE_TABLES = tuple(t.name for t in TABLES.values() if t.unit == "article_id")
# Tables a run writes from the rows it computes (everything but the derived views).
BASE_TABLES = tuple(t.name for t in TABLES.values() if not t.derived)
DERIVED_TABLES = tuple(t.name for t in TABLES.values() if t.derived)
