"""Generate the demo site: every route a crawler can meet, and the ground truth behind them.

`build_site(60)` gives a seeded copy of Le Courrier des Stratèges in both eras (Ghost pages,
archived WordPress pages, redirects, sitemaps, RSS) with the traps of the research notes;
`revision=2` is the same site a day later (three new posts, six posts edited, one retitled).

Where the traps live (modules render, plan decides):
- 1/3 WordPress-era posts: most imported into Ghost (`/slug/`, date URL and `/?p=ID` redirect
  chains to it), some linked only by those old URLs (not in Ghost listings, sitemaps or RSS),
  some still archived in WordPress layout at their date URL (one ISO-8859-1, one malformed),
  listed on `/category/{une,fil-nom,uncategorized}/` archive pages.
- Authors: "… par X" titles and "Par X –" ledes under house bylines, co-authored bylines.
- Variants: `/slug`, `/SLUG/`, `/slug/amp/`, WordPress `/…/embed/`, the `-2` republished copy,
  utm/fbclid/ref links, `#/portal/` links; a hub post in every listing and related block.
- Listings: Ghost "older posts" link on the last page (404), an older card template on some
  tag pages, `/page/2/` answering 503 once; `/ghost/` and `/email/` links robots.txt forbids.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Sequence
from datetime import UTC
from email.utils import format_datetime

from scraper.tools.demo import feeds, ghost, wordpress
from scraper.tools.demo.links import interlink
from scraper.tools.demo.model import (
    GHOST_ORIGIN,
    LOCAL_ORIGIN,
    WP_ORIGIN,
    DemoSite,
    Failure,
    Route,
    TruthArticle,
    TruthTeaser,
)
from scraper.tools.demo.plan import (
    TAGS,
    USERS,
    WP_CATEGORIES,
    Post,
    Tag,
    edit_for_revision2,
    plan_posts,
)
from scraper.tools.demo.render import SITE, Origins, json_ld

GHOST_PER_PAGE = 9
WP_PER_PAGE = 10
HTML = "text/html; charset=utf-8"


def build_site(
    n_articles: int = 60, seed: int = 1, *, host_style: str = "real", revision: int = 1
) -> DemoSite:
    """A deterministic demo site: same arguments, byte-identical routes.

    host_style "real" writes absolute links with the real hosts (a crawler maps them onto the
    server); "local" writes them with a placeholder origin the server swaps for its own.
    """
    if host_style == "real":
        origins = Origins(GHOST_ORIGIN, WP_ORIGIN)
    elif host_style == "local":
        origins = Origins(LOCAL_ORIGIN, LOCAL_ORIGIN)
    else:
        raise ValueError(f"host_style must be 'real' or 'local', not {host_style!r}")
    posts = plan_posts(n_articles, seed, revision)
    interlink(posts, seed, origins.ghost, origins.wp)
    if revision >= 2:
        edit_for_revision2(posts)
    builder = _Builder(origins, posts)
    builder.articles()
    builder.ghost_listings()
    builder.wp_listings()
    builder.static_pages()
    builder.discovery()
    failing = "/page/2/" if "/page/2/" in builder.routes else next(iter(builder.tag_bases.values()))
    return DemoSite(
        routes=builder.routes,
        articles=builder.truth(),
        teasers=builder.teasers,
        robots_disallowed=list(feeds.ROBOTS_DISALLOWED),
        static_pages=["/a-propos/", "/mentions-legales/"],
        dead_links=builder.dead_links,
        failures={failing: [Failure(503)]},
        origin_placeholder=LOCAL_ORIGIN if host_style == "local" else None,
        seed=seed,
        revision=revision,
    )


class _Builder:
    """Collects routes, teasers and aliases while the templates render."""

    def __init__(self, origins: Origins, posts: list[Post]) -> None:
        self.o = origins
        self.posts = posts  # newest first
        self.listed = [p for p in posts if p.serving == "ghost"]
        self.routes: dict[str, Route] = {}
        self.teasers: list[TruthTeaser] = []
        self.dead_links: list[str] = []
        self.aliases: dict[str, list[str]] = {p.path: [] for p in posts if p.copy_of is None}
        self.tag_bases = {
            t.slug: f"/category/{t.slug}/" for t in TAGS if any(t in p.tags for p in self.listed)
        }

    # --- routes -------------------------------------------------------------------------

    def page(
        self, path: str, html: str, *, encoding: str = "utf-8", post: Post | None = None
    ) -> None:
        headers = {"Content-Type": HTML if encoding == "utf-8" else "text/html"}
        if post is not None:
            headers["Last-Modified"] = format_datetime(post.modified.astimezone(UTC), usegmt=True)
        headers["Cache-Control"] = "public, max-age=0"
        self.add(path, Route(200, headers, html.encode(encoding, "xmlcharrefreplace")))

    def redirect(self, path: str, to: str, *, alias_of: Post | None = None) -> None:
        self.add(path, Route(301, {"Cache-Control": "public, max-age=31536000"}, b"", to))
        if alias_of is not None:
            self.aliases[alias_of.canonical.path].append(path)

    def add(self, path: str, route: Route) -> None:
        if path in self.routes:
            raise AssertionError(f"demo site generated {path} twice")
        self.routes[path] = route

    # --- pages --------------------------------------------------------------------------

    def articles(self) -> None:
        wp_posts = [p for p in self.posts if p.serving == "wp"]
        for post in self.posts:
            if post.serving == "wp":
                embed_of = next(p for p in wp_posts if p is not post) if len(wp_posts) > 1 else None
                html, teasers = wordpress.article(
                    self.o, post, self.wp_tags(post), self.wp_related(post), embed_of
                )
                self.page(post.path, html, encoding=post.encoding, post=post)
                self.redirect(post.path.rstrip("/"), post.path, alias_of=post)
                self.page(f"{post.path}embed/", wordpress.embed(self.o, post))
                self.aliases[post.path].append(f"{post.path}embed/")
            else:
                html, teasers = ghost.article(self.o, post, self.related(post))
                self.page(post.path, html, post=post)
                self.redirect(post.path.rstrip("/"), post.path, alias_of=post)
                if post.copy_of is not None:
                    self.aliases[post.canonical.path].append(post.path)
                if post.uppercase:
                    self.redirect(post.path.upper(), post.path, alias_of=post)
                if post.amp:
                    self.page(f"{post.path}amp/", ghost.amp(self.o, post))
                    self.aliases[post.path].append(f"{post.path}amp/")
                if post.era == "wordpress":
                    self.redirect(post.date_path, post.path, alias_of=post)
            if post.wp_id is not None:
                self.redirect(f"/?p={post.wp_id}", post.date_path, alias_of=post)
            self.teasers += teasers

    def related(self, post: Post) -> list[Post]:
        """The hub post first, then the newest posts sharing the primary tag, then the newest."""
        twins = {post.canonical.path}
        pool = [p for p in self.listed if p.canonical.path not in twins]
        hub = [p for p in pool if p.featured]
        same = [p for p in pool if post.tags[0] in p.tags and p not in hub]
        rest = [p for p in pool if p not in hub and p not in same]
        return (hub + same + rest)[: 3 + post.index % 2]

    def wp_related(self, post: Post) -> list[Post]:
        """Jetpack's picks: three WordPress-era posts close in time."""
        era = [p for p in self.posts if p.era == "wordpress" and p is not post]
        return sorted(era, key=lambda p: abs((p.published - post.published).total_seconds()))[:3]

    def wp_tags(self, post: Post) -> list[Tag]:
        """Tags an archived WordPress page links (those whose listing exists)."""
        return [t for t in post.tags if t.slug in self.tag_bases]

    def ghost_listings(self) -> None:
        o = self.o
        home_ld = ghost.website_ld(o)
        hub = next((p for p in self.listed if p.featured), None)
        self.paginate("/", "home-template", "", self.listed, home_ld, featured=hub, next_slash="")
        for tag in TAGS:
            if tag.slug not in self.tag_bases:
                continue
            base = self.tag_bases[tag.slug]
            posts = [p for p in self.listed if tag in p.tags]
            ld = json_ld({"@context": "https://schema.org", "@type": "Series", "name": tag.name,
                          "url": f"{o.ghost}{base[1:]}"})  # fmt: skip
            body_class = f"tag-template tag-{tag.slug}"
            self.paginate(base, body_class, ghost.tag_header(tag), posts, ld, old=tag.old_layout)
            self.redirect(f"/tag/{tag.slug}/", base)
        for user in USERS:
            posts = [p for p in self.listed if user in p.byline]
            if not any(user in p.byline for p in self.posts):
                continue
            base = f"/author/{user.slug}/"
            ld = json_ld({"@context": "https://schema.org", "@type": "Person", "name": user.name,
                          "url": f"{o.ghost}{base[1:]}", "sameAs": []})  # fmt: skip
            body_class = f"author-template author-{user.slug}"
            self.paginate(base, body_class, ghost.author_header(user), posts, ld)

    def paginate(
        self,
        base: str,
        body_class: str,
        header: str,
        posts: Sequence[Post],
        structured: str,
        *,
        featured: Post | None = None,
        old: bool = False,
        next_slash: str = "/",
    ) -> None:
        """Every page of a Ghost listing, its redirects, and the dead "older" link of the last."""
        pages = max(1, math.ceil(len(posts) / GHOST_PER_PAGE))
        for number in range(1, pages + 1):
            path = base if number == 1 else f"{base}page/{number}/"
            html, teasers = ghost.listing(
                self.o,
                path=path,
                base=base,
                number=number,
                pages=pages,
                body_class=body_class,
                header=header,
                posts=posts[(number - 1) * GHOST_PER_PAGE : number * GHOST_PER_PAGE],
                featured=featured if number == 1 else None,
                old_layout=old,
                structured=structured,
                next_slash=next_slash,
            )
            self.page(path, html)
            self.teasers += teasers
            if number > 1:
                self.redirect(path.rstrip("/"), path)
        self.redirect(f"{base}page/1/", base)
        self.dead_links.append(f"{base}page/{pages + 1}{next_slash}")

    def wp_listings(self) -> None:
        for category in WP_CATEGORIES:
            posts = [p for p in self.posts if p.wp_category == category and p.copy_of is None]
            pages = max(1, math.ceil(len(posts) / WP_PER_PAGE))
            base = f"/category/{category.slug}/"
            for number in range(1, pages + 1):
                path = base if number == 1 else f"{base}page/{number}/"
                chunk = posts[(number - 1) * WP_PER_PAGE : number * WP_PER_PAGE]
                html, teasers = wordpress.listing(
                    self.o, category, path=path, number=number, pages=pages, posts=chunk
                )
                self.page(path, html)
                self.teasers += teasers

    def static_pages(self) -> None:
        w = self.o.wp
        about = [
            f"{SITE} est né en 2020 d’un double impératif : souveraineté et liberté.",
            "Nous publions chaque jour analyses, entretiens et décryptages.",
            f'Nos archives restent en ligne : <a href="{w}category/une/">À la une</a>, '
            f'<a href="{w}category/fil-nom/">Le fil</a>, <a href="{w}category/uncategorized/">Non classé</a>.',
            f'Suivez-nous aussi par <a href="{self.o.ghost}rss/">RSS</a>.',
        ]
        legal = [
            "Éditeur : Le Courrier des Stratèges SAS, Paris.",
            "Hébergement : Ghost(Pro), Ghost Foundation.",
            'Contact : <a href="mailto:redaction@lecourrierdesstrateges.fr">redaction@lecourrierdesstrateges.fr</a>.',
        ]
        self.page("/a-propos/", ghost.static_page(self.o, "a-propos", "À propos", about))
        self.page(
            "/mentions-legales/",
            ghost.static_page(self.o, "mentions-legales", "Mentions légales", legal),
        )
        self.redirect("/a-propos", "/a-propos/")

    def discovery(self) -> None:
        o = self.o
        self.add("/robots.txt", _text(feeds.robots(o), "text/plain; charset=utf-8"))
        posts = [(p.path, p.modified) for p in self.listed]
        posts.sort(key=lambda e: e[1], reverse=True)
        half = (len(posts) + 1) // 2
        newest = max(p.modified for p in self.posts)
        pages = [("/", newest), ("/a-propos/", self.posts[-1].published),
                 ("/mentions-legales/", self.posts[-1].published)]  # fmt: skip
        tags = [(base, newest) for base in self.tag_bases.values()]
        authors = [
            (p, newest) for p in self.routes if p.startswith("/author/") and p.count("/") == 3
        ]
        files = [
            ("sitemap-pages.xml", pages),
            ("sitemap-posts.xml", posts[:half]),
            ("sitemap-posts-2.xml.gz", posts[half:]),
            ("sitemap-authors.xml", authors),
            ("sitemap-tags.xml", tags),
        ]
        index = []
        for name, entries in files:
            body = feeds.urlset(o, entries)
            if name.endswith(".gz"):
                route = Route(200, {"Content-Type": "application/x-gzip"}, _gzip(body))
            else:
                route = _text(body, "text/xml; charset=utf-8")
            self.add(f"/{name}", route)
            index.append((name, max((e[1] for e in entries), default=newest)))
        self.add("/sitemap.xml", _text(feeds.sitemap_index(o, index), "text/xml; charset=utf-8"))
        self.add("/sitemap.xsl", _text(feeds.stylesheet(), "text/xsl; charset=utf-8"))
        rss = feeds.rss(o, self.listed, newest)
        self.add("/rss/", _text(rss, "application/rss+xml; charset=utf-8"))
        self.redirect("/rss", "/rss/")
        self.redirect("/feed/", "/rss/")

    # --- truth --------------------------------------------------------------------------

    def truth(self) -> list[TruthArticle]:
        """One record per article: copies and variants are folded into their canonical."""
        truths = []
        for post in self.posts:
            if post.copy_of is not None:
                continue
            wp = post.serving == "wp"
            tags = [post.wp_category.name] if wp and post.wp_category else []
            tags += [t.name for t in (self.wp_tags(post) if wp else post.tags)]
            truths.append(
                TruthArticle(
                    canonical_path=post.path,
                    aliases=self.aliases[post.path],
                    title=post.title,
                    lede=post.lede,
                    body=post.body_text,
                    authors=list(post.authors),
                    published=post.published.isoformat(),
                    modified=post.modified.isoformat(),
                    tags=tags,
                    members_only=post.members_only,
                    era=post.era,
                    byline=[a.name for a in post.byline],
                )
            )
        return truths


def _text(body: str, content_type: str) -> Route:
    return Route(200, {"Content-Type": content_type}, body.encode("utf-8"))


def _gzip(body: str) -> bytes:
    """Gzip with a fixed mtime, so the bytes (and the site) stay deterministic."""
    return gzip.compress(body.encode("utf-8"), mtime=0)
