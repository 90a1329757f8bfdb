"""Settings of a long run's process (a crawl, an import), whatever feeds it."""

from __future__ import annotations

import gc


def long_run_gc() -> None:
    """The modules and settings loaded so far live as long as the process: keep the cyclic
    garbage collector from re-scanning them, and from running every 700 allocations while
    each page's tree and strings churn through memory (freed by refcounting)."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
