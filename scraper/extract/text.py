"""Text helpers shared by the extractors: whitespace and Unicode normalisation."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

# Runs of two or more whitespace characters, or one that is neither a space nor a no-break
# space: each becomes a single space (a lone NBSP / narrow NBSP is kept).
_SPACE = re.compile("\\s{2,}|[^\\S \u00a0\u202f]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# French typesetting: a lone no-break space before : ; ? ! » and after « is part of the text.
_KEEP = re.compile("[\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff]")


def normalize_space(text: str | None) -> str:
    """NFC; zero-width characters dropped; every whitespace run → one space, trimmed.

    A lone NBSP or narrow NBSP is kept as it is (« Titre\u00a0» stays exact as displayed);
    content hashes fold them away separately.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if not _KEEP.search(text):  # the common case, a split is ~10x faster than a regex
        return " ".join(text.split())
    return _SPACE.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


_RUN = re.compile(r"[\s\u00a0\u202f\u2007]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Characters that need the slow path: non-ASCII spaces and invisible ones.
_SPECIAL = re.compile(
    r"[\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
)


def shown_text(text: str | None) -> str:
    """Text as a reader sees it: NFC, zero-width and soft hyphens dropped, whitespace runs
    collapsed, but a lone typographic space (French `«\u00a0`, `\u202f?`) kept as written."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if not _SPECIAL.search(text):  # plain spaces only: the common case, no callback needed
        return " ".join(text.split())
    text = _INVISIBLE.sub("", text)

    def collapse(match: re.Match[str]) -> str:
        run = match.group(0)
        return run if len(run) == 1 and not run.isascii() else " "

    return _RUN.sub(collapse, text).strip()


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
    return shown_text("".join(parts))
