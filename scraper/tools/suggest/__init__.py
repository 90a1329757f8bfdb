"""Draft a site profile from a few pages of a site (`scraper profile suggest URL`).

The generic extractor reads the sample articles; every field it found becomes a CSS selector
only if that selector gives the same result on every sample. Article URLs become path
patterns, the home page gives feeds and listing patterns, robots.txt gives sitemaps. The
output is commented TOML for a researcher to review: a draft, checked only on its samples.

Modules in the order a run uses them: `fetching` (the live site, politely), `samples` (what
the extractor read), `draft` (the profile dict, from `site`, `patterns` and `selectors`),
`render` (the TOML).
"""

from __future__ import annotations

from scraper.tools.suggest.draft import derive_profile
from scraper.tools.suggest.fetching import suggest_profile
from scraper.tools.suggest.render import render_toml

__all__ = ["derive_profile", "render_toml", "suggest_profile"]
