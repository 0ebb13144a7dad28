"""Alternations searched where an expression can start (extract/starts.py) find what a plain search finds."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.lexicon import BUILTIN_RULES_DIR
from extract.patterns import caseless
from extract.sources import SourceLexicon
from extract.starts import Unreadable, compile_alternations, prefixes
from extract.when import BULLETS, WhenLexicon, blocks, expression_patterns
from extract.yamlsource import read_yaml_file

LANGS = ("en", "fr", "es", "de")
WHEN = {lang: read_yaml_file(BUILTIN_RULES_DIR / lang / "when.yaml").validate(WhenLexicon) for lang in LANGS}
SOURCES = {lang: read_yaml_file(BUILTIN_RULES_DIR / lang / "sources.yaml").validate(SourceLexicon) for lang in LANGS}


def _reference_finditer(
    bodies: list[str], word: str, after: str, text: str, pos: int, endpos: int
) -> list[tuple[int, tuple[int, int], dict[str, str]]]:
    """The plain search the alternation replaces: one pattern, each expression in a group named after its index."""
    named = "|".join(f"(?P<e{index}>{body})" for index, body in enumerate(bodies))
    pattern = caseless(rf"(?<![{word}])(?:{named}){after}")
    found = []
    for match in pattern.finditer(text, pos, endpos):
        index = next(i for i in range(len(bodies)) if match.group(f"e{i}") is not None)
        groups = {k: v for k, v in match.groupdict().items() if v is not None and not regex.fullmatch(r"e\d+", k)}
        found.append((index, match.span(), groups))
    return found


def _alternation_finditer(
    bodies: list[str], word: str, after: str, text: str, pos: int, endpos: int
) -> list[tuple[int, tuple[int, int], dict[str, str]]]:
    alternation = compile_alternations(word, (bodies, after))
    return [
        (index, match.span(), {k: v for k, v in match.groupdict().items() if v is not None})
        for index, match in alternation.finditer(text, pos, endpos)
    ]


def _vocabulary(lexicon_words: list[str], patterns: list[str]) -> list[str]:
    """The words of a language's lexicon and of its patterns (what those patterns can start with)."""
    found = set(lexicon_words)
    for pattern in patterns:
        found.update(regex.findall(r"(?<!\\[pP]\{?)\p{L}{2,}", pattern))
    return sorted(found)


def _when_words(lang: str) -> list[str]:
    lexicon = WHEN[lang]
    lists = lexicon.weekdays + lexicon.months + lexicon.seasons + lexicon.parts + lexicon.ordinals
    return _vocabulary([word for group in lists for word in group], [e.pattern for e in lexicon.expressions])


SEPARATORS = [" ", " ", " ", "  ", ", ", "-", "\n", "\n\n", ". ", "'", "’", "(", "", "«", "\u00a0", "."]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=40).map(str),
    st.integers(min_value=1990, max_value=2030).map(str),
    st.sampled_from(["1er", "2e", "1.", "15.", "03", "15h30", "2024-11-10", "1st", "22nd", "Ⅻ", "٣"]),
)
FILLER = st.sampled_from(["Kyiv", "drones", "x", "Über", "été", "ſince", "LAST", "The", "_", "a", "des", "año"])


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    pieces = st.one_of(st.sampled_from(words), NUMBERS, FILLER)
    return st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=30).map(
        lambda pairs: "".join(piece + separator for piece, separator in pairs)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), lang=st.sampled_from(LANGS))
def test_date_expressions_found_as_a_plain_search_finds_them(data: st.DataObject, lang: str) -> None:
    text = data.draw(_texts(_when_words(lang)))
    bodies = expression_patterns(WHEN[lang])
    args = (bodies, r"\p{L}\p{N}", r"(?![\p{L}\p{N}])", text, 0, len(text))
    assert _alternation_finditer(*args) == _reference_finditer(*args)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), lang=st.sampled_from(LANGS))
def test_claimant_words_found_in_a_sentence_as_a_plain_search_finds_them(data: st.DataObject, lang: str) -> None:
    lexicon = SOURCES[lang]
    text = data.draw(_texts(_vocabulary(lexicon.pronouns + lexicon.determiners, lexicon.verbs + lexicon.prepositions)))
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    endpos = data.draw(st.integers(min_value=pos, max_value=len(text)))
    verbs = "(?:" + "|".join(lexicon.verbs) + ")"
    prepositions = "(?:" + "|".join(lexicon.prepositions) + ")"
    for bodies, after in (([verbs], r"(?![\p{L}])"), ([prepositions], r"\s+")):
        args = (bodies, r"\p{L}", after, text, pos, endpos)
        assert _alternation_finditer(*args) == _reference_finditer(*args)


BODIES = [
    r"(?<=\bin\s+)(?P<month>may|june)",
    r"(?:the\s+)?night(?:\s+of)?",
    r"0?[1-9]\.?\s*(?:may|june)",
    r"x*y+z{2,3}",
    r"(?-i:A)b|ab",
    r"(?:é|e)té\b",
    r"straße",
]


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(["in ", "May", "june", "the ", "night", " of", "1", "09", ".", " ", "x", "y", "z",
                                   "A", "b", "é", "té", "Strasse", "STRASSE", "straße", "-", "\n"]), max_size=20)
    .map("".join),
    chosen=st.lists(st.sampled_from(BODIES), min_size=1, max_size=4, unique=True),
)
def test_any_alternation_found_as_a_plain_search_finds_it(text: str, chosen: list[str]) -> None:
    args = (chosen, r"\p{L}\p{N}", r"(?![\p{L}\p{N}])", text, 0, len(text))
    assert _alternation_finditer(*args) == _reference_finditer(*args)


def test_prefixes_widen_and_skip_lookarounds() -> None:
    assert prefixes(r"(?<=\bin\s+)(?:May|June)(?!\w)") == {("m", "a", "y"), ("j", "u", "n", "e")}
    assert prefixes(r"0?[1-9]") == {("0", "[1-9]"), ("[1-9]",)}
    assert prefixes(r"a\s+b") == {("a", r"\s+", "b")}
    assert prefixes(r"(?:ab)+c") == {("a", "b")}


def test_what_the_reader_does_not_follow_falls_back_to_a_plain_search() -> None:
    for unreadable in (r"(a)\1", r"(?(1)a|b)", r"x?", r"(?s:.)b"):
        try:
            prefixes(unreadable)
        except Unreadable:
            continue
        raise AssertionError(f"{unreadable!r} was read")
    bodies = [r"(?P<w>ab)(?P=w)", "night"]
    alternation = compile_alternations(r"\p{L}", (bodies, ""))
    assert alternation.scanner is None
    text = "abab night ab"
    args = (bodies, r"\p{L}", "", text, 0, len(text))
    assert _alternation_finditer(*args) == _reference_finditer(*args) == [(0, (0, 4), {"w": "ab"}), (1, (5, 10), {})]


OLD_BLOCK_START = regex.compile(
    rf"\n[ \t]*\n|(?<=\n|^)[ \t]*(?:[{BULLETS}]|\+\+\+|\d{{1,2}}(?:[:.]\d{{2}}|[ \u00a0]?h[ \u00a0]?\d{{2}})\b)",
    regex.V1,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\n", " ", "\t", "•", "+++", "12:30", "9h30", "word", "3", "."]), max_size=14))
def test_blocks_start_where_the_line_start_search_found_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    if regex.search(r"\n[ \t]*\n", text):
        assert blocks(text) == [0] + [m.start() for m in OLD_BLOCK_START.finditer(text)]
