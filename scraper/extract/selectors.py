"""Apply a site profile's CSS selectors to a parsed page."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

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

    On a whole page, a selector needing a class, id or attribute value the page lacks is
    answered without walking the tree; under a small element (a card) the walk is cheaper
    than that check.
    """
    if node.getparent() is None and not _may_match(node, selector):
        return []
    return compile_css(selector)(node)


class _Needs(NamedTuple):
    classes: frozenset[str]  # class names the part requires
    ids: frozenset[str]
    # (attribute, text) pairs: texts its attribute tests ([class*=…], [href*=…],
    # [itemprop=…]) require within some value of that attribute
    in_attrs: frozenset[tuple[str, str]]


_ATTRIBUTE_TEST = re.compile(r"\[([\w-]+)\s*[*~^$|]?=\s*[\"']?([^\"'\]]+)[\"']?\s*\]")


@cache
def _needs(selector: str) -> tuple[_Needs, ...]:
    """Per comma-separated part: what it requires to exist in the page."""
    if ":not(" in selector or "\\" in selector:
        return (_Needs(frozenset(), frozenset(), frozenset()),)
    parts = []
    for part in selector.split(","):
        in_attrs = frozenset((a.lower(), text) for a, text in _ATTRIBUTE_TEST.findall(part))
        part = re.sub(r"\[[^\]]*\]", "", part)  # attribute values may hold dots
        classes = frozenset(re.findall(r"\.([\w-]+)", part))
        parts.append(_Needs(classes, frozenset(re.findall(r"#([\w-]+)", part)), in_attrs))
    return tuple(parts)


class _Index:
    """Every class under a node; its ids and other attributes' values (one per line), read
    only when a selector asks for them (no generic selector names an id)."""

    __slots__ = ("_ids", "_values", "classes", "node")

    def __init__(self, node: HtmlElement) -> None:
        self.node = node
        self._values: dict[str, str] = {}
        self.classes = frozenset(self.values("class").split())
        self._ids: frozenset[str] | None = None

    @property
    def ids(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = frozenset(_values_of("id")(self.node))
        return self._ids

    def values(self, attribute: str) -> str:
        """Every value of `attribute` under the node, one per line."""
        if attribute not in self._values:
            self._values[attribute] = "\n".join(_values_of(attribute)(self.node))
        return self._values[attribute]


_INDEX: list[tuple[HtmlElement, _Index]] = []


@cache
def _values_of(attribute: str) -> etree.XPath:
    """An XPath reading every value of `attribute` under a node, as plain strings: lxml's
    default "smart" ones each carry their element, which costs more than the lookup itself
    on a page of thousands of elements."""
    return etree.XPath(f"descendant-or-self::*/@{attribute}", smart_strings=False)


def _index(node: HtmlElement) -> _Index:
    """Every class and id under `node` (cached for the last few nodes)."""
    for cached, index in _INDEX:
        if cached is node:
            return index
    index = _Index(node)
    _INDEX.insert(0, (node, index))
    del _INDEX[4:]
    return index


def _page_index(node: HtmlElement) -> _Index:
    """The index of the whole page `node` belongs to."""
    return _index(node.getroottree().getroot())


def _may_match(node: HtmlElement, selector: str, index: _Index | None = None) -> bool:
    """False when the page (or `index`'s subtree) lacks a class or id the selector needs:
    skips the XPath walk."""
    needs = _needs(selector)
    if all(not (n.classes or n.ids or n.in_attrs) for n in needs):
        return True
    found = index or _page_index(node)
    return any(
        n.classes <= found.classes
        and all(text in found.values(attribute) for attribute, text in n.in_attrs)
        and (not n.ids or n.ids <= found.ids)
        for n in needs
    )


def applicable(tree: HtmlElement, selectors: tuple[str, ...]) -> tuple[str, ...]:
    """The selectors that can match somewhere on this page (the rest need a missing class/id)."""
    return tuple(s for s in selectors if _may_match(tree, s))


def applicable_under(node: HtmlElement, selectors: tuple[str, ...]) -> tuple[str, ...]:
    """The selectors that can match under `node`: one pass over its classes and ids instead of
    a walk per selector (for long lists of guesses, most of which a page lacks)."""
    index = _index(node)
    return tuple(s for s in selectors if _may_match(node, s, index))


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
