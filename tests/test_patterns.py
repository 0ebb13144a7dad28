"""Case-insensitive patterns: simple case folding, with the German sharp s still matching "ss"."""

from __future__ import annotations

import regex

from extract.patterns import caseless


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
