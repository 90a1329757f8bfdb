"""The archive on disk: schema, WAL, idempotent batches, updates, FTS, teasers, aliases, rejects."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.items import Article, Reject, Teaser
from scraper.query.queries import search
from scraper.storage import Archive, ArchiveError, known_articles
from scraper.storage.schema import SCHEMA_VERSION


def article(url: str = "https://site.test/a/", **fields: object) -> Article:
    values: dict[str, object] = {
        "title": "Les élections",
        "lede": "Un chapeau.",
        "body": "Le scrutin de dimanche a surpris les observateurs.",
        "authors": ["Anne Dupont"],
        "tags": ["politique"],
        "published": "2025-03-01T10:00:00+01:00",
        "site": "test",
        "content_hash": "h1",
        **fields,
    }
    return Article(url=url, **values)  # type: ignore[arg-type]


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def archive(db_path: Path):
    with Archive(db_path) as opened:
        yield opened


def test_new_archive_has_schema_fts_and_wal_on_disk(db_path: Path) -> None:
    Archive(db_path).close()
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "teasers", "aliases", "rejects", "crawls", "schema_version"} <= tables
    assert "articles_fts" in tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    fts_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='articles_fts'").fetchone()[0]
    assert "unicode61 remove_diacritics 2" in fts_sql
    conn.close()


def test_reopening_keeps_data_and_schema(db_path: Path) -> None:
    with Archive(db_path) as first:
        first.write_batch([article()], [], [], [], first.start_crawl("test"))
    with Archive(db_path) as again:
        assert again.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert again.db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1


def test_connection_is_durable_and_patient(archive: Archive) -> None:
    assert archive.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert archive.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_same_batch_twice_is_one_row_new_then_unchanged(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    batch = ([article()], [("https://site.test/", Teaser(url="https://site.test/a/"))], [], [])
    first = archive.write_batch(*batch, crawl_id=crawl)
    second = archive.write_batch(*batch, crawl_id=crawl)
    assert (first.new, first.updated, first.unchanged) == (1, 0, 0)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 1)
    assert second.teasers == 0 and second.aliases == 0
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM teasers") == [(1,)]


def test_unchanged_article_only_bumps_last_seen(
    archive: Archive, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl = archive.start_crawl("test")
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-01-01T00:00:00Z")
    archive.write_batch([article()], [], [], [], crawl)
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-02-01T00:00:00Z")
    archive.write_batch([article(lastmod="2025-01-31")], [], [], [], crawl)
    assert rows(
        db_path, "SELECT first_seen, last_seen, fetched_at, modified, lastmod FROM articles"
    ) == [
        ("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", "2025-01-01T00:00:00Z", None, "2025-01-31")
    ]


def test_changed_article_updates_fields_and_modified_keeps_first_seen(
    archive: Archive, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl = archive.start_crawl("test")
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-01-01T00:00:00Z")
    archive.write_batch([article(lastmod="2025-01-01")], [], [], [], crawl)
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-02-01T00:00:00Z")
    later = archive.start_crawl("test")
    result = archive.write_batch(
        [article(body="Texte corrigé.", content_hash="h2", authors=["A", "B"])], [], [], [], later
    )
    assert (result.new, result.updated, result.unchanged) == (0, 1, 0)
    assert rows(
        db_path,
        "SELECT body, authors, first_seen, last_seen, modified, lastmod, crawl_id FROM articles",
    ) == [
        (
            "Texte corrigé.",
            '["A", "B"]',
            "2025-01-01T00:00:00Z",
            "2025-02-01T00:00:00Z",
            "2025-02-01T00:00:00Z",
            "2025-01-01",
            later,
        )
    ]


def test_an_update_keeps_the_version_it_replaces(
    archive: Archive, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = archive.start_crawl("test")
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-01-01T00:00:00Z")
    archive.write_batch([article()], [], [], [], first)
    archive.write_batch([article()], [], [], [], first)  # unchanged: no version
    assert rows(db_path, "SELECT count(*) FROM article_versions") == [(0,)]
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-02-01T00:00:00Z")
    second = archive.start_crawl("test")
    archive.write_batch(
        [article(title="Les élections, suite", content_hash="h2")], [], [], [], second
    )
    monkeypatch.setattr("scraper.storage.archive.utc_now", lambda: "2025-03-01T00:00:00Z")
    third = archive.start_crawl("test")
    archive.write_batch([article(title="Les élections, fin", content_hash="h3")], [], [], [], third)
    assert rows(
        db_path,
        "SELECT url, title, content_hash, fetched_at, crawl_id, replaced_at, replaced_by"
        " FROM article_versions ORDER BY id",
    ) == [
        ("https://site.test/a/", "Les élections", "h1", "2025-01-01T00:00:00Z", first,
         "2025-02-01T00:00:00Z", second),
        ("https://site.test/a/", "Les élections, suite", "h2", "2025-02-01T00:00:00Z", second,
         "2025-03-01T00:00:00Z", third),
    ]  # fmt: skip
    assert rows(db_path, "SELECT title FROM articles") == [("Les élections, fin",)]


def test_earlier_versions_follow_an_article_to_its_new_url(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    copy = "https://site.test/a-2/"
    archive.write_batch([article(copy)], [], [], [], crawl)
    archive.write_batch([article(copy, content_hash="h2")], [], [], [], crawl)
    archive.write_batch([], [], [], [], crawl, renames=[(copy, "https://site.test/a/")])
    assert rows(db_path, "SELECT url FROM article_versions") == [("https://site.test/a/",)]


def test_a_copy_renamed_onto_an_archived_original_leaves_one_row(
    archive: Archive, db_path: Path
) -> None:
    crawl = archive.start_crawl("test")
    copy, original = "https://site.test/a-2/", "https://site.test/a/"
    archive.write_batch([article(copy), article(original)], [], [], [], crawl)
    archive.write_batch([], [], [], [], crawl, renames=[(copy, original)])
    assert rows(db_path, "SELECT url FROM articles") == [(original,)]
    assert rows(db_path, "SELECT DISTINCT article_url FROM aliases") == [(original,)]
    assert [h["url"] for h in search(db_path, "élections").hits] == [original]


def test_page_modified_date_is_kept_on_update(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    archive.write_batch([article()], [], [], [], crawl)
    archive.write_batch([article(title="Nouveau titre", modified="2025-03-02")], [], [], [], crawl)
    assert rows(db_path, "SELECT title, modified FROM articles") == [
        ("Nouveau titre", "2025-03-02")
    ]


def test_fts_follows_updates(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    archive.write_batch([article(body="Le mot ancien disparaît.")], [], [], [], crawl)
    assert [h["url"] for h in search(db_path, "ancien").hits] == ["https://site.test/a/"]
    archive.write_batch(
        [article(body="Le mot nouveau apparaît.", content_hash="h2")], [], [], [], crawl
    )
    assert search(db_path, "ancien").hits == []
    assert [h["url"] for h in search(db_path, "nouveau").hits] == ["https://site.test/a/"]


def test_fts_index_matches_the_table_after_every_kind_of_write(archive: Archive) -> None:
    crawl = archive.start_crawl("test")
    archive.write_batch([article(), article("https://site.test/b/")], [], [], [], crawl)
    archive.write_batch([article()], [], [], [], crawl)  # unchanged: last_seen only
    archive.write_batch([article(title="Autre titre")], [], [], [], crawl)  # updated
    # FTS5 compares the index with the content table; a stale row raises an error here.
    archive.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    titles = archive.db.execute(
        "SELECT title FROM articles_fts WHERE articles_fts MATCH 'autre'"
    ).fetchall()
    assert titles == [("Autre titre",)]


def test_batch_is_atomic(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    broken = Reject(url=None, reason="no_body")  # type: ignore[arg-type]  # NOT NULL violation
    with pytest.raises(ArchiveError):
        archive.write_batch([article()], [], [], [broken], crawl)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM aliases") == [(0,)]


def test_readers_never_see_half_a_batch(
    archive: Archive, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl = archive.start_crawl("test")
    seen_mid_batch: list[int] = []
    resolve = Archive._resolve_teasers

    def resolve_and_peek(self: Archive, keys: set[str]) -> None:
        resolve(self, keys)  # articles and aliases are written, the batch is not committed
        (count,) = rows(db_path, "SELECT count(*) FROM articles")[0]
        seen_mid_batch.append(count)

    monkeypatch.setattr(Archive, "_resolve_teasers", resolve_and_peek)
    archive.write_batch([article(), article("https://site.test/b/")], [], [], [], crawl)
    assert seen_mid_batch == [0]
    assert rows(db_path, "SELECT count(*) FROM articles") == [(2,)]


def test_article_without_url_is_refused_before_writing(archive: Archive) -> None:
    with pytest.raises(ValueError, match="without a URL"):
        archive.write_batch([Article(title="x")], [], [], [], archive.start_crawl("test"))


def test_teasers_are_sighted_once_per_crawl_and_again_in_the_next(
    archive: Archive, db_path: Path
) -> None:
    home = "https://site.test/"
    teasers = [(home, Teaser(url="https://site.test/a/", position=i)) for i in (0, 1)]
    first = archive.start_crawl("test")
    assert archive.write_batch([], teasers, [], [], first).teasers == 2
    assert archive.write_batch([], teasers, [], [], first).teasers == 0
    second = archive.start_crawl("test")
    assert archive.write_batch([], teasers, [], [], second).teasers == 2
    assert rows(db_path, "SELECT crawl_id, count(*) FROM teasers GROUP BY crawl_id") == [
        (first, 2),
        (second, 2),
    ]


def test_teaser_stored_before_its_article_is_resolved_later(
    archive: Archive, db_path: Path
) -> None:
    crawl = archive.start_crawl("test")
    # Linked without the trailing slash and over http: resolved by url_key.
    archive.write_batch(
        [], [("https://site.test/", Teaser(url="http://site.test/a"))], [], [], crawl
    )
    assert rows(db_path, "SELECT article_url FROM teasers") == [(None,)]
    archive.write_batch([article()], [], [], [], crawl)
    assert rows(db_path, "SELECT article_url FROM teasers") == [("https://site.test/a/",)]


def test_teaser_resolves_through_redirect_alias(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    old = "https://site.test/2020/01/02/a/"
    archive.write_batch([article(aliases=[old])], [], [], [], crawl)
    archive.write_batch([], [("https://site.test/", Teaser(url=old))], [], [], crawl)
    assert rows(db_path, "SELECT url, article_url FROM teasers") == [(old, "https://site.test/a/")]


def test_article_teasers_are_sightings_on_its_page(archive: Archive, db_path: Path) -> None:
    related = Teaser(url="https://site.test/b/", kind="related", position=3, authors=["X"])
    archive.write_batch([article(teasers=[related])], [], [], [], archive.start_crawl("test"))
    assert rows(db_path, "SELECT source_url, url, kind, position, authors FROM teasers") == [
        ("https://site.test/a/", "https://site.test/b/", "related", 3, '["X"]')
    ]


def test_aliases_point_every_url_at_the_article(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    result = archive.write_batch(
        [article(aliases=["https://site.test/?p=12"])],
        [],
        [("https://partner.test/copy/", "https://site.test/a/")],
        [],
        crawl,
    )
    assert result.aliases == 3
    assert sorted(rows(db_path, "SELECT url, article_url FROM aliases")) == [
        ("https://partner.test/copy/", "https://site.test/a/"),
        ("https://site.test/?p=12", "https://site.test/a/"),
        ("https://site.test/a/", "https://site.test/a/"),
    ]


def test_rejects_recorded_once_per_crawl(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    reject = Reject(url="https://site.test/x/", reason="no_body", site="test", title="X")
    assert archive.write_batch([], [], [], [reject, reject], crawl).rejects == 1
    assert rows(db_path, "SELECT url, site, reason, title, crawl_id FROM rejects") == [
        ("https://site.test/x/", "test", "no_body", "X", crawl)
    ]


def test_crawl_row_records_outcome(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    assert rows(db_path, "SELECT status, ended FROM crawls") == [("running", None)]
    archive.finish_crawl(
        crawl,
        status="finished",
        finish_reason="finished",
        exit_code=0,
        counts={"pages": 7, "articles_new": 3, "errors": 1},
        stats={"response_received_count": 7},
    )
    (row,) = rows(
        db_path,
        "SELECT site, status, finish_reason, exit_code, pages, articles_new, errors, stats, ended FROM crawls",
    )
    assert row[:7] == ("test", "finished", "finished", 0, 7, 3, 1)
    assert json.loads(row[7]) == {"response_received_count": 7}
    assert row[8] is not None


def test_finish_crawl_refuses_unknown_counts(archive: Archive) -> None:
    with pytest.raises(ValueError, match="bogus"):
        archive.finish_crawl(
            archive.start_crawl("test"),
            status="finished",
            finish_reason="finished",
            exit_code=0,
            counts={"bogus": 1},
            stats={},
        )


def test_known_articles_maps_urls_and_aliases_of_the_site(archive: Archive, db_path: Path) -> None:
    crawl = archive.start_crawl("test")
    archive.write_batch(
        [
            article(aliases=["http://site.test/old-a"], lastmod="2025-01-05", content_hash="ha"),
            article("https://other.test/b/", site="other"),
        ],
        [],
        [],
        [],
        crawl,
    )
    known = known_articles(db_path, "test")
    assert set(known) == {"site.test/a", "site.test/old-a"}
    assert known["site.test/old-a"].url == "https://site.test/a/"
    assert known["site.test/a"].lastmod == "2025-01-05"
    assert known["site.test/a"].content_hash == "ha"


def test_known_articles_does_not_create_a_missing_archive(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert known_articles(missing, "test") == {}
    assert not missing.exists()


@pytest.mark.parametrize("content", [b"hello, not a database\n" * 50, b""])
def test_text_file_named_archive_db_is_an_archive_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "archive.db"
    path.write_bytes(content)
    with pytest.raises(ArchiveError) as error:
        known_articles(path, "test")
    assert "\n" not in str(error.value)
    if content:
        with pytest.raises(ArchiveError, match="archive.db"):
            Archive(path)


def test_archive_in_missing_folder_is_an_archive_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="cannot open archive"):
        Archive(tmp_path / "no" / "such" / "archive.db")


def test_newer_schema_is_refused(db_path: Path) -> None:
    Archive(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="schema version"):
        Archive(db_path)


def test_a_version_1_archive_is_upgraded_in_place(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.write_batch([article()], [], [], [], archive.start_crawl("test"))
    conn = sqlite3.connect(db_path)  # back to version 1: no pid/host on crawls
    conn.executescript(
        "ALTER TABLE crawls DROP COLUMN pid; ALTER TABLE crawls DROP COLUMN host;"
        "DROP TABLE article_versions; DROP TABLE frontier;"
        "ALTER TABLE rejects DROP COLUMN detail; ALTER TABLE rejects DROP COLUMN status;"
        "ALTER TABLE rejects DROP COLUMN attempts;"
        "ALTER TABLE articles DROP COLUMN etag; ALTER TABLE articles DROP COLUMN last_modified;"
        "ALTER TABLE articles DROP COLUMN capture; DROP TABLE captures; DROP TABLE warc_imports;"
        "DELETE FROM schema_version; INSERT INTO schema_version VALUES (1, 'then');"
    )
    conn.close()
    with Archive(db_path) as archive:
        assert archive.start_crawl("test") == 2
    assert rows(db_path, "SELECT version FROM schema_version ORDER BY version") == [
        (1,),
        (2,),
        (3,),
        (4,),
        (5,),
    ]
    assert rows(db_path, "SELECT id, pid IS NULL FROM crawls") == [(1, 1), (2, 0)]
    assert rows(db_path, "SELECT count(*) FROM captures") == [(0,)]
    assert rows(db_path, "SELECT capture FROM articles") == [(None,)]
    assert rows(db_path, "SELECT count(*) FROM frontier") == [(0,)]
    assert rows(db_path, "SELECT title FROM articles") == [("Les élections",)]


def test_a_crawl_whose_process_is_gone_is_marked_killed(archive: Archive) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    killed = archive.start_crawl("test")
    archive.db.execute("UPDATE crawls SET pid = ? WHERE id = ?", (int(gone.stdout), killed))
    ours = archive.start_crawl("test")  # this process: alive
    elsewhere = archive.start_crawl("test")
    archive.db.execute("UPDATE crawls SET host = 'another-machine' WHERE id = ?", (elsewhere,))
    archive.db.conn.commit()
    found = archive.close_killed_crawls()
    assert [crawl.id for crawl in found] == [killed]
    statuses = dict(archive.db.execute("SELECT id, status FROM crawls").fetchall())
    assert statuses == {killed: "killed", ours: "running", elsewhere: "running"}
    assert archive.close_killed_crawls() == []
