"""Running crawls as cron and people do: one-line failures with the log beside the archive, no
network found in seconds, one crawl per archive, progress on a terminal and in a log.

Real `scraper crawl` processes against servers on 127.0.0.1 (see test_crawl.py)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from scraper.storage.lock import ArchiveLock
from scraper.tools.demo import crawl_command
from scraper.tools.demo.server import serve
from scraper.tools.demo.site import build_site
from tests.test_crawl import FAST, _crawl_recorded, query, run_crawl


def scraper(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scraper", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def dead_url() -> str:
    """A loopback origin where nothing listens any more (a server that just stopped)."""
    with serve(build_site(5)) as base_url:
        return str(base_url)


@pytest.mark.parametrize("where", ["dead", "port 9"])
def test_nothing_answering_fails_in_seconds_in_one_line_naming_the_log(
    tmp_path: Path, dead_url: str, where: str
) -> None:
    """The issue's own check: `scraper crawl --url http://127.0.0.1:9/ --quiet`."""
    url = "http://127.0.0.1:9/" if where == "port 9" else dead_url
    db = tmp_path / "d.db"
    started = time.monotonic()
    result = scraper("crawl", "--url", url, "--db", str(db), "--quiet")
    took = time.monotonic() - started
    address = url.split("//")[1].rstrip("/")
    assert result.returncode == 4
    assert result.stderr == (
        f"scraper: crawl failed: nothing answers at {address} (connection refused)"
        f" (log: {tmp_path / 'd.log'})\n"
    )
    assert took < 15
    assert query(db, "select status, exit_code, finish_reason from crawls") == [
        ("failed", 4, "unreachable")
    ]
    log = (tmp_path / "d.log").read_text()  # the whole story is there, Scrapy's INFO included
    assert "[scrapy.core.engine] INFO: Spider opened" in log
    assert "Traceback" in log and "Connection was refused" in log


@pytest.mark.parametrize("asked_delay", [False, True])
def test_without_quiet_warnings_still_show_and_the_notice_only_when_no_delay_asked(
    tmp_path: Path, dead_url: str, asked_delay: bool
) -> None:
    options = ["-s", "DOWNLOAD_DELAY=0.05"] if asked_delay else []
    log = tmp_path / "elsewhere.log"
    result = scraper(
        "crawl", "--url", dead_url, "--db", str(tmp_path / "n.db"), "--log-file", str(log),
        *options,
    )  # fmt: skip
    assert result.returncode == 4
    notice = f"{dead_url} is a local copy: no politeness delay (-s DOWNLOAD_DELAY=1 sets one)"
    assert (notice in result.stderr) is not asked_delay
    assert "ERROR: Gave up retrying" in result.stderr  # WARNING and above on stderr as before
    assert result.stderr.splitlines()[-1].endswith(f"(log: {log})")
    assert "Spider opened" in log.read_text() and not (tmp_path / "n.log").exists()


def test_a_second_crawl_on_an_archive_is_refused_until_the_first_is_killed(
    tmp_path: Path,
) -> None:
    db = tmp_path / "k.db"
    with serve(build_site(20, seed=6), delay=0.1) as base_url:
        first = subprocess.Popen(crawl_command(base_url, db, *FAST), stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while not _crawl_recorded(db):
                assert time.monotonic() < deadline, "the crawl never recorded itself"
                time.sleep(0.1)
            second = run_crawl(base_url, db)
            ((started,),) = query(db, "select started from crawls")
            assert second.returncode == 1
            assert second.stderr == (
                f"Error: {db} is in use by crawl 1 of courrier (pid {first.pid}, started "
                f"{started}): one crawl per archive at a time\n"
            )
            assert query(db, "select count(*) from crawls") == [(1,)]  # left alone
        finally:
            first.send_signal(signal.SIGKILL)  # no handler runs: the kernel drops the lock
            first.wait(timeout=30)
        third = run_crawl(base_url, db, "--max-articles", "1")
    assert third.returncode == 0, third.stderr[-2000:]
    assert query(db, "select id, status from crawls order by id") == [
        (1, "killed"),
        (2, "finished"),
    ]


def test_plain_scrapy_crawl_takes_the_same_lock(tmp_path: Path, dead_url: str) -> None:
    db = tmp_path / "s.db"
    root = Path(__file__).resolve().parent.parent
    command = ["scrapy", "crawl", "courrier", "-a", f"base_url={dead_url}", "-s",
               f"ARCHIVE_PATH={db}", "-s", "LOG_LEVEL=ERROR"]  # fmt: skip
    with ArchiveLock(db):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"{db} is in use by another crawl (pid {os.getpid()})" in result.stderr
    assert not db.exists() or query(db, "select count(*) from crawls") == [(0,)]


def test_progress_lines_count_articles_as_they_are_extracted(tmp_path: Path) -> None:
    """Stderr is no terminal (a log, cron): a plain line every PROGRESS_INTERVAL seconds."""
    with serve(build_site(10, seed=4), delay=0.05) as base_url:
        command = crawl_command(base_url, tmp_path / "p.db", *FAST, "-s", "PROGRESS_INTERVAL=0.3")
        command.remove("--quiet")
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("crawling: ")]
    extracted = [int(line.split(" elapsed, ")[1].split()[0].split("/")[0]) for line in lines]
    # Articles counted while the first batch of 100 is still unwritten.
    assert extracted == sorted(extracted) and 0 < extracted[-1] < 10 + 2
    assert all(" pages, " in line and " articles/min" in line for line in lines)
    done = next(line for line in result.stderr.splitlines() if line.startswith("done: "))
    # Every article asked for is accounted for at the end: the site's old URLs redirecting to
    # articles already fetched and its dead links are no articles still to come.
    assert re.search(r" (\d+)/\1 articles extracted \(10 new\), ", done), done


def test_progress_is_a_live_bar_on_a_terminal(tmp_path: Path) -> None:
    master, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    with serve(build_site(10, seed=4), delay=0.05) as base_url:
        command = crawl_command(base_url, tmp_path / "t.db", *FAST)
        command.remove("--quiet")
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=terminal,
                                   stderr=terminal)  # fmt: skip
        os.close(terminal)
        screen = b""
        while chunk := _read(master):
            screen += chunk
        process.wait(timeout=60)
    os.close(master)
    text = screen.decode("utf-8", "replace")
    assert process.returncode == 0, text[-2000:]
    redraws = [part for part in text.split("\r") if part.startswith("crawling: ")]
    assert len(redraws) >= 3  # redrawn in place, not one line each
    assert "articles/s, " in redraws[-1] and " new, " in redraws[-1]
    assert "finished: 10 new" in text


def _read(fd: int) -> bytes:
    """The next output of a pseudo-terminal; b"" once the program has closed it."""
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: no process holds the terminal any more
        return b""
