"""Teaser cards on listings and related blocks: hand-made fixtures of both eras and a third theme.

Each tests/fixtures/listings/<name>.html has a <name>.json beside it with the page URL, whether
it is an article page, and every card the page shows (all Teaser fields, in page order).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scraper.extract.html import parse_html
from scraper.extract.page import extract_page
from scraper.extract.selectors import detect_era
from scraper.extract.teasers import cards as teaser_cards
from scraper.extract.teasers import extract_teasers
from scraper.items import Listing, Teaser
from scraper.profiles import get_profile

FIXTURES = Path(__file__).parent / "fixtures" / "listings"
CASES = sorted(p.stem for p in FIXTURES.glob("*.html"))


def _case(name: str) -> tuple[object, dict]:
    tree = parse_html((FIXTURES / f"{name}.html").read_bytes())
    return tree, json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def _extract(name: str, *, generic: bool = False, page_url: str | None = None) -> list[Teaser]:
    tree, expected = _case(name)
    era = None if generic else detect_era(tree, get_profile("courrier"))
    return extract_teasers(
        tree, page_url or expected["page_url"], era, page_is_article=expected["page_is_article"]
    )


def test_every_fixture_has_its_expectations() -> None:
    assert len(CASES) >= 9
    assert all((FIXTURES / f"{name}.json").exists() for name in CASES)


@pytest.mark.parametrize("name", CASES)
def test_era_is_detected_as_expected(name: str) -> None:
    tree, expected = _case(name)
    era = detect_era(tree, get_profile("courrier"))
    assert (era.name if era else None) == expected["era"]


@pytest.mark.parametrize("name", CASES)
def test_every_card_field_matches(name: str) -> None:
    _, expected = _case(name)
    got = [asdict(t) for t in _extract(name)]
    assert [t["url"] for t in got] == [t["url"] for t in expected["teasers"]]
    for card, want in zip(got, expected["teasers"], strict=True):
        assert card == want, f"card {want['kind']} #{want['position']} {want['url']}"


@pytest.mark.parametrize("name", CASES)
def test_generic_detector_alone_finds_the_same_cards(name: str) -> None:
    """Without any profile selector the fallback must still read every card the same way."""
    _, expected = _case(name)
    assert [asdict(t) for t in _extract(name, generic=True)] == expected["teasers"]


@pytest.mark.parametrize("name", CASES)
def test_excerpts_never_repeat_other_fields_or_the_more_link(name: str) -> None:
    for teaser in _extract(name):
        if teaser.excerpt is None:
            continue
        assert teaser.excerpt not in {teaser.title, *teaser.authors}
        assert "Lire la suite" not in teaser.excerpt
        assert not teaser.excerpt.endswith(("min", "min de lecture"))


def test_local_copy_keeps_cards_that_link_to_the_real_host() -> None:
    """On a mirror (127.0.0.1) cards with absolute links to the real www. host are still cards."""
    name = "ghost-home-page-144"
    _, expected = _case(name)
    got = _extract(name, page_url="http://127.0.0.1:8765/page/144/")
    paths = [urlsplit(t.url).path for t in got]
    assert paths == [urlsplit(t["url"]).path for t in expected["teasers"]]
    assert {urlsplit(t.url).netloc for t in got} == {
        "127.0.0.1:8765",
        "www.lecourrierdesstrateges.fr",
    }


def test_machine_dates_never_reach_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("parse_date called although the card has time[datetime]")

    monkeypatch.setattr(teaser_cards, "parse_date", refuse)
    got = _extract("ghost-tag-ukraine-page-55")
    assert [t.published for t in got] == ["2023-02-10", "2023-02-09", "2023-02-08"]


def _page(body: str, url: str = "https://example.org/news/") -> list[Teaser]:
    html = f"<html lang='fr'><head><title>t</title></head><body>{body}</body></html>"
    return extract_teasers(parse_html(html), url, None, page_is_article=False)


def _twice(card: str, **fields: str) -> list[Teaser]:
    """The teasers of a listing showing `card` twice, its `{i}` set to 1, then 2."""
    return _page("<ul>" + "".join(card.format(i=i, **fields) for i in (1, 2)) + "</ul>")


CARD = (
    "<li><a href='{href}'><h3>{title}</h3></a><p>Un résumé de la carte assez long pour compter.</p>"
    "<span class='meta'>{meta}</span></li>"
)


def test_base_href_resolves_relative_card_links_and_tracking_is_stripped() -> None:
    cards = "".join(
        CARD.format(href=f"un-article-{i}/?utm_source=x&fbclid=y", title=f"Titre {i}", meta="")
        for i in (1, 2)
    )
    got = _page(
        f"<base href='https://mirror.example.org/archive/'><ul>{cards}</ul>",
        url="https://mirror.example.org/",
    )
    assert [t.url for t in got] == [
        "https://mirror.example.org/archive/un-article-1/",
        "https://mirror.example.org/archive/un-article-2/",
    ]


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ("7 min", None),
        ("27 nov. 2025 · 7 min", "2025-11-27"),
        ("1er juin 2021", "2021-06-01"),
        ("il y a 3 heures", None),
    ],
)
def test_card_dates_come_from_text_but_never_from_reading_times(
    meta: str, published: str | None
) -> None:
    cards = "".join(
        CARD.format(href=f"/une-carte-{i}/", title=f"Titre {i}", meta=meta) for i in (1, 2)
    )
    got = _page(f"<ul>{cards}</ul>")
    assert [t.published for t in got] == [published, published]


def test_menus_share_links_and_off_site_cards_are_not_teasers() -> None:
    off_site = "".join(
        CARD.format(href=f"https://other.example.com/un-article-{i}/", title=f"T {i}", meta="")
        for i in (1, 2)
    )
    body = (
        "<nav><ul><li><a href='/a-propos-du-site/'>À propos du site</a></li>"
        "<li><a href='/nous-contacter-ici/'>Nous contacter ici</a></li></ul></nav>"
        "<div class='share'><a href='/un-article-1/?share=twitter'>Twitter</a>"
        "<a href='/un-article-1/?share=facebook'>Facebook</a></div>"
        f"<ul>{off_site}</ul>"
    )
    assert _page(body) == []


def test_jetpack_block_related_posts_read_from_their_definition_list() -> None:
    """Jetpack's newer block (nav > ul > li with dt/dd labels): labels are neither text nor authors."""
    site = "https://lecourrierdesstrateges.fr"
    items = "".join(
        f"<li class='jp-related-posts-i2__post'><a class='jp-related-posts-i2__post-link' "
        f"href='{site}/2023/03/1{i}/titre-numero-{i}/'>Titre numéro {i}</a>"
        f"<dl class='jp-related-posts-i2__post-defs'><dt>Article</dt><dd><a href='{site}/2023/03/"
        f"1{i}/titre-numero-{i}/'><img src='t.jpg' alt='Titre numéro {i}'></a></dd><dt>Date</dt>"
        f"<dd class='jp-related-posts-i2__post-date'>1{i} mars 2023</dd><dt>Dans</dt>"
        f"<dd class='jp-related-posts-i2__post-context'>Dans « Une »</dd></dl></li>"
        for i in (1, 2)
    )
    html = (
        "<html lang='fr'><body class='single single-post'><article class='post type-post'>"
        "<h1 class='entry-title'>Un article</h1><div class='entry-content'><p>Texte.</p>"
        "<nav class='jp-relatedposts-i2'><h3>Similaire</h3>"
        f"<ul class='jp-related-posts-i2__list'>{items}</ul></nav></div></article></body></html>"
    )
    tree = parse_html(html)
    era = detect_era(tree, get_profile("courrier"))
    got = extract_teasers(tree, f"{site}/2023/03/27/un-article/", era, page_is_article=True)
    assert [(t.title, t.excerpt, t.authors, t.published, t.position, t.kind) for t in got] == [
        ("Titre numéro 1", None, [], "2023-03-11", 1, "related"),
        ("Titre numéro 2", None, [], "2023-03-12", 2, "related"),
    ]


def test_co_authors_run_together_are_split_by_their_avatars() -> None:
    card = (
        "<article class='gh-card post'><a class='gh-card-link' href='/{slug}/'>"
        "<h3 class='gh-card-title'>Un titre</h3><p class='gh-card-excerpt'>Un extrait assez long.</p>"
        "<footer class='gh-card-meta'><img alt='Thibault de Varenne'><img alt='courrier-strateges'>"
        "<span class='gh-card-author'>Thibault de Varenne courrier-strateges</span></footer>"
        "</a></article>"
    )
    cards = card.format(slug="un-titre-de-test") + card.format(slug="autre-titre-de-test")
    html = (
        "<html><head><meta name='generator' content='Ghost 6.5'></head>"
        f"<body class='home-template'><div class='gh-feed'>{cards}</div></body></html>"
    )
    tree = parse_html(html)
    era = detect_era(tree, get_profile("courrier"))
    got = extract_teasers(
        tree, "https://www.lecourrierdesstrateges.fr/", era, page_is_article=False
    )
    assert [t.authors for t in got] == [["Thibault de Varenne", "courrier-strateges"]] * 2


def test_an_article_linking_once_to_another_article_is_not_its_own_teaser() -> None:
    html = (
        "<html lang='fr'><head><meta name='generator' content='Ghost 6.5'></head>"
        "<body class='post-template'><main><article class='article post'>"
        "<h1 class='article-title'>Un article</h1><section class='gh-content'><p>Voir "
        "<a href='/un-autre-article-du-site/'>un autre article du site</a>.</p></section>"
        "<footer><a href='/author/cds/'>CDS</a></footer></article></main></body></html>"
    )
    tree = parse_html(html)
    era = detect_era(tree, get_profile("courrier"))
    url = "https://www.lecourrierdesstrateges.fr/un-article/"
    assert extract_teasers(tree, url, era, page_is_article=True) == []
    assert extract_teasers(tree, url, None, page_is_article=True) == []


@pytest.mark.parametrize(
    ("alt", "title"),
    [
        ("Macron au Conseil des ministres", "Macron au Conseil des ministres"),
        ("IMG_2041.jpg", None),
        ("macron-conseil-des-ministres", None),
        ("", None),
    ],
)
def test_titleless_cards_take_an_image_alt_only_when_it_reads_as_a_title(
    alt: str, title: str | None
) -> None:
    card = (
        "<div class='card'><a href='/un-article-{i}/'><img src='x.jpg' alt='{alt}'></a>"
        "<div class='card-text'>Un extrait de la carte, coupé au mili</div></div>"
    )
    got = _page("".join(card.format(i=i, alt=alt) for i in (1, 2)))
    assert [(t.title, t.excerpt) for t in got] == [
        (title, "Un extrait de la carte, coupé au mili")
    ] * 2


def test_a_featured_section_may_hold_one_card_but_a_card_part_is_never_a_block() -> None:
    card = (
        "<article class='c-card'><div class='featured-image'><a href='/{slug}/'>"
        "<img src='x.jpg' alt='{title}'></a></div><h3 class='c-card__title'>"
        "<a href='/{slug}/'>{title}</a></h3><p class='c-card__excerpt'>Un extrait assez long.</p>"
        "</article>"
    )
    one = card.format(slug="la-une-du-jour", title="La une du jour")
    feed = "".join(card.format(slug=f"article-numero-{i}", title=f"Article {i}") for i in (1, 2))
    got = _page(
        f"<main><div class='c-feed'><section class='c-featured'>{one}</section>{feed}</div></main>"
    )
    assert [(t.kind, t.position, t.title) for t in got] == [
        ("featured", 1, "La une du jour"),
        ("listing", 1, "Article 1"),
        ("listing", 2, "Article 2"),
    ]


def test_a_date_linked_to_its_day_archive_does_not_split_a_wordpress_card() -> None:
    site = "https://lecourrierdesstrateges.fr"
    card = (
        "<article class='post type-post'><h2 class='entry-title'><a href='{s}/2023/03/1{i}/"
        "titre-{i}/'>Titre {i}</a></h2><div class='entry-meta'><a href='{s}/2023/03/1{i}/'>"
        "<time class='entry-date published' datetime='2023-03-1{i}T10:00:00+01:00'>1{i} mars 2023"
        "</time></a></div><div class='entry-summary'><p>Extrait numéro {i} assez long...</p></div>"
        "</article>"
    )
    html = (
        "<html><head><meta name='generator' content='WordPress 6.2'></head>"
        "<body class='archive category'><main>"
        + "".join(card.format(s=site, i=i) for i in (1, 2))
        + "</main></body></html>"
    )
    tree = parse_html(html)
    era = detect_era(tree, get_profile("courrier"))
    got = extract_teasers(tree, f"{site}/category/une/", era, page_is_article=False)
    assert [(t.url, t.published, t.excerpt) for t in got] == [
        (
            f"{site}/2023/03/1{i}/titre-{i}/",
            f"2023-03-1{i}T10:00:00+01:00",
            f"Extrait numéro {i} assez long...",
        )
        for i in (1, 2)
    ]


def test_the_last_page_of_a_listing_may_hold_a_single_card() -> None:
    body = (
        "<header><nav><a href='/a-propos-du-site/'>À propos du site</a></nav></header>"
        "<main><h1>Odessa</h1><div class='list'><div class='item'>"
        "<a href='/le-dernier-article-de-la-liste/'><h2>Le dernier article</h2></a>"
        "<p>Un extrait de la seule carte de la page.</p></div></div></main>"
    )
    got = _page(body, url="https://example.org/category/odessa/page/9/")
    assert [(t.url, t.title, t.position) for t in got] == [
        ("https://example.org/le-dernier-article-de-la-liste/", "Le dernier article", 1)
    ]


def test_a_feed_whose_first_cards_are_set_apart_by_class_is_numbered_in_page_order() -> None:
    """Casper 5 (Ghost's default theme) classes its home page's first card `post-card-large`
    and the next two `dynamic`: one feed all the same, its positions those of the page."""
    classes = ["post-card-large", "dynamic", "dynamic", "", "", ""]
    cards = "".join(
        f"<article class='post-card post {extra}'><a href='/billet-numero-{i}/'>"
        f"<h2 class='post-card-title'>Billet numéro {i}</h2>"
        f"<div class='post-card-excerpt'>Le résumé du billet numéro {i}.</div></a>"
        f"<footer><time datetime='2024-06-1{i}'>1{i} Jun 2024</time></footer></article>"
        for i, extra in enumerate(classes, start=1)
    )
    body = f"<main><div class='post-feed'>{cards}</div></main>"
    got = _page(body, url="https://example.org/")
    assert [(t.title, t.position) for t in got] == [
        (f"Billet numéro {i}", i) for i in range(1, len(classes) + 1)
    ]


def test_a_single_titleless_card_is_a_teaser_when_it_is_an_article_element() -> None:
    card = (
        "<a href='/le-dernier-article-de-la-liste/'><section class='excerpt'>"
        "<p>La majorité refuse le budget depuis plusieurs mois.</p></section></a>"
        "<footer><span>Thibault de Varenne</span></footer>"
    )
    body = (
        f"<main><h1>Caraïbes</h1><div class='feed'><article class='c'>{card}</article></div></main>"
    )
    got = _page(body, url="https://example.org/category/caraibes/page/2/")
    assert [(t.url, t.title, t.excerpt) for t in got] == [
        (
            "https://example.org/le-dernier-article-de-la-liste/",
            None,
            "La majorité refuse le budget depuis plusieurs mois.",
        )
    ]
    # The same card as a plain <div>: one link and a line of text, nothing says "card".
    plain = body.replace("<article class='c'>", "<div class='c'>").replace("</article>", "</div>")
    assert _page(plain, url="https://example.org/category/caraibes/page/2/") == []


def test_a_menu_in_a_dialog_is_no_block_of_teasers() -> None:
    """Menus opened as modal dialogs (role=dialog, obfuscated classes) list topic pages
    whose URLs look like articles (no "/thema/" in them): none of them is a teaser."""
    items = "".join(
        f"<div class='x{i}'><a class='y' href='/nachrichten/sujet-{i}-1{i}.html'>"
        f"<h3 class='z'>Sujet numéro {i}</h3></a></div>"
        for i in range(4)
    )
    body = f"<div role='dialog' aria-modal='true' class='q'>{items}</div>"
    assert _page(body) == []
    assert len(_page(body.replace("role='dialog' ", ""))) == 4  # the same blocks, shown


def test_a_kicker_and_headline_in_separate_elements_keep_their_space() -> None:
    card = (
        "<li><h3><span class='k'>Risikofaktor Nahost</span><span class='c'>:</span>"
        "<a href='/nachrichten/iran-israel-oelmarkt-{i}.html'>Eskalation verunsichert</a></h3>"
        "<p>Ein Auszug der Karte, lang genug um zu zählen.</p></li>"
    )
    body = f"<main><h1>Nachrichten</h1><ul>{card.format(i=1)}{card.format(i=2)}</ul></main>"
    titles = [t.title for t in _page(body)]
    assert titles == ["Risikofaktor Nahost: Eskalation verunsichert"] * 2


def test_a_card_headline_reads_without_the_furigana_above_it() -> None:
    """NHK News Web Easy glosses its headlines' kanji: the reading is not the title's text."""
    card = (
        "<li><a href='/news/easy/kodomo-wo-mamoru-houritsu-{i}.html'><h3><ruby>子<rt>こ</rt></ruby>どもを"
        "<ruby>守<rt>まも</rt></ruby>る{i}</h3></a><p>あたらしい ほうりつが できました。おや の たいばつ を きんし します。</p></li>"
    )
    body = f"<main><h1>ニュース</h1><ul>{card.format(i=1)}{card.format(i=2)}</ul></main>"
    assert [t.title for t in _page(body)] == ["子どもを守る1", "子どもを守る2"]


def test_a_card_headline_styled_by_a_heading_class_beats_the_image_caption() -> None:
    """Postmedia cards: an image whose alt is a photo caption, the headline in a div.h3."""
    card = (
        "<li><a href='/news/best-friend-from-montreal-{i}'><img src='/p.jpg' alt='Wanda Kagan "
        "at a charity event, years after high school.'><div class='item-text h3'><span>Who "
        "Wanda Kagan is, story {i}</span></div></a></li>"
    )
    body = f"<main><h1>News</h1><ol>{card.format(i=1)}{card.format(i=2)}</ol></main>"
    assert [t.title for t in _page(body)] == [f"Who Wanda Kagan is, story {i}" for i in (1, 2)]


@pytest.mark.parametrize(
    ("href", "teaser"),
    [
        ("/autor/jiri-psenicka-68{i}", False),  # an author's page
        ("/autoren/der-freitag/klimakrise-auf-den-philippinen-{i}", True),  # an article below it
        ("/sport/berlin-marathon-hendel-{i}?print=true", False),  # the print version
        ("/hemeroteca/2024-10-1{i}/", False),  # a day's archive
        ("/news/kamala-harris-best-friend-{i}?page=2", False),  # a listing's page 2
    ],
)
def test_links_that_name_no_article_are_no_teasers(href: str, teaser: bool) -> None:
    card = (
        "<li><a href='"
        + href
        + "'><h3>Un titre de carte {i}</h3></a><p>Un résumé assez long.</p></li>"
    )
    body = f"<main><h1>Rubrique</h1><ul>{card.format(i=1)}{card.format(i=2)}</ul></main>"
    assert len(_page(body)) == (2 if teaser else 0)


def test_a_hidden_heading_or_an_icon_never_titles_a_card() -> None:
    """MDR labels boxes with an h3.hidden ('Neuer Abschnitt'); t-online puts a content-type
    pictogram (an SVG whose alt is 'Text') before the headline."""
    mdr = (
        "<div class='box'><h3 class='conHeadline hidden'>Neuer Abschnitt</h3><div class='teaser'>"
        "<h4><a href='/nachrichten/schlachtung-fleisch-10{i}.html'>Schlachtung in Thüringen {i}</a>"
        "</h4><p>Ein Auszug der Karte.</p></div></div>"
    )
    tonline = (
        "<div><a href='/stars/id_10107260{i}/rob-reiner-anwalt.html'><i><img src='/icons/text.svg'"
        " alt='Text'></i><span>Unerwartete Wende im Fall {i}</span></a></div>"
    )
    for card, title in ((mdr, "Schlachtung in Thüringen"), (tonline, "Unerwartete Wende im Fall")):
        body = f"<main><h1>Nachrichten</h1><section>{card.format(i=1)}{card.format(i=2)}</section></main>"
        assert [t.title for t in _page(body)] == [f"{title} 1", f"{title} 2"]


def test_a_profile_of_ones_own_lends_its_hosts_to_a_local_copy() -> None:
    """A profile given to extraction (not only a bundled one) says which absolute links of a
    local copy are the site's own: its cards are teasers, not outside links."""
    own = dataclasses.replace(
        get_profile("courrier"),
        name="mine",
        base_url="https://news.example.org/",
        hosts=("news.example.org",),
    )
    card = (
        "<article class='gh-card post'><a class='gh-card-link' "
        "href='https://news.example.org/{slug}/'><h3 class='gh-card-title'>Titre {slug}</h3>"
        "</a></article>"
    )
    cards = "".join(card.format(slug=f"un-titre-numero-{i}") for i in range(4))
    html = (
        "<html><head><meta name='generator' content='Ghost 6.5'></head>"
        f"<body class='home-template'><div class='gh-feed'>{cards}</div></body></html>"
    )
    url = "http://127.0.0.1:8000/"
    mine = extract_page(parse_html(html), url, own)
    assert isinstance(mine, Listing)
    assert [t.url for t in mine.teasers] == [
        f"https://news.example.org/un-titre-numero-{i}/" for i in range(4)
    ]
    bare = extract_page(parse_html(html), url, None)  # no profile: links to another site
    assert isinstance(bare, Listing) and bare.teasers == []


@pytest.mark.parametrize(
    "heading", ["Related articles", "Berita Terkait", "関連記事", "Tin liên quan"]
)
def test_a_block_headed_other_stories_in_any_language_holds_related_teasers(heading: str) -> None:
    """A list of links under a heading announcing other stories, its classes saying nothing."""
    links = "".join(
        f"<li><a href='/news/2024/03/other-story-{i}'>Another story number {i} about the town</a></li>"
        for i in (1, 2, 3)
    )
    html = (
        "<html><body><article><h1>Bridge plan agreed</h1>"
        + "<p>The council met and agreed the plan after a long debate on costs.</p>" * 4
        + f"</article><div class='x1'><h3>{heading}</h3><ul>{links}</ul></div></body></html>"
    )
    page = extract_page(html, "https://news.example/news/2024/03/bridge")
    assert page is not None
    assert [(t.kind, t.position) for t in page.teasers] == [("related", i) for i in (1, 2, 3)]


def _generic_listing(cards: str) -> list[Teaser]:
    tree = parse_html(f"<html><body><main><div class='feed'>{cards}</div></main></body></html>")
    return extract_teasers(tree, "https://blog.example.org/", None, page_is_article=False)


def test_co_authors_each_in_a_name_tooltip_are_all_kept() -> None:
    """Casper 2 (Ghost 1–2): each author is a tooltip beside an avatar link with no text."""
    card = (
        "<article class='post-card post'><div class='post-card-content'>"
        "<a class='post-card-content-link' href='/{slug}/'><header class='post-card-header'>"
        "<h2 class='post-card-title'>Un titre</h2></header><section class='post-card-excerpt'>"
        "<p>Un extrait assez long pour en être un.</p></section></a>"
        "<footer class='post-card-meta'><ul class='author-list'>{authors}</ul></footer>"
        "</div></article>"
    )
    author = (
        "<li class='author-list-item'><div class='author-name-tooltip'>{name}</div>"
        "<a href='/author/{login}/' class='static-avatar author-profile-image'>"
        "<svg viewBox='0 0 24 24'><path d='M3 18z'/></svg></a></li>"
    )
    two = author.format(name="Théo Lambert", login="theo") + author.format(
        name="Nadia Benali", login="nadia"
    )
    one = author.format(name="Claire Martin", login="claire")
    got = _generic_listing(
        card.format(slug="premier-titre", authors=two)
        + card.format(slug="second-titre", authors=one)
    )
    assert [t.authors for t in got] == [["Théo Lambert", "Nadia Benali"], ["Claire Martin"]]


def test_a_section_label_set_as_a_heading_is_not_the_card_title() -> None:
    """exxpress.at and deutschland.de: `h2.…__category` ("News") above the card's `h3` title."""
    card = (
        "<div class='col'><a href='/{slug}/' class='article-image-top'>"
        "<h2 class='heading-3 article-image-top__category'>News</h2>"
        "<h3 class='heading-3 article-image-top__title'>{title}</h3></a></div>"
    )
    got = _generic_listing(
        card.format(slug="premiere-histoire", title="Première histoire du jour")
        + card.format(slug="seconde-histoire", title="Seconde histoire du jour")
    )
    assert [t.title for t in got] == ["Première histoire du jour", "Seconde histoire du jour"]


def test_a_commenter_is_not_the_author_of_the_story_commented_on() -> None:
    """WordPress's "Recent Comments" widget: "<commenter> on <story>"; the story's card has no
    known author, the commenter wrote none of it."""
    item = (
        "<li class='recentcomments'><span class='comment-author-link'>"
        "<a href='https://elsewhere.example.com/' rel='external nofollow' class='url'>{who}</a>"
        "</span> on <a href='/2017/12/06/{slug}/comment-page-1/#comment-2077'>{title}</a></li>"
    )
    got = _generic_listing(
        "<ul id='recentcomments'>"
        + item.format(who="Mope Io", slug="the-mystery", title="The Mystery of Early Stopping")
        + item.format(who="Flappy Bird", slug="the-paradox", title="The Substring Paradox")
        + "</ul>"
    )
    assert [(t.title, t.authors) for t in got] == [
        ("The Mystery of Early Stopping", []),
        ("The Substring Paradox", []),
    ]


@pytest.mark.parametrize(
    "byline",
    ["Rainer Schulze und Ralf Euler", "Rainer Schulze, Ralf Euler", "Rainer Schulze | Ralf Euler"],
)
def test_a_card_byline_splits_as_an_article_byline_does(byline: str) -> None:
    """FAZ's cards: "A und B" (the connectives of every language the article byline knows)."""
    card = (
        "<article class='teaser'><a href='/{slug}/'><h3 class='teaser-title'>{title}</h3></a>"
        "<p class='teaser-excerpt'>Ein Auszug, lang genug für einen.</p>"
        "<span class='teaser-author'>{byline}</span></article>"
    )
    got = _generic_listing(
        card.format(slug="erste-geschichte", title="Erste Geschichte", byline=byline)
        + card.format(slug="zweite-geschichte", title="Zweite Geschichte", byline="Anna Berg")
    )
    assert [t.authors for t in got] == [["Rainer Schulze", "Ralf Euler"], ["Anna Berg"]]


@pytest.mark.parametrize(
    ("line", "title", "excerpt"),
    [
        # The Washington Post's and flvw.de's cards: the headline in a plain span of the link.
        ("Efforts to secure hostage deal resume as Rafah invasion looms", "same", None),
        ("Julia Ritter gewinnt mit neuer Bestweite FLVW-Titel im Kugelstoßen", "same", None),
        # An excerpt: a sentence, or cut short.
        ("The talks resumed on Thursday in Cairo, officials said.", None, "same"),
        ("Les négociations ont repris jeudi au Caire, selon…", None, "same"),
    ],
)
def test_a_card_showing_one_short_line_in_its_link_shows_its_headline(
    line: str, title: str | None, excerpt: str | None
) -> None:
    card = (
        "<div class='list-item'><a href='/world/2024/04/25/story-number-{i}/'><div class='wrap'>"
        "<div class='text'><span>{line}</span></div></div>"
        "<figure><div class='skeleton'></div></figure></a></div>"
    )
    got = _twice(card, line=line)
    expected = (line if title else None, line if excerpt else None)
    assert [(t.title, t.excerpt) for t in got] == [expected] * 2


def test_a_headline_and_its_blurb_run_together_are_not_taken_for_a_headline() -> None:
    """Vox Media's "More from" list: two spans in the link; the card is left as it reads."""
    card = (
        "<li><a href='/2019/11/19/story-number-{i}/'><figure><img src='a.jpg' alt=''></figure><span class='body'>"
        "<span>Steelers’ Mike Tomlin admits club’s role</span> "
        "<span class='blurb'>Longtime head coach takes partial responsibility</span></span></a></li>"
    )
    got = _twice(card)
    assert [t.title for t in got] == [None, None]


def test_a_link_to_a_spot_of_this_page_does_not_name_the_card() -> None:
    """Baidu Baike's references: a "jump up" anchor (`href="#ref_1"`, title "向上跳转") before
    the link to the source; "#ref_1" is this page, not the card's article."""
    item = (
        "<li class='reference-item'><span class='index'>{i}.</span>"
        "<a class='gotop anchor' title='向上跳转' href='#ref_[{i}]_243801'>&nbsp;</a>"
        "<a rel='nofollow' href='/reference/4407299/source-number-{i}' class='text'>{title}</a>"
        "<img src='x.png' alt=''></li>"
    )
    titles = ["第十七届台湾金曲奖完全入围名单", "第17届台湾金曲奖昨晚揭晓"]
    got = _page(
        "<ul class='reference-list'>"
        + "".join(item.format(i=i, title=t) for i, t in enumerate(titles, 1))
        + "</ul>",
        url="https://baike.baidu.com/item/x",
    )
    assert [t.title for t in got] == titles


@pytest.mark.parametrize(
    ("link", "alt", "title"),
    [
        # simmentalzeitung.ch: every card's picture is alt="gallery image"; its link names it.
        ("Caffi 66 eröffnet", "gallery image", "Caffi 66 eröffnet"),
        # Le Monde-style quote as a headline: its closing » is no onward arrow.
        ("«Nous sommes en train de nous habituer»", "", "«Nous sommes en train de nous habituer»"),
        # A shop's tile: "Zum Produkt" calls to act; the picture names the product.
        ("Zum Produkt", "Thermodrucker Identjet D4", "Thermodrucker Identjet D4"),
        ("Learn more", "", None),
    ],
)
def test_a_titleless_card_is_named_by_its_link_text_before_its_picture(
    link: str, alt: str, title: str | None
) -> None:
    card = (
        "<div class='tile'><a class='holder' href='/Simmental/story-{i}-g11{i}.html'>"
        "<img src='/Bilder/g{i}t.jpg' alt='{alt}' style='height:60px'>{link}</a>"
        "<p class='blurb'>Ein Auszug aus dem Beitrag, lang genug für einen.</p></div>"
    )
    got = _twice(card, alt=alt, link=link)
    assert [t.title for t in got] == [title, title]


@pytest.mark.parametrize(
    ("block", "cards"),
    [
        ("related-topics", 0),  # The Telegraph's, DW's: tag pages, not stories
        ("related-tags", 0),
        ("related-posts", 2),
    ],
)
def test_a_block_of_related_topics_holds_no_teasers(block: str, cards: int) -> None:
    item = "<li class='item'><a href='/{slug}/'>{name}</a></li>"
    links = [("keir-starmer", "Keir Starmer"), ("labour-party", "Labour Party")]
    html = (
        "<html><body><main><article><h1>Un titre</h1><p>Le texte de l’article.</p></article>"
        f"<div class='{block}'><ul>"
        + "".join(item.format(slug=s, name=n) for s, n in links)
        + "</ul></div></main></body></html>"
    )
    got = extract_teasers(
        parse_html(html),
        "https://www.example.co.uk/politics/2024/09/17/un-titre/",
        None,
        page_is_article=True,
    )
    assert len(got) == cards


def test_a_heading_named_a_title_outranks_a_section_heading_above_it() -> None:
    """zaol.hu: `h2.article-lead` (the section) above `h3.article-title` (the story)."""
    item = (
        "<li><a href='/hirek/{slug}-176153{i}'><span class='article-num'>{i}</span>"
        "<h2 class='article-lead'>Hírek</h2><h3 class='article-title'>{title}</h3></a></li>"
    )
    titles = ["Zalai véradónaptár - Életet menthet, aki vért ad", "Csökken az üzemanyagok ára"]
    got = _page(
        "<ul class='tabs-content'>"
        + "".join(item.format(slug=f"cikk-{i}", i=i, title=t) for i, t in enumerate(titles, 1))
        + "</ul>"
    )
    assert [t.title for t in got] == titles


@pytest.mark.parametrize(
    ("href", "teaser"),
    [
        ("/aktuell/wirtschaft/thema/stiftung-warentest", False),  # FAZ
        ("/news/topics/cnegp3m2989t/justin-bieber", False),  # the BBC: an id, then the slug
        ("/news/categories/research-innovation", False),  # Rutgers
        ("/en/topic/culture/wed-like-to-show-you-deutschlandde", True),  # a story under a topic
    ],
)
def test_a_card_linking_to_a_topic_page_is_no_teaser(href: str, teaser: bool) -> None:
    card = "<li><a href='{href}{i}'><h3>{title} {i}</h3></a><p>{text}</p></li>"
    text = "Ein Auszug der Karte, lang genug um zu zählen."
    cards = "".join(
        card.format(href=href, i=i, title="Stiftung Warentest", text=text) for i in (1, 2)
    )
    got = _page(f"<main><h1>Nachrichten</h1><ul>{cards}</ul></main>")
    assert len(got) == (2 if teaser else 0)


def test_a_card_titled_by_its_picture_has_its_dek_for_excerpt_not_title_and_dek() -> None:
    """Wired's recirculation cards: no heading; the picture's alt is the headline, and the
    content block holds the headline (a div) and the dek."""
    card = (
        "<div class='summary-item'><a href='/gallery/{slug}/'><picture>"
        "<img alt='{title}' src='x.jpg'></picture></a>"
        "<div class='summary-item__content'><a href='/gallery/{slug}/'>"
        "<div class='summary-item__hed'>{title}</div></a>"
        "<div class='summary-item__dek'>{dek}</div></div></div>"
    )
    got = _page(
        card.format(
            slug="best-chargers",
            title="The 18 Best Portable Chargers",
            dek="Keep your phone running.",
        )
        + card.format(
            slug="safest-seat", title="What’s the Safest Seat?", dek="All of them and none of them."
        )
    )
    assert [(t.title, t.excerpt) for t in got] == [
        ("The 18 Best Portable Chargers", "Keep your phone running."),
        ("What’s the Safest Seat?", "All of them and none of them."),
    ]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("<span>HNN Staff</span><span>Published 4h at 9:15 PM</span>", ["HNN Staff"]),
        ("<span>Charlie Schmitz</span><span>Published November 19</span>", ["Charlie Schmitz"]),
        ("<span>8 hours ago</span>", []),  # Engadget's
    ],
)
def test_a_time_in_a_card_byline_is_no_author(byline: str, authors: list[str]) -> None:
    card = (
        "<li><a href='/story/{i}/a-long-story-slug/'><h3>Une histoire numéro {i}</h3></a>"
        "<div class='byline'>{byline}</div></li>"
    )
    got = _twice(card, byline=byline)
    assert [t.authors for t in got] == [authors, authors]


@pytest.mark.parametrize(
    ("line", "excerpt", "authors"),
    [
        ("von Anne Sophie Feil", None, ["Anne Sophie Feil"]),  # ZDF
        ("Von Finn Michalski, Jakob Hartung", None, ["Finn Michalski", "Jakob Hartung"]),
        ("Written by Rachael Link, MS, RD", None, ["Rachael Link"]),  # Healthline
        ("vor 22 Stunden", None, []),  # Gamestar
        ("13 hours ago", None, []),
        ("Von der Leyen fordert mehr Geld für die Verteidigung", "same", []),  # a summary
    ],
)
def test_a_card_line_that_is_a_byline_or_a_time_is_no_excerpt(
    line: str, excerpt: str | None, authors: list[str]
) -> None:
    card = (
        "<li><a href='/politik/geschichte-{i}-100.html'><h3>Eine Geschichte {i}</h3></a>"
        "<p>{line}</p></li>"
    )
    got = _twice(card, line=line)
    assert [(t.excerpt, t.authors) for t in got] == [(line if excerpt else None, authors)] * 2


@pytest.mark.parametrize(
    ("above", "below", "excerpt"),
    [
        ("Bauprojekt in Mönchengladbach", "", None),  # Rheinische Post's kicker
        ("Hinweis auf einen verwandten Artikel:", "", None),  # SRF's label
        ("The Big Interview", "Tech companies can’t get enough of this chip.", "below"),
        ("", "Le gouvernement a présenté mardi son projet.", "below"),
    ],
)
def test_a_short_line_above_a_cards_headline_is_its_kicker_not_its_excerpt(
    above: str, below: str, excerpt: str | None
) -> None:
    card = (
        "<li><a href='/region/bahnhof-{i}_aid-10{i}.html'><span class='a'>{above}</span>"
        "<h3>Das ist der fast neue Bahnhof {i}</h3></a><p>{below}</p></li>"
    )
    got = _twice(card, above=above, below=below)
    assert [t.excerpt for t in got] == [below if excerpt else None] * 2
