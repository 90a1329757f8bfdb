"""Machine-readable discovery documents as Ghost core writes them: robots.txt, sitemaps, RSS."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime

from scraper.tools.demo.plan import Post, escape
from scraper.tools.demo.render import SITE, Origins, attr, utc_z

ROBOTS_DISALLOWED = [
    "/ghost/",
    "/email/",
    "/r/",
    "/members/api/comments/counts/",
    "/webmentions/receive/",
]
STYLESHEET = '<?xml-stylesheet type="text/xsl" href="//www.lecourrierdesstrateges.fr/sitemap.xsl"?>'


def robots(o: Origins) -> str:
    """Ghost's default robots.txt."""
    rules = "".join(f"Disallow: {p}\n" for p in ROBOTS_DISALLOWED)
    return f"User-agent: *\nSitemap: {o.ghost}sitemap.xml\n{rules}"


def sitemap_index(o: Origins, entries: Sequence[tuple[str, datetime]]) -> str:
    """The `/sitemap.xml` index: one `<sitemap>` per (file name, lastmod)."""
    items = "".join(
        f"<sitemap><loc>{o.ghost}{name}</loc><lastmod>{utc_z(when)}</lastmod></sitemap>"
        for name, when in entries
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{STYLESHEET}'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


def urlset(o: Origins, entries: Sequence[tuple[str, datetime]]) -> str:
    """A sitemap file: (path, lastmod) pairs, newest first as Ghost sorts them."""
    ordered = sorted(entries, key=lambda e: e[1], reverse=True)
    items = "".join(
        f"<url><loc>{o.ghost}{path[1:]}</loc><lastmod>{utc_z(when)}</lastmod></url>"
        for path, when in ordered
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{STYLESHEET}'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        f"{items}</urlset>"
    )


def rss(o: Origins, posts: Sequence[Post], built: datetime) -> str:
    """`/rss/`: the 15 newest posts with full HTML in content:encoded (members-only: preview)."""
    items = "".join(_item(o, p) for p in posts[:15])
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title><![CDATA[{SITE}]]></title><description><![CDATA[L’actualité décryptée]]></description><link>{o.ghost}</link><generator>Ghost 6.3</generator><lastBuildDate>{format_datetime(built.astimezone(UTC), usegmt=True)}</lastBuildDate><atom:link href="{o.ghost}rss/" rel="self" type="application/rss+xml"/><ttl>60</ttl>{items}</channel></rss>"""


def _item(o: Origins, post: Post) -> str:
    url = f"{o.ghost}{post.slug}/"
    categories = "".join(f"<category><![CDATA[{t.name}]]></category>" for t in post.tags)
    content = "".join(b.markup() for b in post.visible_blocks).replace("]]>", "]]]]><![CDATA[>")
    description = post.lede or " ".join(b.text for b in post.text_blocks)[:500]
    return (
        f"<item><title><![CDATA[{post.title}]]></title>"
        f"<description><![CDATA[{description}]]></description>"
        f'<link>{url}</link><guid isPermaLink="false">{post.ghost_id}</guid>{categories}'
        f"<dc:creator><![CDATA[{', '.join(a.name for a in post.byline)}]]></dc:creator>"
        f"<pubDate>{format_datetime(post.published.astimezone(UTC), usegmt=True)}</pubDate>"
        f'<media:content url="{attr(o.ghost)}content/images/2025/{post.index % 997:03d}-une.jpg" medium="image"/>'
        f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
    )


def stylesheet() -> str:
    """A stub of Ghost's sitemap.xsl (browsers ask for it; crawlers should not)."""
    return f'<?xml version="1.0" encoding="UTF-8"?><xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><html><body><h1>{escape(SITE)}</h1></body></html></xsl:template></xsl:stylesheet>'
