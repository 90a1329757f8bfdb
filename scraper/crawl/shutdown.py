"""Stop promptly on SIGTERM / SIGINT, and keep what was fetched even on a second signal.

Scrapy's graceful stop waits for every request the downloader holds, including those
waiting in a download slot for a politeness delay or a `Retry-After` pause (minutes), and its
second signal stops the reactor outright: the unwritten batch is lost and the crawl row stays
`running`. This extension wraps Scrapy's handlers: the first signal also drops the requests
still waiting in slots and sends `crawl_stopping` (in-flight ones get at most
DOWNLOAD_TIMEOUT); the second sends
`crawl_aborting`, on which the store pipeline writes its buffer and records the run as
interrupted, before Scrapy stops the reactor.
"""

from __future__ import annotations

import inspect
import logging
import signal
import threading
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# Sent on the first stop signal, once the requests waiting in slots are dropped: components
# holding a request back (a Retry-After wait) let it go.
crawl_stopping = object()
# Sent on a second stop signal, in the reactor thread, just before Scrapy stops the reactor.
crawl_aborting = object()


class CrawlStopping(IgnoreRequest):
    """A request dropped unsent because the crawl is stopping (not a failure of the site)."""


class PromptStop:
    """Wraps Scrapy's signal handlers once the engine runs (CrawlerProcess installs them)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stops = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PromptStop:
        extension = cls(crawler)
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        return extension

    def engine_started(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self._wrap_handlers()

    def _wrap_handlers(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(signum)
            # Only Scrapy's own handlers (bound methods of CrawlerProcess): not Python's
            # default KeyboardInterrupt, nor SIG_IGN once Scrapy has given up listening.
            if inspect.ismethod(previous):
                signal.signal(signum, self._handler(previous))

    def _handler(self, previous: Any) -> Any:
        from twisted.internet import reactor  # the installed one (importing installs a default)

        def handler(signum: int, frame: Any) -> None:
            # Logging cannot happen in a signal handler: the interrupted code may be in the
            # middle of writing to the same stream. The work runs in the reactor thread.
            self.stops += 1
            reactor.callFromThread(self._on_stop, self.stops)  # type: ignore[attr-defined]
            previous(signum, frame)
            self._wrap_handlers()  # Scrapy has installed its next handler: wrap that one

        return handler

    def _on_stop(self, count: int) -> None:
        stats = self.crawler.stats
        assert stats is not None
        if count == 1:
            release(self.crawler)  # Scrapy's own handler closes the spider ("shutdown")
            return
        logger.warning("second stop signal: storing what was fetched, then stopping at once")
        stats.set_value("shutdown/forced", 1)
        stats.set_value("finish_reason", "shutdown")
        self.crawler.signals.send_catch_log(signal=crawl_aborting)


def release(crawler: Crawler) -> None:
    """Let go of every request not yet sent: fail those queued in download slots (counted in
    `shutdown/dropped_waiting`) and send `crawl_stopping` to whoever holds one back."""
    engine = crawler.engine
    if engine is None:
        return
    dropped = 0
    for slot in list(engine.downloader.slots.values()):
        slot.close()  # its pending "start the next request later" call
        while slot.queue:
            request, deferred = slot.queue.popleft()
            deferred.errback(Failure(CrawlStopping(f"crawl stopping: {request.url} not sent")))
            dropped += 1
    if crawler.stats is not None:
        crawler.stats.inc_value("shutdown/dropped_waiting", dropped)
    crawler.signals.send_catch_log(signal=crawl_stopping)


def stop_crawl(crawler: Crawler, reason: str) -> None:
    """Close the crawl now with `reason` (a limit reached, a site refusing, an archive error):
    requests waiting for their turn are dropped, not fetched first; in-flight ones finish."""
    engine = crawler.engine
    if engine is None or engine.spider is None:
        return
    release(crawler)
    deferred_from_coro(engine.close_spider_async(reason=reason))
