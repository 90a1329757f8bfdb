"""Apply a site profile's CSS selectors to a parsed page."""

from __future__ import annotations

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
    """Elements under `node` matching a CSS selector, in document order."""
    return compile_css(selector)(node)


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
