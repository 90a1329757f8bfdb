"""The layout era the samples show: CMS name, detection, and selectors true on every sample."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from scraper.extract.dates import parse_iso
from scraper.extract.page import extract, extract_page
from scraper.extract.selectors import select
from scraper.extract.text import node_text, normalize_space
from scraper.items import Listing
from scraper.profiles import Era, Profile
from scraper.tools.suggest.samples import Sample
from scraper.urls import canonicalize_url

_CMS = {"ghost": "ghost", "wordpress": "wordpress"}  # generator's first word → era name
_STABLE = re.compile(r"-?[A-Za-z_][A-Za-z_-]*")  # no digits: those are per-post ids
_WORD = re.compile(r"[A-Za-z0-9_][\w-]*")
# Classes that style rather than name (Tailwind/Bootstrap utilities, state) or are generated
# per build (styled-components, CSS modules): selectors on them break at the next deploy.
# Microformats (h-entry, p-name, e-content, u-url) name roles and are kept.
_UTILITY = re.compile(
    r"(text|bg|font|leading|tracking|whitespace|outline|border|rounded|shadow|flex|grid|gap|"
    r"items|justify|self|place|space|overflow|z|w|min|max|m[trblxy]?|p[trblxy]|d|col|row|"
    r"float|pull|push|order|offset|sm|md|lg|xl|is|has|js|sc)-.*|"
    r"(not-italic|italic|bold|inline|block|flex|grid|table|hidden|relative|absolute|fixed|"
    r"sticky|uppercase|lowercase|capitalize|truncate|clearfix|container|wrapper|row|first|last|"
    r"active|visible|sr-only|show|fade|in)$|"
    r"(?=[A-Za-z]{4,8}$)(?:[a-z]*[A-Z]){2}[A-Za-z]*|.*__[A-Za-z]*[A-Z][A-Za-z]*$"
)
_ANCESTORS = 3
# Classes CMSs derive from one post's tags or categories: they vary from page to page.
_TAXONOMY = ("tag-", "category-", "term-")
_AUTHOR_LINKS = 'a[rel~="author"], a[href*="/author/"], a[href*="/authors/"], a[href*="/auteur/"]'
_OFFSETS = range(-12, 15)  # UTC offsets, in hours, that places use
_MIN_CARDS = 3


def era(
    home: HtmlElement, home_html: str, home_url: str, base: Profile, samples: list[Sample]
) -> dict[str, Any]:
    """The one layout era the samples show: its name, detection and verified selectors."""
    trees = [home, *(s.tree for s in samples)]
    word = _generator(trees)
    era: dict[str, Any] = {
        "name": _CMS.get(word.lower(), "default"),
        "detect": [_detect(trees, word)],
        "article": {},
    }
    finders = {
        "title": _title_selector,
        "body": _body_selector,
        "authors": _authors_selector,
        "published": _published_selector,
    }
    for name, finder in finders.items():
        found = finder(samples, base)
        if found:
            era["article"][name] = [found]
    card = _card_selector(home, home_html, home_url, base)
    if card:
        era["listing"] = {"card": [card]}
    return era


def _generator(trees: list[HtmlElement]) -> str:
    """The first word of the pages' meta generator ("WordPress 6.5" → "WordPress"), or ""."""
    for tree in trees:
        for meta in select(tree, 'meta[name="generator"]'):
            match = _WORD.match(meta.get("content", "").strip())
            if match:
                return match.group()
    return ""


def _detect(trees: list[HtmlElement], generator: str) -> str:
    """A selector matching every sample page: the generator meta, a shared body class, or body."""
    candidates = [f'meta[name="generator"][content^="{generator}"]'] if generator else []
    bodies = [t.find("body") for t in trees]
    shared = set.intersection(*({*_classes(b)} if b is not None else set() for b in bodies))
    candidates += [f"body.{c}" for c in sorted(shared)]
    return next((c for c in candidates if all(select(t, c) for t in trees)), "body")


def _classes(el: HtmlElement) -> list[str]:
    """The element's classes that name a role, not one post (no digits)."""
    return [
        c
        for c in (el.get("class") or "").split()
        if _STABLE.fullmatch(c)
        and len(c) <= 40
        and not c.startswith(_TAXONOMY)
        and not _UTILITY.fullmatch(c)
    ]


def _own(el: HtmlElement) -> list[str]:
    """Selectors naming this element by its tag and a stable class (in class order) or id."""
    tag = el.tag
    classes = _classes(el)
    found = [f"{tag}.{c}" for c in classes]
    if len(classes) > 1:
        found.append(tag + "".join(f".{c}" for c in classes))
    ident = el.get("id") or ""
    if _STABLE.fullmatch(ident):
        found.append(f"{tag}#{ident}")
    if tag in ("article", "main") and not found:
        found.append(tag)
    return found


def _named_ancestors(el: HtmlElement) -> Iterator[str]:
    """Selectors of the element's nearest ancestors that have a name (class or id)."""
    for parent in list(el.iterancestors())[:_ANCESTORS]:
        if parent.tag in ("body", "html"):
            return
        yield from _own(parent)


def _in_context(el: HtmlElement, leaf: Iterable[str]) -> Iterator[str]:
    """The element's own selectors, then each prefixed by its nearest named ancestors."""
    leaves = list(leaf)
    yield from leaves
    for outer in _named_ancestors(el):
        for inner in leaves:
            yield f"{outer} {inner}"


def _first_text(tree: HtmlElement, selector: str) -> str | None:
    return next((t for t in (node_text(n) for n in select(tree, selector)) if t), None)


def _title_selector(samples: list[Sample], base: Profile) -> str | None:
    """The element showing the extracted headline on every sample."""
    first = samples[0]
    title = normalize_space(first.article.title)
    headings = [el for el in first.tree.iter("h1", "h2") if node_text(el) == title]
    others = [
        el for el in first.tree.iter("h3", "div", "span", "p", "header") if node_text(el) == title
    ]
    for el in headings + others:
        generic = [f"article {el.tag}", f"main {el.tag}", el.tag] if el in headings else []
        for css in _in_context(el, [*_own(el), *generic]):
            if all(_first_text(s.tree, css) == normalize_space(s.article.title) for s in samples):
                return css
    return None


def _probe(samples: list[Sample], base: Profile, name: str, css: str, wanted: list[Any]) -> bool:
    """True when the selector matches on every sample and, as the only one of an era, makes
    the extractor find `wanted` there (not merely fall back to what it found without it)."""
    if not all(select(s.tree, css) for s in samples):
        return False
    profile = replace(base, eras=(Era(name="probe", detect=("html",), article={name: (css,)}),))
    return all(
        getattr(extract(s.html, s.url, profile), name) == want
        for s, want in zip(samples, wanted, strict=True)
    )


def _body_selector(samples: list[Sample], base: Profile) -> str | None:
    """The innermost named container holding the extracted body on every sample."""
    first = samples[0]
    text = normalize_space(first.article.body)
    head, tail = text[:60], text[-60:]
    holders = [
        el
        for el in first.tree.iter()
        if el.tag not in ("html", "body") and _own(el) and _holds(el, head, tail)
    ]
    holders.sort(key=lambda el: -len(list(el.iterancestors())))
    for el in holders:
        for css in _own(el):
            if _probe(samples, base, "body", css, [s.article.body for s in samples]):
                return css
    return None


def _holds(el: HtmlElement, head: str, tail: str) -> bool:
    text = node_text(el)
    return head in text and tail in text


def _authors_selector(samples: list[Sample], base: Profile) -> str | None:
    """Byline links (or elements) naming each sample's writers, as the extractor reads them."""
    wanted = [_bylines(s) for s in samples]
    if not all(wanted):
        return None
    name = normalize_space(wanted[0][0])
    links = [a for a in samples[0].tree.iter("a") if node_text(a) == name]
    others = [el for el in samples[0].tree.iter("span", "div", "p") if node_text(el) == name]
    for el in links + others:
        # A byline is best named by where it sits: a link's own class ("url") is too common.
        candidates = [f"{outer} {el.tag}" for outer in _named_ancestors(el)] + _own(el)
        if "author" in (el.get("rel") or "").split():
            candidates.append('a[rel~="author"]')
        for css in candidates:
            if _probe(samples, base, "authors", css, wanted):
                return css
    return None


def _bylines(sample: Sample) -> list[str]:
    """The writers a sample names: the extractor's, else author links between headline and body."""
    if sample.article.authors:
        return sample.article.authors
    tree, article = sample.tree, sample.article
    order = {el: i for i, el in enumerate(tree.iter())}
    lead = normalize_space(article.body.split("\n\n")[0])
    headline = normalize_space(article.title)
    title = next((el for el in tree.iter("h1") if node_text(el) == headline), None)
    start = next((el for el in tree.iter("p") if node_text(el) == lead), None)
    if title is None or start is None:
        return []
    links = [a for a in select(tree, _AUTHOR_LINKS) if order[title] < order[a] < order[start]]
    return list(dict.fromkeys(t for t in (node_text(a) for a in links) if t))


def _instant(value: str | None) -> datetime | date | None:
    iso = parse_iso(value) if value else None
    if iso is None:
        return None
    return date.fromisoformat(iso) if len(iso) == 10 else datetime.fromisoformat(iso)


def _offsets(shown: datetime | date | None, found: datetime | date | None) -> set[int]:
    """UTC offsets (hours) under which a shown date agrees with the extracted one.

    Equal instants agree under any offset; a shown day agrees with an instant when the
    instant falls on that day in the offset (sites show local days, declare UTC instants).
    """
    if shown is None or found is None:
        return set()
    if isinstance(shown, datetime) and isinstance(found, datetime):
        return set(_OFFSETS) if shown == found else set()
    instant = found if isinstance(found, datetime) else shown
    day = shown if instant is found else found
    if not isinstance(instant, datetime) or instant.tzinfo is None:
        same = (instant.date() if isinstance(instant, datetime) else instant) == day
        return set(_OFFSETS) if same else set()
    utc = instant.astimezone(UTC).replace(tzinfo=None)
    return {h for h in _OFFSETS if (utc + timedelta(hours=h)).date() == day}


def _shown_date(tree: HtmlElement, css: str) -> datetime | date | None:
    return next((d for d in (_instant(n.get("datetime")) for n in select(tree, css)) if d), None)


def _published_selector(samples: list[Sample], base: Profile) -> str | None:
    """A time[datetime] showing the extracted publication date on every sample, in one offset."""
    first = samples[0]
    wanted = _instant(first.article.published)
    nodes = [
        t
        for t in select(first.tree, "time[datetime]")
        if _offsets(_instant(t.get("datetime")), wanted)
    ]
    for el in nodes:
        own = [f"{c}[datetime]" for c in _own(el)] + ["time[datetime]"]
        for css in _in_context(el, own):
            agreed = set(_OFFSETS)
            for s in samples:
                agreed &= _offsets(_shown_date(s.tree, css), _instant(s.article.published))
            if agreed:
                return css
    return None


def _card_selector(home: HtmlElement, home_html: str, home_url: str, base: Profile) -> str | None:
    """The home page's repeated card: each match holds links to exactly one teased article."""
    page = extract_page(home_html, home_url, base)
    if not isinstance(page, Listing):
        return None
    teased = {t.url for t in page.teasers}
    links = [
        (canonicalize_url(urljoin(home_url, a.get("href", ""))), a) for a in select(home, "a[href]")
    ]
    links = [(u, a) for u, a in links if u in teased]
    candidates: dict[str, int] = {}
    for _, a in links:
        for depth, el in enumerate(a.iterancestors()):
            if el.tag in ("body", "html"):
                break
            for css in _own(el):
                candidates[css] = max(candidates.get(css, 0), depth)
    best: tuple[int, int, int, str] | None = None
    for rank, (css, depth) in enumerate(candidates.items()):
        cards = select(home, css)
        held = [
            {u for u, a in links if a in inside} for inside in (set(c.iter("a")) for c in cards)
        ]
        if len(cards) >= _MIN_CARDS and all(len(h) == 1 for h in held):
            score = (len(set().union(*held)), depth, -rank, css)
            best = max(best, score) if best else score
    return best[3] if best else None
