"""What Datasette shows of an archive: table and column descriptions (from storage/columns.py,
the source of docs/schema.md too), sort orders, facets, full-text search, canned queries, and
a style sheet that lays an article's page out for reading."""

from __future__ import annotations

from typing import Any

from scraper.storage.columns import TABLES
from scraper.storage.schema import FTS_COLUMNS

# Longest text a cell shows in lists (Datasette's truncate_cells_html); row pages show it all.
LIST_CELL_CHARS = 240
STATIC_MOUNT = "scraper-static"
STYLE_SHEET = "archive.css"
# Per table: newest rows first, and the facets analysts ask for.
TABLE_OPTIONS: dict[str, dict[str, Any]] = {
    "articles": {
        "sort_desc": "published",
        "label_column": "title",
        "facets": [
            "site",
            {"array": "authors"},
            {"array": "tags"},
            "members_only",
            {"month": "published"},
        ],
        "fts_table": "articles_fts",
        "fts_pk": "rowid",
    },
    "article_versions": {"sort_desc": "replaced_at", "facets": ["site"]},
    "teasers": {"sort_desc": "seen_at", "facets": ["kind", "crawl_id"]},
    "aliases": {"sort": "article_url"},
    "rejects": {"sort_desc": "seen_at", "facets": ["reason", "site"]},
    "crawls": {"sort_desc": "started", "facets": ["status", "site"]},
    "schema_version": {"hidden": True},
}
# Parameters left empty pick a default (the latest day, the home page, the most promoted
# article), so every query shows rows when opened.
CANNED_QUERIES: dict[str, dict[str, str]] = {
    "front_page": {
        "title": "What a page promoted on a day",
        "description": "Teaser sightings on a listing page (default: the home page) on a day"
        " (default: the last day seen), by block and position; sightings counts the crawls"
        " that saw the card there.",
        "sql": """with chosen as (
  select
    coalesce(nullif(:page, ''), (
      select source_url from teasers where kind in ('listing', 'featured')
      order by length(source_url), source_url limit 1)) as page,
    coalesce(nullif(:day, ''), (select max(substr(seen_at, 1, 10)) from teasers)) as day
)
select c.day, t.kind, t.position, t.title, t.article_url, a.published,
  count(*) as sightings, min(t.seen_at) as first_seen, max(t.seen_at) as last_seen,
  c.page
from teasers t
join chosen c on t.source_url = c.page and substr(t.seen_at, 1, 10) = c.day
left join articles a on a.url = t.article_url
group by t.kind, t.position, t.url
order by t.kind = 'featured' desc, t.kind, t.position, sightings desc""",
    },
    "article_history": {
        "title": "An article's history",
        "description": "Its earlier versions, current version, every URL that led to it and"
        " every teaser that pointed to it, oldest first. url: any URL of the article"
        " (default: the most promoted one).",
        "sql": """with target as (
  select coalesce(
    (select article_url from aliases where url = nullif(:url, '')),
    (select url from articles
     order by (select count(*) from teasers where article_url = articles.url) desc,
       published desc
     limit 1)
  ) as url
)
select * from (
select 'version' as event, v.fetched_at as at, v.title as what,
  v.word_count || ' words' as detail, target.url as article
from article_versions v join target on v.url = target.url
union all
select 'current', a.fetched_at, a.title,
  a.word_count || ' words, first seen ' || a.first_seen, target.url
from articles a join target on a.url = target.url
union all
select 'alias', null, al.url, null, target.url
from aliases al join target on al.article_url = target.url
union all
select 'teaser', t.seen_at, t.title,
  t.kind || ' #' || t.position || ' on ' || t.source_url, target.url
from teasers t join target on t.article_url = target.url
)
order by at is null, at, event""",
    },
    "articles_per_author_month": {
        "title": "Articles per author per month",
        "description": "How many articles each author published each month (month of the"
        " date the site gives); author: one author only (any case).",
        "sql": """select j.value as author, substr(a.published, 1, 7) as month,
  count(*) as articles
from articles a, json_each(a.authors) j
where a.published is not null
  and (:author = '' or j.value = :author collate nocase)
group by j.value, month
order by month desc, articles desc, author""",
    },
    "new_since_last_crawl": {
        "title": "New and changed since the last crawl",
        "description": "Articles the last crawl of their site archived for the first time,"
        " or whose text it found changed (the earlier version is in article_versions).",
        "sql": """with last as (select site, max(id) as id from crawls group by site)
select
  case when a.first_seen >= c.started then 'new' else 'changed' end as change,
  a.published, a.site, a.title, a.url, c.id as crawl_id
from articles a
join last on last.site = a.site
join crawls c on c.id = last.id
where a.first_seen >= c.started
  or exists (
    select 1 from article_versions v where v.url = a.url and v.replaced_by = c.id)
order by change desc, a.published desc""",
    },
    "crawl_health": {
        "title": "Crawl health",
        "description": "Every crawl, newest first: outcome, exit code, duration, pages,"
        " articles, rejects and errors (error_pct: errors per 100 pages).",
        "sql": """select id, site, started, ended, status, finish_reason, exit_code,
  cast(round((julianday(ended) - julianday(started)) * 86400) as integer) as seconds,
  pages, articles_new, articles_updated, articles_unchanged, teasers, rejects, errors,
  round(100.0 * coalesce(errors, 0) / max(coalesce(pages, 0), 1), 1) as error_pct
from crawls
order by id desc""",
    },
}


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata.json for an archive served under the name `database`."""
    tables = {
        table.name: {
            "description": table.summary,
            "columns": {c.name: c.meaning.replace("`", "") for c in table.columns},
            **TABLE_OPTIONS.get(table.name, {}),
        }
        for table in TABLES
    }
    return {
        "title": "News archive",
        "description": "Articles, teasers and crawls archived by scraper. Search articles by"
        f" {', '.join(FTS_COLUMNS)}; facets and canned queries below each table.",
        "extra_css_urls": [f"/{STATIC_MOUNT}/{STYLE_SHEET}"],
        "databases": {
            database: {
                "tables": tables,
                # The SQL is one click away ("show"); the results come first.
                "queries": {name: {**q, "hide_sql": True} for name, q in CANNED_QUERIES.items()},
            }
        },
    }


def style_sheet() -> str:
    """CSS: body_html hidden (body has the text), row pages one field per line, labelled."""
    labels = "\n".join(
        f'body.row.table-{table.name} td.col-{column.name}::before {{ content: "{column.name}"; }}'
        for table in TABLES
        for column in table.columns
    )
    return f"""/* Scraped markup is for export, not for reading: the body column has the text. */
body.table-articles .rows-and-columns .col-body_html {{ display: none; }}
/* Column descriptions stay at hand without pushing the rows off the first screen. */
dl.column-descriptions {{ max-height: 9em; overflow-y: auto; border-bottom: 1px solid #ccc; }}
/* A row page reads top to bottom: each field under its name, the text in a readable column. */
body.row .rows-and-columns thead {{ display: none; }}
body.row .rows-and-columns, body.row .rows-and-columns tbody,
body.row .rows-and-columns tr, body.row .rows-and-columns td {{ display: block; }}
body.row .rows-and-columns td {{ border: none; padding: 0.3em 0; max-width: 46em; }}
body.row .rows-and-columns td::before {{
  display: block; margin-left: 0; font-size: 0.8rem; font-weight: bold; color: #666;
}}
body.row td.col-title {{ font-size: 1.5em; font-weight: bold; }}
body.row td.col-body {{ font-size: 1.1em; line-height: 1.55; }}
{labels}
"""
