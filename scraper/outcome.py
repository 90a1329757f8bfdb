"""How a crawl ended, from its stats alone: a status, an exit code for cron, a one-line reason.

`scrapy crawl` exits 0 even when every request failed; scheduled jobs must fail loudly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EXIT_OK = 0
EXIT_ERRORS = 3  # the crawl ran but too many requests failed
EXIT_NOTHING = 4  # not a single page could be fetched
EXIT_ARCHIVE = 5  # the archive could not be written
EXIT_ABORTED = 6  # closed early: memory limit, timeout, error count
EXIT_INTERRUPTED = 11  # stopped by a signal (Ctrl-C, SIGTERM)

# Error rate above which a crawl is abnormal, once it has at least MIN_ERRORS errors.
MAX_ERROR_RATE = 0.1
MIN_ERRORS = 3
SUCCESS_REASONS = frozenset({"finished", "max_articles"})


def error_count(stats: Mapping[str, Any]) -> int:
    """Errors of a crawl: everything logged at ERROR (failed downloads, callback and pipeline errors)."""
    return int(stats.get("log_count/ERROR", 0))


def crawl_outcome(stats: Mapping[str, Any], finish_reason: str | None) -> tuple[str, int, str]:
    """(status, exit code, one-line reason) of a finished crawl."""
    reason = finish_reason or "unknown"
    pages = int(stats.get("response_received_count", 0))
    requests = int(stats.get("downloader/request_count", 0))
    errors = error_count(stats)
    if reason == "archive_error":
        return "failed", EXIT_ARCHIVE, "the archive could not be written (see the log)"
    if reason == "shutdown":
        return "interrupted", EXIT_INTERRUPTED, "interrupted by a signal before the end"
    if pages == 0:
        return "failed", EXIT_NOTHING, f"fetched nothing: {requests} requests, no response"
    if reason not in SUCCESS_REASONS:
        return "aborted", EXIT_ABORTED, f"closed early ({reason})"
    if errors >= MIN_ERRORS and errors > MAX_ERROR_RATE * max(requests, 1):
        return (
            "failed",
            EXIT_ERRORS,
            f"abnormal error rate: {errors} errors for {requests} requests",
        )
    return "finished", EXIT_OK, ""
