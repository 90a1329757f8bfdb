"""`scraper reparse`: read every captured page again with today's extraction, without the network.

The archive's `captures` table points at each response a crawl wrote to its WARC files. The
latest capture of each URL is read back, extracted exactly as the crawl's spider extracts a
response, and fed to the same archive path, attributed to the crawl that fetched it: what did
not change is not written, what changed is updated with its old version kept.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from pipelines.path import ArchivePath
from scraper.crawl.outcome import crawl_outcome
from scraper.extract.response import Unreadable, read_page
from scraper.items import Alias, Article, Listing, Reject
from scraper.profiles import Profile, generic_profile, load_profiles
from scraper.storage.archive import CONTENT_COLUMNS, utc_now
from scraper.storage.schema import open_readonly
from scraper.urls import host_of, origin, resolve

REDIRECTS = (301, 302, 303, 307, 308)


class NothingCaptured(ValueError):
    """The archive holds no captured page to read again (or none the filters keep)."""


@dataclass(frozen=True)
class Capture:
    """One stored response: where its record is, and which crawl fetched it when."""

    record_id: str
    url: str
    crawl_id: int
    site: str
    fetched_at: str
    status: int
    content_type: str | None
    warc_file: str
    offset: int


@dataclass
class ReparseResult:
    """What a re-extraction did: pages read, articles by outcome, fields changed most."""

    pages: int = 0
    stats: dict[str, Any] = field(default_factory=dict)
    fields: Counter[str] = field(default_factory=Counter)
    status: str = "finished"
    exit_code: int = 0
    reason: str = ""


def captures(db: str, site: str | None = None, since: str | None = None) -> list[Capture]:
    """The latest capture of each URL (of `site`, fetched since `since`), oldest crawl first:
    later crawls' readings win, as they did when crawled."""
    conn = open_readonly(db)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'captures'").fetchone():
            return []  # an archive from before capture
        rows = conn.execute(
            "SELECT c.record_id, c.url, c.crawl_id, cr.site, c.fetched_at, c.status,"
            " c.content_type, c.warc_file, c.offset"
            " FROM captures c JOIN crawls cr ON cr.id = c.crawl_id"
            " WHERE (:site IS NULL OR cr.site = :site)"
            " AND (:since IS NULL OR c.fetched_at >= :since)"
            " AND c.fetched_at = (SELECT max(fetched_at) FROM captures l WHERE l.url = c.url)"
            " GROUP BY c.url ORDER BY c.crawl_id, c.fetched_at",
            {"site": site, "since": since},
        ).fetchall()
    finally:
        conn.close()
    return [Capture(*row) for row in rows]


def read_record(path: Path, offset: int) -> tuple[int, dict[str, str], bytes]:
    """The HTTP status, headers and payload (transfer and content encodings undone) of the
    response record at `offset`."""
    with path.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        http = record.http_headers
        status = int(http.get_statuscode() or 0)
        headers = {name.lower(): value for name, value in http.headers}
        return status, headers, record.content_stream().read()


def profile_of(site: str, url: str, own: Profile | None = None) -> Profile:
    """The profile a crawl of `site` used: `own` (a profile file), else the bundled one,
    pointed at the copy it crawled when its URL is elsewhere; else the generic one."""
    profile = own or load_profiles().get(site)
    if profile is None:
        return generic_profile(url)
    return profile if host_of(url) in profile.hosts else profile.rebase(origin(url))


def is_page(capture: Capture) -> bool:
    """A redirect or an HTML page: what extraction reads (sitemaps, feeds and robots.txt only
    led to pages)."""
    return capture.status in REDIRECTS or "html" in (capture.content_type or "html")


def page_items(capture: Capture, profile: Profile, warc_dir: Path) -> Iterator[Any]:
    """What the crawl's spider yields for this response: an alias for a redirect, an
    article or a listing for a page, a reject for a page that gives nothing."""
    status, headers, body = read_record(warc_dir / capture.warc_file, capture.offset)
    if status in REDIRECTS:
        if headers.get("location"):
            target = resolve(capture.url, headers["location"])
            yield Alias(url=capture.url, target=target, site=capture.site)
        return
    if not 200 <= status < 300:
        return
    try:
        reading = read_page(body, capture.url, headers.get("content-type"), profile)
    except Unreadable as exc:
        yield Reject(capture.url, exc.kind, site=capture.site, detail=str(exc), status=status)
        return
    page = reading.page
    if isinstance(page, Article):
        page.site = capture.site
        page.aliases = [capture.url]
        page.etag, page.last_modified = headers.get("etag"), headers.get("last-modified")
        page.fetched_at = capture.fetched_at
        page.capture = capture.record_id
        yield page
    elif isinstance(page, Listing):
        page.site = capture.site
        yield page


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
    try:
        for capture in filter(is_page, todo):
            if path.stopped:
                break
            page_profile = profile_of(capture.site, capture.url, profile)
            path.store.replay(capture.crawl_id)
            for item in page_items(capture, page_profile, warc_dir):
                path.feed(item, capture.site, page_profile)
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
