"""Dates of the text path in ISO 8601 (`parse_dates`), the text as written
beside them; made-up dates only."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.steps.dates import iso_date
from tests.helpers import REPORT_1, REPORT_2, REPORT_EN


def clean(*lines: str) -> cleannews.Article:
    return cleannews.clean_text("\n\n".join(lines))


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Senin, 7 November 2025 10:00 WIB", "2025-11-07T10:00:00+07:00"),
        ("Rabu, 4 November 2015 | 21:04 WIB", "2015-11-04T21:04:00+07:00"),
        ("Kamis, 12 Juni 2025 pukul 08.30 WITA", "2025-06-12T08:30:00+08:00"),
        ("Jumat, 3 Januari 2025 19:45 WIT", "2025-01-03T19:45:00+09:00"),
        ("Jumat , 17 February 2017, 13:16 WIB", "2017-02-17T13:16:00+07:00"),
        ("15 Agustus 2024", "2024-08-15"),
        ("2019-11-20 14:35:08", "2019-11-20T14:35:08"),
        ("7:07 PM EST Nov 19, 2019", "2019-11-19T19:07:00-05:00"),
    ],
)
def test_a_whole_date_is_read_into_iso_8601(raw: str, iso: str) -> None:
    assert iso_date(raw) == iso


@pytest.mark.parametrize(
    "raw",
    ["1:23 p.m", "2 jam lalu", "kemarin", "30 Februari 2025", "November 2025", "Senin pukul 10.00 WIB"],
)
def test_what_is_not_a_whole_date_gives_no_iso_value(raw: str) -> None:
    """Never a guess: no year, no day, a relative date or an impossible one gives nothing."""
    assert iso_date(raw) is None


def test_a_day_first_date_in_an_indonesian_article() -> None:
    assert iso_date("Selasa, 03/12/2024 10:00", "id") == "2024-12-03T10:00:00"


def test_the_published_date_of_a_text_article_is_iso_with_the_raw_beside_it() -> None:
    art = clean("Harga Beras Turun", "Senin, 7 November 2025 10:00 WIB", REPORT_1, REPORT_2)
    assert art.metadata["published"] == "2025-11-07T10:00:00+07:00"
    assert art.metadata["published_raw"] == "Senin, 7 November 2025 10:00 WIB"


def test_an_updated_date_is_read_too() -> None:
    art = clean("Harga Beras Turun", "Diperbarui 8 November 2025 09:15 WIB", REPORT_1, REPORT_2)
    assert art.metadata["updated"] == "2025-11-08T09:15:00+07:00"
    assert art.metadata["updated_raw"] == "8 November 2025 09:15 WIB"


def test_an_english_updated_date() -> None:
    art = clean("Floods Close Schools", "Updated 9 March 2024 at 14:05", REPORT_EN, REPORT_EN)
    assert art.metadata["updated"] == "2024-03-09T14:05:00"


def test_an_unparseable_date_keeps_its_raw_text_only() -> None:
    art = clean("Floods Close Schools", "Updated at 1:23 p.m.", REPORT_EN, REPORT_EN)
    assert art.metadata["updated_raw"] == "1:23 p.m"
    assert "updated" not in art.metadata


def test_iso_and_raw_come_from_the_same_line() -> None:
    """The first date line decides both: a later one never gives the ISO value of an earlier raw."""
    dates = ("Senin, 31 Februari 2025 10:00 WIB", "Selasa, 4 Maret 2025 11:00 WIB")
    art = clean("Judul Berita Hari Ini", dates[0], REPORT_1, dates[1])
    assert art.metadata.get("published") is None or art.metadata["published_raw"].startswith("Selasa")


def test_an_article_without_a_date_has_no_date_keys() -> None:
    keys = {"published", "published_raw", "updated", "updated_raw"}
    assert not keys & set(clean(REPORT_1, REPORT_2).metadata)
