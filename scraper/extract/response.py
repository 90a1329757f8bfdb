"""A fetched page, read: its extraction, its links and the feeds it announces.

One reading for every source of pages (a live crawl, a re-extraction of captured responses, a
WARC import), so that the same bytes always give the same items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scraper.errors import describe
from scraper.extract.html import MAX_LINKS, MAX_PAGE_BYTES, is_binary, parse_html
from scraper.extract.page import extract_page
from scraper.items import Article, Listing
from scraper.profiles import Profile

_FEED_LINKS = "//link[@rel='alternate'][contains(@type, 'rss') or contains(@type, 'atom')]/@href"
_CHARSET = re.compile(r"charset=([\w-]+)")


class Unreadable(Exception):  # noqa: N818  # a page, not an error of ours
    """A page that gives nothing: `kind` names why (binary, extract_failed)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


@dataclass
class Reading:
    """What one page gave: an article, a listing or nothing, and the links to follow."""

    page: Article | Listing | None
    links: list[str] = field(default_factory=list)  # hrefs in page order, at most MAX_LINKS
    feeds: list[str] = field(default_factory=list)  # hrefs of announced RSS/Atom feeds
    all_links: int = 0  # before the MAX_LINKS cap
    truncated: bool = False  # over MAX_PAGE_BYTES: only those were read


def read_page(
    body: bytes,
    url: str,
    content_type: str | None,
    profile: Profile | None,
    *,
    follow: bool = True,
) -> Reading:
    """Extract a page served with `content_type` (its charset is a hint) at `url`; with
    `follow`, also its links and feeds (a crawl follows them; a WARC import has no use).

    Raises Unreadable for a binary payload or a page whose extraction raised: one hostile
    page must not stop the source that feeds it.
    """
    if is_binary(body):  # served as a page, but no text: an image, random bytes
        raise Unreadable("binary", "a binary payload")
    charset = _CHARSET.search(content_type or "")
    try:
        tree = parse_html(body, charset.group(1) if charset else None)
        # Links first: extraction may prune the tree.
        links = list(dict.fromkeys(tree.xpath("//a/@href"))) if follow else []
        feeds = tree.xpath(_FEED_LINKS) if follow else []
        page = extract_page(tree, url, profile)
    except Exception as exc:  # noqa: BLE001
        raise Unreadable("extract_failed", describe(exc)) from None
    return Reading(
        page,
        links[:MAX_LINKS],
        feeds,
        all_links=len(links),
        truncated=len(body) > MAX_PAGE_BYTES,
    )
