"""Decoding and parsing: charsets from BOM, HTTP, <meta>, sniffing; malformed markup."""

from __future__ import annotations

import gzip
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from scraper.extract.html import decode_html, parse_html
from scraper.extract.page import extract
from scraper.extract.text import screen_reader_only

THEMES = Path(__file__).parent / "fixtures" / "themes"


@pytest.mark.parametrize(
    ("data", "declared", "text"),
    [
        ('<meta charset="ISO-8859-1"><p>café à l\'été'.encode("latin-1"), None, "café à l'été"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\x93oui\x94',
            None,
            "\u201coui\u201d",
        ),
        ("<p>déjà vu".encode(), None, "déjà vu"),
        ("<p>déjà vu".encode("utf-8-sig"), "latin-1", "déjà vu"),  # BOM beats HTTP
        ("<p>déjà vu".encode("latin-1"), "iso-8859-1", "déjà vu"),  # HTTP charset
        ("<p>déjà vu".encode("latin-1"), None, "déjà vu"),  # no label, not UTF-8: cp1252
        # A stale Latin-1 label on UTF-8 bytes would give mojibake ("sanciÃ³n").
        ('<meta charset="iso-8859-1"><p>sanción'.encode(), None, "sanción"),
        ("<p>日本語".encode("utf-16"), None, "日本語"),
        ('<meta charset="no-such-charset"><p>déjà'.encode(), None, "déjà"),
    ],
)
def test_decode_html(data: bytes, declared: str | None, text: str) -> None:
    assert text in decode_html(data, declared)


_STORY = {
    "ru": "Паром совершил свой последний рейс в субботу днём, за этим наблюдала группа жителей.",
    "ja": "渡し船は土曜日の午後に最後の運航を行い、少数の村人たちがその様子を見守った。",
    "zh": "渡船在星期六下午进行了最后一次航行，一小群村民在旁观看。",
    "ko": "나룻배는 토요일 오후 마지막 운항을 했고, 몇몇 마을 주민들이 그 모습을 지켜보았다.",
    "el": "Το πορθμείο έκανε το τελευταίο του δρομολόγιο το Σάββατο το απόγευμα.",
    "es": "El transbordador hizo su último cruce el sábado por la tarde, según los vecinos.",
}


@pytest.mark.parametrize(
    ("lang", "charset"),
    [("ru", "cp1251"), ("ru", "koi8-r"), ("ja", "shift_jis"), ("ja", "euc-jp"), ("zh", "gbk")]
    + [("ko", "euc-kr"), ("el", "iso-8859-7"), ("es", "cp1252")],
)
def test_a_page_in_a_legacy_charset_declared_nowhere(lang: str, charset: str) -> None:
    """No BOM, no HTTP or <meta> charset, no UTF-8: the charset is guessed when the guess
    reads another script than Latin; a Latin page is read as Windows-1252 (guesses confuse
    it with Windows-1250: "sábado" would come out "sŕbado")."""
    text = _STORY[lang]
    page = f"<html><body><p>{text}</p><p>{text}</p><p>{text}</p></body></html>"
    assert text in decode_html(page.encode(charset))


def test_unclosed_tags_still_give_every_paragraph() -> None:
    tree = parse_html("<div><p>un<p>deux <b>gras<p>trois</div></span><p>quatre")
    assert [p.text_content().strip() for p in tree.iter("p")] == [
        "un",
        "deux gras",
        "trois",
        "quatre",
    ]


def test_an_unclosed_heading_does_not_swallow_the_story() -> None:
    """An <h1> left open holds all that follows it as parsed; the blocks go back after it,
    so the story is no part of the headline (and is not dropped with it)."""
    tree = parse_html(
        "<article><h1>Inflation<div class=meta>Par X</div><section><p>un<p>deux</section></article>"
    )
    heading = next(tree.iter("h1"))
    assert heading.text_content() == "Inflation"
    assert [el.tag for el in heading.itersiblings()] == ["div", "section"]


@pytest.mark.parametrize("end", ["</html>", "</body></html>\n", "</BODY></HTML>"])
def test_text_after_a_stray_end_of_page_is_still_the_page(end: str) -> None:
    """A second document's close pasted mid-page ("</body></html>" in an embed): browsers
    read on into the body, and so does the parse (libxml2 dropped all that follows)."""
    tree = parse_html(f"<body><article><p>un</p>{end}<p>deux</p></article><p>trois</p></body>")
    assert [p.text for p in tree.find("body").iter("p")] == ["un", "deux", "trois"]


@pytest.mark.parametrize("theme", ["wordpress-twentyten", "ghost-casper"])
@pytest.mark.parametrize("tag", ["html", "head", "body"])
def test_a_self_closed_html_head_or_body_is_read_as_browsers_read_it(theme: str, tag: str) -> None:
    """ "<html lang="de" />" (XHTML's syntax served as HTML): browsers ignore the slash; libxml2
    closed the element, and dropped the page or set it outside the body."""
    page = gzip.decompress((THEMES / f"{theme}.html.gz").read_bytes()).decode("utf-8")
    start = re.search(rf"<{tag}\b([^<>]*)>", page)
    assert start is not None
    closed = f"{page[: start.start()]}<{tag}{start[1]} />{page[start.end() :]}"
    url = "https://example.org/a-post/"
    assert asdict(extract(closed, url)) == asdict(extract(page, url))
    assert extract(closed.encode("utf-8"), url).body == extract(page, url).body != ""


def test_a_heading_holding_its_own_markup_is_left_alone() -> None:
    tree = parse_html("<h2><div class=title><span>Headline</span></div></h2><p>Text</p>")
    assert next(tree.iter("h2")).text_content() == "Headline"
    assert next(tree.iter("h2")).find("div") is not None


def test_an_open_heading_whose_text_is_in_a_block_keeps_that_block() -> None:
    """ "<h1><div>Headline</div>" left open: the div is the heading's text, the story after
    it goes back after the heading."""
    tree = parse_html("<h1><div>Headline</div><section><p>un</p><p>deux</p></section>")
    heading = next(tree.iter("h1"))
    assert heading.text_content() == "Headline"
    assert [el.tag for el in heading.itersiblings()] == ["section"]


@pytest.mark.parametrize(
    "garbage",
    [b"", "", "   ", b"\x00\x00\x00", b"\xff\xfe\xfa", "<?xml version='1.0' encoding='utf-8'?>"],
)
def test_garbage_gives_an_empty_document(garbage: bytes | str) -> None:
    tree = parse_html(garbage)
    assert tree.tag == "html"
    assert tree.text_content().strip() in ("", "\ufffd\ufffd", "\ufffd")


def test_xml_declaration_in_a_str_is_not_fatal() -> None:
    tree = parse_html("<?xml version='1.0' encoding='utf-8'?><html><body><p>ok</p></body></html>")
    assert tree.findtext(".//p") == "ok"


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("<template shadowrootmode='open'><p>Shown text</p></template>", True),
        ("<template x-teleport='#article'><div><p>Shown text</p></div></template>", True),
        ("<template id='paywall'><p>Shown text</p></template>", False),
        ("<template x-for='item in items'><p>Shown text</p></template>", False),
        ("<template x-teleport='body'><div><p>Shown text</p></div></template>", False),
    ],
)
def test_only_templates_the_page_shows_are_read(template: str, shown: bool) -> None:
    """A declarative shadow root is rendered, and Alpine's x-teleport moves its content into
    the page (Tistory's hELLO skin keeps the post in one), unless it moves it to <body> as an
    overlay (Halo's Earth theme, its share dialog); other templates stay inert."""
    tree = parse_html(f"<html><body><div id='article'>{template}</div></body></html>")
    assert ("Shown text" in tree.text_content()) is shown
    assert (tree.find(".//template") is None) is shown  # an inert one stays, emptied


_PROSE = "<p>" + "The ferry made its last crossing on Friday afternoon. " * 6 + "</p>"
_NOTICE = "<noscript id='notice'><p>Please enable JavaScript to view this site.</p></noscript>"


@pytest.mark.parametrize(
    ("body", "read"),
    [
        (f"{_NOTICE}<noscript id='view'>{_PROSE * 3}</noscript>", True),
        (f"{_PROSE * 3}<noscript id='view'>{_PROSE * 2}</noscript>", False),
        (f"<noscript id='view'>{_PROSE[:200]}</p></noscript>", False),
        (
            f"<noscript id='view'><img src='/pixel.gif'><style>p{{}}</style></noscript>{_PROSE}",
            False,
        ),
    ],
)
def test_noscript_is_read_only_when_it_holds_the_pages_prose(body: str, read: bool) -> None:
    """An app's no-script view holding the page's paragraphs (Flarum serves a thread so) is
    read; elsewhere <noscript> holds pixels, style sheets and notices, and stays unread."""
    tree = parse_html(f"<html><body>{body}</body></html>")
    assert (tree.find(".//noscript[@id='view']") is None) is read
    assert (tree.find(".//noscript[@id='notice']") is not None) is (_NOTICE in body)


_CLIPPED_LABEL = "<p><span class='x1a'>Author, </span>Margaret O'Connell</p>"


@pytest.mark.parametrize(
    ("css", "clipped"),
    [
        # Bootstrap's sr-only, and the pixel-clip form (the BBC's hashed classes write it)
        (".x1a{position:absolute;width:1px;height:1px;clip:rect(0,0,0,0)}", True),
        (".x1a{clip-path:inset(100%);clip:rect(1px, 1px, 1px, 1px);position:absolute}", True),
        ("@charset 'utf-8';.x1a{position:absolute!important;clip-path:inset(50%)}", True),
        (".a,.x1a{position:absolute;clip:rect(0 0 0 0)}", True),
        # hidden only at some widths, only when not focused, only with another class: shown
        ("@media (max-width:600px){.x1a{position:absolute;clip:rect(0 0 0 0)}}", False),
        (".x1a:not(:focus){position:absolute;clip:rect(0 0 0 0)}", False),
        (".b .x1a{position:absolute;clip:rect(0 0 0 0)}", False),
        # clipped to a visible area, or not taken out of the flow
        (".x1a{position:absolute;clip:rect(0 40px 20px 0)}", False),
        (".x1a{clip:rect(0 0 0 0)}", False),
    ],
)
def test_a_class_the_page_clips_out_of_sight_is_screen_reader_text(css: str, clipped: bool) -> None:
    """CSS-in-JS names its screen-reader-only classes by hash ("bbc-1n4iu03"): the page's own
    style sheet, clipping them out of sight, says what they are."""
    tree = parse_html(
        f"<html><head><style>{css}</style></head><body>{_CLIPPED_LABEL}</body></html>"
    )
    label = tree.find(".//span")
    assert screen_reader_only(label) is clipped


@pytest.mark.parametrize(
    ("style", "clipped"),
    [
        # Reuters' cards: ", article with image" after each headline, for screen readers
        (
            "border: 0px none; clip: rect(0px, 0px, 0px, 0px); clip-path: inset(50%); height: 1px;"
            " margin: -1px; overflow: hidden; padding: 0px; position: absolute; width: 1px;",
            True,
        ),
        ("position:absolute;clip-path:inset(100%)", True),
        # clipped to a visible area, or not taken out of the flow
        ("position:absolute;clip:rect(0 40px 20px 0)", False),
        ("clip:rect(0 0 0 0)", False),
    ],
)
def test_an_element_its_own_style_clips_out_of_sight_is_screen_reader_text(
    style: str, clipped: bool
) -> None:
    tree = parse_html(
        f"<html><body><h3><span>Boeing investors seek answers</span>"
        f"<span style='{style}'>, article with gallery</span></h3></body></html>"
    )
    label = tree.findall(".//span")[1]
    assert screen_reader_only(label) is clipped
