"""Blocks: which groups of cards the page holds (related and featured blocks, then the feed)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lxml.html import HtmlElement

from scraper.extract.selectors import select
from scraper.extract.teasers.groups import generic_groups, profile_cards
from scraper.extract.teasers.page import Page
from scraper.extract.teasers.tree import (
    TAXONOMY_PREFIX,
    Skip,
    contains,
    doc_order,
    links_in,
    visible_text,
)
from scraper.extract.text import HEADING_TAGS
from scraper.extract.vocabulary import FEATURED_CLASS, RELATED_CLASS, RELATED_PHRASE

_CONTAINER_TAGS = frozenset({"div", "section", "aside", "nav", "ul", "ol", "footer", "main"})


# A single card on a listing page is a teaser when it shows a heading, or is an <article>
# (a card without a headline, its excerpt standing for it, is still an article's card).
_LONE_CARD_MARKS = frozenset({*HEADING_TAGS, "article"})


def find_blocks(
    tree: HtmlElement, page: Page, page_is_article: bool
) -> list[tuple[str, list[HtmlElement]]]:
    """(kind, cards) per block: related and featured containers first, then the feed."""
    blocks: list[tuple[str, list[HtmlElement]]] = []
    claimed: list[HtmlElement] = []
    for kind, container, explicit in _containers(tree, page):
        cards = _cards_in(container, page, single_ok=explicit)
        if cards:
            blocks.append((kind, cards))
            claimed.append(container)
    if page_is_article and any(kind == "related" for kind, _ in blocks):
        return [(kind, cards) for kind, cards in blocks if kind == "related"]
    if page_is_article:
        blocks = []

    skip = _within(claimed)
    if page_is_article:
        # The article's own text, and the article itself, hold links but no teasers.
        body = [el for sel in page.body_rules for el in select(tree, sel)]
        skip = _within([*claimed, *body], around=body)
    feed_kind = "related" if page_is_article else "listing"
    cards = profile_cards(tree, page, skip)
    if cards:
        blocks.append((feed_kind, cards))
    elif page_is_article:
        groups = generic_groups(tree, page, 2, skip, plain_ok=False)
        blocks += [("related", group) for group in groups]
    else:
        groups = generic_groups(tree, page, 2, skip, plain_ok=False)
        if not groups:  # the last page of a listing may show a single card
            lone = generic_groups(tree, page, 1, skip, plain_ok=False)
            groups = [g for g in lone if any(h.tag in _LONE_CARD_MARKS for h in g[0].iter())]
        # One feed, numbered in page order (Casper sets its first cards apart by class).
        cards = sorted((c for group in groups for c in group), key=doc_order(tree))
        blocks.append(("listing", cards))
    return blocks


def _containers(tree: HtmlElement, page: Page) -> list[tuple[str, HtmlElement, bool]]:
    """Related and featured blocks: profile selectors, then class names and block headings."""
    found: list[tuple[str, HtmlElement, bool]] = []
    for kind in ("related", "featured"):
        for sel in page.rules.get(kind, ()):
            found += [(kind, el, True) for el in select(tree, sel)]
    for el in tree.iter(*_CONTAINER_TAGS):
        named = _block_kind(f"{el.get('class', '')} {el.get('id', '')}")
        if named:
            found.append((named, el, False))
    for heading in tree.iter(*HEADING_TAGS[1:]):
        if RELATED_PHRASE.match(visible_text(heading).lstrip("→»> ")):
            container = _heading_container(heading, page)
            if container is not None:
                found.append(("related", container, True))
    kept: list[tuple[str, HtmlElement, bool]] = []
    for kind, el, explicit in found:
        if any(contains(k, el) or contains(el, k) for _, k, _ in kept):
            continue
        total = len(_article_keys(tree, page)) if kind == "featured" else 0
        count = 0 if explicit else _plausible_size(el, page, kind, total)
        if explicit or count:
            kept.append((kind, el, explicit or count == 1))
    return kept


@lru_cache(maxsize=4096)
def _block_kind(label: str) -> str | None:
    """ "related" or "featured" when an element's classes/id name such a block."""
    # `featured` alone is Ghost's post_class on one card; tag-x & co. name a post's taxonomy.
    tokens = [
        t for t in label.lower().split() if t != "featured" and not t.startswith(TAXONOMY_PREFIX)
    ]
    if any(RELATED_CLASS.search(t) for t in tokens):
        return "related"
    if any(FEATURED_CLASS.search(t) for t in tokens):
        return "featured"
    return None


def _heading_container(heading: HtmlElement, page: Page) -> HtmlElement | None:
    """The nearest ancestor of a "Read next" heading that also holds article links."""
    node = heading
    for _ in range(4):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
        if node.find(".//h1") is not None or node.find(".//main") is not None:
            return None
        links = [a for a in node.iter("a") if not contains(heading, a)]
        if any(page.content_url(a.get("href"), strict=False) for a in links):
            return node
    return None


def _plausible_size(el: HtmlElement, page: Page, kind: str, total: int) -> int:
    """How many articles a block guessed from its class holds; 0 when it is not a block.

    Not the page's main area; a featured block is smaller than the rest of the page (a wrapper
    named `has-hero` that holds the whole feed is not one); a one-article block must wrap a
    whole card (its parent shows other articles), not sit inside one (`div.featured-image`).
    """
    if el.find(".//h1") is not None or el.find(".//main") is not None:
        return 0
    count = len(_article_keys(el, page))
    if kind == "featured" and 2 * count > total:
        return 0
    parent = el.getparent()
    if count == 1 and (parent is None or len(_article_keys(parent, page)) <= 1):
        return 0
    return count


def _article_keys(root: HtmlElement, page: Page) -> set[str]:
    """The articles an element links to (asked for each candidate block and its parent)."""
    if root not in page.keys_cache:
        keys = {page.content_url(a.get("href"), strict=True) for a in links_in(root)}
        keys.discard(None)
        page.keys_cache[root] = keys  # type: ignore[assignment]
    return page.keys_cache[root]


def _cards_in(container: HtmlElement, page: Page, *, single_ok: bool) -> list[HtmlElement]:
    """Cards of one block: profile card selectors inside it, else generic detection.

    A recognised block is trusted: page-chrome zones (its own `*-header` wrapper) do not apply.
    """
    cards = profile_cards(container, page, _nothing, zones=False)
    if cards:
        return cards
    groups = generic_groups(container, page, 1 if single_ok else 2, _nothing, zones=False)
    return sorted((c for group in groups for c in group), key=doc_order(container))


def _within(roots: Iterable[HtmlElement], around: Iterable[HtmlElement] = ()) -> Skip:
    """A test for elements inside one of `roots`, or holding one of `around`."""
    roots, around = list(roots), list(around)
    return lambda el: any(contains(r, el) for r in roots) or any(contains(el, r) for r in around)


def _nothing(el: HtmlElement) -> bool:
    return False
