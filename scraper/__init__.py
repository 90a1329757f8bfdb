"""A Scrapy news crawler and article archiver. Public API: extract(), Article, Teaser."""

from scraper.items import Article, Listing, Teaser

__all__ = ["Article", "Listing", "Teaser", "extract"]


def __getattr__(name: str):  # imported lazily: `import scraper` stays cheap for the CLI
    if name == "extract":
        from scraper.extract.page import extract

        return extract
    raise AttributeError(name)
