"""An exception in one line, whatever wraps it: for logs, rejects and user-facing errors.

Scrapy and Twisted wrap a fault in layers (DownloadFailedError around ResponseFailed around
a list of Failures around ConnectionLost); the innermost cause says what happened, and the
layers' own messages are often empty or a Failure's repr. Free of Scrapy: extraction and the
sources outside a crawl use it too.
"""

from __future__ import annotations


def root_cause(exc: BaseException) -> BaseException:
    """The innermost exception: through `raise … from`, and Twisted's wrapped Failures."""
    seen: set[int] = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        reasons = getattr(exc, "reasons", None)  # Twisted's ResponseFailed and kin
        inner = (
            getattr(reasons[0], "value", None) if isinstance(reasons, list) and reasons else None
        )
        if isinstance(inner, BaseException):
            exc = inner
        elif exc.__cause__ is not None:
            exc = exc.__cause__
        else:
            break
    return exc


def describe(exc: BaseException) -> str:
    """One line: the innermost cause's class and message (never an empty reason)."""
    cause = root_cause(exc)
    message = " ".join(str(cause).split()) or " ".join(str(exc).split())
    name = type(cause).__name__
    return f"{name}: {message}" if message else name
