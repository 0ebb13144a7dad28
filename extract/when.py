"""When a fact happened: date expressions found, resolved against the publication date.

Absolute dates ("24 octobre 2024", "November 6") are parsed by dateparser
(memoised per text, language and base date); the expressions it cannot read
("overnight into Sunday", "dans la nuit de samedi à dimanche", "since the
summer") are matched by the patterns in rules/<lang>/when.yaml and resolved here.
Which expression dates which fact follows docs/ANNOTATION.md.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field
from text_to_num import alpha2digit

from extract.budget import remaining
from extract.diskcache import cached
from extract.lexicon import BUILTIN_RULES_DIR, all_lexicons, link_line_opening, load_lexicon
from extract.patterns import AtEnd, alternation, at_end, caseless
from extract.starts import Alternations, compile_alternations
from extract.text import BULLETS, Sentence
from extract.yamlsource import read_yaml_file

Resolve = Literal[
    "date",
    "weekday",
    "today",
    "yesterday",
    "tomorrow",
    "overnight",
    "night_of",
    "last_week",
    "this_week",
    "month",
    "last_month",
    "this_month",
    "earlier_this_month",
    "part_of_month",
    "season",
    "year",
    "last_year",
    "next_year",
    "this_year",
    "later_this_year",
    "part_of_year",
    "since",
    "quarter",
    "half",
    "first_months",
    "month_range",
    "until_year",
    "night_of_date",
    "day_range",
    "weekday_range",
    "same_day",
    "part_of_that_month",
    "day_before_that",
    "day_after_that",
    "week_before_that",
    "week_to",
    "whole_year",
    "ago",
    "year_start",
    "year_end",
    "coming_weeks",
    "next_week",
    "next_month",
    "weekend",
    "past_days",
]
# Resolved against the last single day named before them ("le même jour", "la veille", "le lendemain",
# "dans la soirée"); without one, they date nothing.
ANCHORED: dict[Resolve, int] = {"same_day": 0, "day_before_that": -1, "day_after_that": 1}
# Resolved against the last date of their own size named before them ("the week before", "a principios de mes").
RELATIVE_TO_EARLIER: frozenset[Resolve] = frozenset({*ANCHORED, "part_of_that_month", "week_before_that"})
# Northern meteorological seasons: the month each starts in.
SEASON_START = (12, 3, 6, 9)


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
    # Winter, spring, summer, autumn.
    seasons: list[list[str]] = Field(
        default_factory=lambda: [list[str]() for _ in range(4)], min_length=4, max_length=4
    )
    # First … fourth: "the second quarter", "quatrième trimestre".
    ordinals: list[list[str]] = Field(
        default_factory=lambda: [list[str]() for _ in range(4)], min_length=4, max_length=4
    )
    # Early, mid, late: "early October", "mid-January", "fin octobre".
    parts: list[list[str]] = Field(default_factory=lambda: [list[str]() for _ in range(3)], min_length=3, max_length=3)
    # Right before a date, these make it about the future: "will meet on Monday", "next week".
    future: str = "(?!)"
    # Before a fact, these make it a forecast, to which only a date ahead carries from a sentence before; by default
    # the future words, less those with another sense (de "werden" of the passive: "zwei Bergsteiger werden vermisst").
    forecast: str | None = None
    # A clause starts after these (a date across one dates another clause): ",", "while", "said".
    clause_breaks: str = "(?!)"
    # Relative pronouns: a date inside ", which began in 2022," dates that clause only.
    relatives: str = "(?!)"
    # Words that make "since 1997" a comparison, not a date ("the worst flooding since 1997").
    not_since_after: str = "(?!)"
    # Words after which "overnight" names a rate, not a night ("overnight lending rate").
    not_overnight_before: str = "(?!)"
    # Right before a date, these tie it to a noun ("la misión creada en 1978", "el incendio declarado el sábado"):
    # the date says what the noun is and dates no fact, unless a number comes just before ("los 96 drones lanzados el").
    attributive: str = "(?!)"
    # Words that open a running total ("bringing the total to", "lo que eleva el total a"): a count right after
    # them sums every day before, so a date earlier in the sentence ("in the past 24 hours") does not date it.
    running_total: str = "(?!)"
    expressions: list[DatePattern] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    first: dt.date
    last: dt.date
    # An attributive date ("la misión creada en 1978") names what a noun is, and dates no fact.
    attributive: bool = False
    # Where the words that put the date ahead start ("pourrait l'abaisser … en décembre"), if any.
    ahead_from: int | None = None
    # Whether it is ahead of publication, by such words or by itself ("bis 2026", "d'ici 2026"): a forecast's date.
    ahead: bool = False


# A point or comma between digits ("12,9 %", "43.846") ends no clause.
_DECIMAL_POINT = r"(?<=\p{N})[,.](?=\p{N})"
# From future words up to a date or a fact, within the clause: a decimal point ("to 0.75% in December") does not end
# it, nor does an aside that only gives a number ("is expected to cut rates, to 4.25%, in December"); any other
# comma does ("seront déployés, a indiqué lundi" is last Monday).
_IN_CLAUSE_TO_END = rf"(?:[^.,;!?]|{_DECIMAL_POINT}|,\s*(?:\p{{L}}+\s+){{0,2}}\d[\d.,]*\s*(?:%|\p{{L}}+)?,){{0,40}}$"


@dataclass(frozen=True)
class _Compiled:
    # Every date expression of the language, in the order of rules/<lang>/when.yaml.
    expressions: Alternations
    resolve: list[Resolve]
    weekday_of: dict[str, int]
    month_of: dict[str, int]
    season_of: dict[str, int]
    part_of: dict[str, int]
    ordinal_of: dict[str, int]
    future: regex.Pattern[str]
    forecast: regex.Pattern[str]
    clause_break: regex.Pattern[str]
    relative: regex.Pattern[str]
    # ", down from 4.5% in August": a date inside dates the level compared with, not the sentence.
    comparison: regex.Pattern[str]
    not_since: regex.Pattern[str]
    # Searched from the end first: whether a window ends in one (few do) costs a sixth of finding where it starts.
    attributive: AtEnd
    running_total: AtEnd
    lang: str


def _words(groups: list[list[str]]) -> str:
    return alternation(word for group in groups for word in group) + r"(?![\p{L}])"


def _index(groups: list[list[str]], offset: int = 0) -> dict[str, int]:
    return {word.lower(): i + offset for i, group in enumerate(groups) for word in group}


@cache
def _compiled(lang: str, rules_dir: Path = BUILTIN_RULES_DIR) -> _Compiled | None:
    return cached("when", lang, (rules_dir,), lambda: _compile_when(lang, rules_dir))


def expression_patterns(lexicon: WhenLexicon) -> list[str]:
    """The regex of each date expression, its {weekday}, {month}, … filled in."""
    terms = {
        "weekday": _words(lexicon.weekdays),
        "month": _words(lexicon.months),
        "season": _words(lexicon.seasons),
        "part": _words(lexicon.parts),
        "ordinal": _words(lexicon.ordinals),
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?![\d])",
        "year": r"(?:19|20)\d{2}(?!\d)",
        "not_overnight_before": lexicon.not_overnight_before,
    }
    # "{day}" is a term; "\p{L}" is a Unicode property, left as it is.
    return [regex.sub(r"(?<!\\[pP])\{(\w+)\}", lambda m: terms[m.group(1)], e.pattern) for e in lexicon.expressions]


def _compile_when(lang: str, rules_dir: Path) -> _Compiled | None:
    path = rules_dir / lang / "when.yaml"
    if not path.is_file():
        return None
    lexicon = read_yaml_file(path).validate(WhenLexicon)
    return _Compiled(
        expressions=compile_alternations(r"\p{L}\p{N}", (expression_patterns(lexicon), r"(?![\p{L}\p{N}])")),
        resolve=[expression.resolve for expression in lexicon.expressions],
        weekday_of=_index(lexicon.weekdays),
        month_of=_index(lexicon.months, 1),
        season_of=_index(lexicon.seasons),
        part_of=_index(lexicon.parts),
        ordinal_of=_index(lexicon.ordinals, 1),
        future=caseless(rf"(?:{lexicon.future}){_IN_CLAUSE_TO_END}"),
        forecast=caseless(rf"(?:{lexicon.forecast or lexicon.future}){_IN_CLAUSE_TO_END}"),
        clause_break=caseless(lexicon.clause_breaks),
        relative=caseless(rf",\s*(?:{lexicon.relatives})\b(?:[^,;:.!?]|{_DECIMAL_POINT})*"),
        comparison=caseless(
            load_lexicon(lang, rules_dir).comparison_opening() + rf"(?:[^,;:.!?()]|{_DECIMAL_POINT})*"
        ),
        not_since=caseless(rf"(?:{lexicon.not_since_after})\b[^,;.!?]{{0,60}}$"),
        attributive=at_end(rf"(?<![\p{{L}}])(?:{lexicon.attributive})\s+"),
        running_total=at_end(rf"(?<![\p{{L}}])(?:{lexicon.running_total})(?:[^.;!?]|{_DECIMAL_POINT}){{0,60}}"),
        lang=lang,
    )


_NEWLINE = regex.compile(r"\n")
# Datelines date a page, not a fact: "KYIV, Nov. 17 (Reuters) -" (matched case-sensitively: under IGNORECASE,
# \p{Lu} is any letter, and full case-folding made each line cost 50 µs).
_DATELINE = r"^[ \t]*\p{Lu}[\p{Lu}\p{L} /.'’-]{1,40},[^\n()]{0,40}\([^)\n]{2,60}\)\s*[-–—]"


@cache
def _furniture(rules_dir: Path = BUILTIN_RULES_DIR) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Datelines, and lines of publication furniture in any language ("Publié le …", "Updated …", "Read more: …").

    One pattern for such a line at the start of the text, one for a newline followed by one (the line in group 1):
    searched for newlines, lines are tried only where they start (a search at every position cost 1 µs a character).
    """
    lexicons = all_lexicons(rules_dir)
    markers = alternation(word for lexicon in lexicons for word in lexicon.published_markers + lexicon.updated_markers)
    line = rf"(?-i:{_DATELINE})|^[ \t]*{markers}(?!\w)[^\n]*|^{link_line_opening(rules_dir)}[^\n]*"
    return caseless(line, regex.MULTILINE), caseless(rf"\n(?=({line}))", regex.MULTILINE)


# Counted things just before (a number, not a year or a numbered name such as "la résolution 1701",
# at most three words back in the same clause):
# "los 96 drones lanzados el domingo", "Von den 93 Drohnen, die … in der Nacht startete, …".
# Before a date that opens a sentence: at most two short words ("At the start of the month", "Au début du mois").
_OPENING = regex.compile(r"[^\p{L}\p{N}]*(?:\p{L}{1,3}\s+){0,2}")
_COMMA = regex.compile(r"\s*,")
_COUNTED = regex.compile(
    r"(?<![\p{N}.,]|\p{L}-)(?!\d{4}(?![\d.,]))\p{N}[^\s,;:.!?]*(?:[ \t\u00a0]+[^\s,;:.!?]+){0,3}[ \t\u00a0]*$", regex.V1
)


def _furniture_lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the lines of page furniture (they may overlap: a dateline may run on to the next line)."""
    at_start, after_newline = _furniture()
    first = at_start.match(text, timeout=remaining())
    if first is not None:
        yield first.span()
    for line in after_newline.finditer(text, timeout=remaining()):
        yield line.span(1)


def find_dates(
    text: str, lang: str, published: dt.date | None, headlines: Sequence[Sentence] = ()
) -> list[DateMention]:
    """Every date expression in `text` that can be resolved, in order (none in headlines)."""
    compiled = _compiled(lang)
    if compiled is None:
        return []
    furniture = list(_furniture_lines(text))
    furniture += [(h.start, h.end) for h in headlines]
    found: list[DateMention] = []
    for index, match in compiled.expressions.finditer(text):
        if any(s <= match.start() < e for s, e in furniture):
            continue
        window_start = max(0, match.start() - 60)
        window = text[window_start : match.start()]
        kind = compiled.resolve[index]
        if kind == "since" and compiled.not_since.search(window):
            continue
        cue = compiled.future.search(window)
        ahead_from = window_start + cue.start() if cue else match.start() if _group(match, "future") else None
        forward = ahead_from is not None
        if kind in RELATIVE_TO_EARLIER:
            span = _anchored(compiled, kind, match, found, published)
        else:
            span = _resolve(compiled, kind, match, published, forward)
        if span is not None:
            owner = compiled.attributive.search(window)
            # "los 96 drones lanzados el domingo": a participle of counted things dates the event after all.
            counted = owner is not None and _COUNTED.search(window, 0, owner.start()) is not None
            attributive = owner is not None and not counted
            ahead = forward or (published is not None and span[0] >= published and span[1] > published)
            found.append(DateMention(match.start(), match.end(), *span, attributive, ahead_from, ahead))
    return found


def _anchored(
    compiled: _Compiled, kind: Resolve, match: regex.Match[str], earlier: list[DateMention], published: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """Dates named relative to the last one before them.

    "La veille", "ese mismo día": a day from the last single day named; with none, the day before or after P
    ("Am Vortag" in a live blog is the day before its own), but no same day ("dans la soirée" at 11h30 is last
    night's); "the week before": the calendar week before the last one named, else before P's ("31 wounded last
    week and 18 the week before"); "a principios de mes": a part of the last date's month, else of P's.
    """
    if kind in ANCHORED:
        fallback = published if ANCHORED[kind] else None
        anchor = next((d.first for d in reversed(earlier) if d.first == d.last), fallback)
        if anchor is None:
            return None
        day = anchor + dt.timedelta(days=ANCHORED[kind])
        return day, day
    if kind == "week_before_that":
        named = (d.first for d in reversed(earlier) if d.first.weekday() == 0 and (d.last - d.first).days == 6)
        anchor = next(named, published)
        return None if anchor is None else _week_before(anchor)
    month = earlier[-1].last if earlier and earlier[-1].first.month == earlier[-1].last.month else published
    if month is None:
        return None
    first, last = month.replace(day=1), _month_end(month.year, month.month)
    part = compiled.part_of.get(_group(match, "part") or "", 0)
    starts = (first, first.replace(day=11), first.replace(day=21))
    ends = (first.replace(day=10), first.replace(day=20), last)
    return starts[part], ends[part]


def _group(match: regex.Match[str], name: str) -> str | None:
    value = match.group(name) if name in match.re.groupindex else None
    return value.lower() if value else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _latest_month(month: int, published: dt.date, forward: bool) -> int:
    """The year of the latest such month not after publication (or the next one, forward)."""
    if forward:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _resolve(
    compiled: _Compiled, kind: Resolve, match: regex.Match[str], published: dt.date | None, forward: bool
) -> tuple[dt.date, dt.date] | None:
    year_text = _group(match, "year")
    year = int(year_text) if year_text else None
    month = compiled.month_of.get(_group(match, "month") or "")
    if kind == "date":  # a "date" group leaves out words dateparser does not read ("ce jeudi 27 février")
        day = _absolute(
            match.group("date") if _group(match, "date") else match.group(), compiled.lang, published, forward
        )
        return (day, day) if day is not None else None
    if kind == "week_to":  # "in the week to November 15": the seven days that end on that date
        day = _absolute(match.group("date"), compiled.lang, published, forward)
        return (day - dt.timedelta(days=6), day) if day is not None else None
    if kind == "year" and year is not None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "part_of_year" and year is not None:
        part = compiled.part_of.get(_group(match, "part") or "", 0)
        return (
            (dt.date(year, 1, 1), dt.date(year, 4, 30)),
            (dt.date(year, 5, 1), dt.date(year, 8, 31)),
            (dt.date(year, 9, 1), dt.date(year, 12, 31)),
        )[part]
    if kind == "month_range":
        return _month_range(compiled, match, published)
    if published is None:
        return None
    if kind in ("quarter", "half"):
        months = 3 if kind == "quarter" else 6
        end_month = months * compiled.ordinal_of.get(_group(match, "ordinal") or "", 1)
        if end_month > 12:
            return None
        # The latest such part of a year begun by publication, or ahead the next one not yet over.
        year = year or _latest_month(end_month if forward else end_month - months + 1, published, forward)
        return dt.date(year, end_month - months + 1, 1), _month_end(year, end_month)
    if kind == "first_months":  # "the first nine months of the year": January to September of the latest year whose
        # September has begun (ahead: is not over)
        count = _count(compiled.lang, _group(match, "months") or "")
        if count is None or not 1 <= count <= 12:
            return None
        year = year or _latest_month(count, published, forward)
        return dt.date(year, 1, 1), _month_end(year, count)
    if kind == "until_year" and year is not None:
        return published, dt.date(year, 12, 31)
    if kind == "day_range":  # "from September 1 to 5": the month named last
        month = month or compiled.month_of.get(_group(match, "month1") or "")
    if kind in ("night_of_date", "day_range") and month is not None:
        return _days(compiled, match, year or _latest_month(month, published, forward), month, kind == "day_range")
    if kind == "since":
        first = _start_of(compiled, match, published, year, month)
        return (first, published) if first is not None and first <= published else None
    if kind in ("today", "yesterday", "tomorrow"):
        day = published + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[kind])
        return day, day
    if kind == "overnight":
        return published - dt.timedelta(days=1), published
    if kind == "weekday":
        day = _weekday(published, compiled.weekday_of[_group(match, "weekday") or ""], forward)
        return day, day
    if kind == "night_of":
        last = _weekday(published, compiled.weekday_of[_group(match, "weekday2") or ""], forward)
        return last - dt.timedelta(days=1), last
    if kind == "weekday_range":  # "from Monday to Wednesday": the last such Wednesday and the days before it
        first_weekday, last_weekday = (compiled.weekday_of[_group(match, n) or ""] for n in ("weekday1", "weekday2"))
        last = _weekday(published, last_weekday, forward)
        return last - dt.timedelta(days=(last_weekday - first_weekday) % 7), last
    if kind == "this_week":
        return _monday_of(published), published
    if kind == "last_week":
        return _week_before(published)
    if kind in ("this_month", "earlier_this_month"):
        first = published.replace(day=1)
        return first, published - dt.timedelta(days=1 if kind == "earlier_this_month" and published.day > 1 else 0)
    if kind == "last_month":
        end = published.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    if kind in ("month", "part_of_month") and month is not None:
        year = year or _latest_month(month, published, forward)
        first, last = dt.date(year, month, 1), _month_end(year, month)
        if kind == "part_of_month":
            part = compiled.part_of.get(_group(match, "part") or "", 0)
            return (
                (first, first.replace(day=10)),
                (first.replace(day=11), first.replace(day=20)),
                (first.replace(day=21), last),
            )[part]
        return first, last
    if kind == "season":
        return _season(compiled.season_of[_group(match, "season") or ""], published, forward, year)
    if kind in ("last_year", "next_year"):
        year = published.year + (-1 if kind == "last_year" else 1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "this_year":
        return dt.date(published.year, 1, 1), published
    if kind == "whole_year":
        return dt.date(published.year, 1, 1), dt.date(published.year, 12, 31)
    if kind == "ago":  # "five weeks ago", "il y a trois semaines", "hace dos meses", "vor einem Jahr"
        day = _ago(match.group(), compiled.lang, published)
        return (day, day) if day is not None else None
    if kind == "year_start":  # "zum Jahresbeginn": January
        year = published.year + (1 if forward else 0)
        return dt.date(year, 1, 1), dt.date(year, 1, 31)
    if kind == "year_end":  # "bis zum Jahresende": 31 December of this year
        return dt.date(published.year, 12, 31), dt.date(published.year, 12, 31)
    if kind == "next_week":
        monday = _next_monday(published)
        return monday, monday + dt.timedelta(days=6)
    if kind == "next_month":
        first = _month_end(published.year, published.month) + dt.timedelta(days=1)
        return first, _month_end(first.year, first.month)
    if kind == "coming_weeks":  # "in den kommenden Wochen": the next three weeks, Monday to Sunday
        monday = _next_monday(published)
        return monday, monday + dt.timedelta(days=20)
    if kind == "weekend":  # "over the weekend", "ce week-end": the Saturday and Sunday last begun (or next, ahead)
        saturday = _weekday(published, 5, forward)
        return saturday, saturday + dt.timedelta(days=1)
    if kind == "past_days":  # "in the past week", "los últimos diez días": the days up to publication
        days = _past_days(compiled.lang, _group(match, "days"), _group(match, "weeks"))
        if days is None:
            return None
        span = dt.timedelta(days=days)
        return (published, published + span) if forward else (published - span, published)
    if kind == "later_this_year":
        return published + dt.timedelta(days=1), dt.date(published.year, 12, 31)
    return None


def _month_range(
    compiled: _Compiled, match: regex.Match[str], published: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """ "de septembre 2023 à juin 2024": the first day of one month to the last of the other."""
    first_month = compiled.month_of.get(_group(match, "month1") or "")
    last_month = compiled.month_of.get(_group(match, "month2") or "")
    last_year = int(_group(match, "year2") or 0) or (published.year if published else 0)
    first_year = int(_group(match, "year1") or 0) or (
        last_year if (first_month or 0) <= (last_month or 0) else last_year - 1
    )
    if first_month is None or last_month is None or not last_year:
        return None
    return dt.date(first_year, first_month, 1), _month_end(last_year, last_month)


def _days(
    compiled: _Compiled, match: regex.Match[str], year: int, month: int, whole: bool
) -> tuple[dt.date, dt.date] | None:
    """The days from `day1` (of `month1`, else of the same month) to `day2`; for a night (not `whole`), the day
    before `day2` to it. None for a day the month does not have ("the night of Sept. 30-31").
    """
    first_month = compiled.month_of.get(_group(match, "month1") or "", month)
    try:
        last = dt.date(year, month, int(_group(match, "day2") or 1))
        first = dt.date(year - (first_month > month), first_month, int(_group(match, "day1") or 1))
    except ValueError:
        return None
    if not whole:
        return last - dt.timedelta(days=1), last
    return (first, last) if first <= last else None


def _start_of(
    compiled: _Compiled, match: regex.Match[str], published: dt.date, year: int | None, month: int | None
) -> dt.date | None:
    """The first day of what "since …" names: a year, a month, a season, a weekday or a day."""
    season = _group(match, "season")
    if season is not None:
        return _season(compiled.season_of[season], published, False, year)[0]
    part = compiled.part_of.get(_group(match, "part") or "", 0)  # "depuis la fin septembre": from the 21st
    if month is not None:
        return dt.date(year or _latest_month(month, published, False), month, (1, 11, 21)[part])
    if year is not None:
        return dt.date(year, (1, 5, 9)[part], 1)
    weekday = _group(match, "weekday")
    if weekday is not None:
        return _weekday(published, compiled.weekday_of[weekday], False)
    day = _group(match, "sinceday")
    if day is not None:
        return _absolute(day, compiled.lang, published, False)
    return None


def _season(index: int, published: dt.date, forward: bool, year: int | None) -> tuple[dt.date, dt.date]:
    """The season of `year`, else the last one to start by publication; ahead, the next one not yet over
    ("will send troops in the spring" in mid-March is this spring)."""
    start_month = SEASON_START[index]
    if year is not None:
        start = dt.date(year - (1 if start_month == 12 else 0), start_month, 1)
    else:
        start = dt.date(published.year, start_month, 1)
        while start > published:
            start = start.replace(year=start.year - 1)
        if forward and _season_end(start) < published:
            start = start.replace(year=start.year + 1)
    return start, _season_end(start)


def _season_end(start: dt.date) -> dt.date:
    end_month = (start.month + 1) % 12 + 1
    return _month_end(start.year + (1 if end_month < start.month else 0), end_month)


def _monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week_before(day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar week (Monday to Sunday) before the one that holds `day`."""
    monday = _monday_of(day)
    return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)


def _next_monday(published: dt.date) -> dt.date:
    """The Monday that opens the week after publication."""
    return published + dt.timedelta(days=7 - published.weekday())


def _weekday(published: dt.date, weekday: int, forward: bool) -> dt.date:
    """The latest such weekday on or before the publication date (or the next one after it)."""
    if not forward:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)


def _parsed_day(text: str, lang: str, published: dt.date | None, settings: Mapping[str, object]) -> dt.date | None:
    """The day dateparser reads in `text`, relative words counted from the publication date."""
    import dateparser  # slow to import: only when a date needs it

    relative = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time())} if published is not None else {}
    parsed = dateparser.parse(text, languages=[lang], settings={**settings, **relative})
    return None if parsed is None else parsed.date()


def _past_days(lang: str, days: str | None, weeks: str | None) -> int | None:
    """How many days "the past N days" or "the past N weeks" (a week without a count) spans; None for "a few"."""
    written = days or weeks
    count = _count(lang, written) if written else 1
    return None if count is None else count * (1 if days else 7)


def _count(lang: str, written: str) -> int | None:
    """A count in digits or words ("nine", "neuf", "nueve", "neun"); None for "a few"."""
    count = alpha2digit(written, lang, threshold=0)
    return int(count) if count.isdigit() else None


@lru_cache(maxsize=1024)
def _ago(text: str, lang: str, published: dt.date) -> dt.date | None:
    """The day a count of days, weeks, months or years before publication names; None when dateparser cannot read
    it ("a few weeks ago"). Number words become digits first: dateparser reads "tres semanas" but not "dos meses"."""
    day = _parsed_day(alpha2digit(text, lang, threshold=0), lang, published, {})
    return day if day is not None and day < published else None


@lru_cache(maxsize=4096)
def _absolute(text: str, lang: str, published: dt.date | None, forward: bool) -> dt.date | None:
    """A day written in full, parsed by dateparser; without a year, the one that fits the publication date."""
    settings = {"PREFER_DATES_FROM": "future" if forward else "past", "REQUIRE_PARTS": ["day", "month"]}
    day = _parsed_day(text, lang, published, settings)
    if day is None:
        return None
    if regex.search(r"(?:19|20)\d{2}", text):
        return day
    if published is None:
        return None
    if not forward and day > published:
        day = day.replace(year=day.year - 1)
    elif forward and day < published:
        day = day.replace(year=day.year + 1)
    return day


_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
# A line that starts a live-blog item: a bullet, "+++", a time ("14:05", "9h30").
_ITEM = rf"[ \t]*(?:[{BULLETS}]|\+\+\+|\d{{1,2}}(?:[:.]\d{{2}}|[ \u00a0]?h[ \u00a0]?\d{{2}})\b)"
_ITEM_LINE = regex.compile(_ITEM, regex.V1)
# Where a block starts after a newline: a blank line (at its first newline; an item line may follow it, in `item`),
# or an item line (just after the newline). Searched from newline to newline: a lookbehind for line starts
# would be tried at every character.
_BLOCK_BREAK = regex.compile(rf"\n[ \t]*\n(?=(?P<item>{_ITEM})?)|\n(?={_ITEM})", regex.V1)
_TERMINAL = tuple('.!?…:»”")')


def paragraph_start(block_starts: Sequence[int], position: int, paragraphs: int = 1) -> int:
    """Where the paragraph holding `position` starts, or the one `paragraphs` - 1 before it (0 before the first).

    `block_starts` as blocks() gives them (ascending).
    """
    index = bisect_right(block_starts, position) - paragraphs
    return block_starts[index] if index >= 0 else 0


def blocks(text: str) -> list[int]:
    """Where paragraphs and live-blog items start: blank lines, bullets, timestamp lines.

    A text without a blank line (as scrapers often leave it) has a paragraph per line.
    """
    if not _BLANK_LINE.search(text, timeout=remaining()):
        return [0] + [m.end() for m in _NEWLINE.finditer(text, timeout=remaining())]
    found = [0, 0] if _ITEM_LINE.match(text, timeout=remaining()) else [0]
    for match in _BLOCK_BREAK.finditer(text, timeout=remaining()):
        if match.end() - match.start() == 1:
            found.append(match.end())
        else:
            found.append(match.start())
            if match.group("item") is not None:
                found.append(match.end())
    return found


def headlines(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences that are a whole line without end punctuation: titles, not reporting."""
    found = []
    for sentence in sentences:
        own = text[sentence.start : sentence.end].strip(" " + BULLETS)
        if own.endswith(_TERMINAL):
            continue  # so would the line it is all of
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line_end = text.find("\n", sentence.end)
        if text[line_start : len(text) if line_end < 0 else line_end].strip().strip(" " + BULLETS) == own:
            found.append(sentence)
    return found


def when_of(
    text: str,
    span: tuple[int, int],
    sentence: Sentence,
    dates: Sequence[DateMention],
    block_starts: Sequence[int],
    lang: str,
) -> DateMention | None:
    """The date expression that governs the fact at `span` (see docs/ANNOTATION.md).

    `dates` as find_dates gives them (in order, none overlapping), `block_starts` as blocks() does (ascending).
    """
    position, end = span
    compiled = _compiled(lang)
    within = dates[bisect_left(dates, sentence.start, key=_START) : bisect_right(dates, sentence.end, key=_END)]
    inside = [d for d in within if not d.attributive and not _ahead_elsewhere(compiled, text, d, position)]
    if inside and compiled is not None:
        clauses = _relative_clauses(compiled, text, sentence)
        own = next((clause for clause in clauses if clause[0] <= position < clause[1]), None)
        visible = [d for d in inside if _visible(d, own, clauses)]
        if not visible and own is not None:  # a relative clause without a date of its own takes the sentence's
            visible = [d for d in inside if _visible(d, None, clauses)]
        inside = visible
    total = _running_total(compiled, text, sentence, position)
    if total is not None:
        # A running total is dated by a date in its own words or after them, or by the day it was reached
        # ("on Sunday, bringing the toll to nine"); not by the period of the increment ("in the past 24 hours").
        inside = [d for d in inside if d.start >= total or d.first == d.last]
        if not inside:
            return None
    if inside:
        same_clause = [d for d in inside if compiled is not None and not _broken(compiled, text, d, position)]
        if not same_clause:
            last_before = [d for d in inside if d.end <= position][-1:]
            same_clause = [d for d in last_before if _fronted(text, sentence, d)]
        # The nearest date of the fact's own clause (or of the clauses a fronted date opens), else of the sentence;
        # a tie goes to the one before.
        return min(same_clause or inside, key=lambda d: (_distance(text, d, position, end), d.start > position))
    block = paragraph_start(block_starts, sentence.start)
    earlier = dates[bisect_left(dates, block, key=_START) : bisect_right(dates, sentence.start, key=_END)]
    last = next((d for d in reversed(earlier) if not d.attributive), None)
    # A date ahead dates a forecast, and a forecast no date behind: the last date carries only to a fact of its tense
    # ("va supprimer 2 500 postes d'ici 2026. Le chômage a reculé à 7,3 %" gives the 7,3 % none).
    if compiled is None or last is None:
        return last
    forecast = compiled.forecast.search(text, max(sentence.start, position - 60), position) is not None
    return last if last.ahead == forecast else None


def _fronted(text: str, sentence: Sentence, date: DateMention) -> bool:
    """A date that opens its sentence and a comma sets off dates what follows up to the next date, not a claim further
    on ("Early this month, Germany sent 500 troops, a spokesman said on Thursday")."""
    return _OPENING.fullmatch(text, sentence.start, date.start) is not None and _COMMA.match(text, date.end) is not None


# One short word between a fact and a date after it: "2,3 millions en septembre", "2.3 million in September".
_PREPOSITION_GAP = regex.compile(r"\s+\p{Ll}{1,3}\s+")
_START = attrgetter("start")
_END = attrgetter("end")


def _distance(text: str, date: DateMention, start: int, end: int) -> int:
    """How far a date is from a fact: "rose to 3% in January from 2.5% in December" puts December nearer the 2.5%.

    A date right after the fact but for a preposition is next to it ("de 2,2 millions en juin à 2,3 millions en
    septembre": September, not June, dates the 2,3 millions).
    """
    if date.end <= start:
        return start - date.end
    return 1 if _PREPOSITION_GAP.fullmatch(text, end, date.start) else max(0, date.start - end)


def _relative_clauses(compiled: _Compiled, text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The relative clauses of a sentence, but those set between a count and its verb; and its comparisons."""
    relatives = compiled.relative.finditer(text, sentence.start, sentence.end, timeout=remaining())
    comparisons = compiled.comparison.finditer(text, sentence.start, sentence.end, timeout=remaining())
    return [clause.span() for clause in relatives if not _about_a_count(text, sentence, clause)] + [
        comparison.span() for comparison in comparisons
    ]


def _about_a_count(text: str, sentence: Sentence, clause: regex.Match[str]) -> bool:
    """A relative clause set between a count and its verb ("Von den 93 Drohnen, die … in der Nacht startete,
    wurden 71 abgeschossen") dates the count."""
    embedded = text.startswith(",", clause.end()) and clause.end() < sentence.end
    return embedded and _COUNTED.search(text, sentence.start, clause.start(), timeout=remaining()) is not None


def _running_total(compiled: _Compiled | None, text: str, sentence: Sentence, position: int) -> int | None:
    """Where the running total that holds the count at `position` opens, if it is one."""
    if compiled is None:
        return None
    found = compiled.running_total.search(text, max(sentence.start, position - 160), position)
    return None if found is None else found.start()


def _visible(date: DateMention, own: tuple[int, int] | None, clauses: Sequence[tuple[int, int]]) -> bool:
    """A date in a relative clause ("…, which began in 2022, …") dates only that clause."""
    if own is not None:
        return own[0] <= date.start < own[1]
    return not any(start <= date.start < end for start, end in clauses)


def _broken(compiled: _Compiled, text: str, date: DateMention, position: int) -> bool:
    low, high = (date.end, position) if date.end <= position else (position, date.start)
    return _break_between(compiled, text, low, high)


def _break_between(compiled: _Compiled, text: str, low: int, high: int) -> bool:
    return compiled.clause_break.search(text, low, high, timeout=remaining()) is not None


def _ahead_elsewhere(compiled: _Compiled | None, text: str, date: DateMention, position: int) -> bool:
    """A date put ahead by words in a later clause dates that clause, not a fact before it ("maintenu à 3,25 %, mais
    pourrait l'abaisser en décembre"); in the same clause it dates the subject of the future verb ("3.000 soldats
    seront déployés en décembre")."""
    ahead_from = date.ahead_from
    if compiled is None or ahead_from is None or position >= ahead_from:
        return False
    return _break_between(compiled, text, position, ahead_from)
