"""A demo site written straight to a WARC file, as if every page had been fetched once: input
for import tests and benchmarks without a crawl (redirects and gzip-encoded pages included)."""

from __future__ import annotations

import gzip
from http.client import responses
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.tools.demo.model import DemoSite
from scraper.tools.demo.server import served_body

WARC_DATE = "2026-01-15T10:00:00Z"


def write_site_warc(site: DemoSite, path: Path, base_url: str, *, compress: bool = True) -> int:
    """Write a response record per route of `site` served at `base_url` (HTML gzip-encoded
    when `compress`); returns the number of records."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="WARC/1.1")
        for route_path, route in sorted(site.routes.items()):
            url = base_url.rstrip("/") + route_path
            headers = dict(route.headers)
            body = b"" if route.location is not None else served_body(site, route, base_url)
            if route.location is not None:
                headers["Location"] = route.location
            elif compress and headers.get("Content-Type", "").startswith("text/html"):
                headers["Content-Encoding"] = "gzip"
                body = gzip.compress(body, mtime=0)
            headers["Content-Length"] = str(len(body))
            status = f"{route.status} {responses.get(route.status, '')}".strip()
            head = StatusAndHeaders(status, list(headers.items()), protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=head,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(record)
    return len(site.routes)
