"""Content scoring for pages no profile knows: find the main text block by density.

A readability-style scorer on lxml: paragraphs vote for their parent and grandparent,
link-heavy and boilerplate-named containers lose, and the winner's sibling blocks that
score well join it. Class and id hints are words, not substrings ("share-bar" is
boilerplate, "shareholder" is not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.body import (
    HEADINGS,
    SKIP_TAGS,
    Block,
    clean_blocks,
    collect_blocks,
    raw_blocks,
    wraps_text,
)
from scraper.extract.text import node_text
from scraper.extract.vocabulary import (
    AUTHORED_CLASSES,
    BUILDER_CLASS_PREFIXES,
    BUILDER_WIDGET_WORDS,
    CLASS_BREAKPOINTS,
    CLASS_HIDDEN_PARTS,
    CLASS_HIDING_STATE,
    CLASS_MODIFIERS,
    CLASS_NEGATIONS,
    CLASS_NEGATIVE,
    CLASS_NEGATIVE_PAIRS,
    CLASS_OTHER_STORIES,
    CLASS_OTHER_STORIES_PAIRS,
    CLASS_POSITIVE,
    CLASS_STATES,
    CLASS_STRONG_NEGATIVE,
    CLASS_STRONG_PREFIXES,
    POST_AUTHOR_CLASS,
    POST_CLASS_MARK,
    POST_TOPIC_CLASSES,
    is_consent_notice,
)
from scraper.urls import resolve, url_key

_WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_BLOCK_TAGS = frozenset({"p", "pre", "td", "blockquote", "caption"})
_NOISE_TAGS = frozenset({"li", "h2", "h3", "h4", "h5", "h6", "dd", "dt"})
_LOOSE_TAGS = frozenset({"div", "section", "span", "font", "article", "main"})
_MAX_CLIMB = 6
_MIN_CHUNK = 500  # characters of prose: a story's chunk, not a box sharing its class
_MIN_TEXT = 25
# When no class word names the container that scores best (nor one around it), those by the
# headline get this much more of their score: a comment, a sidebar quote or a shop's box as
# long as the story no longer outweighs it. With every class and id name made opaque, 1.3 to
# 1.5 score alike (1.2 does too little, 1.6 and more start to take sidebars): the middle.
_BY_HEADLINE = 1.4
_EMBED_CHROME = 100  # characters around an embedded post (a caption, a "View on X" link)
_BIG_TEXT = 2000
_WRAPPER_TEXT = 2000
_ANCHORED = HEADINGS | {"h1"}  # elements whose id is an anchor made of their text
_STRONG = -2


_NO_WORDS: frozenset[str] = frozenset()  # `hint` with these reads content words alone
_NO_PAIRS: frozenset[tuple[str, str]] = frozenset()
_ASIDE_WEIGHT = 0.5  # a container's weight inside a sidebar's block (see _Sidebars)


def hint(
    el: HtmlElement,
    negative: frozenset[str] = CLASS_NEGATIVE,
    pairs: frozenset[tuple[str, str]] = CLASS_NEGATIVE_PAIRS,
) -> int:
    """-2 for comment threads, -1 when class/id words say boilerplate (`negative` words or
    word `pairs`), +1 for content, else 0. A heading's id is no name: it is an anchor made
    of the heading's own words (Ghost writes "horizontally-center-the-header-footer")."""
    names = el.get("class")
    ident = None if el.tag in _ANCHORED else el.get("id")
    if ident:
        names = f"{names} {ident}" if names else ident
    if not names or names.isspace():
        return 0
    return _hint(names, negative, pairs)


# Sized for many sites at once: aeb-dev's 120 sites hold 5,345 class strings, and a smaller
# cache read round-robin over them keeps none.
@lru_cache(maxsize=32768)
def _hint(attrs: str, negative: frozenset[str], pairs: frozenset[tuple[str, str]]) -> int:
    """`hint` of a class and id string (pages repeat theirs: each is read once)."""
    if "-" in attrs:
        attrs = POST_TOPIC_CLASSES.sub(" ", attrs)
        if POST_CLASS_MARK.search(attrs):
            attrs = POST_AUTHOR_CLASS.sub(" ", attrs)
    words = [w.lower() for w in _WORD_SPLIT.split(attrs) if w]
    builder = _builder_named(attrs)
    score = 0
    previous = ""
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        if builder and word in BUILDER_WIDGET_WORDS and previous != "wp":
            previous = word
            continue
        # "has-comments", "comments-enabled" describe a page's state, not a comment thread.
        if (
            (previous not in CLASS_MODIFIERS or (previous, word) == CLASS_HIDING_STATE)
            and following not in CLASS_STATES
            and not _partly(word, previous, following)
        ):
            if word in CLASS_STRONG_NEGATIVE or word.startswith(CLASS_STRONG_PREFIXES):
                return _STRONG
            if word in negative or (previous, word) in pairs:
                score = -1
        if word in CLASS_POSITIVE and score == 0:
            # What a name says is not the story's is not ("not-prose": Tailwind Typography's
            # opt-out inside a "prose" body, for a promo, an embed, a picture).
            score = -1 if previous in CLASS_NEGATIONS else 1
        previous = word
    return score


def _partly(word: str, previous: str, following: str) -> bool:
    """A "hidden" that hides a part of the block or hides it at some screen sizes only."""
    return word == "hidden" and (previous in CLASS_HIDDEN_PARTS or following in CLASS_BREAKPOINTS)


_HIDING = frozenset({"hidden", "sronly", "screenreader", "visuallyhidden"})
_HIDING_PAIRS = frozenset({("sr", "only"), ("screen", "reader"), ("visually", "hidden")})


def hidden_by_class(el: HtmlElement) -> bool:
    """Whether the element's own class words hide it ("rich-snippet-hidden", "sr-only"); a
    hidden label or a breakpoint ("hidden-xs") does not."""
    return hint(el, _HIDING, _HIDING_PAIRS) == -1  # -2 is a comment thread, not hiding


def in_boilerplate(node: HtmlElement) -> bool:
    """Whether an element sits in a block whose names say boilerplate (related stories, a
    sidebar…): its excerpts and dates belong to other stories. A block that holds the
    headline wraps the story, whatever its name ("content-sidebar-wrap")."""
    return any(hint(a) < 0 and not _holds_a_story(a) for a in _blocks_above(node))


def in_other_stories(node: HtmlElement, page_url: str | None = None) -> bool:
    """Whether an element sits in a link or in a block listing other stories (related, most
    read, teasers, a sidebar) that does not hold the headline: a date there is another
    story's, not the page's. A link to `page_url` itself (a post's permalink around its
    day) is the page's own."""
    return any(
        (a.tag == "a" and not _links_to(a, page_url)) or _lists_other_stories(a)
        for a in _blocks_above(node)
    )


def _links_to(link: HtmlElement, page_url: str | None) -> bool:
    """Whether a link leads to `page_url`: the same document by `url_key` (scheme, trailing
    slash, fragment and tracking parameters aside)."""
    href = (link.get("href") or "").strip()
    if not page_url or not href or href.startswith("#"):
        return False
    target = resolve(page_url, href)
    return bool(target) and url_key(target) == url_key(page_url)


def in_story_lists(node: HtmlElement, story: Container[HtmlElement] = ()) -> bool:
    """Whether an element sits in a block named for other stories (related, recent posts, a
    sidebar) that holds no h1 and is not one of the `story`'s blocks (those around its
    headline: a layout's "mainwrap sidebar"). Links and comment threads are not counted: a
    forum's first post is named as a comment, and a linked date may be the post's own."""
    return any(
        _lists_other_stories(a, threads=False) and a not in story for a in _blocks_above(node)
    )


def _lists_other_stories(el: HtmlElement, threads: bool = True) -> bool:
    """A block named for other stories, holding no h1; a comment thread too unless not
    `threads`."""
    verdict = hint(el, CLASS_OTHER_STORIES, CLASS_OTHER_STORIES_PAIRS)
    return (verdict < 0 if threads else verdict == -1) and not _holds_a_story(el)


def in_thread(node: HtmlElement) -> bool:
    """Whether an element sits in a comment thread, a consent banner or a recommendation
    widget (the strongly named boilerplate): a date there is never the story's."""
    return any(hint(a) == _STRONG for a in _blocks_above(node))


def _blocks_above(node: HtmlElement) -> Iterator[HtmlElement]:
    return (a for a in node.iterancestors() if a.tag not in ("body", "html"))


_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


def _hidden(el: HtmlElement) -> bool:
    style = el.get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    return el.get("aria-hidden") == "true"


def in_hidden_block(node: HtmlElement) -> bool:
    """Whether an element sits in a block its style hides (an overlay waiting for a click, a
    template): what it holds is not shown. The element itself may be hidden (hAtom's dates)."""
    return any(_hidden(a) for a in _blocks_above(node))


def _dialog(el: HtmlElement, hints: bool = True) -> bool:
    """A dialog floating over the page (a consent manager's, a login's: aria-modal, or named
    so when names are not read otherwise: it is shown only once opened), unless the story
    itself is shown in it (its headline inside)."""
    return (
        el.get("aria-modal") == "true" or (not hints and _named_overlay(el))
    ) and not _holds_a_story(el)


_OVERLAYS = frozenset({"dialog", "modal", "popup"})


def _named_overlay(el: HtmlElement) -> bool:
    """Named a dialog, modal or popup, read as `hint` reads names: a state ("modal-open", the
    page while one is open) or a modifier ("has-popup") names no overlay."""
    names = el.get("class")
    return (
        bool(names)
        and not _OVERLAYS.isdisjoint(w.lower() for w in _WORD_SPLIT.split(names))
        and hint(el) == _STRONG
    )


_CHROME_TAGS = frozenset({"header", "footer"})
_SUBHEAD_NEGATIVE = CLASS_NEGATIVE - {"headline"}
# schema.org's Person, as microdata names the thing an element describes.
_PERSON = re.compile(r"schema\.org/Person$")
_VCARD = re.compile(r"(?:^|\s)vcard(?:\s|$)")


def _a_person(el: HtmlElement) -> bool:
    """A block describing a person: schema.org's Person, or an hCard ("vcard")."""
    return bool(_PERSON.search(el.get("itemtype") or "") or _VCARD.search(el.get("class") or ""))


def junk(root: HtmlElement, hints: bool = True) -> set[HtmlElement]:
    """Elements under `root` (and their descendants) that are boilerplate or invisible.

    A boilerplate-named wrapper that holds a lot of prose ("page-ad-margins" around a whole
    story) is kept: names are hints, text is evidence. Comment threads go whatever their size.
    Without `hints`, class and id names are not read: only what no reader sees is junk.
    """
    found: set[HtmlElement] = set()
    subheads: list[HtmlElement] = []
    measure = _measurer()
    for el in root.iter(etree.Element):
        if el in found:
            continue  # inside a block already found: added with it
        tag = el.tag
        if _hidden(el) or _dialog(el, hints):
            drop = True
        elif tag in _CHROME_TAGS or (tag == "aside" and _holds_a_story(el)):
            # A header, footer or sidebar left unclosed swallows the story that follows it.
            # Read without hints, the tag is a name too: the headline's header (a one-
            # paragraph brief under it) is kept.
            drop = (
                _little_prose(el, measure)
                and (hints or not _holds_a_story(el))
                and not wraps_text(el)
            )
        elif tag in SKIP_TAGS and tag != "form" and not wraps_text(el):
            drop = True
        elif tag in _KEEP_TAGS or el is root:
            drop = False
        elif tag == "form" or el.get("hidden") is not None:
            # ASP.NET pages wrap the whole page in one <form>, and streaming renderers park
            # the story in a hidden <div> until scripts move it: judge those by their text.
            drop = _little_text(el, measure(root), measure)
        else:
            verdict = hint(el) if hints else 0
            if (
                verdict == -1
                and (tag in HEADINGS or _heading_alone(el))
                and hint(el, _SUBHEAD_NEGATIVE) >= 0
            ):
                # A subheading named for a headline ("atc-SubHeadline", or the block around
                # it: Neos's "neos-nodetypes-headline") is the story's when text follows it:
                # the page's headline is its h1, a box's title tops junk or links.
                subheads.append(el)
                continue
            if verdict >= 0 and tag not in _PHRASING and _a_person(el):
                verdict = -1  # a person's card (an author box: name, bio, links), as named
            drop = verdict == _STRONG or (
                verdict < 0
                and _little_prose(el, measure)
                and not _post_embed(el, measure)
                and not _in_a_sentence(el)
            )
        if drop:
            found.update(el.iter(etree.Element))
    for heading in subheads:
        following = heading.getnext()
        length = measure(following) if following is not None else 0
        if not length or following in found or _link_density(following, length, measure) > 0.5:
            found.add(heading)
    return found


_PHRASING = frozenset({"a", "span", "em", "strong", "b", "i", "abbr", "code", "kbd", "mark"})


def _heading_alone(el: HtmlElement) -> bool:
    """A block around one subheading and nothing else, a few wrappers deep (a CMS's headline
    element: Neos's div > div > h4)."""
    node = el
    for _ in range(3):
        if (node.text or "").strip() or len(node) != 1:
            return False
        node = node[0]
        if not isinstance(node.tag, str) or (node.tail or "").strip():
            return False
        if node.tag in HEADINGS:
            return True
    return False


def _in_a_sentence(el: HtmlElement) -> bool:
    """A word of a sentence, whatever its name: text in inline markup only, with text on both
    sides of it ("…über unser <a class="btn">Support-Center</a> mit einer Anfrage…")."""
    if el.tag not in _PHRASING or not (el.tail or "").strip():
        return False
    if not all(d.tag in _PHRASING for d in el.iterdescendants() if isinstance(d.tag, str)):
        return False  # an ad slot set inside a sentence holds blocks, not words
    previous = el.getprevious()
    before = previous.tail if previous is not None else el.getparent().text
    return bool((before or "").strip())


def _holds_a_story(el: HtmlElement) -> bool:
    """The page's headline inside: the element wraps the story (a sidebar left unclosed before
    it), not a sidebar's own excerpts."""
    return next(el.iter("h1"), None) is not None


_EMBEDDED_POSTS = etree.XPath(
    ".//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'bluesky-embed')"
    " or contains(@class, 'mastodon-embed') or contains(@class, 'threads-embed')]"
)


def _post_embed(el: HtmlElement, measure: Callable[[HtmlElement], int]) -> bool:
    """A wrapper ("social-media-embed") around a quoted social post and little else: the
    post's text is part of the story, as a quotation."""
    posts = _EMBEDDED_POSTS(el)
    if not posts:
        return False
    quoted = sum(measure(p) for p in posts)
    return quoted > 0 and measure(el) - quoted < _EMBED_CHROME


def _flat_item(el: HtmlElement) -> bool:
    """A list item of plain text (no paragraphs, blocks or links inside): a long one is prose,
    as a story's bullet points are; menus and teaser lists link their items."""
    return el.find(".//p") is None and el.find(".//div") is None and el.find(".//a") is None


def _little_text(el: HtmlElement, page_text: int, measure: Callable[[HtmlElement], int]) -> bool:
    """A form or hidden block small enough to be a widget, not a page-wide wrapper: one holding
    most of the page's text wraps it, however short the page (a club's news item)."""
    length = measure(el)
    return length < _WRAPPER_TEXT and 2 * length <= page_text


def _little_prose(el: HtmlElement, measure: Callable[[HtmlElement], int]) -> bool:
    """True unless the element holds several real paragraphs or a lot of unlinked text."""
    length = measure(el)
    if length >= _BIG_TEXT and _link_density(el, length, measure) < 0.3:
        return False
    long_paragraphs = 0
    for p in el.iter("p"):
        p_len = measure(p)
        if p_len >= 100 and _link_density(p, p_len, measure) < 0.3:
            long_paragraphs += 1
            if long_paragraphs >= 3:
                return False
    return True


_CODE_TAGS = frozenset({"script", "style"})


def _text_len(el: HtmlElement) -> int:
    """Visible characters: the code in scripts and styles (an ad slot's loader) is not text."""
    if not len(el):  # a leaf, as most links are: its own text
        return 0 if el.tag in _CODE_TAGS else len(" ".join((el.text or "").split()))
    length = len(" ".join(el.text_content().split()))
    for code in el.iter(*_CODE_TAGS):
        length -= len(" ".join(code.text_content().split()))
    return max(length, 0)


def _measurer() -> Callable[[HtmlElement], int]:
    """`_text_len`, once per element: nested blocks ask for the same paragraphs and links."""
    measured: dict[HtmlElement, int] = {}

    def measure(el: HtmlElement) -> int:
        length = measured.get(el)
        if length is None:
            length = measured[el] = _text_len(el)
        return length

    return measure


def _link_density(
    el: HtmlElement, length: int, measure: Callable[[HtmlElement], int] = _text_len
) -> float:
    if not length:
        return 1.0
    links = sum(measure(a) for a in el.iter("a"))
    return min(1.0, links / length)


def _own_text_len(el: HtmlElement) -> int:
    total = len((el.text or "").strip())
    for child in el:
        total += len((child.tail or "").strip())
    return total


@dataclass
class Content:
    """The main text found by content scoring, and the standfirst set just before it."""

    blocks: list[Block]
    intro: str | None = None


def main_content(tree: HtmlElement, url: str | None = None) -> Content:
    """The main text by content scoring. When class-name hints leave no text at all (a
    forum's posts named "comment", Blogger's "widget Blog", Drupal's "label-hidden" fields),
    the densest text region judged by text alone; when that is none either, the captions of
    a slideshow's pictures: a page with a main text is never empty."""
    found = _scored(tree, junk(tree), url)
    if not found.blocks:
        found = _scored(tree, junk(tree, hints=False), url, by_text=True)
    return found if found.blocks else Content(_captions(tree, url))


_MIN_CAPTIONS = 200  # characters of captions that make a slideshow's text


def _captions(tree: HtmlElement, url: str | None) -> list[Block]:
    """The captions of the page's pictures, in order, when they hold some prose: all the text
    a picture gallery (a slideshow) has. Captions are no body text anywhere else."""
    unseen = junk(tree, hints=False)
    blocks = []
    for caption in tree.iter("figcaption"):
        if any(a in unseen and a.tag != "figure" for a in caption.iterancestors()):
            continue
        # Junk as a figure's part, read here for its text: its counter and credit are not.
        parts = [el for el in caption.iterdescendants() if isinstance(el.tag, str)]
        skip = (unseen - set(parts)) | {el for el in parts if _hidden(el) or hint(el) < 0}
        blocks += collect_blocks([caption], skip, url)
    return blocks if sum(len(b.text) for b in blocks) >= _MIN_CAPTIONS else []


def _scored(
    tree: HtmlElement, skip: set[HtmlElement], url: str | None, by_text: bool = False
) -> Content:
    """The blocks of the best-scoring container, leaving out `skip`."""
    roots = _thread(_headlines_story(tree, find_content(tree, skip), skip), skip)
    skip |= _teaser_cards(roots, skip)
    if by_text:
        # The container was found by text alone; inside it, names still tell a post's
        # footer ("Posted by X at 5:11 AM") and its buttons from its text.
        found = _content(roots, skip.union(*(junk(root) for root in roots)), url)
        if found.blocks:
            return found
    return _content(roots, skip, url)


def _content(roots: list[HtmlElement], skip: set[HtmlElement], url: str | None) -> Content:
    blocks = collect_blocks(roots, skip, url, _authored(roots))
    if not blocks:
        return Content([])
    intro = _intro(roots[0], skip, url)
    if intro is not None:
        return Content(blocks, intro)
    opening = _between(roots[0], skip, url)
    if len(opening) == 1:
        return Content(blocks, opening[0].text)
    return Content([*opening, *blocks])


def _headlines_story(
    tree: HtmlElement, roots: list[HtmlElement], skip: set[HtmlElement]
) -> list[HtmlElement]:
    """The main text inside the headline's own <article> when the page holds other stories
    in <article>s like it, each with its own h1 (a page that loads the next stories as you
    scroll), and scoring went beyond it: the longest story need not be the page's."""
    headline = next(tree.iter("h1"), None)
    story = next(headline.iterancestors("article"), None) if headline is not None else None
    if not roots or story is None or all(r is story or inside(r, story) for r in roots):
        return roots
    # Alike: the same first class ("minute" of "minute minute-single", "minute minute-first").
    kind = (story.get("class") or "").split()[:1]
    if not any(
        other is not story
        and (other.get("class") or "").split()[:1] == kind
        and next(other.iter("h1"), None) is not None  # another story, not a part of this page
        and not inside(other, story)
        and not inside(story, other)
        for other in tree.iter("article")
    ):
        return roots
    return find_content(story, skip) or roots


_RECORD_DEPTH = 6  # levels above the main text where a forum's post record may start


def _thread(roots: list[HtmlElement], skip: set[HtmlElement]) -> list[HtmlElement]:
    """A forum thread's posts: when the main text is a part of one record among others like
    it (a post among its siblings: same tag, same first class, each numbered as forums number
    posts: "p2011", "post_2" in its id, data-pid="2011"), the same part of every record, in
    order.
    Records that are stories of their own (an h1, a heading linking to another page) are
    teasers or the next story, never replies."""
    if len(roots) != 1:
        return roots
    root = roots[0]
    path: list[tuple[str, str]] = []
    record = root
    for _ in range(_RECORD_DEPTH):
        parent = record.getparent()
        if parent is None or record.tag in ("body", "main"):
            return roots
        key = _record_key(record)
        number = _post_number(record) if key[1] else None
        # An <article> among <article>s, the same part in each: posts with no number (Flarum's
        # page for visitors without scripts).
        articles = record.tag == "article" and bool(path)
        # Most records carry no post number: their siblings are not looked at.
        alike = (
            [s for s in parent if s is not record and _record_key(s) == key and s not in skip]
            if number or articles
            else []
        )
        numbers = {_post_number(r) for r in alike} | {number}
        numbered = None not in numbers and len(numbers) == len(alike) + 1
        if alike and (numbered or (articles and numbers == {None})):
            # Unnumbered, a card whose heading sits in a link is another story's teaser.
            found = {
                s: _follow(s, path)
                for s in alike
                if not _own_story(s) and (numbered or not LINKED_HEADING(s))
            }
            parts = {
                s: p for s, p in found.items() if p is not None and p not in skip and _text_len(p)
            }
            if parts:
                # Each record's part, in the records' order.
                return [
                    root if s is record else parts[s] for s in parent if s is record or s in parts
                ]
        path.insert(0, key)
        record = parent
    return roots


_NUMBERED = re.compile(r"^\D*?(\d+)$")


def _post_number(record: HtmlElement) -> str | None:
    """The number a forum gives a post in its id ("p2011", "post_2", "msg1234") or in a
    data attribute (NodeBB's data-pid, Askbot's data-post-id)."""
    for name in _POST_NUMBER_ATTRIBUTES:
        match = _NUMBERED.match(record.get(name) or "")
        if match:
            return match.group(1)
    return None


_POST_NUMBER_ATTRIBUTES = ("id", "data-pid", "data-post-id", "data-postid")


def _record_key(el: HtmlElement) -> tuple[str, str]:
    return el.tag, next(iter((el.get("class") or "").split()), "")


def _follow(record: HtmlElement, path: list[tuple[str, str]]) -> HtmlElement | None:
    """The element at `path` (tag and first class of each level) below `record`."""
    node = record
    for key in path:
        node = next((c for c in node if isinstance(c.tag, str) and _record_key(c) == key), None)
        if node is None:
            return None
    return node


# A member's page on a forum: phpBB's viewprofile, SMF's action=profile, MyBB's and
# vBulletin's member.php, XenForo's /members/, Discourse's /u/.
_MEMBER_PAGE = re.compile(r"profile|member|/u/|/users?/", re.IGNORECASE)


def _own_story(record: HtmlElement) -> bool:
    """Whether a record holds an h1, or a heading linking to another page: not to the record
    itself (phpBB's post subject links to "viewtopic.php?p=2011#p2011"), nor to its poster's
    member page (SMF names the poster in an h4)."""
    anchor = "#" + (record.get("id") or "")
    return next(record.iter("h1"), None) is not None or any(
        not href.startswith("#") and not href.endswith(anchor) and not _MEMBER_PAGE.search(href)
        for h in record.iter("h2", "h3", "h4")
        for href in (a.get("href") or "#" for a in h.iter("a"))
    )


_CARD_TEXT = 400  # characters: a teaser's kicker, headline, excerpt and byline
_CARD_LINKS = 0.4  # of its text in links: a card names and links the story it announces


# A heading linked to another page: what makes a block a card announcing another story.
LINKED_HEADING = etree.XPath(
    "boolean(.//*[self::h2 or self::h3 or self::h4][.//a[@href] or ancestor::a[@href]])"
)
# A link laid over a whole card, with no text of its own ("stretched link").
_OVERLAY_LINK = etree.XPath("boolean(.//a[@href][not(normalize-space())][not(.//img)])")


def _teaser_cards(roots: list[HtmlElement], skip: set[HtmlElement]) -> set[HtmlElement]:
    """<article>s inside the story's container holding a few lines mostly linked, under one
    link laid over them, or under a linked heading: cards of other stories (a stream of
    teasers below the story), not part of it."""
    cards = set()
    for root in roots:
        for el in root.iterdescendants("article"):
            length = _text_len(el)
            if (
                el not in skip
                and length < _CARD_TEXT
                and (
                    _link_density(el, length) >= _CARD_LINKS
                    or _OVERLAY_LINK(el)
                    or LINKED_HEADING(el)
                )
            ):
                cards.add(el)
    return cards


def _authored(roots: list[HtmlElement]) -> bool:
    """Whether the main text sits in a CMS's post-content container (Ghost, WordPress)."""
    return bool(roots) and any(_holds_post(el) for el in (roots[0], *roots[0].iterancestors()))


_INTRO = (60, 800)  # characters: a standfirst is a sentence or a short paragraph
_INTRO_END = re.compile(r"[.!?…:;\"'»“”)]\s*$")


def _intro(first: HtmlElement, skip: set[HtmlElement], url: str | None) -> str | None:
    """A standfirst set apart from the story's container ("lead", "intro", "abstract" blocks
    beside the body in the same article): the first text met going back from the story (past
    images), when it is one unlinked sentence or paragraph of prose."""
    node = first
    for _ in range(3):
        # Before the story's <article> or <main> only its header counts: the block of the h1.
        wrapper = node.tag in _KEEP_TAGS
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            # The header holding the h1 is itself left out of the body, but not its standfirst.
            headline = next(sibling.iter("h1"), None)
            if headline is not None:
                return _under_headline(headline, sibling, skip, url)
            if sibling in skip or not _text_len(sibling):
                continue
            if wrapper:
                return None
            # A standfirst set as a heading is a lone heading, which cleaning drops.
            raw = raw_blocks([sibling], skip, url)
            blocks = clean_blocks(raw) or raw
            if not blocks:
                continue  # an image and its (skipped) caption
            if (
                len(blocks) != 1
                or blocks[0].kind in ("li", "row")
                or hint(sibling) < 0
                or _column_of_links([sibling], skip)
            ):
                return None
            return blocks[0].text if _is_intro(blocks[0]) else None
        parent = node.getparent()
        if parent is None or wrapper:
            return None
        node = parent
    return None


_BETWEEN = 2000  # characters between the headline and the story: a standfirst and its lines
_LAST_H1_ABOVE = etree.XPath("preceding::h1[1]")


def _between(first: HtmlElement, skip: set[HtmlElement], url: str | None) -> list[Block]:
    """The prose standing between the headline and the story's container, neither in the
    headline's block nor beside the story (a page's "intro" region, a stage above the body, a
    post's opening above its "more" break), among short lines, pictures and captions aside:
    one paragraph is a standfirst, more open the story."""
    # The story's headline is the last h1 above its container, unless the container holds
    # another (a site-title h1 above both heads the page, and its tagline is no standfirst).
    headline = next(iter(_LAST_H1_ABOVE(first)), None)
    inner = next(first.iter("h1"), None)
    if headline is None or (inner is not None and node_text(inner) != node_text(headline)):
        return []
    lineage = [first, *first.iterancestors()]
    ancestors = set(lineage)
    top, after = headline, []  # the headline's side: what follows it, up to the common ancestor
    while (common := top.getparent()) not in ancestors:
        after.extend(top.itersiblings())
        top = common
    side = lineage[lineage.index(common) - 1]  # the story's side, below the common ancestor
    middle = list(top.itersiblings())  # the headline precedes the story: `side` is among them
    before = []  # the story's side: what precedes it, down from the common ancestor
    for node in reversed(lineage[: lineage.index(side)]):
        before.extend(reversed(list(node.itersiblings(preceding=True))))
    between = [*after, *middle[: middle.index(side)], *before]
    if sum(_text_len(el) for el in between) > _BETWEEN or _column_of_links(between, skip):
        return []
    pictures = [el for el in between if el.tag == "img" or next(el.iter("img"), None) is not None]
    return _prose_among([el for el in between if el not in pictures], skip, url)


def _column_of_links(elements: list[HtmlElement], skip: set[HtmlElement]) -> bool:
    """Whether links make most of the elements' text: a sidebar's or a menu's column beside
    the story (a writer's blurb over a list of topics), not a standfirst above it."""
    length = sum(_text_len(el) for el in elements)
    return sum(_link_chars(el, skip) for el in elements if el not in skip) > 0.3 * length


def _prose_among(
    elements: list[HtmlElement], skip: set[HtmlElement], url: str | None
) -> list[Block]:
    """The paragraphs of prose in `elements` (lists aside), when their other lines are short
    (a byline, a date, a kicker); [] when longer text there is no prose (a box of links)."""
    blocks = [
        b for b in clean_blocks(raw_blocks(elements, skip, url)) if b.kind not in ("li", "row")
    ]
    prose = [b for b in blocks if _is_intro(b)]
    if all(b in prose or len(b.text) < _INTRO[0] for b in blocks):
        return prose
    return []


def _is_intro(block: Block) -> bool:
    text = block.text
    return (
        _INTRO[0] <= len(text) <= _INTRO[1]
        and block.link_chars < 0.1 * len(text)
        and _INTRO_END.search(text) is not None
    )


def _under_headline(
    headline: HtmlElement, header: HtmlElement, skip: set[HtmlElement], url: str | None
) -> str | None:
    """The standfirst in the header block that holds the headline: its one paragraph of
    prose after the h1, among short lines (byline, date, kicker)."""
    after: list[HtmlElement] = []
    node = headline
    while node is not header:
        after.extend(node.itersiblings())
        node = node.getparent()
    # Under the headline, "teaser" names the story's own (German "Teaser": the standfirst).
    own = {
        inner
        for top in after
        for el in top.iter()
        if el in skip and _only_teaser(el)
        for inner in el.iter()
        if inner is el or hint(inner) >= 0
    }
    prose = _prose_among(after, skip - own if own else skip, url)
    return prose[0].text if len(prose) == 1 else None


_NOT_TEASER = CLASS_NEGATIVE - {"teaser"}


def _only_teaser(el: HtmlElement) -> bool:
    """Whether class words call `el` boilerplate only for being a teaser."""
    return hint(el) == -1 and hint(el, _NOT_TEASER) >= 0


def find_content(tree: HtmlElement, skip: set[HtmlElement]) -> list[HtmlElement]:
    """The element(s) holding the main text, in document order; [] when nothing scores."""
    body = tree.find("body")
    root = body if body is not None else tree
    stop = root.getparent()
    scores: dict[HtmlElement, float] = {}
    # Text mass under each ancestor: prose paragraphs vs other visible text blocks.
    good: dict[HtmlElement, int] = {}
    noise: dict[HtmlElement, int] = {}
    measure = _measurer()
    for el in root.iter():
        tag = el.tag
        if el in skip or not isinstance(tag, str):
            continue
        if tag in _BLOCK_TAGS or tag in _NOISE_TAGS:
            length = measure(el)
        elif tag in _LOOSE_TAGS and (own := _own_text_len(el)) > 80:
            length = own
        else:
            continue
        if not length:
            continue
        prose = (
            length >= 80
            and (tag not in _NOISE_TAGS or (tag == "li" and _flat_item(el)))
            and _link_density(el, length, measure) < 0.3
        )
        tally = good if prose else noise
        ancestor = el.getparent()
        while ancestor is not None and ancestor is not stop:
            tally[ancestor] = tally.get(ancestor, 0) + length
            ancestor = ancestor.getparent()
        if length < _MIN_TEXT or tag in _NOISE_TAGS:
            continue
        text = el.text_content()
        if is_consent_notice(text):
            continue  # a cookie banner's text votes for no container, whatever its names
        score = 1 + text.count(",") + min(length / 100, 3)
        # A <div> holding its text directly (br-separated prose) is itself a container.
        parent = el if tag in _LOOSE_TAGS else el.getparent()
        for divider in (1, 2, 3):
            if parent is None or parent is stop:
                break
            if parent not in scores:
                scores[parent] = 5.0 * hint(parent) + (
                    5 if parent.tag in ("article", "main") else 0
                )
            scores[parent] += score / divider
            parent = parent.getparent()
    if not scores:
        return []
    top = max(scores, key=scores.__getitem__)
    if all(hint(el) <= 0 for el in (top, *top.iterancestors())):
        _favour_headlines_side(scores, root)
    sidebar = _Sidebars(root)

    def weight(el: HtmlElement) -> float:
        """A container counts half inside a sidebar when choosing the story's."""
        return _ASIDE_WEIGHT if sidebar.around(el) else 1.0

    ranked = sorted(scores.items(), key=lambda item: item[1] * weight(item[0]), reverse=True)[:8]
    best, best_score = max(
        ((el, score * (1 - _link_density(el, measure(el), measure))) for el, score in ranked),
        key=lambda item: item[1] * weight(item[0]),
    )
    if best_score < 0:  # only boilerplate by its class words (a cookie notice) holds text
        return []
    best = _widen(best, root, good, noise, skip, sidebar)
    chosen = _with_siblings(best, best_score, scores, skip)
    return _with_chunks(chosen, root, good, skip)


class _Sidebars:
    """A sidebar's blocks: named only as boilerplate ("aside secondary", "panel-region-
    sidebar"), not holding the headline. Their prose (teasers' intros, readers' comments) may
    outweigh a short story; a layout's name beside a content word ("l-sidebar-fixed
    l-article-body") is no sidebar. Called, it says whether an element is one."""

    def __init__(self, root: HtmlElement) -> None:
        headline = next(root.iter("h1"), None)
        self._headlines = set(headline.iterancestors()) if headline is not None else set()
        self._inside: dict[HtmlElement, bool] = {}  # an element: in a sidebar or one itself

    def __call__(self, el: HtmlElement) -> bool:
        return el not in self._headlines and hint(el) < 0 and hint(el, _NO_WORDS, _NO_PAIRS) <= 0

    def around(self, el: HtmlElement) -> bool:
        """Whether one of the element's ancestors is a sidebar (read once per element)."""
        path = []
        node = el.getparent()
        while node is not None and node not in self._inside:
            path.append(node)
            node = node.getparent()
        found = self._inside[node] if node is not None else False
        for ancestor in reversed(path):
            found = self._inside[ancestor] = found or self(ancestor)
        return found


def _favour_headlines_side(scores: dict[HtmlElement, float], root: HtmlElement) -> None:
    """Weigh up the containers that hold the page's first h1 or sit beside it (their parent
    or grandparent holds it): a story stands by its headline, comments and sidebars further."""
    headline = next(root.iter("h1"), None)
    if headline is None:
        return
    around = set()
    for ancestor in headline.iterancestors():
        if ancestor is root:
            break
        around.add(ancestor)
    for el in scores:
        parent = el.getparent()
        grandparent = parent.getparent() if parent is not None else None
        if el in around or parent in around or grandparent in around:
            scores[el] *= _BY_HEADLINE


def _with_chunks(
    chosen: list[HtmlElement],
    root: HtmlElement,
    good: dict[HtmlElement, int],
    skip: set[HtmlElement],
) -> list[HtmlElement]:
    """The story's opening when ads split it from the rest into containers of one class
    ("story-text" twice on politico.com): prose of that class between the headline and the
    chosen container, in the same <article> (or none) and in a container alike. What follows
    the story in its class is as often a box (a ticker, a licence) as more of it."""
    if len(chosen) != 1 or not chosen[0].get("class"):
        return chosen
    best = chosen[0]
    name = best.get("class")
    story = next(best.iterancestors("article"), None)
    others = [
        el
        for el in root.iter(best.tag)
        if el is not best
        and el.get("class") == name
        and good.get(el, 0) >= _MIN_CHUNK
        and el not in skip
        and not any(a in skip for a in el.iterancestors())
        and next(el.iterancestors("article"), None) is story
        and _same_place(el, best)
        and not inside(best, el)  # its descendants come after it, and are left out below
    ]
    if not others:
        return chosen
    order = {el: i for i, el in enumerate(root.iter())}
    headline = next(root.iter("h1"), None)
    start = order[headline] if headline is not None else -1
    opening = sorted(
        (el for el in others if start < order[el] < order[best]), key=order.__getitem__
    )
    return [*opening, best]


def _same_place(el: HtmlElement, other: HtmlElement) -> bool:
    """Whether two elements sit in containers alike (tag and class): a column beside the
    story ("panel-col-first" by "panel-col-last") is not a chunk of it."""
    a, b = el.getparent(), other.getparent()
    return a is not None and b is not None and (a.tag, a.get("class")) == (b.tag, b.get("class"))


def inside(node: HtmlElement, ancestor: HtmlElement) -> bool:
    """Whether `ancestor` is one of the node's ancestors."""
    return any(a is ancestor for a in node.iterancestors())


def _widen(
    best: HtmlElement,
    root: HtmlElement,
    good: dict[HtmlElement, int],
    noise: dict[HtmlElement, int],
    skip: set[HtmlElement],
    sidebar: _Sidebars,
) -> HtmlElement:
    """Climb to an ancestor when it adds more prose than noise (stories split in chunks); a
    sidebar beside the story adds none of its prose. A page builder's rows, columns and module
    wrappers are no steps of the climb: it nests each piece of a post some ten levels deep."""
    base_good, base_noise = good.get(best, 0), noise.get(best, 0)
    base_links = _link_chars(best, skip)
    chosen = best
    node = best
    steps = aside = 0  # aside: the prose of the sidebars passed on the way up
    while steps < _MAX_CLIMB:
        # An <article> is one story and a table cell one column: climbing out of either
        # only collects other stories or a sidebar.
        if node.tag in ("article", "td"):
            break
        below, node = node, node.getparent()
        if node is None or node is root:
            break
        builder = _builder_named(node.get("class") or "")
        steps += not builder
        aside += sum(good.get(other, 0) for other in node if other is not below and sidebar(other))
        gained = good.get(node, 0) - base_good - aside
        if gained < 0.2 * base_good or noise.get(node, 0) - base_noise > 0.8 * gained:
            continue
        # Teaser feeds add prose too, but each excerpt comes with a linked headline.
        links = _link_chars(node, skip)
        if links - base_links <= 0.25 * gained:
            chosen = node
            # A builder's layout, or the post's content container: what is above must add
            # to it (a page builder splits the post into sections of a few paragraphs).
            if builder or _holds_post(node):
                base_good, base_noise, base_links = good.get(node, 0), noise.get(node, 0), links
                aside = 0
    return chosen


def _builder_named(names: str) -> bool:
    """Whether class names name a page builder's row, column or module."""
    return any(name.startswith(BUILDER_CLASS_PREFIXES) for name in names.split())


def _holds_post(el: HtmlElement) -> bool:
    """Whether an element is a CMS's post-content container (Ghost, WordPress)."""
    return not AUTHORED_CLASSES.isdisjoint((el.get("class") or "").split())


def _link_chars(el: HtmlElement, skip: set[HtmlElement]) -> int:
    return sum(_text_len(a) for a in el.iter("a") if a not in skip)


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
