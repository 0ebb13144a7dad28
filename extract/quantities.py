"""The quantity layer: numbers with their qualifier, unit, range and counted noun.

Everything language-specific comes from the lexicon; this module only knows how
numbers are put together. Offsets always index the original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import regex
from text_to_num import text2num

from extract.budget import check, remaining
from extract.diskcache import cached
from extract.lexicon import BUILTIN_RULES_DIR, Lexicon, RangeForm, load_lexicon
from extract.patterns import DAY_OF_MONTH, SPACES, AtEnd, alternation, at_end, caseless
from schemas import Quantity, QuantityMention, Span

# The end of a word that is not the first half of a compound ("20 Euro-Länder").
WORD_END = r"(?![\p{L}\p{N}]|-\p{L})"
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
# A time unit and the next smaller one, written together as one span ("two hours and 30 minutes"): how many of the
# smaller make one of the larger.
SUBUNITS = {("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60}
OPEN_QUOTES = "\"“«‘'"
CLOSE_QUOTES = "\"”»’'"
# Compiled once: regex's own cache costs more than most of the matches below.
_SPACE_RUN = regex.compile(r"[ \u00a0\u202f]+")
_LETTERS = regex.compile(r"[\p{L}]+")
_DIGIT_RUN = regex.compile(r"\d+")
_LETTER = regex.compile(r"[\p{L}]")
_YEAR = regex.compile(r"(?:1[89]|20)\d{2}")
# A fraction after a whole number, by itself or set off by a space or hyphen: "7½ years", "7-1/2 years", "2 3/4 miles".
_VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
_NEXT_WORD = regex.compile(rf"[{SPACES}]+([\p{{L}}][\p{{L}}'’-]*)")
# The words right after a number, up to anything else (a digit, a punctuation mark).
_NOUN_WORDS = regex.compile(r"(?:[\s\"”»’]*(?P<word>[\p{L}][\p{L}'’-]*))*")


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity mention; start/end cover qualifier, number and unit words."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    modifier: str = "exact"
    noun: str | None = None
    direction: str | None = None
    currency: str | None = None
    tag: str | None = None
    fraction: bool = False
    scale: float = 1.0

    def quantity_fields(self, unit: str | None = None) -> dict[str, Any]:
        """The fields of its `Quantity` (with `unit` for its own), validated with the fact they go into."""
        return {
            "value": _tidy(self.value),
            "low": _tidy(self.low),
            "high": _tidy(self.high),
            "unit": unit if unit is not None else self.unit,
            "modifier": self.modifier,
        }


def _tidy(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else round(number, 6)


@dataclass(frozen=True)
class _Lead:
    """The lead of the non-quantities (see `_not_quantities`) as three searches that end where a digit starts."""

    exists: regex.Pattern[str]  # reversed: whether a lead ends at endpos
    longest: regex.Pattern[str]  # reversed, leftmost-longest: where the longest one starts
    at_end: regex.Pattern[str]  # forwards, overlapped: every start of one that ends at endpos


@dataclass(frozen=True)
class _Compiled:
    lexicon: Lexicon
    core: regex.Pattern[str]
    core_start: regex.Pattern[str]
    excluded: regex.Pattern[str]
    excluded_in_run: regex.Pattern[str]
    excluded_lead: _Lead
    qualifier_before: AtEnd
    qualifier_blockers: Mapping[str, AtEnd]
    period_qualifiers: frozenset[str]
    period_opener: AtEnd
    list_joiner: regex.Pattern[str] | None
    comparison: regex.Pattern[str] | None
    change_from: AtEnd | None
    change_by: AtEnd | None
    change_verb: AtEnd | None
    range_noun: AtEnd | None
    qualifier_after: regex.Pattern[str]
    half_after: regex.Pattern[str]
    compound_joiner: regex.Pattern[str] | None
    qualifier_modifier: Mapping[str, str]
    post_modifier: Mapping[str, str]
    scale_after: regex.Pattern[str]
    scales: dict[str, float]
    unit_after: regex.Pattern[str]
    unit_of_form: dict[str, tuple[str, str | None]]
    unit_before: AtEnd
    prefix_unit_of_form: dict[str, str]
    prefix_blocker: AtEnd
    # A rate written before the number ("cada día 1.000 soldados", "every day 1,000") is no unit prefix.
    rate_before: AtEnd
    rate_after: regex.Pattern[str]
    rate_of_form: dict[str, str]
    currency_before: regex.Pattern[str]
    currency_after: regex.Pattern[str]
    currency_of_form: dict[str, str]
    direction_before: AtEnd
    direction_of_form: Mapping[str, str]
    identifier_before: AtEnd
    year_before: AtEnd
    ranges: list[tuple[AtEnd | None, regex.Pattern[str]]]
    changes: list[tuple[AtEnd | None, regex.Pattern[str]]]
    phrase_value: dict[str, tuple[float | None, float | None, str | None, str, bool]]
    noun_stop: frozenset[str]
    not_alone: frozenset[str]
    counted_one: regex.Pattern[str] | None
    leading_connector: regex.Pattern[str]
    ordinal_after: regex.Pattern[str]
    article_one: AtEnd
    number_words: frozenset[str]


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """A phrase as the lexicon tables are keyed (words and forms: short strings, many repeated)."""
    return _SPACE_RUN.sub(" ", text.replace("’", "'")).lower()


@cache
def compiled_for(lang: str) -> _Compiled:
    return cached("quantities", lang, (BUILTIN_RULES_DIR,), lambda: _compile(load_lexicon(lang)))


def _compile(lex: Lexicon) -> _Compiled:
    phrase_value: dict[str, tuple[float | None, float | None, str | None, str, bool]] = {}
    for amount in lex.amounts:
        phrase_value[_key(amount.phrase)] = (amount.value, None, amount.unit, amount.modifier, False)
    for phrase, value in lex.fractions.items():
        phrase_value[_key(phrase)] = (value, None, None, "exact", True)
    for phrase, low in lex.vague.items():
        phrase_value[_key(phrase)] = (None, low, None, "vague", False)

    words = alternation(lex.number_words)
    if lex.number_word_compounds:
        words = f"(?:{words})+"
    # Where a number word ends: before anything but a letter or a digit, or before a unit word run into it.
    suffixes = alternation(lex.number_word_suffixes) if lex.number_word_suffixes else "(?!)"
    joiners = alternation(lex.number_word_joiners)
    groups = "".join(regex.escape(s) for s in lex.group_separators)
    digits = (
        rf"(?<![\p{{N}}])(?<![\p{{L}}][\-‑])(?<![\p{{L}}])"
        rf"(?P<whole>\d{{1,3}}(?:(?P<sep>[{groups}])\d{{3}}(?:(?P=sep)\d{{3}})*)(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
        rf"(?:[ \u00a0\-‑]?(?P<fraction>{alternation(_VULGAR_FRACTIONS)})(?![\p{{N}}/]))?"
        rf"(?![\p{{N}}])"
    )
    # An article read as one where a `counted_one` pattern counts it ("a ballistic missile and 40 drones").
    articles = alternation(lex.article_one) if lex.article_one and lex.counted_one else "(?!)"
    core = caseless(
        rf"(?P<phrase>{alternation(phrase_value, boundary=True)})"
        rf"|(?P<words>(?<![\p{{L}}\p{{N}}-]){words}(?:(?:{joiners}){words})*(?:(?![\p{{L}}\p{{N}}])|(?={suffixes})))"
        rf"|(?P<digits>{digits})"
        rf"|(?P<article>(?<![\p{{L}}\p{{N}}-]){articles}(?= ))"
    )

    # Every alternative of `core` begins after a character that is neither a letter nor a
    # digit (or at the start of the text), with a digit or with the first characters of a
    # phrase or number word: the first pieces of its own pattern, compiled the same way. The
    # first character alone is a quicker test that rules most words out.
    starts = [*phrase_value, *lex.number_words, *(f"{a} " for a in lex.article_one if lex.counted_one)]
    firsts, prefixes = (alternation({p[:n] for p in starts}) for n in (1, 3))
    core_start = caseless(rf"[^\p{{L}}\p{{N}}](?=\d|{firsts})(?=\d|{prefixes})")
    excluded, lead = _not_quantities(lex)

    qualifier_modifier = {_key(q): m for m, qs in lex.qualifiers.items() for q in qs}
    post_modifier = {_key(q): m for m, qs in lex.post_qualifiers.items() for q in qs}
    scales = {s: v for s, v in lex.scales.items()}
    unit_of_form = {_key(f): (u.unit, u.tag) for u in lex.units for f in u.forms}
    prefix_unit_of_form = {_key(f): u.unit for u in lex.unit_prefixes for f in u.forms}
    rate_of_form = {_key(f): unit for unit, forms in lex.rates.items() for f in forms}
    currency_of_form: dict[str, str] = {}
    symbols: list[str] = []
    currency_words: list[str] = []
    for code, forms in lex.currencies.items():
        for symbol in forms.symbols:
            currency_of_form[_key(symbol)] = code
            symbols.append(symbol)
        for word in forms.words:
            currency_of_form[_key(word)] = code
            currency_words.append(word)
    direction_of_form = {_key(f): d for d, fs in lex.directions.items() for f in fs}

    def after(phrases: Iterable[str], gap: str = f"[{SPACES}]?", then: str = "") -> regex.Pattern[str]:
        attached = [p for p in phrases if p[:1] in "-‑" or p[:1] == " "]
        spaced = [p for p in phrases if p not in attached]
        alternatives = []
        if attached:
            alternatives.append(alternation(attached) + r"(?![\p{L}\p{N}])")
        if spaced:
            alternatives.append(f"{gap}" + alternation(spaced) + WORD_END)
        return caseless("(?:" + "|".join(alternatives or ["(?!)"]) + ")" + then)

    unit_forms = [f for u in lex.units for f in u.forms]
    unit_pattern = (
        "(?:"
        + "|".join(
            [
                alternation([f for f in unit_forms if f[:1] in "- "]) + r"(?![\p{L}\p{N}])",
                f"[{SPACES}]?(?:%|‰)",
                f"[{SPACES}]?" + alternation([f for f in unit_forms if f[:1] not in "- %"]) + WORD_END,
            ]
        )
        + ")"
    )
    unit_after = regex.compile(unit_pattern, regex.V1) if lex.units_case_sensitive else caseless(unit_pattern)
    return _Compiled(
        lexicon=lex,
        core=core,
        core_start=core_start,
        excluded=excluded,
        excluded_in_run=regex.compile(rf"\d*?(?=(?P<found>{excluded.pattern}))", regex.V1),
        excluded_lead=_Lead(
            exists=regex.compile(f"(?r){lead}", regex.V1),
            longest=regex.compile(f"(?rp){lead}", regex.V1),
            at_end=regex.compile(rf"{lead}\Z", regex.V1),
        ),
        qualifier_before=_right_before(qualifier_modifier, then=lex.qualifier_gap),
        qualifier_blockers={_key(q): _right_before(words) for q, words in lex.qualifier_blockers.items()},
        period_qualifiers=frozenset(_key(q) for q in lex.period_qualifiers),
        period_opener=_right_before(lex.period_openers),
        list_joiner=_joiner(lex.list_joiners),
        comparison=_comparison(lex),
        change_from=_right_before(lex.change_from) if lex.change_from else None,
        change_by=_right_before(lex.change_by) if lex.change_by else None,
        change_verb=_somewhere_before(lex.change_verbs) if lex.change_verbs else None,
        range_noun=_right_before(lex.range_nouns) if lex.range_nouns else None,
        qualifier_after=after(post_modifier, gap=f"[{SPACES}]+"),
        half_after=after(lex.and_a_half, gap=f"[{SPACES}]+"),
        compound_joiner=_joiner(lex.compound_joiners),
        qualifier_modifier=qualifier_modifier,
        post_modifier=post_modifier,
        scale_after=regex.compile(rf"[{SPACES}]?(?P<scale>{alternation(scales)})(?![\p{{L}}\p{{N}}])"),
        scales={_key(s): v for s, v in scales.items()} | scales,
        unit_after=unit_after,
        unit_of_form=unit_of_form,
        unit_before=_right_before(prefix_unit_of_form),
        prefix_unit_of_form=prefix_unit_of_form,
        prefix_blocker=_right_before(lex.unit_prefix_blockers),
        rate_before=_right_before(rate_of_form),
        rate_after=after(
            rate_of_form,
            gap=f"[{SPACES}]+",
            then=rf"(?![{SPACES}]+{alternation(lex.rate_blockers, boundary=True)})" if lex.rate_blockers else "",
        ),
        rate_of_form=rate_of_form,
        # A symbol that is a word starts one ("Rs 500", not the "rs" of "49ers 27-24").
        currency_before=caseless(
            rf"(?:(?<![\p{{L}}\p{{N}}])|(?!\p{{L}}))(?P<form>{alternation(symbols)})[{SPACES}]?$"
        ),
        currency_after=after(symbols + currency_words),
        currency_of_form=currency_of_form,
        direction_before=_right_before(direction_of_form),
        direction_of_form=direction_of_form,
        identifier_before=_right_before(lex.identifier_prefixes),
        year_before=_right_before(lex.year_prefixes + lex.months),
        ranges=_between(lex.ranges),
        changes=_between(lex.changes),
        phrase_value=phrase_value,
        noun_stop=frozenset(_key(w) for w in lex.noun_stop_words),
        not_alone=frozenset(_key(w) for w in lex.not_alone),
        counted_one=caseless("|".join(f"(?:{p})" for p in lex.counted_one)) if lex.counted_one else None,
        ordinal_after=_ordinal_after(lex),
        leading_connector=caseless(
            rf"(?:{alternation(lex.number_word_connectors)})[{SPACES}]+"
            if lex.number_word_connectors
            else "(?!)"
        ),
        article_one=_right_before(lex.article_one),
        number_words=frozenset(_key(w) for w in lex.number_words),
    )


def _ordinal_after(lex: Lexicon) -> regex.Pattern[str]:
    """What follows the digits of an ordinal: "47.ª", "3.er", "1º" or, in German, "47. Brigade"."""
    marks = [s for s in lex.ordinal_suffixes if not s[:1].isalpha() and s != "."]
    forms = [alternation(marks) + r"(?![\p{L}\p{N}])"] if marks else []
    if lex.ordinal_dot:
        # A number word starts a sentence too: "von 45 auf 38. Zwei Verletzte erlagen …".
        number_words = [word[:1].upper() + word[1:] for word in lex.number_words]
        starters = alternation([*lex.sentence_starters, *number_words], boundary=True)
        # Not a count after a label, which ends its sentence: "eingeschlagen: 5. Betroffen seien …".
        forms.append(rf"(?<!:[ \u00a0]*\d{{1,3}})\.[ \u00a0]+(?!{starters})[\p{{L}}\p{{N}}]")
    return regex.compile("|".join(forms) or "(?!)", regex.V1)


def _not_quantities(lex: Lexicon) -> tuple[regex.Pattern[str], str]:
    """Dates, times, year spans and phone numbers: digits that are never amounts.

    Also the lead: what can come before the first digit of one of them (a weekday, a month,
    "+" or "("). Every alternative starts with a digit or with the lead right before a digit,
    so that the pattern need only be tried there (see `_excluded_spans`).
    """
    month_forms = [m if m[:1].isupper() else f"(?i:{regex.escape(m)})" for m in lex.months]
    # A whole word: "tiene 42 años" holds no "ene 42" (enero), "Omar 12" no "mar 12". A day is no thousands group's
    # head: "im September 4.000 Drohnen".
    months = r"(?<![\p{L}])(?:" + "|".join(sorted(month_forms, key=len, reverse=True)) + r")\.?(?![\p{L}])"
    weekdays = alternation(lex.weekdays, boundary=True)
    ordinal = f"(?:{alternation(lex.ordinal_suffixes)})?"
    joiner = f"(?:{alternation(lex.date_joiners)}[ \u00a0]+)?"
    separators = "".join(regex.escape(s) for s in lex.time_separators)
    suffix = alternation(lex.time_suffixes)
    hours = alternation([f for u in lex.units if u.unit == "hour" for f in u.forms])
    prefixes = alternation(lex.time_prefixes, boundary=True) if lex.time_prefixes else "(?!)"
    space = "[ \u00a0]"
    day = rf"(?<!\d){DAY_OF_MONTH}{ordinal}"
    month_day = rf"{months}{space}+{day}(?!\d|[.,\u00a0 \u202f]\d{{3}}(?!\d))(?:{space}*,?{space}*\d{{4}})?"
    pattern = regex.compile(
        "|".join(
            [
                r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?",
                r"(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)",
                rf"(?<!\d)\d{{1,2}}{space}?[{separators}]{space}?\d{{2}}(?!\d)(?:{space}?{suffix}(?![\p{{L}}]))?",
                rf"(?<!\d)\d{{1,2}}{space}?{suffix}(?![\p{{L}}])",
                rf"(?<={prefixes}{space}+)\d{{1,2}}(?:[{separators}]\d{{2}})?{space}*{hours}(?![\p{{L}}])",
                rf"(?<![\d,.])(?:{weekdays}[ \u00a0,]+)?{day}{space}+{joiner}{months}(?:[ \u00a0,]+\d{{4}})?",
                month_day if lex.month_before_day else "(?!)",
                rf"{months}{space}+\d{{4}}",
                r"\+\d[\d \u00a0.-]{7,}\d",
                r"(?<!\d)\(?0\d\)?(?:[ .-]\d{2}){4}(?!\d)",
                r"(?<!\d)\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)",
                r"(?<!\d)(?:1[89]|20)\d{2}[-–/](?:(?:1[89]|20)\d{2}|\d{2})(?!\d)",
            ]
        ),
        regex.V1,
    )
    return pattern, rf"(?:{weekdays}[ \u00a0,]+|{months}{space}+|\+|\()"


def parse_digits(text: str, lex: Lexicon) -> float:
    """Read a digit string in the language's conventions ("11 000", "1,5", "10'000", "2.5")."""
    separators = [(i, c) for i, c in enumerate(text) if not c.isdigit()]
    if not separators:
        return float(text)
    last_pos, last_char = separators[-1]
    decimals = len(text) - last_pos - 1
    same = sum(1 for _, c in separators if c == last_char)
    is_decimal = last_char in ".," and same == 1 and (decimals != 3 or last_char == lex.decimal_separator)
    if is_decimal and len(separators) > 1 and separators[-2][1] == last_char:
        is_decimal = False
    if is_decimal:
        whole = "".join(c for c in text[:last_pos] if c.isdigit())
        return float(f"{whole or '0'}.{text[last_pos + 1 :]}")
    return float("".join(c for c in text if c.isdigit()))


def _words_value(text: str, lang: str, compiled: _Compiled) -> tuple[int, float] | None:
    """Value of the longest prefix of a number-word run that reads as one number."""
    tokens = list(_LETTERS.finditer(text, timeout=remaining()))
    for count in range(len(tokens), 0, -1):
        check()
        end = tokens[count - 1].end()
        candidate = text[:end]
        if count == 1 and _key(candidate) in compiled.not_alone:
            return None
        words = _SPACE_RUN.sub(" ", candidate.lower()).split(" ")
        forms = compiled.lexicon.number_word_forms
        try:
            value = text2num(" ".join(forms.get(word, word) for word in words), lang)
        except ValueError:
            continue
        return end, float(value)
    return None


def scan(text: str, lang: str) -> list[Mention]:
    """All quantity mentions in text, in order, non-overlapping."""
    compiled = compiled_for(lang)
    lex = compiled.lexicon
    excluded = _excluded_spans(text, compiled)
    cores: list[Mention] = []
    reserved = 0  # the end of the last core and of the unit words after it ("21 por ciento")
    passed = 0  # the excluded spans before this core: they are sorted and do not overlap
    rewind: list[int] = []
    for match in _matches_from(compiled.core, text, _core_starts(text, compiled), rewind):
        check()
        start, end = match.span()
        while passed < len(excluded) and excluded[passed][1] <= start:
            passed += 1
        if start < reserved or (passed < len(excluded) and excluded[passed][0] < end):
            continue
        mention = _read_core(text, match, start, end, lang, compiled, lex)
        if mention is not None and mention.end < end:
            rewind.append(mention.end)  # a word run read shorter than it matched: "six et huit ans" reads "huit" again
        elif mention is None and match.group("words") is not None:
            first = _LETTERS.match(text, start)
            if first is not None and first.end() < end:
                rewind.append(first.end())  # an article before a number word: "Ein zwölf Jahre alter" reads "zwölf"
        if mention is not None:
            mention = _with_half(text, mention, compiled)
            cores.append(mention)
            unit = compiled.unit_after.match(text, mention.end, mention.end + 40)
            reserved = unit.end() if unit is not None else mention.end
            half = compiled.half_after.match(text, reserved, reserved + 16) if unit is not None else None
            if half is not None:
                reserved = half.end()  # "a year and a half": the half is this mention's (`_extend`), not a fraction
    mentions = _merge_ranges(text, cores, compiled)
    result: list[Mention] = []
    floor = 0
    for index, mention in enumerate(mentions):
        check()
        ceiling = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        mention = _extend(text, mention, compiled, floor, ceiling)
        if mention is None:
            continue
        result.append(mention)
        floor = mention.end
    result = _mixed_ranges(text, _shared_units(text, result, compiled), compiled)
    return _compounds(text, result, compiled) if compiled.compound_joiner is not None else result


def _mixed_ranges(text: str, mentions: list[Mention], compiled: _Compiled) -> list[Mention]:
    """A range whose ends each carry their unit, joined into one mention: the same currency ("$35,000 to $50,000",
    "500 € à 1 000 €"), or two units of time, the smaller first, in a form that opens with its own word, as one
    range in the smaller unit ("zwischen sechs Monaten und fünf Jahren", "de six mois à cinq ans": 6 to 60 months).
    Not the two ends of a change ("passée de six mois à cinq ans", "rents rose from £900 to £1,200")."""
    joined: list[Mention] = []
    for mention in mentions:
        pair = _time_pair(joined, mention, smaller_first=True) or _money_pair(joined, mention)
        listed = pair is not None and len(joined) > 1 and _joined_by(compiled.list_joiner, text, joined[-2], pair.last)
        if pair is None or listed:
            joined.append(mention)
            continue
        low, high = _range_ends(pair.last, mention, pair.per)
        # A sum's range needs no word of its own before it ("$35,000-$50,000"); one of time does.
        opening = _range_opening(text, pair.last, mention, compiled, own_word=mention.currency is None)
        if opening is None or low > high or _changes(text, pair.last, low, high, compiled):
            joined.append(mention)
            continue
        joined[-1] = replace(
            pair.last,
            start=opening,
            end=mention.end,
            value=None,
            low=low,
            high=high,
            modifier="range",
            noun=mention.noun,
        )
    return joined


def _compounds(text: str, mentions: list[Mention], compiled: _Compiled) -> list[Mention]:
    """Join a span of time and the smaller unit after it into one mention, in the smaller unit, which counts it
    exactly ("12 years and six months": 150 months; "2 ans et 4 mois": 28 months)."""
    assert compiled.compound_joiner is not None
    joined: list[Mention] = []
    for mention in mentions:
        pair = _time_pair(joined, mention, smaller_first=False)
        if (
            pair is None
            or mention.modifier != "exact"
            or compiled.compound_joiner.fullmatch(text, pair.last.end, mention.start) is None
        ):
            joined.append(mention)
            continue
        value = pair.last_value * pair.per + pair.value
        joined[-1] = replace(mention, start=pair.last.start, value=value, modifier=pair.last.modifier)
    return joined


@dataclass(frozen=True, slots=True)
class _UnitPair:
    """A mention and the one before it, both with a value, in units that relate: spans of time in units `SUBUNITS`
    relates, or sums in the same currency."""

    last: Mention
    last_value: float
    value: float
    per: int
    """How many of the last one's unit the mention's holds."""


def _time_pair(joined: list[Mention], mention: Mention, *, smaller_first: bool) -> _UnitPair | None:
    """`mention` with the last of `joined`, when the two are spans of time (the smaller unit first, or the larger):
    the one guard of `_mixed_ranges` and `_compounds`, with both values known to be there."""
    if not joined:
        return None
    last = joined[-1]
    units = (mention.unit or "", last.unit or "") if smaller_first else (last.unit or "", mention.unit or "")
    per = SUBUNITS.get(units)
    if per is None or last.value is None or mention.value is None:
        return None
    return _UnitPair(last, last.value, mention.value, per)


def _money_pair(joined: list[Mention], mention: Mention) -> _UnitPair | None:
    """`mention` with the last of `joined`, when both are sums in the same currency."""
    if not joined or mention.currency is None:
        return None
    last = joined[-1]
    if last.currency != mention.currency or last.unit != mention.unit or last.value is None or mention.value is None:
        return None
    return _UnitPair(last, last.value, mention.value, 1)


def _range_ends(first: Mention, second: Mention, per: int = 1) -> tuple[float, float]:
    """The two ends of a range, the second counted in the first's unit (`per` of it); a bare first end takes the
    scale word of the second ("entre 2 et 3 millions", "between $2 and $3 billion")."""
    assert first.value is not None and second.value is not None
    low, high = first.value, second.value * per
    if first.scale == 1.0 and second.scale > 1.0 and low < 10 * high / second.scale:
        low *= second.scale
    return low, high


def _right_before(phrases: Iterable[str], then: Sequence[str] = ()) -> AtEnd:
    """Words right before a position (then spaces or quotes, and maybe one of `then`): searched for with endpos
    there."""
    words = alternation(phrases)
    gap = rf"(?:{alternation(then)}[{SPACES}]+)?" if then else ""
    return at_end(rf"(?<![\p{{L}}\p{{N}}])(?P<form>{words})[{SPACES}{OPEN_QUOTES}]*{gap}")


def _somewhere_before(words: list[str]) -> AtEnd:
    """One of `words` in the clause that ends where the search ends."""
    return at_end(rf"{alternation(words, boundary=True)}[^.;:!?\n]*")


def _is_change(text: str, first: Mention, compiled: _Compiled, opening: AtEnd | None) -> bool:
    """Whether `first` opens, after `opening`, a "from ... to" ("relevé son taux de 19 % à 21 %") or a "by ... to"
    of a verb of change."""
    if opening is None or compiled.change_verb is None:
        return False
    opener = opening.search(text, max(0, first.start - 6), first.start)
    if opener is None:
        return False
    at = opener.start()
    if compiled.range_noun is not None and compiled.range_noun.search(text, max(0, at - 40), at) is not None:
        return False
    return compiled.change_verb.search(text, max(0, at - 60), at) is not None


def _changes(text: str, first: Mention, low: float, high: float, compiled: _Compiled) -> bool:
    """Whether two ends written in a range form are those of a change: "from ... to" after a verb of change, or
    "by ... to" where the second is more than twice the first ("cut by 25 to 400": not a range of 25 to 400)."""
    if _is_change(text, first, compiled, compiled.change_from):
        return True
    return high > 2 * low and _is_change(text, first, compiled, compiled.change_by)


def _between(forms: list[RangeForm]) -> list[tuple[AtEnd | None, regex.Pattern[str]]]:
    """Each form's word before the first number (when it has one) and the whole text between the two numbers."""
    compiled = []
    for form in forms:
        middle = caseless(
            rf"^[{SPACES}]*{alternation([form.middle])}[{SPACES}]*$"
            if not form.middle.isalpha()
            else rf"^[{SPACES}]+{alternation([form.middle])}[{SPACES}]+$"
        )
        compiled.append((_right_before([form.before]) if form.before else None, middle))
    return compiled


def _joiner(joiners: list[str]) -> regex.Pattern[str] | None:
    """What may stand between two numbers joined by one of `joiners` (marks, or words after an optional comma)."""
    if not joiners:
        return None
    words = [j for j in joiners if j.isalpha()]
    marks = [j for j in joiners if not j.isalpha()]
    alternatives = [rf"[{SPACES}]*{alternation(marks)}[{SPACES}]*"] if marks else []
    if words:
        alternatives.append(rf"[{SPACES}]*,?[{SPACES}]+{alternation(words)}[{SPACES}]+")
    return caseless("(?:" + "|".join(alternatives) + ")")


def _shared_units(text: str, mentions: list[Mention], compiled: _Compiled) -> list[Mention]:
    """A bare number listed before one with a unit takes that unit: "19, 17 et 16 ans", "six and eight years";
    so does the level a change starts from: "cut its key rate from 45 to 42.5 percent", and the level a
    comparison names after one: "fell to 3.1%, down from 4.5"."""
    for index in range(len(mentions) - 2, -1, -1):
        first, second = mentions[index], mentions[index + 1]
        if _shares_unit(first, second) and (
            _joined_by(compiled.list_joiner, text, first, second) or _changed(text, first, second, compiled)
        ):
            mentions[index] = replace(first, unit=second.unit, tag=second.tag)
    for index in range(1, len(mentions)):
        first, second = mentions[index - 1], mentions[index]
        if _shares_unit(second, first) and _joined_by(compiled.comparison, text, first, second):
            mentions[index] = replace(second, unit=first.unit, tag=first.tag)
    return mentions


def _shares_unit(bare: Mention, other: Mention) -> bool:
    """Whether `bare` is a plain number and `other` has a unit (not money: "$5bn, up from 4" is left alone)."""
    return (
        bare.unit is None
        and bare.currency is None
        and bare.value is not None
        and other.unit is not None
        and other.currency is None
    )


def _comparison(lex: Lexicon) -> regex.Pattern[str] | None:
    """What stands between a level and the level it is compared with: ", down from ", " (frente a los "."""
    if not lex.comparisons:
        return None
    return caseless(rf"[{SPACES}]*{lex.comparison_opening()}[{SPACES}]*(?:\p{{L}}{{1,3}}[{SPACES}]+)?")


def _joined_by(gap: regex.Pattern[str] | None, text: str, first: Mention, second: Mention) -> bool:
    """Whether all that stands between two mentions is `gap` (a list joiner, a comparison's opening)."""
    return gap is not None and gap.fullmatch(text, first.end, second.start) is not None


def _changed(text: str, first: Mention, second: Mention, compiled: _Compiled) -> bool:
    """Whether `first` and `second` are the two ends of a change: one written as such ("von 45 auf 42,5 Prozent")
    or a "from ... to" after a verb of change ("de 45 à 42,5 %", "del 45 al 42,5 %")."""
    between = text[first.end : second.start]
    if any(_opened(text, first, opener) and middle.match(between) for opener, middle in compiled.changes):
        return True
    ranged = any(middle.match(between) for _, middle in compiled.ranges)
    return ranged and _is_change(text, first, compiled, compiled.change_from)


def _opened(text: str, first: Mention, opener: AtEnd | None) -> bool:
    """Whether the word a form puts before its first number is there (a form without one needs none)."""
    return opener is None or _form_opener(text, first, opener) is not None


def _form_opener(text: str, first: Mention, opener: AtEnd) -> regex.Match[str] | None:
    """The word a range or change form puts right before its first number ("zwischen", "von"), when it is there."""
    return opener.search(text, max(0, first.start - 20), first.start)


def _matches_from(
    pattern: regex.Pattern[str], text: str, starts: list[int], rewind: list[int] | None = None
) -> Iterator[regex.Match[str]]:
    """What `pattern.finditer(text)` yields, trying `pattern` only at `starts`.

    A position the caller puts in `rewind` after a match (before its end) is where the search goes on instead.

    `starts` must be sorted and hold every position where a match can begin, and the pattern
    must never match the empty string: finditer then tries and skips exactly the same positions
    (a match at a position is the same whichever search reaches it: lookbehinds see the text
    before it), at a fraction of the cost of trying every character.
    """
    position = 0
    for start in starts:
        if start < position:
            continue
        found = pattern.match(text, start, timeout=remaining())
        if found is not None:
            position = found.end()
            yield found
            if rewind:
                position = rewind.pop()


def _core_starts(text: str, compiled: _Compiled) -> list[int]:
    """Every position where a core can begin (see `core_start`), in order."""
    return [0, *(m.end() for m in compiled.core_start.finditer(text, timeout=remaining()))]


def _excluded_spans(text: str, compiled: _Compiled) -> list[tuple[int, int]]:
    """The spans of `compiled.excluded.finditer(text)`, trying it only where one can start.

    That is at a digit, or at a lead that ends right before a run of digits (see
    `_not_quantities`). One match of `excluded_in_run` tries every digit of a run in turn.
    """
    lead = compiled.excluded_lead
    spans: list[tuple[int, int]] = []
    position = 0  # where finditer would search next
    for run in _DIGIT_RUN.finditer(text, timeout=remaining()):
        check()
        start, end = run.span()
        if start > position and lead.exists.match(text, position, start, timeout=remaining()) is not None:
            longest = lead.longest.match(text, position, start, timeout=remaining())
            assert longest is not None
            for lead_match in lead.at_end.finditer(text, longest.start(), start, overlapped=True, timeout=remaining()):
                if lead_match.start() >= position:
                    found = compiled.excluded.match(text, lead_match.start(), timeout=remaining())
                    if found is not None:
                        spans.append(found.span())
                        position = found.end()
        while position < end:
            in_run = compiled.excluded_in_run.match(text, max(position, start), timeout=remaining())
            if in_run is None:
                break
            spans.append(in_run.span("found"))
            position = in_run.end("found")
    return spans


def _read_core(
    text: str,
    match: regex.Match[str],
    start: int,
    end: int,
    lang: str,
    compiled: _Compiled,
    lex: Lexicon,
) -> Mention | None:
    if match.group("phrase") is not None:
        value, low, unit, modifier, fraction = compiled.phrase_value[_key(match.group("phrase"))]
        return Mention(start, end, value, low=low, unit=unit, modifier=modifier, fraction=fraction)
    if match.group("words") is not None:
        connector = compiled.leading_connector.match(text, start, end)
        if connector is not None:
            start = connector.end()
        read = _words_value(text[start:end], lang, compiled) or _counted_one(text, start, compiled)
        if read is None:
            return None
        length, value = read
        end = start + length
        article = compiled.article_one.search(text, max(0, start - 6), start)
        first_word = _key(_LETTERS.match(match.group("words")).group())  # type: ignore[union-attr]
        if article is not None and first_word in compiled.scales:
            start = article.start()
        return _scaled(text, Mention(start, end, value), compiled)
    if match.group("article") is not None:
        counted = _counted_one(text, start, compiled)
        return None if counted is None else Mention(start, start + counted[0], counted[1])
    digits = match.group("whole")
    window = text[max(0, start - 30) : start]
    if compiled.identifier_before.search(window):
        return None
    value = parse_digits(digits, lex) + _VULGAR_FRACTIONS.get(match.group("fraction") or "", 0)
    following = text[end : end + 12]
    if compiled.ordinal_after.match(text, end, end + 40):
        return None
    if _LETTER.match(following) and not (compiled.scale_after.match(following) or compiled.unit_after.match(following)):
        return None
    is_year = (
        _YEAR.fullmatch(digits) is not None
        and not compiled.unit_after.match(following)
        and not compiled.qualifier_before.search(window)
        and (compiled.year_before.search(window) is not None or not _followed_by_noun(text, end, compiled))
    )
    if is_year:
        return None
    return _scaled(text, Mention(start, end, value), compiled)


def _counted_one(text: str, start: int, compiled: _Compiled) -> tuple[int, float] | None:
    """A lone "one"/"un"/"ein" that a `counted_one` pattern of the lexicon, matched where it starts, counts."""
    if compiled.counted_one is None or compiled.counted_one.match(text, start, timeout=remaining()) is None:
        return None
    word = _LETTERS.match(text, start)
    assert word is not None  # the patterns open with the word, after lookbehinds
    return word.end() - start, 1.0


def _scaled(text: str, mention: Mention, compiled: _Compiled) -> Mention:
    """Apply a scale word written after the number ("1,5 million", "2.5bn", "$10m")."""
    assert mention.value is not None
    scale = compiled.scale_after.match(text, mention.end, mention.end + 16)
    if scale is None:
        return mention
    word = scale.group("scale")
    factor = compiled.scales.get(word, compiled.scales.get(_key(word)))
    if factor is None:
        return mention
    if word in compiled.lexicon.currency_only_scales and not (
        compiled.currency_before.search(text, max(0, mention.start - 4), mention.start)
        or compiled.currency_after.match(text, scale.end(), scale.end() + 30)
    ):
        return mention
    return replace(mention, end=scale.end(), value=mention.value * factor, scale=factor)


def _with_half(text: str, mention: Mention, compiled: _Compiled) -> Mention:
    """'two and a half': the half belongs to the number before it."""
    if mention.value is None or mention.fraction:
        return mention
    half = compiled.half_after.match(text, mention.end, mention.end + 16)
    if half is None:
        return mention
    return replace(mention, end=half.end(), value=mention.value + 0.5)


def _followed_by_noun(text: str, end: int, compiled: _Compiled) -> bool:
    word = _NEXT_WORD.match(text[end : end + 40])
    return word is not None and _key(word.group(1)) not in compiled.noun_stop


def _merge_ranges(text: str, cores: list[Mention], compiled: _Compiled) -> list[Mention]:
    """Join two cores written as a range into one mention; the two ends of a change stay two ("passé de 24 à 31")."""
    merged: list[Mention] = []
    index = 0
    while index < len(cores):
        first = cores[index]
        index += 1
        # The last two items of a list are no range ("18, 24 oder 30 Monaten").
        listed = bool(merged) and _joined_by(compiled.list_joiner, text, merged[-1], first)
        form = _range_form(text, first, cores[index], compiled) if index < len(cores) and not listed else None
        if form is None:
            merged.append(first)
            continue
        opening, low, high = form
        if _changes(text, first, low, high, compiled):
            merged.append(first if low == first.value else replace(first, value=low, scale=cores[index].scale))
        elif low <= high:
            merged.append(Mention(opening, cores[index].end, None, low=low, high=high, modifier="range"))
            index += 1
        else:
            merged.append(first)
    return merged


def _range_form(text: str, first: Mention, second: Mention, compiled: _Compiled) -> tuple[int, float, float] | None:
    """Where the range of two cores opens and its ends, when the text between them is a range form's.

    The low end may be the higher: the two ends of a change are written in the same forms ("de 3 à 2,9 millions").
    """
    if first.value is None or first.fraction or second.value is None or second.fraction:
        return None
    opening = _range_opening(text, first, second, compiled, own_word=False)
    return None if opening is None else (opening, *_range_ends(first, second))


def _range_opening(text: str, first: Mention, second: Mention, compiled: _Compiled, own_word: bool) -> int | None:
    """Where the range of two numbers opens, when what stands between them is a range form's (a unit written after
    both is skipped: "4,25 Prozent und 4,50 Prozent"); with `own_word`, only a form that opens with a word of its
    own ("zwischen", "de") will do."""
    between = text[first.end : second.start]
    repeated = compiled.unit_after.match(text, first.end, second.start)
    if repeated is not None and _same_unit(compiled, repeated.group(), text, second.end):
        between = text[repeated.end() : second.start]
    for before, middle in compiled.ranges:
        if (before is None and own_word) or not middle.match(between):
            continue
        opener = _form_opener(text, first, before) if before else None
        if before is None or opener is not None:
            return opener.start() if opener else first.start
    return None


def _is_qualifier(compiled: _Compiled, text: str, found: regex.Match[str], unit: str | None, floor: int) -> bool:
    """False for "edged up to 2.5%" (part of a verb) and "over 12 months" (a period)."""
    form = _key(found.group("form"))
    window = (text, max(floor, found.start() - 20), found.start())
    blocker = compiled.qualifier_blockers.get(form)
    if blocker is not None and blocker.search(*window):
        return False
    is_period = form in compiled.period_qualifiers and unit in TIME_UNITS
    return not (is_period and not compiled.period_opener.search(*window))


def _same_unit(compiled: _Compiled, written: str, text: str, position: int) -> bool:
    """Whether the unit written after the second number of a range is the one after the first."""
    again = compiled.unit_after.match(text, position, position + 40)
    return again is not None and _unit_of(compiled, again.group()) == _unit_of(compiled, written)


def _unit_of(compiled: _Compiled, written: str) -> tuple[str, str | None]:
    form = written.strip(SPACES)
    if form in ("%", "‰"):
        return ("percent", None) if form == "%" else ("permille", None)
    key = _key(form)
    return compiled.unit_of_form.get(key, compiled.unit_of_form.get(" " + key, ("percent", None)))


def _extend(text: str, mention: Mention, compiled: _Compiled, floor: int, ceiling: int) -> Mention | None:
    """Add scale, currency, unit, rate and qualifiers around a number core."""
    start, end = mention.start, mention.end
    value = mention.value
    currency: str | None = None
    symbol = compiled.currency_before.search(text, max(floor, start - 4), start)
    if symbol is not None:
        currency = compiled.currency_of_form[_key(symbol.group("form"))]
    if symbol is not None:
        start = symbol.start()
    unit, tag = mention.unit, mention.tag
    if currency is None:
        money = compiled.currency_after.match(text, end, ceiling)
        if money is not None:
            currency = compiled.currency_of_form[_key(money.group().strip(SPACES))]
            end = money.end()
    if currency is None and unit is None:
        unit_match = compiled.unit_after.match(text, end, ceiling)
        if unit_match is not None:
            unit, tag = _unit_of(compiled, unit_match.group())
            end = unit_match.end()
            half = compiled.half_after.match(text, end, ceiling) if value is not None else None
            if half is not None and value is not None and value == int(value):
                value, end = value + 0.5, half.end()
        else:
            prefix = compiled.unit_before.search(text, max(floor, start - 12), start)
            if (
                prefix is not None
                and compiled.rate_before.search(text, max(floor, start - 30), start) is None
                and compiled.prefix_blocker.search(text, max(floor, prefix.start() - 20), prefix.start()) is None
            ):
                unit = compiled.prefix_unit_of_form[_key(prefix.group("form"))]
                start = prefix.start()
    rate = compiled.rate_after.match(text, end, ceiling) if unit is None and currency is None else None
    if rate is not None:
        unit = compiled.rate_of_form[_key(rate.group().strip(SPACES))]
        end = rate.end()
    modifier = mention.modifier
    qualifier = compiled.qualifier_before.search(text, max(floor, start - 40), start)
    if qualifier is not None and not _is_qualifier(compiled, text, qualifier, unit, floor):
        qualifier = None
    if qualifier is not None and modifier in ("exact", "approx"):
        modifier = compiled.qualifier_modifier[_key(qualifier.group("form"))]
        start = qualifier.start()
    elif qualifier is not None and modifier == "vague":
        start = qualifier.start()
    elif modifier == "exact":
        post = compiled.qualifier_after.match(text, end, ceiling)
        if post is not None:
            modifier = compiled.post_modifier[_key(post.group().strip(SPACES))]
            end = post.end()
    direction = None
    trigger = compiled.direction_before.search(text, max(floor, start - 30), start)
    if trigger is not None:
        direction = compiled.direction_of_form[_key(trigger.group("form"))]
    return Mention(  # not dataclasses.replace: that costs more than all of the above together
        start,
        end,
        value,
        low=mention.low,
        high=mention.high,
        unit=unit,
        modifier=modifier,
        noun=_counted_noun(text, end, compiled),
        direction=direction,
        currency=currency,
        tag=tag,
        fraction=mention.fraction,
        scale=mention.scale,
    )


def _counted_noun(text: str, end: int, compiled: _Compiled) -> str | None:
    """The head of the noun phrase after the number ("145 drones russes" -> drones)."""
    return noun_head(_NOUN_WORDS.match(text, end, end + 80).captures("word"), compiled)  # type: ignore[union-attr]


def noun_head(following: Iterable[str], compiled: _Compiled) -> str | None:
    """The head of the noun phrase made of the first of the `following` words (up to three)."""
    words: list[str] = []
    for word in following:
        key = _key(word)
        if key in compiled.noun_stop or key in compiled.number_words:
            if words or key not in {"of", "de", "d", "d'"}:
                break
            continue
        words.append(word)
        if len(words) == 3:
            break
    if not words:
        return None
    if compiled.lexicon.noun_head == "first":
        return words[0]
    plural = [w for w in words if w.endswith("s") and len(w) > 2]
    return plural[0] if plural else words[-1]


def quantities(text: str, lang: str) -> list[QuantityMention]:
    """The quantity layer on its own: every number in `text` with its unit, qualifier, noun and currency."""
    return [
        QuantityMention(
            span=Span(start=m.start, end=m.end, text=text[m.start : m.end]),
            quantity=Quantity.model_validate(m.quantity_fields()),
            noun=m.noun,
            direction=m.direction,  # type: ignore[arg-type]
            currency=m.currency,
        )
        for m in scan(text, lang)
    ]
