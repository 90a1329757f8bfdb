"""The archive: one SQLite file written in atomic batches (read through scraper.query)."""

from scraper.storage.archive import Archive, BatchResult, KnownArticle, known_articles
from scraper.storage.schema import ArchiveError

__all__ = [
    "Archive",
    "ArchiveError",
    "BatchResult",
    "KnownArticle",
    "known_articles",
]
