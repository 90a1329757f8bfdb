"""Links between posts, written the many ways a real site writes them.

Every URL variant a crawler must fold into one article (old WordPress date URL, shortlink,
uppercase, missing slash, AMP, tracking parameters) is linked from at least one Ghost body,
inline or inside a Koenig card, so a crawl starting at the home page meets it.
"""

from __future__ import annotations

import random

from scraper.tools.demo.plan import Block, Post, escape
from scraper.tools.demo.prose import NBSP

CALLOUT = (
    '<div class="kg-card kg-callout-card kg-callout-card-grey"><div class="kg-callout-emoji">📌'
    '</div><div class="kg-callout-text">À lire aussi : <a href="{href}">{title}</a></div></div>'
)
BOOKMARK = (
    '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="{href}">'
    '<div class="kg-bookmark-content"><div class="kg-bookmark-title">{title}</div>'
    '<div class="kg-bookmark-description">{description}</div><div class="kg-bookmark-metadata">'
    '<img class="kg-bookmark-icon" src="/content/images/size/w256h256/2025/07/favicon.png" alt="">'
    '<span class="kg-bookmark-author">Le Courrier des Stratèges</span>'
    '<span class="kg-bookmark-publisher">{author}</span></div></div></a></figure>'
)
YOUTUBE = (
    '<figure class="kg-card kg-embed-card kg-card-hascaption"><iframe width="200" height="113" '
    'src="https://www.youtube.com/embed/{video}?feature=oembed" frameborder="0" allowfullscreen '
    'title="Entretien"></iframe><figcaption><a href="https://www.youtube.com/watch?v={video}">'
    "Voir l’entretien sur YouTube</a></figcaption></figure>"
)


def variant_links(posts: list[Post], ghost: str, wp: str) -> list[tuple[str, Post]]:
    """(href, target) for every alias worth linking, in a stable order."""
    jobs: list[tuple[str, Post]] = []
    for post in sorted(posts, key=lambda p: p.index):
        if post.revision != 1 or post.copy_of is not None:
            continue
        if post.uppercase:
            jobs.append((f"{ghost}{post.slug.upper()}/", post))
        if post.amp:
            jobs.append((f"{ghost}{post.slug}/amp/", post))
        if post.serving == "legacy":
            jobs.append((f"{wp}?p={post.wp_id}", post))
        if post.serving == "wp" or (post.era == "wordpress" and post.index % 2 == 0):
            jobs.append((f"{wp}{post.date_path[1:]}", post))
        if post.era == "ghost" and post.index % 9 == 3:
            jobs.append(
                (f"/{post.slug}/?utm_source=newsletter&utm_medium=email&utm_campaign=cds", post)
            )
        if post.era == "ghost" and post.index % 9 == 6:
            jobs.append((f"{ghost}{post.slug}/?fbclid=IwAR0{post.ghost_id[:12]}", post))
        if post.era == "ghost" and post.index % 9 == 0:
            jobs.append((f"/{post.slug}?ref=lecourrierdesstrateges.fr", post))
    return jobs


def interlink(posts: list[Post], seed: int, ghost: str, wp: str) -> None:
    """Write each variant link into a Ghost post's body (inline, callout or bookmark card)."""
    hosts = [
        p
        for p in sorted(posts, key=lambda p: p.index)
        if p.era == "ghost" and p.revision == 1 and p.copy_of is None and not p.members_only
    ]
    for j, (href, target) in enumerate(variant_links(posts, ghost, wp)):
        host = hosts[j % len(hosts)]
        if host is target:
            host = hosts[(j + 1) % len(hosts)]
        rng = random.Random(f"{seed}:link:{j}")
        paragraphs = [b for b in host.blocks if b.kind == "p"]
        at = rng.choice(paragraphs)
        title = escape(target.title)
        if j % 3 == 0:
            text = f" Nous l’évoquions déjà{host.space}: «{NBSP}{target.title}{NBSP}»."
            at.text += text
            at.html += (
                f' Nous l’évoquions déjà{host.space}: «{NBSP}<a href="{href}">{title}</a>{NBSP}».'
            )
            continue
        if j % 3 == 1:
            html = CALLOUT.format(href=href, title=title)
        else:
            description = escape(" ".join(b.text for b in target.text_blocks)[:140])
            html = BOOKMARK.format(
                href=href,
                title=title,
                description=description,
                author=escape(target.byline[0].name),
            )
        host.blocks.insert(host.blocks.index(at) + 1, Block("card", "link", html))
    for host in hosts[::10]:
        video = f"{host.ghost_id[-11:]}"
        host.blocks.insert(
            len(host.blocks) - 1, Block("card", "embed", YOUTUBE.format(video=video))
        )
