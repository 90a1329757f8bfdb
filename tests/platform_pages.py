"""The platform pages (tests/fixtures/platforms): their truth, and what an extraction gets
wrong of it. Shared by tests/test_extract_platforms.py and bench/robustness.py."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from scraper.extract.text import normalize_space

PLATFORMS = Path(__file__).parent / "fixtures" / "platforms"
CASES: list[dict[str, Any]] = [
    json.loads(path.read_text(encoding="utf-8")) for path in sorted(PLATFORMS.glob("*.json"))
]


def page(case: dict[str, Any]) -> bytes:
    return gzip.decompress((PLATFORMS / case["file"]).read_bytes())


def wrong(case: dict[str, Any], article: Any) -> list[str]:
    """What an article (title, authors, published, body) gets wrong of the case's truth: the
    fields, and the texts its body lacks or holds against it."""
    body = normalize_space(article.body or "")
    found = []
    if article.title != case["title"]:
        found.append(f"title {article.title!r}")
    if case.get("authors") is not None and article.authors != case["authors"]:
        found.append(f"authors {article.authors!r}")
    if case["published"] and (article.published or "")[:10] != case["published"]:
        found.append(f"published {article.published!r}")
    if not body.startswith(normalize_space(case["body_starts"])):
        found.append(f"body starts {body[:60]!r}")
    if not body.endswith(normalize_space(case["body_ends"])):
        found.append(f"body ends {body[-60:]!r}")
    found += [f"body lacks {t!r}" for t in case["body_contains"] if normalize_space(t) not in body]
    found += [f"body holds {t!r}" for t in case["must_not"] if normalize_space(t) in body]
    return found
