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

from extract.diskcache import cached
from extract.lexicon import BUILTIN_RULES_DIR
from extract.text import Sentence
from extract.yamlsource import read_yaml_file

FLAGS = regex.IGNORECASE | regex.V1
_PUNCTUATION = ',;:.!?()\n«»“”"„'
# Where a subject read backwards from its verb starts (parentheses may be part of it: "Service (NIS)").
_BOUNDARY_PUNCTUATION = ',;:.!?\n«»“”"„'


class SourceLexicon(BaseModel):
    """rules/<lang>/sources.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # Before the claimant: "according to X".
    prepositions: list[str] = Field(min_length=1)
    # After the claimant: "X said".
    verbs: list[str] = Field(min_length=1)
    # Before the claimant, after a comma or a quotation: "…, said X".
    inverted_verbs: list[str] = Field(min_length=1)
    # A claimant read forwards starts with a capital or one of these ("…, said the ministry").
    determiners: list[str] = Field(default_factory=list)
    # Adverbs that end a subject but are not part of it ("The bank also said").
    trailing: list[str] = Field(default_factory=list)
    # Words a claimant never contains: it is a noun phrase, not a clause ("the economy is").
    not_words: list[str] = Field(default_factory=list)
    # Words that open a sentence rather than name someone ("In all, Ukraine said").
    intros: list[str] = Field(default_factory=list)
    # Words that end a claimant's name ("… said Zelensky in a message", "… on Sunday").
    stops: list[str] = Field(default_factory=list)
    # Words that end a claimant when reading backwards from the verb ("… and", "… that").
    boundaries: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Claimant:
    """A claimant and the stretch of its sentence it vouches for."""

    start: int
    end: int
    pronoun: bool
    covers: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class _Compiled:
    after_preposition: regex.Pattern[str]
    inverted: regex.Pattern[str]
    verb: regex.Pattern[str]
    stop: regex.Pattern[str]
    boundary: regex.Pattern[str]
    pronouns: frozenset[str]
    starts: regex.Pattern[str]
    trailing: regex.Pattern[str]
    not_words: frozenset[str]
    intros: frozenset[str]


def _alternation(words: Sequence[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@cache
def _compiled(lang: str, rules_dir: Path = BUILTIN_RULES_DIR) -> _Compiled | None:
    return cached("sources", lang, (rules_dir,), lambda: _compile_sources(lang, rules_dir))


def _compile_sources(lang: str, rules_dir: Path) -> _Compiled | None:
    path = rules_dir / lang / "sources.yaml"
    if not path.is_file():
        return None
    lexicon = read_yaml_file(path).validate(SourceLexicon)
    verbs = _alternation(lexicon.verbs)
    determiners = _alternation(lexicon.determiners) if lexicon.determiners else "(?!)"
    trailing = _alternation(lexicon.trailing) if lexicon.trailing else "(?!)"
    return _Compiled(
        after_preposition=regex.compile(rf"(?<![\p{{L}}]){_alternation(lexicon.prepositions)}\s+", FLAGS),
        inverted=regex.compile(rf"[,»”\"]\s*{_alternation(lexicon.inverted_verbs)}\s+", FLAGS),
        verb=regex.compile(rf"(?<![\p{{L}}]){verbs}(?![\p{{L}}])", FLAGS),
        starts=regex.compile(rf"(?-i:\p{{Lu}})|{determiners}(?![\p{{L}}])", FLAGS),
        trailing=regex.compile(rf"(?:\s+{trailing})+$", FLAGS),
        not_words=frozenset(w.lower() for w in lexicon.not_words),
        intros=frozenset(w.lower() for w in lexicon.intros),
        # A claimant read forwards also ends before a number: "nach Angaben von Sobjanin 5 Drohnen".
        stop=regex.compile(
            rf"\s+(?:{_alternation(lexicon.stops)}|\p{{N}})(?![\p{{L}}])"
            rf"|\s*[{regex.escape(_PUNCTUATION)}]",
            FLAGS,
        ),
        boundary=regex.compile(
            rf"(?:[{regex.escape(_BOUNDARY_PUNCTUATION)}]|(?<![\p{{L}}]){_alternation(lexicon.boundaries)}(?![\p{{L}}]))",
            FLAGS,
        )
        if lexicon.boundaries
        else regex.compile(rf"[{regex.escape(_BOUNDARY_PUNCTUATION)}]"),
        pronouns=frozenset(p.lower() for p in lexicon.pronouns),
    )


def find_claimants(text: str, sentence: Sentence, lang: str) -> list[Claimant]:
    """The claimants named in one sentence, in order, each with the part of the sentence it covers.

    "according to X" and "…, said X" vouch for the whole sentence; "X said …" for
    what follows the verb, or for what precedes it when the verb ends the sentence.
    A semicolon ends what any of them covers.
    """
    compiled = _compiled(lang)
    if compiled is None:
        return []
    found: list[Claimant] = []
    whole = (sentence.start, sentence.end)
    for pattern in (compiled.after_preposition, compiled.inverted):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            claimant = _forward(text, match.end(), sentence.end, compiled)
            if claimant is not None:
                found.append(_within_clause(text, claimant, whole))
    inverted_ends = {m.end() for m in compiled.inverted.finditer(text, sentence.start, sentence.end)}
    for match in compiled.verb.finditer(text, sentence.start, sentence.end):
        if any(match.start() < end <= match.end() + 1 for end in inverted_ends):
            continue
        claimant = _backward(text, sentence.start, match.start(), compiled)
        if claimant is None:
            continue
        rest = text[match.end() : sentence.end]
        ends_sentence = len(regex.sub(r"[^\p{L}\p{N}]", "", rest)) <= 25
        parenthetical = rest.lstrip().startswith(",")
        if parenthetical:
            covers = whole
        elif ends_sentence:
            covers = (sentence.start, match.start())
        else:
            covers = (match.end(), sentence.end)
        found.append(_within_clause(text, claimant, covers))
    unique = {(c.start, c.end): c for c in found}
    return [unique[k] for k in sorted(unique)]


def _within_clause(text: str, claimant: Claimant, covers: tuple[int, int]) -> Claimant:
    """What a claimant covers stops at a semicolon on either side of it."""
    low, high = covers
    before = text.rfind(";", low, claimant.start)
    after = text.find(";", claimant.end, high)
    return Claimant(
        claimant.start,
        claimant.end,
        claimant.pronoun,
        (before + 1 if before >= 0 else low, after if after >= 0 else high),
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0'’":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    return start, end


def _forward(text: str, start: int, limit: int, compiled: _Compiled) -> Claimant | None:
    stop = compiled.stop.search(text, start, limit)
    end = stop.start() if stop is not None else limit
    if stop is not None and text[stop.start() : stop.end()].strip() == ",":
        name = compiled.stop.search(text, stop.end(), limit)  # "le maire, Vitali Klitschko"
        after = text[stop.end() : name.start() if name is not None else limit].strip()
        if len(after.split()) >= 2 and all(w[:1].isupper() for w in after.split()):
            end = name.start() if name is not None else limit
    if not compiled.starts.match(text, start, end):
        return None
    return _claimant(text, start, end, compiled)


def _backward(text: str, floor: int, verb: int, compiled: _Compiled) -> Claimant | None:
    """The subject before a verb; a title and a name in apposition go together ("Her lawyer, Ivan Sorokin")."""
    cuts = [floor, *(m.end() for m in compiled.boundary.finditer(text, floor, verb))]
    end = verb
    if len(cuts) > 1 and not text[cuts[-1] : verb].strip() and text[cuts[-1] - 1] == ",":
        end = cuts.pop() - 1  # "…, Ivan Sorokin, said": the comma closes the apposition
    trailing = compiled.trailing.search(text, cuts[-1], end)
    if trailing is not None:
        end = trailing.start()
    start = cuts[-1]
    if len(cuts) > 1 and text[start - 1] == ",":
        title = text[cuts[-2] : start - 1]
        if _apposition(title, text[start:end], compiled):
            start = cuts[-2]
    return _claimant(text, start, end, compiled)


def _apposition(first: str, second: str, compiled: _Compiled) -> bool:
    """A title and a name side by side: one of them a name (all words capitalised), neither an opener."""
    words = first.split()
    if not words or len(words) > 6 or words[0].lower().strip(",") in compiled.intros:
        return False

    def is_name(part: str) -> bool:
        tokens = part.split()
        return len(tokens) >= 2 and all(t[:1].isupper() for t in tokens)

    return is_name(first) or is_name(second)


def _claimant(text: str, start: int, end: int, compiled: _Compiled) -> Claimant | None:
    start, end = _trim(text, start, end)
    words = text[start:end].split()
    if not words or len(words) > 12 or any(c in text[start:end] for c in "\ue000\ue001"):
        return None
    if " ".join(words).lower() in compiled.pronouns:
        return Claimant(start, end, pronoun=True)
    if regex.search(r"(?<![\p{L}\p{N}])\p{N}+(?![\p{L}\p{N}])", text[start:end]) or any(
        w.lower() in compiled.not_words for w in words
    ):
        return None
    return Claimant(start, end, pronoun=False)


def source_of(position: int, claimants: Sequence[Claimant]) -> Claimant | None:
    """The nearest claimant that vouches for the part of the sentence at `position`."""
    covering = [c for c in claimants if c.covers[0] <= position < c.covers[1]]
    if not covering:
        return None
    return min(covering, key=lambda c: abs((c.start + c.end) // 2 - position))
