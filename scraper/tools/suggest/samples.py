"""Sample article pages and what the generic extractor read on each: the facts drafts rest on."""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from scraper.extract.html import parse_html
from scraper.extract.page import extract_page
from scraper.items import Article
from scraper.profiles import Profile


@dataclass(frozen=True)
class Sample:
    """One sample article page and what the generic extractor made of it."""

    url: str
    html: str
    tree: HtmlElement
    article: Article


def read_samples(article_pages: dict[str, str], base: Profile) -> list[Sample]:
    """The pages the generic extractor reads as articles with a title and a body."""
    samples = []
    for url, html in article_pages.items():
        found = extract_page(html, url, base)
        if isinstance(found, Article) and found.title and found.body:
            samples.append(Sample(url, html, parse_html(html), found))
    return samples
