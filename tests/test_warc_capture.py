"""WARC capture during real loopback crawls: every exchange kept as served, files warcio
accepts, a `captures` row per response, rotation, and files a killed crawl left open repaired
by the next one."""

from __future__ import annotations

import gzip
import io
import random
import subprocess
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from scraper.crawl.warc import OPEN_SUFFIX, default_warc_dir
from scraper.tools.demo import crawl_with_kills, kill_moments
from scraper.tools.demo.server import serve
from scraper.tools.demo.site import build_site
from tests.test_crawl import query, run_crawl


def warc_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.warc.gz"))


def warcio_check(files: list[Path]) -> None:
    """warcio's own validator (digests, record structure) accepts every file."""
    result = subprocess.run(
        ["warcio", "check", "-v", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def records(files: list[Path], kind: str) -> list[tuple[str, str, int]]:
    """(file name, target URI, offset) of every record of `kind`."""
    found = []
    for file in files:
        with file.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                if record.rec_type == kind:
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    found.append((file.name, uri, iterator.get_record_offset()))
    return found


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, list[str]]:
    """A crawl of a 20-article copy whose HTML is gzipped and where two pages answer 503
    first: the archive, the number of answers the server sent, the 503'd paths."""
    db = tmp_path_factory.mktemp("warc") / "archive.db"
    site = build_site(20, seed=4)
    with serve(site, compress=True) as base:
        articles = [p for p in site.routes if p.count("-") > 3 and p.endswith("/")][:2]
        for path in articles:
            base.server.fail(path, 503, retry_after=0)
        result = run_crawl(base, db)
        answers = len(base.server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    return db, answers, articles


def test_every_exchange_is_a_valid_warc_record_with_its_captures_row(
    crawled: tuple[Path, int, list[str]],
) -> None:
    db, answers, retried = crawled
    files = warc_files(default_warc_dir(db))
    assert files and not list(default_warc_dir(db).glob(f"*{OPEN_SUFFIX}"))
    warcio_check(files)
    responses = records(files, "response")
    assert len(responses) == answers  # one response record per answer, 503s included
    assert len(records(files, "request")) == answers
    rows = query(db, "SELECT warc_file, url, offset FROM captures")
    assert sorted(rows) == sorted(responses)
    for path in retried:  # the 503 and the 200 after it
        statuses = query(db, "SELECT status FROM captures WHERE url LIKE ?", f"%{path}")
        assert sorted(s for (s,) in statuses) == [200, 503]


def test_a_captures_row_reads_back_its_record_as_served(
    crawled: tuple[Path, int, list[str]],
) -> None:
    db, _, _ = crawled
    folder = default_warc_dir(db)
    (url, capture, file, offset, length, digest) = query(
        db,
        "SELECT a.url, a.capture, c.warc_file, c.offset, c.length, c.payload_digest"
        " FROM articles a JOIN captures c ON c.record_id = a.capture LIMIT 1",
    )[0]
    with (folder / file).open("rb") as stream:
        stream.seek(offset)
        member = stream.read(length)
    record = next(iter(ArchiveIterator(io.BytesIO(member))))
    assert record.rec_headers.get_header("WARC-Record-ID") == capture
    assert record.rec_headers.get_header("WARC-Payload-Digest") == digest
    assert record.http_headers.get_header("Content-Encoding") == "gzip"
    raw = record.raw_stream.read()
    assert gzip.decompress(raw).startswith(b"<!DOCTYPE html>")  # the body as sent: gzipped
    title = query(db, "SELECT title FROM articles WHERE url = ?", url)[0][0]
    assert title.split()[0].encode() in gzip.decompress(raw)
    # Every article names the capture it came from.
    assert query(db, "SELECT count(*) FROM articles WHERE capture IS NULL") == [(0,)]


def test_no_warc_keeps_no_exchange(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve(build_site(5, seed=2)) as base:
        result = run_crawl(base, db, "--no-warc")
    assert result.returncode == 0, result.stderr[-2000:]
    assert not default_warc_dir(db).exists()
    assert query(db, "SELECT count(*) FROM captures") == [(0,)]
    assert query(db, "SELECT count(*) FROM articles WHERE capture IS NOT NULL") == [(0,)]


def test_files_rotate_and_a_file_left_open_is_repaired(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    folder = tmp_path / "evidence"
    folder.mkdir()
    # What a killed crawl leaves: a whole record, then half of the next one.
    with serve(build_site(5, seed=2)) as base:
        result = run_crawl(base, tmp_path / "other.db", "--warc-dir", str(folder))
    assert result.returncode == 0, result.stderr[-2000:]
    (whole,) = warc_files(folder)
    size = whole.stat().st_size
    left = whole.with_name(whole.name + OPEN_SUFFIX)
    first = next(iter(records([whole], "response")))[2]  # past the file's warcinfo record
    left.write_bytes(whole.read_bytes() + whole.read_bytes()[first : first + 300])
    whole.unlink()
    with serve(build_site(8, seed=2)) as base:
        result = run_crawl(base, db, "--warc-dir", str(folder), "-s", "WARC_MAX_BYTES=60000")
    assert result.returncode == 0, result.stderr[-2000:]
    files = warc_files(folder)
    assert left.with_name(left.name.removesuffix(OPEN_SUFFIX)).stat().st_size == size
    assert len(files) > 3  # the repaired file, and this crawl's in several parts
    assert not list(folder.glob(f"*{OPEN_SUFFIX}"))
    warcio_check(files)
    assert query(db, "SELECT count(DISTINCT warc_file) FROM captures") == [(len(files) - 1,)]


def test_kill_9_leaves_only_whole_records_and_no_duplicate(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    site = build_site(30, seed=8)
    with serve(site) as base:
        started = time.monotonic()
        assert run_crawl(base, tmp_path / "clean.db").returncode == 0
        seconds = time.monotonic() - started
        moments = kill_moments(random.Random(8), 2, seconds)
        result = crawl_with_kills(base, db, moments)
    assert result.returncode == 0, result.stderr[-2000:]
    files = warc_files(default_warc_dir(db))
    assert not list(default_warc_dir(db).glob(f"*{OPEN_SUFFIX}"))
    warcio_check(files)
    assert query(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(30, 30)]
    # Every row points at a record that is there.
    responses = set(records(files, "response"))
    rows = set(query(db, "SELECT warc_file, url, offset FROM captures"))
    assert rows <= responses
