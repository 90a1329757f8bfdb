"""Dates: machine-readable forms parsed directly; text dates ("1er juin 2021") via dateparser."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import cache, lru_cache

from scraper.extract.vocabulary import (
    DATE_CONNECTIVES,
    LANGUAGE_ALIASES,
    MODIFIED_LABELS,
    MONTH_FIRST_REGIONS,
    alternation,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_Z = re.compile(r"Z$")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")


def parse_iso(value: str) -> str | None:
    """ISO 8601 / RFC 3339 strings → ISO text (offset kept when given); None if not ISO."""
    value = value.strip()
    if not value:
        return None
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(_ISO_Z.sub("+00:00", value))
    except ValueError:
        return None
    return parsed.isoformat()


def _timestamp(value: str) -> str | None:
    """A Unix timestamp in seconds or milliseconds (schema.org values some CMSs write)."""
    if not (value.isdigit() and len(value) in (10, 13)):
        return None
    seconds = int(value) / (1000 if len(value) == 13 else 1)
    return datetime.fromtimestamp(seconds, UTC).isoformat()


# Digits of other scripts, read as ASCII ones ("۵ مارس ۲۰۲۴", "৫ মার্চ ২০২৪", "５日"):
# dateparser reads only ASCII digits. Each script's digits run from its zero.
_DIGIT_ZEROS = (
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
)  # fmt: skip
_ASCII_DIGITS = {zero + i: str(i) for zero in _DIGIT_ZEROS for i in range(10)}


def parse_date(value: str | None, languages: tuple[str, ...] | None = None) -> str | None:
    """Any date string → ISO 8601 text, or None. ISO and RFC 2822 first, dateparser last.

    dateparser is ~1000× slower than ISO parsing, so it only sees text dates.
    """
    if not value:
        return None
    value = value.strip().translate(_ASCII_DIGITS)
    iso = parse_iso(value) or _timestamp(value)
    if iso:
        return iso
    rfc = _parse_rfc2822(value)
    if rfc:
        return rfc
    return _parse_text(value, languages)


def _parse_rfc2822(value: str) -> str | None:
    from email.utils import parsedate_to_datetime

    if not re.match(r"^[A-Z][a-z]{2}, \d", value):
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None


# Month names of the commonest text dates ("27 novembre 2025", "1er nov. 2025", "3 March
# 2024", "November 18, 2019"): read directly, since a dateparser call costs ~1000x more.
# Anything else (a time of day too) goes there.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "janvier janv jan january januar",
            "février fevrier févr fevr fév fev february feb februar",
            "mars mar march märz",
            "avril avr april apr",
            "mai may",
            "juin june jun juni",
            "juillet juil july jul juli",
            "août aout aug august",
            "septembre sept sep september",
            "octobre oct october oktober okt",
            "novembre nov november",
            "décembre decembre déc dec december dezember dez",
        ),
        start=1,
    )
    for name in names.split()
}
_WEEKDAY = r"(?:[^\W\d]+\.?,?\s+)?"
_ORDINAL = r"(\d{1,2})(?:er|st|nd|rd|th)?"
# A time after the day: "10:54 am", "at 2:26 PM", "- 11:28 AM", "um 23:39".
_CLOCK = r"(?:,?\s+(?:[-|@]\s*)?(?:at\s+|um\s+|à\s+)?(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?)?$"
_DAY_MONTH_YEAR = re.compile(
    rf"^{_WEEKDAY}{_ORDINAL}\.?\s+([^\W\d]+)\.?,?\s+(\d{{4}}){_CLOCK}", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"^{_WEEKDAY}([^\W\d]+)\.?\s+{_ORDINAL},?\s+(\d{{4}}){_CLOCK}", re.IGNORECASE
)


def _worded_date(value: str) -> str | None:
    """A day, a month in words and a year, the day first or the month ("3 March 2024",
    "March 3, 2024, 10:54 am"), maybe a time after: ISO; else None."""
    if match := _DAY_MONTH_YEAR.match(value):
        day, month, year, hour, minute, half = match.groups()
    elif match := _MONTH_DAY_YEAR.match(value):
        month, day, year, hour, minute, half = match.groups()
    else:
        return None
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        day_iso = date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None
    if hour is None:
        return day_iso
    hours = int(hour)
    if half:  # 12 am is midnight, 12 pm noon; "17:19 PM" is left to dateparser
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.lower() == "p" else 0)
    return _at_time(day_iso, hours, minute)


def _at_time(day_iso: str, hours: int, minute: str) -> str:
    """The day at a time of day, or the day alone when the time is no time."""
    if hours > 23 or int(minute) > 59:
        return day_iso
    return f"{day_iso}T{hours:02d}:{minute}:00"


# All-number dates whose order is not in doubt: year first ("2025年1月13日", "2024. 8. 18.",
# "2024/08/18"), or dotted day first ("06. 01. 2026": dots are the European, day-first
# style; slashed d/m or m/d stays with dateparser and the page's language). A time may follow.
# Words that put a time of day after a date ("um 15:44", "à 9h12", "a las 22:03"), or a
# separator ("25.04.2024 | 14:07 Uhr", "2024/04/25 - 14:07").
_AT = r"(?:(?:um|à|às|at|a las|alle|om|kl\.)\s*)"
_TIME = rf"(?:(?:\s*[,|@–-]\s*|\s+){_AT}?(\d{{1,2}})\s*[:h時시]\s*(\d{{2}}))?"
_YEAR_FIRST_DAY = (
    r"(\d{4})\s*(?:[年년]|[./])\s*(\d{1,2})\s*(?:[月월]|[./])\s*(\d{1,2})(?:\s*[日일.])?"
)
_DOTTED_DAY = r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})"
_YEAR_FIRST = re.compile("^" + _YEAR_FIRST_DAY + _TIME)
_DOTTED_DAY_FIRST = re.compile("^" + _DOTTED_DAY + _TIME)


def _numeric_date(value: str) -> str | None:
    for pattern, order in ((_YEAR_FIRST, (0, 1, 2)), (_DOTTED_DAY_FIRST, (2, 1, 0))):
        match = pattern.match(value)
        if match is None:
            continue
        parts = match.groups()
        year, month, day = (int(parts[i]) for i in order)
        try:
            day_iso = date(year, month, day).isoformat()
        except ValueError:
            return None
        hour, minute = parts[3:5]
        return day_iso if hour is None else _at_time(day_iso, int(hour), minute)
    return None


@lru_cache(maxsize=4096)
def _parse_text(value: str, languages: tuple[str, ...] | None) -> str | None:
    # A text date names its year; anything else ("7 min", "il y a 3 heures") is relative.
    if len(value) > 80 or not _HAS_YEAR.search(value):
        return None
    quick = _numeric_date(value) or _worded_date(value)
    if quick:
        return quick
    import dateparser

    cleaned = re.sub(r"\b1er\b", "1", value, flags=re.IGNORECASE)
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"],
        # Text naming its year is never relative ("3 days ago") nor digits run together: the
        # parsers for those cost a quarter of each call.
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    if _day_first(languages):
        settings["DATE_ORDER"] = "DMY"
    known = _dateparser_languages(languages)
    parsed = dateparser.parse(cleaned, languages=known, settings=settings)  # type: ignore[arg-type]
    # dateparser may answer "now" for text it half reads ("03/05/2022 a las 22h03").
    if parsed is None or not re.search(
        rf"{parsed.year}|(?<!\d){parsed.year % 100:02d}(?!\d)", value
    ):
        return None
    if parsed.hour == parsed.minute == parsed.second == 0 and not re.search(r"\d[h:]\d", value):
        return parsed.date().isoformat()
    return parsed.isoformat()


# Languages writing numeric dates year first ("18-03-08" on a Chinese page is 2018-03-08):
# dateparser reads them so, as long as no order is forced.
_YEAR_FIRST_LANGUAGES = ("zh", "ja", "ko", "hu", "lt", "mn")


def _day_first(languages: tuple[str, ...] | None) -> bool:
    """Whether the page's locale writes numeric dates day first: English outside the
    countries that write the month first ("en-GB" 12/04/2020 is 12 April); without an English
    region, any other language of the page but those writing the year first (a French theme's
    date over a story in English). dateparser reads English month first, and so it reads a
    date when English is among the languages it is given."""
    codes = [code.lower() for code in languages or ()]
    regions = [code[3:] for code in codes if code.startswith("en-")]
    if regions:
        return any(region not in MONTH_FIRST_REGIONS for region in regions)
    return any(code[:2] not in ("en", *_YEAR_FIRST_LANGUAGES) for code in codes)


def _dateparser_languages(languages: tuple[str, ...] | None) -> list[str] | None:
    """The page's languages as dateparser codes; None (try every language) when it knows none,
    since dateparser raises on a code it lacks (`lang="no"`, `lang="xx"`)."""
    from dateparser.data import language_order

    primaries = (code.lower().split("-")[0] for code in languages or ())
    codes = [LANGUAGE_ALIASES.get(code, code) for code in primaries]
    known = [code for code in codes if code in language_order]
    return known or None


_DAYS_OF_THE_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@cache
def weekday_names(languages: tuple[str, ...]) -> str:
    """The days of the week in `languages`, full and short, as one regex alternation
    ("tuesday|tues|tue|mardi|…"): dateparser's own names, read from its data, no parse."""
    from importlib import import_module

    names = (
        name.lower()
        for code in languages
        for day in _DAYS_OF_THE_WEEK
        for name in import_module(f"dateparser.data.date_translation_data.{code}").info[day]
    )
    return alternation(names)


def in_timezone(value: str, tz: str | None) -> str:
    """An ISO datetime with offset expressed in `tz` (IANA name); dates and naive values unchanged."""
    if not tz or _ISO_DATE.match(value):
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    if parsed.tzinfo is None:
        return value
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return parsed.astimezone(ZoneInfo(tz)).isoformat()
    except ZoneInfoNotFoundError:
        return value


def calendar_day(value: str, tz: str | None = None) -> str:
    """The YYYY-MM-DD an ISO value falls on, in `tz` when it has an offset and tz is given."""
    return in_timezone(value, tz)[:10]


# The written forms of a day, shared by every date-in-text pattern: a date inside a label
# (`DATE_IN_TEXT`), a line that is only a date stamp (body.py), a date after a byline's name
# (authors.py). Months are words of 3 to 12 letters, checked when the match is parsed.
# "Mai", "nov.", "novembre"; "मार्च" (Indic scripts write vowels as marks, which \w leaves out)
_MONTH_NAME = r"(?:[^\W\d]|[\u0900-\u0dff]){3,12}\.?"
_DAY_OF_MONTH = r"\d{1,2}(?:er|st|nd|rd|th|º)?"  # "1er", "3rd", "5º"
WRITTEN_DAY = (
    "(?:"
    + "|".join(
        (
            r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?",  # 2024-04-28T10:30
            _YEAR_FIRST_DAY,  # 2025年1月13日, 2024. 8. 18., 2024/08/18
            r"(?:\d{4}\s*[年년]\s*)?\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]",  # 1月13日 (the year implied)
            _DOTTED_DAY,  # 06. 01. 2026
            rf"\d{{4}}\.\s*{_MONTH_NAME}\s+\d{{1,2}}\.",  # 2020. március 5. (Hungarian)
            rf"{_DAY_OF_MONTH}\.{_MONTH_NAME}\d{{4}}",  # 5.mar.2020 (Folha de S.Paulo)
            # 24.04.2023, 1/2/24; not inside a version number ("3.4.40-1.0.141")
            r"(?<![\d.])\d{1,2}[./-] ?\d{1,2}[./-] ?(?:\d{4}|\d{2})(?![.-]?\d)",
            rf"{_DAY_OF_MONTH}\.?[\s-]+(?:de\s+)?{_MONTH_NAME},?[\s-]+(?:de\s+)?\d{{4}}",  # 5 de mayo de 2020
            rf"{_MONTH_NAME}\s+{_DAY_OF_MONTH},?\s+\d{{4}}",  # Nov 20, 2019
            # 5 tháng 3, 2024 / Ngày 5 tháng 3 năm 2024 (Vietnamese: day, "month" 3, year)
            rf"(?:ngày\s+)?{_DAY_OF_MONTH}\s+tháng\s+\d{{1,2}},?\s+(?:năm\s+)?\d{{4}}",
        )
    )
    + ")"
)
# A time of day after the day ("um 15:44", "à 9h12", "- 11:28 AM", "14時01分").
TIME_OF_DAY = rf"(?:,?\s*(?:[-|@]\s*)?{_AT}?\d{{1,2}}\s*[:h.時시]\s*\d{{2}}(?:\s*[ap]\.?m\.?)?)"
# A date inside running text: "13. Mai 2026 um 15:44", "24.04.2023", "Nov 20, 2019", "2024-04-28".
DATE_IN_TEXT = re.compile(rf"(?P<day>{WRITTEN_DAY}){TIME_OF_DAY}?", re.IGNORECASE)


# An update's label right before a date ("Updated on", "Aktualisiert am", "수정").
_MODIFIED_BEFORE = re.compile(
    rf"{alternation(MODIFIED_LABELS)}(?:\s+{alternation([*DATE_CONNECTIVES, 'at', 'den'])})?"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)


def find_date(text: str, languages: tuple[str, ...] | None = None) -> str | None:
    """The first parseable date inside a short text ("Veröffentlicht am 13. Mai 2026 um 15:44");
    a date an update's label introduces gives way to another one in the text ("Updated March 7,
    2024 · Published March 5, 2024"), and is the answer only when it is the text's one date."""
    if not text or len(text) > 200:
        return None
    updated = None
    start = 0
    for match in DATE_IN_TEXT.finditer(text):
        # A time dateparser cannot read ("14.30 Uhr") leaves the day.
        found = parse_date(match.group(0), languages) or parse_date(match["day"], languages)
        if found and not _MODIFIED_BEFORE.search(text, start, match.start()):
            return found
        updated = updated or found
        start = match.end()
    return updated


# Where a news site's locale names one time zone (country, or a language spoken in one
# offset), its UTC dates are shown in that zone. Ambiguous ones (en, es, pt, ru…) are absent.
_COUNTRY_ZONES = {
    "fr": "Europe/Paris", "be": "Europe/Brussels", "ch": "Europe/Zurich", "lu": "Europe/Luxembourg",
    "de": "Europe/Berlin", "at": "Europe/Vienna", "it": "Europe/Rome", "es": "Europe/Madrid",
    "pt": "Europe/Lisbon", "nl": "Europe/Amsterdam", "gb": "Europe/London", "uk": "Europe/London",
    "ie": "Europe/Dublin", "pl": "Europe/Warsaw", "cz": "Europe/Prague", "sk": "Europe/Bratislava",
    "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo",
    "fi": "Europe/Helsinki", "gr": "Europe/Athens", "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest", "tr": "Europe/Istanbul", "jp": "Asia/Tokyo", "kr": "Asia/Seoul",
    "in": "Asia/Kolkata", "il": "Asia/Jerusalem", "tw": "Asia/Taipei", "vn": "Asia/Ho_Chi_Minh",
}  # fmt: skip
_LANGUAGE_ZONES = {
    "fr": "Europe/Paris", "de": "Europe/Berlin", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "cs": "Europe/Prague", "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm", "nb": "Europe/Oslo", "no": "Europe/Oslo", "fi": "Europe/Helsinki",
    "el": "Europe/Athens", "hu": "Europe/Budapest", "ja": "Asia/Tokyo", "ko": "Asia/Seoul",
    "tr": "Europe/Istanbul", "he": "Asia/Jerusalem",
}  # fmt: skip


def zone_of_locale(*locales: str | None) -> str | None:
    """The IANA zone a page's locale (`fr-FR`, `fr_FR`, `de`) implies, when it implies one."""
    for locale in filter(None, locales):
        parts = re.split(r"[-_]", locale.strip().lower())
        if len(parts) > 1 and parts[1].isalpha():
            # A named country decides, even one we know no single zone for (fr_CA).
            return _COUNTRY_ZONES.get(parts[1])
    for locale in filter(None, locales):
        language = re.split(r"[-_]", locale.strip().lower())[0]
        if language in _LANGUAGE_ZONES:
            return _LANGUAGE_ZONES[language]
    return None


def is_utc(value: str) -> bool:
    """True for an ISO datetime given in UTC (Z or +00:00)."""
    return value.endswith(("+00:00", "Z")) and len(value) > 10


def utc_instant(value: str | None) -> datetime | None:
    """An ISO date or datetime as a comparable UTC instant (naive values taken as UTC)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)
