"""What went wrong with a download, in one word: a kind for stats and rejects (its one-line
detail is `scraper.errors.describe`)."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet import error as tx

from scraper.crawl.outbound import Refused
from scraper.errors import root_cause

# Innermost cause → kind of fault (first match wins: subclasses before their bases).
_KINDS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    (Refused, "refused"),
    ((DownloadTimeoutError, tx.TimeoutError, tx.TCPTimedOutError), "timeout"),
    ((DownloadConnectionRefusedError, tx.ConnectionRefusedError), "connection_refused"),
    ((CannotResolveHostError, tx.DNSLookupError), "dns"),
    (DownloadCancelledError, "size_cap"),  # Scrapy cancels a download past DOWNLOAD_MAXSIZE
    (ResponseDataLossError, "data_loss"),
    ((tx.ConnectionLost, tx.ConnectionDone, tx.ConnectionAborted, ConnectionError), "reset"),
    ((tx.SSLError, tx.CertificateError), "tls"),
)


def fault_kind(exc: BaseException) -> str:
    """`timeout`, `reset`, `size_cap`, `bomb`, `refused` (outbound policy), `dns`…, `ignored`
    (a request a middleware dropped on purpose), else `failed`: one word for a stats key and
    a rejects reason."""
    cause = root_cause(exc)
    if isinstance(exc, IgnoreRequest) and type(cause).__name__ == "_DecompressionMaxSizeExceeded":
        return "bomb"  # Scrapy's private class for a body that inflates past DOWNLOAD_MAXSIZE
    for kinds, kind in _KINDS:
        if isinstance(cause, kinds) or isinstance(exc, kinds):
            return kind
    # A middleware's decision (robots.txt forbids the URL), not a fault.
    return "ignored" if isinstance(exc, IgnoreRequest) else "failed"
