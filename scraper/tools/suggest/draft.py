"""The draft profile of a site (the dict of a profile TOML file), from pages already fetched."""

from __future__ import annotations

from typing import Any

from scraper.extract.article import language
from scraper.extract.html import parse_html
from scraper.extract.structured import read_structured
from scraper.profiles import generic_profile
from scraper.tools.suggest.patterns import article_patterns, listing_patterns
from scraper.tools.suggest.samples import read_samples
from scraper.tools.suggest.selectors import era
from scraper.tools.suggest.site import feeds, is_ip, sitemaps, timezone
from scraper.urls import host_of


def derive_profile(
    home_url: str, home_html: str, article_pages: dict[str, str], robots_txt: str | None
) -> dict[str, Any]:
    """A draft profile (the dict of a profile TOML file) from a site's home and sample articles.

    ValueError when the URL is not http(s) or no sample page is an article.
    """
    base = generic_profile(home_url)
    samples = read_samples(article_pages, base)
    if not samples:
        raise ValueError(f"none of the {len(article_pages)} sample pages reads as an article")
    home = parse_html(home_html)
    declared = read_structured(home)
    host = host_of(home_url)
    patterns = article_patterns(s.url for s in samples)
    data: dict[str, Any] = {
        "name": host.removeprefix("www.").replace(".", "-"),
        "title": declared.site_name or declared.html_title or host,
        "base_url": base.base_url,
        "hosts": list(base.hosts) if not is_ip(host) else [host],
    }
    lang = language(home, declared, None)
    if lang:
        data["language"] = lang
    tz = timezone([home_html, *article_pages.values()])
    if tz:
        data["timezone"] = tz
    data["follow_unknown"] = True
    data["start"] = {
        "sitemaps": sitemaps(robots_txt, base) or list(base.sitemaps),
        "feeds": feeds(home, home_url, base) or list(base.feeds),
        "listings": ["/"],
        "fallback_sitemaps": list(base.fallback_sitemaps),
        "fallback_feeds": list(base.fallback_feeds),
    }
    data["urls"] = {
        "article": patterns,
        "listing": listing_patterns(home, home_url, base, patterns, samples),
        "ignore": list(base.ignore_patterns),
    }
    data["settings"] = dict(base.settings)
    data["eras"] = [era(home, home_html, home_url, base, samples)]
    return data
