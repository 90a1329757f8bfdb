"""The archive path inside Scrapy: each stage as an item pipeline, fed by the crawl's context.

The stages themselves (validate, normalise, dedupe, store) know nothing of Scrapy; these
adapters give them the spider's `ArchiveContext`, Scrapy's stats and settings, and turn a
`Dropped` item into Scrapy's DropItem.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from pipelines.context import ArchiveContext, Dropped
from pipelines.dedupe import MIN_HASH_WORDS, Dedupe
from pipelines.normalize import Normalize
from pipelines.store import Store
from pipelines.validate import MIN_BODY_WORDS, Validate
from scraper.crawl.shutdown import crawl_aborting, stop_crawl
from scraper.profiles import Profile


def crawl_context(
    crawler: Crawler, profile: Profile | None, site: str, max_articles: int | None = None
) -> ArchiveContext:
    """The context of a Scrapy crawl: its stats, its archive, and a stop that closes it."""
    assert crawler.stats is not None
    return ArchiveContext(
        site=site,
        profile=profile,
        archive_path=crawler.settings.get("ARCHIVE_PATH") or None,
        stats=crawler.stats,
        max_articles=max_articles,
        on_stop=partial(stop_crawl, crawler),
    )


def context_of(crawler: Crawler) -> ArchiveContext:
    """The running spider's context (ours carry one; any other spider gets one made for it)."""
    spider = crawler.spider
    assert spider is not None
    context = getattr(spider, "context", None)
    if context is None:
        profile = getattr(spider, "profile", None)
        context = crawl_context(crawler, profile, profile.name if profile else spider.name)
        spider.context = context  # type: ignore[attr-defined]
    return context


class _StagePipeline:
    """One stage of the archive path as a Scrapy item pipeline."""

    stage: Any

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def open_spider(self) -> None:
        self.stage = self.make(context_of(self.crawler))

    def make(self, context: ArchiveContext) -> Any:
        raise NotImplementedError

    def process_item(self, item: Any) -> Any:
        try:
            return self.stage.process(item)
        except Dropped as exc:
            raise DropItem(str(exc), log_level="DEBUG") from None


class ValidatePipeline(_StagePipeline):
    def make(self, context: ArchiveContext) -> Validate:
        words = self.crawler.settings.getint("VALIDATE_MIN_BODY_WORDS", MIN_BODY_WORDS)
        return Validate(context, words)


class NormalizePipeline(_StagePipeline):
    def make(self, context: ArchiveContext) -> Normalize:
        return Normalize(context)


class DedupePipeline(_StagePipeline):
    def make(self, context: ArchiveContext) -> Dedupe:
        words = self.crawler.settings.getint("DEDUPE_MIN_HASH_WORDS", MIN_HASH_WORDS)
        return Dedupe(context, words)

    def close_spider(self) -> None:
        self.stage.close()


class StorePipeline(_StagePipeline):
    """Batches to the archive; the crawl row opens with the spider and closes with it."""

    stage: Store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        if not crawler.settings.get("ARCHIVE_PATH"):
            raise NotConfigured("ARCHIVE_PATH is empty: items are not archived")
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.crawl_aborting, signal=crawl_aborting)
        return pipeline

    def make(self, context: ArchiveContext) -> Store:
        settings = self.crawler.settings
        store = Store(
            settings.get("ARCHIVE_PATH"),
            context.stats,
            context.stop,
            batch_size=settings.getint("ARCHIVE_BATCH_SIZE"),
            flush_seconds=settings.getfloat("ARCHIVE_FLUSH_SECONDS", 0.5),
            captures=context.captures,
        )
        context.crawl_id = store.open(context.site)
        return store

    def close_spider(self) -> None:
        self.stage.close()

    def crawl_aborting(self) -> None:
        """A second stop signal: write what is buffered and record the run before the reactor
        stops (no spider_closed follows)."""
        self.stage.close()
        self.stage.finish("shutdown")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if hasattr(self, "stage"):
            self.stage.finish(reason)
