"""The data dictionary comes from the warehouse's own comments and lists every contract column."""

from __future__ import annotations

from pathlib import Path

from warehouse.dictionary import data_dictionary, dictionary_markdown

REPO = Path(__file__).resolve().parents[2]

# The public contract's tables and columns (../shared/CONTRACT.md).
CONTRACT = {
    "articles": "article_id source_path source_format content_sha256 title author published_date source_name url "
                "language dateline text word_count story_id duplicate_of",
    "quotes": "quote_id article_id quote_text start_char end_char speaker speaker_entity_id cue quote_type",
    "figures": "figure_id article_id surface start_char end_char value value_low value_high qualifier unit "
               "category subject",
    "entities": "entity_id canonical_name entity_type aliases mention_count article_count",
    "entity_mentions": "mention_id article_id entity_id surface entity_type start_char end_char",
    "runs": "run_id started_at finished_at status files_seen files_added files_changed files_unchanged "
            "files_deleted files_rejected",
    "rejected_files": "source_path reason run_id",
}


def test_the_dictionary_lists_every_contract_column_with_a_meaning() -> None:
    tables = {table: {c[0]: c[3] for c in columns} for _, table, _, columns in data_dictionary()}
    for table, columns in CONTRACT.items():
        for column in columns.split():
            assert column in tables[table], f"{table}.{column}"
            assert tables[table][column], f"{table}.{column} has no comment"


def test_every_table_view_and_column_is_commented() -> None:
    for kind, table, comment, columns in data_dictionary():
        assert comment, f"{kind} {table}"
        if kind == "table":
            assert all(c[3] for c in columns), table


def test_the_committed_dictionary_is_the_generated_one() -> None:
    committed = (REPO / "docs" / "data-dictionary.md").read_text("utf-8")
    assert committed.strip() == dictionary_markdown().strip(), "regenerate: newsflow schema > docs/data-dictionary.md"


def test_the_dictionary_names_every_figure_category() -> None:
    from transforms.figure_categories import CATEGORIES

    tables = {table: {c[0]: c[3] for c in columns} for _, table, _, columns in data_dictionary()}
    comment = tables["figures"]["category"]
    assert [c for c in CATEGORIES if c not in comment] == []
