"""What each archive table and column means: the one source of docs/schema.md's column tables
and of the descriptions Datasette shows (`scraper serve`); a test keeps the two equal."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column: its name, its SQL type as the docs word it, what it holds."""

    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class Table:
    """One table: what a row is, and its columns in schema order."""

    name: str
    summary: str  # the heading of its section in docs/schema.md
    columns: tuple[Column, ...]


# The article columns article_versions keeps of each earlier version.
VERSIONED = (
    "site",
    "title",
    "lede",
    "body",
    "body_html",
    "authors",
    "published",
    "tags",
    "language",
    "image",
    "members_only",
    "word_count",
    "content_hash",
)
TABLES = (  # in the order docs/schema.md describes them
    Table(
        "articles",
        "one row per article",
        (
            Column(
                "url",
                "TEXT, primary key",
                "canonical URL of the article; the one identity every other table points to",
            ),
            Column(
                "site",
                "TEXT",
                "site profile name (`courrier`), or the spider name for generic crawls",
            ),
            Column(
                "title",
                "TEXT",
                "headline as shown on the page (not the SEO title; a kicker line shown apart is "
                "left out); on a site without a profile, a vote of the shown headline and the "
                "declared ones (JSON-LD, og:title, `<title>`) can overrule it when the declared "
                "ones agree; Unicode NFC, whitespace collapsed; French no-break spaces "
                "(`Titre\\u00a0:`) are kept",
            ),
            Column(
                "lede",
                "TEXT",
                "standfirst / summary, when the page has one; not repeated at the start of "
                "`body`. An excerpt that is only the body's opening cut short ('…, les...') is "
                "none",
            ),
            Column(
                "body",
                "TEXT",
                "main text; paragraphs separated by one blank line (`\\n\\n`); a data table's row "
                "is one paragraph, its cells separated by ` | `. Code shown in a `<pre>` is left "
                "out (it is in `body_html`) unless the page holds nothing else. When the page "
                "shows much less "
                "text than its JSON-LD `articleBody`, that text (read as HTML when written in "
                "HTML); on a recipe or how-to page whose steps the layout hides from content "
                "scoring (tabs, one box per step), the ingredients and steps it declares "
                "(schema.org `Recipe`, `HowTo`) follow the text",
            ),
            Column(
                "body_html",
                "TEXT",
                "the main text as cleaned HTML (boilerplate stripped; only p, h2–h6, lists, "
                "blockquote, table rows and cells, code blocks as pre/code with their lines, "
                "links, em/strong, br). Scraped markup: never "
                "render it unsanitised",
            ),
            Column(
                "authors",
                "TEXT (JSON list)",
                "bylines in page order, house bylines replaced by the real writer when known",
            ),
            Column("published", "TEXT", "publication date as the site gives it (ISO-8601)"),
            Column(
                "modified",
                "TEXT",
                "last modification: the page's own date when it gives one, otherwise the time we "
                "first saw the changed text",
            ),
            Column("tags", "TEXT (JSON list)", "tags / categories"),
            Column(
                "language",
                "TEXT",
                "language code (`fr`): the page's declaration, unless its text is clearly in"
                " another language (a theme's default `en` on a French post)",
            ),
            Column("image", "TEXT", "lead image URL"),
            Column(
                "members_only",
                "INTEGER 0/1",
                "1 when the page only shows a members' preview: `body` is then truncated, never "
                "the full text",
            ),
            Column(
                "word_count",
                "INTEGER",
                "words of `body`: runs of letters and digits, one per Han or kana character "
                "(Chinese and Japanese are written without spaces)",
            ),
            Column(
                "content_hash",
                "TEXT",
                "sha256 of the body's words, case-folded, with punctuation, quotes and (narrow) "
                "no-break spaces ignored: republished and syndicated copies hash equal",
            ),
            Column(
                "lastmod",
                "TEXT",
                "the sitemap/feed date that led to the last fetch; incremental crawls re-fetch "
                "when a sitemap or feed dates the article after the latest of `lastmod`, "
                "`modified` and `published` (else `fetched_at`)",
            ),
            Column("first_seen", "TEXT", "when this article was first archived"),
            Column("last_seen", "TEXT", "when a crawl last fetched it (changed or not)"),
            Column(
                "fetched_at",
                "TEXT",
                "when the stored version (the current field values) was fetched",
            ),
            Column("crawl_id", "INTEGER → crawls.id", "the crawl that stored the current version"),
            Column(
                "etag",
                "TEXT",
                "the HTTP `ETag` of the last fetch: an article no sitemap or feed dates is "
                "re-checked with `If-None-Match` (schema 4)",
            ),
            Column(
                "last_modified",
                "TEXT",
                "the HTTP `Last-Modified` of the last fetch, sent back as `If-Modified-Since` "
                "(schema 4)",
            ),
            Column(
                "capture",
                "TEXT → captures.record_id",
                "the WARC record of the response the current version was extracted from; NULL "
                "when capture was off (schema 5)",
            ),
        ),
    ),
    Table(
        "article_versions",
        "what an article said before it changed",
        (
            Column("id", "INTEGER, primary key", "order of writing"),
            Column(
                "url",
                "TEXT → articles.url",
                "the article (follows it when its canonical URL changes)",
            ),
            *(Column(name, "as in articles", "that version's value") for name in VERSIONED),
            Column("modified", "TEXT", "that version's `modified`"),
            Column("fetched_at", "TEXT", "when that version was fetched"),
            Column("crawl_id", "INTEGER → crawls.id", "the crawl that stored that version"),
            Column("replaced_at", "TEXT", "when a later fetch replaced it"),
            Column("replaced_by", "INTEGER → crawls.id", "the crawl that replaced it"),
            Column("capture", "TEXT → captures.record_id", "the WARC record of that version"),
        ),
    ),
    Table(
        "aliases",
        "every URL that led to an article",
        (
            Column(
                "url",
                "TEXT, primary key",
                "a URL seen for the article: its canonical URL itself, the URL requested, each "
                "step of a redirect chain (`/?p=123` → `/2023/03/14/slug/` → `/slug/`), host or "
                "slash variants, the URL of a republished or syndicated copy",
            ),
            Column("article_url", "TEXT → articles.url", "the article it names"),
            Column(
                "url_key",
                "TEXT",
                "`url`'s identity key (see conventions); links are resolved through it",
            ),
        ),
    ),
    Table(
        "teasers",
        "what listing pages and related blocks promoted, per crawl",
        (
            Column("id", "INTEGER, primary key", "row number"),
            Column("crawl_id", "INTEGER → crawls.id", "the crawl that saw this teaser"),
            Column(
                "source_url",
                "TEXT",
                "canonical URL of the page it was on: a listing (home, tag, author, page N) or an"
                " article (its related cards)",
            ),
            Column(
                "position",
                "INTEGER",
                "order within its block (the feed, a featured block, a related block) on that "
                "page, from 1",
            ),
            Column("kind", "TEXT", "`listing`, `featured` or `related`"),
            Column("url", "TEXT", "canonical URL the card links to"),
            Column("url_key", "TEXT", "`url`'s identity key"),
            Column(
                "article_url",
                "TEXT → articles.url, nullable",
                "the archived article the link resolves to (through `aliases`); NULL until that "
                "article is archived, filled in by the batch that archives it",
            ),
            Column("title", "TEXT", "the card's headline (may differ from the article's)"),
            Column("excerpt", "TEXT", "the card's summary text"),
            Column("authors", "TEXT (JSON list)", "bylines shown on the card"),
            Column("published", "TEXT", "date shown on the card"),
            Column("seen_at", "TEXT", "when the crawl saw it"),
        ),
    ),
    Table(
        "rejects",
        "pages that could not become articles",
        (
            Column("id", "INTEGER, primary key", "row number"),
            Column("crawl_id", "INTEGER → crawls.id", "the crawl that met it"),
            Column("url", "TEXT", "canonical URL of the page"),
            Column("site", "TEXT", "site name"),
            Column(
                "reason",
                "TEXT",
                "why: `no_title`, `no_body` (empty or a few words, and not a members-only "
                "preview), or a reason given by the spider: `extract_failed` (extraction "
                "raised), `binary` (a binary payload served as a page), `http_error` (5xx or "
                "429 after retries), `redirect_loop`, `redirect_offsite`, or a download fault: "
                "`timeout`, `reset`, `connection_refused`, `dns`, `tls`, `data_loss`, "
                "`size_cap` (over `DOWNLOAD_MAXSIZE`), `bomb` (inflates past it), `refused` "
                "(the outbound policy), `failed` (anything else; see `detail`); "
                "`warc_corrupt` (a damaged WARC record met by `import-warc` or `reparse`; "
                "`detail` says where)",
            ),
            Column("title", "TEXT", "the title, when one was found"),
            Column("seen_at", "TEXT", "when"),
            Column(
                "detail",
                "TEXT",
                "what went wrong in one line: the exception's class and message (schema 4)",
            ),
            Column(
                "status",
                "INTEGER",
                "the last HTTP status received, when there was one (schema 4)",
            ),
            Column(
                "attempts",
                "INTEGER",
                "downloads tried before the URL was given up on (schema 4)",
            ),
        ),
    ),
    Table(
        "crawls",
        "one row per crawl run",
        (
            Column("id", "INTEGER, primary key", "crawl id (`crawl_id` elsewhere)"),
            Column("site", "TEXT", "site crawled"),
            Column("started", "TEXT", "start time"),
            Column("ended", "TEXT", "end time; NULL while running, or if the process was killed"),
            Column(
                "status",
                "TEXT",
                "`running`, then `finished`, `failed`, `aborted` or `interrupted`; `killed` when "
                "a later crawl found its process gone",
            ),
            Column(
                "finish_reason",
                "TEXT",
                "Scrapy's close reason (`finished`, `shutdown`, `closespider_timeout`, "
                "`archive_error`, `max_articles`, `unreachable`: no network or nothing "
                "answers, the reason in the stat `network/unreachable`; `site_refusing`: "
                "BACKOFF_MAX_REFUSALS 429/503 in a row, the stat `backoff/gave_up`, …)",
            ),
            Column(
                "exit_code",
                "INTEGER, nullable",
                "the process exit code the crawl earned (0 ok, 3 too many errors, rejected "
                "article pages or a site that kept refusing, 4 nothing fetched (no network, "
                "nothing answers) or only HTTP errors, 5 archive error, 6 aborted, 11 "
                "interrupted; see `scraper/crawl/outcome.py`)",
            ),
            Column("pages", "INTEGER", "responses received"),
            Column("articles_new", "INTEGER", "articles archived for the first time"),
            Column(
                "articles_updated",
                "INTEGER",
                "archived articles whose content changed (the replaced versions go to "
                "`article_versions`)",
            ),
            Column("articles_unchanged", "INTEGER", "archived articles fetched again, identical"),
            Column("teasers", "INTEGER", "teaser sightings added"),
            Column("rejects", "INTEGER", "pages rejected (all reasons)"),
            Column(
                "errors",
                "INTEGER",
                "errors logged (failed downloads, spider and pipeline errors) and answers "
                "refusing the crawler (401, 403, 407, 451)",
            ),
            Column("stats", "TEXT (JSON object)", "the full Scrapy stats of the run"),
            Column("pid", "INTEGER", "process id of the crawl (schema 2)"),
            Column("host", "TEXT", "machine the crawl ran on (schema 2)"),
        ),
    ),
    Table(
        "frontier",
        "what an unfinished crawl queued and answered",
        (
            Column("url", "TEXT, primary key", "the URL to fetch"),
            Column("site", "TEXT", "site name"),
            Column(
                "kind",
                "TEXT",
                "what it is to the crawler: `article`, `page` (listing or unknown), `sitemap`, "
                "`feed`, `robots`",
            ),
            Column("lastmod", "TEXT", "the sitemap/feed date that announced it, if any"),
            Column("crawl_id", "INTEGER → crawls.id", "the crawl that queued it"),
            Column("queued", "TEXT", "when it was queued"),
            Column(
                "answered",
                "TEXT",
                "when its answer (or final failure) was stored; NULL while pending. A crawl "
                "that ends on its own empties its site's rows, so rows left are a killed or "
                "interrupted crawl's: the next one fetches the pending ones and none of the "
                "answered ones, instead of discovering the site again (schema 4)",
            ),
        ),
    ),
    Table(
        "captures",
        "where each fetched response is kept, as the server sent it",
        (
            Column(
                "record_id",
                "TEXT, primary key",
                "the `WARC-Record-ID` of the response record (`<urn:uuid:…>`)",
            ),
            Column("url", "TEXT", "the URL fetched (`WARC-Target-URI`)"),
            Column("crawl_id", "INTEGER → crawls.id", "the crawl that fetched it"),
            Column("fetched_at", "TEXT", "when (`WARC-Date`, UTC, microseconds)"),
            Column("status", "INTEGER", "the HTTP status (every answer is kept: 503s, redirects)"),
            Column("content_type", "TEXT", "the `Content-Type` header as served"),
            Column(
                "warc_file",
                "TEXT",
                "the file, in the crawl's WARC folder (`archive-warc/` beside the archive, or "
                "`--warc-dir`)",
            ),
            Column(
                "offset",
                "INTEGER",
                "where the record's gzip member starts in that file: "
                "`warcio extract --payload FILE OFFSET` prints the body",
            ),
            Column("length", "INTEGER", "the gzip member's length in bytes"),
            Column("payload_digest", "TEXT", "`WARC-Payload-Digest` (SHA-1, base32)"),
        ),
    ),
    Table(
        "warc_imports",
        "the parts of WARC files an import has stored",
        (
            Column("file", "TEXT", "the WARC file, as given (absolute path)"),
            Column(
                "start",
                "INTEGER",
                "the byte range's first offset; -1 marks the file as begun (a re-run after a kill "
                "continues that import run)",
            ),
            Column("stop", "INTEGER", "the offset past its end; records starting in it are done"),
            Column("size", "INTEGER", "the file's size then (a changed file is imported again)"),
            Column("records", "INTEGER", "records read in the range"),
            Column("crawl_id", "INTEGER → crawls.id", "the import run that stored it"),
            Column("done", "TEXT", "when its items were stored"),
        ),
    ),
    Table(
        "schema_version",
        "the versions the file has had",
        (
            Column(
                "version",
                "INTEGER",
                "a schema version the file has had (currently 5), one row per upgrade",
            ),
            Column("applied", "TEXT", "when it was applied"),
        ),
    ),
)


def markdown_table(table: Table) -> str:
    """The table's section heading and column table, as docs/schema.md has them."""
    rows = [
        f"## {table.name} — {table.summary}",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
    ]
    rows += [
        f"| `{c.name}` | {c.type} | {c.meaning.replace('|', chr(92) + '|')} |"
        for c in table.columns
    ]
    return "\n".join(rows)
