"""Hostile links and pages in a real crawl: one bad page or link never stops the rest.

A small hand-made site on 127.0.0.1: a home page linking to five articles; the hostile part
is added per test.
"""

from __future__ import annotations

import gzip
import http.server
import json
import random
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from scraper.items import Frontier, Reject
from scraper.profiles import generic_profile
from scraper.tools.demo.model import DemoSite, Route
from scraper.tools.demo.server import serve
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


def test_a_page_robots_txt_forbids_is_no_fault(tmp_path: Path) -> None:
    """A decision, not a failure: counted, neither a reject nor an error."""
    db = tmp_path / "r.db"
    site = small_site()
    site.routes["/robots.txt"] = Route(
        200, {}, f"User-agent: *\nDisallow: {ARTICLES[0]}\n".encode()
    )
    with serve(site) as base_url:
        result = crawl(str(base_url), db)
    assert result.returncode == 0 and "ERROR" not in result.stderr, result.stderr[-2000:]
    assert rows(db, "select count(*) from rejects") == [(0,)]
    stats = json.loads(rows(db, "select stats from crawls")[0][0])
    assert stats["crawl/ignored"] == 1 and "crawl/errors" not in stats
    assert len(rows(db, "select url from articles")) == len(ARTICLES) - 1


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

    monkeypatch.setattr("scraper.extract.response.extract_page", explode)
    url = "http://127.0.0.1:8000/2025/03/01/a/"
    response = HtmlResponse(url, body=article(1), request=Request(url))
    out = list(spider.parse_page(response))
    rejects = [o for o in out if isinstance(o, Reject)]
    assert len(rejects) == 1 and all(isinstance(o, Reject | Frontier) for o in out)
    assert (rejects[0].url, rejects[0].reason) == (url, "extract_failed")
    assert rejects[0].detail == "RecursionError: maximum recursion depth exceeded"
    assert crawler.stats.get_value("crawl/fault/extract_failed") == 1


class _Faulty(http.server.BaseHTTPRequestHandler):
    """A site whose pages fail in every way a server can: reset, stall, loop, flood, bomb."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        name = self.path.strip("/").rsplit("/", 1)[-1]
        if self.path == "/":
            links = "".join(f'<h2><a href="/2025/03/01/{n}/">{n}</a></h2>' for n in FAULTS)
            links += f'<h2><a href="{ARTICLES[0]}">ok</a></h2>'
            self._send(f'<html><body class="home-template">{links}</body></html>'.encode())
        elif self.path == ARTICLES[0]:
            self._send(article(1))
        elif name == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.rfile.close()  # the socket closes only once its files are closed
            self.wfile.close()
            self.connection.close()  # RST: the connection is reset, no answer
        elif name == "stall":
            time.sleep(3)
        elif name == "loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif name == "flood":
            self._send(b"<p>" + b"x" * 300_000)
        elif name == "bomb":
            self._send(gzip.compress(b" " * 5_000_000), {"Content-Encoding": "gzip"})
        elif name == "noise":
            self._send(random.Random(1).randbytes(100_000))
        else:
            self._send(b"", status=404)

    def _send(self, body: bytes, headers: dict[str, str] | None = None, status: int = 200) -> None:
        self.send_response(status)
        for key, value in {"Content-Type": "text/html", **(headers or {})}.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """The resets are on purpose."""


FAULTS = {
    "reset": ("reset", 2),
    "stall": ("timeout", 2),
    "loop": ("redirect_loop", None),
    "flood": ("size_cap", 1),
    "bomb": ("bomb", 1),
    "noise": ("binary", None),
}


def test_every_fault_leaves_a_reject_a_stats_key_and_an_error_line(tmp_path: Path) -> None:
    httpd = _QuietServer(("127.0.0.1", 0), _Faulty)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    db = tmp_path / "f.db"
    try:
        result = crawl(
            f"http://127.0.0.1:{httpd.server_address[1]}/",
            db,
            *("-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "REDIRECT_MAX_TIMES=3"),
            *("-s", "DOWNLOAD_MAXSIZE=200000", "-s", "DOWNLOAD_WARNSIZE=0"),
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
    got = {
        url.rstrip("/").rsplit("/", 1)[-1]: (reason, attempts, detail)
        for url, reason, attempts, detail in rows(
            db, "select url, reason, attempts, detail from rejects"
        )
    }
    assert {name: got[name][:2] for name in FAULTS} == FAULTS, got
    assert got["reset"][2].startswith("ConnectionLost: Connection to the other side was lost")
    assert got["stall"][2].startswith("DownloadTimeoutError: ")
    assert got["bomb"][2].startswith("_DecompressionMaxSizeExceeded: ")
    assert rows(db, "select count(*) from articles") == [(1,)]
    stats = json.loads(rows(db, "select stats from crawls")[0][0])
    assert {kind for kind, _ in FAULTS.values()} <= {
        key.rsplit("/", 1)[-1] for key in stats if key.startswith("crawl/fault/")
    }
    assert "Traceback" not in result.stderr  # --quiet: the log file has the details
    log = db.with_suffix(".log").read_text(encoding="utf-8")
    errors = [line for line in log.splitlines() if "ERROR" in line]
    for kind, _ in FAULTS.values():
        assert any(f"{kind.replace('_', ' ')} on http" in line for line in errors), (kind, errors)


def test_a_page_in_a_legacy_charset_declared_nowhere_is_read_in_it(tmp_path: Path) -> None:
    """Served as bare "text/html", no <meta> charset: Windows-1251 bytes were read as
    Windows-1252 and archived as mojibake ("Ïàðîì ñîâåðøèë")."""
    db = tmp_path / "c.db"
    site = small_site()
    prose = "Паром совершил свой последний рейс в субботу днём, за этим наблюдала группа жителей. "
    page = (
        "<html><head><title>Последний паром</title></head><body><article>"
        f"<h1>Последний паром</h1><p>{prose * 8}</p><p>{prose * 8}</p></article></body></html>"
    )
    site.routes[ARTICLES[0]] = Route(200, {"Content-Type": "text/html"}, page.encode("cp1251"))
    with serve(site) as base_url:
        result = crawl(str(base_url), db)
    assert result.returncode == 0, result.stderr[-2000:]
    [(title, body)] = rows(db, "select title, body from articles where title like 'Последний%'")
    assert title == "Последний паром" and body.startswith("Паром совершил свой последний рейс")
