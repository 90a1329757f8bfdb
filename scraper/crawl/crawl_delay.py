"""Honour a site's robots.txt `Crawl-delay`: no two requests to that host closer than it asks.

Scrapy 2.19 parses the directive (`RobotParser.crawl_delay`) and signals each parsed
robots.txt (`robots_parsed`), but does not slow down for it. This extension sets the host's
download slot to the delay (without jitter, which would let some requests come sooner),
makes later slots for that host start there, and puts the slot back after AutoThrottle,
which may lower a delay down to DOWNLOAD_DELAY, has adjusted it. A delay beyond
ROBOTSTXT_CRAWL_DELAY_MAX is capped there, with a warning: a crawl must end.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class RobotsCrawlDelay:
    """Per-host floors on the download delay, from robots.txt `Crawl-delay`."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.max_delay = crawler.settings.getfloat("ROBOTSTXT_CRAWL_DELAY_MAX", 60.0)
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get(
            "USER_AGENT"
        )
        self.floors: dict[str, float] = {}  # download slot key → seconds
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        # Connected after AutoThrottle (an earlier extension): runs once it has adjusted.
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsCrawlDelay:
        return cls(crawler)

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        asked = robotparser.crawl_delay(self.user_agent)
        if not asked or asked <= 0:
            return
        delay = min(float(asked), self.max_delay)
        if delay < asked:
            logger.warning(
                "%s asks for a Crawl-delay of %ss; waiting %ss (ROBOTSTXT_CRAWL_DELAY_MAX)",
                request.url,
                asked,
                delay,
            )
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        self.floors[key] = delay
        downloader.per_slot_settings.setdefault(key, {}).update(delay=delay, jitter=0.0)
        self.crawler.stats.set_value(f"robotstxt/crawl_delay/{key}", delay)
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.jitter = 0.0
            slot.delay = max(slot.delay, delay)

    def response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        key = request.meta.get("download_slot")
        if not isinstance(key, str) or key not in self.floors:
            return
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None and slot.delay < self.floors[key]:
            slot.delay = self.floors[key]
