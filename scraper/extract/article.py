"""Build an Article from a parsed page, field by field, taking each from its best source.

Layers: (1) structured data (JSON-LD, OpenGraph, meta), (2) the profile era's selectors,
(3) generic fallbacks (content scoring, h1, bylines). Visible page content beats
structured data where the two disagree and the page is clearly right (title, dates).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html import unescape
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract import authors as author_rules
from scraper.extract.body import (
    Block,
    blocks_html,
    blocks_text,
    collect_blocks,
    text_blocks,
    word_count,
)
from scraper.extract.dates import (
    calendar_day,
    find_date,
    in_timezone,
    is_utc,
    parse_date,
    parse_iso,
    zone_of_locale,
)
from scraper.extract.generic import find_content, hint, junk
from scraper.extract.html import parse_html
from scraper.extract.scripts import html_in_scripts
from scraper.extract.selectors import select, select_first
from scraper.extract.structured import Structured
from scraper.extract.text import heading_kicker, heading_text, node_text, normalize_space
from scraper.items import Article
from scraper.profiles import Era, Profile
from scraper.urls import canonicalize_url, host_of

# Generic fallbacks, used when no profile selector matched: markup conventions shared by
# many CMSs and themes (schema.org microdata, hAtom, common class names).
_GENERIC = {
    "title": ("article h1", "main h1", "[itemprop=headline]", "h1"),
    "lede": (
        ".standfirst",
        ".article-standfirst",
        ".lede",
        ".article-lede",
        ".dek",
        ".article-dek",
        ".article-excerpt",
        ".post-excerpt",
        ".entry-excerpt",
        ".article-intro",
        ".chapo",
        ".chapeau",
        "[itemprop=description]",
        ".subtitle",
        ".article-subtitle",
        'header [class*="excerpt"]',
        'header [class*="standfirst"]',
        'header [class*="lede"]',
        'header [class*="chapo"]',
        '[class*="article-summary"]',
        '[class*="__lead"]',
        '[class*="--lead"]',
        '[class*="article-lead"]',
        '[class*="lead-text"]',
    ),
    "authors": (
        "[itemprop=author] [itemprop=name]",
        "[itemprop=author]",
        'a[rel~="author"]',
        ".author.vcard .fn",
        '.byline a[href*="/author"]',
        # Weaker guesses, kept only when the text looks like a person's name:
        'a[href*="/author/"]',
        'a[href*="/autor/"]',
        '[class*="authorname"]',
        '[class*="author-name"]',
        '[class*="author__name"]',
        '[class*="byline__name"]',
        'li[class*="author"]',
        '[class*="author"] a',
        ".author-name",
        ".byline",
    ),
    "published": (
        "time[itemprop=datePublished]",
        "time.entry-date.published",
        "time.published",
        "time[pubdate]",
        "article header time[datetime]",
    ),
    "date_text": ("[itemprop=datePublished]", "time", '[class*="date"]', '[class*="publish"]'),
    "members_cta": (".gh-post-upgrade-cta",),
    "image": ("article header figure img", "article figure img"),
}
# Votes of JSON-LD headline, h1, og:title and <title> (see `title`).
_TITLE_WEIGHTS = (1.2, 1.0, 1.0, 0.5)
_MAX_H2 = 20  # h2s looked at for a headline shown outside any h1
_MAX_TITLE = 400  # characters: a longer "heading" is a page swallowed by an unclosed tag
_BREADCRUMB = re.compile(r"bread", re.IGNORECASE)
_MAX_BYLINE_LINE = 200  # characters of a one-line byline naming several people
_STRONG_BYLINES = 5
_AUTHOR_LINKS = 7  # the generic author selectors up to links to author pages  # the first generic author selectors that hold outside the story too
_MIN_LEDE, _MAX_LEDE = 15, 1000
_SCRIPT_RENDERED = 200  # characters of visible body under which a page is script-rendered
_MEMBERS_ACCESS = frozenset({"post-access-members", "post-access-paid", "post-access-tiers"})
_NO_DATE_TAGS = frozenset({"script", "style", "figcaption", "a", "p", "li", "h1", "h2", "h3"})
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·»/-]\s+|\s*::\s*|\s+-\s*$")
_WORDS = re.compile(r"\w+")


def selectors(era: Era | None, field: str) -> tuple[str, ...]:
    """The era's selectors for an article field (empty when no era)."""
    return era.article.get(field, ()) if era else ()


def _first_text(tree: HtmlElement, sels: tuple[str, ...]) -> str | None:
    for node in select_first(tree, sels):
        text = node_text(node)
        if text:
            return text
    return None


def language(tree: HtmlElement, data: Structured, profile: Profile | None) -> str | None:
    """html lang's primary subtag, else og:locale's, else the profile's language."""
    for value in (tree.get("lang"), tree.get("xml:lang"), data.locale):
        if value and value.strip():
            primary = re.split(r"[-_]", value.strip())[0].lower()
            if primary.isalpha() and 2 <= len(primary) <= 3:
                return primary
    return profile.language if profile else None


def canonical_url(url: str | None, data: Structured, profile: Profile | None) -> str | None:
    """rel=canonical when same site and sane, else og:url, else the fetched URL; localised."""
    for candidate in (data.canonical, data.og_url):
        if not candidate:
            continue
        absolute = urljoin(url or "", candidate)
        if profile:
            absolute = profile.localize(absolute)
        if _sane_canonical(absolute, url, profile):
            return canonicalize_url(absolute)
    if url:
        return canonicalize_url(profile.localize(url) if profile else url)
    return None


def _sane_canonical(candidate: str, url: str | None, profile: Profile | None) -> bool:
    parts = urlsplit(candidate)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if (parts.path or "/") == "/" and not parts.query:
        return url is not None and (urlsplit(url).path or "/") == "/"
    if profile and profile.classify_url(candidate) in ("listing", "ignore"):
        return False
    if url is None:
        return True
    if profile and profile.owns(candidate) and profile.owns(url):
        return True
    return _site(host_of(candidate)) == _site(host_of(url))


def _site(host: str) -> str:
    return host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")


def site_names(data: Structured, profile: Profile | None, url: str | None) -> list[str]:
    """Names the outlet goes by: og:site_name, JSON-LD publisher, profile title, host."""
    names = [data.site_name, data.publisher, profile.title if profile else None]
    if url:
        names.append(_site(host_of(url)))
    return [n for n in names if n]


def strip_site_name(title: str, names: list[str]) -> str:
    """Drop an SEO suffix or prefix naming the site ("Titre | Site", "Site - Titre",
    "Titre | Site | by Author")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    folded = {_fold(n) for n in names}
    hosts = {_fold(n.split(".")[0]) for n in names if "." in n}

    def is_site(part: str, loose: bool = True) -> bool:
        f = _fold(part)
        return bool(f) and (
            f in folded
            or f in hosts
            or (loose and any(f in n or n in f for n in folded if len(n) > 3))
        )

    if is_site(parts[-1]):
        return _cut(title, parts[-1], end=True)
    if is_site(parts[0]):
        return _cut(title, parts[0], end=False)
    middle = next((p for p in parts[1:-1] if is_site(p, loose=False)), None)
    if middle is not None:
        return _cut(title, middle, end=True)
    return title


def _cut(title: str, part: str, *, end: bool) -> str:
    if end:
        head = title[: title.rfind(part)]
        return re.sub(r"[\s|–—:·»/-]+$", "", head).strip() or title
    tail = title[title.find(part) + len(part) :]
    return re.sub(r"^[\s|–—:·»/-]+", "", tail).strip() or title


def _fold(text: str) -> str:
    return "".join(_WORDS.findall(text.casefold()))


def _similarity(a: str, b: str) -> float:
    ta, tb = set(_WORDS.findall(a.casefold())), set(_WORDS.findall(b.casefold()))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def title(tree: HtmlElement, era: Era | None, data: Structured, names: list[str]) -> str | None:
    """The headline: the profile's title element, else a vote between the shown headline
    and the declared titles.

    Without a profile the shown headline (see `shown_headline`) and the declared titles
    (JSON-LD headline, og:title, <title>, each without the site's name) vote; <title>
    counts half (it usually repeats another source), ties go to the JSON-LD headline, then
    the shown one. Measured on the fundus corpus, this beats taking any one source alone.
    """
    shown = next(filter(None, map(heading_text, select_first(tree, selectors(era, "title")))), None)
    if shown:
        return shown
    declared = [
        strip_site_name(normalize_space(unescape(t)), names) if t else None
        for t in (data.headline, data.og_title, data.html_title)
    ]
    reference = next((t for t in declared if t), None)
    heading = shown_headline(tree, reference, names)
    on_page = _kicker_joined_as_declared(heading, declared) if heading is not None else None
    headline, og_title, html_title = declared
    sources = (headline, on_page, og_title, html_title)
    weighted = [(c, w) for c, w in zip(sources, _TITLE_WEIGHTS, strict=True) if c]
    if not weighted:
        return None
    keys = [normalize_space(c) for c, _ in weighted]
    votes: dict[str, float] = {}
    for key, (_, weight) in zip(keys, weighted, strict=True):
        votes[key] = votes.get(key, 0.0) + weight
    best = max(range(len(keys)), key=lambda i: (votes[keys[i]], -i))
    # Of equal spellings, the shown one (no-break spaces kept) is the one to return.
    return on_page if on_page and normalize_space(on_page) == keys[best] else weighted[best][0]


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SCHEMA_HEADLINES = etree.XPath("//*[@itemprop='headline'][not(self::meta or self::a)]")


def shown_headline(
    tree: HtmlElement, reference: str | None, names: list[str]
) -> HtmlElement | None:
    """The heading showing the headline: of the h1s and visible schema.org headlines outside
    breadcrumbs, the one closest to the declared title. Many sites put an SEO h1 in the
    breadcrumb trail and show the real headline in an h2; that h2 counts when it resembles
    the declared title."""
    folded_names = {_fold(n) for n in names}

    def shown(nodes: list[HtmlElement]) -> list[tuple[str, HtmlElement]]:
        found = ((heading_text(n), n) for n in nodes if not _in_breadcrumb(n))
        return [
            (t, n) for t, n in found if t and len(t) < _MAX_TITLE and _fold(t) not in folded_names
        ]

    marked = (next(n.iterancestors(*_HEADINGS), n) for n in _SCHEMA_HEADLINES(tree))
    candidates = shown([*tree.iter("h1"), *marked])
    if candidates:
        if reference is None:
            return candidates[0][1]
        return max(candidates, key=lambda c: _similarity(c[0], reference))[1]
    if reference is None:
        return None
    h2s = shown(list(itertools.islice(tree.iter("h2"), _MAX_H2)))
    best = max(h2s, key=lambda c: _similarity(c[0], reference), default=None)
    return best[1] if best and _similarity(best[0], reference) >= 0.5 else None


def _kicker_joined_as_declared(heading: HtmlElement, declared: list[str | None]) -> str:
    """A heading's headline; or kicker and headline together when a declared title joins
    them ("Kicker: Headline") and none gives the headline alone: the publisher counts the
    kicker as part of the title then. og:title's spelling first (the title as shared)."""
    text = heading_text(heading)
    kicker = heading_kicker(heading)
    if not kicker or text in declared:
        return text
    joined = _fold(kicker + text)
    headline, og_title, html_title = declared
    return next((d for d in (og_title, headline, html_title) if d and _fold(d) == joined), text)


def _in_breadcrumb(node: HtmlElement) -> bool:
    """Whether an element sits in a breadcrumb trail (by class, id, label, type or a data-
    attribute naming it)."""
    for element in (node, *node.iterancestors()):
        if element.tag == "body":
            return False
        attrib = element.attrib
        marks = (attrib.get(a) for a in ("class", "id", "aria-label", "itemtype"))
        if any(m and _BREADCRUMB.search(m) for m in marks) or any(
            _BREADCRUMB.search(name) for name in attrib
        ):
            return True
    return False


def lede(tree: HtmlElement, era: Era | None, scope: HtmlElement | None) -> str | None:
    """The standfirst shown under the title, if the page shows one: a short block near the
    title (never a whole header holding the h1)."""
    within = scope if scope is not None and not selectors(era, "lede") else tree
    nodes = (n for sel in selectors(era, "lede") or _GENERIC["lede"] for n in select(within, sel))
    for node in nodes:
        text = normalize_space(node.text_content())
        # A card excerpt in a related block is no standfirst, whatever markup wraps it.
        related = any(hint(a) < 0 for a in node.iterancestors() if a.tag not in ("body", "html"))
        if (
            _MIN_LEDE <= len(text) <= _MAX_LEDE
            and next(node.iter("h1"), None) is None
            and not related
        ):
            return text
    return None


_LEDE_CANDIDATES = etree.XPath(
    "//*[self::p or self::div or self::h2 or self::span or self::section][contains(., $needle)]"
)


def lede_as_described(tree: HtmlElement, description: str | None, body: set[str]) -> str | None:
    """A standfirst whatever its markup: the page element showing exactly the page's own
    description (a Ghost custom excerpt is both), when that text is not a body paragraph."""
    wanted = normalize_space(description)
    if not (_MIN_LEDE <= len(wanted) <= _MAX_LEDE) or wanted in body:
        return None
    # libxml2 narrows the candidates to elements containing the description's longest word.
    needle = max(wanted.split()[:8], key=len)
    for node in _LEDE_CANDIDATES(tree, needle=needle):
        if normalize_space(node.text_content()) != wanted:
            continue
        if next(node.iterancestors("a", "head"), None) is None:
            return wanted
    return None


def body(
    tree: HtmlElement, era: Era | None, url: str | None, data: Structured, preview: bool = False
) -> list[Block]:
    """Body blocks from the era's container when it holds text, else from content scoring;
    JSON-LD articleBody when the page's HTML holds much less text than it, or the story HTML
    a script-rendered page ships in its scripts when the HTML holds next to none."""
    blocks: list[Block] = []
    for container in select_first(tree, selectors(era, "body"))[:1]:
        skip = junk(container)
        for sel in selectors(era, "drop"):
            skip.update(select(container, sel))
        blocks = collect_blocks([container], skip, url)
    if not blocks:
        skip = junk(tree)
        blocks = collect_blocks(find_content(tree, skip), skip, url)
    if preview:  # a members-only preview stays the preview the page shows
        return blocks
    declared = data.article_body
    if declared and len(declared) > 1.5 * sum(len(b.text) for b in blocks) + 200:
        return text_blocks(declared)
    short = sum(len(b.text) for b in blocks) < _SCRIPT_RENDERED
    if short and (shipped := html_in_scripts(tree)):
        fragment = parse_html(shipped)
        skip = junk(fragment)
        return collect_blocks([fragment], skip, url) or blocks
    return blocks


def header_scope(tree: HtmlElement, era: Era | None) -> HtmlElement | None:
    """The story's own container (the <article>/<main> around its h1): bylines and dates
    there belong to this story, not to teasers elsewhere on the page."""
    heads = select_first(tree, selectors(era, "title")) or list(tree.iter("h1"))
    if not heads:
        return None
    for ancestor in heads[0].iterancestors():
        if ancestor.tag in ("article", "main"):
            return ancestor
    parent = heads[0].getparent()
    grandparent = parent.getparent() if parent is not None else None
    return grandparent if grandparent is not None and grandparent.tag != "body" else parent


def byline(
    tree: HtmlElement,
    era: Era | None,
    data: Structured,
    scope: HtmlElement | None,
    is_person: Callable[[str], bool],
) -> list[str]:
    """Raw author names from the first source that names someone other than the outlet:
    profile byline, JSON-LD, meta tags, then generic bylines near the title (and, on sites
    without a profile, the page's first byline)."""
    sources: list[list[str]] = []
    nodes = select_first(tree, selectors(era, "authors"))
    if nodes:
        sources.append(author_rules.byline_authors(node_text(n) for n in nodes))
    sources.append(author_rules.byline_authors(data.authors))
    sources.append(author_rules.byline_authors(data.meta_authors))
    sources = [names for names in sources if names]
    for names in sources:
        if any(is_person(n) for n in names):
            # Co-authors may be credited in the byline only (WordPress: Yoast names one).
            line = _byline_line(scope, is_person) if scope is not None and not nodes else []
            wanted = {n.casefold() for n in names}
            return line if wanted < {n.casefold() for n in line} else names
    # Near the title any byline markup counts; page-wide, only the first weak match does
    # (teaser bylines come later in the page than the story's own), and only where no
    # profile vouches for the byline markup.
    for within, limit in ((scope, 6), (None if era else tree, 1)):
        if within is not None:
            found = _generic_byline(within, limit, is_person)
            if found:
                return found
    return sources[0] if sources else []


def _byline_line(scope: HtmlElement, is_person: Callable[[str], bool]) -> list[str]:
    """The names of a one-line byline crediting several people ("par A et B"): byline
    markup matched more than once inside one short element."""
    for sel in _GENERIC["authors"][:_AUTHOR_LINKS]:
        found = select(scope, sel)[:6]
        if len(found) < 2:
            continue
        line = next(a for a in found[0].iterancestors() if all(_inside(n, a) for n in found))
        if len(node_text(line)) > _MAX_BYLINE_LINE:
            continue
        names = author_rules.byline_authors(node_text(n) for n in found)
        if any(is_person(n) for n in names):
            return names
    return []


def _inside(node: HtmlElement, ancestor: HtmlElement) -> bool:
    return any(a is ancestor for a in node.iterancestors())


def _generic_byline(within: HtmlElement, limit: int, is_person: Callable[[str], bool]) -> list[str]:
    """The names of the first generic byline markup under `within` that names a person."""
    for position, sel in enumerate(_GENERIC["authors"]):
        found = select(within, sel)[:limit]
        names = author_rules.byline_authors(node_text(n) for n in found)
        if position >= _STRONG_BYLINES:
            names = [n for n in names if author_rules.looks_like_name(n)]
        if any(is_person(n) for n in names):
            return names
    return []


def _visible_date(
    tree: HtmlElement, era: Era | None, scope: HtmlElement | None, languages: tuple[str, ...] | None
) -> str | None:
    if scope is None:
        return None
    for node in select_first(scope, selectors(era, "published") or _GENERIC["published"]):
        value = node.get("datetime") or node.get("content")
        found = parse_iso(value) if value else find_date(node_text(node), languages)
        if found:
            return found
    if era is None:
        return None
    # A known site's header may show its date as text only ("27 novembre 2025").
    head = next((h for h in scope.iter("header") if next(h.iter("h1"), None) is not None), None)
    for node in select(head, '[class*="date"]') if head is not None else ():
        found = find_date(node_text(node), languages)
        if found:
            return found
    return None


def _text_date(scope: HtmlElement, languages: tuple[str, ...] | None) -> str | None:
    """A date written as text: date-named elements first, then any short dated line."""
    for sel in _GENERIC["date_text"]:
        for node in select(scope, sel)[:3]:
            value = node.get("datetime") or node.get("content")
            found = (parse_iso(value) if value else None) or find_date(node_text(node), languages)
            if found:
                return found
    for el in scope.iter():
        if el.tag in _NO_DATE_TAGS or not isinstance(el.tag, str):
            continue
        text = el.text
        if text and len(text) < 120 and any(c.isdigit() for c in text):
            found = find_date(text.strip(), languages)
            if found:
                return found
    return None


def dates(
    tree: HtmlElement,
    era: Era | None,
    data: Structured,
    profile: Profile | None,
    lang: str | None,
    scope: HtmlElement | None,
) -> tuple[str | None, str | None]:
    """(published, modified): structured first; a visible date near the title wins when its
    calendar day differs (in the site's timezone), e.g. a WP post migrated with a new date."""
    tz = profile.timezone if profile else None
    languages = (lang,) if lang else None
    structured = next(filter(None, (parse_date(v) for v in data.published)), None)
    visible = _visible_date(tree, era, scope, languages)
    published = structured or visible
    if published is None:
        published = _text_date(scope if scope is not None else tree, languages)
    if structured and visible and calendar_day(structured, tz) != calendar_day(visible, tz):
        gap = abs(_ordinal(structured, tz) - _ordinal(visible, tz))
        # Without a known timezone a one-day gap may be UTC vs local time: keep the precise one.
        if tz or gap > 1 or len(visible) > 10:
            published = visible
    modified = next(filter(None, (parse_date(v) for v in data.modified)), None)
    if modified is None:
        for node in select_first(tree, selectors(era, "modified")):
            modified = parse_date(node.get("datetime") or node_text(node), languages)
            if modified:
                break
    if not tz and published and visible and _shown_in_local_time(published, visible, tree, data):
        # No profile zone, but the page shows the day of this UTC instant in its locale's
        # zone: give the dates in that zone, as the page's readers see them.
        tz = zone_of_locale(tree.get("lang"), data.locale)
    return (
        in_timezone(published, tz) if published else None,
        in_timezone(modified, tz) if modified else None,
    )


def _shown_in_local_time(published: str, visible: str, tree: HtmlElement, data: Structured) -> bool:
    """True when a UTC date falls, in the zone of the page's locale, on the day the page shows."""
    zone = zone_of_locale(tree.get("lang"), data.locale)
    if not zone or not is_utc(published):
        return False
    return calendar_day(published, zone) == visible[:10]


def _ordinal(value: str, tz: str | None) -> int:
    from datetime import date

    try:
        return date.fromisoformat(calendar_day(value, tz)).toordinal()
    except ValueError:
        return 0


def tags(
    tree: HtmlElement, era: Era | None, data: Structured, scope: HtmlElement | None
) -> list[str]:
    """Tags as displayed (profile selectors, else the story's rel=tag links, which WordPress
    writes for categories and tags), then declared ones; deduped, order kept."""
    shown = [node_text(n) for sel in selectors(era, "tags") for n in select(tree, sel)]
    if not shown and scope is not None:
        shown = [node_text(n) for n in select(scope, 'a[rel~="tag"]')]
    declared = data.tags or data.keywords
    return author_rules.dedupe(t for t in shown + declared if t and len(t) < 80)


def image(tree: HtmlElement, era: Era | None, data: Structured, url: str | None) -> str | None:
    """og:image / JSON-LD image, else the header figure's image."""
    if data.image:
        return urljoin(url or "", data.image)
    for node in select_first(tree, selectors(era, "image") or _GENERIC["image"]):
        src = node.get("src") or node.get("data-src")
        if src:
            return urljoin(url or "", src)
    return None


def members_only(tree: HtmlElement, era: Era | None, scope: HtmlElement | None) -> bool:
    """True when a members call-to-action replaces the rest of the body, or when Ghost's
    post_class marks the story itself as members-only (an anonymous visitor sees a preview)."""
    if any(select(tree, s) for s in selectors(era, "members_cta") + _GENERIC["members_cta"]):
        return True
    classes = set((scope.get("class") or "").split()) if scope is not None else set()
    return bool(classes & _MEMBERS_ACCESS)


def build_article(
    tree: HtmlElement, url: str | None, profile: Profile | None, era: Era | None, data: Structured
) -> Article:
    """Every Article field from one parsed page (teasers are left to the caller)."""
    names = site_names(data, profile, url)
    lang = language(tree, data, profile)
    head = title(tree, era, data, names)
    scope = header_scope(tree, era)
    standfirst = lede(tree, era, scope)
    members = members_only(tree, era, scope)
    blocks = body(tree, era, url, data, preview=members)
    if standfirst is None:
        standfirst = lede_as_described(tree, data.description, {b.text for b in blocks})
    if standfirst and blocks and blocks[0].text == standfirst:
        blocks = blocks[1:]
    text = blocks_text(blocks)
    published, modified = dates(tree, era, data, profile, lang, scope)

    def is_house(name: str) -> bool:
        if profile is not None and profile.is_house_author(name):
            return True
        return author_rules.looks_like_house(name, names)

    outlets = {_fold(n) for n in names}

    def is_person(name: str) -> bool:
        return _fold(name) not in outlets

    writers = author_rules.resolve_authors(
        byline(tree, era, data, scope, is_person),
        is_house=is_house,
        site_names=names,
        title=head,
        # Without a standfirst, WP-era posts open their first paragraph with "Par X – …".
        lede=standfirst or (blocks[0].text if blocks else None),
        opening=(b.text for b in blocks),
    )
    page_url = canonical_url(url, data, profile)
    return Article(
        url=page_url,
        title=head,
        lede=standfirst,
        body=text,
        body_html=blocks_html(blocks),
        authors=writers,
        published=published,
        modified=modified,
        tags=tags(tree, era, data, scope),
        language=lang,
        image=image(tree, era, data, page_url or url),
        members_only=members,
        word_count=word_count(text),
    )
