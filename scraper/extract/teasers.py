"""Teasers: the cards on listing pages and in related-articles blocks.

Blocks first (related/featured: the era's `[listing]` selectors, then class names and "À lire
aussi"-style headings), then the feed: the era's `card` selectors, else a generic detector
(repeated blocks that each hold links to one article of the same site, outside navigation and
page chrome). Each field is read the same way: profile selectors, then generic rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.dates import parse_date, parse_iso
from scraper.extract.selectors import applicable, select
from scraper.extract.text import normalize_space
from scraper.items import Teaser
from scraper.profiles import Era, load_profiles
from scraper.urls import canonicalize_url, host_of, url_key

Skip = Callable[[HtmlElement], bool]

# Path segments that name listings, accounts or assets, never one article.
# fmt: off
_NOT_ARTICLE = frozenset({
    "category", "categories", "tag", "tags", "author", "authors", "page", "search", "feed", "rss",
    "amp", "embed", "wp-admin", "wp-content", "wp-includes", "wp-json", "wp-login.php", "ghost",
    "p", "email", "r", "members", "signin", "signup", "login", "account", "subscribe",
    "membership", "comments", "cdn-cgi", "content", "assets", "contact", "newsletter"
})
# fmt: on
_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|pdf|mp3|mp4|zip|css|js|xml|json|txt)$", re.I)
_NOISE_QUERY = re.compile(r"(^|&)(share|replytocom|amp|s)=", re.I)
_SHORTLINK = re.compile(r"(^|&)p=\d+(&|$)")

# fmt: off
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "ul", "ol", "li", "dl", "dd",
    "dt", "figure", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "nav", "main", "br", "hr"
})
# fmt: on
_STRUCTURE_TAGS = _BLOCK_TAGS - {"br", "hr"}
_CARD_TAGS = frozenset({"article", "li", "div", "section", "aside", "figure", "a", "dd"})
_CONTAINER_TAGS = frozenset({"div", "section", "aside", "nav", "ul", "ol", "footer", "main"})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "form"})
_HIDDEN_CLASSES = frozenset({"screen-reader-text", "sr-only", "visually-hidden"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Class/id words (split on - and _) that mark page chrome; header/footer only outside main content.
# fmt: off
_ZONE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "pagination",
    "pager", "share", "sharing", "sharedaddy", "social", "widget", "widgets", "sidebar",
    "comments", "comment", "cookie", "cookies", "newsletter", "subscribe", "tagcloud", "masthead",
    "topbar"
})
# fmt: on
_CHROME_WORDS = frozenset({"header", "footer"})
_ZONE_ROLES = frozenset({"navigation", "search", "menu", "menubar", "banner", "contentinfo"})
# Per-post taxonomy classes (tag-newsletter, category-a-la-une) name a post, not a block.
_TAXONOMY_PREFIX = ("tag-", "category-", "author-", "format-", "type-", "status-", "post-access-")
# Layout switches and per-post taxonomy classes say nothing about a zone.
_LAYOUT_PREFIX = ("has-", "no-", "is-", "with-", "layout-", "show-", *_TAXONOMY_PREFIX)

_RELATED_CLASS = re.compile(
    r"related|read-?next|read-?more|similar|lire-?aussi|a-lire|see-?also|recommend|yarpp"
    r"|more-(posts|stories|articles)",
    re.I,
)
_FEATURED_CLASS = re.compile(
    r"featured|hero|highlight|spotlight|magazine|a-la-une|big[-_]grid|top-stories", re.I
)
_RELATED_HEADING = re.compile(
    r"^(?:[àa] lire (?:aussi|également|egalement)|lire aussi|voir aussi|à voir aussi"
    r"|(?:articles?|publications?|billets?|posts?) (?:similaires?|liés?|recommandés?|connexes)"
    r"|similaires?|sur le même (?:sujet|thème)|dans la même (?:rubrique|catégorie)|du même auteur"
    r"|vous (?:aimerez|pourriez) (?:aussi|également|peut-être aussi|aussi aimer)"
    r"|à découvrir (?:aussi|également)|ces articles (?:peuvent|pourraient) vous intéresser"
    r"|(?:en )?lire (?:la suite|plus)|continuer (?:la|votre) lecture"
    r"|read next|read more|keep reading|continue reading|related(?: posts| articles| stories)?"
    r"|you (?:might|may) also like|see also|also read|more (?:from|stories|articles|posts)"
    r"|recommended(?: for you)?)\b",
    re.I,
)

_MORE_TEXT = re.compile(
    r"^(?:(?:lire la suite|continuer la lecture|lire l['’]article|read more|continue reading)\b.{0,80}"
    r"|(?:lire plus|la suite|suite|en savoir plus|more)\W*)$",
    re.I,
)
_MORE_WORDS = frozenset({"more", "readmore", "more-link"})
_READING_TIME = re.compile(r"^\d+\s*(?:min|minutes?|mn)\b", re.I)
_MONTH = r"[^\W\d_]{3,9}\.?"
_TEXT_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+{_MONTH}\s+\d{{4}}\b|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
)
_DATE_WORDS = frozenset(
    {"date", "time", "published", "posted", "meta", "byline", "info", "pubdate"}
)
_AUTHOR_WORDS = frozenset({"author", "authors", "byline", "writer", "auteur", "auteurs"})
_IMAGE_WORDS = frozenset({"avatar", "image", "img", "picture", "photo", "thumb", "profile"})
# Card parts that are never its excerpt: byline, date, tags and badges, title, Jetpack context.
_META_WORDS = (
    _AUTHOR_WORDS
    | _DATE_WORDS - {"info"}
    | {"tag", "tags", "category", "categories", "cat", "kicker", "badge", "label", "overline"}
    | {"context", "reading", "duration", "title", "headline"}
)
_BYLINE_PREFIX = re.compile(r"^(?:par|by|von|publié par|écrit par)(?:\s+|$)", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\bet\b|\band\b)\s*")
# A display name ("Éric Verhaeghe", "CDS") or a login kept as a name ("courrier-strateges").
_NAME_SHAPE = re.compile(r"^(?:[^\W\d_a-z][^\W\d]*(?:[ '’.-]+[^\W\d]+){0,4}|[a-z]+(?:-[a-z]+)+)$")
_IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg)$", re.I)
# An image alt that is a file name or a slug ("IMG_2041.jpg", "macron-conseil") is not a title.
_FILENAME = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg)$|^[^\s]*[\d_.-][^\s]*$", re.I)

_GENERIC_TITLE = ("h1", "h2", "h3", "h4", "h5", "h6", '[class*="title"]', '[class*="headline"]')
_GENERIC_EXCERPT = (
    '[class*="excerpt"]',
    '[class*="summary"]',
    '[class*="description"]',
    '[class*="chapo"]',
    '[class*="standfirst"]',
    '[itemprop="description"]',
)
_GENERIC_BODY = (
    ".gh-content",
    ".post-content",
    ".entry-content",
    ".article-content",
    ".post-full-content",
    ".post-body",
    ".article-body",
    '[itemprop="articleBody"]',
    ".kg-card",
)
# Kickers and badges sometimes sit inside a card's heading ("Abo", "Ukraine"): not title text.
_BADGE_WORDS = frozenset({"kicker", "badge", "label", "tag", "tags", "category", "cat", "overline"})


def extract_teasers(
    tree: HtmlElement, page_url: str, era: Era | None, *, page_is_article: bool
) -> list[Teaser]:
    """Every teaser card on the page, in page order.

    Article pages yield only their related/read-next blocks; listing pages yield the feed
    (kind "listing") plus featured and related blocks.
    """
    page = _Page.build(tree, page_url, era)
    blocks = _blocks(tree, page, page_is_article)
    order = {el: i for i, el in enumerate(tree.iter())}
    found: list[tuple[int, Teaser]] = []
    for kind, cards in blocks:
        position = 0
        for card in cards:
            teaser = _teaser(card, page, kind)
            if teaser is not None:
                position += 1
                teaser.position = position
                found.append((order.get(card, 0), teaser))
    found.sort(key=lambda pair: pair[0])
    return [teaser for _, teaser in found]


@dataclass
class _Page:
    """What every card needs to know about its page: base URL, site hosts, selectors."""

    base: str
    hosts: frozenset[str]
    self_keys: frozenset[str]
    rules: dict[str, tuple[str, ...]]
    body_rules: tuple[str, ...]
    languages: tuple[str, ...] | None
    zone_cache: dict[HtmlElement, bool] = field(default_factory=dict)
    # Block detection asks about the same links again and again: answer each once per page.
    url_cache: dict[tuple[str, bool], str | None] = field(default_factory=dict)
    keys_cache: dict[HtmlElement, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, tree: HtmlElement, page_url: str, era: Era | None) -> _Page:
        base_href = next((b.get("href") for b in tree.iter("base") if b.get("href")), None)
        base = urljoin(page_url, base_href.strip()) if base_href else page_url
        canonical = [
            urljoin(base, v.strip())
            for v in tree.xpath(
                '//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'
            )
        ]
        hosts = {_bare_host(u) for u in (page_url, base, *canonical)}
        # A local copy of a known site may keep absolute links to the real hosts.
        for profile in load_profiles().values():
            if era is not None and era in profile.eras:
                hosts.update(_bare_host("//" + h) for h in profile.hosts)
        lang = (tree.get("lang") or "").split("-")[0].strip().lower()
        return cls(
            base=base,
            hosts=frozenset(h for h in hosts if h),
            self_keys=frozenset(url_key(u) for u in (page_url, *canonical)),
            # Selectors naming classes this page lacks are dropped once, not tried on every card.
            rules={k: applicable(tree, v) for k, v in era.listing.items()} if era else {},
            body_rules=(era.article.get("body", ()) if era else ()) + _GENERIC_BODY,
            languages=(lang,) if lang else None,
        )

    def content_url(self, href: str | None, *, strict: bool) -> str | None:
        """The canonical URL of a link to another page of this site, or None.

        `strict` also demands an article-like path (a slug with a hyphen, a dated path, `?p=N`).
        """
        if href is None:
            return None
        cached = (href, strict)
        if cached not in self.url_cache:
            self.url_cache[cached] = self._content_url(href, strict=strict)
        return self.url_cache[cached]

    def _content_url(self, href: str, *, strict: bool) -> str | None:
        if not href or href.strip().startswith(("#", "mailto:", "javascript:", "tel:")):
            return None
        url = urljoin(self.base, href.strip())
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _bare_host(url) not in self.hosts:
            return None
        url = canonicalize_url(url)
        if url_key(url) in self.self_keys or not _article_path(url, strict=strict):
            return None
        return url


def _bare_host(url: str) -> str:
    return host_of(url).removeprefix("www.")


def _article_path(url: str, *, strict: bool) -> bool:
    """Could this path be one article? `strict` also wants a hyphenated slug or a dated path."""
    parts = urlsplit(url)
    segments = [s.lower() for s in parts.path.split("/") if s]
    if not segments:
        return bool(_SHORTLINK.search(parts.query))
    if segments[0] in _NOT_ARTICLE or segments[-1] in _NOT_ARTICLE or _FILE.search(parts.path):
        return False
    if "page" in segments or _NOISE_QUERY.search(parts.query):
        return False
    if all(s.isdigit() for s in segments):  # date archives: /2023/03/14/
        return False
    if not strict:
        return True
    dated = len(segments) >= 4 and re.fullmatch(r"\d{4}", segments[0]) is not None
    return dated or "-" in segments[-1]


# --- blocks: which groups of cards the page holds -------------------------------------------


def _blocks(
    tree: HtmlElement, page: _Page, page_is_article: bool
) -> list[tuple[str, list[HtmlElement]]]:
    """(kind, cards) per block: related and featured containers first, then the feed."""
    blocks: list[tuple[str, list[HtmlElement]]] = []
    claimed: list[HtmlElement] = []
    for kind, container, explicit in _containers(tree, page):
        cards = _cards_in(container, page, single_ok=explicit)
        if cards:
            blocks.append((kind, cards))
            claimed.append(container)
    if page_is_article and any(kind == "related" for kind, _ in blocks):
        return [(kind, cards) for kind, cards in blocks if kind == "related"]
    if page_is_article:
        blocks = []

    skip = _within(claimed)
    if page_is_article:
        # The article's own text, and the article itself, hold links but no teasers.
        body = [el for sel in page.body_rules for el in select(tree, sel)]
        skip = _within([*claimed, *body], around=body)
    feed_kind = "related" if page_is_article else "listing"
    cards = _profile_cards(tree, page, skip)
    if cards:
        blocks.append((feed_kind, cards))
    elif page_is_article:
        groups = _generic_groups(tree, page, 2, skip, plain_ok=False)
        blocks += [("related", group) for group in groups]
    else:
        groups = _generic_groups(tree, page, 2, skip, plain_ok=False)
        if not groups:  # the last page of a listing may show a single card
            lone = _generic_groups(tree, page, 1, skip, plain_ok=False)
            groups = [g for g in lone if any(h.tag in _HEADINGS for h in g[0].iter())]
        blocks.append(("listing", [card for group in groups for card in group]))
    return blocks


def _containers(tree: HtmlElement, page: _Page) -> list[tuple[str, HtmlElement, bool]]:
    """Related and featured blocks: profile selectors, then class names and block headings."""
    found: list[tuple[str, HtmlElement, bool]] = []
    for kind in ("related", "featured"):
        for sel in page.rules.get(kind, ()):
            found += [(kind, el, True) for el in select(tree, sel)]
    for el in tree.iter(*_CONTAINER_TAGS):
        named = _block_kind(f"{el.get('class', '')} {el.get('id', '')}")
        if named:
            found.append((named, el, False))
    for heading in tree.iter(*_HEADINGS[1:]):
        if _RELATED_HEADING.match(_text(heading).lstrip("→»> ")):
            container = _heading_container(heading, page)
            if container is not None:
                found.append(("related", container, True))
    kept: list[tuple[str, HtmlElement, bool]] = []
    for kind, el, explicit in found:
        if any(_contains(k, el) or _contains(el, k) for _, k, _ in kept):
            continue
        total = len(_article_keys(tree, page)) if kind == "featured" else 0
        count = 0 if explicit else _plausible_size(el, page, kind, total)
        if explicit or count:
            kept.append((kind, el, explicit or count == 1))
    return kept


@lru_cache(maxsize=4096)
def _block_kind(label: str) -> str | None:
    """ "related" or "featured" when an element's classes/id name such a block."""
    # `featured` alone is Ghost's post_class on one card; tag-x & co. name a post's taxonomy.
    tokens = [
        t for t in label.lower().split() if t != "featured" and not t.startswith(_TAXONOMY_PREFIX)
    ]
    if any(_RELATED_CLASS.search(t) for t in tokens):
        return "related"
    if any(_FEATURED_CLASS.search(t) for t in tokens):
        return "featured"
    return None


def _heading_container(heading: HtmlElement, page: _Page) -> HtmlElement | None:
    """The nearest ancestor of a "Read next" heading that also holds article links."""
    node = heading
    for _ in range(4):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
        if node.find(".//h1") is not None or node.find(".//main") is not None:
            return None
        links = [a for a in node.iter("a") if not _contains(heading, a)]
        if any(page.content_url(a.get("href"), strict=False) for a in links):
            return node
    return None


def _plausible_size(el: HtmlElement, page: _Page, kind: str, total: int) -> int:
    """How many articles a block guessed from its class holds; 0 when it is not a block.

    Not the page's main area; a featured block is smaller than the rest of the page (a wrapper
    named `has-hero` that holds the whole feed is not one); a one-article block must wrap a
    whole card (its parent shows other articles), not sit inside one (`div.featured-image`).
    """
    if el.find(".//h1") is not None or el.find(".//main") is not None:
        return 0
    count = len(_article_keys(el, page))
    if kind == "featured" and 2 * count > total:
        return 0
    parent = el.getparent()
    if count == 1 and (parent is None or len(_article_keys(parent, page)) <= 1):
        return 0
    return count


def _article_keys(root: HtmlElement, page: _Page) -> set[str]:
    """The articles an element links to (asked for each candidate block and its parent)."""
    if root not in page.keys_cache:
        keys = {page.content_url(a.get("href"), strict=True) for a in _links(root)}
        keys.discard(None)
        page.keys_cache[root] = keys  # type: ignore[assignment]
    return page.keys_cache[root]


def _cards_in(container: HtmlElement, page: _Page, *, single_ok: bool) -> list[HtmlElement]:
    """Cards of one block: profile card selectors inside it, else generic detection.

    A recognised block is trusted: page-chrome zones (its own `*-header` wrapper) do not apply.
    """
    cards = _profile_cards(container, page, _nothing, zones=False)
    if cards:
        return cards
    groups = _generic_groups(container, page, 1 if single_ok else 2, _nothing, zones=False)
    return sorted((c for group in groups for c in group), key=_doc_order(container))


def _profile_cards(
    root: HtmlElement, page: _Page, skip: Skip, *, zones: bool = True
) -> list[HtmlElement]:
    """Matches of the first `card` selector that yields usable cards outside skipped areas."""
    for sel in page.rules.get("card", ()):
        cards = [
            el
            for el in select(root, sel)
            if not skip(el) and not (zones and _in_zone(el, root, page)) and _one_target(el, page)
        ]
        chosen = set(cards)
        outer = [c for c in cards if not any(a in chosen for a in c.iterancestors())]
        if outer:
            return outer
    return []


def _one_target(card: HtmlElement, page: _Page) -> bool:
    """True when a card links to exactly one page of the site (author/tag links aside)."""
    keys = {page.content_url(a.get("href"), strict=False) for a in _links(card)}
    keys.discard(None)
    return len(keys) == 1


def _generic_groups(
    root: HtmlElement,
    page: _Page,
    min_size: int,
    skip: Skip,
    *,
    plain_ok: bool = True,
    zones: bool = True,
) -> list[list[HtmlElement]]:
    """Repeated blocks under `root` that each hold links to exactly one article of the site.

    A card is the highest ancestor of an article link whose links all name that article;
    cards of the same shape under parents of the same shape form a group. Without
    `plain_ok`, lists of bare links (menus, "most read" lists) are not groups of cards.
    """
    under: dict[HtmlElement, set[str]] = {}
    links: list[tuple[HtmlElement, str]] = []
    for a in _links(root):
        url = page.content_url(a.get("href"), strict=True)
        if url is None or skip(a):
            continue
        links.append((a, url))
        for anc in a.iterancestors():
            under.setdefault(anc, set()).add(url)
            if anc is root:
                break
    cards: dict[HtmlElement, None] = {}
    for a, url in links:
        card = a
        while True:
            parent = card.getparent()
            if parent is None or parent is root or under.get(parent) != {url}:
                break
            if parent.tag in ("main", "body") or parent.find(".//h1") is not None:
                break  # a lone card must not swallow the page around it
            card = parent
        if _card_shaped(card) and not (zones and _in_zone(card, root, page)):
            cards[card] = None
    groups: dict[tuple, list[HtmlElement]] = {}
    for card in cards:
        groups.setdefault((_shape(card), _shape(card.getparent())), []).append(card)
    by_key = {
        key: g
        for key, g in groups.items()
        if len(g) >= min_size and (plain_ok or 2 * sum(map(_rich, g)) >= len(g))
    }
    kept = list(by_key.values())
    # A card styled apart (Casper's large first card) still belongs to its siblings' group,
    # and so does the lone card of a grid's last row (it climbed up to its row).
    by_parent = {c.getparent(): g for g in kept for c in g}
    for group in groups.values():
        if len(group) >= min_size:
            continue
        for card in group:
            if card.getparent() in by_parent:
                by_parent[card.getparent()].append(card)
                continue
            inner = (
                d
                for d in card.iterdescendants(etree.Element)
                if (_shape(d), _shape(d.getparent())) in by_key
            )
            found = next(inner, None)
            if found is not None:
                by_key[(_shape(found), _shape(found.getparent()))].append(found)
    order = _doc_order(root)
    return sorted((sorted(g, key=order) for g in kept), key=lambda g: order(g[0]))


def _rich(card: HtmlElement) -> bool:
    """A card shows more than a bare link: a heading, an image, a date or text of its own."""
    if any(d.tag in (*_HEADINGS, "img", "picture", "time") for d in card.iter(etree.Element)):
        return True
    link_text = sum(len(_text(a)) for a in _links(card))
    return len(_text(card)) > link_text + 1 or any(
        d.tag in _STRUCTURE_TAGS for a in _links(card) for d in a.iterdescendants()
    )


def _card_shaped(card: HtmlElement) -> bool:
    if card.tag not in _CARD_TAGS or card.find(".//h1") is not None:
        return False
    if card.tag == "a":
        return (
            any(d.tag in _BLOCK_TAGS or d.tag == "img" for d in card.iterdescendants())
            or len(_text(card).split()) >= 3
        )
    return True


def _shape(el: HtmlElement | None) -> tuple[str, frozenset[str]]:
    """Tag and layout classes of an element (per-post classes like tag-x or post-123 dropped)."""
    if el is None:
        return ("", frozenset())
    tokens = {
        t
        for t in (el.get("class") or "").split()
        if not re.search(r"\d", t)
        and not t.startswith((*_TAXONOMY_PREFIX, "has-", "no-"))
        and t not in ("featured", "sticky", "hentry", "first", "last", "odd", "even", "active")
    }
    return (str(el.tag), frozenset(tokens))


def _in_zone(card: HtmlElement, root: HtmlElement, page: _Page) -> bool:
    """True when the card or an ancestor below `root` is navigation, sidebar or page chrome."""
    chain = [card, *(a for a in card.iterancestors())]
    if root in chain:
        chain = chain[: chain.index(root)]
    for i, el in enumerate(chain):
        if el not in page.zone_cache:
            page.zone_cache[el] = _is_zone(el, chain[i + 1 :])
        if page.zone_cache[el]:
            return True
    return False


def _is_zone(el: HtmlElement, ancestors: list[HtmlElement]) -> bool:
    if el.tag in ("nav", "form") or (el.get("role") or "").lower() in _ZONE_ROLES:
        return True
    in_content = any(a.tag in ("main", "article") for a in ancestors)
    if el.tag in ("header", "footer") and not in_content:
        return True
    words = _class_words(el, skip_layout=True)
    if not (words & _ZONE_WORDS or (words & _CHROME_WORDS and not in_content)):
        return False
    # Layout wrappers named after a sidebar still hold the main content.
    return el.find(".//main") is None and el.find(".//h1") is None


def _class_words(el: HtmlElement, *, skip_layout: bool = False) -> frozenset[str]:
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


# --- one card → one Teaser -------------------------------------------------------------------


def _teaser(card: HtmlElement, page: _Page, kind: str) -> Teaser | None:
    """The fields a card shows; None when it names no article or shows neither title nor text."""
    authors = _authors(card, page)
    title_el, title = _title(card, page, authors)
    link = _main_link(card, title_el, page)
    if link is None:
        return None
    if title is None:
        title = _link_title(link, card, authors)
    if not authors and title is None:
        authors = _byline_guess(card)
    excerpt = _excerpt(card, page, title_el, [title or "", *authors])
    if title is None and excerpt is None:
        return None
    return Teaser(
        url=link,
        title=title,
        excerpt=excerpt,
        authors=authors,
        published=_published(card, page),
        kind=kind,
    )


def _main_link(card: HtmlElement, title_el: HtmlElement | None, page: _Page) -> str | None:
    """The article the card points to: the title's link first, else its first site link."""
    candidates: list[HtmlElement] = []
    if title_el is not None:
        candidates += [a for a in title_el.iterancestors("a") if _contains(card, a)]
        candidates += _links(title_el) if title_el.tag != "a" else [title_el]
    candidates += [card] if card.tag == "a" else []
    candidates += _links(card)
    for a in candidates:
        url = page.content_url(a.get("href"), strict=False)
        if url:
            return url
    return None


def _title(
    card: HtmlElement, page: _Page, authors: list[str]
) -> tuple[HtmlElement | None, str | None]:
    """The card's heading (profile selectors, then any heading or *title* element)."""
    banned = {a.casefold() for a in authors}
    for sel in (*page.rules.get("title", ()), *_GENERIC_TITLE):
        for el in select(card, sel):
            if _class_words(el) & (_AUTHOR_WORDS | _DATE_WORDS):
                continue
            text = _text(el, skip=lambda e: bool(_class_words(e) & _BADGE_WORDS))
            if text and text.casefold() not in banned and not _MORE_TEXT.match(text):
                return el, text
    return None, None


def _link_title(link_url: str, card: HtmlElement, authors: list[str]) -> str | None:
    """A titleless card's best name: a link `title`, an image alt, or short plain link text."""
    banned = {a.casefold() for a in authors}
    links = [
        a
        for a in ([card] if card.tag == "a" else []) + _links(card)
        if a.get("href") and canonicalize_url(urljoin(link_url, a.get("href"))) == link_url
    ]
    for a in links:
        value = normalize_space(a.get("title"))
        if value and value.casefold() not in banned:
            return value
    for img in card.iter("img"):
        alt = normalize_space(img.get("alt"))
        in_byline = any(
            _class_words(e) & (_AUTHOR_WORDS | {"avatar"})
            for e in [img, *img.iterancestors()]
            if _contains(card, e)
        )
        if alt and not _FILENAME.search(alt) and alt.casefold() not in banned and not in_byline:
            return alt
    for a in links:
        if any(d.tag in _STRUCTURE_TAGS for d in a.iterdescendants()):
            continue
        text = _text(a)
        if 3 <= len(text) <= 160 and not _MORE_TEXT.match(text):
            return text
    return None


def _excerpt(
    card: HtmlElement, page: _Page, title_el: HtmlElement | None, banned: list[str]
) -> str | None:
    """The card's summary as displayed, without its "Lire la suite" link."""
    refused = {b.casefold() for b in banned if b}

    def usable(el: HtmlElement) -> str | None:
        if title_el is not None and (_contains(el, title_el) or _contains(title_el, el)):
            return None
        text = _text(el, skip=_is_more_link)
        return text if _excerpt_like(text, refused) else None

    for sel in (*page.rules.get("excerpt", ()), *_GENERIC_EXCERPT):
        for el in select(card, sel):
            text = usable(el)
            if text:
                return text
    best: str | None = None
    for el in card.iter("p", "div", "span", "section", "a"):
        if any(d.tag in _STRUCTURE_TAGS for d in el.iterdescendants()) or _is_meta(el, card):
            continue
        text = usable(el)
        if text and (best is None or len(text) > len(best)):
            best = text
    return best


def _excerpt_like(text: str, refused: set[str]) -> bool:
    if not text or text.casefold() in refused or _MORE_TEXT.match(text):
        return False
    if _READING_TIME.match(text) or (_TEXT_DATE.search(text) and len(text) < 40):
        return False
    return len(text.split()) >= 3 or len(text) >= 20


def _is_meta(el: HtmlElement, card: HtmlElement) -> bool:
    """True inside a card's figure, byline, date, tag or title parts."""
    for node in [el, *el.iterancestors()]:
        if node is card:
            return False
        if node.tag in ("figure", "figcaption", "time") or _class_words(node) & _META_WORDS:
            return True
        href = node.get("href") or ""
        if node.tag == "a" and re.search(r"/(author|tag|category)/", href):
            return True
    return False


def _is_more_link(el: HtmlElement) -> bool:
    """A "Lire la suite"/"Read more" control: skipped when reading an excerpt."""
    text = _text(el)
    if el.tag in ("a", "span", "div", "p") and _MORE_TEXT.match(text):
        return True
    words = _class_words(el)
    return (
        el.tag in ("a", "span", "div")
        and len(text) <= 40
        and (bool(words & _MORE_WORDS) or {"read", "more"} <= words)
    )


def _authors(card: HtmlElement, page: _Page) -> list[str]:
    """Display names of the card's authors, each once (avatars repeat the name in `alt`)."""
    names: list[str] = []
    for sel in page.rules.get("authors", ()):
        found = select(card, sel)
        if found:
            for el in found:
                names += _names_in(el)
            break
    if not names:
        for a in _links(card):
            if re.search(r"/authors?/[^/]", a.get("href") or "") or a.get("rel") == "author":
                names += _names_in(a)
    if not names:
        for el in card.iter(etree.Element):
            words = _class_words(el)
            if words & _AUTHOR_WORDS and not words & _IMAGE_WORDS and el.tag != "img":
                names += _names_in(el)
                if names:
                    break
    unique: dict[str, str] = {}
    for name in _split_by_avatars(names, card):
        unique.setdefault(name.casefold(), name)
    return list(unique.values())


def _split_by_avatars(names: list[str], card: HtmlElement) -> list[str]:
    """One byline text that is several avatars' names run together ("A B") → those names."""
    if len(names) != 1:
        return names
    alts = [normalize_space(img.get("alt")) for img in card.iter("img")]
    alts = [a for a in alts if a]
    for start in range(len(alts)):
        for end in range(start + 2, len(alts) + 1):
            if " ".join(alts[start:end]).casefold() == names[0].casefold():
                return alts[start:end]
    return names


def _byline_guess(card: HtmlElement) -> list[str]:
    """A titleless card's byline without a telling class: a name-like line after its link.

    Only for titleless cards (excerpt + author line): elsewhere such lines are kickers or badges.
    """
    nodes = list(card.iter(etree.Element))
    first_link = next((a for a in nodes if a.tag == "a" and a.get("href")), None)
    if first_link is None:
        return []
    start = nodes.index(first_link) + sum(1 for _ in first_link.iterdescendants(etree.Element))
    for el in nodes[start + 1 :]:
        if len(el) or el.tag in ("a", "img", "dt", "th", "label") or _is_meta(el, card):
            continue
        if _is_more_link(el):
            continue
        if any(a.tag == "a" for a in _ancestors_within(el, card)):
            continue
        text = _text(el)
        if text and _NAME_SHAPE.match(text) and len(text) <= 40:
            return [text]
    return []


def _names_in(el: HtmlElement) -> list[str]:
    """Names shown by a byline: its author links or name elements, else its text split on "et"."""
    links = [a for a in el.iter("a") if re.search(r"/authors?/[^/]", a.get("href") or "")]
    if links and el.tag != "a":
        return [n for a in links for n in _names_in(a)]
    leaves = [
        d
        for d in el.iterdescendants(etree.Element)
        if len(d) == 0 and not _is_date_part(d) and _text(d)
    ]
    if len(leaves) >= 2:
        return [n for leaf in leaves for n in _names_in(leaf)]
    text = _text(el, skip=_is_date_part)
    if not text:
        alts = [normalize_space(i.get("alt")) for i in el.iter("img")]
        return [a for a in alts if a and not _IMAGE_FILE.search(a)][:1]
    text = _BYLINE_PREFIX.sub("", text)
    names = [n.strip(" ·•|—–-") for n in _NAME_SPLIT.split(text)]
    return [n for n in names if n and len(n) <= 60 and not re.search(r"\d{4}", n)]


def _is_date_part(el: HtmlElement) -> bool:
    return el.tag == "time" or bool(_class_words(el) & (_DATE_WORDS - {"byline", "meta", "info"}))


def _published(card: HtmlElement, page: _Page) -> str | None:
    """The card's date: machine-readable attributes first, dateparser only for shown text."""
    machine = sorted(card.iter("time", "meta", "abbr"), key=_date_rank)
    for el in machine:
        value = el.get("datetime") or el.get("content") or el.get("title")
        iso = parse_iso(value) if value else None
        if iso:
            return iso
    candidates = [el for sel in page.rules.get("published", ()) for el in select(card, sel)]
    candidates += [
        el for el in card.iter(etree.Element) if el.tag == "time" or _class_words(el) & _DATE_WORDS
    ]
    for el in candidates:
        if _is_title_or_excerpt(el):
            continue
        match = _TEXT_DATE.search(_text(el))
        if match:
            parsed = parse_date(match.group(0), page.languages)
            if parsed:
                return parsed
    return None


def _date_rank(el: HtmlElement) -> int:
    """Published dates first, modification dates last (some themes mark both `updated`)."""
    words = _class_words(el) | {(el.get("itemprop") or "").lower()}
    if words & {"published", "datepublished"}:
        return 0
    return 2 if words & {"modified", "datemodified", "datecreated"} else 1


def _is_title_or_excerpt(el: HtmlElement) -> bool:
    words = _class_words(el)
    return el.tag in _HEADINGS or bool(words & {"title", "excerpt", "summary", "description"})


# --- small tree helpers ----------------------------------------------------------------------


def _links(root: HtmlElement) -> list[HtmlElement]:
    return [a for a in root.iter("a") if a.get("href")]


def _ancestors_within(el: HtmlElement, root: HtmlElement) -> list[HtmlElement]:
    """Ancestors of `el` up to and excluding `root`."""
    chain = []
    for anc in el.iterancestors():
        if anc is root:
            break
        chain.append(anc)
    return chain


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    """True when `inner` is `outer` or one of its descendants."""
    return inner is outer or any(a is outer for a in inner.iterancestors())


def _within(roots: Iterable[HtmlElement], around: Iterable[HtmlElement] = ()) -> Skip:
    """A test for elements inside one of `roots`, or holding one of `around`."""
    roots, around = list(roots), list(around)
    return lambda el: any(_contains(r, el) for r in roots) or any(_contains(el, r) for r in around)


def _nothing(el: HtmlElement) -> bool:
    return False


def _doc_order(root: HtmlElement) -> Callable[[HtmlElement], int]:
    order = {el: i for i, el in enumerate(root.iter())}
    return lambda el: order.get(el, 0)


def _hidden(el: HtmlElement) -> bool:
    if not isinstance(el.tag, str) or el.tag in _HIDDEN_TAGS:
        return True
    classes = set((el.get("class") or "").split())
    return (
        bool(classes & _HIDDEN_CLASSES)
        or el.get("hidden") is not None
        or (el.get("aria-hidden") == "true")
    )


def _text(el: HtmlElement, skip: Skip | None = None) -> str:
    """Visible text of an element: hidden parts and `skip`ped subtrees left out, blocks spaced."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is not el and (_hidden(node) or (skip is not None and skip(node))):
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            parts.append(" ")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append(" ")

    walk(el)
    return normalize_space("".join(parts))
