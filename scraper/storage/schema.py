"""Opening the archive file, and its tables, indexes and full-text index (created on first open).

docs/schema.md describes every column; change both together and bump SCHEMA_VERSION.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 5
# Each version of an article that a later fetch replaced (the current one stays in articles).
ARTICLE_VERSIONS_SQL = (
    """CREATE TABLE IF NOT EXISTS article_versions (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL REFERENCES articles(url),
    site TEXT,
    title TEXT,
    lede TEXT,
    body TEXT,
    body_html TEXT,
    authors TEXT,
    published TEXT,
    tags TEXT,
    language TEXT,
    image TEXT,
    members_only INTEGER NOT NULL DEFAULT 0,
    word_count INTEGER,
    content_hash TEXT,
    modified TEXT,
    fetched_at TEXT NOT NULL,
    crawl_id INTEGER REFERENCES crawls(id),
    replaced_at TEXT NOT NULL,
    replaced_by INTEGER REFERENCES crawls(id)
)""",
    "CREATE INDEX IF NOT EXISTS article_versions_url ON article_versions(url)",
)
# Requests a crawl has queued, answered or not: after a kill, the next run fetches the
# unanswered ones and none of the others.
FRONTIER_SQL = """CREATE TABLE IF NOT EXISTS frontier (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    kind TEXT NOT NULL,
    lastmod TEXT,
    crawl_id INTEGER REFERENCES crawls(id),
    queued TEXT NOT NULL,
    answered TEXT
)"""
# Where each response a crawl fetched is kept in its WARC files (scraper/crawl/warc.py).
CAPTURES_SQL = (
    """CREATE TABLE IF NOT EXISTS captures (
    record_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    crawl_id INTEGER REFERENCES crawls(id),
    fetched_at TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    warc_file TEXT NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    payload_digest TEXT
)""",
    "CREATE INDEX IF NOT EXISTS captures_url ON captures(url)",
)
# The parts of WARC files an import has stored (scraper import-warc): a re-run skips them.
WARC_IMPORTS_SQL = """CREATE TABLE IF NOT EXISTS warc_imports (
    file TEXT NOT NULL,
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    size INTEGER NOT NULL,
    records INTEGER NOT NULL,
    crawl_id INTEGER REFERENCES crawls(id),
    done TEXT NOT NULL,
    PRIMARY KEY (file, start)
)"""
# What each version adds to the one before it: a file of an older version is upgraded in place.
MIGRATIONS = {
    2: (  # which process runs a crawl, so a later crawl can tell a killed one
        "ALTER TABLE crawls ADD COLUMN pid INTEGER",
        "ALTER TABLE crawls ADD COLUMN host TEXT",
    ),
    3: ARTICLE_VERSIONS_SQL,  # an update no longer loses the text it replaces
    4: (  # conditional re-checks of known pages; the frontier a killed crawl resumes
        "ALTER TABLE articles ADD COLUMN etag TEXT",
        "ALTER TABLE articles ADD COLUMN last_modified TEXT",
        FRONTIER_SQL,
        # a fault's own words, its HTTP status and the attempts made, on the URL given up on
        "ALTER TABLE rejects ADD COLUMN detail TEXT",
        "ALTER TABLE rejects ADD COLUMN status INTEGER",
        "ALTER TABLE rejects ADD COLUMN attempts INTEGER",
    ),
    5: (  # the evidence: WARC captures, the record each article came from, WARC imports
        *CAPTURES_SQL,
        "ALTER TABLE articles ADD COLUMN capture TEXT",
        "ALTER TABLE article_versions ADD COLUMN capture TEXT",
        WARC_IMPORTS_SQL,
    ),
}
# Accent- and case-insensitive words for French and other languages; porter is English-only.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ("title", "lede", "body")
# JSON-encoded list columns, per table: exports decode them back into lists.
JSON_COLUMNS = {
    "articles": ("authors", "tags"),
    "article_versions": ("authors", "tags"),
    "teasers": ("authors",),
    "crawls": ("stats",),
}
# Lock waits longer than this are a stuck writer, not contention worth waiting for.
BUSY_TIMEOUT_MS = 10_000
# SQLite primary result codes of a read-only place (sqlite3.h).
SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14

TABLES_SQL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawls (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    started TEXT NOT NULL,
    ended TEXT,
    status TEXT NOT NULL,
    finish_reason TEXT,
    exit_code INTEGER,
    pages INTEGER,
    articles_new INTEGER,
    articles_updated INTEGER,
    articles_unchanged INTEGER,
    teasers INTEGER,
    rejects INTEGER,
    errors INTEGER,
    stats TEXT,
    pid INTEGER,
    host TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY,
    site TEXT,
    title TEXT,
    lede TEXT,
    body TEXT,
    body_html TEXT,
    authors TEXT,
    published TEXT,
    modified TEXT,
    tags TEXT,
    language TEXT,
    image TEXT,
    members_only INTEGER NOT NULL DEFAULT 0,
    word_count INTEGER,
    content_hash TEXT,
    lastmod TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    crawl_id INTEGER REFERENCES crawls(id),
    etag TEXT,
    last_modified TEXT
);
CREATE TABLE IF NOT EXISTS aliases (
    url TEXT PRIMARY KEY,
    article_url TEXT NOT NULL REFERENCES articles(url),
    url_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS teasers (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    source_url TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    url TEXT NOT NULL,
    url_key TEXT NOT NULL,
    article_url TEXT REFERENCES articles(url),
    title TEXT,
    excerpt TEXT,
    authors TEXT,
    published TEXT,
    seen_at TEXT NOT NULL,
    UNIQUE (crawl_id, source_url, position, url, kind)
);
CREATE TABLE IF NOT EXISTS rejects (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    url TEXT NOT NULL,
    site TEXT,
    reason TEXT NOT NULL,
    title TEXT,
    seen_at TEXT NOT NULL,
    detail TEXT,
    status INTEGER,
    attempts INTEGER,
    UNIQUE (crawl_id, url, reason)
);
CREATE INDEX IF NOT EXISTS articles_site_published ON articles(site, published);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS aliases_url_key ON aliases(url_key);
CREATE INDEX IF NOT EXISTS aliases_article_url ON aliases(article_url);
CREATE INDEX IF NOT EXISTS teasers_url_key ON teasers(url_key);
CREATE INDEX IF NOT EXISTS teasers_article_url ON teasers(article_url);
CREATE INDEX IF NOT EXISTS teasers_seen_at ON teasers(seen_at);
CREATE INDEX IF NOT EXISTS rejects_seen_at ON rejects(seen_at);
CREATE INDEX IF NOT EXISTS crawls_site_started ON crawls(site, started);
"""


class ArchiveError(Exception):
    """The archive cannot be opened or used; the message is one line meant for the user."""


def open_writable(path: str | Path) -> Database:
    """Open or create the archive for writing: WAL, synchronous FULL, busy timeout, schema."""
    try:
        # Plugins off: nothing but our own code runs on the archiver's connection.
        db = Database(Path(path), execute_plugins=False)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # WAL + FULL: a committed batch survives power loss, not only a crash.
            db.execute("PRAGMA synchronous = FULL")
            ensure_schema(db)
        except BaseException:
            db.close()
            raise
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc}") from None
    return db


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an existing archive read-only (never creates the file); rows come back as sqlite3.Row.

    Works in a read-only place too (a shared drive, a snapshot): see `readonly_uri`.
    """
    file = Path(path)
    if not file.is_file():
        raise ArchiveError(f"no archive at {file}")
    try:
        conn = sqlite3.connect(readonly_uri(file), uri=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = current_version(conn)
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot read archive {file}: {exc}") from None
    if version is None:
        conn.close()
        raise ArchiveError(f"{file} is an SQLite database but not an archive")
    conn.row_factory = sqlite3.Row
    return conn


def readonly_uri(file: Path) -> str:
    """The SQLite URI that reads `file`: `mode=ro` (sees a running crawl's commits), or
    `immutable=1` where mode=ro cannot open it: a WAL archive in a read-only place, whose
    shared-memory file (-shm) cannot be created there.

    Immutable mode does not read a -wal file: a copy taken mid-crawl is read without the
    changes still in its log, and a warning says so.
    """
    uri = file.resolve().as_uri()
    try:
        probe = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return f"{uri}?mode=ro"
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        # Only "cannot open / cannot set up the WAL index": never for a busy or locked file,
        # which a writer is changing and immutable mode would misread.
        if exc.sqlite_errorcode & 0xFF not in (SQLITE_READONLY, SQLITE_CANTOPEN):
            raise
    wal = file.with_name(file.name + "-wal")
    if wal.is_file() and wal.stat().st_size:
        logger.warning(
            "%s: read-only copy with an unmerged write-ahead log (%s): reading it without the"
            " changes in that log (checkpoint the archive before copying it)",
            file,
            wal.name,
        )
    return f"{uri}?immutable=1"


def ensure_schema(db: Database) -> None:
    """Create the tables, indexes and FTS index on a new file, upgrade an older file, and
    refuse a schema newer than ours."""
    db.enable_wal()
    # IMMEDIATE: two processes opening a new file at once must not both create it.
    db.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(db.conn)
        if version is None:
            db.executescript(TABLES_SQL)
            for statement in (*ARTICLE_VERSIONS_SQL, FRONTIER_SQL, *MIGRATIONS[5]):
                db.execute(statement)
            db.table("articles").enable_fts(
                FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER
            )
            _reindex_only_on_text_change(db)
            _record_version(db, SCHEMA_VERSION)
        elif version > SCHEMA_VERSION:
            raise ArchiveError(
                f"archive schema version {version} is newer than {SCHEMA_VERSION}, the one this"
                " program uses: upgrade the program"
            )
        else:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[step]:
                    db.execute(statement)
                _record_version(db, step)
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _record_version(db: Database, version: int) -> None:
    db.execute(
        "INSERT INTO schema_version (version, applied)"
        " VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        (version,),
    )


def _reindex_only_on_text_change(db: Database) -> None:
    """Narrow sqlite-utils' update trigger to the indexed columns (same name, same body).

    Re-crawls mostly bump last_seen; re-indexing 5 KB of text for that was 80% of their cost.
    """
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_au'").fetchone()
    columns = ", ".join(FTS_COLUMNS)
    narrowed = sql.replace("AFTER UPDATE ON", f"AFTER UPDATE OF {columns} ON", 1)
    if narrowed == sql:
        raise ArchiveError("unexpected FTS update trigger from sqlite-utils; cannot narrow it")
    db.execute("DROP TRIGGER articles_au")
    db.execute(narrowed)


def current_version(conn: sqlite3.Connection) -> int | None:
    """The schema version recorded in the file, None for a database without our tables."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0]
