"""Site profiles: what we know of a site, as data (one TOML file per site in this folder).

A profile names the site's hosts, where discovery starts (sitemaps, feeds, listings, and the
usual places asked when the site announces no sitemap or feed),
which URL paths are articles, listings or noise, and CSS selectors per layout era.
Extraction and spiders read profiles; they never branch on a site's name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from scraper.urls import canonicalize_url, host_of, url_key, well_formed, www_twin

PageKind = str  # "article" | "listing" | "ignore" | "unknown"
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
_MAX_LOCALIZED = 100_000  # URLs remembered by Profile.localize


@dataclass(frozen=True)
class Era:
    """One layout of a site (e.g. its WordPress years, its Ghost years) and its selectors.

    `detect` holds CSS selectors; the era applies to a page when any of them matches.
    `article` and `listing` map a field name to CSS selectors tried in order.
    """

    name: str
    detect: tuple[str, ...] = ()
    article: dict[str, tuple[str, ...]] = field(default_factory=dict)
    listing: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Profile:
    """Everything the crawler and the extractors know about one site."""

    name: str
    title: str
    base_url: str
    hosts: tuple[str, ...]
    language: str | None = None
    timezone: str | None = None
    house_authors: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ("/",)
    # The usual places, asked only when the site announces none of its own (robots.txt's
    # `Sitemap:` lines; a `<link rel=alternate>` feed on the home page): guesses cost requests.
    fallback_sitemaps: tuple[str, ...] = ()
    fallback_feeds: tuple[str, ...] = ()
    article_patterns: tuple[str, ...] = ()
    listing_patterns: tuple[str, ...] = ()
    ignore_patterns: tuple[str, ...] = ()
    eras: tuple[Era, ...] = ()
    settings: dict[str, object] = field(default_factory=dict)
    # Fetch on-site links whose URL shape matches no pattern (generic crawls: the page decides).
    follow_unknown: bool = False
    # Hosts of the real site when the profile is pointed at another origin (mirror, local copy).
    home_hosts: tuple[str, ...] = ()
    # localize() answers, per URL: pages repeat the same links (each copy of a profile, as
    # `replace` makes them, starts empty; not part of equality).
    _localized: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def rebase(self, base_url: str) -> Profile:
        """The same profile pointed at another origin: its rules apply relative to `base_url`."""
        if not urlsplit(base_url).scheme:
            raise ValueError(f"--base-url needs a scheme (http:// or https://): {base_url!r}")
        base = base_url if base_url.endswith("/") else base_url + "/"
        return replace(
            self,
            base_url=base,
            hosts=(host_of(base),),
            home_hosts=tuple(dict.fromkeys(self.home_hosts + self.hosts)),
        )

    def copy_of(self, origin: str) -> Profile:
        """The same profile for a copy of the site at `origin` (and its www twin): links to
        those hosts are the copy's own pages, mapped onto `base_url`."""
        host = host_of(origin)
        hosts = (*self.home_hosts, host, www_twin(host))
        return replace(self, home_hosts=tuple(dict.fromkeys(hosts)))

    def localize(self, url: str) -> str:
        """Map a URL on the real site's hosts onto `base_url`'s origin (identity when not rebased)."""
        if not self.home_hosts:
            return url
        local = self._localized.get(url)
        if local is None:
            if len(self._localized) >= _MAX_LOCALIZED:
                self._localized.clear()
            local = self._localized[url] = self._localize(url)
        return local

    def _localize(self, url: str) -> str:
        if not well_formed(url):
            return url
        parts = urlsplit(url)
        base = urlsplit(self.base_url)
        host = (parts.hostname or "").lower()
        # A loopback copy may be reached as localhost or 127.0.0.1: the same server on one port.
        twin = host in _LOOPBACK and base.hostname in _LOOPBACK and parts.port == base.port
        if host not in self.home_hosts and not twin:
            return url
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    def key(self, url: str) -> str:
        """Identity of a URL on this site: `url_key` with every host alias (www or not) folded
        onto the profile's origin, so `http://site/a` and `https://www.site/a/` are one page."""
        local = self.localize(url)
        parts = urlsplit(local)
        if (parts.hostname or "").lower() in self.hosts:
            local = urlunsplit(("https", urlsplit(self.base_url).netloc, *parts[2:]))
        return url_key(local)

    def fold_key(self, key: str) -> str:
        """`key()` of a URL already reduced by `url_key` (scheme-less `host/path`)."""
        return self.key(f"https://{key}")

    def owns(self, url: str) -> bool:
        """True when `url` is on one of this profile's hosts (after localisation)."""
        return host_of(self.localize(url)) in self.hosts

    def absolute(self, path: str) -> str:
        """A start path (`/sitemap.xml`) as an absolute URL on the profile's origin."""
        base = urlsplit(self.base_url)
        return urlunsplit((base.scheme, base.netloc, path, "", ""))

    def classify_url(self, url: str) -> PageKind:
        """What a URL's path says the page is: ignore wins over article and listing."""
        parts = urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        if _any_match(self.ignore_patterns, path):
            return "ignore"
        if _any_match(self.listing_patterns, path):
            return "listing"
        if _any_match(self.article_patterns, path):
            return "article"
        return "unknown"

    def is_house_author(self, name: str) -> bool:
        """True for a byline that names the publication itself, not a writer."""
        folded = name.strip().casefold()
        return any(folded == h.casefold() for h in self.house_authors)


def _any_match(patterns: tuple[str, ...], path: str) -> bool:
    return any(_compiled(p).search(path) for p in patterns)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


def _era(data: dict) -> Era:
    return Era(
        name=data["name"],
        detect=_tuple(data.get("detect")),
        article={k: _tuple(v) for k, v in data.get("article", {}).items()},
        listing={k: _tuple(v) for k, v in data.get("listing", {}).items()},
    )


def parse_profile(data: dict) -> Profile:
    """Build a Profile from the dict of a TOML profile file."""
    start = data.get("start", {})
    urls = data.get("urls", {})
    return Profile(
        name=data["name"],
        title=data.get("title", data["name"]),
        base_url=data["base_url"],
        hosts=_tuple(data["hosts"]),
        language=data.get("language"),
        timezone=data.get("timezone"),
        house_authors=_tuple(data.get("house_authors")),
        sitemaps=_tuple(start.get("sitemaps")),
        feeds=_tuple(start.get("feeds")),
        listings=_tuple(start.get("listings", ["/"])),
        fallback_sitemaps=_tuple(start.get("fallback_sitemaps")),
        fallback_feeds=_tuple(start.get("fallback_feeds")),
        article_patterns=_tuple(urls.get("article")),
        listing_patterns=_tuple(urls.get("listing")),
        ignore_patterns=_tuple(urls.get("ignore")),
        eras=tuple(_era(e) for e in data.get("eras", [])),
        settings=dict(data.get("settings", {})),
        follow_unknown=bool(data.get("follow_unknown", False)),
    )


def canonical(url: str, profile: Profile | None) -> str:
    """The one canonical spelling of a URL: mapped onto the copy the profile's site is crawled
    at (see `Profile.localize`), then canonicalised. Extraction and the archive path use it."""
    return canonicalize_url(profile.localize(url) if profile else url)


@cache
def load_profiles() -> dict[str, Profile]:
    """All bundled profiles, by name."""
    profiles: dict[str, Profile] = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and not entry.name.startswith("_"):
            profile = parse_profile(tomllib.loads(entry.read_text(encoding="utf-8")))
            profiles[profile.name] = profile
    return profiles


def get_profile(name: str) -> Profile:
    """The bundled profile called `name`; KeyError names the known ones."""
    profiles = load_profiles()
    if name not in profiles:
        known = ", ".join(sorted(profiles)) or "none"
        raise KeyError(f"unknown site {name!r} (known sites: {known})")
    return profiles[name]


def read_profile_file(path: str | Path) -> Profile:
    """A profile from a TOML file of one's own (an edited `scraper profile suggest` draft);
    ValueError says in one line what is wrong with the file."""
    try:
        return parse_profile(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        raise ValueError(f"cannot read profile {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"profile {path} is not valid TOML: {exc}") from None
    except KeyError as exc:
        raise ValueError(f"profile {path} lacks the required key {exc}") from None
    except (TypeError, ValueError, AttributeError, re.error) as exc:
        raise ValueError(f"profile {path}: {exc}") from None


def generic_profile(url: str) -> Profile:
    """A profile for a site we know nothing about, from the generic rules of thumb."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    data = tomllib.loads(resources.files(__name__).joinpath("_generic.toml").read_text("utf-8"))
    host = parts.hostname.lower()
    data.update(
        name=host,
        title=host,
        base_url=f"{parts.scheme}://{parts.netloc}/",
        hosts=[host, www_twin(host)],
    )
    if parts.path not in ("", "/"):
        data["start"]["listings"] = ["/", parts.path]
    return parse_profile(data)


def profile_for_url(url: str) -> Profile | None:
    """The bundled profile whose hosts include `url`'s host, if any."""
    host = host_of(url)
    return next((p for p in load_profiles().values() if host in p.hosts), None)
