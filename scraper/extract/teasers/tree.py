"""Small tree helpers: links, containment, document order, visible text, class words."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lxml.html import HtmlElement

from scraper.extract.text import (
    EDGE,
    NO_TEXT_TAGS,
    join_edges,
    ruby_annotation,
    screen_reader_only,
)

Skip = Callable[[HtmlElement], bool]

# fmt: off
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "ul", "ol", "li", "dl", "dd",
    "dt", "figure", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "nav", "main", "br", "hr"
})
# fmt: on
STRUCTURE_TAGS = BLOCK_TAGS - {"br", "hr"}
_HIDDEN_TAGS = NO_TEXT_TAGS | {"button", "form"}
_SHOWN = (":block", ":flex", ":inline", ":inline-block", ":inline-flex", ":grid", ":table")
# Per-post taxonomy classes (tag-newsletter, category-a-la-une) name a post, not a block.
TAXONOMY_PREFIX = ("tag-", "category-", "author-", "format-", "type-", "status-", "post-access-")
# Layout switches and per-post taxonomy classes say nothing about a zone.
_LAYOUT_PREFIX = ("has-", "no-", "is-", "with-", "layout-", "show-", *TAXONOMY_PREFIX)


def links_in(root: HtmlElement) -> list[HtmlElement]:
    """The links under `root` (itself included) that have an href."""
    return [a for a in root.iter("a") if a.get("href")]


def contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    """True when `inner` is `outer` or one of its descendants."""
    return inner is outer or any(a is outer for a in inner.iterancestors())


def doc_order(root: HtmlElement) -> Callable[[HtmlElement], int]:
    """A sort key: an element's position in `root`'s tree (0 when outside it)."""
    order = {el: i for i, el in enumerate(root.iter())}
    return lambda el: order.get(el, 0)


def hidden(el: HtmlElement) -> bool:
    """Whether an element is not shown: a script-like tag, a screen-reader-only or `hidden`
    class (unless a responsive class shows it: Tailwind's "hidden md:block"), the hidden
    attribute, or aria-hidden."""
    if not isinstance(el.tag, str) or el.tag in _HIDDEN_TAGS:
        return True
    classes = set((el.get("class") or "").split())
    shown_wider = any(c.endswith(_SHOWN) for c in classes)
    return (
        screen_reader_only(el)
        or ("hidden" in classes and not shown_wider)
        or el.get("hidden") is not None
        or (el.get("aria-hidden") == "true")
    )


def visible_text(el: HtmlElement, skip: Skip | None = None) -> str:
    """Visible text of an element: hidden parts, ruby's readings shown above the words and
    `skip`ped subtrees left out, blocks spaced."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is not el and (
            hidden(node)
            or (node.tag == "rt" and ruby_annotation(node))
            or (skip is not None and skip(node))
        ):
            return
        block = node.tag in BLOCK_TAGS
        parts.append(" " if block else EDGE)
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append(" " if block else EDGE)

    walk(el)
    return join_edges("".join(parts))


def class_words(el: HtmlElement, *, skip_layout: bool = False) -> frozenset[str]:
    """The words of an element's classes and id (`c-card__title` → c, card, title)."""
    return _label_words(f"{el.get('class', '')} {el.get('id', '')}", skip_layout)


@lru_cache(maxsize=4096)
def _label_words(label: str, skip_layout: bool) -> frozenset[str]:
    # Themes reuse a few dozen class strings on every card: split each once.
    words: set[str] = set()
    for token in label.lower().split():
        if skip_layout and token.startswith(_LAYOUT_PREFIX):
            continue
        words.update(w for w in re.split(r"[-_]+", token) if w)
    return frozenset(words)
