"""Content scoring for pages no profile knows: find the main text block by density.

A readability-style scorer on lxml: paragraphs vote for their parent and grandparent,
link-heavy and boilerplate-named containers lose, and the winner's sibling blocks that
score well join it. Class and id hints are words, not substrings ("share-bar" is
boilerplate, "shareholder" is not).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from scraper.extract.body import SKIP_TAGS

_WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_NEGATIVE = frozenset(
    [
        "comment",
        "comments",
        "commentlist",
        "disqus",
        "share",
        "shares",
        "sharing",
        "sharebar",
        "social",
        "sociable",
        "related",
        "relatedposts",
        "recommended",
        "recommendations",
        "recirc",
        "outbrain",
        "taboola",
        "sidebar",
        "aside",
        "footer",
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "promo",
        "promos",
        "promotion",
        "advert",
        "advertisement",
        "advertising",
        "ads",
        "ad",
        "adv",
        "adsense",
        "sponsor",
        "sponsored",
        "banner",
        "cookie",
        "cookies",
        "consent",
        "popup",
        "modal",
        "overlay",
        "widget",
        "widgets",
        "tags",
        "tagcloud",
        "byline",
        "author",
        "authors",
        "caption",
        "credit",
        "credits",
        "toolbar",
        "tools",
        "login",
        "pagination",
        "pager",
        "skip",
        "hidden",
        "sronly",
        "screenreader",
        "visuallyhidden",
        "masthead",
        "topbar",
        "trending",
        "popular",
        "mostread",
        "rating",
        "poll",
        "meta",
        "dateline",
        "timestamp",
        "headline",
        "kicker",
        "print",
        "email",
        "follow",
        "donate",
        "paywall",
        "sharedaddy",
        "addtoany",
        "gallery",
        "lightbox",
        "slideshow",
        "video",
        "player",
        "playlist",
        "embed",
        "teaser",
        "teasers",
        "more",
        "readmore",
        "moreonthis",
    ]
)
_NEGATIVE_PAIRS = frozenset(
    {
        ("sr", "only"),
        ("screen", "reader"),
        ("visually", "hidden"),
        ("most", "read"),
        ("read", "more"),
        ("read", "next"),
        ("more", "stories"),
        ("you", "may"),
        ("also", "like"),
    }
)
_POSITIVE = frozenset(
    [
        "article",
        "articlebody",
        "body",
        "content",
        "entry",
        "main",
        "post",
        "story",
        "text",
        "prose",
        "blog",
        "richtext",
        "storybody",
        "articletext",
        "paragraph",
    ]
)
_MODIFIERS = frozenset({"has", "no", "with", "without", "show", "hide", "is", "enable", "disable"})
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_BLOCK_TAGS = frozenset({"p", "pre", "td", "blockquote"})
_MIN_TEXT = 25


def hint(el: HtmlElement) -> int:
    """-1 when class/id words say boilerplate, +1 when they say content, else 0."""
    attrs = f"{el.get('class', '')} {el.get('id', '')}"
    if not attrs.strip():
        return 0
    words = [w.lower() for w in _WORD_SPLIT.split(attrs) if w]
    score = 0
    previous = ""
    for word in words:
        if previous not in _MODIFIERS and (
            word in _NEGATIVE or (previous, word) in _NEGATIVE_PAIRS
        ):
            return -1
        if word in _POSITIVE:
            score = 1
        previous = word
    return score


def _hidden(el: HtmlElement) -> bool:
    style = el.get("style")
    if style and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style):
        return True
    return el.get("hidden") is not None or el.get("aria-hidden") == "true"


def junk(root: HtmlElement) -> set[HtmlElement]:
    """Elements under `root` (and their descendants) that are boilerplate or invisible."""
    found: set[HtmlElement] = set()
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        parent = el.getparent()
        if (
            parent is not None
            and parent in found
            or tag in SKIP_TAGS
            or _hidden(el)
            or (tag not in _KEEP_TAGS and el is not root and hint(el) < 0)
        ):
            found.add(el)
    return found


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def _link_density(el: HtmlElement, length: int) -> float:
    if not length:
        return 1.0
    links = sum(_text_len(a) for a in el.iter("a"))
    return min(1.0, links / length)


def _own_text_len(el: HtmlElement) -> int:
    total = len((el.text or "").strip())
    for child in el:
        total += len((child.tail or "").strip())
    return total


def find_content(tree: HtmlElement, skip: set[HtmlElement]) -> list[HtmlElement]:
    """The element(s) holding the main text, in document order; [] when nothing scores."""
    body = tree.find("body")
    root = body if body is not None else tree
    scores: dict[HtmlElement, float] = {}
    for el in root.iter():
        tag = el.tag
        if el in skip or not isinstance(tag, str):
            continue
        if tag in _BLOCK_TAGS:
            length = _text_len(el)
        elif (
            tag in ("div", "section", "span", "font")
            and el.text
            and (own := _own_text_len(el)) > 80
        ):
            length = own
        else:
            continue
        if length < _MIN_TEXT:
            continue
        score = 1 + el.text_content().count(",") + min(length / 100, 3)
        parent = el.getparent()
        for divider in (1, 2, 3):
            if parent is None or parent is root.getparent():
                break
            if parent not in scores:
                scores[parent] = 5.0 * hint(parent) + (
                    5 if parent.tag in ("article", "main") else 0
                )
            scores[parent] += score / divider
            parent = parent.getparent()
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:8]
    best, best_score = None, -1.0
    for el, score in ranked:
        final = score * (1 - _link_density(el, _text_len(el)))
        if final > best_score:
            best, best_score = el, final
    assert best is not None
    return _with_siblings(best, best_score, scores, skip)


def _with_siblings(
    best: HtmlElement, best_score: float, scores: dict[HtmlElement, float], skip: set[HtmlElement]
) -> list[HtmlElement]:
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, best_score * 0.2)
    chosen = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
            continue
        if sibling in skip or not isinstance(sibling.tag, str):
            continue
        if scores.get(sibling, 0) >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p":
            length = _text_len(sibling)
            density = _link_density(sibling, length)
            if (length > 80 and density < 0.25) or (
                0 < length <= 80 and density == 0 and re.search(r"\.( |$)", sibling.text_content())
            ):
                chosen.append(sibling)
    return chosen
