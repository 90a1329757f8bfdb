"""`scraper import-warc`: WARCs of a real loopback crawl archive as the crawl did; re-runs,
filters, parallel workers, a Dask cluster, hostile records and kill -9 in the middle."""

from __future__ import annotations

import gzip
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.crawl.warc import default_warc_dir
from scraper.ingest.warc_import import import_warcs
from scraper.tools.demo.server import serve
from scraper.tools.demo.site import build_site
from scraper.tools.demo.warc import write_site_warc
from tests.test_crawl import query, run_crawl

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = "SELECT url, title, body, authors, published FROM articles ORDER BY url"
TEASERS = (
    "SELECT source_url, position, kind, url, article_url, title, excerpt, authors, published"
    " FROM teasers ORDER BY 1, 2, 3, 4"
)
ALIASES = "SELECT url, article_url FROM aliases ORDER BY url"


def rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {name: query(db, sql) for name, sql in (("a", ARTICLES), ("t", TEASERS), ("l", ALIASES))}


def cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper", "import-warc", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A loopback crawl of a two-era copy (gzip-encoded HTML) and its WARC files."""
    db = tmp_path_factory.mktemp("crawled") / "archive.db"
    with serve(build_site(30, seed=5), compress=True) as base:
        result = run_crawl(base, db)
    assert result.returncode == 0, result.stderr[-2000:]
    return db, sorted(str(p) for p in default_warc_dir(db).glob("*.warc.gz"))


def test_importing_a_crawls_warcs_gives_what_the_crawl_archived(
    crawled: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, files = crawled
    imported = tmp_path / "imported.db"
    result = cli(*files, "--db", str(imported))
    assert result.returncode == 0, result.stderr[-2000:]
    assert rows(imported) == rows(db)
    assert len(rows(db)["a"]) == 30 and rows(db)["t"]
    # Again: every part is known, nothing is stored twice.
    again = cli(*files, "--db", str(imported))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "0 new" in again.stderr and f"({len(files)} parts imported before)" in again.stderr
    assert rows(imported) == rows(db)
    assert query(imported, "SELECT count(*) FROM teasers") == query(
        db, "SELECT count(*) FROM teasers"
    )


def test_two_workers_and_a_dask_cluster_store_the_same_rows(
    crawled: tuple[Path, list[str]], tmp_path: Path
) -> None:
    from distributed import LocalCluster

    db, files = crawled
    two = tmp_path / "two.db"
    # Small units: the one file is shared by the two processes.
    result = import_warcs(str(two), files, workers=2, unit_bytes=20_000)
    assert result.exit_code == 0 and result.units > 4
    assert rows(two) == rows(db)
    dask = tmp_path / "dask.db"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False) as cluster:
        result = import_warcs(
            str(dask), files, workers=2, scheduler=cluster.scheduler_address, unit_bytes=20_000
        )
    assert result.exit_code == 0
    assert rows(dask) == rows(db)


def test_hosts_and_dates_filter_what_is_archived(
    crawled: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, files = crawled
    other = tmp_path / "other.db"
    result = cli(*files, "--db", str(other), "--host", "example.org")
    assert result.returncode == 4, result.stderr  # nothing of that host: nothing usable
    assert query(other, "SELECT count(*) FROM articles") == [(0,)]
    recent = tmp_path / "recent.db"
    result = cli(*files, "--db", str(recent), "--since", "2025-01-01", "--until", "2025-12-31")
    assert result.returncode == 0, result.stderr[-2000:]
    expected = query(
        db, "SELECT url FROM articles WHERE substr(published, 1, 4) = '2025' ORDER BY url"
    )
    assert expected and query(recent, "SELECT url FROM articles ORDER BY url") == expected


def _response(writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]]) -> None:
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), http_headers=http
        )
    )


def _article(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraphe {i} de l’article {n} : la commission examine le budget.</p>"
        for i in range(12)
    )
    return (
        f"<html lang='fr'><head><title>Article {n}</title></head><body><article>"
        f"<h1>Article numéro {n}</h1>{paragraphs}</article></body></html>"
    ).encode()


def test_hostile_records_are_rejects_and_the_import_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    with good.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        html = [("Content-Type", "text/html; charset=utf-8")]
        _response(writer, "https://news.example/a/article-un/", _article(1), html)
        _response(writer, "https://news.example/a/article-un/", _article(1), html)  # twice
        # A header that is not UTF-8 (ISO-8859-1 as HTTP allows), and a 50 MB page.
        _response(
            writer,
            "https://news.example/a/article-deux/",
            _article(2),
            [*html, ("X-Auteur", "Andr\xe9")],
        )
        huge = _article(3).replace(b"</article>", b"<p>" + b"mot " * 12_500_000 + b"</p></article>")
        _response(writer, "https://news.example/a/article-trois/", huge, html)
        # A payload that is no HTTP response at all (written by hand: warcio would refuse).
        payload = b"\x00\x01 not http"
        stream.write(
            gzip.compress(
                b"WARC/1.1\r\nWARC-Type: response\r\n"
                b"WARC-Target-URI: https://news.example/a/pas-http/\r\n"
                b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                b"WARC-Date: 2026-01-01T00:00:00Z\r\n"
                b"Content-Type: application/http; msgtype=response\r\n"
                + f"Content-Length: {len(payload)}\r\n\r\n".encode()
                + payload
                + b"\r\n\r\n"
            )
        )
        # Content-Length that promises more than the body holds.
        short = StatusAndHeaders(
            "200 OK", [*html, ("Content-Length", "999999")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/a/article-quatre/",
                "response",
                payload=BytesIO(_article(4)),
                length=len(_article(4)),
                http_headers=short,
            )
        )
    data = good.read_bytes()
    # A gzip member cut in half in the middle of the file, then the rest.
    bad = tmp_path / "bad.warc.gz"
    cut = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 5000)[:200]
    bad.write_bytes(cut + data + data[:300])
    db = tmp_path / "archive.db"
    result = cli(str(bad), "--db", str(db))
    assert result.returncode == 0, result.stderr[-2000:]
    titles = [t for (t,) in query(db, "SELECT title FROM articles ORDER BY url")]
    assert {"Article numéro 1", "Article numéro 2", "Article numéro 3"} <= set(titles)
    rejects = query(db, "SELECT reason, detail FROM rejects ORDER BY id")
    reasons = [r for r, _ in rejects]
    assert reasons.count("warc_corrupt") >= 3  # the cut head, the non-HTTP payload, the cut tail
    assert all("bad.warc.gz at byte" in d for r, d in rejects if r == "warc_corrupt")
    assert query(db, "SELECT count(*), count(DISTINCT url) FROM articles")[0][0] == len(titles)


def test_kill_9_mid_import_then_again_stores_everything_once(tmp_path: Path) -> None:
    site = build_site(150, seed=9)
    files = []
    for n in range(4):  # four files, the same pages: much to read, little new
        path = tmp_path / f"part-{n}.warc.gz"
        write_site_warc(site, path, "http://127.0.0.1:8000/")
        files.append(str(path))
    clean = tmp_path / "clean.db"
    assert cli(*files, "--db", str(clean), "--quiet").returncode == 0
    db = tmp_path / "archive.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "scraper", "import-warc", *files, "--db", str(db), "--quiet"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _stored_some(db):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL  # killed mid-import, not finished
    result = cli(*files, "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr[-2000:]
    assert rows(db) == rows(clean)
    assert query(db, "SELECT count(*) FROM teasers") == query(clean, "SELECT count(*) FROM teasers")
    assert query(db, "SELECT count(*) FROM articles") == [(150,)]


def _stored_some(db: Path) -> bool:
    """The import has written its first batch (and has parts of files left to read)."""
    try:
        return bool(query(db, "SELECT count(*) FROM articles")[0][0])
    except Exception:  # noqa: BLE001  # not created yet
        return False


def test_no_such_file_is_one_line(tmp_path: Path) -> None:
    result = cli(str(tmp_path / "nothing-*.warc.gz"), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: no WARC file matches {tmp_path / 'nothing-*.warc.gz'}"


def _dated_page(path: Path, title: str, when: str) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        body = _article(7).replace(b"Article num\xc3\xa9ro 7", title.encode())
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/a/article-sept/",
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": when},
            )
        )


@pytest.mark.parametrize("order", ["older first", "newer first"])
def test_the_latest_capture_of_a_page_is_the_current_version(tmp_path: Path, order: str) -> None:
    """Two crawls' WARCs imported at once: as if crawled in turn, whatever the order read."""
    older, newer = tmp_path / "2024.warc.gz", tmp_path / "2025.warc.gz"
    _dated_page(older, "Titre de 2024", "2024-03-01T08:00:00Z")
    _dated_page(newer, "Titre corrigé en 2025", "2025-03-01T08:00:00Z")
    files = [older, newer] if order == "older first" else [newer, older]
    db = tmp_path / "archive.db"
    result = cli(*map(str, files), "--db", str(db))
    assert result.returncode == 0, result.stderr[-2000:]
    assert query(db, "SELECT title, fetched_at FROM articles") == [
        ("Titre corrigé en 2025", "2025-03-01T08:00:00Z")
    ]
    expected_versions = [("Titre de 2024",)] if order == "older first" else []
    assert query(db, "SELECT title FROM article_versions") == expected_versions


def test_a_redirect_waiting_for_its_article_survives_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit is recorded as done only once its redirects are stored: one whose target
    article was still to come is read again by the next run."""
    import scraper.ingest.warc_import as warc_import

    warc = tmp_path / "site.warc.gz"
    html = [("Content-Type", "text/html; charset=utf-8")]
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        moved = StatusAndHeaders(
            "301 Moved Permanently",
            [("Location", "https://news.example/a/article-sept/")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/?p=7",
                "response",
                payload=BytesIO(b""),
                length=0,
                http_headers=moved,
            )
        )
        for n in range(1, 7):
            _response(writer, f"https://news.example/a/autre-{n}/", _article(n), html)
        _response(writer, "https://news.example/a/article-sept/", _article(7), html)
    units = warc_import.units(str(warc), 600)
    assert len(units) > 3
    read_unit = warc_import.read_unit

    def crash_at_the_article(unit: Any, *args: Any) -> Any:
        result = read_unit(unit, *args)
        if any(url.endswith("/article-sept/") for url, _ in result.items):
            raise RuntimeError("killed")
        return result

    db = tmp_path / "archive.db"
    monkeypatch.setattr(warc_import, "FLUSH_SECONDS", 0.0)  # record units as soon as stored
    monkeypatch.setattr(warc_import, "read_unit", crash_at_the_article)
    with pytest.raises(RuntimeError):
        import_warcs(str(db), [str(warc)], unit_bytes=600)
    done = {start for (start,) in query(db, "SELECT start FROM warc_imports")}
    assert done and units[0].start not in done  # the redirect's unit waits for its article
    monkeypatch.setattr(warc_import, "read_unit", read_unit)
    assert import_warcs(str(db), [str(warc)], unit_bytes=600).exit_code == 0
    assert query(db, "SELECT article_url FROM aliases WHERE url = 'https://news.example/?p=7'") == [
        ("https://news.example/a/article-sept/",)
    ]
