"""`scraper serve` in a real browser (the system's headless Chromium, driven by Playwright):
what an analyst sees when searching, opening an article and running each canned query.

Skipped only where no Chromium is installed, and never in CI (CI=true), where .ci/run installs
it. SCRAPER_SCREENSHOTS=docs/screenshots also saves the README's screenshots.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scraper.query.serve.metadata import CANNED_QUERIES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell")
# Root in a container: no sandbox; nothing fetched in the background during a test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: .ci/run must install it")
    pytest.skip(f"{what} is not installed (apt-get install chromium; pip install -e '.[test]')")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python")
    if CHROMIUM is None:
        _missing("Chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1100, "height": 720})
    page.set_default_timeout(10_000)
    yield page
    page.close()


def screenshot(page: Any, name: str) -> None:
    if folder := os.environ.get("SCRAPER_SCREENSHOTS"):
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_search_from_the_form_then_open_an_article(
    page: Any, served_demo: str, demo_archive: Path
) -> None:
    conn = sqlite3.connect(demo_archive)
    (hits,) = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Ukraine'"
    ).fetchone()
    page.goto(f"{served_demo}/demo/articles")
    assert page.locator("h1").inner_text() == "articles"
    assert page.locator("th.col-body_html").is_hidden()
    page.fill("#_search", "Ukraine")
    page.press("#_search", "Enter")
    page.wait_for_url(re.compile(r"_search=Ukraine"))
    assert f'{hits} rows where search matches "Ukraine"' in page.locator("h3").first.inner_text()
    dates = page.locator("td.col-published").all_inner_texts()
    assert len(dates) == hits and dates == sorted(dates, reverse=True)
    body = page.locator("td.col-body").first.inner_text()
    assert body.endswith("…") and len(body) <= 241  # cut in lists
    screenshot(page, "search")

    title = page.locator("td.col-title").first.inner_text()
    page.locator("td.col-url a").first.click()
    page.wait_for_url(re.compile(r"/demo/articles/."))
    text, url = conn.execute("SELECT body, url FROM articles WHERE title = ?", (title,)).fetchone()
    conn.close()
    assert page.locator("td.col-title").inner_text() == title
    shown = page.locator("td.col-body").inner_text()
    assert shown.split() == text.split()  # the whole text, on the article's page
    assert page.locator("td.col-body_html").is_hidden()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('td.col-body'), '::before').content")
        == '"body"'
    )
    assert url in page.locator("td.col-url").inner_text()
    screenshot(page, "article")


@pytest.mark.parametrize("name", sorted(CANNED_QUERIES))
def test_each_canned_query_runs_from_the_database_page(
    page: Any, served_demo: str, name: str
) -> None:
    query = CANNED_QUERIES[name]
    page.goto(f"{served_demo}/demo")
    page.get_by_role("link", name=query["title"], exact=True).click()
    page.wait_for_url(re.compile(rf"/demo/{name}"))
    assert page.locator("h1").inner_text() == query["title"]
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() > 0, f"{name} shows no rows"
    if name == "front_page":  # the day the default picked, asked for through the form
        day = page.locator("td.col-day").first.inner_text()
        page.get_by_label("day", exact=True).fill(day)
        page.locator("input[type=submit][value='Run SQL']").click()
        page.wait_for_url(re.compile(rf"day={day}"))
        assert page.locator("table.rows-and-columns tbody tr").count() == rows.count()
        screenshot(page, "front-page")
