"""Text helpers shared by the extractors: whitespace and Unicode normalisation."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

# Characters that need the slow path: non-ASCII spaces and invisible ones.
_SPECIAL = re.compile("[\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A run of two or more whitespace characters, or a lone line break, tab or separator: one
# space. A lone typographic space (NBSP, narrow NBSP, thin space) is left as written.
_RUN = re.compile("\\s{2,}|[\t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]")


def normalize_space(text: str | None) -> str:
    """Text as a reader sees it: NFC, zero-width characters and soft hyphens dropped,
    whitespace runs collapsed to one space and trimmed.

    A lone typographic space is kept (French « Titre\u00a0», `\u202f?`): the text stays
    exact as displayed; content hashes fold these spaces away separately.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if not _SPECIAL.search(text):  # plain spaces only: the common case, a split is fastest
        return " ".join(text.split())
    return _RUN.sub(" ", _INVISIBLE.sub("", text)).strip()


def node_text(node: HtmlElement) -> str:
    """Visible text of an element, whitespace-normalised."""
    return normalize_space(node.text_content())


# Block-level tags: a heading left unclosed swallows them, and its text must stop there.
# Parts of a heading nobody sees: text only screen readers get.
_NOT_HEADLINE = re.compile(
    r"offscreen|a11y-hidden|sr-only|screen-reader|visually-hidden|visuallyhidden",
    re.IGNORECASE,
)
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
    """The headline a heading shows: its text up to the first block child (an unclosed <h1>
    swallows the rest of the page in lenient parsers), without screen-reader-only parts."""
    parts = [node.text or ""]
    for child in node:
        if child.tag in _BLOCK_CHILDREN or any(
            d.tag in _BLOCK_CHILDREN for d in child.iterdescendants()
        ):
            break
        if not (isinstance(child.tag, str) and _NOT_HEADLINE.search(child.get("class") or "")):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return normalize_space("".join(parts))
