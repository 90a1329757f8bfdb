from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scraper.crawl.middlewares import retry_after_seconds

NOW = datetime(2025, 11, 27, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("3", 3.0),
        (" 120 ", 120.0),
        ("Thu, 27 Nov 2025 10:00:30 GMT", 30.0),
        ("Thu, 27 Nov 2025 09:00:00 GMT", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
    ],
)
def test_retry_after_seconds(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


def test_robots_txt_is_answered_from_the_first_fetch_only() -> None:
    from scrapy.http import Request, TextResponse

    from scraper.crawl.middlewares import RobotsTxtOnceMiddleware

    once = RobotsTxtOnceMiddleware()
    url = "https://news.example/robots.txt"
    first = Request(url)
    assert once.process_request(first) is None
    body = b"User-agent: *\nSitemap: https://news.example/sitemap.xml\n"
    once.process_response(first, TextResponse(url, body=body, request=first))
    again = Request(url, meta={"why": "sitemaps"})
    kept = once.process_request(again)
    assert kept is not None and kept.body == body and kept.request is again
    # Pages, and robots.txt answers that may change on a second ask, are never kept.
    page = Request("https://news.example/a/")
    once.process_response(page, TextResponse(page.url, body=b"<p>x</p>", request=page))
    assert once.process_request(page) is None
    other = Request("https://other.example/robots.txt")
    once.process_response(other, TextResponse(other.url, status=503, request=other))
    assert once.process_request(other) is None
