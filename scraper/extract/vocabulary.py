"""The generic words of news pages, in the languages we meet: one place for every list.

The extractors' rules are generic; the words they look for (byline labels, calls to action,
"related stories" headings, boilerplate lines) are data, kept here so a language or a phrase
is added once and every rule sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of `words` (spaces match any whitespace), longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def spaced(pattern: str) -> str:
    """A pattern whose spaces match any one space: pages join words with no-break spaces
    ("Weitere&nbsp;Artikel&nbsp;zum&nbsp;Thema"), and the text keeps them as shown."""
    return pattern.replace(" ", r"\s")


# --- Bylines -----------------------------------------------------------------------------
# "By" as bylines print it before the names, in the languages we meet.
BY_WORDS = ("by", "von", "par", "por", "door", "av", "af")
# Also "by" in bylines, but words that start ordinary sentences too ("De acuerdo…", "Di
# recente…"): read only in text already known to be a byline.
BY_WORDS_IN_BYLINES = (
    *BY_WORDS,
    "de",
    "di",
    "od",
    "von der",
    "oleh",
    "na",
    "του",
    "της",
    "από",
    "από τον",
    "από την",
    "מאת",
)
# "By" where the language puts it after the names (Turkish "X tarafından").
BY_WORDS_AFTER = ("tarafından",)
# "By" ending a headline or opening its standfirst to name a guest writer ("… a fini par
# accepter … par Ulrike Reisner", "Par Simon Bélanger – …"): French only, since English "by"
# ends passive headlines ("… killed by police").
TITLE_BY_WORDS = ("par",)
# A copyright notice, never a name and the end of a story's text.
RIGHTS_NOTICE = ("copyright", "©", "rights reserved", "droits réservés", "rechte vorbehalten")
# "On" before a byline's date ("Jane Doe on March 3, 2020", "Jean Dupont le mardi 3 mars"),
# with the language whose days of the week may follow it.
DATE_CONNECTIVES = {
    "on": "en",
    "le": "fr",
    "am": "de",
    "el": "es",
    "il": "it",
    "em": "pt",
    "op": "nl",
}
# Labels naming the writer ("Autorin: …", "<strong>Auteur</strong> …", twitter:label1).
AUTHOR_LABELS = (
    "author",
    "authors",
    "autor",
    "autorin",
    "autoren",
    "auteur",
    "auteurs",
    "autore",
    "autori",
    "autora",
    "forfatter",
    "författare",
    "skribent",
    "written by",
    "écrit par",
    "ecrit par",
    "geschrieben von",
    # Yoast SEO's "Written by" (twitter:label1) in its translations.
    "verfasst von",
    "escrito por",
    "scritto da",
    "geschreven door",
    "napisane przez",
    "yazar",
    "kirjoittaja",
    "szerző",
    "autorius",
    "avtor",
    "piše",
    "tekijä",
    "автор",
    "аутор",
    "συντάκτης",
    "tác giả",
    # The piece and its writer named together ("Ein Kommentar von X", "A cura di X").
    *("ein beitrag von", "ein gastbeitrag von", "ein kommentar von", "ein gastkommentar von"),
    *("ein interview von", "eine analyse von", "ein essay von", "eine kolumne von"),
    *("ein bericht von", "eine reportage von", "propos recueillis par", "un article de"),
    *("une tribune de", "une chronique de", "un reportage de", "une analyse de", "a cura di"),
    *("un artículo de", "una nota de", "una columna de"),
    # "Posted by" as blog themes print it, and Drupal's "Submitted by X on …".
    "posted by",
    "submitted by",
    "publié par",
    "publicado por",
    "pubblicato da",
    "veröffentlicht von",
    "gepostet von",
    "postado por",
    "gepubliceerd door",
    # Blogger's "Posted by" as its translations print it
    *("eingestellt von", "geplaatst door", "opublikowane przez", "upplagd av", "skrevet af"),
    *("skrevet av", "postat de"),
    # Scripts without capitals ("投稿者：名前", "작성자: 이름", "بقلم").
    "投稿者",
    "著者",
    "執筆者",
    "作者",
    "글쓴이",
    "작성자",
    "필자",
    "بقلم",
    "الكاتب",
    # A reporter named by role (Indonesia's "Reporter: X | Editor: Y", "Penulis: X"), Arabic's
    # "كتب" ("wrote:"), Hindi's "लेखक" ("writer:").
    *("reporter", "penulis", "wartawan", "كتب", "लेखक"),
)
# Credit words before a byline's names: "Text: A", "Texto: A", "Words by A", "Photos by A".
CREDIT_WORDS = (
    "text",
    "texte",
    "texto",
    "testo",
    "tekst",
    "teksti",
    "текст",
    "interview",
    "entretien",
    "entrevista",
    "reportage",
    # Who wrote and who took the pictures, one person ("Texto e fotos: Ana Lima").
    *("text and photos", "words and pictures", "texte et photos", "text und fotos"),
    *("texto y fotos", "texto e fotos", "testo e foto", "tekst en foto's"),
)
CREDITED_BY = ("written", "reported", "published", "text", "words", "story", "photo", "photos")
# A reading time after a byline or on a card ("5 min read", "3 Min.", "4 minutes").
READING_TIME = (
    r"(?:(?:reading time|temps de lecture|lecture|lesezeit|lesedauer|leestijd|tiempo de lectura|lectura|"
    r"tempo di lettura|lettura|tempo de leitura|leitura|czas czytania|okuma süresi|"
    r"время чтения|lästid|lesetid|læsetid|lukuaika)\s*:?\s*)?"
    r"\d+\s*(?:min(?:utes?|uten|uter|utter|utos|uti|uty|ut|\.)?|mn|dakika|минут\w*|分)(?!\w)"
)

# Link texts that lead on to the rest of a story ("Read more", "Lire la suite", "Lees verder"),
# in the languages themes are translated to.
READ_ON = (
    "read more",
    "continue reading",
    "lire la suite",
    "continuer la lecture",
    "lire l'article",
    "lire l’article",
    "weiterlesen",
    "mehr lesen",
    "leer más",
    "seguir leyendo",
    "sigue leyendo",
    "leia mais",
    "ler mais",
    "continue lendo",
    "continuar lendo",
    "continua a leggere",
    "leggi tutto",
    "leggi di più",
    "lees meer",
    "lees verder",
    "läs mer",
    "læs mere",
    "les mer",
    "czytaj więcej",
    "devamını oku",
    "続きを読む",
    "더 읽기",
    "阅读更多",
    "閱讀更多",
    "اقرأ المزيد",
    # More languages, and the full story offered whole; phrases only (a single word such as
    # "Tovább" or "Więcej" may open a headline).
    "read full story",
    "read the full story",
    "read full article",
    "read the full article",
    "continuar leyendo",
    "continúa leyendo",
    "haberin devamı için tıklayın",
    "haberin devamı için tıklayınız",
    "verder lezen",
    "czytaj dalej",
    "číst dále",
    "čítať ďalej",
    "читать далее",
    "читать дальше",
    "читати далі",
    "lue lisää",
    "lue koko juttu",
    "baca selengkapnya",
    "baca lebih lanjut",
    "đọc tiếp",
    "διαβάστε περισσότερα",
    "citește mai mult",
    "tovább olvasom",
    "devamını okuyun",
    "阅读全文",
    "閱讀全文",
)
# Link texts that are actions, never names: author boxes link "More posts" or "Read More" to
# the author page with the same markup as the name itself (Ghost and WordPress themes ship
# these strings translated).
CALLS_TO_ACTION = frozenset(
    [
        *READ_ON,
        "more posts",
        "more articles",
        "more stories",
        "all posts",
        "all articles",
        "all stories",
        "view all posts",
        "view all articles",
        "view more",
        "view more posts",
        "view more articles",
        "view more stories",
        "view posts",
        "see all posts",
        "see all articles",
        "see more posts",
        "see more articles",
        "view profile",
        "visit author page",
        "view author page",
        "view author archive",
        "author archive",
        "rss",
        "rss feed",
        "author rss feed",
        "get author rss feed",
        "see all",
        "see more",
        "see profile",
        "show more",
        "follow",
        "website",
        # Onward links of product and service cards ("Zum Produkt": a shop's tile).
        "learn more",
        "find out more",
        "mehr erfahren",
        "zum produkt",
        "zum artikel",
        "en savoir plus",
        "más información",
        "saiba mais",
        "scopri di più",
        "plus d'articles",
        "plus d’articles",
        "autres articles",
        "voir le profil",
        "tous les articles",
        "weitere beiträge",
        "weitere artikel",
        "mehr beiträge",
        "mehr artikel",
        "alle beiträge",
        "alle artikel",
        "profil ansehen",
        "más entradas",
        "más artículos",
        "más publicaciones",
        "todas las entradas",
        "ver perfil",
        "mais posts",
        "mais artigos",
        "todos os posts",
        "altri articoli",
        "altri post",
        "tutti gli articoli",
        "vedi profilo",
        "meer berichten",
        "meer artikelen",
        "alle berichten",
        "bekijk profiel",
        "fler inlägg",
        "flere indlæg",
        "flere innlegg",
        "więcej wpisów",
        "daha fazla",
        "daha fazla yazı",
        # Scripts without capitals, where a name cannot be told by its look.
        "その他の投稿",
        "もっと見る",
        "すべての投稿を表示",
        "記事一覧",
        "더 많은 글",
        "더 보기",
        "더보기",
        "모든 글 보기",
        "전체 글 보기",
        "更多文章",
        "查看更多",
        "更多",
        "المزيد",
        "المزيد من المقالات",
        "عرض كل المقالات",
    ]
)
# "View all posts by X", "View all of X's posts", "Afficher tous les articles par X", "Alle
# Beiträge von X anzeigen": the link names X inside the action.
_POSTS_BY = re.compile(
    r"^(?:(?:view|see|show|browse|read|more)\s+(?:all\s+)?(?:posts|articles|stories|entries)"
    r"\s+(?:by|from|of)"
    r"|(?:view|see|show|browse)\s+all\s+of"
    r"|(?:afficher|voir)\s+tou(?:s|tes)\s+les\s+(?:articles|publications|billets)"
    r"\s+(?:par|de|des|du)"
    r"|alle\s+(?:beiträge|artikel)\s+von"
    r"|(?:ver|mostrar)\s+tod[oa]s\s+(?:las|los|os|as)\s+"
    r"(?:entradas|artículos|publicaciones|posts|artigos)\s+(?:de|da|do)"
    r"|(?:visualizza\s+)?tutti\s+gli\s+articoli\s+(?:di|da)"
    r"|(?:bekijk\s+)?alle\s+berichten\s+van|visa\s+alla\s+inlägg\s+av"
    r"|(?:vis|se)\s+alle\s+(?:indlæg\s+af|innlegg\s+av)"
    r"|(?:просмотреть\s+)?все\s+записи\s+автора"
    r"|zobacz\s+wszystkie\s+wpisy,?\s+których\s+autorem\s+jest"
    r"|عرض\s+كل\s+مقالات|مشاهده\s+همه\s+نوشته\u200c?های)\s+"
    r"|查看(?=\S+的所有文章)",
    re.IGNORECASE,
)
_POSTS_END = re.compile(
    r"(?:['’]s\s+(?:posts|articles|stories|entries)|\s+anzeigen|的所有文章)[.。]?$", re.IGNORECASE
)
# The same action where the language puts the name first ("X yazarına ait tüm yazıları
# görüntüle.").
_NAME_THEN_POSTS = re.compile(
    r"\s+(?:yazarına\s+ait\s+tüm\s+yazıları\s+görüntüle|글\s+모두\s+보기)\.?$", re.IGNORECASE
)


def posts_by(text: str) -> str:
    """The name a link to an author's posts holds ("View all of X's posts." → X), or the text."""
    action = _POSTS_BY.match(text)
    if action:
        return _POSTS_END.sub("", text[action.end() :])
    after = _NAME_THEN_POSTS.search(text)
    return text[: after.start()] if after else text


# An author photo's alt or title text around the name: "X's Picture", "Avatar of X", "Photo de X".
PICTURE_OF = re.compile(
    r"['’]s\s+(?:profile\s+)?(?:picture|avatar|photo|image|portrait)$"
    r"|^(?:(?:profile\s+)?(?:picture|avatar|photo|image|portrait)\s+(?:of|de|von|di|da)\s+)"
    r"|\s+(?:avatar|profile\s+picture)$",
    re.IGNORECASE,
)

# A company's legal form closing a name ("wegewerk GmbH", "AWR Wprost Sp. z o.o."): the
# publisher or its web agency, declared as author, never a story's writer.
LEGAL_FORM = re.compile(
    r"\s(?:GmbH|AG|KG|e\.\s?V\.|Ltd\.?|Inc\.?|LLC|PLC|plc|Pty\.? Ltd\.?|S\.A\.|S\.L\.|"
    r"S\.p\.A\.|S\.r\.l\.|SARL|SAS|B\.V\.|N\.V\.|Sp\. z o\.\s?o\.|s\.r\.o\.|a\.s\.|Oy|A/S)$"
)
# A picture's credit ("Photograph by Ed Marshall", "Foto: dpa"): the photographer, no writer.
PHOTO_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|fotos?|bilder?|crédits?\s+photo)"
    r"\s*(?:by|von|de|:|©)",
    re.IGNORECASE,
)


_ONWARD = ("→", "»", "›")


def is_call_to_action(text: str) -> bool:
    """A link text that asks the reader to do something ("Read More", "More posts"), or that
    points onward with an arrow ("View Archive →"): a name never ends in one."""
    text = text.strip()
    # «Nous sommes … l'intolérable»: the close of a quote, not an arrow.
    quoted = (text.endswith("»") and "«" in text) or (text.endswith("›") and "‹" in text)
    return (
        (text.endswith(_ONWARD) and not quoted)
        or text.casefold().strip(" .:…") in CALLS_TO_ACTION
        or bool(_MORE_BY.match(text))
    )


# An author box's link to the writer's other stories ("More by X", Newspack's).
_MORE_BY = re.compile(r"more\s+(?:by|from)\s", re.IGNORECASE)


# Words joining co-authors in a byline ("A et B", "A und B", "A og B").
NAME_CONNECTIVES = (
    *("et", "and", "und", "und von", "og", "och", "en"),
    # Finnish, Hungarian, Turkish, Polish, Romanian, Lithuanian, Vietnamese, Greek, Cyrillic.
    *("ja", "és", "ve", "oraz", "și", "ir", "và", "και", "и", "та", "і"),
)
# The same, read in lower case only: in capitals, a middle initial ("John A Smith") or a
# given name ("Tom Dan Hale"); Indonesian's and Malay's "dan".
CASED_NAME_CONNECTIVES = ("y", "e", "i", "a", "dan")
# "with" before a co-author's name ("Martin Untersinger (avec Damien Leloup et Morgane Tual)").
NAME_COMPANIONS = ("with", "avec", "mit", "con", "com", "met", "med")
# Roles and desks after a byline's name ("Jane Roe, Reporter", "Max Müller | Redakteur").
BYLINE_ROLE = re.compile(
    rf"\s*[,|–—(•·-]\s*(?:{READING_TIME}|reporter|correspondent|editor|writer|journalist|staff|contributor|"
    r"correspondant|journaliste|rédact(?:eur|rice)|envoyée?\s+spécial|redakteur(?:in)?|"
    r"korrespondent(?:in)?|chef|senior|political|chief|associate|deputy|columnist|photographer|"
    r"executive|managing|contributing|special|investigative|"
    r"(?:\S+\s+){1,3}(?:writers?|reporters?|correspondents?|editors?)\b|"
    r"for\s|in\s|at\s|à\s|aus\s|en\s|the\s|le\s|la\s|der\s|die\s|das\s|"
    r"(?-i:d[ao]s?)\s|"  # Portuguese "do G1", "da Folha": the outlet written for
    # An outlet no name is spelled like: an address ("Kompas.com") or a word capitalised
    # inside ("detikNews").
    r"(?-i:[\w-]+\.(?:com|net|org|co|id|in|de|fr|it|es|br|ru|tr|vn|kr|jp|cn|tv)\b|[a-z]+[A-Z]\w*)"
    r").*$",
    re.IGNORECASE,
)
# "Brendan Carlin For The Mail On Sunday", "Jane Roe for Reuters": the outlet written for.
WRITING_FOR = re.compile(r"\s+for\s+\S.*$", re.IGNORECASE)
# Connectives and prepositions left over when a byline is split ("… , le 27 mai").
NOT_NAMES = frozenset(
    ["le", "la", "les", "the", "and", "et", "und", "von", "by", "par", "de", "du", "am", "on", "at"]
    + ["publisher", "name", "author", "your name"]  # placeholders a template leaves
    + ["super user"]  # Joomla's default account, named in its pages' author meta
)
# Degrees and credentials set after a name with a comma ("Grant Tinsley, PhD"): no co-author.
CREDENTIALS = frozenset(
    [
        "phd",
        "ph.d",
        "ph.d.",
        "md",
        "m.d.",
        "mba",
        "ma",
        "m.a.",
        "ms",
        "msc",
        "m.sc.",
        "bsc",
        "ba",
        "b.a.",
        "rd",
        "rdn",
        "rn",
        "np",
        "pa",
        "pa-c",
        "do",
        "mph",
        "jd",
        "esq",
        "cpa",
        "cfa",
        "cfp",
        "lcsw",
        "lmft",
        "dds",
        "dvm",
        "pharmd",
        "facs",
        "ibclc",
        "cscs",
    ]
)
# Generations set after a name with a comma ("Martin Luther King, Jr.").
GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])
# CJK bylines put the role after the name: "신현주 기자", "松岡大地記者".
CJK_ROLE_SUFFIX = re.compile(
    r"\s*(?:기자|특파원|선임기자|記者|记者|特派員|特派员|通讯员|通訊員|编辑|記者撮影)$"
)
# The label before a name in those scripts: "记者 王小明", "本报记者 王小明", "新华社记者
# 王小明" (the outlet or the post before "reporter"), "文／王小明", "撰文：王小明", "글: 홍길동" (a
# one-character label only with its separator).
CJK_BYLINE_LABEL = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}?[记記]者\s*[:：/／｜|]?\s*|(?:撰文|文|글)\s*[:：/／｜|]\s*)(?=\S)"
)
# Particles inside names ("Anne-Sophie de La Tour", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "del",
        "dos",
        "bin",
        "binti",
        "bint",
        "al",
        "el",
        "della",
        "do",
        "das",
        "ibn",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
    ]
)
# Bylines that name a newsroom or an account, not a writer, in the languages we meet.
NEWSROOM_WORDS = frozenset(
    [
        "redaction",
        "redactions",
        "staff",
        "newsroom",
        "editorial",
        "editors",
        "editor",
        "desk",
        "admin",
        "administrator",
        "webmaster",
        "team",
        "equipe",
        "redaktion",
        "redazione",
        "redaccion",
        "redacao",
    ]
)
# Words that do not count when a byline is compared with the site's name.
NAME_STOPWORDS = frozenset(["le", "la", "les", "l", "de", "des", "du", "d", "the", "of", "a", "an"])

# --- Languages ---------------------------------------------------------------------------
# Language tags a page may declare for a language better known by another code (ISO 639
# macrolanguage "no" is Bokmål's "nb"; "iw", "in" and "ji" are the withdrawn codes of he, id, yi).
LANGUAGE_ALIASES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi"}
# Regions whose English writes numeric dates month first (3/12/2024 is 12 March); the rest of
# the English-writing world writes the day first.
MONTH_FIRST_REGIONS = frozenset({"us", "ca", "ph", "fm", "mh", "pw"})
# The commonest short words of languages written in Latin or Cyrillic letters: a text's
# share of them tells its language when a page declares a wrong one (a theme's default "en").
STOPWORDS = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the and of to is in that it for was with on are this be have not you",
        "fr": "de la le et les des en un du une que est pour qui dans par pas sur au avec il",
        "de": "der die und das ist nicht mit den von zu sich auch ein eine dem auf für wird",
        "es": "de la que el en y los del se las por un para con no una su al es lo como más",
        "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos",
        "it": "di e il la che in per un del non è della le con si una da sono gli anche",
        "nl": "de het een en van is dat niet op te zijn met voor ook die er maar wordt",
        "sv": "och att det som är en på för med av inte har den till ett om var jag",
        "da": "og at det som er en på for med af ikke har den til et om var jeg de",
        "nb": "og at det som er en på for med av ikke har den til et om var jeg",
        "fi": "ja on ei että se oli hän mutta kun niin myös ovat tai joka sen kuin ole",
        "pl": "i w się nie na że z do jest to jak o po ale co przez tak od",
        "cs": "a se je na v že to s z do jako ale o by jsou pro k ve tak",
        "tr": "ve bir bu da de için ile çok olarak daha ama gibi en olan değil sonra",
        "ro": "și în că pe nu este pentru care mai din sunt cu fost acest despre după",
        "hu": "a az és hogy nem is egy van meg de ez volt már csak mint ki",
        "id": "yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke ada",
        "ru": "и в не на что с по это как к из но за от о для он так же",
        "uk": "і в не на що з та до у як за це по від для й але",
    }.items()
}

# --- Dates -------------------------------------------------------------------------------
# Labels before a publication date ("Veröffentlicht am", "Publié le", "Datum:").
DATE_LABELS = (
    "datum",
    "date",
    "news date",
    "published",
    "publication",
    "publié",
    "publié le",
    "publicado",
    "publicado em",
    "publicado el",
    "veröffentlicht",
    "veröffentlicht am",
    "publiziert",
    "publiziert am",
    "erscheinungsdatum",
    "erschienen am",
    "pubblicato",
    "pubblicato il",
    "gepubliceerd",
    "gepubliceerd op",
    "udgivet",
    "publicerad",
    "publisert",
    "julkaistu",
    "opublikowano",
    "yayınlanma",
    "yayın tarihi",
    "yayınlandı",
    "zveřejněno",
    "objavljeno",
    "publicat",
    "опубликовано",
    "дата публикации",
    "公開日",
    "기사입력",
    "입력",
    "등록일",
    "投稿日",
    "掲載日",
    "发布于",
    "发布时间",
    "發佈於",
    "게시일",
    "작성일",
    "등록일",
    "تاريخ النشر",
    "نشر في",
    # Central and Eastern Europe, the Baltics, Greece, Israel, Indonesia, Viet Nam and Chinese
    # portals, as their newsrooms label the day ("Data publikacji: 05.03.2020", "Publikálva:")
    *("data publikacji", "data dodania", "publikálva", "megjelent", "publikálás dátuma"),
    *("publikováno", "vydáno", "publikované", "uverejnené", "data publicării"),
    *("опубліковано", "дата публікації", "публикувано", "публикувана", "δημοσιεύθηκε"),
    *("paskelbta", "publicēts", "avaldatud", "פורסם", "diterbitkan", "dipublikasikan"),
    *("ngày đăng", "đăng lúc", "发布日期", "發布時間", "发表于", "發表於"),
)
# Labels of the day a story was last changed ("Updated", "Aktualisiert am", "수정"): a date
# they introduce is not the day the story was published.
MODIFIED_LABELS = (
    "updated",
    "last updated",
    "last modified",
    "última actualización",
    "ultimo aggiornamento",
    "laatst bijgewerkt",
    "última atualização",
    "mis à jour",
    "dernière mise à jour",
    "stand",
    "zuletzt aktualisiert",
    "aktualisiert",
    "atualizado",
    "actualizado",
    "aggiornato",
    "bijgewerkt",
    "güncellendi",
    "güncelleme",
    "päivitetty",
    "oppdatert",
    "uppdaterad",
    "opdateret",
    "zaktualizowano",
    "aktualizováno",
    "обновлено",
    "更新日",
    "最終更新日",
    "最終更新",
    "更新于",
    "最后更新于",
    "업데이트",
    "마지막 업데이트",
    "수정일",
    "최종 수정일",
    "آخر تحديث",
    "updated on",
    "aktualisiert am",
    "mis à jour le",
    "actualizado el",
    "atualizado em",
    "aggiornato il",
    "bijgewerkt op",
    "frissítve",
    "actualizat",
    "ενημέρωση",
    "ενημερώθηκε",
    "оновлено",
    "diperbarui",
    "cập nhật",
    "تحديث",
    "עודכן",
    "更新时间",
    "수정",
    *("aktualizacja", "aktualizované", "актуализирана", "актуализирано", "ažurirano"),
    *("ажурирано", "posodobljeno", "módosítva", "atnaujinta", "atjaunots", "uuendatud"),
    *("τελευταία ενημέρωση", "更新時間", "更新於", "dikemaskini"),
)
# Labels of a dateline that are not the publication's own ("Updated", "Stand", "Posted").
UPDATE_LABELS = (*MODIFIED_LABELS, "posted", "first published")
# Labels of a member's own days on a forum or a site ("Registered: 2015-06-06", "Mitglied
# seit"): the date they introduce is the member's, never the story's.
MEMBER_DATE_LABELS = (
    *("registered", "joined", "join date", "member since", "last visit", "last seen"),
    *("registriert", "registriert seit", "mitglied seit", "dabei seit", "angemeldet seit"),
    *("inscrit", "inscrit le", "inscription", "membre depuis", "date d'inscription"),
    *("registrado", "miembro desde", "se unió", "fecha de registro", "membro desde"),
    *("iscritto", "iscritto il", "data di registrazione", "lid sinds", "geregistreerd"),
    *("zarejestrowany", "dołączył", "регистрация", "зарегистрирован", "на форуме с"),
    *("katılım", "kayıt tarihi", "注册时间", "가입일"),
)
# Labels of a note set apart from the story ("Hinweis:", "Bitte beachten:"), alone on their
# line over a disclaimer, a correction or a reader's notice.
NOTE_LABELS = (
    *("note", "please note", "disclaimer", "important", "editor's note", "editor’s note"),
    *("hinweis", "bitte beachten", "anmerkung", "wichtig", "achtung", "haftungsausschluss"),
    *("remarque", "à noter", "avertissement", "nota", "aviso", "importante", "atenção"),
    *("attenzione", "avvertenza", "opmerking", "let op", "uwaga", "примечание", "внимание"),
    *("dikkat", "obs", "bemærk", "merk", "poznámka", "upozornění", "注意", "참고", "주의"),
)

# --- Other stories -----------------------------------------------------------------------
# A line or heading announcing other stories ("You may also like", "À lire aussi").
RELATED_STORIES = (
    r"(?:you (?:may|might) also (?:like|enjoy)|you may be interested in|"
    r"related(?: (?:posts|articles|stories|news|content))?|more (?:stories|news) (?:from|like this)|"
    r"recommended(?: (?:for you|stories|articles))?|read next|keep reading|see also|also read|"
    r"more (?:from|stories|articles|posts)|more on this (?:story|topic)|"
    r"(?:latest|recent) (?:posts|articles|stories|news)(?: by .{1,40}?)?|"
    # An author box's list of the writer's latest posts, as translated themes print it.
    r"(?:neueste|letzte) (?:beiträge|artikel)(?: von .{1,40}?)?|"
    r"derniers (?:articles|billets)(?: (?:par|de) .{1,40}?)?|"
    r"(?:últimas entradas|últimos (?:artículos|posts|artigos))(?: de .{1,40}?)?|"
    r"ultimi (?:articoli|post)(?: di .{1,40}?)?|laatste (?:berichten|artikelen)(?: van .{1,40}?)?|"
    r"[àa] lire (?:aussi|également|egalement)|lire aussi|voir aussi|à voir aussi|"
    r"(?:articles?|contenus|publications?|billets?|posts?) (?:similaires?|liés?|recommandés?|connexes)|"
    r"sur le même (?:sujet|thème)|dans la même (?:rubrique|catégorie)|du même auteur|"
    r"vous (?:aimerez|pourriez) (?:aussi|également|peut-être aussi|aussi aimer)|"
    r"à découvrir (?:aussi|également)|ces articles (?:peuvent|pourraient) vous intéresser|"
    r"você (?:pode|também pode) gostar|(?:artigos?|posts?|notícias?) relacionad[oa]s?|"
    r"te puede interesar|(?:artículos?|noticias?|notas?) relacionad[oa]s?|también te puede interesar|"
    r"(?:das )?könnte (?:sie|dich|euch) auch interessieren|ähnliche (?:artikel|beiträge|nachrichten)|"
    r"verwandte (?:artikel|beiträge|themen)|mir[aá] también|ver también|"
    r"(?:mehr|weitere) themen|mehr zum thema|weitere (?:artikel|beiträge|nachrichten)|passend zum (?:artikel|thema)|"
    r"(?:lesen sie|lies) auch|auch interessant|weitere (?:artikel|beiträge) zum thema|"
    r"schon gelesen|potrebbe interessarti|articoli correlati|ti potrebbe interessare|"
    r"leggi anche|lees ook|gerelateerde artikelen|meer nieuws|polecane(?: artykuły)?|leia também|veja também|lee también|"
    r"lea también|ilgili yazılar|benzer yazılar|(?:bunlar da )?ilginizi çekebilir|czytaj (?:także|też)|"
    r"zobacz (?:także|też)|podobne artykuły|läs (?:också|även)|relaterade artiklar|les også|"
    r"læs også|relaterede artikler|lue myös|aiheesta muualla|čtěte také|související články|"
    r"mohlo by vás (?:také )?zajímat|читайте также|похожие (?:статьи|новости|материалы)|"
    r"citește și|kapcsolódó cikkek|διαβάστε επίσης|"
    # The same headings and "read also" lines in more of the world's languages.
    r"baca juga|(?:berita|artikel) (?:terkait|berkaitan)|đọc thêm|xem thêm|tin liên quan|"
    r"bài viết liên quan|اقرأ (?:أيضا|أيضًا|أيضاً)|(?:مقالات|أخبار|مواضيع) (?:ذات صلة|متعلقة)|"
    r"بیشتر بخوانید|مطالب (?:مرتبط|مشابه)|עוד בנושא|כתבות (?:נוספות|קשורות)|"
    r"(?:ये|यह) भी प(?:\u095d|\u0922\u093c)ें|संबंधित (?:(?:\u0959|\u0916\u093c?)बरें|लेख)|อ่านเพิ่มเติม|"
    r"(?:ข่าว|บทความ)ที่เกี่ยวข้อง|関連記事|(?:あわせて|合わせて)読みたい|こちらもおすすめ|관련\s?기사|"
    r"相[关關](?:阅读|閱讀|文章|新闻|新聞|报道|報導)|延伸[阅閱][读讀]|推荐阅读|推薦閱讀|"
    r"читайте також|схожі статті|матеріали на тему|материалы по теме|прочетете (?:още|също)|"
    r"свързани (?:статии|новини)|още по темата|прочитајте (?:још|и)|повезане вести|"
    r"pročitajte (?:još|i|također|takođe)|povezane (?:vijesti|vesti)|povezani članci|čítajte (?:aj|tiež)|"
    r"súvisiace články|preberite (?:še|tudi)|sorodni članki|citiți și|articole similare|"
    r"ayrıca (?:okuyun|bakınız)|(?:ilgili|benzer) haberler|σχετικά (?:άρθρα|νέα)|"
    r"(?:más|otras) noticias|aiheeseen liittyvät|relaterte (?:artikler|saker)|"
    r"taip pat skaitykite|susiję straipsniai|lasiet arī|lasi arī|saistītie raksti|loe ka|"
    r"seotud (?:artiklid|uudised)|basahin (?:din|rin)|kaugnay na (?:balita|artikulo)|"
    r"আরও প(?:\u09dc|\u09a1\u09bc)ুন|সম্পর্কিত (?:খবর|সংবাদ)|یہ بھی پڑھیں|متعلقہ (?:خبریں|مضامین)|soma pia|"
    r"habari zinazohusiana)"
)
# Lists of the site's most read stories ("Most popular", "Meistgelesen", "Les plus lus"):
# announced like related ones, but the same words may head a story's own section ("Most
# popular dishes"), so they cut the text only over teasers.
MOST_READ = (
    r"(?:most (?:read|popular|viewed|shared)(?: (?:stories|articles|news|posts|now))?|"
    r"trending (?:now|stories|articles)|popular (?:posts|stories|articles|news)|"
    r"meistgelesen(?:e (?:artikel|beiträge|nachrichten))?|am meisten gelesen|"
    r"(?:les )?(?:articles )?(?:les )?plus (?:lus|populaires|partagés|commentés)|"
    r"(?:lo )?más (?:leíd[oa]s?|vist[oa]s?|populares)|(?:i )?più (?:letti|lette|popolari)|"
    r"(?:as |os )?mais (?:lid[oa]s|populares|vist[oa]s)|meest gelezen|populairste artikelen|"
    r"najczęściej czytane|najpopularniejsze|самые (?:популярные|читаемые)|"
    r"самое (?:популярное|читаемое)|популярные (?:статьи|новости|материалы)|"
    r"найпопулярніш(?:е|і)|en çok okunan(?:lar)?|mest (?:lästa|læste|leste|lesne)|"
    r"luetuimmat|nejčtenější|najčítanejšie|legolvasottabb(?: cikkek)?|cele mai citite|"
    r"(?:τα )?πιο δημοφιλή|الأكثر (?:قراءة|مشاهدة)|הנקראים ביותר|人気記事|よく読まれている記事|"
    r"많이 본 (?:뉴스|기사)|인기 기사|[热熱][门門](?:文章|新[闻聞])|terpopuler|"
    r"paling banyak dibaca|(?:đọc|xem) nhiều nhất)"
)
# A link leading on to the rest of a story, maybe naming it ("Read more: Why…", "Lire la suite").
READ_MORE = re.compile(
    spaced(
        rf"^(?:{alternation(READ_ON)}\b.{{0,80}}|(?:lire plus|la suite|suite|en savoir plus|more)\W*)$"
    ),
    re.I,
)

# --- Page furniture ----------------------------------------------------------------------
# "Comments" as a count of them names them ("12 Kommentare", "12 komentarzy", "12 σχόλια").
_COMMENTS = (
    r"(?:leser)?kommentare|comments?|commentaires?|comentarios?|comentários?|commenti|reacties?|"
    r"komentarz(?:e|y)?|комментари(?:й|я|ев|и)|коментар(?:і|ів)?|yorum(?:lar)?|komentář(?:e|ů)?|"
    r"kommentar(?:er)?|kommenttia?|hozzászólás|comentarii|σχόλια|komentar|bình luận|"
    r"تعليق(?:ات|ا)?|תגובות"
)
# A media player's time ("03:15", "1:02:07").
_PLAYED = r"\d{1,2}:\d{2}(?::\d{2})?"
# Short lines that are furniture in any language: share bars, prompts, ads, sign-up boxes.
_FURNITURE_LABELS = (
    r"(?:partager(?: cet article| sur| :)?|share(?: this(?: article| story| post)?| on(?: \w+)?)?|"
    rf"{_COMMENTS}|advertisement|publicité|anzeige|werbung|lire aussi|"
    rf"{alternation(READ_ON)}|à lire aussi|voir aussi|related(?: articles?| stories)?|sign up|subscribe|"
    r"s'abonner\b.*|abonnez-vous\b.*|newsletter|follow us|suivez-nous|tweet|email|print|"
    r"imprimer|copy link(?: to this \w+)?|advert|topics|caption|close|related news|you may also like|more|"
    r"click here\b.*|cliquez ici\b.*|see also|(?:lesen sie )?mehr zum thema|"
    r"abonnement en cours\W*|you've been subscribed\W*|quelque chose s'est mal passé\W*|"
    r"(?:quelle|source|fuente|fonte)\s*:\s*\S+(?:[ /]\S+){0,2}|table of contents|sommaire|"
    r"inhaltsverzeichnis|table des matières|tabla de contenidos?|índice|indice(?: dei contenuti)?|"
    r"inhoudsopgave|embed|"
    # "Table of contents" in more languages (a plugin's box over a post's headings)
    r"spis treści|содержание|зміст|içindekiler|obsah|sisällys(?:luettelo)?|innehåll(?:sförteckning)?|"
    r"indholdsfortegnelse|innholdsfortegnelse|daftar isi|mục lục|目次|목차|目录|目錄|"
    r"πίνακας περιεχομένων|cuprins|tartalomjegyzék|conteúdo|"
    # ... and as "On this page" / "In this article" over the same links.
    r"on this page|in this (?:article|post)|auf dieser seite|in diesem (?:artikel|beitrag)|"
    r"sur cette page|dans cet article|en esta página|en este artículo|in questa pagina|"
    r"in questo articolo|nesta página|neste artigo|op deze pagina|in dit artikel|"
    r"na tej stronie|w tym artykule|на этой странице|в этой статье|"
    # "print" and "share" in more languages.
    r"(?:rezept |artikel |seite )?(?:drucken|drukuj|stampa|imprimir)|"
    r"(?:mit freunden |artikel |beitrag )?teilen(?: sie dies)?(?: mit)?|"
    r"compart(?:ir|e)(?: esto| esta noticia| este artículo)?|condividi(?: l'articolo)?|"
    r"udostępnij|compartilh(?:ar|e)(?: isso| esta notícia| este artigo)?|partilh(?:ar|e)|"
    r"paylaş|delen|dit delen|deel(?: dit artikel| dit bericht)?|dela det här|"
    # A like button's label (Jetpack's "Like this:", as translated: "Gefällt mir:")
    r"like this|gefällt mir|j['’]aime(?: ça)?|me gusta(?: esto)?|mi piace|vind ik leuk|"
    r"(?:bei |auf )?pinterest (?:speichern|merken)|pin it|versenden|"
    r"curtir isso|flattr this|"
    r"поделиться|jaa|dela|sdílet|bagikan|chia sẻ|κοινοποίηση|مشاركة|シェア|공유|分享|"
    # "advertisement" and "comments" in more languages.
    r"pubblicità|publicidad|publicidade|reklama|reklam|mainos|annonse|annons|advertentie|"
    r"διαφήμιση|iklan|quảng cáo|إعلان|広告|광고|广告|"
    r"реклама|"
    r"zur startseite|back to (?:top|the article|home)|retour (?:en haut|à l'accueil)|"
    # An audio player's label over the story ("Listen to this article", "Artikel anhören").
    r"listen to (?:this |the )?(?:article|story)|artikel (?:anhören|vorlesen(?: lassen)?)|"
    r"écouter (?:cet |l')article|escuchar (?:este )?artículo|ascolta (?:l'|questo )?articolo|"
    r"ouvir (?:este )?artigo|luister naar (?:dit )?artikel|posłuchaj artykułu|makaleyi dinle|"
    r"прослушать статью|kuuntele artikkeli|lyssna på artikeln|lyt til artiklen|"
    r"dengarkan artikel|nghe bài viết|記事を聞く|기사 듣기|收听文章|"
    r"(?:the )?(?:article|story) continues below(?: (?:this )?(?:ad|advertisement))?|"
    r"continue reading below|end of article|article content|"
    r"advertisement \d+|advertisement [·-] scroll to continue|continue reading the main story|"
    # The story resumed after an ad, as newsrooms say it ("La suite après cette publicité",
    # "CONTINUA DEPOIS DA PUBLICIDADE", "Saken fortsetter under annonsen").
    r"(?:the )?(?:article|story) continues after (?:the |this )?(?:ad|advertisement)|"
    r"weiterlesen nach der anzeige|(?:der )?artikel wird (?:unter|nach) der anzeige fortgesetzt|"
    r"la suite (?:de l'article )?après (?:cette|la) publicité|"
    r"l'article continue (?:après|sous) (?:cette|la) publicité|"
    r"(?:la noticia )?(?:continúa|sigue) (?:después de|tras) la publicidad|"
    r"continua a leggere dopo la pubblicità|l'articolo continua (?:sotto|dopo la pubblicità)|"
    r"(?:lees verder|het artikel gaat verder) (?:na|onder) de advertentie|"
    r"continua (?:depois|após) (?:da|a) publicidade|"
    r"dalsza część artykułu pod (?:materiałem wideo|reklamą|wideo)|"
    r"pokračování článku pod reklamou|článek pokračuje pod reklamou|"
    r"pokračovanie článku pod reklamou|článok pokračuje pod reklamou|"
    r"(?:artikeln|artiklen|artikkelen|saken) (?:fortsätter|fortsætter|fortsetter) "
    r"(?:under|efter|etter) (?:annonsen|annoncen)|"
    r"(?:artikkeli|juttu) jatkuu mainoksen (?:jälkeen|alla)|"
    r"haberin devamı reklamdan sonra|a cikk a hirdetés után folytatódik|"
    r"articolul continuă după reclamă|продолжение (?:статьи )?(?:ниже|после рекламы)|"
    r"sign in or create an account|don't have an account\? create account|"
    # a paywalled story's badge ("Article réservé aux abonnés", Le Monde's)
    r"(?:article|contenu) réservé aux abonnés|artículo (?:exclusivo )?para suscriptores|"
    r"abo-artikel|plus-artikel|"
    # a share counter ("14K Shares"), a copied link's notice (AP News, 한국일보)
    r"(?:\d+(?:[.,]\d+)?\s*[km]?\s+)?shares|link copied|"
    r"기사 url이 복사되었습니다|"
    # an embed held back for consent ("Empfohlener redaktioneller Inhalt", Zeit, Gamestar)
    r"empfohlener redaktioneller inhalt|externer inhalt(?: nicht verfügbar)?|"
    # a media player's clock ("00:00 / 03:15", "Duration 1:30", "02:57 Min.")
    rf"(?:duration\s+)?{_PLAYED}\s*/\s*{_PLAYED}|duration\s+{_PLAYED}|\d{{1,2}}:\d{{2}}\s*min\.?|"
    # A slideshow's counter ("Image 1 of 5", "1 / 8", "Bild 2 von 12").
    r"(?:(?:image|photo|picture|slide|bild|foto|imagen|immagine)\s+)?\d{1,3}\s*"
    r"(?:of|/|von|de|sur|di|van|из|z)(?:\s*/)?\s*\d{1,3}|"
    # How long a broadcaster's media library keeps the video ("Video verfügbar bis 28.02.2021").
    r"(?:video |audio )?(?:verfügbar bis|available (?:until|till)|disponible jusqu'(?:au|à)|"
    r"disponible hasta(?: el)?|disponibile fino al|beschikbaar tot)\s*:?\s*\d[^\n]{0,30}|"
    # A count of replies heading them ("3 Answers", "12 Kommentare", "Comments (12)").
    rf"\d+\s+(?:answers?|repl(?:y|ies)|antworten|réponses?|respuestas?|risposte|{_COMMENTS})|"
    rf"(?:{_COMMENTS})\s*\(\d+\)|コメント\s*\d+\s*件|댓글\s*\d+\s*개?|\d+\s*(?:条评论|則留言)|"
    r"【?関連記事】?|関連キーワード|おすすめ情報|"
    r"(?:temps de lecture|tempo de leitura|tiempo de lectura|tempo di lettura|reading time|"
    r"lesedauer|lesezeit|leestijd)\W*\d+.*|"
    r"\d+\s*min(?:ute)?s?\.?(?: de lecture| read| lesezeit| de leitura)?)"
)
# One such label alone on a line, or a row of them: buttons side by side ("Rezept drucken Bei
# Pinterest speichern", "Share Tweet Email").
FURNITURE = re.compile(spaced(rf"^\W*(?:{_FURNITURE_LABELS}\W*)+$"), re.IGNORECASE)
# A WordPress shortcode the page printed instead of running ("[bandcamp width=100% …]",
# "[button link=… type=big] Send us YOUR kit review[/button]"): attributes or a closing tag.
SHORTCODE = re.compile(
    r"^\[([a-z][\w-]*)(?:\s+[\w-]+=[^\]]*)+\](?:.*\[/\1\])?$|^\[([a-z][\w-]*)\].*\[/\2\]$",
    re.IGNORECASE | re.DOTALL,
)
# Japanese members-only prompts anywhere in a short line ("この記事は会員限定です。",
# "ご利用には会員登録が必要です"), not a sentence about registrations ("会員登録者数").
MEMBERS_ONLY = re.compile(r"会員限定|会員の方のみ|会員登録(?:が必要|で|すると|は無料)|読み放題")
# A forum member's figures beside each post, as forum software prints them ("Posts: 1,284",
# "Beiträge: 1626", "Registriert: 18.09.2008, 05:56", "Joined: Mar 2015").
MEMBER_FIGURES = re.compile(
    spaced(
        r"^\W*(?:posts|beiträge|messages|mensajes|messaggi|mensagens|berichten|posty|postów|"
        r"сообщени(?:я|й)|reputation|reputación)\s*[:：]\s*\d[\d.,\s]*$|"
        r"^\W*(?:registered|registriert|joined|dabei seit|mitglied seit|member since|inscrit(?: le)?|"
        r"inscription|registrado|registrado em|iscritto(?: il)?|geregistreerd|lid sinds|"
        r"dołączył|rejestracja|зарегистрирован|регистрация)\s*[:：]?\s*(?=[^\n]{0,30}\d)[^\n]{1,30}$"
    ),
    re.IGNORECASE,
)
# A forum's "who is online" box under a thread, as phpBB prints it in its languages ("Wer ist
# online?", "Users browsing this forum: No registered users and 1 guest").
FORUM_PRESENCE = re.compile(
    spaced(
        r"^\W*(?:who is online|wer ist online|qui est en ligne|quién está conectado|"
        r"chi c[’']è in linea|wie is er online|kto jest online|quem está online|"
        r"кто сейчас на (?:конференции|форуме))\W*$|"
        r"^\W*(?:users browsing this forum|mitglieder in diesem forum|utilisateurs parcourant ce "
        r"forum|usuarios navegando por este foro|utenti presenti in questo forum|gebruikers op dit "
        r"forum|użytkownicy przeglądający to forum|usuários navegando neste fórum|"
        r"сейчас этот форум просматривают)\s*:"
    ),
    re.IGNORECASE,
)
# A relative time stamp on its own line, a writer's name before it or not ("1 day ago",
# "Fouzia Van Der Fort|Published 4 months ago").
TIME_AGO = re.compile(
    spaced(
        r"^(?:[^|\n]{0,60}\|\s*)?(?:(?:published|updated|posted)\s+)?(?:\d+\s+"
        r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
        # ... in more languages: "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "3 ore fa",
        # "3 godziny temu", "3 часа назад", "3 jam yang lalu", "3時間前", "3시간 전"
        r"|(?:vor|il y a|hace|há|för)\s+\d+\s+\w+(?:\s+sedan)?"
        r"|\d+\s*\w+(?:\s+\w+)?\s*(?:fa|geleden|temu|önce|назад|тому|sitten|siden|sedan|"
        r"yang lalu|lalu|trước|前|전))"
        rf"(?:\s*[·|•]\s*{READING_TIME}\.?(?:\s+read)?)?\W*$"
    ),
    re.IGNORECASE,
)
# A cookie or consent notice, told by its words where no class names it: it opens (within a
# few words) on the site's use of cookies ("We use cookies…", "Diese Website verwendet
# Cookies…", "Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung…").
_CONSENT = re.compile(
    spaced(
        r"^.{0,160}?\b(?:we(?: and our partners)? use cookies|(?:this|our) (?:web ?)?site uses cookies|"
        r"wir (?:verwenden|nutzen) cookies|(?:verwenden|nutzen) wir cookies|"
        r"diese (?:web)?(?:seite|site) (?:verwendet|nutzt) cookies|"
        r"nous utilisons (?:des )?cookies|ce site utilise des cookies|"
        r"utilizamos cookies|este (?:sitio|site)(?: web)? utiliza cookies|usamos cookies|"
        r"utilizziamo (?:i )?cookie|questo sito (?:web )?utilizza (?:i )?cookie|"
        r"wij gebruiken cookies|deze (?:web)?site gebruikt cookies|"
        r"używamy (?:plików )?cookies|ta strona (?:internetowa )?(?:używa|wykorzystuje)|"
        r"(?:vi )?använder cookies|vi bruger cookies|käytämme evästeitä|"
        r"çerez(?:ler)? kullan|мы используем (?:файлы )?cookie|"
        r"(?:akzeptieren sie|you accept|vous acceptez) (?:die datenschutzerklärung|the privacy policy|"
        r"la politique de confidentialité)|"
        # "By using this site you agree…", "Durch die Nutzung von x.de erklären Sie sich…"
        r"(?:by using|durch die nutzung|en utilisant|al utilizar|utilizzando) .{0,60}?"
        r"(?:you (?:agree|accept|consent)|erklären sie sich|vous acceptez|aceptas|acepta|accetti))"
    ),
    re.IGNORECASE,
)
# Word parts one of which every such notice holds (cookie, Datenschutz, privacy, eväste,
# çerez): plain substring tests, far cheaper than the pattern, rule most blocks out.
_CONSENT_WORDS = ("ookie", "atenschutz", "rivacy", "väste", "erez", "onfidentialit")
_MAX_CONSENT = 600  # characters: a banner's few sentences, not a paragraph about cookies


def is_consent_notice(text: str) -> bool:
    """A short text asking the reader to accept cookies or a privacy policy: no story's."""
    return (
        len(text) <= _MAX_CONSENT
        and any(word in text for word in _CONSENT_WORDS)
        and _CONSENT.search(text) is not None
    )


# Advertising disclosures set apart from the story ("*Werbung.", "Anzeige, enthält Affiliate
# Links", "This post contains affiliate links").
DISCLOSURE = re.compile(
    spaced(
        r"^\W*(?:werbung|anzeige|advertorial|gesponsert\w*|sponsored(?: post| content)?|publicidad|"
        r"publicité|pubblicità|"
        # "sponsored" in more languages
        r"contenu sponsorisé|contenido patrocinado|conteúdo patrocinado|contenuto sponsorizzato|"
        r"gesponsord|sponsorowane|sponzorováno|sponzorované|sponsoroitu|sponsrad|sponsoreret|"
        r"sponset|patrocinado|sponsorlu)\b|affiliate[- ]?links?\b|\benthält werbung\b|"
        r"\bcontains (?:affiliate|sponsored)\b|"
        # "affiliate links" in more languages
        r"\bliens (?:affiliés|d'affiliation)|\benlaces de afiliad|\blink affiliat|"
        r"\blinki afiliacyjn|\blinks de afiliad|"
        # a listing's disclaimer, alone on its line ("(Alle Angaben ohne Gewähr)")
        r"^\W*(?:alle )?angaben ohne gewähr\W*$"
    ),
    re.IGNORECASE,
)
# A line crediting the news agencies a story draws on ("Mit Agenturmaterial.", "(Con
# información de AFP, EFE y Reuters)", "With reporting by Reuters"): its opening words, then
# names only (see `CREDIT_JOINERS`).
AGENCY_CREDIT = re.compile(
    spaced(
        r"^\W*(?:mit agenturmaterial|mit (?:material|informationen|inhalten) (?:von|der|des|aus)|"
        r"(?:with )?(?:additional )?reporting (?:by|from)|with (?:material|information) from|"
        r"avec (?:l'|les )?(?:agences?|afp|ap|reuters)|con (?:información|informaciones) de|"
        r"com (?:informações|agências) d[aeo]s?|con (?:informazioni|materiale) d[ai]|"
        r"met (?:materiaal|informatie) van|по материалам|за матеріалами)(?!\w)"
    ),
    re.IGNORECASE,
)
# Words that may join the names in such a line, agencies written in lower case included.
CREDIT_JOINERS = frozenset(
    {"der", "die", "des", "den", "von", "und", "sowie", "and", "the", "of", "from", "in", "by"}
    | {"y", "e"}
    | {"et", "de", "del", "la", "las", "los", "le", "les", "da", "do", "das", "dos", "en"}
    | {"dpa", "epd", "edp", "kna", "apa", "sda", "afp", "ap", "efe", "ansa", "agencias"}
)
# Picture agencies, as credits under pictures name them.
_PICTURE_AGENCIES = (
    r"(?:getty images|getty|shutterstock|istock(?:photo)?|associated press|ap(?: photo)?|reuters|"
    r"afp|dpa|epa(?:-efe)?|imago(?: images)?|picture[ -]alliance|alamy|keystone|ansa)"
)
# A picture's or a story's credit line ("Foto: dpa", "Quelle: DJV", "Photo by X on Unsplash",
# "Crédits photos : Bestimage", a bare "Beitragsbild").
CREDIT_LINE = re.compile(
    spaced(
        r"^\W*(?:quellen?(?:angaben)?|bildquellen?|fotoquellen?|titelbild|beitragsbild|bild|"
        r"fotos?|photos?|photographs?|pictures?|images?|sources?|fuentes?|fontes?|"
        r"(?:image |photo )?credits?(?: photos?)?|crédits?(?: photos?)?|créditos?|crediti|"
        # "photo" in more languages (Polish abbreviates it "Fot.")
        r"fotó|zdjęcie|imagen|фото|kuva|φωτογραφία|写真|图片(?:来源)?|"
        # "source" in more languages ("Źródło: PAP", "Источник: ТАСС", "来源：新华社")
        r"źródło|источник|джерело|kaynak|zdroj|forrás|bron|lähde|källa|kilde|sumber|nguồn|"
        r"πηγή|المصدر|출처|来源|來源|出典)\s*(?:[:：]|\bby\b|$)"
        r"|^\W*fot\.\s+\S"
        r"|^\s*©\s*\w[^.!?]*$"  # a picture's copyright holder alone ("© Tom Hughes", "© dpa")
        # a picture's maker and agency alone ("Michael Conroy, AP", "STR/AFP via Getty Images",
        # "iStock/cjp", "Shutterstock")
        rf"|^\W*(?:[^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){{0,6}}\s*(?:,|/|\bvia\b)\s*)*"
        rf"{_PICTURE_AGENCIES}\b(?:\.com)?(?:\s*(?:/|\bvia\b)\s*[^\W\d][\w ]{{0,30}})?\W*$"
    ),
    re.IGNORECASE,
)
# A picture's caption, known by the credit it ends on in brackets ("… (AP Photo/Evan Vucci)",
# "… (Foto: Volkswagen)", "… (AFP / ISHARA S. KODIKARA)", "… (Credit: Getty Images)"); an
# agency alone in brackets ends a story's paragraph ("… teilte die Polizei mit. (dpa)").
CAPTION_CREDIT = re.compile(
    spaced(
        r"\((?:[^()]{0,60}/\s*)?(?:(?:photo|foto|image|picture|bild|credit|crédito|crédit)s?\s*[:：]"
        rf"[^()]{{1,80}}|{_PICTURE_AGENCIES}(?:\s+photos?\b|\s*/)[^()]{{0,60}})\)\s*$"
    ),
    re.IGNORECASE,
)
# The label over a post's tags.
_TAGS = (
    r"tags?|schlagw[oö]rter?|stichw[oö]rter?|etiquetas|mots-clés|keywords|"
    # as translated themes print it
    r"tagi|tagit|etiketler|štítky|značky|címkék|etichete|ετικέτες|avainsanat|tunnisteet|"
    r"etiketter|stikkord|emneord|etiquetes|trefwoorden|palavras-chave|parole chiave|"
    r"теги|тэги|метки|етикети|oznake|ознаке|žymos|birkas|sildid|thẻ|từ khóa|kata kunci|"
    r"الوسوم|وسوم|الكلمات المفتاحية|برچسب(?:\u200c| )?ها|תגיות|टैग|แท็ก|タグ|태그|标签|標籤|关键词"
)
# A line filing the story ("Schlagworte:", "Category : Press Releases", "Posted in:"), and
# the comment and rating box's state ("Kommentare sind geschlossen", "not logged in").
FILING_LINE = re.compile(
    spaced(
        rf"^\W*(?:{_TAGS}|kategorien?|categor(?:y|ies|ías?)|"
        r"themen|topics|argomenti|filed under|posted in|veröffentlicht in|abgelegt unter|"
        # "category" and "posted in" in more languages
        r"catégories?|categori[ae]s?|categorieën|kategori(?:a|e|er|ja|ya|ó|ória)?|kategória|"
        r"рубрик[аи]|категори[яи]|luokka|κατηγορία|分类|分類|カテゴリー?|카테고리|"
        r"publié dans|publicado (?:en|em)|pubblicato in|geplaatst in|opublikowano w)\s*[:：]|"
        r"\b(?:kommentare (?:sind )?geschlossen|comments are closed|nicht (?:eingeloggt|angemeldet)|"
        r"not logged in|noch keine bewertungen|no ratings yet)\b|"
        # Who may comment: "You must be logged in to post a comment." (WordPress), LiveStreet's
        # "Только зарегистрированные и авторизованные пользователи могут оставлять комментарии."
        r"\b(?:logged in|signed in|registered) (?:users )?to (?:post a |leave a )?comment|"
        r"\b(?:angemeldet sein|eingeloggt sein|sich anmelden|sich einloggen),? um (?:einen )?"
        r"kommentare? zu (?:schreiben|verfassen|hinterlassen)\b|"
        r"могут оставлять комментарии|"
        # German public broadcasters file a story under the programme that aired it.
        r"^\W*dieses thema im programm\s*:"
    ),
    re.IGNORECASE,
)
# The tags' label alone on its line, over the tags (then the comments): the story is over.
TAGS_LABEL = re.compile(rf"^\W*(?:{_TAGS})\s*:?\s*$", re.IGNORECASE)
# A comment thread's heading, as blog themes print it in their languages ("12 Comments",
# "2 thoughts on “Title”", "Leave a Reply"): the story is over.
COMMENTS_HEADING = re.compile(
    spaced(
        rf"^\W*\d+\s+(?:{_COMMENTS})\W*$|"
        r"^\W*\d+\s+(?:thoughts? on|responses? to|gedanken zu|réflexions? sur|comentarios? en|"
        r"commenti su|comentários? em|reacties? op|komentarz[ey]? do|комментари(?:й|я|ев) к|"
        r"reaktioner på)\s+[“”\"«»„‘’'‚].*$|"
        r"^\W*(?:leave a (?:reply|comment)|post a comment|schreibe einen kommentar|"
        r"laisser un commentaire|deja una respuesta|deja un comentario|lascia un commento|"
        r"deixe (?:um comentário|uma resposta)|geef een reactie|dodaj komentarz|"
        r"добавить комментарий|lämna ett svar|bir yanıt yazın)\W*$"
    ),
    re.IGNORECASE,
)
# "Follow us" and "subscribe" as a line opens with them, in many languages.
_APPEALS = (
    r"(?:follow us|subscribe to|sign up (?:for|to)|suivez-nous|abonnez-vous|inscrivez-vous|"
    r"folgen sie uns|abonnieren sie|melden sie sich (?:jetzt )?(?:für|zum)|"
    r"síguenos|suscríbete|siga-nos|sigam-nos|inscreva-se|assine (?:a |o )?noss[ao]|seguici|iscriviti|volg ons|abonneer je|"
    r"schrijf je in|obserwuj nas|zapisz się|subskrybuj|подписывайтесь|подпишитесь|"
    r"підписуйтесь|підпишіться|стежте за нами|sledujte nás|přihlaste se|följ oss|"
    r"prenumerera|følg os|følg oss|abonner på|meld deg på|tilmeld dig|seuraa meitä|tilaa|"
    r"ikuti kami|berlangganan|theo dõi chúng tôi|đăng ký nhận|تابعونا|تابعوا|اشترك|"
    r"ακολουθήστε μας|εγγραφείτε)"
)
# A line calling readers to follow or subscribe, wherever it stands in the story.
APPEAL = re.compile(spaced(rf"^\W*{_APPEALS}(?!\w)"), re.IGNORECASE)
# The paywall's notice where the shown text stops ("Il vous reste 57% de cet article à lire.
# La suite est réservée aux abonnés.", "Bereits Abonnent?", "Create a FREE account to
# continue reading", "To view the full story, please subscribe").
_PAYWALL = (
    # One word boundary before them all: a search tries the alternatives only where a word
    # starts, which makes it several times faster on a paragraph.
    r"\b(?:(?:create|register for) a free account\b|to continue reading\b|"
    r"to (?:view|read) the (?:full|rest of the) (?:story|article)\b|"
    r"for (?:paying )?(?:subscribers|members) only\b|subscribers only\b|"
    r"il vous reste \d+(?:[.,]\d+)? ?% de cet article|réservée? aux abonnés|déjà abonné|"
    r"nur für abonnenten\b|bereits abonnent|weiterlesen mit (?:\w+[ -])?(?:abo|plus)\b|"
    r"exclusivo para (?:suscriptores|assinantes)|ya eres suscriptor|já é assinante|"
    r"riservat[oa] agli abbonati|sei già abbonato|alleen voor abonnees|al abonnee|"
    r"dla (?:subskrybentów|prenumeratorów)|abonelere özel|только (?:для )?подписчик)"
)
# Lines that sign a story off: calls to follow or subscribe, credits, copyright.
SIGN_OFF = re.compile(
    spaced(
        r"^(?:follow|subscribe|sign up|get the latest|like this|have a tip|listen to|start your day|"
        r"suivez|abonnez|inscrivez|folgen sie|abonnieren)\b|newsletter|\breporting by\b|"
        # The same calls in more languages, and "newsletter" where it is no loanword.
        rf"^{_APPEALS}(?!\w)|"
        r"\btakip edin\b|\babone ol|nieuwsbrief|nyhetsbrev|nyhedsbrev|uutiskirje|рассылк|розсилк|"
        r"نشرتنا|النشرة البريدية|ενημερωτικό δελτίο|"
        r"\bcontributed (?:to )?(?:this|reporting)|\bwriters? .{0,200} contributed\b|"
        rf"{alternation(RIGHTS_NOTICE)}|\S+@\S+\.\w+|(?<!\w)@[^\W\d]\w{{2,}}\b|"
        # Appeals to readers: subscribe, support, become a member, get the app.
        r"\bsubscribe (?:now|today)\b|\b(?:already|not) a (?:subscriber|member)\b|"
        r"\bif you (?:enjoyed|liked|value)\b|"
        r"\bsupport (?:our|us|independent)\b|\bdownload\b.{0,60}\bapps?\b|"
        r"\b(?:hazte|become a) (?:miembro|socio|member)\b|\bsuscr[ií]b|"
        r"\babonnier(?:e|en sie)\b|"
        # Pointers to the outlet's channels and pages ("…ikuti WhatsApp channel", "For more stories
        # like this, check our news page"), and the paywall's notice.
        r"\b(?:whats ?app|telegram|youtube)[- ]?(?:channel|kanal)\b|"
        r"\bcanal de (?:whats ?app|telegram|youtube)\b|\bon google news\b|\bdi google news\b|"
        r"\bauf google news\b|^for more (?:stories|news|articles) like this\b|"
        # The desk's initials or names in brackets, maybe after the outlet's name ("(dmk)",
        # "MDR (Engin Haupt, Alisa Sonntag)"), alone on the story's last line.
        r"^(?:[^\W\d][\w.&-]{0,20} )?\((?:[^\W\d_][^\W\d_.-]*\.?(?:[ ,/]+|(?=\)))){1,6}\)\.?$|"
        # "Click here" to go elsewhere ("… 12 issues for £11.99. Click here for more information.").
        r"\bclick here\b|"
        rf"{_PAYWALL}"
    ),
    re.IGNORECASE,
)
# A paywall's or a registration wall's notice, where the text a visitor is shown stops: what
# follows it is the wall's own pitch.
PAYWALL = re.compile(spaced(_PAYWALL), re.IGNORECASE)


def _alone_on_its_line(announcement: str) -> re.Pattern[str]:
    """A line that is the `announcement` alone, maybe with a few characters after it."""
    return re.compile(spaced(rf"^\W*{announcement}(?!\w).{{0,20}}$"), re.IGNORECASE)


# Other stories announced, most read lists included.
_STORIES_ANNOUNCED = f"(?:{RELATED_STORIES}|{MOST_READ})"
# A line announcing other stories, alone on its line (a roundup's heading).
ROUNDUP = _alone_on_its_line(RELATED_STORIES)
# The same, most read lists included: a heading that cuts the text when teasers follow it.
ROUNDUP_HEADING = _alone_on_its_line(_STORIES_ANNOUNCED)
# The same words in a line: opening a block's heading (`.match`, "À lire aussi sur le sujet")
# or anywhere in a short line (`.search`, "Das Thema könnte dich auch interessieren:").
RELATED_PHRASE = re.compile(spaced(rf"\b{_STORIES_ANNOUNCED}(?!\w)"), re.IGNORECASE)


# --- Class and id names ------------------------------------------------------------------
# Blocks that list other stories (related, most read, teasers): what they show, excerpts and
# dates, belongs to those stories.
CLASS_OTHER_STORIES = frozenset(
    [
        "related",
        "relatedposts",
        "recommended",
        "recommendations",
        "recirc",
        "outbrain",
        "taboola",
        "sidebar",
        "trending",
        "popular",
        "mostread",
        "teaser",
        "teasers",
        "more",
        "readmore",
        "moreonthis",
    ]
)
# A reader's comment or a thread of them (`comment-author`, `commentlist`).
COMMENT_CLASS = frozenset(["comment", "comments", "commentlist"])
# Boilerplate blocks of any kind: comments, share bars, menus, ads, bylines, galleries.
CLASS_NEGATIVE = CLASS_OTHER_STORIES | frozenset(
    [
        *COMMENT_CLASS,
        "disqus",
        "share",
        "shares",
        "sharing",
        "sharebar",
        "social",
        "sociable",
        "aside",
        "footer",
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "promo",
        "promos",
        "promotion",
        "advert",
        "advertisement",
        "advertising",
        "ads",
        "ad",
        "adv",
        "adsense",
        "sponsor",
        "sponsored",
        "likes",
        "disclosure",
        "affiliate",
        "banner",
        "cookie",
        "cookies",
        "consent",
        "popup",
        "modal",
        "overlay",
        "widget",
        "widgets",
        "tags",
        "tagcloud",
        "byline",
        "author",
        "authors",
        "autor",
        "auteur",
        "autore",
        "saboxplugin",  # WordPress's Simple Author Box
        # A table of contents (its own "Contents" heading, links to the story's headings):
        # MediaWiki's title, WordPress's LuckyWP; "toc-container" in the pairs below.
        "toctitle",
        "lwptoc",
        "caption",
        "credit",
        "rights",
        "copyright",
        "credits",
        "toolbar",
        "tools",
        "button",
        "buttons",
        "btn",
        "login",
        "pagination",
        "pager",
        "skip",
        "hidden",
        "sronly",
        "screenreader",
        "visuallyhidden",
        "masthead",
        "topbar",
        "rating",
        "poll",
        "meta",
        "dateline",
        "timestamp",
        "headline",
        "kicker",
        "email",
        "follow",
        "donate",
        "sharedaddy",
        "addtoany",
        "gallery",
        "lightbox",
        "slideshow",
        "video",
        "player",
        "playlist",
        "embed",
    ]
)
CLASS_OTHER_STORIES_PAIRS = frozenset(
    {
        ("most", "read"),
        ("read", "more"),
        ("read", "next"),
        ("more", "stories"),
        ("you", "may"),
        ("also", "like"),
        # WordPress's lists of other posts: wp-block-latest-posts, widget_recent_entries.
        ("latest", "posts"),
        ("recent", "posts"),
        ("recent", "entries"),
        ("block", "query"),
        ("story", "card"),  # a teaser card ("story-card", Quintype's "arr--story-card")
    }
)
CLASS_NEGATIVE_PAIRS = CLASS_OTHER_STORIES_PAIRS | {
    # Cards holding no prose: a call to action, a shop's product tile (Ghost's kg-cta-card,
    # kg-product-card; its kg-header-card is left: "article-header-card" may hold the lede).
    ("cta", "card"),
    ("product", "card"),
    # A table of contents (Easy Table of Contents, Table of Contents Plus): its targets, the
    # story's headings, are named "ez-toc-section" or "TOC_TITLE_1".
    ("toc", "container"),
    ("star", "ratings"),  # kk Star Ratings' "Rate this post"
    ("sr", "only"),
    ("screen", "reader"),
    ("visually", "hidden"),
    # A Q&A post's card of its writer and time (Stack Exchange's "user-info" and
    # "user-details", Askbot's "post-update-info": "asked Mar 14 '23 riverwalker 1.3k").
    ("user", "info"),
    ("user", "details"),
    ("update", "info"),
}
# A page builder's pieces of a post, by their class names (Elementor, SiteOrigin and its
# widgets, Beaver Builder, Kadence Blocks, GenerateBlocks). They name themselves widgets,
# headlines and "adv(anced)" headings ("elementor-widget-text-editor", "so-panel widget
# widget_sow-editor", "sow-headline", "kt-adv-heading", "gb-headline"): there these words are
# no sidebar's, page headline's or ad's, unless the piece is a WordPress widget set in the
# builder ("…-wp-widget-categories").
BUILDER_CLASS_PREFIXES = (
    "elementor-",
    "so-panel",
    "so-widget",
    "sow-",
    "siteorigin-widget",
    "panel-grid",
    "panel-layout",
    "fl-",
    "wp-block-kadence",
    "kb-",
    "kt-",
    "gb-",
)
BUILDER_WIDGET_WORDS = frozenset({"widget", "widgets", "headline", "adv"})
# The container in which Ghost (Koenig's kg-canvas) and WordPress themes put what the writer
# wrote, and only that.
AUTHORED_CLASSES = frozenset(
    {"gh-content", "post-content", "post-full-content", "entry-content", "kg-canvas"}
)
# Names of the story's own container.
CLASS_POSITIVE = frozenset(
    [
        "article",
        "articlebody",
        "body",
        "content",
        "entry",
        "main",
        "post",
        "story",
        "text",
        "prose",
        "blog",
        "richtext",
        "storybody",
        "articletext",
        "paragraph",
    ]
)
# A state after a boilerplate word ("comments-closed") and a modifier before it ("has-sidebar",
# "non-paywall") describe the page, not the block.
CLASS_STATES = frozenset(
    {"enabled", "disabled", "open", "closed", "count", "active", "allowed", "on", "off"}
)
CLASS_MODIFIERS = frozenset(
    {"has", "no", "non", "not", "with", "without", "show", "hide", "is", "enable", "disable"}
)
# A modifier that denies the story's word after it ("not-prose": Tailwind's opt-out). "no"
# and "non" are left out: "no-post-thumbnail" is a post without a picture, still a post.
CLASS_NEGATIONS = frozenset({"not"})
# A modifier that does not lift the word after it: Bulma's "is-hidden" hides the block.
CLASS_HIDING_STATE = ("is", "hidden")
# "hidden" that hides only part of a block (Drupal's "field--label-hidden": the label) or
# only at some screen sizes ("hidden-xs", "l-hidden-s"): the block itself is shown.
CLASS_HIDDEN_PARTS = frozenset({"label", "title"})
CLASS_BREAKPOINTS = frozenset(
    {
        *("xs", "s", "sm", "m", "md", "l", "lg", "xl", "xxl"),
        *("small", "medium", "large", "mobile", "phone", "tablet", "touch", "desktop"),
        *("widescreen", "fullhd"),
    }
)
# Blocks dropped whatever their size: comment threads, recommendation widgets, consent banners
# and the dialogs that float over the page (login, privacy, disclosures).
# Consent banners named in one word ("cookiecontent", "cookiebanner", "consentmanager").
CLASS_STRONG_PREFIXES = ("cookie", "consent")
CLASS_STRONG_NEGATIVE = frozenset(
    [
        *COMMENT_CLASS,
        "disqus",
        "outbrain",
        "taboola",
        "relatedposts",
        "sharedaddy",
        "addtoany",
        "cookie",
        "consent",
        "dialog",
        "modal",
        "popup",
    ]
)
# WordPress's post_class names the post's categories and tags ("category-popular",
# "tag-sidebar-tips"): the site's topics, not what the block is.
POST_TOPIC_CLASSES = re.compile(r"(?:^|\s)(?:category|tag|post_tag|format)-\S+")
# Among a post's own classes (hAtom's "hentry", WordPress's "type-post", "post-959"), an
# "author-kinra" names the post's writer (Hybrid, Squarespace): no author box.
POST_CLASS_MARK = re.compile(r"(?:^|\s)(?:hentry|h-entry|type-post|post-\d+)(?=\s|$)")
POST_AUTHOR_CLASS = re.compile(r"(?:^|\s)author-\S+")
# Blocks of teaser cards: related stories, and featured ones ("related-topics" and the like
# list tag pages, not stories).
RELATED_CLASS = re.compile(
    r"related(?![-_]?(?:topics?|tags?|categor|keywords?|searches|terms|subjects?))"
    r"|read-?next|read-?more|similar|lire-?aussi|a-lire|see-?also|recommend|yarpp"
    r"|more-(posts|stories|articles)",
    re.I,
)
FEATURED_CLASS = re.compile(
    r"featured|hero|highlight|spotlight|magazine|a-la-une|big[-_]grid|top-stories", re.I
)
# Text nobody sees: only screen readers get it ("opens in a new tab").
SCREEN_READER_ONLY = re.compile(
    r"sr-only|screen-reader|visually-hidden|visuallyhidden",
    re.IGNORECASE,
)
# A heading's topic line above the headline ("kicker", German "Dachzeile"), by class name.
KICKER_CLASS = re.compile(
    r"kicker|overline|overtitle|supertitle|super-title|pretitle|eyebrow|roofline|topline"
    r"|dachzeile|spitzmarke",
    re.IGNORECASE,
)
