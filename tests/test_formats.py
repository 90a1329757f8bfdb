"""Row output: the machine formats round-trip, the table fits the terminal."""

from __future__ import annotations

import csv
import io
import json

import pytest

from scraper.query.formats import stats_summary, write_rows

NAMES = ("title", "authors")
ROWS = [("Élections : le « vote utile »", ["Anne", "Bo"]), ("Énergie, prix\net taxes", [])]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats_keep_lists_as_lists(fmt: str) -> None:
    out = io.StringIO()
    assert write_rows(out, NAMES, ROWS, fmt) == 2
    text = out.getvalue()
    records = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert records == [dict(zip(NAMES, row, strict=True)) for row in ROWS]


def test_json_array_of_no_rows_is_an_empty_array() -> None:
    out = io.StringIO()
    assert write_rows(out, NAMES, [], "json") == 0
    assert json.loads(out.getvalue()) == []


def test_json_text_columns_are_decoded() -> None:
    out = io.StringIO()
    write_rows(out, NAMES, [("t", '["A"]')], "jsonl", json_text=["authors"])
    assert json.loads(out.getvalue())["authors"] == ["A"]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_delimited_formats_parse_back(fmt: str, delimiter: str) -> None:
    out = io.StringIO()
    write_rows(out, NAMES, ROWS, fmt)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter=delimiter))
    assert rows[0] == list(NAMES)
    assert [(r[0], json.loads(r[1])) for r in rows[1:]] == ROWS


@pytest.mark.parametrize("width", [40, 60, 200])
def test_table_fits_the_terminal_and_cuts_long_cells(width: int) -> None:
    out = io.StringIO()
    write_rows(
        out,
        ("url", "title"),
        [("https://site.test/" + "x" * 80, "Titre\nsur deux")],
        "table",
        width=width,
    )
    header, rule, row = out.getvalue().splitlines()
    assert header.split() == ["url", "title"]
    assert max(len(header), len(rule), len(row)) <= max(width, 26)
    assert "\n" not in row and "Titre sur deux" in row
    assert row.split()[0].endswith("…") == (width < 120)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        write_rows(io.StringIO(), NAMES, ROWS, "xml")


def test_stats_summary_names_sites_and_crawls() -> None:
    figures = {
        "tables": {"articles": 3, "crawls": 1},
        "sites": {"s": {"articles": 3, "members_only": 1, "first_published": "2024-01-02T10:00",
                        "last_published": "2025-03-04T10:00"}},
        "published": {"first": "2024-01-02T10:00", "last": "2025-03-04T10:00"},
        "last_crawls": [{"id": 7, "site": "s", "started": "a", "ended": None, "status": "killed",
                         "exit_code": None, "pages": 5, "articles_new": 3,
                         "articles_updated": 0, "errors": 2}],
    }  # fmt: skip
    lines = stats_summary(figures, "x.db").splitlines()
    assert lines[0] == "x.db: 3 articles, published 2024-01-02 … 2025-03-04"
    assert "  s: 3 articles (1 members-only), published 2024-01-02 … 2025-03-04" in lines
    assert "  #7 s a → (no end): killed, 5 pages, 3 new, 0 updated, 2 errors" in lines
