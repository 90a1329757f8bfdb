from __future__ import annotations

import pytest

from scraper.crawl.outcome import crawl_outcome

OK = {
    "response_received_count": 120,
    "downloader/request_count": 125,
    "downloader/response_status_count/200": 115,
    "downloader/response_status_count/404": 5,  # pagination past the end: normal
}
BLOCKED = {
    "response_received_count": 7,
    "downloader/request_count": 7,
    "downloader/response_status_count/403": 7,
}


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
        (BLOCKED, "finished", "failed", 4),  # every answer refuses us
        ({**OK, "downloader/response_status_count/403": 20}, "finished", "failed", 3),
        ({**OK, "downloader/response_status_count/403": 2}, "finished", "finished", 0),
        # Extraction failing on most article pages (the site changed its markup): exit 3.
        ({**OK, "archive/stored/new": 3, "archive/rejected/no_body": 40}, "finished", "failed", 3),
        (
            {**OK, "archive/stored/new": 60, "archive/rejected/no_body": 4},
            "finished",
            "finished",
            0,
        ),
    ],
)
def test_crawl_outcome(stats: dict, reason: str, status: str, code: int) -> None:
    got_status, got_code, message = crawl_outcome(stats, reason)
    assert (got_status, got_code) == (status, code)
    assert bool(message) == (code != 0)
    assert "\n" not in message


def test_a_blocked_crawl_says_what_it_got() -> None:
    _, _, message = crawl_outcome(BLOCKED, "finished")
    assert message == "fetched nothing usable: every answer an HTTP error (7×403)"
