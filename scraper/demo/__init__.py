"""A generated, seeded copy of the target site and a loopback server for it (demo, tests, bench).

`build_site()` lives in `site.py`, `serve()` in `server.py`.
"""

from __future__ import annotations

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
