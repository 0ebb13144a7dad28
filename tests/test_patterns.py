"""Case-insensitive patterns: simple case folding, with the German sharp s still matching "ss"."""

from __future__ import annotations

import regex

from extract.patterns import alternation, at_end, caseless


def test_case_is_ignored() -> None:
    assert caseless(r"drohnen|drones").search("Die DROHNEN flogen")


def test_sharp_s_matches_the_swiss_spelling_in_either_case() -> None:
    pattern = caseless(r"Außenminister")
    for text in ("Außenminister", "Aussenminister", "AUSSENMINISTER"):
        assert pattern.fullmatch(text), text


def test_sharp_s_in_a_class_or_escaped_stays_one_character() -> None:
    assert caseless(r"[ß]").fullmatch("ß")
    assert not caseless(r"[ß]").fullmatch("ss")
    assert caseless(r"\ß").fullmatch("ß")


def test_flags_are_added_and_case_folding_is_simple() -> None:
    pattern = caseless(r"^a$", regex.MULTILINE)
    assert pattern.findall("b\nA\nc") == ["A"]
    assert not pattern.flags & regex.FULLCASE


def test_at_end_finds_only_what_ends_where_the_text_does() -> None:
    words = at_end(r"(?<![\p{L}])(?:about|around)\s*")
    assert words.search("Russia sent about ").group() == "about "  # type: ignore[union-attr]
    assert words.search("it was AROUND\n").group() == "AROUND\n"  # type: ignore[union-attr]
    assert at_end(r"around").search("it was AROUND\n").group() == "AROUND"  # type: ignore[union-attr]
    assert words.search("about 40 drones") is None
    assert words.search("roundabout ") is None
    assert words.search("sent about 40", 0, 11).group() == "about "  # type: ignore[union-attr]


def test_alternation_prefers_the_longest_phrase_and_varies_spaces_and_apostrophes() -> None:
    pattern = caseless(alternation(["Publish", "Publish date", "jusqu'à", ""]))
    assert pattern.match("Publish\u00a0 date: 12").group() == "Publish\u00a0 date"  # type: ignore[union-attr]
    assert pattern.fullmatch("jusqu’à") and pattern.fullmatch("JUSQU'À")
    assert not pattern.fullmatch("jusqu]à")
    assert pattern.match("Publish\ndate").group() == "Publish"  # type: ignore[union-attr]


def test_alternation_with_a_boundary_matches_whole_words_only() -> None:
    words = caseless(alternation(["up to", "about"], boundary=True))
    assert words.search("sent up to 40").group() == "up to"  # type: ignore[union-attr]
    assert words.search("roundabout 40") is None
    assert caseless(alternation([], boundary=True)).search("anything") is None
