"""Crawls that end well on servers that misbehave and processes that are stopped: prompt
stops on signals whatever the Retry-After, resume without holes after kill -9, exact
--max-articles, and --since that prunes what it fetches. Real processes, real engine, real
SQLite file, a generated copy of the site on 127.0.0.1."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scraper.tools.demo import STARTUP_SECONDS, crawl_command, crawl_with_kills, kill_moments
from scraper.tools.demo.model import DemoSite, Failure
from scraper.tools.demo.server import serve
from scraper.tools.demo.site import build_site
from tests.test_crawl import FAST, query, run_crawl


@dataclass
class Clean:
    """One uninterrupted crawl of a 60-article copy: what the other runs are measured by."""

    site: DemoSite
    db: Path
    pages: int
    seconds: float


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Clean:
    site = build_site(60, seed=3)
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    with serve(site) as base:
        started = time.monotonic()
        result = run_crawl(base, db)
        seconds = time.monotonic() - started
        pages = len(base.server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    return Clean(site, db, pages, seconds)


def _stop(process: subprocess.Popen[str], *signals: signal.Signals) -> float:
    """Send `signals` back to back; seconds until the process has exited."""
    started = time.monotonic()
    for sent in signals:
        process.send_signal(sent)
    process.communicate(timeout=60)
    return time.monotonic() - started


def test_sigterm_ends_a_crawl_paused_by_a_long_retry_after(tmp_path: Path) -> None:
    """The host asked for Retry-After: 300 on some of its pages: SIGTERM still ends the
    crawl within seconds, with what was fetched stored and the run recorded."""
    db = tmp_path / "p.db"
    site = build_site(30, seed=6)
    with serve(site, flaky=0.2, faults=(Failure(429, 300), Failure(503, 300)), seed=3) as base:
        process = subprocess.Popen(
            crawl_command(base, db, *FAST), stderr=subprocess.PIPE, text=True
        )
        time.sleep(5)
        refused = [h for h in base.server.hits if h.status in (429, 503)]
        took = _stop(process, signal.SIGTERM)
    assert refused, "the crawl met no Retry-After before the signal"
    assert process.returncode == 11
    assert took <= 10
    status, exit_code, new = query(db, "select status, exit_code, articles_new from crawls")[0]
    assert (status, exit_code) == ("interrupted", 11)
    assert query(db, "select count(*) from articles") == [(new,)]


def test_a_second_signal_stops_at_once_and_still_stores(tmp_path: Path) -> None:
    """Two signals in a row (two kinds: the same one twice may arrive as one) while a slow
    page is in flight: the process ends at once, the buffered batch is written and the run
    is recorded as interrupted."""
    db = tmp_path / "s.db"
    with serve(build_site(30, seed=6), delay=0.5) as base:
        process = subprocess.Popen(
            crawl_command(base, db, *FAST, "-s", "ARCHIVE_FLUSH_SECONDS=600"),
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(6)
        took = _stop(process, signal.SIGTERM, signal.SIGINT)
    assert process.returncode == 11
    assert took < 5
    status, new, teasers, stats = query(
        db, "select status, articles_new, teasers, stats from crawls"
    )[0]
    assert status == "interrupted"
    assert json.loads(stats)["shutdown/forced"] == 1
    assert teasers > 0  # the batch still buffered when the second signal came
    assert query(db, "select count(*) from articles") == [(new,)]


def test_kill_9_at_random_moments_then_rerun_leaves_no_hole(clean: Clean, tmp_path: Path) -> None:
    """Killed three times at random moments of its work and re-run each time, the crawl ends
    with every article once, an intact file, the teaser history of a clean run, and not many
    more pages fetched than a clean run (a kill costs its last half second of work and a
    restart; bench/faults_bench.py kills a 300-article crawl six times)."""
    db = tmp_path / "k.db"
    rng = random.Random(9)
    kills = kill_moments(rng, 3, clean.seconds - STARTUP_SECONDS)
    with serve(clean.site) as base:
        final = crawl_with_kills(base, db, kills, *FAST)
        pages = len(base.server.hits)
    assert final.returncode == 0, final.stderr[-2000:]
    assert query(db, "pragma integrity_check") == [("ok",)]
    articles = query(db, "select count(*), count(distinct url) from articles")
    assert articles == [(len(clean.site.articles), len(clean.site.articles))]
    assert query(db, "select count(*) from crawls where status = 'running'") == [(0,)]
    expected, seen = _sightings(clean.db), _sightings(db)
    assert len(expected & seen) >= 0.99 * len(expected)
    assert pages <= 1.5 * clean.pages


def test_a_killed_crawl_resumes_on_a_copy_served_again_at_another_port(
    clean: Clean, tmp_path: Path
) -> None:
    """Killed halfway, the crawl is re-run against the same copy served at another port: the
    requests the killed run left queued are asked there (not at the old port, which the
    outbound guard refuses), and every article ends in the archive once."""
    db = tmp_path / "moved.db"
    with serve(clean.site) as first:
        process = subprocess.Popen(crawl_command(first, db, *FAST), text=True)
        deadline = time.monotonic() + 60
        while not _stored(db, len(clean.site.articles) // 3) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.kill()
        process.wait(timeout=30)
    assert query(db, "select count(*) from frontier")[0][0] > 0  # killed before its end
    with serve(clean.site) as second:
        result = run_crawl(second, db)
    assert result.returncode == 0, result.stderr[-2000:]
    paths = [urlsplit(url).path for (url,) in query(db, "select url from articles")]
    assert sorted(paths) == sorted(t.canonical_path for t in clean.site.articles)


def _stored(db: Path, articles: int) -> bool:
    """Whether a running crawl has stored `articles` articles yet (its file may be new)."""
    try:
        return db.exists() and query(db, "select count(*) from articles")[0][0] >= articles
    except sqlite3.OperationalError:  # created, schema not yet committed
        return False


def _sightings(db: Path) -> set[tuple[str, str, str]]:
    """(page, teaser target, kind) seen by any crawl of the archive, URLs as paths (each
    copy is served on its own port)."""
    rows = query(db, "select distinct source_url, url, kind from teasers")
    return {(urlsplit(page).path, urlsplit(url).path, kind) for page, url, kind in rows}


def test_max_articles_yields_exactly_that_many(clean: Clean, tmp_path: Path) -> None:
    """On a site with copies, redirects and members-only previews, N new articles exactly;
    a second run adds the next N."""
    db = tmp_path / "m.db"
    with serve(clean.site) as base:
        first = run_crawl(base, db, "--max-articles", "25")
        second = run_crawl(base, db, "--max-articles", "25")
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-2000:]
    assert query(db, "select articles_new, finish_reason from crawls order by id") == [
        (25, "max_articles"),
        (25, "max_articles"),
    ]
    assert query(db, "select count(*) from articles") == [(50,)]


def test_since_prunes_listings_and_sitemaps(clean: Clean, tmp_path: Path) -> None:
    """--since halfway through the archive: every article published since is archived and
    the crawl fetches far fewer pages than a full one."""
    dates = sorted(t.published[:10] for t in clean.site.articles)
    since = dates[len(dates) // 2]
    db = tmp_path / "since.db"
    with serve(clean.site) as base:
        result = run_crawl(base, db, "--since", since)
        pages = len(base.server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    kept = {p for (p,) in query(db, "select published from articles")}
    expected = [t for t in clean.site.articles if t.published[:10] >= since]
    assert len(kept) == len(expected) and all(p[:10] >= since for p in kept)
    assert pages <= 0.65 * clean.pages
