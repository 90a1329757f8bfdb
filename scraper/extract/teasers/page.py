"""The page a card sits on: its base URL and site hosts, which links name an article, selectors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from scraper.extract.field_selectors import selectors
from scraper.extract.selectors import applicable
from scraper.profiles import Era, Profile
from scraper.urls import AUTHOR_PAGE_SEGMENTS, canonicalize_url, host_of, resolve, url_key

# Path segments that name listings, accounts or assets, never one article.
# fmt: off
_NOT_ARTICLE = frozenset({
    "category", "categories", "tag", "tags", "author", "authors", "page", "search", "feed", "rss",
    "amp", "embed", "wp-admin", "wp-content", "wp-includes", "wp-json", "wp-login.php", "ghost",
    "p", "email", "r", "members", "signin", "signup", "login", "account", "subscribe",
    "membership", "comments", "cdn-cgi", "content", "assets", "contact", "newsletter",
})
# A topic's page under its section (FAZ's /aktuell/wirtschaft/thema/stiftung-warentest, the
# BBC's /news/topics/cnegp3m2989t/justin-bieber); a deeper path is a story filed under a
# topic (/en/topic/culture/wed-like-to-show-you-deutschlandde).
_TOPIC = frozenset({
    "topic", "topics", "thema", "themen", "tema", "temas", "sujet", "sujets", "keyword",
    "keywords", "schlagwort", "schlagworte", "tag", "tags", "category", "categories",
})
# An author's page (/autor/jan-novak-683); deeper paths under them may be articles (Der
# Freitag: /autoren/der-freitag/klimakrise-…).
_AUTHOR_PAGE = frozenset(AUTHOR_PAGE_SEGMENTS)
# fmt: on
_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|pdf|mp3|mp4|zip|css|js|xml|json|txt)$", re.I)
_NOISE_QUERY = re.compile(r"(^|&)(share|replytocom|amp|s|print)=", re.I)
_SHORTLINK = re.compile(r"(^|&)p=\d+(&|$)")
_PAGING_QUERY = re.compile(r"(^|&)(page|paged|pg)=\d", re.I)  # a listing's ?page=2
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

_GENERIC_BODY = (
    ".gh-content",
    ".post-content",
    ".entry-content",
    ".article-content",
    ".post-full-content",
    ".post-body",
    ".article-body",
    '[itemprop="articleBody"]',
    ".kg-card",
)


@dataclass
class Page:
    """What every card needs to know about its page: base URL, site hosts, selectors."""

    base: str
    hosts: frozenset[str]
    self_keys: frozenset[str]
    rules: dict[str, tuple[str, ...]]
    body_rules: tuple[str, ...]
    languages: tuple[str, ...] | None
    zone_cache: dict[HtmlElement, bool] = field(default_factory=dict)
    # Block detection asks about the same links again and again: answer each once per page.
    url_cache: dict[tuple[str, bool], str | None] = field(default_factory=dict)
    keys_cache: dict[HtmlElement, set[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, tree: HtmlElement, page_url: str, era: Era | None, profile: Profile | None = None
    ) -> Page:
        base_href = next((b.get("href") for b in tree.iter("base") if b.get("href")), None)
        base = resolve(page_url, base_href) if base_href else page_url
        canonical = [
            resolve(base, v)
            for v in tree.xpath(
                '//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'
            )
        ]
        hosts = {_bare_host(u) for u in (page_url, base, *canonical)}
        # A local copy of a known site may keep absolute links to the real hosts.
        if profile is not None and era is not None:
            hosts.update(_bare_host("//" + h) for h in profile.hosts)
        lang = (tree.get("lang") or "").split("-")[0].strip().lower()
        return cls(
            base=base,
            hosts=frozenset(h for h in hosts if h),
            self_keys=frozenset(url_key(u) for u in (page_url, *canonical)),
            # Selectors naming classes this page lacks are dropped once, not tried on every card.
            rules={k: applicable(tree, v) for k, v in era.listing.items()} if era else {},
            body_rules=selectors(era, "body") + _GENERIC_BODY,
            languages=(lang,) if lang else None,
        )

    def content_url(self, href: str | None, *, strict: bool) -> str | None:
        """The canonical URL of a link to another page of this site, or None.

        `strict` also demands an article-like path (a slug with a hyphen, a dated path, `?p=N`).
        """
        if href is None:
            return None
        cached = (href, strict)
        if cached not in self.url_cache:
            self.url_cache[cached] = self._content_url(href, strict=strict)
        return self.url_cache[cached]

    def _content_url(self, href: str, *, strict: bool) -> str | None:
        if not href or href.strip().startswith(("#", "mailto:", "javascript:", "tel:")):
            return None
        url = resolve(self.base, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _bare_host(url) not in self.hosts:
            return None
        url = canonicalize_url(url)
        if url_key(url) in self.self_keys or not _article_path(url, strict=strict):
            return None
        return url


def _bare_host(url: str) -> str:
    return host_of(url).removeprefix("www.")


def _article_path(url: str, *, strict: bool) -> bool:
    """Could this path be one article? `strict` also wants a hyphenated slug or a dated path."""
    parts = urlsplit(url)
    segments = [s.lower() for s in parts.path.split("/") if s]
    if not segments:
        return bool(_SHORTLINK.search(parts.query))
    if segments[0] in _NOT_ARTICLE or segments[-1] in _NOT_ARTICLE or _FILE.search(parts.path):
        return False
    if segments[0] in _AUTHOR_PAGE and len(segments) <= 2:
        return False
    if "page" in segments or _NOISE_QUERY.search(parts.query) or _PAGING_QUERY.search(parts.query):
        return False
    if all(s.isdigit() for s in segments) or _DAY.fullmatch(segments[-1]):
        return False  # date archives: /2023/03/14/, /hemeroteca/2024-10-15/
    if not strict:
        return True
    dated = len(segments) >= 4 and re.fullmatch(r"\d{4}", segments[0]) is not None
    return dated or "-" in segments[-1]


def topic_page(url: str) -> bool:
    """A topic's page: a topic segment, then its slug alone or an id and its slug."""
    segments = [s.lower() for s in urlsplit(url).path.split("/") if s]
    for i, segment in enumerate(segments[:-1]):
        if segment in _TOPIC:
            rest = segments[i + 1 :]
            return len(rest) == 1 or (len(rest) == 2 and any(c.isdigit() for c in rest[0]))
    return False
