"""The date stage: where paragraphs start, and what a sentence without a date takes from before it."""

from __future__ import annotations

import datetime as dt

import pytest

from extract import Extractor
from extract.when import blocks

EXTRACTOR = Extractor()


def test_blank_lines_bullets_and_timestamps_start_blocks() -> None:
    text = "First paragraph.\nSame paragraph.\n\nSecond.\n► Item\n09:10 GMT\nNews."
    assert blocks(text) == [0, 32, 42, 49]


def test_a_text_without_blank_lines_has_a_paragraph_per_line() -> None:
    text = "One line.\nAnother line.\nA third."
    assert blocks(text) == [0, 10, 24]


def test_a_date_does_not_carry_over_to_the_next_line_of_a_scraped_text() -> None:
    text = (
        "Le ministère a annoncé mercredi que 12 drones avaient été abattus.\n"
        "Plus de 40 drones ont visé la région, selon le gouverneur.\n"
    )
    facts = EXTRACTOR.extract_text(text, lang="fr", published=dt.date(2024, 11, 7))
    dated = {fact.span.text: fact.when for fact in facts}
    assert dated["12"] is not None and dated["12"].start == dt.date(2024, 11, 6)
    assert dated["Plus de 40"] is None


def test_publication_furniture_in_any_language_dates_no_fact() -> None:
    for furniture, body, lang in [
        ("Mis à jour le 12 novembre 2024 à 10 h 05.", "Plus de 40 drones ont été abattus.", "fr"),
        ("Aktualisiert am 12. November 2024.", "Mehr als 40 Drohnen wurden abgeschossen.", "de"),
        ("Actualizado el 12 de noviembre de 2024.", "Más de 40 drones fueron derribados.", "es"),
        ("Updated November 12, 2024.", "More than 40 drones were shot down.", "en"),
    ]:
        facts = EXTRACTOR.extract_text(f"Headline\n\n{furniture} {body}\n", lang=lang, published=dt.date(2024, 11, 13))
        assert [fact.when for fact in facts] == [None], furniture
        body_only = furniture.split(" ", 1)[1]
        dated = EXTRACTOR.extract_text(f"Headline\n\n{body_only} {body}\n", lang=lang, published=dt.date(2024, 11, 13))
        assert [fact.when is not None for fact in dated] == [True], body_only


@pytest.mark.parametrize(
    ("lang", "link", "body"),
    [
        ("en", "Read more: Ukraine asks allies for 7 more Patriot systems on Monday", "Three people were killed."),
        ("en", "• RELATED | 12 killed in Kharkiv strike on Monday", "Three people were killed."),
        ("fr", "Lire aussi | Le 12 novembre, 90 drones lancés sur Kiev", "Trois personnes ont été tuées."),
        ("es", "Te puede interesar: Rusia lanza 90 drones contra Kiev el lunes", "Tres personas murieron."),
        ("de", "Lesen Sie auch: Russland greift am Montag mit 90 Drohnen an", "Drei Menschen wurden getötet."),
    ],
)
def test_a_link_to_another_article_gives_no_fact_and_dates_none(lang: str, link: str, body: str) -> None:
    facts = EXTRACTOR.extract_text(f"Headline\n\n{link}\n{body}\n", lang=lang, published=dt.date(2024, 11, 13))
    assert [(fact.span.text.lower(), fact.when) for fact in facts] == [(body.split()[0].lower(), None)]


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        # A forecast's date does not carry to a fact that is not one, nor a past date to a forecast.
        ("fr", "Le groupe va supprimer 2 500 postes d'ici 2026. Le chômage a reculé à 7,3 %.", "7,3 %", None),
        ("de", "Der Konzern will bis 2026 Stellen streichen. Die Quote sank auf 6,0 Prozent.", "6,0 Prozent", None),
        ("en", "Growth was 1.2% in 2023. The government will spend C$2.5 billion on housing.", "C$2.5 billion", None),
        ("es", "La inflación bajó en octubre. El Gobierno enviará 4.800 soldados a Lituania.", "4.800", None),
        ("de", "Die Preise stiegen im Oktober. Die Inflation dürfte auf 2,5 Prozent steigen.", "2,5 Prozent", None),
        # Of one tense, it carries: a forecast to a forecast, a past date to a past fact.
        ("en", "Germany will station troops there by 2027. They will be joined by 200 civilians.", "200", "2027"),
        ("fr", "Lundi, la Russie a lancé 90 drones. L'armée en a abattu 80.", "80", "Lundi"),
        # "werden" also makes the passive: the fact is no forecast.
        ("de", "Am Donnerstag ging eine Lawine ab. Zwei Bergsteiger werden vermisst.", "Zwei", "Donnerstag"),
    ],
)
def test_a_date_carries_to_a_later_sentence_of_its_tense(lang: str, text: str, span: str, expected: str | None) -> None:
    facts = EXTRACTOR.extract_text(f"Headline\n\n{text}\n", lang=lang, published=dt.date(2024, 11, 13))
    found = next(fact for fact in facts if fact.span.text == span)
    assert (found.when.text if found.when else None) == expected
