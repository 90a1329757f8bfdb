"""Property tests: damaged real pages and hostile URLs never make extraction raise.

Pages come from the project's fixtures and, when present, the shared corpora (../shared, as
on CI). The normal suite runs a short, derandomised pass; the long run is

    SCRAPER_FUZZ_EXAMPLES=10000 python -m pytest -q -s -n 0 tests/test_fuzz.py -k damaged

(derandomised too, so a run is repeatable; it also asserts no page takes over 2 s). A crash
found is saved as a small page under tests/fixtures/hostile/, which test_hostile_extract.py
replays on every run.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scraper
from scraper.extract.authors import clean_name, split_names
from scraper.extract.dates import find_date, parse_date
from scraper.extract.page import extract_page
from scraper.profiles import generic_profile
from scraper.urls import canonicalize_url, host_of, is_local, origin, resolve, url_key

ROOT = Path(__file__).resolve().parent
EXAMPLES = int(os.environ.get("SCRAPER_FUZZ_EXAMPLES", "40"))
LONG_RUN = EXAMPLES > 1000
MAX_SECONDS = 2.0  # per extraction of a damaged page, checked in the long run
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _sources() -> list[Path]:
    pages = sorted((ROOT / "fixtures" / "pages").glob("*.html.gz"))
    shared = ROOT.parent.parent / "shared" / "corpus"
    corpus = sorted(shared.glob("*/*.html.gz")) + sorted(shared.glob("*/html/*.html.gz"))
    # The short run samples the corpora; the long one takes every page.
    return pages + (corpus if LONG_RUN else corpus[::25])


SOURCES = _sources()
TIMES: list[tuple[float, str, bytes]] = []  # the slowest extractions of the run
COUNT = [0]  # extractions timed


@cache
def _page(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


HOSTILE_SNIPPETS = [
    b'<a href="http://a.fr:99999/x">port</a>',
    b'<a href="http://[::1/x">v6</a>',
    b'<a href="HTTP://WWW.EXAMPLE.ORG/A">upper</a>',
    b'<meta name="description" content="a\x01b\x0bc d\x1fe">',
    b'<link rel="canonical" href="http://[::1/x">',
    b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"\\u0001",'
    b'"datePublished":"2020-99-99T99:99","author":{"name":"\\ud800"},"url":"http://a:0/"}'
    b"</script>",
    b"<div>" * 1500,
    b"<span><b>" * 800,
    b"<table><tr><td>" * 300,
    b"\x00\x00\x00",
    b"\xff\xfe\xc3\x28\xe2\x82",
    b"<time datetime='0000-00-00'>31/02/2020</time>",
    b"<![CDATA[",
    b"<!--",
    b"<?xml version='1.0' encoding='bogus'?>",
    b'<meta charset="utf-7">',
    b'<base href="http://[::1/">',
    b'<img src="data:image/png;base64,AAAA" srcset="http://a.fr:70000/x 2x">',
]


@st.composite
def damaged_pages(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real page (its name, its damaged bytes), damaged one to five times: truncated, spans
    cut or doubled, random bytes or a hostile snippet inserted. Positions come from a seeded
    PRNG: Hypothesis favours small integers, which would cut most pages to nothing."""
    source = draw(st.sampled_from(SOURCES))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    data = bytearray(_page(source))
    for _ in range(draw(st.integers(1, 5))):
        if len(data) < 16:
            break
        start = rnd.randrange(len(data))
        end = min(len(data), start + rnd.randint(1, 20_000))
        action = draw(st.sampled_from(["truncate", "cut", "double", "bytes", "snippet"]))
        if action == "truncate":
            del data[start:]
        elif action == "cut":
            del data[start:end]
        elif action == "double":
            data[start:start] = data[start:end]
        elif action == "bytes":
            data[start:start] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[start:start] = draw(st.sampled_from(HOSTILE_SNIPPETS))
    return source.name, bytes(data)


@FUZZ
@given(damaged_pages(), st.sampled_from(["https://www.example.org/2024/05/a-b/", "http://[::1/x"]))
def test_damaged_pages_never_raise(page: tuple[str, bytes], url: str) -> None:
    name, data = page
    for extractor in (scraper.extract, extract_page):
        start = time.monotonic()
        extractor(data, url)
        TIMES.append((time.monotonic() - start, name, data))
        TIMES.sort(key=lambda timed: timed[0], reverse=True)
        del TIMES[3:]  # the slowest three, with their pages
        COUNT[0] += 1


@pytest.fixture(scope="module", autouse=True)
def _time_pages() -> Iterator[None]:
    """Time every extraction once warm (dateparser loads every language's data the first time
    it must guess one: 2 s, once per process, not per page); the
    long run says how slow its slowest pages were (`-s` shows it), saves them under
    .hypothesis/slowest-*.html and fails past MAX_SECONDS. Judged after the run, not inside
    it: one slow page on a busy machine is not a crash for Hypothesis to shrink."""
    scraper.extract(_page(SOURCES[0]), "https://www.example.org/2024/05/a-b/")
    parse_date("2020-99-99T99:99")  # unreadable, no language given: all languages are loaded
    yield
    if not TIMES:
        return
    slowest = ", ".join(f"{seconds:.2f} s ({name}, {len(data)} B)" for seconds, name, data in TIMES)
    print(f"\n{COUNT[0]} extractions; slowest {slowest}")
    if LONG_RUN:
        saved = ROOT.parent / ".hypothesis"
        saved.mkdir(exist_ok=True)
        for rank, (_, _, data) in enumerate(TIMES):
            (saved / f"slowest-{rank}.html").write_bytes(data)
        assert TIMES[0][0] < MAX_SECONDS


hosts = st.one_of(
    st.sampled_from(["example.org", "WWW.Example.ORG", "127.0.0.1", "[::1]", "[::1", "a..b"]),
    st.text(min_size=0, max_size=12),
)
hostile_urls = st.one_of(
    st.text(max_size=60),
    st.builds(
        "{}://{}{}{}".format,
        st.sampled_from(["http", "HTTP", "https", "ftp", "javascript", "", "data"]),
        hosts,
        st.one_of(st.just(""), st.integers(-5, 10**6).map(lambda p: f":{p}"), st.text(max_size=6)),
        st.text(max_size=30),
    ),
)


@settings(FUZZ, max_examples=max(200, EXAMPLES))
@given(hostile_urls, hostile_urls)
def test_hostile_urls_never_raise(page_url: str, href: str) -> None:
    for url in (page_url, href, resolve(page_url, href)):
        canonical = canonicalize_url(url)
        assert canonical == "" or canonical == canonicalize_url(canonical)
        url_key(url)
        host_of(url)
        origin(url)
        is_local(url)
    profile = generic_profile("http://127.0.0.1:8000/").copy_of("https://www.example.org/")
    assert profile.owns(href) in (True, False)
    profile.key(resolve(page_url, href) or "http://127.0.0.1:8000/")


@settings(FUZZ, max_examples=max(100, EXAMPLES // 10))
@given(
    st.text(max_size=80) | st.from_regex(r"\w{3,9} \d{1,2}, \d{4}", fullmatch=True),
    st.none() | st.tuples(st.from_regex(r"[a-zA-Z]{2,3}", fullmatch=True)),
)
def test_date_and_author_parsing_never_raise(text: str, languages: tuple[str] | None) -> None:
    parse_date(text, languages)
    find_date(text, languages)
    clean_name(text)
    split_names(text)


# Any JSON where a page's JSON-LD should hold a string, a node or a list of them.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["@id", "@type", "name", "url", "@value"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
LD_KEYS = [
    "@type",
    "headline",
    "author",
    "publisher",
    "image",
    "datePublished",
    "dateModified",
    "articleBody",
    "keywords",
    "articleSection",
    "recipeInstructions",
    "step",
    "@graph",
]


@settings(FUZZ, max_examples=max(200, EXAMPLES))
@given(st.dictionaries(st.sampled_from(LD_KEYS), json_values, min_size=1, max_size=6))
def test_any_json_ld_values_never_raise(node: dict[str, object]) -> None:
    """JSON-LD of any shape: a publisher's "@id" given as a list raised TypeError."""
    declared = {"@context": "https://schema.org", "@type": "NewsArticle", "@id": "#a", **node}
    script = json.dumps([declared, {"@id": "#p", "@type": "Organization", "name": "P"}])
    html = (
        f'<html><head><script type="application/ld+json">{script}</script></head><body>'
        "<article><h1>Title</h1><p>" + "The council voted the budget. " * 20 + "</p></article>"
        "</body></html>"
    )
    scraper.extract(html, "https://www.example.org/2024/05/a-b/")
    extract_page(html, "https://www.example.org/2024/05/a-b/")
