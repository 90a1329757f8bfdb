from __future__ import annotations

import gzip
import time

import pytest

from scraper.crawl.discovery import normalize_lastmod, parse_feed, parse_sitemap, robots_sitemaps

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def test_ghost_sitemap_index_with_stylesheet() -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<?xml-stylesheet type="text/xsl" href="//x.fr/sitemap.xsl"?>'
        b"<sitemapindex " + NS.encode() + b">"
        b"<sitemap><loc>https://x.fr/sitemap-posts.xml</loc>"
        b"<lastmod>2025-11-27T10:00:00.000Z</lastmod></sitemap>"
        b"<sitemap><loc>https://x.fr/sitemap-pages.xml</loc></sitemap></sitemapindex>"
    )
    children, pages = parse_sitemap(body)
    assert [c.url for c in children] == [
        "https://x.fr/sitemap-posts.xml",
        "https://x.fr/sitemap-pages.xml",
    ]
    assert children[0].lastmod == "2025-11-27T10:00:00+00:00"
    assert pages == []


def test_urlset_dates_are_utc_for_string_comparison() -> None:
    body = (
        f"<urlset {NS}><url><loc> https://x.fr/a/ </loc><lastmod>2025-11-27T11:00:00+01:00</lastmod>"
        f"</url><url><loc>https://x.fr/b/</loc><lastmod>2025-11-26</lastmod></url></urlset>"
    ).encode()
    _, pages = parse_sitemap(body)
    assert [(p.url, p.lastmod) for p in pages] == [
        ("https://x.fr/a/", "2025-11-27T10:00:00+00:00"),
        ("https://x.fr/b/", "2025-11-26"),
    ]


def test_gzipped_sitemap() -> None:
    body = gzip.compress(f"<urlset {NS}><url><loc>https://x.fr/a/</loc></url></urlset>".encode())
    assert [p.url for p in parse_sitemap(body)[1]] == ["https://x.fr/a/"]


def test_gzip_bomb_is_refused_not_inflated() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (20 * 1024 * 1024))
    assert parse_sitemap(bomb, max_size=1024 * 1024) == ([], [])


def test_truncated_gzip_and_garbage_give_nothing() -> None:
    body = gzip.compress(f"<urlset {NS}><url><loc>https://x.fr/a/</loc></url></urlset>".encode())
    assert parse_sitemap(body[: len(body) // 2]) == ([], [])
    assert parse_sitemap(b"<html>not a sitemap</html>") == ([], [])


def test_billion_laughs_is_not_expanded() -> None:
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]><urlset "
        + NS.encode()
        + b"><url><loc>https://x.fr/&lol9;</loc></url></urlset>"
    )
    started = time.perf_counter()
    for result in (parse_sitemap(lol), parse_feed(lol)):
        assert "lollol" not in repr(result)
    assert time.perf_counter() - started < 1.0


def test_xxe_is_not_resolved() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><link>https://x.fr/a/&x;</link></item></channel></rss>"
    )
    assert "root:" not in repr(parse_feed(body))


def test_rss_feed() -> None:
    body = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Le Courrier</title><link>https://x.fr/</link>
<atom:link href="https://x.fr/rss/" rel="self" type="application/rss+xml"/>
<item><title><![CDATA[Titre]]></title><link>https://x.fr/a/</link>
<guid isPermaLink="false">65f</guid><dc:creator>CDS</dc:creator>
<pubDate>Thu, 27 Nov 2025 10:00:00 GMT</pubDate></item>
<item><title>B</title><link>https://x.fr/b/</link></item>
</channel></rss>"""
    entries = parse_feed(body)
    assert [(e.url, e.lastmod) for e in entries] == [
        ("https://x.fr/a/", "2025-11-27T10:00:00+00:00"),
        ("https://x.fr/b/", None),
    ]


def test_atom_feed_prefers_alternate_link_and_updated() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
<link rel="replies" href="https://x.fr/a/#comments"/><link rel="alternate" href="https://x.fr/a/"/>
<published>2025-11-01T10:00:00Z</published><updated>2025-11-03T10:00:00Z</updated></entry></feed>"""
    assert parse_feed(body)[0].url == "https://x.fr/a/"
    assert parse_feed(body)[0].lastmod == "2025-11-03T10:00:00+00:00"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("nonsense", None),
        ("2025-11-27T00:30:00+01:00", "2025-11-26T23:30:00+00:00"),
    ],
)
def test_normalize_lastmod(raw: str | None, expected: str | None) -> None:
    assert normalize_lastmod(raw) == expected


def test_robots_sitemaps() -> None:
    robots = b"User-agent: *\nDisallow: /ghost/\n\nSitemap: https://x.fr/sitemap.xml\n"
    assert robots_sitemaps(robots) == ["https://x.fr/sitemap.xml"]
