"""Dates: ISO and RFC forms directly, French and other text dates via dateparser, timezones."""

from __future__ import annotations

from datetime import time

import pytest

from scraper.extract.dates import calendar_day, find_date, in_timezone, parse_date, parse_iso


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-26T23:30:00.000Z", "2025-11-26T23:30:00+00:00"),
        ("2023-03-14T09:12:00+01:00", "2023-03-14T09:12:00+01:00"),
        ("2023-03-14", "2023-03-14"),
        ("14 mars 2023", None),
        ("", None),
    ],
)
def test_parse_iso(value: str, expected: str | None) -> None:
    assert parse_iso(value) == expected


@pytest.mark.parametrize(
    ("value", "languages", "expected"),
    [
        ("27 novembre 2025", ("fr",), "2025-11-27"),
        ("1er novembre 2025", ("fr",), "2025-11-01"),
        ("27 nov. 2025", ("fr",), "2025-11-27"),
        ("mardi 14 mars 2023 à 09h12", ("fr",), "2023-03-14T09:12:00"),
        ("14/03/2023", ("fr",), "2023-03-14"),
        ("Tue, 14 Mar 2023 08:12:00 +0000", None, "2023-03-14T08:12:00+00:00"),
        ("il y a 3 heures", ("fr",), None),  # relative: no year, no date
        ("7 min", ("fr",), None),
        ("1577836800", None, "2020-01-01T00:00:00+00:00"),  # Unix timestamps, s and ms
        ("1577836800000", None, "2020-01-01T00:00:00+00:00"),
        # Tags dateparser lacks: an alias (Norwegian "no" is Bokmål's "nb", "iw" is Hebrew's
        # withdrawn code) or, unknown, every language rather than an error.
        ("14. mars 2024 kl. 10.15", ("no",), "2024-03-14T10:15:00"),
        ("14 במרץ 2024", ("iw",), "2024-03-14"),
        ("Thursday, March 14th, 2024", ("xx",), "2024-03-14"),
        # Numeric order: a French theme's date over a story in English (or a theme declaring
        # "en" over French text) is day first; English alone, or a US page, month first; a
        # Chinese page's two-digit year comes first.
        ("05/03/2024", ("fr", "en"), "2024-03-05"),
        ("05/03/2024", ("en", "fr"), "2024-03-05"),
        ("05/03/2024", ("en",), "2024-05-03"),
        ("05/03/2024", ("en-US", "es"), "2024-05-03"),
        ("18-03-08", ("zh",), "2018-03-08"),
    ],
)
def test_parse_date(value: str, languages: tuple[str, ...] | None, expected: str | None) -> None:
    assert parse_date(value, languages) == expected


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("Veröffentlicht am 13. Mai 2026 um 15:44", ("de",), "2026-05-13T15:44:00"),
        ("erstellt: 01. April 2025, 15:25", ("de",), "2025-04-01T15:25:00"),
        ("Publié le 27 novembre 2025", ("fr",), "2025-11-27"),
        ("Stand: 22.04.2024, 06:00 Uhr", ("de",), "2024-04-22T06:00:00"),
        ("Updated Nov 20, 2019", ("en",), "2019-11-20"),
        ("6 min de lecture", ("fr",), None),
        # Every date-in-text pattern shares one set of written forms (dates.WRITTEN_DAY).
        ("Publicado el 6 de mayo de 2022 05:30", ("es",), "2022-05-06T05:30:00"),
        ("Do 25.04.24 | 14:07 Uhr", ("de",), "2024-04-25T14:07:00"),
        ("Do 25.04.2024 | 14:07 Uhr", ("de",), "2024-04-25T14:07:00"),
        ("2024/04/25 - 14:07", ("en",), "2024-04-25T14:07:00"),
        ("March 10, 2004 - 2:20 pm", ("en",), "2004-03-10T14:20:00"),
        # dateparser read this as "now": a parse naming another year is refused, and the
        # day alone is read when the time is not understood.
        ("03/05/2022 a las 22h03", ("es",), "2022-05-03"),
        # Vietnamese's "day N month M year Y", months written in Indic scripts, and digits of
        # other scripts.
        ("Thứ ba, ngày 5 tháng 3 năm 2024", ("vi",), "2024-03-05"),
        ("Cập nhật 5 tháng 3, 2024", ("vi",), "2024-03-05"),
        ("प्रकाशित: 5 मार्च 2024", ("hi",), "2024-03-05"),
        ("نشر في ٥ مارس ٢٠٢٤", ("ar",), "2024-03-05"),
        ("۵ مارس ۲۰۲۴", ("fa",), "2024-03-05"),
        ("৫ মার্চ, ২০২৪", ("bn",), "2024-03-05"),
        # Hungarian writes the year first, the month in words ("2024. március 5."); Folha de
        # S.Paulo writes the day, month and year with dots and no spaces.
        ("2024. március 5. 10:15", ("hu",), "2024-03-05T10:15:00"),
        ("5.mar.2024 às 10h15", ("pt",), "2024-03-05"),
        # A day an update's label introduces gives way to another day in the text; alone, it
        # is the day the page shows.
        ("Updated March 7, 2024 · Published March 5, 2024", ("en",), "2024-03-05"),
        ("Aktualisiert am 7. März 2024, veröffentlicht am 5. März 2024", ("de",), "2024-03-05"),
        ("Mis à jour le 7 mars 2024 | Publié le 5 mars 2024", ("fr",), "2024-03-05"),
        ("수정 2024.03.07 입력 2024.03.05", ("ko",), "2024-03-05"),
        ("Aktualizacja: 07.03.2024 12:30 Data publikacji: 05.03.2024", ("pl",), "2024-03-05"),
        ("Aktualizované 07.03.2024 Publikované 05.03.2024", ("sk",), "2024-03-05"),
        ("Актуализирана 07.03.2024 Публикувана 05.03.2024", ("bg",), "2024-03-05"),
        ("Ažurirano 07.03.2024. Objavljeno 05.03.2024.", ("hr",), "2024-03-05"),
        ("Published March 5, 2024 · Updated March 7, 2024", ("en",), "2024-03-05"),
        ("Updated March 7, 2024", ("en",), "2024-03-07"),
        # A year and a count are no day.
        ("2024 Olympics 12", ("en",), None),
        ("Im Jahr 2024 kamen 12 Besucher", ("de",), None),
        # A version number holds no day (qq.com's video player: "3.4.40" is no 3 April 2040).
        ("3.4.40-1.0.141", ("zh",), None),
        ("Version 2.10.12.1", ("en",), None),
    ],
)
def test_find_date_inside_a_label(
    text: str, languages: tuple[str, ...], expected: str | None
) -> None:
    assert find_date(text, languages) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dotted dates are day first wherever they are written, language known or not.
        ("Aktualisiert am 07.01.2026 - 18:50 Uhr", "2026-01-07T18:50:00"),
        ("05.04.2025 - Güncelleme : 05.04.2025", "2025-04-05"),
        ("06. 01. 2026,  14:59\u00a0Uhr", "2026-01-06T14:59:00"),
        ("31.02.2024", None),
        # Year first: Japanese, Chinese and Korean dates, and Y.M.D / Y/M/D.
        ("2025年1月13日 20時01分", "2025-01-13T20:01:00"),
        ("2025年1月14日 01時28分 (1月14日 01時40分更新)", "2025-01-14T01:28:00"),
        ("입력 2024.08.18 14:00", "2024-08-18T14:00:00"),
        ("2024년 8월 18일", "2024-08-18"),
        ("2024/08/18", "2024-08-18"),
        # The time after it, with any of the words that announce one.
        ("2024/08/18 a las 22:03", "2024-08-18T22:03:00"),
        ("24.04.2023 kl. 10:30", "2023-04-24T10:30:00"),
    ],
)
def test_all_number_dates_whose_order_is_certain(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_site_timezone_moves_a_late_utc_time_to_the_next_paris_day() -> None:
    value = "2025-11-26T23:30:00+00:00"
    assert in_timezone(value, "Europe/Paris") == "2025-11-27T00:30:00+01:00"
    assert calendar_day(value, "Europe/Paris") == "2025-11-27"
    assert calendar_day(value) == "2025-11-26"


@pytest.mark.parametrize("value", ["2025-11-26", "2025-11-26T23:30:00"])
def test_dates_and_naive_times_stay_as_written(value: str) -> None:
    assert in_timezone(value, "Europe/Paris") == value


def test_summer_time_offset() -> None:
    assert in_timezone("2025-07-10T05:30:00+00:00", "Europe/Paris") == "2025-07-10T07:30:00+02:00"


@pytest.mark.parametrize(
    "text",
    [
        "27 novembre 2025",
        "1er nov. 2025",
        "Mardi 14 mars 2023",
        "3 March 2024",
        "20 oct. 2025",
        "5 août 2021",
        "12 Dezember 2024",
        "29 févr. 2024",
        "November 18, 2019",
        "Nov. 20, 2019",
        "Apr 04 2013",
        "Monday, March 3rd, 2025",
        "November 20, 2019, 10:54 am",
        "Nov 19, 2019, 7:53pm",
        "November 18, 2019 at 2:26 PM",
        "November 20, 2019 - 11:28 AM",
        "Nov 13, 2019 12:26 am",
        "29. Juni 2017, 23:39",
    ],
)
def test_common_text_dates_skip_dateparser_with_the_same_answer(text: str) -> None:
    import dateparser

    from scraper.extract.dates import _worded_date

    expected = dateparser.parse(text.replace("1er", "1"), settings={"PREFER_DAY_OF_MONTH": "first"})
    assert expected is not None
    timed = expected.isoformat() if expected.time() != time() else expected.date().isoformat()
    assert _worded_date(text) == timed


@pytest.mark.parametrize(
    "text",
    [
        "31 février 2024",
        "14 blorp 2023",
        "Nov 18, 2019 @17:19 PM",
        "Sept 31, 2020",
        "3 March 2024 10:54 EST",
    ],
)
def test_quick_path_leaves_the_rest_to_dateparser(text: str) -> None:
    from scraper.extract.dates import _worded_date

    assert _worded_date(text) is None


@pytest.mark.parametrize(
    ("locales", "zone"),
    [
        (("fr-FR", None), "Europe/Paris"),
        ((None, "fr_CA"), None),
        (("fr", None), "Europe/Paris"),
        (("en-GB", "en_GB"), "Europe/London"),
        (("en", "en_US"), None),
        (("de-AT", None), "Europe/Vienna"),
        ((None, None), None),
    ],
)
def test_zone_of_locale(locales: tuple[str | None, str | None], zone: str | None) -> None:
    from scraper.extract.dates import zone_of_locale

    assert zone_of_locale(*locales) == zone
