"""A small polite fetcher for a handful of pages (profile suggestion), outside Scrapy.

It says who it is (our USER_AGENT), asks robots.txt first, keeps to the crawl's outbound
policy (scraper.crawl.outbound: the site's hosts and ports, no private address for a public site,
checked on every redirect hop and on the address each connection reaches), follows
redirects only to URLs that robots.txt also allows, waits at most 20 s and reads at most 5 MiB.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from http.client import HTTPException, HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from scraper.crawl.outbound import OutboundPolicy, Refused
from scraper.crawl.settings import ROBOTSTXT_CRAWL_DELAY_MAX, USER_AGENT
from scraper.extract.html import decode_html
from scraper.urls import host_of, is_robots_txt, www_twin

TIMEOUT = 20.0
MAX_BYTES = 5 * 1024 * 1024
DELAY = 1.0  # seconds between two requests to one origin: a site we do not know yet
_DISALLOW_ALL = ("User-agent: *", "Disallow: /")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class FetchError(Exception):
    """A page we could not or would not fetch; the message says why in one line."""


class RefusedFetch(FetchError):
    """A fetch the outbound policy refuses: never taken for a site without robots.txt."""


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


def _checked(
    base: type[http.client.HTTPConnection], policy: OutboundPolicy
) -> Callable[..., http.client.HTTPConnection]:
    """A factory of `base` connections whose socket is checked against `policy` as soon as it
    connects, before a byte is sent: the address reached is judged, whatever DNS said before."""

    def make(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
        connection = base(*args, **kwargs)
        create = connection._create_connection  # type: ignore[attr-defined]

        def connect(*args: Any, **kwargs: Any) -> socket.socket:
            sock = create(*args, **kwargs)
            try:
                policy.check_address(connection.host, sock.getpeername()[0])
            except Refused:
                sock.close()
                raise
            return sock

        connection._create_connection = connect  # type: ignore[attr-defined]
        return connection

    return make


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, policy: OutboundPolicy) -> None:
        super().__init__()
        self.policy = policy

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_checked(http.client.HTTPConnection, self.policy), req)  # type: ignore[arg-type]


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, policy: OutboundPolicy) -> None:
        super().__init__()
        self.policy = policy

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = _checked(http.client.HTTPSConnection, self.policy)
        return self.do_open(connection, req, context=self._context)  # type: ignore[arg-type,attr-defined]


def site_policy(url: str) -> OutboundPolicy:
    """The outbound policy of the site at `url`: its host and the host's www twin."""
    host = host_of(url)
    return OutboundPolicy.for_site(url, (host, www_twin(host)))


class Fetcher:
    """Fetch pages of one site as text, one at a time and `delay` apart; robots.txt is read
    once and obeyed. The site is `policy`'s, else the site of the first URL asked for.

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
        policy: OutboundPolicy | None = None,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.policy = policy
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotFileParser, str | None]] = {}
        self._page_opener: urllib.request.OpenerDirector | None = None
        self._robots_opener: urllib.request.OpenerDirector | None = None

    def _bind(self, url: str) -> None:
        """Adopt the site of `url` when no policy was given, and build the openers that keep
        to the policy (robots.txt may redirect within the site, robots rules aside)."""
        if self._page_opener is not None:
            return
        policy = self.policy = self.policy or site_policy(url)

        def opener(check: Callable[[str], object]) -> urllib.request.OpenerDirector:
            handlers = (_CheckedHTTPHandler(policy), _CheckedHTTPSHandler(policy))
            return urllib.request.build_opener(*handlers, _Redirects(check))

        self._page_opener = opener(self.check)
        self._robots_opener = opener(self._allowed)

    def __call__(self, url: str) -> str | None:
        """The page at `url` as text; None for the robots.txt of a site that has none.

        Raises FetchError for non-http(s) URLs, URLs the outbound policy refuses, robots.txt
        refusals, HTTP errors, network errors and pages over the size cap.
        """
        origin = _origin(url)
        self._bind(url)
        if is_robots_txt(url):
            return self._robots_for(origin)[1]
        self.check(url)
        assert self._page_opener is not None
        status, body, headers = self._get(url, self._page_opener)
        if status >= 400:
            raise FetchError(f"HTTP {status} for {url}")
        kind = headers.get_content_type() if headers.get("Content-Type") else "text/html"
        if kind not in _HTML_TYPES:
            raise FetchError(f"{url} is {kind}, not an HTML page")
        return decode_html(body, headers.get_content_charset())

    def _allowed(self, url: str) -> None:
        """Raise FetchError unless the outbound policy lets us reach `url`."""
        _origin(url)
        assert self.policy is not None
        try:
            self.policy.check(url)
        except Refused as refusal:
            raise RefusedFetch(str(refusal)) from None

    def check(self, url: str) -> None:
        """Raise FetchError unless the outbound policy and robots.txt let us fetch `url`."""
        self._allowed(url)
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
        assert self._robots_opener is not None
        try:
            self._allowed(origin + "/robots.txt")
            status, body, headers = self._get(origin + "/robots.txt", self._robots_opener)
        except RefusedFetch:
            raise
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
        except Refused as refusal:
            raise RefusedFetch(str(refusal)) from None
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
