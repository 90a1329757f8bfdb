"""Start Datasette on an archive with the project's metadata, style sheet and month facet."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from datasette import cli as datasette_cli
from datasette.plugins import pm

from scraper.query.serve import plugin
from scraper.query.serve.metadata import (
    LIST_CELL_CHARS,
    STATIC_MOUNT,
    STYLE_SHEET,
    datasette_metadata,
    style_sheet,
)
from scraper.storage.schema import open_readonly, readonly_uri


def datasette_args(db: Path, config_dir: Path, *, host: str, port: int) -> list[str]:
    """Arguments of `datasette serve` for `db`, its metadata and style sheet written to
    `config_dir`. Datasette names the database after the file (archive.db → /archive).

    An archive in a read-only place is served immutable (mode=ro cannot open it there).
    """
    (config_dir / "metadata.json").write_text(
        json.dumps(datasette_metadata(db.stem), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (config_dir / STYLE_SHEET).write_text(style_sheet(), encoding="utf-8")
    immutable = readonly_uri(db).endswith("immutable=1")
    return [
        "serve",
        *(["--immutable", str(db)] if immutable else [str(db)]),
        "--metadata",
        str(config_dir / "metadata.json"),
        "--static",
        f"{STATIC_MOUNT}:{config_dir}",
        "--setting",
        "truncate_cells_html",
        str(LIST_CELL_CHARS),
        "--host",
        host,
        "--port",
        str(port),
    ]


def serve(db: Path, *, host: str, port: int) -> None:
    """Run Datasette on `db` until interrupted (ArchiveError if `db` is not an archive)."""
    open_readonly(db).close()  # a clear error for a missing or foreign file, before Datasette
    if not pm.is_registered(plugin):
        pm.register(plugin, name="scraper-archive")
    with tempfile.TemporaryDirectory(prefix="scraper-serve-") as config_dir:
        args = datasette_args(db, Path(config_dir), host=host, port=port)
        datasette_cli.cli.main(args=args, prog_name="datasette", standalone_mode=False)
