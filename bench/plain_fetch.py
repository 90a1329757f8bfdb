"""Baseline for crawl_bench.py: plain Scrapy fetching a given list of URLs and doing nothing else.

Usage: python bench/plain_fetch.py URLS_FILE  (one URL per line)
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess


class PlainFetch(scrapy.Spider):
    """Fetch every URL once; responses are only counted."""

    name = "plain"

    def __init__(self, urls_file: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        with open(urls_file, encoding="utf-8") as handle:
            self.urls = [line.strip() for line in handle if line.strip()]

    async def start(self) -> AsyncIterator[Any]:
        for url in self.urls:
            yield scrapy.Request(
                url, dont_filter=True, meta={"dont_redirect": True, "handle_httpstatus_all": True}
            )

    def parse(self, response: scrapy.http.Response) -> None:
        self.crawler.stats.inc_value("plain/bytes", len(response.body))


def main() -> None:
    settings = {
        "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False,  # off in ours too: both run without control ports
        "EXTENSIONS": {"scrapy.extensions.remote_control.RemoteControl": None},
        "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
    }
    process = CrawlerProcess(settings)
    process.crawl(PlainFetch, urls_file=sys.argv[1])
    process.start()


if __name__ == "__main__":
    main()
