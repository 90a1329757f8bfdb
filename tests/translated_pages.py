"""Theme pages (tests/fixtures/themes) as sites in other languages serve them: the theme's own
strings ("Posted on", "By", "More posts", "Related Posts", its dates) translated, the post's
text left as it is (tests/fixtures/themes/translations.json); or with its writers named in a
script without capitals."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import lxml.html

_SPEC = json.loads(
    (Path(__file__).parent / "fixtures" / "themes" / "translations.json").read_text("utf-8")
)
LANGUAGES = sorted(_SPEC)
# The languages whose plugin strings are translated too (Japanese, Korean and Chinese have
# their themes' strings only).
PLUGIN_LANGUAGES = [lang for lang in LANGUAGES if _SPEC[lang]["plugins"]]
_MONTHS = "January February March April May June July August September October November December"
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS.split())} | {
    m[:3]: i for i, m in enumerate(_MONTHS.split())
}
_ENGLISH_DATE = re.compile(rf"\b({'|'.join(_MONTH_NUMBER)})[a-z]*\.? (\d{{1,2}}),? (\d{{4}})\b")
_SHORT = 60  # characters: a theme's strings are short text nodes; the post's paragraphs are not


@cache
def _strings(lang: str) -> re.Pattern[str]:
    """One pattern for all the language's strings, the longest first ("Posted by" before "By")."""
    english = sorted(_SPEC[lang]["strings"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, english)) + r")(?![\w-])")


def _translate(text: str, lang: str) -> str:
    spec = _SPEC[lang]
    text = _ENGLISH_DATE.sub(
        lambda m: spec["date"].format(
            d=int(m.group(2)), m=spec["months"][_MONTH_NUMBER[m.group(1)]], y=m.group(3)
        ),
        text,
    )
    return _strings(lang).sub(lambda m: spec["strings"][m.group(0)], text)


def translated(page: bytes, lang: str) -> bytes:
    """The page with its short text nodes and labels (title, aria-label, alt) in `lang`."""
    doc = lxml.html.fromstring(page)
    doc.set("lang", lang)
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el.text and len(el.text.strip()) <= _SHORT:
            el.text = _translate(el.text, lang)
        if el.tail and len(el.tail.strip()) <= _SHORT:
            el.tail = _translate(el.tail, lang)
        for attribute in ("title", "aria-label", "alt"):
            value = el.get(attribute)
            if value and len(value) <= _SHORT:
                el.set(attribute, _translate(value, lang))
    return lxml.html.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>")


# The writer and co-author in scripts without capitals.
SCRIPTS = {
    "ko": ("김민지", "박준호"),
    "ja": ("佐藤 花子", "田中 太郎"),
    "zh": ("王小明", "李华"),
    "ar": ("مارغريت أوكونيل", "توم رييس"),
}
_WRITER = re.compile(r"Margaret O(?:&#039;|&#x27;|'|’|&#8217;|&apos;)Connell")
_CO_AUTHOR = "Tom Reyes"


def renamed(page: bytes, script: str) -> bytes:
    """The page with its writer and co-author named in `script`."""
    writer, co_author = SCRIPTS[script]
    text = _WRITER.sub(writer, page.decode("utf-8")).replace(_CO_AUTHOR, co_author)
    return text.encode("utf-8")


def renamed_authors(authors: list[str], script: str) -> list[str]:
    """The case's authors as `renamed` names them."""
    writer, co_author = SCRIPTS[script]
    names = {"Margaret O'Connell": writer, _CO_AUTHOR: co_author}
    return [names.get(name, name) for name in authors]
