"""`scraper` / `python -m scraper`: crawl, extract, search, export and inspect the archive.

Thin click commands over the modules; each docstring is the command's help, with an example.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from scraper.query.formats import stats_summary, write_rows

DEFAULT_DB = "archive.db"
# Spelled out, not imported: the query module loads sqlite-utils, too slow for every start of
# the CLI; tests/test_cli_query.py checks these match scraper/query/queries.py.
EXPORT_TABLES = ("articles", "teasers", "crawls", "rejects", "aliases", "article_versions")
EXPORT_FORMATS = ("jsonl", "json", "csv", "tsv")
db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite archive file.",
)
log_file_option = click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    help="Where the whole log goes (default: beside the archive, archive.db → archive.log; "
    "moved to LOG.1 at the start of a run once past 5 MiB).",
)


def _site_option(what: str) -> Any:
    return click.option("--site", help=f"Only {what} of this site (see `scraper stats`).")


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
    "--warc-dir",
    type=click.Path(file_okay=False),
    help="Where the WARC files of every exchange go (default: beside the archive, "
    "archive.db → archive-warc/).",
)
@click.option("--no-warc", is_flag=True, help="Do not keep the exchanges in WARC files.")
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
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's INFO log on stderr too.")
@log_file_option
def crawl(
    site: str | None,
    url: str | None,
    base_url: str | None,
    db: str,
    max_articles: int | None,
    since: str | None,
    refresh: bool,
    warc_dir: str | None,
    no_warc: bool,
    overrides: tuple[str, ...],
    quiet: bool,
    verbose: bool,
    log_file: str | None,
) -> None:
    """Crawl SITE (a profile name, see `scraper sites`, or a profile file NAME.toml) or any
    site (--url) into the archive.

    A site with no profile is crawled with the generic rules: sitemaps, feeds and listings
    are discovered, and each page's shape and structured data say whether it is an article.
    Re-running is incremental: archived articles are not downloaded again unless the site
    says they changed. Every request and response is kept as sent and received in WARC files
    (--warc-dir; --no-warc not to), which `scraper reparse` reads again. One crawl per
    archive at a time: a second one is refused (exit 1).
    The whole log goes to --log-file. Exit codes: 0 ok, 1 could not start, 3 abnormal error
    or reject rate, 4 fetched nothing usable (no network, nothing answers), 5 archive error,
    6 closed early, 11 interrupted.

    \b
    scraper crawl courrier --max-articles 50
    scraper crawl --url https://www.example-news.org/ --db example.db
    scraper crawl example.toml --db example.db     # a profile of your own
    scraper crawl courrier --base-url http://127.0.0.1:8000/ --db copy.db -s DOWNLOAD_DELAY=0
    """
    from scraper.crawl.runner import crawl_settings, parse_overrides, run_crawl
    from scraper.profiles import load_profiles, profile_for_url, read_profile_file
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
        asked = parse_overrides(overrides)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-s") from None
    settings = crawl_settings(
        db,
        asked,
        quiet=quiet,
        verbose=verbose,
        local_copy=local_copy,
        log_file=log_file,
        warc_dir=None if no_warc else warc_dir or "",
    )
    with _open_for_writing(db, settings["LOG_FILE"]):
        if local_copy and not quiet and "DOWNLOAD_DELAY" not in asked:
            click.echo(
                f"{target} is a local copy: no politeness delay (-s DOWNLOAD_DELAY=1 sets one)",
                err=True,
            )
        result = run_crawl(
            spider,
            settings,
            url=url,
            base_url=base_url,
            max_articles=max_articles,
            since=since,
            refresh=refresh,
        )
        _finish(result, db, quiet, settings["LOG_FILE"])


@contextmanager
def _open_for_writing(db: str, log_file: str) -> Iterator[None]:
    """Hold the archive for one crawl (refused in one line while another crawl holds it) and
    fail early, in one line, when it is not a usable SQLite file or the log cannot be
    written; say (even with --quiet: cron mails it) which earlier crawls were killed."""
    from scraper.crawl.crawl_log import open_log
    from scraper.storage import Archive, ArchiveError
    from scraper.storage.lock import ArchiveLock

    with ExitStack() as held:
        with _one_line_errors(ArchiveError, OSError):
            held.enter_context(ArchiveLock(db))
            open_log(log_file)
            with Archive(db) as archive:
                killed = archive.close_killed_crawls()
        for crawl in killed:
            click.echo(f"scraper: {crawl}", err=True)
        yield


def _finish(result: Any, db: str, quiet: bool, log_file: str) -> None:
    pages = result.stats.get("response_received_count", 0)
    summary = f"{_stored(result.stats)}, {pages} pages → {db}"
    _report(result, quiet, summary, "crawl", f" (log: {log_file})")


def _report(result: Any, quiet: bool, summary: str, run: str, where: str = "") -> None:
    """A run's last line (unless quiet); a failure's reason in one line and its exit code."""
    if not quiet:
        click.echo(f"{result.status}: {summary}", err=True)
    if result.exit_code:
        click.echo(f"scraper: {run} failed: {result.reason}{where}", err=True)
        sys.exit(result.exit_code)


@cli.command()
@db_option
@_site_option("pages")
@click.option("--since", callback=_check_date, help="Only pages captured on/after this date (UTC).")
@click.option(
    "--warc-dir",
    type=click.Path(file_okay=False),
    help="Where the crawls wrote their WARC files (default: beside the archive, "
    "archive.db → archive-warc/).",
)
@click.option(
    "--profile",
    "profile_file",
    type=click.Path(dir_okay=False, exists=True),
    help="The profile file (NAME.toml) the site was crawled with, when not a bundled one.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only a failure reason.")
def reparse(
    db: str,
    site: str | None,
    since: str | None,
    warc_dir: str | None,
    profile_file: str | None,
    quiet: bool,
) -> None:
    """Extract every captured page again with today's code, without the network.

    The latest capture of each URL is read from the crawls' WARC files and goes through the
    same validation, deduplication and storage as a crawl: changed articles are updated
    (their old version kept in article_versions), unchanged rows are not written, teaser
    sightings become what the pages give now. Exit codes as for `crawl`.

    \b
    scraper reparse                       # the whole archive
    scraper reparse --site courrier --since 2026-01-01
    """
    from scraper.crawl.warc import default_warc_dir
    from scraper.ingest.reparse import NothingCaptured
    from scraper.ingest.reparse import reparse as run_reparse
    from scraper.profiles import read_profile_file
    from scraper.storage import ArchiveError

    _existing_archive(db)
    folder = Path(warc_dir) if warc_dir else default_warc_dir(db)
    try:
        profile = read_profile_file(profile_file) if profile_file else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--profile") from None
    with _one_line_errors(ArchiveError, OSError, NothingCaptured):
        result = run_reparse(db, folder, site=site, since=since, profile=profile)
    stats = result.stats
    fields = ", ".join(f"{name} ({n})" for name, n in result.fields.most_common(5))
    _report(
        result,
        quiet,
        f"{result.pages} captured pages read again; "
        f"{stats.get('archive/stored/updated', 0)} articles updated, "
        f"{stats.get('archive/stored/unchanged', 0)} unchanged, "
        f"{stats.get('archive/stored/new', 0)} new"
        + (f"; fields changed most: {fields}" if fields else ""),
        "reparse",
    )


@cli.command("import-warc")
@click.argument("files", nargs=-1, required=True)
@db_option
@click.option("--host", "hosts", multiple=True, help="Only pages of this host (repeatable).")
@click.option("--since", callback=_check_date, help="Only articles published on/after this date.")
@click.option("--until", callback=_check_date, help="Only articles published on/before this date.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes reading and extracting in parallel (one writes the archive).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the reading and extraction on a Dask cluster (tcp://host:8786).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress; print only a failure reason.")
def import_warc(
    files: tuple[str, ...],
    db: str,
    hosts: tuple[str, ...],
    since: str | None,
    until: str | None,
    workers: int,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Archive the article pages of WARC files (FILE or a glob: 'crawl/*.warc.gz').

    Response and resource records of HTML pages go through the same extraction, validation,
    deduplication and storage as a crawl (profiles for the hosts that have one, the generic
    extractor for the rest; listing pages give teasers). Dates filter on the article's
    published date, else the record's WARC-Date. A damaged record is a `rejects` row and the
    import goes on. Re-running continues where a killed run stopped and stores nothing twice.
    Exit codes as for `crawl`.

    \b
    scraper import-warc 'CC-NEWS-2024*.warc.gz' --host lemonde.fr --since 2024-01-01
    scraper import-warc archive-warc/*.warc.gz --db copy.db --workers 2
    """
    from scraper.ingest.warc_import import Filters, NoWarc, import_warcs
    from scraper.storage import ArchiveError

    filters = Filters(
        frozenset(h.lower().removeprefix("www.") for h in hosts) or None, since, until
    )
    with _one_line_errors(ArchiveError, OSError, NoWarc):
        result = import_warcs(
            db,
            files,
            filters=filters,
            workers=workers,
            scheduler=scheduler,
            on_unit=None if quiet else _import_progress(),
        )
    _report(
        result,
        quiet,
        f"{result.records} records, {result.pages} pages read from {result.files} files "
        f"({result.skipped} parts imported before); {_stored(result.stats)}, "
        f"{result.stats.get('import/damaged', 0)} damaged records → {db}",
        "import",
    )


def _import_progress() -> Any:
    """Progress of an import on stderr: parts done, records/s and ETA (a bar on a terminal,
    a line every 10 s otherwise)."""
    import time

    from tqdm import tqdm

    started = time.monotonic()
    state: dict[str, Any] = {"records": 0, "bar": None, "said": started}

    def on_unit(result: Any, done: int, total: int) -> None:
        state["records"] += result.records
        rate = state["records"] / max(time.monotonic() - started, 1e-9)
        if sys.stderr.isatty():
            if state["bar"] is None:
                state["bar"] = tqdm(total=total, unit="part", file=sys.stderr)
            state["bar"].set_postfix_str(f"{rate:,.0f} records/s", refresh=False)
            state["bar"].update(1)
            if done == total:
                state["bar"].close()
        elif done == total or time.monotonic() - state["said"] >= 10:
            state["said"] = time.monotonic()
            eta = (time.monotonic() - started) / done * (total - done)
            click.echo(
                f"{done}/{total} parts, {state['records']} records, {rate:,.0f} records/s,"
                f" ETA {eta:,.0f} s",
                err=True,
            )

    return on_unit


def _stored(stats: dict[str, Any]) -> str:
    """What a run stored, in words, from its stats (pages found to duplicate an archived
    article are said: they were extracted, and kept as aliases, not as articles; a copy met
    before its original is one too, replaced when the original comes)."""
    kinds = ("duplicate_url", "duplicate_content", "original_replaces_copy")
    duplicates = sum(stats.get(f"archive/{kind}", 0) for kind in kinds)
    return (
        f"{stats.get('archive/stored/new', 0)} new, "
        f"{stats.get('archive/stored/updated', 0)} updated, "
        f"{stats.get('archive/stored/unchanged', 0)} unchanged articles, "
        + (f"{duplicates} duplicate{'s' * (duplicates > 1)}, " if duplicates else "")
        + f"{stats.get('archive/teasers', 0)} teasers"
    )


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


@contextmanager
def _writing(target: str) -> Iterator[None]:
    """Write errors (full disk, unwritable file) as one line and exit 1, never a traceback;
    a reader that stops early (`| head`) is not an error: exit 0, quietly."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at /dev/null so that flush is silent.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:
        raise click.ClickException(f"cannot write to {target}: {exc.strerror or exc}") from None


def _open_output(path: str) -> TextIO:
    """The file named by -o, opened for writing; a one-line error when it cannot be."""
    try:
        return open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (caller closes)
    except OSError as exc:
        raise click.ClickException(f"cannot write to {path}: {exc.strerror or exc}") from None


def _read_page(name: str) -> bytes:
    """A saved page's bytes, inflated when gzipped; refused past the crawl's page size cap
    (DOWNLOAD_MAXSIZE), so a gzip bomb stops at the cap instead of filling memory, and
    refused when binary (an image, an archive: no page to read)."""
    from scraper.crawl.settings import DOWNLOAD_MAXSIZE
    from scraper.extract.html import is_binary

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
@click.option("--raw", is_flag=True, help='Read QUERY as FTS5 syntax: OR, NOT, NEAR(), word*, "…".')
@_site_option("articles")
@click.option("--since", callback=_check_date, help="Only articles published on/after this day.")
@click.option("--until", callback=_check_date, help="Only articles published on/before this day.")
@click.option("--author", help="Only articles with this author (any case).")
@click.option("--tag", help="Only articles with this tag (any case).")
@click.option(
    "--order",
    type=click.Choice(["relevance", "published"]),
    default="relevance",
    show_default=True,
    help="Best hits first, or newest first.",
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0))
@click.option(
    "-c",
    "--column",
    "columns",
    multiple=True,
    help="Show this column (repeatable): published, site, title, url, authors, tags, lede,"
    " word_count, members_only or snippet. Default: published, site, title, url, authors,"
    " snippet (published, title, url in a table).",
)
@click.option("--table", "fmt", flag_value="table", help="Aligned table (default on a terminal).")
@click.option(
    "--nl", "fmt", flag_value="jsonl", help="One JSON object per line (default in a pipe)."
)
@click.option("--json", "fmt", flag_value="json", help="One JSON array.")
@click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
@click.option("--tsv", "fmt", flag_value="tsv", help="Tab-separated, with a header row.")
def search(
    query: str,
    db: str,
    raw: bool,
    site: str | None,
    since: str | None,
    until: str | None,
    author: str | None,
    tag: str | None,
    order: str,
    limit: int,
    offset: int,
    columns: tuple[str, ...],
    fmt: str | None,
) -> None:
    """Full-text search of titles, ledes and bodies, best hits first; prints how many match.

    Words and "quoted phrases" are searched as written (accents and case ignored); with
    --raw, QUERY is FTS5 syntax. Lists (authors, tags) come out as JSON.

    \b
    scraper search "garanties de sécurité" --limit 5
    scraper search Ukraine --site courrier --since 2025-01-01 --order published
    scraper search 'Ukraine OR Kremlin' --raw --csv -c published -c title -c url > hits.csv
    """
    from scraper.query.queries import DEFAULT_HIT_COLUMNS, SearchFilters, operators_as_words
    from scraper.query.queries import search as run_search
    from scraper.storage import ArchiveError

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if not columns:
        columns = ("published", "title", "url") if fmt == "table" else DEFAULT_HIT_COLUMNS
    filters = SearchFilters(site=site, since=since, until=until, author=author, tag=tag)
    with _one_line_errors(ArchiveError, ValueError):
        result = run_search(
            _existing_archive(db),
            query,
            limit=limit,
            offset=offset,
            raw=raw,
            filters=filters,
            order=order,
            columns=columns,
        )
    with _writing("stdout"):
        rows = ([hit[c] for c in columns] for hit in result.hits)
        write_rows(sys.stdout, columns, rows, fmt, width=shutil.get_terminal_size().columns)
    shown = f"{offset + 1}–{offset + len(result.hits)} shown" if result.hits else "none shown"
    click.echo(f"{result.total} hits ({shown})" if result.total else "no match", err=True)
    if operators := ([] if raw else operators_as_words(query)):
        words = ", ".join(operators)
        click.echo(
            f"note: {words} {'was' if len(operators) == 1 else 'were'} searched as"
            f" {'a word' if len(operators) == 1 else 'words'}, not as FTS syntax;"
            " --raw reads it (OR, NOT, -word, word*, NEAR(…))",
            err=True,
        )


@cli.command()
@db_option
@click.option(
    "--table",
    type=click.Choice(EXPORT_TABLES),
    default="articles",
    show_default=True,
)
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True
)
@_site_option("rows")
@click.option(
    "--since",
    callback=_check_date,
    help="Only rows dated on/after this day: articles by published, teasers and rejects by"
    " seen_at, crawls by started, article_versions by replaced_at (aliases have no date).",
)
@click.option("--until", callback=_check_date, help="Only rows dated on/before this day.")
@click.option("--columns", help="Comma-separated columns to export (default: all), e.g. url,title.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("-o", "--output", default="-", help="Output file (default: stdout).")
def export(
    db: str,
    table: str,
    fmt: str,
    site: str | None,
    since: str | None,
    until: str | None,
    columns: str | None,
    limit: int | None,
    output: str,
) -> None:
    """Export a table as JSON Lines, a JSON array, CSV or TSV (lists stay lists in JSON).

    \b
    scraper export --format csv --since 2025-01-01 -o articles.csv
    scraper export --table teasers --site courrier > teasers.jsonl
    scraper export --format tsv --columns url,title,published --until 2024-12-31 --limit 100
    """
    from scraper.query.queries import ExportFilters
    from scraper.query.queries import export as run_export
    from scraper.storage import ArchiveError

    filters = ExportFilters(site=site, since=since, until=until, limit=limit)
    chosen = tuple(c.strip() for c in columns.split(",") if c.strip()) if columns else ()
    archive = _existing_archive(db)
    out = sys.stdout if output == "-" else _open_output(output)
    target = "stdout" if output == "-" else output
    with _one_line_errors(ArchiveError, ValueError), _writing(target):
        try:
            run_export(archive, out, table=table, fmt=fmt, filters=filters, columns=chosen)
        finally:
            if out is not sys.stdout:
                out.close()


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON, for machines.")
def stats(db: str, as_json: bool) -> None:
    """A summary of the archive: counts per table and site, the date range, the last crawls.

    \b
    scraper stats --db archive.db
    scraper stats --json | jq .sites
    """
    from scraper.query.queries import stats as run_stats
    from scraper.storage import ArchiveError

    with _one_line_errors(ArchiveError):
        figures = run_stats(_existing_archive(db))
    with _writing("stdout"):
        if as_json:
            click.echo(json.dumps(figures, ensure_ascii=False, default=str))
        else:
            click.echo(stats_summary(figures, db))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
def serve(db: str, host: str, port: int) -> None:
    """Browse the archive in Datasette: described tables, articles newest first, search,
    facets and canned queries (what a page promoted, an article's history, crawl health…).

    Read-only: nothing in the browser changes the archive; a copy in a read-only place works.
    Needs Datasette: pip install 'scraper[serve]'.

    \b
    scraper serve --db archive.db        # then open http://127.0.0.1:8001/archive
    """
    from scraper.storage import ArchiveError

    try:
        from scraper.query.serve.run import serve as run_serve
    except ImportError as exc:
        raise click.ClickException(
            f"scraper serve needs Datasette ({exc.name} is missing): pip install 'scraper[serve]'"
        ) from None
    with _one_line_errors(ArchiveError):
        run_serve(Path(_existing_archive(db)), host=host, port=port)


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
@log_file_option
def demo(db: str, articles: int, quiet: bool, log_file: str | None) -> None:
    """Serve a bundled sample of the Courrier des Stratèges on 127.0.0.1 and archive it.

    Works offline: shows the whole pipeline (discovery, extraction, dedupe, archive).
    Query the result afterwards with `scraper search QUERY --db demo.db`.

    \b
    scraper demo && scraper search "Ukraine" --db demo.db
    """
    from scraper.crawl.runner import crawl_settings, run_crawl
    from scraper.tools.demo.server import serve
    from scraper.tools.demo.site import build_site
    from spiders.site import SPIDERS

    fast = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}
    settings = crawl_settings(db, fast, quiet=quiet, verbose=False, log_file=log_file)
    with _open_for_writing(db, settings["LOG_FILE"]):
        site = build_site(n_articles=articles)
        with serve(site) as base_url:
            if not quiet:
                click.echo(f"serving a {articles}-article sample site at {base_url}", err=True)
            result = run_crawl(SPIDERS["courrier"], settings, base_url=base_url)
        _finish(result, db, quiet, settings["LOG_FILE"])
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
    from scraper.crawl.fetch import FetchError
    from scraper.tools.suggest import suggest_profile

    with _one_line_errors(FetchError, ValueError):
        output.write(suggest_profile(url, pages=pages))


def main() -> None:
    """Entry point of `python -m scraper`."""
    cli(prog_name="scraper")
