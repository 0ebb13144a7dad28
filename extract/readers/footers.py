"""Metadata a news text states about itself: footer and header lines of scraped news.

"Publish date : 2024-11-10 14:01:43", "Publié le 12 novembre 2024", "Stand: 12.11.2024",
"Source link : https://…"; when nothing better exists, a date opening one of the
first lines ("Hoy Tuesday, November 12, 2024", "Ce jeudi 24 octobre 2024"); and, last,
the latest day the text names with its weekday ("a déclaré jeudi 7 novembre"): news
tells of what happened up to the day it was written. The marker words come from the
lexicons' `published_markers` and `source_link_markers`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

import regex

from extract.lexicon import all_lexicons
from extract.patterns import alternation
from extract.readers.dates import (
    date_pattern,
    find_date,
    parse_date,
    weekday_dates,
    weekday_pattern,
)
from extract.readers.document import Document

HEADER_LINES = 10
"""How many of the first non-blank lines may carry a header date."""
_MAX_WORDS_BEFORE_DATE = 2
"""A marker may be followed by a couple of words before its date ("Published on Tuesday, …", "Stand der …" not)."""
_QUOTE_CHARS = 80
_WORD = regex.compile(r"\w+")
_URL_TRAILING = ").,;:!?»”\"'>]"


@dataclass(frozen=True)
class Found:
    """A metadata value found in the text, with where: `origin` quotes the line."""

    value: str
    origin: str
    published: dt.date | None = None


@cache
def _published_marker() -> regex.Pattern[str]:
    markers = alternation(word for lexicon in all_lexicons() for word in lexicon.published_markers)
    return regex.compile(rf"^[^\w\n]*(?:{markers})(?!\w)[ \t]*[:：]?[ \t]*(?P<value>.*)$", regex.IGNORECASE)


@cache
def _source_marker() -> regex.Pattern[str]:
    markers = alternation(word for lexicon in all_lexicons() for word in lexicon.source_link_markers)
    return regex.compile(
        rf"^[^\w\n]*(?:{markers})(?!\w)[ \t]*[:：]?[ \t]*(?P<url>https?://\S+)", regex.IGNORECASE
    )


@cache
def _header_date() -> regex.Pattern[str]:
    # A date that opens the line, or that follows one word when it starts with a weekday
    # ("Hoy Tuesday, November 12, 2024…", "Ce jeudi 24 octobre 2024").
    return regex.compile(
        rf"^[^\w\n]*(?:\w+[ \t]+(?=(?:{weekday_pattern()})(?!\w)))?(?P<date>{date_pattern()})", regex.IGNORECASE
    )


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number from 1, line) for each line of `text`, as an editor numbers them."""
    return [(number, line.rstrip("\r")) for number, line in enumerate(text.split("\n"), 1)]


def _quote(line: str) -> str:
    line = line.strip()
    return line if len(line) <= _QUOTE_CHARS else line[: _QUOTE_CHARS - 1] + "…"


def footer_published(text: str, warnings: list[str] | None = None, where: str = "") -> Found | None:
    """The first line that opens with a publication marker and states a date in its first words."""
    pattern = _published_marker()
    for number, line in _lines(text):
        match = pattern.match(line)
        if not match:
            continue
        value = match["value"]
        date = find_date(value)
        if date is None or len(_WORD.findall(value[: date.start()])) > _MAX_WORDS_BEFORE_DATE:
            continue
        published = parse_date(date[0])
        if published is None:
            if warnings is not None:
                warnings.append(f"{where}line {number}: {date[0]!r} is not a date; publication date ignored")
            continue
        return Found(date[0], f"text line {number}: {_quote(line)}", published)
    return None


def footer_url(text: str) -> Found | None:
    """The URL of the first line that opens with a source-link marker ("Source link : https://…")."""
    pattern = _source_marker()
    for number, line in _lines(text):
        match = pattern.match(line)
        if match:
            return Found(match["url"].rstrip(_URL_TRAILING), f"text line {number}: {_quote(line)}")
    return None


def header_published(text: str) -> Found | None:
    """A date opening one of the first non-blank lines: the weakest evidence, used when nothing else says."""
    pattern = _header_date()
    seen = 0
    for number, line in _lines(text):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        match = pattern.match(line)
        if match:
            published = parse_date(match["date"])
            if published is not None:
                return Found(match["date"], f"header line {number}: {_quote(line)}", published)
    return None


def stated_published(text: str, today: dt.date | None = None) -> Found | None:
    """The latest day the text names with its weekday (its year, when left out, from the weekday)."""
    latest = max(weekday_dates(text, today or dt.date.today()), key=lambda found: found[1], default=None)
    if latest is None:
        return None
    match, day = latest
    number = text.count("\n", 0, match.start()) + 1
    return Found(match[0], f"stated in text line {number}: {_quote(match[0])}", day)


def from_text(document: Document, header: bool = True) -> Document:
    """`document` with the publication date and URL its text states, where nothing has spoken for them yet.

    A value with an origin (a sidecar's, its `null` included, or the page's metadata) is not looked for.
    """
    published, url, origins = document.published, document.url, dict(document.origins)
    warnings = list(document.warnings)
    if published is None and "published" not in origins:
        found = footer_published(document.text, warnings, f"{document.path}: ")
        if found is None and header:
            found = header_published(document.text) or stated_published(document.text)
        if found is not None:
            published, origins["published"] = found.published, found.origin
    if url is None and "url" not in origins:
        found = footer_url(document.text)
        if found is not None:
            url, origins["url"] = found.value, found.origin
    if (published, url) == (document.published, document.url) and warnings == document.warnings:
        return document
    return replace(document, published=published, url=url, origins=origins, warnings=warnings)
