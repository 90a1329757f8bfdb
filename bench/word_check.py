"""Does each boilerplate class word earn its place? Take each word of
vocabulary.CLASS_NEGATIVE out in turn and compare every dev page's output with the full
list's, site by site, as bench/site_check.py does for a change of code.

    python bench/word_check.py                   # every word (about 10 s a word)
    python bench/word_check.py caption teaser    # some words

For each word, one line: how many pages move, and the sites whose scores rise or fall
without it. A word whose removal helps pages of two sites or more and hurts none does not
earn its place. A word that moves no dev page is kept for the fixtures that name it (plugins,
themes, builders: tests/fixtures).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import site_check  # noqa: E402

from scraper.extract import generic, vocabulary  # noqa: E402


def outputs() -> dict[str, dict]:
    """Every dev page's output with the vocabulary as it stands now."""
    generic._hint.cache_clear()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        site_check.predict(list(site_check.SETS), out)
        return json.loads(out.read_text(encoding="utf-8"))


@contextlib.contextmanager
def without(word: str) -> Iterator[None]:
    """The class hints read without `word` (and the sets generic.py derives from the list)."""
    saved = (generic.hint.__defaults__, generic._SUBHEAD_NEGATIVE, generic._NOT_TEASER)
    negative = vocabulary.CLASS_NEGATIVE - {word}
    generic.hint.__defaults__ = (negative, vocabulary.CLASS_NEGATIVE_PAIRS)
    generic._SUBHEAD_NEGATIVE = negative - {"headline"}
    generic._NOT_TEASER = negative - {"teaser"}
    try:
        yield
    finally:
        generic.hint.__defaults__, generic._SUBHEAD_NEGATIVE, generic._NOT_TEASER = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="*", help="words to check (default: all)")
    args = parser.parse_args()
    base = outputs()
    for word in args.words or sorted(vocabulary.CLASS_NEGATIVE):
        with without(word):
            new = outputs()
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            removal_wins = site_check.report(base, new)
        lines = printed.getvalue().splitlines()
        moved = sum(" output moved: " in line for line in lines)
        sites = [line.split(": ", 1)[1] for line in lines if ": helps " in line]
        verdict = "does not earn its place" if removal_wins else "stays"
        print(f"{word:16} {moved:3} pages move; {verdict}", flush=True)
        for line in sites:
            print(f"    without it, {line}")


if __name__ == "__main__":
    main()
