"""Shared fixtures: paths to the shared corpora and a fresh archive path."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a not-yet-created archive in a temporary folder."""
    return tmp_path / "archive.db"
