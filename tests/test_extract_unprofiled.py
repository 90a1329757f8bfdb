"""Fields a page shows whatever its markup: standfirsts and house bylines without a profile."""

from __future__ import annotations

import pytest

from scraper.extract.headline import strip_site_name
from scraper.extract.page import extract

LEDE = "Le constat est simple\u202f: Bruxelles remet en cause la fiscalité des classes moyennes."
BODY = "".join(
    f"<p>Paragraphe {i} du corps de l’article, assez long pour être un vrai texte de presse.</p>"
    for i in range(8)
)


def page(description: str, lede_html: str, body: str = BODY) -> str:
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Un titre</title><meta property="og:description" content="{description}">
<meta name="generator" content="Ghost 6.0"></head>
<body class="post-template"><main><article class="x1a2b3">
<header class="x9f8e7"><h1 class="x4c5d6">Un titre</h1>{lede_html}
<div class="x0a0b0"><a href="/author/cds/">CDS</a></div></header>
<section class="gh-content">{body}</section></article></main></body></html>"""


@pytest.mark.parametrize(
    "wrapper", ['<p class="x77aa11">{}</p>', '<div class="zz"><span>{}</span></div>']
)
def test_lede_with_opaque_classes_is_found_through_the_description(wrapper: str) -> None:
    article = extract(page(LEDE, wrapper.format(LEDE)), "https://news.example/un-titre/")
    assert article.lede == LEDE
    assert LEDE not in article.body


def test_an_auto_description_that_is_the_first_paragraph_is_no_lede() -> None:
    first = "Paragraphe 0 du corps de l’article, assez long pour être un vrai texte de presse."
    article = extract(page(first, ""), "https://news.example/un-titre/")
    assert article.lede is None
    assert article.body.startswith(first)


def test_a_description_the_page_does_not_show_is_no_lede() -> None:
    article = extract(page("Un résumé pour les moteurs de recherche seulement.", ""), None)
    assert article.lede is None


@pytest.mark.parametrize(
    ("name", "house"),
    [
        ("CDS", True),
        ("courrier-strateges", True),
        ("Rédaction", True),
        ("La Rédaction", True),
        ("Staff", True),
        ("Éric Verhaeghe", False),
        ("Thibault de Varenne", False),
        ("AFP", False),
    ],
)
def test_house_bylines_are_recognised_without_a_profile(name: str, house: bool) -> None:
    from scraper.extract.authors import looks_like_house

    assert (
        looks_like_house(name, ["Le Courrier des Stratèges", "lecourrierdesstrateges.fr"]) is house
    )


def test_a_house_byline_gives_way_to_the_writer_named_in_the_title_without_a_profile() -> None:
    html = (
        page(LEDE, f"<p>{LEDE}</p>")
        .replace(
            "<title>Un titre</title>",
            '<title>Un titre</title><meta property="og:site_name" content="Le Courrier des Stratèges">',
        )
        .replace("Un titre</h1>", "Un titre, par Ulrike Reisner</h1>")
    )
    assert extract(html, "https://news.example/un-titre/").authors == ["Ulrike Reisner"]


@pytest.mark.parametrize(
    ("title", "writer"),
    [
        (
            "La CGT a fini par accepter la planification écologique... par Ulrike Reisner",
            "Ulrike Reisner",
        ),
        (
            "Deux généraux en appellent à l’objection de conscience! par Philippe Migault",
            "Philippe Migault",
        ),
        ("Le Sénat a fini par céder", None),
    ],
)
def test_the_writer_is_named_by_the_last_par_of_a_title(title: str, writer: str | None) -> None:
    from scraper.extract.authors import named_in_title

    assert named_in_title(title, None) == writer


def test_a_members_only_preview_is_never_completed_from_scripts_or_structured_data() -> None:
    full = " ".join(f"Phrase {i} du texte intégral réservé aux abonnés." for i in range(60))
    html = (
        '<html lang="fr"><head><title>Un titre</title><script type="application/ld+json">'
        f'{{"@type": "Article", "headline": "Un titre", "articleBody": "{full}"}}</script>'
        '</head><body class="post-template"><article class="post post-access-paid"><h1>Un titre</h1>'
        '<section class="gh-content"><p>Le début visible de l’article, seul texte public.</p>'
        '</section><aside class="gh-post-upgrade-cta"><h2>Réservé aux abonnés</h2></aside>'
        f'</article><script>var s = {{"contentHtml": "<p>{full}</p><p>{full}</p>"}};</script>'
        "</body></html>"
    )
    article = extract(html, "https://news.example/un-titre/")
    assert article.members_only
    assert article.body == "Le début visible de l’article, seul texte public."


@pytest.mark.parametrize(
    ("declared", "stripped"),
    [
        ("Titre du jour | Le Site", "Titre du jour"),
        ("Le Site - Titre du jour", "Titre du jour"),
        ("Titre du jour | Le Site | by Jane Doe", "Titre du jour"),
        ("Titre: pourquoi Le Site a raison - Le Site", "Titre: pourquoi Le Site a raison"),
        ("Titre | Sans nom de site", "Titre | Sans nom de site"),
        ("見出しの文｜Le Site", "見出しの文"),
        ("제목 문장ㅣLe Site", "제목 문장"),
        ("Titre|Le Site", "Titre"),
        # a site name holding a separator of its own (aoc.media), a bullet (careelite.de),
        # a rating between title and name (journalistenwatch.com)
        ("Titre du jour | Le Site - Analyse Opinion Critique", "Titre du jour"),
        ("Titre du jour • Le Site", "Titre du jour"),
        ("Le Site • Titre du jour", "Titre du jour"),
        ("Titre du jour » ☆☆☆☆☆ - Le Site", "Titre du jour"),
        # "«" as WordPress's Kubrick-era themes set it (spreeblick.com, blogoff.de), "›"
        # (piratenpartei-mv.de) and "--" (Engadget's old pages)
        ("Titre du jour « Le Site", "Titre du jour"),
        ("Titre du jour › Le Site", "Titre du jour"),
        ("Titre du jour -- Le Site", "Titre du jour"),
        # a quote the title closes or opens is no separator, French or German
        ("Macron : « Nous sommes en guerre » | Le Site", "Macron : « Nous sommes en guerre »"),
        ("« Nous sommes en guerre » - Le Site", "« Nous sommes en guerre »"),
        ("Le Site - « Nous sommes en guerre »", "« Nous sommes en guerre »"),
        ("»Haltet unsere Gewässer sauber!« - Le Site", "»Haltet unsere Gewässer sauber!«"),
        # the site's name alone stays whole
        ("Le Site - Analyse Opinion Critique", "Le Site - Analyse Opinion Critique"),
    ],
)
def test_the_site_name_is_cut_from_a_declared_title(declared: str, stripped: str) -> None:
    names = ["Le Site - Analyse Opinion Critique", "lesite.example"]
    assert strip_site_name(declared, names) == stripped


@pytest.mark.parametrize(
    "line",
    [
        "Von Montag an gilt die Regel.",
        "By Sunday, the council votes.",
        "Par Monts et Vaux",
    ],
)
def test_a_sentence_starting_like_a_byline_names_nobody(line: str) -> None:
    html = (
        "<html><body><main><article><h1>Un titre</h1>"
        f"<p>{line}</p>{BODY}</article></main></body></html>"
    )
    assert extract(html, "https://news.example/2024/05/01/un-titre/").authors == []


def test_a_plain_text_byline_names_the_writers() -> None:
    html = (
        "<html><body><main><article><h1>Un titre</h1>"
        "<div>Von: <span>Anna Muster</span>, <span>Jan Beispiel</span></div>"
        f"{BODY}</article></main></body></html>"
    )
    url = "https://news.example/2024/05/01/un-titre/"
    assert extract(html, url).authors == ["Anna Muster", "Jan Beispiel"]


_TWO_WRITERS = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
    ' "NewsArticle", "headline": "Un titre", "author": [{"@type": "Person", "name": "Anna'
    ' Muster"}, {"@type": "Person", "name": "Jan Beispiel"}]}</script>'
)


@pytest.mark.parametrize(
    ("opening", "byline"),
    [
        ("<p>Anna Muster/Jan Beispiel</p>", True),
        ("<p>Anna Muster und Jan Beispiel</p>", True),
        # the outlet's name on the line after the writers' (the BBC's byline list)
        ("<ul><li>Anna Muster, Jan Beispiel</li><li>Le Site</li></ul>", True),
        # other people named, or the outlet's name alone: text
        ("<p>Anna Muster, Jan Beispiel et Paul Autre</p>", False),
        ("<p>Le Site</p>", False),
    ],
)
def test_a_line_naming_the_writers_opening_the_story_is_its_byline(
    opening: str, byline: bool
) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Le Site">'
        f"{_TWO_WRITERS}</head><body><main><article><h1>Un titre</h1>"
        f"{opening}{BODY}</article></main></body></html>"
    )
    article = extract(html, "https://news.example/2024/05/01/un-titre/")
    assert article.authors == ["Anna Muster", "Jan Beispiel"]
    assert article.body.startswith("Paragraphe 0") is byline


@pytest.mark.parametrize(
    ("href", "dated"),
    [
        ("https://forum.example/discussion/412/un-titre", True),
        ("/discussion/412/un-titre?utm_source=feed#p1", True),
        ("http://forum.example/discussion/412/un-titre/", True),  # same document by url_key
        ("https://forum.example/discussion/377/une-autre-histoire", False),
    ],
)
def test_a_day_in_a_link_to_the_page_itself_is_the_pages(href: str, dated: bool) -> None:
    """A forum post's (or a blog post's) day shown in its own permalink dates the page; a day
    in a link to another page is that page's."""
    html = (
        "<html><body><main><h1>Un titre</h1>"
        f'<div class="x1"><a href="{href}"><time datetime="2023-03-14T09:30:12+00:00">'
        f"14 mars</time></a></div>{BODY}</main></body></html>"
    )
    article = extract(html, "https://forum.example/discussion/412/un-titre")
    assert (article.published or "")[:10] == ("2023-03-14" if dated else "")
