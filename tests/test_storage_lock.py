"""One crawl per archive: the lock file beside the archive, held by one process at a time."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scraper.storage import Archive
from scraper.storage.lock import ArchiveBusy, ArchiveLock, lock_path


@contextmanager
def held_elsewhere(db: Path, pid: int) -> Iterator[None]:
    """The lock held through another open file, as another process would hold it."""
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, f"{pid}\n".encode())
        yield
    finally:
        os.close(fd)


def test_a_held_archive_is_refused_naming_the_running_crawl(db_path: Path) -> None:
    with Archive(db_path) as archive:
        crawl_id = archive.start_crawl("courrier")
        (started,) = archive.db.execute("select started from crawls").fetchone()
    with held_elsewhere(db_path, os.getpid()), pytest.raises(ArchiveBusy) as refused:
        ArchiveLock(db_path).acquire()
    assert str(refused.value) == (
        f"{db_path} is in use by crawl {crawl_id} of courrier (pid {os.getpid()}, started "
        f"{started}): one crawl per archive at a time"
    )


def test_a_holder_that_has_not_recorded_its_crawl_yet_is_named_by_its_pid(
    db_path: Path,
) -> None:
    with held_elsewhere(db_path, 4242), pytest.raises(ArchiveBusy, match=r"\(pid 4242\), starting"):
        ArchiveLock(db_path).acquire()
    assert not db_path.exists()  # asking who holds it creates no archive


def test_the_lock_is_reentrant_within_a_process_and_released_by_the_last_holder(
    db_path: Path,
) -> None:
    cli, pipeline = ArchiveLock(db_path), ArchiveLock(db_path)
    cli.acquire()
    pipeline.acquire()  # the store pipeline, inside the CLI's crawl
    pipeline.release()
    probe = [sys.executable, "-c", f"from scraper.storage.lock import ArchiveLock; "
             f"ArchiveLock({str(db_path)!r}).acquire()"]  # fmt: skip
    still = subprocess.run(probe, capture_output=True, text=True, check=False)
    assert still.returncode == 1 and "one crawl per archive at a time" in still.stderr
    cli.release()
    assert subprocess.run(probe, check=False).returncode == 0
    assert lock_path(db_path).is_file() and lock_path(db_path).name == "archive.db.lock"
