"""Reading the archive: ranked full-text search, streamed exports, summary statistics.

Everything here opens the file read-only, so analysts can query while a crawl writes.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils import Database

from scraper.storage.schema import (
    FTS_COLUMNS,
    FTS_TOKENIZER,
    JSON_COLUMNS,
    ArchiveError,
    open_readonly,
)

# Column each exportable table is filtered on by `since` (None: the table has no date).
EXPORT_DATE_COLUMNS: dict[str, str | None] = {
    "articles": "published",
    "teasers": "seen_at",
    "crawls": "started",
    "rejects": "seen_at",
    "aliases": None,
    "article_versions": "replaced_at",
}
# A title hit outranks a lede hit, which outranks a body hit (bm25 weights per FTS column).
RANK = "bm25(articles_fts, 10.0, 4.0, 1.0)"


def search(
    path: str | Path,
    query: str,
    *,
    limit: int = 20,
    raw: bool = False,
    site: str | None = None,
    since: str | None = None,
) -> list[dict[str, Any]]:
    """Articles matching `query`, best first, each with url, title, published and a snippet;
    only those of `site` and published on/after `since` (ISO date) when given.

    Words are quoted (AND, OR, NOT, -, * match literally) unless `raw` passes FTS5 syntax
    through; then a malformed query raises ValueError.
    """
    # NUL ends an SQL string early; it is never part of a word.
    text = query.replace("\x00", " ")
    fts_query = text if raw else Database(memory=True, execute_plugins=False).quote_fts(text)
    if not fts_query.strip():
        raise ValueError(f"empty search query {query!r}: give at least one word")
    _check_query(fts_query, query)
    conn = open_readonly(path)
    try:
        rows = conn.execute(
            "SELECT a.url, a.title, a.published,"
            " snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND (? IS NULL OR a.site = ?)"
            f" AND (? IS NULL OR a.published >= ?) ORDER BY {RANK} LIMIT ?",
            (fts_query, site, site, since, since, limit),
        ).fetchall()
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot search archive {path}: {exc}") from None
    finally:
        conn.close()
    # A snippet is one line: paragraph breaks inside it would break listings.
    return [{**dict(row), "snippet": " ".join(row["snippet"].split())} for row in rows]


def _check_query(fts_query: str, query: str) -> None:
    """Raise ValueError for FTS5 syntax errors, tried on an empty in-memory index of our shape.

    Checked apart from the archive so a locked or broken file is never blamed on the query.
    """
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            f"CREATE VIRTUAL TABLE articles_fts USING fts5({', '.join(FTS_COLUMNS)},"
            f" tokenize='{FTS_TOKENIZER}')"
        )
        conn.execute("SELECT * FROM articles_fts WHERE articles_fts MATCH ?", (fts_query,))
    except sqlite3.OperationalError as exc:
        raise ValueError(f"invalid search query {query!r}: {exc}") from None
    finally:
        conn.close()


def export(
    path: str | Path,
    out: TextIO,
    *,
    table: str = "articles",
    fmt: str = "jsonl",
    since: str | None = None,
) -> int:
    """Stream a table's rows to `out` as JSONL (lists as lists) or CSV; returns the row count.

    `since` (ISO date or datetime) keeps rows dated on or after it: articles by published,
    teasers and rejects by seen_at, crawls by started, earlier article versions by replaced_at.
    """
    if table not in EXPORT_DATE_COLUMNS:
        raise ValueError(f"unknown table {table!r} (choose from {', '.join(EXPORT_DATE_COLUMNS)})")
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown format {fmt!r} (choose jsonl or csv)")
    date_column = EXPORT_DATE_COLUMNS[table]
    if since is not None and date_column is None:
        raise ValueError(f"table {table!r} has no date to filter with --since")
    sql = f"SELECT * FROM {table}"
    params: tuple[str, ...] = ()
    if since is not None:
        sql += f" WHERE {date_column} >= ?"
        params = (since,)
    conn = open_readonly(path)
    try:
        cursor = conn.execute(sql + " ORDER BY rowid", params)
        columns = [d[0] for d in cursor.description]
        json_columns = set(JSON_COLUMNS.get(table, ()))
        count = 0
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in cursor:
                writer.writerow(tuple(row))
                count += 1
        else:
            for row in cursor:
                record = dict(row)
                for column in json_columns:
                    if record[column] is not None:
                        record[column] = json.loads(record[column])
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot export from archive {path}: {exc}") from None
    finally:
        conn.close()
    return count


def stats(path: str | Path, *, last_crawls: int = 5) -> dict[str, Any]:
    """Rows per table, articles per site with their publication range, and the last crawls."""
    conn = open_readonly(path)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        tables = {  # an archive not yet upgraded (opened read-only) lacks the newer tables
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in EXPORT_DATE_COLUMNS
            if table in present
        }
        sites = {
            row["site"]: {
                "articles": row["articles"],
                "members_only": row["members_only"],
                "first_published": row["first_published"],
                "last_published": row["last_published"],
            }
            for row in conn.execute(
                "SELECT site, count(*) AS articles, sum(members_only) AS members_only,"
                " min(published) AS first_published, max(published) AS last_published"
                " FROM articles GROUP BY site ORDER BY site"
            )
        }
        span = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
        crawls = [
            {key: value for key, value in dict(row).items() if key != "stats"}
            for row in conn.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", (last_crawls,))
        ]
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot read archive {path}: {exc}") from None
    finally:
        conn.close()
    return {
        "tables": tables,
        "sites": sites,
        "published": {"first": span[0], "last": span[1]},
        "last_crawls": crawls,
    }
