"""Properties that hold for any input: no crash, exact offsets, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Extractor, quantities
from schemas import FACT_ADAPTER

EXTRACTOR = Extractor()
LANGS = st.sampled_from(EXTRACTOR.langs)

WORDS = [
    "drones", "missiles", "soldiers", "soldats", "killed", "tués", "blessés", "wounded", "prison", "ans", "years",
    "rate", "taux", "à", "at", "of", "de", "ces", "the", "about", "environ", "plus", "more", "than", "between",
    "and", "et", "entre", "%", "km", "thousands", "milliers", "des", "dozen", "soixante-dix", "eleven", "thousand",
    "shot", "down", "abattu", "launched", "lancé", "North", "Korean", "nord-coréens", "per", "day", "par", "jour",
    "(", ")", ",", ".", ";", "“", "”", "«", "»", "\n", "►", "Kaluga", "Kalouga", "in", "absentia", "contumace",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10_000_000).map(str),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: f"{n:,}"),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: f"{n:,}".replace(",", "\u202f")),
    st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.sampled_from(["10'000", "1,5 million", "2.5bn", "11.000", "10-15", "9 h 30", "Su-34", "2024-11-10"]),
)
NEWSY = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, lang=LANGS)
def test_facts_validate_and_quote_their_text(text: str, lang: str) -> None:
    facts = EXTRACTOR.extract_text(text, lang=lang)
    for fact in facts:
        assert text[fact.span.start : fact.span.end] == fact.span.text
        assert text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        assert FACT_ADAPTER.validate_json(FACT_ADAPTER.dump_json(fact)) == fact


@settings(max_examples=150, deadline=None)
@given(text=ANY_TEXT, lang=LANGS)
def test_quantity_offsets_quote_the_text(text: str, lang: str) -> None:
    previous_end = 0
    for mention in quantities(text, lang):
        assert text[mention.span.start : mention.span.end] == mention.span.text
        assert mention.span.start >= previous_end
        previous_end = mention.span.end


@settings(max_examples=60, deadline=None)
@given(text=NEWSY, lang=LANGS)
def test_same_input_same_output(text: str, lang: str) -> None:
    first = [f.model_dump() for f in EXTRACTOR.extract_text(text, lang=lang)]
    second = [f.model_dump() for f in Extractor().extract_text(text, lang=lang)]
    assert first == second


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=200))
def test_language_detection_never_fails(text: str) -> None:
    assert EXTRACTOR.language_of(text) in EXTRACTOR.langs
