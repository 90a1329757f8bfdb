"""Author rules: bylines cleaned and split, outlets dropped, house accounts resolved."""

from __future__ import annotations

import pytest

from scraper.extract.authors import (
    byline_authors,
    byline_paragraph,
    dedupe,
    named_in_title,
    outlet_test,
    resolve_authors,
)
from scraper.extract.page import extract
from scraper.profiles import get_profile


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["Par Jean Dupont et Marie Curie"], ["Jean Dupont", "Marie Curie"]),
        (["By John Smith, Reporter"], ["John Smith"]),
        (["Von Max Müller | 27.11.2025"], ["Max Müller"]),
        (["Jean Dupont, le 27 novembre 2025"], ["Jean Dupont"]),
        (["Jane Roe and Bob Lee"], ["Jane Roe", "Bob Lee"]),
        (["Smith, Jones & Lee"], ["Smith", "Jones", "Lee"]),
        (["De Isabelle HOCK"], ["Isabelle HOCK"]),
        (["Anne-Sophie de La Tour"], ["Anne-Sophie de La Tour"]),
        (["Elena Oberholzer (obe)"], ["Elena Oberholzer"]),
        (["신현주 기자"], ["신현주"]),
        (["Sophie Foster", "sophie-foster"], ["Sophie Foster"]),
        (["https://www.facebook.com/someone", "@handle"], []),
        # Labels and credits in more languages, and a reading time after the name.
        (["Yazar: Ahmet Yılmaz", "Автор: Иван Петров"], ["Ahmet Yılmaz", "Иван Петров"]),
        (["Publié par Jean Dupont", "Texto: Ana Lima"], ["Jean Dupont", "Ana Lima"]),
        # Blogger's "Posted by" as translated
        (["Eingestellt von Jana Roth", "Geplaatst door Piet Smit"], ["Jana Roth", "Piet Smit"]),
        (["Текст: Лида Буслаева"], ["Лида Буслаева"]),
        (["Interview: Julia Lauter", "Entretien : Jean Dupont"], ["Julia Lauter", "Jean Dupont"]),
        (["Jane Doe • 5 min read", "Bo Kim · 3 Min. Lesezeit"], ["Jane Doe", "Bo Kim"]),
        # An account name may end in digits; a number standing alone is no name.
        (["freeman1984", "delta201"], ["freeman1984", "delta201"]),
        (["0800 123 456", "Ausgabe 2019"], []),
        (["Frank Bueltge - http://bueltge.de/"], ["Frank Bueltge"]),
        (["Thibault de Varenne", "thibault de varenne"], ["Thibault de Varenne"]),
        # Author boxes: the links beside the name are actions, photos carry the name in alt text.
        (["Jan Bussieck", "more posts", "Read More"], ["Jan Bussieck"]),
        (["View all posts by Anna Lee"], ["Anna Lee"]),
        (["Afficher tous les articles par Gaëtan Petit"], ["Gaëtan Petit"]),
        # Twenty Twenty-One's and Twenty Twenty's author boxes (German translations too).
        (
            ["View all of Anna Lee's posts.", "Alle Beiträge von Eva Kern anzeigen."],
            ["Anna Lee", "Eva Kern"],
        ),
        (["View Archive →", "Archiv anzeigen →", "Jo Roe"], ["Jo Roe"]),
        # A date is no name, wherever a byline sets it.
        (["NOVEMBER 20, 2019 10:43", "October 14, 2009 | Marc Lifsher"], ["Marc Lifsher"]),
        # An author flyout's archive and feed links (the New York Post's WordPress theme).
        (["Oli Coleman", "View author archive", "Get author RSS feed"], ["Oli Coleman"]),
        # The same links and bylines in Russian, Polish and Turkish (name first there).
        (
            [
                "Просмотреть все записи автора Anna Lee",
                "Zobacz wszystkie wpisy, których autorem jest Eva Kern",
                "Jo Roe yazarına ait tüm yazıları görüntüle.",
                "Ali Can tarafından",
            ],
            ["Anna Lee", "Eva Kern", "Jo Roe", "Ali Can"],
        ),
        # Arabic, Persian, Chinese and Korean (Twenty Twenty-One's translations).
        (
            [
                "عرض كل مقالات مارغريت أوكونيل",
                "مشاهده همه نوشته\u200cهای مارگارت اوکانل",
                "查看玛格丽特·奥康奈尔的所有文章。",
                "마거릿 오코넬 글 모두 보기",
            ],
            ["مارغريت أوكونيل", "مارگارت اوکانل", "玛格丽特·奥康奈尔", "마거릿 오코넬"],
        ),
        (["Rodrigo Fernández's Picture", "Rodrigo Fernández"], ["Rodrigo Fernández"]),
        (["Avatar of Jo Bloggs"], ["Jo Bloggs"]),
        # A link's label whose name was left out (the name is the next link's text).
        (["Artikel von ", "Autorenseite von", "Posts by", "Jo Roe"], ["Jo Roe"]),
        # A final initial keeps its full stop; a sentence's does not.
        (["Juan Carlos Muñoz C."], ["Juan Carlos Muñoz C."]),
        (["By Joe S.", "Sam Davis Jr."], ["Joe S.", "Sam Davis Jr."]),
        (["Jane Roe."], ["Jane Roe"]),
        # A picture's credit names its photographer, not the writer.
        (["Photograph by Ed Marshall, Redonda Restoration Programme", "Foto: Jo Roe"], []),
        # The outlet written for is no part of the name (dailymail.co.uk's JSON-LD).
        (
            ["By Glen Owen And Brendan Carlin For The Mail On Sunday", "Jo Roe for Reuters"],
            ["Glen Owen", "Brendan Carlin", "Jo Roe"],
        ),
        # An author box's link to the writer's other stories is no name (Newspack's).
        (["More by Jo Roe", "Jo Roe"], ["Jo Roe"]),
        # An organisation named "X for Y" keeps its name (GOV.UK's "From:" line).
        (["Department for Transport"], ["Department for Transport"]),
        # A copyright notice and a CMS's placeholder are no writers.
        (["Copyright Haufe-Lexware GmbH & Co. KG - all rights reserved", "publisher"], []),
        (["name, email@gmail.com", "Author"], []),  # a template's placeholder (guancha.cn)
        (["Super User"], []),  # Joomla's default account (chadim.net, viehbacher.com)
        # A desk's role of several words after the names (Yahoo's AP copy)
        (
            [
                "JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers",
                "Jo Roe, AP Business Writer",
            ],
            ["JORDAN ROBERTSON", "RACHEL METZ", "Jo Roe"],
        ),
        # A role with its qualifier after the name (deadline.com)
        (
            ["DAVID LIEBERMAN, Executive Editor", "Jo Roe, Managing Editor"],
            ["DAVID LIEBERMAN", "Jo Roe"],
        ),
        # A company's legal form: the publisher or its web agency, no writer.
        (
            ["wegewerk GmbH", "AWR Wprost Sp. z o.o.", "Hanns-Seidel-Stiftung e.V.", "Jo Roe"],
            ["Jo Roe"],
        ),
        # An advertisement's label is no writer.
        (["Sponsored Content", "Gesponserte Inhalte", "Anzeige", "Jo Roe"], ["Jo Roe"]),
        # A degree after the comma is no co-author.
        (
            ["Grant Tinsley, PhD", "Ann Lee, M.D., and Bo Kim, RD"],
            ["Grant Tinsley", "Ann Lee", "Bo Kim"],
        ),
        # "with" before a capitalised name credits a co-author (lemonde.fr, Deutschlandfunk).
        (
            ["Martin Untersinger (avec Damien Leloup et Morgane Tual)"],
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
        ),
        (
            ["By Jane Doe with John Roe", "Marco Rossi con Anna Bianchi"],
            ["Jane Doe", "John Roe", "Marco Rossi", "Anna Bianchi"],
        ),
        (["Jane Doe with the Associated Press"], ["Jane Doe with the Associated Press"]),
        # "and" in more languages; a capital letter between names is a middle initial.
        (
            ["Anna Berg ja Pekka Holm", "Nagy Péter és Kiss Anna", "Ali Can ve Ayşe Kaya"],
            ["Anna Berg", "Pekka Holm", "Nagy Péter", "Kiss Anna", "Ali Can", "Ayşe Kaya"],
        ),
        (["Иван Петров и Анна Смирнова"], ["Иван Петров", "Анна Смирнова"]),
        (["John A Smith", "Maria E Silva"], ["John A Smith", "Maria E Silva"]),
        # Indonesian's "dan" in lower case; "Dan" is a given name.
        (["Budi Santoso dan Siti Aminah"], ["Budi Santoso", "Siti Aminah"]),
        (["Tom Dan Hale"], ["Tom Dan Hale"]),
        # A reading time after the names, its label or minutes in the page's language.
        (
            [
                "Jean Dupont · Lecture 5 min",
                "María López · 5 minutos de lectura",
                "Mario Rossi · Tempo di lettura: 5 minuti",
                "Ahmet Yılmaz · Okuma süresi: 5 dakika",
                "Иван Петров · Время чтения: 5 минут",
            ],
            ["Jean Dupont", "María López", "Mario Rossi", "Ahmet Yılmaz", "Иван Петров"],
        ),
        (["John Minter", "Anna Mina"], ["John Minter", "Anna Mina"]),
        # A date after the names, after "on" in its language or a weekday.
        (
            [
                "Por João Silva em 5 de março de 2024",
                "Door Jan Jansen op 5 maart 2024",
                "Oleh Budi Santoso - Selasa, 5 Maret 2024",
            ],
            ["João Silva", "Jan Jansen", "Budi Santoso"],
        ),
        # ... and after "on" in its language and the day of the week; names that are a
        # weekday's or hold "le" keep them when no "on" comes before.
        (
            [
                "By John Smith on Tuesday, March 3, 2020",
                "Von Hans Müller am Dienstag, 3. März 2020",
                "Par Jean Dupont le mardi 3 mars 2020",
                "Por Ana Ruiz el martes, 3 de marzo de 2020",
                "Door Jan Jansen op dinsdag 3 maart 2020",
                "Submitted by Jo Roe on Tue, 03/03/2020 - 10:15",
            ],
            ["John Smith", "Hans Müller", "Jean Dupont", "Ana Ruiz", "Jan Jansen", "Jo Roe"],
        ),
        # ... and after its label, maybe with a time (bylines that hold the story's day).
        (
            [
                "By Sarah Yang Updated May 06, 2019",
                "Tom Davies Published 11:34 PM EST Nov 19, 2019",
                "Sara Zinnecker Stand: 05. Februar 2020",
                "von Herr Rein Veröffentlicht am 11. Juni 2019",
            ],
            ["Sarah Yang", "Tom Davies", "Sara Zinnecker", "Herr Rein"],
        ),
        (
            ["Par Marine Le Pen 3 mars 2020", "By Plácido Domingo, March 3, 2020"],
            ["Marine Le Pen", "Plácido Domingo"],
        ),
        # A name's spaces are plain, whatever the page typeset.
        (["By Jane\u00a0Roe", "Jean\u202fDupont"], ["Jane Roe", "Jean Dupont"]),
        (
            ["Ana e Pedro Silva", "JOHN ROE AND JANE DOE"],
            ["Ana", "Pedro Silva", "JOHN ROE", "JANE DOE"],
        ),
        # The date before "by" (WordPress's "Posted on … by …").
        (["Posted on March 5, 2024 at 9:00 am by Jane Doe"], ["Jane Doe"]),
        (["Publicado el 5 de marzo de 2024 por María López"], ["María López"]),
        # Who took the pictures or edited is no writer; bullets part the credits.
        (["Story by Jane Doe • Photos by John Smith"], ["Jane Doe"]),
        (
            ["Text: Ann Lee, Photos: Tom Roe", "Mary Major, edited by Jo Bloggs"],
            ["Ann Lee", "Mary Major"],
        ),
        # The piece named with its writer, and the outlet a Brazilian writer writes for.
        (
            [
                "Ein Kommentar von Anna Müller",
                "Propos recueillis par Jean Dupont",
                "A cura di Mario Rossi",
                "Una nota de Juan Pérez",
                "Texto e fotos: Ana Lima",
                "Por João Silva, do G1",
            ],
            ["Anna Müller", "Jean Dupont", "Mario Rossi", "Juan Pérez", "Ana Lima", "João Silva"],
        ),
        (["Ana Lima e João da Silva"], ["Ana Lima", "João da Silva"]),
        # A handle after the name (Polygon: "By Griffin McElroy @griffinmcelroy").
        (["By Griffin McElroy @griffinmcelroy"], ["Griffin McElroy"]),
        # Greek "by": "Από" (and "Από τον/την", as "Του/Της").
        (
            ["Από Γιώργος Παπαδόπουλος", "Από την Μαρία Νικολάου"],
            ["Γιώργος Παπαδόπουλος", "Μαρία Νικολάου"],
        ),
    ],
)
def test_byline_authors(raw: list[str], names: list[str]) -> None:
    assert byline_authors(raw) == names


@pytest.mark.parametrize(
    ("lang", "byline", "name"),
    [
        # "By" and "Author" in more languages: no part of the name.
        ("id", "Oleh Budi Santoso", "Budi Santoso"),
        ("fi", "Teksti: Matti Virtanen", "Matti Virtanen"),
        ("el", "Της Μαρίας Παπαδοπούλου", "Μαρίας Παπαδοπούλου"),
        ("hr", "Piše: Ivan Horvat", "Ivan Horvat"),
        ("sr", "Аутор: Марко Марковић", "Марко Марковић"),
        ("sl", "Avtor: Janez Novak", "Janez Novak"),
        ("lt", "Autorius: Jonas Jonaitis", "Jonas Jonaitis"),
        ("vi", "Tác giả: Nguyễn Văn An", "Nguyễn Văn An"),
        # In a script without capitals the label vouches for the name, as an author link does.
        ("zh", "作者：王小明", "王小明"),
        ("ar", "بقلم أحمد علي", "أحمد علي"),
        ("he", "מאת דני כהן", "דני כהן"),
        # ... and so do a label before the name or the writer's role after it.
        ("zh", "记者 王小明", "王小明"),
        ("zh", "本报记者 王小明", "王小明"),
        ("zh", "撰文：王小明", "王小明"),
        ("zh", "王小明 记者", "王小明"),
        ("zh", "記者王小明／台北報導", "王小明"),  # where they reported from is no name
        ("ja", "文：山田太郎", "山田太郎"),
        ("ja", "山田太郎 記者", "山田太郎"),
        ("ko", "글: 홍길동", "홍길동"),
        ("ko", "홍길동 기자", "홍길동"),
        ("ko", "홍길동 기자 hong@example.com", "홍길동"),  # with the writer's address
        ("ko", "[서울=뉴시스] 홍길동 기자", "홍길동"),  # after a news agency's dateline
        ("ko", "(서울=연합뉴스) 홍길동 기자 =", "홍길동"),
        ("zh", "新华社记者 王小明", "王小明"),  # the agency before "reporter"
        # A reporter named by role (Indonesian newsrooms), Arabic's "wrote:", Hindi's "writer:".
        ("id", "Reporter: Budi Santoso | Editor: Siti Rahma", "Budi Santoso"),
        ("id", "Penulis: Budi Santoso", "Budi Santoso"),
        ("ar", "كتب: أحمد علي", "أحمد علي"),
        ("hi", "लेखक: राहुल शर्मा", "राहुल शर्मा"),
        # The outlet after the name, spelled as no name is: an address, a word capitalised inside.
        ("id", "Budi Santoso - detikNews", "Budi Santoso"),
        ("id", "Budi Santoso, Kompas.com", "Budi Santoso"),
    ],
)
def test_a_labelled_byline_in_the_pages_language(lang: str, byline: str, name: str) -> None:
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        f"<html lang='{lang}'><body><article><h1>Council votes the budget</h1>"
        f"<p class='byline'>{byline}</p>{text}</article></body></html>"
    )
    assert extract(html, "https://news.example/council-votes").authors == [name]


@pytest.mark.parametrize(
    "name",
    [
        # Drupal 8+ (Bartik and other Classy themes) to a visitor who may not see profiles:
        # the node's author field holds the name unlinked.
        '<span class="field field--name-uid field--type-entity-reference field--label-hidden">'
        "<span>Margaret O'Connell</span></span>",
        # ... with core's RDF module (schema.org attributes on the name), and Classy's older
        # single-dash classes.
        '<span class="field field--name-uid field--type-entity-reference field--label-hidden">'
        '<span lang="" about="/user/3" typeof="schema:Person" property="schema:name" datatype="">'
        "Margaret O'Connell</span></span>",
        '<span class="field field-node--uid field-name-uid field-type-entity-reference '
        "field-label-hidden\"><span>Margaret O'Connell</span></span>",
    ],
)
def test_drupals_submitted_by_an_unlinked_author(name: str) -> None:
    text = "<p>The ferry made its last crossing on Saturday, watched by a small crowd.</p>" * 6
    html = (
        "<html lang='en'><body><main><h1 class='title page-title'>The last ferry</h1>"
        "<article class='node node--type-article'><header>"
        "<div class='node__meta'><span>Submitted by "
        f"{name} on <span class='field field--name-created'>Tue, 03/14/2023 - 09:30</span>"
        f"</span></div></header><div class='node__content'>{text}</div></article></main>"
        "</body></html>"
    )
    article = extract(html, "https://fieldnotes.example/node/12")
    assert article.authors == ["Margaret O'Connell"]
    assert article.published == "2023-03-14T09:30:00"


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        # Particles written small, alone or joined to the name after them.
        ("fr", "Valéry Giscard d'Estaing"),
        ("fr", "Jean d’Ormesson"),
        ("it", "Marco dell'Orto"),
        ("en", "Hamza al-Khatib"),
        ("en", "Mohamed el Baradei"),
        ("ms", "Siti Nurhaliza binti Tarudin"),
        ("pt", "Maria do Carmo"),
    ],
)
def test_a_name_with_a_particle_written_small(lang: str, name: str) -> None:
    text = "<p>The council voted the budget on Tuesday night after a long debate.</p>" * 6
    html = (
        f"<html lang='{lang}'><body><article><h1>Council votes the budget</h1>"
        f"<p class='byline'>By {name}</p>{text}</article></body></html>"
    )
    assert extract(html, "https://news.example/council-votes").authors == [name]


def test_the_outlets_own_name_stays_whole() -> None:
    """heise's "Mac & i" as DC.creator is the outlet, not the writers "Mac" and "i"."""
    outlet = outlet_test(["Mac & i"])
    assert byline_authors(["Mac & i"], outlet) == ["Mac & i"]
    assert byline_authors(["Mac & i"]) == ["Mac"]  # what it was split into


def test_dedupe_keeps_first_spelling_and_order() -> None:
    assert dedupe(["B", "a", "b", "A"]) == ["B", "a"]


@pytest.mark.parametrize(
    ("title", "lede", "name"),
    [
        ("Pourquoi tant d'admirateurs ? par Elise Rochefort", None, "Elise Rochefort"),
        ("Trump plonge-t-il l'Europe dans la guerre, par Ulrike Reisner", None, "Ulrike Reisner"),
        ("Deux généraux allemands – par Philippe Migault", None, "Philippe Migault"),
        ("Comment Macron fait surveiller le Net... par Elise Rochefort", None, "Elise Rochefort"),
        ("Un titre", "Par Isabelle HOCK – Le 12 mai, à Paris…", "Isabelle HOCK"),
        ("Le pouvoir par le vide", None, None),
        ("Un titre sans auteur", "Paris, le 12 mai", None),
    ],
)
def test_named_in_title(title: str, lede: str | None, name: str | None) -> None:
    assert named_in_title(title, lede) == name


@pytest.fixture
def courrier():
    return get_profile("courrier")


@pytest.mark.parametrize(
    ("byline", "title", "authors"),
    [
        (["Rédaction"], "Un titre, par Elise Rochefort", ["Elise Rochefort"]),
        (["CDS"], "Un titre – par Philippe Migault", ["Philippe Migault"]),
        (["courrier-strateges"], "Un titre sans nom", ["courrier-strateges"]),
        (["Éric Verhaeghe"], "Un titre, par Elise Rochefort", ["Éric Verhaeghe"]),
        # A house account co-signing with a writer stays: the byline shows both.
        (
            ["Thibault de Varenne", "courrier-strateges"],
            "Un titre",
            ["Thibault de Varenne", "courrier-strateges"],
        ),
        (["Le Courrier des Stratèges", "Éric Verhaeghe"], "Un titre", ["Éric Verhaeghe"]),
        ([], "Un titre, par Elise Rochefort", ["Elise Rochefort"]),
    ],
)
def test_resolve_authors_with_house_accounts(courrier, byline, title, authors) -> None:
    resolved = resolve_authors(
        byline, is_house=courrier.is_house_author, site_names=[courrier.title], title=title
    )
    assert resolved == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (["David Straub", "MDR THÜRINGEN"], ["David Straub"]),  # a desk of mdr.de
        (["MDR.DE"], ["MDR.DE"]),  # the outlet alone stays: nobody better is named
        (["Stern.de", "Jemima Kelly"], ["Jemima Kelly"]),
    ],
)
def test_outlet_and_its_desks_give_way_to_a_writer(byline: list[str], authors: list[str]) -> None:
    assert resolve_authors(byline, site_names=["mdr.de", "stern.de", "STERN.de"]) == authors


@pytest.mark.parametrize(
    ("blocks", "names"),
    [
        (
            ["…a deck line", "Mathatisi Sebusi/Mohalenyane Phakela", "A story."],
            ["Mathatisi Sebusi", "Mohalenyane Phakela"],
        ),
        (["Mohloai Mpesi", "IN the heart of Lesotho, where tales…"], ["Mohloai Mpesi"]),
        (["By Jane Roe and Bob Lee", "The story."], ["Jane Roe", "Bob Lee"]),
        (["Emmanuel Macron a parlé. Il a dit non.", "Suite."], []),
        (["Lead paragraph.", "More.", "Still more.", "Jane Roe"], []),  # too far in
        # After the story's first sentences, names alone caption a photo or head a part.
        (
            [
                "Photos which were released online show Nigerian actress, Kate Henshaw, looking stunning in new photos.",
                "Kate Henshaw",
            ],
            [],
        ),
        (
            [
                "Bogotá (dpa) - Der Radprofi Egan Bernal kämpft nach dem Sturz um seine Karriere.",
                "Viele Genesungswünsche",
            ],
            [],
        ),
        (["Budget: what changes"], []),
    ],
)
def test_byline_paragraph(blocks: list[str], names: list[str]) -> None:
    assert byline_paragraph(blocks) == names


def test_a_byline_paragraph_replaces_only_an_outlet_byline() -> None:
    opening = ["Jane Roe", "The story starts here."]
    outlet = resolve_authors(["Daily Times"], site_names=["Daily Times"], opening=opening)
    assert outlet == ["Jane Roe"]
    writer = resolve_authors(["Bob Lee"], site_names=["Daily Times"], opening=opening)
    assert writer == ["Bob Lee"]


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("SPIEGEL ONLINE", True),  # the site's name, compared loosely
        ("Spiegel-Online", True),
        ("MDR THÜRINGEN", True),  # a desk: the host's name first
        ("MDR", False),  # one word: an acronym may be a writer's initials
        ("Anna Spiegel", False),
    ],
)
def test_outlet_test(name: str, outlet: bool) -> None:
    assert outlet_test(["SPIEGEL ONLINE", "mdr.de", None])(name) is outlet


@pytest.mark.parametrize(
    ("byline", "declared", "authors"),
    [
        # exxpress.at and gitarrebass.de (trafilatura-dev): the newsroom signs the story
        ("<span class='author'>Redaktion</span>", "", ["Redaktion"]),
        ("<span class='byline author'>von Redaktion, </span>", "", ["Redaktion"]),
        # a writer named elsewhere comes first
        (
            "<span class='author'>Redaktion</span>",
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "author": {"@type": "Person", "name": "Anna Berger"}}</script>',
            ["Anna Berger"],
        ),
    ],
)
def test_a_newsroom_byline_alone_is_the_storys_byline(
    byline: str, declared: str, authors: list[str]
) -> None:
    text = (
        "<p>Der Gemeinderat hat am Dienstag nach langer Debatte den Haushalt beschlossen.</p>" * 6
    )
    html = (
        f"<html lang='de'><head>{declared}</head><body><article><h1>Der Haushalt steht</h1>"
        f"<div class='author-date'>{byline}<time datetime='2023-11-01'>1. Nov</time></div>"
        f"{text}</article></body></html>"
    )
    assert extract(html, "https://news.example/haushalt").authors == authors
