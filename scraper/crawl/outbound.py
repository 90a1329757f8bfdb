"""Where a fetcher may connect: one policy for the crawl and for `profile suggest`.

http(s) only; the site's own hosts (its profile's hosts and their declared aliases) only, on
the default ports unless the site's base URL names another; and for a public site, never an
address on this machine or a private, link-local, multicast or reserved network (a cloud
metadata service at 169.254.169.254, a router, another service on localhost). A local copy
the user points at (127.0.0.1, `site.test`) may be on such an address: it is the user's own.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from scraper.urls import DEFAULT_PORTS, host_of, is_local, well_formed


class Refused(Exception):
    """A URL or address the outbound policy refuses; the message says why in one line."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason  # one word: scheme, host, port, address (a stats key's last part)


def forbidden_address(address: str) -> bool:
    """True for an address no public site lives at: loopback, private, link-local (cloud
    metadata), multicast, reserved, unspecified; IPv4 mapped into IPv6 judged as IPv4."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address at all: nothing to connect to
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class OutboundPolicy:
    """The hosts, ports and addresses a crawl of one site may reach."""

    hosts: frozenset[str]
    ports: frozenset[int]
    local: bool  # the site is a local copy: loopback and private addresses are its own

    @classmethod
    def for_site(cls, base_url: str, hosts: tuple[str, ...] | list[str] = ()) -> OutboundPolicy:
        """The policy of a site at `base_url` whose host names are `hosts` (the base URL's
        own host is always one): the base URL's port if it names one, else 80 and 443."""
        port = urlsplit(base_url).port if well_formed(base_url) else None
        return cls(
            hosts=frozenset(h.lower() for h in (*hosts, host_of(base_url)) if h),
            ports=frozenset({port} if port is not None else DEFAULT_PORTS.values()),
            local=is_local(base_url),
        )

    def check(self, url: str) -> None:
        """Raise Refused unless `url` is http(s), on one of the site's hosts and ports, and
        (for a public site) not an IP address of a private or special network."""
        if not well_formed(url):
            raise Refused("scheme", f"refused {url!r}: not a well-formed URL")
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_PORTS:
            raise Refused("scheme", f"refused {url}: only http and https are fetched")
        host = (parts.hostname or "").lower()
        if host not in self.hosts:
            raise Refused("host", f"refused {url}: {host or 'no host'} is not this site's")
        port = parts.port if parts.port is not None else DEFAULT_PORTS[parts.scheme]
        if port not in self.ports:
            raise Refused("port", f"refused {url}: port {port} is not this site's")
        if _is_ip(host):
            self.check_address(host, host)

    def check_address(self, host: str, address: str) -> None:
        """Raise Refused when `host` (a public site's) resolves to a forbidden `address`:
        checked on the address actually connected to, so DNS cannot route around it."""
        if not self.local and forbidden_address(address):
            raise Refused(
                "address", f"refused {host}: it resolves to {address}, not a public address"
            )
