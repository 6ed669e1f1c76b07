"""Dates: the ``published`` and ``updated`` dates a byline or the title line
gave as written ("Senin, 7 November 2025 10:00 WIB") are read into ISO 8601
("2025-11-07T10:00:00+07:00"), the keys the HTML reader gives, with the
text as written beside them under ``published_raw`` and ``updated_raw``.

Parsed with dateparser (absolute dates only, in the article's language,
Indonesian and English; no network). A date that does not name its day,
month and year, or that dateparser cannot read, keeps only its raw text:
a date is never guessed. Indonesia's zones (WIB, WITA, WIT) are +07:00,
+08:00 and +09:00.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import regex

from cleannews.credits import DATE_KEYS
from cleannews.model import Block

#: Indonesia's time zones, which dateparser does not know.
ZONES = {"wib": 7, "wita": 8, "wit": 9}
#: Longer text is not a date (and dateparser's time grows with it): not read.
MAX_CHARS = 100
#: Languages dates are read in, the article's first when it is one of them.
LANGUAGES = ("id", "en")
_ZONE = regex.compile(r"\b(wib|wita|wit)\b\.?", regex.IGNORECASE)
#: Words and marks between a date's parts that dateparser does not read: "| 21:04", "pukul 10.00".
_FILLER = regex.compile(r"\s*\|\s*|\b(?:pukul|jam|at)\b", regex.IGNORECASE)
#: A time written with a dot ("10.00"), not part of a date written with dots ("03.12.2024").
_DOTTED_TIME = regex.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_TIME = regex.compile(r"\d{1,2}[:.]\d{2}")
#: A weekday before the date, in another language than its month ("Jumat, 17 February 2017").
_LEADING_WORD = regex.compile(r"^\p{L}+\s*,?\s*(?=\d)")
_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],  # "2 jam lalu" would need a clock: no guess
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def iso_date(raw: str, language: str | None = None) -> str | None:
    """``raw`` as an ISO 8601 date, or date and time when it gives one (with
    its zone when it names one); ``None`` when it is not a whole date.

    >>> iso_date("Senin, 7 November 2025 10:00 WIB")
    '2025-11-07T10:00:00+07:00'
    >>> iso_date("Rabu, 4 November 2015 | 21.04 WITA"), iso_date("15 Mei 2017")
    ('2015-11-04T21:04:00+08:00', '2017-05-15')
    >>> iso_date("7:07 PM EST Nov 19, 2019", "en"), iso_date("03/12/2024", "id")
    ('2019-11-19T19:07:00-05:00', '2024-12-03')
    >>> iso_date("1:23 p.m"), iso_date("2 jam lalu"), iso_date("30 Februari 2025")
    (None, None, None)
    """
    if len(raw) > MAX_CHARS:
        return None
    first = (language,) if language in LANGUAGES else ()
    return _iso_date(raw, (*first, *(c for c in LANGUAGES if c != language)))


@lru_cache(maxsize=4096)
def _iso_date(raw: str, languages: tuple[str, ...]) -> str | None:
    zone = _ZONE.search(raw)
    text = _DOTTED_TIME.sub(r"\1:\2", _FILLER.sub(" ", _ZONE.sub(" ", raw)))
    text = " ".join(text.replace(" ,", ",").split()).strip(" ,")
    found = _parsed(text, languages) or _parsed(_LEADING_WORD.sub("", text), languages)
    if found is None:
        return None
    if _TIME.search(text) is None:
        return found.date().isoformat()
    if zone is not None:
        hours = ZONES[zone.group(1).lower()]
        found = found.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=hours)))
    return found.isoformat()


def _parsed(text: str, languages: tuple[str, ...]) -> datetime.datetime | None:
    import dateparser  # type: ignore[import-untyped]  # slow to import: only when an article has a date

    # Indonesian writes day first; English pages are read as dateparser reads English.
    settings = _SETTINGS | ({} if languages[0] == "en" else {"DATE_ORDER": "DMY"})
    try:
        found: datetime.datetime | None = dateparser.parse(text, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError):  # a date past what datetime holds
        return None
    return found


def dated_pairs(key: str, raw: str, language: str | None) -> tuple[tuple[str, str], ...]:
    """The metadata pairs of one date: the raw text under ``<key>_raw``, and
    the ISO date under ``key`` when the text is a whole date.

    >>> dated_pairs("updated", "1:23 p.m", "en")
    (('updated_raw', '1:23 p.m'),)
    >>> dated_pairs("published", "8 Nov 2025", "id")
    (('published_raw', '8 Nov 2025'), ('published', '2025-11-08'))
    """
    iso = iso_date(raw, language)
    return ((f"{key}_raw", raw),) + (((key, iso),) if iso else ())


@dataclass(frozen=True)
class parse_dates:  # noqa: N801 - a step, named for what it does
    """Read the first value of each date key (``published``, ``updated``)
    the blocks carry into ISO 8601, with the raw text beside it (see
    `dated_pairs`); the article's language, when a step found it, is the
    one dates are read in first. Later values of a key are left out, as
    `cleannews.model.merge_meta` would leave them: the ISO date and the raw
    text always come from the same line."""

    keys: frozenset[str] = DATE_KEYS

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        language = next((v for b in blocks for k, v in b.meta if k == "language"), None)
        seen: set[str] = set()
        out = []
        for block in blocks:
            if not any(k in self.keys for k, _ in block.meta):
                out.append(block)
                continue
            pairs: list[tuple[str, str]] = []
            for key, value in block.meta:
                if key not in self.keys:
                    pairs.append((key, value))
                elif key not in seen:
                    seen.add(key)
                    pairs += dated_pairs(key, value, language)
            out.append(replace(block, meta=tuple(pairs)))
        return out
