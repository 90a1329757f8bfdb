"""WARC capture: every HTTP exchange a crawl makes, kept as the server sent it (ISO 28500).

A downloader middleware just above Scrapy's decompression writes a `request` and a `response`
record per exchange (retried 503s, redirects, robots.txt, sitemaps, feeds, listings and
articles alike) to gzip-per-record WARC/1.1 files through warcio. Each response's place (file,
offset, length, payload digest) goes to the archive's `captures` table with the crawl's next
batch; the article extracted from it names its record (`articles.capture`).

A file being written ends in `.open`; it gets its final name when full (WARC_MAX_BYTES) or at
the end of the crawl. A killed crawl's `.open` file is cut back to its last whole record and
renamed by the next crawl, so no file ever holds half a record.
"""

from __future__ import annotations

import http.client
import logging
import time
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.crawl.middlewares import ROBOTS_ONCE_FLAG
from scraper.items import Capture
from scraper.warcfile import whole_length

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
# Transfer-Encoding is undone by the HTTP client before we see the body: recording it would
# tell readers to de-chunk a body that is not chunked.
_NOT_RECORDED = frozenset({"transfer-encoding"})
# Responses no server sent now: robots.txt answered again from its first fetch, Scrapy's cache.
_NOT_EXCHANGED = frozenset({ROBOTS_ONCE_FLAG, "cached"})


def default_warc_dir(db: str | Path) -> Path:
    """Where a crawl into `db` writes its WARC files: archive.db → archive-warc/."""
    path = Path(db)
    return path.with_name(f"{path.stem}-warc")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _header_pairs(headers: Any) -> list[tuple[str, str]]:
    """Scrapy's Headers as (name, value) pairs, bytes read as ISO-8859-1 (as HTTP sends)."""
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
        if name.decode("latin-1").lower() not in _NOT_RECORDED
    ]


class WarcFiles:
    """The WARC files of one crawl: open lazily, rotate past `max_bytes`, finish on close."""

    def __init__(self, folder: Path, crawl_id: int, max_bytes: int, info: dict[str, str]):
        self.folder = folder
        self.crawl_id = crawl_id
        self.max_bytes = max_bytes
        self.info = info
        self.serial = 0
        self.stream: BinaryIO | None = None
        self.path: Path | None = None
        self.writer: WARCWriter | None = None

    def _open(self) -> WARCWriter:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name = f"crawl-{self.crawl_id:06d}-{stamp}-{self.serial:05d}.warc.gz"
        self.serial += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / name
        self.stream = (self.folder / (name + OPEN_SUFFIX)).open("wb")
        self.writer = WARCWriter(self.stream, gzip=True, warc_version="WARC/1.1")
        self.writer.write_record(self.writer.create_warcinfo_record(name, self.info))
        return self.writer

    def write(self, request: Request, response: Response, fetched_at: str) -> Capture:
        """Write the exchange (response, then its request); return where the response is."""
        writer = self.writer or self._open()
        assert self.stream is not None and self.path is not None
        status_line = f"{response.status} {http.client.responses.get(response.status, '')}"
        http_headers = StatusAndHeaders(
            status_line.strip(), _header_pairs(response.headers), protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            response.url,
            "response",
            payload=BytesIO(response.body),
            length=len(response.body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": fetched_at},
        )
        offset = self.stream.tell()
        writer.write_record(record)
        length = self.stream.tell() - offset
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = StatusAndHeaders(
            f"{request.method} {target} HTTP/1.1",
            [("Host", parts.netloc), *_header_pairs(request.headers)],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                request.url,
                "request",
                payload=BytesIO(request.body),
                length=len(request.body),
                http_headers=request_headers,
                warc_headers_dict={"WARC-Date": fetched_at, "WARC-Concurrent-To": record_id},
            )
        )
        self.stream.flush()  # in the OS's hands: a killed process loses no written record
        capture = Capture(
            record_id=record_id,
            url=response.url,
            fetched_at=fetched_at,
            status=response.status,
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1") or None,
            warc_file=self.path.name,
            offset=offset,
            length=length,
            payload_digest=record.rec_headers.get_header("WARC-Payload-Digest"),
        )
        if self.stream.tell() >= self.max_bytes:
            self.finish()
        return capture

    def finish(self) -> None:
        """Close the current file and give it its final name."""
        if self.stream is None or self.path is None:
            return
        self.stream.close()
        self.path.with_name(self.path.name + OPEN_SUFFIX).rename(self.path)
        self.stream = self.writer = None


def recover(folder: Path) -> list[str]:
    """Finish the files a killed crawl left open: cut each back to its last whole record and
    rename it (a file without one is removed). Returns what was done, one line per file."""
    done = []
    for left in sorted(folder.glob(f"*{OPEN_SUFFIX}")):
        with left.open("rb") as stream:
            end = whole_length(stream)
        final = left.with_name(left.name.removesuffix(OPEN_SUFFIX))
        size = left.stat().st_size
        if end == 0:
            left.unlink()
            done.append(f"{left.name}: no whole record, removed")
            continue
        with left.open("r+b") as stream:
            stream.truncate(end)
        left.rename(final)
        done.append(f"{final.name}: {size - end} bytes of an unfinished record cut")
    return done


class WarcCaptureMiddleware:
    """Write every exchange to WARC; hand each response's Capture to the archive path."""

    def __init__(self, crawler: Crawler, folder: Path, max_bytes: int) -> None:
        self.crawler = crawler
        self.folder = folder
        self.max_bytes = max_bytes
        self.files: WarcFiles | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        settings = crawler.settings
        db = settings.get("ARCHIVE_PATH")
        if not settings.getbool("WARC_ENABLED", True) or not db:
            raise NotConfigured("WARC capture is off")
        folder = Path(settings.get("WARC_DIR") or default_warc_dir(db))
        middleware = cls(crawler, folder, settings.getint("WARC_MAX_BYTES", 1 << 30))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        """Finish what a killed crawl left open, then start this crawl's files."""
        from pipelines.engine import context_of  # the archive path gives the crawl's id

        stats = self.crawler.stats
        assert stats is not None
        if self.folder.is_dir():
            for line in recover(self.folder):
                stats.inc_value("warc/recovered")
                logger.warning("WARC file left open by a killed crawl: %s", line)
        context = context_of(self.crawler)
        self.captures = context.captures
        self.files = WarcFiles(
            self.folder,
            context.crawl_id or 0,
            self.max_bytes,
            {
                "software": "scraper (Scrapy, warcio)",
                "format": "WARC File Format 1.1",
                "isPartOf": context.site,
                "scraper-site": context.site,
                "scraper-base-url": context.profile.base_url if context.profile else "",
            },
        )

    def process_response(self, request: Request, response: Response) -> Response:
        if self.files is None or _NOT_EXCHANGED & set(response.flags):
            return response
        started = time.perf_counter()
        capture = self.files.write(request, response, _now())
        request.meta["warc_record"] = capture.record_id
        self.captures.append(capture)
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("warc/records")
        stats.inc_value("warc/bytes", capture.length)
        stats.inc_value("warc/microseconds", int((time.perf_counter() - started) * 1e6))
        return response

    def spider_closed(self, spider: Spider) -> None:
        if self.files is not None:
            self.files.finish()
