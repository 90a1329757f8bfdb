"""The language a story is written in: the page's declaration, checked against its text.

Themes ship a default `<html lang="en">` that many blogs never change: a French or Burmese
post then declares English. The text settles it when it clearly disagrees: its script
(Burmese, Thai, Hangul…), or its share of a language's commonest words (vocabulary.STOPWORDS).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from scraper.extract.vocabulary import LANGUAGE_ALIASES, STOPWORDS

_SAMPLE = 2000  # characters of the text read
_MIN_LETTERS = 250  # a shorter text does not overrule the page (some 50 words)
_CLEAR = 0.12  # share of a language's commonest words in its own prose (0.18-0.35 measured)
_UNLIKE = 0.05  # share of the declared language's words in a text in another one

# Scripts and the languages they write; the first is the one a text in that script is taken
# to be in when the page declares a language written otherwise.
_SCRIPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "myanmar": ("\u1000-\u109f", ("my",)),
    "thai": ("\u0e00-\u0e7f", ("th",)),
    "lao": ("\u0e80-\u0eff", ("lo",)),
    "khmer": ("\u1780-\u17ff", ("km",)),
    "hebrew": ("\u0590-\u05ff", ("he", "yi")),
    "greek": ("\u0370-\u03ff", ("el",)),
    "armenian": ("\u0530-\u058f", ("hy",)),
    "georgian": ("\u10a0-\u10ff", ("ka",)),
    "hangul": ("\uac00-\ud7af\u1100-\u11ff", ("ko",)),
    "kana": ("\u3040-\u30ff", ("ja",)),
    "han": ("\u4e00-\u9fff", ("zh", "ja")),
    "arabic": ("\u0600-\u06ff", ("ar", "fa", "ur", "ps")),
    "devanagari": ("\u0900-\u097f", ("hi", "mr", "ne")),
    "bengali": ("\u0980-\u09ff", ("bn", "as")),
    "tamil": ("\u0b80-\u0bff", ("ta",)),
    "cyrillic": ("\u0400-\u04ff", ("ru", "uk", "bg", "sr", "mk", "be", "kk", "mn")),
}
_SCRIPT_LETTERS = {name: re.compile(f"[{chars}]") for name, (chars, _) in _SCRIPTS.items()}
_NOT_LATIN = re.compile("[^\\W\\d_A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")


def written_language(declared: str | None, text: str) -> str | None:
    """`declared` unless the text clearly is in another language; the text's language when
    the page declares none and the text tells it."""
    sample = text[:_SAMPLE]
    found = _WORD.findall(sample)
    letters = sum(map(len, found))
    if letters < _MIN_LETTERS:
        return declared
    words = Counter(w.casefold() for w in found)
    if len(_NOT_LATIN.findall(sample)) > letters / 2:
        script = _main_script(sample, letters)
        if script is not None:
            languages = _SCRIPTS[script][1]
            if declared in languages:
                return declared
            if script == "han" and _SCRIPT_LETTERS["kana"].search(sample):
                return "ja"
            return _by_words(words, languages) or languages[0]
    shares = _shares(words, STOPWORDS)
    best = max(shares, key=shares.__getitem__)
    if declared is None:
        return best if shares[best] >= _CLEAR else None
    known = LANGUAGE_ALIASES.get(declared, declared)
    # A language whose words we do not list is not judged by the words of others.
    if known in shares and shares[known] < _UNLIKE and shares[best] >= _CLEAR:
        return best
    return declared


def _main_script(sample: str, letters: int) -> str | None:
    """The non-Latin script of most of the sample's letters, if one is."""
    for name, pattern in _SCRIPT_LETTERS.items():
        if len(pattern.findall(sample)) > letters / 2:
            return name
    return None


def _by_words(words: Counter[str], languages: tuple[str, ...]) -> str | None:
    """Of `languages`, the one whose commonest words the text uses most (those we list)."""
    shares = _shares(words, languages)
    best = max(shares, key=shares.__getitem__, default=None)
    return best if best is not None and shares[best] else None


def _shares(words: Counter[str], languages: Iterable[str]) -> dict[str, float]:
    """Each language's share of the text's words that are its commonest (of those we list)."""
    total = sum(words.values())
    return {
        lang: sum(words[w] for w in STOPWORDS[lang]) / total
        for lang in languages
        if lang in STOPWORDS
    }
