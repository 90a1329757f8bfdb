from __future__ import annotations

import pytest

from scraper.outcome import crawl_outcome

OK = {"response_received_count": 120, "downloader/request_count": 125}


@pytest.mark.parametrize(
    ("stats", "reason", "status", "code"),
    [
        (OK, "finished", "finished", 0),
        ({**OK, "log_count/ERROR": 2}, "finished", "finished", 0),
        ({**OK, "log_count/ERROR": 40}, "finished", "failed", 3),
        ({"downloader/request_count": 6, "log_count/ERROR": 6}, "finished", "failed", 4),
        ({}, "finished", "failed", 4),
        (OK, "shutdown", "interrupted", 11),
        (OK, "memusage_exceeded", "aborted", 6),
        (OK, "closespider_errorcount", "aborted", 6),
        (OK, "archive_error", "failed", 5),
    ],
)
def test_crawl_outcome(stats: dict, reason: str, status: str, code: int) -> None:
    got_status, got_code, message = crawl_outcome(stats, reason)
    assert (got_status, got_code) == (status, code)
    assert bool(message) == (code != 0)
    assert "\n" not in message
