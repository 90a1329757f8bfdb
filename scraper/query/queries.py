"""Reading the archive: ranked full-text search, streamed exports, summary statistics.

Everything here opens the file read-only, so analysts can query while a crawl writes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils import Database

from scraper.query.formats import write_rows
from scraper.storage.schema import (
    FTS_COLUMNS,
    FTS_TOKENIZER,
    JSON_COLUMNS,
    ArchiveError,
    open_readonly,
)

# Column each exportable table is filtered on by `since`/`until` (None: the table has no date).
EXPORT_DATE_COLUMNS: dict[str, str | None] = {
    "articles": "published",
    "teasers": "seen_at",
    "crawls": "started",
    "rejects": "seen_at",
    "aliases": None,
    "article_versions": "replaced_at",
}
# How each table's rows are tied to a site: its own column, or the crawl or article they belong to.
SITE_FILTERS = {
    "articles": "site = :site",
    "article_versions": "site = :site",
    "rejects": "site = :site",
    "crawls": "site = :site",
    "teasers": "crawl_id IN (SELECT id FROM crawls WHERE site = :site)",
    "aliases": "article_url IN (SELECT url FROM articles WHERE site = :site)",
}
# A title hit outranks a lede hit, which outranks a body hit (bm25 weights per FTS column).
RANK = "bm25(articles_fts, 10.0, 4.0, 1.0)"
SEARCH_ORDERS = {"relevance": RANK, "published": "a.published DESC"}
# What a hit can show (`scraper search -c`): article columns, then the matching passage.
HIT_COLUMNS = {
    "published": "a.published",
    "site": "a.site",
    "title": "a.title",
    "url": "a.url",
    "authors": "a.authors",
    "tags": "a.tags",
    "lede": "a.lede",
    "word_count": "a.word_count",
    "members_only": "a.members_only",
    "snippet": "snippet(articles_fts, -1, '[', ']', '…', 16)",
}
DEFAULT_HIT_COLUMNS = ("published", "site", "title", "url", "authors", "snippet")
# FTS5 syntax that the default (quoted) mode searches as plain words.
_OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}


@dataclass(frozen=True)
class SearchFilters:
    """Which articles a search may return: site, publication day range, author, tag."""

    site: str | None = None
    since: str | None = None  # ISO date: published on or after this day
    until: str | None = None  # ISO date: published on or before this day
    author: str | None = None
    tag: str | None = None


@dataclass(frozen=True)
class SearchResult:
    """One page of hits and how many articles match in all."""

    total: int
    hits: list[dict[str, Any]]


def search(
    path: str | Path,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    raw: bool = False,
    filters: SearchFilters = SearchFilters(),
    order: str = "relevance",
    columns: tuple[str, ...] = DEFAULT_HIT_COLUMNS,
) -> SearchResult:
    """Hits `offset` to `offset + limit` of `query` under `filters`, best first (newest first
    with order="published"), each with `columns`; and the total hit count.

    Words are quoted (AND, OR, NOT, -, * match literally) unless `raw` passes FTS5 syntax
    through; then a malformed query raises ValueError. An unknown site raises ValueError too.
    """
    if order not in SEARCH_ORDERS:
        raise ValueError(f"unknown order {order!r} (choose {' or '.join(SEARCH_ORDERS)})")
    if unknown := [c for c in columns if c not in HIT_COLUMNS]:
        raise ValueError(f"unknown column {unknown[0]!r} (choose from {', '.join(HIT_COLUMNS)})")
    # NUL ends an SQL string early; it is never part of a word.
    text = query.replace("\x00", " ")
    fts_query = text if raw else Database(memory=True, execute_plugins=False).quote_fts(text)
    if not fts_query.strip():
        raise ValueError(f"empty search query {query!r}: give at least one word")
    _check_query(fts_query, query)
    where = (
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH :query"
        " AND (:site IS NULL OR a.site = :site)"
        " AND (:since IS NULL OR a.published >= :since)"
        " AND (:until IS NULL OR substr(a.published, 1, 10) <= :until)"
        " AND (:author IS NULL OR EXISTS (SELECT 1 FROM json_each(a.authors)"
        " WHERE value = :author COLLATE NOCASE))"
        " AND (:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(a.tags)"
        " WHERE value = :tag COLLATE NOCASE))"
    )
    params = {"query": fts_query, **asdict(filters), "limit": limit, "offset": offset}
    selected = ", ".join(f"{HIT_COLUMNS[c]} AS {c}" for c in columns)
    conn = open_readonly(path)
    try:
        if filters.site is not None:
            _check_site(conn, filters.site)
        total = conn.execute("SELECT count(*)" + where, params).fetchone()[0]
        rows = conn.execute(
            f"SELECT {selected}{where} ORDER BY {SEARCH_ORDERS[order]} LIMIT :limit OFFSET :offset",
            params,
        ).fetchall()
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot search archive {path}: {exc}") from None
    finally:
        conn.close()
    return SearchResult(total, [_hit(dict(row)) for row in rows])


def _hit(row: dict[str, Any]) -> dict[str, Any]:
    for column in JSON_COLUMNS["articles"]:
        if row.get(column) is not None:
            row[column] = json.loads(row[column])
    if row.get("snippet") is not None:
        # A snippet is one line: paragraph breaks inside it would break listings.
        row["snippet"] = " ".join(row["snippet"].split())
    return row


def _check_site(conn: sqlite3.Connection, site: str) -> None:
    if conn.execute("SELECT 1 FROM articles WHERE site = ? LIMIT 1", (site,)).fetchone():
        return
    known = [row[0] for row in conn.execute("SELECT DISTINCT site FROM articles ORDER BY site")]
    raise ValueError(f"no site {site!r} in the archive (sites: {', '.join(known) or 'none'})")


def operators_as_words(query: str) -> list[str]:
    """The FTS5 operators in `query` that the default (quoted) mode searches as plain words:
    AND, OR, NOT, NEAR, a leading `-` or `+`, a trailing `*`, a `column:` prefix."""
    words = query.replace("(", " ").replace(")", " ").split()
    return [word for word in words if _is_operator(word)]


def _is_operator(word: str) -> bool:
    return (
        word in _OPERATOR_WORDS
        or word.startswith("NEAR")
        or (len(word) > 1 and (word[0] in "-+" or word.endswith("*")))
        or (":" in word.strip(":") and not word.startswith('"'))
    )


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


EXPORT_FORMATS = ("jsonl", "json", "csv", "tsv")


@dataclass(frozen=True)
class ExportFilters:
    """Which rows an export keeps: a site, a date range on the table's date column, a count."""

    site: str | None = None
    since: str | None = None  # ISO date or datetime: on or after
    until: str | None = None  # ISO date: on or before that day
    limit: int | None = None


def export(
    path: str | Path,
    out: TextIO,
    *,
    table: str = "articles",
    fmt: str = "jsonl",
    filters: ExportFilters = ExportFilters(),
    columns: tuple[str, ...] = (),
) -> int:
    """Stream a table's rows (`columns` only, when given) to `out` as JSON Lines, a JSON
    array (lists as lists in both), CSV or TSV; returns the row count.

    `since`/`until` filter on the table's date (EXPORT_DATE_COLUMNS): articles by published,
    teasers and rejects by seen_at, crawls by started, earlier article versions by replaced_at.
    """
    if table not in EXPORT_DATE_COLUMNS:
        raise ValueError(f"unknown table {table!r} (choose from {', '.join(EXPORT_DATE_COLUMNS)})")
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    date_column = EXPORT_DATE_COLUMNS[table]
    if (filters.since or filters.until) and date_column is None:
        raise ValueError(f"table {table!r} has no date to filter with --since/--until")
    conditions = [SITE_FILTERS[table]] if filters.site is not None else []
    if filters.since is not None:
        conditions.append(f"{date_column} >= :since")
    if filters.until is not None:
        conditions.append(f"substr({date_column}, 1, 10) <= :until")
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    conn = open_readonly(path)
    try:
        present = [row["name"] for row in conn.execute(f"PRAGMA table_info({table})")]
        if unknown := [c for c in columns if c not in present]:
            raise ValueError(
                f"table {table!r} has no column {unknown[0]!r} (columns: {', '.join(present)})"
            )
        selected = ", ".join(f'"{c}"' for c in columns) or "*"
        cursor = conn.execute(
            f"SELECT {selected} FROM {table}{where} ORDER BY rowid LIMIT :limit",
            {**asdict(filters), "limit": -1 if filters.limit is None else filters.limit},
        )
        names = [d[0] for d in cursor.description]
        return write_rows(out, names, cursor, fmt, json_text=JSON_COLUMNS.get(table, ()))
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot export from archive {path}: {exc}") from None
    finally:
        conn.close()


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
