"""Writing the archive: idempotent article upserts, aliases, teaser sightings, rejects, crawl rows.

Every write runs in one BEGIN IMMEDIATE transaction, so readers never see half a batch and a
re-delivered batch changes nothing but `last_seen`.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from scraper.items import Article, Capture, Frontier, Queued, Reject, Teaser
from scraper.storage.schema import ArchiveError, open_readonly, open_writable
from scraper.urls import url_key

# Columns that hold what the page said; a difference in any of them is an update.
CONTENT_COLUMNS = (
    "site", "title", "lede", "body", "body_html", "authors", "published", "tags",
    "language", "image", "members_only", "word_count", "content_hash",
)  # fmt: skip
CRAWL_COUNTS = (
    "pages", "articles_new", "articles_updated", "articles_unchanged", "teasers", "rejects",
    "errors",
)  # fmt: skip


@dataclass(frozen=True)
class BatchResult:
    """What one write_batch did: articles new/updated/unchanged, rows added for the rest."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    teasers: int = 0
    aliases: int = 0
    rejects: int = 0


@dataclass(frozen=True)
class KilledCrawl:
    """A crawl whose process died without closing its row."""

    id: int
    site: str
    started: str

    def __str__(self) -> str:
        return (
            f"crawl {self.id} of {self.site} (started {self.started}) was killed before it"
            " could finish: its last batch of items was not archived; marked 'killed'"
        )


@dataclass(frozen=True)
class KnownArticle:
    """What an incremental crawl needs to know about an archived article."""

    url: str
    lastmod: str | None
    modified: str | None
    content_hash: str | None
    published: str | None = None
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def _alive(pid: int | None) -> bool:
    """Whether a process of this machine still runs (unknown counts as alive)."""
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or a platform without signal 0
        return True
    return True


def utc_now() -> str:
    """Current time as ISO-8601 UTC text, the format of every timestamp in the archive."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Archive:
    """The archive file opened for writing (created with its schema on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = open_writable(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; committed batches are already on disk."""
        self.db.close()

    def start_crawl(self, site: str) -> int:
        """Record a crawl as running by this process and return its id (stored on every row
        it writes)."""
        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO crawls (site, started, status, pid, host)"
                " VALUES (?, ?, 'running', ?, ?)",
                (site, utc_now(), os.getpid(), socket.gethostname()),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def close_killed_crawls(self) -> list[KilledCrawl]:
        """Mark `killed` the crawls left running by a process of this machine that is gone
        (SIGKILL, OOM, power loss), and return them."""
        running = self.db.execute(
            "SELECT id, site, started, pid FROM crawls WHERE status = 'running' AND host = ?",
            (socket.gethostname(),),
        ).fetchall()
        killed = [
            KilledCrawl(i, site, started) for i, site, started, pid in running if not _alive(pid)
        ]
        if killed:
            with self._transaction():
                self.db.conn.executemany(
                    "UPDATE crawls SET status = 'killed', finish_reason = 'process gone'"
                    " WHERE id = ? AND status = 'running'",
                    [(k.id,) for k in killed],
                )
        return killed

    def finish_crawl(
        self,
        crawl_id: int,
        *,
        status: str,
        finish_reason: str,
        exit_code: int | None,
        counts: dict[str, int],
        stats: dict[str, Any],
    ) -> None:
        """Close a crawl row with its outcome, counts (crawls columns) and the full Scrapy stats."""
        unknown = set(counts) - set(CRAWL_COUNTS)
        if unknown:
            raise ValueError(f"unknown crawl counts: {', '.join(sorted(unknown))}")
        values = {
            "ended": utc_now(),
            "status": status,
            "finish_reason": finish_reason,
            "exit_code": exit_code,
            **counts,
            "stats": json.dumps(stats, default=str, sort_keys=True),
        }
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        with self._transaction():
            self.db.execute(
                f"UPDATE crawls SET {assignments} WHERE id = :crawl_id",
                {**values, "crawl_id": crawl_id},
            )
            if status != "interrupted":  # a run that ended on its own leaves nothing to resume
                self.db.execute(
                    "DELETE FROM frontier WHERE site = (SELECT site FROM crawls WHERE id = ?)",
                    (crawl_id,),
                )

    def write_batch(
        self,
        articles: list[Article],
        teasers: list[tuple[str, Teaser]],
        aliases: list[tuple[str, str]],
        rejects: list[Reject],
        crawl_id: int,
        renames: list[tuple[str, str]] | None = None,
        frontier: Frontier | None = None,
        replayed: list[str] | None = None,
        captures: list[Capture] | None = None,
    ) -> BatchResult:
        """Store a batch atomically: articles upserted by URL, then aliases, teasers and rejects.

        `renames` (old URL, new URL) first move archived rows to a new canonical URL: the
        original of a copy that was archived first takes over the copy's row and history.

        Each article also brings its own URL and `aliases` as aliases and its `teasers` as
        sightings on its page. Teasers resolve to an article through aliases, including
        teasers stored by earlier batches before their article arrived. `frontier` adds the
        requests queued and marks those answered, in the same transaction as what their
        answers yielded.

        `captures` say where responses of the crawl are kept in its WARC files.

        `replayed` (listing pages; the articles too): the pages are `crawl_id`'s own, read
        again from their captures (reparse): a page's sightings become exactly what it now
        gives, and what did not change is not written at all.
        """
        now = utc_now()
        keyed = [(_url_of(a), a) for a in articles]
        all_aliases = [(alias, url) for url, a in keyed for alias in (url, *a.aliases)] + aliases
        all_teasers = [(url, t) for url, a in keyed for t in a.teasers] + teasers
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        with self._transaction():
            for old, new in renames or ():
                self._rename_article(old, new)
            for url, article in keyed:
                counts[self._upsert_article(url, article, crawl_id, now)] += 1
            alias_keys = [url_key(url) for url, _ in all_aliases]
            alias_count = self._write_aliases(all_aliases, alias_keys)
            if replayed is not None:
                pages = [url for url, _ in keyed] + replayed
                self._forget_stale_teasers(all_teasers, pages, crawl_id)
            teaser_count = self._write_teasers(all_teasers, crawl_id, now)
            self._resolve_teasers(set(alias_keys))
            reject_count = self._write_rejects(rejects, crawl_id, now)
            if frontier is not None:
                self._write_frontier(frontier, crawl_id, now)
            if captures:
                self._write_captures(captures, crawl_id)
        return BatchResult(
            **counts, teasers=teaser_count, aliases=alias_count, rejects=reject_count
        )

    def _rename_article(self, old: str, new: str) -> None:
        """Give an archived article a new canonical URL; what pointed at the old one follows.

        When the new URL already has its row (a resumed crawl can store the original before
        it learns the copy was archived), the copy's row is folded into it: one row each."""
        self.db.execute(
            "UPDATE articles SET url = ? WHERE url = ? AND NOT EXISTS"
            " (SELECT 1 FROM articles WHERE url = ?)",
            (new, old, new),
        )
        self.db.execute("UPDATE aliases SET article_url = ? WHERE article_url = ?", (new, old))
        self.db.execute("UPDATE teasers SET article_url = ? WHERE article_url = ?", (new, old))
        self.db.execute("UPDATE article_versions SET url = ? WHERE url = ?", (new, old))
        self.db.execute("DELETE FROM articles WHERE url = ?", (old,))

    def _upsert_article(self, url: str, article: Article, crawl_id: int, now: str) -> str:
        """Insert, update or just mark seen; returns which of "new", "updated", "unchanged"."""
        row = _article_row(article)
        lastmod = article.lastmod
        fetched = article.fetched_at or now
        stored = self.db.execute(
            f"SELECT {', '.join(CONTENT_COLUMNS)}, modified FROM articles WHERE url = ?",
            (url,),
        ).fetchone()
        # What this fetch says of itself: HTTP validators, and the WARC record it came from.
        validators = (article.etag, article.last_modified, article.capture)
        if stored is None:
            self.db.execute(
                "INSERT INTO articles (url, modified, lastmod, first_seen, last_seen, fetched_at,"
                f" crawl_id, etag, last_modified, capture, {', '.join(CONTENT_COLUMNS)})"
                f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {', '.join('?' * len(CONTENT_COLUMNS))})",
                (
                    url,
                    article.modified,
                    lastmod,
                    now,
                    fetched,
                    fetched,
                    crawl_id,
                    *validators,
                    *row,
                ),
            )
            return "new"
        same_modified = article.modified is None or article.modified == stored[-1]
        if tuple(stored[:-1]) == row and same_modified:
            # A page read again from an older capture leaves last_seen where it is.
            self.db.execute(
                "UPDATE articles SET last_seen = max(coalesce(last_seen, ''), ?),"
                " lastmod = coalesce(?, lastmod), etag = ?, last_modified = ?, capture = ?"
                " WHERE url = ? AND (last_seen IS NOT max(coalesce(last_seen, ''), ?) OR lastmod"
                " IS NOT coalesce(?, lastmod) OR etag IS NOT ? OR last_modified IS NOT ?"
                " OR capture IS NOT ?)",
                (fetched, lastmod, *validators, url, fetched, lastmod, *validators),
            )
            return "unchanged"
        # The version being replaced is kept: a changed story must not lose what it said.
        kept = ", ".join((*CONTENT_COLUMNS, "modified", "fetched_at", "crawl_id", "capture"))
        self.db.execute(
            f"INSERT INTO article_versions (url, {kept}, replaced_at, replaced_by)"
            f" SELECT url, {kept}, ?, ? FROM articles WHERE url = ?",
            (now, crawl_id, url),
        )
        assignments = ", ".join(f"{column} = ?" for column in CONTENT_COLUMNS)
        self.db.execute(
            f"UPDATE articles SET {assignments}, modified = ?, lastmod = coalesce(?, lastmod),"
            " last_seen = ?, fetched_at = ?, crawl_id = ?, etag = ?, last_modified = ?,"
            " capture = ? WHERE url = ?",
            (
                *row,
                article.modified or fetched,
                lastmod,
                fetched,
                fetched,
                crawl_id,
                *validators,
                url,
            ),
        )
        return "updated"

    def _write_aliases(self, aliases: list[tuple[str, str]], keys: list[str]) -> int:
        """Point each URL at its article (the latest word wins); returns rows added or moved."""
        cursor = self.db.conn.executemany(
            "INSERT INTO aliases (url, article_url, url_key) VALUES (?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET article_url = excluded.article_url"
            " WHERE article_url != excluded.article_url",
            [
                (url, article_url, key)
                for (url, article_url), key in zip(aliases, keys, strict=True)
            ],
        )
        return cursor.rowcount

    def _write_teasers(self, teasers: list[tuple[str, Teaser]], crawl_id: int, now: str) -> int:
        """Add one sighting per (crawl, page, position, url, kind); returns the rows added."""
        cursor = self.db.conn.executemany(
            "INSERT INTO teasers (crawl_id, source_url, position, kind, url, url_key,"
            " article_url, title, excerpt, authors, published, seen_at)"
            " VALUES (:crawl_id, :source_url, :position, :kind, :url, :url_key,"
            " (SELECT article_url FROM aliases WHERE url_key = :url_key LIMIT 1),"
            " :title, :excerpt, :authors, :published, :seen_at)"
            " ON CONFLICT (crawl_id, source_url, position, url, kind) DO UPDATE SET"
            " title = excluded.title, excerpt = excluded.excerpt, authors = excluded.authors,"
            " published = excluded.published WHERE (title, excerpt, authors, published) IS NOT"
            " (excluded.title, excluded.excerpt, excluded.authors, excluded.published)",
            [
                {
                    "crawl_id": crawl_id,
                    "source_url": source_url,
                    "position": t.position,
                    "kind": t.kind,
                    "url": t.url,
                    "url_key": url_key(t.url),
                    "title": t.title,
                    "excerpt": t.excerpt,
                    "authors": _json(t.authors),
                    "published": t.published,
                    "seen_at": now,
                }
                for source_url, t in teasers
            ],
        )
        return cursor.rowcount

    def _forget_stale_teasers(
        self, teasers: list[tuple[str, Teaser]], pages: list[str], crawl_id: int
    ) -> None:
        """Drop the sightings a page read again no longer gives (same crawl, same page);
        `pages` are the pages of the batch, which may now give none."""
        kept: dict[str, set[tuple[int, str, str]]] = {url: set() for url in pages}
        for source_url, t in teasers:
            kept.setdefault(source_url, set()).add((t.position, t.url, t.kind))
        for source_url, now_given in kept.items():
            stored = self.db.execute(
                "SELECT id, position, url, kind FROM teasers WHERE crawl_id = ? AND source_url = ?",
                (crawl_id, source_url),
            ).fetchall()
            stale = [(i,) for i, *sighting in stored if tuple(sighting) not in now_given]
            self.db.conn.executemany("DELETE FROM teasers WHERE id = ?", stale)

    def _resolve_teasers(self, keys: set[str]) -> None:
        """Link earlier teasers whose target only now became known through an alias."""
        self.db.conn.executemany(
            "UPDATE teasers SET article_url ="
            " (SELECT article_url FROM aliases WHERE aliases.url_key = teasers.url_key LIMIT 1)"
            " WHERE url_key = ? AND article_url IS NULL",
            [(key,) for key in keys],
        )

    def _write_rejects(self, rejects: list[Reject], crawl_id: int, now: str) -> int:
        """Record each rejected page once per crawl and reason; returns the rows added."""
        cursor = self.db.conn.executemany(
            "INSERT INTO rejects"
            " (crawl_id, url, site, reason, title, seen_at, detail, status, attempts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (crawl_id, url, reason) DO NOTHING",
            [
                (crawl_id, r.url, r.site, r.reason, r.title, now, r.detail, r.status, r.attempts)
                for r in rejects
            ],
        )
        return cursor.rowcount

    def imported_units(self, files: list[str]) -> dict[tuple[str, int], int]:
        """(file, start) → import run, for the parts of these files already imported whole
        (a file whose size changed since is not taken as done)."""
        sizes = {file: Path(file).stat().st_size for file in files}
        rows = self.db.execute("SELECT file, start, size, crawl_id FROM warc_imports").fetchall()
        return {(f, start): crawl for f, start, size, crawl in rows if sizes.get(f) == size}

    def record_unit(self, unit: Any, records: int, crawl_id: int | None) -> None:
        """Record a part of a WARC file as imported (its items are stored already)."""
        with self._transaction():
            self.db.execute(
                "INSERT INTO warc_imports (file, start, stop, size, records, crawl_id, done)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (file, start) DO UPDATE SET"
                " stop = excluded.stop, size = excluded.size, records = excluded.records,"
                " crawl_id = excluded.crawl_id, done = excluded.done",
                (unit.file, unit.start, unit.stop, unit.size, records, crawl_id, utc_now()),
            )

    def _write_captures(self, captures: list[Capture], crawl_id: int) -> None:
        self.db.conn.executemany(
            "INSERT INTO captures (record_id, url, crawl_id, fetched_at, status, content_type,"
            " warc_file, offset, length, payload_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (record_id) DO NOTHING",
            [
                (
                    c.record_id,
                    c.url,
                    crawl_id,
                    c.fetched_at,
                    c.status,
                    c.content_type,
                    c.warc_file,
                    c.offset,
                    c.length,
                    c.payload_digest,
                )
                for c in captures
            ],
        )

    def _write_frontier(self, frontier: Frontier, crawl_id: int, now: str) -> None:
        self.db.conn.executemany(
            "INSERT INTO frontier (url, site, kind, lastmod, crawl_id, queued)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING",
            [(q.url, frontier.site, q.kind, q.lastmod, crawl_id, now) for q in frontier.queued],
        )
        self.db.conn.executemany(
            "INSERT INTO frontier (url, site, kind, crawl_id, queued, answered)"
            " VALUES (?, ?, 'page', ?, ?, ?) ON CONFLICT (url) DO UPDATE SET answered = ?",
            [(url, frontier.site, crawl_id, now, now, now) for url in frontier.done],
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT: takes the write lock up front, so no mid-batch SQLITE_BUSY."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()
        except sqlite3.Error as exc:
            raise ArchiveError(f"archive write failed ({self.path}): {exc}") from exc


_KNOWN = (
    "url", "lastmod", "modified", "content_hash", "published", "fetched_at", "etag",
    "last_modified",
)  # fmt: skip


def known_articles(path: str | Path, site: str) -> dict[str, KnownArticle]:
    """url_key of every archived URL (canonical and aliases) of `site` → what we know of it.

    Read-only, and a missing file is an empty archive: incremental crawls start from nothing.
    """
    if not Path(path).exists():
        return {}
    conn = open_readonly(path)
    try:
        rows = conn.execute(
            f"SELECT al.url_key AS key, {', '.join('a.' + c for c in _KNOWN)}"
            " FROM aliases al JOIN articles a ON a.url = al.article_url WHERE a.site = ?",
            (site,),
        ).fetchall()
        own = conn.execute(
            f"SELECT {', '.join(_KNOWN)} FROM articles WHERE site = ?", (site,)
        ).fetchall()
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot read archive {path}: {exc}") from None
    finally:
        conn.close()
    known = {row["key"]: KnownArticle(*tuple(row)[1:]) for row in rows}
    # An article's own URL wins over an alias that happens to share its key.
    known.update((url_key(row["url"]), KnownArticle(*tuple(row))) for row in own)
    return known


def _url_of(article: Article) -> str:
    """The article's URL; an article without one is a caller bug, refused before any write."""
    if not article.url:
        raise ValueError(f"an article without a URL cannot be archived (title {article.title!r})")
    return article.url


def _article_row(article: Article) -> tuple[Any, ...]:
    """The article's values for CONTENT_COLUMNS, as SQLite stores them."""
    values = {
        **{column: getattr(article, column) for column in CONTENT_COLUMNS},
        "authors": _json(article.authors),
        "tags": _json(article.tags),
        "members_only": int(article.members_only),
    }
    return tuple(values[column] for column in CONTENT_COLUMNS)


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


@dataclass(frozen=True)
class CrawlMemory:
    """What an unfinished (killed or interrupted) last crawl of a site left for the next: the
    requests it queued and did not answer, those it answered, and every page recorded as a
    listing so far. Empty when the last crawl ended on its own."""

    queued: list[Queued]
    answered: set[str]
    recorded: set[str]
    unfinished: bool  # the last crawl was killed or interrupted


def crawl_memory(path: str | Path, site: str) -> CrawlMemory:
    """What earlier crawls of `site` left (read-only; a missing file is an empty archive).

    The teaser scan for recorded listings runs only after an unfinished crawl: a crawl that
    follows one that ended on its own does not need it."""
    nothing = CrawlMemory([], set(), set(), False)
    if not Path(path).exists():
        return nothing
    conn = open_readonly(path)
    try:
        last = conn.execute(
            "SELECT status FROM crawls WHERE site = ? AND status != 'running'"
            " ORDER BY id DESC LIMIT 1",
            (site,),
        ).fetchone()
        if not last or last[0] not in ("killed", "interrupted"):
            return nothing
        rows = conn.execute(
            "SELECT url, kind, lastmod, answered FROM frontier WHERE site = ? ORDER BY rowid",
            (site,),
        ).fetchall()
        recorded = {
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT source_url FROM teasers WHERE crawl_id IN"
                " (SELECT id FROM crawls WHERE site = ?) AND kind != 'related'",
                (site,),
            )
        }
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot read archive {path}: {exc}") from None
    finally:
        conn.close()
    queued = [Queued(url, kind, lastmod) for url, kind, lastmod, answered in rows if not answered]
    answered = {row[0] for row in rows if row[3]}
    return CrawlMemory(queued, answered, recorded, unfinished=True)
