"""A generated, seeded copy of the target site and a loopback server for it (demo, tests, bench).

`build_site()` lives in `site.py`, `serve()` in `server.py`.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path


def crawl_command(base_url: str, db: Path | str, *options: str) -> list[str]:
    """The command a user runs to archive a served copy quietly (`-s` options appended)."""
    return [
        sys.executable,
        "-m",
        "scraper",
        "crawl",
        "courrier",
        "--base-url",
        str(base_url),
        "--db",
        str(db),
        "--quiet",
        *options,
    ]


def crawl_with_kills(
    base_url: str, db: Path | str, kill_after: list[float], *options: str
) -> subprocess.CompletedProcess[str]:
    """Run `crawl_command` and SIGKILL it after each delay in `kill_after` (seconds from the
    start of that run), re-running the same command after each kill as cron would, until a
    run ends on its own; that run is returned (`returncode`, `stderr`)."""
    command = crawl_command(base_url, db, *options)
    for delay in [*kill_after, None]:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        try:
            _, stderr = process.communicate(timeout=delay)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            continue
        return subprocess.CompletedProcess(command, process.returncode, "", stderr)
    raise AssertionError("unreachable: the last run has no time limit")


# Seconds a crawl process takes to start before it fetches anything (imports, Scrapy).
STARTUP_SECONDS = 1.5


def kill_moments(rng: random.Random, kills: int, crawl_seconds: float) -> list[float]:
    """Delays for `crawl_with_kills` that kill a crawl at `kills` random moments of its work
    (drawn over a clean crawl's duration): each run is killed that far into its own work,
    after its start-up, so a resumed run is killed too, not left to finish."""
    moments = sorted(rng.uniform(0, crawl_seconds) for _ in range(kills))
    return [STARTUP_SECONDS + b - a for a, b in zip([0.0, *moments], moments, strict=False)]
