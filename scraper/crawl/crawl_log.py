"""Where a crawl's log goes: all of it (INFO, Scrapy's included) to a file beside the archive,
kept from growing forever, and its warnings to stderr as well unless the run is quiet."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scrapy.settings import Settings
from tqdm import tqdm

# A log past this size when a crawl starts becomes LOG.1 (the one before is dropped): a run's
# log stays whole in one file, and the two files never hold much more than twice this.
ROTATE_AT = 5 * 1024 * 1024


def default_log_path(db: str | Path) -> str:
    """The archive's name with `.log` (`archive.db` → `archive.log`), in its folder."""
    path = Path(db)
    log = path.with_suffix(".log")
    return str(log if log != path else Path(f"{db}.log"))


def open_log(path: str | Path, rotate_at: int = ROTATE_AT) -> None:
    """Rotate the log to `PATH.1` once it is past `rotate_at` bytes, and make sure it can be
    written before a crawl starts (OSError says why not)."""
    file = Path(path)
    try:
        if file.is_file() and file.stat().st_size > rotate_at:
            file.replace(f"{file}.1")
        with file.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise OSError(f"cannot write the log file {file}: {exc.strerror or exc}") from None


@contextmanager
def stderr_log(settings: Settings) -> Iterator[None]:
    """Log records at LOG_STDERR_LEVEL and above on stderr too, for the block (none when that
    setting is empty: a quiet run's stderr is its one failure line)."""
    level = settings.get("LOG_STDERR_LEVEL")
    if not level:
        yield
        return
    handler = _AroundBars(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(
        logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT"))
    )
    logging.root.addHandler(handler)
    try:
        yield
    finally:
        logging.root.removeHandler(handler)


class _AroundBars(logging.StreamHandler):
    """Log lines printed above a live progress bar (scraper.crawl.progress), never through it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tqdm.write(self.format(record), file=self.stream)
        except Exception:  # noqa: BLE001 - logging's own contract: report, never raise
            self.handleError(record)
