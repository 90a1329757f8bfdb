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
from scraper.query.queries import (
    ExportFilters,
    SearchFilters,
    export,
    operators_as_words,
    search,
    stats,
)
from scraper.storage import Archive, ArchiveError

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
    assert [hit["url"] for hit in search(filled, query).hits] == expected


def test_search_hits_carry_title_date_and_snippet(filled: Path) -> None:
    (hit,) = search(filled, "nucléaire").hits
    assert hit["title"] == "Énergie"
    assert hit["published"] == "2025-02-01T08:00:00Z"
    assert "[nucléaire]" in hit["snippet"]
    assert "\n" not in hit["snippet"]


def test_search_ranks_title_hits_first(filled: Path) -> None:
    urls = [hit["url"] for hit in search(filled, "le").hits]
    assert len(urls) == 2
    assert search(filled, "energie").hits[0]["url"] == "https://site.test/energie/"


@pytest.mark.parametrize(
    ("filters", "urls"),
    [
        ({}, ["https://site.test/elections/", "https://site.test/energie/"]),
        ({"since": "2025-01-01"}, ["https://site.test/energie/"]),
        (
            {"site": "test", "since": "2024-06-01"},
            ["https://site.test/elections/", "https://site.test/energie/"],
        ),
        ({"until": "2024-06-01"}, ["https://site.test/elections/"]),  # the whole day
        ({"until": "2024-05-31"}, []),
        ({"author": "anne"}, ["https://site.test/elections/"]),
        ({"tag": "france"}, ["https://site.test/elections/"]),
        ({"tag": "sport"}, []),
    ],
)
def test_search_filters(filled: Path, filters: dict, urls: list[str]) -> None:
    result = search(filled, "le", filters=SearchFilters(**filters))
    assert sorted(hit["url"] for hit in result.hits) == urls
    assert result.total == len(urls)


def test_search_of_an_unknown_site_says_which_sites_there_are(filled: Path) -> None:
    with pytest.raises(ValueError, match=r"no site 'other' in the archive \(sites: test\)"):
        search(filled, "le", filters=SearchFilters(site="other"))


def test_search_counts_every_hit_and_pages_through_them(filled: Path) -> None:
    first = search(filled, "le", limit=1, order="published")
    second = search(filled, "le", limit=1, offset=1, order="published")
    assert (first.total, second.total) == (2, 2)
    assert [first.hits[0]["url"], second.hits[0]["url"]] == [
        "https://site.test/energie/",  # newest first
        "https://site.test/elections/",
    ]


def test_raw_search_finds_the_union_of_or(filled: Path) -> None:
    assert search(filled, "nucléaire OR électeurs", raw=True).total == 2
    assert search(filled, "nucléaire OR électeurs").total == 0
    assert search(filled, "le NOT nucléaire", raw=True).total == 1


@pytest.mark.parametrize(
    ("query", "operators"),
    [
        ("Ukraine OR Kremlin", ["OR"]),
        ("Ukraine -Kremlin", ["-Kremlin"]),
        ("Ukr* NEAR(a b)", ["Ukr*", "NEAR"]),
        ("title:Ukraine", ["title:Ukraine"]),
        ('"vote utile" covid-19 aujourd\'hui', []),
    ],
)
def test_operators_searched_as_words_are_named(query: str, operators: list[str]) -> None:
    assert operators_as_words(query) == operators


def test_hits_carry_lists_as_lists_and_chosen_columns(filled: Path) -> None:
    (hit,) = search(filled, "electeurs").hits
    assert hit["authors"] == ["Anne"]
    (hit,) = search(filled, "electeurs", columns=("title", "tags")).hits
    assert hit == {"title": ARTICLES[0].title, "tags": ["politique", "France"]}
    with pytest.raises(ValueError, match="unknown column 'body_html'"):
        search(filled, "electeurs", columns=("body_html",))


def test_search_limit(filled: Path) -> None:
    assert len(search(filled, "le", limit=1).hits) == 1


@pytest.mark.parametrize("query", ['"unclosed', "AND", "title:", "a OR"])
def test_raw_search_syntax_error_is_a_value_error(filled: Path, query: str) -> None:
    with pytest.raises(ValueError, match="invalid search query"):
        search(filled, query, raw=True)


def test_raw_search_allows_fts_syntax(filled: Path) -> None:
    assert [h["url"] for h in search(filled, "title:energie", raw=True).hits] == [
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
    assert export(filled, out, table=table, filters=ExportFilters(since=since)) == count
    assert len(out.getvalue().splitlines()) == count


def test_export_csv_has_header_and_json_text(filled: Path) -> None:
    out = io.StringIO()
    export(filled, out, fmt="csv", filters=ExportFilters(since="2025-01-01"))
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
        ({"table": "aliases", "filters": ExportFilters(since="2024-01-01")}, "no date"),
        ({"table": "aliases", "filters": ExportFilters(until="2024-01-01")}, "no date"),
        ({"columns": ("url", "nope")}, "no column 'nope'"),
    ],
)
def test_export_refuses_bad_arguments(filled: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export(filled, io.StringIO(), **kwargs)


@pytest.mark.parametrize(
    ("table", "filters", "count"),
    [
        ("articles", ExportFilters(until="2024-06-01"), 1),
        ("articles", ExportFilters(until="2024-05-31"), 0),
        ("articles", ExportFilters(site="test"), 2),
        ("articles", ExportFilters(site="other"), 0),
        ("articles", ExportFilters(limit=1), 1),
        ("teasers", ExportFilters(site="test"), 1),
        ("teasers", ExportFilters(site="other"), 0),
        ("aliases", ExportFilters(site="test"), 2),
        ("crawls", ExportFilters(site="other"), 0),
        ("rejects", ExportFilters(site="test", since="2000-01-01", until="2999-12-31"), 1),
    ],
)
def test_export_by_site_until_and_limit(
    filled: Path, table: str, filters: ExportFilters, count: int
) -> None:
    out = io.StringIO()
    assert export(filled, out, table=table, fmt="json", filters=filters) == count
    assert len(json.loads(out.getvalue())) == count


def test_export_json_array_and_tsv_of_chosen_columns(filled: Path) -> None:
    out = io.StringIO()
    export(filled, out, fmt="json", columns=("url", "tags"))
    assert json.loads(out.getvalue()) == [
        {"url": "https://site.test/elections/", "tags": ["politique", "France"]},
        {"url": "https://site.test/energie/", "tags": []},
    ]
    out = io.StringIO()
    export(filled, out, fmt="tsv", columns=("title", "url"))
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert rows == [["title", "url"], *([a.title, a.url] for a in ARTICLES)]


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
    assert (
        export(filled, out, table="article_versions", filters=ExportFilters(since="2000-01-01"))
        == 1
    )
    (version,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert version["title"] == ARTICLES[0].title
    assert version["authors"] == ARTICLES[0].authors
