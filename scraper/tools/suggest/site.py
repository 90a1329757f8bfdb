"""Facts about the site as a whole: its hosts, time zone, sitemaps, feeds and on-site links."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml.html import HtmlElement

from scraper.crawl.discovery import robots_sitemaps
from scraper.extract.selectors import select
from scraper.profiles import Profile
from scraper.urls import canonicalize_url

_TIMEZONE = re.compile(r'"(?:timezone|timeZone|time_zone|tz)"\s*:\s*"([A-Za-z]+(?:\\?/[\w+-]+)+)"')
_FEED_TYPES = ("application/rss+xml", "application/atom+xml")


def is_ip(host: str) -> bool:
    """True for an IP address, which has no `www.` twin to list among the hosts."""
    return host.replace(".", "").isdigit() or ":" in host


def timezone(pages: Iterable[str]) -> str | None:
    """An IANA zone the pages name in their scripts' settings, when they name exactly one."""
    found = set()
    for html in pages:
        for match in _TIMEZONE.finditer(html):
            name = match.group(1).replace("\\/", "/")
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            found.add(name)
    return found.pop() if len(found) == 1 else None


def local_path(url: str, base: Profile) -> str | None:
    """The path (and query) of a URL on the site's hosts, else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not base.owns(url):
        return None
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def sitemaps(robots_txt: str | None, base: Profile) -> list[str]:
    """Paths of the on-site sitemaps robots.txt names."""
    if not robots_txt:
        return []
    paths = (local_path(u, base) for u in robots_sitemaps(robots_txt.encode("utf-8")))
    return list(dict.fromkeys(p for p in paths if p))


def feeds(home: HtmlElement, home_url: str, base: Profile) -> list[str]:
    """Site feeds the home page announces (comment feeds left out)."""
    paths = []
    for link in home.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES and link.get("href"):
            path = local_path(urljoin(home_url, link.get("href").strip()), base)
            if path and "comments" not in path:
                paths.append(path)
    return list(dict.fromkeys(paths))


def links(tree: HtmlElement, page_url: str, base: Profile, css: str = "a[href]") -> list[str]:
    """Canonical on-site URLs the page links to, in page order."""
    urls = []
    for a in select(tree, css):
        href = a.get("href", "").strip()
        if href and not href.startswith(("#", "mailto:", "javascript:", "tel:")):
            url = canonicalize_url(urljoin(page_url, href))
            if local_path(url, base):
                urls.append(url)
    return list(dict.fromkeys(urls))
