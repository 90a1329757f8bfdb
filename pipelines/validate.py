"""First pipeline: an article page without a title or a body becomes a Reject, kept with its reason."""

from __future__ import annotations

from typing import Any

from pipelines.context import ArchiveContext, Dropped
from scraper.extract.text import normalize_space, word_count
from scraper.items import Article, Reject

# Fewer words than this is a failed extraction, not an article (members-only previews excepted).
MIN_BODY_WORDS = 5


def rejection(article: Article, min_words: int = MIN_BODY_WORDS) -> str | None:
    """Why an article cannot be archived (`no_title`, `no_body`), or None when it can."""
    if not normalize_space(article.title):
        return "no_title"
    # The extractor counted the body's words already (the same count: text.word_count).
    words = article.word_count or word_count(article.body)
    if not article.members_only and words < min_words:
        return "no_body"
    return None


class Validate:
    """Turn unusable articles into Rejects; the store records and counts them."""

    def __init__(self, context: ArchiveContext, min_words: int = MIN_BODY_WORDS) -> None:
        self.context = context
        self.min_words = min_words

    def process(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        if not item.url:
            # Without a URL there is nothing to record a Reject under: drop it, loudly.
            self.context.stats.inc_value("archive/rejected/no_url")
            raise Dropped(f"article without a URL (title {item.title!r})")
        reason = rejection(item, self.min_words)
        if reason is None:
            return item
        return Reject(url=item.url, reason=reason, site=item.site, title=item.title)
