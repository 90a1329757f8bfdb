"""Text helpers shared by the extractors: whitespace and Unicode normalisation."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.vocabulary import KICKER_CLASS, SCREEN_READER_ONLY

# Characters that need the slow path: non-ASCII spaces and invisible ones.
_SPECIAL = re.compile("[\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
# Joiners are letters' and emoji's (Persian "نوشته\u200cها", a family emoji's ZWJ sequence):
# they stay.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
# A run of two or more whitespace characters, or a lone line break, tab or separator: one
# space. A lone typographic space (NBSP, narrow NBSP, thin space) is left as written.
_RUN = re.compile("\\s{2,}|[\t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]")


def normalize_space(text: str | None) -> str:
    """Text as a reader sees it: NFC, zero-width spaces and soft hyphens dropped (joiners
    kept), whitespace runs collapsed to one space and trimmed.

    A lone typographic space is kept (French « Titre\u00a0», `\u202f?`): the text stays
    exact as displayed; content hashes fold these spaces away separately.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if not _SPECIAL.search(text):  # plain spaces only: the common case, a split is fastest
        return " ".join(text.split())
    return _RUN.sub(" ", _INVISIBLE.sub("", text)).strip()


def plain_spaces(text: str) -> str:
    """A name as an identifier: every space in it a plain one ("Anne\u00a0Dupont" is the
    archive's "Anne Dupont"); names are queried, not typeset."""
    return " ".join(text.split())


# Han and kana are written without spaces: each character counts as a word.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORDS = re.compile(f"[{_UNSPACED}]|[^\\W{_UNSPACED}]+")
# CJK punctuation and full-width forms join unspaced text too.
_UNSPACED_MARK = f"[{_UNSPACED}\u3000-\u303f\uff00-\uffef]"
_UNSPACED_BREAK = re.compile(f"(?<={_UNSPACED_MARK})[ \t\r]*\n\\s*(?={_UNSPACED_MARK})")


def source_line_breaks(text: str) -> str:
    """Text with its markup's line breaks as a browser shows them: gone between characters
    of scripts written without spaces (Han, kana), a space elsewhere (only <br> breaks a line)."""
    if "\n" not in text:
        return text
    return _UNSPACED_BREAK.sub("", text).replace("\n", " ")


_WORD_CHARS = re.compile(r"\w+")


def folded_words(text: str) -> list[str]:
    """The text's runs of word characters, casefolded: its words, compared loosely."""
    return _WORD_CHARS.findall(text.casefold())


def fold(text: str) -> str:
    """Text cut to its casefolded word characters: names and titles compared loosely."""
    return "".join(folded_words(text))


def word_count(text: str) -> int:
    """Words in a text: runs of word characters, one per Han or kana character (the one
    count used everywhere: thresholds, stored word_count, dedupe's minimum)."""
    return len(_WORDS.findall(text))


def shows_text(el: HtmlElement) -> bool:
    """Text beyond XML whitespace (as XPath's normalize-space: a no-break space counts)."""
    return bool(el.text_content().strip(" \t\n\r"))


_UNSHOWN = ("script", "style", "template")
# A standfirst's block may hold the lead picture: its caption is no part of the standfirst.
WITHOUT_PICTURES = (*_UNSHOWN, "figure", "figcaption")


def node_text(node: HtmlElement, leave_out: tuple[str, ...] = _UNSHOWN) -> str:
    """Visible text of an element, whitespace-normalised (an embedded script or style, such
    as an image's JSON-LD inside a standfirst's block, shows nothing), without the elements
    named in `leave_out`."""
    if next(node.iter(*leave_out), None) is not None:
        node = copy.deepcopy(node)
        etree.strip_elements(node, *leave_out, with_tail=False)
    return normalize_space(node.text_content())


# The part of a heading marked as the headline itself (beside a kicker).
_HEADLINE_PART = re.compile(r"headline", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[:|–—/·-]")
_WORD = re.compile(r"\w")
_LABEL_TAGS = ("strong", "b", "dt", "th", "span", "label", "h4", "h5", "h6")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Block-level tags: a heading left unclosed swallows them, and its text must stop there.
HEADING_ENDS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "main",
        "aside",
        "nav",
        "figure",
        "form",
    }
)


# Set at parse time on the elements whose class the page's own style sheet clips out of
# sight (see `html._mark_clipped`): hashed CSS-in-JS class names say nothing of it.
CLIPPED = "data-scraper-clipped"


def screen_reader_only(element: HtmlElement) -> bool:
    """Whether an element is hidden from sight for screen readers: by its class name
    (sr-only…), or by the clip the page's style sheet gives its class."""
    return element.get(CLIPPED) is not None or bool(
        SCREEN_READER_ONLY.search(element.get("class") or "")
    )


MAX_HEADLINE = 400  # characters: a longer "heading" is a page swallowed by an unclosed tag

# Where an inline element starts or ends, in text built from a tree: a colon there glued to
# the next word gets its space back ("<span>Kicker:</span>Headline": "Kicker: Headline").
EDGE = "\x00"
_GLUED_COLON = re.compile(r":\x00+(?=\w)")


def join_edges(text: str) -> str:
    """Text built with EDGE marks, normalised: glued colons spaced, the marks dropped."""
    if ":" in text:
        text = _GLUED_COLON.sub(": ", text)
    return normalize_space(text.replace(EDGE, ""))


def heading_text(node: HtmlElement) -> str:
    """The headline a heading shows: its text up to the first block child (an unclosed <h1>
    swallows the rest of the page in lenient parsers), without screen-reader-only parts and
    without a kicker shown apart from the headline ("Meinung", "Eskalation im Nahen Osten")."""
    parts = [node.text or ""]
    for child in node:
        if (
            not isinstance(child.tag, str)
            or child.tag in NO_TEXT_TAGS
            or _unseen(child)
            or _apart_kicker(child, node)
        ):
            parts.append(child.tail or "")
            continue
        if child.tag in HEADING_ENDS or any(d.tag in HEADING_ENDS for d in child.iterdescendants()):
            # A block holding all the heading shows ("<h1><div>Headline</div></h1>") is read.
            if not "".join(parts).strip() and _last_shown(child, node) and _short(child):
                return heading_text(child)
            break
        parts.append(EDGE + _read_text(child) + EDGE)
        parts.append(child.tail or "")
    return join_edges("".join(parts))


def _short(el: HtmlElement) -> bool:
    """Whether an element's text is short enough for a headline (not a page it swallowed)."""
    return len(el.text_content()) < MAX_HEADLINE


def _last_shown(child: HtmlElement, node: HtmlElement) -> bool:
    """Whether nothing of `node` shows after its child `child`."""
    return not (child.tail or "").strip() and not any(
        (isinstance(s.tag, str) and shows_text(s)) or (s.tail or "").strip()
        for s in child.itersiblings()
    )


def ruby_annotation(rt: HtmlElement) -> bool:
    """A ruby reading shown above its text (furigana), not inline: its ruby gives no <rp>
    parentheses, the plain-text form a page writes when it means the reading to be read inline
    ("尹錫悦（ユンソンニョル）")."""
    ruby = rt.getparent()
    return ruby is not None and ruby.find("rp") is None


def _read_text(el: HtmlElement) -> str:
    """An element's text as read: a line break is a space ("Thank you<br>for signing up"),
    and the readings ruby shows above its words are left out (NHK's headlines gloss each kanji:
    "子<rt>こ</rt>ども" reads "子ども")."""
    if el.tag != "br" and el.find(".//rt") is None and el.find(".//br") is None:
        return el.text_content()
    parts = [" " if el.tag == "br" else el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not (child.tag == "rt" and ruby_annotation(child)):
            parts.append(_read_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# Elements whose content is code or an icon, never text a reader sees.
NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
_LINE_BREAKS = HEADING_ENDS | {"li", "br", "dt", "dd"}


def first_line(node: HtmlElement) -> str:
    """The first line an element shows: its text up to the first block boundary after some
    text, scripts and icons left out (an author card: "Nicole Opitz", not its role below)."""
    parts: list[str] = []

    def line_ends(el: HtmlElement) -> bool:
        return el.tag in _LINE_BREAKS and bool("".join(parts).strip())

    def walk(el: HtmlElement) -> bool:
        parts.append(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                if line_ends(child):
                    return True
                if child.tag not in NO_TEXT_TAGS and walk(child) or line_ends(child):
                    return True
            parts.append(child.tail or "")
        return False

    walk(node)
    return normalize_space("".join(parts))


def labelled_texts(root: HtmlElement, label: re.Pattern[str]) -> Iterator[str]:
    """What a page labels, in document order: the text after each element whose whole text
    is the label ("<strong>Datum</strong> 28.04.2023", "<dt>Autor</dt><dd>A. Name</dd>")."""
    for element in root.iter(_LABEL_TAGS):
        if not label.match(element.text_content()):
            continue
        text = _after(element)
        if text:
            yield normalize_space(text)


def _after(element: HtmlElement) -> str | None:
    """The first text after an element, past line breaks ("<b>Von:</b><br><br>Götz Warnke")."""
    if (element.tail or "").strip():
        return element.tail
    for following in element.itersiblings():
        if following.tag != "br":
            return following.text_content()
        if (following.tail or "").strip():
            return following.tail
    return None


def heading_kicker(node: HtmlElement) -> str:
    """The kicker a heading shows on a line of its own, apart from the headline ("" if none)."""
    kickers = (
        c.text_content()
        for c in node
        if isinstance(c.tag, str) and not _unseen(c) and _apart_kicker(c, node)
    )
    return normalize_space(" ".join(kickers))


_KICKER_WORD = 3  # letters: "<span>i</span>Phone" is one word, not a kicker and a headline


def opens_heading(child: HtmlElement, heading: HtmlElement) -> bool:
    """Whether `child` is the heading's first element, with no text before it."""
    return (
        not (heading.text or "").strip()
        and next((c for c in heading if isinstance(c.tag, str)), None) is child
    )


def _runs_into_headline(child: HtmlElement, heading: HtmlElement) -> bool:
    """A heading's opening part whose last word runs straight into the capital of the text
    after it ("<span>Nationale Demo</span>Der 9. Juli naht"): no page shows "DemoDer", so its
    style sets the part on a line of its own."""
    tail = child.tail or ""
    words = child.text_content().split()
    return (
        opens_heading(child, heading)
        and bool(words)
        and len(words[-1]) >= _KICKER_WORD
        and words[-1].isalpha()
        and tail[:1].isupper()
    )


def _broken_from_headline(child: HtmlElement, heading: HtmlElement) -> bool:
    """A heading's opening part that a line break sets apart from the capital opening the text
    after it ("<small>Tunesien</small><br>Große Aufgaben"): a line of its own."""
    following = child.getnext()
    return (
        opens_heading(child, heading)
        and _WORD.search(child.text_content()) is not None
        and not (child.tail or "").strip()
        and following is not None
        and following.tag == "br"
        and (following.tail or "").strip()[:1].isupper()
    )


def _unseen(child: HtmlElement) -> bool:
    """Screen-reader-only text, decoration (a dash) hidden from assistive technology, or a
    heading's permalink mark."""
    if screen_reader_only(child) or permalink_mark(child):
        return True
    return child.get("aria-hidden") == "true" and not _WORD.search(child.text_content())


def permalink_mark(element: HtmlElement) -> bool:
    """A link within the page shown as a sign, no word: the "¶", "#" or icon glyph that docs
    generators (Sphinx, MkDocs, Hugo) set in headings to link to them."""
    return (
        element.tag == "a"
        and (element.get("href") or "").startswith("#")
        and not _WORD.search(element.text_content())
    )


def _marks(element: HtmlElement) -> str:
    """What an element's markup calls it: its class and data- attribute values."""
    attrib = element.attrib
    data = (v for k, v in attrib.items() if k.startswith("data-"))
    return " ".join((attrib.get("class") or "", *data))


def _apart_kicker(child: HtmlElement, heading: HtmlElement) -> bool:
    """A kicker part of a heading (its class says so, or a sibling is the marked headline)
    that no visible separator joins to the headline: the page shows it as a line of its own."""
    if _runs_into_headline(child, heading) or _broken_from_headline(child, heading):
        return True
    if not KICKER_CLASS.search(_marks(child)):
        if _HEADLINE_PART.search(_marks(child)) or not _WORD.search(child.text_content()):
            return False
        if not any(
            _HEADLINE_PART.search(_marks(s))
            for s in heading
            if isinstance(s.tag, str) and s is not child
        ):
            return False
    tail = child.tail or ""
    if _SEPARATOR.match(tail):
        return False
    # Text right after it is the headline run on, unless no space parts them ("2022Mineral").
    glued = tail[:1].isalnum() and child.text_content().rstrip()[-1:].isalnum()
    if tail.strip() and not glued:
        return False
    following = child.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    return not (
        following is not None
        and not _unseen(following)
        and _SEPARATOR.match(following.text_content())
    )
