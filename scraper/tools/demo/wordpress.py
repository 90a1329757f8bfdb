"""WordPress-era templates: archived pages of the old site (a tagDiv-like theme with Yoast,
Jetpack sharing and related posts, native comments), as third-party links still reach them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from urllib.parse import quote

from scraper.tools.demo.model import TruthTeaser
from scraper.tools.demo.plan import Post, Tag, escape
from scraper.tools.demo.prose import french_date, paragraph
from scraper.tools.demo.render import SITE, Origins, attr, json_ld, utc_offset, wp_excerpt

READERS = ("Jean-Marc", "Patrice L.", "Sylvie", "Gaulois73", "Marianne D.", "Hervé")
TEXTURIZE = {"’": "&#8217;", "«": "&laquo;", "»": "&raquo;", "\u00a0": "&nbsp;", "–": "&#8211;"}


def texturize(markup: str) -> str:
    """Typographic characters as wptexturize leaves them: numeric and named entities."""
    for char, entity in TEXTURIZE.items():
        markup = markup.replace(char, entity)
    return markup


def page(o: Origins, *, title: str, charset: str, body_class: str, head: str, main: str) -> str:
    """A whole WordPress page: head, header, `main`, footer."""
    w = o.wp
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{texturize(escape(title))}</title>
{head}
<link rel="alternate" type="application/rss+xml" title="{SITE} &raquo; Flux" href="{w}feed/">
<link rel="https://api.w.org/" href="{w}wp-json/">
<meta name="generator" content="WordPress 6.2.2">
<link rel="stylesheet" id="td-theme-css" href="{w}wp-content/themes/Newspaper/style.css?ver=12.3" type="text/css" media="all">
</head>
<body class="{body_class}">
<div class="td-theme-wrap" id="td-outer-wrap">
<div class="td-header-wrap"><div class="td-header-menu-wrap">
<a class="td-main-logo" href="{w}"><img src="{w}wp-content/uploads/2020/04/logo.png" alt="{SITE}"></a>
<ul id="menu-principal" class="sf-menu"><li class="menu-item"><a href="{w}">Accueil</a></li>
<li class="menu-item"><a href="{w}category/une/">À la une</a></li>
<li class="menu-item"><a href="{w}category/fil-nom/">Le fil</a></li></ul>
</div></div>
<div class="td-main-content-wrap td-container-wrap">
{main}
</div>
<div class="td-sub-footer-container"><div class="td-pb-row">
<div class="td-sub-footer-copy">© 2023 Le Courrier des Stratèges</div>
</div></div>
</div>
<script type="text/javascript" src="{w}wp-includes/js/wp-embed.min.js?ver=6.2.2" id="wp-embed-js"></script>
</body>
</html>
"""


def article(
    o: Origins, post: Post, tags: list[Tag], related: Sequence[Post], embed_of: Post | None
) -> tuple[str, list[TruthTeaser]]:
    """An archived WordPress post at its date URL, with Jetpack blocks inside .entry-content."""
    url = f"{o.wp}{post.path[1:]}"
    category = post.wp_category or Tag("uncategorized", "Non classé")
    full_title = f"{post.title} - {SITE}"
    head = _article_head(o, post, url, full_title, category, tags)
    end_p = "" if post.malformed else "</p>"
    content = "\n".join(
        f"<p>{b.html}{end_p}" if b.kind == "p" else f"<{b.kind}>{b.html}</{b.kind}>"
        for b in post.blocks
    )
    image = f'<figure class="wp-block-image size-large"><img src="{o.wp}wp-content/uploads/{post.published:%Y/%m}/une.jpg" alt=""><figcaption>{escape(category.name)}</figcaption></figure>'
    teasers: list[TruthTeaser] = []
    items = []
    for position, other in enumerate(related):
        href = f"{o.wp}{other.date_path[1:]}"
        excerpt = wp_excerpt(other)
        items.append(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{position}" data-post-id="{other.wp_id}">'
            f'<a class="jp-relatedposts-post-a" href="{href}" title="{attr(other.title)}" rel="nofollow">'
            f'<img class="jp-relatedposts-post-img" src="{o.wp}wp-content/uploads/related.jpg" alt="{attr(other.title)}"></a>'
            f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{href}">{escape(other.title)}</a></h4>'
            f'<p class="jp-relatedposts-post-excerpt">{escape(excerpt)}</p>'
            f'<p class="jp-relatedposts-post-date">{french_date(other.published, first=True)}</p>'
            f'<p class="jp-relatedposts-post-context">Dans «&nbsp;{escape(category.name)}&nbsp;»</p></div>'
        )
        teasers.append(
            TruthTeaser(
                post.path, position, "related", href, other.canonical.path, other.title, excerpt, []
            )
        )
    # Co-authors as a multi-author plugin (Co-Authors Plus) prints them: "par A et B".
    byline = " et ".join(
        f'<span class="author vcard"><a class="url fn n" href="{o.wp}author/{a.slug}/">'
        f"{escape(a.name)}</a></span>"
        for a in post.byline
    )
    meta_close = "" if post.malformed else "</div>"
    tag_links = ", ".join(
        f'<a href="{o.wp}tag/{t.slug}/" rel="tag">{escape(t.name)}</a>' for t in tags
    )
    body_classes = f"post-{post.wp_id} post type-post status-publish format-standard has-post-thumbnail hentry category-{category.slug}"
    body_classes += "".join(f" tag-{t.slug}" for t in tags)
    main = f"""<div class="td-container"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{post.wp_id}" class="{body_classes}">
<header class="entry-header">
<h1 class="entry-title">{texturize(escape(post.title))}</h1>
<div class="entry-meta"><span class="posted-on">Publié le <a href="{url}" rel="bookmark"><time class="entry-date published" datetime="{post.published.isoformat()}">{french_date(post.published, first=True)}</time><time class="updated" datetime="{post.modified.isoformat()}">{french_date(post.modified, first=True)}</time></a></span>
<span class="byline"> par {byline}</span>
{meta_close}
</header>
<div class="entry-content">
{image}
{texturize(content)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
<h3 class="sd-title">Partager&nbsp;:</h3><div class="sd-content"><ul>
<li class="share-twitter"><a class="share-twitter sd-button" href="https://twitter.com/intent/tweet?url={quote(url, safe="")}" target="_blank"><span>Twitter</span></a></li>
<li class="share-facebook"><a class="share-facebook sd-button" href="https://www.facebook.com/sharer.php?u={quote(url, safe="")}" target="_blank"><span>Facebook</span></a></li>
<li class="share-end"></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Similaire</em></h3>
<div class="jp-relatedposts-items jp-relatedposts-items-visual">{"".join(items)}</div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Publié dans <a href="{o.wp}category/{category.slug}/" rel="category tag">{escape(category.name)}</a></span>
<span class="tags-links">Étiqueté {tag_links}</span></footer>
</article>
{_comments(o, post, embed_of)}
</main></div></div>"""
    body_class = f"post-template-default single single-post postid-{post.wp_id} single-format-standard td-standard-pack"
    charset = "ISO-8859-1" if post.encoding == "iso-8859-1" else "UTF-8"
    html = page(o, title=full_title, charset=charset, body_class=body_class, head=head, main=main)
    return html, teasers


def listing(
    o: Origins, category: Tag, *, path: str, number: int, pages: int, posts: Sequence[Post]
) -> tuple[str, list[TruthTeaser]]:
    """A category archive page: 10 tagDiv modules, title and author in the image overlay."""
    base = f"/category/{category.slug}/"

    def page_url(n: int) -> str:
        return f"{o.wp}{base[1:]}" + (f"page/{n}/" if n > 1 else "")

    head = f'<link rel="canonical" href="{page_url(number)}">\n'
    if number > 1:
        head += f'<link rel="prev" href="{page_url(number - 1)}">\n'
    if number < pages:
        head += f'<link rel="next" href="{page_url(number + 1)}">\n'
    modules: list[str] = []
    teasers: list[TruthTeaser] = []
    for position, post in enumerate(posts):
        href = f"{o.wp}{post.date_path[1:]}"
        excerpt = wp_excerpt(post)
        author = post.byline[0]
        modules.append(f"""<div class="td_module_16 td_module_wrap td-animation-stack">
<div class="td-module-thumb"><a href="{href}" rel="bookmark" class="td-image-wrap" title="{attr(post.title)}"><img class="entry-thumb" src="{o.wp}wp-content/uploads/{post.published:%Y/%m}/une-324x160.jpg" alt="" width="324" height="160"></a>
<div class="td-module-meta-info td-module-overlay"><h3 class="entry-title td-module-title"><a href="{href}" rel="bookmark">{texturize(escape(post.title))}</a></h3>
<span class="td-post-author-name"><a href="{o.wp}author/{author.slug}/">{escape(author.name)}</a> <span>-</span> </span>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{post.published.isoformat()}">{french_date(post.published, first=True)}</time></span></div></div>
<div class="td-excerpt">{texturize(escape(excerpt))}</div>
<div class="td-read-more"><a href="{href}">Lire la suite</a></div>
</div>""")
        teasers.append(
            TruthTeaser(
                path,
                position,
                "listing",
                href,
                post.canonical.path,
                post.title,
                excerpt,
                [author.name],
            )
        )
    numbers = " ".join(
        f'<span class="current">{n}</span>'
        if n == number
        else f'<a href="{page_url(n)}" class="page" title="{n}">{n}</a>'
        for n in range(1, pages + 1)
    )
    if number < pages:
        numbers += f' <a href="{page_url(number + 1)}"><i class="td-icon-menu-right"></i></a>'
    main = f"""<div class="td-container"><div class="td-pb-row"><div class="td-pb-span8 td-main-content"><div class="td-ss-main-content">
<div class="td-page-header"><h1 class="entry-title td-page-title"><span>{escape(category.name)}</span></h1></div>
{"".join(modules)}
<div class="page-nav td-pb-padding-side">{numbers}</div>
</div></div></div></div>"""
    body_class = (
        f"archive category category-{category.slug} td-standard-pack global-block-template-1"
    )
    title = f"{category.name} Archives - {SITE}" + (f" - Page {number}" if number > 1 else "")
    return page(
        o, title=title, charset="UTF-8", body_class=body_class, head=head, main=main
    ), teasers


def embed(o: Origins, post: Post) -> str:
    """The oEmbed iframe page WordPress served at /slug/embed/."""
    url = f"{o.wp}{post.path[1:]}"
    return f"""<!DOCTYPE html>
<html lang="fr-FR" class="no-js"><head><title>{texturize(escape(post.title))} - {SITE}</title>
<meta name="robots" content="noindex, follow"><link rel="canonical" href="{url}"></head>
<body class="wp-embed-responsive"><div class="wp-embed post-{post.wp_id} post type-post">
<p class="wp-embed-heading"><a href="{url}" target="_top">{texturize(escape(post.title))}</a></p>
<div class="wp-embed-excerpt"><p>{texturize(escape(wp_excerpt(post, 55)))}</p></div>
<div class="wp-embed-footer"><div class="wp-embed-site-title"><a href="{o.wp}" target="_top"><span>{SITE}</span></a></div></div>
</div></body></html>
"""


def _article_head(
    o: Origins, post: Post, url: str, full_title: str, category: Tag, tags: list[Tag]
) -> str:
    author = post.byline[0]
    description = wp_excerpt(post, 30)
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{url}#article",
                "isPartOf": {"@id": url},
                "author": {"name": author.name, "@id": f"{o.wp}#/schema/person/{author.slug}"},
                "headline": full_title,
                "datePublished": utc_offset(post.published),
                "dateModified": utc_offset(post.modified),
                "mainEntityOfPage": {"@id": url},
                "wordCount": sum(len(b.text.split()) for b in post.blocks),
                "publisher": {"@id": f"{o.wp}#organization"},
                "keywords": [t.name for t in tags],
                "articleSection": [category.name],
                "inLanguage": "fr-FR",
            },
            {"@type": "WebPage", "@id": url, "url": url, "name": full_title,
             "datePublished": utc_offset(post.published), "inLanguage": "fr-FR"},
            {"@type": "Organization", "@id": f"{o.wp}#organization", "name": SITE, "url": o.wp},
            {"@type": "Person", "@id": f"{o.wp}#/schema/person/{author.slug}", "name": author.name,
             "url": f"{o.wp}author/{author.slug}/"},
        ],
    }  # fmt: skip
    return (
        f'<meta name="description" content="{attr(description)}">\n'
        f'<link rel="canonical" href="{url}">\n'
        f'<meta property="og:locale" content="fr_FR">\n<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(full_title)}">\n'
        f'<meta property="og:description" content="{attr(description)}">\n'
        f'<meta property="og:url" content="{url}">\n<meta property="og:site_name" content="{SITE}">\n'
        f'<meta property="article:published_time" content="{utc_offset(post.published)}">\n'
        f'<meta property="article:modified_time" content="{utc_offset(post.modified)}">\n'
        f'<meta name="author" content="{attr(author.name)}">\n'
        f'<meta name="twitter:label1" content="Écrit par">\n<meta name="twitter:data1" content="{attr(author.name)}">\n'
        f"{json_ld(graph, 'yoast-schema-graph', ascii=True)}\n"
        f"<link rel='shortlink' href='{o.wp}?p={post.wp_id}'>\n"
        f'<link rel="alternate" type="application/json" href="{o.wp}wp-json/wp/v2/posts/{post.wp_id}">\n'
    )


def _comments(o: Origins, post: Post, embed_of: Post | None) -> str:
    """Native comments: reader prose that looks like article text, and a pasted embed URL."""
    rng = random.Random(f"comments:{post.index}")
    items = []
    for n in range(rng.randint(2, 3)):
        cid = post.wp_id * 10 + n if post.wp_id else n
        words = escape(paragraph(rng, "\u00a0"))
        if n == 0 and embed_of is not None:
            link = f"{o.wp}{embed_of.date_path[1:]}embed/"
            words += f' Voir aussi <a href="{link}" rel="nofollow ugc">{link}</a>'
        items.append(
            f'<li id="comment-{cid}" class="comment even thread-even depth-1"><article id="div-comment-{cid}" class="comment-body">'
            f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{rng.choice(READERS)}</b> <span class="says">dit&nbsp;:</span></div>'
            f'<div class="comment-metadata"><a href="{o.wp}{post.path[1:]}#comment-{cid}"><time datetime="{post.published.isoformat()}">{french_date(post.published)}</time></a></div></footer>'
            f'<div class="comment-content"><p>{texturize(words)}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="{o.wp}{post.path[1:]}?replytocom={cid}#respond">Répondre</a></div>'
            "</article></li>"
        )
    return f"""<div id="comments" class="comments-area">
<h2 class="comments-title">{len(items)} réflexions sur «&nbsp;{texturize(escape(post.title))}&nbsp;»</h2>
<ol class="comment-list">{"".join(items)}</ol></div>"""
