"""WARC capture and WARC import benchmark (issue 11), every figure against a baseline measured
in the same run.

- Capture: paired fresh `scraper crawl courrier --base-url … --quiet` runs of one loopback copy
  (gzip-encoded HTML, as real servers send), with capture (the default) and with --no-warc,
  in alternating order; the median ratio of wall times. Target: capture costs <= 10%.
- Import: the same copy written to one WARC file; pages/s of bare `scraper.extract.page.
  extract_page` on its HTML pages (parse included, nothing stored), then of `import_warcs`
  into a fresh archive with 1 worker and with 2 (256 KiB units, so the few-MB file is cut
  into parts as a multi-GB one is: workers share it). Targets: 1 worker >= 80% of bare extraction,
  2 workers >= 1.7x one.

    python bench/warc_bench.py [--articles 300] [--repeat 3] [--seed 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.faults_bench import crawl  # noqa: E402
from scraper.extract.html import parse_html  # noqa: E402
from scraper.extract.page import extract_page  # noqa: E402
from scraper.ingest.warc_import import import_warcs  # noqa: E402
from scraper.process import long_run_gc  # noqa: E402
from scraper.profiles import generic_profile  # noqa: E402
from scraper.tools.demo.server import serve, served_body  # noqa: E402
from scraper.tools.demo.site import build_site  # noqa: E402
from scraper.tools.demo.warc import write_site_warc  # noqa: E402

BASE = "http://127.0.0.1:8000/"
# The copy's WARC is a few MB; cut it as a multi-GB CC-NEWS file is cut (many units per file).
UNIT_BYTES = 256 * 1024


def capture(articles: int, repeat: int, seed: int, tmp: Path) -> None:
    site = build_site(articles, seed=seed)
    ratios = []
    with serve(site, compress=True) as base:
        for n in range(repeat):
            times = {}
            for mode in ("warc", "off") if n % 2 == 0 else ("off", "warc"):
                options = ("--no-warc",) if mode == "off" else ()
                times[mode] = crawl(base, tmp / f"capture-{n}-{mode}.db", *options)
            ratios.append(times["warc"] / times["off"])
            print(f"  run {n + 1}: with WARC {times['warc']:.2f} s, without {times['off']:.2f} s")
    print(f"capture: median wall ratio {statistics.median(ratios):.3f} (target <= 1.10)")


def ingest(articles: int, repeat: int, seed: int, tmp: Path) -> None:
    site = build_site(articles, seed=seed)
    warc = tmp / "site.warc.gz"
    write_site_warc(site, warc, BASE)
    pages = [
        (BASE.rstrip("/") + path, served_body(site, route, BASE))
        for path, route in site.routes.items()
        if route.location is None and route.headers.get("Content-Type", "").startswith("text/html")
    ]
    profile = generic_profile(BASE)
    for url, body in pages[:50]:  # warm: caches and lazy imports are not the first's cost
        extract_page(parse_html(body), url, profile)
    long_run_gc()  # the collector as the import (and a crawl) sets it, for both
    rates: dict[str, list[float]] = {"extract": [], "1 worker": [], "2 workers": []}
    for n in range(repeat):
        started = time.perf_counter()
        for url, body in pages:
            extract_page(parse_html(body), url, profile)
        rates["extract"].append(len(pages) / (time.perf_counter() - started))
        for workers in (1, 2):
            started = time.perf_counter()
            result = import_warcs(
                str(tmp / f"import-{n}-{workers}.db"),
                [str(warc)],
                workers=workers,
                unit_bytes=UNIT_BYTES,
            )
            seconds = time.perf_counter() - started
            assert result.exit_code == 0, result.reason
            # The same HTML pages (the import also reads the redirects: its rate is low-side).
            rates[f"{workers} worker{'s' if workers > 1 else ''}"].append(len(pages) / seconds)
    best = {name: max(values) for name, values in rates.items()}
    for name, rate in best.items():
        print(f"  {name}: {rate:.0f} pages/s (best of {repeat})")
    print(
        f"import: 1 worker at {best['1 worker'] / best['extract']:.2f}x bare extraction"
        f" (target >= 0.80); 2 workers at {best['2 workers'] / best['1 worker']:.2f}x one"
        f" (target >= 1.70); {len(pages)} HTML pages"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--only", choices=("capture", "import"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if args.only != "import":
            capture(args.articles, args.repeat, args.seed, tmp)
        if args.only != "capture":
            ingest(args.articles, args.repeat, args.seed, tmp)


if __name__ == "__main__":
    main()
