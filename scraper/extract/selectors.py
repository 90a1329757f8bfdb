"""Apply a site profile's CSS selectors to a parsed page."""

from __future__ import annotations

import re
from functools import cache

from cssselect import GenericTranslator, SelectorError
from lxml import etree
from lxml.html import HtmlElement

from scraper.profiles import Era, Profile

_translator = GenericTranslator()


@cache
def compile_css(selector: str) -> etree.XPath:
    """A CSS selector compiled once to an XPath; ValueError names a bad selector."""
    try:
        return etree.XPath(_translator.css_to_xpath(selector))
    except SelectorError as exc:
        raise ValueError(f"bad CSS selector {selector!r}: {exc}") from exc


def select(node: HtmlElement, selector: str) -> list[HtmlElement]:
    """Elements under `node` matching a CSS selector, in document order.

    On a whole page, a selector naming a class or id the page lacks is answered without
    walking the tree; under a small element (a card) the walk is cheaper than that check.
    """
    if node.getparent() is None and not _may_match(node, selector):
        return []
    return compile_css(selector)(node)


@cache
def _needs(selector: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per comma-separated part: the class names and ids it requires to exist in the page."""
    if ":not(" in selector or "\\" in selector:
        return ((frozenset(), frozenset()),)
    parts = []
    for part in selector.split(","):
        part = re.sub(r"\[[^\]]*\]", "", part)  # attribute values may hold dots
        parts.append(
            (frozenset(re.findall(r"\.([\w-]+)", part)), frozenset(re.findall(r"#([\w-]+)", part)))
        )
    return tuple(parts)


_INDEX: list[tuple[HtmlElement, frozenset[str], frozenset[str]]] = []


def _page_index(node: HtmlElement) -> tuple[frozenset[str], frozenset[str]]:
    """Every class token and id on the page (cached for the last few pages)."""
    for cached_root, classes, ids in _INDEX:
        if cached_root is node:
            return classes, ids
    root = node.getroottree().getroot()
    for cached_root, classes, ids in _INDEX:
        if cached_root is root:
            return classes, ids
    classes = frozenset(" ".join(root.xpath("//@class")).split())
    ids = frozenset(str(i) for i in root.xpath("//@id"))
    _INDEX.insert(0, (root, classes, ids))
    del _INDEX[4:]
    return classes, ids


def _may_match(node: HtmlElement, selector: str) -> bool:
    """False when the page lacks a class or id the selector needs: skips the XPath walk."""
    needs = _needs(selector)
    if all(not c and not i for c, i in needs):
        return True
    classes, ids = _page_index(node)
    return any(c <= classes and i <= ids for c, i in needs)


def applicable(tree: HtmlElement, selectors: tuple[str, ...]) -> tuple[str, ...]:
    """The selectors that can match somewhere on this page (the rest need a missing class/id)."""
    return tuple(s for s in selectors if _may_match(tree, s))


def select_first(node: HtmlElement, selectors: tuple[str, ...]) -> list[HtmlElement]:
    """The matches of the first selector (in profile order) that matches anything."""
    for selector in selectors:
        found = select(node, selector)
        if found:
            return found
    return []


def detect_era(tree: HtmlElement, profile: Profile | None) -> Era | None:
    """The profile's layout era whose `detect` selectors match this page, if any."""
    if profile is None:
        return None
    for era in profile.eras:
        if any(select(tree, s) for s in era.detect):
            return era
    return None
