"""Third pipeline: one row per article, whatever URL or copy it arrived under.

An article is identified by the url_key of any of its URLs (host aliases of the profile
folded) and, for full texts, by its content hash. Repeats become `Duplicate` items: the store
records their URLs as aliases of the article instead of writing a second row.
"""

from __future__ import annotations

import re
from typing import Any

from pipelines.context import ArchiveContext, Dropped
from scraper.extract.dates import utc_instant
from scraper.items import Alias, Article, Duplicate, Original

# A republished slug: Ghost and WordPress append "-2", "-3" to a slug already taken.
_COPY_SUFFIX = re.compile(r"-\d{1,2}/?$")


def _fetched_later(article: Article, emitted: str | None) -> bool:
    """True when a page read from a capture was fetched after the copy already passed on in
    this run (two crawls' WARCs imported at once): the later fetch is the current version."""
    mine, theirs = utc_instant(article.fetched_at), utc_instant(emitted)
    return mine is not None and theirs is not None and mine > theirs


# Bodies shorter than this (previews, stubs, "subscribers only") say nothing about identity.
MIN_HASH_WORDS = 50


class Dedupe:
    """Map articles to the one archived row by URL identity, then by content hash."""

    def __init__(self, context: ArchiveContext, min_hash_words: int = MIN_HASH_WORDS) -> None:
        self.context = context
        self.stats = context.stats
        self._keys: dict[str, str] = {}  # url → its key: every URL is keyed several times
        self._keyed_by = context.profile  # the profile those keys were made with
        self.min_hash_words = min_hash_words
        self.by_key: dict[str, str] = {}  # folded url_key → canonical article URL
        self.by_hash: dict[str, str] = {}  # content_hash → canonical article URL
        self.hashes: dict[str, str | None] = {}  # canonical article URL → its content_hash
        self.published: dict[str, str | None] = {}  # canonical article URL → its published date
        # Canonical URLs passed on as articles in this run → when that copy was fetched
        # (None: by this run, now).
        self.emitted: dict[str, str | None] = {}
        # Redirect sources whose target has not arrived as an article (yet), by target key.
        self.waiting: dict[str, list[str]] = {}
        self.new = 0
        for key, known in context.known.items():  # what the archive already holds of the site
            self.by_key[context.fold(key)] = known.url
            self.hashes[known.url] = known.content_hash
            self.published[known.url] = known.published
            if known.content_hash:
                self.by_hash.setdefault(known.content_hash, known.url)

    def close(self) -> None:
        """Count redirects that never led to an article (feeds, listings, failed pages)."""
        if self.waiting:
            unresolved = sum(map(len, self.waiting.values()))
            self.stats.set_value("archive/aliases_unresolved", unresolved)

    def key(self, url: str) -> str:
        """The context's identity key of a URL, computed once per URL."""
        if self.context.profile is not self._keyed_by:  # a generic crawl found it is a copy
            self._keys.clear()
            self._keyed_by = self.context.profile
        key = self._keys.get(url)
        if key is None:
            key = self._keys[url] = self.context.key(url)
        return key

    def process(self, item: Any) -> Any:
        if isinstance(item, Article):
            return self._article(item)
        if isinstance(item, Alias):
            return self._alias(item)
        return item

    def _alias(self, alias: Alias) -> Alias:
        """Point a redirect source at its article, or hold it until that article arrives."""
        target_key = self.key(alias.target)
        target = self.by_key.get(target_key)
        if target is None:
            # The target may be an article still in flight, or a listing or feed: never an
            # alias row pointing at no article.
            self.waiting.setdefault(target_key, []).append(alias.url)
            raise Dropped(f"alias {alias.url} waits for {alias.target}")
        alias.target = target
        self.by_key.setdefault(self.key(alias.url), target)
        return alias

    def _article(self, article: Article) -> Article | Duplicate | Original:
        assert article.url is not None
        stats = self.stats
        urls = [article.url, *article.aliases]
        for url in urls:  # grows: a chain of redirects (A → B → article) resolves whole
            urls += self.waiting.pop(self.key(url), [])
        article.aliases = list(dict.fromkeys(urls[1:]))
        keys = [self.key(u) for u in urls]
        target = self._target(article, keys)
        if target in self.emitted and not _fetched_later(article, self.emitted[target]):
            stats.inc_value("archive/duplicate_url")
            return Duplicate(article, target, "url")
        if target is not None and self._copy_of(article, target, keys[0]):
            # Its own URL is an alias of an archived article with the same text: a copy again.
            stats.inc_value("archive/duplicate_content")
            return Duplicate(article, target, "content")
        copy_of = None
        if target is None and self._hashable(article):
            copy_of = self.by_hash.get(article.content_hash or "")
            if copy_of is not None and not self._older(article, copy_of):
                stats.inc_value("archive/duplicate_content")
                self._register(keys, copy_of)
                return Duplicate(article, copy_of, "content")
            if copy_of is not None:
                stats.inc_value("archive/original_replaces_copy")
                self._adopt(copy_of, article)
        if target is None and copy_of is None:
            self._count_new()
        if target is not None and target != article.url:
            # Known under another spelling (scheme, slash, host alias, redirect): keep that row.
            article.aliases = list(dict.fromkeys([*article.aliases, article.url]))
            article.url = target
        self._register(keys, article.url)
        self.by_key[self.key(article.url)] = article.url
        self.hashes[article.url] = article.content_hash
        self.published[article.url] = article.published
        if self._hashable(article):
            self.by_hash.setdefault(article.content_hash or "", article.url)
        self.emitted[article.url] = article.fetched_at
        return article if copy_of is None else Original(article, copy_of)

    def _count_new(self) -> None:
        """Count an article new to the archive; past the crawl's limit, drop it; at the limit,
        stop the source (`max_articles`): exactly that many new articles are archived."""
        limit = self.context.max_articles
        if limit is not None and self.new >= limit:
            self.stats.inc_value("crawl/articles/over_limit")
            raise Dropped("past --max-articles")
        self.new += 1
        self.stats.inc_value("crawl/articles/new")
        if self.new == limit:
            self.context.stop("max_articles")

    def _target(self, article: Article, keys: list[str]) -> str | None:
        """The known article these URLs name, unless the page's own URL now serves another text.

        A URL recorded as an alias (a copy, a redirect it no longer makes) that now serves a
        different full text is an article of its own: it must not overwrite the old target.
        """
        target = next((self.by_key[k] for k in keys if k in self.by_key), None)
        own = keys[0]
        if target is None or own not in self.by_key or self.key(target) == own:
            return target
        known_hash = self.hashes.get(target)
        if self._hashable(article) and known_hash and known_hash != article.content_hash:
            return None
        return target

    def _copy_of(self, article: Article, target: str, own_key: str) -> bool:
        """True when the page is another URL's copy of `target` (not `target` itself)."""
        return (
            self.key(target) != own_key
            and self._hashable(article)
            and self.hashes.get(target) == article.content_hash
        )

    def _older(self, article: Article, copy_url: str) -> bool:
        """True when `article` is the original of the archived `copy_url`: published first,
        or, on the same date, without the `-2` suffix a CMS gives a republished slug."""
        mine, theirs = utc_instant(article.published), utc_instant(self.published.get(copy_url))
        if mine and theirs and mine != theirs:
            return mine < theirs
        assert article.url is not None
        return bool(_COPY_SUFFIX.search(copy_url)) and not _COPY_SUFFIX.search(article.url)

    def _adopt(self, copy_url: str, article: Article) -> None:
        """Every URL and hash that named the copy now names the original."""
        assert article.url is not None
        for key, url in list(self.by_key.items()):
            if url == copy_url:
                self.by_key[key] = article.url
        article.aliases = list(dict.fromkeys([*article.aliases, copy_url]))
        self.by_hash[article.content_hash or ""] = article.url
        self.emitted.pop(copy_url, None)

    def _register(self, keys: list[str], url: str) -> None:
        for key in keys:
            self.by_key.setdefault(key, url)

    def _hashable(self, article: Article) -> bool:
        """Only long texts identify an article: stubs and empty previews collide by accident.

        A members-only preview of enough words is as distinctive as any other text."""
        return bool(article.content_hash) and article.word_count >= self.min_hash_words
