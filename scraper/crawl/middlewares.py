"""Downloader middlewares: retries that honour the server's `Retry-After`, and one fetch of
each robots.txt per crawl."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import CancelledError, Deferred
from twisted.internet.task import deferLater

from scraper.crawl.shutdown import CrawlStopping, crawl_stopping, stop_crawl
from scraper.urls import is_robots_txt

if TYPE_CHECKING:
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a `Retry-After` header asks us to wait (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


BACKOFF_MIN_DELAY = 0.25  # seconds between requests to a host once it has said "slow down"


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, plus back-off that honours `Retry-After` and recovers.

    Scrapy's own RetryMiddleware ignores the header, which hammers a rate-limited host. A
    request answered 429, or 503 with Retry-After, is retried no sooner than the time asked
    (capped at RETRY_AFTER_MAX), and its host's delay doubles. A 429, or a second refusal
    before any success, speaks for the whole host: its download slot pauses for the time
    asked (every request to it waits, where a stop can drop it) and its delay is at least
    BACKOFF_MIN_DELAY. A lone 503 speaks for one resource: only its retry waits, while the
    other pages go on, so a few transient 503s cost seconds, not minutes. Each success halves
    the delay's excess over its floor (DOWNLOAD_DELAY, or robots.txt's Crawl-delay), so the
    pace is back a few answers after the last refusal; AutoThrottle, when on, lowers the
    same delay too. BACKOFF_MAX_REFUSALS refusals in a row give the host up: the crawl
    closes with `site_refusing`.
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 600)
        self.max_delay = settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60)
        self.base_delay = settings.getfloat("DOWNLOAD_DELAY")
        self.max_refusals = settings.getint("BACKOFF_MAX_REFUSALS", 8)
        self.refusals: dict[str, int] = {}  # backed-off slot → refusals in a row
        self.waits: set[Deferred[None]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(middleware.crawl_stopping, signal=crawl_stopping)
        return middleware

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        header = response.headers.get("Retry-After")
        wait = retry_after_seconds(header.decode("latin-1") if header else None)
        host_paused = False
        if response.status == 429 or (response.status == 503 and wait is not None):
            host_paused = self._back_off(request, response.status, min(wait or 0.0, self.max_wait))
        if wait is not None and wait > self.max_wait:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            return response
        retry = self._retry(
            request,
            f"{response.status} (Retry-After {wait}s)"
            if wait is not None
            else str(response.status),
        )
        if retry is not None and wait and not host_paused:
            await self._wait(request, wait)
        return response if retry is None else retry

    async def _wait(self, request: Request, seconds: float) -> None:
        """Hold one retry for `seconds` (the other requests go on); a stop cancels the wait."""
        from twisted.internet import reactor  # the installed one (importing installs a default)

        self.crawler.stats.inc_value("retry/retry_after_waits")
        waiting = deferLater(reactor, seconds, lambda: None)  # type: ignore[arg-type]
        self.waits.add(waiting)
        try:
            await maybe_deferred_to_future(waiting)
        except CancelledError:
            raise CrawlStopping(f"crawl stopping: {request.url} not retried") from None
        finally:
            self.waits.discard(waiting)

    def crawl_stopping(self) -> None:
        """The crawl is stopping: no retry waits out its Retry-After."""
        for waiting in list(self.waits):
            waiting.cancel()

    def _slot(self, request: Request) -> tuple[str, Slot | None]:
        key = str(request.meta.get("download_slot"))
        return key, self.crawler.engine.downloader.slots.get(key)

    def _floor(self, key: str) -> float:
        """The delay the host had before it refused: its configured or robots.txt delay (a
        Crawl-delay is written into the slot's settings, and only ever raises it)."""
        configured = self.crawler.engine.downloader.per_slot_settings.get(key, {})
        return float(configured.get("delay", self.base_delay))

    def _back_off(self, request: Request, status: int, wait: float) -> bool:
        """Slow the request's host down after a refusal; True when the whole host is paused."""
        key, slot = self._slot(request)
        if slot is None:
            return False
        stats = self.crawler.stats
        refusals = self.refusals[key] = self.refusals.get(key, 0) + 1
        whole_host = status == 429 or refusals > 1
        least = BACKOFF_MIN_DELAY if whole_host else 0.0
        slot.delay = min(max(2 * slot.delay, least), self.max_delay)
        stats.inc_value("backoff/raised")
        stats.max_value("backoff/delay_max", round(slot.delay, 3))
        if whole_host and wait:
            # Scrapy starts a slot's next request `delay` after `lastseen` (monotonic clock).
            slot.lastseen = max(slot.lastseen, monotonic() + wait)
            stats.inc_value("backoff/pauses")
            stats.inc_value("backoff/paused_ms", round(wait * 1000))
        if refusals >= self.max_refusals:
            self._give_up(key, refusals)
        return whole_host and bool(wait)

    def _give_up(self, key: str, refusals: int) -> None:
        """Close the crawl: a host that keeps refusing is not crawled at its pace forever."""
        stats = self.crawler.stats
        if stats.get_value("backoff/gave_up"):
            return
        reason = f"{key} refused {refusals} requests in a row (429/503 + Retry-After)"
        stats.set_value("backoff/gave_up", reason)
        logger.error("giving up: %s", reason)
        stop_crawl(self.crawler, "site_refusing")

    def response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        """A success brings a backed-off host's delay halfway back down to its floor."""
        if response.status >= 400:
            return
        key, slot = self._slot(request)
        if key not in self.refusals or slot is None:
            return
        self.refusals[key] = 0
        floor = self._floor(key)
        slot.delay = floor + (slot.delay - floor) / 2
        if slot.delay - floor <= max(0.1 * floor, 0.01):  # close enough: back at its pace
            slot.delay = floor
            del self.refusals[key]
            self.crawler.stats.inc_value("backoff/recovered")


# The flag of a robots.txt answered from the fetch already made (no exchange with the server).
ROBOTS_ONCE_FLAG = "robots.txt once"


class RobotsTxtOnceMiddleware:
    """Ask a site for its robots.txt once per crawl.

    Scrapy's RobotsTxtMiddleware fetches robots.txt to obey it, and the spider reads it again
    for its `Sitemap:` lines. Placed after Scrapy's middleware (which holds every request to a
    host until its robots.txt is parsed), this answers the spider's read with the response
    already received. Redirects and server errors are not kept: those are asked again.
    """

    def __init__(self) -> None:
        self._responses: dict[str, Response] = {}

    def process_request(self, request: Request, spider: Any = None) -> Response | None:
        kept = self._responses.get(request.url) if is_robots_txt(request.url) else None
        if kept is None:
            return None
        return kept.replace(request=request, flags=[*kept.flags, ROBOTS_ONCE_FLAG])

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Response:
        if (
            is_robots_txt(request.url)
            and response.url == request.url
            and (response.status < 300 or 400 <= response.status < 500)
        ):
            self._responses.setdefault(request.url, response)
        return response
