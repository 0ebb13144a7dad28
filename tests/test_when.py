"""The date stage: where paragraphs start, and what a sentence without a date takes from before it."""

from __future__ import annotations

import datetime as dt

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
