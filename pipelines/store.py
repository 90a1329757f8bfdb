"""Last stage: buffer items and write them to the archive in atomic batches; record the run.

A failed write is never swallowed: it is logged, counted, and stops the source with
`archive_error`, which the crawl row and the exit code then report.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol

from pipelines.context import Stats
from scraper.crawl.outcome import crawl_outcome, error_count, rejected_count
from scraper.items import (
    Alias,
    Article,
    Capture,
    Duplicate,
    Frontier,
    Listing,
    Original,
    Reject,
    Teaser,
)
from scraper.storage import Archive, ArchiveError, BatchResult
from scraper.storage.lock import ArchiveLock

logger = logging.getLogger(__name__)


class ArchiveWriter(Protocol):
    """The storage seam: what the archive path needs of an archive (`Archive` is one)."""

    def close_killed_crawls(self) -> list[Any]: ...
    def start_crawl(self, site: str) -> int: ...
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
    ) -> BatchResult: ...
    def finish_crawl(
        self,
        crawl_id: int,
        *,
        status: str,
        finish_reason: str,
        exit_code: int | None,
        counts: dict[str, int],
        stats: dict[str, Any],
    ) -> None: ...
    def close(self) -> None: ...
    def imported_units(self, files: list[str]) -> dict[tuple[str, int], int]: ...
    def record_unit(self, unit: Any, records: int, crawl_id: int | None) -> None: ...


class Store:
    """Write articles, teasers, aliases and rejects in batches of `batch_size` items, or of what
    `flush_seconds` brought: a killed run loses at most that much. One run, one crawl row."""

    def __init__(
        self,
        path: str,
        stats: Stats,
        on_stop: Callable[[str], None],
        *,
        batch_size: int = 500,
        flush_seconds: float = 0.5,
        open_writer: Callable[[str], ArchiveWriter] = Archive,
        captures: list[Capture] | None = None,
    ) -> None:
        self.path = path
        self.stats = stats
        self.on_stop = on_stop
        self.batch_size = max(1, batch_size)
        self.flush_seconds = flush_seconds
        self.open_writer = open_writer
        # Filled by the WARC capture as responses are written; each batch takes what is there.
        self.captures = captures if captures is not None else []
        self.archive: ArchiveWriter | None = None
        self.lock = ArchiveLock(path)
        self.crawl_id: int | None = None
        self.replayed: int | None = None  # the crawl whose captured pages are read again
        self.failed = False
        self._reset()

    def replay(self, crawl_id: int | None) -> None:
        """From now on, items are pages `crawl_id` fetched, read again from its captures:
        stored as that crawl's (its sightings, its rejects), not as new ones of this run
        (None: this run's own again)."""
        if crawl_id != self.replayed:
            self.flush()
            self.replayed = crawl_id

    def open(self, site: str) -> int:
        """Lock and open the archive, record the run as running; return its crawl id."""
        self.lock.acquire()  # one writer per archive, under plain `scrapy crawl` too
        try:
            self.archive = self.open_writer(self.path)
            for killed in self.archive.close_killed_crawls():
                logger.warning("%s", killed)
            self.crawl_id = self.archive.start_crawl(site)
        except BaseException:
            self.lock.release()
            raise
        return self.crawl_id

    def process(self, item: Any) -> Any:
        if isinstance(item, Article):
            self.articles.append(item)
        elif isinstance(item, Listing):
            self.teasers += [(item.url, t) for t in item.teasers]
            self.listings.append(item.url)
        elif isinstance(item, Reject):
            self.rejects.append(item)
        elif isinstance(item, Alias):
            self.aliases.append((item.url, item.target))
        elif isinstance(item, Frontier):
            self.frontier.queued += item.queued
            self.frontier.done += item.done
            self.frontier.site = item.site
        elif isinstance(item, Original):
            self._replace_copy(item)
        elif isinstance(item, Duplicate):
            page = item.article
            assert page.url is not None
            self.aliases += [(url, item.target) for url in (page.url, *page.aliases)]
            # The same page again: its cards were seen on the article's page, not a variant.
            source = item.target if item.reason == "url" else page.url
            self.teasers += [(source, t) for t in page.teasers]
        else:
            return item
        if not self.pending:
            self.oldest = time.monotonic()
        self.pending += 1
        due = time.monotonic() - self.oldest >= self.flush_seconds
        if (self.pending >= self.batch_size or due) and not self.failed:
            self.flush()
        return item

    def _replace_copy(self, item: Original) -> None:
        """The original takes the copy's place: in this batch if the copy is still buffered,
        and by renaming the archived row (its history and teaser links follow). Both may hold:
        a resumed crawl fetches an archived copy again, and the original comes in the same
        batch; the rename does nothing when the copy was never archived."""
        buffered = next((a for a in self.articles if a.url == item.copy_url), None)
        if buffered is not None:
            self.articles.remove(buffered)
            item.article.aliases = list(dict.fromkeys([*item.article.aliases, *buffered.aliases]))
            self.teasers += [(item.copy_url, t) for t in buffered.teasers]
        self.renames.append((item.copy_url, item.article.url or ""))
        self.articles.append(item.article)

    def close(self) -> None:
        """Write what is left (also after a failure: the cause may have been transient)."""
        self.flush()
        if self.pending:
            self.stats.set_value("archive/lost_items", self.pending)
            logger.error("%d items could not be archived and are lost", self.pending)

    def finish(self, reason: str) -> None:
        """Close the crawl row with its outcome, counts and stats, then the archive."""
        if self.archive is None or self.crawl_id is None:
            self.lock.release()
            return
        stats = self.stats.get_stats()
        if self.failed:
            reason = "archive_error"
        status, exit_code, _ = crawl_outcome(stats, reason)
        try:
            self.archive.finish_crawl(
                self.crawl_id,
                status=status,
                finish_reason=reason,
                exit_code=exit_code,
                counts=crawl_counts(stats),
                stats=stats,
            )
        except ArchiveError as exc:
            logger.error("could not record the end of crawl %s: %s", self.crawl_id, exc)
        finally:
            self.archive.close()
            self.archive = None
            self.lock.release()

    def flush(self) -> None:
        """One write_batch for everything buffered; on failure keep the buffer and stop."""
        if not (self.pending or self.captures) or self.archive is None or self.crawl_id is None:
            return
        stats = self.stats
        captures = self.captures[:]
        try:
            result = self.archive.write_batch(
                self.articles,
                self.teasers,
                self.aliases,
                self.rejects,
                self.replayed or self.crawl_id,
                renames=self.renames,
                frontier=self.frontier,
                replayed=self.listings if self.replayed is not None else None,
                captures=captures,
            )
        except ArchiveError as exc:
            stats.inc_value("archive/errors")
            logger.error("%s; stopping", exc)
            self.failed = True
            self.on_stop("archive_error")
            return
        for key, value in (
            ("archive/stored/new", result.new),
            ("archive/stored/updated", result.updated),
            ("archive/stored/unchanged", result.unchanged),
            ("archive/teasers", result.teasers),
            ("archive/aliases", result.aliases),
        ):
            stats.inc_value(key, value)
        for reason, count in Counter(r.reason for r in self.rejects).items():
            stats.inc_value(f"archive/rejected/{reason}", count)
        del self.captures[: len(captures)]
        self._reset()

    def _reset(self) -> None:
        self.articles: list[Article] = []
        self.teasers: list[tuple[str, Teaser]] = []
        self.aliases: list[tuple[str, str]] = []
        self.rejects: list[Reject] = []
        self.renames: list[tuple[str, str]] = []
        self.listings: list[str] = []  # listing pages of the batch (a replay may empty one)
        self.frontier = Frontier()
        self.pending = 0
        self.oldest = 0.0  # when the first item now buffered arrived


def crawl_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The crawls-table counters, taken from the crawler stats."""
    return {
        "pages": int(stats.get("response_received_count", 0)),
        "articles_new": int(stats.get("archive/stored/new", 0)),
        "articles_updated": int(stats.get("archive/stored/updated", 0)),
        "articles_unchanged": int(stats.get("archive/stored/unchanged", 0)),
        "teasers": int(stats.get("archive/teasers", 0)),
        "rejects": rejected_count(stats),
        "errors": error_count(stats),
    }
