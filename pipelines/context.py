"""What the archive path (validate → normalise → dedupe → store) knows of its items' source.

A crawl, a re-extraction and a WARC import all feed the same path; each gives it an explicit
`ArchiveContext` instead of the path reading a Scrapy spider: the site, its profile, the crawl
row, the archive's known articles (read once), a stats sink and what to do on a stop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from scraper.items import Capture
from scraper.profiles import Profile, canonical
from scraper.storage.archive import KnownArticle, known_articles
from scraper.urls import url_key


class Stats(Protocol):
    """The part of Scrapy's stats collector the archive path uses."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None: ...
    def set_value(self, key: str, value: Any) -> None: ...
    def get_value(self, key: str, default: Any = None) -> Any: ...
    def get_stats(self) -> dict[str, Any]: ...


class Counts:
    """Stats outside Scrapy (reparse, import-warc): the same keys, in a dict."""

    def __init__(self) -> None:
        self.values: Counter[str] = Counter()
        self.others: dict[str, Any] = {}

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] += count

    def set_value(self, key: str, value: Any) -> None:
        self.others[key] = value

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.others.get(key, self.values.get(key, default))

    def get_stats(self) -> dict[str, Any]:
        return {**self.values, **self.others}


class Dropped(Exception):  # noqa: N818  # Scrapy's DropItem, without Scrapy
    """An item the path drops on purpose (past a limit, an alias waiting for its article)."""


def _no_stop(reason: str) -> None:
    """Outside a crawl nothing is waiting to be cancelled: the caller checks `stopped`."""


@dataclass
class ArchiveContext:
    """The source of the items an archive path receives, given explicitly."""

    site: str
    profile: Profile | None = None
    archive_path: str | None = None
    crawl_id: int | None = None
    stats: Stats = field(default_factory=Counts)
    max_articles: int | None = None
    on_stop: Callable[[str], None] = _no_stop
    stopped: str | None = None  # why the path asked its source to stop, once it has
    # Responses written to WARC since the last batch (scraper.crawl.warc): stored with it.
    captures: list[Capture] = field(default_factory=list)
    _known: dict[str, KnownArticle] | None = field(default=None, repr=False)

    @property
    def known(self) -> dict[str, KnownArticle]:
        """url_key of each archived URL of the site → what the archive knows of it, read once
        (the spider and dedupe share it)."""
        if self._known is None:
            path = self.archive_path
            self._known = known_articles(path, self.site) if path and Path(path).exists() else {}
        return self._known

    def url(self, value: str) -> str:
        """The one canonical spelling of a URL of this source (`Profile.canonical`)."""
        return canonical(value, self.profile)

    def key(self, url: str) -> str:
        """A URL's identity: url_key, the profile's host aliases folded onto its base host."""
        return self.profile.key(url) if self.profile else url_key(url)

    def fold(self, key: str) -> str:
        """A stored url_key as this profile keys URLs."""
        return self.profile.fold_key(key) if self.profile else key

    def stop(self, reason: str) -> None:
        """Ask the source to stop (a limit reached, an archive error); the first reason stays."""
        if self.stopped is None:
            self.stopped = reason
        self.on_stop(reason)
