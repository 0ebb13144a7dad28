"""Language detection per document, and per sentence where a sentence quotes another language."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor
from extract.language import FULL_TEXT, SAMPLE, _confident, _detector, _sample, detect_language, sentence_language
from extract.readers import Document, iter_paths

EXTRACTOR = Extractor()
LANGS = EXTRACTOR.langs


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia launched 96 drones and four missiles at Ukraine overnight, the air force said.", "en"),
        ("La Russie a lancé 96 drones et quatre missiles sur l’Ukraine pendant la nuit.", "fr"),
        ("Rusia lanzó 96 drones y cuatro misiles contra Ucrania durante la noche.", "es"),
        ("Russland griff die Ukraine in der Nacht mit 96 Drohnen und vier Raketen an.", "de"),
    ],
)
def test_document_language(text: str, lang: str) -> None:
    assert detect_language(text, LANGS) == lang
    assert EXTRACTOR.extract_text(text)[0].doc.lang == lang


FRENCH = (
    "Le ministère ukrainien de la Défense a indiqué samedi que la défense antiaérienne avait abattu la plupart"
    " des drones lancés par la Russie pendant la nuit au-dessus des régions du nord et de l'est du pays. "
)
ENGLISH = (
    "Ukraine's air force said on Saturday that its air defences had shot down most of the drones that Russia"
    " launched overnight over the northern and eastern regions of the country, officials in Kyiv said. "
)


def test_a_long_document_is_read_from_two_samples_that_agree() -> None:
    assert detect_language(FRENCH * 6, LANGS) == "fr"
    assert detect_language(ENGLISH * 6, LANGS) == "en"


ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "golden", ROOT / "examples", ROOT.parent / "shared" / "seeds"]


def _documents() -> list[Document]:
    found = (EXTRACTOR.documents_in(path) for path in iter_paths([f for f in CORPUS if f.is_dir()]))
    return [item for items in found for item in items if isinstance(item, Document)]


def test_the_samples_of_every_known_document_decide_as_its_whole_text() -> None:
    """The samples are short, but long enough: each is confident, and of the language of the whole text."""
    detector = _detector(LANGS)
    sampled = 0
    for document in _documents():
        text = document.text
        whole = detector.detect_language_of(text[:FULL_TEXT]).iso_code_639_1.name.lower()
        assert detect_language(text, LANGS) == whole, document.path
        if len(text) > 4 * SAMPLE:
            sampled += 1
            samples = [_sample(text, 0), _sample(text, len(text) // 2)]
            assert [_confident(detector, sample) for sample in samples] == [whole, whole], document.path
    assert sampled >= 100


def test_samples_that_disagree_leave_the_decision_to_the_whole_text() -> None:
    """An English opening (a wire summary, a quotation) does not make a French article English."""
    assert detect_language(ENGLISH * 2 + FRENCH * 8, LANGS) == "fr"
    mixed = FRENCH * 2 + ENGLISH * 8
    whole = _detector(LANGS).detect_language_of(mixed)
    assert detect_language(mixed, LANGS) == whole.iso_code_639_1.name.lower()


QUOTE = "« Nous avons abattu soixante-dix drones ukrainiens au-dessus de la région », a déclaré le ministère."


def test_a_quoted_sentence_is_read_in_its_own_language() -> None:
    assert sentence_language(QUOTE, "en", LANGS) == "fr"
    text = (
        "The Russian defence ministry said on Sunday that it had repelled one of the largest attacks on the"
        f" capital since the start of the war. {QUOTE} Ukraine's air force said that 62 of the 145 drones"
        " launched by Russia overnight had been destroyed by its air defences over the north and the east."
    )
    facts = EXTRACTOR.extract_text(text)
    assert [(f.span.text, f.rule, f.doc.lang) for f in facts] == [
        ("soixante-dix", "fr.drones.count", "en"),
        ("62", "en.drones.part_of_total", "en"),
        ("145", "en.drones.part_of_total", "en"),
    ]


def test_unquoted_and_short_sentences_keep_the_document_language() -> None:
    assert sentence_language("Ukraine said 62 of the 145 drones were destroyed.", "fr", LANGS) == "fr"
    assert sentence_language("« Un record », a dit le ministre.", "en", LANGS) == "en"


def test_a_given_language_turns_detection_off() -> None:
    text = f"The ministry said it had repelled a large attack. {QUOTE}"
    assert EXTRACTOR.extract_text(text, lang="en") == []
