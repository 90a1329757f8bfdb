"""Writing rows for machines (JSON Lines, a JSON array, CSV, TSV) and for people (a table that
fits the terminal, the archive summary of `scraper stats`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

ROW_FORMATS = ("table", "jsonl", "json", "csv", "tsv")
# Narrowest a table column gets before the table is allowed to overflow the terminal.
MIN_TABLE_CELL = 12


def write_rows(
    out: TextIO,
    names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    fmt: str,
    *,
    json_text: Iterable[str] = (),
    width: int = 100,
) -> int:
    """Write `rows` (values in the order of `names`) to `out` as `fmt`; returns the row count.

    Columns named in `json_text` hold JSON text (lists in SQLite): the JSON formats decode
    it, CSV and TSV keep it; list values are written as JSON in CSV, TSV and tables.
    Streams row by row, except the table, which measures its rows first (`width`: terminal).
    """
    if fmt not in ROW_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(ROW_FORMATS)})")
    if fmt == "table":
        return _write_table(out, names, [[_text(v) for v in row] for row in rows], width)
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        writer.writerow(names)
        count = 0
        for row in rows:
            writer.writerow([_text(v) for v in row])
            count += 1
        return count
    decode = {i for i, name in enumerate(names) if name in set(json_text)}
    count = 0
    for row in rows:
        record = {
            name: json.loads(v) if i in decode and v is not None else v
            for i, (name, v) in enumerate(zip(names, row, strict=True))
        }
        line = json.dumps(record, ensure_ascii=False)
        if fmt == "json":  # one array, still written row by row: an archive may not fit in memory
            line = ("[" if count == 0 else ",\n ") + line
        else:
            line += "\n"
        out.write(line)
        count += 1
    if fmt == "json":
        out.write("]\n" if count else "[]\n")
    return count


def _text(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _write_table(out: TextIO, names: Sequence[str], rows: list[list[Any]], width: int) -> int:
    """Columns padded to their widest cell; the widest shrink (cut with …) until the table fits."""
    cells = [[" ".join(str("" if v is None else v).split()) for v in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(names)]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > MIN_TABLE_CELL:
        widths[widths.index(max(widths))] -= 1
    for row in [list(names), ["-" * w for w in widths], *cells]:
        line = "  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=True))
        out.write(line.rstrip() + "\n")
    return len(cells)


def _fit(cell: str, width: int) -> str:
    return cell.ljust(width) if len(cell) <= width else cell[: width - 1] + "…"


def stats_summary(figures: dict[str, Any], db: str) -> str:
    """`scraper stats` for people: totals, one line per site, one line per recent crawl."""
    tables = figures["tables"]
    span = figures["published"]
    lines = [
        f"{db}: {tables.get('articles', 0)} articles, published {span['first'] or '?':.10}"
        f" … {span['last'] or '?':.10}",
        "rows: " + ", ".join(f"{table} {count}" for table, count in tables.items()),
        "",
        "sites:",
    ]
    lines += [
        f"  {site}: {s['articles']} articles ({s['members_only'] or 0} members-only),"
        f" published {s['first_published'] or '?':.10} … {s['last_published'] or '?':.10}"
        for site, s in figures["sites"].items()
    ] or ["  (none)"]
    lines += ["", "last crawls:"]
    lines += [_crawl_line(crawl) for crawl in figures["last_crawls"]] or ["  (none)"]
    return "\n".join(lines)


def _crawl_line(crawl: dict[str, Any]) -> str:
    code = crawl["exit_code"]
    return (
        f"  #{crawl['id']} {crawl['site']} {crawl['started']} → {crawl['ended'] or '(no end)'}:"
        f" {crawl['status']}{'' if code is None else f' (exit {code})'},"
        f" {crawl['pages'] or 0} pages, {crawl['articles_new'] or 0} new,"
        f" {crawl['articles_updated'] or 0} updated, {crawl['errors'] or 0} errors"
    )
