"""What went wrong with a download, in words: a kind for stats and rejects, a one-line detail.

Scrapy and Twisted wrap a fault in layers (DownloadFailedError around ResponseFailed around
a list of Failures around ConnectionLost); the innermost cause says what happened, and the
layers' own messages are often empty or a Failure's repr.
"""

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
from twisted.python.failure import Failure

from scraper.crawl.outbound import Refused

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


def root_cause(exc: BaseException) -> BaseException:
    """The innermost exception: through `raise … from`, and Twisted's wrapped Failures."""
    seen: set[int] = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        reasons = getattr(exc, "reasons", None)  # Twisted's ResponseFailed and kin
        if (
            isinstance(reasons, list)
            and reasons
            and isinstance(reasons[0], Failure)
            and reasons[0].value is not None
        ):
            exc = reasons[0].value
        elif exc.__cause__ is not None:
            exc = exc.__cause__
        else:
            break
    return exc


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


def describe(exc: BaseException) -> str:
    """One line: the innermost cause's class and message (never an empty reason)."""
    cause = root_cause(exc)
    message = " ".join(str(cause).split()) or " ".join(str(exc).split())
    name = type(cause).__name__
    return f"{name}: {message}" if message else name
