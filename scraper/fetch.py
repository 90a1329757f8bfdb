"""A small polite fetcher for a handful of pages (profile suggestion), outside Scrapy.

It says who it is (our USER_AGENT), asks robots.txt first, follows redirects only to
http(s) URLs that robots.txt also allows, waits at most 20 s and reads at most 5 MiB.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from http.client import HTTPException, HTTPMessage
from typing import IO
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from scraper.extract.html import decode_html
from scraper.settings import ROBOTSTXT_CRAWL_DELAY_MAX, USER_AGENT
from scraper.urls import is_robots_txt

TIMEOUT = 20.0
MAX_BYTES = 5 * 1024 * 1024
DELAY = 1.0  # seconds between two requests to one origin: a site we do not know yet
_DISALLOW_ALL = ("User-agent: *", "Disallow: /")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class FetchError(Exception):
    """A page we could not or would not fetch; the message says why in one line."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Pass every redirect target through `check` (which raises FetchError to refuse it)."""

    def __init__(self, check: Callable[[str], object]) -> None:
        self.check = check

    def redirect_request(  # type: ignore[override]
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        self.check(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Fetch pages as text, one at a time and `delay` apart; robots.txt is read once and obeyed.

    Calling the fetcher with a site's `/robots.txt` URL returns that file's text (or None
    when the site has none), so callers that need its `Sitemap:` lines fetch nothing twice.
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        delay: float = DELAY,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotFileParser, str | None]] = {}
        self._page_opener = urllib.request.build_opener(_Redirects(self.check))
        # robots.txt itself may redirect anywhere on http(s), robots rules do not apply to it.
        self._robots_opener = urllib.request.build_opener(_Redirects(_origin))

    def __call__(self, url: str) -> str | None:
        """The page at `url` as text; None for the robots.txt of a site that has none.

        Raises FetchError for non-http(s) URLs, robots.txt refusals, HTTP errors, network
        errors and pages over the size cap.
        """
        origin = _origin(url)
        if is_robots_txt(url):
            return self._robots_for(origin)[1]
        self.check(url)
        status, body, headers = self._get(url, self._page_opener)
        if status >= 400:
            raise FetchError(f"HTTP {status} for {url}")
        kind = headers.get_content_type() if headers.get("Content-Type") else "text/html"
        if kind not in _HTML_TYPES:
            raise FetchError(f"{url} is {kind}, not an HTML page")
        return decode_html(body, headers.get_content_charset())

    def check(self, url: str) -> None:
        """Raise FetchError unless `url` is http(s) and robots.txt lets us fetch it."""
        parser, _ = self._robots_for(_origin(url))
        if not parser.can_fetch(self.user_agent, url):
            raise FetchError(f"robots.txt disallows {url}")

    def _robots_for(self, origin: str) -> tuple[RobotFileParser, str | None]:
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        return self._robots[origin]

    def _read_robots(self, origin: str) -> tuple[RobotFileParser, str | None]:
        # Conventions of urllib.robotparser and Google: 401/403 forbid everything, other 4xx
        # allow everything; a server error or no answer forbids everything (we cannot tell).
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            status, body, headers = self._get(origin + "/robots.txt", self._robots_opener)
        except FetchError:
            status, body, headers = 503, b"", Message()
        charset = headers.get_content_charset() or "utf-8"
        text = body.decode(charset, errors="replace") if status < 400 else None
        if text is not None:
            parser.parse(text.splitlines())
        elif status in (401, 403) or status >= 500:
            parser.parse(_DISALLOW_ALL)
        else:
            parser.parse([])
        return parser, text

    def _get(self, url: str, opener: urllib.request.OpenerDirector) -> tuple[int, bytes, Message]:
        """(status, body, headers); FetchError on network errors and oversize bodies."""
        self._wait(_origin(url))
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        )
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return response.status, self._read(response, url), response.headers
        except urllib.error.HTTPError as exc:
            return exc.code, b"", exc.headers
        except (urllib.error.URLError, HTTPException, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"cannot fetch {url}: {reason}") from exc

    def _wait(self, origin: str) -> None:
        """Sleep until `delay` seconds, or the Crawl-delay of the origin's robots.txt (up to
        ROBOTSTXT_CRAWL_DELAY_MAX), have passed since the last request to `origin`."""
        last = self._last.get(origin)
        if last is not None:
            robots = self._robots.get(origin)
            asked = robots[0].crawl_delay(self.user_agent) if robots else None
            delay = max(self.delay, min(float(asked or 0), ROBOTSTXT_CRAWL_DELAY_MAX))
            time.sleep(max(0.0, delay - (time.monotonic() - last)))
        self._last[origin] = time.monotonic()

    def _read(self, response: IO[bytes], url: str) -> bytes:
        body = response.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise FetchError(f"{url} is larger than {self.max_bytes} bytes")
        return body


def _origin(url: str) -> str:
    """`scheme://netloc` of an http(s) URL; FetchError for any other scheme."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
