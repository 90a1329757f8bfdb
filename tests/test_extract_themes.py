"""One post as popular WordPress and Ghost themes render it (tests/fixtures/themes/README.md):
the generic extractor must find its title, authors, date and body on every theme."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from scraper.extract.page import extract

THEMES = Path(__file__).parent / "fixtures" / "themes"
CASES: list[dict[str, Any]] = json.loads((THEMES / "manifest.json").read_text(encoding="utf-8"))
# Massively names a co-author only in an author box after the post ("Author" over the name
# over the bio, all one link): Ghost's JSON-LD names the primary author alone, and so do we.
CO_AUTHORS_AFTER_THE_POST = {"ghost-massively-2authors.html.gz"}


@pytest.fixture(scope="module")
def articles() -> dict[str, Any]:
    return {
        case["file"]: extract(gzip.decompress((THEMES / case["file"]).read_bytes()), case["url"])
        for case in CASES
    }


# London sets the custom excerpt above the picture in an <article> classed "post-content": the
# whole <article> scores as the story's container, and the excerpt opens the body.
EXCERPT_IN_THE_BODY = {"ghost-london.html.gz", "ghost-london-2authors.html.gz"}


def _known_miss(case: dict[str, Any], misses: set[str], reason: str) -> Any:
    mark = pytest.mark.xfail(case["file"] in misses, reason=reason, strict=True)
    return pytest.param(case, marks=mark, id=case["file"].removesuffix(".html.gz"))


@pytest.mark.parametrize(
    "case", [_known_miss(c, EXCERPT_IN_THE_BODY, "standfirst in the body") for c in CASES]
)
def test_title_date_and_body_on_every_theme(case: dict[str, Any], articles: dict) -> None:
    article = articles[case["file"]]
    assert article.title == case["title"]
    if case["published"]:  # null: the page shows its modified day only
        assert (article.published or "")[:10] == case["published"]
    assert article.body.startswith(case["body_starts"])
    assert article.body.endswith(case["body_ends"])


@pytest.mark.parametrize(
    "case", [_known_miss(c, CO_AUTHORS_AFTER_THE_POST, "co-author after the post") for c in CASES]
)
def test_the_authors_the_page_shows_on_every_theme(case: dict[str, Any], articles: dict) -> None:
    assert articles[case["file"]].authors == case["authors"]
