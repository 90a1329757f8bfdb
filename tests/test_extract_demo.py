"""Extraction against the bundled demo copy of the Courrier (scraper.tools.demo): every article page
of both eras, every field the demo's truth records, through the profile rebased on a mirror."""

from __future__ import annotations

from functools import cache

import pytest

from scraper.extract.page import extract_page
from scraper.items import Article, Listing
from scraper.profiles import get_profile
from scraper.tools.demo.model import DemoSite, TruthArticle
from scraper.tools.demo.site import build_site

BASE = "http://127.0.0.1:8765/"
FIELDS = ("title", "lede", "published", "modified", "tags", "members_only")


@cache
def _site(seed: int) -> DemoSite:
    return build_site(60, seed, host_style="local")


def _page(site: DemoSite, path: str) -> bytes:
    route = site.routes[path]
    assert site.origin_placeholder
    return route.body.replace(site.origin_placeholder.encode(), BASE.encode())


def _extract(site: DemoSite, path: str) -> Article | Listing | None:
    return extract_page(
        _page(site, path), BASE.rstrip("/") + path, get_profile("courrier").rebase(BASE)
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_every_demo_article_extracts_as_the_truth_says(seed: int) -> None:
    site = _site(seed)
    wrong_authors: list[TruthArticle] = []
    for truth in site.articles:
        article = _extract(site, truth.canonical_path)
        assert isinstance(article, Article), truth.canonical_path
        assert article.url == BASE.rstrip("/") + truth.canonical_path
        for field in FIELDS:
            assert getattr(article, field) == getattr(truth, field), (truth.canonical_path, field)
        assert article.body == truth.body, truth.canonical_path
        if article.authors != truth.authors:
            wrong_authors.append(truth)
    # The demo may list a co-author its WordPress page never shows; nothing else may differ.
    assert len(wrong_authors) <= 1, [t.canonical_path for t in wrong_authors]


def test_demo_static_pages_are_not_articles() -> None:
    site = _site(1)
    for path in site.static_pages:
        assert _extract(site, path) is None, path
