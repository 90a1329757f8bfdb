"""One HTTP exchange read back from a WARC record, and the items a crawl would have made of it.

The crawl's spider, `scraper reparse` and `scraper import-warc` read the same bytes the same
way (`read_page`): a redirect gives an alias, an HTML page an article or a listing, a page
that gives nothing a reject.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from scraper.errors import describe
from scraper.extract.html import MAX_PAGE_BYTES
from scraper.extract.response import Unreadable, read_page
from scraper.items import Alias, Article, Listing, Reject
from scraper.profiles import Profile
from scraper.urls import REDIRECTS, resolve

# Record types that hold a page: an HTTP response, or a resource stored without HTTP headers.
PAGE_RECORDS = ("response", "resource")


class Damaged(Exception):  # noqa: N818  # a record, not an error of ours
    """A record that cannot be read back (cut short, corrupt, not what it says it is)."""


@dataclass
class Exchange:
    """A response as served: status, headers (lower-case names), body with transfer and
    content encodings undone, and where it was kept."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    record_id: str | None = None


def is_page(status: int, content_type: str | None) -> bool:
    """A redirect or an HTML page: what extraction reads (sitemaps, feeds, robots.txt, images
    and scripts are not articles or listings)."""
    return status in REDIRECTS or "html" in (content_type or "html").lower()


def record_head(record: Any) -> tuple[str, int, str | None]:
    """The target URI, HTTP status and content type of a page record (before its body)."""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "resource":
        return url, 200, record.rec_headers.get_header("Content-Type")
    http = record.http_headers
    if http is None:
        raise Damaged(f"{record.rec_type} record of {url} without HTTP headers")
    try:
        status = int(http.get_statuscode() or 0)
    except ValueError:
        raise Damaged(f"bad HTTP status line {http.statusline!r}") from None
    return url, status, http.get_header("Content-Type")


def exchange_of(record: Any) -> Exchange:
    """The exchange a response or resource record holds (its body capped at MAX_PAGE_BYTES
    and one more byte, so an oversized page is still read as the crawl reads it)."""
    url, status, content_type = record_head(record)
    headers = (
        {name.lower(): value for name, value in record.http_headers.headers}
        if record.http_headers is not None
        else {"content-type": content_type or ""}
    )
    try:
        body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except Exception as exc:  # noqa: BLE001  # any decoding failure is the record's fault
        raise Damaged(f"unreadable body: {describe(exc)}") from None
    fetched_at = record.rec_headers.get_header("WARC-Date") or ""
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    return Exchange(url, status, headers, body, fetched_at, record_id)


def parse_member(member: bytes) -> Any:
    """The one record a gzip member (or an uncompressed record's bytes) holds."""
    try:
        return next(iter(ArchiveIterator(io.BytesIO(member), check_digests=False)))
    except Exception as exc:  # noqa: BLE001  # warcio raises many kinds on bad input
        raise Damaged(describe(exc)) from None


def page_items(exchange: Exchange, site: str, profile: Profile) -> Iterator[Any]:
    """What the crawl's spider yields for this response: an alias for a redirect, an
    article or a listing for a page, a reject for a page that gives nothing."""
    url, status, headers = exchange.url, exchange.status, exchange.headers
    if status in REDIRECTS:
        if headers.get("location"):
            yield Alias(url=url, target=resolve(url, headers["location"]), site=site)
        return
    if not 200 <= status < 300:
        return
    try:
        reading = read_page(exchange.body, url, headers.get("content-type"), profile, follow=False)
    except Unreadable as exc:
        yield Reject(url, exc.kind, site=site, detail=str(exc), status=status)
        return
    page = reading.page
    if isinstance(page, Article):
        page.site = site
        page.aliases = [url]
        page.etag, page.last_modified = headers.get("etag"), headers.get("last-modified")
        page.fetched_at = exchange.fetched_at
        page.capture = exchange.record_id
        yield page
    elif isinstance(page, Listing):
        page.site = site
        yield page
