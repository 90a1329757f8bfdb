"""Hostile links and pages in a real crawl: one bad page or link never stops the rest.

A small hand-made site on 127.0.0.1: a home page linking to five articles; the hostile part
is added per test.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from scraper.demo.model import DemoSite, Route
from scraper.demo.server import serve
from scraper.items import Reject
from scraper.profiles import generic_profile
from spiders.site import spider_for

FAST = ["-s", "DOWNLOAD_DELAY=0.002", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]
HTML = {"Content-Type": "text/html; charset=utf-8"}
PROSE = "Le conseil municipal de la ville {} a voté hier soir le budget de l'année. " * 25
TOWNS = ["Lyon", "Nantes", "Lille", "Rennes", "Dijon"]
ARTICLES = [f"/2025/03/{n:02d}/le-budget-numero-{n}/" for n in range(1, 6)]


def article(n: int, extra: str = "") -> bytes:
    prose = PROSE.replace("{}", TOWNS[n - 1])
    return (
        f'<html><head><title>Budget {n}</title></head><body class="post-template">'
        f"<article><h1>Budget numéro {n}</h1><p>{prose}</p>{extra}<p>{prose}</p></article>"
        "</body></html>"
    ).encode()


def small_site(home_links: str = "", article_extra: str = "") -> DemoSite:
    links = "".join(f'<h2><a href="{path}">Budget {i}</a></h2>' for i, path in enumerate(ARTICLES))
    home = f'<html><body class="home-template">{home_links}{links}</body></html>'.encode()
    routes = {"/": Route(200, HTML, home), "/robots.txt": Route(200, {}, b"User-agent: *\n")}
    for n, path in enumerate(ARTICLES, 1):
        routes[path] = Route(200, HTML, article(n, article_extra if n == 1 else ""))
    return DemoSite(routes=routes, articles=[], teasers=[], robots_disallowed=[])


def crawl(base_url: str, db: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scraper", "crawl", "--url", base_url, "--db", str(db)]
    return subprocess.run(
        [*command, "--quiet", *FAST, *args], capture_output=True, text=True, timeout=120
    )


def rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


MALFORMED = '<a href="http://a.fr:99999/x">port</a><a href="http://[::1/x">v6</a>'


def test_malformed_links_on_the_home_page_and_in_an_article_lose_nothing(tmp_path: Path) -> None:
    """A bad port on the home page stopped all link-following from it (0 of 5 archived); a bad
    IPv6 link in an article lost that article without a trace."""
    db = tmp_path / "m.db"
    with serve(small_site(MALFORMED, MALFORMED)) as base_url:
        result = crawl(str(base_url), db)
    assert result.returncode == 0, result.stderr[-2000:]
    archived = {url.split("/", 3)[3] for (url,) in rows(db, "select url from articles")}
    assert archived == {path.lstrip("/") for path in ARTICLES}
    assert rows(db, "select count(*) from rejects") == [(0,)]


def test_links_with_an_upper_case_scheme_are_followed(tmp_path: Path) -> None:
    db = tmp_path / "u.db"
    site = small_site()
    with serve(site) as base_url:
        upper = str(base_url).replace("http://", "HTTP://")
        link = f'<h2><a href="{upper}{ARTICLES[0][1:]}">Budget</a></h2>'
        home = f'<html><body class="home-template">{link}</body></html>'
        site.routes["/"] = Route(200, HTML, home.encode())
        result = crawl(str(base_url), db)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(rows(db, "select url from articles")) == 1


def test_a_page_whose_extraction_raises_becomes_a_reject_and_the_crawl_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = generic_profile("http://127.0.0.1:8000/")
    spider_class = spider_for(profile)
    crawler = get_crawler(spider_class, {"ARCHIVE_PATH": ""})
    spider: Any = spider_class.from_crawler(crawler)
    crawler.spider = spider

    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("spiders.site.extract_page", explode)
    url = "http://127.0.0.1:8000/2025/03/01/a/"
    response = HtmlResponse(url, body=article(1), request=Request(url))
    out = list(spider.parse_page(response))
    assert len(out) == 1 and isinstance(out[0], Reject)
    assert (out[0].url, out[0].reason) == (url, "extract_failed")
    assert out[0].detail == "RecursionError: maximum recursion depth exceeded"
    assert crawler.stats.get_value("crawl/extract_failed") == 1
