"""Cards in an area: the era's `card` selectors, else repeated blocks of article links.

Either way, cards in navigation, sidebars and page chrome are left out.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.selectors import select
from scraper.extract.teasers.page import Page
from scraper.extract.teasers.tree import (
    BLOCK_TAGS,
    STRUCTURE_TAGS,
    TAXONOMY_PREFIX,
    Skip,
    class_words,
    doc_order,
    links_in,
    visible_text,
)
from scraper.extract.text import HEADING_TAGS

_CARD_TAGS = frozenset({"article", "li", "div", "section", "aside", "figure", "a", "dd"})

# Class/id words (split on - and _) that mark page chrome; header/footer only outside main
# content. The navigation words and roles mark what links elsewhere: menus, sidebars, comments.
# fmt: off
_NAVIGATION_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "sidebar", "comments", "comment",
})
_ZONE_WORDS = _NAVIGATION_WORDS | frozenset({
    "breadcrumb", "breadcrumbs", "pagination", "pager", "share", "sharing", "sharedaddy",
    "social", "widget", "widgets", "cookie", "cookies", "newsletter", "subscribe", "tagcloud",
    "masthead", "topbar"
})
# fmt: on
_CHROME_WORDS = frozenset({"header", "footer"})
_NAVIGATION_ROLES = frozenset({"navigation", "search", "menu", "menubar"})
_ZONE_ROLES = _NAVIGATION_ROLES | frozenset({"banner", "contentinfo", "dialog", "alertdialog"})


def profile_cards(
    root: HtmlElement, page: Page, skip: Skip, *, zones: bool = True
) -> list[HtmlElement]:
    """Matches of the first `card` selector that yields usable cards outside skipped areas."""
    for sel in page.rules.get("card", ()):
        cards = [
            el
            for el in select(root, sel)
            if not skip(el) and not (zones and _in_zone(el, root, page)) and _one_target(el, page)
        ]
        chosen = set(cards)
        outer = [c for c in cards if not any(a in chosen for a in c.iterancestors())]
        if outer:
            return outer
    return []


def _one_target(card: HtmlElement, page: Page) -> bool:
    """True when a card links to exactly one page of the site (author/tag links aside)."""
    keys = {page.content_url(a.get("href"), strict=False) for a in links_in(card)}
    keys.discard(None)
    return len(keys) == 1


def generic_groups(
    root: HtmlElement,
    page: Page,
    min_size: int,
    skip: Skip,
    *,
    plain_ok: bool = True,
    zones: bool = True,
) -> list[list[HtmlElement]]:
    """Repeated blocks under `root` that each hold links to exactly one article of the site.

    A card is the highest ancestor of an article link whose links all name that article;
    cards of the same shape under parents of the same shape form a group. Without
    `plain_ok`, lists of bare links (menus, "most read" lists) are not groups of cards.
    """
    under: dict[HtmlElement, set[str]] = {}
    links: list[tuple[HtmlElement, str]] = []
    for a in links_in(root):
        url = page.content_url(a.get("href"), strict=True)
        if url is None or skip(a):
            continue
        links.append((a, url))
        for anc in a.iterancestors():
            under.setdefault(anc, set()).add(url)
            if anc is root:
                break
    cards: dict[HtmlElement, None] = {}
    for a, url in links:
        card = a
        while True:
            parent = card.getparent()
            if parent is None or parent is root or under.get(parent) != {url}:
                break
            if parent.tag in ("main", "body") or parent.find(".//h1") is not None:
                break  # a lone card must not swallow the page around it
            card = parent
        if _card_shaped(card) and not (zones and _in_zone(card, root, page)):
            cards[card] = None
    groups: dict[tuple, list[HtmlElement]] = {}
    for card in cards:
        groups.setdefault((_shape(card), _shape(card.getparent())), []).append(card)
    by_key = {
        key: g
        for key, g in groups.items()
        if len(g) >= min_size and (plain_ok or 2 * sum(map(_rich, g)) >= len(g))
    }
    kept = list(by_key.values())
    # A card styled apart (Casper's large first card) still belongs to its siblings' group,
    # and so does the lone card of a grid's last row (it climbed up to its row).
    by_parent = {c.getparent(): g for g in kept for c in g}
    for group in groups.values():
        if len(group) >= min_size:
            continue
        for card in group:
            if card.getparent() in by_parent:
                by_parent[card.getparent()].append(card)
                continue
            inner = (
                d
                for d in card.iterdescendants(etree.Element)
                if (_shape(d), _shape(d.getparent())) in by_key
            )
            found = next(inner, None)
            if found is not None:
                by_key[(_shape(found), _shape(found.getparent()))].append(found)
    order = doc_order(root)
    return sorted((sorted(g, key=order) for g in kept), key=lambda g: order(g[0]))


def _rich(card: HtmlElement) -> bool:
    """A card shows more than a bare link: a heading, an image, a date or text of its own."""
    if any(d.tag in (*HEADING_TAGS, "img", "picture", "time") for d in card.iter(etree.Element)):
        return True
    link_text = sum(len(visible_text(a)) for a in links_in(card))
    return len(visible_text(card)) > link_text + 1 or any(
        d.tag in STRUCTURE_TAGS for a in links_in(card) for d in a.iterdescendants()
    )


def _card_shaped(card: HtmlElement) -> bool:
    if card.tag not in _CARD_TAGS or card.find(".//h1") is not None:
        return False
    if card.tag == "a":
        return (
            any(d.tag in BLOCK_TAGS or d.tag == "img" for d in card.iterdescendants())
            or len(visible_text(card).split()) >= 3
        )
    return True


def _shape(el: HtmlElement | None) -> tuple[str, frozenset[str]]:
    """Tag and layout classes of an element (per-post classes like tag-x or post-123 dropped)."""
    if el is None:
        return ("", frozenset())
    tokens = {
        t
        for t in (el.get("class") or "").split()
        if not re.search(r"\d", t)
        and not t.startswith((*TAXONOMY_PREFIX, "has-", "no-"))
        and t not in ("featured", "sticky", "hentry", "first", "last", "odd", "even", "active")
    }
    return (str(el.tag), frozenset(tokens))


def _in_zone(card: HtmlElement, root: HtmlElement, page: Page) -> bool:
    """True when the card or an ancestor below `root` is navigation, sidebar or page chrome."""
    chain = [card, *(a for a in card.iterancestors())]
    if root in chain:
        chain = chain[: chain.index(root)]
    for i, el in enumerate(chain):
        if el not in page.zone_cache:
            page.zone_cache[el] = _is_zone(el, chain[i + 1 :])
        if page.zone_cache[el]:
            return True
    return False


def in_navigation(node: HtmlElement) -> bool:
    """True when an element sits in a menu, a sidebar or comments: a link there ("Our
    authors", "My profile", a commenter's page) is the site's or a reader's, not the story's."""
    for el in (node, *node.iterancestors()):
        role = (el.get("role") or "").lower()
        if el.tag == "nav" or role in _NAVIGATION_ROLES:
            return True
        if class_words(el, skip_layout=True) & _NAVIGATION_WORDS and _not_layout(el):
            return True
    return False


def _not_layout(el: HtmlElement) -> bool:
    """Layout wrappers named after a sidebar or menu still hold the main content."""
    return el.find(".//main") is None and el.find(".//h1") is None


def _is_zone(el: HtmlElement, ancestors: list[HtmlElement]) -> bool:
    if el.tag in ("nav", "form") or (el.get("role") or "").lower() in _ZONE_ROLES:
        return True
    in_content = any(a.tag in ("main", "article") for a in ancestors)
    if el.tag in ("header", "footer") and not in_content:
        return True
    words = class_words(el, skip_layout=True)
    if not (words & _ZONE_WORDS or (words & _CHROME_WORDS and not in_content)):
        return False
    return _not_layout(el)
