"""Language detection, restricted to the languages that have rule packs."""

from __future__ import annotations

from functools import cache

import regex
from lingua import IsoCode639_1, LanguageDetectorBuilder

from extract.budget import remaining
from extract.errors import OptionError


@cache
def _detector(langs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    codes = [getattr(IsoCode639_1, lang.upper()) for lang in langs]
    # Models load lazily, as texts need them. Low-accuracy mode uses the trigram models only: loading them takes
    # 0.04 s instead of 0.6 s (in every fresh process) and detection is twice as fast. It is weaker on very short
    # texts; those asked about here are samples of 150 characters and quotations of 30 or more (a sentence changes
    # language only at confidence >= 0.9). On the 1,317 sentences of 60 characters or more of golden/, examples/
    # and the seeds, it picks the language the full models pick every time.
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


# Two samples of a long document, from its start and its middle, decide its language when they agree with
# this confidence; otherwise the whole text (up to FULL_TEXT) does. Detection costs about 0.5 µs a character,
# as much as the rest of extraction may take: the samples cut it by about five. Every sample of the documents
# of golden/, examples/ and the seeds is confident at 150 characters (the least 0.988; some fall below 0.9 at
# 100, and each of those costs a detection of the whole text), and decides as the whole text does.
SAMPLE = 150
SAMPLE_CONFIDENCE = 0.9
FULL_TEXT = 20000


def detect_language(text: str, langs: tuple[str, ...]) -> str:
    """The most likely of `langs` for `text`; the first of them when nothing can tell."""
    if not langs:
        raise OptionError("no language has rule packs")
    if len(langs) == 1:
        return langs[0]
    detector = _detector(langs)
    if len(text) > 4 * SAMPLE:
        first = _confident(detector, _sample(text, 0))
        if first is not None and first == _confident(detector, _sample(text, len(text) // 2)):
            return first
    found = detector.detect_language_of(_one_line(text[:FULL_TEXT]))
    if found is None:
        return langs[0]
    return str(found.iso_code_639_1.name).lower()


def _sample(text: str, start: int) -> str:
    """About SAMPLE characters from `start`, in whole words, on one line."""
    if start:
        start = text.find(" ", start) + 1
    end = text.rfind(" ", start, start + SAMPLE)
    return _one_line(text[start : end if end > start else start + SAMPLE])


def _one_line(text: str) -> str:
    """The text with each run of white space one space: the detector takes up to six times as long over
    text with line breaks (a headline and a dateline: 0.67 ms instead of 0.10), and decides the same."""
    return " ".join(text.split())


def _confident(detector, sample: str) -> str | None:  # type: ignore[no-untyped-def]
    """The sample's language if the detector is confident of it."""
    confidences = detector.compute_language_confidence_values(sample)
    if not confidences or confidences[0].value < SAMPLE_CONFIDENCE:
        return None
    return str(confidences[0].language.iso_code_639_1.name).lower()


# A quotation long enough to tell its language: «…», “…”, "…", „…“.
_QUOTE = regex.compile(r"[«“„\"]\s*([^«»“”„\"]{30,})\s*[»”“\"]")
_OPENING_MARKS = "«“„\""
SENTENCE_CONFIDENCE = 0.9


def sentence_language(sentence: str, doc_lang: str, langs: tuple[str, ...]) -> str:
    """The language of a sentence that quotes another language ("« 62 drones ont été abattus », he said").

    Only quotations are examined, and only when they make up most of the
    sentence: a short or unquoted sentence keeps the document's language, which
    keeps the detector off the hot path (most sentences quote nothing).
    """
    if len(langs) < 2 or not any(mark in sentence for mark in _OPENING_MARKS):
        return doc_lang
    quoted = sum(len(m.group(1)) for m in _QUOTE.finditer(sentence, timeout=remaining()))
    if quoted < len(sentence) / 2:
        return doc_lang
    confidences = _detector(langs).compute_language_confidence_values(_one_line(sentence))
    best = confidences[0]
    code = str(best.language.iso_code_639_1.name).lower()
    if code != doc_lang and best.value >= SENTENCE_CONFIDENCE:
        return code
    return doc_lang
