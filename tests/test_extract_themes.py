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


def _declared_at(page: str, day: str, instant: str) -> str:
    """The page with Ghost's declared publication time (JSON-LD and Open Graph) moved."""
    page = re.sub(rf'("datePublished"\s*:\s*"){day}T[^"]*"', rf'\g<1>{instant}"', page)
    return re.sub(rf'(article:published_time" content="){day}T[^"]*"', rf'\g<1>{instant}"', page)


_NO_DAY_SHOWN = {"ghost-edge", "ghost-taste", "ghost-london"}  # and their -2authors pages
_LOCALE_ZONED = {"ghost-liebling-fr", "ghost-liebling-de"}  # lang="fr", "de": Paris, Berlin
_LATE_MISSES = {
    # The day is shown in an aside after the story (Solo): not read as the day the page shows.
    "ghost-solo": "day shown after the story",
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=(theme := c["file"].removesuffix(".html.gz")),
            marks=pytest.mark.xfail(
                (base := theme.removesuffix("-2authors")) in _LATE_MISSES,
                reason=_LATE_MISSES.get(base, ""),
                strict=True,
            ),
        )
        for c in CASES
        if c["cms"] == "ghost" and c["published"]
    ],
)
def test_ghost_dates_a_late_post_by_the_day_its_page_shows(case: dict[str, Any]) -> None:
    """Ghost declares its times in UTC and shows the day in the site's zone, which the page
    names nowhere: posted at 8 pm in New York, or 00:30 in Paris, the story is declared a day
    off the day its page shows. The shown day is the story's; a shown day no zone on Earth
    reaches (declared at 05:00 UTC the day before) leaves the declared time."""
    page, day = _page(case["file"]).decode(), case["published"]
    theme = case["file"].removesuffix(".html.gz").removesuffix("-2authors")
    for instant in ("2023-03-15T01:00:00.000Z", "2023-03-13T23:30:00.000Z"):
        article = extract(_declared_at(page, day, instant), case["url"])
        declared = instant.replace(".000Z", "+00:00")
        if theme in _NO_DAY_SHOWN:
            assert article.published == declared
        elif theme in _LOCALE_ZONED:
            # 00:30 in Paris and Berlin: the instant in that zone; 02:00 there is the 15th.
            wanted = "2023-03-14T00:30:00+01:00" if instant < day else declared
            assert article.published == wanted
        else:
            assert article.published == day
    unreachable = extract(_declared_at(page, day, "2023-03-13T05:00:00.000Z"), case["url"])
    assert unreachable.published == "2023-03-13T05:00:00+00:00"
