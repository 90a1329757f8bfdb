"""A live progress line on stderr for interactive crawls (off with `--quiet`)."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from scraper.outcome import error_count


class Progress:
    """Every PROGRESS_INTERVAL seconds: pages, articles, teasers, errors and the page rate."""

    def __init__(self, crawler: Any, interval: float, stream: TextIO) -> None:
        self.crawler = crawler
        self.interval = interval
        self.stream = stream
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        if not crawler.settings.getbool("PROGRESS_ENABLED"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("PROGRESS_INTERVAL", 5.0), sys.stderr)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        self.report(final=True)

    def line(self) -> str:
        """The progress line for the crawl's current stats."""
        stats = self.crawler.stats.get_stats()
        pages = int(stats.get("response_received_count", 0))
        minutes = max(time.monotonic() - self.started, 1e-6) / 60
        return (
            f"{pages} pages, {stats.get('archive/stored/new', 0)} new articles, "
            f"{stats.get('archive/stored/updated', 0)} updated, "
            f"{stats.get('archive/teasers', 0)} teasers, {error_count(stats)} errors, "
            f"{pages / minutes:.0f} pages/min"
        )

    def report(self, final: bool = False) -> None:
        prefix = "done:" if final else "crawling:"
        print(f"{prefix} {self.line()}", file=self.stream, flush=True)
