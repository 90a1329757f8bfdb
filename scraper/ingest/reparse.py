"""`scraper reparse`: read every captured page again with today's extraction, without the network.

The archive's `captures` table points at each response a crawl wrote to its WARC files. The
latest capture of each URL is read back, extracted exactly as the crawl's spider extracts a
response, and fed to the same archive path, attributed to the crawl that fetched it: what did
not change is not written, what changed is updated with its old version kept.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.path import ArchivePath
from scraper.crawl.outcome import crawl_outcome
from scraper.ingest.exchange import (
    Damaged,
    Exchange,
    exchange_of,
    is_page,
    page_items,
    parse_member,
)
from scraper.items import Capture, Reject
from scraper.profiles import Profile, generic_profile, load_profiles
from scraper.storage.archive import CONTENT_COLUMNS, utc_now
from scraper.storage.schema import open_readonly
from scraper.urls import host_of, origin


class NothingCaptured(ValueError):
    """The archive holds no captured page to read again (or none the filters keep)."""


@dataclass(frozen=True)
class Stored:
    """A captures row with the crawl that made it and that crawl's site."""

    capture: Capture
    crawl_id: int
    site: str


@dataclass
class ReparseResult:
    """What a re-extraction did: pages read, articles by outcome, fields changed most."""

    pages: int = 0
    stats: dict[str, Any] = field(default_factory=dict)
    fields: Counter[str] = field(default_factory=Counter)
    status: str = "finished"
    exit_code: int = 0
    reason: str = ""


def captures(db: str, site: str | None = None, since: str | None = None) -> list[Stored]:
    """The latest capture of each URL (of `site`, fetched since `since`), oldest crawl first:
    later crawls' readings win, as they did when crawled."""
    conn = open_readonly(db)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'captures'").fetchone():
            return []  # an archive from before capture
        rows = conn.execute(
            "SELECT c.record_id, c.url, c.fetched_at, c.status, c.content_type, c.warc_file,"
            " c.offset, c.length, c.payload_digest, c.crawl_id, cr.site"
            " FROM captures c JOIN crawls cr ON cr.id = c.crawl_id"
            " WHERE (:site IS NULL OR cr.site = :site)"
            " AND (:since IS NULL OR c.fetched_at >= :since)"
            " AND c.fetched_at = (SELECT max(fetched_at) FROM captures l WHERE l.url = c.url)"
            " GROUP BY c.url ORDER BY c.crawl_id, c.fetched_at",
            {"site": site, "since": since},
        ).fetchall()
    finally:
        conn.close()
    return [Stored(Capture(*row[:9]), row[9], row[10]) for row in rows]


def read_capture(capture: Capture, warc_dir: Path) -> Exchange:
    """The exchange a captures row points at (its gzip member, read alone)."""
    with (warc_dir / capture.warc_file).open("rb") as stream:
        stream.seek(capture.offset)
        member = stream.read(capture.length)
    return exchange_of(parse_member(member))


def profile_of(site: str, url: str, own: Profile | None = None) -> Profile:
    """The profile a crawl of `site` used: `own` (a profile file), else the bundled one,
    pointed at the copy it crawled when its URL is elsewhere; else the generic one."""
    profile = own or load_profiles().get(site)
    if profile is None:
        return generic_profile(url)
    return profile if host_of(url) in profile.hosts else profile.rebase(origin(url))


def reparse(
    db: str,
    warc_dir: Path,
    *,
    site: str | None = None,
    since: str | None = None,
    profile: Profile | None = None,
) -> ReparseResult:
    """Re-extract the captured pages of the archive at `db` and store what changed."""
    todo = captures(db, site, since)
    if not todo:
        raise NothingCaptured(
            f"no captured pages{f' of {site}' if site else ''} in {db}"
            f"{f' since {since}' if since else ''} (crawls capture them unless --no-warc)"
        )
    started = utc_now()
    path = ArchivePath(db, "reparse")
    path.open()
    result = ReparseResult()
    profiles: dict[tuple[str, str], Profile] = {}  # (site, origin) → the profile it was read with
    try:
        for stored in todo:
            capture, site_name = stored.capture, stored.site
            if path.stopped:
                break
            if not is_page(capture.status, capture.content_type):
                continue
            known = (site_name, origin(capture.url))
            if known not in profiles:  # one per copy: a rebase per page would lose its caches
                profiles[known] = profile_of(site_name, capture.url, profile)
            page_profile = profiles[known]
            path.store.replay(stored.crawl_id)
            try:
                exchange = read_capture(capture, warc_dir)
            except Damaged as exc:
                reject = Reject(capture.url, "warc_corrupt", site=site_name, detail=str(exc))
                path.feed(reject, site_name, page_profile)
                continue
            exchange.fetched_at = capture.fetched_at
            for item in page_items(exchange, site_name, page_profile):
                path.feed(item, site_name, page_profile)
            result.pages += 1
        path.stats.set_value("response_received_count", result.pages)
    finally:
        result.stats = path.close()
    result.status, result.exit_code, result.reason = crawl_outcome(
        result.stats, path.stopped or "finished"
    )
    result.fields = changed_fields(db, started)
    return result


def changed_fields(db: str, since: str) -> Counter[str]:
    """How many articles each content field changed in, over the versions replaced since."""
    columns = list(CONTENT_COLUMNS)
    conn = open_readonly(db)
    try:
        rows = conn.execute(
            f"SELECT {', '.join(f'v.{c} IS NOT a.{c}' for c in columns)}"
            " FROM article_versions v JOIN articles a ON a.url = v.url"
            " WHERE v.replaced_at >= ?",
            (since,),
        ).fetchall()
    except sqlite3.Error:
        return Counter()
    finally:
        conn.close()
    return Counter(c for row in rows for c, changed in zip(columns, row, strict=True) if changed)
