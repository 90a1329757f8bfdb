"""Author names: clean bylines, split co-authors, and choose between byline and title.

Rules, in order:
1. Each raw byline string loses its "Par"/"By"/"Von"/"De" prefix and any trailing date or
   role ("Jean Dupont, 27 novembre 2025", "Jane Roe | Reporter"), then is split on
   "et"/"and"/"und"/","/"&" into names; names are deduped case-insensitively, order kept.
2. The outlet's own name (og:site_name, publisher, profile title) is dropped when a real
   writer is also named.
3. Profiles list house accounts ('Rédaction', 'CDS', 'courrier-strateges'…). When a byline
   has only house accounts and the title ends with "… par X" (or the lede, or the first
   paragraph, starts with "Par X –"), X is the author: the site signs guest pieces with a
   house account and names the writer in the headline. Otherwise the byline is kept as
   shown, house accounts included: a house account that co-signs with a writer is a real
   co-author on this site ("Thibault de Varenne, courrier-strateges"), and a house byline
   alone is still the truth for a staff piece.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from scraper.extract.dates import DATE_IN_TEXT, WRITTEN_DAY, weekday_names
from scraper.extract.text import fold, normalize_space, plain_spaces
from scraper.extract.vocabulary import (
    AUTHOR_LABELS,
    BY_WORDS,
    BY_WORDS_AFTER,
    BY_WORDS_IN_BYLINES,
    BYLINE_ROLE,
    CASED_NAME_CONNECTIVES,
    CJK_BYLINE_LABEL,
    CJK_ROLE_SUFFIX,
    CREDENTIALS,
    CREDIT_WORDS,
    CREDITED_BY,
    DATE_CONNECTIVES,
    DATE_LABELS,
    DISCLOSURE,
    GENERATIONS,
    LEGAL_FORM,
    NAME_COMPANIONS,
    NAME_CONNECTIVES,
    NAME_PARTICLES,
    NAME_STOPWORDS,
    NEWSROOM_WORDS,
    NOT_NAMES,
    PHOTO_CREDIT,
    PICTURE_OF,
    RIGHTS_NOTICE,
    TITLE_BY_WORDS,
    UPDATE_LABELS,
    WRITING_FOR,
    alternation,
    is_call_to_action,
    posts_by,
)

_PREFIX = re.compile(
    rf"^(?:{alternation(CREDITED_BY)}\s+by|{alternation(CREDIT_WORDS)}|"
    rf"{alternation(BY_WORDS_IN_BYLINES)}|{alternation(AUTHOR_LABELS)})(?:\s*[:：\-–—]\s*|\s+)",
    re.IGNORECASE,
)
_AND = f"(?:{alternation(NAME_CONNECTIVES)}|(?-i:{alternation(CASED_NAME_CONNECTIVES)}))"
# What stands between co-authors' names ("A et B", "A, B", "A | B"); "A, B, and C": the
# serial comma before the last name joins it as "and" alone does.
NAME_SEPARATORS = re.compile(
    rf"\s*(?:,(?:\s*{_AND}\s)?|;|&|\+|\||/|／|｜|\s[•·]\s|\s{_AND}\s)\s*", re.IGNORECASE
)


@cache
def _trailing_date() -> re.Pattern[str]:
    """A date after the names, maybe after "on" ("le", "am", "el"…) and the day of the week
    ("on Tuesday, March 3, 2020", "am Dienstag, 3. März 2020"), after its label and maybe a
    time ("Published March 14, 2023", "Updated 9:30 AM EDT, Tue March 14, 2023"), or after
    any weekday set apart by a comma ("Budi Santoso - Selasa, 5 Maret 2024"). Compiled on
    first use: the days' names come from dateparser's data."""
    on = alternation([*DATE_CONNECTIVES, "publié le"])
    weekday = weekday_names(tuple(sorted(set(DATE_CONNECTIVES.values()))))
    label = alternation(DATE_LABELS + UPDATE_LABELS)
    # Matches start where a run of separators starts and take it whole (possessive): tried
    # at every space of a long run ("…, , , …"), the search took seconds.
    return re.compile(
        rf"(?<![\s,|–—-])(?:[\s,|–—-]++(?:{on}\s+(?:{weekday}\.?,?\s+)?)?"
        rf"|\s*+[,|–—-]\s*+[^\W\d]+,\s+|[\s,|–—-]++{label}\b\s*:?.{{0,30}}?)"
        rf"{WRITTEN_DAY}.*$",
        re.IGNORECASE,
    )


# "with" and a capitalised name after a byline's name: a co-author ("(avec X et Y)", "with X").
_COMPANION = re.compile(
    rf"(?:\s*[,(\[]\s*|\s+)(?i:{alternation(NAME_COMPANIONS)})\s+(?=[^\W\d_])(?=[^a-zß-ÿ])"
)
# A date before "by" and the names ("Posted on March 5, 2024 at 9:00 by Jane Doe"): what
# precedes the names is no name and no trailing date.
_DATE_THEN_BY = re.compile(
    rf"^.{{0,40}}?{WRITTEN_DAY}.{{0,30}}?\s{alternation(BY_WORDS)}\s+(?=[^\W\d_])", re.IGNORECASE
)
# A writer's handle or address after their name ("Jane Doe @janedoe", "홍길동 기자 h@x.kr").
_HANDLE = re.compile(r"\s+(?:\S+@\S+\.\w+|@\w+)(?=\s|$)")
# A news agency's dateline before a Korean byline ("[서울=뉴시스] 홍길동 기자", "(서울=연합뉴스)").
_AGENCY_DATELINE = re.compile(r"^\s*[\[(（［][^\])）］=]{1,20}=[^\])）］]{1,20}[\])）］]\s*")


def _without_dateline_or_address(text: str) -> str:
    """A byline without the agency dateline before it or the handle or address after it."""
    return _HANDLE.sub("", _AGENCY_DATELINE.sub("", text))


# Where a Chinese byline's writer reported from ("記者王小明／台北報導"): no name.
_REPORTED_FROM = re.compile(r"(?:報導|报道)$")
# A part crediting someone else than the writers ("Photos by X", "Edited by X", "Editor: X").
_OTHER_CREDIT = re.compile(
    r"^(?:edit(?:ed|ing)\s+by|illustrations?\s+by)\b|^(?:editor|redaktur|penyunting)\s*:",
    re.IGNORECASE,
)
# "Elena Oberholzer (obe)": initials or a desk in brackets after the name.
_PAREN = re.compile(r"\s*[(\[][^)\]]*[)\]]?\s*$")
# "By" after the names ("Ali Can tarafından").
_BY_AFTER = re.compile(rf"\s+{alternation(BY_WORDS_AFTER)}$", re.IGNORECASE)
# A label whose name was left out ("Artikel von ", "Posts by "): the by-word ends it.
_LABEL_ALONE = re.compile(rf"\s(?:{alternation(BY_WORDS_IN_BYLINES)})$", re.IGNORECASE)
_LINK = re.compile(r"^(?:https?://|www\.|@)", re.IGNORECASE)
_URL = re.compile(r"\s*(?:[-–—|:]\s*)?https?://\S*", re.IGNORECASE)
# Never in a name: an address, a handle, a long number, a copyright notice.
_NOT_NAME = re.compile(
    rf"https?://|www\.|@|(?<!\w)\d{{3,}}|^\W*$|{alternation(RIGHTS_NOTICE)}", re.IGNORECASE
)
# The last "par" of the title names the writer ("… a fini par accepter … par Ulrike Reisner").
_TITLE_BY = re.compile(
    rf"^.*(?:[,:–—-]\s*|\s){alternation(TITLE_BY_WORDS)}\s+([^,;:–—()|]{{3,60}}?)\s*[.!?)]*\s*$",
    re.IGNORECASE,
)
_LEDE_BY = re.compile(
    rf"^\s*{alternation(TITLE_BY_WORDS)}\s+([^,;:–—()|.]{{3,60}}?)\s*[–—:,-]\s", re.IGNORECASE
)
_MAX_WORDS = 6
_EDGES = " ,;:|-–—·•="  # separators and bullets left at a name's ends
# A name ending with an initial or a generation keeps its full stop ("Joe S.", "Jr.").
_INITIAL_END = re.compile(r"(?:^|[\s.])(?:[^\W\d_]|Jr|Sr)\.$")
_OPENING_BLOCKS = 3  # story blocks searched for a paragraph of names alone
_MAX_BYLINE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?:]\s|[.!?:]$")
_WORD = re.compile(r"[^\W_]+")


def clean_name(raw: str) -> str | None:
    """One byline string without prefix, trailing date or role, its spaces plain; None when
    it is no name."""
    name = PICTURE_OF.sub("", posts_by(normalize_space(raw))).strip(_EDGES)
    if is_call_to_action(name):
        return None
    for _ in range(2):
        name = _PREFIX.sub("", name)
    name = _BY_AFTER.sub("", name)
    name = _trailing_date().sub("", name)
    name = BYLINE_ROLE.sub("", _PAREN.sub("", name))
    writer = WRITING_FOR.sub("", name)
    # "Jane Doe for The Guardian" is Jane Doe; "Department for Transport" is one name.
    name = writer if len(writer.split()) > 1 else name
    name = CJK_ROLE_SUFFIX.sub("", name.strip(_EDGES)).strip(_EDGES)
    if name.endswith((")", "]")) and not re.search(r"[(\[]", name):
        name = name[:-1].strip(_EDGES)  # the close of "(avec X et Y)"
    if name.endswith(".") and not _INITIAL_END.search(name):
        name = name.rstrip(".").strip(_EDGES)
    if (
        not name
        or _NOT_NAME.search(name)
        or _LABEL_ALONE.search(name)
        or len(name.split()) > _MAX_WORDS
        or name.casefold() in NOT_NAMES
        or name.casefold() in CREDENTIALS
        or DISCLOSURE.match(name)  # "Sponsored Content", "Gesponserte Inhalte": an ad's label
        or LEGAL_FORM.search(name)
        or len(name) < 2
    ):
        return None
    return plain_spaces(name)


# A word that is a host name ("LyraThemes.com"): a theme's credit, no person's name.
_HOST_WORD = re.compile(r"\w\.[a-z]{2,}$")


def labelled(text: str) -> bool:
    """Whether a byline's text opens with a label or "by" word naming who wrote it
    ("作者：王小明", "بقلم أحمد علي", "Oleh Budi Santoso"), or ends with the writer's role
    ("홍길동 기자", "山田太郎 記者")."""
    text = _without_dateline_or_address(text).strip(_EDGES)
    return bool(_PREFIX.match(text) or CJK_BYLINE_LABEL.match(text) or CJK_ROLE_SUFFIX.search(text))


def looks_like_name(name: str) -> bool:
    """Two to five words, capitalised (particles aside), no digits, no host name: a person,
    not a label or a credit ("Kale von LyraThemes.com")."""
    words = name.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in name):
        return False
    if any(_HOST_WORD.search(w.rstrip(".")) for w in words):
        return False
    return all(
        w[0].isupper() or w.casefold() in NAME_PARTICLES or not w[0].isalpha() or _ELIDED.match(w)
        for w in words
    )


# A particle joined to the capitalised name after it ("d'Ormesson", "dell’Orto", "al-Assad").
_ELIDED = re.compile(r"^(?:d|dell|l|al|el)['’-][^\W\d_]", re.IGNORECASE)


def caseless_name(name: str) -> bool:
    """One to four words of a script without capitals ("김민지", "佐藤 花子", "مارغريت أوكونيل"),
    no digits and no call to action: a name where capitals cannot tell one."""
    words = name.split()
    return (
        1 <= len(words) <= 4
        and len(name) <= 30
        and not any(c.isdigit() or c.isupper() or c.islower() for c in name)
        and any(c.isalpha() for c in name)
        and not is_call_to_action(name)
    )


_INVERTED_NAME = re.compile(r"^\s*([^\W\d][^,\d]{0,40}),\s*([^\W\d][^,\d]{0,40}?)\s*$")


def given_name_first(value: str) -> str:
    """ "Brazil, Rachel" (a library's creator, surname first) → "Rachel Brazil"; anything
    else as it is: a credential or generation after the comma ("Jane Doe, PhD"), or parts that
    are no name's ("Reuters, AFP": an acronym; "dpa, AFP")."""
    match = _INVERTED_NAME.match(value)
    if match is None:
        return value
    surname, given = (part.strip() for part in match.groups())
    if {given.casefold(), given.casefold().rstrip(".")} & (CREDENTIALS | GENERATIONS):
        return value
    acronym = any(w.isalpha() and w.isupper() and len(w) <= 4 for w in f"{given} {surname}".split())
    name = f"{given} {surname}"
    return name if looks_like_name(name) and not acronym else value


def split_names(raw: str) -> list[str]:
    """A byline string → the names it holds ("A et B", "A and B", "A, B")."""
    text = normalize_space(raw)
    if PHOTO_CREDIT.match(text):
        return []
    text = _PREFIX.sub("", posts_by(_DATE_THEN_BY.sub("", text)))
    if _LINK.match(text):
        return []  # a profile URL or a handle, not a byline
    text = _URL.sub("", text)  # "Frank Bueltge - http://bueltge.de": its slashes split no names
    text = CJK_BYLINE_LABEL.sub("", _without_dateline_or_address(text))
    text = BYLINE_ROLE.sub("", _trailing_date().sub("", text))
    # A date is no name, wherever it stands ("October 14, 2009 | Marc Lifsher", or a date
    # alone in the author's name element: "NOVEMBER 20, 2019 10:43").
    text = DATE_IN_TEXT.sub("|", text)
    text = _COMPANION.sub(", ", text)
    names = []
    for part in NAME_SEPARATORS.split(text):
        if PHOTO_CREDIT.match(part) or _OTHER_CREDIT.match(part) or _REPORTED_FROM.search(part):
            continue  # "Text: A, Photos: B": B took the pictures
        name = clean_name(part)
        if name:
            names.append(name)
    return names


def dedupe(names: Iterable[str]) -> list[str]:
    """Names in order, each once (ignoring case, spaces and punctuation)."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = "".join(_WORD.findall(name.casefold()))  # "sophie-foster" is "Sophie Foster"
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def byline_authors(
    raws: Iterable[str], is_outlet: Callable[[str], bool] = lambda name: False
) -> list[str]:
    """Clean, split and dedupe raw byline strings; the outlet's own name stays whole ("Mac &
    i" is no "Mac" and "i")."""
    lines = (normalize_space(raw) for raw in raws)
    return dedupe(
        name for line in lines for name in ([line] if is_outlet(line) else split_names(line))
    )


def named_in_title(title: str | None, lede: str | None) -> str | None:
    """The writer named by "… par X" at the end of the title, or "Par X –" at the lede's start."""
    for text, pattern in ((title, _TITLE_BY), (lede, _LEDE_BY)):
        match = pattern.search(normalize_space(text)) if text else None
        if match:
            name = clean_name(match.group(1))
            if name and name[0].isupper():
                return name
    return None


def byline_paragraph(blocks: Iterable[str]) -> list[str]:
    """The writers credited by a paragraph of names alone among the story's first blocks
    ("Mathatisi Sebusi/Mohalenyane Phakela"), as papers without byline markup print them."""
    for text in itertools.islice(blocks, _OPENING_BLOCKS):
        line = normalize_space(text)
        long, sentence = len(line.split()) > _MAX_BYLINE_WORDS, bool(_SENTENCE_END.search(line))
        if long and sentence:
            break  # the story has begun: names alone after it caption a photo or head a part
        if not line or long or sentence:
            continue
        parts = [p for p in NAME_SEPARATORS.split(_PREFIX.sub("", line)) if p]
        if parts and all(looks_like_name(p) for p in parts):
            return dedupe(parts)
    return []


def resolve_authors(
    names: list[str],
    *,
    is_house: Callable[[str], bool] = lambda name: False,
    site_names: Iterable[str | None] = (),
    is_account: Callable[[str], bool] = lambda name: False,
    title: str | None = None,
    lede: str | None = None,
    opening: Iterable[str] = (),
    signature: str | None = None,
) -> list[str]:
    """Final author list: outlet names dropped when a writer is known (but not accounts, names
    linked to an author page: a personal blog's owner beside a co-author), house bylines
    resolved by the writer named in the title, the lede or a byline paragraph opening the
    story; with no byline at all, the name signing the story off."""
    names_outlet = outlet_test(site_names)

    def is_outlet(name: str) -> bool:
        return names_outlet(name) and not is_account(name)

    if any(not is_outlet(n) and not is_house(n) for n in names):
        return [n for n in names if not is_outlet(n)]
    named = named_in_title(title, lede)
    if named and (not names or all(is_house(n) or is_outlet(n) for n in names)):
        return [named]
    if names and all(is_house(n) or is_outlet(n) for n in names):
        return byline_paragraph(opening) or names
    if not names and signature and looks_like_name(signature):
        return [signature]
    return names


def outlet_test(site_names: Iterable[str | None]) -> Callable[[str], bool]:
    """Whether a name is the outlet's: one of the site's names (compared loosely), or a desk
    of it ("MDR THÜRINGEN" on mdr.de starts with the host's name)."""
    known = [s for s in site_names if s]
    outlets = {fold(s) for s in known}
    hosts = {s.split(".")[0].casefold() for s in known if "." in s and " " not in s}

    def is_outlet(name: str) -> bool:
        words = name.casefold().split()
        return fold(name) in outlets or (len(words) > 1 and words[0] in hosts)

    return is_outlet


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return re.findall(r"[a-z0-9]+", "".join(c for c in folded if not unicodedata.combining(c)))


def looks_like_house(name: str, site_names: Iterable[str | None] = ()) -> bool:
    """A byline naming the outlet rather than a writer, on a site no profile describes:
    a newsroom word ('Rédaction', 'Staff'), the site's name or its login form
    ('courrier-strateges'), or its initials ('CDS' for Le Courrier des Stratèges)."""
    words = _words(name)
    if not words:
        return False
    if all(w in NEWSROOM_WORDS or w in NAME_STOPWORDS for w in words):
        return True
    letters = name.replace(".", "").strip()
    acronym = letters.isupper() and 2 <= len(letters) <= 5
    for site in filter(None, site_names):
        # A host ("lecourrierdesstrateges.fr") counts by its first label.
        site_words = _words(site if " " in site else site.split(".")[0])
        significant = [w for w in site_words if w not in NAME_STOPWORDS]
        if significant and set(words) <= set(significant) | NAME_STOPWORDS:
            return True
        if acronym:
            initials = {
                "".join(w[0] for w in site_words[i:]).upper()
                for i in range(min(2, len(site_words)))
            } | {"".join(w[0] for w in significant).upper()}
            if letters in initials:
                return True
    return False
