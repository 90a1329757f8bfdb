"""Bytes → text → lxml tree, robust to wrong charsets and malformed markup."""

from __future__ import annotations

import codecs
import itertools
import re
from typing import AnyStr

import charset_normalizer
import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.text import CLIPPED, HEADING_ENDS, HEADING_TAGS
from scraper.extract.vocabulary import SCREEN_READER_ONLY

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# A </body> or </html> before the page's end (a second document's close, pasted in):
# browsers read on past it into the body, libxml2 drops what follows or sets it beside the
# body. The document's end closes both anyway.
_HTML_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_HTML_END_BYTES = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)
# A self-closed <html/>, <head/> or <body/> (XHTML's syntax in a page served as HTML):
# browsers ignore the slash; libxml2 closes the element there, and drops the whole page
# (after <html/>) or sets it outside the body (after <body/>).
_SELF_CLOSED = re.compile(r"(<(?:html|head|body)(?=[\s/])[^<>]*?)\s*/>", re.IGNORECASE)
# Browsers read Latin-1 and ASCII labels as Windows-1252 (WHATWG encoding standard).
_ALIASES = {"latin1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8"}
_SINGLE_BYTE = frozenset({"cp1252", "iso8859-15", "cp1250", "iso8859-2", "mac-roman"})
# huge_tree: pages nested deeper than 256 levels (unclosed inline tags) keep their text.
_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, default_doctype=False, huge_tree=True
)
# Every element an HtmlElement, chosen in C: lxml.html's default lookup calls Python for
# each element proxy (to build form classes we never use), ~10% of extraction time.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment)
)
_SNIFF_BYTES = 4096
# Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/F, and lone
# surrogates): libxml2 refuses them in any string handed to it (an XPath variable, an
# attribute). The surrogates are left out of the tuple: only a strict encode finds them cheaply.
# The C0 controls XML forbids (all but tab and line breaks), then its two non-characters.
_NOT_XML_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_NOT_XML_CHARS = (*map(chr, _NOT_XML_CONTROLS), "\ufffe", "\uffff")
_NOT_XML = re.compile(f"[{re.escape(''.join(_NOT_XML_CHARS))}\ud800-\udfff]")
# Bytes text never holds (C0 controls but tab, line breaks, form feed and escape); more than
# _BINARY_SHARE of them in a page's first _BINARY_SAMPLE bytes make it an image, an archive,
# random bytes: no text to read. Stray NULs in a real page stay far below that share.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_BINARY_SAMPLE = 65536
_BINARY_SHARE = 0.05
# Deeper elements have their subtree flattened to its text: the tree walkers recurse, and
# no page's layout is this deep (1,500 unclosed <div>s are damage, not structure).
MAX_DEPTH = 200
_TOO_DEEP = etree.XPath("/*" * MAX_DEPTH)
# Bytes (or characters) of a page parsed: the largest page of the shared corpora is 2.2 MB;
# extraction time grows with the text (a 10 MB page of prose took 6 s), and no article
# needs more than this.
MAX_PAGE_BYTES = 5 * 1024 * 1024
# Links read per page: a big home page has a few thousand; 200,000 (a link farm, a broken
# template) kept the teaser detector busy for 14 s, and the crawl waits on it.
MAX_LINKS = 5000
_NOSCRIPT_PARAGRAPHS = etree.XPath("//noscript//p")
_MIN_NOSCRIPT_PROSE = 500  # characters: more than any "enable JavaScript" notice
_LINKS_PAST_CAP = etree.XPath("(/descendant::a[@href])[position() > $cap]")


def _utf8_else_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: bytes that are not UTF-8 read as Windows-1252 (see decode_html)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


_MIXED = "scraper-utf8-else-cp1252"
codecs.register_error(_MIXED, _utf8_else_cp1252)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_MIN_UTF8_SEQUENCES = 3
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Non-ASCII bytes a guess needs: one paragraph in Cyrillic, Greek or CJK has some 200.
_MIN_GUESSED_BYTES = 100


def _codec(label: str | None) -> str | None:
    """The Python codec name of a charset label, or None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode a page: BOM, HTTP charset, <meta> charset, UTF-8, then Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    candidates = (_codec(declared), _codec(meta.group(1).decode("ascii") if meta else None))
    if any(c in _SINGLE_BYTE for c in candidates) and _holds_utf8(data):
        # A legacy label on bytes holding UTF-8 sequences is a stale label, or covers only part
        # of the page: such byte runs almost never occur by chance in single-byte text.
        return data.decode("utf-8", errors=_MIXED)
    for label in candidates:
        if label:
            try:
                return data.decode(label)
            except UnicodeDecodeError:
                continue
    # Valid UTF-8 stays UTF-8, and only the bytes that are not read as Windows-1252: a page
    # half UTF-8, half Latin-1 (a template and a database in two charsets) loses neither half.
    # (bs4's UnicodeDammit.detwingle does this too, but trusts a lead byte without checking
    # its continuation bytes: Latin-1 à-ï (0xE0-0xEF) swallow the two bytes after them.)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # A page in another script's legacy charset, declared nowhere, is read as guessed.
        return _in_another_script(data) or data.decode("utf-8", errors=_MIXED)


_LATIN_END = 0x370  # Latin, its extensions and the IPA end where Greek begins


def _in_another_script(data: bytes) -> str | None:
    """The page decoded as charset_normalizer guesses its charset, when the bytes are no UTF-8
    (few of their non-ASCII bytes form UTF-8 sequences) and most letters the guess reads are
    of a script other than Latin (Cyrillic's cp1251, Shift_JIS, GBK…). A Latin guess is
    dropped: it tells Windows-1250 from Windows-1252 poorly, which the fallback reads."""
    high = _bytes_among(data, _HIGH_BYTES)
    if high < _MIN_GUESSED_BYTES:
        return None  # a few accents: too little to guess from (and Latin, most likely)
    in_utf8 = sum(len(found.group()) for found in _UTF8_SEQUENCE.finditer(data))
    if in_utf8 * 2 >= high:
        return None
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    letters = [c for c in text if c >= "\x80" and c.isalpha()]
    other = sum(1 for c in letters if ord(c) >= _LATIN_END)
    return text if other * 2 > len(letters) else None


def _bytes_among(data: bytes, which: bytes) -> int:
    """How many of `data`'s bytes are among `which`: one translate, in C."""
    return len(data) - len(data.translate(None, which))


def _holds_utf8(data: bytes) -> bool:
    """Whether the bytes are UTF-8 with non-ASCII text, or hold a few UTF-8 multibyte
    sequences among other bytes (a page only partly UTF-8)."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return True
    found = _UTF8_SEQUENCE.finditer(data)
    return sum(1 for _ in zip(found, range(_MIN_UTF8_SEQUENCES), strict=False)) == (
        _MIN_UTF8_SEQUENCES
    )


def is_binary(data: bytes) -> bool:
    """Whether a payload is binary (an image, an archive, random bytes), not a page's text."""
    sample = data[:_BINARY_SAMPLE]
    if sample.startswith(tuple(bom for bom, _ in _BOMS)):
        return False  # UTF-16 and UTF-32 text is full of NULs
    controls = _bytes_among(sample, _CONTROL_BYTES)
    return controls > _BINARY_SHARE * len(sample)


def xml_safe(text: str) -> str:
    """`text` without the characters XML forbids, which libxml2 refuses in any string."""
    # Pages rarely hold one: a strict encode (which fails on a lone surrogate) and the
    # checks of its bytes are several times cheaper than the regex's scan.
    try:
        safe = _decoded_xml_safe(text.encode("utf-8"), text)
    except UnicodeEncodeError:
        safe = False
    return text if safe else _NOT_XML.sub("", text)


def _decoded_xml_safe(data: bytes, text: str) -> bool:
    """Whether `text`, decoded from `data` (or encoded to it as UTF-8), is XML-safe: no control
    byte in the bytes (UTF-16's NULs are ones; UTF-8 writes a control character as its byte
    and no other character with one) and no U+FFFE or U+FFFF in the text; decoding makes no
    lone surrogate. One translate and two searches, far cheaper than one search per character."""
    return (
        not _bytes_among(data, _NOT_XML_CONTROLS) and "\ufffe" not in text and "\uffff" not in text
    )


def _flatten_deep(root: HtmlElement) -> None:
    """Replace each subtree below MAX_DEPTH by its text, so recursive walks stay bounded."""
    for element in _TOO_DEEP(root):
        text = element.text_content()
        del element[:]
        element.text = text


def cap_links(tree: HtmlElement, cap: int = MAX_LINKS) -> int:
    """Unlink (drop the href of) every link past the first `cap`; how many were unlinked.
    Their text stays: only the work each link costs the extractors is saved."""
    past = _LINKS_PAST_CAP(tree, cap=cap)
    for link in past:
        del link.attrib["href"]
    return len(past)


def _empty() -> HtmlElement:
    return lxml.html.document_fromstring("<html><head></head><body></body></html>")


def parse_html(html: str | bytes, declared: str | None = None) -> HtmlElement:
    """Parse a page into an lxml tree; garbage and binary payloads give an empty document,
    never an exception. Only the first MAX_PAGE_BYTES are read; the tree's strings are all
    XML-safe and its depth is bounded."""
    if isinstance(html, bytes) and is_binary(html):
        return _empty()
    html = _without_page_ends(html[:MAX_PAGE_BYTES])
    if isinstance(html, bytes):
        text = decode_html(html, declared)
        text = text if _decoded_xml_safe(html, text) else xml_safe(text)
    else:
        text = xml_safe(html)
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return _empty()
    root = _parsed(text)
    if root is not None and _closed_too_soon(root):
        opened = _SELF_CLOSED.sub(r"\1>", text)
        root = _parsed(opened) if opened != text else root
    if root is None:
        return _empty()
    _flatten_deep(root)
    _open_templates(root)
    _open_noscript(root)
    _close_headings(root)
    _mark_clipped(root, inline=_INLINE_CLIP.search(text) is not None)
    return root


def _parsed(text: str) -> HtmlElement | None:
    """libxml2's tree of the page, None where it gives none."""
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if isinstance(root, HtmlElement) else None


def _closed_too_soon(root: HtmlElement) -> bool:
    """Whether the parse closed the page, its head or its body before their content (the mark
    of a self-closed tag, see `_SELF_CLOSED`): no body last, or an empty head before others."""
    if len(root) == 0 or root[-1].tag != "body":
        return True
    head = root[0]
    return head.tag == "head" and len(head) == 0 and head.getnext() is not root[-1]


# A rule clipping its elements out of sight, the screen-reader-only pattern: to nothing
# ("rect(0 0 0 0)", "inset(50%)") or to one pixel ("rect(1px, 1px, 1px, 1px)"), as Bootstrap's
# .sr-only, WordPress's .screen-reader-text and CSS-in-JS's hashed classes write it.
_CLIP = re.compile(
    r"clip\s*:\s*rect\(\s*([01])(?:px)?(?:\s*,?\s*\1(?:px)?){3}\s*\)"
    r"|clip-path\s*:\s*inset\(\s*(?:50|100)%\s*\)"
)
_ABSOLUTE = re.compile(r"position\s*:\s*absolute")
_CLASSED = etree.XPath("//*[@class]")
_CLIPPED_INLINE = etree.XPath("//*[contains(@style, 'clip')]")
_INLINE_CLIP = re.compile(r"""style=["'][^"'>]*clip""")  # case-sensitive: a fast scan
_ONE_CLASS = re.compile(r"\s*\.(-?[_a-zA-Z][\w-]*)\s*")
_MAX_CLIPS = 100  # clipping rules read per style sheet: a page has a handful of such classes


def _mark_clipped(root: HtmlElement, *, inline: bool) -> None:
    """Mark (CLIPPED) the elements whose class a top-level rule of a <style> in the page's
    head clips out of sight, or whose own style does: their text is for screen readers (a
    byline's "Author, " label, an accordion's "Box aufklappen"), not shown. Rules inside
    @media hide only at some widths, and are left alone."""
    clipped: set[str] = set()
    head = root.find("head")
    for style in head.iter("style") if head is not None else ():
        css = style.text or ""
        if "clip" in css:
            clipped.update(_clipped_classes(css))
    # Classes named for it (sr-only, screen-reader-text) are known without the mark.
    clipped = {name for name in clipped if not SCREEN_READER_ONLY.search(name)}
    if clipped:
        for el in _CLASSED(root):
            if not clipped.isdisjoint(el.get("class", "").split()):
                el.set(CLIPPED, "")
    # The same rule written on the element itself (Reuters' ", article with image"), looked
    # for in the tree only when the page's text holds one (a walk of the tree costs more).
    for el in _CLIPPED_INLINE(root) if inline else ():
        style = el.get("style", "")
        if _CLIP.search(style) and _ABSOLUTE.search(style):
            el.set(CLIPPED, "")


def _clipped_classes(css: str) -> set[str]:
    """The classes that top-level rules of a style sheet, each selecting one class alone,
    clip out of sight. One pass: each rule is read once, its braces counted once."""
    found: set[str] = set()
    depth = 0  # the braces' balance before the last rule read
    rule = -1  # the opening brace of the last rule read
    for clip in itertools.islice(_CLIP.finditer(css), _MAX_CLIPS):
        read = max(rule, 0)  # the braces before it are counted in `depth`
        opening = css.rfind("{", read, clip.start())
        if opening < 0 or opening == rule:
            continue  # no rule around it, or one already read
        closing = css.find("}", clip.end())
        end = closing if closing >= 0 else len(css)
        depth += css.count("{", read, opening) - css.count("}", read, opening)
        rule = opening
        if depth or not _ABSOLUTE.search(css, opening, end):
            continue  # inside an @media block, or left in the flow
        # The selectors run from the previous rule's end (or an at-rule's ";") to the brace.
        start = max(css.rfind("}", 0, opening), css.rfind(";", 0, opening)) + 1
        for selector in css[start:opening].split(","):
            one = _ONE_CLASS.fullmatch(selector)
            if one:
                found.add(one.group(1))
    return found


def _close_headings(root: HtmlElement) -> None:
    """Close the headings left open around the story: a heading holding paragraphs (an
    unclosed <h1> swallows all that follows it, as parsers read it) keeps its own text, and
    the blocks after that text follow it instead. A first block holding the heading's whole
    text ("<h1><div>Headline</div><section>…") is that text and stays."""
    for heading in [h for h in root.iter(HEADING_TAGS) if h.find(".//p") is not None]:
        blocks = [child for child in heading if child.tag in HEADING_ENDS]
        if not blocks:
            continue
        first = blocks[0] if _text_before(heading, blocks[0]) else next(iter(blocks[1:]), None)
        if first is None:
            continue
        moved = [first, *first.itersiblings()]
        for element in reversed(moved):
            heading.addnext(element)  # each keeps its tail: the text after it moves too


def _text_before(parent: HtmlElement, child: HtmlElement) -> bool:
    """Whether `parent` shows any text before its child `child`."""
    if (parent.text or "").strip():
        return True
    for sibling in child.itersiblings(preceding=True):
        if (sibling.tail or "").strip() or sibling.text_content().strip():
            return True
    return False


def _without_page_ends(html: str | bytes) -> str | bytes:
    """The page without its </body> and </html> end tags (see `_HTML_END`), read before it
    is decoded."""
    if isinstance(html, bytes):
        return _without_matches(html, _HTML_END_BYTES, b"")
    return _without_matches(html, _HTML_END, "")


def _without_matches(text: AnyStr, pattern: re.Pattern[AnyStr], empty: AnyStr) -> AnyStr:
    """`text` without `pattern`'s matches: one search finds the first (most often on the
    page's last line), and only what follows it is rewritten."""
    found = pattern.search(text)
    if found is None:
        return text
    return text[: found.start()] + pattern.sub(empty, text[found.start() :])


def _open_templates(root: HtmlElement) -> None:
    """Unwrap the templates the page shows, and empty the others: their headings, bylines and
    scripts are no part of the page (Halo's share dialog holds an h1, "分享")."""
    for template in list(root.iter("template")):
        if _shown_template(template):
            template.drop_tag()
        else:
            template.text = None
            del template[:]


def _open_noscript(root: HtmlElement) -> None:
    """Unwrap the <noscript> elements that hold the page's prose: an app's view for crawlers
    and visitors without scripts (Flarum serves a whole thread this way). Elsewhere they hold
    tracking pixels, style sheets and "enable JavaScript" notices, and stay unread."""
    if not _NOSCRIPT_PARAGRAPHS(root):
        return
    views = {n: _prose(n) for n in root.iter("noscript")}
    views = {n: chars for n, chars in views.items() if chars >= _MIN_NOSCRIPT_PROSE}
    inside = sum(views.values())
    if inside and inside > _prose(root) - inside:
        for noscript in views:
            noscript.drop_tag()


def _prose(el: HtmlElement) -> int:
    """Characters of text in the paragraphs below `el`."""
    return sum(len(p.text_content().strip()) for p in el.iter("p"))


def _shown_template(template: HtmlElement) -> bool:
    """A template whose content the page shows: a declarative shadow root, which the browser
    renders, or Alpine's x-teleport into a place in the page (Tistory's hELLO skin keeps the
    whole post in one; one teleported to <body> is an overlay: a modal, a toast). Others are
    inert until a script clones them."""
    attrib = template.attrib
    target = (attrib.get("x-teleport") or "").strip()
    return (
        "shadowrootmode" in attrib or "shadowroot" in attrib or target not in ("", "body", "html")
    )


def page_body(tree: HtmlElement) -> HtmlElement:
    """The document's <body>, or its root when it has none."""
    body = tree.find("body")
    return body if body is not None else tree
