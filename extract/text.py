"""Sentence segmentation for scraped news: glued sentences, bullets, headlines, HTML debris."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from extract.budget import check, remaining

BULLETS = "►▶•■◆⇒➤➜→▸●"
_LINE = regex.compile(r"[^\n\r]+")
# A candidate boundary: end punctuation (and closing quotes) before the next
# sentence's first character, two sentences glued without a space, or a bullet.
_ENDS = (
    rf"""(?P<stop>[.!?…]+[»”"’)\]]*)(?=[ \t\u00a0]+[\p{{Lu}}\p{{N}}«“„"(\[{BULLETS}]|[{BULLETS}])""",
    r"""(?P<glued_stop>[.!?…]+[»”"’)\]]*)(?=\p{Lu}(?:\p{Ll}|['’]\p{Lu}))""",
    r"""(?<=\p{Ll}{3})(?P<glued>)(?=\p{Lu}(?:\p{Ll}|['’]\p{Lu}))""",
)
_BULLET = rf"(?P<bullet>)(?=[ \t]*[{BULLETS}])"
_BOUNDARY = regex.compile("|".join((*_ENDS, _BULLET)), regex.V1)
# A line without a bullet has no bullet boundary; the search for one is tried at every character, and
# without it the search is about three times quicker.
_BOUNDARY_WITHOUT_BULLETS = regex.compile("|".join(_ENDS), regex.V1)
_A_BULLET = regex.compile(f"[{BULLETS}]")
_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}.]*)\.$")
_NUMBER_BEFORE = regex.compile(r"(?<![\p{L}])(\p{L}+)\s+\d{1,3}\.$")
_INITIALS = regex.compile(r"(?:\p{L}\.)*\p{L}")
_TRIM = " \t\u00a0\u202f" + BULLETS + "\ufe0f"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def split_sentences(
    text: str,
    abbreviations: Iterable[str] = (),
    ordinal_after: Iterable[str] = (),
    skipped_line: regex.Pattern[str] | None = None,
) -> list[Sentence]:
    """Sentences of `text` as offsets; every line break ends a sentence (headlines, bullets).

    A line that `skipped_line` matches at its start gives none (a link to another article).
    """
    known = frozenset(a.lower().rstrip(".") for a in abbreviations)
    ordinals = frozenset(w.lower() for w in ordinal_after)
    sentences: list[Sentence] = []
    bulleted = any(bullet in text for bullet in BULLETS)  # quicker than searching each line for one
    for line in _LINE.finditer(text, timeout=remaining()):
        if skipped_line is not None and skipped_line.match(text, line.start(), line.end()):
            continue
        cut = line.start()
        bullets = bulleted and _A_BULLET.search(text, line.start(), line.end(), timeout=remaining()) is not None
        boundary = _BOUNDARY if bullets else _BOUNDARY_WITHOUT_BULLETS
        for match in boundary.finditer(text, line.start(), line.end(), timeout=remaining()):
            check()
            ends_with_dot = match.group("stop") is not None or match.group("glued_stop") is not None
            if ends_with_dot and (
                _is_abbreviation(text, cut, match.start(), known) or _is_ordinal(text, cut, match.start(), ordinals)
            ):
                continue
            end = match.end()
            _append(sentences, text, cut, end)
            cut = end
        _append(sentences, text, cut, line.end())
    return sentences


def _is_abbreviation(text: str, floor: int, dot: int, known: frozenset[str]) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(floor, dot - 12), dot + 1)
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in known or _INITIALS.fullmatch(token) is not None


def _is_ordinal(text: str, floor: int, dot: int, ordinals: frozenset[str]) -> bool:
    """ "am 6. November": a number after one of the language's ordinal words, then a dot."""
    before = _NUMBER_BEFORE.search(text, max(floor, dot - 20), dot + 1)
    return before is not None and before.group(1).lower() in ordinals


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))
