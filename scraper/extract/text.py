"""Text helpers shared by the extractors: whitespace and Unicode normalisation."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

_SPACE = re.compile(r"[\s\u00a0\u202f\u2007\u200b\ufeff]+")


def normalize_space(text: str | None) -> str:
    """NFC, every run of whitespace (NBSP, narrow NBSP, zero-width) → one space, trimmed."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def node_text(node: HtmlElement) -> str:
    """Visible text of an element, whitespace-normalised."""
    return normalize_space(node.text_content())


# Block-level tags: a heading left unclosed swallows them, and its text must stop there.
_BLOCK_CHILDREN = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "main",
        "aside",
        "nav",
        "figure",
        "form",
    }
)


def heading_text(node: HtmlElement) -> str:
    """Text of a heading, stopping at the first block child (an unclosed <h1> swallows the
    rest of the page in lenient parsers)."""
    if not any(child.tag in _BLOCK_CHILDREN for child in node.iterdescendants()):
        return node_text(node)
    parts = [node.text or ""]
    for child in node:
        if child.tag in _BLOCK_CHILDREN or any(
            d.tag in _BLOCK_CHILDREN for d in child.iterdescendants()
        ):
            break
        parts.append(child.text_content())
        parts.append(child.tail or "")
    return normalize_space("".join(parts))
