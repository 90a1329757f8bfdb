"""The pipelines inside a real Scrapy engine, in a subprocess, against a loopback HTTP server."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from scraper.items import Article
from scraper.storage import archive


class Page(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<p>page</p>")

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Page)
threading.Thread(target=server.serve_forever, daemon=True).start()


class PagesSpider(Spider):
    name = "pages"

    async def start(self):
        for i in range(6):
            yield Request(f"http://127.0.0.1:{server.server_port}/{i}/")

    def parse(self, response):
        yield Article(url=response.url, title="Titre", body=f"mot {response.url} " * 60)


if sys.argv[2] == "fail":
    def fail(*args, **kwargs):
        raise archive.ArchiveError("archive write failed (archive.db): disk I/O error")
    archive.Archive.write_batch = fail
settings = Settings()
settings.setmodule("scraper.crawl.settings")
settings.update({
    "ARCHIVE_PATH": sys.argv[1], "ARCHIVE_BATCH_SIZE": 2, "LOG_LEVEL": "ERROR",
    "ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
})
process = CrawlerProcess(settings)
process.crawl(PagesSpider)
process.start()
"""


def crawl(db: Path, mode: str) -> tuple[subprocess.CompletedProcess[str], list[tuple]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT site, finish_reason, status, exit_code, articles_new, ended IS NOT NULL"
            " FROM crawls"
        ).fetchall()
        rows.append(conn.execute("SELECT count(*) FROM articles").fetchone())
    finally:
        conn.close()
    return done, rows


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("ok", ("pages", "finished", "finished", 0, 6, 6)),
        ("fail", ("pages", "archive_error", "failed", 5, 0, 0)),
    ],
)
def test_engine_run_records_the_crawl(db_path: Path, mode: str, expected: tuple) -> None:
    done, rows = crawl(db_path, mode)
    assert done.returncode == 0, done.stderr
    (*crawl_row, ended), (articles,) = rows
    assert (*crawl_row, articles) == expected
    assert ended == 1
    assert ("disk I/O error" in done.stderr) == (mode == "fail")
