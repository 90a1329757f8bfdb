"""How does extraction hold on pages it has never seen? Real dev pages, altered the way other
themes and sites differ, then scored against the same truth.

    python bench/robustness.py                 # every probe
    python bench/robustness.py --only metas    # or cards, coauthors, language, names, themes,
                                               # translated, plugins, platforms

- metas: cms-dev, fundus and trafilatura-dev with their JSON-LD, their meta tags, or both (and
  microdata) removed, as a site without an SEO plugin serves them: title, authors, date, body;
  trafilatura's date on the same pages beside ours.
- cards: Ghost's Koenig cards (as its renderer writes them) and WordPress blocks set after the
  second paragraph of each cms-dev post: how often each one's text reaches the body, against
  whether it should (callouts, toggles, alternative quotes, details and media-text blocks are
  prose; calls to action and product cards are not).
- coauthors: a second author link written beside the shown one on each single-author cms-dev
  page: how often both names come out, in order.
- language: the stored language against cms-dev's and fundus' truth (themes declare "en").
- names: aeb-dev and trafilatura-dev with every class and id word made opaque (a theme whose
  names no vocabulary lists), then only the words naming the story's container: body
  scores, ours beside trafilatura's.
- themes: one post as WordPress and Ghost theme pages render it (tests/fixtures/themes),
  as served and stripped of structured data: title, authors, date, body, trafilatura beside.
- translated: the same theme pages with the themes' strings and dates in French, German,
  Spanish, Italian, Dutch and Portuguese (tests/translated_pages.py), as served and stripped;
  every plugin on every sixth of them, its strings translated too; and the writers named in
  Korean, Japanese, Chinese and Arabic.
- plugins: popular plugins' output (tests/fixtures/plugins) set into every theme page where
  the plugin prints it, and the post laid out by page builders (tests/fixtures/builders): on
  how many pages title, authors, date and body stay right.
- platforms: the post (or a forum thread) as other platforms render it (tests/fixtures/
  platforms): what we and trafilatura get wrong of each page.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = ROOT.parent / "shared" / "tools"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(TOOLS))

import eval_meta  # noqa: E402
from extract_bench import run  # noqa: E402

import scraper  # noqa: E402
from scraper.extract.page import meta_prediction  # noqa: E402
from scraper.extract.vocabulary import CLASS_POSITIVE  # noqa: E402

Pages = Iterator[tuple[str, dict, bytes]]


# Where each corpus keeps its truth and its pages.
LAYOUT = {
    "cms-dev": ("expected.json", "."),
    "fundus": ("expected.json", "."),
    "trafilatura-dev": ("meta/expected.json", "html"),
}


def pages(name: str) -> Pages:
    """(case id, truth, page bytes) of a corpus with an expected.json."""
    truth_file, folder = (CORPUS / name / part for part in LAYOUT[name])
    for case_id, truth in json.loads(truth_file.read_text("utf-8")).items():
        yield case_id, truth, gzip.decompress((folder / f"{case_id}.html.gz").read_bytes())


_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def without(html: bytes, kinds: tuple[str, ...]) -> bytes:
    """The page without its JSON-LD ("ld"), its named meta tags ("meta"), its microdata and
    RDFa attributes ("micro")."""
    tree = lxml.html.document_fromstring(html, parser=_UTF8)
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        json_ld = el.tag == "script" and "ld+json" in (el.get("type") or "")
        named_meta = el.tag == "meta" and bool(el.get("property") or el.get("name"))
        if ("ld" in kinds and json_ld) or ("meta" in kinds and named_meta):
            el.getparent().remove(el)
        elif "micro" in kinds:
            for attribute in ("itemprop", "itemtype", "itemscope", "property", "typeof"):
                el.attrib.pop(attribute, None)
    return lxml.html.tostring(tree, encoding="unicode").encode("utf-8")


def probe_metas() -> None:
    for name in LAYOUT:
        for kinds in ((), ("ld",), ("meta",), ("ld", "meta", "micro")):
            ours, theirs = {}, {}
            for case_id, truth, html in pages(name):
                page = without(html, kinds) if kinds else html
                ours[case_id] = eval_meta.score_case(truth, meta_prediction(page, truth["url"]))
                date = {"publishing_date": truth.get("publishing_date")}
                theirs[case_id] = eval_meta.score_case(date, _trafilatura_date(page, truth["url"]))
            figures = eval_meta.aggregate(ours)
            shown = _fields(figures)
            if "date_day" in figures:
                shown += (
                    f" (trafilatura date {eval_meta.aggregate(theirs)['date_day'][0] * 100:.1f})"
                )
            print(f"{name:15} without {'+'.join(kinds) or 'nothing':14} {shown}")


def _fields(figures: dict) -> str:
    """eval_meta's aggregate figures for title, authors, date and body, those scored."""
    return ", ".join(
        f"{field} {figures[field][0] * 100:.1f}"
        for field in ("title_em", "authors_set", "date_day", "body_f1")
        if field in figures
    )


def _trafilatura_date(html: bytes, url: str) -> dict:
    """trafilatura's date for the same page, in eval_meta's shape."""
    import trafilatura

    found = trafilatura.extract_metadata(html.decode("utf-8", "replace"), default_url=url)
    return {"publishing_date": found.date if found else None}


P = "<p>{0}: the council met on Thursday and agreed the plan after a long debate on costs.</p>"
# (markup, text that shows it, whether it is the story's text)
INSERTS: dict[str, tuple[str, str, bool]] = {
    "ghost callout": (
        '<div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">'
        '💡</div><div class="kg-callout-text">Probe note: the figures were revised.</div></div>',
        "Probe note",
        True,
    ),
    "ghost toggle": (
        '<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-'
        'heading"><h4 class="kg-toggle-heading-text"><span>Why?</span></h4></div><div class="kg-'
        'toggle-content"><p><span>Probe answer: because the committee decided.</span></p></div>'
        "</div>",
        "Probe answer",
        True,
    ),
    "ghost cta": (
        '<div class="kg-card kg-cta-card kg-cta-bg-grey kg-cta-minimal"><div class="kg-cta-'
        'content"><div class="kg-cta-text"><p><span>Probe sponsor: try our service for thirty '
        'days.</span></p></div><a href="https://x.example/" class="kg-cta-button">Learn more</a>'
        "</div></div>",
        "Probe sponsor",
        False,
    ),
    "ghost product": (
        '<div class="kg-card kg-product-card"><div class="kg-product-card-container"><h4 class='
        '"kg-product-card-title">Probe Widget</h4><div class="kg-product-card-description"><p>'
        "Probe widget that everyone wants this year.</p></div><a href='https://x.example/buy' "
        "class='kg-product-card-button'><span>Buy now</span></a></div></div>",
        "Probe widget that",
        False,
    ),
    "wp latest posts": (
        '<ul class="wp-block-latest-posts__list wp-block-latest-posts">'
        + "".join(
            f"<li><a class='wp-block-latest-posts__post-title' href='/o-{n}/'>Probe other story"
            f" {n} about the town</a></li>"
            for n in range(3)
        )
        + "</ul>",
        "Probe other story",
        False,
    ),
    "ghost alt quote": (
        '<blockquote class="kg-blockquote-alt">Probe quote: the ferry is how this side of the'
        " river gets to the rest of the world.</blockquote>",
        "Probe quote",
        True,
    ),
    "wp details": (
        '<details class="wp-block-details"><summary>Probe question?</summary>'
        + P.format("Probe details")
        + "</details>",
        "Probe details",
        True,
    ),
    "wp media text": (
        '<div class="wp-block-media-text is-stacked-on-mobile"><figure class="wp-block-media-'
        'text__media"><img src="https://x.example/m.jpg" alt=""/></figure><div class="wp-block-'
        'media-text__content">' + P.format("Probe media text") + "</div></div>",
        "Probe media text",
        True,
    ),
    "wp columns": (
        '<div class="wp-block-columns"><div class="wp-block-column">'
        + P.format("Probe column")
        + "</div></div>",
        "Probe column",
        True,
    ),
    "wp group": (
        '<div class="wp-block-group has-background"><div class="wp-block-group__inner-container">'
        + P.format("Probe box")
        + "</div></div>",
        "Probe box",
        True,
    ),
}
# The post's container, named in a class attribute (a theme's inline CSS names it too).
_CONTAINER = re.compile(r"""class=["'][^"']*\b(?:gh-content|entry-content|post-content)\b""")


def in_the_post(html: str, markup: str) -> str | None:
    """The page with `markup` after the second paragraph of its post's container, if found."""
    found = list(_CONTAINER.finditer(html))
    start = found[-1].start() if found else -1
    ends = [m.end() for m in re.finditer("</p>", html) if m.start() > start]
    return html[: ends[1]] + markup + html[ends[1] :] if start >= 0 and len(ends) > 2 else None


def probe_cards() -> None:
    right: dict[str, list[bool]] = {name: [] for name in INSERTS}
    for case_id, truth, html in pages("cms-dev"):
        for name, (markup, shown, story) in INSERTS.items():
            if name.startswith("ghost") != case_id.startswith("gh_"):
                continue
            page = in_the_post(html.decode("utf-8", "replace"), markup)
            if page is not None:
                body = scraper.extract(page, truth["url"]).body
                right[name].append((shown in body) is story)
    for name, found in right.items():
        kept = "kept" if INSERTS[name][2] else "left out"
        print(f"{name:16} {kept} as it should be on {sum(found)}/{len(found)} posts")


_AUTHOR_LINK = r'<a [^>]*href="[^"]*/author/[^"]*"[^>]*>\s*{}\s*</a>'


def probe_coauthors() -> None:
    both = tried = 0
    for _, truth, html in pages("cms-dev"):
        names = truth.get("authors") or []
        page = html.decode("utf-8", "replace")
        shown = (
            re.search(_AUTHOR_LINK.format(re.escape(names[0])), page) if len(names) == 1 else None
        )
        if shown is None:
            continue
        tried += 1
        twin = re.sub(r'(href="[^"]*/author/)[^"/]*', r"\1zed-coauthor", shown.group(0))
        twin = twin.replace(names[0], "Zed Coauthor")
        page = page[: shown.end()] + ", " + twin + page[shown.end() :]
        both += scraper.extract(page, truth["url"]).authors == [names[0], "Zed Coauthor"]
    print(f"co-author beside the shown author: both names, in order, on {both}/{tried} pages")


def probe_language() -> None:
    for name in ("cms-dev", "fundus"):  # trafilatura-dev's truth gives no language
        right = total = 0
        for _, truth, html in pages(name):
            total += 1
            right += scraper.extract(html, truth["url"]).language == truth.get("language")
        print(f"{name:8} language as the truth has it on {right}/{total} pages")


_NAME_PARTS = re.compile(r"[\W_]+")


def opaque_names(html: bytes, only: frozenset[str] | None = None) -> bytes:
    """The page with each class and id word replaced by an opaque token of its own (the same
    word, the same token): a theme whose names no vocabulary lists. With `only`, just the
    words holding one of those parts ("entry-content" for "content")."""
    tree = lxml.html.document_fromstring(html, parser=_UTF8)
    for el in tree.iter():
        for attribute in ("class", "id") if isinstance(el.tag, str) else ():
            value = el.get(attribute)
            if value is not None:
                el.set(attribute, " ".join(_opaque(w, only) for w in value.split()))
    return lxml.html.tostring(tree, encoding="utf-8")


def _opaque(word: str, only: frozenset[str] | None) -> str:
    parts = {p.lower() for p in _NAME_PARTS.split(word)}
    if only is not None and only.isdisjoint(parts):
        return word
    return "n" + hashlib.sha1(word.encode()).hexdigest()[:6]


def probe_names() -> None:
    """Body scores of aeb-dev and trafilatura-dev with opaque class and id names, ours beside
    trafilatura, each set's own scorer (the text as each is read in extract_bench.py), then
    fundus's and cms-dev's four fields (ours): every name, then only the names our vocabulary
    reads as the story's container ("content", "entry", "article"…: a theme that names it
    otherwise, its boilerplate named as usual)."""
    runs = (
        ("aeb-dev", "eval_body.py", "py:scraper.extract.page:article_body"),
        ("trafilatura-dev", "eval_snippets.py", "py:scraper.extract.page:body_only"),
    )
    for label, only in (("every name", None), ("content names", CLASS_POSITIVE)):
        print(f"### {label} made opaque")
        with tempfile.TemporaryDirectory() as folder:
            for name, scorer, ours in runs:
                copy = Path(folder) / name
                shutil.copytree(CORPUS / name, copy, ignore=shutil.ignore_patterns("*.html.gz"))
                for page in (CORPUS / name / "html").glob("*.html.gz"):
                    html = opaque_names(gzip.decompress(page.read_bytes()), only)
                    (copy / "html" / page.name).write_bytes(gzip.compress(html))
                command = [sys.executable, str(TOOLS / scorer), "--data", str(copy), ours]
                run([*command, "trafilatura"])
        for name in ("fundus", "cms-dev"):
            scores = {
                case_id: eval_meta.score_case(
                    truth, meta_prediction(opaque_names(html, only), truth["url"])
                )
                for case_id, truth, html in pages(name)
            }
            print(f"{name:8} {_fields(eval_meta.aggregate(scores))}")


THEMES = ROOT / "tests" / "fixtures" / "themes"


def probe_themes() -> None:
    """One post as popular WordPress and Ghost themes render it (tests/fixtures/themes), as
    served and with its structured data stripped: which fields come out right, and which
    pages miss one (trafilatura's title and date on the same pages beside ours)."""
    _theme_table({"without nothing": lambda html: html, "without ld+meta+micro": _stripped})


def probe_translated() -> None:
    """The same theme pages as sites in other languages serve them, the themes' strings and
    dates translated (tests/translated_pages.py), as served and stripped."""
    sys.path.insert(0, str(ROOT))
    from tests.plugin_pages import CASES, PLUGINS, differences
    from tests.translated_pages import (
        LANGUAGES,
        PLUGIN_LANGUAGES,
        SCRIPTS,
        renamed,
        renamed_authors,
        translated,
    )

    variants: dict[str, Callable[[bytes], bytes]] = {}
    for lang in LANGUAGES:
        variants[f"in {lang}"] = lambda html, lang=lang: translated(html, lang)
        variants[f"in {lang}, stripped"] = lambda html, lang=lang: _stripped(translated(html, lang))
    _theme_table(variants)
    for script in sorted(SCRIPTS):
        missed = []
        for case in CASES:
            page = renamed(gzip.decompress((THEMES / case["file"]).read_bytes()), script)
            wanted = renamed_authors(case["authors"], script)
            if scraper.extract(page, case["url"]).authors != wanted:
                missed.append(case["file"].removesuffix(".html.gz"))
        print(f"writers named in {script}: right on {len(CASES) - len(missed)}/{len(CASES)} pages")
        for name in missed:
            print(f"    missed: {name}")

    for lang in PLUGIN_LANGUAGES:
        runs = [(p, c) for p in PLUGINS for c in CASES[::6] if c["cms"] == p["cms"]]
        missed = [f"{p['id']} on {c['file']}" for p, c in runs if differences(c, p, lang)]
        print(f"plugins in {lang}: right on {len(runs) - len(missed)}/{len(runs)} plugin pages")
        for line in missed:
            print(f"    missed: {line.removesuffix('.html.gz')}")


def _stripped(html: bytes) -> bytes:
    return without(html, ("ld", "meta", "micro"))


def _theme_table(variants: dict[str, Callable[[bytes], bytes]]) -> None:
    """For each CMS and each way of altering its theme pages, the fields right and the misses."""
    import trafilatura

    cases = json.loads((THEMES / "manifest.json").read_text(encoding="utf-8"))
    for cms in ("wordpress", "ghost"):
        for label, alter in variants.items():
            right: dict[str, int] = {}
            asked: dict[str, int] = {}
            missed = []
            for case in (case for case in cases if case["cms"] == cms):
                page = alter(gzip.decompress((THEMES / case["file"]).read_bytes()))
                article = scraper.extract(page, case["url"])
                theirs = trafilatura.extract_metadata(page.decode("utf-8"), default_url=case["url"])
                day = case["published"]  # None: the page shows its modified day only
                checks = {
                    "title": article.title == case["title"],
                    "authors": article.authors == case["authors"],
                    "date": (article.published or "")[:10] == day if day else None,
                    "body": article.body.startswith(case["body_starts"])
                    and article.body.endswith(case["body_ends"]),
                    "traf title": theirs is not None and theirs.title == case["title"],
                    "traf date": (theirs is not None and theirs.date == day) if day else None,
                }
                for field, ok in checks.items():
                    if ok is not None:
                        right[field] = right.get(field, 0) + ok
                        asked[field] = asked.get(field, 0) + 1
                wrong = [f for f, ok in checks.items() if ok is False and not f.startswith("traf")]
                if wrong:
                    missed.append(f"{case['file'].removesuffix('.html.gz')} ({', '.join(wrong)})")
            shown = ", ".join(f"{field} {n}/{asked[field]}" for field, n in right.items())
            print(f"{cms:9} {label:22} {shown}")
            for line in missed:
                print(f"    missed: {line}")


def probe_plugins() -> None:
    """Each plugin's markup on every theme page of its CMS, and each page builder's layout of
    the post on every WordPress one: the pages where what we extract stays as it should
    (tests/test_extract_plugins.py asserts the same), and the misses."""
    sys.path.insert(0, str(ROOT))
    from tests.plugin_pages import BUILDERS, CASES, PLUGINS, built_differences, differences

    runs = [(plugin, plugin["cms"], differences) for plugin in PLUGINS]
    runs += [(builder, "wordpress", built_differences) for builder in BUILDERS]
    for markup, cms, compare in runs:
        cases = [case for case in CASES if case["cms"] == cms]
        missed = {case["file"]: compare(case, markup) for case in cases}
        missed = {name: fields for name, fields in missed.items() if fields}
        print(f"{markup['id']:28} right on {len(cases) - len(missed)}/{len(cases)} pages")
        for name, fields in missed.items():
            print(f"    missed: {name.removesuffix('.html.gz')} ({', '.join(fields)})")


def probe_platforms() -> None:
    """One post as other platforms render it (tests/fixtures/platforms: static-site
    generators, Drupal, Joomla, Blogger, docs themes, forum threads): what we get wrong of
    each page, and what trafilatura gets wrong (tests/test_extract_platforms.py asserts ours)."""
    from types import SimpleNamespace

    import trafilatura

    sys.path.insert(0, str(ROOT))
    from tests.platform_pages import CASES, page, wrong

    tally = {"ours": [0, 0], "trafilatura": [0, 0]}  # pages right, checks missed
    for case in CASES:
        html = page(case)
        ours = wrong(case, scraper.extract(html, case["url"]))
        document = trafilatura.bare_extraction(
            html.decode("utf-8"), url=case["url"], with_metadata=True
        )
        found = document.as_dict() if document is not None else {}
        theirs = SimpleNamespace(
            title=found.get("title"),
            authors=[a.strip() for a in (found.get("author") or "").split(";") if a.strip()],
            published=found.get("date"),
            body=found.get("text") or "",
        )
        missed = {"ours": len(ours), "trafilatura": len(wrong(case, theirs))}
        for who, count in missed.items():
            tally[who][0] += not count
            tally[who][1] += count
        name = case["file"].removesuffix(".html.gz")
        print(f"{name:24} ours: {missed['ours']} wrong; trafilatura: {missed['trafilatura']} wrong")
        for check, detail in ours:
            print(f"    ours: {check} {detail}")
    print(
        f"{len(CASES)} pages; ours: right on {tally['ours'][0]}, {tally['ours'][1]} checks missed;"
        f" trafilatura: right on {tally['trafilatura'][0]}, {tally['trafilatura'][1]} missed"
    )


PROBES: dict[str, Callable[[], None]] = {
    "metas": probe_metas,
    "cards": probe_cards,
    "coauthors": probe_coauthors,
    "language": probe_language,
    "names": probe_names,
    "themes": probe_themes,
    "translated": probe_translated,
    "plugins": probe_plugins,
    "platforms": probe_platforms,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(PROBES))
    args = parser.parse_args()
    for name in args.only or PROBES:
        print(f"## {name}", flush=True)
        PROBES[name]()


if __name__ == "__main__":
    main()
