"""Alternations of expressions, searched only where one of their expressions can start.

A search with one big alternation ("every date expression of a language") tries
each expression at every word of the text: with some thirty expressions that cost
4 µs a word, though most words start none of them. Here the leading characters of
each expression ("the night", "since", a month's name, a digit) are read from its
regex text and merged into one trie, which a search finds cheaply; where it
matches, only the expressions whose own prefixes fit the text there are tried,
one at a time, in order. The matches are those of `finditer` with the whole
alternation: leftmost, the first expression that matches there, never overlapping.
Several alternations that start under the same condition (the verbs and the
prepositions of attribution) share one such search, each keeping its own matches.

A prefix only ever widens what its expression matches (lookarounds are left out,
and what cannot be read ends it), so the trie finds every place an expression can
start. Syntax the reader does not follow (it reads the `regex` module's version 1)
raises Unreadable, and the alternations are then searched whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, chain

import regex

from extract.budget import check, remaining
from extract.patterns import caseless
from extract.regexsyntax import (
    CHARACTER_ESCAPES,
    ESCAPE,
    GROUP,
    LOOKAROUNDS,
    QUANTIFIER,
    SET,
    ZERO_WIDTH_ESCAPES,
    bounds,
    unknown_group,
)

# The regex text of what an expression starts with, a token per character matched
# (a literal, a set, an escape like "\s", each with its quantifier if it has one).
Prefix = tuple[str, ...]
# The prefixes of a piece of an expression, each with whether it spans all the piece matched
# (only then can the prefixes of what follows the piece be added to it).
_Prefixes = set[tuple[Prefix, bool]]
# A trie of prefixes: the node after each token.
_Node = dict[str, "_Node"]
# More prefixes than this per expression, or longer ones, are cut short (a shorter prefix still finds every start).
_MOST_PREFIXES = 400
_LONGEST_PREFIX = 6
# Two characters that match each other caseless (a backreference compares caseless too).
_SAME_CASELESS = caseless(r"(?s)(.)\1")
# Memoised expressions to try per matched prefix text, per alternation; emptied when it grows past this.
_MOST_MEMOISED = 4096


class Unreadable(ValueError):
    """Regex syntax the prefix reader does not follow."""


class _Reader:
    """Reads the prefixes of one expression's regex text (the `regex` module's syntax)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def read(self) -> _Prefixes:
        prefixes = self._alternation()
        if self.at != len(self.pattern):
            raise Unreadable(f"unbalanced ')' at {self.at} in {self.pattern!r}")
        return prefixes

    def _alternation(self) -> _Prefixes:
        prefixes = self._sequence()
        while self.pattern.startswith("|", self.at):
            self.at += 1
            prefixes |= self._sequence()
        return prefixes

    def _sequence(self) -> _Prefixes:
        prefixes: _Prefixes = {((), True)}
        while self.at < len(self.pattern) and self.pattern[self.at] not in "|)":
            item = self._quantified()
            grown = {(start + more, whole) for start, complete in prefixes if complete for more, whole in item}
            prefixes = _limited(grown | {(start, False) for start, complete in prefixes if not complete})
        return prefixes

    def _quantified(self) -> _Prefixes:
        item, one_character = self._item()
        found = QUANTIFIER.match(self.pattern, self.at)
        if found is None:
            return item
        self.at = found.end()
        least, most = bounds(found)  # lazy and possessive alike: a possessive one only matches less
        if most == 0:
            return {((), True)}
        repeated: _Prefixes
        if one_character:  # a repeated character stays one token ("\s+"); an optional one is a token or none
            [((token,), _)] = item
            repeated = {((token + _repeat(max(least, 1), most),), True)}
        else:
            repeated = item if most == 1 else {(prefix, False) for prefix, _ in item}
        return repeated | {((), True)} if least == 0 else repeated

    def _item(self) -> tuple[_Prefixes, bool]:
        """The prefixes of one item, and whether it is one character (a token that may take a quantifier)."""
        char = self.pattern[self.at]
        if char == "(":
            return self._group(), False
        if char == "[":
            found = SET.match(self.pattern, self.at)
            if found is None:
                raise Unreadable(f"unclosed set at {self.at} in {self.pattern!r}")
            self.at = found.end()
            return {((found[0],), True)}, True
        if char == "\\":
            found = ESCAPE.match(self.pattern, self.at)
            if found is None:
                raise Unreadable(f"trailing backslash in {self.pattern!r}")
            self.at = found.end()
            escaped = found[0][1]
            if escaped in ZERO_WIDTH_ESCAPES:
                return {((), True)}, False
            if escaped.isalnum() and escaped not in CHARACTER_ESCAPES:
                raise Unreadable(f"escape {found[0]!r} in {self.pattern!r}")  # backreferences among them
            return {((found[0] if escaped.isalnum() else _literal(escaped),), True)}, True
        self.at += 1
        if char in "^$":
            return {((), True)}, False
        if char in "*+?":
            raise Unreadable(f"nothing to repeat at {self.at} in {self.pattern!r}")
        return {((char if char == "." else _literal(char),), True)}, True

    def _group(self) -> _Prefixes:
        opening = GROUP.match(self.pattern, self.at)
        assert opening is not None  # "(" alone matches
        kind = opening[0][1:]
        if unknown_group(self.pattern, opening):
            raise Unreadable(f"group {self.pattern[self.at : self.at + 4]!r} in {self.pattern!r}")
        if kind.endswith(":") and kind != "?:" and not set(kind[1:-1]) <= set("i-"):
            raise Unreadable(f"flags {opening[0]!r} in {self.pattern!r}")  # only a change of case only widens
        self.at = opening.end()
        inner = self._alternation()
        if not self.pattern.startswith(")", self.at):
            raise Unreadable(f"unclosed group in {self.pattern!r}")
        self.at += 1
        if opening[0] in LOOKAROUNDS:
            return {((), True)}  # zero-width: leaving it out only widens
        return inner


def _repeat(least: int, most: int | None) -> str:
    if (least, most) == (1, 1):
        return ""
    return "+" if (least, most) == (1, None) else f"{{{least},{'' if most is None else most}}}"


def _limited(prefixes: _Prefixes) -> _Prefixes:
    """Cut the longest prefixes short until there are few enough, and none too long."""
    longest = max((len(prefix) for prefix, _ in prefixes), default=0)
    while longest and (len(prefixes) > _MOST_PREFIXES or longest > _LONGEST_PREFIX):
        longest -= 1
        prefixes = {(prefix[:longest], whole and len(prefix) <= longest) for prefix, whole in prefixes}
    return prefixes


@cache
def _literal(char: str) -> str:
    """A literal character's token, in lower case when that is the same caseless (so that tokens merge)."""
    lower = char.lower()
    same = len(lower) == 1 and all(_SAME_CASELESS.fullmatch(pair) is not None for pair in (char + lower, lower + char))
    return regex.escape(lower if same else char)


def prefixes(pattern: str) -> set[Prefix]:
    """Prefixes one of which starts every match of `pattern`, read as caseless (raises Unreadable)."""
    found = {prefix for prefix, _ in _Reader(pattern).read()}
    if () in found:
        raise Unreadable(f"{pattern!r} may start with anything")
    return found


def trie(all_prefixes: Sequence[Prefix]) -> str:
    """One regex that matches where any of the prefixes does, their common starts merged."""
    root: _Node = {}
    for prefix in all_prefixes:
        node = root
        for token in prefix:
            node = node.setdefault(token, {})
        node[""] = {}  # a prefix ends here

    def emit(node: _Node) -> str:
        branches = [token + emit(child) for token, child in sorted(node.items()) if token]
        if "" in node:
            return f"(?:{'|'.join(branches)}|)" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(root)


Match = tuple[int, regex.Match[str]]
"""A match of an alternation, with the index of the expression (in that alternation) that made it."""


@dataclass(frozen=True, eq=False)
class Alternations:
    """Alternations `(?<![{word}])(?:e0|e1|…){after}`, caseless, each searched as its own `finditer` would,
    all in one pass that tries an expression only where its prefixes match."""

    # Every expression of every alternation, in order, each with the alternation's start and end conditions.
    expressions: tuple[regex.Pattern[str], ...]
    # Which alternation each expression belongs to, and the index of its first expression.
    alternation_of: tuple[int, ...]
    first_of: tuple[int, ...]
    # Each alternation whole, searched as it is when an expression's start cannot be read (the scanner is None).
    wholes: tuple[regex.Pattern[str], ...]
    at_start: regex.Pattern[str] | None
    scanner: regex.Pattern[str] | None
    heads: tuple[regex.Pattern[str], ...]
    _memo: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        """The matches of the first alternation (see `matches`)."""
        return iter(self.matches(text, pos, endpos)[0])

    def matches(self, text: str, pos: int = 0, endpos: int | None = None) -> list[list[Match]]:
        """The matches of each alternation in text[pos:endpos], as `finditer` finds them (lookbehinds see
        before `pos`): leftmost, the first expression that matches there, none overlapping."""
        endpos = len(text) if endpos is None else endpos
        found: list[list[Match]] = [[] for _ in self.first_of]
        if self.scanner is None or self.at_start is None:
            for alternation, whole in enumerate(self.wholes):
                for each in whole.finditer(text, pos, endpos, timeout=remaining()):
                    found[alternation].append(self._first(text, each.start(), endpos, self._all_of(alternation)))
            return found
        # From the character before `pos`: a start there follows it (a start at 0 follows nothing).
        hits = self.scanner.finditer(text, max(pos - 1, 0), endpos, timeout=remaining())
        starts: Iterable[tuple[int, str]] = ((hit.end(), hit[1]) for hit in hits)
        first = self.at_start.match(text, 0, endpos, timeout=remaining()) if pos == 0 else None
        if first is not None:
            starts = chain(((0, first[1]),), starts)
        ends = [pos] * len(self.first_of)
        for start, head in starts:
            check()
            for index in self._candidates(head):
                alternation = self.alternation_of[index]
                if start < ends[alternation]:
                    continue  # inside its last match, or one of its earlier expressions matched here
                match = self.expressions[index].match(text, start, endpos, timeout=remaining())
                if match is not None:
                    found[alternation].append((index - self.first_of[alternation], match))
                    ends[alternation] = match.end()
        return found

    def _all_of(self, alternation: int) -> range:
        stop = self.first_of[alternation + 1] if alternation + 1 < len(self.first_of) else len(self.expressions)
        return range(self.first_of[alternation], stop)

    def _first(self, text: str, start: int, endpos: int, indices: range) -> Match:
        """The match of the first of the expressions that matches at `start` (one does)."""
        for index in indices:
            match = self.expressions[index].match(text, start, endpos, timeout=remaining())
            if match is not None:
                return index - indices.start, match
        raise AssertionError("the whole alternation matched here, so one of its expressions does")

    def _candidates(self, head: str) -> tuple[int, ...]:
        """The expressions whose prefixes fit `head` (a prefix of the text there, so no other can match)."""
        found = self._memo.get(head)
        if found is None:
            if len(self._memo) >= _MOST_MEMOISED:
                self._memo.clear()
            found = tuple(
                i for i, h in enumerate(self.heads) if h.match(head, partial=True, timeout=remaining()) is not None
            )
            self._memo[head] = found
        return found


def compile_alternations(word: str, *alternations: tuple[Sequence[str], str]) -> Alternations:
    """Alternations of expressions (their regex texts) and what follows each, caseless, matching only where no
    `word` character (a set's contents: "\\p{L}\\p{N}") precedes.

    Raises regex.error for an expression that does not compile.
    """
    before = rf"(?<![{word}])"
    bodies = [body for expressions, _ in alternations for body in expressions]
    first_of = tuple(accumulate((len(expressions) for expressions, _ in alternations[:-1]), initial=0))
    alternation_of = tuple(i for i, (expressions, _) in enumerate(alternations) for _ in expressions)
    compiled = tuple(
        caseless(f"{before}(?:{body}){after}") for expressions, after in alternations for body in expressions
    )
    try:
        each = [prefixes(body) for body in bodies]
    except Unreadable:
        wholes = tuple(caseless(f"{before}(?:{'|'.join(expressions)}){after}") for expressions, after in alternations)
        return Alternations(compiled, alternation_of, first_of, wholes, None, None, ())
    starts = trie(sorted({prefix for found in each for prefix in found}))
    return Alternations(
        compiled,
        alternation_of,
        first_of,
        wholes=(),
        at_start=caseless(f"(?=({starts}))"),
        # The set of characters before a start, case-sensitive: it matches all the caseless lookbehind lets
        # through (and U+0345, which folds to a letter), and is quicker to test.
        scanner=caseless(f"(?-i:[^{word}])(?=({starts}))"),
        heads=tuple(caseless("|".join("".join(prefix) for prefix in sorted(found))) for found in each),
    )
