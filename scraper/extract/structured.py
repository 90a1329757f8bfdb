"""Structured metadata in the page head: JSON-LD (incl. @graph), OpenGraph and meta tags."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.authors import given_name_first
from scraper.extract.html import page_body, parse_html
from scraper.extract.text import node_text, normalize_space
from scraper.extract.vocabulary import AUTHOR_LABELS

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "liveblogposting",
        "scholarlyarticle",
        "techarticle",
        "socialmediaposting",
        "report",
        "posting",
    }
)
NON_ARTICLE_TYPES = frozenset(
    {
        "website",
        "series",
        "person",
        "profilepage",
        "collectionpage",
        "searchresultspage",
        "itemlist",
        "aboutpage",
        "contactpage",
        "organization",
        "newsmediaorganization",
    }
)
_META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "og:published_time",
    "published_time",
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "cxenseparse:recs:published",
    "displaydate",
    # Dublin Core in its other spellings, RDFa's schema.org, and scholarly publishers' tags.
    "dcterms.issued",
    "dcterms.date",
    "dc.date.created",
    "dc:date",
    "dc:created",
    "dcterms:created",
    "dcterms:issued",
    "schema:datepublished",
    "schema:datecreated",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
)
# Publishers' and platforms' own names, as htmldate reads them (Advance Local's
# article_date_original, the NYT's pdate, the Telegraph's dcsext, Schibsted's publisheddate…):
# many give local time without a zone, so they date only a page that declares and shows no
# other date; their modified dates come after every other.
_META_PUBLISHED_ELSE = (
    "article_date_original",
    "article:published",
    "article:published_date",
    "article:publicationdate",
    "article:post_date",
    "article.created",
    "og:article:published",
    "og:datepublished",
    "og:pubdate",
    "og:publish_date",
    "dc.date.publication",
    "dc.created",
    "dcsext.articlefirstpublished",
    "analyticsattributes.articledate",
    "content_create_date",
    "date_created",
    "date_published",
    "dateposted",
    "doc_date",
    "mediator_published_time",
    "originalpublicationdate",
    "pdate",
    "publication_date",
    "publish_time",
    "published-date",
    "published_date",
    "publisheddate",
    "rbpubdate",
    "rnews:datepublished",
    "shareaholic:article_published_time",
    "twt-published-at",
    "vr:published_time",
    "bt:pubdate",
)
_PROPERTY_PUBLISHED = frozenset(
    {"datepublished", "schema:datepublished", "datecreated", "schema:datecreated", "dc:date"}
)
_PROPERTY_MODIFIED = frozenset({"datemodified", "schema:datemodified"})
_META_MODIFIED = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "article:modified",
)
_META_MODIFIED_ELSE = (
    "og:article:modified_time",
    "og:modified_time",
    "article:modified_date",
    "article:post_modified",
    "modified_time",
    "modificationdate",
    "dc.modified",
    "bt:moddate",
    "lastmod",
    "lastmodified",
    "revision_date",
)
_META_AUTHOR = (
    "author",
    "article:author",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "cxenseparse:author",
    "og:article:author",
    "dcterms.creator",
    "citation_author",
)
# Library conventions (Dublin Core, Highwire's citation_author) write one creator per tag,
# surname first: "Brazil, Rachel" is Rachel Brazil, not two people.
_SURNAME_FIRST = frozenset({"dc.creator", "dcterms.creator", "citation_author"})
_BRACKETED = re.compile(r"\s*\([^)]*\)\s*$")
# An address, not a name: "https://…", "www.…", "facebook.com/someone".
_URLISH = re.compile(r"^(https?:)?//|^www\.|^[\w-]+(\.[\w-]+)+/", re.IGNORECASE)


@dataclass
class Structured:
    """What the page says about itself in machine-readable form (raw strings, uncleaned)."""

    types: list[str] = field(default_factory=list)  # lower-cased JSON-LD @type values + og:type
    headline: str | None = None
    og_title: str | None = None
    html_title: str | None = None
    # JSON-LD's description, then the meta tags' others: one of them may be a picture's caption.
    descriptions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # JSON-LD author, then contributor
    meta_authors: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # best source first
    # Dates under publishers' own meta names: read when the page declares and shows no other.
    published_else: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    canonical: str | None = None
    og_url: str | None = None
    locale: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    article_body: str | None = None  # JSON-LD articleBody: full text some pages only ship there
    # A schema.org HowTo's steps, one per line; a Recipe (a kind of HowTo) has ingredients first.
    how_to: str | None = None

    def is_article(self) -> bool | None:
        """True/False when the declared type says article / not article; None when silent."""
        if any(t in ARTICLE_TYPES for t in self.types):
            return True
        if any(t in NON_ARTICLE_TYPES for t in self.types):
            return False
        return None


def read_structured(tree: HtmlElement) -> Structured:
    """Collect JSON-LD, OpenGraph and meta tags of a page."""
    data = Structured()
    meta = _meta_map(tree)
    _read_jsonld(tree, data)
    og_type = _first(meta, "og:type")
    if og_type:
        data.types.append(
            og_type.lower().split(".")[-1] if og_type.startswith("video") else og_type.lower()
        )
    data.og_title = _first(meta, "og:title", "twitter:title")
    title = tree.find(".//title")
    data.html_title = normalize_space(title.text_content()) or None if title is not None else None
    for name in ("og:description", "description", "twitter:description"):
        value = _first(meta, name)
        if value and value not in data.descriptions:
            data.descriptions.append(value)
    data.image = data.image or _first(
        meta,
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
    )
    for name in _META_AUTHOR:
        for value in meta.get(name, []):
            if not _URLISH.match(value):
                data.meta_authors.append(
                    given_name_first(value) if name in _SURNAME_FIRST else value
                )
    label = _first(meta, "twitter:label1")
    if label and label.strip().lower().rstrip(":") in AUTHOR_LABELS:
        data.meta_authors.extend(meta.get("twitter:data1", []))
    for name in _META_PUBLISHED:
        data.published.extend(meta.get(name, []))
    for name in _META_MODIFIED:
        data.modified.extend(meta.get(name, []))
    # Microdata (itemprop) and RDFa (property) on visible elements: <time>, <span content>.
    for el in _PROPERTIES(tree):
        # A property attribute holds a list of names ("datePublished dateCreated").
        props = set((el.get("itemprop") or el.get("property") or "").lower().split())
        value = el.get("content") or el.get("datetime")
        if not value:
            continue
        if props & _PROPERTY_PUBLISHED and not in_reply(el):
            data.published.append(value)
        elif props & _PROPERTY_MODIFIED and not in_reply(el):
            data.modified.append(value)
    published, modified = _item_meta_dates(tree)
    data.published.extend(published)
    data.modified.extend(modified)
    for name in _META_PUBLISHED_ELSE:
        data.published_else.extend(meta.get(name, []))
    for name in _META_MODIFIED_ELSE:
        data.modified.extend(meta.get(name, []))
    data.tags = meta.get("article:tag", []) + data.tags
    data.canonical = _link(tree, "canonical")
    data.og_url = _first(meta, "og:url")
    data.locale = _first(meta, "og:locale")
    # <meta name=publisher content="Deutsche Welle (www.dw.com)">: the name without its URL.
    declared = _first(meta, "publisher")
    data.publisher = data.publisher or (
        _BRACKETED.sub("", declared).strip() or None if declared else None
    )
    data.site_name = _first(meta, "og:site_name", "application-name") or data.publisher
    return data


_PROPERTIES = etree.XPath("/descendant::*[@itemprop or @property][not(self::meta)]")
_ITEM_METAS = etree.XPath("/descendant::meta[@itemprop][@content]")


def _item_meta_dates(tree: HtmlElement) -> tuple[list[str], list[str]]:
    """(published, modified) as microdata gives them in <meta itemprop>s (USA Today's, in its
    <head>): each kept when it belongs to no item nested in another (an image's, a reply's)
    and is the only such date, since a list of cards each gives its own. One pass for both."""
    published: set[str] = set()
    modified: set[str] = set()
    kinds = dict.fromkeys(_PROPERTY_PUBLISHED, published) | dict.fromkeys(
        _PROPERTY_MODIFIED, modified
    )
    for el in _ITEM_METAS(tree):
        props = el.get("itemprop", "").lower().split()
        dates = next((kinds[p] for p in props if p in kinds), None)
        if dates is not None and not _nested_item(el):
            dates.add(el.get("content", "").strip())
    return _the_only(published), _the_only(modified)


def _the_only(values: set[str]) -> list[str]:
    values.discard("")
    return list(values) if len(values) == 1 else []


def _item(el: HtmlElement) -> HtmlElement | None:
    """The microdata item a property belongs to: the nearest element above it with itemscope."""
    return next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def _nested_item(el: HtmlElement) -> bool:
    """Whether a property belongs to an item that is itself another item's property."""
    item = _item(el)
    return item is not None and item.get("itemprop") is not None


# Items that answer the page's own: a comment, a review, a forum's reply.
_REPLY_PROPS = frozenset({"comment", "review", "suggestedanswer", "acceptedanswer"})
_REPLY_TYPES = re.compile(r"/(?:Comment|Review|Answer)$")


def in_reply(el: HtmlElement) -> bool:
    """Whether a microdata property belongs to a reply nested in the page's item (a
    schema.org Comment in Discourse's thread, a Review): its date is the reply's."""
    item = _item(el)
    if el.get("itemscope") is not None or item is None:
        return False
    return (item.get("itemprop") or "").lower() in _REPLY_PROPS or bool(
        _REPLY_TYPES.search(item.get("itemtype") or "")
    )


def _meta_map(tree: HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for el in tree.iterfind(".//meta"):
        # itemprop metas describe nested items (an image's author), not the page.
        key = el.get("property") or el.get("name")
        value = el.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), []).append(value.strip())
    return found


def _first(meta: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        values = meta.get(name)
        if values:
            return values[0]
    return None


def _link(tree: HtmlElement, rel: str) -> str | None:
    for el in tree.iterfind(".//link[@rel]"):
        if rel in el.get("rel", "").lower().split() and el.get("href", "").strip():
            return el.get("href").strip()
    return None


def _jsonld_nodes(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph and lists flattened."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in script.get("type", "").lower():
            continue
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            doc = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack = [doc]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                nodes.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                # The page's article inside a page or blog node: its main entity, or a blog's
                # one post (Hashnode's starter kit declares the post as a Blog's blogPost).
                posts = _as_list(item.get("blogPost"))
                stack.extend(
                    main
                    for main in (item.get("mainEntity"), posts[0] if len(posts) == 1 else None)
                    if isinstance(main, dict) and _types(main) & ARTICLE_TYPES
                )
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values if v}


def _read_jsonld(tree: HtmlElement, data: Structured) -> None:
    nodes = _jsonld_nodes(tree)
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    for node in nodes:
        data.types.extend(t for t in _types(node) if t not in data.types)
    how_to = next((n for n in nodes if _types(n) & {"recipe", "howto"}), None)
    if how_to is not None:
        lines = [
            *_as_list(how_to.get("recipeIngredient")),
            *_steps(how_to.get("recipeInstructions") or how_to.get("step")),
        ]
        data.how_to = "\n".join(filter(None, map(_plain, lines))) or None
    article = next((n for n in nodes if _types(n) & ARTICLE_TYPES), None)
    if article is None:
        article = next(
            (n for n in nodes if "webpage" in _types(n) and n.get("datePublished")), None
        )
    if article is None:
        # One HowTo, Recipe or ClaimReview declares when the page was published: its date
        # is the page's, though its names (a fact-checking outlet…) are not the story's.
        dated = [n for n in nodes if n.get("datePublished") and _types(n) - NON_ARTICLE_TYPES]
        if len(dated) == 1 and (published := _string(dated[0].get("datePublished"))):
            data.published.append(published)
        return
    data.headline = _string(article.get("headline")) or _string(article.get("name"))
    body = article.get("articleBody")
    if isinstance(body, str) and body.strip():
        data.article_body = _once(unescape(body) if "&" in body else body)
    data.descriptions = list(filter(None, [_string(article.get("description"))]))
    people = _as_list(article.get("author")) or _as_list(article.get("creator"))
    for person in people + _as_list(article.get("contributor")):
        name = _name(person, by_id)
        if name and name not in data.authors:
            data.authors.append(name)
    for key, target in (
        ("datePublished", data.published),
        ("dateCreated", data.published),
        ("dateModified", data.modified),
    ):
        value = _string(article.get(key))
        if value:
            target.append(value)
    data.image = _image(article.get("image"), by_id) or _image(article.get("thumbnailUrl"), by_id)
    section = [_string(s) for s in _as_list(article.get("articleSection"))]
    data.tags = [s for s in section if s]
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        data.keywords = [k.strip() for k in keywords.split(",") if k.strip()]
    elif isinstance(keywords, list):
        data.keywords = [str(k).strip() for k in keywords if str(k).strip()]
    publisher = article.get("publisher")
    if isinstance(publisher, dict):
        publisher = _dereferenced(publisher, by_id, "name")
        data.publisher = _string(publisher.get("name"))


def _steps(value: Any) -> list[Any]:
    """A how-to's steps in order: strings, HowToSteps' texts, HowToSections' names and steps."""
    steps: list[Any] = []
    for item in _as_list(value):
        if isinstance(item, dict):
            steps.append(item.get("name") if "itemListElement" in item else item.get("text"))
            steps.extend(_steps(item.get("itemListElement")))
        else:
            steps.append(item)
    return steps


def _plain(value: Any) -> str | None:
    """A declared string as text: some CMSs write a how-to's steps in HTML."""
    text = _string(value)
    if text and "<" in text:
        text = node_text(page_body(parse_html(text)))
    return text or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _once(text: str) -> str:
    """A text written twice over, whole (Corriere della Sera's articleBody repeats the story
    after itself), once: the declared body is compared with the shown one by length."""
    half, rest = divmod(len(text), 2)
    first, second = text[:half], text[half + rest :]
    return first.strip() if first.strip() == second.strip() and first.strip() else text


def _string(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (str, int, float)):
        # Some CMSs HTML-escape JSON-LD strings ("R&uuml;ckbau"); JSON needs no entities.
        text = normalize_space(unescape(str(value)) if "&" in str(value) else str(value))
        return text or None
    return None


def _dereferenced(
    node: dict[str, Any], by_id: dict[str, dict[str, Any]], own: str
) -> dict[str, Any]:
    """A node given by reference only ({"@id": "#publisher"}, without its `own` field): the
    node the page declares under that id; any other node (or an @id that is no string) as is."""
    ref = node.get("@id")
    if own in node or not isinstance(ref, str):
        return node
    return by_id.get(ref, node)


def _name(person: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    if isinstance(person, str):
        return None if _URLISH.match(person) else normalize_space(person) or None
    if not isinstance(person, dict):
        return None
    person = _dereferenced(person, by_id, "name")
    name = person.get("name")
    if isinstance(name, dict):
        name = name.get("@value")
    if not name and (person.get("givenName") or person.get("familyName")):
        name = f"{person.get('givenName', '')} {person.get('familyName', '')}"
    name = _string(name)
    if name and " " not in name:
        return _named_in_bio(name, _string(person.get("description"))) or name
    return name


_MAX_SURNAMES = 3


def _named_in_bio(first: str, bio: str | None) -> str | None:
    """The full name a profile's description opens with when the profile's name is a first
    name only (Yoast: name "Nils", description "Nils Pickert ist freier Autor…")."""
    words = (bio or "").split()
    if not words or words[0] != first:
        return None
    rest = list(itertools.takewhile(lambda w: w[:1].isupper() and w.isalpha(), words[1:]))
    if not rest or len(rest) > _MAX_SURNAMES:
        return None
    return " ".join([first, *rest])


def _image(value: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            item = _dereferenced(item, by_id, "url")
            url = item.get("url") or item.get("contentUrl")
            if isinstance(url, str) and url.strip():
                return url.strip()
    return None
