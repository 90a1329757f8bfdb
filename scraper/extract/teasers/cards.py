"""One card → one Teaser: the article it links to, its title, excerpt, authors and date."""

from __future__ import annotations

import itertools
import re
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.authors import NAME_SEPARATORS, labelled, looks_like_name, split_names
from scraper.extract.dates import DATE_IN_TEXT, parse_date, parse_iso
from scraper.extract.selectors import select
from scraper.extract.teasers.page import Page, topic_page
from scraper.extract.teasers.tree import (
    STRUCTURE_TAGS,
    class_words,
    contains,
    hidden,
    links_in,
    visible_text,
)
from scraper.extract.text import HEADING_TAGS, normalize_space
from scraper.extract.vocabulary import (
    AUTHOR_LABELS,
    BY_WORDS,
    COMMENT_CLASS,
    READ_MORE,
    READING_TIME,
    TIME_AGO,
    alternation,
    is_call_to_action,
)
from scraper.items import Teaser

_MORE_WORDS = frozenset({"more", "readmore", "more-link"})
_MORE_TAGS = frozenset({"a", "span", "div", "p"})
_MORE_MAX_ELEMENTS = 20
_COUNT_DESCENDANTS = etree.XPath("count(descendant::*)")
_ICON_PX = 40
_READING_TIME = re.compile(f"^{READING_TIME}", re.I)
_DATE_WORDS = frozenset(
    {"date", "time", "published", "posted", "meta", "byline", "info", "pubdate"}
)
_AUTHOR_WORDS = frozenset({"author", "authors", "byline", "writer", "auteur", "auteurs"})
_IMAGE_WORDS = frozenset({"avatar", "image", "img", "picture", "photo", "thumb", "profile"})
_NOT_BYLINE_WORDS = _IMAGE_WORDS | COMMENT_CLASS
# Card parts that are never its excerpt: byline, date, tags and badges, title, Jetpack context.
_META_WORDS = (
    _AUTHOR_WORDS
    | _DATE_WORDS - {"info"}
    | {"tag", "tags", "category", "categories", "cat", "kicker", "badge", "label", "overline"}
    | {"context", "reading", "duration", "title", "headline"}
)
_BYLINE_PREFIX = re.compile(
    rf"^(?:{alternation(BY_WORDS)}|{alternation(AUTHOR_LABELS)})\s*:?(?:\s+|$)", re.I
)
# A display name ("Éric Verhaeghe", "CDS") or a login kept as a name ("courrier-strateges").
_NAME_SHAPE = re.compile(r"^(?:[^\W\d_a-z][^\W\d]*(?:[ '’.-]+[^\W\d]+){0,4}|[a-z]+(?:-[a-z]+)+)$")
_IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg)$", re.I)
# An image alt that is a file name or a slug ("IMG_2041.jpg", "macron-conseil") is not a title.
_FILENAME = re.compile(rf"{_IMAGE_FILE.pattern}|^[^\s]*[\d_.-][^\s]*$", re.I)

_GENERIC_TITLE = (
    "h1", "h2", "h3", "h4", "h5", "h6", '[class*="title"]', '[class*="headline"]',
    # Bootstrap-style heading classes: a div styled as a heading.
    ".h2", ".h3", ".h4", ".h5", ".h6",
)  # fmt: skip
_GENERIC_EXCERPT = (
    '[class*="excerpt"]',
    '[class*="summary"]',
    '[class*="description"]',
    '[class*="chapo"]',
    '[class*="standfirst"]',
    '[itemprop="description"]',
)
# Kickers and badges sometimes sit inside a card's heading ("Abo", "Ukraine"): not title text.
_BADGE_WORDS = frozenset({"kicker", "badge", "label", "tag", "tags", "category", "cat", "overline"})
_TITLE_WORDS = frozenset({"title", "headline"})
_KICKER_WORDS = 6  # a short line above a card's headline is its kicker, not its summary
_BYLINE_WORDS = 8  # the longest line read as a byline alone ("Von Anne Sophie Feil und …")
_HEADLINE_WORDS = 20  # the longest line a titleless card shows that is taken for its headline


def read_teaser(card: HtmlElement, page: Page, kind: str) -> Teaser | None:
    """The fields a card shows; None when it names no article or shows neither title nor text."""
    authors = _authors(card, page)
    title_el, title = _title(card, page, authors)
    link = _main_link(card, title_el, page)
    if link is None:
        return None
    if title is None:
        title = _link_title(link, card, page, authors)
    if not authors and title is None:
        authors = _byline_guess(card)
    excerpt = _excerpt(card, page, title_el, title, authors)
    named = _byline_line(excerpt) if excerpt else []
    if named:  # "von Patrick Rösing": the card's byline, not its summary
        authors, excerpt = authors or named, None
    if title is None and excerpt is None:
        return None
    if title is None and not authors and _headline_alone(card, excerpt):
        title, excerpt = excerpt, None
    return Teaser(
        url=link,
        title=title,
        excerpt=excerpt,
        authors=authors,
        published=_published(card, page),
        kind=kind,
    )


def _headline_alone(card: HtmlElement, text: str | None) -> bool:
    """A card whose one text is one element in its link, short and no sentence ("Julia Ritter
    gewinnt …"): its headline set in plain elements, not an excerpt (which ends with a full stop
    or a cut), nor a headline and its blurb run together (two elements)."""
    if text is None or len(text.split()) > _HEADLINE_WORDS or text.rstrip().endswith((".", "…")):
        return False
    if visible_text(card) != text or not any(visible_text(a) == text for a in card.iter("a")):
        return False
    holder = card  # the last, deepest element showing the text: read down one branch
    while inner := [c for c in holder.iterchildren(etree.Element) if visible_text(c) == text]:
        holder = inner[-1]
    return not any(visible_text(child) for child in holder)


def _main_link(card: HtmlElement, title_el: HtmlElement | None, page: Page) -> str | None:
    """The article the card points to: the title's link first, else its first site link; a
    topic's page is no article (The Telegraph's "Related Topics", a kicker's link)."""
    candidates: list[HtmlElement] = []
    if title_el is not None:
        candidates += [a for a in title_el.iterancestors("a") if contains(card, a)]
        candidates += links_in(title_el) if title_el.tag != "a" else [title_el]
    candidates += [card] if card.tag == "a" else []
    candidates += links_in(card)
    for a in candidates:
        url = page.content_url(a.get("href"), strict=False)
        if url and not topic_page(url):
            return url
    return None


def _title(
    card: HtmlElement, page: Page, authors: list[str]
) -> tuple[HtmlElement | None, str | None]:
    """The card's heading (profile selectors, a heading named a title, then any heading or
    *title* element): zaol.hu's `h2.article-lead` section above its `h3.article-title`."""
    banned = {a.casefold() for a in authors}
    candidates = itertools.chain(
        (el for sel in page.rules.get("title", ()) for el in select(card, sel)),
        (h for h in card.iter(*HEADING_TAGS) if class_words(h) & _TITLE_WORDS),
        (el for sel in _GENERIC_TITLE for el in select(card, sel)),
    )
    for el in candidates:
        words = class_words(el)
        if words & (_AUTHOR_WORDS | _DATE_WORDS) or hidden(el):
            continue
        if words & _BADGE_WORDS and not words & _TITLE_WORDS:
            continue  # a section label set as a heading (`h2.card__category`)
        text = visible_text(el, skip=lambda e: bool(class_words(e) & _BADGE_WORDS))
        if text and text.casefold() not in banned and not READ_MORE.match(text):
            return el, text
    return None, None


def _link_title(link_url: str, card: HtmlElement, page: Page, authors: list[str]) -> str | None:
    """A titleless card's best name: a link `title`, an image alt, or short plain link text."""
    banned = {a.casefold() for a in authors}
    links = [
        a
        for a in ([card] if card.tag == "a" else []) + links_in(card)
        if page.content_url(a.get("href"), strict=False) == link_url  # not "#ref_1": this page
    ]
    for a in links:
        value = normalize_space(a.get("title"))
        if value and value.casefold() not in banned:
            return value
    for a in links:
        if any(d.tag in STRUCTURE_TAGS for d in a.iterdescendants()):
            continue
        text = visible_text(a)
        if 3 <= len(text) <= 160 and not READ_MORE.match(text) and not is_call_to_action(text):
            return text
    for img in card.iter("img"):
        if _icon(img):
            continue  # a pictogram's alt ("Text", "Mehr zum Thema") names the icon, not the story
        alt = normalize_space(img.get("alt"))
        in_byline = any(
            class_words(e) & (_AUTHOR_WORDS | {"avatar"})
            for e in [img, *img.iterancestors()]
            if contains(card, e)
        )
        if alt and not _FILENAME.search(alt) and alt.casefold() not in banned and not in_byline:
            return alt
    return None


def _icon(img: HtmlElement) -> bool:
    """An icon, not a picture: an SVG file, or an image drawn 40 pixels wide or less."""
    if urlsplit(img.get("src") or "").path.lower().endswith(".svg"):
        return True
    sizes = [img.get("width") or "", img.get("height") or ""]
    return any(s.isdigit() and int(s) <= _ICON_PX for s in sizes)


def _excerpt(
    card: HtmlElement,
    page: Page,
    title_el: HtmlElement | None,
    title: str | None,
    authors: list[str],
) -> str | None:
    """The card's summary as displayed, without its "Lire la suite" link; never the title,
    nor, when no element shows the title, a text that opens with it (Wired's
    `summary-item__content`: its headline, then its dek; the headline read from an alt)."""
    refused = {b.casefold() for b in (title, *authors) if b}

    def usable(el: HtmlElement) -> str | None:
        if title_el is not None and (contains(el, title_el) or contains(title_el, el)):
            return None
        text = visible_text(el, skip=_is_more_link)
        if title_el is None and title and text.startswith(title):
            return None  # the title (read from an alt or a link) and what follows it
        if (
            title_el is not None
            and len(text.split()) <= _KICKER_WORDS
            and _before(card, el, title_el)
        ):
            return None  # a kicker above the headline ("Verstoß gegen Sanktionen")
        return text if _excerpt_like(text, refused) else None

    for sel in (*page.rules.get("excerpt", ()), *_GENERIC_EXCERPT):
        for el in select(card, sel):
            text = usable(el)
            if text:
                return text
    best: str | None = None
    for el in card.iter("p", "div", "span", "section", "a"):
        if any(d.tag in STRUCTURE_TAGS for d in el.iterdescendants()) or _is_meta(el, card):
            continue
        text = usable(el)
        if text and (best is None or len(text) > len(best)):
            best = text
    return best


def _before(card: HtmlElement, el: HtmlElement, other: HtmlElement) -> bool:
    """Whether `el` opens before `other` in the card."""
    return next(node for node in card.iter() if node is el or node is other) is el


def _byline_line(text: str) -> list[str]:
    """The names of a line that is only a byline ("von Patrick Rösing", "Written by Kris
    Gunnars, BSc"), else none."""
    if len(text.split()) > _BYLINE_WORDS or not labelled(text):
        return []
    names = split_names(text)
    return names if names and all(looks_like_name(n) for n in names) else []


def _excerpt_like(text: str, refused: set[str]) -> bool:
    if not text or text.casefold() in refused or READ_MORE.match(text) or TIME_AGO.match(text):
        return False
    if _READING_TIME.match(text) or (DATE_IN_TEXT.search(text) and len(text) < 40):
        return False
    return len(text.split()) >= 3 or len(text) >= 20


def _is_meta(el: HtmlElement, card: HtmlElement) -> bool:
    """True inside a card's figure, byline, date, tag or title parts."""
    for node in [el, *el.iterancestors()]:
        if node is card:
            return False
        if node.tag in ("figure", "figcaption", "time") or class_words(node) & _META_WORDS:
            return True
        href = node.get("href") or ""
        if node.tag == "a" and re.search(r"/(author|tag|category)/", href):
            return True
    return False


def _is_more_link(el: HtmlElement) -> bool:
    """A "Lire la suite"/"Read more" control: skipped when reading an excerpt."""
    # A control holds a few elements (an icon, a screen-reader span): without this bound,
    # reading the text of every element of a deep nest of tags is quadratic (a damaged page
    # took 1.2 s here).
    if el.tag not in _MORE_TAGS or _COUNT_DESCENDANTS(el) > _MORE_MAX_ELEMENTS:
        return False
    text = visible_text(el)
    if el.tag in ("a", "span", "div", "p") and READ_MORE.match(text):
        return True
    words = class_words(el)
    return (
        el.tag in ("a", "span", "div")
        and len(text) <= 40
        and (bool(words & _MORE_WORDS) or {"read", "more"} <= words)
    )


def _authors(card: HtmlElement, page: Page) -> list[str]:
    """Display names of the card's authors, each once (avatars repeat the name in `alt`)."""
    names: list[str] = []
    for sel in page.rules.get("authors", ()):
        found = select(card, sel)
        if found:
            for el in found:
                names += _names_in(el)
            break
    if not names:
        for a in links_in(card):
            if re.search(r"/authors?/[^/]", a.get("href") or "") or a.get("rel") == "author":
                names += _names_in(a)
    if not names:
        # The first byline element that names someone, and its repeats (one per co-author).
        first: HtmlElement | None = None
        for el in card.iter(etree.Element):
            words = class_words(el)
            # An avatar is no byline; a commenter (`span.comment-author-link`) wrote no story.
            if not words & _AUTHOR_WORDS or words & _NOT_BYLINE_WORDS or el.tag == "img":
                continue
            if first is None or (
                (el.tag, el.get("class")) == (first.tag, first.get("class"))
                and not contains(first, el)
            ):
                found = _names_in(el)
                names += found
                if found and first is None:
                    first = el
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
        text = visible_text(el)
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
        if len(d) == 0 and not _is_date_part(d) and visible_text(d)
    ]
    if len(leaves) >= 2:
        return [n for leaf in leaves for n in _names_in(leaf)]
    text = visible_text(el, skip=_is_date_part)
    if not text:
        alts = [normalize_space(i.get("alt")) for i in el.iter("img")]
        return [a for a in alts if a and not _IMAGE_FILE.search(a)][:1]
    text = _BYLINE_PREFIX.sub("", text)
    names = [n.strip(" ·•|—–-") for n in NAME_SEPARATORS.split(text)]
    return [n for n in names if n and len(n) <= 60 and not re.search(r"\d", n)]


def _is_date_part(el: HtmlElement) -> bool:
    return el.tag == "time" or bool(class_words(el) & (_DATE_WORDS - {"byline", "meta", "info"}))


def _published(card: HtmlElement, page: Page) -> str | None:
    """The card's date: machine-readable attributes first, dateparser only for shown text."""
    machine = sorted(card.iter("time", "meta", "abbr"), key=_date_rank)
    for el in machine:
        value = el.get("datetime") or el.get("content") or el.get("title")
        iso = parse_iso(value) if value else None
        if iso:
            return iso
    candidates = [el for sel in page.rules.get("published", ()) for el in select(card, sel)]
    candidates += [
        el for el in card.iter(etree.Element) if el.tag == "time" or class_words(el) & _DATE_WORDS
    ]
    for el in candidates:
        if _is_title_or_excerpt(el):
            continue
        match = DATE_IN_TEXT.search(visible_text(el))
        if match:
            parsed = parse_date(match.group(0), page.languages)
            if parsed:
                return parsed
    return None


def _date_rank(el: HtmlElement) -> int:
    """Published dates first, modification dates last (some themes mark both `updated`)."""
    words = class_words(el) | {(el.get("itemprop") or "").lower()}
    if words & {"published", "datepublished"}:
        return 0
    return 2 if words & {"modified", "datemodified", "datecreated"} else 1


def _is_title_or_excerpt(el: HtmlElement) -> bool:
    words = class_words(el)
    return el.tag in HEADING_TAGS or bool(words & {"title", "excerpt", "summary", "description"})


def _ancestors_within(el: HtmlElement, root: HtmlElement) -> list[HtmlElement]:
    """Ancestors of `el` up to and excluding `root`."""
    chain = []
    for anc in el.iterancestors():
        if anc is root:
            break
        chain.append(anc)
    return chain
