"""Teasers: the cards on listing pages and in related-articles blocks.

Blocks first (related/featured: the era's `[listing]` selectors, then class names and "À lire
aussi"-style headings), then the feed: the era's `card` selectors, else a generic detector
(repeated blocks that each hold links to one article of the same site, outside navigation and
page chrome). Each field is read the same way: profile selectors, then generic rules.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from scraper.extract.teasers.blocks import find_blocks
from scraper.extract.teasers.cards import read_teaser
from scraper.extract.teasers.page import Page
from scraper.items import Teaser
from scraper.profiles import Era, Profile

__all__ = ["extract_teasers"]


def extract_teasers(
    tree: HtmlElement,
    page_url: str,
    era: Era | None,
    *,
    page_is_article: bool,
    profile: Profile | None = None,
) -> list[Teaser]:
    """Every teaser card on the page, in page order.

    Article pages yield only their related/read-next blocks; listing pages yield the feed
    (kind "listing") plus featured and related blocks.
    """
    page = Page.build(tree, page_url, era, profile)
    blocks = find_blocks(tree, page, page_is_article)
    order = {el: i for i, el in enumerate(tree.iter())}
    found: list[tuple[int, Teaser]] = []
    for kind, cards in blocks:
        position = 0
        for card in cards:
            teaser = read_teaser(card, page, kind)
            if teaser is not None:
                position += 1
                teaser.position = position
                found.append((order.get(card, 0), teaser))
    found.sort(key=lambda pair: pair[0])
    return [teaser for _, teaser in found]
