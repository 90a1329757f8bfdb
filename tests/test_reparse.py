"""`scraper reparse`: captured pages read again, without the network, through the same archive
path as a crawl. A real loopback crawl of a generated two-era copy writes the WARCs; the server
is stopped before any re-extraction."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.crawl.warc import default_warc_dir
from scraper.extract import page as page_module
from scraper.ingest.reparse import reparse
from scraper.items import Article, Listing
from scraper.storage import Archive
from scraper.tools.demo.server import serve
from scraper.tools.demo.site import build_site
from tests.test_crawl import query, run_crawl

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("crawled") / "archive.db"
    with serve(build_site(30, seed=5)) as base:
        result = run_crawl(base, db)
    assert result.returncode == 0, result.stderr[-2000:]
    return db


def reparse_command(db: Path) -> subprocess.CompletedProcess[str]:
    """`scraper reparse --db DB` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scraper", "reparse", "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _copy(crawled: Path, tmp_path: Path) -> Path:
    """A copy of the crawled archive and its WARC folder (each test changes its own)."""
    db = tmp_path / "archive.db"
    shutil.copy(crawled, db)
    shutil.copytree(default_warc_dir(str(crawled)), default_warc_dir(str(db)))
    return db


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a re-extraction could touch, ids left out."""
    return {
        "articles": query(db, "SELECT * FROM articles ORDER BY url"),
        "versions": query(db, "SELECT * FROM article_versions ORDER BY url, replaced_at"),
        "aliases": query(db, "SELECT * FROM aliases ORDER BY url"),
        "teasers": query(
            db,
            "SELECT crawl_id, source_url, position, kind, url, article_url, title, excerpt,"
            " authors, published FROM teasers ORDER BY 1, 2, 3, 4, 5",
        ),
        "rejects": query(db, "SELECT crawl_id, url, reason FROM rejects ORDER BY 1, 2, 3"),
    }


def test_reparse_of_an_unchanged_archive_changes_no_row(crawled: Path, tmp_path: Path) -> None:
    db = _copy(crawled, tmp_path)
    before = snapshot(db)
    articles = len(before["articles"])
    result = reparse_command(db)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"0 articles updated, {articles} unchanged, 0 new" in result.stderr
    assert snapshot(db) == before
    # The run is on record, as a crawl is.
    assert query(db, "SELECT site, status FROM crawls ORDER BY id DESC LIMIT 1") == [
        ("reparse", "finished")
    ]


def test_a_parser_change_updates_exactly_the_pages_it_affects(
    crawled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _copy(crawled, tmp_path)
    before = snapshot(db)
    old_titles = dict(query(db, "SELECT url, title FROM articles"))
    urls = sorted(old_titles)
    touched = set(urls[::7])  # some articles of both eras, by URL
    extract_page = page_module.extract_page

    def changed(tree: Any, url: str, profile: Any = None) -> Any:
        page = extract_page(tree, url, profile)
        if isinstance(page, Article) and page.url in touched:
            page.title = f"{page.title} (corrigé)"
        return page

    monkeypatch.setattr("scraper.extract.response.extract_page", changed)
    result = reparse(str(db), default_warc_dir(str(db)))
    assert result.stats["archive/stored/updated"] == len(touched)
    assert result.fields == {"title": len(touched)}
    after = snapshot(db)
    titles = dict(query(db, "SELECT url, title FROM articles"))
    assert {u for u in urls if titles[u] != old_titles[u]} == touched
    assert all(titles[u] == f"{old_titles[u]} (corrigé)" for u in touched)
    versions = query(db, "SELECT url, title FROM article_versions")
    assert sorted(versions) == sorted((u, old_titles[u]) for u in touched)
    untouched = [row for row in after["articles"] if row[0] not in touched]
    assert untouched == [row for row in before["articles"] if row[0] not in touched]
    assert after["teasers"] == before["teasers"]
    assert after["aliases"] == before["aliases"]


def test_reparse_needs_an_archive(tmp_path: Path) -> None:
    result = reparse_command(tmp_path / "none.db")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: no archive at")


def test_an_archive_without_captures_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "nothing.db"
    Archive(db).close()  # an archive, its crawls made with --no-warc
    result = reparse_command(db)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"Error: no captured pages in {db} (crawls capture them unless --no-warc)"
    )


def test_a_listing_that_now_gives_no_teaser_loses_its_sightings(
    crawled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _copy(crawled, tmp_path)
    before = snapshot(db)
    home_url = query(db, "SELECT source_url FROM teasers ORDER BY length(source_url)")[0][0]
    extract_page = page_module.extract_page

    def emptied(tree: Any, url: str, profile: Any = None) -> Any:
        page = extract_page(tree, url, profile)
        if isinstance(page, Listing) and page.url == home_url:
            page.teasers = []
        return page

    monkeypatch.setattr("scraper.extract.response.extract_page", emptied)
    reparse(str(db), default_warc_dir(str(db)))
    after = snapshot(db)
    assert [t for t in after["teasers"] if t[1] == home_url] == []
    assert [t for t in before["teasers"] if t[1] != home_url] == after["teasers"]
    assert after["articles"] == before["articles"]
