"""Story HTML that script-rendered pages ship inside their scripts (Next.js, Nuxt, app state).

Only a fallback: used when the page's visible HTML holds almost no text.
"""

from __future__ import annotations

import json
import re

from lxml.html import HtmlElement

# A JSON string value under a key that names article HTML: "contentHtml": "\u003cp\u003e…".
_HTML_VALUE = re.compile(
    r'"(?:content_?html|body_?html|html_?content|article_?html|content|body|html|text)"\s*:\s*'
    r'"((?:[^"\\]|\\.){400,})"',
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
# Markers the app replaces at render time (ad slots, widgets): $$ARTICLEAD$$, {{ad}}, [[embed]].
_PLACEHOLDER = re.compile(r"\$\$[\w.-]+\$\$|\{\{[\w.-]+\}\}|\[\[[\w.-]+\]\]")


def html_in_scripts(tree: HtmlElement) -> str | None:
    """The longest article-like HTML string found in the page's inline scripts, if any."""
    best: str | None = None
    for script in tree.iter("script"):
        code = script.text or ""
        if len(code) < 400:
            continue
        for match in _HTML_VALUE.finditer(code):
            try:
                value = json.loads(f'"{match.group(1)}"')
            except ValueError:
                continue
            if len(_PARAGRAPH.findall(value)) >= 2 and (best is None or len(value) > len(best)):
                best = value
    return _PLACEHOLDER.sub("", best) if best else None
