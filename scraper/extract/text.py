"""Text helpers shared by the extractors: whitespace and Unicode normalisation."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

_SPACE = re.compile(r"[\s\u00a0\u202f\u2007\u200b\ufeff]+")


def normalize_space(text: str | None) -> str:
    """NFC, every run of whitespace (NBSP, narrow NBSP, zero-width) → one space, trimmed."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def node_text(node: HtmlElement) -> str:
    """Visible text of an element, whitespace-normalised."""
    return normalize_space(node.text_content())
