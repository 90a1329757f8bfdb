"""The query commands as an analyst runs them on a crawled archive: search, export, stats;
their output formats, hit counts, one-line failures, closed pipes and read-only copies."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.storage import Archive
from tests.conftest import ROOT, as_reader


def scraper(*args: str, db: Path, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess:
    """`python -m scraper ARGS --db DB` from the repository, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scraper", *args, "--db", str(db)],
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
    )


def test_raw_search_finds_the_union_and_prints_the_hit_count(demo_archive: Path) -> None:
    kremlin, kiev, union = (
        scraper("search", query, "--raw", "--nl", "--limit", "100", db=demo_archive)
        for query in ("Kremlin", "Kiev", "Kremlin OR Kiev")
    )
    urls = [{json.loads(line)["url"] for line in r.stdout.splitlines()} for r in (kremlin, kiev)]
    found = {json.loads(line)["url"] for line in union.stdout.splitlines()}
    assert urls[0] - urls[1] and urls[1] - urls[0], "the demo lost articles naming only one"
    assert found == urls[0] | urls[1]
    assert union.stderr == f"{len(found)} hits (1–{len(found)} shown)\n"


def test_an_operator_searched_as_a_word_is_said(demo_archive: Path) -> None:
    result = scraper("search", "Ukraine OR Kremlin", db=demo_archive)
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "no match",
        "note: OR was searched as a word, not as FTS syntax; --raw reads it"
        " (OR, NOT, -word, word*, NEAR(…))",
    ]


def test_search_pages_through_hits_and_counts_them_all(demo_archive: Path) -> None:
    first = scraper("search", "Ukraine", "--json", "--limit", "2", db=demo_archive)
    rest = scraper("search", "Ukraine", "--json", "--limit", "2", "--offset", "2", db=demo_archive)
    total = int(first.stderr.split()[0])
    assert total > 4
    assert first.stderr.startswith(f"{total} hits (1–2 shown)")
    assert rest.stderr.startswith(f"{total} hits (3–4 shown)")
    pages = json.loads(first.stdout) + json.loads(rest.stdout)
    assert len({hit["url"] for hit in pages}) == 4


def test_search_csv_parses_with_the_chosen_columns(demo_archive: Path) -> None:
    result = scraper(
        "search", "Ukraine", "--csv", "-c", "published", "-c", "title", "-c", "authors",
        "--order", "published", db=demo_archive,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == ["published", "title", "authors"]
    assert all(isinstance(json.loads(row["authors"]), list) for row in rows)
    dates = [row["published"] for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_search_filters_by_author_tag_and_dates(demo_archive: Path) -> None:
    every = [
        json.loads(line)
        for line in scraper(
            "search", "le", "--nl", "--limit", "100", db=demo_archive
        ).stdout.splitlines()
    ]
    author = every[0]["authors"][0]
    by_author = scraper("search", "le", "--nl", "--author", author.upper(), db=demo_archive)
    hits = [json.loads(line) for line in by_author.stdout.splitlines()]
    assert hits and all(author in hit["authors"] for hit in hits)
    assert len(hits) == sum(author in hit["authors"] for hit in every)
    day = sorted(hit["published"] for hit in every)[len(every) // 2][:10]
    until = scraper("search", "le", "--nl", "--limit", "100", "--until", day, db=demo_archive)
    since = scraper("search", "le", "--nl", "--limit", "100", "--since", day, db=demo_archive)
    early = [json.loads(line)["published"][:10] for line in until.stdout.splitlines()]
    late = [json.loads(line)["published"][:10] for line in since.stdout.splitlines()]
    assert early and max(early) <= day <= min(late)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["search", "x", "--site", "nowhere"],
            "no site 'nowhere' in the archive (sites: courrier)",
        ),
        (["search", "title:", "--raw"], "invalid search query"),
        (["export", "--columns", "url,nope"], "table 'articles' has no column 'nope'"),
        (["export", "--table", "aliases", "--until", "2025-01-01"], "has no date"),
        (["export", "-o", "/nonexistent-dir/out.csv"], "cannot write to /nonexistent-dir/out.csv"),
    ],
)
def test_failures_are_one_line_and_exit_1(
    demo_archive: Path, args: list[str], message: str
) -> None:
    result = scraper(*args, db=demo_archive)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize(
    "args",
    [["search", "Ukraine", "--nl"], ["export"], ["export", "--format", "json"], ["stats"]],
)
def test_a_full_disk_is_one_line_and_exit_1(demo_archive: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = scraper(*args, db=demo_archive, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to stdout: No space left on device\n"


def test_export_to_a_full_disk_file_is_one_line(demo_archive: Path) -> None:
    result = scraper("export", "-o", "/dev/full", db=demo_archive)
    assert (result.returncode, result.stderr) == (
        1,
        "Error: cannot write to /dev/full: No space left on device\n",
    )


@pytest.mark.parametrize("command", ["search Ukraine --nl --limit 100", "export", "stats"])
def test_a_reader_that_stops_early_is_not_an_error(demo_archive: Path, command: str) -> None:
    shell = f"{sys.executable} -m scraper {command} --db {demo_archive} | head -c 10 >/dev/null;"
    result = subprocess.run(
        ["bash", "-c", shell + " echo ${PIPESTATUS[0]}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.stdout == "0\n"
    assert "Error" not in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_export_json_array_tsv_site_until_columns_limit(demo_archive: Path) -> None:
    rows = json.loads(
        scraper("export", "--format", "json", "--site", "courrier", db=demo_archive).stdout
    )
    assert len(rows) == 20 and isinstance(rows[0]["authors"], list)
    day = sorted(row["published"] for row in rows)[9][:10]
    tsv = scraper(
        "export", "--format", "tsv", "--columns", "url,published", "--until", day, "--limit", "5",
        db=demo_archive,
    ).stdout  # fmt: skip
    table = list(csv.reader(io.StringIO(tsv), delimiter="\t"))
    assert table[0] == ["url", "published"]
    assert 0 < len(table) - 1 <= 5 and all(row[1][:10] <= day for row in table[1:])
    other = json.loads(scraper("export", "--format", "json", "--site", "x", db=demo_archive).stdout)
    assert other == []


def test_stats_reads_as_a_summary_and_as_json(demo_archive: Path) -> None:
    text = scraper("stats", db=demo_archive).stdout
    figures = json.loads(scraper("stats", "--json", db=demo_archive).stdout)
    assert text.startswith(f"{demo_archive}: 20 articles, published ")
    assert "  courrier: 20 articles (" in text
    assert f"  #1 courrier {figures['last_crawls'][0]['started']}" in text
    assert figures["tables"]["articles"] == 20


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["search", "Ukraine", "--nl"], lambda out: json.loads(out.splitlines()[0])["url"]),
        (["stats", "--json"], lambda out: json.loads(out)["tables"]["articles"] == 20),
        (["export", "--format", "csv"], lambda out: len(list(csv.reader(io.StringIO(out)))) == 21),
    ],
)
def test_readers_work_on_a_read_only_copy(readonly_archive: Path, args: list[str], check) -> None:
    command = [sys.executable, "-m", "scraper", *args, "--db", str(readonly_archive)]
    result = subprocess.run(
        as_reader(command), cwd=ROOT, capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert check(result.stdout)
    assert sorted(p.name for p in readonly_archive.parent.iterdir()) == ["demo.db"]


def test_a_read_only_copy_taken_mid_crawl_is_read_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    db = folder / "archive.db"
    with Archive(db) as archive:
        archive.start_crawl("test")
        writer = sqlite3.connect(db)
        writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # The crawl is still writing: its last commit is in archive.db-wal, not yet in the file.
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("INSERT INTO crawls (site, started, status) VALUES ('late', 'x', 'running')")
        writer.commit()
        shutil.copytree(folder, tmp_path / "copy")
        writer.close()
    copy = tmp_path / "copy"
    (copy / "archive.db-shm").unlink()
    for path in (*copy.iterdir(), copy):
        path.chmod(0o555)
    command = [sys.executable, "-m", "scraper", "stats", "--json", "--db", str(copy / "archive.db")]
    result = subprocess.run(
        as_reader(command), cwd=ROOT, capture_output=True, text=True, check=False, timeout=60
    )
    copy.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "unmerged write-ahead log (archive.db-wal)" in result.stderr
    assert json.loads(result.stdout)["tables"]["crawls"] == 1  # the one in the log is not read


def test_the_cli_offers_what_the_query_module_knows() -> None:
    from scraper import cli
    from scraper.query import queries as query

    assert tuple(query.EXPORT_DATE_COLUMNS) == cli.EXPORT_TABLES
    assert cli.EXPORT_FORMATS == query.EXPORT_FORMATS
    (columns,) = [p for p in cli.search.params if p.name == "columns"]
    help_text = " ".join(str(columns.help).split())
    assert all(column in help_text for column in query.HIT_COLUMNS)
    assert ", ".join(query.DEFAULT_HIT_COLUMNS) in help_text
