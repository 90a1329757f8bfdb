"""Second pipeline: NFC text and clean whitespace, canonical URLs, the body's content hash and length.

Dedupe and the archive then compare like with like: one spelling of each URL, one hash for
every typographic variant of the same text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from pipelines.context import ArchiveContext
from scraper.extract.text import normalize_space, plain_spaces, word_count
from scraper.items import Alias, Article, Listing, Reject, Teaser

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# NBSP, narrow NBSP and figure space: French typesetting puts them where copies put nothing.
_TYPOGRAPHIC_SPACE = re.compile("[\u00a0\u202f\u2007]")
_WORD = re.compile(r"\w+")


def normalize_body(text: str) -> str:
    """NFC and single spaces inside paragraphs; paragraphs separated by one blank line."""
    paragraphs = (normalize_space(p) for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def content_hash(body: str) -> str:
    """sha256 of the body's words, case-folded: quotes, NBSP, punctuation and spacing ignored.

    Republished and syndicated copies differ in typography (’ vs ', «\u00a0» vs "), not words.
    """
    text = _TYPOGRAPHIC_SPACE.sub("", unicodedata.normalize("NFC", body)).casefold()
    return hashlib.sha256(" ".join(_WORD.findall(text)).encode("utf-8")).hexdigest()


class Normalize:
    """Normalise every item's text and URLs; fill the article's content_hash and word_count.

    URLs are canonicalised here, once, by the context (`ArchiveContext.url`)."""

    def __init__(self, context: ArchiveContext) -> None:
        self.context = context

    def process(self, item: Any) -> Any:
        url = self.context.url
        if isinstance(item, Article):
            _normalize_article(item, url)
        elif isinstance(item, Listing):
            item.url = url(item.url)
            for teaser in item.teasers:
                _normalize_teaser(teaser, url)
        elif isinstance(item, Reject):
            item.url = url(item.url)
            item.title = normalize_space(item.title) or None
        elif isinstance(item, Alias):
            item.url, item.target = url(item.url), url(item.target)
        if isinstance(item, Article | Listing | Reject | Alias) and not item.site:
            item.site = self.context.site
        return item


def _normalize_article(article: Article, url: Callable[[str], str]) -> None:
    assert article.url is not None  # validate rejects articles without one
    article.url = url(article.url)
    article.aliases = list(dict.fromkeys(url(a) for a in article.aliases))
    article.title = normalize_space(article.title) or None
    article.lede = normalize_space(article.lede) or None
    article.body = normalize_body(article.body)
    article.body_html = unicodedata.normalize("NFC", article.body_html)
    article.authors = _clean_list(article.authors)
    article.tags = _clean_list(article.tags)
    article.content_hash = content_hash(article.body)
    # The extractor's count of this text (whitespace and NFC do not change it); one count.
    article.word_count = article.word_count or word_count(article.body)
    for teaser in article.teasers:
        _normalize_teaser(teaser, url)


def _normalize_teaser(teaser: Teaser, url: Callable[[str], str]) -> None:
    teaser.url = url(teaser.url)
    teaser.title = normalize_space(teaser.title) or None
    teaser.excerpt = normalize_space(teaser.excerpt) or None
    teaser.authors = _clean_list(teaser.authors)


def _clean_list(values: list[str]) -> list[str]:
    """Names (authors, tags) normalised, their spaces plain, non-empty, first occurrence kept."""
    return list(dict.fromkeys(v for v in (plain_spaces(normalize_space(v)) for v in values) if v))
