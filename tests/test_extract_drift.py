"""Markup drift: the same site with every theme class renamed to an opaque token.

The unseen copy of a site may use any theme; only CMS-core hooks (Ghost body/post classes,
Koenig cards, WordPress post classes) are stable. Extraction must still get every field.
"""

from __future__ import annotations

import hashlib
import re

import pytest

from scraper.extract.page import extract_page
from scraper.items import Article
from scraper.profiles import get_profile
from scraper.tools.demo.site import build_site

CORE = ("post", "tag-", "kg-", "gh-content", "author-", "page", "home-template", "paged",
        "category-", "type-", "status-", "format-", "hentry", "wp-", "single", "archive",
        "blog", "error")  # fmt: skip
SITE = build_site(30, seed=8)
LOCAL = get_profile("courrier").rebase("http://127.0.0.1:9/")


def scramble(html: bytes) -> bytes:
    """Every class token that is not a CMS-core hook becomes an opaque one."""
    encoding = "iso-8859-1" if b"iso-8859-1" in html[:2000].lower() else "utf-8"

    def tokens(match: re.Match[str]) -> str:
        names = [
            t if t.startswith(CORE) else "x" + hashlib.md5(t.encode()).hexdigest()[:6]
            for t in match.group(1).split()
        ]
        return f'class="{" ".join(names)}"'

    return re.sub(r'class="([^"]*)"', tokens, html.decode(encoding)).encode(encoding)


@pytest.mark.parametrize("profile", [LOCAL, None], ids=["profile", "generic"])
@pytest.mark.parametrize("truth", SITE.articles, ids=lambda t: t.canonical_path[-40:])
def test_every_field_survives_opaque_class_names(truth, profile) -> None:  # type: ignore[no-untyped-def]
    """With the site's profile, or with none (the generic path a `--url` crawl takes)."""
    path, route = SITE.follow(truth.canonical_path)
    assert route is not None
    page = extract_page(scramble(route.body), "http://127.0.0.1:9" + path, profile)
    assert isinstance(page, Article)
    got = (
        page.title,
        page.lede,
        page.published,
        page.tags,
        page.members_only,
        page.body,
        page.authors,
    )
    want = (
        truth.title,
        truth.lede,
        truth.published,
        truth.tags,
        truth.members_only,
        truth.body,
        truth.authors,
    )
    assert got == want
