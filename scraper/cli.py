"""`scraper` / `python -m scraper`: crawl, extract, search, export and inspect the archive.

Thin click commands over the modules; each docstring is the command's help, with an example.
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import click

DEFAULT_DB = "archive.db"
db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite archive file.",
)


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-01-31") from None


@contextmanager
def _one_line_errors(*kinds: type[Exception]) -> Iterator[None]:
    """User-facing failures (bad archive, bad query, unreachable site) as one line, exit 1."""
    try:
        yield
    except kinds as exc:
        raise click.ClickException(str(exc)) from None


def _existing_archive(db: str) -> str:
    if not Path(db).is_file():
        raise click.ClickException(f"no archive at {db} (run `scraper crawl` first, or pass --db)")
    return db


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scraper")
def cli() -> None:
    """Archive news sites into a clean, deduplicated, searchable SQLite file.

    \b
    scraper crawl courrier          # crawl a profiled site into archive.db
    scraper search "Ukraine"        # full-text search of the archive
    scraper demo                    # offline: archive a bundled sample site
    """


@cli.command()
@click.argument("site", required=False)
@click.option("--url", help="Crawl a site that has no profile, starting at this URL.")
@click.option("--base-url", help="Point the profile at another origin (mirror, local copy).")
@db_option
@click.option("--max-articles", type=click.IntRange(min=1), help="Stop after this many articles.")
@click.option("--since", callback=_check_date, help="Only articles published on/after this date.")
@click.option("--refresh", is_flag=True, help="Re-download articles already archived.")
@click.option(
    "-s",
    "--set",
    "overrides",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override a Scrapy setting (repeatable).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress; print only a failure reason (cron)."
)
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's INFO log.")
def crawl(
    site: str | None,
    url: str | None,
    base_url: str | None,
    db: str,
    max_articles: int | None,
    since: str | None,
    refresh: bool,
    overrides: tuple[str, ...],
    quiet: bool,
    verbose: bool,
) -> None:
    """Crawl SITE (a profile name, see `scraper sites`, or a profile file NAME.toml) or any
    site (--url) into the archive.

    A site with no profile is crawled with the generic rules: sitemaps, feeds and listings
    are discovered, and each page's shape and structured data say whether it is an article.
    Re-running is incremental: archived articles are not downloaded again unless the site
    says they changed. Exit codes: 0 ok, 3 abnormal error or reject rate, 4 fetched nothing
    usable, 5 archive error, 6 closed early, 11 interrupted.

    \b
    scraper crawl courrier --max-articles 50
    scraper crawl --url https://www.example-news.org/ --db example.db
    scraper crawl example.toml --db example.db     # a profile of your own
    scraper crawl courrier --base-url http://127.0.0.1:8000/ --db copy.db -s DOWNLOAD_DELAY=0
    """
    from scraper.profiles import load_profiles, profile_for_url, read_profile_file
    from scraper.runner import crawl_settings, parse_overrides, run_crawl
    from scraper.urls import is_local
    from spiders.site import SPIDERS, GenericSpider, spider_for

    for value, hint in ((url, "--url"), (base_url, "--base-url")):
        if value and not value.startswith(("http://", "https://")):
            raise click.BadParameter("must start with http:// or https://", param_hint=hint)
    if bool(site) == bool(url):
        raise click.UsageError("give a SITE (see `scraper sites`) or --url, not both")
    if url and (known_profile := profile_for_url(url)):
        site, url = known_profile.name, None
    spider = SPIDERS.get(site) if site else GenericSpider
    if site and site.endswith(".toml"):
        try:
            spider = spider_for(read_profile_file(site))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="SITE") from None
    if spider is None:
        known = ", ".join(sorted(load_profiles()))
        raise click.BadParameter(
            f"unknown site {site!r} (known: {known}; or a profile file NAME.toml)",
            param_hint="SITE",
        )
    target = url or base_url or spider.load_profile().base_url
    local_copy = is_local(target)
    try:
        settings = crawl_settings(
            db, parse_overrides(overrides), quiet=quiet, verbose=verbose, local_copy=local_copy
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-s") from None
    if local_copy and not quiet:
        click.echo(
            f"{target} is a local copy: no politeness delay (-s DOWNLOAD_DELAY=1 sets one)",
            err=True,
        )
    _open_for_writing(db)
    result = run_crawl(
        spider,
        settings,
        url=url,
        base_url=base_url,
        max_articles=max_articles,
        since=since,
        refresh=refresh,
    )
    _finish(result, db, quiet)


def _open_for_writing(db: str) -> None:
    """Fail early, in one line, when the archive exists but is not a usable SQLite file;
    say (even with --quiet: cron mails it) which earlier crawls were killed."""
    from scraper.storage import Archive, ArchiveError

    with _one_line_errors(ArchiveError), Archive(db) as archive:
        killed = archive.close_killed_crawls()
    for crawl in killed:
        click.echo(f"scraper: {crawl}", err=True)


def _finish(result: Any, db: str, quiet: bool) -> None:
    stats = result.stats
    if not quiet:
        click.echo(
            f"{result.status}: {stats.get('archive/stored/new', 0)} new, "
            f"{stats.get('archive/stored/updated', 0)} updated, "
            f"{stats.get('archive/stored/unchanged', 0)} unchanged articles, "
            f"{stats.get('archive/teasers', 0)} teasers, "
            f"{stats.get('response_received_count', 0)} pages → {db}",
            err=True,
        )
    if result.exit_code:
        click.echo(f"scraper: crawl failed: {result.reason}", err=True)
        sys.exit(result.exit_code)


@cli.command()
def sites() -> None:
    """List the site profiles: name, title and origin.

    \b
    scraper sites
    """
    from scraper.profiles import load_profiles

    for profile in load_profiles().values():
        click.echo(f"{profile.name}\t{profile.title}\t{profile.base_url}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (picks the site profile, resolves links).")
def extract(files: tuple[str, ...], url: str | None) -> None:
    """Extract articles from saved pages (.html or .html.gz) as JSON Lines.

    \b
    scraper extract page.html --url https://www.lecourrierdesstrateges.fr/some-slug/
    """
    from scraper.extract.page import extract as extract_article

    for name in files:
        article = extract_article(_read_page(name), url)
        record = {"file": name, **asdict(article)}
        click.echo(json.dumps(record, ensure_ascii=False))


def _read_page(name: str) -> bytes:
    """A saved page's bytes, inflated when gzipped; refused past the crawl's page size cap
    (DOWNLOAD_MAXSIZE), so a gzip bomb stops at the cap instead of filling memory, and
    refused when binary (an image, an archive: no page to read)."""
    from scraper.extract.html import is_binary
    from scraper.settings import DOWNLOAD_MAXSIZE

    opener = gzip.open if name.endswith(".gz") else open
    try:
        with opener(name, "rb") as file:
            raw = file.read(DOWNLOAD_MAXSIZE + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise click.ClickException(f"{name}: not a readable gzip file ({exc})") from None
    if len(raw) > DOWNLOAD_MAXSIZE:
        raise click.ClickException(
            f"{name}: over {DOWNLOAD_MAXSIZE} bytes{' once inflated' if opener is gzip.open else ''}"
            " (DOWNLOAD_MAXSIZE): no web page is that large, refused"
        )
    if is_binary(raw):
        raise click.ClickException(f"{name}: a binary payload, not a web page")
    return raw


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--site", help="Only articles of this site (see `scraper stats`).")
@click.option("--since", callback=_check_date, help="Only articles published on/after this date.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search(
    query: str, db: str, limit: int, site: str | None, since: str | None, as_json: bool
) -> None:
    """Full-text search of titles, ledes and bodies, best hits first.

    \b
    scraper search "garanties de sécurité" --limit 5
    scraper search Ukraine --site courrier --since 2025-01-01
    """
    from scraper.storage import ArchiveError
    from scraper.storage.query import search as run_search

    with _one_line_errors(ArchiveError, ValueError):
        hits = run_search(_existing_archive(db), query, limit=limit, site=site, since=since)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit, ensure_ascii=False))
        else:
            click.echo(
                f"{hit.get('published') or '':.10}  {hit['title']}\n  {hit['url']}\n"
                f"  {hit.get('snippet') or ''}"
            )
    if not hits and not as_json:
        click.echo("no match", err=True)


@cli.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--table",
    type=click.Choice(["articles", "teasers", "aliases", "rejects", "crawls", "article_versions"]),
    default="articles",
    show_default=True,
)
@click.option("--since", callback=_check_date, help="Only rows on/after this date.")
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Output file (default: stdout).",
)
def export(db: str, fmt: str, table: str, since: str | None, output: Any) -> None:
    """Export a table as JSON Lines or CSV.

    \b
    scraper export --format csv --since 2025-01-01 -o articles.csv
    scraper export --table teasers > teasers.jsonl
    """
    from scraper.storage import ArchiveError
    from scraper.storage.query import export as run_export

    with _one_line_errors(ArchiveError, ValueError):
        run_export(_existing_archive(db), output, table=table, fmt=fmt, since=since)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(db: str, as_json: bool) -> None:
    """Counts per table and site, the date range, and the last crawls.

    \b
    scraper stats --db archive.db
    """
    from scraper.storage import ArchiveError
    from scraper.storage.query import stats as run_stats

    with _one_line_errors(ArchiveError):
        figures = run_stats(_existing_archive(db))
    click.echo(json.dumps(figures, ensure_ascii=False, indent=None if as_json else 2, default=str))


@cli.command()
@click.option(
    "--db",
    default="demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite archive file for the demo.",
)
@click.option(
    "--articles",
    default=40,
    show_default=True,
    type=click.IntRange(min=5, max=2000),
    help="Articles in the generated sample site.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def demo(db: str, articles: int, quiet: bool) -> None:
    """Serve a bundled sample of the Courrier des Stratèges on 127.0.0.1 and archive it.

    Works offline: shows the whole pipeline (discovery, extraction, dedupe, archive).
    Query the result afterwards with `scraper search QUERY --db demo.db`.

    \b
    scraper demo && scraper search "Ukraine" --db demo.db
    """
    from scraper.demo.server import serve
    from scraper.demo.site import build_site
    from scraper.runner import crawl_settings, run_crawl
    from spiders.site import SPIDERS

    _open_for_writing(db)
    site = build_site(n_articles=articles)
    fast = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}
    settings = crawl_settings(db, fast, quiet=quiet, verbose=False)
    with serve(site) as base_url:
        if not quiet:
            click.echo(f"serving a {articles}-article sample site at {base_url}", err=True)
        result = run_crawl(SPIDERS["courrier"], settings, base_url=base_url)
    _finish(result, db, quiet)
    if not quiet:
        click.echo(f"try: scraper search Ukraine --db {db}   |   scraper stats --db {db}", err=True)


@cli.group()
def profile() -> None:
    """Site profiles: derive a draft profile for a site nobody wrote one for.

    \b
    scraper profile suggest https://www.example-news.org/ > example.toml
    """


@profile.command("suggest")
@click.argument("url")
@click.option(
    "--pages",
    default=6,
    show_default=True,
    type=click.IntRange(min=1, max=30),
    help="Article pages to sample.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Where to write the TOML draft (default: stdout).",
)
def profile_suggest(url: str, pages: int, output: Any) -> None:
    """Fetch a site's home page and a few articles (politely) and print a draft profile.

    Edit the draft, then `scraper crawl example.toml` crawls with it (saved in
    scraper/profiles/ instead, it becomes the site `scraper crawl example`).

    \b
    scraper profile suggest https://www.example-news.org/ -o example.toml
    """
    from scraper.fetch import FetchError
    from scraper.suggest import suggest_profile

    with _one_line_errors(FetchError, ValueError):
        output.write(suggest_profile(url, pages=pages))


def main() -> None:
    """Entry point of `python -m scraper`."""
    cli(prog_name="scraper")
