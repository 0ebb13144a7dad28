"""When a fact happened: date expressions found, resolved against the publication date.

Absolute dates ("24 octobre 2024", "November 6") are parsed by dateparser
(memoised per text, language and base date); the expressions it cannot read
("overnight into Sunday", "dans la nuit de samedi à dimanche", "ce dimanche")
are matched by the patterns in rules/<lang>/when.yaml and resolved here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from extract.errors import RuleFileError
from extract.lexicon import BUILTIN_RULES_DIR
from extract.text import Sentence
from extract.yamlsource import read_yaml_file

Resolve = Literal[
    "date", "weekday", "today", "yesterday", "tomorrow", "overnight", "night_of", "last_week", "this_week",
    "month", "last_month", "year", "since", "this_year",
]


class DatePattern(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    pattern: str
    resolve: Resolve


class WhenLexicon(BaseModel):
    """rules/<lang>/when.yaml: the words of dates, and the date expressions of the language."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    weekdays: list[list[str]] = Field(min_length=7, max_length=7)
    months: list[list[str]] = Field(min_length=12, max_length=12)
    future: str = "(?!)"
    expressions: list[DatePattern] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class _Compiled:
    pattern: regex.Pattern[str]
    resolve: dict[str, Resolve]
    weekday_of: dict[str, int]
    month_of: dict[str, int]
    future: regex.Pattern[str]
    lang: str


def _words(groups: list[list[str]]) -> str:
    forms = sorted({w for group in groups for w in group}, key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in forms) + r")(?![\p{L}])"


@cache
def _compiled(lang: str, rules_dir: Path = BUILTIN_RULES_DIR) -> _Compiled | None:
    path = rules_dir / lang / "when.yaml"
    if not path.is_file():
        return None
    lexicon = read_yaml_file(path).validate(WhenLexicon)
    terms = {
        "weekday": _words(lexicon.weekdays),
        "month": _words(lexicon.months),
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?![\d])",
        "year": r"(?:19|20)\d{2}(?!\d)",
    }
    alternatives = []
    resolve: dict[str, Resolve] = {}
    for index, expression in enumerate(lexicon.expressions):
        body = regex.sub(r"\{(\w+)\}", lambda m: terms[m.group(1)], expression.pattern)
        alternatives.append(f"(?P<e{index}>{body})")
        resolve[f"e{index}"] = expression.resolve
    try:
        pattern = regex.compile(
            r"(?<![\p{L}\p{N}])(?:" + "|".join(alternatives) + r")(?![\p{L}\p{N}])", regex.IGNORECASE | regex.V1
        )
    except regex.error as error:
        raise RuleFileError(f"{path}: invalid date pattern: {error}") from None
    return _Compiled(
        pattern=pattern,
        resolve=resolve,
        weekday_of={w.lower(): i for i, group in enumerate(lexicon.weekdays) for w in group},
        month_of={m.lower(): i + 1 for i, group in enumerate(lexicon.months) for m in group},
        future=regex.compile(lexicon.future, regex.IGNORECASE | regex.V1),
        lang=lang,
    )


# Lines that date a page, not a fact: datelines ("KYIV, Nov. 17 (Reuters) -") and
# publication furniture ("Publié le …", "Publish date :", "Updated …").
_DATELINE = regex.compile(
    r"^[ \t]*\p{Lu}[\p{Lu}\p{L} /.'’-]{1,40},[^\n()]{0,40}\([^)\n]{2,60}\)\s*[-–—]|"
    r"^[ \t]*(?:Publi\S*|Updated|Mis\s+à\s+jour|Modifi\S*|Actualizad\S*|Stand|Aktualisiert|Veröffentlicht)\b[^\n]*",
    regex.MULTILINE | regex.IGNORECASE | regex.V1,
)


def find_dates(text: str, lang: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text` that can be resolved, in order."""
    compiled = _compiled(lang)
    if compiled is None:
        return []
    furniture = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    found: list[DateMention] = []
    for match in compiled.pattern.finditer(text):
        if any(s <= match.start() < e for s, e in furniture):
            continue
        name = next(k for k, v in match.groupdict().items() if v is not None and k in compiled.resolve)
        forward = compiled.future.search(_sentence_around(text, match.start())) is not None
        span = _resolve(compiled, compiled.resolve[name], match, published, forward)
        if span is not None:
            found.append(DateMention(match.start(), match.end(), *span))
    return found


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(".", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [i for i in (text.find(".", position), text.find("\n", position)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _group(match: regex.Match[str], name: str) -> str | None:
    value = match.group(name) if name in match.re.groupindex else None
    return value.lower() if value else None


def _resolve(
    compiled: _Compiled, kind: Resolve, match: regex.Match[str], published: dt.date | None, forward: bool
) -> tuple[dt.date, dt.date] | None:
    year_text = _group(match, "year")
    year = int(year_text) if year_text else None
    if kind == "date":
        day = _absolute(match.group(), compiled.lang, published)
        return (day, day) if day is not None else None
    if kind in ("year", "since") and year is not None:
        month = compiled.month_of.get(_group(match, "month") or "", 1)
        if kind == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        first = dt.date(year, month, 1)
        return (first, published) if published is not None and published >= first else None
    if published is None:
        return None
    step = 1 if forward else -1
    if kind == "today":
        return published, published
    if kind in ("yesterday", "tomorrow"):
        day = published + dt.timedelta(days=-1 if kind == "yesterday" else 1)
        return day, day
    if kind == "overnight":
        return published - dt.timedelta(days=1), published
    if kind == "weekday":
        day = _weekday(published, compiled.weekday_of[_group(match, "weekday") or ""], step)
        return day, day
    if kind == "night_of":
        last = _weekday(published, compiled.weekday_of[_group(match, "weekday2") or ""], step)
        return last - dt.timedelta(days=1), last
    if kind in ("last_week", "this_week"):
        monday = published - dt.timedelta(days=published.weekday()) - dt.timedelta(days=7 if kind == "last_week" else 0)
        return monday, monday + dt.timedelta(days=6)
    if kind in ("month", "last_month"):
        if kind == "last_month":
            first_of_this = published.replace(day=1)
            end = first_of_this - dt.timedelta(days=1)
            return end.replace(day=1), end
        month = compiled.month_of[_group(match, "month") or ""]
        if year is None:
            year = published.year
            if not forward and month > published.month:
                year -= 1
            elif forward and month < published.month:
                year += 1
        first = dt.date(year, month, 1)
        return first, (first.replace(month=month % 12 + 1, year=year + month // 12) - dt.timedelta(days=1))
    if kind == "this_year":
        return dt.date(published.year, 1, 1), published
    return None


def _weekday(published: dt.date, weekday: int, step: int) -> dt.date:
    """The latest such weekday on or before the publication date (or the next one after it)."""
    if step < 0:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)


@lru_cache(maxsize=4096)
def _absolute(text: str, lang: str, published: dt.date | None) -> dt.date | None:
    """A day written in full, parsed by dateparser; a day after publication is taken from the year before."""
    import dateparser  # type: ignore[import-untyped]  # slow to import: only when a date needs it

    base = dt.datetime.combine(published, dt.time()) if published else None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(text, languages=[lang], settings=settings)
    if parsed is None:
        return None
    day: dt.date = parsed.date()
    if published is None and not regex.search(r"(?:19|20)\d{2}", text):
        return None
    if published is not None and day > published and not regex.search(r"(?:19|20)\d{2}", text):
        day = day.replace(year=day.year - 1)
    return day


_BLOCK_START = regex.compile(
    r"\n[ \t]*\n|(?<=\n|^)[ \t]*(?:[►▶•■◆⇒➤]|\+\+\+|\d{1,2}(?:[:.]\d{2}|[ \u00a0]?h[ \u00a0]?\d{2})\b)",
    regex.V1,
)


def blocks(text: str) -> list[int]:
    """Where paragraphs and live-blog items start: blank lines, bullets, timestamp lines."""
    return [0] + [m.start() for m in _BLOCK_START.finditer(text)]


def when_of(
    position: int, sentence: Sentence, dates: Sequence[DateMention], block_starts: Sequence[int]
) -> DateMention | None:
    """The date expression that governs a fact at `position` (see docs/ANNOTATION.md)."""
    inside = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
    if inside:
        before = [d for d in inside if d.end <= position]
        after = [d for d in inside if d.start >= position]
        nearest_before = min(before, key=lambda d: position - d.end) if before else None
        nearest_after = min(after, key=lambda d: d.start - position) if after else None
        return nearest_before or nearest_after
    block = max((b for b in block_starts if b <= sentence.start), default=0)
    earlier = [d for d in dates if block <= d.start and d.end <= sentence.start]
    return earlier[-1] if earlier else None
