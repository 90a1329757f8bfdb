"""One outbound policy for every fetcher: the site's hosts and ports, never a private address
for a public site. A second loopback address, 127.0.0.2, stands in for the forbidden target
(a metadata service, a router): the tests check it is never asked for anything."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from twisted.internet.error import DNSLookupError

from scraper.crawl.fetch import Fetcher, FetchError
from scraper.crawl.outbound import OutboundPolicy, Refused, forbidden_address
from scraper.crawl.outbound_guard import PublicAddressResolver
from scraper.tools.demo.model import DemoSite, Route
from scraper.tools.demo.server import serve

PUBLIC = OutboundPolicy.for_site(
    "https://news.example.org/", ("news.example.org", "www.news.example.org")
)
LOCAL = OutboundPolicy.for_site("http://127.0.0.1:8000/")
HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = ["-s", "DOWNLOAD_DELAY=0.002", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]


@pytest.mark.parametrize(
    ("policy", "url", "reason"),
    [
        (PUBLIC, "https://news.example.org/a", None),
        (PUBLIC, "HTTP://NEWS.Example.ORG/a", None),  # scheme and host are case-insensitive
        (PUBLIC, "http://www.news.example.org:443/a", None),
        (PUBLIC, "https://news.example.org:8443/a", "port"),
        (PUBLIC, "https://other.example.org/a", "host"),
        (PUBLIC, "ftp://news.example.org/a", "scheme"),
        (PUBLIC, "file:///etc/passwd", "scheme"),
        (PUBLIC, "http://[::1/x", "scheme"),
        (LOCAL, "http://127.0.0.1:8000/a", None),
        (LOCAL, "http://127.0.0.1:9000/a", "port"),
        (LOCAL, "http://127.0.0.2:8000/a", "host"),
        (LOCAL, "http://169.254.169.254/latest/meta-data/", "host"),
        (LOCAL, "http://localhost:8000/a", "host"),
    ],
)
def test_policy(policy: OutboundPolicy, url: str, reason: str | None) -> None:
    if reason is None:
        policy.check(url)
        return
    with pytest.raises(Refused) as refused:
        policy.check(url)
    assert refused.value.reason == reason


def test_a_public_site_declared_by_address_must_be_a_public_address() -> None:
    OutboundPolicy.for_site("http://93.184.215.14/").check("http://93.184.215.14/a")
    metadata = OutboundPolicy(frozenset({"169.254.169.254"}), frozenset({80}), local=False)
    with pytest.raises(Refused, match="not a public address"):
        metadata.check("http://169.254.169.254/latest/meta-data/")


@pytest.mark.parametrize(
    ("address", "forbidden"),
    [
        ("93.184.215.14", False),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", False),
        ("127.0.0.2", True),
        ("10.1.2.3", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("0.0.0.0", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("::ffff:127.0.0.1", True),
        ("not an address", True),
    ],
)
def test_forbidden_addresses(address: str, forbidden: bool) -> None:
    assert forbidden_address(address) is forbidden


def test_the_crawl_resolver_refuses_a_public_name_resolving_to_a_private_address() -> None:
    with pytest.raises(DNSLookupError, match="not a public address"):
        PublicAddressResolver._public_only("127.0.0.2", "news.example.org")
    assert PublicAddressResolver._public_only("93.184.215.14", "news.example.org")


def _site(body: bytes, extra: dict[str, Route] | None = None) -> DemoSite:
    routes = {"/": Route(200, HTML, body), "/robots.txt": Route(200, {}, b"User-agent: *\n")}
    return DemoSite(
        routes={**routes, **(extra or {})}, articles=[], teasers=[], robots_disallowed=[]
    )


@pytest.fixture
def forbidden() -> Iterator:
    """A server on 127.0.0.2 that must never be asked for anything."""
    with serve(_site(b"<html><body><p>secret</p></body></html>"), host="127.0.0.2") as base_url:
        yield base_url


def test_suggest_follows_no_redirect_to_another_host(forbidden) -> None:
    hop = Route(302, location=str(forbidden) + "latest/meta-data/")
    refused = pytest.raises(FetchError, match="127.0.0.2 is not this site's")
    with serve(_site(b"<html><body>home</body></html>", {"/hop": hop})) as base_url, refused:
        Fetcher(delay=0)(str(base_url) + "hop")
    assert forbidden.server.hits == []


def test_suggest_follows_no_robots_txt_redirect_to_another_host(forbidden) -> None:
    robots = Route(301, location=str(forbidden) + "robots.txt")
    refused = pytest.raises(FetchError, match="127.0.0.2 is not this site's")
    with (
        serve(_site(b"<html><body>home</body></html>", {"/robots.txt": robots})) as base_url,
        refused,
    ):
        Fetcher(delay=0)(str(base_url))
    assert forbidden.server.hits == []


def _scraper_resolving(name: str, *args: str, timeout: float) -> subprocess.CompletedProcess:
    """`scraper ARGS` in a process where `name` resolves to 127.0.0.2 (a stand-in for DNS
    pointing a public name at a private address)."""
    code = (
        "import socket, sys\n"
        "getaddrinfo, gethostbyname = socket.getaddrinfo, socket.gethostbyname\n"
        f"def fake(host): return '127.0.0.2' if host == {name!r} else host\n"
        "socket.getaddrinfo = lambda host, *a, **k: getaddrinfo(fake(host), *a, **k)\n"
        "socket.gethostbyname = lambda host: gethostbyname(fake(host))\n"
        f"sys.argv = ['scraper', *{list(args)!r}]\n"
        "from scraper.cli import main\n"
        "main()\n"
    )
    command = [sys.executable, "-c", code]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


# A public name is refused when it resolves to 127.0.0.2; a local one (the user's own copy,
# `.test`) is not, which shows the fake resolution reaches the server.
RESOLVED = pytest.mark.parametrize(
    ("name", "reached"), [("news.example.org", False), ("news.test", True)]
)


@RESOLVED
def test_suggest_checks_the_address_it_connects_to(forbidden, name: str, reached: bool) -> None:
    url = f"http://{name}:{forbidden.server.url.rsplit(':', 1)[1]}"
    result = _scraper_resolving(name, "profile", "suggest", url, timeout=60)
    assert result.returncode == 1
    assert bool(forbidden.server.hits) is reached, result.stderr
    if not reached:
        assert "resolves to 127.0.0.2, not a public address" in result.stderr


@RESOLVED
def test_the_crawl_checks_the_address_it_connects_to(
    forbidden, tmp_path: Path, name: str, reached: bool
) -> None:
    url = f"http://{name}:{forbidden.server.url.rsplit(':', 1)[1]}"
    db = str(tmp_path / "f.db")
    result = _scraper_resolving(name, "crawl", "--url", url, "--db", db, *FAST, timeout=120)
    assert bool(forbidden.server.hits) is reached, result.stderr[-2000:]
    if not reached:
        assert result.returncode == 4
        assert f"refused {name}: it resolves to 127.0.0.2" in result.stderr


def test_the_crawl_follows_no_link_or_redirect_to_another_host_or_port(
    forbidden, tmp_path: Path
) -> None:
    """Links and redirects to 127.0.0.2 (another host) and to the site's own host on another
    port: nothing fetched there, each URL given up on is a reject."""
    with serve(_site(b"")) as other_port:
        site = _site(b"")
        with serve(site) as base_url:
            path = "2025/03/01/un-article/"
            links = [f"{forbidden}{path}", f"{other_port}{path}", "/hop-away/", "/hop-port/"]
            cards = "".join(f'<h2><a href="{link}">Un article</a></h2>' for link in links)
            home = f'<html><body class="home-template">{cards}</body></html>'
            site.routes["/"] = Route(200, HTML, home.encode())
            site.routes["/hop-away/"] = Route(302, location=f"{forbidden}{path}2/")
            site.routes["/hop-port/"] = Route(302, location=f"{other_port}{path}2/")
            db = tmp_path / "h.db"
            command = ["crawl", "--url", str(base_url), "--db", str(db), *FAST]
            result = subprocess.run(
                [sys.executable, "-m", "scraper", *command, "-s", "ROBOTSTXT_OBEY=False"],
                capture_output=True,
                text=True,
                timeout=120,
            )
    assert forbidden.server.hits == [] and other_port.server.hits == [], result.stderr[-2000:]
    con = sqlite3.connect(db)
    rejects = dict(con.execute("select reason, count(*) from rejects group by reason").fetchall())
    con.close()
    assert rejects == {"redirect_offsite": 1, "refused": 2}  # the other port: link and hop
    assert "redirect offsite on" in result.stderr and "port" in result.stderr
