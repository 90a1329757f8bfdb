"""Shared fixtures: paths to the shared corpora, a fresh archive path, a crawled demo archive,
a read-only copy of it, and `scraper serve` running on it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a not-yet-created archive in a temporary folder."""
    return tmp_path / "archive.db"


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20-article archive crawled by `scraper demo` from its sample site, built once a session.

    Tests read it only (copy it to change it): it stands for an analyst's archive.
    """
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "demo", "--db", str(db), "--articles", "20", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return db


@pytest.fixture(scope="session")
def readonly_archive(demo_archive: Path) -> Iterator[Path]:
    """A copy of the demo archive as on a read-only share: WAL mode, `chmod -R a-w` folder
    (world-readable, so `as_reader` can read it)."""
    folder = Path(tempfile.mkdtemp(prefix="readonly-archive-"))
    copy = folder / demo_archive.name
    shutil.copy(demo_archive, copy)
    copy.chmod(0o444)
    folder.chmod(0o555)
    yield copy
    folder.chmod(0o755)
    shutil.rmtree(folder)


def as_reader(command: list[str]) -> list[str]:
    """`command` run so that file permissions bind it: root reads a `chmod a-w` file as
    writable, so as root the command runs without the capabilities that override them."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def scraper_serve(db: Path, *, reader: bool = False) -> Iterator[str]:
    """`scraper serve --db DB` on a free port of 127.0.0.1 (`reader`: bound by file
    permissions, see `as_reader`); yields its base URL once it answers."""
    pytest.importorskip(
        "datasette", reason="scraper serve needs Datasette (pip install -e '.[test]')"
    )
    port = free_port()
    command = [sys.executable, "-m", "scraper", "serve", "--db", str(db), "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    # A file, not a pipe: Datasette logs every request, and an unread pipe would fill up.
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            as_reader(command) if reader else command,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=log,
            text=True,
        )
        try:
            deadline = time.monotonic() + 30
            while not _answers(f"{base}/-/versions.json"):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise AssertionError(f"scraper serve did not answer: {log.read()[-2000:]}")
                time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="session")
def served_demo(demo_archive: Path) -> Iterator[str]:
    """The demo archive served by `scraper serve` for the whole session: its base URL."""
    with scraper_serve(demo_archive) as base:
        yield base
