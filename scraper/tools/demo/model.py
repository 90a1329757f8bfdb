"""What the demo generator hands out: served routes and the ground truth behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

# The real site's origins, as a mirror's pages carry them; the crawler maps them onto the server.
GHOST_ORIGIN = "https://www.lecourrierdesstrateges.fr/"
WP_ORIGIN = "https://lecourrierdesstrateges.fr/"
# With host_style="local" both eras link to this origin; the server swaps in its own base URL.
LOCAL_ORIGIN = "http://demo-origin.invalid/"


@dataclass(frozen=True)
class Route:
    """One served path: a page (status, headers, body) or a redirect to `location`."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    location: str | None = None


@dataclass(frozen=True)
class Failure:
    """A scripted error answered before the route itself (e.g. 503 once, then the page)."""

    status: int = 503
    retry_after: int | None = None


@dataclass
class TruthArticle:
    """One article as a perfect crawler archives it; every alias leads to `canonical_path`.

    `body` holds paragraphs and subheadings separated by a blank line (the public preview for
    members-only posts); `published`/`modified` are ISO with the Europe/Paris offset.
    """

    canonical_path: str
    aliases: list[str]
    title: str
    lede: str | None
    body: str
    authors: list[str]
    published: str
    modified: str
    tags: list[str]
    members_only: bool
    era: str  # "wordpress" | "ghost"
    byline: list[str] = field(default_factory=list)  # names the page's byline shows


@dataclass
class TruthTeaser:
    """A card as displayed: `href` is the link as written, `target` the article's canonical path.

    `title` is None on layouts that show none; `authors` are the names the card shows.
    `position` counts cards of the page in document order, from 0.
    """

    source_path: str
    position: int
    kind: str  # "listing" | "featured" | "related"
    href: str
    target: str
    title: str | None
    excerpt: str
    authors: list[str]


@dataclass
class DemoSite:
    """A generated copy of the site: what to serve and what a crawl of it must find."""

    routes: dict[str, Route]
    articles: list[TruthArticle]
    teasers: list[TruthTeaser]
    robots_disallowed: list[str]
    static_pages: list[str] = field(default_factory=list)
    dead_links: list[str] = field(default_factory=list)  # linked but 404 (pagination past the end)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    origin_placeholder: str | None = None  # set when host_style="local"
    seed: int = 1
    revision: int = 1

    def resolve(self, path: str) -> Route | None:
        """The route answering `path` (with query): exact match, else the path without its query.

        Ghost ignores query strings it does not know (utm_*, fbclid, ref), so does the demo.
        """
        route = self.routes.get(path)
        if route is None and "?" in path:
            route = self.routes.get(path.split("?", 1)[0])
        return route

    def follow(self, path: str, limit: int = 10) -> tuple[str, Route | None]:
        """Follow redirects from `path`; returns the final path and its route (None: 404)."""
        route = self.resolve(path)
        while route is not None and route.location is not None and limit > 0:
            path = urlsplit(route.location)._replace(scheme="", netloc="").geturl()
            route = self.resolve(path)
            limit -= 1
        return path, route

    def article_at(self, path: str) -> TruthArticle | None:
        """The truth article whose canonical path or alias is `path`."""
        for article in self.articles:
            if path == article.canonical_path or path in article.aliases:
                return article
        return None
