"""Language detection, restricted to the languages that have rule packs."""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from extract.errors import OptionError


@cache
def _detector(langs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    codes = [getattr(IsoCode639_1, lang.upper()) for lang in langs]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


def detect_language(text: str, langs: tuple[str, ...]) -> str:
    """The most likely of `langs` for `text`; the first of them when nothing can tell."""
    if not langs:
        raise OptionError("no language has rule packs")
    if len(langs) == 1:
        return langs[0]
    found = _detector(langs).detect_language_of(text[:20000])
    if found is None:
        return langs[0]
    return str(found.iso_code_639_1.name).lower()
