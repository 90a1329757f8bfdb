"""Build an Article from a parsed page, field by field, taking each from its best source.

Layers: (1) structured data (JSON-LD, OpenGraph, meta), (2) the profile era's selectors,
(3) generic fallbacks (content scoring, h1, bylines). The headline and the dates, where
visible page content beats structured data when the two disagree and the page is clearly
right, have modules of their own: `headline.py` and `published.py`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import cache
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract import authors as author_rules
from scraper.extract.body import (
    CUT_MARKS,
    HEADINGS,
    Block,
    blocks_html,
    blocks_text,
    collect_blocks,
    text_blocks,
)
from scraper.extract.field_selectors import GENERIC, selectors
from scraper.extract.generic import (
    LINKED_HEADING,
    Content,
    in_boilerplate,
    in_other_stories,
    in_thread,
    inside,
    junk,
    main_content,
)
from scraper.extract.headline import ends_title, title
from scraper.extract.html import page_body, parse_html, xml_safe
from scraper.extract.language import written_language
from scraper.extract.published import dates
from scraper.extract.selectors import applicable_under, select, select_first
from scraper.extract.structured import NON_ARTICLE_TYPES, Structured
from scraper.extract.teasers.groups import in_navigation
from scraper.extract.text import (
    NO_TEXT_TAGS,
    WITHOUT_PICTURES,
    first_line,
    fold,
    heading_text,
    labelled_texts,
    node_text,
    normalize_space,
    shows_text,
    word_count,
)
from scraper.extract.vocabulary import AUTHOR_LABELS, BY_WORDS, alternation, is_call_to_action
from scraper.items import Article
from scraper.profiles import Era, Profile, canonical
from scraper.urls import AUTHOR_PAGE_SEGMENTS, canonicalize_url, host_of, resolve, well_formed

_MAX_BYLINE_LINE = 200  # characters of a one-line byline naming several people
_MAX_AUTHOR_BOX = 1500  # characters of a box presenting a story's writers (names and bios)
_LINE_MATCHES = 12  # byline matches read for one line: its co-authors and a few further down
# A label naming the writer, in the languages we meet ("<strong>Autorin/Autor</strong> A. Name").
_AUTHOR_LABEL = re.compile(
    rf"^\s*(?:autor(?:in)?\s*/\s*autor(?:in)?|{alternation(AUTHOR_LABELS)}|{alternation(BY_WORDS)})"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# The first generic author selectors, up to hCard's, hold outside the story too.
_STRONG_BYLINES = GENERIC["authors"].index(".author.vcard .fn") + 1
_NEAR_TITLE_BYLINES = 6  # byline matches read in the story's container (co-authors included)
# The generic author selectors up to links to author pages (the last of them included).
_AUTHOR_LINKS = GENERIC["authors"].index(f'a[href*="/{AUTHOR_PAGE_SEGMENTS[-1]}/"]') + 1
# ... and up to elements named for the author's name ("wp-block-post-author__name").
_NAMED_BYLINES = GENERIC["authors"].index('[class*="byline__name"]') + 1
_MIN_LEDE, _MAX_LEDE = 15, 1000
_AUTHOR_SEGMENTS = frozenset(AUTHOR_PAGE_SEGMENTS)
# A block presenting the story's writers: named for its authors, or a schema.org Person.
_BOXED = re.compile(r"author|schema\.org/Person", re.IGNORECASE)
_AUTHOR_PAGE = re.compile("/(?:" + "|".join(AUTHOR_PAGE_SEGMENTS) + ")/")
# Headings inside the story's <article> or <main>: where a theme without an h1 shows its headline.
_STORY_HEADINGS = etree.XPath(
    "/descendant::*[self::article or self::main]/descendant::*[self::h2 or self::h3]"
)
_MEMBERS_ACCESS = frozenset({"post-access-members", "post-access-paid", "post-access-tiers"})


def language(tree: HtmlElement, data: Structured, profile: Profile | None) -> str | None:
    """html lang's primary subtag, else og:locale's, else the profile's language."""
    tag = _declared_tag(tree, data)
    return tag.split("-")[0] if tag else (profile.language if profile else None)


def _locale(tree: HtmlElement, data: Structured) -> str | None:
    """The page's declared language tag with its region ("en-gb"), when it gives one: a later
    declaration may give the region of the same language (html lang "en", og:locale "en_GB")."""
    tags = [tag.partition("-") for tag in _declared_tags(tree, data)]
    primary = tags[0][0] if tags else None
    return next(("".join(tag) for tag in tags if tag[0] == primary and tag[2]), None)


def _declared_tag(tree: HtmlElement, data: Structured) -> str | None:
    """The first language tag the page declares (see `_declared_tags`)."""
    return next(_declared_tags(tree, data), None)


def _declared_tags(tree: HtmlElement, data: Structured) -> Iterator[str]:
    """The language tags the page declares with a language subtag (html lang, xml:lang,
    og:locale, in that order), lowercased with "-" ("en_GB" -> "en-gb")."""
    for value in (tree.get("lang"), tree.get("xml:lang"), data.locale):
        tag = (value or "").strip().replace("_", "-").lower()
        primary = tag.split("-")[0]
        if primary.isalpha() and 2 <= len(primary) <= 3:
            yield tag


def canonical_url(url: str | None, data: Structured, profile: Profile | None) -> str | None:
    """rel=canonical when same site and sane, else og:url, else the fetched URL; localised."""
    for candidate in (data.canonical, data.og_url):
        if not candidate:
            continue
        absolute = resolve(url or "", candidate)
        if profile:
            absolute = profile.localize(absolute)
        if _sane_canonical(absolute, url, profile):
            return canonicalize_url(absolute)
    if url:
        return canonical(url, profile)
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


def site_names(
    site_titles: list[HtmlElement], data: Structured, profile: Profile | None, url: str | None
) -> list[str]:
    """Names the outlet goes by: og:site_name, publisher, profile title, its site-title h1s
    (see `_names_the_site`), host."""
    names = [data.site_name, data.publisher, profile.title if profile else None]
    names.extend(heading_text(h) for h in site_titles)
    if url:
        names.append(_site(host_of(url)))
    return [n for n in names if n]


def _names_the_site(heading: HtmlElement, url: str | None, html_title: str | None) -> bool:
    """Whether a heading is a link to the site's home page: the site title that many
    WordPress and Ghost themes print as an h1 above every post (alone in its link, or opening
    a link that also holds the tagline, as Twenty Thirteen's does); or, in the page's banner or
    linked, the name that ends its <title> (phpBB's and FluxBB's board name)."""
    text = heading_text(heading)
    if not text:
        return False
    banner = any(a.get("role") == "banner" for a in heading.iterancestors())
    linked = any(node_text(a) == text for a in heading.iter("a"))
    if (banner or linked) and ends_title(text, html_title):
        return True
    link = next(heading.iterancestors("a"), None)
    if link is not None:
        return _links_home(link, url) and node_text(link).startswith(text)
    return any(_links_home(a, url) and node_text(a) == text for a in heading.iter("a"))


def _links_home(link: HtmlElement, url: str | None) -> bool:
    if "home" in (link.get("rel") or "").lower().split():
        return True
    href = (link.get("href") or "").strip()
    absolute = resolve(url, href) if url else href
    if not well_formed(absolute):
        return False
    target = urlsplit(absolute)
    path = target.path.removesuffix("index.html").removesuffix("index.php")
    hosts = {_site(h) for h in (target.hostname, host_of(url) if url else None) if h}
    root = path in ("", "/") and not target.query
    return root and len(hosts) <= 1 and not href.startswith("#") and bool(href)


def lede(tree: HtmlElement, era: Era | None, scope: HtmlElement | None) -> str | None:
    """The standfirst shown under the title, if the page shows one: a short block near the
    title (never a whole header holding the h1)."""
    within = scope if scope is not None and not selectors(era, "lede") else tree
    chosen = applicable_under(within, selectors(era, "lede") or GENERIC["lede"])
    nodes = (n for sel in chosen for n in select(within, sel))
    headline = next(scope.iter("h1"), None) if scope is not None and within is scope else None
    for node in nodes:
        text = node_text(node, WITHOUT_PICTURES)
        # A card excerpt in a related block or a link is no standfirst, whatever markup wraps
        # it ("Keep on reading" cards whose whole <header> links to the other story).
        related = in_boilerplate(node) or next(node.iterancestors("a"), None) is not None
        if _describes_another_item(node):
            continue  # a picture's description ("Un Népalais prie à Katmandou…"), a person's
        if (
            _MIN_LEDE <= len(text) <= _MAX_LEDE
            and next(node.iter("h1", "time"), None) is None  # a headline, a date line
            and not related
            and not (headline is not None and _precedes(node, headline, within))  # a kicker
        ):
            return text
    return None


def _describes_another_item(node: HtmlElement) -> bool:
    """Whether a schema.org description belongs to an item that is no story: the nearest
    item around it is an ImageObject, a VideoObject, a Person, an Organization…"""
    if "description" not in (node.get("itemprop") or "").split():
        return False
    item = next((a for a in node.iterancestors() if a.get("itemscope") is not None), None)
    if item is None:
        return False
    kind = (item.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].casefold()
    return kind.endswith("object") or kind in NON_ARTICLE_TYPES


def _precedes(node: HtmlElement, anchor: HtmlElement, root: HtmlElement) -> bool:
    """Whether `node` comes before `anchor` (neither holding the other) inside `root`."""
    lineage = {node, *node.iterancestors()}
    for step in (anchor, *anchor.iterancestors()):
        if step is root:
            return False
        if any(sibling in lineage for sibling in step.itersiblings(preceding=True)):
            return True
    return False


# The text nodes holding a word.
_TEXTS_WITH = etree.XPath("/descendant::text()[contains(., $needle)]")
_LEDE_TAGS = ("p", "div", "h2", "span", "section")


def _story_text_further_down(tree: HtmlElement, blocks: list[Block], text: str) -> bool:
    """Whether the story shows `text` past its opening, and the page nowhere else: one of its
    subheadings or paragraphs (a ".subtitle" h2 halfway down), not the text under the title;
    a summary shown at the top and again as the story's last words is a standfirst."""
    opening = {b.text for b in blocks[:_STANDFIRST_AT]}
    return (
        text not in opening
        and any(b.text == text for b in blocks[_STANDFIRST_AT:])
        and _shown_once(tree, text)
    )


def _lineages(
    tree: HtmlElement, text: str
) -> Iterator[tuple[HtmlElement, Iterator[tuple[HtmlElement, str]]]]:
    """Where the page may show `text`: for each text node holding the longest of its first
    words, that node's element, and the elements from it up with their own text, while they
    hold a few words more than `text` at most (their ancestors hold it too: a word count
    tells them apart cheaply, far cheaper for libxml2 than each element's string value)."""
    words = text.split()
    for found in _TEXTS_WITH(tree, needle=max(words[:8], key=len)):
        holder = found.getparent()
        if found.is_tail:
            holder = holder.getparent()
        if holder is not None:
            yield holder, _climb(holder, len(words) + 3)


def _climb(holder: HtmlElement, most: int) -> Iterator[tuple[HtmlElement, str]]:
    for node in itertools.chain((holder,), holder.iterancestors()):
        shown = node.text_content()
        if len(shown.split(None, most)) > most:  # counts no further than the limit
            return  # a block around other text too: the text is not shown here whole
        yield node, shown


def _shown_once(tree: HtmlElement, text: str) -> bool:
    """Whether the page shows `text` in one place only (scripts and the head not counted)."""
    places = set()
    for holder, lineage in _lineages(tree, text):
        if holder.tag in NO_TEXT_TAGS or next(holder.iterancestors("head"), None) is not None:
            continue
        place = next((node for node, shown in lineage if text in normalize_space(shown)), None)
        if place is not None:
            places.add(place)
    return len(places) <= 1


def lede_as_described(tree: HtmlElement, description: str | None, body: set[str]) -> str | None:
    """A standfirst whatever its markup: the page element showing exactly the page's own
    description (a Ghost custom excerpt is both), when that text is not a body paragraph."""
    wanted = xml_safe(normalize_space(description))
    if not (_MIN_LEDE <= len(wanted) <= _MAX_LEDE) or wanted in body:
        return None
    count = len(wanted.split())
    for _, lineage in _lineages(tree, wanted):
        for node, shown in lineage:
            if (
                node.tag in _LEDE_TAGS
                # normalising only drops invisible characters and collapses spaces
                and len(shown.split()) >= count
                and normalize_space(shown) == wanted
                # A link's text is another story's; a caption is its picture's (FUNKE's
                # JSON-LD describes the story with its lead picture's caption).
                and next(node.iterancestors("a", "head", "figcaption"), None) is None
            ):
                return wanted
    return None


def body(
    tree: HtmlElement, era: Era | None, url: str | None, data: Structured, preview: bool = False
) -> Content:
    """Body blocks from the era's container when it holds text, else from content scoring
    (with the standfirst it finds beside the story); JSON-LD articleBody when the page's HTML
    holds much less text than it."""
    content = Content([])
    for container in select_first(tree, selectors(era, "body"))[:1]:
        skip = junk(container)
        for sel in selectors(era, "drop"):
            skip.update(select(container, sel))
        content = Content(collect_blocks([container], skip, url))
    if not content.blocks:
        content = main_content(tree, url)
    if preview:  # a members-only preview stays the preview the page shows
        return content
    if data.how_to and not _shows_steps(content.blocks, data.how_to):
        # The steps sit in widgets content scoring passes over (tabs, one box per step).
        content = Content([*content.blocks, *text_blocks(data.how_to)], content.intro)
    declared = data.article_body
    shown = 1.5 * sum(len(b.text) for b in content.blocks) + 200
    # The raw string is never shorter than its text: most pages are settled without parsing.
    if declared and len(declared) > shown:
        blocks = declared_blocks(declared, url)
        if sum(len(b.text) for b in blocks) > shown:
            return Content(blocks, content.intro)
    return content


_STEP_NUMBER = re.compile(r"^\W*\d+\W*")
_PROBE = 60  # characters of the longest step looked for in the body


def _shows_steps(blocks: list[Block], steps: str) -> bool:
    """Whether the body already holds a how-to's steps: the start of its longest line,
    without the step's number (pages number steps in a block of their own)."""
    longest = max(steps.splitlines(), key=len)
    probe = _STEP_NUMBER.sub("", longest)[:_PROBE]
    return any(probe in b.text for b in blocks)


_MARKUP = re.compile(r"<(?:p|div|br|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)


def declared_blocks(text: str, url: str | None) -> list[Block]:
    """A JSON-LD articleBody's blocks: plain text, one paragraph per line; or, when the CMS
    ships the post's HTML there, that markup read as a page's content is (boilerplate out)."""
    if not _MARKUP.search(text):
        return text_blocks(text)
    fragment = page_body(parse_html(text))
    return collect_blocks([fragment], junk(fragment), url)


_STANDFIRST_AT = 3  # blocks at the body's start where a standfirst may be repeated


# What sets writers' names apart on a line of names alone ("A/B", "A, B & C", "A und B").
_NAMES_APART = re.compile(r"\s*(?:[/,&]|\b(?:and|und|et|y|e|og|och|en)\b)\s*")


def _opening_bylines(blocks: list[Block], writers: list[str], names: list[str]) -> list[Block]:
    """The byline set as lines opening the story, which are not its text: a writer's name
    alone, or a line naming every writer ("Mathatisi Sebusi/Mohalenyane Phakela"), and the
    outlet's name on the line after one (the BBC's "Author, X" and "Role, BBC News" items)."""
    if not writers:
        return []
    shown = {fold(w) for w in writers}
    outlets = {fold(n) for n in names}
    found: list[Block] = []
    previous = None
    for block in blocks[:_STANDFIRST_AT]:
        line = fold(block.text)
        if block.kind in ("p", "li") and (
            line in shown
            or {fold(n) for n in _NAMES_APART.split(block.text)} == shown
            or (previous in found and line in outlets)
        ):
            found.append(block)
        previous = block
    return found


_CUT_TAIL = 40  # characters before an excerpt's cut mark looked for in the story's opening


def _cut_from(standfirst: str, opening: list[str]) -> bool:
    """Whether the standfirst is the story's opening cut short ("… dans le Nord Kivu, les..."):
    an excerpt the CMS made, not a standfirst of its own."""
    text = standfirst.rstrip()
    if not text.endswith(CUT_MARKS):
        return False
    tail = normalize_space(text.rstrip(" .…[]()")[-_CUT_TAIL:])
    # The excerpt runs on across paragraphs, as the CMS joins them.
    return bool(tail) and tail in normalize_space(" ".join(opening))


_EMPHASIS = re.compile(r"^(?:<(?:strong|em|b|i)>)+([^<]+)(?:</(?:strong|em|b|i)>)+$")


def _signature(blocks: list[Block]) -> str | None:
    """The name a story is signed with: a last paragraph holding a name alone, set in bold or
    italics ("<p><b><i>Stefan Wasmer</i></b></p>")."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != "p":
        return None
    found = _EMPHASIS.match(last.html)
    return normalize_space(found.group(1)) if found else None


def header_scope(
    tree: HtmlElement, era: Era | None, site_titles: list[HtmlElement], head: str | None = None
) -> HtmlElement | None:
    """The story's own container (the <article>/<main> around its h1, not a site title's, or
    when no h1 shows the headline `head`, around the h2 or h3 that does: OceanWP's only h1 is
    its page header, "Blog"): bylines and dates there belong to this story, not to teasers
    elsewhere."""
    h1s = list(tree.iter("h1"))
    own = [h for h in h1s if h not in site_titles]
    wanted = fold(head) if head else None
    if wanted and not any(fold(h.text_content()) == wanted for h in own):
        shown = [h for h in _STORY_HEADINGS(tree) if fold(h.text_content()) == wanted][:1]
        own = shown or own
    heads = select_first(tree, selectors(era, "title")) or own
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
    without a profile, the page's first byline, labelled byline or plain-text byline)."""
    sources: list[list[str]] = []
    nodes = select_first(tree, selectors(era, "authors"))
    if nodes:
        sources.append(author_rules.byline_authors(node_text(n) for n in nodes))

    def outlet(name: str) -> bool:
        return not is_person(name)

    sources.append(author_rules.byline_authors(data.authors, outlet))
    sources.append(author_rules.byline_authors(_outlet_alone(data.meta_authors, is_person), outlet))
    sources = [names for names in sources if names]

    def with_coauthors(names: list[str]) -> list[str]:
        """The names, or the byline line crediting them and co-authors (on WordPress, Yoast's
        JSON-LD and an author box name one writer), or the author boxes after the story
        that present them and co-authors (the theme's byline names the first alone)."""
        if nodes:
            return names
        # The outlet named beside the writer ("X, Le Coin du Jeu") is no writer to look for.
        wanted = {n.casefold() for n in names if is_person(n)}
        line = _byline_line(scope, is_person) if scope is not None else []
        for found in (line, _boxed_writers(tree, wanted)):
            if wanted < {n.casefold() for n in found}:
                return found
        return names

    for names in sources:
        # A newsroom's or an account's name ("admin", "Redaktion") gives way to a byline.
        if any(is_person(n) and not author_rules.looks_like_house(n) for n in names):
            return with_coauthors(names)
    # Its writer is looked for in byline markup only: a plain-text one is weaker than the
    # "Par X –" opening resolve_authors reads for a house byline.
    house = any(is_person(n) for names in sources for n in names)
    # Near the title any byline markup counts; page-wide, only the first match's line does
    # (teaser bylines come later in the page than the story's own), and only where no
    # profile vouches for the byline markup.
    for within in (scope, None if era else tree):
        if within is not None:
            found = _generic_byline(within, is_person, page_wide=within is tree)
            if found:
                return with_coauthors(found)
    if era is None and not house:
        for find in (_labelled_byline, _text_byline):
            names = find(tree)
            if any(is_person(n) for n in names):
                return names
    if sources or scope is None:
        return sources[0] if sources else []
    # A byline that names only the outlet is still the story's byline (a WordPress account
    # named after the site); resolve_authors drops it if a writer turns up elsewhere.
    return _generic_byline(scope, lambda name: True, page_wide=False)


def _outlet_alone(values: list[str], is_person: Callable[[str], bool]) -> list[str]:
    """Author metas as written, but one naming the outlet first keeps that name alone: what
    follows it is its address ("SPIEGEL ONLINE, Hamburg, Germany"), not co-authors."""
    return [
        first if "," in value and not is_person(first := value.split(",")[0].strip()) else value
        for value in values
    ]


def _labelled_byline(tree: HtmlElement) -> list[str]:
    """The names after the page's first author label ("<strong>Autor</strong> A. Name")."""
    return next(
        filter(None, map(author_rules.split_names, labelled_texts(tree, _AUTHOR_LABEL))), []
    )


_BY_OPENING = re.compile(rf"\s*{alternation(BY_WORDS)}\s*:?(?:\s|$)", re.IGNORECASE)
_BYLINE_TAGS = ("p", "div", "span", "li", "small")


def _opening_with_by(tree: HtmlElement) -> Iterator[HtmlElement]:
    """The elements whose first text opens with a "by" word ("By", "Von:"), in page order.
    A walk in Python: an XPath regex test calls back into Python for every element."""
    for node in tree.iter(_BYLINE_TAGS):
        first = node.text
        if first is None:  # its first text follows a child (XPath's first text() node)
            first = next((child.tail for child in node if child.tail is not None), None)
        if first is not None and _BY_OPENING.match(first):
            yield node


def _text_byline(tree: HtmlElement) -> list[str]:
    """The names of the page's first byline written as plain text ("By TPN, in Lifestyle",
    "Von: A, B"), for pages whose byline has no markup at all: a short line of names (or
    initials), never a sentence that happens to start with "By", nor another story's byline
    (a block named "meta" or "byline" holds the story's own)."""
    for node in _opening_with_by(tree):
        text = first_line(node)  # "By: <a>Jo Roe</a><br>Executive Editor": the name's line
        if len(text) > _MAX_BYLINE_LINE or in_other_stories(node):
            continue
        names = [
            n
            for n in author_rules.split_names(text)
            if author_rules.looks_like_name(n) or n.isupper()
        ]
        if names:
            return names
    return []


def _byline_line(scope: HtmlElement, is_person: Callable[[str], bool]) -> list[str]:
    """The names of a one-line byline crediting several people ("par A et B"): byline
    markup matched more than once inside one short element, the first match's."""
    for sel in applicable_under(scope, GENERIC["authors"][:_AUTHOR_LINKS]):
        # An avatar's link names its author in its title only (Dawn, Edition), an author
        # card's "More posts" link is no byline.
        named = ((n, _shown_name(n)) for n in select(scope, sel))
        found = [n for n, name in named if name and not is_call_to_action(name)][:_LINE_MATCHES]
        # A match holding another (a schema.org Person around its name's link) is no name.
        found = [n for n in found if not any(o is not n and inside(o, n) for o in found)]
        if len(found) < 2:
            continue
        # The first byline's line: its nearest ancestor holding another match (author cards
        # and other stories' bylines further down the story are not on it).
        first, rest = found[0], found[1:]
        line = next(a for a in first.iterancestors() if any(inside(n, a) for n in rest))
        if len(node_text(line)) > _MAX_BYLINE_LINE:
            continue
        on_line = [first, *(n for n in rest if inside(n, line))]
        names = author_rules.byline_authors(_shown_name(n) for n in on_line[:_NEAR_TITLE_BYLINES])
        if any(is_person(n) for n in names):
            return names
    return []


def _boxed_writers(tree: HtmlElement, known: set[str]) -> list[str]:
    """The writers an author box presents, in order: a small block in which a `known`
    writer's author-page link sits beside other writers' (a multi-author plugin's box after
    the story: names, pictures, bios), each link in a block named for its author or marked
    up as a schema.org Person, outside other stories and comments. Known names need no
    capitals."""
    links = [
        link
        for link in _author_page_links(tree)
        if _in_author_box(link) and not in_other_stories(link) and not in_thread(link)
    ]
    names = {link: author_rules.byline_authors(_boxed_names(link)) for link in links}
    for link in links:
        if not any(n.casefold() in known for n in names[link]):
            continue
        others = [other for other in links if other.get("href") != link.get("href")]
        box = next((a for a in link.iterancestors() if any(inside(o, a) for o in others)), None)
        # Teaser cards, each with its writer, are other stories (their headings link).
        if box is None or len(node_text(box)) > _MAX_AUTHOR_BOX or LINKED_HEADING(box):
            continue
        pages: dict[str, list[str]] = {}  # an author page's address: its links' names
        for inner in (other for other in links if inside(other, box)):
            pages.setdefault(inner.get("href", ""), []).extend(names[inner])
        # Each writer once, by the name on their page's links ("Visit Author Page" is none;
        # a link to their page vouches for a name without capitals).
        found = author_rules.dedupe(
            next((n for n in shown if n.casefold() in known or _boxed_name(n)), "")
            for shown in pages.values()
        )
        return [n for n in found if n]
    return []


def _boxed_names(link: HtmlElement) -> list[str]:
    """What a box's link to an author page shows as the name: its text, or the heading or
    name-classed element inside it when the link holds the whole card (label, name, bio)."""
    inner = (
        node_text(el)
        for el in link.iterdescendants()
        if el.tag in HEADINGS or "name" in (el.get("class") or "")
    )
    return [_shown_name(link), *inner]


def _boxed_name(text: str) -> bool:
    """Whether the text of a link to an author's page (in an author box, or an avatar's
    title) names a writer: capitalised, or in a script without capitals."""
    return _named(text) or author_rules.caseless_name(text)


def _named(text: str) -> bool:
    """Whether a link's text is a writer's name, not the action of a link to their page."""
    return author_rules.looks_like_name(text) and not is_call_to_action(text)


def _in_author_box(link: HtmlElement) -> bool:
    """Whether a link sits in a block presenting a writer (named for authors, or a Person)."""
    return any(
        _BOXED.search(f"{block.get('class', '')} {block.get('itemtype', '')}")
        for block in link.iterancestors()
        if block.tag not in ("body", "html")
    )


def _author_page_links(root: HtmlElement) -> list[HtmlElement]:
    """The links to author pages under `root` ("/author/jane-doe/", "/autor/…")."""
    return [a for a in root.iter("a") if _AUTHOR_PAGE.search(a.get("href") or "")]


def _shown_name(link: HtmlElement) -> str:
    """The name a byline match shows: its text, or the name in the title of an avatar's link
    to an author page."""
    if shows_text(link):
        return node_text(link)
    href, name = link.get("href") or "", normalize_space(link.get("title") or "")
    segments = urlsplit(href).path.split("/") if well_formed(href) else []
    # A title may be the link's action ("Autor anzeigen") rather than the author's name.
    named = _boxed_name(name) and _AUTHOR_SEGMENTS & set(segments)
    return name if named else ""


def _generic_byline(
    within: HtmlElement, is_person: Callable[[str], bool], *, page_wide: bool
) -> list[str]:
    """The names of the first generic byline markup under `within` that names a person;
    page-wide, outside menus, sidebars and comments ("Our authors", a commenter's page)."""
    present = set(applicable_under(within, GENERIC["authors"]))
    for position, sel in enumerate(GENERIC["authors"]):
        nodes = select(within, sel) if sel in present else []
        # An avatar's link to the author page shows no text: the name's link comes next. A
        # commenter's name is never the story's byline, near the title or not.
        shown = (n for n in nodes if shows_text(n) and not in_thread(n))
        kept = (
            (n for n in shown if not in_navigation(n) and not _in_site_footer(n))
            if page_wide
            else shown
        )
        found = _one_line(list(itertools.islice(kept, _NEAR_TITLE_BYLINES)))
        lines = [first_line(n) for n in found]
        names = author_rules.byline_authors(lines)
        if position >= _STRONG_BYLINES:
            # A link to the author's page, an element named for the author's name or a label
            # naming the writer ("作者：", "بقلم"), near the title, vouches for a name in a
            # script without capitals (Korean, Japanese, Arabic…); elsewhere a name must look
            # like one.
            vouched = not page_wide and (
                position < _NAMED_BYLINES or any(author_rules.labelled(line) for line in lines)
            )
            # A newsroom's name alone ("Redaktion", "Staff") is a house byline: kept, and
            # given way to by any writer found elsewhere (resolve_authors).
            names = [
                n
                for n in names
                if author_rules.looks_like_name(n)
                or (vouched and author_rules.caseless_name(n))
                or author_rules.looks_like_house(n)
            ]
        if any(is_person(n) for n in names):
            return names
    return []


def _in_site_footer(node: HtmlElement) -> bool:
    """Whether an element sits in the site's footer (a <footer> or contentinfo outside the
    story's <article> or <main>): a theme's credit there ("Theme Spacious by <a
    rel=author>ThemeGrill</a>") is no byline."""
    ancestors = list(node.iterancestors())
    return not any(a.tag in ("article", "main") for a in ancestors) and any(
        a.tag == "footer" or a.get("role") == "contentinfo" for a in ancestors
    )


def _one_line(found: list[HtmlElement]) -> list[HtmlElement]:
    """The first match and those in the same short byline with it: co-authors share a line,
    a later match belongs to another story's card."""
    if len(found) < 2:
        return found
    line = [found[0]]
    for node in found[1:]:
        common = next(a for a in node.iterancestors() if inside(found[0], a))
        if len(node_text(common)) > _MAX_BYLINE_LINE:
            break
        line.append(node)
    return line


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
        return resolve(url or "", data.image) or None
    for node in select_first(tree, selectors(era, "image") or GENERIC["image"]):
        src = node.get("src") or node.get("data-src")
        if src:
            return resolve(url or "", src) or None
    return None


def members_only(tree: HtmlElement, era: Era | None, scope: HtmlElement | None) -> bool:
    """True when a members call-to-action replaces the rest of the body, or when Ghost's
    post_class marks the story itself as members-only (an anonymous visitor sees a preview)."""
    if any(select(tree, s) for s in selectors(era, "members_cta") + GENERIC["members_cta"]):
        return True
    classes = set((scope.get("class") or "").split()) if scope is not None else set()
    return bool(classes & _MEMBERS_ACCESS)


def build_article(
    tree: HtmlElement, url: str | None, profile: Profile | None, era: Era | None, data: Structured
) -> Article:
    """Every Article field from one parsed page (teasers are left to the caller)."""
    site_titles = [h for h in tree.iter("h1") if _names_the_site(h, url, data.html_title)]
    names = site_names(site_titles, data, profile, url)
    lang = language(tree, data, profile)
    head = title(tree, era, data, names)
    scope = header_scope(tree, era, site_titles, head)
    standfirst = lede(tree, era, scope)
    members = members_only(tree, era, scope)
    content = body(tree, era, url, data, preview=members)
    blocks = list(content.blocks)
    # The headline shown again (a description repeating it, found in the h1) is no standfirst.
    headline = fold(head) if head else None
    if standfirst is not None and (
        fold(standfirst) == headline or _story_text_further_down(tree, blocks, standfirst)
    ):
        standfirst = None
    # A description that is only the outlet's name describes no story (a sentence opening
    # with the host's name is no desk: outlet_test's desk rule is for bylines).
    own_names = {fold(n) for n in names}
    if standfirst is None:
        texts = {b.text for b in blocks}
        described = (d for d in data.descriptions if fold(d) not in {*own_names, headline})
        standfirst = next(
            filter(None, (lede_as_described(tree, d, texts) for d in described)), None
        )
    intro = content.intro if content.intro and fold(content.intro) != headline else None
    if standfirst is None:
        standfirst = intro
    elif intro and intro != standfirst:
        # The text set apart before the story opens it when the page shows another standfirst.
        blocks[:0] = text_blocks(intro)
    # A heading opening the body that shows the headline (a page without an h1), or a block
    # that is the headline alone (set as a paragraph: <p class="titulo">), is not text.
    if blocks and headline is not None:
        first = fold(blocks[0].text)
        if first == headline or (blocks[0].kind in HEADINGS and first.endswith(headline)):
            del blocks[0]
    # Nor one closing it: a theme's hidden hAtom copy of the title (ThemeGrill's extra-hatom).
    if len(blocks) > 1 and headline is not None and fold(blocks[-1].text) == headline:
        del blocks[-1]
    # The standfirst opens the story, maybe after its date and byline lines: it is not
    # repeated in the body.
    opening = [b.text for b in blocks[:_STANDFIRST_AT]]
    if standfirst and standfirst in opening and len(blocks) == 1:
        standfirst = None  # a one-paragraph brief: its paragraph is its text
    elif standfirst and standfirst in opening:
        del blocks[opening.index(standfirst)]
    elif standfirst and _cut_from(standfirst, opening):
        standfirst = None
    text = blocks_text(blocks)
    declared, lang = lang, written_language(lang, text)
    # The theme prints its dates in the page's declared language (its region sets the order of
    # numeric dates: "en-GB" is day first), the story may use its own.
    locale = _locale(tree, data) if declared and lang == declared else None
    languages = tuple(dict.fromkeys(filter(None, (locale or declared, lang)))) or None
    published, modified = dates(tree, era, data, profile, languages, scope, url, head)

    def is_house(name: str) -> bool:
        if profile is not None and profile.is_house_author(name):
            return True
        return author_rules.looks_like_house(name, names)

    @cache
    def accounts() -> frozenset[str]:
        """The names linked to author pages, read when first asked: few names are the site's."""
        return frozenset(fold(node_text(a)) for a in _author_page_links(tree))

    def is_account(name: str) -> bool:
        """A name linked to an author page is an account: a writer's, even the site's name."""
        return fold(name) in accounts()

    names_outlet = author_rules.outlet_test(names)

    def is_person(name: str) -> bool:
        return not names_outlet(name) or is_account(name)

    writers = author_rules.resolve_authors(
        byline(tree, era, data, scope, is_person),
        is_house=is_house,
        site_names=names,
        is_account=is_account,
        title=head,
        # Without a standfirst, WP-era posts open their first paragraph with "Par X – …".
        lede=standfirst or (blocks[0].text if blocks else None),
        opening=(b.text if b.kind == "p" else "" for b in blocks),  # headings name no one
        signature=_signature(blocks),
    )
    bylines = _opening_bylines(blocks, writers, names)
    if bylines:
        blocks = [b for b in blocks if b not in bylines]
        text = blocks_text(blocks)
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
