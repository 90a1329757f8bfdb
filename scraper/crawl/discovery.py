"""URL sources other than pages: sitemaps, RSS/Atom feeds and robots.txt `Sitemap:` lines.

Pure functions over bytes. XML is parsed without entity resolution or network access
(XXE and billion-laughs safe), and gzip bodies are inflated with a size bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from scraper.extract.dates import parse_date, utc_instant


@dataclass(frozen=True)
class FeedEntry:
    """One URL announced by a sitemap or feed, with the date it says the page last changed."""

    url: str
    lastmod: str | None = None


def normalize_lastmod(value: str | None) -> str | None:
    """A sitemap/feed date as UTC ISO text, so dates from any source compare as strings."""
    iso = parse_date(value) if value else None
    if not iso or len(iso) == 10:
        return iso
    instant = utc_instant(iso)
    return instant.isoformat(timespec="seconds") if instant else None


def _xml_body(body: bytes, max_size: int) -> bytes:
    if body[:2] == b"\x1f\x8b":
        return gunzip(body, max_size=max_size)
    return body


def parse_sitemap(
    body: bytes, *, max_size: int = 60 * 1024 * 1024
) -> tuple[list[FeedEntry], list[FeedEntry]]:
    """(child sitemaps, page entries) of a sitemap index or urlset; ([], []) if unreadable."""
    try:
        sitemap = Sitemap(_xml_body(body, max_size))
    except (OSError, EOFError, ValueError, etree.LxmlError):  # truncated, oversized, malformed
        return [], []
    entries = [
        FeedEntry(e["loc"].strip(), normalize_lastmod(e.get("lastmod")))
        for e in sitemap
        if e.get("loc")
    ]
    if sitemap.type == "sitemapindex":
        return entries, []
    if sitemap.type == "urlset":
        return [], entries
    return [], []


_SAFE_XML = {
    "resolve_entities": False,
    "no_network": True,
    "recover": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse_feed(body: bytes) -> list[FeedEntry]:
    """Article links of an RSS 2.0 or Atom feed, with their updated/published dates."""
    try:
        root = etree.fromstring(body.strip(), parser=etree.XMLParser(**_SAFE_XML))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries: list[FeedEntry] = []
    for item in root.iter("{*}item", "{*}entry"):
        link = _link(item)
        if link:
            date = _first_text(item, ("updated", "modified", "pubDate", "published", "date"))
            entries.append(FeedEntry(link, normalize_lastmod(date)))
    return entries


def _link(item: etree._Element) -> str | None:
    for child in item:
        if etree.QName(child).localname != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if child.text and child.text.strip():
            return child.text.strip()
    return None


def _first_text(item: etree._Element, names: tuple[str, ...]) -> str | None:
    found = {
        etree.QName(c).localname: (c.text or "").strip() for c in item if isinstance(c.tag, str)
    }
    return next((found[n] for n in names if found.get(n)), None)


def robots_sitemaps(robots_txt: bytes) -> list[str]:
    """The `Sitemap:` URLs a robots.txt announces."""
    return list(sitemap_urls_from_robots(robots_txt))
