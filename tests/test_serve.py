"""`scraper serve`: Datasette's JSON API on a crawled archive answers with the project's
descriptions, order, facets, search and canned queries; a read-only copy is served too."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from scraper.query.serve.metadata import CANNED_QUERIES
from scraper.storage.columns import TABLES
from tests.conftest import scraper_serve

pytest.importorskip("datasette", reason="scraper serve needs Datasette (pip install -e '.[test]')")


def get(base: str, path: str, **params: str) -> Any:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{base}{path}{query}", timeout=10) as response:
        return json.load(response)


def test_metadata_carries_every_description_and_the_canned_queries(served_demo: str) -> None:
    metadata = get(served_demo, "/-/metadata.json")
    tables = metadata["databases"]["demo"]["tables"]
    for table in TABLES:
        assert tables[table.name]["description"] == table.summary
        assert set(tables[table.name]["columns"]) == {c.name for c in table.columns}
    assert len(metadata["databases"]["demo"]["queries"]) >= 5


def test_search_hits_come_newest_first_as_documented(served_demo: str, demo_archive: Path) -> None:
    rows = get(served_demo, "/demo/articles.json", _search="Ukraine", _shape="array", _size="max")
    conn = sqlite3.connect(demo_archive)
    expected = conn.execute(
        "SELECT a.url FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH 'Ukraine' ORDER BY a.published DESC"
    ).fetchall()
    conn.close()
    assert [row["url"] for row in rows] == [url for (url,) in expected]
    assert len(rows) > 1


def test_articles_list_newest_first_with_the_project_facets(served_demo: str) -> None:
    page = get(served_demo, "/demo/articles.json")
    published = [row[page["columns"].index("published")] for row in page["rows"]]
    assert published == sorted(published, reverse=True)
    facets = page["facet_results"]
    assert set(facets) == {"site", "authors", "tags", "members_only", "published"}
    months = facets["published"]["results"]
    assert months[0]["value"] == published[0][:7]
    assert sum(m["count"] for m in months) == len(published)  # 20 articles, each in one month


def test_the_month_facet_filters_to_its_month(served_demo: str) -> None:
    month = get(served_demo, "/demo/articles.json")["facet_results"]["published"]["results"][0]
    rows = get(
        served_demo, "/demo/articles.json", published__startswith=month["value"], _shape="array"
    )
    assert len(rows) == month["count"]
    assert {row["published"][:7] for row in rows} == {month["value"]}


@pytest.mark.parametrize("name", sorted(CANNED_QUERIES))
def test_each_canned_query_shows_rows_when_opened(served_demo: str, name: str) -> None:
    rows = get(served_demo, f"/demo/{name}.json", _shape="array")
    assert rows, f"{name} returned nothing on the demo archive"


def test_front_page_query_lists_the_home_page_cards_by_position(served_demo: str) -> None:
    rows = get(served_demo, "/demo/front_page.json", _shape="array")
    listing = [row["position"] for row in rows if row["kind"] == "listing"]
    assert listing == list(range(1, len(listing) + 1))
    (page,) = {row["page"] for row in rows}
    assert urllib.parse.urlsplit(page).path == "/"  # the home page, the default
    day = rows[0]["day"]
    before = get(served_demo, "/demo/front_page.json", day="2000-01-01", page=page, _shape="array")
    assert before == []
    again = get(served_demo, "/demo/front_page.json", day=day, page=page, _shape="array")
    assert again == rows


def test_article_history_follows_any_url_of_the_article(
    served_demo: str, demo_archive: Path
) -> None:
    conn = sqlite3.connect(demo_archive)
    alias, article = conn.execute(
        "SELECT url, article_url FROM aliases WHERE url != article_url LIMIT 1"
    ).fetchone()
    teasers = conn.execute("SELECT count(*) FROM teasers WHERE article_url = ?", (article,))
    (n_teasers,) = teasers.fetchone()
    conn.close()
    rows = get(served_demo, "/demo/article_history.json", url=alias, _shape="array")
    assert {row["article"] for row in rows} == {article}
    events = [row["event"] for row in rows]
    assert events.count("current") == 1
    assert alias in {row["what"] for row in rows if row["event"] == "alias"}
    assert events.count("teaser") == n_teasers


def test_a_read_only_copy_is_served(readonly_archive: Path) -> None:
    with scraper_serve(readonly_archive, reader=True) as base:
        rows = get(base, "/demo/articles.json", _search="Ukraine", _shape="array")
        health = get(base, "/demo/crawl_health.json", _shape="array")
    assert rows and health[0]["status"] == "finished"
    assert sorted(p.name for p in readonly_archive.parent.iterdir()) == ["demo.db"]


def test_served_archive_is_read_only(served_demo: str, demo_archive: Path) -> None:
    before = demo_archive.stat().st_mtime_ns
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(served_demo, "/demo.json", sql="delete from articles")
    assert refused.value.code == 400
    rows = get(served_demo, "/demo.json", sql="select count(*) as n from articles", _shape="array")
    assert rows == [{"n": 20}]
    assert demo_archive.stat().st_mtime_ns == before
