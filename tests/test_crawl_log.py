"""The crawl's log file: its place beside the archive, and a size that stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.crawl.crawl_log import default_log_path, open_log


@pytest.mark.parametrize(
    ("db", "log"),
    [
        ("archive.db", "archive.log"),
        ("/srv/news/courrier.sqlite", "/srv/news/courrier.log"),
        ("archive", "archive.log"),
        ("odd.log", "odd.log.log"),  # never the archive itself
    ],
)
def test_the_log_sits_beside_the_archive(db: str, log: str) -> None:
    assert default_log_path(db) == log


def test_a_log_past_the_size_is_moved_aside_once_and_the_next_run_starts_afresh(
    tmp_path: Path,
) -> None:
    log = tmp_path / "archive.log"
    log.write_text("run 1\n" * 20)
    open_log(log, rotate_at=100)
    assert not log.read_text() and (tmp_path / "archive.log.1").read_text() == "run 1\n" * 20
    log.write_text("run 2\n")
    open_log(log, rotate_at=100)  # small: kept, appended to
    assert log.read_text() == "run 2\n"
    assert (tmp_path / "archive.log.1").read_text() == "run 1\n" * 20


def test_a_log_that_cannot_be_written_says_so_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"^cannot write the log file .*nowhere/archive.log: "):
        open_log(tmp_path / "nowhere" / "archive.log")
