"""Sentence segmentation on scraped news text."""

from __future__ import annotations

import itertools

import pytest
import regex

from extract.text import split_sentences


def sentences(text: str, abbreviations: tuple[str, ...] = ("nov", "u.s", "dr")) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, abbreviations)]


def test_ordinary_sentences() -> None:
    assert sentences("Russia launched 96 drones. Ukraine shot down 62! Was it a record?") == [
        "Russia launched 96 drones.",
        "Ukraine shot down 62!",
        "Was it a record?",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("les drones russesL’Ukraine a été visée", ["les drones russes", "L’Ukraine a été visée"]),
        ("dans le nord du pays.Selon Londres, octobre", ["dans le nord du pays.", "Selon Londres, octobre"]),
        ("ce dimanche.L’Ukraine a subi", ["ce dimanche.", "L’Ukraine a subi"]),
        ("en UkrainePoutine signe", ["en Ukraine", "Poutine signe"]),
    ],
)
def test_glued_sentences_are_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_headlines_and_bullets_are_sentences() -> None:
    text = "► Kiev visée par une attaque de drone\nKiev a été la cible d’une attaque. ⇒ Poutine signe l’accord"
    assert sentences(text) == [
        "Kiev visée par une attaque de drone",
        "Kiev a été la cible d’une attaque.",
        "Poutine signe l’accord",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "On Nov. 10 the U.S. general C.Q. Brown spoke. Dr. Smith agreed."
    assert sentences(text) == ["On Nov. 10 the U.S. general C.Q. Brown spoke.", "Dr. Smith agreed."]


def test_html_debris_stays_on_its_own_line() -> None:
    text = '<h2 class="heading__StyledHeading-sc-jq1p2\nNorth Korea ratifies its pact'
    assert sentences(text)[-1] == "North Korea ratifies its pact"


def test_camel_case_names_are_not_split() -> None:
    assert sentences("McDonald and DeSantis met on YouTube.") == ["McDonald and DeSantis met on YouTube."]


def test_offsets_are_exact_and_ordered() -> None:
    text = "  First one.  Second one.\n\n► Third\u00a0one  "
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == ["First one.", "Second one.", "Third\u00a0one"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_german_opening_quote_starts_a_sentence() -> None:
    assert sentences("14 Personen wurden verletzt. „Einen so hohen Pegel gab es nie“, sagt Huber.") == [
        "14 Personen wurden verletzt.",
        "„Einen so hohen Pegel gab es nie“, sagt Huber.",
    ]


def test_an_ordinal_after_a_listed_word_does_not_end_a_sentence() -> None:
    text = "Am 6. November griff die 47. Brigade an. Die Zahl stieg auf 47. Rettungskräfte suchen weiter."
    assert [text[s.start : s.end] for s in split_sentences(text, (), ("am", "die"))] == [
        "Am 6. November griff die 47. Brigade an.",
        "Die Zahl stieg auf 47.",
        "Rettungskräfte suchen weiter.",
    ]


def test_a_skipped_line_gives_no_sentence() -> None:
    link = regex.compile(r"[ \t]*(?:Read more)[ \t]*:")
    text = "Russia launched 40 drones.\n  Read more: Kyiv asks for 7 more Patriot systems. Or 8.\nThree were killed."
    assert [text[s.start : s.end] for s in split_sentences(text, skipped_line=link)] == [
        "Russia launched 40 drones.",
        "Three were killed.",
    ]
