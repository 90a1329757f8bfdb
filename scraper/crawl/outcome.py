"""How a crawl ended, from its stats alone: a status, an exit code for cron, a one-line reason.

`scrapy crawl` exits 0 even when every request failed; scheduled jobs must fail loudly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EXIT_OK = 0
EXIT_ERRORS = 3  # the crawl ran but too many requests failed
EXIT_NOTHING = 4  # not a single page could be fetched, or every answer was an HTTP error
EXIT_ARCHIVE = 5  # the archive could not be written
EXIT_ABORTED = 6  # closed early: memory limit, timeout, error count
EXIT_INTERRUPTED = 11  # stopped by a signal (Ctrl-C, SIGTERM)

# Error rate above which a crawl is abnormal, once it has at least MIN_ERRORS errors.
MAX_ERROR_RATE = 0.1
MIN_ERRORS = 3
# Share of article pages rejected (no title, no body) above which extraction is failing: the
# site changed its markup, or serves something else than its pages.
MAX_REJECT_RATE = 0.5
SUCCESS_REASONS = frozenset({"finished", "max_articles"})
# Answers that refuse the crawler itself (blocked, login wall, legal block): a blocked crawl
# must not pass for a finished one. 404s are not among them: a crawl meets some normally.
REFUSALS = frozenset({401, 403, 407, 451})
_STATUS_KEY = "downloader/response_status_count/"


def error_count(stats: Mapping[str, Any]) -> int:
    """Errors of a crawl: everything logged at ERROR (failed downloads, callback and pipeline
    errors) and every answer refusing the crawler (401, 403, 407, 451)."""
    refused = sum(n for status, n in _statuses(stats).items() if status in REFUSALS)
    return int(stats.get("log_count/ERROR", 0)) + refused


# Rejects that say the extractor could not read an article page (not that it failed to arrive).
EXTRACTION_REJECTS = frozenset({"no_title", "no_body", "extract_failed"})


def rejected_count(stats: Mapping[str, Any], reasons: frozenset[str] | None = None) -> int:
    """URLs given up on: rejected pages and download faults (every reason, or `reasons`)."""
    prefix = "archive/rejected/"
    return sum(
        int(n)
        for key, n in stats.items()
        if key.startswith(prefix) and (reasons is None or key[len(prefix) :] in reasons)
    )


def _statuses(stats: Mapping[str, Any]) -> dict[int, int]:
    """Responses per HTTP status, from Scrapy's downloader stats."""
    return {
        int(key[len(_STATUS_KEY) :]): int(n)
        for key, n in stats.items()
        if key.startswith(_STATUS_KEY) and key[len(_STATUS_KEY) :].isdigit()
    }


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
    if reason == "site_refusing":
        return "failed", EXIT_ERRORS, f"the site kept refusing: {stats.get('backoff/gave_up')}"
    if reason == "unreachable":  # scraper.crawl.unreachable: no network, DNS, or nothing answers
        return "failed", EXIT_NOTHING, str(stats.get("network/unreachable", "nothing answers"))
    if pages == 0:
        return "failed", EXIT_NOTHING, f"fetched nothing: {requests} requests, no response"
    statuses = _statuses(stats)
    if statuses and all(status >= 400 for status in statuses):
        seen = ", ".join(f"{n}×{status}" for status, n in sorted(statuses.items()))
        return (
            "failed",
            EXIT_NOTHING,
            f"fetched nothing usable: every answer an HTTP error ({seen})",
        )
    if reason not in SUCCESS_REASONS:
        return "aborted", EXIT_ABORTED, f"closed early ({reason})"
    if errors >= MIN_ERRORS and errors > MAX_ERROR_RATE * max(requests, 1):
        return (
            "failed",
            EXIT_ERRORS,
            f"abnormal error rate: {errors} errors for {requests} requests",
        )
    rejected = rejected_count(stats, EXTRACTION_REJECTS)
    articles = rejected + sum(
        int(stats.get(f"archive/stored/{kind}", 0)) for kind in ("new", "updated", "unchanged")
    )
    if rejected >= MIN_ERRORS and rejected > MAX_REJECT_RATE * articles:
        return (
            "failed",
            EXIT_ERRORS,
            f"extraction failing: {rejected} of {articles} article pages rejected (see rejects)",
        )
    return "finished", EXIT_OK, ""
