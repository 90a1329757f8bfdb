"""Giving up within seconds when nothing answers: which failures count, and when the crawl ends.

The refused case runs end to end in test_crawl.py; DNS failures are fed to the middleware here
(a test never asks a real resolver)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy import Spider
from scrapy.exceptions import CannotResolveHostError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler
from twisted.internet import error

from scraper.crawl.unreachable import UnreachableMiddleware, unreachable_reason


@pytest.mark.parametrize(
    ("url", "exception", "expected"),
    [
        (
            "https://www.example-news.test/robots.txt",
            CannotResolveHostError("DNS lookup failed"),
            ("dns", "no network or DNS: could not resolve www.example-news.test"),
        ),
        (
            "http://127.0.0.1:9/",
            error.ConnectionRefusedError(),
            ("refused", "nothing answers at 127.0.0.1:9 (connection refused)"),
        ),
        (
            "https://news.test/",
            error.NoRouteError(),
            ("no_route", "no network: no route to news.test:443"),
        ),
        (
            "http://news.test/",
            error.TCPTimedOutError(),
            ("timed_out", "nothing answers at news.test:80 (connection timed out)"),
        ),
        # A download timeout may be a slow server that did answer: not counted.
        ("http://news.test/", DownloadTimeoutError("took longer than 30 s"), None),
    ],
)
def test_connection_level_failures_are_named(
    url: str, exception: Exception, expected: tuple[str, str] | None
) -> None:
    assert unreachable_reason(Request(url), exception) == expected


class Engine:
    """What the middleware asks of Scrapy's engine: its download slots (whatever waits there
    is dropped), and to close the spider, with a reason."""

    def __init__(self) -> None:
        self.spider = Spider("s")
        self.downloader = SimpleNamespace(slots={})
        self.closed: list[str] = []

    def close_spider_async(self, *, reason: str) -> None:
        self.closed.append(reason)


def middleware(after: int) -> tuple[UnreachableMiddleware, Engine]:
    crawler = get_crawler(Spider, {"UNREACHABLE_AFTER": after})
    crawler.engine = engine = Engine()  # type: ignore[assignment]
    return UnreachableMiddleware.from_crawler(crawler), engine


def test_the_crawl_closes_once_its_first_attempts_all_fail_to_resolve() -> None:
    ware, engine = middleware(after=3)
    request = Request("https://www.example-news.test/robots.txt")
    assert ware.process_request(request) is None
    for _ in range(2):
        assert ware.process_exception(request, CannotResolveHostError("no results")) is None
    assert engine.closed == []
    ware.process_exception(request, CannotResolveHostError("no results"))
    ware.process_exception(request, CannotResolveHostError("no results"))  # closing already
    assert engine.closed == ["unreachable"]
    stats = ware.crawler.stats
    assert stats is not None
    assert stats.get_value("network/unreachable") == (
        "no network or DNS: could not resolve www.example-news.test"
    )
    assert stats.get_value("network/unreachable/dns") == 3
    # Requests that waited for robots.txt would each wait their turn to fail: dropped.
    with pytest.raises(IgnoreRequest):
        ware.process_request(Request("https://www.example-news.test/"))


def test_a_host_that_answered_once_is_never_given_up_this_way() -> None:
    ware, engine = middleware(after=2)
    request = Request("https://news.test/")
    ware.process_response(request, Response(request.url, status=503, request=request))
    for _ in range(5):
        ware.process_exception(request, error.ConnectionRefusedError())
    assert engine.closed == []
