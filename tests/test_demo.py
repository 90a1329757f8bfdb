"""The demo site: deterministic, self-consistent with its ground truth, served over loopback."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from scraper.tools.demo.model import GHOST_ORIGIN, WP_ORIGIN, DemoSite, TruthArticle
from scraper.tools.demo.server import DemoServer, serve
from scraper.tools.demo.site import build_site

REAL_HOSTS = {urlsplit(GHOST_ORIGIN).hostname, urlsplit(WP_ORIGIN).hostname}
SPACE = re.compile(r"[\s\u00a0\u202f]+")


def norm(text: str) -> str:
    return SPACE.sub(" ", text).strip()


@pytest.fixture(scope="module")
def site() -> DemoSite:
    return build_site(60, seed=1)


def html_pages(site: DemoSite) -> dict[str, lxml.html.HtmlElement]:
    return {
        path: lxml.html.document_fromstring(route.body)
        for path, route in site.routes.items()
        if route.location is None and route.headers.get("Content-Type", "").startswith("text/html")
    }


def body_blocks(tree: lxml.html.HtmlElement) -> list[str]:
    """Paragraphs and subheadings directly inside the page's content container."""
    containers = tree.xpath(
        "//*[contains(concat(' ', @class, ' '), ' gh-content ') or "
        "contains(concat(' ', @class, ' '), ' post-content ') or "
        "contains(concat(' ', @class, ' '), ' entry-content ')]"
    )
    assert containers, "no content container"
    blocks = containers[0].xpath("./p | ./h2")
    return [norm(b.text_content()) for b in blocks if norm(b.text_content())]


def truth_blocks(article: TruthArticle) -> list[str]:
    return [norm(block) for block in article.body.split("\n\n")]


def test_generation_is_deterministic_and_fast() -> None:
    started = time.perf_counter()
    big = build_site(300, seed=7)
    assert time.perf_counter() - started < 1.5
    assert len(big.articles) == 300
    again = build_site(300, seed=7)
    assert big.routes == again.routes
    assert build_site(60, seed=2).routes != build_site(60, seed=1).routes


def test_truth_articles_have_both_eras_and_every_author_trap(site: DemoSite) -> None:
    eras = [a.era for a in site.articles]
    assert eras.count("wordpress") == 20 and eras.count("ghost") == 40
    assert len({a.canonical_path for a in site.articles}) == 60
    assert any(a.authors != a.byline and " par " in a.title for a in site.articles)
    assert any(
        a.lede and a.lede.startswith("Par ") and a.byline == ["Rédaction"] for a in site.articles
    )
    assert any(len(a.authors) == 2 and a.authors == a.byline for a in site.articles)
    assert any(a.members_only for a in site.articles)
    night = [a for a in site.articles if a.era == "ghost" and int(a.published[11:13]) < 2]
    assert night, "a post published between 00:00 and 02:00 Paris time"
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00", a.published)
        for a in site.articles
    )


def test_canonical_pages_are_served_and_match_the_truth(site: DemoSite) -> None:
    check_canonicals(site)


def check_canonicals(site: DemoSite) -> None:
    pages = html_pages(site)
    for article in site.articles:
        assert site.routes[article.canonical_path].status == 200
        tree = pages[article.canonical_path]
        assert norm(tree.xpath("//h1")[0].text_content()) == norm(article.title)
        assert body_blocks(tree) == truth_blocks(article), article.canonical_path


def test_page_metadata_agrees_with_the_truth(site: DemoSite) -> None:
    pages = html_pages(site)
    for article in site.articles:
        tree = pages[article.canonical_path]
        data = json.loads(tree.xpath("//script[@type='application/ld+json']/text()")[0])
        published = datetime.fromisoformat(article.published)
        if article.era == "ghost" or "@graph" not in data:
            names = [data["author"]["name"]] + [c["name"] for c in data.get("contributor", [])]
            assert names == article.byline
            stated = datetime.fromisoformat(data["datePublished"].replace("Z", "+00:00"))
            assert stated == published
            day = tree.xpath("//article//header//time/@datetime")[0]
            assert day == article.published[:10]
            lede = tree.xpath("//header/p")
            assert (norm(lede[0].text_content()) if lede else None) == (
                norm(article.lede) if article.lede else None
            )
        else:
            time_el = tree.xpath("//time[contains(@class, 'published')]/@datetime")[0]
            assert time_el == article.published
            assert data["@graph"][0]["headline"] == f"{article.title} - Le Courrier des Stratèges"


def test_aliases_lead_to_the_canonical_or_carry_the_same_body(site: DemoSite) -> None:
    assert alias_kinds(site) == {"redirect", "canonical link", "copy"}
    chains = [a for art in site.articles for a in art.aliases if a.startswith("/?p=")]
    assert any(site.routes[site.routes[p].location or ""].location for p in chains), "a 2-hop chain"


def alias_kinds(site: DemoSite) -> set[str]:
    """Check every alias; return how they lead to their article."""
    pages = html_pages(site)
    kinds = set()
    for article in site.articles:
        for alias in article.aliases:
            assert site.article_at(alias) is article
            final, route = site.follow(alias)
            assert route is not None and route.status == 200, alias
            if final == article.canonical_path:
                kinds.add("redirect")
                continue
            tree = pages[final]
            canonical = tree.xpath("//link[@rel='canonical']/@href")[0]
            if urlsplit(canonical).path == article.canonical_path:
                kinds.add("canonical link")  # AMP and WordPress embed copies
            else:
                assert body_blocks(tree) == truth_blocks(article), alias  # the republished copy
                kinds.add("copy")
    return kinds


def test_every_link_resolves_or_is_offsite_or_disallowed(site: DemoSite) -> None:
    seen_disallowed, seen_dead = check_links(site)
    assert seen_disallowed and seen_dead


def check_links(site: DemoSite) -> tuple[int, int]:
    """Check every link of every page; count those to disallowed paths and to dead pages."""
    seen_disallowed = seen_dead = 0
    for path, tree in html_pages(site).items():
        origin = (
            WP_ORIGIN
            if "wp-content" in lxml.html.tostring(tree, encoding="unicode")
            else GHOST_ORIGIN
        )
        for href in tree.xpath("//a/@href"):
            url = urljoin(urljoin(origin, path), href)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.hostname not in REAL_HOSTS:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if any(target.startswith(p) for p in site.robots_disallowed):
                seen_disallowed += 1
                continue
            if target in site.dead_links:
                seen_dead += 1
                assert site.resolve(target) is None
                continue
            final, route = site.follow(target)
            assert route is not None and route.status == 200, f"{path} links {href}"
    return seen_disallowed, seen_dead


def crawl(site: DemoSite) -> tuple[set[str], set[str]]:
    """Breadth-first over the served routes from the home page, sitemaps and RSS, as a
    crawler obeying robots.txt would go; returns (fetched paths, linked disallowed paths)."""
    queue, fetched, refused = ["/", "/sitemap.xml", "/rss/"], set(), set()
    while queue:
        path = queue.pop(0)
        if path in fetched or path in refused:
            continue
        if any(path.startswith(p) for p in site.robots_disallowed):
            refused.add(path)
            continue
        fetched.add(path)
        route = site.resolve(path)
        if route is None:
            continue
        if route.location is not None:
            queue.append(route.location)
            continue
        kind = route.headers.get("Content-Type", "")
        body = gzip.decompress(route.body) if kind == "application/x-gzip" else route.body
        if kind.startswith("text/html"):
            tree = lxml.html.document_fromstring(body)
            base = WP_ORIGIN if "wp-content" in body.decode("latin-1") else GHOST_ORIGIN
            urls = [urljoin(urljoin(base, path), href) for href in tree.xpath("//a/@href")]
        else:
            urls = re.findall(r"<(?:loc|link)>([^<]+)</", body.decode())
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.hostname in REAL_HOSTS:
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return fetched, refused


def test_a_crawl_from_the_home_page_meets_every_article_and_trap(site: DemoSite) -> None:
    fetched, refused = crawl(site)
    assert {a.canonical_path for a in site.articles} <= fetched
    assert refused, "pages link robots-disallowed paths"
    aliases = {alias for a in site.articles for alias in a.aliases}
    met = fetched & aliases
    assert any(p.startswith("/?p=") for p in met), "a shortlink"
    assert any(re.match(r"^/\d{4}/\d\d/\d\d/", p) for p in met), "an old WordPress date URL"
    assert any(p.endswith("/amp/") for p in met) and any(p.endswith("/embed/") for p in met)
    assert any(p.endswith("-2/") for p in met), "the republished copy"
    assert any(p != p.lower() for p in met), "an uppercase path"
    for marker in ("utm_source=", "fbclid=", "ref="):
        assert any(marker in p for p in fetched), marker
    assert set(site.dead_links) & fetched, "the older-posts link of a last page"
    assert any(p.startswith("/category/une/") for p in fetched), "the WordPress archive listings"


@pytest.mark.parametrize(("n", "seed", "revision"), [(5, 1, 1), (9, 4, 2), (15, 2, 2)])
def test_small_and_later_sites_hold_together(n: int, seed: int, revision: int) -> None:
    small = build_site(n, seed=seed, revision=revision)
    check_canonicals(small)
    alias_kinds(small)
    check_links(small)
    assert {a.canonical_path for a in small.articles} <= crawl(small)[0]


def test_teasers_are_shown_as_the_truth_says(site: DemoSite) -> None:
    pages = html_pages(site)
    canonical = {a.canonical_path for a in site.articles}
    kinds = set()
    for teaser in site.teasers:
        text = norm(pages[teaser.source_path].text_content())
        assert norm(teaser.excerpt) in text, (teaser.source_path, teaser.excerpt[:40])
        if teaser.title:
            assert norm(teaser.title) in text
        assert teaser.target in canonical
        kinds.add(teaser.kind)
    assert kinds == {"listing", "featured", "related"}
    assert any(t.title is None for t in site.teasers), "the older title-less card layout"


def test_discovery_documents(site: DemoSite) -> None:
    robots = site.routes["/robots.txt"].body.decode()
    assert "Sitemap: https://www.lecourrierdesstrateges.fr/sitemap.xml" in robots
    assert all(f"Disallow: {p}" in robots for p in site.robots_disallowed)
    index = site.routes["/sitemap.xml"].body.decode()
    assert index.index("<?xml-stylesheet") < index.index("<sitemapindex")
    locs = re.findall(r"<loc>https://www\.lecourrierdesstrateges\.fr(/[^<]*)</loc>", index)
    posts: list[str] = []
    for loc in locs:
        route = site.routes[loc]
        body = route.body
        if loc.endswith(".gz"):
            assert route.headers["Content-Type"] == "application/x-gzip"
            body = gzip.decompress(body)
        if "posts" in loc:
            posts += re.findall(
                r"<loc>https://www\.lecourrierdesstrateges\.fr(/[^<]*)</loc>", body.decode()
            )
    for path in posts:
        assert site.follow(path)[1] is not None
    rss = site.routes["/rss/"].body.decode()
    assert rss.count("<item>") == 15 and "<content:encoded>" in rss


def test_wordpress_archive_traps(site: DemoSite) -> None:
    wp_pages = [a for a in site.articles if re.match(r"^/\d{4}/\d\d/\d\d/", a.canonical_path)]
    assert len(wp_pages) >= 2
    routes = [site.routes[a.canonical_path] for a in wp_pages]
    latin = [r for r in routes if r.headers["Content-Type"] == "text/html"]
    assert latin and b'<meta charset="ISO-8859-1">' in latin[0].body
    latin[0].body.decode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        latin[0].body.decode("utf-8")
    body = latin[0].body.decode("latin-1")
    assert "sharedaddy" in body and "jp-relatedposts" in body and 'id="comments"' in body
    assert "- Le Courrier des Stratèges" in body
    contents = [r.body.split(b'class="entry-content"')[1].split(b"sharedaddy")[0] for r in routes]
    assert any(b"<p>" in c and b"</p>" not in c for c in contents), "a page with unclosed <p>"


def test_revision_two_adds_posts_and_edits_six() -> None:
    before, after = build_site(30, seed=5), build_site(30, seed=5, revision=2)
    old = {a.canonical_path: a for a in before.articles}
    new = {a.canonical_path: a for a in after.articles}
    assert len(new) == len(old) + 3 and set(old) < set(new)
    changed = [p for p in old if old[p] != new[p]]
    assert len(changed) == 6
    assert {"ghost", "wordpress"} <= {old[p].era for p in changed}
    for path in changed:
        assert new[path].modified > old[path].modified and new[path].body != old[path].body
    assert sum(new[p].title != old[p].title for p in changed) == 1
    newest = sorted(new.values(), key=lambda a: a.published)[-3:]
    assert {a.canonical_path for a in newest} == set(new) - set(old)

    def lastmod(site: DemoSite, path: str) -> str:
        xml = site.routes["/sitemap-posts.xml"].body + gzip.decompress(
            site.routes["/sitemap-posts-2.xml.gz"].body
        )
        loc = f"<loc>https://www.lecourrierdesstrateges.fr{path}</loc><lastmod>"
        return xml.decode().split(loc)[1][:24]

    ghost = [p for p in changed if old[p].era == "ghost"]
    assert all(lastmod(after, p) > lastmod(before, p) for p in ghost)


def test_server_serves_counts_and_fails_on_script(site: DemoSite) -> None:
    article = site.articles[0]
    with serve(site) as base:
        assert base.startswith("http://127.0.0.1:")
        server = base.server
        server.fail(article.canonical_path, 503, 503)
        server.fail("/robots.txt", 429, retry_after=1)
        codes = []
        for _ in range(3):
            try:
                codes.append(urllib.request.urlopen(base + article.canonical_path[1:]).status)
            except urllib.error.HTTPError as err:
                codes.append(err.code)
        assert codes == [503, 503, 200]
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + "robots.txt")
        assert info.value.code == 429 and info.value.headers["Retry-After"] == "1"
        dead = site.dead_links[0]
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + dead[1:])
        assert info.value.code == 404
        with urllib.request.urlopen(base + article.aliases[0][1:]) as response:
            assert response.url == base + article.canonical_path[1:]
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            etag = response.headers["ETag"]
        request = urllib.request.Request(
            base + article.canonical_path[1:], headers={"If-None-Match": etag}
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(request)
        assert info.value.code == 304
    paths = [hit.path for hit in server.hits]
    assert paths.count(article.canonical_path) == 5
    assert paths.count("/robots.txt") == 1 and dead in paths
    assert server.max_concurrent >= 1


def test_site_failure_and_concurrency_and_local_origin() -> None:
    site = build_site(30, host_style="local")
    failing = next(iter(site.failures))
    with serve(site, delay=0.2) as base:

        def fetch(path: str) -> None:
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(base + path).read()

        threads = [threading.Thread(target=fetch, args=(failing[1:],)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        home = urllib.request.urlopen(base).read().decode()
        statuses = [hit.status for hit in base.server.hits_for(failing)]
        assert statuses.count(503) == 1 and statuses.count(200) == 2
        assert base.server.max_concurrent >= 2
    assert f'href="{base}a-propos/"' in home and "demo-origin.invalid" not in home


def test_server_refuses_non_loopback_addresses() -> None:
    with pytest.raises(ValueError):
        DemoServer(build_site(15), host="0.0.0.0")
