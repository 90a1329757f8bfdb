"""Bytes → text → lxml tree, robust to wrong charsets and malformed markup."""

from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

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
    if any(c in _SINGLE_BYTE for c in candidates) and _is_utf8(data):
        # A legacy label on bytes that are valid UTF-8 with non-ASCII text is a stale label:
        # such byte runs almost never occur by chance in single-byte text.
        return data.decode("utf-8")
    for label in candidates:
        if label:
            try:
                return data.decode(label)
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _empty() -> HtmlElement:
    return lxml.html.document_fromstring("<html><head></head><body></body></html>")


def parse_html(html: str | bytes, declared: str | None = None) -> HtmlElement:
    """Parse a page into an lxml tree; garbage gives an empty document, never an exception."""
    text = decode_html(html, declared) if isinstance(html, bytes) else html
    text = _XML_DECL.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        return _empty()
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return _empty()
    if root is None or not isinstance(root, HtmlElement):
        return _empty()
    return root
