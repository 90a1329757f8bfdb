"""The headline: the profile's title element, else a vote between the heading the page
shows and its declared titles (JSON-LD headline, og:title, <title>) without the site's name."""

from __future__ import annotations

import itertools
import re
from html import unescape

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.field_selectors import selectors
from scraper.extract.generic import in_other_stories
from scraper.extract.selectors import select_first
from scraper.extract.structured import Structured
from scraper.extract.text import (
    HEADING_TAGS,
    MAX_HEADLINE,
    fold,
    folded_words,
    heading_kicker,
    heading_text,
    normalize_space,
    opens_heading,
)
from scraper.profiles import Era

# Votes of JSON-LD headline, h1, og:title and <title> (see `title`).
_TITLE_WEIGHTS = (1.2, 1.0, 1.0, 0.5)
_UNRELATED_HEADING = 0.9  # the shown heading's vote when it shares no word with the declared
_MAX_H2 = 20  # h2s looked at for a headline shown outside any h1
_RESEMBLES = 0.5  # share of the shorter text's words a heading holding the title shares
_BREADCRUMB = re.compile(r"bread", re.IGNORECASE)
# The marks that part a title from the site's name when spaced ("Title | Site", "Title « Blog");
# the hyphen last, as a character class wants it.
_SPACED_MARKS = "|–—:·•»«›/-"
# Spaced separators; bars need no spaces ("見出し｜新聞", "제목ㅣ신문": U+3163, a Hangul vowel,
# stands for a bar in Korean titles and never appears alone in words).
_TITLE_SEPARATORS = re.compile(rf"\s+(?:[{_SPACED_MARKS}]|--)\s+|\s*(?:::|[|｜ㅣ])\s*|\s+-\s*$")


def strip_site_name(title: str, names: list[str]) -> str:
    """Drop an SEO suffix or prefix naming the site ("Titre | Site", "Site - Titre",
    "Titre | Site | by Author")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    folded = {fold(n) for n in names}
    if fold(title) in folded:
        return title  # the site's name alone: nothing to strip it from

    def is_site(part: str, loose: bool = True) -> bool:
        f = fold(part)
        return _names_site(part, names) or (
            loose and bool(f) and any(f in n or n in f for n in folded if len(n) > 3)
        )

    if is_site(parts[-1]):
        # The site's name may itself hold a separator ("AOC media - Analyse Opinion Critique").
        # A rating or ornament between the parts ("» ☆☆☆☆☆ -") goes with them.
        while len(parts) > 1 and (is_site(parts[-1]) or not fold(parts[-1])):
            rest = _cut(title, parts.pop(), end=True)
            if not fold(rest):
                break
            title = rest
        return title
    if is_site(parts[0]):
        return _cut(title, parts[0], end=False)
    middle = next((p for p in parts[1:-1] if is_site(p, loose=False)), None)
    if middle is not None:
        return _cut(title, middle, end=True)
    return title


def _names_site(text: str, names: list[str]) -> bool:
    """Whether a text is one of the site's names, or its host's name ("Medef" for medef.com)."""
    folded = fold(text)
    return bool(folded) and any(
        folded in (fold(n), fold(n.split(".")[0]) if "." in n else None) for n in names
    )


def ends_title(name: str, html_title: str | None) -> bool:
    """Whether `name` is the last part of the page's <title>, after the page's own ("Topic -
    Board name"): where a site's banner shows it, the site's name."""
    parts = _TITLE_SEPARATORS.split(html_title or "")
    return len(parts) > 1 and fold(parts[-1]) == fold(name) != fold(parts[0])


_SEPARATOR_CHARS = rf"[\s｜ㅣ{_SPACED_MARKS}]+"
_TRAILING = re.compile(_SEPARATOR_CHARS + "$")
_LEADING = re.compile("^" + _SEPARATOR_CHARS)
# Quote marks that are separators too: French ("« … »", spaced inside) and German ("»…«").
_QUOTES = (("«", "»"), ("»", "«"))


def _cut(title: str, part: str, *, end: bool) -> str:
    """The title without `part` (the site's name) and the separator between them; a quote
    mark that closes (or opens) one the title holds stays ("« Nous sommes en guerre » | X")."""
    if end:
        head = title[: title.rfind(part)]
        kept = _TRAILING.sub("", head)
        for opening, closing in _QUOTES:
            if kept.count(opening) > kept.count(closing) and closing in head[len(kept) :]:
                kept = head[: head.index(closing, len(kept)) + 1]
        return kept.strip() or title
    tail = title[title.find(part) + len(part) :]
    kept = _LEADING.sub("", tail)
    for opening, closing in _QUOTES:
        start = len(tail) - len(kept)
        if kept.count(closing) > kept.count(opening) and opening in tail[:start]:
            kept = tail[tail.rindex(opening, 0, start) :]
    return kept.strip() or title


def _similarity(a: str, b: str) -> tuple[float, int]:
    """The share of the shorter text's words the other holds, then how many words they share
    (the heading naming more of the title wins a tie); a slug's underscores split words."""
    ta, tb = set(folded_words(a.replace("_", " "))), set(folded_words(b.replace("_", " ")))
    if not ta or not tb:
        return 0.0, 0
    shared = len(ta & tb)
    return shared / min(len(ta), len(tb)), shared


def _shares_a_word(heading: str, declared: str) -> bool:
    """Whether a heading and the declared title share a word, alone or in a compound
    ("Geschichte" in "Chorgeschichte"); short words ("and") count only in a short title."""

    def within(a: str, b: str) -> bool:
        words = folded_words(a)
        folded = fold(b)
        return any(w in folded for w in [w for w in words if len(w) > 3] or words)

    return within(declared, heading) or within(heading, declared)


def title(tree: HtmlElement, era: Era | None, data: Structured, names: list[str]) -> str | None:
    """The headline: the profile's title element, else a vote between the shown headline
    and the declared titles.

    Without a profile the shown headline (see `shown_headline`) and the declared titles
    (JSON-LD headline, og:title, <title>, each without the site's name) vote; <title>
    counts half, and not at all when it repeats og:title (an SEO plugin writes both: one
    witness); ties go to the JSON-LD headline, then the shown one, unless the shown heading
    shares no word with the declared title (a section's name). Measured on the fundus and
    trafilatura corpora, this beats taking any one source alone.
    """
    shown = next(filter(None, map(heading_text, select_first(tree, selectors(era, "title")))), None)
    if shown:
        return shown
    as_declared = [
        strip_site_name(normalize_space(unescape(t)), names) if t else None
        for t in (data.headline, data.og_title, data.html_title)
    ]
    # A declared title that is the site's name alone ("MEDEF" on medef.com) names no story,
    # unless nothing else does (a home page; MSN declares its headline as application-name).
    declared = [None if t and _names_site(t, names) else t for t in as_declared]
    reference = next((t for t in declared if t), None)
    heading = shown_headline(tree, reference, names)
    on_page = _kicker_joined_as_declared(heading, declared) if heading is not None else None
    if on_page:
        on_page = strip_site_name(on_page, names)
    if on_page is None and not any(declared):
        declared = as_declared
    headline, og_title, html_title = declared
    if html_title == og_title:  # both space-normalised above: one SEO title written twice
        html_title = None
    sources = (headline, on_page, og_title, html_title)
    weights = list(_TITLE_WEIGHTS)
    # A shown heading sharing no word with the declared title (a section's name) loses ties.
    if on_page and reference and not _shares_a_word(on_page, reference):
        weights[1] = _UNRELATED_HEADING
    weighted = [(c, w) for c, w in zip(sources, weights, strict=True) if c]
    if not weighted:
        return None
    keys = [normalize_space(c) for c, _ in weighted]
    votes: dict[str, float] = {}
    for key, (_, weight) in zip(keys, weighted, strict=True):
        votes[key] = votes.get(key, 0.0) + weight
    best = max(range(len(keys)), key=lambda i: (votes[keys[i]], -i))
    # Of spellings equal but for typography, the shown one (’, –, no-break spaces) is returned.
    winner = weighted[best][0]
    alike = on_page and _typeset_alike(on_page) == _typeset_alike(winner)
    # A declared title that only adds words after the shown one is an SEO variant of it.
    seo = on_page and fold(winner) != fold(on_page) and fold(winner).startswith(fold(on_page))
    return on_page if alike or seo else winner


# Typography that declared titles flatten (’ → ', – → -, … → ..., no-break space → space).
_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "…": "...",
        " ": " ",
        " ": " ",
        " ": " ",
    }
)


def _typeset_alike(text: str) -> str:
    """A title with its typography flattened: the key under which spellings vote together."""
    return normalize_space(normalize_space(text).translate(_TYPOGRAPHY))


_SCHEMA_HEADLINES = etree.XPath("/descendant::*[@itemprop='headline'][not(self::meta or self::a)]")


def shown_headline(
    tree: HtmlElement, reference: str | None, names: list[str]
) -> HtmlElement | None:
    """The heading showing the headline: of the h1s and visible schema.org headlines outside
    breadcrumbs, the one closest to the declared title. Many sites put an SEO h1 in the
    breadcrumb trail, or a section's name in the h1, and show the real headline in an h2;
    that h2 counts when it resembles the declared title and no h1 shares a word with it."""
    folded_names = {fold(n) for n in names}

    def shown(nodes: list[HtmlElement]) -> list[tuple[str, HtmlElement]]:
        found = ((heading_text(n), n) for n in nodes if not _in_breadcrumb(n))
        # A heading without a word ("..." as a blog's name) shows no headline.
        return [
            (t, n)
            for t, n in found
            if t and len(t) < MAX_HEADLINE and (folded := fold(t)) and folded not in folded_names
        ]

    # Another story's headline (a linked one, in a related-posts list) is not this one's.
    marked = (
        next(n.iterancestors(*HEADING_TAGS), n)
        for n in _SCHEMA_HEADLINES(tree)
        if not in_other_stories(n)
    )
    candidates = shown([*tree.iter("h1"), *marked])
    if reference is None:
        return candidates[0][1] if candidates else None
    best_h1 = max(candidates, key=lambda c: _similarity(c[0], reference), default=None)
    h1_text, h1_node = best_h1 if best_h1 else ("", None)
    weak = h1_node is not None and _similarity(h1_text, reference)[0] < _RESEMBLES
    # An h1 sharing no word with the declared title names a section ("Health Center").
    shares = h1_node is not None and _shares_a_word(h1_text, reference)
    if shares and not weak:
        return h1_node
    h2s = shown(list(itertools.islice(tree.iter("h2"), _MAX_H2)))
    # An h2 showing the declared title word for word beats an h1 that hardly resembles it (a
    # blog's banner: "The Schmooze: Your Jewish Pop Culture Fix").
    wanted = fold(reference)
    exact = next((n for t, n in h2s if fold(t) == wanted), None) if weak else None
    if exact is not None:
        return exact
    if shares:
        return h1_node
    scored = ((_similarity(text, reference), node) for text, node in h2s)
    best = max(scored, key=lambda c: c[0], default=None)
    if best and best[0][0] >= _RESEMBLES:
        return best[1]
    return h1_node


def _kicker_joined_as_declared(heading: HtmlElement, declared: list[str | None]) -> str:
    """A heading's headline; or kicker and headline together when og:title (the title as
    shared) joins them ("Kicker / Headline"), or when another declared title joins them and
    none gives the headline alone: the publisher counts the kicker as part of the title."""
    text = heading_text(heading)
    kicker = heading_kicker(heading)
    if not kicker:
        return _without_undeclared_lead(heading, text, declared)
    joined = fold(kicker + text)
    headline, og_title, html_title = declared
    if og_title and fold(og_title) == joined:
        return og_title
    if text in declared:
        return text
    return next((d for d in (headline, html_title) if d and fold(d) == joined), text)


def _without_undeclared_lead(heading: HtmlElement, text: str, declared: list[str | None]) -> str:
    """The heading's text, without its opening element when every declared title leaves that
    out and gives the rest ("<span>Energiewende Oberland:</span> Klimavorreiter Oberland?"
    declared "Klimavorreiter Oberland?"): a kicker by another name."""
    lead = next((c for c in heading if isinstance(c.tag, str)), None)
    if lead is None or not opens_heading(lead, heading) or not (lead.tail or "").strip():
        return text
    opening = normalize_space(lead.text_content())
    rest = normalize_space(text[len(opening) :]) if text.startswith(opening) else ""
    naming = [d for d in declared if d]
    return rest if rest and naming and all(fold(d) == fold(rest) for d in naming) else text


def _in_breadcrumb(node: HtmlElement) -> bool:
    """Whether an element sits in a breadcrumb trail (by class, id, label, type or a data-
    attribute naming it)."""
    for element in (node, *node.iterancestors()):
        if element.tag == "body":
            return False
        attrib = element.attrib
        marks = (attrib.get(a) for a in ("class", "id", "aria-label", "itemtype"))
        if any(m and _BREADCRUMB.search(m) for m in marks) or any(
            _BREADCRUMB.search(name) for name in attrib
        ):
            return True
    return False
