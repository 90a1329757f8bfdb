"""Give a crawl up within seconds when nothing answers at all: no network, no DNS, a dead host.

Without this, Scrapy tries every start request in turn, each up to RETRY_TIMES more times
and at the crawl's pace, before it ends with nothing: about 40 s offline for the Courrier.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    NotConfigured,
)
from scrapy.http import Request, Response
from twisted.internet import error

from scraper.crawl.shutdown import CrawlStopping, stop_crawl

# Failures before any byte was exchanged, by cause (Scrapy 2.19 wraps some of Twisted's):
# exception classes, stats key, what the user is told.
CAUSES: tuple[tuple[tuple[type[BaseException], ...], str, str], ...] = (
    (
        (CannotResolveHostError, error.DNSLookupError),
        "dns",
        "no network or DNS: could not resolve {host}",
    ),
    (
        (DownloadConnectionRefusedError, error.ConnectionRefusedError),
        "refused",
        "nothing answers at {host}:{port} (connection refused)",
    ),
    ((error.NoRouteError,), "no_route", "no network: no route to {host}:{port}"),
    (
        (error.TCPTimedOutError,),
        "timed_out",
        "nothing answers at {host}:{port} (connection timed out)",
    ),
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def unreachable_reason(request: Request, exception: BaseException) -> tuple[str, str] | None:
    """(stats key, one-line reason) when `exception` failed `request` before any connection
    was made; None for every other failure (a timeout may be a slow server: not counted)."""
    parts = urlsplit(request.url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
    for kinds, key, reason in CAUSES:
        if isinstance(exception, kinds):
            return key, reason.format(host=parts.hostname, port=port)
    return None


class UnreachableMiddleware:
    """Close the crawl as `unreachable` once its first UNREACHABLE_AFTER download attempts all
    failed before a connection was made, no response having ever been received.

    Placed inside RetryMiddleware (a higher number) so that it sees every attempt, retries
    included. The reason goes to the `network/unreachable` stat, which the outcome reports.
    Requests still on their way in (those that waited for robots.txt) are then dropped: each
    would wait its turn at the host's pace before failing the same way.
    """

    def __init__(self, crawler: Crawler, after: int) -> None:
        self.crawler = crawler
        self.after = after
        self.failures = 0
        self.answered = False
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UnreachableMiddleware:
        after = crawler.settings.getint("UNREACHABLE_AFTER")
        if after <= 0:
            raise NotConfigured("UNREACHABLE_AFTER is 0: an unreachable site is tried to the end")
        return cls(crawler, after)

    def process_request(self, request: Request, spider: Any = None) -> None:
        if self.closing:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("network/unreachable/dropped")
            raise CrawlStopping(f"the crawl is closing: nothing answers; {request.url} not sent")

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Response:
        self.answered = True
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        if self.answered or self.closing:
            return
        found = unreachable_reason(request, exception)
        if found is None:
            return
        key, reason = found
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value(f"network/unreachable/{key}")
        self.failures += 1
        if self.failures < self.after:
            return
        self.closing = True
        stats.set_value("network/unreachable", reason)
        stop_crawl(self.crawler, "unreachable")
