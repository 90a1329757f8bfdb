"""URL patterns: article paths generalised from the samples, listing paths from the home page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import parse_qsl, urlsplit

from lxml.html import HtmlElement

from scraper.profiles import Profile
from scraper.tools.suggest.samples import Sample
from scraper.tools.suggest.site import links, local_path
from scraper.urls import canonicalize_url

# A path segment kept as a literal: a short section word (`news`, `sport-auto`), not a slug or id.
_SECTION = re.compile(r"[A-Za-z][a-z_]*(?:-[a-z_]+){0,2}")
_SECTION_MAX = 24
# Only a script or the root needs its query to name a document (`/?p=12`, `/read.php?id=3`).
_SCRIPT = re.compile(r"^/$|\.(php|aspx?|jsp|cgi)$", re.IGNORECASE)
_PAGE_FILE = re.compile(r"\.(s?html?|php|aspx?)$", re.IGNORECASE)
_NAV = "nav a[href], header a[href], [role=navigation] a[href], .menu a[href], .nav a[href]"


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


def article_patterns(urls: Iterable[str]) -> list[str]:
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


def listing_patterns(
    home: HtmlElement,
    home_url: str,
    base: Profile,
    article_patterns: list[str],
    samples: list[Sample],
) -> list[str]:
    """Listing regexes from the home page's links: sections, categories/tags/authors, paging."""
    probe = replace(base, article_patterns=tuple(article_patterns), listing_patterns=())
    listing_urls = [u for u in links(home, home_url, base) if base.classify_url(u) == "listing"]
    sample_paths = [local_path(s.url, base) or "/" for s in samples]
    # A section is a menu link that articles live under (`/news/` for `/news/123-slug`).
    sections = [
        u
        for u in links(home, home_url, base, _NAV)
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
