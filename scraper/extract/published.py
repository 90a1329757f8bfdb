"""When a story was published and last modified: declared dates checked against the date
the page shows near its title, given in the site's timezone."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone

from lxml import etree
from lxml.html import HtmlElement

from scraper.extract.dates import (
    calendar_day,
    find_date,
    in_timezone,
    is_utc,
    parse_date,
    parse_iso,
    zone_of_locale,
)
from scraper.extract.field_selectors import GENERIC, selectors
from scraper.extract.generic import (
    LINKED_HEADING,
    hidden_by_class,
    in_hidden_block,
    in_other_stories,
    in_story_lists,
    in_thread,
)
from scraper.extract.selectors import select, select_first
from scraper.extract.structured import Structured, in_reply
from scraper.extract.text import (
    NO_TEXT_TAGS,
    fold,
    heading_text,
    labelled_texts,
    normalize_space,
    shows_text,
)
from scraper.extract.vocabulary import (
    AUTHOR_LABELS,
    BY_WORDS,
    DATE_LABELS,
    MEMBER_DATE_LABELS,
    alternation,
)
from scraper.profiles import Era, Profile
from scraper.urls import archive_day, url_day

# A label naming the publication date, in the languages we meet.
_DATE_LABEL = re.compile(rf"^\s*{alternation(DATE_LABELS)}\s*[:：]?\s*$", re.IGNORECASE)
_BYLINE_OPENING = re.compile(
    rf"^(?:{alternation(BY_WORDS)}|{alternation(AUTHOR_LABELS)})\s*:?\s", re.IGNORECASE
)
_LEADING_LABEL = re.compile(rf"^{alternation(DATE_LABELS)}\s*[:：]?\s*", re.IGNORECASE)
# A member's day ("Registered: 2015-06-06" in a forum post's profile): not the story's.
_MEMBER_DAY = re.compile(rf"^\s*{alternation(MEMBER_DATE_LABELS)}\s*[:：]", re.IGNORECASE)
_NO_DATE_TAGS = frozenset({"script", "style", "figcaption", "a", "p", "li", "h1", "h2", "h3"})


# Inline tags inside a word or number ("14<sup>th</sup>", "<b>14</b>.03"): no space around.
_RUN_TAGS = frozenset({"sup", "sub", "b", "strong", "i", "em", "u", "abbr", "small"})


def _date_text(node: HtmlElement) -> str:
    """A date element's text, its scripts included (a client-rendered date sits there as the
    JSON it is drawn from), without what its classes hide: a theme's "rich-snippet-hidden"
    modified date beside the day it shows (Avada, Salient)."""
    return normalize_space("".join(_shown_parts(node)))


def _shown_parts(node: HtmlElement, scripts: bool = True) -> Iterator[str]:
    """The node's text with its elements set apart: "By <a>X</a><span>March 14, 2023</span>
    <span>Updated: April 2, 2023</span>" is three items of a line, glued only in the markup;
    its scripts' text too unless `scripts` is false."""
    if node.text:
        yield node.text
    for child in node:
        if child.tag == "br":
            yield "\n"
        elif (
            isinstance(child.tag, str)
            and not hidden_by_class(child)
            and (scripts or child.tag not in NO_TEXT_TAGS)
        ):
            apart = child.tag not in _RUN_TAGS
            yield " " if apart else ""
            yield from _shown_parts(child, scripts)
            yield " " if apart else ""
        if child.tail:
            yield child.tail


def _element_date(
    node: HtmlElement, languages: tuple[str, ...] | None, attributes: tuple[str, ...]
) -> str | None:
    """The date an element gives in its first date attribute (ISO as the standard asks, or as
    sites write it: "05.03.2020", a timestamp, an RFC 2822 date), else in its text."""
    value = next(filter(None, (node.get(name) for name in attributes)), None)
    return (parse_date(value, languages) if value else None) or find_date(
        _date_text(node), languages
    )


def _visible_date(
    tree: HtmlElement, era: Era | None, scope: HtmlElement | None, languages: tuple[str, ...] | None
) -> str | None:
    if scope is None:
        return None
    for node in select_first(scope, selectors(era, "published") or GENERIC["published"]):
        # A related story's card inside the story's <article> (OceanWP), the day the post
        # was edited, or a reply's day (a forum's).
        if _nested_card(node, scope) or _marks_modified(node, scope) or in_reply(node):
            continue
        found = _element_date(node, languages, ("datetime", "content"))
        if found:
            return found
    if era is None:
        return None
    # A known site's header may show its date as text only ("27 novembre 2025").
    head = next((h for h in scope.iter("header") if next(h.iter("h1"), None) is not None), None)
    for node in select(head, '[class*="date"]') if head is not None else ():
        found = find_date(_date_text(node), languages)
        if found:
            return found
    return None


def _marks_modified(node: HtmlElement, scope: HtmlElement) -> bool:
    """Whether a date element is marked as the day the post was modified: schema.org's
    dateModified, or hAtom's "updated" beside a "published" element (Cocoon shows both days).
    "updated" alone says nothing: Newspaper and Extra give the published day that class."""
    if node.get("itemprop") == "dateModified":
        return True
    classes = (node.get("class") or "").split()
    return "updated" in classes and "published" not in classes and bool(_HATOM_PUBLISHED(scope))


_HATOM_PUBLISHED = etree.XPath(
    "boolean(.//*[contains(concat(' ', normalize-space(@class), ' '), ' published ')])"
)


def _nested_card(node: HtmlElement, scope: HtmlElement) -> bool:
    """Whether the node sits in a teaser card inside `scope`: an <article> nested in the
    story's container whose heading links to its own page (a related story)."""
    for ancestor in node.iterancestors():
        if ancestor is scope:
            return False
        if ancestor.tag == "article" and LINKED_HEADING(ancestor):
            return True
    return False


def _text_date(
    scope: HtmlElement,
    languages: tuple[str, ...] | None,
    above: set[HtmlElement],
    url: str | None,
) -> str | None:
    """A date written as text: a labelled date ("Datum: 28.04.2023"), then date-named elements
    outside other stories and comment threads (their dates are not the story's) and outside
    `above` (a masthead's clock above the headline); a link to the page itself is its own."""
    for text in labelled_texts(scope, _DATE_LABEL):
        found = find_date(text, languages) if len(text) < 80 else None
        if found:
            return found
    return _date_element(
        scope, languages, lambda n: n in above or in_other_stories(n, url) or in_thread(n)
    )


def _day_link(
    root: HtmlElement,
    languages: tuple[str, ...] | None,
    above: set[HtmlElement],
    story: set[HtmlElement],
) -> str | None:
    """The date a link to its own day's archive shows ("<a href="/2016/12/22/">22 Dec 2016 at
    14:27 ET</a>"): a blog theme's dateline, outside the masthead, comment threads and lists
    of other stories (`story` holds the blocks around the headline, whatever their names)."""
    for link in root.iter("a"):
        day = archive_day(link.get("href") or "")
        if day is None or link in above or in_story_lists(link, story) or in_thread(link):
            continue
        found = find_date(normalize_space(link.text_content()), languages)
        if found and found[:10] == day:
            return found
    return None


def _dated_text(
    scope: HtmlElement,
    languages: tuple[str, ...] | None,
    above: set[HtmlElement],
    story: set[HtmlElement],
) -> str | None:
    """Any short dated text in the story, outside teaser cards, lists of other stories (a
    sidebar's recent posts) and the masthead (`above`): weaker than a date element anywhere
    below the headline, since a story's text may name an event's day."""
    for el in scope.iter():
        skipped = el.tag in _NO_DATE_TAGS or not isinstance(el.tag, str) or el in above
        if skipped or hidden_by_class(el):
            continue
        text = el.text
        dated = text and len(text) < 120 and any(c.isdigit() for c in text)
        if dated and _MEMBER_DAY.match(text):
            continue  # a member's day beside a forum post ("Registered: 2015-06-06")
        if dated and not _in_card(el) and not in_story_lists(el, story):
            found = find_date(text.strip(), languages)
            if found:
                return found
    return None


def _in_card(node: HtmlElement) -> bool:
    """Whether the node sits in a teaser card (a block a few levels up whose heading links to
    another page): the date there is that other story's."""
    for ancestor in itertools.islice(node.iterancestors(), _CARD_DEPTH):
        if ancestor.tag in ("main", "body"):
            return False
        if LINKED_HEADING(ancestor):
            return True
    return False


_CARD_DEPTH = 3
_LINE_TAGS = frozenset({"p", "div", "span", "small", "time", "abbr", "li"})
_AFTER = 6  # lines below the headline where its dateline may stand
_MAX_DATELINE = 80
_DATE_START = 16  # characters before a dateline's date: a weekday, a month or a label
_DIGIT = re.compile(r"\d")
_CLOCK_SCRIPT = re.compile(r"new Date\b|\.get(?:Full)?Year\(")
# A paragraph opening with its dateline before a dash, as agency copy does.
_DATELINE_LEAD = re.compile(r"^(.{6,40}?\d.{0,20}?)\s+(?:--|—|–)\s")


def _dateline(
    node: HtmlElement | None, languages: tuple[str, ...] | None
) -> tuple[str, HtmlElement] | None:
    """The date of a short line just below the headline `node` that opens with one ("January
    22, 2014", "21. Jan 2022 // Do it yourself"), or just above it in its own block
    (Massively's <span class="date"> over the <h1>): the day the page shows for its story, and
    the line."""
    return _first_dateline(_after_headline(node), languages) or _first_dateline(
        _over_headline(node), languages
    )


def _over_headline(node: HtmlElement | None) -> Iterator[HtmlElement]:
    """The line right before the headline in its parent, when it is a line (no block in it)."""
    previous = node.getprevious() if node is not None else None
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is not None and previous.tag in _LINE_TAGS and _is_line(previous):
        yield previous


def _is_line(el: HtmlElement) -> bool:
    """A line of text: an element showing text and holding no paragraph or block."""
    return el.find("p") is None and el.find("div") is None and shows_text(el)


def _headline_node(tree: HtmlElement, headline: str | None) -> HtmlElement | None:
    """The heading showing the headline: the first <h1>, unless another h1 or an h2 shows the
    headline where it does not (a forum's name in the first h1, the topic's in an h2)."""
    first = next(tree.iter("h1"), None)
    if headline and (first is None or fold(heading_text(first)) != fold(headline)):
        wanted = fold(headline)
        found = (h for h in tree.iter("h1", "h2") if fold(heading_text(h)) == wanted)
        return next(found, first)
    return first


def _above_headline(node: HtmlElement | None) -> set[HtmlElement]:
    """The elements before the headline outside the blocks around it that hold under half the
    page (its header, its story): the site's masthead and its clock, showing today's date."""
    if node is None:
        return set()
    half = sum(1 for _ in node.getroottree().iter()) // 2
    block = node
    for ancestor in node.iterancestors():
        if sum(1 for _ in ancestor.iter()) >= half:
            break
        block = ancestor
    own = set(block.iter())
    return {el for el in node.xpath("preceding::*") if el not in own}


def _after_headline(node: HtmlElement | None) -> Iterator[HtmlElement]:
    """The first lines after the headline in document order (elements holding no paragraph
    or block of their own), read lazily: most pages answer within a few."""
    count = 0
    while node is not None:
        for sibling in node.itersiblings():
            for el in sibling.iter(_LINE_TAGS):
                if el.tag == "li" and len(el):
                    continue  # a menu's item, a list of links: only a bare item is a line
                if _is_line(el):
                    yield el
                    count += 1
                    if count == _AFTER:
                        return
        node = node.getparent()


_LINES = etree.XPath(
    ".//*[self::p or self::div or self::span or self::small or self::time or self::h2"
    " or self::h3 or self::h4 or self::li or self::td or self::i or self::em or self::b]"
    "[not(*[self::p or self::div or self::li or self::ul or self::table])][normalize-space()]"
)


def _any_dateline(
    root: HtmlElement, languages: tuple[str, ...] | None, above: set[HtmlElement]
) -> str | None:
    """Last resort: the first short line opening with a date anywhere in the story's container
    (a post's "21.01.2009, 05:42", a "21.01.2022" heading), outside links and other stories."""
    found = _first_dateline((n for n in _LINES(root) if n not in above), languages)
    return _timed(*found) if found else None


def _first_dateline(
    nodes: Iterable[HtmlElement], languages: tuple[str, ...] | None
) -> tuple[str, HtmlElement] | None:
    for node in nodes:
        if any(_CLOCK_SCRIPT.search(script.text or "") for script in node.iter("script")):
            continue  # a clock the page's script writes: the reader's day, not the story's
        shown = "".join(_shown_parts(node, scripts=False))
        text = normalize_space(shown)
        if len(text) > _MAX_DATELINE and (lead := _DATELINE_LEAD.match(text)):
            text = shown = lead.group(1)  # "Feb. 23, 2015 -- Life-threatening peanut…"
        if len(text) > _MAX_DATELINE or in_other_stories(node) or hidden_by_class(node):
            continue
        if _MEMBER_DAY.match(text):
            continue  # a member's day beside a forum post ("Registered: 2015-06-06")
        lines = [text, *_broken_lines(shown)] if "\n" in shown else [text]
        found = next(filter(None, (_opening_date(line, languages) for line in lines)), None)
        if found is None and node.tag == "abbr":
            # The microformats' datetime pattern: "<abbr title=ISO>1 hr 4 mins ago</abbr>".
            found = parse_iso(node.get("title") or "")
        if found:
            return found, node
    return None


def _timed(day: str, node: HtmlElement) -> str:
    """The line's day at the instant its <time datetime> gives, when that falls on the same
    day ("June 15, 2024" over `2024-06-15T05:30:00+00:00`, WordPress's block themes)."""
    times = [node] if node.tag == "time" else list(node.iter("time"))
    instant = parse_iso(times[0].get("datetime") or "") if len(times) == 1 else None
    return instant if instant and instant[:10] == day[:10] and len(instant) > len(day) else day


def _broken_lines(shown: str) -> Iterator[str]:
    """The lines after the first of a block broken by <br> ("Max Blumenthal<br>The Grayzone
    <br>Thu, 14 May 2020"): each may be a dateline, but one after a label's line is that
    label's value ("Video verfügbar bis:<br>14.10.2020")."""
    lines = [normalize_space(line) for line in shown.split("\n")]
    for before, line in itertools.pairwise(lines):
        yield f"{before} {line}" if before.endswith(":") else line


def _opening_date(text: str, languages: tuple[str, ...] | None) -> str | None:
    """The date a line opens with. A label before the date ("Erscheinungsdatum: 07.02.2022")
    opens the line as well, and a byline line shows its story's date after the names ("Par X
    le 14.09.2020")."""
    label = _LEADING_LABEL.match(text)
    start = label.end() if label else 0
    digit = _DIGIT.search(text, start)
    opens = digit and (digit.start() - start <= _DATE_START or _BYLINE_OPENING.match(text))
    return find_date(text, languages) if opens else None


def _date_below_headline(
    tree: HtmlElement,
    languages: tuple[str, ...] | None,
    above: set[HtmlElement],
    url: str | None,
) -> str | None:
    """A date element anywhere below the first h1 (a byline block further down), outside
    links to other pages, other stories' blocks and the masthead (`above` the headline:
    today's date)."""
    headline = next(tree.iter("h1"), None)
    below = set(headline.xpath("following::*")) if headline is not None else None

    def elsewhere(node: HtmlElement) -> bool:
        outside = below is not None and node not in below
        return outside or node in above or in_other_stories(node, url)

    return _date_element(tree, languages, elsewhere)


def _date_element(
    root: HtmlElement, languages: tuple[str, ...] | None, elsewhere: Callable[[HtmlElement], bool]
) -> str | None:
    """The date of the first date-named elements (<time>, [class*=date]…) not `elsewhere`,
    nor in a block the page hides (a gallery's overlay, waiting for a click, dates its
    pictures)."""
    for sel in GENERIC["date_text"]:
        nodes = [
            n
            for n in select(root, sel)
            if not elsewhere(n) and not hidden_by_class(n) and not in_hidden_block(n)
        ]
        for node in nodes[:3]:
            # hAtom's "published"/"updated" give the instant in a title attribute.
            found = _element_date(node, languages, ("datetime", "content", "title"))
            if found:
                return found
    return None


def dates(
    tree: HtmlElement,
    era: Era | None,
    data: Structured,
    profile: Profile | None,
    languages: tuple[str, ...] | None,
    scope: HtmlElement | None,
    url: str | None = None,
    headline: str | None = None,
) -> tuple[str | None, str | None]:
    """(published, modified): structured first; a visible date near the title wins when its
    calendar day differs (in the site's timezone), e.g. a WP post migrated with a new date;
    when the header shows none, a date in the URL's path (`/2024/02/24/slug/`), then a date
    element below the headline (a byline block further down), then dated text in the story.
    Text dates are read in `languages`: the page's declared one (its theme prints the dates)
    and the story's."""
    tz = profile.timezone if profile else None
    structured = _declared_date(data.published)
    visible = _visible_date(tree, era, scope, languages)
    # The line under the headline: a fallback, or (no profile) a rival to the declared date.
    wanted = visible is None and (structured is None or era is None)
    node = _headline_node(tree, headline) if wanted else None
    dated = _dateline(node, languages) if wanted else None
    line = dated[0] if dated else None
    published = structured or visible or (_timed(*dated) if dated else None)
    published = published or _declared_date(data.published_else)
    if published is None:
        within = scope if scope is not None else tree
        heading = node if wanted else _headline_node(tree, headline)
        above = _above_headline(heading)
        story = set(heading.iterancestors()) if heading is not None else set()
        published = _text_date(within, languages, above, url)
        if published is None:
            published = _day_link(tree, languages, above, story)
        if published is None and url:
            published = url_day(url)
        if published is None and scope is not None:
            # The header shows no date: a byline block further down may (outside teasers).
            published = _date_below_headline(tree, languages, above, url)
        if published is None:
            published = _dated_text(within, languages, above, story)
        if published is None:
            published = _any_dateline(within, languages, above)
    if structured and visible and not _same_day(structured, visible, tz):
        gap = abs(_ordinal(structured, tz) - _ordinal(visible, tz))
        # Without a known timezone a one-day gap may be UTC vs local time: keep the precise one.
        if tz or gap > 1 or len(visible) > 10:
            published = visible
    modified = _declared_date(data.modified)
    if modified is None:
        for node in select_first(tree, selectors(era, "modified")):
            modified = parse_date(node.get("datetime") or _date_text(node), languages)
            if modified:
                break
    if structured and line and era is None:
        published = _shown_instead(structured, line, tz) or published
    # A dated permalink names the day in the site's own zone, as a dateline does.
    shown = visible or line or (url_day(url) if url else None)
    if not tz and published and shown:
        local = zone_of_locale(tree.get("lang"), data.locale)
        if local and _shown_in_local_time(published, shown, local):
            # No profile zone, but the page shows the day of this UTC instant in its locale's
            # zone: give the dates in that zone, as the page's readers see them.
            tz = local
        elif _local_time(shown) and (at_shown := _at_shown_time(published, shown)):
            # The page writes the declared instant's wall-clock time: give it in that offset.
            published = at_shown
        elif not local and _shown_in_some_zone(published, shown):
            # Ghost declares UTC and shows the site's day: posted in New York at 9 pm, a
            # story is declared the next day. No zone is named: the shown day is all we know.
            published = shown
    return (
        in_timezone(published, tz) if published else None,
        in_timezone(modified, tz) if modified else None,
    )


def _declared_date(values: list[str]) -> str | None:
    """The first of the declared values that reads as a date (best source first)."""
    return next(filter(None, map(parse_date, values)), None)


# Hours between a declared time and a shown one on the next day within which the shown one is
# an update of the same story (23:17 published, updated 00:05), not its day.
_SAME_NEWS_CYCLE = timedelta(hours=6)


def _shown_instead(declared: str, shown: str, tz: str | None) -> str | None:
    """The date to give when the day a generic page shows under its headline replaces the
    declared one (else None): days apart; or the next or previous day, at the declared instant
    in local time (given in that offset) or hours away from it, not at a late update minutes
    after midnight. The shown day wins even when the page declares it as the day of an
    update: readers, and trafilatura-dev's truth, date the story by it."""
    gap = abs(_ordinal(declared, tz) - _ordinal(shown, tz))
    if gap != 1 or len(shown) <= 10 or tz:
        return shown if gap > 1 else None
    same_instant = _at_shown_time(declared, shown)
    if same_instant:
        return same_instant
    try:
        apart = datetime.fromisoformat(shown[:19]) - datetime.fromisoformat(declared[:19])
    except ValueError:
        return None
    return shown if abs(apart) > _SAME_NEWS_CYCLE else None


def _shown_in_local_time(published: str, visible: str, zone: str) -> bool:
    """True when a UTC date falls, in the zone of the page's locale, on the day the page shows,
    at the local time it writes if it writes one (not Sermitsiaq's: a Danish locale, Nuuk's
    17:25)."""
    if not is_utc(published):
        return False
    local = in_timezone(published, zone)
    return local[:10] == visible[:10] and (
        not _local_time(visible) or local[11:16] == visible[11:16]
    )


def _at_shown_time(declared: str, shown: str) -> str | None:
    """The declared instant in the offset of the wall-clock time the page writes for it (Nuuk's
    17:25 for 19:25 UTC: -02:00); None when the times differ by other than a zone's offset.
    Zones are whole or half hours off: the same minute shifted is the same instant."""
    try:
        instant = datetime.fromisoformat(declared)
        wall = datetime.fromisoformat(shown[:16])
    except ValueError:
        return None
    if instant.utcoffset() is None:
        return None
    utc = instant.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    offset = wall - utc
    # No newsroom keeps UTC-12 (Baker Island's): that far west, the declared time is wrong.
    if (
        offset
        and offset % timedelta(minutes=30) == timedelta(0)
        and _WESTMOST < offset <= _EASTMOST
    ):
        return instant.astimezone(timezone(offset)).isoformat()
    return None


def _local_time(value: str) -> bool:
    """Whether an ISO value is a wall-clock time without an offset (one read from the text)."""
    try:
        return len(value) > 10 and datetime.fromisoformat(value).utcoffset() is None
    except ValueError:
        return False


# Offsets of the world's zones from UTC, westmost and eastmost (Baker Island, Kiribati).
_WESTMOST, _EASTMOST = timedelta(hours=-12), timedelta(hours=14)


def _shown_in_some_zone(published: str, shown: str) -> bool:
    """True when a UTC instant falls on another day than the day shown (a date alone) and
    some zone on Earth has it on the shown day: the page shows its day in a zone it names
    nowhere."""
    if len(shown) != 10 or not is_utc(published) or published[:10] == shown:
        return False
    try:
        instant = datetime.fromisoformat(published).replace(tzinfo=None)
        midnight = datetime.fromisoformat(shown)
    except ValueError:
        return False
    return midnight - _EASTMOST <= instant < midnight + timedelta(days=1) - _WESTMOST


def _same_day(declared: str, shown: str, tz: str | None) -> bool:
    """Whether the shown date names the declared day, maybe read in the other order: a
    numeric "12/04/2020" is 12 April on a British page, which its declared date settles."""
    day = calendar_day(declared, tz)
    shown_day = calendar_day(shown, tz)
    return shown_day in (day, f"{day[:4]}-{day[8:10]}-{day[5:7]}")


def _ordinal(value: str, tz: str | None) -> int:
    try:
        return date.fromisoformat(calendar_day(value, tz)).toordinal()
    except ValueError:
        return 0
