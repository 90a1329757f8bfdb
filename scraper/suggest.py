"""Draft a site profile from a few pages of a site (`scraper profile suggest URL`).

The generic extractor reads the sample articles; every field it found becomes a CSS selector
only if that selector gives the same result on every sample. Article URLs become path
patterns, the home page gives feeds and listing patterns, robots.txt gives sitemaps. The
output is commented TOML for a researcher to review: a draft, checked only on its samples.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml.html import HtmlElement

from scraper.discovery import robots_sitemaps
from scraper.extract.article import language
from scraper.extract.dates import parse_iso
from scraper.extract.html import parse_html
from scraper.extract.page import extract, extract_page
from scraper.extract.selectors import select
from scraper.extract.structured import read_structured
from scraper.extract.text import node_text, normalize_space
from scraper.fetch import Fetcher, FetchError
from scraper.items import Article, Listing
from scraper.profiles import Era, Profile, generic_profile
from scraper.urls import canonicalize_url, host_of

Fetch = Callable[[str], str | None]

_CMS = {"ghost": "ghost", "wordpress": "wordpress"}  # generator's first word → era name
_STABLE = re.compile(r"-?[A-Za-z_][A-Za-z_-]*")  # no digits: those are per-post ids
_WORD = re.compile(r"[A-Za-z0-9_][\w-]*")
# A path segment kept as a literal: a short section word (`news`, `sport-auto`), not a slug or id.
_SECTION = re.compile(r"[A-Za-z][a-z_]*(?:-[a-z_]+){0,2}")
_SECTION_MAX = 24
# Only a script or the root needs its query to name a document (`/?p=12`, `/read.php?id=3`).
_SCRIPT = re.compile(r"^/$|\.(php|aspx?|jsp|cgi)$", re.IGNORECASE)
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
_PAGE_FILE = re.compile(r"\.(s?html?|php|aspx?)$", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml")
_TIMEZONE = re.compile(r'"(?:timezone|timeZone|time_zone|tz)"\s*:\s*"([A-Za-z]+(?:\\?/[\w+-]+)+)"')
_NAV = "nav a[href], header a[href], [role=navigation] a[href], .menu a[href], .nav a[href]"
_FIELDS = ("title", "body", "authors", "published")
_MIN_CARDS = 3
_OFFSETS = range(-12, 15)  # UTC offsets, in hours, that places use
_ANCESTORS = 3
# Classes CMSs derive from one post's tags or categories: they vary from page to page.
_TAXONOMY = ("tag-", "category-", "term-")
_AUTHOR_LINKS = 'a[rel~="author"], a[href*="/author/"], a[href*="/authors/"], a[href*="/auteur/"]'


@dataclass(frozen=True)
class _Sample:
    """One sample article page and what the generic extractor made of it."""

    url: str
    html: str
    tree: HtmlElement
    article: Article


def derive_profile(
    home_url: str, home_html: str, article_pages: dict[str, str], robots_txt: str | None
) -> dict[str, Any]:
    """A draft profile (the dict of a profile TOML file) from a site's home and sample articles.

    ValueError when the URL is not http(s) or no sample page is an article.
    """
    base = generic_profile(home_url)
    samples = _samples(article_pages, base)
    if not samples:
        raise ValueError(f"none of the {len(article_pages)} sample pages reads as an article")
    home = parse_html(home_html)
    declared = read_structured(home)
    host = host_of(home_url)
    article_patterns = _article_patterns(s.url for s in samples)
    data: dict[str, Any] = {
        "name": host.removeprefix("www.").replace(".", "-"),
        "title": declared.site_name or declared.html_title or host,
        "base_url": base.base_url,
        "hosts": list(base.hosts) if not _is_ip(host) else [host],
    }
    lang = language(home, declared, None)
    if lang:
        data["language"] = lang
    tz = _timezone([home_html, *article_pages.values()])
    if tz:
        data["timezone"] = tz
    data["follow_unknown"] = True
    data["start"] = {
        "sitemaps": _sitemaps(robots_txt, base) or list(base.sitemaps),
        "feeds": _feeds(home, home_url, base) or list(base.feeds),
        "listings": ["/"],
    }
    data["urls"] = {
        "article": article_patterns,
        "listing": _listing_patterns(home, home_url, base, article_patterns, samples),
        "ignore": list(base.ignore_patterns),
    }
    data["settings"] = dict(base.settings)
    data["eras"] = [_era(home, home_html, home_url, base, samples)]
    return data


def suggest_profile(url: str, *, pages: int = 6, fetch: Fetch | None = None) -> str:
    """Fetch a site's page at `url` and up to `pages` articles it links to; a draft profile as TOML.

    `fetch(url)` returns a page's text (None when absent) or raises FetchError; the default
    is a polite Fetcher (robots.txt, honest User-Agent, timeouts, size cap). FetchError when
    the page itself cannot be fetched, ValueError when it links to no article.
    """
    get = fetch or Fetcher()
    base = generic_profile(url)
    home_html = get(url)
    if home_html is None:
        raise FetchError(f"no page at {url}")
    robots = _optional(get, base.absolute("/robots.txt"))
    article_pages: dict[str, str] = {}
    for link in _article_links(home_html, url, base):
        if len(article_pages) >= pages:
            break
        html = _optional(get, link)
        if html and isinstance(extract_page(html, link, base), Article):
            article_pages[link] = html
    if not article_pages:
        raise ValueError(f"no article among the links of {url}: try a page that lists articles")
    data = derive_profile(url, home_html, article_pages, robots)
    return render_toml(data, source=f"{url} and {len(article_pages)} of its articles")


def _optional(get: Fetch, url: str) -> str | None:
    try:
        return get(url)
    except FetchError:
        return None


def _article_links(home_html: str, home_url: str, base: Profile) -> list[str]:
    """Links on the home page to likely articles: its teasers first, then article-shaped links."""
    page = extract_page(home_html, home_url, base)
    teasers = [t.url for t in page.teasers] if isinstance(page, Listing | Article) else []
    shaped = [
        u
        for u in _links(parse_html(home_html), home_url, base)
        if base.classify_url(u) == "article"
    ]
    return list(dict.fromkeys(teasers + shaped))


def _samples(article_pages: dict[str, str], base: Profile) -> list[_Sample]:
    samples = []
    for url, html in article_pages.items():
        found = extract_page(html, url, base)
        if isinstance(found, Article) and found.title and found.body:
            samples.append(_Sample(url, html, parse_html(html), found))
    return samples


# --- site facts -----------------------------------------------------------------------------


def _is_ip(host: str) -> bool:
    return host.replace(".", "").isdigit() or ":" in host


def _timezone(pages: Iterable[str]) -> str | None:
    """An IANA zone the pages name in their scripts' settings, when they name exactly one."""
    found = set()
    for html in pages:
        for match in _TIMEZONE.finditer(html):
            name = match.group(1).replace("\\/", "/")
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _local_path(url: str, base: Profile) -> str | None:
    """The path (and query) of a URL on the site's hosts, else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not base.owns(url):
        return None
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _sitemaps(robots_txt: str | None, base: Profile) -> list[str]:
    if not robots_txt:
        return []
    paths = (_local_path(u, base) for u in robots_sitemaps(robots_txt.encode("utf-8")))
    return list(dict.fromkeys(p for p in paths if p))


def _feeds(home: HtmlElement, home_url: str, base: Profile) -> list[str]:
    """Site feeds the home page announces (comment feeds left out)."""
    paths = []
    for link in home.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES and link.get("href"):
            path = _local_path(urljoin(home_url, link.get("href").strip()), base)
            if path and "comments" not in path:
                paths.append(path)
    return list(dict.fromkeys(paths))


def _links(tree: HtmlElement, page_url: str, base: Profile, css: str = "a[href]") -> list[str]:
    """Canonical on-site URLs the page links to, in page order."""
    urls = []
    for a in select(tree, css):
        href = a.get("href", "").strip()
        if href and not href.startswith(("#", "mailto:", "javascript:", "tel:")):
            url = canonicalize_url(urljoin(page_url, href))
            if _local_path(url, base):
                urls.append(url)
    return list(dict.fromkeys(urls))


# --- URL patterns ---------------------------------------------------------------------------


def _shape(path: str, *, slug_last: bool) -> list[str]:
    """Path segments as regex pieces: digits → \\d{n}, words kept, the slug (last) → [^/]+."""
    segments = [s for s in path.split("/") if s]
    pieces = []
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        page_file = _PAGE_FILE.search(segment) if last else None
        if segment.isdigit():
            pieces.append(rf"\d{{{len(segment)}}}" if len(segment) <= 4 else r"\d+")
        elif page_file:
            pieces.append(r"[^/]+" + re.escape(page_file.group()))
        elif (last and slug_last) or not _is_section(segment):
            pieces.append(r"[^/]+")
        else:
            pieces.append(segment)
    return pieces


def _is_section(segment: str) -> bool:
    return len(segment) <= _SECTION_MAX and _SECTION.fullmatch(segment) is not None


def _merge(shapes: list[list[str]]) -> list[list[str]]:
    """Shapes differing only in literal words become one, with [^/]+ where they differ."""
    merged: list[list[str]] = []
    for shape in shapes:
        for i, other in enumerate(merged):
            pairs = list(zip(other, shape, strict=False))
            if len(other) == len(shape) and all(
                a == b or (_is_section(a) and _is_section(b)) for a, b in pairs
            ):
                merged[i] = [a if a == b else r"[^/]+" for a, b in pairs]
                break
        else:
            merged.append(shape)
    return merged


def _query(query: str) -> str:
    """A query string as a regex: keys kept, numbers → \\d+, other values → [^&]*."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return "&".join(f"{re.escape(k)}=" + (r"\d+" if v.isdigit() else "[^&]*") for k, v in pairs)


def _pattern(shape: list[str], query: str = "") -> str:
    """An anchored path regex from its pieces, with a query regex when given."""
    path = "^/" + "/".join(shape)
    if query:
        return path + r"\?" + query + "$"
    if shape and _PAGE_FILE.search(shape[-1]):
        return path + "$"
    return path + ("/?$" if shape else "$")


def _article_patterns(urls: Iterable[str]) -> list[str]:
    """Regexes generalised from sample article URLs (`/2024/05/01/slug/` → dated pattern)."""
    by_query: dict[str, list[list[str]]] = {}
    for url in urls:
        parts = urlsplit(canonicalize_url(url))
        query = parts.query if _SCRIPT.search(parts.path) else ""
        shape = _shape(parts.path, slug_last=not query)
        by_query.setdefault(_query(query), []).append(shape)
    patterns = []
    for query, shapes in by_query.items():
        patterns += [_pattern(shape, query) for shape in _merge(shapes)]
    return list(dict.fromkeys(patterns))


def _listing_patterns(
    home: HtmlElement,
    home_url: str,
    base: Profile,
    article_patterns: list[str],
    samples: list[_Sample],
) -> list[str]:
    """Listing regexes from the home page's links: sections, categories/tags/authors, paging."""
    probe = replace(base, article_patterns=tuple(article_patterns), listing_patterns=())
    listing_urls = [u for u in _links(home, home_url, base) if base.classify_url(u) == "listing"]
    sample_paths = [_local_path(s.url, base) or "/" for s in samples]
    # A section is a menu link that articles live under (`/news/` for `/news/123-slug`).
    sections = [
        u
        for u in _links(home, home_url, base, _NAV)
        if probe.classify_url(u) == "unknown"
        and any(p.startswith(urlsplit(u).path) for p in sample_paths if urlsplit(u).path != "/")
    ]
    paged = any(re.search(r"/page/\d+/?$|[?&]page=\d+$", u) for u in listing_urls)
    patterns = ["^/$"]
    for url in listing_urls + sections:
        parts = urlsplit(url)
        if parts.path in ("", "/") and not parts.query:
            continue
        if parts.query:
            keys = [k for k, v in parse_qsl(parts.query) if v.isdigit()]
            patterns += [rf"[?&]{re.escape(k)}=\d+$" for k in keys]
            continue
        shape = _listing_shape(parts.path)
        patterns.append(_pattern(shape))
        if paged and "page" not in shape:
            patterns.append(_pattern([*shape, "page", r"\d+"]))
    if any(p.startswith(r"^/\d{4}/\d{2}/") for p in article_patterns):
        patterns.append(r"^/\d{4}/(\d{2}/)?(\d{2}/)?$")  # date archives of dated permalinks
    return [
        p for p in dict.fromkeys(patterns) if not any(re.search(p, path) for path in sample_paths)
    ]


def _listing_shape(path: str) -> list[str]:
    """A listing path as regex pieces: first word and `page` kept, names → [^/]+, numbers → \\d+."""
    pieces: list[str] = []
    for i, segment in enumerate(s for s in path.split("/") if s):
        if segment.isdigit():
            pieces.append(r"\d+" if pieces and pieces[-1] == "page" else rf"\d{{{len(segment)}}}")
        elif (i == 0 or segment == "page") and _is_section(segment):
            pieces.append(segment)
        else:
            pieces.append(r"[^/]+")
    return pieces


# --- selectors ------------------------------------------------------------------------------


def _era(
    home: HtmlElement, home_html: str, home_url: str, base: Profile, samples: list[_Sample]
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


def _title_selector(samples: list[_Sample], base: Profile) -> str | None:
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


def _probe(samples: list[_Sample], base: Profile, name: str, css: str, wanted: list[Any]) -> bool:
    """True when the selector matches on every sample and, as the only one of an era, makes
    the extractor find `wanted` there (not merely fall back to what it found without it)."""
    if not all(select(s.tree, css) for s in samples):
        return False
    profile = replace(base, eras=(Era(name="probe", detect=("html",), article={name: (css,)}),))
    return all(
        getattr(extract(s.html, s.url, profile), name) == want
        for s, want in zip(samples, wanted, strict=True)
    )


def _body_selector(samples: list[_Sample], base: Profile) -> str | None:
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


def _authors_selector(samples: list[_Sample], base: Profile) -> str | None:
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


def _bylines(sample: _Sample) -> list[str]:
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


def _published_selector(samples: list[_Sample], base: Profile) -> str | None:
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


# --- TOML -----------------------------------------------------------------------------------


def render_toml(data: dict[str, Any], *, source: str = "sample pages") -> str:
    """A derived profile as commented TOML, ready for a researcher to review and save."""
    era = data["eras"][0]
    missing = [f for f in _FIELDS if f not in era["article"]]
    lines = [
        f"# Draft profile for {data['title']}, derived by `scraper profile suggest` from {source}.",
        "# Review it: patterns and selectors were checked on those pages only.",
        f"name = {_value(data['name'])}",
        f"title = {_value(data['title'])}",
        f"base_url = {_value(data['base_url'])}",
        f"hosts = {_value(data['hosts'])}",
    ]
    lines.append(
        f"language = {_value(data['language'])}"
        if "language" in data
        else '# language = "en"  # the pages declare none (html lang)'
    )
    lines.append(
        f"timezone = {_value(data['timezone'])}"
        if "timezone" in data
        else '# timezone = "Area/City"  # none was evident; set it if pages show local days'
    )
    lines += [
        "# Fetch links whose shape matches no pattern and let the page decide; set to false",
        "# once the patterns below cover the site.",
        f"follow_unknown = {_value(data['follow_unknown'])}",
        "",
        "[start]",
        "# From robots.txt `Sitemap:` lines when it has any, else the usual places.",
        f"sitemaps = {_value(data['start']['sitemaps'])}",
        "# Announced by the home page (<link rel=alternate>) when it does, else the usual places.",
        f"feeds = {_value(data['start']['feeds'])}",
        f"listings = {_value(data['start']['listings'])}",
        "",
        "[urls]",
        "# Paths only. Article patterns are generalised from the sample article URLs;",
        "# listing patterns from the home page's links; ignore rules are the generic ones.",
        f"article = {_value(data['urls']['article'])}",
        f"listing = {_value(data['urls']['listing'])}",
        f"ignore = {_value(data['urls']['ignore'])}",
        "",
        "[settings]",
        "# A publisher we do not know: one request at a time, a second apart.",
        *(f"{k} = {_value(v)}" for k, v in data["settings"].items()),
        "",
        "[[eras]]",
        "# Named after the CMS the pages declare (meta generator); `detect` matches every sample.",
        f"name = {_value(era['name'])}",
        f"detect = {_value(era['detect'])}",
        "",
        "[eras.article]",
        "# Each selector picks what the generic extractor found, on every sample article.",
        *(f"{k} = {_value(v)}" for k, v in era["article"].items()),
    ]
    if missing:
        lines.append(f"# No selector agreed on every sample for: {', '.join(missing)}.")
    if "listing" in era:
        lines += [
            "",
            "[eras.listing]",
            "# The home page's repeated teaser card.",
            *(f"{k} = {_value(v)}" for k, v in era["listing"].items()),
        ]
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    """A TOML value: literal strings for regexes and selectors when they allow it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        if "'" in value or any(ord(c) < 32 for c in value):
            return json.dumps(value, ensure_ascii=False)  # JSON escapes are TOML escapes
        return f"'{value}'"
    if isinstance(value, list):
        items = [_value(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 90:
            return one_line
        return "[\n" + "".join(f"  {item},\n" for item in items) + "]"
    raise TypeError(f"no TOML form for {value!r}")
