"""`scraper import-warc`: archive the pages of WARC files of any origin (our captures, Common
Crawl's CC-NEWS, an institution's crawls), through the same archive path as a crawl.

Work is cut into units (byte ranges of gzip-per-record files; a whole uncompressed file),
read and extracted in parallel (local processes, or a Dask cluster), and stored by this
process, the one writer SQLite allows. A unit is recorded in `warc_imports` once its items are
stored: a re-run skips it, and never stores anything twice.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from pipelines.path import ArchivePath
from scraper.crawl.outcome import crawl_outcome
from scraper.errors import describe
from scraper.ingest.exchange import (
    PAGE_RECORDS,
    Damaged,
    exchange_of,
    is_page,
    page_items,
    record_head,
)
from scraper.items import Alias, Article, Reject
from scraper.process import long_run_gc
from scraper.profiles import Profile, generic_profile, load_profiles, profile_for_url
from scraper.urls import host_of
from scraper.warcfile import next_member

# Bytes of a gzip WARC per work unit: big enough that a unit's overhead is noise, small
# enough that 2 workers share one file and a killed import redoes little.
UNIT_BYTES = 4 << 20
# The `warc_imports` start of a file's "begun" row: an import stores nothing of a file before.
BEGUN = -1
# Units are recorded as done (after their items are written) at most this often: a killed
# import redoes at most that much, and a commit per unit would cost more than its work.
FLUSH_SECONDS = 0.5


@dataclass(frozen=True)
class Unit:
    """A part of a WARC file: the records that start in [start, stop)."""

    file: str
    start: int
    stop: int
    size: int  # the file's size, so a file that changed is not taken as done


@dataclass(frozen=True)
class Filters:
    """Which records to archive: hosts (None: all), and a date range on the article's
    published date, else the record's WARC-Date (ISO dates, inclusive)."""

    hosts: frozenset[str] | None = None
    since: str | None = None
    until: str | None = None

    def host_ok(self, url: str) -> bool:
        return self.hosts is None or host_of(url).removeprefix("www.") in self.hosts

    def date_ok(self, day: str | None) -> bool:
        day = (day or "")[:10]
        return not day or (
            (self.since is None or day >= self.since) and (self.until is None or day <= self.until)
        )


@dataclass
class UnitResult:
    """What a worker read in one unit: (page URL, item) pairs in record order, and counts."""

    unit: Unit
    items: list[tuple[str, Any]] = field(default_factory=list)
    records: int = 0
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)


def units(file: str, unit_bytes: int = UNIT_BYTES) -> list[Unit]:
    """A file's work units: byte ranges of a gzip-per-record file, else the whole file."""
    size = os.path.getsize(file)
    if not file.endswith(".gz"):
        return [Unit(file, 0, size, size)]
    starts = range(0, max(size, 1), unit_bytes)
    return [Unit(file, start, min(start + unit_bytes, size), size) for start in starts]


def copies_declared(files: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Host → (site, base URL) that our own crawls declare in each file's warcinfo record: a
    local copy of a profiled site is read with that profile, as it was crawled."""
    copies: dict[str, tuple[str, str]] = {}
    for file in files:
        with open(file, "rb") as stream:
            try:
                record = next(iter(ArchiveIterator(stream, check_digests=False)), None)
            except Exception:  # noqa: BLE001  # a damaged head is reported when its unit is read
                continue
            if record is None or record.rec_type != "warcinfo":
                continue
            fields = dict(
                line.split(":", 1)
                for line in record.content_stream().read().decode("utf-8", "replace").splitlines()
                if ":" in line
            )
            site, base = (
                fields.get("scraper-site", "").strip(),
                fields.get("scraper-base-url", "").strip(),
            )
            if site in load_profiles() and base:
                copies[host_of(base)] = (site, base)
    return copies


@cache
def _profile(host: str, copy: tuple[str, str] | None, url_scheme: str) -> Profile:
    if copy is not None:
        site, base = copy
        return load_profiles()[site].rebase(base)
    url = f"{url_scheme}://{host}/"
    return profile_for_url(url) or generic_profile(url)


def profile_for(url: str, copies: dict[str, tuple[str, str]]) -> Profile:
    """The profile a page is read with: the copy its file declares, a bundled profile owning
    its host, else the generic one of its host (whose name is the host, as for a crawl)."""
    host = host_of(url)
    return _profile(host, copies.get(host), url.split(":", 1)[0].lower())


def read_unit(unit: Unit, filters: Filters, copies: dict[str, tuple[str, str]]) -> UnitResult:
    """Read and extract the pages of one unit (in a worker: pure, its result picklable)."""
    return _Reader(unit, filters, copies).read()


@dataclass
class _Reader:
    unit: Unit
    filters: Filters
    copies: dict[str, tuple[str, str]]

    def read(self) -> UnitResult:
        self.result = UnitResult(self.unit)
        with open(self.unit.file, "rb") as stream:
            gzipped = self.unit.file.endswith(".gz")
            start = self.unit.start
            position = start if start == 0 or not gzipped else next_member(stream, start)
            while position is not None and position < self.unit.stop:
                position = self._read_from(stream, position, gzipped)
        return self.result

    def _read_from(self, stream: Any, position: int, gzipped: bool) -> int | None:
        """Read records from `position` to the unit's end; after a damaged one, where to go
        on (the next gzip member that opens a record; nothing marks one in a plain file)."""
        stream.seek(position)
        records = ArchiveIterator(stream, check_digests=False)
        offset = position
        try:
            for record in records:
                offset = records.offset  # where this record starts
                if offset >= self.unit.stop:
                    return None
                self.result.records += 1
                self._record(offset, record)
        except Exception as exc:  # noqa: BLE001  # warcio raises many kinds on bad input
            self.result.records += 1
            self._damaged(offset, describe(exc))
            return next_member(stream, offset + 1) if gzipped else None
        if records.offset < min(self.unit.size, self.unit.stop):  # bytes no record could use
            self.result.records += 1
            self._damaged(records.offset, "the last record is cut short")
        return None

    def _record(self, offset: int, record: Any) -> None:
        counts = self.result.counts
        try:
            if record.rec_type == "revisit":
                counts["import/revisits"] += 1  # no payload here: the original record has it
                return
            if record.rec_type not in PAGE_RECORDS:
                return
            url, status, content_type = record_head(record)
            if not url.startswith(("http://", "https://")):
                counts["import/not_http"] += 1
                return
            if not self.filters.host_ok(url):
                counts["import/other_host"] += 1
                return
            if not is_page(status, content_type):
                counts["import/not_a_page"] += 1
                return
            exchange = exchange_of(record)
        except Damaged as exc:
            self._damaged(offset, str(exc))
            return
        profile = profile_for(url, self.copies)
        self.result.pages += 1
        for item in page_items(exchange, profile.name, profile):
            day = item.published or exchange.fetched_at if isinstance(item, Article) else None
            if not self.filters.date_ok(day):
                counts["import/outside_dates"] += 1
                continue
            self.result.items.append((url, item))

    def _damaged(self, offset: int, reason: str) -> None:
        self.result.counts["import/damaged"] += 1
        detail = f"{Path(self.unit.file).name} at byte {offset}: {reason}"
        where = f"{Path(self.unit.file).as_uri()}?offset={offset}"  # its own URL, as a reject
        reject = Reject(where, "warc_corrupt", detail=detail)
        self.result.items.append(("", reject))


@dataclass
class ImportResult:
    """What an import did: files, units read and skipped, records and pages, all stats."""

    files: int = 0
    units: int = 0
    skipped: int = 0
    records: int = 0
    pages: int = 0
    stats: dict[str, Any] = field(default_factory=dict)
    status: str = "finished"
    exit_code: int = 0
    reason: str = ""


class NoWarc(ValueError):
    """Nothing to import: no file matches, or a file is not there."""


def expand(patterns: Iterable[str]) -> list[str]:
    """The files named or matched by glob patterns, absolute, each once, in order."""
    import glob

    files: list[str] = []
    for pattern in patterns:
        matched = sorted(glob.glob(pattern)) or ([pattern] if Path(pattern).is_file() else [])
        if not matched:
            raise NoWarc(f"no WARC file matches {pattern}")
        files += [str(Path(f).resolve()) for f in matched]
    return list(dict.fromkeys(files))


def import_warcs(
    db: str,
    patterns: Iterable[str],
    *,
    filters: Filters = Filters(),
    workers: int = 1,
    scheduler: str | None = None,
    unit_bytes: int = UNIT_BYTES,
    on_unit: Callable[[UnitResult, int, int], None] | None = None,
) -> ImportResult:
    """Archive the pages of the WARC files into `db`; `on_unit(result, done, total)` after
    each unit is stored (progress)."""
    files = expand(patterns)
    long_run_gc()  # as a crawl does; forked workers inherit it
    result = ImportResult(files=len(files))
    path = ArchivePath(db, "import")
    path.open()
    try:
        archive = path.store.archive
        assert archive is not None
        done = archive.imported_units(files)
        every = [u for f in files for u in units(f, unit_bytes)]
        todo = [u for u in every if (u.file, u.start) not in done]
        result.skipped = len(every) - len(todo)
        # Files an earlier (killed) import began: this run continues that import, so its
        # sightings and rejects are not stored twice under two runs. Each file is marked
        # begun (start -1) before any of it is stored.
        path.store.replay(min(done.values()) if done else None)
        begun = {file for file, _ in done}
        for file in files:
            if file not in begun:
                archive.record_unit(
                    Unit(file, BEGUN, BEGUN, os.path.getsize(file)), 0, path.crawl_id
                )
        copies = copies_declared(files)
        stored: list[UnitResult] = []  # units whose items are fed, not yet recorded as done
        flushed = time.monotonic()
        for unit_result in _completed(todo, filters, copies, workers, scheduler):
            for url, item in unit_result.items:
                profile = profile_for(url, copies) if url else None
                path.feed(item, profile.name if profile else "import", profile)
            stored.append(unit_result)
            if time.monotonic() - flushed >= FLUSH_SECONDS:
                flushed = _store(path, archive, stored)
            if path.stopped:
                break
            result.units += 1
            result.records += unit_result.records
            result.pages += unit_result.pages
            for key, count in unit_result.counts.items():
                path.stats.inc_value(key, count)
            if on_unit is not None:
                on_unit(unit_result, result.units, len(todo))
        _store(path, archive, stored, last=True)
        path.stats.set_value("response_received_count", result.pages)
    finally:
        result.stats = path.close()
    result.status, result.exit_code, result.reason = crawl_outcome(
        result.stats, path.stopped or "finished"
    )
    if not todo:  # everything was imported before: nothing to do is success
        result.status, result.exit_code, result.reason = "finished", 0, ""
    return result


def _store(
    path: ArchivePath, archive: Any, stored: list[UnitResult], *, last: bool = False
) -> float:
    """Write what is buffered, then record its units as done: a unit is done once all its
    items are in the archive, a redirect it read included (one still waiting for its target
    article is only in memory: its unit is read again after a kill). At the end of the run,
    every unit (a redirect to no article is dropped, as a crawl drops it)."""
    path.flush()
    if path.stopped:
        return time.monotonic()
    waiting = set() if last else path.waiting()
    for unit_result in list(stored):
        if not waiting.intersection(_redirects(unit_result)):
            archive.record_unit(unit_result.unit, unit_result.records, path.crawl_id)
            stored.remove(unit_result)
    return time.monotonic()


def _redirects(unit_result: UnitResult) -> list[str]:
    return [item.url for _, item in unit_result.items if isinstance(item, Alias)]


def _completed(
    todo: list[Unit],
    filters: Filters,
    copies: dict[str, tuple[str, str]],
    workers: int,
    scheduler: str | None,
) -> Iterator[UnitResult]:
    """Each unit's result as it completes: here (1 worker), in local processes, or on a Dask
    cluster; at most two units per worker in flight (memory stays bounded)."""
    if scheduler:
        from distributed import Client, wait

        with Client(scheduler) as client:
            yield from _window(
                todo,
                lambda u: client.submit(read_unit, u, filters, copies, pure=False),
                wait,
                2 * workers,
            )
        return
    if workers <= 1:
        for unit in todo:
            yield read_unit(unit, filters, copies)
        return
    # Forked workers start at once with what this process imported (lxml, dateparser): a
    # spawned one re-imports them, a second each. This process runs no threads of its own.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from _window(
            todo,
            lambda u: pool.submit(read_unit, u, filters, copies),
            concurrent.futures.wait,
            2 * workers,
        )


def _window(
    todo: list[Unit], submit: Callable[[Unit], Any], wait: Callable[..., Any], size: int
) -> Iterator[UnitResult]:
    """Keep `size` units in flight; yield results as they complete."""
    queue = iter(todo)
    pending = {submit(u) for u in _take(queue, size)}
    while pending:
        finished, pending = wait(pending, return_when="FIRST_COMPLETED")
        pending = set(pending)
        for future in finished:
            yield future.result()
            pending |= {submit(u) for u in _take(queue, 1)}


def _take(queue: Iterator[Unit], n: int) -> list[Unit]:
    return [unit for _, unit in zip(range(n), queue, strict=False)]
