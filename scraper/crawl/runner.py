"""Run one crawl in this process and judge it: settings assembly, the engine, the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import SETTINGS_PRIORITIES, Settings

from scraper.crawl.crawl_log import default_log_path, stderr_log
from scraper.crawl.outcome import crawl_outcome
from scraper.process import long_run_gc


@dataclass
class CrawlResult:
    """What a crawl did: its status, the exit code cron sees, a one-line reason and all stats."""

    status: str
    exit_code: int
    reason: str
    stats: dict[str, Any] = field(default_factory=dict)


def parse_overrides(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`-s KEY=VALUE` pairs as a dict; ValueError names a pair without '='."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"expected KEY=VALUE, got {pair!r}")
        overrides[key.strip()] = value
    return overrides


# A copy served from this machine or a local network is the user's own server, not a
# publisher's: no politeness delay there. Above a profile's settings, below the user's -s.
LOCAL_COPY_PACE = {"DOWNLOAD_DELAY": 0.01, "AUTOTHROTTLE_ENABLED": False}
_ABOVE_PROFILE = SETTINGS_PRIORITIES["spider"] + 5


def crawl_settings(
    db: str,
    overrides: dict[str, Any],
    *,
    quiet: bool,
    verbose: bool,
    local_copy: bool = False,
    log_file: str | None = None,
    warc_dir: str | None = "",
) -> Settings:
    """Our project settings, the archive path and the user's overrides (which win); the pace
    of a local copy (LOCAL_COPY_PACE) when `local_copy`. The whole log goes to `log_file`
    (default: beside the archive); stderr gets warnings, Scrapy's INFO too when `verbose`,
    nothing when `quiet`. WARC capture goes to `warc_dir` ("": beside the archive; None: off)."""
    settings = Settings()
    settings.setmodule("scraper.crawl.settings", priority="project")
    settings.set("ARCHIVE_PATH", db, priority="cmdline")
    settings.set("LOG_LEVEL", "INFO", priority="cmdline")
    settings.set("LOG_FILE", log_file or default_log_path(db), priority="cmdline")
    stderr_level = None if quiet else "INFO" if verbose else "WARNING"
    settings.set("LOG_STDERR_LEVEL", stderr_level, priority="cmdline")
    settings.set("PROGRESS_ENABLED", not quiet, priority="cmdline")
    settings.set("WARC_ENABLED", warc_dir is not None, priority="cmdline")
    settings.set("WARC_DIR", warc_dir or "", priority="cmdline")
    extensions = {**settings.getdict("EXTENSIONS"), "scraper.crawl.progress.Progress": 900}
    settings.set("EXTENSIONS", extensions, priority="project")
    if local_copy:
        settings.setdict(LOCAL_COPY_PACE, priority=_ABOVE_PROFILE)
    settings.setdict(overrides, priority="cmdline")
    return settings


def run_crawl(spidercls: type, settings: Settings, **spider_args: Any) -> CrawlResult:
    """Crawl with `spidercls` until done (blocking; once per process, like `scrapy crawl`)."""
    with stderr_log(settings):
        process = CrawlerProcess(settings)
        crawler = process.create_crawler(spidercls)
        process.crawl(crawler, **spider_args)
        long_run_gc()
        process.start()
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    if getattr(process, "bootstrap_failed", False) and not stats:
        return CrawlResult("failed", 1, "the crawl could not start", stats)
    status, code, reason = crawl_outcome(stats, stats.get("finish_reason"))
    return CrawlResult(status, code, reason, stats)
