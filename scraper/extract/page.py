"""What is this page? Classify it (article / listing / other) and dispatch to the extractors.

Signals, strongest first: the era's `not_article` selectors, CMS body classes (Ghost's
`post-template`…, WordPress's `single-post`…), the declared JSON-LD/OpenGraph type, the URL
shape (profile patterns), and last the page's shape (one long text block vs many cards).
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.article import build_article
from scraper.extract.body import blocks_text, collect_blocks
from scraper.extract.generic import find_content, junk
from scraper.extract.html import cap_links, page_body, parse_html
from scraper.extract.selectors import detect_era, select
from scraper.extract.structured import NON_ARTICLE_TYPES, Structured, read_structured
from scraper.extract.teasers import extract_teasers
from scraper.extract.text import node_text, word_count
from scraper.extract.vocabulary import AUTHORED_CLASSES
from scraper.items import Article, Listing
from scraper.profiles import Era, Profile, canonical, profile_for_url
from scraper.urls import well_formed

# Body classes set by the CMS itself (Ghost core `body_class`, WordPress `body_class()`).
_ARTICLE_CLASSES = frozenset({"post-template", "single-post", "single"})
_LISTING_CLASSES = frozenset(
    {
        "home-template",
        "tag-template",
        "author-template",
        "paged",
        "home",
        "blog",
        "archive",
        "category",
        "tag",
        "author",
        "date",
        "search",
        "search-results",
    }
)
_OTHER_CLASSES = frozenset({"page-template", "error-template", "error404", "page"})
# Types many sites declare on every page, articles included (og:type's default is "website").
_SITE_WIDE_TYPES = frozenset({"website", "organization", "newsmediaorganization"})
_MIN_ARTICLE_WORDS = 120
_MIN_BRIEF_WORDS = 50
_MIN_LISTING_CARDS = 3


def extract(html: str | bytes, url: str | None = None, profile: Profile | None = None) -> Article:
    """Extract an article from a page, whatever the page is; fields may be empty."""
    return _extract(parse_html(html), url, profile)


def _extract(tree: HtmlElement, url: str | None, profile: Profile | None = None) -> Article:
    url = url if url is None or well_formed(url) else None
    cap_links(tree)
    profile, era, data = _read(tree, url, profile)
    return build_article(tree, url, profile, era, data)


def extract_page(
    html: str | bytes | HtmlElement,
    url: str,
    profile: Profile | None = None,
    declared: str | None = None,
) -> Article | Listing | None:
    """An Article (with its related teasers), a Listing of teasers, or None for other pages.

    `html` may be a tree from `parse_html` (the spider parses once for links and fields);
    extraction may modify it.
    """
    url = url if well_formed(url) else ""  # a page at a malformed URL has no links of its own
    tree = html if isinstance(html, HtmlElement) else parse_html(html, declared)
    cap_links(tree)
    profile, era, data = _read(tree, url, profile)
    kind = classify(tree, url, profile, era, data)
    if kind == "article":
        article = build_article(tree, url, profile, era, data)
        article.teasers = extract_teasers(tree, url, era, page_is_article=True, profile=profile)
        return article
    if kind == "listing":
        return Listing(
            canonical(url, profile),
            extract_teasers(tree, url, era, page_is_article=False, profile=profile),
        )
    return None


def _read(
    tree: HtmlElement, url: str | None, profile: Profile | None
) -> tuple[Profile | None, Era | None, Structured]:
    """What every extraction starts from: the profile (given, or found by the URL's host),
    the profile era the page belongs to, and the page's structured data."""
    if profile is None and url:
        profile = profile_for_url(url)
    return profile, detect_era(tree, profile), read_structured(tree)


def classify(
    tree: HtmlElement, url: str, profile: Profile | None, era: Era | None, data: Structured
) -> str:
    """'article', 'listing' or 'other', from the strongest signal the page gives."""
    url_kind = profile.classify_url(profile.localize(url)) if profile else "unknown"
    classes = set((page_body(tree).get("class") or "").split())
    if era and any(select(tree, s) for s in era.article.get("not_article", ())):
        return "other" if classes & _OTHER_CLASSES and not classes & _LISTING_CLASSES else "listing"
    if classes & _ARTICLE_CLASSES:
        return "article"
    if classes & _OTHER_CLASSES:
        return "other"
    if classes & _LISTING_CLASSES:
        return "listing"
    declared = data.is_article()
    if declared is True and url_kind != "listing":
        return "article"
    if url_kind == "ignore":
        return "other"
    if url_kind == "listing":
        return "listing"
    if declared is False and not (url_kind == "article" and _only_site_wide_types(data)):
        return "listing" if _has_cards(tree, url, profile, era) else "other"
    # A URL shaped like an article's vouches for a short story (a brief, a news flash).
    min_words = _MIN_BRIEF_WORDS if url_kind == "article" else _MIN_ARTICLE_WORDS
    return _by_shape(tree, url, profile, era, min_words)


def _only_site_wide_types(data: Structured) -> bool:
    """The page declares only what every page of the site declares (og:type "website", the
    publisher): no evidence against an article whose URL looks like one."""
    return {t for t in data.types if t in NON_ARTICLE_TYPES} <= _SITE_WIDE_TYPES


def _card_count(tree: HtmlElement) -> int:
    """Repeated teaser-like blocks: articles or list items holding a heading link."""
    return len(tree.xpath("//article[.//a[@href]] | //*[self::h2 or self::h3][a[@href]]"))


def _by_shape(
    tree: HtmlElement, url: str, profile: Profile | None, era: Era | None, min_words: int
) -> str:
    """One text block of `min_words` or more is an article; many cards without one is a
    listing."""
    skip = junk(tree)
    words = word_count(blocks_text(collect_blocks(find_content(tree, skip), skip)))
    if words >= min_words:
        return "article"
    return "listing" if _has_cards(tree, url, profile, era) else "other"


def _has_cards(tree: HtmlElement, url: str, profile: Profile | None, era: Era | None) -> bool:
    """Several teaser cards: headline links in <article>s, or what the teaser detector finds."""
    if _card_count(tree) >= _MIN_LISTING_CARDS:
        return True
    teasers = extract_teasers(tree, url, era, page_is_article=False, profile=profile)
    return len(teasers) >= _MIN_LISTING_CARDS


def body_only(html: str | bytes, url: str | None = None) -> str:
    """The page's main text as the generic extractor archives it, standfirst then body, and no
    other field (benchmark adapter, the one the shared corpora's READMEs name: trafilatura's
    snippets and the metadata corpora's truth count the standfirst; `article_body` leaves it out)."""
    return _main_text(parse_html(html), url)[1]


_GHOST = etree.XPath("/descendant::meta[@name='generator'][starts-with(@content, 'Ghost')]")
_GHOST_POST = etree.XPath(
    " | ".join(
        f"//*[contains(concat(' ', @class, ' '), ' {c} ')]" for c in sorted(AUTHORED_CLASSES)
    )
)


def _main_text(tree: HtmlElement, url: str | None) -> tuple[Article, str]:
    """The article and its main text: standfirst then body, but on Ghost the post alone.
    Ghost keeps a post's excerpt as a field of its own beside the post's content; themes show
    it as a standfirst, and Ghost pages' ground truth (cms-dev) leaves it out of the text
    (a standfirst taken from the post's own first paragraph stays)."""
    post = next(iter(_GHOST_POST(tree)), None) if _GHOST(tree) else None
    article = _extract(tree, url)
    lede = article.lede
    if not lede or lede in article.body:
        return article, article.body
    if post is not None and lede not in node_text(post):
        return article, article.body
    return article, f"{lede}\n\n{article.body}"


def meta_prediction(html: str | bytes, url: str | None = None) -> dict[str, object]:
    """The fields the shared metadata scorer reads (benchmark adapter)."""
    article, text = _main_text(parse_html(html), url)
    return {
        "title": article.title,
        "authors": article.authors,
        "publishing_date": article.published,
        "body": text,
        "lede": article.lede,  # no corpus scores it: bench/site_check.py lists its changes
    }


def article_body(html: str | bytes, url: str | None = None) -> str:
    """The body field of a full extraction, standfirst left out as AEB's truth leaves it
    (benchmark adapter; every field is computed: the speed of `extract` as a crawl runs it)."""
    return extract(html, url).body
