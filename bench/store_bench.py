"""Archive write throughput: Archive.write_batch (upserts, aliases, FTS5) vs plain sqlite3 executemany.

Both write N synthetic ~5 KB articles in transactions of --batch rows to WAL + synchronous FULL
files in the same run; the ratio is what our bookkeeping and full-text index cost.

    python bench/store_bench.py -n 5000
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scraper.items import Article  # noqa: E402
from scraper.storage import Archive  # noqa: E402
from scraper.storage.schema import BUSY_TIMEOUT_MS  # noqa: E402

BODY_BYTES = 5_000


def synthetic_articles(n: int, seed: int = 0) -> list[Article]:
    """N articles with distinct ~5 KB French-looking bodies (accents, apostrophes)."""
    rng = random.Random(seed)
    syllables = ["ré", "pu", "bli", "que", "é", "lec", "tion", "dé", "bat", "l’", "gou", "ver"]
    words = ["".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(5_000)]
    articles = []
    for i in range(n):
        text: list[str] = []
        size = 0
        while size < BODY_BYTES:
            text.append(rng.choice(words))
            size += len(text[-1]) + 1
        body = " ".join(text)
        articles.append(
            Article(
                url=f"https://news.example.org/2026/11/{i}/article-{i}/",
                title=" ".join(rng.choices(words, k=10)),
                lede=" ".join(rng.choices(words, k=40)),
                body=body,
                body_html=f"<p>{body}</p>",
                authors=["Anne Dupont"],
                published="2026-11-27T10:00:00+00:00",
                tags=["politique"],
                site="bench",
                word_count=len(text),
                content_hash=f"{i:064x}",
            )
        )
    return articles


def timed(write: Callable[[list[Article]], object], articles: list[Article], batch: int) -> float:
    """Articles per second for `write` called on consecutive batches."""
    start = time.perf_counter()
    for i in range(0, len(articles), batch):
        write(articles[i : i + batch])
    return len(articles) / (time.perf_counter() - start)


def baseline(path: Path, articles: list[Article], batch: int) -> float:
    """Plain sqlite3: executemany of the same values into one table, no FTS, no upsert logic."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(
        "CREATE TABLE articles (url TEXT PRIMARY KEY, site, title, lede, body, body_html,"
        " authors, published, tags, word_count, content_hash)"
    )

    def write(chunk: list[Article]) -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.url,
                    a.site,
                    a.title,
                    a.lede,
                    a.body,
                    a.body_html,
                    str(a.authors),
                    a.published,
                    str(a.tags),
                    a.word_count,
                    a.content_hash,
                )
                for a in chunk
            ],  # fmt: skip
        )
        conn.execute("COMMIT")

    try:
        return timed(write, articles, batch)
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5_000, help="articles to write")
    parser.add_argument("--batch", type=int, default=100, help="articles per transaction")
    args = parser.parse_args()
    articles = synthetic_articles(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline(Path(tmp) / "baseline.db", articles, args.batch)
        with Archive(Path(tmp) / "archive.db") as archive:
            crawl = archive.start_crawl("bench")

            def write(chunk: list[Article]) -> object:
                return archive.write_batch(chunk, [], [], [], crawl)

            new = timed(write, articles, args.batch)
            unchanged = timed(write, articles, args.batch)
    print(f"{args.n} articles of ~{BODY_BYTES} B, {args.batch} per transaction, WAL + FULL")
    for name, rate in (
        ("baseline: sqlite3 executemany, no FTS", base),
        ("Archive.write_batch, new (FTS5)", new),
        ("Archive.write_batch, unchanged", unchanged),
    ):
        print(f"{name:40s} {rate:9,.0f} articles/s  {rate / base:5.2f} x baseline")


if __name__ == "__main__":
    main()
