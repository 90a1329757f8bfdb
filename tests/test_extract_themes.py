"""One post as popular WordPress and Ghost themes render it (tests/fixtures/themes/README.md):
the generic extractor must find its title, authors, date and body on every theme."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from scraper.extract.page import extract
from tests.translated_pages import LANGUAGES, SCRIPTS, renamed, renamed_authors, translated

THEMES = Path(__file__).parent / "fixtures" / "themes"
CASES: list[dict[str, Any]] = json.loads((THEMES / "manifest.json").read_text(encoding="utf-8"))
MODIFIED = "2023-04-02"  # the day the post was last modified, on every page
BODY_MISSES = {
    # London sets the custom excerpt above the picture in an <article> classed "post-content":
    # the whole <article> scores as the story's container, and the excerpt opens the body.
    "ghost-london.html.gz": "standfirst in the body",
    "ghost-london-2authors.html.gz": "standfirst in the body",
}


@cache
def _page(name: str) -> bytes:
    return gzip.decompress((THEMES / name).read_bytes())


@pytest.fixture(scope="module")
def articles() -> dict[str, Any]:
    return {case["file"]: extract(_page(case["file"]), case["url"]) for case in CASES}


def _known_misses(misses: dict[str, str]) -> list[Any]:
    """Every case, those in `misses` expected to fail (strictly: a fix must lift the mark)."""
    return [
        pytest.param(
            case,
            marks=pytest.mark.xfail(
                case["file"] in misses, reason=misses.get(case["file"], ""), strict=True
            ),
            id=case["file"].removesuffix(".html.gz"),
        )
        for case in CASES
    ]


@pytest.mark.parametrize("case", _known_misses(BODY_MISSES))
def test_title_date_and_body_on_every_theme(case: dict[str, Any], articles: dict) -> None:
    article = articles[case["file"]]
    assert article.title == case["title"]
    # null: the page shows the post's modified day only (JNews, Publisher), or no day of its
    # own at all (Twenty Twenty-Five: only its "More posts" list dates posts, others first).
    wanted = (case["published"],) if case["published"] else ("", MODIFIED)
    assert (article.published or "")[:10] in wanted
    assert article.body.startswith(case["body_starts"])
    assert article.body.endswith(case["body_ends"])


@pytest.mark.parametrize("case", _known_misses({}))
def test_the_authors_the_page_shows_on_every_theme(case: dict[str, Any], articles: dict) -> None:
    assert articles[case["file"]].authors == case["authors"]


# The author's name as a link to the author page: what the_author_posts_link() prints, and
# what Co-Authors Plus's coauthors_posts_links() prints for each writer, joined by " and ".
_AUTHOR_LINK = re.compile(
    r'<a [^>]*href="[^"]*/author/margaret-oconnell/"[^>]*>\s*(?:<(?!a\b|/a\b)[^>]+>\s*)*'
    r"Margaret O(?:&#039;|'|’|&#8217;)Connell\s*(?:</(?!a\b)[^>]+>\s*)*</a>"
)
_NAME = re.compile(r"Margaret O(?:&#039;|'|’|&#8217;)Connell")


def _with_co_author(match: re.Match[str]) -> str:
    link = match.group(0)
    twin = _NAME.sub("Tom Hughes", link.replace("margaret-oconnell", "tom-hughes"))
    return f"{link} and {twin}"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["file"].removesuffix(".html.gz"))
        for c in CASES
        if c["cms"] == "wordpress" and _AUTHOR_LINK.search(_page(c["file"]).decode())
    ],
)
def test_co_authors_plus_bylines_give_both_writers_in_order(case: dict[str, Any]) -> None:
    """Each of the theme's author links followed by a co-author's, as Co-Authors Plus prints
    them: the byline names both writers, even where an author box names the first alone."""
    page = _page(case["file"]).decode()
    article = extract(_AUTHOR_LINK.sub(_with_co_author, page), case["url"])
    assert article.authors == ["Margaret O'Connell", "Tom Hughes"]


def _wrong(case: dict[str, Any], article: Any) -> list[str]:
    """The fields of `article` that miss the case's truth, its known misses aside."""
    wanted_day = (case["published"],) if case["published"] else ("", MODIFIED)
    checks = {
        "title": article.title == case["title"],
        "authors": article.authors == case["authors"],
        "published": (article.published or "")[:10] in wanted_day,
        "body": (
            article.body.startswith(case["body_starts"])
            and article.body.endswith(case["body_ends"])
        )
        or case["file"] in BODY_MISSES,
    }
    return [field for field, right in checks.items() if not right]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_theme_translated(lang: str) -> None:
    """Sites in French, German, Spanish, Italian, Dutch, Portuguese, Japanese, Korean and
    Chinese serve the same themes with their strings translated ("Weitere Beiträge", "Bekijk
    alle berichten van X", "Kale von LyraThemes.com", "その他の投稿", "投稿者: X"): every page
    still gives its title, authors, day and body."""
    wrong = {}
    for case in CASES:
        article = extract(translated(_page(case["file"]), lang), case["url"])
        if fields := _wrong(case, article):
            wrong[case["file"]] = fields
    assert wrong == {}


# Baskerville shows the writer only in its author box's heading after the post, read
# page-wide where weak markup must look like a name: capitals tell one there.
_CASELESS_MISSES = {"wordpress-baskerville.html.gz"}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_writers_named_in_a_script_without_capitals(script: str) -> None:
    """The writers named in Korean, Japanese, Chinese or Arabic: a link to the author's page
    or an element named for the author's name near the headline vouches for a name that
    capitals cannot tell (every theme page, co-authors in author boxes and avatars' titles)."""
    wrong = {}
    for case in CASES:
        article = extract(renamed(_page(case["file"]), script), case["url"])
        wanted = renamed_authors(case["authors"], script)
        if article.authors != wanted and case["file"] not in _CASELESS_MISSES:
            wrong[case["file"]] = article.authors
    assert wrong == {}
