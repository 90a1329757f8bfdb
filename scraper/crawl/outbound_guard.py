"""The outbound policy (scraper.crawl.outbound) inside Scrapy: a downloader middleware checks every
request, each redirect hop included (the spider follows redirects itself, as new requests),
and a DNS resolver checks every address a public name resolves to, when connecting."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from scraper.crawl.outbound import OutboundPolicy, Refused, forbidden_address
from scraper.urls import is_local

logger = logging.getLogger(__name__)


class OutboundMiddleware:
    """Refuse a request the spider's site policy does not allow (another host, another port,
    a private address for a public site), before robots.txt is even asked for it."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._policies: dict[int, tuple[object, OutboundPolicy]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> OutboundMiddleware:
        return cls(crawler)

    def policy(self, spider: Any) -> OutboundPolicy | None:
        """The policy of the spider's current profile (a copy's profile may change once)."""
        profile = getattr(spider, "profile", None)
        if profile is None:
            return None
        kept = self._policies.get(id(profile))
        if kept is None or kept[0] is not profile:
            kept = (profile, OutboundPolicy.for_site(profile.base_url, profile.hosts))
            self._policies[id(profile)] = kept
        return kept[1]

    def process_request(self, request: Request, spider: Any = None) -> None:
        policy = self.policy(spider or self.crawler.spider)
        if policy is None:
            return
        try:
            policy.check(request.url)
        except Refused as refusal:
            self.crawler.stats.inc_value(f"outbound/refused/{refusal.reason}")
            raise IgnoreRequest(str(refusal)) from refusal


class PublicAddressResolver(CachingThreadedResolver):
    """Scrapy's resolver, refusing a public name that resolves to a loopback, private,
    link-local, multicast or reserved address: a site cannot point the crawler at this
    machine or its network through DNS. Names that are local themselves (localhost,
    127.0.0.1, `*.test`) are the user's own copies and resolve as usual."""

    def getHostByName(self, name: str, timeout: Any = ()) -> Deferred[str]:
        lookup = super().getHostByName(name, timeout)
        if is_local(f"http://{name}/"):
            return lookup
        return lookup.addCallback(self._public_only, name)

    @staticmethod
    def _public_only(address: str, name: str) -> str:
        if forbidden_address(address):
            logger.error("refused %s: it resolves to %s, not a public address", name, address)
            raise DNSLookupError(f"{name} resolves to {address}, not a public address")
        return address
