"""Who claims a fact: the attribution in its sentence, as written in the document.

The words of attribution (prepositions, verbs, pronouns, where a claimant's name
ends) live in rules/<lang>/sources.yaml; this module only knows the three shapes
an attribution takes: "according to X", "X said …" and "…, said X".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field

from extract.lexicon import BUILTIN_RULES_DIR
from extract.text import Sentence
from extract.yamlsource import read_yaml_file

FLAGS = regex.IGNORECASE | regex.V1
_PUNCTUATION = ",;:.!?()\n«»“”\"„"


class SourceLexicon(BaseModel):
    """rules/<lang>/sources.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # Before the claimant: "according to X".
    prepositions: list[str] = Field(min_length=1)
    # After the claimant, or before it after a comma or a quotation: "X said", "…, said X".
    verbs: list[str] = Field(min_length=1)
    # Words that end a claimant's name ("… said Zelensky in a message", "… on Sunday").
    stops: list[str] = Field(default_factory=list)
    # Words that end a claimant when reading backwards from the verb ("… and", "… that").
    boundaries: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Claimant:
    start: int
    end: int
    pronoun: bool


@dataclass(frozen=True)
class _Compiled:
    after_preposition: regex.Pattern[str]
    inverted: regex.Pattern[str]
    verb: regex.Pattern[str]
    stop: regex.Pattern[str]
    boundary: regex.Pattern[str]
    pronouns: frozenset[str]


def _alternation(words: Sequence[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@cache
def _compiled(lang: str, rules_dir: Path = BUILTIN_RULES_DIR) -> _Compiled | None:
    path = rules_dir / lang / "sources.yaml"
    if not path.is_file():
        return None
    lexicon = read_yaml_file(path).validate(SourceLexicon)
    verbs = _alternation(lexicon.verbs)
    return _Compiled(
        after_preposition=regex.compile(rf"(?<![\p{{L}}]){_alternation(lexicon.prepositions)}\s+", FLAGS),
        inverted=regex.compile(rf"[,»”\"]\s*{verbs}\s+", FLAGS),
        verb=regex.compile(rf"(?<![\p{{L}}]){verbs}(?![\p{{L}}])", FLAGS),
        stop=regex.compile(rf"\s+{_alternation(lexicon.stops)}(?![\p{{L}}])|\s*[{regex.escape(_PUNCTUATION)}]", FLAGS)
        if lexicon.stops
        else regex.compile(rf"\s*[{regex.escape(_PUNCTUATION)}]"),
        boundary=regex.compile(
            rf"(?:[{regex.escape(_PUNCTUATION)}]|(?<![\p{{L}}]){_alternation(lexicon.boundaries)}(?![\p{{L}}]))",
            FLAGS,
        )
        if lexicon.boundaries
        else regex.compile(rf"[{regex.escape(_PUNCTUATION)}]"),
        pronouns=frozenset(p.lower() for p in lexicon.pronouns),
    )


def find_claimants(text: str, sentence: Sentence, lang: str) -> list[Claimant]:
    """The claimants named in one sentence, in order."""
    compiled = _compiled(lang)
    if compiled is None:
        return []
    found: list[Claimant] = []
    for match in compiled.after_preposition.finditer(text, sentence.start, sentence.end):
        claimant = _forward(text, match.end(), sentence.end, compiled)
        if claimant is not None:
            found.append(claimant)
    for match in compiled.inverted.finditer(text, sentence.start, sentence.end):
        claimant = _forward(text, match.end(), sentence.end, compiled)
        if claimant is not None:
            found.append(claimant)
    inverted_verbs = {m.end() for m in compiled.inverted.finditer(text, sentence.start, sentence.end)}
    for match in compiled.verb.finditer(text, sentence.start, sentence.end):
        if any(match.start() < end <= match.end() + 1 for end in inverted_verbs):
            continue
        claimant = _backward(text, sentence.start, match.start(), compiled)
        if claimant is not None:
            found.append(claimant)
    unique = {(c.start, c.end): c for c in found}
    return [unique[k] for k in sorted(unique)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0'’":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    return start, end


def _forward(text: str, start: int, limit: int, compiled: _Compiled) -> Claimant | None:
    stop = compiled.stop.search(text, start, limit)
    end = stop.start() if stop is not None else limit
    return _claimant(text, start, end, compiled)


def _backward(text: str, floor: int, verb: int, compiled: _Compiled) -> Claimant | None:
    ends = [m.end() for m in compiled.boundary.finditer(text, floor, verb)]
    start = ends[-1] if ends else floor
    return _claimant(text, start, verb, compiled)


def _claimant(text: str, start: int, end: int, compiled: _Compiled) -> Claimant | None:
    start, end = _trim(text, start, end)
    words = text[start:end].split()
    if not words or len(words) > 12 or any(c in text[start:end] for c in "\ue000\ue001"):
        return None
    if words[0].lower() in compiled.pronouns and len(words) == 1:
        return Claimant(start, end, pronoun=True)
    if not any(w[:1].isupper() for w in words) and len(words) < 2:
        return None
    return Claimant(start, end, pronoun=False)


def source_of(position: int, claimants: Sequence[Claimant]) -> Claimant | None:
    """The claimant nearest a fact at `position` in its sentence."""
    if not claimants:
        return None
    return min(claimants, key=lambda c: abs((c.start + c.end) // 2 - position))
