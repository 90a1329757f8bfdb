"""The generic path (no profile) on real pages of other publishers: title, authors and date.

The pages come from the shared fundus corpus (../shared/corpus/fundus), read at test time and
never copied here; the tests skip when the corpus is absent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from functools import cache
from pathlib import Path

import lxml.html
import pytest

from scraper.extract.generic import hint
from scraper.extract.html import decode_html
from scraper.extract.language import written_language
from scraper.extract.page import body_only, extract, extract_page
from scraper.extract.structured import read_structured
from scraper.extract.text import first_line, heading_kicker, heading_text, normalize_space
from scraper.extract.vocabulary import is_consent_notice
from scraper.items import Article
from scraper.profiles import generic_profile

FUNDUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fundus"
CASES = [
    "at_DiePresse",  # de
    "au_WestAustralian",  # en
    "es_ElMundo",  # es: a stale ISO-8859-1 label on UTF-8 bytes
    "fr_EuronewsFR",  # fr
    "gl_Sermitsiaq",  # da: teasers with later dates on the page
    "ind_Bhaskar",  # hi
    "it_LaRepubblica",  # it
    "jp_MainichiShimbun",  # ja
    "ls_LesothoTimes",  # en: the outlet as byline, the writers in a paragraph of names
    "tr_AnadoluAjansi",  # tr: story parked in a hidden streaming <div>
]


@cache
def _expected() -> dict[str, dict]:
    path = FUNDUS / "expected.json"
    if not path.exists():
        pytest.skip(f"shared corpus {FUNDUS} is absent")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case_id", CASES)
def test_title_authors_and_day(case_id: str) -> None:
    gold = _expected()[case_id]
    article = extract(gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    assert " ".join(article.title.split()) == " ".join(gold["title"].split())
    assert {a.casefold() for a in article.authors} == {a.casefold() for a in gold["authors"]}
    assert article.published[:10] == gold["publishing_date"][:10]
    assert article.language == gold["language"]
    assert article.word_count > 50


@pytest.mark.parametrize(
    "case_id",
    [
        "de_BSZ",  # h1 in the breadcrumb trail differs from the headline shown in an h2
        "de_BusinessInsiderDE",  # the shown headline is an h2 marked itemprop=headline
        "de_NTV",  # a kicker span beside the span marked as the headline
        "de_Stern",  # class-named kicker ("Meinung") above the headline
        "ch_SRF__V1",  # overline joined by an off-screen dash: shown on its own line
        "de_Bild",  # kicker joined by a visible ": " separator: part of the headline
        "de_RheinischePost",  # kicker apart on the page, but og:title joins it: kept
        "de_StuttgarterZeitung__V1",  # the same, the headline span marked itemprop=headline
        "lu_Tageblatt__V1",  # the same, the kicker running into the headline ("DemoDer")
    ],
)
def test_the_headline_as_shown(case_id: str) -> None:
    gold = _expected()[case_id]
    article = extract(gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    shown = gold["title"].replace("\u00ad", "")  # a soft hyphen is no part of the text
    assert " ".join(article.title.split()) == " ".join(shown.split())


@pytest.mark.parametrize(
    "case_id",
    [
        "at_DiePresse",  # <p class="lead">, as Bootstrap names an intro
        "ca_CBCNews",  # <h2 class="deck">
        "at_SalzburgerNachrichten",  # <p class="vorspann">
        "de_MDR__V1",  # <p class="einleitung">, as the ARD's sites name it (WDR's too)
        "es_LaVanguardia__V1",  # <h2 class="epigraph">: missing from the text before
        "es_MallorcaMagazin",  # <h2 class="post-subtitle">: the same
    ],
)
def test_the_standfirst_by_its_newsroom_name(case_id: str) -> None:
    gold = _expected()[case_id]
    article = extract(gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    assert article.lede is not None
    assert gold["body"].startswith(article.lede)  # fundus's body opens with the standfirst


@pytest.mark.parametrize(
    ("case_id", "left_out"),
    [
        # Tailwind Typography's "not-prose" blocks inside the "prose" body: a newsletter's
        # promo (FUNKE's sites), pictures with their captions (Kleine Zeitung).
        ("de_WAZ", "Alle zwei Wochen sonntags: Antworten auf Beziehungsfragen"),
        ("de_BSZ__V1_1", "Hinter den Kulissen der Politik - meinungsstark, exklusiv"),
        ("at_KleineZeitung", "Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde"),
    ],
)
def test_what_a_name_says_is_not_prose_is_not_the_story(case_id: str, left_out: str) -> None:
    gold = _expected()[case_id]
    article = extract(gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    assert left_out not in article.body
    assert gold["body"].split("\n")[-1].strip() in article.body  # the story's end is kept


@pytest.mark.parametrize(
    "case_id",
    [
        "de_DW__V1",  # no machine date; "Datum 28.04.2023" labelled, related stories dated too
    ],
)
def test_the_day_shown_for_the_story_not_for_related_ones(case_id: str) -> None:
    gold = _expected()[case_id]
    article = extract(gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    assert article.published[:10] == gold["publishing_date"][:10]


@pytest.mark.parametrize(
    ("case_id", "writers"),
    [
        # "<strong>Autorin/Autor</strong> Roman Goncharenko"; meta author = meta publisher.
        ("de_DW__V1", ["Roman Goncharenko"]),
        # "By TPN, in News, Portugal, …" as plain text after the story, no byline markup.
        ("pt_ThePortugalNews", ["TPN"]),
        # "Von: <a>Bill MCCARTHY</a>, <a>Marisha GOLDHAMER</a>" in an information list.
        ("de_AFPFaktencheck", ["Bill MCCARTHY", "Marisha GOLDHAMER"]),
        # "Von Seb Dumitru, Lille": the writer, not the outlet JSON-LD and meta name.
        ("de_NTV__V1_1", ["Seb Dumitru"]),
    ],
)
def test_a_byline_without_byline_markup(case_id: str, writers: list[str]) -> None:
    gold = _expected()[case_id]
    article = extract(gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    assert article.authors == writers


def test_an_article_declared_only_as_a_website_is_still_an_article_on_a_generic_crawl() -> None:
    """og:type "website" on every page of the site (rbb24.de): the URL and the text decide."""
    gold = _expected()["de_RBB24"]
    html = gzip.decompress((FUNDUS / "de_RBB24.html.gz").read_bytes())
    page = extract_page(html, gold["url"], generic_profile(gold["url"]))
    assert isinstance(page, Article)


def test_a_static_page_declared_as_a_website_stays_out_of_the_archive() -> None:
    text = "<p>Our newsroom was founded in 1990 and has reported on the region since.</p>" * 20
    html = (
        '<html><head><meta property="og:type" content="website"></head>'
        f"<body><main><h1>About us</h1>{text}</main></body></html>"
    )
    url = "https://news.example/about/"
    assert extract_page(html, url, generic_profile(url)) is None


@pytest.mark.parametrize(
    ("path", "archived"),
    [("/2024/02/24/council-votes-the-budget/", True), ("/about/", False)],
)
def test_a_news_brief_is_an_article_where_its_url_says_so(path: str, archived: bool) -> None:
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = f"<html><body><main><h1>Council votes the budget</h1>{text}</main></body></html>"
    url = "https://news.example" + path
    assert isinstance(extract_page(html, url, generic_profile(url)), Article) is archived


@pytest.mark.parametrize(
    ("markup", "shown", "kicker"),
    [
        # A kicker ending in a colon is part of the headline, its space given back.
        (
            "<h1><span>Police arrest two:</span>Jewels found</h1>",
            "Police arrest two: Jewels found",
            "",
        ),
        # Markup inside one word or one name is no kicker.
        ("<h1><em>Un</em>believable result</h1>", "Unbelievable result", ""),
        ("<h1><span>i</span>Phone sales fall</h1>", "iPhone sales fall", ""),
        ("<h1>Apple: <span>new i</span>Phone</h1>", "Apple: new iPhone", ""),
        (
            "<h1><span>Nationale Demo</span> Der 9. Juli naht</h1>",
            "Nationale Demo Der 9. Juli naht",
            "",
        ),
        # A part running into the headline's capital is set on a line of its own
        # (tageblatt.lu): no page shows "DemoDer".
        (
            "<h1><span>Nationale Demo</span>Der 9. Juli naht</h1>",
            "Der 9. Juli naht",
            "Nationale Demo",
        ),
        # A part its class calls a kicker, glued to the text after it (bafa.de's date line);
        # with a space between, that text runs on from it.
        (
            "<h1><span class='topline'><span>27.01.2022</span></span>MineralölINFO</h1>",
            "MineralölINFO",
            "27.01.2022",
        ),
        (
            "<h1><span class='kicker'>Mit</span> Abstand vorn</h1>",
            "Mit Abstand vorn",
            "",
        ),
        # A line break is a space between the words it parts, however nested.
        ("<h1>Thank you<br>for signing up!</h1>", "Thank you for signing up!", ""),
        ("<h1><span>Neu im Kino<br>Der Film</span></h1>", "Neu im Kino Der Film", ""),
        # An opening part a line break sets apart from a capital is a line of its own (hss.de);
        # a sentence running on after the break is one headline.
        ("<h1><small>Tunesien</small><br> Große Aufgaben</h1>", "Große Aufgaben", "Tunesien"),
        ("<h1><span>Thank you</span><br>for signing up!</h1>", "Thank you for signing up!", ""),
        # A block holding all the heading is read (latercera.com); a block after the headline
        # is where an unclosed heading swallowed the page.
        ("<h1><div style='color:'>La agenda</div></h1>", "La agenda", ""),
        ("<h1>La agenda<div><p>El texto</p></div></h1>", "La agenda", ""),
        ("<h1><div>La agenda</div><br>con que Interior</h1>", "", ""),
        (f"<h1><div><a href='/'>Inicio</a><p>{'El texto sigue. ' * 30}</p></div></h1>", "", ""),
        # A logo's style sheet inside the site-name h1 (cubadebate.cu) shows nothing.
        (
            "<h1><style>.alogo{display: block;}</style>\n<a class='alogo' href='/'>Cubadebate</a></h1>",
            "Cubadebate",
            "",
        ),
    ],
)
def test_a_kicker_inside_a_heading(markup: str, shown: str, kicker: str) -> None:
    heading = lxml.html.fragment_fromstring(markup)
    assert (heading_text(heading), heading_kicker(heading)) == (shown, kicker)


def _without_declared(html: bytes, *fields: str) -> bytes:
    """The page as a site without structured data for `fields` would serve it: no JSON-LD,
    no metadata naming a field ("date", "author"), no schema.org property or rel for it."""
    tree = lxml.html.fromstring(decode_html(html))
    for node in tree.xpath("//script[contains(@type, 'ld+json')]"):
        node.drop_tree()
    for node in tree.xpath("//meta"):
        if any(f in " ".join(node.attrib.values()).casefold() for f in fields):
            node.drop_tree()
    for node in tree.xpath("//*[@itemprop or @rel]"):
        for attribute in ("itemprop", "rel"):
            if any(node.get(attribute, "").casefold().startswith(f) for f in fields):
                del node.attrib[attribute]
    return lxml.html.tostring(tree, encoding="utf-8")


@pytest.mark.parametrize(
    "case_id",
    [
        "at_DiePresse",  # the date in the byline block of an aside beside the story
        "de_BusinessInsiderDE",  # <time> in the author grid under the headline
        "fr_LeFigaro",  # "Publié le 22/11/2024" in a follow-button wrapper
        "us_TheNation",  # a date span under the story's title block
        "jp_TokyoShimbun",  # "2025年1月13日 20時01分"
        "at_SalzburgerNachrichten",  # "06. 01. 2026, 14:59 Uhr", spaced
    ],
)
def test_without_declared_dates_the_date_shown_with_the_byline(case_id: str) -> None:
    gold = _expected()[case_id]
    page = gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes())
    html = _without_declared(page, "date", "time")
    assert extract(html, gold["url"]).published[:10] == gold["publishing_date"][:10]


@pytest.mark.parametrize(
    "case_id",
    [
        # Genesis: <time> in "entry-meta", in a "content-sidebar-wrap" around the story
        "backenmachtgluecklich.de.zitronenkuchen-52142c",
        # the header's date span, not a later date element below the headline
        "chemietechnik.de.forschungsgruppe_fuer_biotechno-8451af",
        "de.cointelegraph.com-CME-d4cbe7",  # <time datetime> in "post-meta__publish-date"
        "dhz-online.de-bewegung-57936a",  # "Erscheinungsdatum: 07.02.2022"
        "emotion.de.selfcare-250ca1",  # a "field--created" date in an "emo-article panel"
        # a byline line with the date after the names
        "impulse.de.eltern-4b0f88",
        "sciencesetavenir.fr.rumeur-150cfb",  # "Par Nicolas Gutierrez C. le 14.09.2020 à 11h46"
        "tennisnet.com-ueberraschungen-5c17d1",
    ],
)
def test_without_declared_dates_a_web_page_shows_its_date(case_id: str) -> None:
    """Dates in a byline or meta line, or in a block named like a sidebar that wraps the whole
    story (its headline inside), are the story's own."""
    page = TRAFILATURA_PAGES / f"{case_id}.html.gz"
    if not page.exists():
        pytest.skip(f"shared corpus page {page} is absent")
    gold = _trafilatura_meta()[case_id]
    html = _without_declared(gzip.decompress(page.read_bytes()), "date", "time")
    assert extract(html, gold["url"]).published[:10] == gold["publishing_date"]


@cache
def _trafilatura_meta() -> dict[str, dict]:
    return json.loads((TRAFILATURA_PAGES.parent / "meta" / "expected.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "shown",
    [
        '<p class="entry-meta"><time class="entry-time">12/04/2020</time></p>',  # a dateline
        '<time class="published">12/04/2020</time>',  # the header's date element
    ],
)
def test_a_numeric_date_shown_reads_as_the_declared_day(shown: str) -> None:
    """ "12/04/2020" under the headline is 12 April when the page declares 12 April: the shown
    day does not override the declared one by reading month first."""
    declared = '{"@type": "BlogPosting", "datePublished": "2020-04-12T14:45:01+00:00"}'
    html = _story(
        head=f'<script type="application/ld+json">{declared}</script>', under=shown, lang="en-GB"
    )
    assert extract(html).published[:10] == "2020-04-12"


@pytest.mark.parametrize(
    ("lang", "day"), [("en-GB", "2020-04-12"), ("en-AU", "2020-04-12"), ("en-US", "2020-12-04")]
)
def test_a_numeric_date_is_read_in_the_order_of_the_page_locale(lang: str, day: str) -> None:
    """British and most English-writing countries write the day first; the US the month."""
    html = _story(under='<p class="entry-meta"><time>12/04/2020</time></p>', lang=lang)
    assert extract(html).published == day


@pytest.mark.parametrize(
    ("locale", "day"), [("en_GB", "2020-04-12"), ("en_US", "2020-12-04"), ("fr_FR", "2020-12-04")]
)
def test_og_locale_gives_the_region_html_lang_leaves_out(locale: str, day: str) -> None:
    """html lang "en" and og:locale "en_GB" (Hertie School's page): the region is British,
    the date day first; another language's locale says nothing of an English page's."""
    head = f'<meta property="og:locale" content="{locale}">'
    html = _story(head=head, under='<p class="entry-meta"><time>12/04/2020</time></p>', lang="en")
    assert extract(html).published == day


def _story(
    *,
    before: str = "",
    after: str = "",
    under: str = "",
    end: str = "",
    head: str = "",
    lang: str = "",
) -> str:
    """A short story page with no date and no byline: `head` in its <head>, `before` and
    `after` it in the body, `under` its headline, in its header, and `end` closing its text;
    `lang` is the page's language."""
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = f"<html lang='{lang}'>" if lang else "<html>"
    return (
        f"{html}{f'<head>{head}</head>' if head else ''}<body>{before}<main><article><header>"
        f"<h1>Council votes the budget</h1>{under}</header>{text}{end}</article></main>{after}"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "masthead",
    [
        "<div class='topbar'><span class='current-date'>Friday, 27 November 2026</span></div>",
        "<header><time>27.11.2026</time><nav><a href='/'>Home</a></nav></header>",
    ],
)
def test_todays_date_in_the_masthead_is_not_the_storys(masthead: str) -> None:
    html = _story(before=masthead)
    assert extract(html, "https://news.example/council-votes-the-budget").published is None


def test_a_date_only_teasers_show_is_not_the_storys() -> None:
    teasers = (
        '<ul class="related-stories"><li><span class="date">3 March 2021</span>'
        "<a href='/a'>An older story</a></li></ul>"
        "<a href='/b'><div class='card'><time datetime='2020-01-05'>5 Jan 2020</time>"
        "Another story</div></a>"
    )
    html = _story(after=teasers)
    assert extract(html, "https://news.example/council-votes-the-budget").published is None


@pytest.mark.parametrize(
    ("case_id", "writers"),
    [
        ("de_BSZ", ["Dominik Bath", "Theresa Martus"]),  # <address> in the article
        ("it_CorriereDellaSera", ["Viviana Mazza"]),  # "di <span class=writer>…"
        ("uk_BBC", ["Duncan Walker"]),  # data-testid="byline-contributors", hashed classes
        ("no_VerdensGang", ["Per-Erik Ofstad"]),  # a link to /forfatter/per-erik-ofstad
        ("se_Aftonbladet__V1", ["Amanda Hällsten"]),  # an /av/ card: name, then an icon
        ("de_Taz__V1", ["Nicole Opitz"]),  # an author card: name, then the role below
        ("pt_ThePortugalNews", ["TPN"]),  # the footer's <address> is the publisher's
        ("uk_Nature", ["Rachel Brazil"]),  # <meta name="dc.creator" content="Brazil, Rachel">
    ],
)
def test_without_declared_authors_the_byline_shown(case_id: str, writers: list[str]) -> None:
    gold = _expected()[case_id]
    html = _without_declared(
        gzip.decompress((FUNDUS / f"{case_id}.html.gz").read_bytes()), "author"
    )
    assert extract(html, gold["url"]).authors == writers


@pytest.mark.parametrize(
    ("markup", "line"),
    [
        ("<a><h4>Nicole Opitz</h4><h5>Redakteurin</h5></a>", "Nicole Opitz"),
        (
            "<a><div><img></div><p>Amanda Hällsten</p><svg><title>chevron</title></svg></a>",
            "Amanda Hällsten",
        ),
        ("<span>Von <a>A B</a> und <a>C D</a>, Reporter</span>", "Von A B und C D, Reporter"),
        ("<a>Jane <b>Doe</b><br>Editor</a>", "Jane Doe"),
        ("<p>Jo<!-- x --> Do<script>var a</script></p>", "Jo Do"),
    ],
)
def test_first_line(markup: str, line: str) -> None:
    assert first_line(lxml.html.fragment_fromstring(markup)) == line


@pytest.mark.parametrize(
    "link",
    [
        "<nav><a href='/authors/'>Our Authors</a></nav>",
        "<div class='main-menu'><a href='/profile/'>My Profile</a></div>",
        "<ul role='navigation'><li><a href='/author/jane-doe/'>Jane Doe</a></li></ul>",
        "<section class='comments'><a href='/profile/joe-bloggs'>Joe Bloggs</a></section>",
    ],
)
def test_a_page_without_a_byline_takes_no_author_from_menus_or_comments(link: str) -> None:
    html = _story(before=f"<header>{link}</header>")
    assert extract(html, "https://news.example/2024/02/24/council-votes/").authors == []


CMS = FUNDUS.parent / "cms-dev"


@pytest.mark.parametrize(
    "case_id",
    [
        "gh_fdezromero_tips-and-tricks-for-ionic-on-desktop",  # author card: a "Read More" link
        "gh_janbussieck_useeffect-under-the-hood",  # "<a>more posts</a> by Jan Bussieck"
        "gh_datenworks_uma-nova-proposta-de-valor",  # both, in Portuguese theme
        "gh_turkogluc_apache-kafka-producers",  # a personal blog: a heading is no byline
        "wp_blaseball-news_alternates-look-back-in-violence",  # a related card's writer
        "wp_mali-live_semaine-nationale-de-la-reconciliation",  # an account named as the site
    ],
)
def test_real_ghost_and_wordpress_bylines_name_only_the_writers(case_id: str) -> None:
    path = CMS / "expected.json"
    if not path.exists():
        pytest.skip(f"shared corpus {CMS} is absent")
    gold = json.loads(path.read_text(encoding="utf-8"))[case_id]
    html = gzip.decompress((CMS / f"{case_id}.html.gz").read_bytes())
    assert extract(html, gold["url"]).authors == gold["authors"]


@pytest.mark.parametrize(
    "case_id",
    [
        "wp_sametmax_comment-bien-manger-en-5-etapes",  # <h1><a href="../">Sam &amp; Max</a>
        "wp_coindujeu_linq",  # <h1 class="site-title"><a href="/" rel="home">…</a>
    ],
)
def test_without_declared_metadata_the_h1_linking_home_names_the_site(case_id: str) -> None:
    """A WordPress theme without an SEO plugin: no og: tags, no JSON-LD, and the site title
    printed as an h1 (a link home) above the post's own h1, whose header holds the date."""
    path = CMS / "expected.json"
    if not path.exists():
        pytest.skip(f"shared corpus {CMS} is absent")
    gold = json.loads(path.read_text(encoding="utf-8"))[case_id]
    page = gzip.decompress((CMS / f"{case_id}.html.gz").read_bytes())
    article = extract(_without_declared(page, "og:", "twitter:", "author"), gold["url"])
    shown = (article.title, article.authors, (article.published or "")[:10])
    assert shown == (gold["title"], gold["authors"], gold["publishing_date"][:10])


@pytest.mark.parametrize(
    ("shown", "declared"),
    [
        ("Island Farmer’s Market", "Island Farmer's Market"),  # typography flattened
        ("Paris – Berlin\u00a0: l’accord", "Paris - Berlin : l'accord"),
        ("Linq", "Linq jeu de société"),  # an SEO variant adding words
    ],
)
def test_the_visible_headline_keeps_its_form(shown: str, declared: str) -> None:
    html = (
        _story()
        .replace("<h1>Council votes the budget</h1>", f"<h1>{shown}</h1>")
        .replace(
            "<html>",
            f"<html><head><meta property='og:title' content=\"{declared} - Site\">"
            f"<title>{declared} - Site</title><meta property='og:site_name' content='Site'></head>",
        )
    )
    assert extract(html, "https://news.example/council-votes-the-budget").title == shown


_POSTS = "".join(
    f"<p>Post {i}: the new update broke the app store on mobile data, and resetting the "
    "network settings did not help at all, so I am asking here.</p>"
    for i in range(16)
)


@pytest.mark.parametrize(
    "page",
    [
        # A forum whose posts are named like a comment thread, in an ASP.NET page-wide form.
        f"<body><form id='HtmlForm1'><nav><a href='/'>Forum</a></nav>"
        f"<div class='MtnComment'><div class='MtnCommentText'>{_POSTS}</div></div></form></body>",
        # Blogger: the posts are a "widget".
        f"<body><div class='widget Blog' id='Blog1'><div class='post-body'>{_POSTS}</div></div>"
        "</body>",
        # Drupal: the text field's label is hidden, not the text.
        f"<body><div class='field field--label-hidden field__item'>{_POSTS}</div></body>",
        # A slideshow (economictimes.com): each slide's text in a <caption> outside any table.
        "<body><section class='slideshowPackage'>"
        + "".join(
            f"<section class='slides'><h2>Slide</h2><caption>{p}</caption></section>"
            for p in _POSTS.replace("<p>", "").split("</p>")
            if p
        )
        + "</section></body>",
        # A sidebar left unclosed (onlinemarketing.de): the story ends up inside the <aside>.
        f"<body><aside class='sidebar'><div class='widget'><a href='/'>Home</a></div><div>"
        f"<article><h1>Stories</h1><div class='article-content'>{_POSTS}</div></article>",
    ],
)
def test_a_page_with_a_main_text_never_comes_out_empty(page: str) -> None:
    assert body_only(f"<html>{page}</html>").count("Post ") == 16


def test_a_one_paragraph_brief_is_its_own_text() -> None:
    """rnz.de: a dpa brief's only paragraph, in a "teaser-detail" block of the header that
    holds the headline, is the story's text (the body), not a standfirst over an empty body
    that the archive would reject."""
    page = TRAFILATURA_PAGES / "rnz.de.witzel-27fb53.html.gz"
    if not page.exists():
        pytest.skip(f"shared corpus page {page} is absent")
    html = gzip.decompress(page.read_bytes())
    for text in (body_only(html), extract(html).body):
        assert text.startswith("Frankfurt/Main (dpa) - Für einen Roman")
        assert text.endswith("Auszeichnung der Branche.")


@pytest.mark.parametrize(
    "declaration",
    [
        "<meta name='dcterms.date' content='2022-01-21T09:43+01:00'>",  # Dublin Core
        "<meta name='citation_publication_date' content='2022/01/21'>",  # scholarly
        "<meta property='schema:datePublished' content='2022-01-21'>",  # RDFa in <head>
        "<meta name='cXenseParse:publishtime' content='2022-01-21T09:43:00.000Z'>",  # cXense
        "<span property='schema:dateCreated' content='2022-01-21T09:43:00+01:00'></span>",
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", '
        '"datePublished": 1642754580}</script>',  # a numeric timestamp
        # The page declared as a HowTo (or Recipe) only: its date is the page's.
        '<script type=\'application/ld+json\'>{"@type": "HowTo", "name": "Budget", '
        '"datePublished": "2022-01-21T22:06:08Z"}</script>',
        # Publishers' own names: Advance Local's, the New York Times's, the Telegraph's.
        "<meta name='article_date_original' content='Friday, January 21, 2022,  9:43 AM'>",
        "<meta name='pdate' content='20220121'>",
        "<meta name='DCSext.articleFirstPublished' content='2022-01-21T09:43:00+00:00'>",
    ],
)
def test_every_widespread_date_declaration_is_read(declaration: str) -> None:
    html = _story(before=declaration)
    assert extract(html, "https://news.example/council-votes").published[:10] == "2022-01-21"


@pytest.mark.parametrize(
    ("declared", "day"),
    [
        # schema.org's date beats a publisher's own name for it
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2022-01-18T09:43:00Z"}</script>',
            "2022-01-18",
        ),
        # and so does an update's instant shown in a title (cleveland.com: "on December 27,
        # 2014 at 12:06 PM, updated <span title=…17:10:17Z>"): the publisher's name gives
        # the day it was published
        ("<span class='updated' title='2022-01-25T17:10:17Z'>Jan 25</span>", "2022-01-21"),
    ],
)
def test_a_publishers_own_date_name_dates_a_page_declaring_no_other(
    declared: str, day: str
) -> None:
    html = _story(head="<meta name='pdate' content='20220121'>", under=declared)
    assert extract(html, "https://news.example/council-votes").published[:10] == day


def test_an_hatom_date_given_in_a_title_attribute_is_read() -> None:
    stamp = "<span class='updated' title='2022-01-21T18:52:11+00:00'></span>"
    html = _story(under=stamp)
    assert extract(html, "https://news.example/council-votes").published[:10] == "2022-01-21"


@pytest.mark.parametrize(
    "line",
    [
        "<p>January 22, 2014</p>",
        "<p class='subline'>22. Jan 2014 // Do it yourself</p>",
        "<div><h5>Datum:</h5>22.01.2014</div>",
        # sott.net: source, outlet and day on lines of one block
        "<div class='m-bar'>Max Blumenthal<br>The Grayzone<br>Wed, 22 Jan 2014 17:55 UTC</div>",
    ],
)
def test_a_dateline_below_the_headline_is_the_stories_day(line: str) -> None:
    html = _story().replace("</h1></header>", f"</h1></header>{line}")
    assert extract(html, "https://news.example/council-votes").published[:10] == "2014-01-22"


@pytest.mark.parametrize(
    ("lang", "line", "published"),
    [
        # WordPress's block themes (Twenty Twenty-Two on): the day shown, the instant declared
        (
            "de",
            "<div class='wp-block-post-date'><time datetime='2014-01-22T10:28:25+01:00'>"
            "22. Januar 2014</time></div>",
            "2014-01-22T10:28:25+01:00",
        ),
        # an instant on another day than the one shown (UTC after a late post): the shown day
        (
            "en",
            "<div class='wp-block-post-date'><time datetime='2014-01-23T02:00:00+00:00'>"
            "January 22, 2014</time></div>",
            "2014-01-22",
        ),
    ],
)
def test_a_dateline_gives_the_instant_of_its_time_element(
    lang: str, line: str, published: str
) -> None:
    html = _story(lang=lang).replace("</h1></header>", f"</h1></header>{line}")
    assert extract(html, "https://news.example/council-votes").published == published


@pytest.mark.parametrize(
    "stamp",
    [
        # datetime attributes as sites write them rather than as HTML asks (Dagbladet's
        # "torsdag 09. mai 2024 - 13:26"), the text beside them showing no year
        "<time datetime='22.01.2014'>22 January</time>",
        "<time datetime='2014/01/22'>22 January</time>",
        "<time class='published' datetime='1390385700'></time>",
        "<time datetime='Wed, 22 Jan 2014 10:15:00 GMT'>Wednesday</time>",
        "<span class='date' content='22.01.2014'></span>",
        "<time datetime='onsdag 22. januar 2014 - 10:15'>onsdag 22. januar 2014 - 10:15</time>",
    ],
)
def test_a_date_attribute_written_otherwise_than_iso(stamp: str) -> None:
    html = _story(under=stamp, lang="en-GB")
    assert extract(html, "https://news.example/council-votes").published[:10] == "2014-01-22"


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("pl", "Data publikacji: 22.01.2014, 10:15"),
        ("hu", "Publikálás dátuma 2014.01.22. 10:15"),
        ("ro", "Data publicării: 22.01.2014"),
    ],
)
def test_a_labelled_dateline_in_the_pages_language(lang: str, line: str) -> None:
    """A label longer than a weekday ("Data publikacji:") opens a dateline as "Datum:" does."""
    html = _story(lang=lang).replace("</h1></header>", f"</h1></header><p>{line}</p>")
    assert extract(html, "https://news.example/council-votes").published[:10] == "2014-01-22"


def test_a_date_in_a_hidden_overlay_is_not_shown() -> None:
    """zaol.hu keeps a photo gallery's overlay in the page, hidden until a click, with the
    gallery's day in a "gallery-date"; the story's own day is in its info line."""
    overlay = (
        "<div style='display: none;' class='gallery overlay'><p class='info'>"
        "<span class='gallery-date'>2011. december 23.</span> | A gallery</p></div>"
    )
    html = _story(end="<div class='cikk_info'><b>2015. augusztus 20., 11:16</b></div>", lang="hu")
    html = html.replace("</body>", f"{overlay}</body>")
    assert extract(html, "https://news.example/council-votes").published == "2015-08-20T11:16:00"


def test_a_dateline_right_above_the_headline_is_the_stories_day() -> None:
    """Massively (Ghost) shows the day over the <h1>: declared in UTC the next day (posted at
    9 pm in New York), the story is dated by the day its page shows."""
    html = _story(
        head="<meta property='article:published_time' content='2014-01-23T02:00:00.000Z'>"
    ).replace("<header><h1>", "<header><span class='date'>January 22, 2014</span><h1>")
    assert extract(html, "https://news.example/council-votes").published == "2014-01-22"


@pytest.mark.parametrize(
    "line",
    [
        "<p>Video verfügbar bis:14.10.2020</p>",
        "<p>Video verfügbar bis:<br>14.10.2020 ∙ 14:00 Uhr</p>",  # ardmediathek.de
    ],
)
def test_a_date_the_story_only_mentions_is_no_dateline(line: str) -> None:
    html = _story().replace("</h1></header>", f"</h1></header>{line}")
    assert extract(html, "https://news.example/council-votes").published is None


_UPDATED = (
    "<time class='entry-date date updated' datetime='2023-04-02T17:05:00+09:00'>2023.04.02</time>"
)


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        # Cocoon without its microdata: the published day as text, the modified in a <time>.
        (f"<span class='entry-date date published'>2023.03.14</span>{_UPDATED}", "2023-03-14"),
        (_UPDATED, "2023-04-02"),  # "updated" alone: Newspaper and Extra's published day
    ],
)
def test_hatoms_updated_beside_published_is_the_modified_day(shown: str, day: str) -> None:
    html = _story(under=f"<div class='date-tags'>{shown}</div>")
    assert extract(html, "https://news.example/council-votes").published[:10] == day


def test_the_date_in_the_posts_footer_beats_a_date_its_text_mentions() -> None:
    """Twenty Twelve-style themes date a post in its footer; the text may name an event's day."""
    event = "<p>The conference meets in Pompeii on <b>6-7-8 March 2015</b>.</p>"
    footer = (
        "<footer class='entry-meta'>Posted on <time class='entry-date' "
        "datetime='2014-12-15T11:26:45+00:00'>15 December 2014</time></footer>"
    )
    html = _story(end=f"{event}{footer}")
    assert extract(html, "https://news.example/save-the-date").published[:10] == "2014-12-15"


def test_wordpress_categories_are_topics_not_layout() -> None:
    """post_class writes "category-popular": the post is no "popular stories" block."""
    html = _story().replace("<article>", "<article class='post category-popular tag-sidebar'>")
    html = html.replace("</h1></header>", "</h1></header><p>January 22, 2014</p>")
    assert extract(html, "https://news.example/council-votes").published[:10] == "2014-01-22"


def test_a_script_inside_the_standfirst_is_not_its_text() -> None:
    """An image's JSON-LD set inside the standfirst's block shows nothing (selbermachen.de)."""
    lead = "The council voted the budget after a long and bitter debate."
    script = '<script type="application/ld+json">{"@type": "ImageObject"}</script>'
    html = _story(under=f"<div class='standfirst'>{script}<p>{lead}</p></div>")
    assert extract(html, "https://news.example/council-votes").lede == lead


def test_a_description_that_is_the_outlets_name_is_no_standfirst() -> None:
    """reiterrevue.de describes its stories by its own name, shown to screen readers only."""
    head = (
        "<meta name='description' content='Reiterrevue International'>"
        "<meta property='og:site_name' content='Reiterrevue International'>"
    )
    html = _story(head=head, under="<span class='sr-only'>Reiterrevue International</span>")
    assert extract(html, "https://www.reiterrevue.de/heulage").lede is None


def test_the_lead_pictures_caption_is_not_the_standfirst() -> None:
    """bild.de, stern.de and selbermachen.de set the lead picture in the standfirst's block."""
    picture = "<figure><img src='a.jpg'><figcaption>The mayor at the vote. Photo: AFP</figcaption></figure>"
    html = _story(under=f"<div class='article__lead'>{picture}</div>")
    assert extract(html, "https://news.example/council-votes").lede is None
    lead = "<p>The council voted the budget after a long and bitter debate.</p>"
    html = _story(under=f"<div class='article__lead'>{picture}{lead}</div>")
    lede = extract(html, "https://news.example/council-votes").lede
    assert lede == "The council voted the budget after a long and bitter debate."


@pytest.mark.parametrize(
    ("excerpt", "lede"),
    [
        # WordPress's excerpt of the story's opening, share counts and all (mali-live.com)
        ("Tweet0Email0 The council voted the budget on Tuesday night after a...", None),
        (
            "The council voted the budget on Tuesday night after a long debate. The council […]",
            None,
        ),
        # a standfirst of its own that trails off stays
        ("A long night, a narrow vote, and now...", "A long night, a narrow vote, and now..."),
    ],
)
def test_the_storys_opening_cut_short_is_not_the_standfirst(excerpt: str, lede: str | None) -> None:
    html = _story(under=f"<div class='post-excerpt'>{excerpt}</div>")
    assert extract(html, "https://news.example/council-votes").lede == lede


def test_a_date_and_byline_line_is_not_the_standfirst() -> None:
    """tarnkappe.info classes its meta line "subtitle": a date there makes it no standfirst."""
    meta = (
        "<div class='subtitle'><time datetime='2023-11-01T20:19'>1.11.23 20:19</time>"
        " von Lars Sobiraj Lesezeit: 4 Min.</div>"
    )
    html = _story(under=meta)
    assert extract(html, "https://news.example/council-votes").lede is None


def test_a_subheading_down_the_story_is_not_its_standfirst() -> None:
    """WDR and La Vanguardia class subheadings inside the story "subtitle": they are the
    story's text; a summary shown above the story and again as its last words stays one."""
    prose = "".join(
        f"<p>Paragraph {i} of the story about the firefighters, long enough to be prose.</p>"
        for i in range(6)
    )
    subheading = "Medical progress as an argument"
    story = f"{prose}<h2 class='subtitle'>{subheading}</h2>{prose.replace('Paragraph', 'Part')}"
    html = f"<html><body><article><h1>Firefighters protest</h1>{story}</article></body></html>"
    article = extract(html, "https://news.example/firefighters")
    assert article.lede is None and subheading in article.body
    summary = "The city may shift from enforcement to prevention, its own report says."
    top = f"<header><h1>Firefighters protest</h1><p class='subtitle'>{summary}</p></header>"
    story = f"<div class='text'>{prose}<p>{summary}</p></div>"
    html = f"<html><body><article>{top}{story}</article></body></html>"
    assert extract(html, "https://news.example/firefighters").lede == summary


@pytest.mark.parametrize(
    ("head", "before", "under"),
    [
        # Sina describes a story by its headline, which its sticky top bar shows again.
        (
            "<meta name='description' content='Council votes the budget'>",
            "<div class='top-bar'><div class='second-title'>Council votes the budget</div></div>",
            "",
        ),
        # A block repeating the headline under it (regiolanda.de, wehranlage-horka.de).
        ("", "", "<p class='subtitle'>Council votes the budget</p>"),
    ],
)
def test_the_headline_shown_again_is_no_standfirst(head: str, before: str, under: str) -> None:
    html = _story(head=head, before=before, under=under)
    article = extract(html, "https://news.example/council-votes")
    assert article.title == "Council votes the budget" and article.lede is None


def test_a_date_drawn_from_the_json_beside_it_is_read() -> None:
    """A client-rendered date element holds the JSON it is drawn from (uk.trustpilot.com)."""
    dates = (
        "<div class='review-dates'><script type='application/json'>"
        '{"publishedDate":"2016-11-04T20:37:27Z"}</script><review-dates></review-dates></div>'
    )
    html = _story(under=dates)
    assert extract(html, "https://news.example/council-votes").published[:10] == "2016-11-04"


def test_a_utc_date_is_given_in_the_local_zone_of_the_day_the_dateline_shows() -> None:
    """nachrichten.at declares 22:04 UTC and shows "19. Oktober 2019 00:04 Uhr" in Vienna."""
    declared = '<script type="application/ld+json">{"@type": "NewsArticle", '
    declared += '"datePublished": "2019-10-18T22:04:00Z"}</script>'
    html = _story(head=declared, lang="de-AT", under="<span>19. Oktober 2019 00:04 Uhr</span>")
    published = extract(html, "https://www.nachrichten.at/politik/budget").published
    assert published == "2019-10-19T00:04:00+02:00"


@pytest.mark.parametrize(
    ("lang", "declared", "shown", "published"),
    [
        # eldeber.com.bo: the declared instant at La Paz's local time, the day before in UTC.
        ("es", "2022-05-04T02:41:00+00:00", "03.05.2022 22:41", "2022-05-03T22:41:00-04:00"),
        # wdr.de: shown the next morning, hours from the declared time: the shown day.
        ("de", "2023-11-06T18:19:00+01:00", "07.11.2023, 07:30 Uhr", "2023-11-07T07:30:00"),
        # yomiuri.co.jp: updated 48 minutes later, past midnight: still the declared day.
        ("ja", "2024-12-03T23:17:00+09:00", "2024/12/04 00:05", "2024-12-03T23:17:00+09:00"),
        # The same day: the time shown names the offset the newsroom keeps, locale or not.
        # sermitsiaq.ag: a Danish locale, but Nuuk's time (UTC-2), not Copenhagen's.
        ("da", "2025-02-06T19:25:34Z", "torsdag 06. feb 2025 17:25", "2025-02-06T17:25:34-02:00"),
        # cbc.ca: Toronto's summer time, no region to name it
        ("en", "2024-08-08T08:00:00Z", "Aug 08, 2024 4:00 AM", "2024-08-08T04:00:00-04:00"),
        # A shown time twelve hours west of the declared one is an a.m./p.m. slip, not a zone.
        ("en", "2019-11-20T08:15:49Z", "Nov 19, 2019 8:15 PM", "2019-11-19T20:15:00"),
    ],
)
def test_a_shown_time_beside_the_declared_one(
    lang: str, declared: str, shown: str, published: str
) -> None:
    """A dateline's time beside the declared instant: the same instant at the shown local
    time (given in that offset), a day of its own hours away, or an update just past
    midnight."""
    head = f"<meta property='article:published_time' content='{declared}'>"
    html = _story(head=head, lang=lang, under=f"<span>{shown}</span>")
    assert extract(html, "https://news.example/council-votes").published == published


def test_a_utc_date_is_given_in_the_local_zone_of_the_day_its_permalink_names() -> None:
    """A WordPress permalink is dated in the site's zone: 23:11 UTC is already New Year's
    Day in Vienna (literaturgefluester.wordpress.com)."""
    declared = "<meta property='article:published_time' content='2018-12-31T23:11:59+00:00'>"
    html = _story(head=declared, lang="de-AT")
    url = "https://blog.example/2019/01/01/ins-neue-jahr/"
    assert extract(html, url).published == "2019-01-01T00:11:59+01:00"
    elsewhere = extract(html, "https://blog.example/ins-neue-jahr/").published
    assert elsewhere == "2018-12-31T23:11:59+00:00"
    # A site in a country of many zones, or none named: the permalink's day, the time unknown.
    html = _story(head=declared, lang="en-US")
    assert extract(html, url).published == "2019-01-01"


def test_an_avatar_link_before_the_name_does_not_hide_the_byline() -> None:
    """tichyseinblick.de links the writer's photo, then the name, to the author page."""
    box = (
        "<div class='post-author'><a href='/autoren/tomas-spahn/'><img src='t.jpg' alt=''></a>"
        "<strong><a href='/autoren/tomas-spahn/'>Tomas Spahn</a></strong></div>"
    )
    html = _story(after=box)
    assert extract(html, "https://news.example/council-votes").authors == ["Tomas Spahn"]


def test_text_is_kept_as_the_page_shows_it() -> None:
    """Typographic quotes, dashes, no-break spaces, ellipses and emoji are the page's text."""
    line = "Il a dit\u00a0: «\u00a0C’est fini – vraiment…\u00a0» 🎉 puis il est parti, sans un mot."
    html = _story().replace("Council votes the budget", "L’accord – enfin…")
    html = html.replace("</h1></header>", f"</h1></header><p>{line}</p>")
    article = extract(html, "https://news.example/l-accord-enfin-signe")
    assert article.title == "L’accord – enfin…"
    assert line in article.body.split("\n\n")


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        (
            "Photos\n which were released online, \nshow her",
            "Photos which were released online, show her",
        ),
        ("韓国の\n尹錫悦（ユンソンニョル）\n大統領は", "韓国の尹錫悦（ユンソンニョル）大統領は"),
        ("신현주\n기자가 전했다", "신현주 기자가 전했다"),
        ("one line<br>\nthe next", "one line\nthe next"),
    ],
)
def test_a_line_break_in_the_markup_is_shown_as_a_browser_shows_it(markup: str, shown: str) -> None:
    """Only <br> breaks a line; a line break in the source is a space, or nothing between
    Han and kana (linknaija.com's Blogger posts, Yomiuri's lead)."""
    html = _story().replace("</h1></header>", f"</h1></header><p>{markup}</p>")
    assert shown in extract(html, "https://news.example/council-votes").body.split("\n\n")


TRAFILATURA_PAGES = FUNDUS.parent / "trafilatura-dev" / "html"
AEB_PAGES = FUNDUS.parent / "aeb-dev" / "html"


def _corpus_article(page: Path, url: str | None = None) -> Article:
    """The generic extraction of a shared corpus page (skipped when the corpus is absent)."""
    if not page.exists():
        pytest.skip(f"shared corpus page {page} is absent")
    return extract(gzip.decompress(page.read_bytes()), url)


def test_a_classic_blogger_posts_author() -> None:
    """Blogger's classic layouts sign a post "Posted by <span class=fn>" (localised: "Eingestellt
    von") inside a `post-author vcard` span, not an `author vcard` one."""
    page = TRAFILATURA_PAGES / "bumsbutzener-gumpfen.blogspot.com.tach-auch-e640f3.html.gz"
    assert _corpus_article(page).authors == ["der Michel"]


@pytest.mark.parametrize(
    ("page", "opening"),
    [
        (FUNDUS / "de_MitteldeutscheZeitung.html.gz", "Der Tod der jungen Nika Schakarami"),
        (FUNDUS / "de_AFPFaktencheck.html.gz", "Der tödliche Ausbruch des Hantavirus"),
        (TRAFILATURA_PAGES / "spiegel.de.albtraum-35ad5b.html.gz", "Der Reporter Claas Relotius"),
        # past an image between the standfirst and the story
        (TRAFILATURA_PAGES / "simplyscience.ch.erdoel-27282c.html.gz", "Erdöl bildet nach"),
        # a standfirst set as a heading
        (TRAFILATURA_PAGES / "gala.fr.surnom-0b0888.html.gz", "Chargé de porter la réforme"),
        # the one paragraph after the h1 in the header before the story's <article>
        (FUNDUS / "de_BoersenZeitung.html.gz", "Alexander Wynaendts soll weitere vier Jahre"),
        (FUNDUS / "de_WAZ.html.gz", "Essen. Drei uralte Städte tauchen"),
        (
            TRAFILATURA_PAGES / "chemietechnik.de.forschungsgruppe_fuer_biotechno-8451af.html.gz",
            "Der Kunststoff-Hersteller Covestro will",
        ),
        # ... classed as the story's "teaser", even in a header left out of the body
        (TRAFILATURA_PAGES / "bmfsfj.de-praesidentschaft-a002c6.html.gz", "Klimaschutz, Pandemie"),
        (TRAFILATURA_PAGES / "mobilsicher.de.icloud-202f90.html.gz", "Medienberichten zufolge"),
        # classed "intro" or "introduction"
        (FUNDUS / "de_Stern.html.gz", "Die Demokraten versuchen, Trump als unmoralisch"),
        (TRAFILATURA_PAGES / "selbst.de-wurmkiste-1be801.html.gz", "Sie wollen Ihren Biomüll"),
        (TRAFILATURA_PAGES / "holzwerken.net-Kreissaege-c680de.html.gz", "Nach Riss arbeiten"),
        # between the headline's block and the story's container, a picture and its caption
        # aside: an "intro" region, a stage above the body
        (FUNDUS / "es_ElMundo.html.gz", '"Ayer perdí completamente el respeto por él"'),
        (FUNDUS / "de_SZ__V1.html.gz", "Ob Radler oder Politiker"),
        (TRAFILATURA_PAGES / "haus.de-Vorsatzschallung-65700f.html.gz", "Vorsatzschalen kommen"),
        (TRAFILATURA_PAGES / "vergleich.de.leasen-85977a.html.gz", "Sie können auf verschiedenen"),
        (TRAFILATURA_PAGES / "golfpost.de-premiere-67db01.html.gz", "Die PGA Tour veranstaltet"),
        # under a headline set as an h2, the page's only h1 a breadcrumb's last item
        (FUNDUS / "de_StuttgarterZeitung__V1.html.gz", "Die Sprengung der 160 Meter hohen"),
    ],
)
def test_a_standfirst_beside_the_storys_container_is_the_lede(page: Path, opening: str) -> None:
    article = _corpus_article(page)
    assert article.lede is not None and article.lede.startswith(opening)
    assert opening not in article.body


@pytest.mark.parametrize(
    ("page", "caption", "lede"),
    [
        # FUNKE's JSON-LD describes the story with its lead picture's caption; the meta
        # description is the standfirst the page shows
        (FUNDUS / "de_BSZ.html.gz", "Auch der Bundesdrogenbeauftragte", "Der Bundesdrogen"),
        (FUNDUS / "de_HamburgerAbendblatt.html.gz", "Der Deutsch-Israeli", "Rom Braslavski"),
        (FUNDUS / "de_BerlinerMorgenpost.html.gz", "Füchse-Kapitän Max", "Die Füchse stehen"),
        (FUNDUS / "de_WAZ__V2.html.gz", "Ricarda Lang im Bundestag", "Die Ex-Grünen"),
    ],
)
def test_a_description_that_is_a_caption_is_no_standfirst(
    page: Path, caption: str, lede: str
) -> None:
    article = _corpus_article(page)
    assert (article.lede or "").startswith(lede)
    assert caption not in article.body


@pytest.mark.parametrize(
    ("page", "lede", "opening"),
    [
        # a standfirst in the header; the story's opening set apart above its text
        (
            TRAFILATURA_PAGES / "lopinion.fr.glyphosate-6b17de.html.gz",
            "Un jugement ne fait pas",
            "La firme Bayer, propriétaire",
        ),
        # a fact check's claim between its summary and its text
        (
            AEB_PAGES / "8380689f358c1e3a0f6fca6e11ed13e5304a74060139f7a584347db213950446.html.gz",
            "An unsubstantiated rumor",
            "Former U.S. ambassador to Ukraine Marie Yovanovitch",
        ),
    ],
)
def test_text_set_apart_above_the_story_opens_it_beside_another_standfirst(
    page: Path, lede: str, opening: str
) -> None:
    article = _corpus_article(page)
    assert (article.lede or "").startswith(lede)
    assert article.body.startswith(opening)


@pytest.mark.parametrize(
    ("page", "opening"),
    [
        # a WordPress post's paragraphs above its "more" break, set above the post
        (TRAFILATURA_PAGES / "reisen-mit-dem-internet.de.emden-21416-08d85b.html.gz", "Emden ist"),
        (TRAFILATURA_PAGES / "nwx.new-work.se.digitaler-stress-e3dda1.html.gz", "Die Potenziale"),
    ],
)
def test_paragraphs_between_the_headline_and_the_storys_container_open_the_story(
    page: Path, opening: str
) -> None:
    article = _corpus_article(page)
    first, second = article.body.split("\n\n")[:2]
    assert first.startswith(opening)
    assert len(second) > 100  # the second paragraph of that opening, not a line


# Six paragraphs of prose, numbered: the body of a page laid out by the test.
_NUMBERED_STORY = "".join(
    f"<p>Paragraph {i} of the story, with words enough, commas, and a point, as prose.</p>"
    for i in range(6)
)


def test_a_site_titles_tagline_is_no_standfirst() -> None:
    """A theme that sets the site's name in an h1 on every page, with its tagline under it:
    the story's headline is the last h1 above its text, and nothing stands between them."""
    html = f"""<html><body><div id="branding">
    <h1 class="site-title"><a href="https://green.example/" rel="home">Green Thumbs</a></h1>
    <p class="site-description">A blog about gardening, plants and the joys of growing your
    own food at home, for everyone.</p>
    <ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></div>
    <div id="main"><article class="post"><div class="entry-header">
    <h1 class="entry-title">Tomatoes in November</h1></div>
    <div class="entry-content">{_NUMBERED_STORY}</div></article></div></body></html>"""
    article = extract(html, "https://green.example/tomatoes")
    assert article.lede is None
    assert article.body.startswith("Paragraph 0")


def test_a_column_of_links_beside_the_story_holds_no_standfirst() -> None:
    """A column left of the story (unnamed, a writer's blurb over a list of links) comes
    between the headline and the story's text in the page, but stands beside the story."""
    links = "".join(f'<li><a href="/topic/{i}">Garden topic number {i}</a></li>' for i in range(9))
    html = f"""<html><body><div class="top"><h1>Tomatoes in November</h1></div>
    <div class="row"><div class="col-3"><p>Anna writes about gardens since 2010, lives in
    Lyon, and answers every letter she gets.</p><ul>{links}</ul></div>
    <div class="col-9">{_NUMBERED_STORY}</div></div></body></html>"""
    article = extract(html, "https://green.example/tomatoes")
    assert article.lede is None
    assert article.body.startswith("Paragraph 0")


def test_a_caption_between_the_headline_and_the_story_is_no_standfirst() -> None:
    """The lead picture's caption, one sentence below the headline, describes the picture."""
    article = _corpus_article(TRAFILATURA_PAGES / "soy502.com-capturan-6e169a.html.gz")
    assert article.lede is None or "(Foto:" not in article.lede


@pytest.mark.parametrize(
    ("page", "authors"),
    [
        # a bare "author" class, and a BEM "__author" element (no link, no itemprop)
        (TRAFILATURA_PAGES / "leichtathletik.de-erfurt-3bc343.html.gz", ["Sandra Arm"]),
        (TRAFILATURA_PAGES / "gartenjournal.net-Zaubernuss-6c3214.html.gz", ["Ursula Eggers"]),
        # "Photograph by …" under a picture is the photographer's credit
        (TRAFILATURA_PAGES / "nationalgeographic.co.uk.goats-91fec8.html.gz", ["Michael Hingston"]),
        # Dublin Core writes the surname first: "Harm, Robert"
        (TRAFILATURA_PAGES / "ihrwebprofi.at.publikumsvoting-e17189.html.gz", ["Robert Harm"]),
    ],
)
def test_the_writer_as_the_page_names_them(page: Path, authors: list[str]) -> None:
    assert _corpus_article(page).authors == authors


@pytest.mark.parametrize(
    ("page", "commenter"),
    [
        # a comment marked up as a schema.org Review, its author a Person, inside the story
        (TRAFILATURA_PAGES / "madame.lefigaro.fr.dintestin-8d6148.html.gz", "link78"),
        # WordPress's "Kommentar von <span class='fn'>…"
        (
            TRAFILATURA_PAGES / "literaturgefluester.wordpress.com.jahr-7d5a5a.html.gz",
            "Margit Heumann",
        ),
    ],
)
def test_a_commenter_is_never_the_writer(page: Path, commenter: str) -> None:
    assert commenter not in _corpus_article(page).authors


@pytest.mark.parametrize(
    ("page", "authors"),
    [
        # <meta name="author" content="SPIEGEL ONLINE, Hamburg, Germany">; the byline names him
        (TRAFILATURA_PAGES / "spiegel.de.albtraum-35ad5b.html.gz", ["Clemens Höges"]),
        (TRAFILATURA_PAGES / "giromatch.com.kredit-f954d5.html.gz", ["GIROMATCH"]),
        (TRAFILATURA_PAGES / "d76cf81a74fa4633bd19d7060f5c05ee-5c85bc.html.gz", ["hessenschau.de"]),
    ],
)
def test_an_outlets_address_is_no_co_author(page: Path, authors: list[str]) -> None:
    assert _corpus_article(page).authors == authors


def test_a_description_opening_with_the_sites_name_is_still_a_standfirst() -> None:
    """A desk ("MDR THÜRINGEN" on mdr.de) is the outlet in a byline, not in a sentence."""
    desc = "MDR THÜRINGEN hat mit Abgeordneten über den Haushalt des kommenden Jahres gesprochen."
    head = f'<meta name="description" content="{desc}">'
    html = _story(head=head, before=f"<div class='teaser-text'>{desc}</div>")
    assert extract(html, "https://www.mdr.de/nachrichten/haushalt-100.html").lede == desc


def test_the_sites_name_before_the_writers_is_no_author() -> None:
    """unocero.com's byline reads "unocero - Alberto Ávila"."""
    page = TRAFILATURA_PAGES / "unocero.com.marcas-52a196.html.gz"
    url = "https://www.unocero.com/smartphones/marcas-mala-gestion-apps-segundo-plano-android/"
    assert _corpus_article(page, url).authors == ["Alberto Ávila"]


@pytest.mark.parametrize(
    ("classes", "boilerplate"),
    [
        # Drupal (fdpbt.de, eatsmarter.de): the field's label is hidden, not its text.
        ("clearfix text-formatted field field--name-field-text field--label-hidden", False),
        ("field field-name-field-text field-type-text-long field-label-hidden", False),
        # Hidden on small screens only (sheego.de): shown on a desktop.
        ("cms-365804 l-hidden-xs l-hidden-s l-text", False),
        ("sidebar-box hidden-sm", True),
        ("hidden", True),
        ("visually-hidden", True),
        ("gallery--paragraph-section hidden", True),
        # Bulma's "is-hidden" hides (taz.de's block of article IDs); "is-hidden-small" and
        # "is-hidden-mobile" only at one screen size (chip.de's download buttons).
        ("metadata is-hidden", True),
        ("fb is-hidden-small mt-md", False),
        ("column is-hidden-mobile", False),
        # the writer's box, in German, French and Italian, and WordPress's Simple Author Box
        ("artDetailAutor__text", True),
        ("c-auteur", True),
        ("box-autore", True),
        ("saboxplugin-wrap", True),
        # a consent banner named in one word (rent-a-salesman.eu's body was its cookie text)
        ("cookiecontent", True),
        ("consentmanager-box", True),
        # buttons: a recipe plugin's, a tip's action bar, Bootstrap's, Gutenberg's
        ("wprm-recipe-print-inline-button recipe-jump-button", True),
        ("kb-tip-action-bar-button", True),
        ("btn btn-primary", True),
        ("wp-block-buttons", True),
        # Tailwind Typography's opt-out inside a "prose" body; a post without a picture is
        # still a post, whatever the order of its classes
        ("not-prose !-mx-4 sm:!mx-auto", True),
        ("no-post-thumbnail post-12 post type-post hentry", False),
    ],
)
def test_class_words_mark_boilerplate(classes: str, boilerplate: bool) -> None:
    assert (
        hint(lxml.html.fragment_fromstring(f"<div class='{classes}'></div>")) < 0
    ) is boilerplate


@pytest.mark.parametrize(
    ("case_id", "reference"),
    [
        ("gh_ragingbit_collaborating-when-using-git", "https://www.conventionalcommits.org/"),
        ("gh_raccoony_2017-retrospective", "듣도 보도 못한 정치(이진순, 문학동네)"),
        # a paragraph that is a link shown as its address, in Koenig's kg-canvas
        ("gh_acmconsulting_want-to-buy-a-chrome-book", "http://zipso.net/chromebook-specs"),
        # ... or an address after a few words of the writer's ("More here: https://…")
        ("gh_ragingbit_collaborating-when-using-git", "More here: https://www.atlassian.com/"),
        ("gh_acmconsulting_what-happens-at-lxjs-doesnt-stay-at-lxjs", "ChromeCast uses WebRTC"),
    ],
)
def test_a_writers_list_of_links_in_the_posts_content_is_kept(case_id: str, reference: str) -> None:
    path = CMS / "expected.json"
    if not path.exists():
        pytest.skip(f"shared corpus {CMS} is absent")
    gold = json.loads(path.read_text(encoding="utf-8"))[case_id]
    html = gzip.decompress((CMS / f"{case_id}.html.gz").read_bytes())
    assert reference in extract(html, gold["url"]).body


def test_an_accordions_toggle_links_are_no_writers_list() -> None:
    items = "".join(
        f"<li><a href='#'>{n}. Office of the district</a><div><p>What the office did in {n}, "
        "told at length so that the story has the words a story has, and more of them.</p>"
        "</div></li>"
        for n in range(1, 4)
    )
    html = _story(end=f"<ul class='accordion'>{items}</ul>").replace(
        "<article>", "<article class='entry-content'>"
    )
    body = extract(html, "https://news.example/council-votes").body
    assert "What the office did in 2" in body and "Office of the district" not in body


@pytest.mark.parametrize(
    ("case_id", "day"),
    [
        ("zamg.ac.at-Jahresbericht-443d52", "2022-01-21"),  # a heading that is a date
        ("foren.myoos.de-99bcb8", "2009-01-21"),  # a forum post's "21.01.2009, 05:42"
        ("prof-pc.de-76148e", "2017-09-10"),  # signed "Benni / 10. September 2017"
    ],
)
def test_without_any_other_date_a_line_opening_with_one(case_id: str, day: str) -> None:
    page = TRAFILATURA_PAGES / f"{case_id}.html.gz"
    assert (_corpus_article(page).published or "")[:10] == day


@pytest.mark.parametrize(
    "appeal",
    [
        "Subscribe now to our eNATION edition for the full story.",
        "For the latest stories and breaking news updates download the Nationnews apps for iOS.",
        "If you’re seeing this message but you’re already a subscriber, you can log in.",
        "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
        "If you enjoyed reading this post – would you consider supporting our work?",
    ],
)
def test_an_appeal_to_readers_after_the_story_is_no_part_of_it(appeal: str) -> None:
    html = _story(end=f"<p>{appeal}</p>")
    body = extract(html, "https://news.example/council-votes").body
    assert body.endswith("after a long debate.")


def test_a_story_ending_on_the_word_subscription_keeps_its_end() -> None:
    ending = "“What kind of products are left that readers feel are worth a digital subscription?”"
    html = _story(end=f"<p>{ending}</p>")
    assert extract(html, "https://news.example/council-votes").body.endswith(ending)


def test_a_building_named_with_an_at_sign_is_no_social_handle() -> None:
    ending = "Residents of ARIUM Brookhaven and @1377 Apartments are urged to avoid the area."
    html = _story(end=f"<p>{ending}</p>")
    assert extract(html, "https://news.example/council-votes").body.endswith(ending)


@pytest.mark.parametrize(
    ("page", "day"),
    [
        # Declared 2022-01-04 (UTC), shown "06.01.2022" under the headline.
        (TRAFILATURA_PAGES / "outdoor-magazin.com-vanlife-9fe7bc.html.gz", "2022-01-06"),
        # Declared 2022-11-17, shown 09.03.2022 in the page's hero.
        (TRAFILATURA_PAGES / "heizung.de.waermepumpen-4b2357.html.gz", "2022-03-09"),
        # Declared published 2020-01-03 and modified 2020-01-06; the page shows 6 Jan 2020.
        (TRAFILATURA_PAGES / "nationalgeographic.co.uk.goats-91fec8.html.gz", "2020-01-06"),
        # Declared published 2019-10-15, modified 2020-03-12; shown "Updated Mar 12, 2020".
        (TRAFILATURA_PAGES / "hellogiggles.com.skin-7c0f43.html.gz", "2020-03-12"),
    ],
)
def test_the_day_shown_under_the_headline_wins_over_a_declared_one(page: Path, day: str) -> None:
    assert (_corpus_article(page).published or "")[:10] == day


def test_a_date_for_search_engines_only_is_not_the_one_shown() -> None:
    declared = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2022-12-25T11:00:02+00:00"}</script>'
    )
    hidden = "<span class='updated rich-snippet-hidden'>2022-12-07T10:10:52+01:00</span>"
    html = _story(before=declared, under=hidden)
    assert extract(html, "https://news.example/council-votes").published[:10] == "2022-12-25"


@pytest.mark.parametrize(
    ("ruby", "shown"),
    [
        # Furigana shown above the text (NHK News Web Easy): the text reads without it.
        ("<ruby>子<rt>こ</rt></ruby>どもを<ruby>守<rt>まも</rt></ruby>る", "子どもを守る"),
        # With <rp>, the page spells the plain-text form itself (Yomiuri): kept as written.
        (
            "<ruby><rb>尹錫悦</rb><rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>大統領",
            "尹錫悦（ユンソンニョル）大統領",
        ),
    ],
)
def test_ruby_readings_are_read_as_the_page_means_them(ruby: str, shown: str) -> None:
    html = _story(end=f"<p>{ruby}は法律で決まりました。</p>")
    assert shown in extract(html, "https://news.example/council-votes").body
    # A headline is read as the text is (NHK News Web Easy glosses its headlines too).
    page = f"<html><body><article><h1>{ruby}</h1><p>{'法律で決まりました。' * 30}</p></article>"
    assert extract(page, "https://news.example/k100").title == shown


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("vi", "Ngày 5 tháng 3 năm 2024"),
        ("hi", "5 मार्च 2024"),
        ("fa", "۵ مارس ۲۰۲۴"),
        ("hu", "2024. március 5."),
        ("pt", "5.mar.2024 às 10h15"),
    ],
)
def test_a_day_shown_in_the_pages_language_dates_it(lang: str, shown: str) -> None:
    """Vietnamese's "ngày … tháng …", a month in Devanagari, Persian digits: a page declaring
    no date is dated by the day its header shows."""
    html = _story(under=f"<time class='entry-date published'>{shown}</time>", lang=lang)
    assert extract(html, "https://news.example/council-votes").published == "2024-03-05"


@pytest.mark.parametrize(
    ("lang", "updated", "published"),
    [
        ("en", "Updated March 7, 2024", "Published March 5, 2024"),
        ("es", "Actualizado el 7 de marzo de 2024", "Publicado el 5 de marzo de 2024"),
        ("vi", "Cập nhật 07/03/2024", "Đăng 05/03/2024"),
    ],
)
def test_the_update_shown_first_does_not_date_the_story(
    lang: str, updated: str, published: str
) -> None:
    """A meta line giving the last update before the publication dates the story by the latter."""
    html = _story(
        under=f"<p class='meta'><span>{updated}</span> · <span>{published}</span></p>", lang=lang
    )
    assert extract(html, "https://news.example/council-votes").published == "2024-03-05"


@pytest.mark.parametrize(
    "label",
    ["Iklan", "広告", "광고", "广告", "Quảng cáo", "إعلان", "Διαφήμιση", "シェア", "分享", "Dela"],
)
def test_an_ad_or_share_label_alone_in_the_story_is_furniture(label: str) -> None:
    """kabarislamia.com (aeb-dev) leaves its ad slot's "Iklan" between two paragraphs."""
    html = _story(end=f"<p>{label}</p><p>The mayor said the vote closed a long chapter.</p>")
    assert label not in extract(html, "https://news.example/council-votes").body


@pytest.mark.parametrize(
    "credit",
    [
        "Fotó: MTI",
        "Fot. PAP",
        "Zdjęcie: PAP",
        "Фото: ТАСС",
        "Kuva: Lehtikuva",
        "写真：共同",
        "图片来源：新华社",
        # a story's source, as "Quelle: dpa" (163.com and toutiao: "来源：无锡交警")
        "Źródło: PAP",
        "Источник: ТАСС",
        "Kaynak: AA",
        "Lähde: STT",
        "Sumber: Antara",
        "Πηγή: ΑΠΕ-ΜΠΕ",
        "来源：无锡交警",
        "出典：共同通信",
    ],
)
def test_a_picture_credit_line_in_more_languages_is_not_text(credit: str) -> None:
    """As "Foto: dpa" is not: 163.com sets "图片来源：…" under each picture of a story. A source
    line is a credit line too."""
    html = _story(end=f"<p>{credit}</p><p>The mayor said the vote closed a long chapter.</p>")
    assert credit not in extract(html, "https://news.example/council-votes").body


def test_a_teaser_cards_date_inside_the_story_is_not_the_storys() -> None:
    card = (
        "<div class='card'><h3><a href='/other-story'>Another story</a></h3>"
        "<div class='kicker'><span>03-05-2022</span></div></div>"
    )
    own = "<p class='meta'>miércoles <time datetime='2022-05-04T07:59:48-04:00'>07:59</time></p>"
    html = _story(end=card).replace("</header>", f"</header>{own}")
    assert extract(html, "https://news.example/council-votes").published[:10] == "2022-05-04"


@pytest.mark.parametrize("tool", ["Mit Freunden teilen", "drukuj", "Rezept drucken", "Condividi"])
def test_print_and_share_buttons_in_other_languages_are_no_text(tool: str) -> None:
    html = _story().replace("</header>", f"</header><p>{tool}</p>")
    assert tool not in extract(html, "https://news.example/council-votes").body


@pytest.mark.parametrize(
    ("page", "button", "story"),
    [
        (
            TRAFILATURA_PAGES / "backenmachtgluecklich.de.zitronenkuchen-52142c.html.gz",
            "Rezept drucken",
            "Dieser saftige Zitronenkuchen vom Blech",
        ),
        (TRAFILATURA_PAGES / "kochbar.de.schneiden-7a4c51.html.gz", "favorisieren", "Strunk"),
        (
            TRAFILATURA_PAGES / "spektrum.de.engelbart-d4bc5f.html.gz",
            "twittern",
            "Manufacturing Consent",
        ),
    ],
)
def test_a_buttons_label_is_no_text(page: Path, button: str, story: str) -> None:
    body = _corpus_article(page).body
    assert button not in body and story in body


@pytest.mark.parametrize(
    ("page", "story"),
    [
        (TRAFILATURA_PAGES / "blog.python.org-255c49.html.gz", "Python 3.6.0 is now available!"),
        (TRAFILATURA_PAGES / "chineselyrics4u.com.zhineng-020d0c.html.gz", "逝去的爱"),
    ],
)
def test_a_blogger_posts_footer_is_no_text_though_its_blog_is_a_widget(
    page: Path, story: str
) -> None:
    """Blogger's "widget Blog" holds every post: the container is found by text alone, but
    inside it the post's footer ("Posted by X at 5:11 AM") is still named so."""
    body = _corpus_article(page).body
    assert story in body and "Posted by" not in body


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # a player's link named like a video player's ("sn-player-post-link")
        (
            AEB_PAGES / "0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0.html.gz",
            "MADRID — Rafael Nadal kept Spain’s hopes alive",
        ),
        (
            TRAFILATURA_PAGES / "selbst.de-wurmkiste-1be801.html.gz",
            "auf dem Balkon oder im Keller.",
        ),
        # a link styled as a button, and one named like navigation ("NavNode")
        (TRAFILATURA_PAGES / "nmb-media.de.ebay-6066ab.html.gz", "über unser Support-Center mit"),
        (
            TRAFILATURA_PAGES / "bafa.de-mineraloelabsatz-a295aa.html.gz",
            "unter Mineralöl veröffentlicht",
        ),
    ],
)
def test_a_word_inside_a_sentence_is_kept_whatever_its_name(page: Path, sentence: str) -> None:
    assert sentence in _corpus_article(page).body


def test_an_ad_slot_inside_a_sentence_neither_shows_nor_splits_it() -> None:
    slot = "<span class='ad-slot'><div>Anzeige</div><div>Buy now</div></span>"
    sentence = f"<p>The council voted{slot} the budget on Tuesday night after a long debate.</p>"
    body = extract(_story(end=sentence), "https://news.example/council-votes").body
    assert "The council voted the budget on Tuesday night" in body and "Buy now" not in body


@pytest.mark.parametrize("address", ["facebook.com/vegolosi", "https://x.com/someone"])
def test_an_address_in_the_author_meta_is_no_writer(address: str) -> None:
    html = _story(head=f'<meta name="author" content="{address}">')
    assert extract(html, "https://news.example/council-votes").authors == []


def test_a_sentence_about_parts_is_no_share_button() -> None:
    line = "Die Teilen des Motors wurden ersetzt."
    html = _story().replace("</header>", f"</header><p>{line}</p>")
    assert line in extract(html, "https://news.example/council-votes").body


def test_a_writers_h1_subheadings_in_the_posts_content_are_kept() -> None:
    path = CMS / "expected.json"
    if not path.exists():
        pytest.skip(f"shared corpus {CMS} is absent")
    case_id = "gh_raccoony_python-news-for-korean-2017-4th-week-apr"
    gold = json.loads(path.read_text(encoding="utf-8"))[case_id]
    article = extract(gzip.decompress((CMS / f"{case_id}.html.gz").read_bytes()), gold["url"])
    blocks = article.body.split("\n\n")
    assert "블로그" in blocks and "프로젝트" in blocks and "<h2>블로그</h2>" in article.body_html
    assert article.title not in blocks  # the headline (the page's first h1) stays out


def test_the_headline_repeated_as_an_h1_in_the_posts_content_stays_out() -> None:
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        "<html><body><h1>Council votes the budget</h1><div class='gh-content'>"
        f"<h1>Council votes the budget</h1>{text}<h1>What comes next</h1>{text}</div></body></html>"
    )
    blocks = extract(html, "https://news.example/council-votes").body.split("\n\n")
    assert "What comes next" in blocks and "Council votes the budget" not in blocks


def test_h1_sections_of_a_page_whose_first_h1_is_the_sites_name_are_kept() -> None:
    """2gewinnt.wordpress.com's About page and vse-diety.com head their sections with h1s,
    the site's name being the first h1 and the page's own the one <title> names."""
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        "<html><head><title>About us | Field Notes</title></head><body>"
        "<header><h1><a href='/'>Field Notes</a></h1></header><div class='page-content'>"
        f"<h1>About us</h1>{text}<h1>Our history</h1>{text}</div></body></html>"
    )
    blocks = extract(html, "https://news.example/about/").body.split("\n\n")
    assert "Our history" in blocks and "About us" not in blocks and "Field Notes" not in blocks


@pytest.mark.parametrize(
    ("case", "counted"),
    [
        # Ghost's custom excerpt, shown above the post, is a field of its own
        ("gh_ragingbit_technical-debt", False),
        ("gh_janbussieck_useeffect-under-the-hood", False),
        # a standfirst that is the post's own first paragraph stays in its text
        ("gh_gokhangeyik_neden-ubuntu-kullaniyorum", True),
    ],
)
def test_a_ghost_posts_main_text_is_the_post(case: str, counted: bool) -> None:
    page = CMS / f"{case}.html.gz"
    if not page.exists():
        pytest.skip(f"shared corpus page {page} is absent")
    html = gzip.decompress(page.read_bytes())
    article = extract(html)
    assert article.lede and article.lede not in article.body
    assert (article.lede in body_only(html)) is counted


@pytest.mark.parametrize(
    ("bio", "authors"),
    [
        ("Nils Pickert ist freier Autor und Journalist.", ["Nils Pickert"]),  # pinkstinks.de
        ("Stefanus Stahl - Maschinenbauer und Abenteurer", ["Stefanus Stahl"]),  # mtb-news.de
        ("Nils writes about cycling.", ["Nils"]),  # no surname shown: the name as declared
    ],
)
def test_a_first_name_profile_is_completed_from_its_bio(bio: str, authors: list[str]) -> None:
    declared = json.dumps(
        {
            "@type": "NewsArticle",
            "author": {"@type": "Person", "name": bio.split()[0], "description": bio},
        }
    )
    html = _story().replace(
        "<html>", f'<html><head><script type="application/ld+json">{declared}</script></head>'
    )
    assert extract(html, "https://news.example/council-votes").authors == authors


def test_a_plain_text_byline_in_the_storys_meta_block_is_read() -> None:
    """heizung.de writes "von Alexander Rosenkranz" in its hero's meta list, no markup."""
    meta = "<ul class='page-hero__meta'><li><span class='meta-label'>von Alexander Rosenkranz</span></li></ul>"
    teaser = "<div class='teaser'><span>von Other Writer</span></div>"
    html = _story(under=meta, after=teaser)
    assert extract(html, "https://news.example/council-votes").authors == ["Alexander Rosenkranz"]


def test_drupals_rdfa_creator_is_the_writer() -> None:
    """Drupal 7's RDF module marks the node's creator rel="sioc:has_creator" around the link
    to the user's page (opposingviews.com: in the date line, "| by", no byline class)."""
    line = (
        "<div class='date'><time datetime='2016-12-21T23:49:10+00:00'>December 21, 2016</time>"
        "<span> | by <span rel='sioc:has_creator'><a href='/users/lauren-briggs'>Lauren Briggs"
        "</a></span></span></div>"
    )
    html = _story(under=line)
    assert extract(html, "https://news.example/council-votes").authors == ["Lauren Briggs"]


def test_a_byline_labelled_by_a_small_heading_is_read() -> None:
    """autohaus.de and rosalux.de set the label as a heading: "<h5>Autor: </h5>Peter Maahn"."""
    box = "<div class='article-footer'><h5 class='title-inline'>Autor: </h5>Peter Maahn</div>"
    html = _story(after=box)
    assert extract(html, "https://news.example/council-votes").authors == ["Peter Maahn"]


@pytest.mark.parametrize(
    ("ending", "authors"),
    [
        ("<p><b><i>Stefan Wasmer</i></b></p>", ["Stefan Wasmer"]),  # eishockeynews.de
        ("<p><strong>Marina Mucha</strong></p>", ["Marina Mucha"]),  # galore.de
        ("<p><strong>Read the full report</strong></p>", []),  # no name
        ("<p>Stefan Wasmer</p>", []),  # a name set plainly may be the story's last words
    ],
)
def test_a_story_signed_off_with_a_name_alone_names_its_writer(
    ending: str, authors: list[str]
) -> None:
    html = _story(end=ending)
    assert extract(html, "https://news.example/council-votes").authors == authors


@pytest.mark.parametrize("label", ["Written by", "Verfasst von", "Escrito por", "Scritto da"])
def test_yoasts_written_by_card_names_the_writer_in_any_language(label: str) -> None:
    """Yoast SEO writes the author as a Twitter card label and value (frolleinherr.com)."""
    head = (
        f"<meta name='twitter:label1' content='{label}'>"
        "<meta name='twitter:data1' content='Karoline Herr'>"
    )
    html = _story(head=head)
    assert extract(html, "https://news.example/council-votes").authors == ["Karoline Herr"]


def test_a_label_is_followed_past_line_breaks() -> None:
    """sonnenenergie.de: "<b>Von:</b> <br /> <br /> Götz Warnke"."""
    box = "<div class='news-info'><b>Von:</b> <br /> <br /> Götz Warnke</div>"
    html = _story(after=box)
    assert extract(html, "https://news.example/council-votes").authors == ["Götz Warnke"]


def test_a_heading_without_a_word_is_no_headline() -> None:
    """A Blogger blog named "..." shows it in its h1; the post's title is elsewhere."""
    head = "<meta property='og:title' content='Tach auch!'><title>...: Tach auch!</title>"
    html = _story(head=head)
    html = html.replace("<h1>Council votes the budget</h1>", "<h1>...</h1><h3>Tach auch!</h3>")
    assert extract(html, "https://blog.example/2020/04/tach-auch.html").title == "Tach auch!"


def test_a_byline_naming_only_the_outlet_is_kept_when_no_writer_is_named() -> None:
    """A WordPress account named after the site signs the story: that is its byline."""
    html = _story(
        head="<meta property='og:site_name' content='Mali Live'>",
        under="<span class='byline'><a href='/author/mali-live/'>Mali Live</a></span>",
    )
    assert extract(html, "https://news.example/council-votes").authors == ["Mali Live"]


def test_a_list_of_plain_sentences_beside_the_story_is_part_of_it() -> None:
    """A CMS that stores a story as modules puts its bullet points in a module of their own
    (weisser-ring.de, adac.de): long unlinked list items are prose, not a menu."""
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    tips = "".join(
        f"<li>{tip}, even when you only leave the house for a few minutes in the morning.</li>"
        for tip in ("Lock the front door", "Close every window", "Never hide a key outside")
    )
    html = (
        "<html><body><div class='page'><h1>Council votes the budget</h1>"
        f"<div class='module'><div class='editor'>{text}</div></div>"
        f"<div class='module'><div class='editor'><p>How to protect yourself:</p><ul>{tips}</ul>"
        "</div></div></div><ul class='menu'><li><a href='/'>Home</a></li></ul></body></html>"
    )
    body = extract(html, "https://news.example/council-votes").body
    assert "Never hide a key outside" in body
    assert "Home" not in body


def test_a_story_split_by_an_ad_keeps_its_opening() -> None:
    """politico.com splits a story between ads into two "story-text" blocks; the first, the
    shorter, holds the opening. A box of that class in a column beside the story stays out."""
    sentence = "The governor announced her retirement on Monday, a day before the filing deadline. "
    opening = "".join(f"<p>Opening {i}. {sentence * 2}</p>" for i in range(3))
    rest = "".join(f"<p>Later {i}. {sentence * 2}</p>" for i in range(40))
    aside = f"<p>Our newsletter. {sentence * 7}</p>"
    html = (
        "<html><body><main><h1>The governor retires</h1>"
        f"<div class='rail'><div class='story-text'>{aside}</div></div>"
        f"<div class='column'><div class='story-text'>{opening}</div></div>"
        "<div class='ad'>Advertisement</div>"
        f"<div class='column'><div class='story-text'>{rest}</div></div>"
        "</main></body></html>"
    )
    body = extract(html, "https://news.example/governor-retires").body
    assert body.startswith("Opening 0.") and "Later 39." in body
    assert "newsletter" not in body


def test_headings_set_inside_a_quotation_are_quoted_text() -> None:
    """A blog quotes an announcement whose lines are headings (seglerblog.stössenseer.de): at
    the story's end they read as headings without text and were dropped."""
    quote = (
        "<blockquote><h2>The poster contest for children</h2>"
        "<h3>takes place for the sixth time; children aged 6 to 12 are invited.</h3></blockquote>"
    )
    html = _story(end=quote)
    body = extract(html, "https://news.example/council-votes").body
    assert body.endswith(
        "The poster contest for children\n\ntakes place for the sixth time; "
        "children aged 6 to 12 are invited."
    )


def _recipe_page(shown: str = "", kind: str = "Recipe") -> str:
    """A story page declaring a schema.org Recipe (or, `kind="HowTo"`, the same steps as a
    HowTo's), `shown` at the end of its text."""
    steps_key = "recipeInstructions" if kind == "Recipe" else "step"
    recipe = json.dumps(
        {
            "@type": kind,
            "name": "Apple porridge",
            **(
                {"recipeIngredient": ["300 ml oat milk", "2 small apples"]}
                if kind == "Recipe"
                else {}
            ),
            steps_key: [
                {
                    "@type": "HowToStep",
                    "text": "1. Bring the oat milk and oats to the boil, "
                    "then let them simmer for two minutes and rest for ten.",
                },
                {
                    "@type": "HowToSection",
                    "name": "Topping",
                    "itemListElement": [
                        {"@type": "HowToStep", "text": "<p>Dice the <b>apples</b>.</p>"}
                    ],
                },
            ],
        }
    )
    return _story(head=f'<script type="application/ld+json">{recipe}</script>', end=shown)


def test_a_recipes_declared_steps_complete_a_body_that_misses_them() -> None:
    """eatsmarter.de and przepisy.pl show a recipe's steps in tabs and one box per step that
    content scoring passes over; schema.org's Recipe declares them (HTML in a step read as
    text)."""
    body = extract(_recipe_page(), "https://food.example/apple-porridge").body
    assert body.endswith(
        "300 ml oat milk\n\n2 small apples\n\n1. Bring the oat milk and oats to the boil, "
        "then let them simmer for two minutes and rest for ten.\n\nTopping\n\nDice the apples."
    )
    page = TRAFILATURA_PAGES / "eatsmarter.de.porridge-36792b.html.gz"
    assert "Nüsse trocken in einer Pfanne anrösten." in _corpus_article(page).body


def test_a_how_tos_declared_steps_complete_a_body_that_misses_them() -> None:
    """A Recipe is a kind of schema.org HowTo: a HowTo's `step` list is read the same way
    (homify.de draws its steps from a script and declares them as a HowTo)."""
    body = extract(_recipe_page(kind="HowTo"), "https://diy.example/apple-porridge").body
    assert body.endswith(
        "1. Bring the oat milk and oats to the boil, then let them simmer for two minutes and "
        "rest for ten.\n\nTopping\n\nDice the apples."
    )
    page = TRAFILATURA_PAGES / "homify.de-Tischdecke-8c6096.html.gz"
    assert "Falte den Stoff deiner runden Tischdecke" in _corpus_article(page).body


def test_a_recipes_steps_shown_on_the_page_are_not_repeated() -> None:
    """lecker.de numbers each step in a block of its own: the step's text is already there."""
    shown = (
        "<ol><li><span>1.</span><p>Bring the oat milk and oats to the boil, then let them "
        "simmer for two minutes and rest for ten.</p></li></ol>"
    )
    body = extract(_recipe_page(shown), "https://food.example/apple-porridge").body
    assert body.count("Bring the oat milk") == 1


def test_code_blocks_stay_out_of_the_text_and_in_the_markup() -> None:
    """A <pre> of code is not prose: the text (full-text search, word counts, content dedupe)
    leaves it out, the markup keeps it line for line; a <pre> of prose stays text."""
    code = "<pre class='wp-block-code'><code>def area(r):\n    return r &lt;&lt; 1\n</code></pre>"
    poem = "<pre>The rain falls on the town,\nthe council votes.</pre>"
    article = extract(_story(end=code + poem), "https://news.example/council-votes-the-budget")
    assert "def area" not in article.body
    assert article.body.endswith("The rain falls on the town,\nthe council votes.")
    assert "<pre><code>def area(r):\n    return r &lt;&lt; 1</code></pre>" in article.body_html
    page = CMS / "wp_sametmax_desactiver-un-service-dans-ubuntu-14-04.html.gz"
    sametmax = _corpus_article(page)
    assert "sudo rm" not in sametmax.body and "sudo rm" in sametmax.body_html


def test_a_page_of_code_alone_keeps_it_as_its_text() -> None:
    code = "for town in towns:\n    print(town.council, town.budget, town.vote)\n" * 3
    html = f"<html><body><main><h1>Snippet</h1><pre><code>{code}</code></pre></main></body></html>"
    assert extract(html, "https://code.example/snippet").body == code.strip()


@pytest.mark.parametrize("classes", [("story", "story"), ("minute minute-single", "minute")])
def test_the_next_story_loaded_below_is_not_the_pages(classes: tuple[str, str]) -> None:
    """hoy.com.py loads the next stories as one scrolls, each in an <article> like the
    first with its own h1: the body is the headline's story even when a later one is longer.
    The New Republic's "minutes" mark the page's own one ("minute minute-single")."""
    first = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 3
    later = (
        "<p>The harbour reopened on Monday, with every ferry line back, after the storm.</p>" * 9
    )
    html = (
        "<html><body><main>"
        f"<article class='{classes[0]}'><h1>Council votes the budget</h1>{first}</article>"
        f"<article class='{classes[1]}'><h1>Harbour reopens</h1>{later}</article>"
        "</main></body></html>"
    )
    body = extract(html, "https://news.example/council-votes-the-budget").body
    assert body.startswith("The council voted") and "harbour" not in body
    # Parts of one page in <article>s without headlines of their own stay one text.
    parts = html.replace("<h1>Harbour reopens</h1>", "")
    assert "harbour" in extract(parts, "https://news.example/council-votes-the-budget").body
    page = TRAFILATURA_PAGES / "hoy.com-daran-ed90f1.html.gz"
    assert "Hermanos Franciscanos Capuchinos realizarán" in _corpus_article(page).body


@pytest.mark.parametrize("sidebar", ["aside secondary", "panel-region-sidebar"])
def test_a_sidebars_prose_does_not_outweigh_a_short_story(sidebar: str) -> None:
    """A short story (an episode's description, a paywalled opening) beside a sidebar of
    readers' comments or teasers' intros, longer than it (Marketplace, la-bas.org): the body
    is the story's. A sidebar is a block named only as boilerplate, not holding the h1."""
    story = (
        "<p>Gun control advocates are looking for new options, including some tech strategies."
        " On Wednesday, seven measures failed in the Senate, including background checks.</p>"
    )
    # Each under the linked title of the story it is about, as sidebars list them.
    comment = (
        "<div class='row'><h3><a href='/tech/school-safety'>Should schools hire guards?</a></h3>"
        "<p>You have got to be kidding. First, to expect an unbiased answer from someone who is"
        " going to become a spokesperson for the school is just naive, and everyone knows it.</p>"
        "</div>"
    )
    html = (
        "<html><body><div class='page'><div class='main-col'><h1>Smart guns</h1>"
        f"<div class='node'>{story}</div></div>"
        f"<div class='{sidebar}'><div class='view'>{comment * 4}</div></div></div></body></html>"
    )
    body = extract(html, "https://radio.example/smart-guns").body
    assert body.startswith("Gun control advocates") and "kidding" not in body


def test_a_layout_named_for_its_sidebar_still_holds_the_story() -> None:
    """SB Nation wraps the story's column in "l-sidebar-fixed l-article-body": a layout's name
    beside a content word is no sidebar."""
    text = "<p>The council voted the budget on Tuesday night after a long debate, 7 to 2.</p>"
    html = (
        "<html><body><article><h1>Council votes</h1><div class='l-sidebar-fixed l-article-body'>"
        f"<div class='c-entry-content'>{text * 5}</div></div></article>"
        f"<footer><p>{'Our newsroom covers the city, its schools and its courts. ' * 6}</p>"
        "</footer></body></html>"
    )
    assert extract(html, "https://news.example/council").body.startswith("The council voted")


def test_teaser_cards_inside_the_storys_container_are_not_its_text() -> None:
    """t-online.de and abc.es set cards of other stories (kicker, linked headline, byline) as
    small <article>s inside the story's own; a short unlinked <article> part stays."""
    card = (
        "<article class='teaser'><span>Nach Angriff</span>"
        "<div><a href='/other-story'>The harbour reopens after the storm</a></div>"
        "<div><span>Von </span><span>Julian Seiferth</span></div></article>"
    )
    part = "<article class='box'><p>Seven councillors voted against the budget.</p></article>"
    body = extract(_story(end=card * 3 + part), "https://news.example/council-votes").body
    assert "Nach Angriff" not in body and "Julian Seiferth" not in body
    assert body.endswith("Seven councillors voted against the budget.")
    # sueddeutsche.de lays one empty link over the whole card ("stretched link").
    overlay = (
        "<article class='teaser'><a href='/other-story'></a><span>50 Jahre Berlin-Marathon</span>"
        "<h3>Ein Rennen vom Volk fürs Volk</h3><p>Der Berlin-Marathon ist großes Kino.</p></article>"
    )
    body = extract(_story(end=overlay + part), "https://news.example/council-votes").body
    assert "Marathon" not in body and body.endswith("voted against the budget.")
    # zdf.de and larepublica.net link the card's heading to the story it announces.
    linked = (
        overlay.replace("<a href='/other-story'></a>", "")
        .replace("<h3>Ein Rennen", "<h3><a href='/marathon'>Ein Rennen")
        .replace("Volk</h3>", "Volk</a></h3>")
    )
    body = extract(_story(end=linked + part), "https://news.example/council-votes").body
    assert "Marathon" not in body and body.endswith("voted against the budget.")


def test_a_heading_repeating_the_headline_does_not_open_the_body() -> None:
    """rbb24.de shows its headline in an <h3> (kicker, hidden dash, title) and no <h1>; many
    pages repeat the headline in a heading atop the text: the title field holds it."""
    heading = (
        "<h3><span class='roofline'>Premiere in Eisenhüttenstadt</span><span> - </span>"
        "<span class='titletext'>Council votes the budget</span></h3>"
    )
    html = _story().replace("</header>", f"</header>{heading}")
    article = extract(html, "https://news.example/council-votes-the-budget")
    assert article.title == "Council votes the budget"
    assert article.body.startswith("The council voted")


def test_a_subtitle_above_the_headline_is_its_kicker_not_the_standfirst() -> None:
    """reiterrevue.de: `<h3 class="subtitle">Leseprobe: …</h3><h1>…` in the story's header;
    its site title is an h1 too, inside the logo's link home."""
    article = _corpus_article(TRAFILATURA_PAGES / "reiterrevue.de-heulage-deea99.html.gz")
    assert article.title == "Heulage: Besser als ihr Ruf?"
    assert (article.lede or "").startswith("Gutes Heu ist das Grundnahrungsmittel")


@pytest.mark.parametrize(
    ("creator", "name"),
    [
        ("Anderson, Michael L.", "Michael L. Anderson"),
        ("de la Cruz, María José", "María José de la Cruz"),
        ("Carlos Dobkin, PhD", "Carlos Dobkin, PhD"),  # a credential, not a given name
        ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
        ("Reuters, AFP", "Reuters, AFP"),  # two agencies, not one inverted name
        ("dpa, AFP", "dpa, AFP"),
    ],
)
def test_a_library_style_creator_is_read_given_name_first(creator: str, name: str) -> None:
    head = f"<meta name='citation_author' content='{creator}'>"
    assert read_structured(lxml.html.fromstring(_story(head=head))).meta_authors == [name]


@pytest.mark.parametrize(("posts", "authors"), [(1, ["Jane Roe"]), (2, [])])
def test_a_blogs_one_blog_post_in_json_ld_is_the_pages_article(
    posts: int, authors: list[str]
) -> None:
    """Hashnode's blog starter kit declares the post as the one blogPost of a Blog node; a
    blog's listing declares several, none of them the page's."""
    post = {"@type": "BlogPosting", "headline": "Council votes", "author": {"name": "Jane Roe"}}
    blog = {"@context": "https://schema.org", "@type": "Blog", "blogPost": [post] * posts}
    head = f"<script type='application/ld+json'>{json.dumps(blog)}</script>"
    assert read_structured(lxml.html.fromstring(_story(head=head))).authors == authors


def _cms_html(case_id: str) -> str:
    """A cms-dev page's HTML (skipped when the corpus is absent)."""
    path = CMS / f"{case_id}.html.gz"
    if not path.exists():
        pytest.skip(f"shared corpus {CMS} is absent")
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def _in_the_post(html: str, container: str, markup: str) -> str:
    """The page with `markup` set after the second paragraph of its post's `container`."""
    second = html.index("</p>", html.index("</p>", html.index(container)) + 4) + 4
    return html[:second] + markup + html[second:]


# Ghost's Koenig cards as its renderer writes them: those holding no prose (a call to action,
# a shop's product) are not the story's text; a callout or a toggle is.
_GHOST_CARDS = {
    "cta": (
        '<div class="kg-card kg-cta-card kg-cta-bg-grey kg-cta-minimal" data-layout="minimal">'
        '<div class="kg-cta-content"><div class="kg-cta-content-inner"><div class="kg-cta-text">'
        "<p><span>Sponsor: try our service free for thirty days.</span></p></div>"
        '<a href="https://x.example/" class="kg-cta-button">Learn more</a></div></div></div>'
    ),
    "product": (
        '<div class="kg-card kg-product-card"><div class="kg-product-card-container">'
        '<div class="kg-product-card-title-container"><h4 class="kg-product-card-title">Widget'
        ' Pro</h4></div><div class="kg-product-card-description"><p>The widget that everyone '
        'in the office wants this year.</p></div><a href="https://x.example/buy" '
        'class="kg-product-card-button"><span>Buy now</span></a></div></div>'
    ),
    "callout": (
        '<div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">'
        '💡</div><div class="kg-callout-text">The figures in this section were revised on '
        "Monday.</div></div>"
    ),
    "toggle": (
        '<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-'
        'heading"><h4 class="kg-toggle-heading-text"><span>Why it matters?</span></h4></div>'
        '<div class="kg-toggle-content"><p><span>Because it explains how the committee '
        "decided.</span></p></div></div>"
    ),
}


@pytest.mark.parametrize(
    ("card", "words", "kept"),
    [
        ("cta", "free for thirty days", False),
        ("product", "everyone in the office", False),
        ("callout", "revised on Monday", True),
        ("toggle", "how the committee decided", True),
    ],
)
def test_ghost_cards_without_prose_are_not_the_story(card: str, words: str, kept: bool) -> None:
    html = _cms_html("gh_dwil_indoor-cycling-training-using-free-open")
    body = extract(_in_the_post(html, "gh-content", _GHOST_CARDS[card])).body
    assert "Indoor" in body or "indoor" in body  # the story itself is read
    assert (words in body) is kept


def test_a_real_ghost_product_card_is_not_the_story() -> None:
    case_id = "gh_stuckinlowrange_fave-local-brands-for-campers-in-kenya"
    article = _corpus_article(CMS / f"{case_id}.html.gz")
    assert "artcaffemarket.co.ke/product" not in article.body


def test_wordpress_latest_posts_block_in_a_post_is_not_the_story() -> None:
    """WordPress's core "Latest Posts" block, as it renders, set inside a real post."""
    html = _cms_html("wp_sametmax_comment-bien-manger-en-5-etapes")
    block = (
        '<ul class="wp-block-latest-posts__list wp-block-latest-posts">'
        + "".join(
            f'<li><a class="wp-block-latest-posts__post-title" href="/other-{n}/">Another '
            f"story number {n} about the town council</a></li>"
            for n in range(3)
        )
        + "</ul>"
    )
    body = extract(_in_the_post(html, "entry-content", block)).body
    assert "Doctissimo" in body  # the story itself is read
    assert "Another story number" not in body


@pytest.mark.parametrize(
    ("page", "authors"),
    [
        (
            AEB_PAGES / "3cb5e2f46626d5bb0345759453036f7eabc0b0c7796b796513606bf693060ced.html.gz",
            ["Marcus De Guzman"],
        ),
        (
            AEB_PAGES / "aadb38e527d5379306de3b910ec62cb2447cc1035686b2b2d152580f8f8a1ea2.html.gz",
            ["Jose Altoveros"],
        ),
    ],
)
def test_a_view_more_articles_link_to_the_author_page_is_no_co_author(
    page: Path, authors: list[str]
) -> None:
    """autoindustria.com's author box links the name and "View More Articles" alike."""
    assert _corpus_article(page).authors == authors


def test_ghost_co_authors_beside_an_author_cards_more_posts_link() -> None:
    """Casper prints co-authors as one line of author links, as Ghost's {{authors}} helper
    writes them; the author card above it holds a "More posts" link to the same page."""
    html = _cms_html("gh_gokhangeyik_cron-nedir")
    shown = '<h4 class="author-name"><a href="/author/gokko/">Gökhan Geyik</a>'
    assert shown in html
    html = html.replace(shown, f'{shown}, <a href="/author/ayse-kaya/">Ayşe Kaya</a>', 1)
    url = "https://gokhangeyik.com/cron-nedir/"
    assert extract(html, url).authors == ["Gökhan Geyik", "Ayşe Kaya"]


@pytest.mark.parametrize(
    ("case", "url", "shown"),
    [
        # A personal blog named after its owner: the owner is the site's name and a writer.
        (
            "gh_turkogluc_apache-kafka-basics",
            "https://turkogluc.com/apache-kafka-basics/",
            '<a href="https://turkogluc.com/author/cemal/">Cemal Turkoglu</a>',
        ),
        # A WordPress account named after the site, the story's author cards further down.
        (
            "wp_blaseball-news_echos-of-greatness-blaseball-hall-of-fam",
            "https://blaseball.news/2022/03/16/echos-of-greatness-blaseball-hall-of-fame-week-1/",
            '<a href="/author/blaseball-news-network/">',
        ),
        # A theme without an h1 (its headline is an h2 in the post's <article>): the byline
        # line is read in that article.
        (
            "gh_articledixneuf_pros",
            "http://www.articledixneuf.ca/pros/",
            '<a href="../author/article/index.html">Article dix-neuf</a>',
        ),
    ],
)
def test_an_account_named_after_the_site_keeps_its_co_author(
    case: str, url: str, shown: str
) -> None:
    """A name linked to an author page is a writer's account, even when it is the site's name:
    beside a co-author it is not dropped as the outlet (the co-author was kept alone)."""
    html = _cms_html(case)
    start = html.index(shown)
    end = html.index("</a>", start) + len("</a>")
    owner = " ".join(lxml.html.fromstring(html[start:end]).text_content().split())
    html = f'{html[:end]}, <a href="/author/zed-coauthor/">Zed Coauthor</a>{html[end:]}'
    assert extract(html, url).authors == [owner, "Zed Coauthor"]


def test_a_consent_dialog_is_never_the_story() -> None:
    """Reuters' story is only in its JSON-LD; with its paragraphs set as <div>s, the search
    without class hints found OneTrust's preference centre (aria-modal) and took it."""
    gold = _expected()["us_Reuters__V1"]
    html = gzip.decompress((FUNDUS / "us_Reuters__V1.html.gz").read_bytes()).decode("utf-8")
    html = re.sub(r"<p(\s[^>]*)?>", "<div>", html).replace("</p>", "</div>")
    body = extract(html, gold["url"]).body
    assert "civil aviation authority" in body and "CCPA" not in body


def test_a_dialog_named_so_is_never_the_story_when_names_fail() -> None:
    """zdf.de's video page holds its text in blocks named "video-module" and "item-caption":
    searched by text alone, its login dialog (closed, named "b-dialog") held the most."""
    login = "<p>Your password must be at least eight characters long, with one digit.</p>" * 6
    text = "New York is the centre of the pandemic, and sport has come to a standstill there."
    html = (
        f"<html><body><div class='b-dialog x-dialog-login'>{login}</div><main>"
        f"<article class='b-video-module'><div class='item-caption'>"
        f"<p>{text}</p></div></article></main></body></html>"
    )
    assert extract(html, "https://tv.example/video/us-sport").body == text


def test_a_page_named_for_an_open_modal_is_no_dialog() -> None:
    """Bootstrap names <body> "modal-open" while a dialog is shown: a state, not an overlay.
    Searched by text alone, the page's text is still read."""
    text = "New York is the centre of the pandemic, and sport has come to a standstill there."
    html = (
        "<html><body class='modal-open'><div class='b-video-module'><div class='item-caption'>"
        f"<p>{text}</p></div></div></body></html>"
    )
    assert extract(html, "https://tv.example/video/us-sport").body == text


def test_a_story_shown_in_a_dialog_over_the_page_is_read() -> None:
    """Some sites open a story in an overlay (aria-modal) above the listing it came from."""
    html = _story().replace("<main>", "<main><div role='dialog' aria-modal='true'>", 1)
    html = html.replace("</main>", "</div></main>", 1)
    assert "The council voted the budget" in extract(html, "https://news.example/a").body


@pytest.mark.parametrize(
    "case_id",
    [
        "gh_articledixneuf_pros",  # French, the theme's lang="en"
        "wp_sametmax_comment-bien-manger-en-5-etapes",  # French, lang="en-US"
        "gh_aungmyokyaw_master-of-doing-nothing",  # Burmese, lang="en"
        "gh_turkogluc_apache-kafka-basics",  # English as declared
        "gh_gokhangeyik_cron-nedir",  # Turkish as declared
    ],
)
def test_the_language_is_the_texts_when_the_theme_declares_another(case_id: str) -> None:
    gold = json.loads((CMS / "expected.json").read_text(encoding="utf-8"))[case_id]
    assert extract(_cms_html(case_id), gold["url"]).language == gold["language"]


_FRENCH = "Le conseil municipal a voté le budget de la ville et les élus sont partis. " * 8
_NORWEGIAN = "Rådet vedtok budsjettet, og det var ikke enkelt for de som var med på møtet. " * 8


@pytest.mark.parametrize(
    ("declared", "text", "language"),
    [
        ("en", _FRENCH, "fr"),
        (None, _FRENCH, "fr"),  # no declaration: the text's
        ("fr", _FRENCH, "fr"),
        ("no", _NORWEGIAN, "no"),  # "no" is Bokmål's macrolanguage: kept as declared
        ("is", _NORWEGIAN, "is"),  # a language whose words we do not list is not judged
        ("en", "Совет принял бюджет, и это было не так просто, как он думал. " * 8, "ru"),
        ("en", "東京都は新しい計画を発表しました。これは市民のためのものです。" * 12, "ja"),
        ("en", "The council met.", "en"),  # too short to overrule the page
    ],
)
def test_written_language(declared: str | None, text: str, language: str) -> None:
    assert written_language(declared, text) == language


def test_a_theme_date_is_read_in_the_declared_language_of_a_post_written_in_another() -> None:
    """articledixneuf.ca: French posts on a theme with lang="en" that prints "Apr 3, 2017";
    the stored language becomes French, the theme's date is still read."""
    case_id = "gh_articledixneuf_compte-rendu-politique-spectacle"
    gold = json.loads((CMS / "expected.json").read_text(encoding="utf-8"))[case_id]
    html = _without_declared(_cms_html(case_id).encode("utf-8"), "date", "time")
    article = extract(html, gold["url"])
    assert article.language == "fr"
    assert (article.published or "")[:10] == gold["publishing_date"][:10]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("nowrap\u200bhere soft\u00adhyphen", "nowraphere softhyphen"),  # invisible: dropped
        ("نوشته\u200cهای", "نوشته\u200cهای"),  # Persian's non-joiner is spelling
        ("🏃🏽\u200d♀️ Want", "🏃🏽\u200d♀️ Want"),  # an emoji's joiner sequence stays whole
    ],
)
def test_normalize_space_keeps_joiners(raw: str, shown: str) -> None:
    assert normalize_space(raw) == shown


def test_a_subheading_named_for_a_headline_stays_when_text_follows_it() -> None:
    """faz.net's "atc-SubHeadline", sankei.com's "article-middle-headline": the story's own
    subheadings. A box's heading named so over a list of links (heizung.de's "Mehr zu
    Wärmepumpe") is not."""
    subhead = "<h3 class='atc-SubHeadline'>Tickets for the long distance</h3>"
    subhead += (
        "<p>The ticket is not valid on long-distance trains, the operator said on Monday.</p>"
    )
    links = "".join(f"<li><a href='/topic/{n}'>Topic number {n}</a></li>" for n in range(4))
    box = f"<h2 class='link-list__headline'>More on the budget</h2><ul>{links}</ul>"
    body = extract(_story(end=subhead + box), "https://news.example/council-votes").body
    assert "Tickets for the long distance" in body
    assert "More on the budget" not in body


def test_a_block_named_for_a_headline_around_a_subheading_stays_when_text_follows_it() -> None:
    """Neos wraps each subheading in a "neos-nodetypes-headline" block (coaching-magazin.de),
    t3n.de in a "c-article__headline": the story's subheadings, as the bare heading is."""
    subhead = "<div class='neos-nodetypes-headline'><div><h4>Tickets for the long distance</h4>"
    subhead += "</div></div><div class='neos-nodetypes-text'><p>The ticket is not valid on"
    subhead += " long-distance trains, the operator said on Monday.</p></div>"
    body = extract(_story(end=subhead), "https://news.example/council-votes").body
    assert "Tickets for the long distance" in body


def test_a_heading_whose_anchor_names_boilerplate_stays() -> None:
    """Ghost gives each heading an id made of its words ("horizontally-center-the-header-
    footer-toolbars"), heise.de too ("nav_phishing_masche__0"): no name of a block."""
    heading = "<h3 id='horizontally-center-the-header-footer-toolbars'>Center the footer</h3>"
    heading += "<p>Set the toolbar's title to the middle and keep its buttons on both sides.</p>"
    body = extract(_story(end=heading), "https://news.example/council-votes").body
    assert "Center the footer" in body


def test_text_marked_as_behind_the_paywall_is_the_story() -> None:
    """Condé Nast (wired.com) and abc.es class the story's text behind the paywall
    "paywall": a name of where the text is, not of a prompt to subscribe."""
    subhead = "<div class='body__inner-container paywall'><h2>Best for Car Campers</h2>"
    subhead += "<p>A roomy rectangular bag that zips open into a blanket on warm nights.</p></div>"
    body = extract(_story(end=subhead), "https://news.example/council-votes").body
    assert "Best for Car Campers" in body


@pytest.mark.parametrize("mark", ["¶", "#", "\uf0c1", "<svg><path d='M0'/></svg>"])
def test_a_headings_permalink_mark_is_no_part_of_its_text(mark: str) -> None:
    """Docs generators (Sphinx, MkDocs, Hugo) end each heading with a sign linking to it."""
    link = f"<a class='headerlink' href='#section' title='Link to this heading'>{mark}</a>"
    html = _story(end=f"<h2 id='section'>What comes next{link}</h2><p>More to say here.</p>")
    html = html.replace("Council votes the budget</h1>", f"Council votes the budget{link}</h1>")
    article = extract(html, "https://news.example/council-votes")
    assert article.title == "Council votes the budget"
    assert "\n\nWhat comes next\n\nMore to say here." in article.body


def test_two_lists_side_by_side_stay_two_lists() -> None:
    """t-online.de lists its sources in two <ul>s, one after the other. A group's number came
    from id() of an lxml proxy, which lxml frees and may reuse for the next list: the two
    came out as one (and on baike.baidu.com one table split at random places)."""
    html = _corpus_article(FUNDUS / "de_TOnline__V1.html.gz").body_html
    assert "<ul><li>Eigene Recherchen</li></ul><ul><li>nytimes.com: Behind" in html


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        (TRAFILATURA_PAGES / "finanztip.de.altersvorsorge-b249dd.html.gz", "Mit Hilfe des Chefs"),
        (TRAFILATURA_PAGES / "galore.de.buch-7e0139.html.gz", "30.11. | Buch der Woche"),
        # the h1 names a compound holding the title's word: it stays the headline
        (TRAFILATURA_PAGES / "chorknaben-ulm.de.geschichte-13f1d1.html.gz", "Chorgeschichte"),
    ],
)
def test_an_h1_sharing_no_word_with_the_title_names_a_section(page: Path, headline: str) -> None:
    """A section's h1 ("Betriebliche Altersvorsorge", "Literatur") above the story's own
    heading, which the page's <title> repeats: the story's heading is the headline."""
    assert _corpus_article(page).title.startswith(headline)


def test_a_schema_person_around_its_names_link_is_one_byline() -> None:
    """eHow's byline: an itemprop=author Person holding the itemprop=author link and a role
    line; the Person's text ("Jo Roe eHow Contributor") is no second name."""
    under = (
        "<div itemprop='author' itemscope itemtype='http://schema.org/Person'><div class='meta'>"
        "<a rel='author' itemprop='author' href='/contributor/jo_roe/'><span itemprop='name'>"
        "By Jo Roe</span></a><div class='nb-byline'>Site Contributor</div></div></div>"
    )
    article = extract(_story(under=under), "https://news.example/council-votes-the-budget")
    assert article.authors == ["Jo Roe"]


def test_the_outlet_declared_as_creator_is_not_split() -> None:
    """heise.de's Mac & i declares its own name as DC.creator: the outlet, not "Mac"."""
    head = (
        "<meta name='DC.creator' content='Mac &amp; i'>"
        "<meta property='og:site_name' content='Mac &amp; i'>"
    )
    article = extract(_story(head=head), "https://news.example/council-votes-the-budget")
    assert article.authors == ["Mac & i"]  # the outlet alone signs it


@pytest.mark.parametrize(
    "opening",
    [
        "Feb. 23, 2015 -- Life-threatening peanut allergies have mysteriously been on the rise",
        "23.02.2015 – Mehrfach und vehement hat der Verband die Regierung aufgefordert, mehr",
    ],
)
def test_a_dateline_opening_the_first_paragraph_dates_the_story(opening: str) -> None:
    """WebMD and energiezukunft.eu date a story only in its first paragraph, before a dash."""
    html = _story().replace("<p>", f"<p>{opening} to do.</p><p>", 1)
    assert extract(html, "https://news.example/council-votes").published == "2015-02-23"


def test_a_date_inside_a_long_paragraph_dates_no_story() -> None:
    """Only a date opening the paragraph before a dash is its dateline."""
    opening = "The council, which last met on Feb. 23, 2015 -- before the flood -- voted again"
    html = _story().replace("<p>", f"<p>{opening}.</p><p>", 1)
    assert extract(html, "https://news.example/council-votes").published is None


def test_a_scripts_text_does_not_lengthen_a_dateline() -> None:
    """A hit counter's script inside the source-and-time line (a Chinese hospital's CMS):
    the line is short as shown, and its date dates the story."""
    line = (
        "<div class='title_blow'>来源：本站原创&nbsp;&nbsp;作者：医技药剂党支部<br>"
        "时间：2019年10月31日 23:00&nbsp;&nbsp;浏览：<script>ajax_article_click_get('15070',"
        " '0'); ajax_article_click_get('15070', '1');</script><span>33</span> 次</div>"
    )
    html = _story().replace("<header><h1>Council votes the budget</h1>", f"<header>{line}")
    assert extract(html, "https://news.example/council-votes").published == "2019-10-31T23:00:00"


def test_a_site_title_h1_is_not_the_storys_container() -> None:
    """When the only h1 is the site's linked name (mingridapan.com's logo, its menu below),
    the story's dates are looked for page-wide, not in the masthead around that h1."""
    menu = "".join(f"<span><a href='/{s}'>{s}</a></span>" for s in "ABCDEFGH")
    masthead = (
        "<div class='navbar'><div class='container'><h1><a href='/'>Daily Market</a></h1>"
        f"<div class='menu'>{menu}</div></div></div>"
    )
    html = (
        f"<html><body>{masthead}<div id='main'><div class='title-text'>Council votes the budget"
        "</div><div class='title-meta'>发布时间： 2019-09-26 10:09:11</div>"
        + "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
        + "</div></body></html>"
    )
    assert extract(html, "https://news.example/council-votes").published == "2019-09-26T10:09:11"


def test_a_clock_written_by_a_script_dates_no_story() -> None:
    """mydrivers.com's masthead writes today's date with a script, and a saved page holds
    the day it was saved: a line whose script builds a date is the reader's clock."""
    clock = (
        "<ul class='top'><li><script>var date=new Date,time=date.getFullYear()+'年';"
        "document.writeln(time);</script>2021年10月7日 星期四</li></ul>"
    )
    html = (
        f"<html><body>{clock}<div class='title'>Council votes the budget</div>"
        + "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
        + "</body></html>"
    )
    assert extract(html, "https://news.example/council-votes").published is None


def test_an_account_declared_as_creator_gives_way_to_the_byline() -> None:
    """Drupal declares the posting account ("admin") as dcterms.creator; the byline under
    the headline names the writer (colorlines.com)."""
    head = "<meta name='dcterms.creator' content='admin'>"
    under = "<span class='author-line'><a href='/writers/jo-roe'>Jo Roe</a></span>"
    html = _story(head=head, under=under)
    assert extract(html, "https://news.example/council-votes").authors == ["Jo Roe"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By: <a href='/id/1'>Jo Roe</a><br>Executive News Editor", ["Jo Roe"]),
        (
            "Von <strong><a href='/jo'>Jo Roe</a></strong> und <strong>Al Poe</strong><br>Kakuma",
            ["Jo Roe", "Al Poe"],
        ),
    ],
)
def test_a_plain_text_byline_ends_at_its_line_break(byline: str, authors: list[str]) -> None:
    """A byline written as text ("By: X<br>Role", CNBC; "Von X und Y<br>Place",
    aussengedanken.de): what follows the <br> is no part of a name."""
    html = _story().replace("</h1></header>", f"</h1></header><p>{byline}</p>")
    assert extract(html, "https://news.example/council-votes").authors == authors


@pytest.mark.parametrize(
    "item",
    [
        "<figure itemscope itemtype='http://schema.org/ImageObject'><img src='/a.jpg'>"
        "<figcaption itemprop='description'>A man prays in Kathmandu on 30 April 2015."
        "</figcaption></figure>",
        "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<span itemprop='name'>Jo Roe</span><p itemprop='description'>Nothing special. We cover"
        " news items that don't necessarily require an author.</p></div>",
    ],
)
def test_a_pictures_or_a_persons_description_is_no_standfirst(item: str) -> None:
    """itemprop=description inside an ImageObject (liberation.fr's photo caption) or a
    Person (heartlandnewsfeed.com's author blurb) describes that item, not the story."""
    html = _story(under=item)
    assert extract(html, "https://news.example/council-votes").lede is None


def test_a_theme_credit_in_the_site_footer_is_no_byline() -> None:
    """Spacious shows its headline in a band outside the story and its byline after the
    text; its footer credits "Theme Spacious by <a rel=author>ThemeGrill</a>". The page-wide
    search skips the site's footer, so the writer is found."""
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        "<html><body><div class='band'><h1>Council votes the budget</h1></div><main><article>"
        f"{text}<footer class='entry-meta-bar'><span class='by-author author vcard'>"
        "<a class='url fn n' href='/author/jo-roe/'>Jo Roe</a></span></footer></article></main>"
        "<footer id='colophon'><div class='copyright'>Theme Spacious by <a rel='author' "
        "href='https://themegrill.com/themes/spacious'>ThemeGrill</a>.</div></footer>"
        "</body></html>"
    )
    assert extract(html, "https://news.example/council-votes").authors == ["Jo Roe"]


def test_a_headline_set_as_a_paragraph_does_not_open_the_body() -> None:
    """jaraguadosul.com.br shows its headline in a <p class="titulo">, no heading anywhere."""
    story = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        "<html><head><title>Council votes the budget</title></head><body><div class='news'>"
        f"<p class='titulo'>Council votes the budget</p>{story}</div></body></html>"
    )
    article = extract(html, "https://news.example/council-votes")
    assert article.title == "Council votes the budget"
    assert article.body.startswith("The council voted")


def test_a_hidden_copy_of_the_title_does_not_close_the_body() -> None:
    """ThemeGrill's themes repeat the title in a hidden hAtom span after the text."""
    end = "<div class='extra-hatom'><span class='entry-title'>Council votes the budget</span></div>"
    body = extract(_story(end=end), "https://news.example/council-votes").body
    assert body.endswith("after a long debate.")


@pytest.mark.parametrize(
    "line",
    [
        "March 14, 2023<span> · <a href='/tag/travel/'>Travel</a> <a href='/tag/rivers/'>"
        "Rivers</a></span>",  # Ghost's Crisp
        "Mittwoch, 01. November 2023 - <a href='/handel/'>Handel</a>",  # Lebensmittelpraxis
        "12.12.2022&nbsp;|&nbsp;06:46&nbsp;|&nbsp;<a href='/energie/'>Energieversorgung</a>",
    ],
)
def test_a_date_followed_by_its_categories_is_no_text(line: str) -> None:
    """A date stamp followed by the post's tag or category links opens no story's text."""
    html = _story().replace("<p>", f"<div class='post-stamp'>{line}</div><p>", 1)
    body = extract(html, "https://news.example/council-votes").body
    assert body.startswith("The council voted")


def test_drupals_submitted_line_dates_the_story() -> None:
    """Drupal prints "Submitted by X on <day>" in a `submitted` element, here below a title
    block that holds the h1 alone (prachatai.com)."""
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        "<html><body><div class='title-wrap'><h1>Council votes the budget</h1></div>"
        "<div class='content'><span class='submitted-by'>Submitted on Mon, 2019-01-21 13:49"
        f"</span>{text}</div></body></html>"
    )
    assert extract(html, "https://news.example/node/8").published == "2019-01-21T13:49:00"


def test_a_relative_time_shown_with_its_iso_title_dates_the_story() -> None:
    """The microformats' datetime pattern under the headline: Yahoo News shows "1 hr 4 mins
    ago" and gives the instant in the abbr's title."""
    under = (
        "<cite class='byline vcard'>By <span class='fn'>Jo Roe</span> | <span class='provider"
        " org'>AP</span> – <abbr title='2011-08-25T01:40:40Z'>1 hr 4 mins ago</abbr></cite>"
    )
    published = extract(_story(under=under), "https://news.example/council-votes").published
    assert published == "2011-08-25T01:40:40+00:00"


def test_an_h2_showing_the_declared_title_beats_a_banner_h1() -> None:
    """A blog's banner in the h1 ("The Schmooze: Your Jewish Pop Culture Fix", sharing only
    "your" with the title) and the story's heading in an h2 that og:title repeats word for
    word: the h2 is the headline."""
    declared = "The Adorable Reason You Can Set Your Alert Sound to Hummus"
    html = _story(
        under=f"<h2>{declared}</h2>", head=f"<meta property='og:title' content='{declared}'>"
    ).replace("Council votes the budget", "The Schmooze: Your Jewish Pop Culture Fix")
    assert extract(html, "https://news.example/hummus").title == declared


def test_the_h2_showing_the_title_keeps_its_typography() -> None:
    """mywakenews.wordpress.com: body headings in h1s, the post's title in an h2 with a
    no-break space that og:title flattens; the shown form is kept."""
    page = TRAFILATURA_PAGES / "mywakenews.wordpress.com.psyop-f3be97.html.gz"
    assert _corpus_article(page).title == "NWO – PSYOP UNITEDWESTRIKE\u00a0Radio-Marathon"


def test_a_latest_news_rail_inside_the_story_is_left_out() -> None:
    """E! Online sets its "Latest News" rail inside the story's container, before the text:
    its links go, and so must its heading, which announces other stories."""
    chunk = (
        "<div class='post-content text-block'><p>The council voted the budget on Tuesday night"
        " after a long debate, and the mayor, who had fought for it, thanked them.</p></div>"
    )
    text = chunk * 5
    rail = (
        "<div class='rail'><div class='rail__title'><div>Latest News</div></div>"
        "<div class='rail__item'><p><a href='/news/1'>The Big Picture: Hot Pics</a></p></div>"
        "<div class='rail__item'><p><a href='/news/2'>Golden Globes 2017: Nominees</a></p></div>"
        "</div>"
    )
    html = (
        "<html><body><h1>Council votes the budget</h1><div class='article-detail'>"
        f"{rail}{text}</div></body></html>"
    )
    assert "Latest News" not in extract(html, "https://news.example/budget").body


def test_a_co_author_beside_a_writer_declared_with_the_outlet_is_kept() -> None:
    """coindujeu declares its writer and the site's name as authors ("Guy Moquette", "Le Coin
    du Jeu"); a co-author's link set beside the writer's in the byline is credited too: the
    outlet is no writer the byline must also name."""
    case_id = "wp_coindujeu_pix"
    html = _cms_html(case_id)
    gold = json.loads((CMS / "expected.json").read_text(encoding="utf-8"))[case_id]
    link = '<a href="/jeu-de-societe/author/guy-moquette/" title="Articles par Guy Moquette"'
    start = html.index(link)
    end = html.index("</a>", start) + len("</a>")
    twin = (
        html[start:end]
        .replace("guy-moquette", "zed-coauthor")
        .replace("Guy Moquette", "Zed Coauthor")
    )
    page = html[:end] + ", " + twin + html[end:]
    assert extract(page, gold["url"]).authors == ["Guy Moquette", "Zed Coauthor"]


@pytest.mark.parametrize(
    "byline",
    [
        # Joomla 1.6-3's article info before its templates carried microdata
        "<dl class='article-info'><dd class='createdby'>Written by Anna Berg</dd></dl>",
        "<dl class='article-info'><dd class='createdby'>Escrito por Anna Berg</dd></dl>",
        # microformats2 (Jekyll's minima, IndieWeb themes)
        "<p class='post-meta'><span class='p-author h-card'>Anna Berg</span></p>",
        "<div class='p-author h-card'><span class='p-name'>By <a href='/staff/ab/'>Anna Berg</a>"
        "</span><a class='u-email' href='mailto:ab@news.example'>Email</a></div>",
    ],
)
def test_a_platforms_byline_markup_without_structured_data(byline: str) -> None:
    html = _story(under=byline)
    assert extract(html, "https://news.example/council-votes").authors == ["Anna Berg"]


@pytest.mark.parametrize("segment", ["author", "journalist", "journalists"])
def test_co_authors_linked_to_their_pages_beside_the_declared_writer(segment: str) -> None:
    """JSON-LD names the first writer; the byline links both to their pages, under whichever
    of the author-page paths the site uses."""
    declared = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Anna Berg"}}</script>'
    )
    line = (
        f"<div class='meta'>By <a href='/{segment}/anna-berg/'>Anna Berg</a> and "
        f"<a href='/{segment}/tom-hale/'>Tom Hale</a></div>"
    )
    html = _story(head=declared, under=line)
    assert extract(html, "https://news.example/council-votes").authors == ["Anna Berg", "Tom Hale"]


def test_a_date_in_the_author_name_element_is_no_second_writer() -> None:
    """The Jerusalem Post marks its dateline itemprop=name inside the author block
    ("NOVEMBER 20, 2019 10:43"): the staff byline is the only writer."""
    page = AEB_PAGES / "e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090.html.gz"
    assert _corpus_article(page).authors == ["JERUSALEM POST STAFF"]


_PARAGRAPHS = (
    "<p>The ferry crossed the river twice an hour until the council cut its grant.</p>" * 6
)


def test_a_link_to_its_days_archive_dates_the_story() -> None:
    """A blog theme's dateline is a link to the day's archive (The Raw Story, ldt.de), here in
    a layout block named "sidebar" that wraps the story; a widget's date further down is
    another post's."""
    html = (
        "<html><head><title>Fall in love with black – LDT Blog</title></head><body>"
        "<div class='mainwrap single-default sidebar'><div class='post'>"
        "<h2>Fall in love with black</h2><div class='post-meta'>"
        "<a class='post-meta-time' href='https://blog.example/2017/08/08/'>08/08/2017</a>"
        f"<a href='https://blog.example/author/sm/'>Stephan Markus</a></div>{_PARAGRAPHS}</div>"
        "<div class='widget'><h4><a href='/school-day/'>School day</a></h4>"
        "<div class='widget-date'>14/06/2019</div></div></div></body></html>"
    )
    assert extract(html, "https://blog.example/fall-in-love/").published == "2017-08-08"


def test_a_sidebars_recent_posts_do_not_date_the_story() -> None:
    """A page whose only dated text, bar the story's own after an icon, is a recent-posts
    widget's (wara-enforcement.org): no date rather than another post's."""
    html = (
        "<html><body><div class='sidebar_content'><h3>Un braconnier condamné</h3>"
        "<div class='post_detail'><img src='/calendar.png' alt=''> 27 Sep 2016</div>"
        f"{_PARAGRAPHS}</div><div class='sidebar'><ul><li class='widget widget_recent_entries'>"
        "<h2>Les dernières actualités</h2><ul><li><a href='/autre/'>Une douanière arrêtée</a>"
        " <span class='post-date'>09/09/2019</span></li></ul></li></ul></div></body></html>"
    )
    assert extract(html, "https://wara.example/braconnier/").published is None


def test_a_bare_list_item_under_the_headline_dates_the_story() -> None:
    """Mediapart's blogs list the day and the writer under the headline (<ul class=info>);
    the blog's list of posts below gives other days."""
    under = "<ul class='info'><li>27 juin 2019</li><li>Par <a href='/elba'>Elba</a></li></ul>"
    other = (
        "<div class='simple-list'><h2>Le fil du blog</h2><ul><li><a href='/elba/300719/x'>"
        "Nous sommes en train</a> <span class='author'><time datetime='2019-07-30'>30 juil."
        " 2019</time></span></li></ul></div>"
    )
    html = _story(under=under, after=other, lang="fr")
    assert extract(html, "https://blogs.example/elba/violences").published == "2019-06-27"


def test_a_declared_title_naming_only_the_site_is_no_headline() -> None:
    """medef.com's <title> is "MEDEF"; a later h1 ("<span>Medef</span> Contactez-nous", a
    contact box) shares that word, but the story's headline is the first h1."""
    html = (
        "<html><head><title>MEDEF</title></head><body><article>"
        f"<h1>Alternative dispute resolution for antitrust damages</h1>{_PARAGRAPHS}</article>"
        "<div class='box'><h1><span>Medef</span> Contactez-nous</h1></div></body></html>"
    )
    title = extract(html, "http://www.medef.com/en/content/dispute").title
    assert title == "Alternative dispute resolution for antitrust damages"


def test_an_og_title_naming_the_site_leaves_the_headline_to_the_page() -> None:
    """shop.nmb-media.de declares its site's name as og:title and og:site_name."""
    page = TRAFILATURA_PAGES / "nmb-media.de.ebay-6066ab.html.gz"
    title = _corpus_article(page, "https://shop.nmb-media.de/eBay-Template-Datenschutz").title
    assert title == "Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen"


@pytest.mark.parametrize(
    "case_id",
    [
        # og:title and <title> both carry an SEO variant; the h1 shows the headline
        "taz.de.siemens-ce5d25",
        "heizung.de.waermepumpen-4b2357",
        "selbst.de-wurmkiste-1be801",
    ],
)
def test_a_title_repeating_the_og_title_casts_no_second_vote(case_id: str) -> None:
    """An SEO plugin writes one title into og:title and <title>: one witness, which ties
    with the headline the page shows, and the shown one wins the tie."""
    gold = _trafilatura_meta()[case_id]
    page = TRAFILATURA_PAGES / f"{case_id}.html.gz"
    assert _corpus_article(page, gold["url"]).title == gold["title"]


def test_a_section_h1_does_not_win_a_tie_with_the_og_title() -> None:
    """wienbadminton.at: the h1 names the section ("News"), sharing no word with og:title."""
    html = (
        "<html><head><meta property='og:title' content='Come Together'>"
        "<title>Come Together | Club</title></head><body><h1>News</h1><article>"
        f"<h3>Come Together</h3>{_PARAGRAPHS}</article></body></html>"
    )
    assert extract(html, "https://club.example/news/119843").title == "Come Together"


@pytest.mark.parametrize(
    "case_id",
    [
        "latercera.com-laagenda-74e5e5",  # <h1><div>Headline</div></h1>
        "hss.de-Regierung-03a6b6",  # <h1><small>Tunesien</small><br> Große Aufgaben…</h1>
        # <h1 class="visuallyhidden">Headline | Umweltbundesamt</h1>: the site's name goes
        "umweltbundesamt.de-atomkraft-789651",
        # <h1><span class="sub-heading">Energiewende Oberland:</span> Klimavorreiter
        # Oberland?</h1>, each declared title without the span: a kicker by another name
        "tegernseerstimme.de-Klimavorreiter-cff6f7",
    ],
)
def test_the_headline_within_its_heading(case_id: str) -> None:
    gold = _trafilatura_meta()[case_id]
    page = TRAFILATURA_PAGES / f"{case_id}.html.gz"
    assert _corpus_article(page, gold["url"]).title == gold["title"]


def test_a_short_story_in_a_page_wide_form_is_kept() -> None:
    """An ASP.NET page wraps everything in one <form>; a club's news item of one paragraph
    (wienbadminton.at, 900 characters) is most of the form's text, which a widget never is."""
    prose = (
        "Unter dem Motto Come Together wurde am Sonntag das erste inklusive Turnier ausgetragen."
        " Insgesamt traten vierzehn Spielerinnen und Spieler an, davon vier im Rollstuhl. "
    )
    html = (
        "<html><body><form id='aspnetForm' method='post'><nav><a href='/'>Start</a>"
        "<a href='/news'>News</a></nav><div id='content'><h1>News</h1><div class='post'>"
        f"<h3 class='newstitle'>Come Together</h3><div class='body'><p>{prose * 4}</p></div>"
        "</div></div></form></body></html>"
    )
    body = extract(html, "https://club.example/news/119843/Come-Together").body
    assert body.startswith("Unter dem Motto Come Together")


def test_a_headline_declared_as_the_sites_name_is_still_the_title() -> None:
    """MSN's story pages declare their headline as application-name (read as the site's
    name) and as <title>, and show it in the h1: with nothing else naming the story, the
    title stays."""
    headline = "This Is Your Brain On Sad Movies; Plus 5 Films To Cry To"
    html = (
        f"<html><head><title>{headline}</title><meta name='application-name'"
        f" content='{headline}'></head><body><article><h1>{headline}</h1>{_PARAGRAPHS}"
        "</article></body></html>"
    )
    assert extract(html, "http://www.msn.com/en-us/health/sad-movies").title == headline


def test_a_posts_author_class_does_not_make_it_an_author_box() -> None:
    """The Hybrid theme names the post's writer among its classes ("hentry post publish
    author-kinra", kinra.de): a short post of two paragraphs was taken for an author box and
    dropped, leaving the site's tagline as the body."""
    prose = (
        "Den Sicherheitsfanatikern sei im Zusammenhang mit dem Anschlagsversuch in dieser Woche"
        " die Frage erlaubt, wieso es vermeintliche Terroristen fast geschafft haben sollen. "
    )
    html = (
        "<html><body><div id='header'><div id='site-description'><span>Weblog zu den Themen:"
        " Überwachung, Gesellschaft, Politik, Fotografie, Kunst, Architektur und Kultur.</span>"
        "</div></div><div id='content' class='hfeed content'><div id='post-959' class='hentry"
        " post publish post-1 odd author-kinra category-terror post_tag-kommentar'>"
        "<h1 class='post-title entry-title'>Strategiewechsel statt Totalüberwachung</h1>"
        f"<div class='entry-content'><p>{prose * 3}</p><p>{prose * 3}</p></div></div></div>"
        "</body></html>"
    )
    body = extract(html, "http://blog.example/?p=959").body
    assert body.startswith("Den Sicherheitsfanatikern")


@pytest.mark.parametrize(
    ("metas", "expected"),
    [
        # A <meta itemprop> outside any item (USA Today sets it in its <head>).
        ("<meta itemprop='datePublished' content='2014-10-02T14:52:39.4770000'>", ["2014"]),
        # One item's metas, the page's own (litradio.net's, inside its article).
        (
            "<div itemscope itemtype='https://schema.org/Article'><meta itemprop='datePublished'"
            " content='2020-02-22T09:38:38+01:00'></div>",
            ["2020-02-22T09:38:38+01:00"],
        ),
        # An image's date, an item nested as another item's property, is not the page's.
        (
            "<div itemscope itemtype='https://schema.org/Article'><div itemprop='image' itemscope"
            " itemtype='https://schema.org/ImageObject'><meta itemprop='datePublished'"
            " content='2011-05-01'></div></div>",
            [],
        ),
        # itemprop holds a list of names (The New York Times: "datePublished dateCreated").
        (
            "<meta property='article:published' itemprop='datePublished dateCreated'"
            " content='2019-11-19T11:00:09.000Z'>",
            ["2019-11-19"],
        ),
        # So does a visible element's, microdata's or RDFa's.
        ("<time itemprop='dateCreated datePublished' datetime='2019-11-20'>", ["2019-11-20"]),
        ("<span property='dc:date schema:datePublished' content='2019-11-21'>", ["2019-11-21"]),
        # Cards of other stories, each with its own date, say nothing of the page.
        (
            "<article itemscope><meta itemprop='datePublished' content='2024-01-02'></article>"
            "<article itemscope><meta itemprop='datePublished' content='2024-01-03'></article>",
            [],
        ),
    ],
)
def test_microdata_metas_declare_the_pages_date(metas: str, expected: list[str]) -> None:
    data = read_structured(lxml.html.fromstring(f"<html><head></head><body>{metas}</body></html>"))
    assert len(data.published) == len(expected)
    assert [value[: len(e)] for value, e in zip(data.published, expected, strict=True)] == expected


COOKIE_BANNER = (
    "We use cookies and other tracking technologies to improve your browsing experience on our"
    " site, show personalized content and targeted ads, analyze site traffic, and understand"
    " where our audience is coming from. To find out more or to opt-out, please read our Cookie"
    " Policy. In addition, please read our Privacy Policy, which has also been updated."
)


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        (COOKIE_BANNER, True),
        ("Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie dem zu.", True),
        (
            "Um unsere Webseite für Sie optimal zu gestalten und fortlaufend verbessern zu können,"
            " verwenden wir Cookies. Durch die weitere Nutzung stimmen Sie dem zu.",
            True,
        ),
        (
            "Durch die Nutzung von travanto.de erklären Sie sich mit unseren Allgemeinen"
            " Geschäftsbedingungen und der Datenschutzerklärung einverstanden.",
            True,
        ),
        ("Nous utilisons des cookies pour améliorer votre expérience.", True),
        # A story about cookies is no notice.
        (
            "The court ruled that websites must ask before they use cookies, a decision that"
            " privacy groups welcomed on Tuesday.",
            False,
        ),
        ("Grandma's cookies, baked with love, won the county fair.", False),
    ],
)
def test_a_cookie_or_consent_notice_is_told_by_its_words(text: str, notice: bool) -> None:
    assert is_consent_notice(text) is notice


def _unnamed(html: bytes) -> bytes:
    """The page with every class and id word made an opaque token: a theme whose names no
    vocabulary lists (as bench/robustness.py's "names" probe reads the sets)."""
    tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    for el in tree.iter():
        for attribute in ("class", "id") if isinstance(el.tag, str) else ():
            if (value := el.get(attribute)) is not None:
                words = (hashlib.sha1(w.encode()).hexdigest()[:6] for w in value.split())
                el.set(attribute, " ".join(f"n{w}" for w in words))
    return lxml.html.tostring(tree, encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "kept", "left_out"),
    [
        # a reader's long comment weighed as much as the post
        (
            TRAFILATURA_PAGES / "blog.mondediplo.net.turpitude-02063f.html.gz",
            "malgré tout l’amitié et l’entraide occupent une grande place",
            "Les Chiliens aussi",
        ),
        # a recipe's notes, and a sidebar's piece on apples
        (
            TRAFILATURA_PAGES / "eatsmarter.de.porridge-36792b.html.gz",
            "Hafer ist reich an Ballaststoffen und Calcium",
            "Äpfel schmecken im Idealfall",
        ),
        # a shop's article page, and its shipping terms in a hidden box
        (
            TRAFILATURA_PAGES / "vinosytapas.de.rioja-85f58f.html.gz",
            "Die Region D.O.Ca. Rioja",
            "Versandkosten und Lieferung",
        ),
        # a calendar of lines under its headline, and a sidebar's columnist box
        (
            AEB_PAGES / "cc03ddb5ef7d5f1fdb8a87f5e6dfd058a2a70acedf2551655a898dc5c18eb79e.html.gz",
            "1a etapa: 10 de março – Interlagos",
            "Clique na foto do Adauto",
        ),
    ],
)
def test_with_no_telling_names_the_text_by_the_headline_is_the_story(
    page: Path, kept: str, left_out: str
) -> None:
    if not page.exists():
        pytest.skip(f"shared corpus page {page} is absent")
    body = extract(_unnamed(gzip.decompress(page.read_bytes()))).body
    assert kept in body and left_out not in body


def test_an_unnamed_winner_gives_way_to_the_text_by_the_headline() -> None:
    """vinosytapas.de as served: the page names other blocks "content" and "body" (product
    details, side panels), not its article ("beschreibung") nor the shop's shipping box that
    outweighed it; the box stays out."""
    page = TRAFILATURA_PAGES / "vinosytapas.de.rioja-85f58f.html.gz"
    body = _corpus_article(page).body
    assert "Die Region D.O.Ca. Rioja" in body and "Versandkosten" not in body


def test_a_cookie_banner_in_unnamed_markup_is_not_the_story() -> None:
    """SB Nation's snap counts (aeb-dev) with opaque class names: a short intro over tables,
    and a banner of longer sentences elsewhere. The banner votes for no container."""
    rows = "".join(
        f"<tr><td>DL</td><td>Player {i}</td><td>{50 + i}</td><td>{70 + i}%</td></tr>"
        for i in range(12)
    )
    story = (
        "<div class='n1'><p>Below, we analyze the snap counts and stats on defense for the"
        " Browns' Week 11 game against the Steelers.</p>"
        f"<h3>Defensive Line</h3><table>{rows}</table><h3>Linebackers</h3><table>{rows}</table>"
        "<p>Next week the Browns face the Dolphins at home.</p></div>"
    )
    html = (
        f"<html><body><div class='n2'><p>{COOKIE_BANNER}</p></div>"
        f"<div class='n3'><h1>Browns’ defensive snap counts</h1>{story}</div></body></html>"
    )
    body = extract(html, "https://news.example/2019/11/18/snap-counts").body
    assert "Below, we analyze" in body and "cookies" not in body


def _posts(second_heading: str) -> str:
    opening = "<p>Does anyone know if the council has set a date for the last crossing?</p>" * 4
    reply = "<p>The date is Friday the 31st, and the last crossing is at four o'clock.</p>"
    return (
        "<html><body><main><h1>Ferry closing at the end of March?</h1>"
        f"<article><h3>riverwalker</h3><div class='Post-body'>{opening}</div></article><hr>"
        f"<article>{second_heading}<div class='Post-body'>{reply}</div></article>"
        "</main></body></html>"
    )


@pytest.mark.parametrize(
    ("second_heading", "joined"),
    [
        ("<h3>ann_w</h3>", True),  # a reply: its poster's name, then its text
        ("<h3><a href='/2023/03/other-story'>Other story</a></h3>", False),  # a teaser card
        ("<a href='/2023/03/other-story'><h3>Other story</h3></a>", False),  # linked around
    ],
)
def test_unnumbered_posts_in_articles_are_one_thread(second_heading: str, joined: bool) -> None:
    """Flarum's page for visitors without scripts sets each post in an <article> with no id:
    the same part of each (its text, not its poster's name) is the thread."""
    body = extract(_posts(second_heading), "https://forum.example/d/412").body
    assert body.startswith("Does anyone know")
    assert ("The date is Friday the 31st" in body) is joined
    assert "ann_w" not in body and "Other story" not in body
