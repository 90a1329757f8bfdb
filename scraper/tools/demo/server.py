"""Serve a generated demo site on the loopback interface, recording every hit.

    with serve(build_site(60)) as base_url:       # "http://127.0.0.1:PORT/"
        ...crawl base_url...
        base_url.server.hits                      # every request, in arrival order

Run by hand: `python -m scraper.tools.demo.server --articles 120 --port 8080` (Ctrl-C stops it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import ipaddress
import random
import signal
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from scraper.tools.demo.model import DemoSite, Failure, Route

RESET = 0  # a Failure status meaning: close the connection without answering
NOT_FOUND = (
    b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>404</title></head>'
    b'<body class="error-template"><h1>404</h1><p>Page introuvable</p></body></html>'
)


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it; `time` is time.monotonic() at arrival."""

    path: str
    time: float
    method: str
    headers: dict[str, str]
    status: int


class DemoServer:
    """A threaded HTTP server for one DemoSite, bound to a loopback address only.

    `fail(path, 503, 503)` scripts errors answered before the page; the site's own
    `failures` (a listing that 503s once) are loaded at start. `delay` slows every answer
    so concurrency can be observed in `max_concurrent`. `flaky` is what real servers do
    every day: that share of paths (drawn with `seed`) answers its first request with a
    transient fault, `faults` (a 503 + Retry-After, a 429, or "reset": the connection
    dropped without an answer). `compress` gzips HTML for clients that accept it
    (`Content-Encoding: gzip`), as most real servers do.
    """

    def __init__(
        self,
        site: DemoSite,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        delay: float = 0.0,
        flaky: float = 0.0,
        faults: tuple[Failure, ...] = (Failure(503, 1),),
        seed: int = 0,
        compress: bool = False,
    ):
        if not ipaddress.ip_address("127.0.0.1" if host == "localhost" else host).is_loopback:
            raise ValueError(f"the demo server only listens on loopback, not {host!r}")
        self.site = site
        self.delay = delay
        self.flaky = flaky
        self.faults = faults
        self.compress = compress
        self._random = random.Random(seed)
        self._flaky_done: set[str] = set()
        self.hits: list[Hit] = []
        self.max_concurrent = 0
        self._active = 0
        self._lock = threading.Lock()
        self._failures: dict[str, deque[Failure]] = {
            path: deque(items) for path, items in site.failures.items()
        }
        self._httpd = _QuietServer((host, port), _handler_for(self))
        bound_port = self._httpd.server_address[1]
        self.url = f"http://{host}:{bound_port}/"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="demo-server", daemon=True
        )

    def fail(self, path: str, *statuses: int, retry_after: int | None = None) -> None:
        """Answer the next requests for `path` (query included) with these statuses, in order."""
        with self._lock:
            queue = self._failures.setdefault(path, deque())
            queue.extend(Failure(status, retry_after) for status in statuses)

    def hits_for(self, path: str) -> list[Hit]:
        """The hits on one path (query included)."""
        return [hit for hit in self.hits if hit.path == path]

    def start(self) -> DemoServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- called by the handler threads ------------------------------------------------

    def _enter(self) -> None:
        with self._lock:
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)

    def _log(self, request: BaseHTTPRequestHandler, arrived: float, status: int) -> None:
        hit = Hit(_path_of(request.path), arrived, request.command, dict(request.headers), status)
        with self._lock:
            self.hits.append(hit)

    def _leave(self) -> None:
        with self._lock:
            self._active -= 1

    def _scripted(self, path: str) -> Failure | None:
        with self._lock:
            queue = self._failures.get(path)
            if queue:
                return queue.popleft()
            if not self.flaky or path in self._flaky_done:
                return None
            self._flaky_done.add(path)
            if self._random.random() < self.flaky:
                return self._random.choice(self.faults)
            return None


def served_body(site: DemoSite, route: Route, url: str) -> bytes:
    """The route's bytes as served at `url`: the placeholder origin replaced by it
    (host_style="local")."""
    placeholder = site.origin_placeholder
    if not placeholder:
        return route.body
    old, new = placeholder.encode(), url.encode()
    if route.headers.get("Content-Type") == "application/x-gzip":
        return gzip.compress(gzip.decompress(route.body).replace(old, new), mtime=0)
    return route.body.replace(old, new)


class BaseURL(str):
    """The served site's base URL; `.server` is the DemoServer behind it."""

    server: DemoServer

    def __new__(cls, url: str, server: DemoServer) -> BaseURL:
        self = super().__new__(cls, url)
        self.server = server
        return self


@contextmanager
def serve(
    site: DemoSite, host: str = "127.0.0.1", port: int = 0, **options: Any
) -> Iterator[BaseURL]:
    """Serve `site` for the duration of the block; yields its base URL (with `.server`).

    `options` are DemoServer's: `delay`, `flaky`, `faults`, `seed`, `compress`."""
    with DemoServer(site, host, port, **options) as server:
        yield BaseURL(server.url, server)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up mid-answer is normal during a crawl; say nothing."""


def _handler_for(server: DemoServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "nginx"
        sys_version = ""

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the hits list is the log."""

        def _answer(self, *, send_body: bool) -> None:
            arrived = time.monotonic()
            server._enter()
            try:
                status = 500
                try:
                    if server.delay:
                        time.sleep(server.delay)
                    status, headers, body = _respond(
                        server, _path_of(self.path), dict(self.headers)
                    )
                finally:
                    # Logged before the answer leaves: a client holding its answer finds its hit.
                    server._log(self, arrived, status)
                if status == RESET:
                    self._reset()
                    return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body and body:
                    self.wfile.write(body)
            finally:
                server._leave()

        def _reset(self) -> None:
            """Drop the connection without an answer (RST), as an overloaded proxy does."""
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    return Handler


def _respond(
    server: DemoServer, path: str, request: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    failure = server._scripted(path)
    if failure is not None and failure.status == RESET:
        return RESET, {}, b""
    if failure is not None:
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if failure.retry_after is not None:
            headers["Retry-After"] = str(failure.retry_after)
        return failure.status, headers, f"<h1>{failure.status}</h1>".encode()
    route = server.site.resolve(path)
    if route is None:
        return 404, {"Content-Type": "text/html; charset=utf-8"}, NOT_FOUND
    if route.location is not None:
        return route.status, {**route.headers, "Location": route.location}, b""
    body = served_body(server.site, route, server.url)
    headers = dict(route.headers)
    headers["ETag"] = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
    if request.get("If-None-Match") == headers["ETag"] or (
        "Last-Modified" in headers and request.get("If-Modified-Since") == headers["Last-Modified"]
    ):
        return 304, {k: v for k, v in headers.items() if k != "Content-Type"}, b""
    html = headers.get("Content-Type", "").startswith("text/html")
    if server.compress and html and "gzip" in request.get("Accept-Encoding", ""):
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body, mtime=0)
    return route.status, headers, body


def _path_of(target: str) -> str:
    """Path and query of a request target (origin-form or absolute-form), fragment dropped."""
    parts = urlsplit(target)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def main(argv: list[str] | None = None) -> None:
    """Serve a generated site until Ctrl-C."""
    from scraper.tools.demo.site import build_site

    parser = argparse.ArgumentParser(
        prog="python -m scraper.tools.demo.server", description=main.__doc__
    )
    parser.add_argument("--articles", type=int, default=60, help="number of articles (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--revision", type=int, default=1, help="2: the same site a day later")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--host-style", choices=("real", "local"), default="local",
                        help="local: links point at this server (handy in a browser)")  # fmt: skip
    parser.add_argument("--flaky", type=float, default=0.0,
                        help="share of paths whose first request gets a 503 + Retry-After: 1")  # fmt: skip
    args = parser.parse_args(argv)
    site = build_site(args.articles, args.seed, host_style=args.host_style, revision=args.revision)
    # Ctrl-C and `kill` both stop it cleanly, even when started from a shell that ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with DemoServer(site, port=args.port, flaky=args.flaky, seed=args.seed) as server:
        print(f"Serving {len(site.articles)} articles on {server.url} (Ctrl-C to stop)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print(f"\n{len(server.hits)} requests served.")


if __name__ == "__main__":
    main()
