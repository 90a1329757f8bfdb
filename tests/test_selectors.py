"""CSS selectors on a whole page: the page's index of classes and ids answers a selector that
needs one the page lacks without walking the tree, and never hides a match."""

from __future__ import annotations

import pytest

from scraper.extract.html import parse_html
from scraper.extract.selectors import applicable, select

PAGE = (
    "<html><body><div id='main' class='post entry-content'><p class='lede'>Lede</p>"
    "<p>Text</p></div><aside class='sidebar'><p>Other</p></aside></body></html>"
)


@pytest.mark.parametrize(
    ("selector", "texts"),
    [
        ("#main p", ["Lede", "Text"]),
        ("#missing p", []),
        (".entry-content .lede", ["Lede"]),
        (".missing, #main .lede", ["Lede"]),
        ('[class*="side"] p', ["Other"]),
        ('[class*="absent"] p', []),
        ("div#main.post > p:not(.lede)", ["Text"]),
    ],
)
def test_select_on_a_whole_page(selector: str, texts: list[str]) -> None:
    tree = parse_html(PAGE)
    assert [p.text for p in select(tree, selector)] == texts


def test_applicable_keeps_the_selectors_a_page_can_match() -> None:
    tree = parse_html(PAGE)
    selectors = ("#main", "#absent", ".sidebar", ".absent", "p")
    assert applicable(tree, selectors) == ("#main", ".sidebar", "p")
