"""The archive: one SQLite file written in atomic batches, read by search, export and stats."""

from scraper.storage.archive import Archive, BatchResult, KnownArticle, known_articles
from scraper.storage.query import export, search, stats
from scraper.storage.schema import ArchiveError

__all__ = [
    "Archive",
    "ArchiveError",
    "BatchResult",
    "KnownArticle",
    "export",
    "known_articles",
    "search",
    "stats",
]
