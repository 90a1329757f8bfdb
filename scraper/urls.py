"""URL canonicalisation: tracking parameters, case, ports, fragments, and identity keys."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

# Parameters that identify a campaign or a click, never a document.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "ref_url",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "spm",
        "share",
        "s_cid",
        "cmpid",
        "xtor",
        "at_medium",
        "at_campaign",
        "amp",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
# The first path segment of an author's page (/autor/jan-novak, /av/amanda-hallsten,
# /forfatter/per-ofstad), in the languages we meet.
# fmt: off
AUTHOR_PAGE_SEGMENTS = (
    "author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "autores",
    "forfatter", "av", "profile", "journalist", "journalists",
)
# fmt: on
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    """True for query parameters that only track a visit (utm_*, fbclid, ref, …)."""
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def well_formed(url: str) -> bool:
    """Whether a URL can be taken apart: brackets of an IPv6 host closed, port a number in
    range, no lone surrogate. Pages carry any string in an href; a malformed one is dropped."""
    return _split(url.strip()) is not None


# Characters a URL may hold as it is: w3lib's safe_url_string leaves such a URL unchanged, so
# the common case skips it (it was a tenth of a crawl's extraction CPU).
_PLAIN_URL = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]*")


@lru_cache(maxsize=1 << 16)
def _split(url: str) -> tuple[SplitResult, int | None] | None:
    """The parts of a URL made safe (percent-encoded, IDNA host) and its port; None when
    urllib or w3lib (stricter about bracketed hosts) cannot take it apart."""
    try:
        parts = urlsplit(url if _PLAIN_URL.fullmatch(url) else safe_url_string(url))
        return parts, parts.port
    except ValueError:
        return None


# Pages repeat the same links (menus, cards): a crawl canonicalises each URL many times.
@lru_cache(maxsize=1 << 16)
def canonicalize_url(url: str) -> str:
    """Clean a URL without changing the document it names; "" for a malformed URL.

    Lower-cases scheme and host, drops default ports, fragments, tracking parameters
    and empty queries, collapses repeated slashes; the path's trailing slash is kept.
    """
    split = _split(url.strip())
    if split is None:
        return ""
    parts, port = split
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not is_tracking_param(k)
        ]
    )
    return urlunsplit((scheme, netloc, path, query, ""))


@lru_cache(maxsize=1 << 16)
def url_key(url: str) -> str:
    """Identity of a URL for dedupe: canonical form without scheme and trailing slash.

    `http://Site/a/` and `https://site/a` name the same document on every site we know.
    """
    parts = urlsplit(canonicalize_url(url))
    path = parts.path.rstrip("/") or "/"
    key = f"{parts.netloc}{path}"
    return f"{key}?{parts.query}" if parts.query else key


# Links that resolve the same from any page of an origin: root-relative ("/x", "//host/x")
# and absolute ones.
_ORIGIN_RELATIVE = ("/", "http://", "https://")


@lru_cache(maxsize=1 << 16)
def _join(base: str, href: str) -> str:
    try:
        url = urljoin(base, href)
    except ValueError:
        return ""
    return url if well_formed(url) else ""


def resolve(page_url: str, href: str) -> str:
    """`href` made absolute against the page it is on (urljoin), "" when either is malformed;
    cached: menus and cards repeat the same links on every page, and most are root-relative
    or absolute."""
    href = href.strip()
    if href.lower().startswith(_ORIGIN_RELATIVE):
        return _join(origin(page_url), href)
    return _join(page_url, href)


# HTTP statuses that send a client to another URL (its Location).
REDIRECTS = (301, 302, 303, 307, 308)
_DATED_PATH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
# A dated permalink as some CMSs write it, without leading zeros: `/2024/2/4/slug`.
_LOOSE_DATED_PATH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/")
# Year, month and day run together or split otherwise, as news CMSs write them:
# `/news/20150220/slug`, Xinhua's `/world/2019-12/10/`, People's Daily's `/2019/1210/`.
_COMPACT_DATED_PATH = re.compile(r"/((?:19|20)\d\d)(?:-(\d\d)/|/?(\d\d))(\d\d)(?=[/._-])")
# A whole date inside a path segment: `2024-01-15-slug`, or day first as European sites and
# CMSs write it: `15-01-2024-slug`, `~02-01-2022-…`, `/meldungen/29-10-2021`.
_ISO_IN_PATH = re.compile(r"(?<![\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d])")
_DAY_FIRST_IN_PATH = re.compile(r"(?<![\d])(\d\d)[-.](\d\d)[-.]((?:19|20)\d\d)(?![\d])")


# A link to a day's archive (WordPress's get_day_link: `/2016/12/22/`).
_DAY_ARCHIVE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})/?$")


def archive_day(href: str) -> str | None:
    """The day ("2016-12-22") a link to a day's archive names, unchecked as a calendar day; the
    path is read without urlsplit, which raises on a malformed link ("http://[::1/x")."""
    found = _DAY_ARCHIVE.search(re.split(r"[?#]", href, maxsplit=1)[0])
    if found is None:
        return None
    year, month, day = map(int, found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def path_date(url: str) -> str | None:
    """The day a dated permalink carries (`/2021/04/05/slug/` → 2021-04-05), or None."""
    found = _DATED_PATH.search(urlsplit(url).path)
    return "-".join(found.groups()) if found else None


def url_day(url: str) -> str | None:
    """The day a URL's path names, when it is a real calendar day: a dated permalink, else a
    whole date in a segment (ISO, or day first), else year, month and day written together
    (`/20150220/`, `/2019-12/10/`, `/2019/1210/`). Evidence for a page that declares no date;
    `path_date` alone (unambiguous) decides what a crawl skips."""
    path = urlsplit(url).path
    dated = _LOOSE_DATED_PATH.search(path)
    iso = _ISO_IN_PATH.search(path)
    day_first = _DAY_FIRST_IN_PATH.search(path)
    compact = _COMPACT_DATED_PATH.search(path)
    if dated:
        parts = dated.groups()
    elif iso:
        parts = iso.groups()
    elif day_first:
        parts = day_first.group(3), day_first.group(2), day_first.group(1)
    elif compact:
        year, month_apart, month, day = compact.groups()
        parts = year, month_apart or month, day
    else:
        return None
    try:
        return date(*map(int, parts)).isoformat()
    except ValueError:
        return None


def is_robots_txt(url: str) -> bool:
    """Whether a URL names a site's robots.txt."""
    parts = urlsplit(url)
    return parts.path == "/robots.txt" and not parts.query


def origin(url: str) -> str:
    """`scheme://host[:port]` of a URL ("" for a malformed one)."""
    if not well_formed(url):
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def host_of(url: str) -> str:
    """Lower-cased host name of a URL, without port ("" for a malformed URL)."""
    return (urlsplit(url).hostname or "").lower() if well_formed(url) else ""


def www_twin(host: str) -> str:
    """The same site's other host name: `www.site` for `site`, `site` for `www.site`."""
    return host[4:] if host.startswith("www.") else f"www.{host}"


_MIN_MIRROR_LINKS = 3  # links to the declared origin that show a page is a copy's
# Names reserved for testing and local networks (RFC 2606, RFC 6761, RFC 6762, ICANN .internal).
_LOCAL_SUFFIXES = (
    ".localhost",
    ".test",
    ".invalid",
    ".example",
    ".local",
    ".internal",
    ".home.arpa",
    ".lan",
)


def is_local(url: str) -> bool:
    """True for a URL served from this machine, a private network or a name reserved for
    local use (`.test`, `.localhost`, `.local`, `.internal`…): a local copy, not a live site."""
    host = host_of(url)
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def mirrored_origin(page_url: str, declared: Iterable[str], links: Iterable[str]) -> str | None:
    """The origin a local copy of a site mirrors: the host the page declares as its own
    (canonical link, og:url) when the page is served locally and links to that host.

    A copy saved or generated from a live site keeps the site's absolute links; those links
    are the copy's own pages, not another site's.
    """
    if not is_local(page_url):
        return None
    served = host_of(page_url)
    for url in declared:
        if not well_formed(url.strip()):
            continue
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host or host == served:
            continue
        hosts = {host, www_twin(host)}
        if sum(1 for link in links if host_of(link) in hosts) >= _MIN_MIRROR_LINKS:
            return f"{parts.scheme}://{parts.netloc}/"
    return None
