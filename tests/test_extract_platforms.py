"""One post as other platforms render it: static-site generators, Drupal, Joomla, Blogger,
docs themes, forum threads (tests/fixtures/platforms/README.md). The generic extractor must find
their headline, writer, day and main text, and leave their furniture out."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.extract.page import extract
from tests.platform_pages import CASES, page, wrong

MISSES = {
    "phpbb-prosilver.html.gz": "forum: the board's name in the h1, the replies left out",
    "sphinx-rtd.html.gz": "the Author/Date field list opens the body",
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=c["file"].removesuffix(".html.gz"),
            marks=pytest.mark.xfail(
                c["file"] in MISSES, reason=MISSES.get(c["file"], ""), strict=True
            ),
        )
        for c in CASES
    ],
)
def test_every_platform(case: dict[str, Any]) -> None:
    assert wrong(case, extract(page(case), case["url"])) == []
