"""Publication dates: finding a date in a line of text, and parsing date text of any form into a day.

The words (month and weekday names, ordinal suffixes, joiners such as "de") come from
every built-in lexicon at once: readers run before the document's language is known.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import regex

from extract.lexicon import all_lexicons
from extract.patterns import DAY_OF_MONTH, alternation

_ISO = regex.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = regex.compile(r"\s*(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)")
_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")


@cache
def _date_parts() -> tuple[str, str, str, str]:
    """(weekday, day, month, month with its joiners: "de noviembre de") over every built-in lexicon's words."""
    months = alternation(month for lexicon in all_lexicons() for month in lexicon.months)
    ordinals = alternation(suffix for lexicon in all_lexicons() for suffix in lexicon.ordinal_suffixes)
    joiners = alternation(word for lexicon in all_lexicons() for word in lexicon.date_joiners)
    weekday = rf"(?:(?:{weekday_pattern()})\.?,?\s+)"
    day = rf"{DAY_OF_MONTH}(?:{ordinals})?\.?"
    month = rf"(?:{months})\.?"
    return weekday, day, month, rf"(?:(?:{joiners})\s+)*{month}(?:\s+(?:{joiners}))?"


@cache
def date_pattern() -> str:
    """A date written out with a year: 2024-11-12, 12.11.2024, 12 novembre 2024, Tuesday, November 12, 2024, …"""
    weekday, day, month, joined = _date_parts()
    return (
        rf"(?<!\w)(?:{weekday}?{day}\s+{joined},?\s+\d{{4}}"
        rf"|{weekday}?{month}\s+{day},?\s+\d{{4}}"
        r"|\d{4}-\d{1,2}-\d{1,2}"
        rf"|{weekday}?\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})(?!\d)"
    )


@cache
def _weekday_date_regex() -> regex.Pattern[str]:
    weekday, day, month, joined = _date_parts()
    return regex.compile(
        rf"(?<!\w)(?P<weekday>{weekday})(?P<date>{day}\s+{joined}|{month}\s+{day})(?:,?\s+(?P<year>\d{{4}}))?(?!\w)",
        regex.IGNORECASE | regex.V0,
    )


def weekday_dates(text: str, today: dt.date) -> Iterator[tuple[regex.Match[str], dt.date]]:
    """Each date written with its weekday ("jeudi 7 novembre", "Tuesday, November 12, 2024") and the day it is.

    The weekday must agree with the date; it also gives the year a date leaves out:
    the latest year, not after `today`, in which that day fell on that weekday.
    """
    for match in _weekday_date_regex().finditer(text):
        weekday = _weekday_number(match["weekday"].strip().rstrip(".,"))
        day = parse_date(f"{match['date']} {match['year'] or 2000}")
        if weekday is None or day is None:
            continue
        if match["year"]:
            if day.weekday() == weekday:
                yield match, day
            continue
        for year in range(today.year, today.year - 29, -1):
            candidate = _day(year, day.month, day.day)
            if candidate is not None and candidate <= today and candidate.weekday() == weekday:
                yield match, candidate
                break


@cache
def weekday_pattern() -> str:
    return alternation(day for lexicon in all_lexicons() for day in lexicon.weekdays)


@cache
def _date_regex() -> regex.Pattern[str]:
    return regex.compile(date_pattern(), regex.IGNORECASE | regex.V0)


def find_date(text: str, pos: int = 0) -> regex.Match[str] | None:
    """The first written-out date (with its year) in `text` from `pos`."""
    return _date_regex().search(text, pos)


def parse_date(text: str) -> dt.date | None:
    """The day a date text names (ISO dates, d.m.yyyy, words in any built-in language), or None.

    Text without a four-digit year gives None: "yesterday" or "2 hours ago" say
    nothing about when a document was published once it is stored.
    """
    iso = _ISO.match(text)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = _NUMERIC.match(text)
    if numeric:
        day, month, year = int(numeric[1]), int(numeric[3]), int(numeric[4])
        return _day(year, month, day) or _day(year, day, month)
    if not _YEAR.search(text):
        return None
    parsed = _dateparser(text)
    return parsed.date() if parsed is not None else None


def parse_date_value(value: Any) -> dt.date | None:
    """A date as JSON gives it: a date text, or a Unix time in seconds or milliseconds."""
    if isinstance(value, str):
        return parse_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@cache
def _weekday_number(word: str) -> int | None:
    """Monday 0 … Sunday 6 for a weekday name in any language dateparser knows."""
    dateparser = importlib.import_module("dateparser")
    parsed: dt.datetime | None = dateparser.parse(word, languages=[lexicon.language for lexicon in all_lexicons()])
    return parsed.weekday() if parsed is not None else None


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.datetime | None:
    """Memoised: with every part required, the day does not depend on today, and an archive names the same
    days in many documents ("jeudi 7 novembre 2024"); dateparser takes about a millisecond a call."""
    dateparser = importlib.import_module("dateparser")  # ~0.1 s to import: only when a date needs it
    settings: Any = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    languages = [lexicon.language for lexicon in all_lexicons()]
    try:
        result: dt.datetime | None = dateparser.parse(text, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know: let it guess
        result = dateparser.parse(text, settings=settings)
    return result
