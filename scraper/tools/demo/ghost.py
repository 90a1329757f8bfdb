"""Ghost-era templates: a third-party-like theme over Ghost core hooks (ghost_head, body_class,
post_class, Koenig cards, Portal), as the site has served since mid-2025."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from scraper.tools.demo.model import TruthTeaser
from scraper.tools.demo.plan import TAGS, Author, Post, Tag, escape
from scraper.tools.demo.prose import french_date
from scraper.tools.demo.render import (
    SITE,
    Origins,
    attr,
    auto_excerpt,
    card_excerpt,
    json_ld,
    reading_minutes,
    utc_z,
)

NAV_TAGS = ("ukraine", "politique", "economie", "international")
CARD_EXCERPT = 300  # the theme's {{excerpt characters="300"}}
OLD_CARD_EXCERPT = 240
PORTAL = (
    '<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.51/umd/portal.min.js" '
    'data-i18n="true" data-ghost="{g}" data-key="8f1c2d3e4a5b6c7d8e9f0a1b2c" '
    'data-api="{g}ghost/api/content/" data-locale="fr" crossorigin="anonymous"></script>'
)


def page(o: Origins, *, title: str, body_class: str, head: str, main: str) -> str:
    """A whole Ghost page: head, site header and navigation, `main`, footer."""
    g = o.ghost
    nav = "".join(
        f'<li class="nav-{slug}"><a href="/category/{slug}/">{escape(name)}</a></li>'
        for slug, name in ((t, _tag_name(t)) for t in NAV_TAGS)
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" type="text/css" href="{g}assets/built/screen.css?v=4f2a9c1e7b">
{head}
<meta name="generator" content="Ghost 6.3">
<link rel="alternate" type="application/rss+xml" title="{SITE}" href="{g}rss/">
{PORTAL.format(g=g)}
<link href="{g}webmentions/receive/" rel="webmention">
</head>
<body class="{body_class} is-head-left-logo">
<div class="viewport">
<header id="masthead" class="site-masthead js-masthead">
 <div class="site-masthead__inner">
  <a class="site-masthead__logo" href="{g}"><img src="{g}content/images/2025/07/logo-cds.png" alt="{SITE}"></a>
  <nav class="site-masthead__menu"><ul class="nav" role="menu">
   <li class="nav-accueil"><a href="{g}">Accueil</a></li>{nav}
   <li class="nav-a-propos"><a href="{g}a-propos/">À propos</a></li></ul></nav>
  <div class="site-masthead__actions">
   <a class="site-masthead__signin" href="#/portal/signin" data-portal="signin">Se connecter</a>
   <a class="site-masthead__subscribe btn" href="{g}#/portal/signup" data-portal="signup">S'abonner</a>
  </div>
 </div>
</header>
<main id="site-main" class="site-content">
{main}
</main>
<footer class="site-colophon">
 <div class="site-colophon__inner">
  <ul class="site-colophon__links">
   <li><a href="/a-propos/">À propos</a></li><li><a href="{g}mentions-legales/">Mentions légales</a></li>
   <li><a href="{o.wp}category/une/">Archives 2020–2025</a></li><li><a href="{g}rss/">Flux RSS</a></li>
   <li><a href="/ghost/">Espace rédaction</a></li>
   <li><a href="https://x.com/CourrierStrat" target="_blank" rel="noopener">X</a></li>
   <li><a href="https://www.youtube.com/@lecourrierdesstrateges" target="_blank" rel="noopener">YouTube</a></li>
  </ul>
  <p class="site-colophon__copy">{SITE} © 2025 — <a href="https://ghost.org/?ref=lecourrierdesstrateges.fr" target="_blank" rel="noopener">Publié avec Ghost</a></p>
 </div>
</footer>
</div>
<script src="{g}assets/built/main.min.js?v=4f2a9c1e7b"></script>
</body>
</html>
"""


def head_meta(*, description: str, canonical: str, links: str = "", structured: str = "") -> str:
    """ghost_head in core's order: description, icon, canonical, referrer, links, OG + JSON-LD."""
    return (
        f'<meta name="description" content="{attr(description)}">\n'
        '<link rel="icon" href="/content/images/size/w256h256/2025/07/favicon.png" type="image/png">\n'
        f'<link rel="canonical" href="{attr(canonical)}">\n'
        '<meta name="referrer" content="no-referrer-when-downgrade">\n'
        f"{links}{structured}"
    )


def article(o: Origins, post: Post, related: Sequence[Post]) -> tuple[str, list[TruthTeaser]]:
    """A post page: header, share bars, body with Koenig cards, comments, newsletter, related."""
    url = f"{o.ghost}{post.slug}/"
    primary = post.tags[0]
    tag_classes = " ".join(f"tag-{t.slug}" for t in post.tags)
    description = post.lede or auto_excerpt(post, 300)
    image = f"{o.ghost}content/images/2025/{post.index % 997:03d}-une.jpg"
    og = _article_og(post, url, image, description)
    ld = json_ld(_article_ld(o, post, url, image, description))
    links = f'<link rel="amphtml" href="{url}amp/">\n' if post.amp else ""
    head = head_meta(description=description, canonical=url, links=links, structured=og + ld)
    klass = "post" + (" featured" if post.featured else "") + f" {tag_classes}"
    if post.members_only:
        klass += " post-access-members"
    lede = f'<p class="c-article__excerpt">{escape(post.lede)}</p>' if post.lede else ""
    content = "\n".join(b.markup() for b in post.visible_blocks)
    if post.members_only:
        content += UPGRADE_CTA
    container = (
        f'<div class="c-article__content gh-content">{content}</div>'
        if post.index % 2
        else f'<section class="post-content c-article__body">{content}</section>'
    )
    email = (
        f'<a class="c-article__email" href="/email/{post.ghost_id}/">Voir la version e-mail</a>'
        if post.index % 4 == 0
        else ""
    )
    teasers: list[TruthTeaser] = []
    cards = []
    for position, other in enumerate(related):
        href = f"{o.ghost}{other.slug}/"
        cards.append(card(other, href))
        teasers.append(_teaser(post.path, position, "related", href, other, with_title=True))
    main = f"""<article class="c-article {klass}">
 <header class="c-article__header">
  <figure class="c-article__media"><img src="{image}" alt="{attr(post.title)}" width="1200" height="675"></figure>
  <a class="c-article__tag" href="/category/{primary.slug}/">{escape(primary.name)}</a>
  <h1 class="c-article__title">{escape(post.title)}</h1>
  {share(url, post.title, "top")}
  {lede}
  <div class="c-byline">
   <ul class="c-byline__avatars">{_avatars(post.byline)}</ul>
   <div class="c-byline__meta"><span class="c-byline__names">{_author_links(post.byline)}</span>
    <time class="c-byline__date" datetime="{post.published:%Y-%m-%d}">{french_date(post.published)}</time>
    <span class="c-byline__reading">{reading_minutes(post)} min de lecture</span></div>
  </div>
 </header>
 {container}
 <footer class="c-article__footer">{share(url, post.title, "bottom")}{email}</footer>
 <section class="c-comments" id="comments"><h2 class="c-comments__title">Commentaires</h2>
  <script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~1.2/umd/comments-ui.min.js" data-ghost-comments="{o.ghost}" data-api="{o.ghost}ghost/api/content/" data-post-id="{post.ghost_id}" data-locale="fr"></script>
 </section>
</article>
{NEWSLETTER}
<section class="c-related"><h2 class="c-related__title">À lire aussi</h2>
<div class="c-related__feed">{"".join(cards)}</div></section>"""
    body_class = f"post-template {tag_classes}"
    return page(o, title=post.title, body_class=body_class, head=head, main=main), teasers


def share(url: str, title: str, where: str) -> str:
    """The "Partager cet article" bar: off-site share intents only."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        f'<div class="c-share c-share--{where}"><span class="c-share__label">Partager cet article</span>'
        f'<a class="c-share__link" href="https://x.com/intent/tweet?url={u}&amp;text={t}" '
        'target="_blank" rel="noopener" aria-label="X"></a>'
        f'<a class="c-share__link" href="https://www.facebook.com/sharer/sharer.php?u={u}" '
        'target="_blank" rel="noopener" aria-label="Facebook"></a>'
        f'<a class="c-share__link" href="https://www.linkedin.com/sharing/share-offsite/?url={u}" '
        'target="_blank" rel="noopener" aria-label="LinkedIn"></a>'
        f'<a class="c-share__link" href="mailto:?subject={t}&amp;body={u}" aria-label="E-mail"></a>'
        f'<button class="c-share__copy" data-clipboard-text="{attr(url)}" aria-label="Copier"></button></div>'
    )


def card(post: Post, href: str) -> str:
    """The theme's current card: image (alt = title), title, excerpt, avatars and names."""
    klass = " ".join(["c-card", "post"] + [f"tag-{t.slug}" for t in post.tags])
    if post.members_only:
        klass += " post-access-members"
    return f"""<article class="{klass}">
<a class="c-card__media" href="{attr(href)}"><img class="c-card__image" src="/content/images/size/w600/2025/{post.index % 997:03d}-une.jpg" alt="{attr(post.title)}" loading="lazy"></a>
<div class="c-card__body"><h3 class="c-card__title"><a href="{attr(href)}">{escape(post.title)}</a></h3>
<p class="c-card__excerpt">{escape(card_excerpt(post, CARD_EXCERPT))}</p></div>
<footer class="c-card__footer"><ul class="c-card__avatars">{_avatars(post.byline)}</ul>
<span class="c-card__authors">{_author_links(post.byline)}</span></footer>
</article>"""


def old_card(post: Post, href: str) -> str:
    """The older card template some tag pages still use: excerpt and one author, no title."""
    return f"""
        <article class="post-card post {" ".join(f"tag-{t.slug}" for t in post.tags)} no-image">

            <a class="post-card-content-link" href="{attr(href)}">

                <div class="post-card-content">

                    <section class="post-card-excerpt">

                        <p>
                            {escape(card_excerpt(post, OLD_CARD_EXCERPT))}
                        </p>

                    </section>

                </div>

            </a>

            <footer class="post-card-meta">

                <span class="post-card-byline-content">
                    <span>{escape(post.byline[0].name)}</span>
                </span>

            </footer>

        </article>
"""


def listing(
    o: Origins,
    *,
    path: str,
    base: str,
    number: int,
    pages: int,
    body_class: str,
    header: str,
    posts: Sequence[Post],
    featured: Post | None = None,
    old_layout: bool = False,
    structured: str = "",
    next_slash: str = "/",
) -> tuple[str, list[TruthTeaser]]:
    """One page of a listing (home, tag or author); page 1 alone carries OG and JSON-LD.

    Like the real theme, the "older posts" link is shown on the last page too (it 404s).
    """
    url = f"{o.ghost}{path[1:]}"
    links = ""
    prev = base if number == 2 else f"{base}page/{number - 1}/"
    if number > 1:
        links += f'<link rel="prev" href="{o.ghost}{prev[1:]}">\n'
    if number < pages:
        links += f'<link rel="next" href="{o.ghost}{base[1:]}page/{number + 1}/">\n'
    head = head_meta(
        description=f"{SITE} : l’actualité décryptée.",
        canonical=url,
        links=links,
        structured=structured if number == 1 else "",
    )
    teasers: list[TruthTeaser] = []
    cards: list[str] = []
    if featured is not None:
        href = f"/{featured.slug}/"
        cards.append(f'<section class="c-featured">{card(featured, href)}</section>')
        teasers.append(_teaser(path, 0, "featured", href, featured, with_title=True))
    for post in posts:
        href = f"/{post.slug}/" if post.index % 3 else f"{o.ghost}{post.slug}/"
        cards.append(old_card(post, href) if old_layout else card(post, href))
        teasers.append(
            _teaser(path, len(teasers), "listing", href, post, with_title=not old_layout)
        )
    feed_class = "post-feed" if old_layout else "c-feed"
    older = f"{base}page/{number + 1}{next_slash}"
    newer = (
        f'<a class="c-pagination__newer" href="{prev}">Articles plus récents</a>'
        if number > 1
        else ""
    )
    main = f"""{header}
<div class="{feed_class}">{"".join(cards)}</div>
<nav class="c-pagination">{newer}<span class="c-pagination__page">Page {number} sur {pages}</span>
<a class="c-pagination__older" href="{older}">Articles plus anciens</a></nav>"""
    paged = " paged" if number > 1 else ""
    title = SITE if number == 1 else f"{SITE} (Page {number})"
    html = page(o, title=title, body_class=body_class + paged, head=head, main=main)
    return html, teasers


def static_page(o: Origins, slug: str, title: str, paragraphs: Sequence[str]) -> str:
    """A Ghost page object (about, legal notice): page-template, not an article."""
    url = f"{o.ghost}{slug}/"
    head = head_meta(description=paragraphs[0][:150], canonical=url)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    main = f"""<article class="c-page post page">
<header class="c-page__header"><h1 class="c-page__title">{escape(title)}</h1></header>
<section class="post-content c-page__content">{body}</section></article>"""
    return page(o, title=title, body_class=f"page-template page-{slug}", head=head, main=main)


def amp(o: Origins, post: Post) -> str:
    """The AMP copy an older Ghost served at /slug/amp/; its canonical is the post."""
    body = "\n".join(b.markup() for b in post.visible_blocks if b.kind != "card")
    return f"""<!doctype html>
<html ⚡ lang="fr">
<head><meta charset="utf-8"><title>{escape(post.title)}</title>
<link rel="canonical" href="{o.ghost}{post.slug}/">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script></head>
<body class="amp-template"><header class="page-header"><a href="{o.ghost}">{SITE}</a></header>
<main class="content" role="main"><article class="post">
<header class="post-header"><h1 class="post-title">{escape(post.title)}</h1></header>
<section class="post-content">{body}</section></article></main></body></html>
"""


def author_header(author: Author) -> str:
    """The author page header: avatar, name, bio."""
    avatar = f"/content/images/2025/07/{author.slug}.jpg"
    social = (
        f'<a class="c-author-header__social" href="https://x.com/{author.slug.replace("-", "")}">X</a>'
        if not author.house
        else ""
    )
    return f"""<section class="c-author-header">
<img class="c-author-header__avatar" src="{avatar}" alt="{attr(author.name)}">
<h1 class="c-author-header__name">{escape(author.name)}</h1>
<p class="c-author-header__bio">{escape(author.bio)}</p>{social}</section>"""


def tag_header(tag: Tag) -> str:
    """The tag page header: name and description."""
    return f"""<header class="c-tag-header"><h1 class="c-tag-header__name">{escape(tag.name)}</h1>
<p class="c-tag-header__description">Nos articles : {escape(tag.name)}.</p></header>"""


UPGRADE_CTA = """
<aside class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content" style="background-color: #8c1c13">
<h2>Cet article est réservé aux abonnés</h2>
<a class="gh-btn" data-portal="signup" href="#/portal/signup" style="color:#8c1c13">S'abonner</a>
<p><small>Déjà abonné ? <a data-portal="signin" href="#/portal/signin">Se connecter</a></small></p>
</div></aside>"""

NEWSLETTER = """<section class="c-subscribe">
<h3 class="c-subscribe__title">S'abonner au Courrier des Stratèges</h3>
<p class="c-subscribe__text">Abonnez-vous gratuitement à la newsletter pour ne rien manquer de l'actualité.</p>
<form class="c-subscribe__form" data-members-form="subscribe">
 <input class="c-subscribe__input" type="email" data-members-email placeholder="Votre adresse e-mail" required>
 <button class="c-subscribe__button" type="submit"><span class="button-content">S'abonner</span>
 <span class="button-loader">Abonnement en cours...</span></button>
 <div class="message-success">You've been subscribed!</div>
 <div class="message-error">Quelque chose s'est mal passé</div>
</form></section>"""


def _avatars(authors: Sequence[Author]) -> str:
    return "".join(
        f'<li><a href="/author/{a.slug}/"><img src="/content/images/2025/07/{a.slug}.jpg" '
        f'alt="{attr(a.name)}"></a></li>'
        for a in authors
    )


def _author_links(authors: Sequence[Author]) -> str:
    return ", ".join(f'<a href="/author/{a.slug}/">{escape(a.name)}</a>' for a in authors)


def _teaser(
    source: str, position: int, kind: str, href: str, post: Post, *, with_title: bool
) -> TruthTeaser:
    return TruthTeaser(
        source_path=source,
        position=position,
        kind=kind,
        href=href,
        target=post.canonical.path,
        title=post.title if with_title else None,
        excerpt=card_excerpt(post, CARD_EXCERPT if with_title else OLD_CARD_EXCERPT),
        authors=[a.name for a in post.byline] if with_title else [post.byline[0].name],
    )


def _article_og(post: Post, url: str, image: str, description: str) -> str:
    tags = "".join(f'<meta property="article:tag" content="{attr(t.name)}">\n' for t in post.tags)
    return (
        f'<meta property="og:site_name" content="{SITE}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(post.title)}">\n'
        f'<meta property="og:description" content="{attr(description)}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="og:image" content="{image}">\n'
        f'<meta property="article:published_time" content="{utc_z(post.published)}">\n'
        f'<meta property="article:modified_time" content="{utc_z(post.modified)}">\n'
        f"{tags}"
        '<meta name="twitter:card" content="summary_large_image">\n'
        f'<meta name="twitter:title" content="{attr(post.title)}">\n'
        f'<meta name="twitter:url" content="{url}">\n'
        '<meta name="twitter:label1" content="Written by">\n'
        f'<meta name="twitter:data1" content="{attr(post.byline[0].name)}">\n'
        '<meta name="twitter:label2" content="Filed under">\n'
        f'<meta name="twitter:data2" content="{attr(", ".join(t.name for t in post.tags))}">\n'
    )


def _person(o: Origins, author: Author) -> dict:
    return {
        "@type": "Person",
        "name": author.name,
        "image": {
            "@type": "ImageObject",
            "url": f"{o.ghost}content/images/2025/07/{author.slug}.jpg",
        },
        "url": f"{o.ghost}author/{author.slug}/",
        "sameAs": [],
        **({"description": author.bio} if author.bio else {}),
    }


def _article_ld(o: Origins, post: Post, url: str, image: str, description: str) -> dict:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "publisher": {
            "@type": "Organization",
            "name": SITE,
            "url": o.ghost,
            "logo": {
                "@type": "ImageObject",
                "url": f"{o.ghost}content/images/2025/07/logo-cds.png",
            },
        },
        "author": _person(o, post.byline[0]),
        "headline": post.title,
        "url": url,
        "datePublished": utc_z(post.published),
        "dateModified": utc_z(post.modified),
        "image": {"@type": "ImageObject", "url": image, "width": 1200, "height": 675},
        "keywords": ", ".join(t.name for t in post.tags),
        "description": description,
        "mainEntityOfPage": url,
    }
    if len(post.byline) > 1:
        data["contributor"] = [_person(o, a) for a in post.byline[1:]]
    return data


def _tag_name(slug: str) -> str:
    return next(t.name for t in TAGS if t.slug == slug)


def website_ld(o: Origins) -> str:
    """The home page's OG and WebSite JSON-LD (first page only, as ghost_head does)."""
    return (
        f'<meta property="og:site_name" content="{SITE}">\n<meta property="og:type" content="website">\n'
        f'<meta property="og:title" content="{SITE}">\n<meta property="og:url" content="{o.ghost}">\n'
        + json_ld(
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "publisher": {"@type": "Organization", "name": SITE, "url": o.ghost},
                "url": o.ghost,
                "name": SITE,
                "description": "L’actualité décryptée",
            }
        )
    )
