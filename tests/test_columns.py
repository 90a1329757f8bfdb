"""The column descriptions: one source for docs/schema.md and Datasette, matching the schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scraper.storage import Archive
from scraper.storage.columns import TABLES, Table, markdown_table
from tests.conftest import ROOT

SCHEMA_DOC = ROOT / "docs" / "schema.md"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_docs_schema_shows_each_table_as_described(table: Table) -> None:
    assert markdown_table(table) in SCHEMA_DOC.read_text(encoding="utf-8"), (
        f"docs/schema.md's {table.name} section differs from scraper/storage/columns.py:"
        f" paste\n{markdown_table(table)}"
    )


def test_every_table_and_column_of_an_archive_is_described(db_path: Path) -> None:
    Archive(db_path).close()
    conn = sqlite3.connect(db_path)
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'articles_fts%' ORDER BY rowid"
        )
    ]
    actual = {t: [c[1] for c in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    conn.close()
    assert {t.name: [c.name for c in t.columns] for t in TABLES} == actual
