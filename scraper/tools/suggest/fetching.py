"""Fetch a site's page, its robots.txt and a few articles it links to; draft a profile of them."""

from __future__ import annotations

from collections.abc import Callable

from scraper.crawl.fetch import Fetcher, FetchError
from scraper.extract.html import parse_html
from scraper.extract.page import extract_page
from scraper.items import Article, Listing
from scraper.profiles import Profile, generic_profile
from scraper.tools.suggest.draft import derive_profile
from scraper.tools.suggest.render import render_toml
from scraper.tools.suggest.site import links

Fetch = Callable[[str], str | None]


def suggest_profile(url: str, *, pages: int = 6, fetch: Fetch | None = None) -> str:
    """Fetch a site's page at `url` and up to `pages` articles it links to; a draft profile as TOML.

    `fetch(url)` returns a page's text (None when absent) or raises FetchError; the default
    is a polite Fetcher (robots.txt, honest User-Agent, timeouts, size cap). FetchError when
    the page itself cannot be fetched, ValueError when it links to no article.
    """
    get = fetch or Fetcher()
    base = generic_profile(url)
    home_html = get(url)
    if home_html is None:
        raise FetchError(f"no page at {url}")
    robots = _optional(get, base.absolute("/robots.txt"))
    article_pages: dict[str, str] = {}
    for link in _article_links(home_html, url, base):
        if len(article_pages) >= pages:
            break
        html = _optional(get, link)
        if html and isinstance(extract_page(html, link, base), Article):
            article_pages[link] = html
    if not article_pages:
        raise ValueError(f"no article among the links of {url}: try a page that lists articles")
    data = derive_profile(url, home_html, article_pages, robots)
    return render_toml(data, source=f"{url} and {len(article_pages)} of its articles")


def _optional(get: Fetch, url: str) -> str | None:
    try:
        return get(url)
    except FetchError:
        return None


def _article_links(home_html: str, home_url: str, base: Profile) -> list[str]:
    """Links on the home page to likely articles: its teasers first, then article-shaped links."""
    page = extract_page(home_html, home_url, base)
    teasers = [t.url for t in page.teasers] if isinstance(page, Listing | Article) else []
    shaped = [
        u for u in links(parse_html(home_html), home_url, base) if base.classify_url(u) == "article"
    ]
    return list(dict.fromkeys(teasers + shaped))
