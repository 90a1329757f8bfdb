"""Downloader middlewares: retries that honour the server's `Retry-After`."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater


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


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, plus a wait of `Retry-After` seconds (capped) before retrying 429/503.

    Scrapy's own RetryMiddleware ignores the header, which hammers a rate-limited host.
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 600)

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
        if retry is None:
            return response
        if wait:
            stats.inc_value("retry/retry_after_waits")
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return retry
