"""The records that flow from parsers to pipelines (Article, Teaser, Listing, Reject, Alias)
and from the dedupe pipeline to the store (Original, Duplicate)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Teaser:
    """A card that links to an article: on a listing page or in a related-articles block."""

    url: str
    title: str | None = None
    excerpt: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    position: int = 0
    kind: str = "listing"  # listing | featured | related


@dataclass
class Article:
    """One article as extracted from its page; `teasers` are the cards found on the same page.

    `site` and `aliases` are filled by the spider (which profile, which URLs led here);
    extraction leaves them empty.
    """

    url: str | None = None
    title: str | None = None
    lede: str | None = None
    body: str = ""
    body_html: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    image: str | None = None
    members_only: bool = False
    word_count: int = 0
    teasers: list[Teaser] = field(default_factory=list)
    site: str | None = None
    aliases: list[str] = field(default_factory=list)
    content_hash: str | None = None  # set by the normalize pipeline
    lastmod: str | None = None  # the sitemap/feed date that led to this fetch, set by the spider
    # The response's HTTP validators, set by the spider: the next crawl re-checks the page
    # with a conditional GET (a 304 costs no parse) when the site announces no date.
    etag: str | None = None
    last_modified: str | None = None
    # When the page was fetched, for pages read again from a capture (reparse, import-warc);
    # None: fetched by this run, now.
    fetched_at: str | None = None
    capture: str | None = None  # the WARC-Record-ID of the response it was extracted from


@dataclass
class Listing:
    """A listing page (home, pagination, category, author, archive) and the teasers it shows."""

    url: str
    teasers: list[Teaser] = field(default_factory=list)
    site: str | None = None


@dataclass
class Reject:
    """A page that could not become an article, kept with its reason (never silently dropped)."""

    url: str
    reason: str
    site: str | None = None
    title: str | None = None
    detail: str | None = None  # what went wrong, in one line (an exception's class and message)
    status: int | None = None  # the last HTTP status received, when the fault was a download's
    attempts: int | None = None  # downloads tried before giving up


@dataclass
class Alias:
    """Another URL for an article: a redirect source whose target was already fetched."""

    url: str
    target: str
    site: str | None = None


@dataclass
class Original:
    """The original of a copy archived first under `copy_url`: it takes over that row."""

    article: Article
    copy_url: str


@dataclass
class Duplicate:
    """An article already archived as `target`: its URLs become aliases, its teasers sightings."""

    article: Article
    target: str
    reason: str  # "url" (the same page again) | "content" (a republished or syndicated copy)


@dataclass(frozen=True)
class Capture:
    """Where one HTTP response is kept in the crawl's WARC files (a `captures` row)."""

    record_id: str  # WARC-Record-ID of the response record
    url: str
    fetched_at: str
    status: int
    content_type: str | None
    warc_file: str  # file name inside the WARC folder
    offset: int  # of the record's gzip member in the file
    length: int  # of that member
    payload_digest: str | None


@dataclass(frozen=True)
class Queued:
    """A request as the frontier keeps it: enough to make it again in a later run."""

    url: str
    kind: str  # article | page | sitemap | feed | robots
    lastmod: str | None = None


@dataclass
class Frontier:
    """Requests a response led to (`queued`) and the request it answered (`done`): kept in
    the archive so that a run killed before answering them is resumed there."""

    queued: list[Queued] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    site: str | None = None
