"""The archive path outside Scrapy: validate → normalise → dedupe → store, for any source.

Re-extraction and WARC import feed items here as a crawl feeds them to its item pipelines:
the same stages, one context per site (dedupe knows each site's archived articles), one
writer and one crawl row per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipelines.context import ArchiveContext, Counts, Dropped
from pipelines.dedupe import MIN_HASH_WORDS, Dedupe
from pipelines.normalize import Normalize
from pipelines.store import Store
from pipelines.validate import MIN_BODY_WORDS, Validate
from scraper.profiles import Profile


@dataclass
class _Stages:
    context: ArchiveContext
    validate: Validate
    normalize: Normalize
    dedupe: Dedupe


class ArchivePath:
    """Feed items of many sites to one archive; `close` records how the run ended."""

    def __init__(
        self,
        db: str,
        label: str,
        *,
        batch_size: int = 500,
        flush_seconds: float = 0.5,
        min_words: int = MIN_BODY_WORDS,
        min_hash_words: int = MIN_HASH_WORDS,
    ) -> None:
        self.db = db
        self.label = label  # the crawl row's site: what this run is (a site, "import", …)
        self.stats = Counts()
        self.stopped: str | None = None
        self.min_words = min_words
        self.min_hash_words = min_hash_words
        self.store = Store(
            db, self.stats, self._stop, batch_size=batch_size, flush_seconds=flush_seconds
        )
        self.crawl_id: int | None = None
        self.sites: dict[str, _Stages] = {}

    def open(self) -> int:
        """Lock the archive and open the run's crawl row; return its id."""
        self.crawl_id = self.store.open(self.label)
        return self.crawl_id

    def _stop(self, reason: str) -> None:
        self.stopped = self.stopped or reason

    def context(self, site: str, profile: Profile | None) -> ArchiveContext:
        """The context of one site of this run (its known articles are read on first use)."""
        return self._stages(site, profile).context

    def _stages(self, site: str, profile: Profile | None) -> _Stages:
        if site not in self.sites:
            context = ArchiveContext(
                site=site,
                profile=profile,
                archive_path=self.db,
                crawl_id=self.crawl_id,
                stats=self.stats,
                on_stop=self._stop,
            )
            self.sites[site] = _Stages(
                context,
                Validate(context, self.min_words),
                Normalize(context),
                Dedupe(context, self.min_hash_words),
            )
        return self.sites[site]

    def feed(self, item: Any, site: str, profile: Profile | None) -> Any:
        """Pass one item through every stage; the stored item, or None when one dropped it."""
        stages = self._stages(site, profile)
        try:
            item = stages.validate.process(item)
            item = stages.normalize.process(item)
            item = stages.dedupe.process(item)
        except Dropped:
            return None
        return self.store.process(item)

    def flush(self) -> None:
        """Write what is buffered now (before recording progress that depends on it)."""
        self.store.flush()

    def waiting(self) -> set[str]:
        """Redirect sources held until their target article arrives (not stored yet)."""
        return {
            url for s in self.sites.values() for urls in s.dedupe.waiting.values() for url in urls
        }

    def close(self, reason: str = "finished") -> dict[str, Any]:
        """Write what is left, record the run's end; return its stats."""
        for stages in self.sites.values():
            stages.dedupe.close()
        try:
            self.store.close()
        finally:
            self.store.finish(self.stopped or reason)
        return self.stats.get_stats()
