"""Profile suggestion: drafts derived from two small fake sites, and the polite fetcher."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from scraper.crawl.fetch import Fetcher, FetchError
from scraper.crawl.settings import USER_AGENT
from scraper.extract.html import parse_html
from scraper.extract.page import extract
from scraper.extract.selectors import compile_css, select
from scraper.extract.text import node_text
from scraper.profiles import Profile, parse_profile
from scraper.tools.suggest import derive_profile, render_toml, suggest_profile

_WORDS = [
    "harbour",
    "council",
    "budget",
    "river",
    "school",
    "winter",
    "market",
    "bridge",
    "railway",
    "archive",
    "library",
    "festival",
    "election",
    "museum",
    "village",
    "forest",
    "coast",
    "storm",
    "harvest",
    "factory",
    "hospital",
    "court",
]


def _paragraphs(seed: int, count: int = 6) -> list[str]:
    """Distinct plain sentences, about 25 words a paragraph."""
    out = []
    for p in range(count):
        words = [_WORDS[(seed * 7 + p * 3 + i * 5) % len(_WORDS)] for i in range(24)]
        out.append(f"Paragraph {p} of story {seed}: " + " ".join(words) + ".")
    return out


@dataclass(frozen=True)
class Post:
    path: str
    title: str
    author: str
    author_slug: str
    date: str
    seed: int

    @property
    def text(self) -> list[str]:
        return _paragraphs(self.seed)


@dataclass(frozen=True)
class Site:
    """A fake site: its origin, home page, article pages by URL, robots.txt and a held-out page."""

    origin: str
    home: str
    articles: dict[str, str]
    robots: str | None
    new_url: str
    new_html: str
    new_post: Post
    article_pattern: str
    era: str
    feeds: list[str]
    listings: list[str]


# --- a WordPress-like site ------------------------------------------------------------------

WP = "https://www.bugle.example"
WP_POSTS = [
    Post(
        "/2024/05/01/council-approves-budget/",
        "Council approves the budget",
        "Jane Doe",
        "jane-doe",
        "2024-05-01T09:30:00+02:00",
        1,
    ),
    Post(
        "/2024/05/03/river-bridge-reopens/",
        "River bridge reopens",
        "John Roe",
        "john-roe",
        "2024-05-03T18:05:00+02:00",
        2,
    ),
    Post(
        "/2024/06/11/library-festival/",
        "A festival at the library",
        "Jane Doe",
        "jane-doe",
        "2024-06-11T07:00:00+02:00",
        3,
    ),
    Post(
        "/2024/07/02/storm-hits-coast/",
        "Storm hits the coast",
        "Ann Poe",
        "ann-poe",
        "2024-07-02T12:00:00+02:00",
        4,
    ),
]
WP_HEAD = (
    '<meta charset="utf-8"><meta name="generator" content="WordPress 6.5.2">'
    '<meta property="og:site_name" content="The Daily Bugle">'
    '<link rel="https://api.w.org/" href="/wp-json/">'
    '<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">'
    '<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">'
)
WP_NAV = (
    '<header class="site-header"><nav class="main-navigation"><ul class="menu">'
    '<li><a href="/">Home</a></li><li><a href="/category/politics/">Politics</a></li>'
    '<li><a href="/category/science/">Science</a></li><li><a href="/about/">About</a></li>'
    "</ul></nav></header>"
)


def _wp_card(post: Post) -> str:
    return (
        f'<article class="post-{post.seed} post type-post status-publish">'
        f'<h2 class="entry-title"><a href="{WP}{post.path}">{post.title}</a></h2>'
        f'<div class="entry-summary"><p>{post.text[0]}</p></div>'
        f'<span class="byline"><a href="/author/{post.author_slug}/">{post.author}</a></span>'
        "</article>"
    )


def _wp_home(posts: list[Post], nav: str = WP_NAV) -> str:
    cards = "".join(_wp_card(p) for p in posts)
    return (
        f'<!doctype html><html lang="en-GB"><head>{WP_HEAD}<title>The Daily Bugle – News</title>'
        f'</head><body class="home blog">{nav}<main id="main" class="site-main">{cards}'
        '<nav class="navigation pagination"><a class="next page-numbers" href="/page/2/">Older'
        '</a></nav></main><footer class="site-footer"><a href="/tag/weather/">weather</a>'
        "<a href='/contact/'>Contact</a></footer></body></html>"
    )


def _wp_article(post: Post, others: list[Post]) -> str:
    body = "".join(f"<p>{t}</p>" for t in post.text)
    related = "".join(_wp_card(p) for p in others[:2])
    return (
        f'<!doctype html><html lang="en-GB"><head>{WP_HEAD}<title>{post.title} – The Daily '
        f'Bugle</title><meta property="og:type" content="article"></head>'
        f'<body class="post-template-default single single-post postid-{post.seed}">{WP_NAV}'
        f'<main id="main" class="site-main"><article id="post-{post.seed}" '
        f'class="post-{post.seed} post type-post"><header class="entry-header">'
        f'<h1 class="entry-title">{post.title}</h1><div class="entry-meta"><span class="byline">'
        f'By <span class="author vcard"><a class="url fn n" href="/author/{post.author_slug}/">'
        f'{post.author}</a></span></span> <time class="entry-date published" '
        f'datetime="{post.date}">{post.date[:10]}</time></div></header>'
        f'<div class="entry-content">{body}</div><footer class="entry-footer">'
        '<span class="cat-links"><a href="/category/politics/">Politics</a></span></footer>'
        f'</article><section class="related-posts"><h2>Related</h2>{related}</section></main>'
        "</body></html>"
    )


def _wordpress() -> Site:
    sample, new = WP_POSTS[:3], WP_POSTS[3]
    return Site(
        origin=WP,
        home=_wp_home(WP_POSTS),
        articles={WP + p.path: _wp_article(p, WP_POSTS) for p in sample},
        robots=f"User-agent: *\nDisallow: /wp-admin/\nSitemap: {WP}/wp-sitemap.xml\n",
        new_url=WP + new.path,
        new_html=_wp_article(new, WP_POSTS),
        new_post=new,
        article_pattern=r"^/\d{4}/\d{2}/\d{2}/[^/]+/?$",
        era="wordpress",
        feeds=["/feed/"],
        listings=[
            "/",
            "/category/politics/",
            "/category/science/",
            "/page/2/",
            "/category/politics/page/3/",
            "/tag/weather/",
            "/author/jane-doe/",
        ],
    )


# --- a Ghost-like site ----------------------------------------------------------------------

GH = "https://notes.example"
GH_POSTS = [
    Post(
        "/harbour-museum-opens/",
        "The harbour museum\u00a0: open",  # French spacing: the extractor may keep the NBSP
        "Léa Martin",
        "lea",
        "2025-01-02T08:00:00.000Z",
        5,
    ),
    Post(
        "/winter-market-returns/",
        "The winter market returns",
        "Paul Roy",
        "paul",
        "2025-01-09T23:30:00.000Z",  # shown as 10 January, the day in Paris
        6,
    ),
    Post(
        "/railway-archive-digitised/",
        "Railway archive digitised",
        "Léa Martin",
        "lea",
        "2025-02-14T08:00:00.000Z",
        7,
    ),
    Post(
        "/village-school-expands/",
        "The village school expands",
        "Paul Roy",
        "paul",
        "2025-03-01T08:00:00.000Z",
        8,
    ),
]
GH_HEAD = (
    '<meta charset="utf-8"><meta name="generator" content="Ghost 5.82">'
    '<meta property="og:site_name" content="Field Notes">'
    '<link rel="alternate" type="application/rss+xml" title="Field Notes" href="/rss/">'
    '<script>var site = {"timezone": "Europe\\/Paris"};</script>'
)
GH_NAV = (
    '<header id="gh-head" class="gh-head"><nav class="gh-head-menu"><ul class="nav">'
    '<li class="nav-home"><a href="/">Home</a></li>'
    '<li class="nav-news"><a href="/tag/news/">News</a></li>'
    '<li class="nav-culture"><a href="/tag/culture/">Culture</a></li></ul></nav></header>'
)


def _gh_card(post: Post) -> str:
    return (
        f'<article class="gh-card post tag-news"><a class="gh-card-link" href="{post.path}">'
        f'<header class="gh-card-header"><h3 class="gh-card-title">{post.title}</h3></header>'
        f'<div class="gh-card-excerpt">{post.text[0][:120]}</div>'
        f'<footer class="gh-card-meta"><time datetime="{post.date[:10]}">{post.date[:10]}</time>'
        "</footer></a></article>"
    )


def _gh_home(posts: list[Post]) -> str:
    cards = "".join(_gh_card(p) for p in posts)
    return (
        f'<!doctype html><html lang="fr"><head>{GH_HEAD}<title>Field Notes</title></head>'
        f'<body class="home-template">{GH_NAV}<main class="gh-main"><div class="gh-feed">{cards}'
        '</div><a class="gh-more" href="/page/2/">More</a></main><footer class="gh-foot">'
        '<a href="/author/lea/">Léa</a><a href="/signup/">Sign up</a></footer></body></html>'
    )


def _paris_day(post: Post) -> str:
    """The day a Ghost theme shows: the publication instant's day in the site's timezone."""
    instant = datetime.fromisoformat(post.date.replace("Z", "+00:00"))
    return instant.astimezone(ZoneInfo("Europe/Paris")).date().isoformat()


def _gh_article(post: Post, others: list[Post]) -> str:
    body = "".join(f"<p>{t}</p>" for t in post.text)
    related = "".join(_gh_card(p) for p in others[:2])
    day = _paris_day(post)
    return (
        f'<!doctype html><html lang="fr"><head>{GH_HEAD}<title>{post.title}</title>'
        f'<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{post.date}"></head>'
        f'<body class="post-template tag-news">{GH_NAV}<main class="gh-main">'
        '<article class="gh-article post tag-news"><header class="gh-article-header gh-canvas">'
        f'<h1 class="gh-article-title is-title">{post.title}</h1>'
        '<div class="gh-article-meta"><div class="gh-article-author-name">'
        f'<a href="/author/{post.author_slug}/">{post.author}</a></div>'
        f'<time class="gh-article-meta-date" datetime="{day}">{day}</time>'
        f'</div></header><section class="gh-content gh-canvas is-body">{body}</section>'
        f'</article><section class="gh-container is-grid gh-outer"><h2>Read more</h2>{related}'
        "</section></main></body></html>"
    )


def _ghost() -> Site:
    sample, new = GH_POSTS[:3], GH_POSTS[3]
    return Site(
        origin=GH,
        home=_gh_home(GH_POSTS),
        articles={GH + p.path: _gh_article(p, GH_POSTS) for p in sample},
        robots=None,
        new_url=GH + new.path,
        new_html=_gh_article(new, GH_POSTS),
        new_post=new,
        article_pattern=r"^/[^/]+/?$",
        era="ghost",
        feeds=["/rss/"],
        listings=[
            "/",
            "/tag/news/",
            "/tag/culture/",
            "/page/2/",
            "/tag/news/page/2/",
            "/author/lea/",
        ],
    )


SITES = {"wordpress": _wordpress(), "ghost": _ghost()}


@pytest.fixture(params=sorted(SITES), scope="module")
def site(request: pytest.FixtureRequest) -> Site:
    return SITES[request.param]


@pytest.fixture(scope="module")
def derived(site: Site) -> dict:
    return derive_profile(site.origin + "/", site.home, site.articles, site.robots)


@pytest.fixture(scope="module")
def profile(derived: dict) -> Profile:
    return parse_profile(tomllib.loads(render_toml(derived)))


# --- derivation -----------------------------------------------------------------------------


def test_draft_loads_and_its_selectors_compile(derived: dict, profile: Profile) -> None:
    assert profile == parse_profile(derived)
    selectors = [s for era in profile.eras for s in era.detect]
    selectors += [
        s
        for era in profile.eras
        for group in (era.article, era.listing)
        for sels in group.values()
        for s in sels
    ]
    for selector in selectors:
        compile_css(selector)
    assert {"title", "body", "authors", "published"} <= set(profile.eras[0].article)


def test_draft_names_the_site(site: Site, profile: Profile) -> None:
    assert profile.eras[0].name == site.era
    assert profile.base_url == site.origin + "/"
    host = site.origin.split("//")[1]
    bare = host.removeprefix("www.")
    assert set(profile.hosts) == {bare, "www." + bare}
    assert profile.name == bare.replace(".", "-")
    assert profile.title == ("The Daily Bugle" if site.era == "wordpress" else "Field Notes")
    assert profile.language == ("en" if site.era == "wordpress" else "fr")
    assert profile.timezone == (None if site.era == "wordpress" else "Europe/Paris")


def test_draft_start_points(site: Site, profile: Profile) -> None:
    assert list(profile.feeds) == site.feeds
    if site.robots:
        assert profile.sitemaps == ("/wp-sitemap.xml",)
    else:  # no robots.txt: the usual places
        assert "/sitemap.xml" in profile.sitemaps
    assert profile.listings == ("/",)


def test_draft_classifies_urls(site: Site, profile: Profile) -> None:
    assert site.article_pattern in profile.article_patterns
    for url in [*site.articles, site.new_url]:
        assert profile.classify_url(url) == "article", url
    for path in site.listings:
        assert profile.classify_url(site.origin + path) == "listing", path
    assert profile.classify_url(site.origin + "/wp-admin/options.php") == "ignore"
    assert profile.classify_url(site.origin + "/about/") != "listing"  # a menu link, not a list


def test_draft_selectors_read_a_new_page(site: Site, profile: Profile) -> None:
    """Selectors derived from three articles pick the right text on a fourth one."""
    era = profile.eras[0]
    page = parse_html(site.new_html)
    assert any(select(page, s) for s in era.detect)
    assert node_text(select(page, era.article["title"][0])[0]) == site.new_post.title
    body = node_text(select(page, era.article["body"][0])[0])
    assert all(p in body for p in site.new_post.text)
    assert site.new_post.title not in body
    article = extract(site.new_html, site.new_url, profile)
    assert article.title == site.new_post.title
    assert article.body == "\n\n".join(site.new_post.text)
    assert article.authors == [site.new_post.author]
    assert article.published is not None
    assert article.published.startswith(site.new_post.date[:10])


def test_draft_card_selector_matches_home_cards(site: Site, profile: Profile) -> None:
    cards = profile.eras[0].listing.get("card", ())
    assert cards, "the home page's cards should give a card selector"
    assert len(select(parse_html(site.home), cards[0])) == 4


def test_menu_sections_that_hold_articles_are_listings() -> None:
    posts = [replace(p, path=f"/news/{1000 + p.seed}-{p.path.split('/')[-2]}") for p in WP_POSTS]
    nav = '<nav class="menu"><a href="/news/">News</a><a href="/about/">About</a></nav>'
    pages = {WP + p.path: _wp_article(p, posts) for p in posts[:3]}
    data = derive_profile(WP + "/", _wp_home(posts, nav), pages, None)
    assert data["urls"]["article"] == [r"^/news/[^/]+/?$"]
    profile = parse_profile(data)
    assert profile.classify_url(WP + "/news/") == "listing"
    assert profile.classify_url(WP + "/news/page/2/") == "listing"
    assert profile.classify_url(WP + posts[3].path) == "article"
    assert profile.classify_url(WP + "/about/") == "unknown"


def test_a_selector_must_match_on_every_sample() -> None:
    """One sample with other markup: the site-wide selectors stay, the others go."""
    pages = {WP + p.path: _wp_article(p, WP_POSTS) for p in WP_POSTS[:3]}
    odd = WP + WP_POSTS[2].path
    pages[odd] = (
        pages[odd]
        .replace('class="entry-content"', 'class="post-body"')
        .replace('h1 class="entry-title"', 'h1 class="headline"')
    )
    article = derive_profile(WP + "/", _wp_home(WP_POSTS), pages, None)["eras"][0]["article"]
    assert article["title"] == ["article h1"]
    assert "div.entry-content" not in article.get("body", [])
    assert article["authors"] == ["span.author a"]


def test_no_article_among_samples_is_an_error() -> None:
    site = SITES["wordpress"]
    with pytest.raises(ValueError, match="article"):
        derive_profile(site.origin + "/", site.home, {site.origin + "/": site.home}, None)


@pytest.mark.parametrize(
    ("urls", "pattern"),
    [
        (["https://a.example/2024/05/01/slug/"], r"^/\d{4}/\d{2}/\d{2}/[^/]+/?$"),
        (["https://a.example/news/12345-some-slug"], r"^/news/[^/]+/?$"),
        (["https://a.example/news/a-b", "https://a.example/world/c-d"], r"^/[^/]+/[^/]+/?$"),
        (["https://a.example/some-slug/"], r"^/[^/]+/?$"),
        (["https://a.example/2023/story-1234.html"], r"^/\d{4}/[^/]+\.html$"),
        (["https://a.example/?p=42"], r"^/\?p=\d+$"),
    ],
)
def test_article_urls_are_generalised(urls: list[str], pattern: str) -> None:
    from scraper.tools.suggest.patterns import article_patterns

    assert article_patterns(urls) == [pattern]


def test_suggest_profile_fetches_home_robots_and_articles() -> None:
    site = SITES["wordpress"]
    pages = {site.origin + "/": site.home, site.origin + "/robots.txt": site.robots}
    pages |= site.articles
    asked: list[str] = []

    def fetch(url: str) -> str | None:
        asked.append(url)
        if url not in pages:
            raise FetchError(f"HTTP 404 for {url}")
        return pages[url]

    text = suggest_profile(site.origin + "/", pages=3, fetch=fetch)
    profile = parse_profile(tomllib.loads(text))
    assert text.startswith("# Draft profile for The Daily Bugle")
    assert profile.sitemaps == ("/wp-sitemap.xml",)
    assert profile.eras[0].article["title"] == ("h1.entry-title",)
    assert len([u for u in asked if u in site.articles]) == 3


def test_suggest_needs_a_page_that_links_to_articles() -> None:
    pages = {WP + "/": "<html><body><p>Under construction</p></body></html>"}
    with pytest.raises(ValueError, match="no article among the links"):
        suggest_profile(WP + "/", fetch=pages.get)


# --- the fetcher (against servers on 127.0.0.1) ---------------------------------------------

Route = tuple[int, dict[str, str], bytes]
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
LATIN1 = "<html><head><title>Caf\u00e9</title></head><body><p>d\u00e9j\u00e0</p></body></html>"
ROUTES: dict[str, Route] = {
    "/robots.txt": (200, {"Content-Type": "text/plain"}, ROBOTS),
    "/page": (200, {"Content-Type": "text/html; charset=iso-8859-1"}, LATIN1.encode("latin-1")),
    "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * (5 * 1024 * 1024 + 10)),
    "/private/secret": (200, {"Content-Type": "text/html"}, b"<p>secret</p>"),
    "/hop": (302, {"Location": "/private/secret"}, b""),
    "/file.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
}


@dataclass
class Served:
    """A loopback server's origin and what it was asked: (path, User-Agent) pairs."""

    origin: str
    requests: list[tuple[str, str]]

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@contextlib.contextmanager
def _serve(routes: dict[str, Route]) -> Iterator[Served]:
    served = Served("", [])

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            served.requests.append((self.path, self.headers.get("User-Agent", "")))
            status, headers, body = routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[Served]:
    with _serve(ROUTES) as served:
        yield served


def test_fetcher_reads_a_page_honestly(server: Served) -> None:
    fetcher = Fetcher(delay=0)
    assert "déjà" in (fetcher(server.origin + "/page") or "")
    assert fetcher(server.origin + "/robots.txt") == ROBOTS.decode()
    assert server.paths == ["/robots.txt", "/page"]  # robots.txt once, first
    assert {agent for _, agent in server.requests} == {USER_AGENT}


def test_fetcher_obeys_robots_txt(server: Served) -> None:
    fetcher = Fetcher(delay=0)
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher(server.origin + "/private/secret")
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher(server.origin + "/hop")  # a redirect into a disallowed path
    assert "/private/secret" not in server.paths


def test_fetcher_caps_size_and_refuses_errors_and_non_html(server: Served) -> None:
    fetcher = Fetcher(delay=0)
    with pytest.raises(FetchError, match="larger than"):
        fetcher(server.origin + "/big")
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher(server.origin + "/missing")
    with pytest.raises(FetchError, match="not an HTML page"):
        fetcher(server.origin + "/file.pdf")


def test_fetcher_without_robots_txt_may_fetch_everything() -> None:
    with _serve({"/page": ROUTES["/page"]}) as served:
        fetcher = Fetcher(delay=0)
        assert fetcher(served.origin + "/robots.txt") is None
        assert "déjà" in (fetcher(served.origin + "/page") or "")


def test_fetcher_waits_between_requests(server: Served) -> None:
    fetcher = Fetcher(delay=0.3)
    start = time.monotonic()
    fetcher(server.origin + "/page")  # robots.txt, then the page
    fetcher(server.origin + "/page")
    assert time.monotonic() - start >= 0.6


def test_fetcher_honours_the_crawl_delay_of_robots_txt() -> None:
    robots = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nCrawl-delay: 1\n")
    with _serve({"/robots.txt": robots, "/page": ROUTES["/page"]}) as served:
        fetcher = Fetcher(delay=0)
        start = time.monotonic()
        fetcher(served.origin + "/page")  # robots.txt, then the page a second later
        fetcher(served.origin + "/page")
        assert time.monotonic() - start >= 2.0


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:,x", "/page"])
def test_fetcher_refuses_non_http(url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        Fetcher()(url)


def test_suggest_over_http_respects_robots_txt() -> None:
    """The whole command path on a Ghost-like site served on 127.0.0.1."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    routes: dict[str, Route] = {
        p.path: (200, html, _gh_article(p, GH_POSTS).encode()) for p in GH_POSTS
    }
    routes["/"] = (200, html, _gh_home(GH_POSTS).encode())
    disallowed = GH_POSTS[1].path
    with _serve(routes) as served:
        robots = f"User-agent: *\nDisallow: {disallowed}\nSitemap: {served.origin}/sitemap.xml\n"
        routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, robots.encode())
        text = suggest_profile(served.origin + "/", pages=3, fetch=Fetcher(delay=0))
    profile = parse_profile(tomllib.loads(text))
    assert disallowed not in served.paths
    assert profile.sitemaps == ("/sitemap.xml",)
    assert profile.eras[0].name == "ghost"
    assert profile.eras[0].article["body"] == ("section.gh-content",)
    assert profile.classify_url(served.origin + GH_POSTS[3].path) == "article"
