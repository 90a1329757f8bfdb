"""Where to look for each article field: the profile era's selectors, else generic fallbacks."""

from __future__ import annotations

from scraper.profiles import Era
from scraper.urls import AUTHOR_PAGE_SEGMENTS

# Generic fallbacks, used when no profile selector matched: markup conventions shared by
# many CMSs and themes (schema.org microdata, hAtom, common class names).
GENERIC = {
    "lede": (
        ".standfirst",
        ".article-standfirst",
        ".lede",
        ".article-lede",
        ".dek",
        ".article-dek",
        ".lead",  # Bootstrap's and many newsrooms' (Die Presse, SWR)
        ".deck",  # CBC's
        ".vorspann",  # German newsrooms' (Salzburger Nachrichten)
        ".einleitung",  # MDR's, WDR's
        ".post-subtitle",  # Mallorca Magazin's h2
        ".epigraph",  # La Vanguardia's h2
        ".article-excerpt",
        ".post-excerpt",
        ".entry-excerpt",
        ".article-intro",
        ".intro",
        ".introduction",
        ".intro-text",
        ".chapo",
        ".chapeau",
        "[itemprop=description]",
        ".subtitle",
        ".article-subtitle",
        'header [class*="excerpt"]',
        'header [class*="standfirst"]',
        'header [class*="lede"]',
        'header [class*="chapo"]',
        '[class*="article-summary"]',
        '[class*="__lead"]',
        '[class*="--lead"]',
        '[class*="article-lead"]',
        '[class*="lead-text"]',
    ),
    "authors": (
        "[itemprop=author] [itemprop=name]",
        "[itemprop=author]",
        'a[rel~="author"]',
        ".username",  # a forum post's writer by the handle it goes by; Drupal's "Submitted by"
        # Drupal 8+'s node author field, the name unlinked for visitors who may not see profiles.
        ".field--name-uid",
        ".field-name-uid",
        ".author.vcard .fn",
        ".post-author.vcard .fn",
        # microformats2's author (Jekyll's minima, WriteFreely, IndieWeb themes); Joomla's
        # "Written by X" since 1.6, before its templates carried microdata.
        ".p-author .p-name",
        ".p-author",
        ".createdby",
        '.byline a[href*="/author"]',
        # Weaker guesses, kept only when the text looks like a person's name:
        *(f'a[href*="/{segment}/"]' for segment in AUTHOR_PAGE_SEGMENTS),
        '[rel~="sioc:has_creator"]',  # Drupal's RDFa: the node's creator
        '[class*="authorname"]',
        '[class*="author-name"]',
        '[class*="author__name"]',
        '[class*="byline__name"]',
        '[class*="__author"]',
        '[class*="byline-author"]',
        ".author",
        'li[class*="author"]',
        '[class*="author"] a',
        ".author-name",
        ".byline",
        'article address a:not([href^="mailto:"])',
        "article address",
        'a[class*="author"]',
        '[class*="writer"]',
        '[data-testid*="byline"] a',
        '[data-testid*="byline"]',
        '[data-test-id*="byline"] a',
        # An author box headed by the name, its link an action ("Author archive").
        ':is(h2, h3, h4, h5)[class*="author"]',
        '[class*="author"] > :is(h2, h3, h4, h5)',
    ),
    "published": (
        "time[itemprop=datePublished]",
        "time.entry-date.published",
        "time.published",
        "time[pubdate]",
        "article header time[datetime]",
    ),
    "date_text": (
        "[itemprop=datePublished]",
        "time",
        '[class*="date"]',
        '[class*="publish"]',
        '[class*="submitted"]',  # Drupal's "Submitted by X on <day>"
    ),
    "members_cta": (".gh-post-upgrade-cta",),
    "image": ("article header figure img", "article figure img"),
}


def selectors(era: Era | None, field: str) -> tuple[str, ...]:
    """The era's selectors for an article field (empty when no era)."""
    return era.article.get(field, ()) if era else ()
