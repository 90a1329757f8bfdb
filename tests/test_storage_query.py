"""Reading the archive: search with odd user input, exports with `since`, stats, bad files."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from scraper.items import Article, Reject, Teaser
from scraper.storage import Archive, ArchiveError, export, search, stats

ARTICLES = [
    Article(
        url="https://site.test/elections/",
        title="Élections : le « vote utile » AND la gauche",
        body="Les électeurs ont choisi. Le COVID-19 n'a pas joué.",
        authors=["Anne"],
        tags=["politique", "France"],
        published="2024-06-01T08:00:00Z",
        site="test",
    ),
    Article(
        url="https://site.test/energie/",
        title="Énergie",
        lede="Le prix de l'électricité",
        body="Le nucléaire et l'éolien.\n\nAujourd'hui.",
        published="2025-02-01T08:00:00Z",
        site="test",
        members_only=True,
    ),
]


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Archive(db_path) as archive:
        crawl = archive.start_crawl("test")
        archive.write_batch(
            ARTICLES,
            [("https://site.test/", Teaser(url="https://site.test/energie/", authors=["B"]))],
            [],
            [Reject(url="https://site.test/x/", reason="no_body", site="test")],
            crawl,
        )
        archive.finish_crawl(
            crawl,
            status="finished",
            finish_reason="finished",
            exit_code=0,
            counts={"articles_new": 2},
            stats={"k": 1},
        )
    return db_path


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("electeurs", ["https://site.test/elections/"]),  # accents folded
        ("ÉLECTRICITÉ", ["https://site.test/energie/"]),
        ('"vote utile"', ["https://site.test/elections/"]),  # a phrase stays a phrase
        ("AND", ["https://site.test/elections/"]),  # the word, not the operator
        ("covid-19", ["https://site.test/elections/"]),
        ("aujourd'hui", ["https://site.test/energie/"]),
        ('vote "utile', ["https://site.test/elections/"]),  # unbalanced quote
        ("-nucléaire", ["https://site.test/energie/"]),
        ("NOT OR NEAR(", []),
        ("title:energie", []),
        ("absent", []),
        ("vote\x00utile", ["https://site.test/elections/"]),
        ("(", []),
        ("*", []),
    ],
)
def test_search_treats_user_input_as_words(filled: Path, query: str, expected: list[str]) -> None:
    assert [hit["url"] for hit in search(filled, query)] == expected


def test_search_hits_carry_title_date_and_snippet(filled: Path) -> None:
    (hit,) = search(filled, "nucléaire")
    assert hit["title"] == "Énergie"
    assert hit["published"] == "2025-02-01T08:00:00Z"
    assert "[nucléaire]" in hit["snippet"]
    assert "\n" not in hit["snippet"]


def test_search_ranks_title_hits_first(filled: Path) -> None:
    urls = [hit["url"] for hit in search(filled, "le")]
    assert len(urls) == 2
    assert search(filled, "energie")[0]["url"] == "https://site.test/energie/"


@pytest.mark.parametrize(
    ("filters", "urls"),
    [
        ({}, ["https://site.test/elections/", "https://site.test/energie/"]),
        ({"since": "2025-01-01"}, ["https://site.test/energie/"]),
        (
            {"site": "test", "since": "2024-06-01"},
            ["https://site.test/elections/", "https://site.test/energie/"],
        ),
        ({"site": "other"}, []),
    ],
)
def test_search_by_site_and_publication_date(filled: Path, filters: dict, urls: list[str]) -> None:
    assert sorted(hit["url"] for hit in search(filled, "le", **filters)) == urls


def test_search_limit(filled: Path) -> None:
    assert len(search(filled, "le", limit=1)) == 1


@pytest.mark.parametrize("query", ['"unclosed', "AND", "title:", "a OR"])
def test_raw_search_syntax_error_is_a_value_error(filled: Path, query: str) -> None:
    with pytest.raises(ValueError, match="invalid search query"):
        search(filled, query, raw=True)


def test_raw_search_allows_fts_syntax(filled: Path) -> None:
    assert [h["url"] for h in search(filled, "title:energie", raw=True)] == [
        "https://site.test/energie/"
    ]


@pytest.mark.parametrize("query", ["", "   ", '"', '"" ""', "\x00"])
def test_empty_search_is_a_value_error(filled: Path, query: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        search(filled, query)


def test_export_jsonl_decodes_json_columns(filled: Path) -> None:
    out = io.StringIO()
    assert export(filled, out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records[0]["tags"] == ["politique", "France"]
    assert records[0]["authors"] == ["Anne"]
    assert records[0]["title"].startswith("Élections")
    assert records[1]["members_only"] == 1


@pytest.mark.parametrize(
    ("table", "since", "count"),
    [
        ("articles", "2025-01-01", 1),
        ("articles", "2024-06-01", 2),
        ("articles", "2030-01-01", 0),
        ("teasers", "2000-01-01", 1),
        ("teasers", "2999-01-01", 0),
        ("crawls", "2000-01-01", 1),
        ("rejects", None, 1),
        ("aliases", None, 2),
    ],
)
def test_export_since_filters_by_the_table_date(
    filled: Path, table: str, since: str | None, count: int
) -> None:
    out = io.StringIO()
    assert export(filled, out, table=table, since=since) == count
    assert len(out.getvalue().splitlines()) == count


def test_export_csv_has_header_and_json_text(filled: Path) -> None:
    out = io.StringIO()
    export(filled, out, fmt="csv", since="2025-01-01")
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["url"] == "https://site.test/energie/"
    assert json.loads(row["authors"]) == []


def test_export_crawl_stats_as_object(filled: Path) -> None:
    out = io.StringIO()
    export(filled, out, table="crawls")
    assert json.loads(out.getvalue())["stats"] == {"k": 1}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"table": "sqlite_master"}, "unknown table"),
        ({"fmt": "xml"}, "unknown format"),
        ({"table": "aliases", "since": "2024-01-01"}, "no date"),
    ],
)
def test_export_refuses_bad_arguments(filled: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export(filled, io.StringIO(), **kwargs)


def test_stats_counts_tables_sites_dates_and_crawls(filled: Path) -> None:
    figures = stats(filled)
    assert figures["tables"] == {
        "articles": 2,
        "teasers": 1,
        "crawls": 1,
        "rejects": 1,
        "aliases": 2,
        "article_versions": 0,
    }
    assert figures["sites"]["test"]["articles"] == 2
    assert figures["sites"]["test"]["members_only"] == 1
    assert figures["published"] == {"first": "2024-06-01T08:00:00Z", "last": "2025-02-01T08:00:00Z"}
    (crawl,) = figures["last_crawls"]
    assert (crawl["status"], crawl["articles_new"]) == ("finished", 2)


def test_reads_do_not_write(filled: Path) -> None:
    before = filled.stat().st_mtime_ns
    search(filled, "le")
    export(filled, io.StringIO())
    stats(filled)
    assert filled.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "read",
    [
        lambda p: search(p, "x"),
        lambda p: export(p, io.StringIO()),
        stats,
    ],
)
@pytest.mark.parametrize("content", [None, b"just some text\n" * 100, b"SQLite format 3\x00junk"])
def test_unreadable_file_is_one_line_archive_error(
    tmp_path: Path, read, content: bytes | None
) -> None:
    path = tmp_path / "archive.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArchiveError) as error:
        read(path)
    assert "\n" not in str(error.value)
    assert content is not None or not path.exists()


def test_stats_reads_an_archive_of_an_older_schema_without_upgrading_it(filled: Path) -> None:
    conn = sqlite3.connect(filled)  # as a version-2 program left it: no article_versions
    conn.executescript(
        "DROP TABLE article_versions; DELETE FROM schema_version;"
        "INSERT INTO schema_version VALUES (2, 'then');"
    )
    conn.close()
    assert "article_versions" not in stats(filled)["tables"]
    assert stats(filled)["tables"]["articles"] == 2


def test_export_of_earlier_versions_decodes_lists(filled: Path) -> None:
    with Archive(filled) as archive:
        changed = replace(ARTICLES[0], title="Un autre titre")
        archive.write_batch([changed], [], [], [], archive.start_crawl("test"))
    out = io.StringIO()
    assert export(filled, out, table="article_versions", since="2000-01-01") == 1
    (version,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert version["title"] == ARTICLES[0].title
    assert version["authors"] == ARTICLES[0].authors
