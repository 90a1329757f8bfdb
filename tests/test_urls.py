from __future__ import annotations

from urllib.parse import urljoin

import pytest

from scraper.urls import (
    archive_day,
    canonicalize_url,
    is_local,
    is_tracking_param,
    mirrored_origin,
    resolve,
    url_key,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://WWW.Example.ORG/a/", "https://www.example.org/a/"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org/a/?utm_source=x&utm_medium=y", "https://example.org/a/"),
        ("https://example.org/a/?id=3&fbclid=abc&gclid=1&mc_cid=2", "https://example.org/a/?id=3"),
        ("https://example.org/a/?ref=lecourrier", "https://example.org/a/"),
        ("https://example.org/a/#/portal/signup", "https://example.org/a/"),
        ("https://example.org//a//b/", "https://example.org/a/b/"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/é t/", "https://example.org/%C3%A9%20t/"),
    ],
)
def test_canonicalize_url(raw: str, expected: str) -> None:
    assert canonicalize_url(raw) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ["https://www.x.fr/slug/", "http://www.x.fr/slug", "https://WWW.x.fr/slug/?utm_campaign=a"],
        ["https://x.fr/", "http://x.fr", "https://x.fr/#top"],
    ],
)
def test_url_key_folds_scheme_slash_and_tracking(variants: list[str]) -> None:
    assert len({url_key(v) for v in variants}) == 1


def test_url_key_keeps_distinct_documents_apart() -> None:
    assert url_key("https://x.fr/a/") != url_key("https://x.fr/b/")
    assert url_key("https://x.fr/?p=1") != url_key("https://x.fr/?p=2")


@pytest.mark.parametrize("name", ["utm_source", "UTM_Campaign", "fbclid", "gclid", "ref", "mc_eid"])
def test_tracking_params(name: str) -> None:
    assert is_tracking_param(name)


@pytest.mark.parametrize("name", ["p", "id", "page", "q"])
def test_document_params_are_kept(name: str) -> None:
    assert not is_tracking_param(name)


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/a/", True),
        ("http://192.168.1.20/", True),
        ("http://[::1]:8000/", True),
        ("http://courrier.test:8080/", True),
        ("http://mirror.internal/", True),
        ("https://www.lecourrierdesstrateges.fr/", False),
        ("https://8.8.8.8/", False),
    ],
)
def test_is_local(url: str, local: bool) -> None:
    assert is_local(url) is local


SITE_LINKS = [f"https://www.site.example/article-{i}/" for i in range(3)]


@pytest.mark.parametrize(
    ("page", "declared", "links", "origin"),
    [
        # A local copy declaring its live origin and linking to it: that origin.
        (
            "http://127.0.0.1:8000/",
            ["https://www.site.example/"],
            SITE_LINKS,
            "https://www.site.example/",
        ),
        # The bare host twin counts as the same site.
        ("http://127.0.0.1:8000/", ["https://site.example/"], SITE_LINKS, "https://site.example/"),
        # Declared but never linked to: no evidence the links are the copy's.
        ("http://127.0.0.1:8000/", ["https://www.site.example/"], ["/a/", "/b/"], None),
        # A live site is never taken for a copy of whatever it declares.
        ("https://mirror.example.org/", ["https://www.site.example/"], SITE_LINKS, None),
        # A copy declaring itself mirrors nothing.
        ("http://127.0.0.1:8000/", ["http://127.0.0.1:8000/"], SITE_LINKS, None),
        ("http://127.0.0.1:8000/", ["javascript:void(0)"], SITE_LINKS, None),
    ],
)
def test_mirrored_origin(
    page: str, declared: list[str], links: list[str], origin: str | None
) -> None:
    assert mirrored_origin(page, declared, links) == origin


@pytest.mark.parametrize(
    ("page", "href"),
    [
        ("http://h:8000/a/b/", "/x/"),
        ("http://h:8000/a/b", "x/../y"),
        ("https://h/a/", "//cdn.h/x"),
        ("http://h/a/b", "http://o/x/../y"),
        ("http://h/a/b?q=1", "?p=2"),
        ("http://h/a/b", " /z "),
        ("http://h/a/b", "#top"),
        ("http://h/a/b", "http:c"),
    ],
)
def test_resolve_is_urljoin(page: str, href: str) -> None:
    """Cached per origin for root-relative and absolute links, never a different answer."""
    assert resolve(page, href) == urljoin(page, href.strip())
    assert resolve(page.replace("/a/", "/z/"), href) == urljoin(
        page.replace("/a/", "/z/"), href.strip()
    )


@pytest.mark.parametrize(
    ("href", "day"),
    [
        ("https://www.rawstory.com/2016/12/22/", "2016-12-22"),
        ("/ldtblog/2017/8/8", "2017-08-08"),
        ("/2016/12/22/?ref=nav#top", "2016-12-22"),
        ("/2016/12/22/a-story/", None),  # a dated permalink: a post, not the day's archive
        ("/2016/12/", None),  # a month's archive
        ("http://[::1/2016/12/22/", "2016-12-22"),  # malformed: read without urlsplit
    ],
)
def test_archive_day(href: str, day: str | None) -> None:
    assert archive_day(href) == day
