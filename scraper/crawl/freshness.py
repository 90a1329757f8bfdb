"""When a known article must be fetched again, and how many requests a limited crawl may
have in flight: the incremental and `--max-articles` decisions of the spider, as pure code."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from scraper.extract.dates import utc_instant

if TYPE_CHECKING:
    from scrapy import Request

    from scraper.storage import KnownArticle

# Sitemaps and pages stamp the same edit a few seconds apart: not a change.
SAME_EDIT = timedelta(minutes=1)


def later(announced: str | None, reference: str | None) -> bool:
    """Whether the date `announced` is after `reference` (ISO dates or datetimes, any offset);
    a date without a time compares by UTC day."""
    if not announced or not reference:
        return bool(announced) and not reference
    if len(announced) == 10 or len(reference) == 10:
        day = utc_instant(reference)
        return announced[:10] > (day.date().isoformat() if day else reference[:10])
    new, old = utc_instant(announced), utc_instant(reference)
    return bool(new and old and new - old > SAME_EDIT)


def changed_since_archived(known: KnownArticle, announced: str | None) -> bool:
    """Whether a source (sitemap, feed) dates an archived article after what the archive holds:
    the date that led to its last fetch, else the page's own modified or published date, else
    the time it was fetched."""
    if not announced:
        return False
    dates = [d for d in (known.lastmod, known.modified, known.published) if d]
    reference = max(dates, key=_sort_key) if dates else known.fetched_at
    return later(announced, reference)


def _sort_key(value: str) -> str:
    instant = utc_instant(value)
    return instant.isoformat() if instant else value


@dataclass
class Budget:
    """`--max-articles N` as requests: at most N new articles archived or in flight; the rest
    wait in a backlog (articles first, then listing pages) until a fetch turns out not to be a
    new article, so the crawl ends with exactly N when the site has N."""

    limit: int | None
    in_flight: int = 0
    articles: deque[Request] = field(default_factory=deque)
    pages: deque[Request] = field(default_factory=deque)

    def admit(self, request: Request, new_so_far: int, *, article: bool) -> Request | None:
        """The request if it may go now, else None (kept for later)."""
        if self.limit is None or new_so_far + self.in_flight < self.limit:
            self.in_flight += article
            return request
        (self.articles if article else self.pages).append(request)
        return None

    def release(self, new_so_far: int) -> list[Request]:
        """Requests from the backlog that may go now."""
        released: list[Request] = []
        while self.limit is not None and new_so_far + self.in_flight < self.limit:
            queue = self.articles or self.pages
            if not queue:
                break
            request = queue.popleft()
            self.in_flight += queue is self.articles
            released.append(request)
        return released

    @property
    def waiting(self) -> int:
        return len(self.articles) + len(self.pages)
