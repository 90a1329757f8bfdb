"""Crawl-operations benchmark: the README's command on a local copy, clean vs. a flaky server,
a `--since` crawl vs. a full one, and a crawl killed (-9) six times vs. a clean one.

Pairs of fresh `scraper crawl courrier --base-url … --quiet` runs (no -s options, as a user
types it) against one loopback copy: once on a server that answers every request, once on the
same copy whose server answers a share of its paths (first request only) with a transient
fault (default: 2%, `503` + `Retry-After: 1`). Targets (issue 9): every article archived, and
the flaky run at most 1.3x the clean one; a `--since` crawl halfway through the archive fetches
at most 65% of a full crawl's pages and misses no article published since then; killed at
six random moments and re-run each time, every article once, an intact file, >= 99% of a
clean run's teaser sightings, at most 1.5x its pages.

    python bench/faults_bench.py [--articles 300] [--flaky 0.02] [--repeat 3] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scraper.tools.demo import STARTUP_SECONDS, crawl_command, crawl_with_kills, kill_moments
from scraper.tools.demo.model import DemoSite
from scraper.tools.demo.server import serve
from scraper.tools.demo.site import build_site

ROOT = Path(__file__).resolve().parent.parent


def crawl(base_url: str, db: Path, *options: str) -> float:
    """Wall seconds of one quiet crawl (exits on failure)."""
    started = time.perf_counter()
    result = subprocess.run(
        crawl_command(base_url, db, *options), cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"crawl failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - started


def count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--flaky", type=float, default=0.02)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    site = build_site(args.articles, seed=args.seed)
    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.repeat):
            with serve(site) as base_url:
                clean = crawl(base_url, Path(tmp) / f"clean{run}.db")
                pages_clean = len(base_url.server.hits)
            with serve(site, flaky=args.flaky, seed=args.seed + run) as base_url:
                db = Path(tmp) / f"flaky{run}.db"
                flaky = crawl(base_url, db)
                faults = sum(1 for hit in base_url.server.hits if hit.status in (0, 429, 503))
            archived = count(db, "select count(*) from articles")
            ratios.append(flaky / clean)
            print(
                f"run {run}: clean {clean:.1f} s ({pages_clean} requests); flaky {flaky:.1f} s "
                f"({faults} faults answered), {archived}/{len(site.articles)} articles; "
                f"ratio {flaky / clean:.2f}x",
                flush=True,
            )
        print(f"median ratio flaky/clean: {statistics.median(ratios):.2f}x (target <= 1.3x)")
        dates = sorted(t.published[:10] for t in site.articles)
        since = dates[len(dates) // 2]
        with serve(site) as base_url:
            crawl(base_url, Path(tmp) / "full.db")
            full = len(base_url.server.hits)
            base_url.server.hits.clear()
            crawl(base_url, Path(tmp) / "since.db", "--since", since)
            pruned = len(base_url.server.hits)
        expected = sum(1 for d in dates if d >= since)
        kept = count(Path(tmp) / "since.db", "select count(*) from articles")
        print(
            f"--since {since}: {pruned} requests vs {full} for a full crawl "
            f"({pruned / full:.0%}, target <= 65%); {kept}/{expected} articles published since"
        )
        kills(site, Path(tmp), args.seed)


def kills(site: DemoSite, tmp: Path, seed: int) -> None:
    """Six kill -9 at random moments of each run, re-run each time, vs one clean crawl."""
    rng = random.Random(seed)
    with serve(site) as base_url:
        clean = crawl(base_url, tmp / "clean-kills.db")
        clean_pages = len(base_url.server.hits)
        base_url.server.hits.clear()
        moments = kill_moments(rng, 6, clean - STARTUP_SECONDS)
        final = crawl_with_kills(base_url, tmp / "killed.db", moments)
        pages = len(base_url.server.hits)
    if final.returncode != 0:
        sys.exit(f"the run after the kills failed: {final.stderr[-2000:]}")
    pairs = "select count(*) from (select distinct source_url, url, kind from teasers)"
    seen, expected = count(tmp / "killed.db", pairs), count(tmp / "clean-kills.db", pairs)
    rows = count(tmp / "killed.db", "select count(*) from articles")
    distinct = count(tmp / "killed.db", "select count(distinct url) from articles")
    print(
        f"kill -9 {', '.join(f'{m:.1f}' for m in moments)} s into successive runs: {rows} rows "
        f"({distinct} distinct) for {len(site.articles)} articles, teaser sightings "
        f"{seen}/{expected} ({seen / expected:.1%}, target >= 99%), {pages} requests vs "
        f"{clean_pages} clean ({pages / clean_pages:.2f}x, target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
