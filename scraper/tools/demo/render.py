"""Helpers both eras' templates share: origins, escaping, JSON-LD, dates, excerpts."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from scraper.tools.demo.plan import Post

SITE = "Le Courrier des Stratèges"


@dataclass(frozen=True)
class Origins:
    """Origins absolute links are written with: the real hosts, or one placeholder."""

    ghost: str
    wp: str


def attr(value: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(value, quote=True)


def json_ld(data: object, css_class: str = "", *, ascii: bool = False) -> str:
    """A JSON-LD script element (`</` escaped so a title cannot close it).

    Ghost writes raw UTF-8; WordPress's wp_json_encode writes \\u escapes (`ascii=True`).
    """
    payload = json.dumps(data, ensure_ascii=ascii, indent=4).replace("</", "<\\/")
    klass = f' class="{css_class}"' if css_class else ""
    return f'<script type="application/ld+json"{klass}>\n{payload}\n</script>'


def utc_z(when: datetime) -> str:
    """Ghost's machine date: `2025-11-26T23:30:00.000Z`."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def utc_offset(when: datetime) -> str:
    """Yoast's machine date: UTC with `+00:00`."""
    return when.astimezone(UTC).isoformat()


def auto_excerpt(post: Post, characters: int) -> str:
    """Ghost's automatic excerpt: the plain text cut at `characters`, mid-word, no ellipsis."""
    return " ".join(b.text for b in post.text_blocks)[:characters].rstrip()


def card_excerpt(post: Post, characters: int) -> str:
    """What a Ghost card shows: the custom excerpt, else the automatic one."""
    return post.lede or auto_excerpt(post, characters)


def wp_excerpt(post: Post, words: int = 20) -> str:
    """WordPress `wp_trim_words` as the theme prints it: the first words and `...`."""
    return (
        " ".join(" ".join(b.text for b in post.text_blocks if b.kind == "p").split()[:words])
        + "..."
    )


def reading_minutes(post: Post) -> int:
    """Ghost's reading time (about 230 words a minute, at least one)."""
    return max(1, round(sum(len(b.text.split()) for b in post.text_blocks) / 230))
