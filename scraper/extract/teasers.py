"""Teasers: the cards on listing pages and in related-articles blocks (placeholder, being written)."""

from __future__ import annotations

from lxml.html import HtmlElement

from scraper.items import Teaser
from scraper.profiles import Era


def extract_teasers(
    tree: HtmlElement, page_url: str, era: Era | None, *, page_is_article: bool
) -> list[Teaser]:
    """Every teaser card on the page, in page order (not yet implemented: returns none)."""
    return []
