"""CSS selectors on a whole page: the page's index of classes, ids and attribute values answers
a selector that needs one the page lacks without walking the tree, and never hides a match."""

from __future__ import annotations

import pytest

from scraper.extract.html import parse_html
from scraper.extract.selectors import applicable, applicable_under, select

PAGE = (
    "<html><body><div id='main' class='post entry-content'><p class='lede'>Lede</p>"
    "<p>Text</p><p itemprop='author'>By <a href='/author/jo/' rel='author'>Jo</a></p></div>"
    "<aside class='sidebar'><p>Other</p></aside></body></html>"
)


@pytest.mark.parametrize(
    ("selector", "texts"),
    [
        ("#main p", ["Lede", "Text", "By "]),
        ("#missing p", []),
        (".entry-content .lede", ["Lede"]),
        (".missing, #main .lede", ["Lede"]),
        ('[class*="side"] p', ["Other"]),
        ('[class*="absent"] p', []),
        ("div#main.post > p:not(.lede)", ["Text", "By "]),
        ('a[href*="/author/"]', ["Jo"]),
        ('a[href*="/autor/"]', []),
        ("[itemprop=author] a", ["Jo"]),
        ('[itemprop="name"]', []),
        ('a[rel~="author"], a[href*="/absent/"]', ["Jo"]),
    ],
)
def test_select_on_a_whole_page(selector: str, texts: list[str]) -> None:
    tree = parse_html(PAGE)
    assert [p.text for p in select(tree, selector)] == texts


def test_applicable_keeps_the_selectors_a_page_can_match() -> None:
    tree = parse_html(PAGE)
    selectors = ("#main", "#absent", ".sidebar", ".absent", "p")
    assert applicable(tree, selectors) == ("#main", ".sidebar", "p")


def test_applicable_under_reads_attribute_values_within_the_node() -> None:
    tree = parse_html(PAGE)
    sidebar = select(tree, ".sidebar")[0]
    selectors = ('a[href*="/author/"]', "[itemprop=author]", "p")
    assert applicable_under(tree, selectors) == selectors
    assert applicable_under(sidebar, selectors) == ("p",)
