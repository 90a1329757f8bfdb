"""Article body → ordered text blocks → plain text and safe HTML (boilerplate left out)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Container
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from scraper.extract.authors import looks_like_name
from scraper.extract.dates import TIME_OF_DAY, WRITTEN_DAY
from scraper.extract.text import (
    fold,
    normalize_space,
    permalink_mark,
    ruby_annotation,
    screen_reader_only,
    source_line_breaks,
    word_count,
)
from scraper.extract.vocabulary import (
    AGENCY_CREDIT,
    APPEAL,
    AUTHOR_LABELS,
    BY_WORDS_IN_BYLINES,
    CAPTION_CREDIT,
    COMMENTS_HEADING,
    CREDIT_JOINERS,
    CREDIT_LINE,
    DATE_LABELS,
    DISCLOSURE,
    FILING_LINE,
    FORUM_PRESENCE,
    FURNITURE,
    MEMBER_FIGURES,
    MEMBERS_ONLY,
    NOTE_LABELS,
    PAYWALL,
    READING_TIME,
    RELATED_PHRASE,
    ROUNDUP,
    ROUNDUP_HEADING,
    SHORTCODE,
    SIGN_OFF,
    TAGS_LABEL,
    TIME_AGO,
    UPDATE_LABELS,
    alternation,
    is_consent_notice,
)
from scraper.urls import resolve

# Never prose: media, forms, machinery, the page's own title and header/footer chrome.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "video",
        "audio",
        "picture",
        "img",
        "figure",
        "figcaption",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "label",
        "nav",
        "aside",
        "footer",
        "header",
        "h1",
        "menu",
        "dialog",
        "head",
        "title",
        "meta",
        "link",
        "source",
        "map",
        "math",
    }
)
# Skipped inside a story, but a page-wide <form> (ASP.NET) or an unclosed <header> or
# <aside> that swallowed the story is the story's container when content scoring picks it.
_CONTAINERS = frozenset({"form", "header", "footer", "aside"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "center",
        "caption",
        "hr",
        "address",
        "details",
        "summary",
        "body",
        "html",
    }
)
_INLINE_MARKUP = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "cite": "em"}
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_MAX_DEPTH = 300
# A day, maybe after its weekday ("Mittwoch, 01. November 2023").
_STAMP = rf"(?:[\w-]+,?\s+)?{WRITTEN_DAY}"
_STAMP_LABEL = (
    rf"{alternation(DATE_LABELS + UPDATE_LABELS)}(?: on| at| le| am| em| el)?\s*[:：]?\s*"
)
_ZONE = r"(?:\s+(?:uhr|[A-Z]{2,4}))?"
# One stamp: a day (and its time), or a labelled time alone ("Updated at 1:23 p.m.",
# "Uppdaterad 15.59"), maybe bracketed ("기사입력 :[ 2018-08-25 15:24 ]").
_CLOCK = r"\d{1,2}\s*[:h.]\s*\d{2}(?:\s*[ap]\.?m\.?)?"
_ONE_STAMP = (
    rf"(?:{_STAMP_LABEL})?\[?\s*{_STAMP}(?:{TIME_OF_DAY}{_ZONE})?\s*\]?"
    rf"|{_STAMP_LABEL}{_CLOCK}{_ZONE}"
    # the time first ("Published 11:11 PM EST Nov 19, 2019", "12:20pm Jan 7, 2024")
    rf"|(?:{_STAMP_LABEL})?{_CLOCK}{_ZONE},?\s+{_STAMP}"
)
# A line that is only date stamps ("November 20, 2019 - 11:28 AMT", "20 Nov, 2019 05:47",
# "Uppdaterad 15.59 | Publicerad 14.14"), maybe with the reading time after them
# ("06. 01. 2026, 14:59 Uhr Lesedauer: 4 Minuten").
_DATELINE = re.compile(
    rf"^(?:{_ONE_STAMP})(?:\s*[|·•]\s*(?:{_ONE_STAMP}))*(?:\s*(?:[|·•]\s*)?{READING_TIME}\.?(?:\s+read)?)?\s*$",
    re.IGNORECASE,
)


_ANY_WORD = re.compile(r"\w")
_MIN_STORY_WORDS = 60
CUT_MARKS = ("…", "...", "[…]", "[...]", "(…)")
_MAX_SIGN_OFF = 300
_MAX_APPEAL = 200  # a call to follow or subscribe, not a paragraph opening with one
_ADDRESS = re.compile(r"https?://\S+")  # a link shown as its address: a reference


@dataclass
class Block:
    """One paragraph-level piece of the body: its kind, text and inline safe HTML."""

    kind: str  # p | h2..h6 | li | quote | pre | code (a <pre> of code) | row (a table's row)
    text: str
    html: str
    link_chars: int = 0
    group: int = 0  # identity of the enclosing list or quote, to regroup items
    ordered: bool = False
    jumps: bool = False  # a link in it only moves within the page (an accordion's toggle)


_GROUP_NUMBERS = itertools.count(1)


_EDGE_BREAKS = re.compile(r"^(?:<br>\s*)+|(?:\s*<br>)+$")  # line breaks opening or ending a block


class _Walker:
    def __init__(
        self,
        skip: Container[HtmlElement],
        base_url: str | None,
        subheadings: Container[HtmlElement] = (),
    ) -> None:
        self.skip = skip
        self.base_url = base_url
        self.subheadings = subheadings
        self.in_subheading = 0  # inside one, its text is read though junk() skipped every h1
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.html: list[str] = []
        self.link_chars = 0
        self.kind = "p"
        self.group = 0
        self.groups: dict[HtmlElement, int] = {}  # list, quote or table → its group's number
        self.ordered = False
        self.last_br = False
        self.in_link = 0
        self.jumps = False

    def flush(self) -> None:
        if self.kind == "code":  # its lines and indentation are the code's
            text = "".join(self.text).strip("\n").rstrip()
            html = "".join(self.html).strip("\n").rstrip()
        else:
            text = "\n".join(
                filter(None, (normalize_space(line) for line in "".join(self.text).split("\n")))
            )
            html = normalize_space("".join(self.html))
            if "<br>" in html:
                html = _EDGE_BREAKS.sub("", html)
        if text:
            self.blocks.append(
                Block(self.kind, text, html, self.link_chars, self.group, self.ordered, self.jumps)
            )
        self.text, self.html, self.link_chars, self.last_br = [], [], 0, False
        self.jumps = False

    def add(self, text: str | None) -> None:
        if text:
            if self.kind not in ("pre", "code"):
                text = source_line_breaks(text)
            self.text.append(text)
            self.html.append(escape(text, quote=False))
            if self.in_link:
                self.link_chars += len(text)
            if not text.isspace():
                self.last_br = False

    def walk(self, el: HtmlElement, depth: int = 0) -> None:
        tag = el.tag
        if el in self.subheadings:
            self.in_subheading += 1
            self._block(el, "h2", depth)
            self.in_subheading -= 1
            return
        if not isinstance(tag, str) or (tag in SKIP_TAGS and not wraps_text(el)):
            return
        if el in self.skip and not self.in_subheading:
            return
        if screen_reader_only(el) or (self.kind in HEADINGS and permalink_mark(el)):
            return  # "(opens in a new tab)", a heading's "¶": not the story as shown
        if tag == "rt" and ruby_annotation(el):
            return
        if depth > _MAX_DEPTH:
            self.add(el.text_content())
            return
        if tag == "br":
            if self.last_br:
                self.text.pop()
                self.html.pop()
                self.flush()
            else:
                self.text.append("\n")
                self.html.append("<br>")
                self.last_br = True
            return
        if tag == "tr" and _data_row(el):
            self._row(el, depth)
        elif tag in _BLOCK_TAGS:
            self._block(el, tag, depth)
        else:
            self._inline(el, tag, depth)

    def _children(self, el: HtmlElement, depth: int) -> None:
        self.add(el.text)
        for child in el:
            self.walk(child, depth + 1)
            self.add(child.tail)

    def _block(self, el: HtmlElement, tag: str, depth: int) -> None:
        self.flush()
        saved = (self.kind, self.group, self.ordered)
        if tag in HEADINGS:
            # A heading set inside a quotation is quoted text, not the story's subheading.
            if self.kind != "quote":
                self.kind = tag
        elif tag in ("ul", "ol"):
            self.group, self.ordered = self._group(el), tag == "ol"
        elif tag in ("li", "dd", "dt") and self.kind not in HEADINGS:
            self.kind = "li" if self.group else "p"
        elif tag == "blockquote":
            self.kind, self.group = "quote", self._group(el)
        elif tag == "pre":
            self.kind = "code" if _holds_code(el) else "pre"
        self._children(el, depth)
        self.flush()
        self.kind, self.group, self.ordered = saved

    def _group(self, el: HtmlElement) -> int:
        """The number of the group (list, quote, table) `el` heads, the same for every lookup
        of it: the walker holds the element, so lxml hands back one proxy for it, and numbers
        never repeat (an id() of a proxy freed in between could name two tables alike)."""
        if el not in self.groups:
            self.groups[el] = next(_GROUP_NUMBERS)
        return self.groups[el]

    def _row(self, row: HtmlElement, depth: int) -> None:
        """A data table's row as one block: its cells in order, " | " between them."""
        self.flush()
        saved = (self.kind, self.group, self.ordered)
        self.kind, self.group = "row", self._group(next(row.iterancestors("table"), row))
        cells = [c for c in row if c.tag in _CELLS and c not in self.skip]
        for position, cell in enumerate(cells):
            if position:
                self.text.append(" | ")
            self.html.append(f"<{cell.tag}>")
            self._children(cell, depth + 1)
            self.html.append(f"</{cell.tag}>")
        self.flush()
        self.kind, self.group, self.ordered = saved

    def _inline(self, el: HtmlElement, tag: str, depth: int) -> None:
        markup = _INLINE_MARKUP.get(tag)
        href = _safe_href(el.get("href"), self.base_url) if tag == "a" else None
        if tag == "a" and (el.get("href") or "#").lstrip().startswith(("#", "javascript:")):
            self.jumps = True
        if href:
            self.html.append(f'<a href="{escape(href)}">')
        elif markup:
            self.html.append(f"<{markup}>")
        self.in_link += tag == "a"
        self._children(el, depth)
        self.in_link -= tag == "a"
        if href:
            self.html.append("</a>")
        elif markup:
            self.html.append(f"</{markup}>")


_CELLS = frozenset({"td", "th"})
_MAX_CELL = 300  # characters: a longer cell is page layout, not a data table
_CELL_BLOCKS = _BLOCK_TAGS - {"td", "th"}


def _data_row(row: HtmlElement) -> bool:
    """A row of a data table: two cells or more, each short and holding no block (layout
    tables put whole pages in their cells)."""
    cells = [c for c in row if c.tag in _CELLS]
    return len(cells) >= 2 and all(
        len(c.text_content()) <= _MAX_CELL
        and not any(d.tag in _CELL_BLOCKS for d in c.iterdescendants())
        for c in cells
    )


def _safe_href(href: str | None, base_url: str | None) -> str | None:
    if not href or not href.strip():
        return None
    url = resolve(base_url or "", href)
    return url if urlsplit(url).scheme in ("http", "https") else None


def collect_blocks(
    roots: list[HtmlElement],
    skip: Container[HtmlElement] = (),
    base_url: str | None = None,
    authored: bool = False,
) -> list[Block]:
    """The text blocks under `roots` in document order, minus skipped subtrees and furniture.
    In an `authored` container (the CMS's post content) the writer's link lists and bare
    addresses are references, not furniture. h1 subheadings are kept (as h2), see
    `_subheadings`."""
    subheadings = _subheadings(roots[0], authored) if roots else set()
    return clean_blocks(raw_blocks(roots, skip, base_url, subheadings), authored)


def _subheadings(root: HtmlElement, authored: bool) -> set[HtmlElement]:
    """The h1 subheadings under `root`: every h1 but the page's headline and its repeats
    (every h1 is otherwise skipped as the page's title). Outside a CMS's post content the
    first h1 may be the site's name: an h1 the page's <title> names is its headline too."""
    page = root.getroottree().getroot()
    headline = next(page.iter("h1"), None)
    title = normalize_space(headline.text_content()) if headline is not None else None
    found = {
        heading: text
        for heading in root.iter("h1")
        if heading is not headline and (text := normalize_space(heading.text_content())) != title
    }
    html_title = page.find("head/title") if found and not authored else None
    named = fold(html_title.text_content()) if html_title is not None else ""
    return {heading for heading, text in found.items() if not (named and fold(text) in named)}


def wraps_text(el: HtmlElement) -> bool:
    """A tag skipped as media or chrome that wraps the text here: a <figure> around a table
    (WordPress's table block), a <header> holding a subheading alone (HTML5's section header,
    an accordion's head)."""
    if el.tag == "figure":
        return next(el.iter("table"), None) is not None
    if el.tag != "header":
        return False
    headings = list(el.iter(*HEADINGS))
    return (
        len(headings) == 1
        and normalize_space(el.text_content()) == normalize_space(headings[0].text_content()) != ""
    )


def raw_blocks(
    roots: list[HtmlElement],
    skip: Container[HtmlElement] = (),
    base_url: str | None = None,
    subheadings: Container[HtmlElement] = (),
) -> list[Block]:
    """Every text block under `roots` in document order, minus skipped subtrees."""
    walker = _Walker(skip, base_url, subheadings)
    for root in roots:
        # A container chosen for the prose it holds (see generic.junk), or a caption read as
        # a slideshow's text.
        if root.tag in _CONTAINERS or root.tag == "figcaption":
            walker._block(root, "div", 0)
        else:
            walker.walk(root)
        walker.flush()
    return walker.blocks


def text_blocks(text: str) -> list[Block]:
    """Blocks from plain text (one paragraph per line), e.g. a JSON-LD articleBody."""
    paragraphs = (normalize_space(line) for line in text.splitlines())
    return [Block("p", p, escape(p, quote=False)) for p in paragraphs if p]


_MAX_ANNOUNCEMENT = 80
_WALL_OPENING = 40  # characters before a paywall's phrase in a notice that opens with it
_MAX_WALL_PHRASE = 60  # characters of the longest such phrase
_MAX_WALL = 160
_MAX_COMMENTS_HEADING = 200  # "2 thoughts on “…”": the count, then the title
_MAX_NOTE = 120  # a disclosure or a credit line, not a paragraph
_MAX_CREDIT = 200  # a line crediting news agencies, which may name many
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*")


def clean_blocks(blocks: list[Block], authored: bool = False) -> list[Block]:
    """Drop link lists, share/sign-up furniture, a roundup of other stories after the story
    ("You may also like…") and headings left without text after them."""
    blocks = _before_roundup(blocks)
    kept = [
        b
        for i, b in enumerate(blocks)
        if not _is_furniture(b, authored) and not _announces_links(b, blocks[i + 1 : i + 2])
    ]
    # Sign-offs after the story: calls to follow or subscribe, credits, copyright lines. With
    # no text before it, the line is the story ("Listen to the review, above.": a podcast's).
    while kept and (
        (kept[-1].kind in HEADINGS and not _a_sentence(kept[-1].text))
        or (_is_sign_off(kept[-1].text) and any(b.kind not in HEADINGS for b in kept[:-1]))
    ):
        kept.pop()
    return kept


_SENTENCE_WORDS = 20  # a heading this long, ending as a sentence does, is set as one


def _a_sentence(text: str) -> bool:
    """Whether a heading's text is a sentence of the story set large ("All diese schönen
    Produkte … findet ihr bei WestwingNow! Und aufgepasst: …"), not a title awaiting text."""
    return word_count(text) >= _SENTENCE_WORDS and text.rstrip().endswith((".", "!", "?", "…"))


def _walls(text: str) -> bool:
    """A paywall's notice: a short line naming it, or a longer one opening with it ("To view
    the full story, please subscribe… You can choose a $60 Annual Subscription…"), never a
    story's sentence that ends on it ("…available to premium subscribers only.")."""
    if len(text) >= _MAX_WALL:
        return False  # a story's paragraph (a notice with its prices runs to 130 characters)
    if len(text) < _MAX_NOTE:
        return PAYWALL.search(text) is not None
    # A longer line must open with the notice: its first words are all there is to read.
    found = PAYWALL.search(text, 0, _WALL_OPENING + _MAX_WALL_PHRASE)
    return found is not None and found.start() < _WALL_OPENING


def _before_roundup(blocks: list[Block]) -> list[Block]:
    """The blocks before the post's tags' label, or before a line announcing other stories
    when what follows reads as teasers (cut excerpts, links), not as more of the story (a
    "Related news" box inside an article is followed by the rest of the article); once the
    story has begun."""
    words = 0
    for i, block in enumerate(blocks):
        if (
            words >= _MIN_STORY_WORDS
            and (
                TAGS_LABEL.match(block.text.partition("\n")[0])  # the tags may follow a <br>
                or (len(block.text) < _MAX_COMMENTS_HEADING and COMMENTS_HEADING.match(block.text))
                or _walls(block.text)
                or (
                    len(block.text) < 60
                    and ROUNDUP_HEADING.match(block.text)
                    and _reads_as_teasers(blocks[i + 1 :])
                )
            )
        ):
            return blocks[:i]
        if words < _MIN_STORY_WORDS:  # the story has begun: no need to count further
            words += word_count(block.text)
    return blocks


def _reads_as_teasers(blocks: list[Block]) -> bool:
    """At least half the paragraphs are cut excerpts, links, or excerpts under a linked
    headline (a card: the other story's title, then its summary), and there are two such
    at least: one card ("Leggi anche" over one linked title) may be followed by the story."""
    teasers = paragraphs = 0
    for previous, block in zip([None, *blocks], blocks, strict=False):
        if word_count(block.text) >= 20:
            paragraphs += 1
            teasers += _teaser_like(block) or (previous is not None and _linked_heading(previous))
    return 2 * teasers >= paragraphs and (teasers >= 2 or paragraphs == 0)


def _linked_heading(block: Block) -> bool:
    return block.kind in HEADINGS and _mostly_linked(block)


def _teaser_like(block: Block) -> bool:
    """An excerpt cut short ("…") or a block of links: how other stories are announced."""
    return block.text.rstrip().endswith(CUT_MARKS) or _mostly_linked(block)


def _mostly_linked(block: Block) -> bool:
    """Most of the block's text is link text: a link or a list of links."""
    return block.link_chars > 0.6 * len(block.text)


_LINE_BULLETS = "►▶»>→•* "  # what may open a "read also" line before its phrase


def _labelled_links(block: Block) -> bool:
    """A line opening with a related-stories phrase ("Lire aussi : <a>…</a>") or a furniture
    label ("Artikel teilen: <a>Facebook</a> <a>X</a>") whose rest is links: however short
    the links, the line points away from the story."""
    text = block.text
    start = len(text) - len(text.lstrip(_LINE_BULLETS))
    found = RELATED_PHRASE.match(text, start)
    if found:
        end = found.end()
    else:
        label, colon, _ = text[start:].partition(":")
        if not colon or len(label) > 30 or not FURNITURE.match(label + colon):
            return False
        end = start + len(label) + 1
    rest = text[end:].strip(" :：-–—»>")
    return bool(rest) and block.link_chars >= 0.8 * len(rest)


# A breadcrumb's separator between two crumbs ("Home › News", "Accueil » Actualités").
_CRUMB_MARKS = "›>»→/"
_CRUMB_SEPARATOR = re.compile(rf"\s[{_CRUMB_MARKS}]\s")


def _breadcrumb(block: Block) -> bool:
    """A trail of linked crumbs, the last maybe the page's own unlinked title, after an
    optional label ("Sie sind hier: <a>Startseite</a> › <a>Lokales</a> › Die letzte Fähre")."""
    if not any(mark in block.text for mark in _CRUMB_MARKS):
        return False
    crumbs = _CRUMB_SEPARATOR.split(
        block.text.rpartition(":")[2] if ":" in block.text[:30] else block.text
    )
    if len(crumbs) < 3 or any(len(c.strip()) > 40 or not c.strip() for c in crumbs[:-1]):
        return False
    return block.link_chars >= 0.8 * sum(len(c.strip()) for c in crumbs[:-1])


def _is_sign_off(text: str) -> bool:
    return len(text) < _MAX_SIGN_OFF and bool(SIGN_OFF.search(text))


def _announces_links(block: Block, following: list[Block]) -> bool:
    """A line announcing other stories ("Lesen Sie auch die folgenden Beiträge:") over the
    links it announces, inside the story: it goes with them."""
    return (
        len(block.text) < _MAX_ANNOUNCEMENT
        and bool(following)
        and _teaser_like(following[0])
        and RELATED_PHRASE.search(block.text) is not None
    )


def _is_furniture(block: Block, authored: bool = False) -> bool:
    text = block.text
    if not _ANY_WORD.search(text):
        return True  # an emoji, ornament or scene break ("📌", "* * *"): no text to keep
    if len(text) < 60 and (
        FURNITURE.match(text) or MEMBERS_ONLY.search(text) or MEMBER_FIGURES.match(text)
    ):
        return True  # "Share on Facebook", even as a link in the post's own list
    if block.link_chars and len(text) < 200 and (_labelled_links(block) or _breadcrumb(block)):
        return True  # "Mehr zum Thema: <a>…</a>": another story announced, whatever its length
    if _mostly_linked(block) and len(text) < 200:
        # In the post's own content, a writer's list of links (further reading) or a link
        # shown as its address is a reference, not navigation.
        return not (authored and not block.jumps and (block.kind == "li" or _ADDRESS.search(text)))
    if len(text) < _MAX_NOTE and (
        DISCLOSURE.search(text)
        or CREDIT_LINE.match(text)
        or FILING_LINE.search(text)
        or FORUM_PRESENCE.match(text)
    ):
        return True
    if len(text) < _MAX_CREDIT and (
        _agency_credit(text)
        or _meta_line(text)
        or (text.endswith(")") and CAPTION_CREDIT.search(text) is not None)
    ):
        return True
    if is_consent_notice(text):
        return True  # a cookie banner left in the page, whatever its names
    if len(text) < _MAX_APPEAL and APPEAL.match(text):
        return True  # "Sign up for our newsletter…" between paragraphs
    if text.startswith("[") and SHORTCODE.match(text):
        return True
    if len(text) >= 60:
        return False
    # Every date stamp holds a digit: lines without one are spared the stamps' patterns.
    dated = _DIGIT.search(text) is not None
    return bool(
        (
            dated
            and (
                _DATELINE.match(text)
                or _dated_byline(text)
                or (text.count(":") > 1 and _dated_filing(text))
                or _dated_links(block)
            )
        )
        or TIME_AGO.match(text)
        or ROUNDUP.match(text)
        or _LABEL_ALONE.match(text)
    )


_DIGIT = re.compile(r"\d")


# A date, then a separator: what follows is the post's tags or category ("March 14, 2023 ·
# <a>Travel</a> <a>Rivers</a>", Ghost's Crisp), when it is links.
_DATED_PREFIX = re.compile(rf"^{_STAMP}(?:{TIME_OF_DAY})?\s*[·•|–—/-]\s*", re.IGNORECASE)


def _agency_credit(text: str) -> bool:
    """A line crediting the news agencies a story draws on: its opening words, then names only
    ("Mit Informationen der ARD-Korrespondenten sowie der Nachrichtenagenturen AFP, AP, dpa"),
    never a sentence ("Mit Informationen der Polizei wurde der Täter gefasst")."""
    opening = AGENCY_CREDIT.match(text)
    if opening is None:
        return False
    words = _NAME_WORD.findall(text[opening.end() :])
    return all(w[0].isupper() or w.lower() in CREDIT_JOINERS for w in words)


def _dated_links(block: Block) -> bool:
    """A date stamp followed by links only (tags, a category): the story's meta line."""
    found = _DATED_PREFIX.match(block.text)
    rest = block.text[found.end() :] if found else ""
    return bool(rest) and block.link_chars >= 0.8 * len(rest)


# A label alone on its line ("Author:", "Date :", "Hinweis:"): its value, a name, a date or a
# note, stands apart (a docs page's field list, a table of the post's details, a disclaimer).
_LABEL_ALONE = re.compile(
    rf"^\s*(?:{alternation(AUTHOR_LABELS + DATE_LABELS + UPDATE_LABELS + NOTE_LABELS)})\s*[:：]\s*$",
    re.IGNORECASE,
)


# What opens a byline: "by" in its languages ("Von", "Por") or an author's label ("Autor").
_BY_WORDS = alternation(BY_WORDS_IN_BYLINES + AUTHOR_LABELS)
# A byline after a date stamp ("Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch"), or its
# by-word alone where the name was a link to the writer's page, already taken out
# ("Ultimo aggiornamento il 2 aprile 2023 di").
_BY_WORD = re.compile(rf"\s*[|·•,–—-]?\s*\b(?:{_BY_WORDS})\s*[:：]?(?=\s|$)", re.IGNORECASE)


# A part of a post's meta line: a byline ("Publicado por: X", "By X"), maybe after its label.
_BYLINE_PART = re.compile(
    rf"^\s*(?:{_BY_WORDS})\s*[:：]?\s+(.+)$",
    re.IGNORECASE,
)
_META_MARKS = "|·•–—-"
_META_BAR = rf"\s+[{_META_MARKS}]\s+"  # a spaced bar or dash between a meta line's parts
_META_PARTS = re.compile(_META_BAR)


def _meta_line(text: str) -> bool:
    """A post's meta line, every part of it meta: a date stamp, a byline naming a person, the
    filing, a comment count ("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde -
    Tags: …", "Posted on March 5, 2020 | By Anna Berg | Category: News | 3 Comments")."""
    if not any(mark in text for mark in _META_MARKS):
        return False
    parts = _META_PARTS.split(text)
    return len(parts) > 2 and all(
        _DATELINE.match(part)
        or FILING_LINE.match(part)
        or FURNITURE.match(part)
        or ((byline := _BYLINE_PART.match(part)) and looks_like_name(byline.group(1)))
        for part in parts
    )


def _dated_filing(text: str) -> bool:
    """A date stamp line that goes on with the story's filing ("News date : 04/21/2022
    Category : Press Releases"): a press release's meta line."""
    return any(
        _DATELINE.match(text[: space.start()]) and FILING_LINE.match(text[space.end() :])
        for space in _SPACES.finditer(text)
    )


_SPACES = re.compile(r"\s+")


def _dated_byline(text: str) -> bool:
    """A date stamp line that goes on with the byline, or a byline that goes on with the date
    ("Por Anna Berg | 5 de marzo de 2020"): the story's meta line, not its text."""
    opening = _BY_WORD.match(text)
    if opening:
        for separator in _META_SEPARATOR.finditer(text, opening.end()):
            if _DATELINE.match(text[separator.end() :]):
                return True
        # Blogger's "Posted by X at 12:11 PM" ("Eingestellt von X um 21:11"): a time alone
        # after a name, never after a sentence ("By the time we arrived at 10:15").
        timed = _AT_TIME.search(text, opening.end())
        if timed and looks_like_name(text[opening.end() : timed.start()].strip()):
            return True
    return any(
        found.start() and _DATELINE.match(text[: found.start()])
        for found in _BY_WORD.finditer(text)
    )


_AT_TIME = re.compile(
    r"(?<!\s)\s+(?:at|um|à|às|a las|alle|om|o)\s+\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?\s*$",
    re.IGNORECASE,
)
# Between a byline and its date: a bar or a dash, or a comma before "le"/"am"/"el".
_META_SEPARATOR = re.compile(rf"{_META_BAR}|,\s+(?:(?:le|am|el|il|on)\s+)?")


def blocks_text(blocks: list[Block]) -> str:
    """Plain text: one block per paragraph, paragraphs separated by a blank line. Code blocks
    are left out when there is prose (`blocks_html` keeps them): the text is what is read."""
    prose = [b for b in blocks if b.kind != "code"]
    return "\n\n".join(b.text for b in (prose or blocks))


_CODE_CLASS = re.compile(r"code|highlight|syntax|hljs|prettyprint|brush|language-|lang-", re.I)


def _holds_code(pre: HtmlElement) -> bool:
    """Whether a <pre> shows code: it holds a <code>, or its class or its parent's names
    a code highlighter. A <pre> of prose (a poem, a plain-text notice) stays text."""
    if pre.find(".//code") is not None:
        return True
    parent = pre.getparent()
    names = f"{pre.get('class', '')} {parent.get('class', '') if parent is not None else ''}"
    return bool(_CODE_CLASS.search(names))


_WRAPPERS = {"quote": "blockquote", "row": "table"}
_ITEM_TAGS = {"li": "li", "row": "tr"}


def blocks_html(blocks: list[Block]) -> str:
    """Safe HTML: only p, h2–h6, ul/ol/li, blockquote, table/tr/td/th, pre/code, a[href],
    em/strong and br."""
    out: list[str] = []
    open_group: tuple[str, int] | None = None
    for block in blocks:
        wrapper = (
            ("ol" if block.ordered else "ul") if block.kind == "li" else _WRAPPERS.get(block.kind)
        )
        group = (wrapper, block.group) if wrapper else None
        if open_group and open_group != group:
            out.append(f"</{open_group[0]}>")
            open_group = None
        if group and open_group is None:
            out.append(f"<{wrapper}>")
            open_group = group
        if block.kind == "code":
            out.append(f"<pre><code>{block.html}</code></pre>")
            continue
        tag = _ITEM_TAGS.get(block.kind) or (block.kind if block.kind in HEADINGS else "p")
        out.append(f"<{tag}>{block.html}</{tag}>")
    if open_group:
        out.append(f"</{open_group[0]}>")
    return "".join(out)
