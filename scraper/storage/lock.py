"""One crawl per archive: an advisory lock on `ARCHIVE.lock`, held while a crawl runs.

flock(2) on a file beside the archive, never on the SQLite file itself: closing any other
descriptor of that file would drop SQLite's own POSIX locks. The kernel releases the lock
when its holder dies, even by SIGKILL, so a killed run never leaves it stuck.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from pathlib import Path
from typing import Self

from scraper.storage.schema import ArchiveError, open_readonly


class ArchiveBusy(ArchiveError):
    """Another process is crawling into this archive."""


# A flock belongs to an open file: a second open() of the lock file in this process would be
# refused by the first. Holders in one process (the CLI, then the store pipeline) share one
# descriptor and count their holds; the lock goes when the last one lets go.
_held: dict[str, list[int]] = {}  # lock file -> [descriptor, holds]


def lock_path(db: str | Path) -> Path:
    """The lock file of an archive: its name with `.lock` added (`archive.db.lock`)."""
    return Path(f"{db}.lock")


class ArchiveLock:
    """The right to crawl into one archive; `acquire` raises ArchiveBusy naming the holder."""

    def __init__(self, db: str | Path) -> None:
        self.db = Path(db)
        self.path = os.path.realpath(lock_path(db))
        self.holding = False

    def acquire(self) -> None:
        if self.holding:
            return
        if self.path in _held:
            _held[self.path][1] += 1
            self.holding = True
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ArchiveError(f"cannot create the lock file {self.path}: {exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _pid_in(fd)
            os.close(fd)
            raise ArchiveBusy(
                f"{self.db} is in use by {running_crawl(self.db, holder)}: "
                "one crawl per archive at a time"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _held[self.path] = [fd, 1]
        self.holding = True

    def release(self) -> None:
        if not self.holding:
            return
        self.holding = False
        entry = _held[self.path]
        entry[1] -= 1
        if entry[1] == 0:
            del _held[self.path]
            os.close(entry[0])  # closing the descriptor releases the flock

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _pid_in(fd: int) -> int | None:
    """The holder's pid, as it wrote it in the lock file (None while it is being written)."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def running_crawl(db: str | Path, pid: int | None) -> str:
    """The running crawl of process `pid` as the `crawls` table records it (id, site, pid,
    start time), or just its pid while that crawl has not recorded itself yet."""
    row = _running_row(db, pid) if pid is not None else None
    if row is not None:
        return f"crawl {row['id']} of {row['site']} (pid {pid}, started {row['started']})"
    return f"another crawl (pid {pid}), starting" if pid else "another crawl, starting"


def _running_row(db: str | Path, pid: int) -> sqlite3.Row | None:
    try:
        conn = open_readonly(db)
    except ArchiveError:  # not created yet: the holder is starting
        return None
    try:
        return conn.execute(
            "SELECT id, site, started FROM crawls WHERE status = 'running' AND pid = ?"
            " ORDER BY id DESC LIMIT 1",
            (pid,),
        ).fetchone()
    except sqlite3.Error:  # schema not committed yet
        return None
    finally:
        conn.close()
