"""One profile-driven spider: sitemaps, feeds, listings and articles of a site.

Discovery only: what to fetch and in which order. Pages go to `scraper.extract.page`
for extraction; items go down the pipelines with the crawl's `ArchiveContext`, which also
reads the archive's known articles once, so re-crawls skip what is already stored.
"""

from __future__ import annotations

import functools
import re
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from pipelines.context import ArchiveContext
from pipelines.engine import crawl_context
from scraper.crawl.discovery import FeedEntry, parse_feed, parse_sitemap, robots_sitemaps
from scraper.crawl.faults import fault_kind
from scraper.crawl.freshness import Budget, changed_since_archived, later
from scraper.crawl.shutdown import CrawlStopping
from scraper.errors import describe
from scraper.extract.html import MAX_LINKS, MAX_PAGE_BYTES
from scraper.extract.response import Unreadable, read_page
from scraper.items import Alias, Article, Frontier, Listing, Queued, Reject
from scraper.profiles import Profile, generic_profile, load_profiles
from scraper.storage.archive import crawl_memory
from scraper.urls import (
    REDIRECTS,
    is_local,
    mirrored_origin,
    path_date,
    resolve,
    well_formed,
)

_PAGE_SUFFIX = re.compile(r"page/\d+/?$")
# What a redirect's target request keeps of the redirected one.
_FOLLOWED_META = ("lastmod", "download_maxsize", "article", "expected")


def _listing_base(url: str) -> str:
    """The listing a paginated URL belongs to: `/category/x/page/3/` → `/category/x/`."""
    return _PAGE_SUFFIX.sub("", url)


# A frontier entry's kind, by the callback of its request (articles and listing pages share
# parse_page, told apart by the request's `article` meta); a resumed run makes it again.
_KINDS = {"parse_sitemap": "sitemap", "parse_feed": "feed", "parse_robots": "robots"}
_PRIORITY = {"feed": 20, "robots": 30, "page": 10}


def _queued(request: scrapy.Request) -> Queued:
    """A request as the frontier keeps it."""
    kind = _KINDS.get(getattr(request.callback, "__name__", ""))
    if kind is None:
        kind = "article" if request.meta.get("article") else "page"
    return Queued(request.url, kind, request.meta.get("lastmod"))


def tracked(callback: Callable[[Any, Response], Iterator[Any]]) -> Any:
    """A callback whose requests join the frontier and whose own request leaves it, in the
    same batch as what it yielded (a killed run's last unwritten batch is asked again)."""

    @functools.wraps(callback)
    def wrapper(self: SiteSpider, response: Response) -> Iterator[Any]:
        queued = []
        for output in callback(self, response):
            if isinstance(output, scrapy.Request):
                queued.append(_queued(output))
            yield output
        assert response.request is not None
        yield Frontier(queued=queued, done=[response.request.url], site=self.profile.name)

    return wrapper


class SiteSpider(scrapy.Spider):
    """Crawl one site described by a profile; subclasses bind it (see `spider_for`)."""

    name = ""  # a base class: `scrapy list` shows only the spiders bound to a site
    bound_profile: Profile | None = None

    def __init__(
        self,
        url: str | None = None,
        base_url: str | None = None,
        max_articles: int | str | None = None,
        since: str | None = None,
        refresh: bool | str = False,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        profile = self.load_profile(url)
        self.profile: Profile = profile.rebase(base_url) if base_url else profile
        self.allowed_domains = list(self.profile.hosts)
        self.max_articles = int(max_articles) if max_articles not in (None, "") else None
        self.since = since or None
        # Sitemap dates are UTC, shown dates local: a day's margin never prunes an article
        # published on the first day kept.
        self.since_margin = (
            (date.fromisoformat(since) - timedelta(days=1)).isoformat() if since else None
        )
        self.refresh = str(refresh).lower() in ("1", "true", "yes")
        self.known: dict[str, Any] = {}
        self.seen: set[str] = set()
        self.announced: dict[str, str] = {}  # key → latest date a sitemap or feed gave it
        self.budget = Budget(self.max_articles)
        self.resume: list[Queued] = []  # requests a killed run left unanswered
        # Keys of the pages earlier runs recorded as listings, when the last one was killed.
        self.recorded: set[str] | None = None
        # Canonical key → archived article that no sitemap or feed dates (conditional re-check).
        self.recheck: dict[str, Any] = {}
        self._unchanged: set[str] = set()
        self._owned: dict[str, str | None] = {}
        self._keys: dict[str, str] = {}
        # Start points the site has announced, by kind; the profile's fallbacks for a kind
        # are asked once, when robots.txt or the home page has answered without announcing.
        self._announced_starts: set[str] = set()
        self._fallbacks_due = {"sitemaps", "feeds"}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        return spider

    @functools.cached_property
    def context(self) -> ArchiveContext:
        """What the archive path is told of this crawl (the pipelines read nothing else);
        made once the crawl has started, when its stats exist."""
        return crawl_context(self.crawler, self.profile, self.profile.name, self.max_articles)

    @classmethod
    def load_profile(cls, url: str | None = None) -> Profile:
        """The profile this spider crawls with (bound by `spider_for`)."""
        if cls.bound_profile is None:
            raise TypeError(f"{cls.__name__} is bound to no profile: use spider_for(profile)")
        return cls.bound_profile

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        """The profile's politeness settings, below anything given on the command line."""
        super().update_settings(settings)
        if cls is not SiteSpider:
            settings.setdict(cls.load_profile().settings, priority="spider")

    async def start(self) -> AsyncIterator[Any]:
        self._load_known()
        for output in self._starts():
            yield output

    def _starts(self) -> Iterator[Any]:
        """Where a crawl begins: where a killed one stopped (the requests it had queued and
        not answered), else discovery; either way they join the frontier."""
        if self.resume:
            requests = [r for r in map(self._from_frontier, self.resume) if r is not None]
        else:
            requests = list(self._discovery())
        yield Frontier(queued=[_queued(r) for r in requests], site=self.profile.name)
        yield from requests

    def _from_frontier(self, queued: Queued) -> scrapy.Request | None:
        """A request a killed run had queued, made again."""
        url = self._recorded(queued.url)
        self.seen.add(self._key(url))
        if queued.kind == "article":
            meta = {"lastmod": queued.lastmod, "article": True}
            request = self._request(url, self.parse_page, priority=5, meta=meta)
            return self.budget.admit(request, self._new_so_far(), article=True)
        if queued.kind == "sitemap":
            return self._sitemap_request(url)
        callback = {"feed": self.parse_feed, "robots": self.parse_robots}.get(
            queued.kind, self.parse_page
        )
        return self._request(url, callback, priority=_PRIORITY[queued.kind])

    def _recorded(self, url: str) -> str:
        """A URL the archive recorded (an article, a killed run's queue) on the port this run
        fetches its host at: a copy of the site served again at another port keeps its paths.
        Other hosts are left as recorded (a www twin's URL redirects as it did)."""
        parts, base = urlsplit(url), urlsplit(self.profile.base_url)
        if parts.hostname != base.hostname or parts.port == base.port:
            return url
        return urlunsplit((base.scheme, base.netloc, *parts[2:]))

    def _load_known(self) -> None:
        """What the archive knows of this site: its articles (keyed as this profile keys
        URLs), the listing pages earlier runs recorded, and those a killed run left queued."""
        context = self.context
        if not self.refresh:
            self.known = {context.fold(key): value for key, value in context.known.items()}
            self.crawler.stats.set_value("crawl/known_articles", len(self.known))
        memory = crawl_memory(self.settings.get("ARCHIVE_PATH"), self.profile.name)
        self.resume = memory.queued
        if self.resume:  # what the killed run answered is not asked again
            self.seen.update(self._key(url) for url in memory.answered)
        # After a kill, listings are walked past known articles up to the pages recorded.
        self.recorded = {self._key(url) for url in memory.recorded} if memory.unfinished else None
        if self.resume:
            self.crawler.stats.set_value("crawl/resumed", len(self.resume))

    def _discovery(self) -> Iterator[scrapy.Request]:
        """The start requests: robots.txt, sitemaps, feeds, then the listing pages."""
        p = self.profile
        yield self._request(p.absolute("/robots.txt"), self.parse_robots, priority=30)
        for path in p.sitemaps:
            yield self._sitemap_request(p.absolute(path))
        for path in p.feeds:
            yield from self._once(p.absolute(path), "feeds")
        for path in p.listings:
            yield self._request(p.absolute(path), self.parse_page, priority=10)

    def _sitemap_request(self, url: str) -> scrapy.Request:
        maxsize = self.settings.getint("SITEMAP_MAXSIZE")
        return self._request(
            url, self.parse_sitemap, priority=30, meta={"download_maxsize": maxsize}
        )

    def _once(self, url: str, kind: str) -> Iterator[scrapy.Request]:
        """The request for a sitemap or a feed ("sitemaps", "feeds"), unless this run has
        asked for its URL already (announced twice, announced and guessed)."""
        key = self._key(url)
        if key in self.seen:
            return
        self.seen.add(key)
        if kind == "sitemaps":
            yield self._sitemap_request(url)
        else:
            yield self._request(url, self.parse_feed, priority=20)

    # --- requests -------------------------------------------------------------

    def _request(
        self,
        url: str,
        callback: Any,
        *,
        priority: int = 0,
        meta: dict[str, Any] | None = None,
        errback: Any = None,
    ) -> scrapy.Request:
        meta = {
            "dont_redirect": True,
            "handle_httpstatus_list": list(REDIRECTS),
            **(meta or {}),
        }
        return scrapy.Request(
            url, callback=callback, errback=errback or self.on_error, priority=priority, meta=meta
        )

    def _own(self, url: str) -> str | None:
        """Our canonical form of a discovered URL, or None when it is off-site."""
        if url not in self._owned:
            own = None
            # urlsplit lower-cases the scheme: `HTTP://` links are followed too.
            if well_formed(url) and urlsplit(url).scheme in ("http", "https"):
                own = self.context.url(url)
                own = own if self.profile.owns(own) else None
            self._owned[url] = own
        return self._owned[url]

    def _key(self, url: str) -> str:
        """The profile's identity key of a URL, computed once per URL (menus repeat links)."""
        if url not in self._keys:
            self._keys[url] = self.profile.key(url)
        return self._keys[url]

    def _new_so_far(self) -> int:
        return int(self.crawler.stats.get_value("crawl/articles/new", 0))

    def _announce(self, key: str, lastmod: str | None) -> str | None:
        """Record a date a sitemap or feed gives a URL; the latest one any source gave."""
        if lastmod and later(lastmod, self.announced.get(key)):
            self.announced[key] = lastmod
        return self.announced.get(key)

    def _before_since(self, day: str | None) -> bool:
        """Whether a date (a sitemap's, a dated URL's) is surely before --since, whatever
        the time zone it was written in."""
        return bool(self.since_margin and day and day[:10] < self.since_margin)

    def article_request(self, url: str, lastmod: str | None = None) -> scrapy.Request | None:
        """A request for an article URL, unless seen, too old, or archived and not announced
        as changed since (a date-less one is kept for a conditional re-check at the end)."""
        key = self._key(url)
        if key in self.seen:
            return None
        stats = self.crawler.stats
        announced = self._announce(key, lastmod)
        if self._before_since(announced or path_date(url)):
            stats.inc_value("crawl/skipped_since")
            return None
        known = self.known.get(key)
        if known is not None:  # sitemaps date an article under its canonical URL
            announced = announced or self.announced.get(self._key(known.url))
        if known is not None and not changed_since_archived(known, announced):
            if key not in self._unchanged:
                self._unchanged.add(key)
                stats.inc_value("crawl/skipped_known")
            if announced is None and (known.etag or known.last_modified):
                self.recheck.setdefault(self._key(known.url), known)
            return None
        self.seen.add(key)
        if known is not None:
            stats.inc_value("crawl/refetch_announced")
        meta = {"lastmod": announced, "article": True, "expected": True}
        request = self._request(url, self.parse_page, priority=5, meta=meta)
        stats.inc_value("crawl/articles/expected")
        return self.budget.admit(request, self._new_so_far(), article=True)

    def page_request(self, url: str) -> scrapy.Request | None:
        """A request for a listing page, once per URL (held back while a --max-articles
        budget is full)."""
        key = self._key(url)
        if key in self.seen:
            return None
        self.seen.add(key)
        request = self._request(url, self.parse_page, priority=10)
        return self.budget.admit(request, self._new_so_far(), article=False)

    def _released(self) -> list[scrapy.Request]:
        """Held-back requests that may go now that a fetch did not add a new article."""
        return self.budget.release(self._new_so_far())

    def spider_idle(self) -> None:
        """Before closing: requests still held back by the budget, then conditional re-checks
        of archived articles that no sitemap or feed dated (RECHECK_BUDGET a run)."""
        engine = self.crawler.engine
        resuming = self.recorded is not None  # re-checks wait for a run that ends on its own
        scheduled = self._released() or ([] if resuming else self._rechecks())
        for request in scheduled:
            engine.crawl(request)
        if scheduled:
            raise DontCloseSpider

    def _rechecks(self) -> list[scrapy.Request]:
        left = self.settings.getint("RECHECK_BUDGET", 100)
        requests = []
        for key, known in list(self.recheck.items())[:left]:
            if key in self.seen or self.announced.get(key):
                continue
            self.seen.add(key)
            headers = {"If-None-Match": known.etag, "If-Modified-Since": known.last_modified}
            url = self._recorded(known.url)
            request = self._request(url, self.parse_page, priority=5, meta={"article": True})
            request.headers.update({k: v for k, v in headers.items() if v})
            request.meta["handle_httpstatus_list"] = [*REDIRECTS, 304]
            requests.append(request)
        self.recheck.clear()
        self.crawler.stats.inc_value("crawl/rechecked", len(requests))
        return requests

    def follow(self, url: str, lastmod: str | None = None) -> scrapy.Request | None:
        """Route a discovered on-site URL by what the profile says it is."""
        own = self._own(url)
        if own is None or self._key(own) in self.seen:  # menus repeat links on every page
            return None
        kind = self.profile.classify_url(own)
        if kind == "article":
            return self.article_request(own, lastmod)
        if kind == "listing" or (kind == "unknown" and self.profile.follow_unknown):
            return self.page_request(own)
        return None

    # --- callbacks ------------------------------------------------------------

    def _redirect(self, response: Response) -> Iterator[Any]:
        """Follow a redirect ourselves, so every URL of the chain stays known as an alias."""
        location = response.headers.get("Location")
        chain = [*response.meta.get("redirect_chain", []), response.url]
        if not location or len(chain) > self.settings.getint("REDIRECT_MAX_TIMES"):
            self.crawler.stats.inc_value("crawl/redirect_dropped")
            if location:
                yield self._given_up(response.url, "redirect_loop", f"{len(chain)} redirects")
            return
        href = location.decode("latin-1")
        target = self._own(resolve(response.url, href))
        if target is None:
            self.crawler.stats.inc_value("crawl/redirect_offsite")
            yield self._given_up(response.url, "redirect_offsite", f"redirects to {href}")
            return
        if target in (self.context.url(u) for u in chain):
            yield self._given_up(response.url, "redirect_loop", f"redirects back to {target}")
            return
        key = self._key(target)
        if response.meta.get("article") and self._before_since(self.announced.get(key)):
            self.crawler.stats.inc_value("crawl/skipped_since")
            return
        if key in self.seen and key not in (self._key(u) for u in chain):
            for url in chain:
                yield Alias(url=url, target=target, site=self.profile.name)
            return
        self.seen.add(key)
        meta = {k: v for k, v in response.meta.items() if k in _FOLLOWED_META}
        meta["redirect_chain"] = chain
        self.budget.in_flight += bool(meta.get("article"))  # the same article, still on its way
        assert response.request is not None
        yield self._request(target, response.request.callback, priority=5, meta=meta)

    @tracked
    def parse_robots(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:  # robots.txt moved: its new place announces
            followed = list(self._redirect(response))
            yield from followed
            if any(isinstance(output, scrapy.Request) for output in followed):
                return
        else:
            for url in robots_sitemaps(response.body):
                own = self._own(url)
                if own:
                    self._announced_starts.add("sitemaps")
                    yield from self._once(own, "sitemaps")
        yield from self._fallbacks("sitemaps")

    def _fallbacks(self, kind: str) -> Iterator[scrapy.Request]:
        """The profile's usual places for sitemaps or feeds, once, if the site announced
        none of its own (asked when robots.txt or the home page has answered, or failed)."""
        if kind not in self._fallbacks_due:
            return
        self._fallbacks_due.discard(kind)
        if kind in self._announced_starts:
            return
        p = self.profile
        paths = p.fallback_sitemaps if kind == "sitemaps" else p.fallback_feeds
        for path in paths:
            yield from self._once(p.absolute(path), kind)

    def _is_home(self, request: scrapy.Request) -> bool:
        """Whether a request is for the first listing (the home page), or follows its redirect."""
        home = self._key(self.profile.absolute(self.profile.listings[0]))
        chain = [*request.meta.get("redirect_chain", []), request.url]
        return any(self._key(url) == home for url in chain)

    @tracked
    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        self.seen.add(self._key(response.url))
        max_size = self.settings.getint("SITEMAP_MAXSIZE")
        sitemaps, entries = parse_sitemap(response.body, max_size=max_size)
        if not sitemaps and not entries:
            self.crawler.stats.inc_value("crawl/sitemap_unreadable")
        for child in sitemaps:
            if self._before_since(child.lastmod):
                continue
            own = self._own(child.url)
            if own:
                yield from self._once(own, "sitemaps")
        yield from self._follow_entries(entries)

    def _follow_entries(self, entries: list[FeedEntry]) -> Iterator[scrapy.Request]:
        """Requests for the pages a sitemap or feed announces, with the dates it gives."""
        for entry in entries:
            request = self.follow(entry.url, entry.lastmod)
            if request is not None:
                yield request

    @tracked
    def parse_feed(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        entries: list[FeedEntry] = parse_feed(response.body)
        if not entries:
            self.crawler.stats.inc_value("crawl/feed_unreadable")
        yield from self._follow_entries(entries)

    @tracked
    def parse_page(self, response: Response) -> Iterator[Any]:
        self.budget.in_flight -= bool(response.meta.get("article"))
        stats = self.crawler.stats
        extracted = stats.get_value("crawl/pages/article", 0)
        followed = False
        if response.status in REDIRECTS:
            for output in self._redirect(response):
                followed = followed or isinstance(output, scrapy.Request)
                yield output
        elif response.status == 304:  # a conditional re-check: the archived copy is current
            stats.inc_value("crawl/not_modified")
        else:
            yield from self._parse_page(response)
        no_article = stats.get_value("crawl/pages/article", 0) == extracted
        if response.meta.get("expected") and not followed and no_article:
            # An expected article that is none: another's alias, gone, or no article page.
            stats.inc_value("crawl/articles/none")
        assert response.request is not None
        # Due until the home page has answered: no key is made per page after that.
        if "feeds" in self._fallbacks_due and not followed and self._is_home(response.request):
            yield from self._fallbacks("feeds")
        yield from self._released()

    def _parse_page(self, response: Response) -> Iterator[Any]:
        stats = self.crawler.stats
        if not isinstance(response, scrapy.http.TextResponse):
            stats.inc_value("crawl/not_html")
            return
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        try:
            reading = read_page(response.body, response.url, content_type, self.profile)
        except Unreadable as exc:
            yield self._given_up(response.url, exc.kind, str(exc), response.status)
            return
        if reading.truncated:
            stats.inc_value("crawl/page_truncated")
            self.logger.warning(
                "%s is over %s bytes: only those are read", response.url, MAX_PAGE_BYTES
            )
        if reading.all_links > MAX_LINKS:
            stats.inc_value("crawl/links_capped")
            self.logger.warning(
                "%s links on %s: only the first %s are followed",
                reading.all_links,
                response.url,
                MAX_LINKS,
            )
        page, links = reading.page, reading.links
        chain = response.meta.get("redirect_chain", [])
        if isinstance(page, Article):
            stats.inc_value("crawl/pages/article")
            if self.since and page.published and page.published[:10] < self.since:
                stats.inc_value("crawl/skipped_since")
            else:
                page.site = self.profile.name
                page.aliases = [*chain, response.url]
                page.lastmod = response.meta.get("lastmod")
                page.etag, page.last_modified = _validators(response)
                page.capture = response.meta.get("warc_record")
                yield page
        elif isinstance(page, Listing):
            stats.inc_value("crawl/pages/listing")
            page.site = self.profile.name
            yield page
            yield from self._announced_feeds(response, reading.feeds)
        else:
            stats.inc_value("crawl/pages/other")
        yield from self._follow_links(response, page, links)

    def _announced_feeds(self, response: Response, hrefs: list[str]) -> Iterator[Any]:
        """Feeds a listing page announces with `<link rel=alternate>` (RSS or Atom)."""
        for href in hrefs:
            own = self._own(resolve(response.url, href))
            if not own or "comments" in own:
                continue
            self._announced_starts.add("feeds")
            yield from self._once(own, "feeds")

    def _follow_links(
        self, response: Response, page: Article | Listing | None, hrefs: list[str]
    ) -> Iterator[Any]:
        """Schedule the page's on-site links, and stop a listing's pagination where it has
        nothing more to give (see `_paging`)."""
        paging = self._paging(page)
        if paging != "go":
            self.crawler.stats.inc_value(f"crawl/pagination_stopped/{paging}")
        base = _listing_base(self.context.url(response.url))
        for href in hrefs:
            url = self._own(resolve(response.url, href))
            if url is None:
                continue
            next_page = paging != "go" and _listing_base(url) == base and url != base
            unwalked = self.recorded is not None and self._key(url) not in self.recorded
            if next_page and not (paging == "known" and unwalked):
                continue
            request = self.follow(url)
            if request is not None:
                yield request

    def _paging(self, page: Article | Listing | None) -> str:
        """Whether a listing's next pages are worth fetching: "go"; "end" (no cards); "since"
        (every card dated before --since: a listing runs newest first); "known" (every card
        archived already; after a killed run, pages no run recorded are walked still, so the
        listing pages it never reached are not skipped)."""
        if not isinstance(page, Listing):
            return "go"
        if not page.teasers:
            return "end"
        keys = [self._key(t.url) for t in page.teasers]
        if self.since:
            dates = [
                t.published or self._date_of(k) for t, k in zip(page.teasers, keys, strict=True)
            ]
            if all(self._before_since(d) for d in dates):
                return "since"
        if self.known and all(k in self.known for k in keys):
            return "known"
        return "go"

    def _date_of(self, key: str) -> str | None:
        """The latest date any source gave an article: sitemap/feed, else the archive's."""
        known = self.known.get(key)
        return self.announced.get(key) or (known.published if known else None)

    def on_error(self, failure: Failure) -> Iterator[Any]:
        """Count failures by kind and keep each URL given up on as a reject (a 404 past the
        last page is normal, a timeout, a reset or a refused address is not); an article
        that failed leaves its place in a --max-articles budget to the next one."""
        request = failure.request  # type: ignore[attr-defined]  # set by Scrapy on errbacks
        self.budget.in_flight -= bool(request.meta.get("article"))
        yield from self._released()
        if failure.check(CrawlStopping):  # dropped at a stop: the next run resumes it
            return
        if request.meta.get("expected"):
            self.crawler.stats.inc_value("crawl/articles/none")
        yield from self._count_failure(failure, request)
        fallbacks: list[scrapy.Request] = []  # robots.txt or the home page failed: no announcement
        if request.callback == self.parse_robots:
            fallbacks = list(self._fallbacks("sitemaps"))
        elif self._is_home(request):
            fallbacks = list(self._fallbacks("feeds"))
        yield from fallbacks
        queued = [_queued(r) for r in fallbacks]
        yield Frontier(queued=queued, done=[request.url], site=self.profile.name)

    def _count_failure(self, failure: Failure, request: scrapy.Request) -> Iterator[Reject]:
        stats = self.crawler.stats
        attempts = request.meta.get("retry_times", 0) + 1
        if isinstance(failure.value, HttpError):
            status = failure.value.response.status
            stats.inc_value(f"crawl/http_{status}")
            if status >= 500 or status == 429:
                stats.inc_value("crawl/errors")
                yield self._given_up(request.url, "http_error", f"HTTP {status}", status, attempts)
            return
        assert failure.value is not None
        kind = fault_kind(failure.value)
        if kind == "ignored":  # robots.txt forbids it: a decision, not a fault
            stats.inc_value("crawl/ignored")
            self.logger.info("%s: %s", request.url, describe(failure.value))
            return
        stats.inc_value("crawl/errors")
        yield self._given_up(request.url, kind, describe(failure.value), None, attempts)

    def _given_up(
        self,
        url: str,
        kind: str,
        detail: str,
        status: int | None = None,
        attempts: int | None = None,
    ) -> Reject:
        """A URL the crawl gives up on: a stats key for its kind of fault, an ERROR line
        that says what happened, and a reject that keeps it."""
        self.crawler.stats.inc_value(f"crawl/fault/{kind}")
        self.logger.error("%s on %s: %s", kind.replace("_", " "), url, detail)
        return Reject(
            url=url,
            reason=kind,
            site=self.profile.name,
            detail=detail,
            status=status,
            attempts=attempts,
        )


class GenericSpider(SiteSpider):
    """Crawl a site no profile describes: `-a url=https://example.org/` (or `scraper crawl --url`)."""

    name = "generic"

    @classmethod
    def load_profile(cls, url: str | None = None) -> Profile:
        return generic_profile(url or "https://example.org/")

    def __init__(self, url: str | None = None, *args: Any, **kwargs: Any) -> None:
        if not url:
            raise ValueError("the generic spider needs a start URL: -a url=https://example.org/")
        super().__init__(url, *args, **kwargs)

    async def start(self) -> AsyncIterator[Any]:
        if not is_local(self.profile.base_url):
            async for request in super().start():
                yield request
            return
        # A local copy of a site may keep the site's absolute links: read the origin it
        # mirrors off its home page first, so discovery takes those links as its own.
        yield self._request(
            self.profile.base_url,
            self.parse_copy_home,
            priority=40,
            errback=self.copy_home_failed,
        )

    def parse_copy_home(self, response: Response) -> Iterator[Any]:
        """Adopt the origin the copy's home page declares, then discover as usual."""
        if isinstance(response, scrapy.http.TextResponse) and response.status not in REDIRECTS:
            declared = response.xpath(_DECLARED_URLS).getall()
            links = [resolve(response.url, h) for h in response.xpath("//a/@href").getall()]
            mirrored = mirrored_origin(response.url, declared, links)
            if mirrored:
                self.logger.info(
                    "%s is a copy of %s: its links there are its own", response.url, mirrored
                )
                self.profile = self.context.profile = self.profile.copy_of(mirrored)
                self._owned.clear()
                self._keys.clear()
        yield from self._discover_but(response.url)
        yield from self.parse_page(response)

    def copy_home_failed(self, failure: Failure) -> Iterator[Any]:
        """The home page failed: count it, and discover from sitemaps and feeds all the same."""
        yield from self.on_error(failure)
        yield from self._discover_but(self.profile.base_url)

    def _discover_but(self, home: str) -> Iterator[Any]:
        """The start requests, once the archive is read, less the home page already fetched."""
        self._load_known()
        fetched = self._key(home)
        for output in self._starts():
            if not isinstance(output, scrapy.Request) or self._key(output.url) != fetched:
                yield output


def _validators(response: Response) -> tuple[str | None, str | None]:
    """The response's ETag and Last-Modified headers, for a conditional re-check later."""
    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    return (
        etag.decode("latin-1") if etag else None,
        modified.decode("latin-1") if modified else None,
    )


_DECLARED_URLS = "//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"


def spider_for(profile: Profile) -> type[SiteSpider]:
    """A spider class bound to `profile`: a bundled one, or a profile file of one's own."""
    return type(
        "".join(c for c in profile.name.title() if c.isalnum()) + "Spider",
        (SiteSpider,),
        {
            "name": profile.name,
            "bound_profile": profile,
            "__module__": __name__,
            "__doc__": f"Crawl {profile.title} ({profile.base_url}).",
        },
    )


# One spider per bundled profile, so `scrapy list` shows them and `scrapy crawl NAME` works.
SPIDERS: dict[str, type[SiteSpider]] = {p.name: spider_for(p) for p in load_profiles().values()}
globals().update({cls.__name__: cls for cls in SPIDERS.values()})
