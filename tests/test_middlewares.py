from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scraper.middlewares import retry_after_seconds

NOW = datetime(2025, 11, 27, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("3", 3.0),
        (" 120 ", 120.0),
        ("Thu, 27 Nov 2025 10:00:30 GMT", 30.0),
        ("Thu, 27 Nov 2025 09:00:00 GMT", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
    ],
)
def test_retry_after_seconds(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds
