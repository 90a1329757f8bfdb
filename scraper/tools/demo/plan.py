"""The demo site's editorial plan: who wrote what, when, under which tags, served how.

Each post draws from its own seeded generator, so revision 2 of a site keeps every post of
revision 1 unchanged except the one it edits on purpose.
"""

from __future__ import annotations

import dataclasses
import html
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from scraper.tools.demo import prose

PARIS = ZoneInfo("Europe/Paris")
GHOST_START = datetime(2025, 7, 2, tzinfo=PARIS)
GHOST_END = datetime(2025, 11, 27, tzinfo=PARIS)
WP_START = datetime(2021, 1, 10, tzinfo=PARIS)
WP_END = datetime(2025, 6, 20, tzinfo=PARIS)
MIGRATION = datetime(2025, 6, 28, 3, 12, tzinfo=PARIS)  # updated_at of every imported WP post
REVISION2_EDIT = datetime(2025, 11, 28, 9, 15, tzinfo=PARIS)
REVISION2_EDITS = 6  # posts revision 2 corrects (one of them retitled)


@dataclass(frozen=True)
class Author:
    """A Ghost/WordPress user (has an /author/ page) or a writer named only in text."""

    slug: str
    name: str
    bio: str = ""
    house: bool = False


@dataclass(frozen=True)
class Tag:
    """A Ghost tag (routed at /category/{slug}/) or a WordPress category."""

    slug: str
    name: str
    old_layout: bool = False  # tag pages rendered with the older, title-less card template


USERS = (
    Author("eric-verhaeghe", "Éric Verhaeghe",
           "Fondateur du Courrier des Stratèges. Ancien élève de l'ENA, essayiste et entrepreneur."),
    Author("thibault-de-varenne", "Thibault de Varenne",
           "Analyste des conflits contemporains et des stratégies d’influence."),
    Author("edouard-husson", "Edouard Husson", "Historien, spécialiste de l’Allemagne."),
    Author("redaction", "Rédaction", "La rédaction du Courrier des Stratèges.", house=True),
    Author("cds", "CDS", "", house=True),
    Author("courrier-strateges", "courrier-strateges", "", house=True),
)  # fmt: skip
WRITERS = (USERS[0], USERS[1], USERS[2])
HOUSE = (USERS[3], USERS[4], USERS[5])
TITLE_WRITERS = ("Philippe Migault", "Ulrike Reisner", "Elise Rochefort", "Arthur Cyclops")
LEDE_WRITERS = ("Isabelle HOCK", "Sébastien RENAULT")

TAGS = (
    Tag("ukraine", "Ukraine"), Tag("politique", "Politique"), Tag("economie", "Économie"),
    Tag("international", "International"), Tag("zelensky-2", "Zelensky"),
    Tag("le-regard-des-strateges", "Le regard des stratèges"),
    Tag("odessa", "Odessa", old_layout=True), Tag("caraibes", "Caraïbes", old_layout=True),
    Tag("dirigeants", "Dirigeants", old_layout=True),
)  # fmt: skip
WP_CATEGORIES = (
    Tag("une", "À la une"),
    Tag("fil-nom", "Le fil"),
    Tag("uncategorized", "Non classé"),
)


IMAGE_CARD = (
    '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/2025/'
    '{n:03d}.jpg" class="kg-image" alt="" loading="lazy" width="1200" height="800">'
    "<figcaption>{caption}</figcaption></figure>"
)
SIGNUP_CARD = (
    '<div class="kg-card kg-signup-card kg-width-regular" data-lexical-signup-form>'
    '<div class="kg-signup-card-content"><div class="kg-signup-card-text">'
    '<h2 class="kg-signup-card-heading">Ne manquez aucune analyse</h2>'
    '<p class="kg-signup-card-subheading">Recevez le Courrier chaque matin.</p>'
    '<form class="kg-signup-card-form" data-members-form="signup"><input class="kg-signup-card-input"'
    ' type="email" data-members-email required><button class="kg-signup-card-button" type="submit">'
    "S’inscrire</button></form></div></div></div>"
)


@dataclass
class Block:
    """A piece of the body: `p`/`h2` carry truth text; `card` blocks are markup only."""

    kind: str
    text: str
    html: str

    def markup(self) -> str:
        """The block as it sits in a Ghost body (and in RSS content:encoded)."""
        return self.html if self.kind == "card" else f"<{self.kind}>{self.html}</{self.kind}>"


@dataclass(eq=False)  # identity: two posts are never equal, and `in` stays cheap
class Post:
    """One post and every fact the renderers and the ground truth need about it."""

    index: int
    era: str  # "wordpress" | "ghost"
    serving: str  # "ghost": Ghost page, listed | "legacy": Ghost page, old links only | "wp"
    slug: str
    title: str
    lede: str | None
    blocks: list[Block]
    byline: list[Author]
    authors: list[str]
    published: datetime
    modified: datetime
    tags: list[Tag]
    ghost_id: str
    space: str
    wp_id: int | None = None
    wp_category: Tag | None = None
    members_only: bool = False
    featured: bool = False
    amp: bool = False
    uppercase: bool = False
    encoding: str = "utf-8"
    malformed: bool = False
    copy_of: Post | None = None
    revision: int = 1

    @property
    def date_path(self) -> str:
        """The WordPress permalink, `/YYYY/MM/DD/slug/` in Paris time."""
        return f"/{self.published:%Y/%m/%d}/{self.slug}/"

    @property
    def path(self) -> str:
        """Where the post is served with 200."""
        return self.date_path if self.serving == "wp" else f"/{self.slug}/"

    @property
    def canonical(self) -> Post:
        """The post this one republishes, or itself."""
        return self.copy_of or self

    @property
    def text_blocks(self) -> list[Block]:
        """Blocks a reader sees as prose; for members-only posts, only the public preview."""
        blocks = [b for b in self.blocks if b.kind != "card"]
        if not self.members_only:
            return blocks
        paragraphs = [i for i, b in enumerate(blocks) if b.kind == "p"]
        return blocks[: paragraphs[1] + 1]  # the public preview: up to the second paragraph

    @property
    def visible_blocks(self) -> list[Block]:
        """Blocks rendered on the page (the preview stops at the paywall)."""
        if not self.members_only:
            return self.blocks
        last = self.text_blocks[-1]
        return self.blocks[: self.blocks.index(last) + 1]

    @property
    def body_text(self) -> str:
        """The body exactly as a perfect extractor returns it."""
        return "\n\n".join(b.text for b in self.text_blocks)


def plan_posts(n_articles: int, seed: int, revision: int) -> list[Post]:
    """All posts of the site, newest first; revision 2 adds three and edits one.

    Every trap is present from 15 articles on; smaller sites lack some WordPress ones.
    """
    if n_articles < 5:
        raise ValueError("the demo site needs at least 5 articles")
    n_wp = n_articles // 3
    n_ghost = n_articles - n_wp
    posts = [_wp_post(seed, k, n_wp) for k in range(n_wp)]
    posts += [_ghost_post(seed, k, n_ghost) for k in range(n_ghost)]
    ghost = [p for p in posts if p.era == "ghost"]
    ghost[-3].featured = True
    ghost[-3].tags = list(TAGS[:6])
    posts.append(_copy(ghost[len(ghost) // 3]))
    _unique_slugs(posts)
    if revision >= 2:
        posts += [_ghost_post(seed, n_ghost + k, n_ghost, revision=2) for k in range(3)]
        _unique_slugs(posts)
    posts.sort(key=lambda p: (p.published, p.index), reverse=True)
    return posts


def edit_for_revision2(posts: list[Post]) -> list[Post]:
    """Revision 2's corrections, as a newsroom makes them in a day: REVISION2_EDITS posts of
    both eras get a paragraph more and a newer modified date (so their sitemap `lastmod`
    moves), the first is also retitled; the posts edited, in that order."""
    republished = {id(p.copy_of) for p in posts if p.copy_of is not None}
    candidates = [
        p
        for p in sorted(posts, key=lambda p: (p.era, p.index))
        if p.revision == 1 and p.copy_of is None and id(p) not in republished
    ]
    step = max(1, len(candidates) // REVISION2_EDITS)
    edited = candidates[step // 2 :: step][:REVISION2_EDITS]
    for k, post in enumerate(edited):
        text = f"Mise à jour{post.space}: cet article a été complété le 28 novembre 2025 au matin."
        post.blocks = [*post.blocks, Block("p", text, escape(text))]  # its own list, not a copy's
        post.modified = REVISION2_EDIT + timedelta(minutes=7 * k)
    edited[0].title += f"{edited[0].space}: ce qui a changé"
    return edited


def _unique_slugs(posts: list[Post]) -> None:
    """Headlines drawn twice get a "(suite)": Ghost's own `-2` suffix is kept for the copy."""
    seen: set[str] = {p.slug for p in posts if p.revision == 1 and p.copy_of is None}
    seen |= {p.slug for p in posts if p.copy_of is not None}
    taken: set[str] = set()
    for post in sorted(posts, key=lambda p: (p.revision, p.copy_of is not None, p.index)):
        while post.slug in taken or (post.revision == 2 and post.slug in seen):
            post.title += " (suite)"
            post.slug = prose.slugify(post.title)
        taken.add(post.slug)


def _ghost_post(seed: int, k: int, count: int, revision: int = 1) -> Post:
    rng = random.Random(f"{seed}:ghost:{k}")
    if revision == 2:
        day, hour = ((28, 7), (28, 11), (29, 0))[k - count]
        published = datetime(2025, 11, day, hour, rng.randint(0, 50), tzinfo=PARIS)
    else:
        published = _spread(rng, GHOST_START, GHOST_END, k, count, night=k % 7 == 2)
    post = _post(rng, seed, k, "ghost", "ghost", published)
    post.revision = revision
    post.members_only = k % 8 == 5
    post.amp = k % 6 == 4
    post.uppercase = k % 5 == 1
    if post.members_only and post.lede is None:
        post.lede = prose.paragraph(rng, post.space).split(". ")[0] + "."
    return post


def _wp_post(seed: int, k: int, count: int) -> Post:
    rng = random.Random(f"{seed}:wp:{k}")
    published = _spread(rng, WP_START, WP_END, k, count, night=k % 9 == 4)
    serving = ("ghost", "wp", "legacy", "ghost", "wp", "ghost")[k % 6]
    post = _post(rng, seed, 10_000 + k, "wordpress", serving, published)
    post.wp_id = 1200 + 37 * k
    post.wp_category = WP_CATEGORIES[k % len(WP_CATEGORIES)]
    if serving != "wp":
        post.modified = MIGRATION
    else:
        # WordPress article pages show no excerpt: a "Par X –" lede opened the body instead.
        if post.lede and post.lede.startswith("Par "):
            post.blocks.insert(0, Block("p", post.lede, escape(post.lede)))
        post.lede = None
        post.blocks = [b for b in post.blocks if b.kind != "card"]
        post.encoding = "iso-8859-1" if k == 1 else "utf-8"
        post.malformed = k == 4
    return post


def _spread(
    rng: random.Random, start: datetime, end: datetime, k: int, count: int, *, night: bool
) -> datetime:
    """The k-th of `count` dates spread evenly from start to end, at a plausible hour."""
    day = start + (end - start) * k / max(count - 1, 1)
    hour = rng.randint(0, 1) if night else rng.randint(6, 21)
    return day.replace(hour=hour, minute=rng.randint(0, 59), second=0, microsecond=0)


def _post(
    rng: random.Random, seed: int, index: int, era: str, serving: str, published: datetime
) -> Post:
    space = rng.choice((prose.NBSP, prose.NBSP, prose.NNBSP))
    headline = prose.title(rng, space)
    mode = ("title", "lede", "coauthor", "byline")[index % 4] if index % 10_000 < 4 else None
    mode = mode or rng.choices(("byline", "coauthor", "title", "lede", "house"), (9, 3, 3, 2, 3))[0]
    lede = prose.paragraph(rng, space).split(". ")[0] + "." if rng.random() < 0.55 else None
    if mode == "title":
        writer = rng.choice(TITLE_WRITERS)
        sep = (
            " par "
            if headline.endswith(("?", "!"))
            else rng.choice((" – par ", ", par ", "... par "))
        )
        headline, byline, authors = headline + sep + writer, [rng.choice(HOUSE)], [writer]
    elif mode == "lede":
        writer = rng.choice(LEDE_WRITERS)
        lede = f"Par {writer} – {prose.paragraph(rng, space).split('. ')[0]}."
        byline, authors = [HOUSE[0]], [writer]
    elif mode == "coauthor":
        byline = rng.sample(WRITERS, 2) if rng.random() < 0.6 else [rng.choice(WRITERS), HOUSE[2]]
        authors = [a.name for a in byline]
    else:
        byline = [rng.choice(HOUSE if mode == "house" else WRITERS)]
        authors = [byline[0].name]
    modified = published + timedelta(minutes=rng.choice((3, 17, 240, 1500)))
    tags = [rng.choice(TAGS)] + rng.sample(TAGS, rng.randint(0, 2))
    return Post(
        index=index,
        era=era,
        serving=serving,
        slug=prose.slugify(headline),
        title=headline,
        lede=lede,
        blocks=_blocks(rng, space, era),
        byline=byline,
        authors=authors,
        published=published,
        modified=modified,
        tags=list(dict.fromkeys(tags)),
        ghost_id=f"{seed:04x}{index:08x}{rng.getrandbits(48):012x}",
        space=space,
    )


def _blocks(rng: random.Random, space: str, era: str) -> list[Block]:
    """4 to 10 paragraphs with 1 to 3 subheadings (never first), and a card or two."""
    paragraphs = [prose.paragraph(rng, space) for _ in range(rng.randint(4, 10))]
    blocks = [Block("p", text, escape(text)) for text in paragraphs]
    for at in sorted(rng.sample(range(1, len(paragraphs)), rng.randint(1, 3)), reverse=True):
        text = prose.heading(rng)
        blocks.insert(at, Block("h2", text, escape(text)))
    if era == "ghost" and rng.random() < 0.6:
        caption = escape(rng.choice(prose.SUBJECTS) + " " + rng.choice(prose.COMPLEMENTS) + ".")
        blocks.insert(
            1, Block("card", "image", IMAGE_CARD.format(n=rng.randint(1, 999), caption=caption))
        )
    if era == "ghost" and rng.random() < 0.2:
        blocks.insert(len(blocks) - 1, Block("card", "signup", SIGNUP_CARD))
    return blocks


def _copy(original: Post) -> Post:
    """A republished copy: Ghost gives the duplicate slug a `-2` suffix."""
    copy = dataclasses.replace(original)
    copy.index = original.index + 50_000
    copy.slug = original.slug + "-2"
    copy.published = original.published + timedelta(days=2, hours=3)
    copy.modified = copy.published
    copy.ghost_id = original.ghost_id[::-1]
    copy.featured = copy.amp = copy.uppercase = False
    copy.copy_of = original
    return copy


def escape(text: str) -> str:
    """Text as HTML character data."""
    return html.escape(text, quote=False)
