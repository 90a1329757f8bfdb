"""Crawl progress on stderr (off with `--quiet`): a live bar on a terminal (tqdm), and a plain
line every PROGRESS_INTERVAL seconds elsewhere (what a log file or a cron mail keeps)."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from tqdm import tqdm
from twisted.internet import task

from scraper.crawl.outcome import error_count

BAR_REFRESH = 0.5  # seconds between two redraws of the bar on a terminal


@dataclass(frozen=True)
class Counts:
    """What a crawl has done so far; every figure moves per page or per article."""

    pages: int
    articles: int  # article pages extracted
    new: int  # articles new to the archive
    errors: int
    expected: int | None  # article pages asked for that gave or may still give one

    @classmethod
    def of(cls, stats: Mapping[str, Any]) -> Counts:
        # Articles asked for, less those that turned out none (an alias of another, a 404,
        # a page of another kind, a failure: the errors say so).
        asked = int(stats.get("crawl/articles/expected", 0))
        expected = asked - int(stats.get("crawl/articles/none", 0))
        return cls(
            pages=int(stats.get("response_received_count", 0)),
            articles=int(stats.get("crawl/pages/article", 0)),
            # Counted per article accepted by the dedupe pipeline; the stored count (per
            # written batch) is behind it, unless the per-article count is not kept.
            new=max(
                int(stats.get("crawl/articles/new", 0)), int(stats.get("archive/stored/new", 0))
            ),
            errors=error_count(stats),
            expected=expected or None,
        )


def progress_line(counts: Counts, elapsed: float) -> str:
    """Elapsed time, articles extracted (of those expected) and new, pages, errors, the
    article rate, and an ETA when a total is known."""
    rate = counts.articles / elapsed * 60 if elapsed > 0 else 0.0
    of = f"/{counts.expected}" if counts.expected else ""
    line = (
        f"{tqdm.format_interval(elapsed)} elapsed, {counts.articles}{of} articles extracted "
        f"({counts.new} new), {counts.pages} pages, {counts.errors} errors, "
        f"{rate:.0f} articles/min"
    )
    if counts.expected and rate > 0:
        left = max(counts.expected - counts.articles, 0)
        line += f", ETA {tqdm.format_interval(left / rate * 60)}"
    return line


class Progress:
    """The crawl's progress on `stream`: a tqdm bar when it is a terminal, lines otherwise."""

    def __init__(self, crawler: Any, interval: float, stream: TextIO) -> None:
        self.crawler = crawler
        self.interval = interval
        self.stream = stream
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.bar: tqdm | None = None
        self.on_bar = ExitStack()

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        if not crawler.settings.getbool("PROGRESS_ENABLED"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("PROGRESS_INTERVAL", 5.0), sys.stderr)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        every = self.interval
        if self.stream.isatty():
            self.bar = self.on_bar.enter_context(
                tqdm(desc="crawling", unit=" articles", file=self.stream, dynamic_ncols=True)
            )
            every = BAR_REFRESH
        self.loop = task.LoopingCall(self.report)
        self.loop.start(every, now=False)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        self.report(final=True)
        self.on_bar.close()  # the bar stays on screen as the last state

    def report(self, final: bool = False) -> None:
        counts = Counts.of(self.crawler.stats.get_stats())
        if self.bar is not None:
            self.draw(self.bar, counts)
            return
        prefix = "done:" if final else "crawling:"
        line = progress_line(counts, time.monotonic() - self.started)
        print(f"{prefix} {line}", file=self.stream, flush=True)

    @staticmethod
    def draw(bar: tqdm, counts: Counts) -> None:
        """The bar at `counts`: articles extracted (of those expected), new, pages, errors."""
        if counts.expected:
            bar.total = max(counts.expected, counts.articles)
        bar.set_postfix_str(
            f"{counts.new} new, {counts.pages} pages, {counts.errors} errors", refresh=False
        )
        if not bar.update(counts.articles - bar.n):  # drawn unless nothing moved, or too soon
            bar.refresh()
