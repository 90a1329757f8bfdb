"""Theme pages (tests/fixtures/themes) with a plugin's output set where the plugin prints it
(tests/fixtures/plugins), or with their post laid out by a page builder's modules
(tests/fixtures/builders): the page a real WordPress or Ghost site serves, plugins and all."""

from __future__ import annotations

import gzip
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import lxml.html

from scraper.extract.page import Article, extract
from tests.translated_pages import translated

FIXTURES = Path(__file__).parent / "fixtures"
THEMES = FIXTURES / "themes"
CASES: list[dict[str, Any]] = json.loads((THEMES / "manifest.json").read_text(encoding="utf-8"))
PLUGINS: list[dict[str, Any]] = json.loads(
    (FIXTURES / "plugins" / "plugins.json").read_text(encoding="utf-8")
)
_LAYOUTS: list[dict[str, Any]] = json.loads(
    (FIXTURES / "builders" / "builders.json").read_text(encoding="utf-8")
)
# Each builder, and Elementor's flexbox containers too (the same modules in other wrappers).
BUILDERS = _LAYOUTS + [
    {**layout, **layout["container_variant"], "id": f"{layout['id']}-containers"}
    for layout in _LAYOUTS
    if "container_variant" in layout
]
WRITER, CO_AUTHOR = "Margaret O'Connell", "Tom Hughes"
_BY_FILE = {case["file"]: case for case in CASES}

_TAG = re.compile(r"<[^>]+>")
_OPEN_P = re.compile(r"<p\b[^>]*>")
_CLOSE_P = re.compile(r"</p\s*>")
_HEADING = re.compile(r"<h([1-6])\b.*?</h\1\s*>", re.S)
_H2 = re.compile(r"<h2\b")
_CLOSE_DIV = re.compile(r"</div\s*>")


@cache
def theme_page(name: str) -> str:
    return gzip.decompress((THEMES / name).read_bytes()).decode("utf-8")


def _shown(markup: str) -> str:
    """Markup's text as shown: tags dropped, entities read, white space collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


@cache
def _post_span(name: str) -> tuple[int, int]:
    """Where the post's content starts (its first paragraph's tag) and ends (after the last)
    on a theme page."""
    page, case = theme_page(name), _BY_FILE[name]
    starts = " ".join(case["body_starts"].split())
    ends = " ".join(case["body_ends"].split())
    start = next(
        m.start()
        for m in _OPEN_P.finditer(page)
        if _shown(page[m.end() : m.end() + 600]).startswith(starts)
    )
    end = next(
        m.end()
        for m in _CLOSE_P.finditer(page, start)
        if _shown(page[max(start, m.start() - 600) : m.start()]).endswith(ends)
    )
    return start, end


def _writer(case: dict[str, Any]) -> str:
    """The post's writer as the page names her (in its script on translated pages)."""
    return (case["authors"] or [WRITER])[0]


@cache
def _values(name: str) -> dict[str, str]:
    """What each placeholder of a plugin's markup stands for on a theme page."""
    page, case = theme_page(name), _BY_FILE[name]
    site = re.match(r"https?://[^/]+", case["url"]).group(0)  # type: ignore[union-attr]
    start, _end = _post_span(name)
    heading = next(_H2.finditer(page, start), None)
    heading_text = (
        _shown(page[heading.start() : page.find("</h2", heading.start())]) if heading else ""
    )
    related = {
        1: ("Flood defences for the lower Wenn approved", "2023/02/27/flood-defences-approved"),
        2: ("The boatbuilders of Coldbrook", "2023/01/19/the-boatbuilders-of-coldbrook"),
        3: ("A winter walk along the valley path", "2022/12/08/a-winter-walk"),
    }
    values = {
        "title": case["title"],
        "url": case["url"],
        "url_enc": quote(case["url"], safe=""),
        "title_enc": quote(case["title"], safe=""),
        "site": "Field Notes from the Valley",
        "site_url": site,
        "author": _writer(case),
        "author_url": f"{site}/author/margaret-oconnell/",
        "author_bio": "Margaret writes about the valley's rivers and market towns.",
        "author2": CO_AUTHOR,
        "author2_url": f"{site}/author/tom-hughes/",
        "author2_bio": "Tom Hughes photographs the valley and its people.",
        "avatar": "https://secure.gravatar.com/avatar/3362bf7d2af951fe1c70528f5b0708f8?s=96&d=mm&r=g",
        "post_id": "123",
        "published_shown": "March 14, 2023",
        "published_iso": "2023-03-14T09:30:00+00:00",
        "modified_shown": "April 2, 2023",
        "modified_iso": "2023-04-02T16:05:00+00:00",
        "heading": heading_text,
        "heading_id": re.sub(r"[^a-z0-9]+", "-", heading_text.lower()).strip("-"),
        "category": "Travel",
        "category_url": f"{site}/category/travel/",
        "views": "1,284",
    }
    for n, (title, path) in related.items():
        values |= {
            f"rel{n}_title": title,
            f"rel{n}_url": f"{site}/{path}/",
            f"rel{n}_date_shown": "February 27, 2023",
            f"rel{n}_excerpt": f"{title}: more on the valley and its river crossings.",
            f"rel{n}_img": f"{site}/wp-content/uploads/2023/02/related-{n}.jpg",
        }
    return values


def _fill(markup: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:  # the plugin's own template token (kk Star Ratings' {score})
            return match.group(0)
        text = values[name]
        return text if name.endswith(("_enc", "url")) else html.escape(text)

    return re.sub(r"\{([a-z0-9_]+)\}", value, markup)


def _where(page: str, case: dict[str, Any], where: str) -> int | None:
    """The offset where a plugin prints its markup on this page (None: no such place)."""
    start, end = _post_span(case["file"])
    if where == "content_start":
        return start
    if where == "content_end":
        return end
    if where == "after_first_paragraph":
        return next(_CLOSE_P.finditer(page, start)).end()
    if where == "before_first_heading":
        heading = next(_H2.finditer(page, start), None)
        return heading.start() if heading and heading.start() < end else None
    if where == "after_content_container":
        close = next(_CLOSE_DIV.finditer(page, end), None)
        return close.end() if close else None
    if where == "before_header":  # before the heading that shows the post's title
        titles = [
            m for m in _HEADING.finditer(page, 0, start) if _shown(m.group(0)) == case["title"]
        ]
        return titles[-1].start() if titles else None
    if where == "body_end":
        return page.rfind("</body>")
    raise ValueError(f"unknown place: {where}")


def with_plugin(case: dict[str, Any], plugin: dict[str, Any]) -> str | None:
    """The theme page with the plugin's markup where the plugin prints it (None: nowhere)."""
    page = theme_page(case["file"])
    at = _where(page, case, plugin["where"])
    if at is None or at < 0:
        return None
    return page[:at] + _fill(plugin["html"], _values(case["file"])) + page[at:]


def _in(page: str, lang: str | None) -> str | bytes:
    """The page as served, or with the theme's and plugins' strings in `lang`."""
    return translated(page.encode("utf-8"), lang) if lang else page


@cache
def _served(name: str, lang: str | None = None) -> Article:
    """The theme page as served (in `lang`), without the plugin."""
    return extract(_in(theme_page(name), lang), _BY_FILE[name]["url"])


def _wanted_authors(case: dict[str, Any], plugin: dict[str, Any], served: Article) -> list[str]:
    """The theme's byline; where the plugin names the writers, the first (the theme's, else
    the post's) and the co-author its box adds."""
    if not plugin.get("names_writers"):
        return served.authors
    first = served.authors[:1] or [_writer(case)]
    return [*first, CO_AUTHOR] if "{author2}" in plugin["html"] else served.authors or first


def differences(case: dict[str, Any], plugin: dict[str, Any], lang: str | None = None) -> list[str]:
    """The fields whose extraction the plugin's markup changes from what it should be (on a
    site in `lang`: the theme's and the plugin's strings translated)."""
    page = with_plugin(case, plugin)
    if page is None:
        return ["no place for the plugin's markup"]
    served = _served(case["file"], lang)
    article = extract(_in(page, lang), case["url"])
    return _changed(article, served, _wanted_authors(case, plugin, served))


def built_differences(case: dict[str, Any], builder: dict[str, Any]) -> list[str]:
    """The fields whose extraction differs once the builder lays the post out."""
    served = _served(case["file"])
    return _changed(extract(with_builder(case, builder), case["url"]), served, served.authors)


def _changed(article: Article, served: Article, authors: list[str]) -> list[str]:
    """The fields of `article` that differ from the theme page as served (authors wanted)."""
    wanted = {
        "title": served.title,
        "authors": authors,
        "published": served.published,
        "body": served.body,
    }
    return [field for field, value in wanted.items() if getattr(article, field) != value]


def with_builder(case: dict[str, Any], builder: dict[str, Any]) -> str:
    """The theme page with its post laid out as a page builder saves it: a section (row and
    column) from each heading on, the paragraphs of each stretch in one text module, headings,
    quotes and pictures in modules of their own, and a button module closing the post."""
    page = theme_page(case["file"])
    start, end = _post_span(case["file"])
    sections: list[list[str]] = [[]]
    texts: list[str] = []
    numbers = iter(range(1, 10_000))

    def module(kind: str, fallback: str, **values: str) -> None:
        template = builder["widgets"].get(kind)
        sections[-1].append(_numbered(template, numbers, **values) if template else fallback)

    def flush() -> None:
        if texts:
            module("text", "\n".join(texts), content="\n".join(texts))
            texts.clear()

    for block in lxml.html.fragments_fromstring(page[start:end]):
        if not isinstance(block, lxml.html.HtmlElement):
            continue
        markup = lxml.html.tostring(block, encoding="unicode", with_tail=False)
        inner = (block.text or "") + "".join(
            lxml.html.tostring(child, encoding="unicode") for child in block
        )
        image = block.find(".//img")
        if block.tag in ("h2", "h3", "h4"):
            flush()
            if sections[-1]:
                sections.append([])
            module("heading", markup, text=inner)
        elif block.tag == "blockquote":
            flush()
            module("quote", markup, content=inner)
        elif block.tag == "figure" and image is not None:
            flush()
            module("image", markup, src=image.get("src", ""), alt=image.get("alt", ""))
        else:
            texts.append(markup)
    flush()
    module("button", "", href=case["url"] + "#timetable", label="Download the timetable")
    laid_out = "".join(
        _numbered(builder["section"]["open"], numbers, row=str(row))
        + _numbered(builder["column"]["open"], numbers, row=str(row), cell="0")
        + "\n".join(modules)
        + builder["column"]["close"]
        + builder["section"]["close"]
        for row, modules in enumerate(sections)
    )
    wrapper = builder.get("page_wrapper") or {"open": "", "close": ""}
    laid_out = _numbered(wrapper["open"], numbers) + laid_out + wrapper["close"]
    return page[:start] + laid_out + page[end:]


def _numbered(template: str, numbers: Any, **values: str) -> str:
    """A builder's template with its placeholders filled: an element's ids (the same id for
    each of its mentions) and counters drawn from `numbers`, the post's id 123."""
    drawn = {"post_id": "123", **values}

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in drawn:
            number = next(numbers)
            hexadecimal = name.startswith(("id", "uid"))
            drawn[name] = f"{number * 7919 % 16**7:07x}" if hexadecimal else str(number)
        return drawn[name]

    return re.sub(r"\{([a-z0-9_]+)\}", value, template)
