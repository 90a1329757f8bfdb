"""Downloader middlewares: retries that honour the server's `Retry-After`, and one fetch of
each robots.txt per crawl."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

from scraper.urls import is_robots_txt


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
    """Scrapy's retries, plus a wait of `Retry-After` seconds (capped) before retrying 429/503.

    Scrapy's own RetryMiddleware ignores the header, which hammers a rate-limited host. A 429,
    or a 503 with Retry-After (the host asking us to slow down, not a passing server error),
    also slows the whole host down: its download slot pauses for `Retry-After` (every request
    to it, not only the one retried) and its delay doubles (at least BACKOFF_MIN_DELAY).
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 600)
        self.max_delay = settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        header = response.headers.get("Retry-After")
        wait = retry_after_seconds(header.decode("latin-1") if header else None)
        stats = self.crawler.stats
        if wait is not None and wait > self.max_wait:
            stats.inc_value("retry/retry_after_too_long")
            return response
        retry = self._retry(
            request,
            f"{response.status} (Retry-After {wait}s)"
            if wait is not None
            else str(response.status),
        )
        if response.status == 429 or (response.status == 503 and wait is not None):
            self._back_off(request, wait)
        if retry is None:
            return response
        if wait:
            stats.inc_value("retry/retry_after_waits")
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return retry

    def _back_off(self, request: Request, wait: float | None) -> None:
        """Pause the request's download slot for `wait` seconds and double its delay."""
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(str(request.meta.get("download_slot")))
        if slot is None:
            return
        slot.delay = min(max(2 * slot.delay, BACKOFF_MIN_DELAY), self.max_delay)
        if wait:
            # Scrapy starts a slot's next request `delay` after `lastseen` (monotonic clock).
            slot.lastseen = max(slot.lastseen, monotonic() + wait)
        self.crawler.stats.inc_value("retry/backoffs")


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
        return kept.replace(request=request, flags=[*kept.flags, "robots.txt once"])

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
