"""End to end: the real `scraper crawl` process, the real Scrapy engine and a real SQLite file,
against a generated copy of the Courrier (both eras, every trap) served on 127.0.0.1."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from scrapy.utils.test import get_crawler

from scraper.profiles import get_profile
from scraper.tools.demo import crawl_command
from scraper.tools.demo.model import DemoSite, Failure, Route
from scraper.tools.demo.score import Score, score_archive
from scraper.tools.demo.server import RESET, serve
from scraper.tools.demo.site import build_site
from spiders.site import spider_for

N_ARTICLES = 60
# Fast but still one request at a time: the profile's politeness with a token delay.
# (A delay of exactly 0 lets Scrapy 2.19 start a burst of requests in one slot at once.)
FAST = ["-s", "DOWNLOAD_DELAY=0.002", "-s", "AUTOTHROTTLE_ENABLED=False"]


def run_crawl(
    base_url: str, db: Path, *args: str, timeout: float = 180
) -> subprocess.CompletedProcess:
    """`python -m scraper crawl courrier --base-url …` as a user or cron would run it."""
    command = crawl_command(base_url, db, *FAST, *args)
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def run_generic(base_url: str, db: Path) -> subprocess.CompletedProcess:
    """`python -m scraper crawl --url …`: a site no profile describes."""
    command = [sys.executable, "-m", "scraper", "crawl", "--url", str(base_url), "--db", str(db)]
    return subprocess.run(
        [*command, "--quiet", *FAST], capture_output=True, text=True, timeout=180, check=False
    )


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@dataclass
class Crawled:
    site: DemoSite
    base_url: str
    port: int
    db: Path
    first: subprocess.CompletedProcess
    first_hits: list
    second: subprocess.CompletedProcess
    second_hits: list
    score: Score
    max_concurrent: int


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    """One full crawl and an immediate re-crawl of the same site, shared by the tests below."""
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    site = build_site(N_ARTICLES, seed=3)
    with serve(site) as base_url:
        server = base_url.server
        first = run_crawl(base_url, db)
        first_hits = list(server.hits)
        score = score_archive(db, site)
        server.hits.clear()
        second = run_crawl(base_url, db)
        second_hits = list(server.hits)
        port = int(base_url.rstrip("/").rsplit(":", 1)[1])
        crawled = Crawled(
            site,
            str(base_url),
            port,
            db,
            first,
            first_hits,
            second,
            second_hits,
            score,
            server.max_concurrent,
        )
    yield crawled  # the server is closed: later tests may serve on the same port


def test_crawl_exits_zero_and_records_itself(crawled: Crawled) -> None:
    assert crawled.first.returncode == 0, crawled.first.stderr[-3000:]
    assert crawled.first.stderr == ""  # --quiet: nothing unless it fails
    rows = query(
        crawled.db, "select status, exit_code, pages, articles_new, errors from crawls order by id"
    )
    assert rows[0][0:2] == ("finished", 0)
    assert rows[0][2] >= 0.95 * len(crawled.first_hits)
    assert rows[0][3] == N_ARTICLES
    assert rows[0][4] == 0


def test_one_row_per_article_and_nothing_else(crawled: Crawled) -> None:
    score = crawled.score
    assert score.found == score.articles == N_ARTICLES, score.mismatches.get("missing")
    assert score.rows == N_ARTICLES
    assert score.duplicated == 0
    assert score.extra_rows == []


@pytest.mark.parametrize(
    ("field", "floor"),
    [
        ("title", 0.99),
        ("published", 0.99),
        ("authors", 0.97),
        ("tags", 0.97),
        ("members_only", 1.0),
        ("lede", 0.95),
    ],
)
def test_fields_are_exact(crawled: Crawled, field: str, floor: float) -> None:
    assert crawled.score.rate(field) >= floor, crawled.score.mismatches.get(field, [])[:5]


def test_bodies_and_teasers(crawled: Crawled) -> None:
    score = crawled.score
    assert score.body_f1 >= 0.98, score.mismatches.get("body", [])[:5]
    assert score.teasers_found >= 0.98 * score.teasers, score.mismatches.get("teaser_missing", [])[
        :5
    ]
    assert score.teaser_excerpts_exact >= 0.95 * score.teasers, score.mismatches.get(
        "teaser_excerpt", []
    )[:5]


def test_every_url_of_an_article_is_an_alias(crawled: Crawled) -> None:
    aliases = {url for (url,) in query(crawled.db, "select url from aliases")}
    paths = {url.split(crawled.base_url.rstrip("/"), 1)[-1] for url in aliases}
    redirecting = [
        a
        for t in crawled.site.articles
        for a in t.aliases
        if any(h.path == a for h in crawled.first_hits)
    ]
    assert redirecting, "the crawl met no alias URL: the fixture lost its traps"
    missing = [a for a in redirecting if a.split("?")[0] not in paths and a not in paths]
    assert not missing


def test_robots_txt_is_obeyed(crawled: Crawled) -> None:
    fetched = {h.path.split("?")[0] for h in crawled.first_hits + crawled.second_hits}
    assert crawled.site.robots_disallowed
    for path in crawled.site.robots_disallowed:
        assert not any(p.startswith(path) for p in fetched), path


def test_robots_txt_is_asked_once_per_run(crawled: Crawled) -> None:
    """Obeyed and read for its Sitemap: lines, from one fetch."""
    for hits in (crawled.first_hits, crawled.second_hits):
        assert [h.path for h in hits].count("/robots.txt") == 1


def test_one_request_at_a_time(crawled: Crawled) -> None:
    assert crawled.max_concurrent == 1


def test_a_failing_listing_is_retried(crawled: Crawled) -> None:
    for path in crawled.site.failures:
        statuses = [h.status for h in crawled.first_hits if h.path == path]
        assert statuses[:2] == [503, 200], (path, statuses)


def test_second_run_is_incremental(crawled: Crawled) -> None:
    """A re-crawl downloads little: articles no sitemap or feed dates are only re-checked
    with a conditional GET, which the unchanged site answers 304 (no body, no parse)."""
    assert crawled.second.returncode == 0, crawled.second.stderr[-3000:]
    downloads = [h for h in crawled.second_hits if h.status != 304]
    assert len(downloads) < 0.25 * len(crawled.first_hits)
    rechecks = [h for h in crawled.second_hits if "If-None-Match" in h.headers]
    assert rechecks and all(h.status == 304 for h in rechecks)
    rows = query(
        crawled.db, "select articles_new, articles_updated, teasers from crawls order by id"
    )
    assert rows[1][0:2] == (0, 0)
    assert rows[1][2] > 0  # front pages were read again: new teaser sightings
    assert query(crawled.db, "select count(*) from articles") == [(N_ARTICLES,)]
    canonical = {t.canonical_path for t in crawled.site.articles}
    refetched = [h.path for h in downloads if h.path in canonical]
    assert len(refetched) <= 0.1 * N_ARTICLES


def test_a_copy_served_again_at_another_port_is_recrawled_there(
    crawled: Crawled, tmp_path: Path
) -> None:
    """The archive keeps the copy's URLs with the port it was served at. A re-crawl of the
    same copy served at another port re-checks its archived articles there: the outbound
    guard refuses other ports, and re-checks sent to the old one failed the run."""
    db = tmp_path / "archive.db"
    with sqlite3.connect(crawled.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    articles = query(db, "select count(*) from articles")
    with serve(crawled.site) as base_url:
        result = run_crawl(base_url, db)
        hits = list(base_url.server.hits)
    assert not str(base_url).endswith(f":{crawled.port}/")
    assert result.returncode == 0, result.stderr[-3000:]
    assert [h for h in hits if "If-None-Match" in h.headers]  # the re-checks reached it
    assert query(db, "select count(*) from articles") == articles


@pytest.mark.parametrize(
    ("base_url", "recorded", "asked"),
    [
        # The copy served again at another port: its paths, at this run's port.
        ("http://127.0.0.1:8000/", "http://127.0.0.1:4000/a/", "http://127.0.0.1:8000/a/"),
        # The live site: a URL on its other host is asked as recorded (it redirects, and a
        # re-check's conditional headers are not lost to a redirect of our making).
        (None, "https://lecourrierdesstrateges.fr/a/", "https://lecourrierdesstrateges.fr/a/"),
    ],
)  # fmt: skip
def test_a_recorded_url_is_asked_at_the_port_of_this_run(
    base_url: str | None, recorded: str, asked: str
) -> None:
    spider_class = spider_for(get_profile("courrier"))
    spider: Any = spider_class.from_crawler(
        get_crawler(spider_class, {"ARCHIVE_PATH": ""}), base_url=base_url
    )
    assert spider._recorded(recorded) == asked


def test_a_day_later_only_new_and_changed_articles_are_fetched(
    crawled: Crawled, tmp_path: Path
) -> None:
    """The next edition of the site: three new posts, six edited ones (one retitled) whose
    sitemap dates moved forward. Every edit is fetched and versioned, nothing duplicated."""
    later = build_site(N_ARTICLES, seed=3, revision=2)
    before = {t.canonical_path: t for t in crawled.site.articles}
    after = {t.canonical_path: t for t in later.articles}
    new = set(after) - set(before)
    edited = {p for p in before if before[p] != after[p]}
    assert new and len(edited) == 6
    with serve(later, port=crawled.port) as base_url:
        result = run_crawl(base_url, crawled.db)
        hits = list(base_url.server.hits)
    assert result.returncode == 0, result.stderr[-3000:]
    fetched = {h.path for h in hits if h.status == 200}
    assert new <= fetched and edited <= fetched
    row = query(
        crawled.db, "select articles_new, articles_updated from crawls order by id desc limit 1"
    )
    assert row == [(len(new), len(edited))]
    assert query(crawled.db, "select count(*) from articles") == [(len(later.articles),)]
    # Each edited article's first version is kept, with the text it had then.
    versions = query(
        crawled.db,
        "select v.url, v.title, v.body, a.title, a.body from article_versions v"
        " join articles a using (url)",
    )
    assert {urlsplit(url).path for url, *_ in versions} == edited
    for url, old_title, old_body, new_title, new_body in versions:
        path = urlsplit(url).path
        assert (old_body, new_body) == (before[path].body, after[path].body)
        assert (old_title, new_title) == (before[path].title, after[path].title)


def test_full_text_search_finds_an_article(crawled: Crawled) -> None:
    truth = crawled.site.articles[0]
    word = max(truth.title.split(), key=len)
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "search", word, "--db", str(crawled.db), "--nl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(hit["title"] == truth.title for hit in hits)


def test_max_articles_bounds_the_run(tmp_path: Path) -> None:
    site = build_site(20, seed=4)
    with serve(site) as base_url:
        result = run_crawl(base_url, tmp_path / "a.db", "--max-articles", "5")
    assert result.returncode == 0, result.stderr[-3000:]
    assert query(tmp_path / "a.db", "select count(*) from articles") == [(5,)]


def test_since_keeps_only_recent_articles(tmp_path: Path) -> None:
    site = build_site(20, seed=4)
    since = "2025-06-01"
    with serve(site) as base_url:
        result = run_crawl(base_url, tmp_path / "s.db", "--since", since)
    assert result.returncode == 0, result.stderr[-3000:]
    dates = [d for (d,) in query(tmp_path / "s.db", "select published from articles")]
    expected = [t for t in site.articles if t.published[:10] >= since]
    assert len(dates) == len(expected)
    assert all(d[:10] >= since for d in dates)


def test_unreachable_site_fails_loudly(tmp_path: Path) -> None:
    with serve(build_site(5)) as base_url:
        dead = str(base_url)  # the server is gone once the block ends
    result = run_crawl(dead, tmp_path / "d.db", "-s", "RETRY_TIMES=0")
    assert result.returncode == 4
    assert result.stderr.startswith("scraper: crawl failed: nothing answers at 127.0.0.1:")
    status = query(tmp_path / "d.db", "select status, exit_code from crawls")
    assert status == [("failed", 4)]


def test_a_site_that_blocks_the_crawler_fails_loudly(tmp_path: Path) -> None:
    """Every answer a 403 (a bot wall): no article, and cron must hear of it."""
    site = build_site(5)
    refusal = Route(403, {"Content-Type": "text/html"}, b"<html><body>Forbidden</body></html>")
    site.routes.update({path: refusal for path in site.routes})
    with serve(site) as base_url:
        result = run_crawl(base_url, tmp_path / "b.db")
    assert result.returncode == 4
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("scraper: crawl failed: fetched nothing usable: every answer an HTTP")
    assert query(tmp_path / "b.db", "select status, exit_code from crawls") == [("failed", 4)]


def test_a_crawl_whose_extraction_fails_on_most_articles_fails_loudly(tmp_path: Path) -> None:
    """The site changed its markup: pages come back, but no story text is found in them."""
    site = build_site(8)
    for truth in site.articles:
        page = site.routes[truth.canonical_path]
        emptied = re.sub(rb"<p[ >].*?</p>", b"", page.body, flags=re.DOTALL)
        site.routes[truth.canonical_path] = replace(page, body=emptied)
    with serve(site) as base_url:
        result = run_crawl(base_url, tmp_path / "x.db")
    assert result.returncode == 3, result.stderr[-2000:]
    assert "extraction failing" in result.stderr.strip().splitlines()[-1]
    assert (
        query(tmp_path / "x.db", "select count(*) from rejects where reason = 'no_body'")[0][0] >= 3
    )


def test_a_local_copy_is_crawled_without_a_second_between_requests(tmp_path: Path) -> None:
    """No -s options: the Courrier profile asks a second between requests, which a copy on
    127.0.0.1 (the user's own server) does not need."""
    site = build_site(5, seed=4)
    with serve(site) as base_url:
        command = crawl_command(base_url, tmp_path / "l.db")
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
        hits = list(base_url.server.hits)
        in_flight = base_url.server.max_concurrent
    assert result.returncode == 0, result.stderr[-2000:]
    gaps = sorted(later.time - earlier.time for earlier, later in zip(hits, hits[1:], strict=False))
    assert len(hits) > 20 and gaps[len(gaps) // 2] < 0.3  # a second apart otherwise
    assert in_flight == 1  # still one request at a time


def test_plain_scrapy_commands_work_from_the_repository(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    listed = subprocess.run(
        ["scrapy", "list"], cwd=root, capture_output=True, text=True, check=False
    )
    assert listed.stdout.split() == ["courrier", "generic"]
    db = tmp_path / "scrapy.db"
    with serve(build_site(10, seed=5)) as base_url:
        result = subprocess.run(
            [
                "scrapy",
                "crawl",
                "courrier",
                "-a",
                f"base_url={base_url}",
                "-s",
                f"ARCHIVE_PATH={db}",
                "-s",
                "LOG_LEVEL=ERROR",
                *FAST,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert query(db, "select count(*) from articles") == [(10,)]


def test_retry_after_pauses_the_host_slows_it_down_and_recovers(tmp_path: Path) -> None:
    """A 429 with Retry-After on a local copy crawled at full pace: the request is retried
    after the wait, no other request reaches the host meanwhile (but one already sent), the
    next one comes later than the copy's pace (0.01 s), and the delay is back at that pace a
    few successes later."""
    with serve(build_site(5, seed=6)) as base_url:
        base_url.server.fail("/", 429, retry_after=2)
        command = crawl_command(base_url, tmp_path / "r.db", "--max-articles", "2")
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
        hits = list(base_url.server.hits)
        home = base_url.server.hits_for("/")
    assert result.returncode == 0, result.stderr[-2000:]
    assert [h.status for h in home][:2] == [429, 200]
    assert home[1].time - home[0].time >= 2.0
    after = [h.time for h in hits if h.time > home[0].time]
    assert after[1] - home[0].time >= 2.0
    assert after[2] - after[1] >= 0.06  # 0.25 s raised, halved by one success, ±50% jitter
    stats = json.loads(query(tmp_path / "r.db", "select stats from crawls")[0][0])
    assert stats["backoff/delay_max"] == 0.25 and stats["backoff/recovered"] == 1


def test_transient_503s_cost_seconds_not_the_crawl(tmp_path: Path) -> None:
    """A server that answers a tenth of its URLs once with 503 + Retry-After: 1, or drops
    the connection: every article is archived, each 503 is retried after its second (the
    others go on meanwhile), and the pace recovers instead of creeping to a halt."""
    site = build_site(30, seed=8)
    faults = (Failure(503, 1), Failure(RESET))
    with serve(site, flaky=0.1, faults=faults, seed=2) as base_url:
        started = time.monotonic()
        result = run_crawl(base_url, tmp_path / "f.db")
        elapsed = time.monotonic() - started
        hits = list(base_url.server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    assert query(tmp_path / "f.db", "select count(*) from articles") == [(30,)]
    refused = [h for h in hits if h.status == 503]
    assert len(refused) >= 3
    for hit in refused:
        retry = next(h for h in hits if h.path == hit.path and h.time > hit.time)
        assert retry.time - hit.time >= 0.95
    assert elapsed < 60
    stats = json.loads(query(tmp_path / "f.db", "select stats from crawls")[0][0])
    assert stats["backoff/recovered"] >= 1


def test_a_host_that_keeps_refusing_is_given_up(tmp_path: Path) -> None:
    site = build_site(10, seed=8)
    with serve(site, flaky=1.0, faults=(Failure(429, 1),)) as base_url:
        result = run_crawl(base_url, tmp_path / "g.db", "-s", "BACKOFF_MAX_REFUSALS=3")
    assert result.returncode == 3, result.stderr[-2000:]
    (line,) = result.stderr.strip().splitlines()  # --quiet: one line, the log has the rest
    assert line.startswith("scraper: crawl failed: the site kept refusing: ")
    row = query(tmp_path / "g.db", "select status, finish_reason from crawls")
    assert row == [("failed", "site_refusing")]


def test_abnormal_error_rate_fails_the_run(tmp_path: Path) -> None:
    site = build_site(20, seed=6)
    with serve(site) as base_url:
        for truth in site.articles:
            base_url.server.fail(truth.canonical_path, 500, 500, 500, 500)
        result = run_crawl(base_url, tmp_path / "e.db", "-s", "RETRY_TIMES=0")
    assert result.returncode == 3, result.stderr[-2000:]
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("scraper: crawl failed: abnormal error rate")
    )
    assert query(tmp_path / "e.db", "select status, exit_code from crawls") == [("failed", 3)]


def test_sigterm_stops_gracefully_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with serve(build_site(40, seed=6), delay=0.1) as base_url:
        process = subprocess.Popen(
            crawl_command(base_url, db, *FAST),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(4)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 11, stderr[-2000:]
    assert "interrupted" in stderr.strip().splitlines()[-1]
    status, exit_code, new = query(db, "select status, exit_code, articles_new from crawls")[0]
    assert (status, exit_code) == ("interrupted", 11)
    assert query(db, "select count(*) from articles") == [(new,)]  # what was counted is stored


def test_a_local_copy_whose_home_page_fails_is_still_crawled_from_its_sitemaps(
    tmp_path: Path,
) -> None:
    site = build_site(20, seed=9, host_style="local")
    site.routes["/"] = Route(status=500, body=b"down")
    db = tmp_path / "home-down.db"
    with serve(site) as base_url:
        result = run_generic(base_url, db)
    assert query(db, "select count(*) from crawls") == [(1,)], result.stderr[-2000:]
    assert query(db, "select count(*) from articles") == [(20,)]  # sitemaps and feeds


def _crawl_recorded(db: Path) -> bool:
    """Whether a running crawl has written its crawls row (the file may still be empty)."""
    try:
        return db.exists() and query(db, "select count(*) from crawls") == [(1,)]
    except sqlite3.OperationalError:  # created, schema not yet committed
        return False


def test_a_killed_crawl_is_marked_and_reported_by_the_next_one(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with serve(build_site(20, seed=6), delay=0.1) as base_url:
        process = subprocess.Popen(crawl_command(base_url, db, *FAST), stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not _crawl_recorded(db):
            assert time.monotonic() < deadline, "the crawl never recorded itself"
            time.sleep(0.1)
        process.send_signal(signal.SIGKILL)  # no handler runs: the row stays 'running'
        process.wait(timeout=30)
        assert query(db, "select status from crawls") == [("running",)]
        second = run_crawl(base_url, db, "--max-articles", "1")
    assert second.returncode == 0, second.stderr[-2000:]
    assert "crawl 1 of courrier" in second.stderr and "was killed" in second.stderr
    assert query(db, "select id, status from crawls order by id") == [
        (1, "killed"),
        (2, "finished"),
    ]


def test_demo_archives_the_bundled_sample_offline(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "demo", "--articles", "8", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "serving a 8-article sample site at http://127.0.0.1:" in result.stderr
    # The sample's copy of an article under another address is said, not silently dropped.
    assert "finished: 8 new, 0 updated, 0 unchanged articles, 1 duplicate, " in result.stderr
    assert query(db, "select count(*) from articles") == [(8,)]
    assert "Spider opened" in (tmp_path / "demo.log").read_text()  # its log, beside it
    assert query(db, "select count(*) from teasers where article_url is not null")[0][0] > 0


@pytest.mark.parametrize(
    "host_style",
    [
        "local",  # links on the served origin only
        "real",  # a copy keeping the live site's absolute links: the copy's own pages
    ],
)
def test_generic_crawl_of_a_site_with_no_profile(tmp_path: Path, host_style: str) -> None:
    site = build_site(30, seed=9, host_style=host_style)
    db = tmp_path / "generic.db"
    with serve(site) as base_url:
        result = run_generic(base_url, db)
        asked = [hit.path for hit in base_url.server.hits]
    assert result.returncode == 0, result.stderr[-2000:]
    score = score_archive(db, site)
    assert score.found == score.articles == score.rows == 30, score.mismatches.get("missing")
    assert score.extra_rows == [] and score.duplicated == 0
    for field in ("title", "published", "authors", "lede", "tags", "members_only"):
        assert score.rate(field) == 1.0, (field, score.mismatches.get(field))
    assert score.body_f1 >= 0.98
    # robots.txt announces the sitemap and the home page its feed: the usual places the site
    # lacks are not guessed.
    assert [place for place in asked if place in GUESSED_PLACES and place not in site.routes] == []


# The generic profile's fallbacks: sitemaps and feeds asked only when the site announces none.
GUESSED_PLACES = [
    *("/sitemap_index.xml", "/wp-sitemap.xml", "/news-sitemap.xml", "/sitemap-news.xml"),
    *("/feed/", "/rss/", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml"),
]


def test_a_moved_robots_txt_is_followed_for_the_sitemaps_it_announces(tmp_path: Path) -> None:
    """robots.txt redirects to its new place, which announces a sitemap at no usual path: the
    sitemap is read there and no usual place the site lacks is guessed."""
    site = build_site(30, seed=9, host_style="local")
    rules = site.routes.pop("/robots.txt")
    site.routes["/robots.txt"] = Route(301, location="/static/robots.txt")
    moved = rules.body.replace(b"/sitemap.xml", b"/site-map.xml")
    site.routes["/static/robots.txt"] = replace(rules, body=moved)
    site.routes["/site-map.xml"] = site.routes.pop("/sitemap.xml")
    db = tmp_path / "moved.db"
    with serve(site) as base_url:
        result = run_generic(base_url, db)
        asked = [hit.path for hit in base_url.server.hits]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "/site-map.xml" in asked
    assert [place for place in asked if place in GUESSED_PLACES and place not in site.routes] == []
    score = score_archive(db, site)
    assert score.found == score.articles == score.rows == 30, score.mismatches.get("missing")


@pytest.mark.parametrize("robots", ["missing", "without sitemap"])
def test_a_site_announcing_no_sitemap_or_feed_is_found_at_the_usual_places(
    tmp_path: Path, robots: str
) -> None:
    """No sitemap in robots.txt (or none at all), no feed link on the home page, the sitemap
    index at Yoast's path: the usual places are asked, once each, and every article is
    archived."""
    site = build_site(30, seed=9, host_style="local")
    if robots == "missing":
        del site.routes["/robots.txt"]
    else:
        rules = site.routes["/robots.txt"]
        unannounced = re.sub(rb"Sitemap:[^\n]*\n", b"", rules.body)
        site.routes["/robots.txt"] = replace(rules, body=unannounced)
    site.routes["/sitemap_index.xml"] = site.routes.pop("/sitemap.xml")
    home = site.routes["/"]
    site.routes["/"] = replace(
        home, body=re.sub(rb"<link[^>]*rel=\"alternate\"[^>]*>", b"", home.body)
    )
    db = tmp_path / "unannounced.db"
    with serve(site) as base_url:
        result = run_generic(base_url, db)
        asked = [hit.path for hit in base_url.server.hits]
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted({place for place in asked if place in GUESSED_PLACES}) == sorted(GUESSED_PLACES)
    assert asked.count("/sitemap_index.xml") == 1
    score = score_archive(db, site)
    assert score.found == score.articles == score.rows == 30, score.mismatches.get("missing")


def test_a_suggested_profile_file_turns_a_generic_crawl_into_a_profiled_one(
    tmp_path: Path,
) -> None:
    """`scraper profile suggest URL -o NAME.toml`, then `scraper crawl NAME.toml`."""
    site = build_site(20, seed=11, host_style="local")
    draft, db = tmp_path / "mysite.toml", tmp_path / "mysite.db"
    with serve(site) as base_url:
        suggest = [sys.executable, "-m", "scraper", "profile", "suggest", str(base_url)]
        made = subprocess.run(
            [*suggest, "--pages", "3", "-o", str(draft)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert made.returncode == 0, made.stderr[-2000:]
        crawl = [sys.executable, "-m", "scraper", "crawl", str(draft), "--db", str(db), "--quiet"]
        result = subprocess.run([*crawl, *FAST], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    score = score_archive(db, site)
    assert score.found == score.rows == 20 and score.extra_rows == []
    assert query(db, "select distinct site from articles") == [("127-0-0-1",)]
    for field in ("title", "published", "authors", "lede", "tags"):
        assert score.rate(field) == 1.0, (field, score.mismatches.get(field))


@pytest.mark.parametrize(
    ("asked", "cap", "waited"),
    [
        ("0.1", "60", 0.1),  # honoured as asked, AutoThrottle on (it lowers delays otherwise)
        ("30", "0.1", 0.1),  # a delay past ROBOTSTXT_CRAWL_DELAY_MAX waits the cap
    ],
)
def test_robots_txt_crawl_delay_spaces_every_request(
    tmp_path: Path, asked: str, cap: str, waited: float
) -> None:
    site = build_site(5, seed=2)
    robots = site.routes["/robots.txt"]
    body = robots.body.replace(
        b"User-agent: *\n", f"User-agent: *\nCrawl-delay: {asked}\n".encode()
    )
    site.routes["/robots.txt"] = replace(robots, body=body)
    db = tmp_path / "archive.db"
    with serve(site) as base_url:
        result = run_crawl(
            base_url,
            db,
            *("-s", "AUTOTHROTTLE_ENABLED=True", "-s", "AUTOTHROTTLE_START_DELAY=0"),
            *("-s", f"ROBOTSTXT_CRAWL_DELAY_MAX={cap}"),
        )
        hits = list(base_url.server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    gaps = [later.time - earlier.time for earlier, later in zip(hits, hits[1:], strict=False)]
    assert len(hits) > 20 and min(gaps) >= 0.8 * waited
    ((stats,),) = query(db, "select stats from crawls")
    assert json.loads(stats)["robotstxt/crawl_delay/127.0.0.1"] == waited
