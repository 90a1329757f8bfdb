"""The progress line: counts that move per article, the rate, and an ETA when a total is known."""

from __future__ import annotations

from scraper.crawl.progress import Counts, progress_line


def test_counts_move_per_article_extracted_not_per_batch_written() -> None:
    stats = {
        "response_received_count": 40,
        "crawl/pages/article": 30,
        "crawl/articles/new": 25,
        "archive/stored/new": 0,  # no batch written yet
        "log_count/ERROR": 2,
    }
    assert Counts.of(stats) == Counts(pages=40, articles=30, new=25, errors=2, expected=None)
    # Where no per-article count is kept, the stored count stands in.
    assert Counts.of({"archive/stored/new": 7}).new == 7


def test_the_line_without_a_known_total_has_no_eta() -> None:
    counts = Counts(pages=40, articles=30, new=25, errors=2, expected=None)
    assert progress_line(counts, 90.0) == (
        "01:30 elapsed, 30 articles extracted (25 new), 40 pages, 2 errors, 20 articles/min"
    )


def test_the_line_with_a_total_from_sitemaps_has_an_eta() -> None:
    counts = Counts.of({"crawl/pages/article": 30, "crawl/articles/expected": 90})
    # 30 articles in 90 s: 20 a minute, 60 left, 3 minutes.
    assert progress_line(counts, 90.0).endswith(
        "30/90 articles extracted (0 new), 0 pages, 0 errors, 20 articles/min, ETA 03:00"
    )


def test_articles_asked_for_that_turned_out_none_leave_the_total() -> None:
    """An old URL redirecting to an article already fetched, a 404, a page of another kind:
    asked for as articles, they are none, and the total (and the ETA) leaves them out."""
    stats = {"crawl/pages/article": 30, "crawl/articles/expected": 90, "crawl/articles/none": 30}
    assert Counts.of(stats).expected == 60
