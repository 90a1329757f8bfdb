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


def wrong(case: dict[str, Any], article: Any) -> list[tuple[str, str]]:
    """What an article (title, authors, published, lede, body) gets wrong of the case's truth:
    (check, what came out) for each field missed and each text the body lacks or holds
    against the truth."""
    body = normalize_space(article.body or "")
    found = []
    if article.title != case["title"]:
        found.append(("title", repr(article.title)))
    if case.get("authors") is not None and article.authors != case["authors"]:
        found.append(("authors", repr(article.authors)))
    if case["published"] and (article.published or "")[:10] != case["published"]:
        found.append(("published", repr(article.published)))
    # The standfirst, where a page's truth names it (null: the page shows none) and the
    # extractor keeps one apart (trafilatura has no such field).
    kept = normalize_space(getattr(article, "lede", None) or "")
    if "lede" in case and hasattr(article, "lede") and kept != normalize_space(case["lede"] or ""):
        found.append(("lede", repr(article.lede)))
    # null: no claim (a wiki's infobox and references, main text to some, not to others)
    if case["body_starts"] and not body.startswith(normalize_space(case["body_starts"])):
        found.append(("body starts", repr(body[:60])))
    if case["body_ends"] and not body.endswith(normalize_space(case["body_ends"])):
        found.append(("body ends", repr(body[-60:])))
    found += [
        ("body lacks", repr(t)) for t in case["body_contains"] if normalize_space(t) not in body
    ]
    found += [("body holds", repr(t)) for t in case["must_not"] if normalize_space(t) in body]
    return found
