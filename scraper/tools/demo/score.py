"""Score an archive against the demo site's ground truth: the acceptance figures, per field.

Used by the end-to-end tests (which pin floors) and by `bench/` (which prints the figures).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scraper.extract.text import normalize_space
from scraper.tools.demo.model import DemoSite, TruthArticle

_WORD = re.compile(r"\w+")


def token_f1(expected: str, got: str) -> float:
    """Bag-of-words F1 of two texts (case-folded word tokens), 1.0 when both are empty."""
    want, have = Counter(_WORD.findall(expected.casefold())), Counter(_WORD.findall(got.casefold()))
    if not want and not have:
        return 1.0
    overlap = sum((want & have).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(have.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _same_path(a: str, b: str) -> bool:
    return a.rstrip("/").lower() == b.rstrip("/").lower()


@dataclass
class Score:
    """How an archive compares with the truth; rates are over the truth articles/teasers."""

    articles: int = 0
    rows: int = 0
    found: int = 0
    duplicated: int = 0
    extra_rows: list[str] = field(default_factory=list)
    exact: Counter[str] = field(default_factory=Counter)
    body_f1: float = 0.0
    teasers: int = 0
    teasers_found: int = 0
    teaser_excerpts_exact: int = 0
    mismatches: dict[str, list[tuple[str, object, object]]] = field(default_factory=dict)

    def rate(self, name: str) -> float:
        """Share of truth articles whose field `name` is exact."""
        return self.exact[name] / self.articles if self.articles else 0.0

    def summary(self) -> str:
        """The figures on a few lines, as the benchmarks print them."""
        teaser_rate = self.teaser_excerpts_exact / self.teasers if self.teasers else 0.0
        return (
            f"articles {self.found}/{self.articles} found, {self.rows} rows, "
            f"{self.duplicated} duplicated, {len(self.extra_rows)} extra\n"
            f"exact: title {self.rate('title'):.1%}, published {self.rate('published'):.1%}, "
            f"authors {self.rate('authors'):.1%}, lede {self.rate('lede'):.1%}, "
            f"tags {self.rate('tags'):.1%}, members_only {self.rate('members_only'):.1%}\n"
            f"body token F1 {self.body_f1:.4f}; teasers {self.teasers_found}/{self.teasers} found, "
            f"excerpts exact {teaser_rate:.1%}"
        )


def _rows(db: Path) -> tuple[list[dict], dict[str, str], list[dict]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        articles = [dict(r) for r in con.execute("select * from articles")]
        aliases = {r["url"]: r["article_url"] for r in con.execute("select * from aliases")}
        teasers = [dict(r) for r in con.execute("select * from teasers")]
    finally:
        con.close()
    return articles, aliases, teasers


def _truth_for(row: dict, urls: list[str], site: DemoSite) -> TruthArticle | None:
    for url in [row["url"], *urls]:
        truth = site.article_at(_path(url))
        if truth is None:
            final, _ = site.follow(_path(url))
            truth = site.article_at(final)
        if truth is not None:
            return truth
    return None


def score_archive(db: Path | str, site: DemoSite) -> Score:
    """Compare every archived article and teaser with the demo site's truth."""
    articles, aliases, teasers = _rows(Path(db))
    urls_of: dict[str, list[str]] = {}
    for alias, target in aliases.items():
        urls_of.setdefault(target, []).append(alias)
    score = Score(articles=len(site.articles), rows=len(articles))
    matched: dict[str, list[dict]] = {}
    for row in articles:
        truth = _truth_for(row, urls_of.get(row["url"], []), site)
        if truth is None:
            score.extra_rows.append(row["url"])
        else:
            matched.setdefault(truth.canonical_path, []).append(row)
    f1_total = 0.0
    for truth in site.articles:
        rows = matched.get(truth.canonical_path, [])
        if len(rows) > 1:
            score.duplicated += 1
        if not rows:
            score.mismatches.setdefault("missing", []).append((truth.canonical_path, None, None))
            continue
        score.found += 1
        row = rows[0]
        got = {
            "title": row["title"],
            "published": row["published"],
            "authors": json.loads(row["authors"] or "[]"),
            "lede": row["lede"] or None,
            "tags": json.loads(row["tags"] or "[]"),
            "members_only": bool(row["members_only"]),
        }
        want = {
            "title": truth.title,
            "published": truth.published,
            "authors": truth.authors,
            "lede": truth.lede or None,
            "tags": truth.tags,
            "members_only": truth.members_only,
        }
        for name, value in want.items():
            if got[name] == value:
                score.exact[name] += 1
            else:
                score.mismatches.setdefault(name, []).append(
                    (truth.canonical_path, value, got[name])
                )
        f1 = token_f1(truth.body, row["body"] or "")
        f1_total += f1
        if f1 < 0.98:
            score.mismatches.setdefault("body", []).append(
                (truth.canonical_path, len(truth.body), f1)
            )
    score.body_f1 = f1_total / score.articles if score.articles else 0.0
    _score_teasers(score, site, teasers, aliases)
    return score


def _score_teasers(
    score: Score, site: DemoSite, teasers: list[dict], aliases: dict[str, str]
) -> None:
    by_source: dict[str, list[dict]] = {}
    for row in teasers:
        by_source.setdefault(_path(row["source_url"]).rstrip("/").lower(), []).append(row)
    score.teasers = len(site.teasers)
    for truth in site.teasers:
        candidates = by_source.get(truth.source_path.rstrip("/").lower(), [])
        target = site.follow(truth.target)[0]
        found = [
            row
            for row in candidates
            if any(
                _same_path(site.follow(_path(u))[0], target)
                for u in (row["url"], row["article_url"] or "", aliases.get(row["url"], ""))
                if u
            )
        ]
        if not found:
            score.mismatches.setdefault("teaser_missing", []).append(
                (truth.source_path, truth.target, None)
            )
            continue
        score.teasers_found += 1
        excerpts = [normalize_space(r["excerpt"]) for r in found]
        if normalize_space(truth.excerpt) in excerpts:
            score.teaser_excerpts_exact += 1
        else:
            score.mismatches.setdefault("teaser_excerpt", []).append(
                (truth.source_path, truth.excerpt, excerpts[0])
            )
