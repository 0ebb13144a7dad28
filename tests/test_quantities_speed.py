"""The quantity scanner's shortcuts find what the plain searches they replace would find.

`scan` tries the core and non-quantity patterns only where a match can start, and tests the
words before a number with a reversed pattern first. These properties compare each shortcut
with the plain search (kept here, not in the product) on text built from the lexicon's own
words, numbers, punctuation and characters that fold to letters ("ſ", "K", "ß").
"""

from __future__ import annotations

import itertools

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.lexicon import available_languages, load_lexicon
from extract.quantities import (
    _core_starts,
    _counted_noun,
    _excluded_spans,
    _matches_from,
    compiled_for,
    noun_head,
)

LANGS = available_languages()


def _lexicon_words(lang: str) -> list[str]:
    lex = load_lexicon(lang)
    phrases = [a.phrase for a in lex.amounts] + list(lex.fractions) + list(lex.vague)
    qualifiers = [q for forms in lex.qualifiers.values() for q in forms]
    units = [f for u in lex.units for f in u.forms]
    words = [
        *lex.number_words, *phrases, *qualifiers, *units, *lex.months, *lex.weekdays, *lex.time_suffixes,
        *lex.time_prefixes, *lex.identifier_prefixes, *lex.year_prefixes, *lex.noun_stop_words, *lex.scales,
    ]
    return sorted({w for w in words if w.strip()})


WORDS = {lang: _lexicon_words(lang) for lang in LANGS}
OTHER = ["drones", "Soldaten", "of", "de", "often", "Kaimai", "ſept", "K", "ß", "SS", "’", "'", "“", "»", "€", "$", "%"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=99_999_999).map(str),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: f"{n:,}"),
    st.sampled_from(
        ["2024-11-10", "10:45", "9h30", "12.11.2024", "+49 30 1234567", "(030) 123-4567", "2014-2022", "47."]
    ),
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\u00a0", "\u202f", ", ", ".", "-", "\n", "+", "(", ")", "/", ": "])


@st.composite
def texts(draw: st.DrawFn) -> tuple[str, str]:
    lang = draw(st.sampled_from(LANGS))
    token = st.one_of(st.sampled_from(WORDS[lang]), st.sampled_from(OTHER), NUMBERS)
    tokens = draw(st.lists(st.tuples(token, SEPARATORS), max_size=30))
    text = "".join(word.upper() if draw(st.booleans()) and len(word) < 4 else word + sep for word, sep in tokens)
    return text, lang


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=texts())
def test_core_matches_are_finditers(case: tuple[str, str]) -> None:
    text, lang = case
    compiled = compiled_for(lang)
    plain = [(m.span(), m.groupdict()) for m in compiled.core.finditer(text)]
    shortcut = [(m.span(), m.groupdict()) for m in _matches_from(compiled.core, text, _core_starts(text, compiled))]
    assert shortcut == plain


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=texts())
def test_excluded_spans_are_finditers(case: tuple[str, str]) -> None:
    text, lang = case
    compiled = compiled_for(lang)
    assert _excluded_spans(text, compiled) == [m.span() for m in compiled.excluded.finditer(text)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=texts(), data=st.data())
def test_words_before_are_forward_searches(case: tuple[str, str], data: st.DataObject) -> None:
    text, lang = case
    compiled = compiled_for(lang)
    endpos = data.draw(st.integers(min_value=0, max_value=len(text)))
    pos = data.draw(st.integers(min_value=0, max_value=endpos))
    befores = [compiled.qualifier_before, compiled.direction_before, compiled.identifier_before, compiled.year_before]
    for before in [*befores, compiled.unit_before, compiled.article_one, *compiled.qualifier_blockers.values()]:
        found, plain = before.search(text, pos, endpos), before.forward.search(text, pos, endpos)
        assert (found and (found.span(), found.group("form"))) == (plain and (plain.span(), plain.group("form")))


def _plain_counted_noun(text: str, end: int, lang: str) -> str | None:
    """The counted noun as the scanner found it before: one token of the 80 characters at a time."""
    tokens = regex.compile(r"\G[\s\"”»’]*(?:(?P<word>[\p{L}][\p{L}'’-]*)|(?P<other>\S))")
    tokens_read = (match.group("word") for match in tokens.finditer(text[end : end + 80]))
    words = itertools.takewhile(lambda word: word is not None, tokens_read)
    return noun_head(words, compiled_for(lang))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=texts(), data=st.data())
def test_counted_noun_reads_the_same_words(case: tuple[str, str], data: st.DataObject) -> None:
    text, lang = case
    end = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert _counted_noun(text, end, compiled_for(lang)) == _plain_counted_noun(text, end, lang)
