"""Render a derived profile as commented TOML; regexes and selectors as literal strings."""

from __future__ import annotations

import json
from typing import Any

_FIELDS = ("title", "body", "authors", "published")


def render_toml(data: dict[str, Any], *, source: str = "sample pages") -> str:
    """A derived profile as commented TOML, ready for a researcher to review and save."""
    era = data["eras"][0]
    missing = [f for f in _FIELDS if f not in era["article"]]
    lines = [
        f"# Draft profile for {data['title']}, derived by `scraper profile suggest` from {source}.",
        "# Review it: patterns and selectors were checked on those pages only.",
        f"name = {_value(data['name'])}",
        f"title = {_value(data['title'])}",
        f"base_url = {_value(data['base_url'])}",
        f"hosts = {_value(data['hosts'])}",
    ]
    lines.append(
        f"language = {_value(data['language'])}"
        if "language" in data
        else '# language = "en"  # the pages declare none (html lang)'
    )
    lines.append(
        f"timezone = {_value(data['timezone'])}"
        if "timezone" in data
        else '# timezone = "Area/City"  # none was evident; set it if pages show local days'
    )
    lines += [
        "# Fetch links whose shape matches no pattern and let the page decide; set to false",
        "# once the patterns below cover the site.",
        f"follow_unknown = {_value(data['follow_unknown'])}",
        "",
        "[start]",
        "# From robots.txt `Sitemap:` lines when it has any, else the standard /sitemap.xml.",
        f"sitemaps = {_value(data['start']['sitemaps'])}",
        "# Announced by the home page (<link rel=alternate>), when it announces any.",
        f"feeds = {_value(data['start']['feeds'])}",
        f"listings = {_value(data['start']['listings'])}",
        "# Asked only when the site announces no sitemap (robots.txt) or no feed (home page).",
        f"fallback_sitemaps = {_value(data['start']['fallback_sitemaps'])}",
        f"fallback_feeds = {_value(data['start']['fallback_feeds'])}",
        "",
        "[urls]",
        "# Paths only. Article patterns are generalised from the sample article URLs;",
        "# listing patterns from the home page's links; ignore rules are the generic ones.",
        f"article = {_value(data['urls']['article'])}",
        f"listing = {_value(data['urls']['listing'])}",
        f"ignore = {_value(data['urls']['ignore'])}",
        "",
        "[settings]",
        "# A publisher we do not know: one request at a time, a second apart.",
        *(f"{k} = {_value(v)}" for k, v in data["settings"].items()),
        "",
        "[[eras]]",
        "# Named after the CMS the pages declare (meta generator); `detect` matches every sample.",
        f"name = {_value(era['name'])}",
        f"detect = {_value(era['detect'])}",
        "",
        "[eras.article]",
        "# Each selector picks what the generic extractor found, on every sample article.",
        *(f"{k} = {_value(v)}" for k, v in era["article"].items()),
    ]
    if missing:
        lines.append(f"# No selector agreed on every sample for: {', '.join(missing)}.")
    if "listing" in era:
        lines += [
            "",
            "[eras.listing]",
            "# The home page's repeated teaser card.",
            *(f"{k} = {_value(v)}" for k, v in era["listing"].items()),
        ]
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    """A TOML value: literal strings for regexes and selectors when they allow it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        if "'" in value or any(ord(c) < 32 for c in value):
            return json.dumps(value, ensure_ascii=False)  # JSON escapes are TOML escapes
        return f"'{value}'"
    if isinstance(value, list):
        items = [_value(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 90:
            return one_line
        return "[\n" + "".join(f"  {item},\n" for item in items) + "]"
    raise TypeError(f"no TOML form for {value!r}")
