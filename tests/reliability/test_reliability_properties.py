"""Properties over random input: nothing raises, every fact validates and quotes its text, output round-trips."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Extractor, quantities
from extract.writers import JsonlWriter
from schemas import FACT_ADAPTER

EXTRACTOR = Extractor()
LANGS = st.sampled_from(EXTRACTOR.langs)
NUMBER_LIKE = st.from_regex(
    r"[-+(]?[0-9]{1,12}(?:[ ,.'\u00a0\u202f][0-9]{1,4}){0,6}(?:\s?(?:%|km|bn|million|k|M))?", fullmatch=True
)
WORDS = st.sampled_from(["drones", "killed", "about", "tués", "et", ",", "."])
NUMBERY_TEXT = st.lists(st.one_of(NUMBER_LIKE, WORDS), max_size=30).map(" ".join)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=st.one_of(st.text(max_size=400), NUMBERY_TEXT), lang=LANGS)
def test_random_text_never_raises_and_facts_round_trip(text: str, lang: str) -> None:
    facts = EXTRACTOR.extract_text(text, lang=lang)
    for fact in facts:
        assert text[fact.span.start : fact.span.end] == fact.span.text
        assert text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
    for line in JsonlWriter(io.StringIO()).render(facts).split("\n")[:-1]:
        fact = FACT_ADAPTER.validate_json(line)
        assert json.loads(FACT_ADAPTER.dump_json(fact)) == json.loads(line)


@SETTINGS
@given(text=NUMBER_LIKE, lang=LANGS)
def test_number_like_strings_never_raise(text: str, lang: str) -> None:
    for mention in quantities(text, lang):
        assert text[mention.span.start : mention.span.end] == mention.span.text


DOCUMENTS = {
    "a.txt": "Russia launched 96 drones overnight; air defences shot down 62 of them.",
    "b.txt": "La Russie a lancé 40 drones sur Kharkiv, dont 25 ont été abattus.",
    "c.txt": "Nothing to count.",
    "d.txt": "Rusia lanzó 50 drones contra Kiev; 30 fueron derribados.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("order")
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@settings(max_examples=8, deadline=None)
@given(order=st.permutations(sorted(DOCUMENTS)))
def test_results_do_not_depend_on_the_order_of_files(order: list[str], corpus: Path) -> None:
    def by_document(paths: list[Path]) -> dict[str, list[dict[str, object]]]:
        return {r.path: [f.model_dump() for f in r.facts] for r in EXTRACTOR.extract_paths(paths)}

    assert by_document([corpus / name for name in order]) == by_document([corpus])
