"""Which named terms every match of a rule pattern must contain: a cheap test that skips rules.

A rule like ``{Q}{np}{drone}`` can only match a sentence in which ``{drone}`` matches
somewhere. Searching for each such term once per sentence (terms are shared by many
rules) is far cheaper than running every rule's full pattern over every sentence, and
it never changes a result: a rule is skipped only when one of its required terms
occurs nowhere in the sentence, so the rule could not have matched either.

A term is required when it stands in the pattern's top-level sequence, or in a group
or positive lookaround that is itself required, with no alternation at its level and
no quantifier that lets it match zero times.
"""

from __future__ import annotations

import regex

_REFERENCE = regex.compile(r"\{(?P<name>[A-Za-z_]\w*)(?::\w+)?\}")
_OPTIONAL = regex.compile(r"[?*]|\{0*,|\{0+\}")
_NEGATIVE = ("(?!", "(?<!")
_GROUP_OPENERS = regex.compile(r"\((?:\?(?:P<\w+>|<\w+>|<=|<!|[:=!>|]|[a-zA-Z-]+[:)])?)?")
_SPECIAL = ("Q", "N")
"""Mention slots, not terms."""


def required_terms(pattern: str) -> frozenset[str]:
    """Names of the terms that every match of `pattern` contains (mention slots excluded)."""
    required, _, alternation = _sequence(pattern, 0)
    return frozenset() if alternation else frozenset(required)


def _sequence(pattern: str, index: int) -> tuple[set[str], int, bool]:
    """The terms required by the sequence starting at `index`, up to its closing parenthesis (not consumed)."""
    required: set[str] = set()
    alternation = False
    while index < len(pattern):
        char = pattern[index]
        if char == ")":
            break
        if char == "|":
            alternation = True
            index += 1
        elif char == "\\":
            index = _skip_escape(pattern, index)
        elif char == "[":
            index = _skip_class(pattern, index)
        elif char == "(":
            opener = _GROUP_OPENERS.match(pattern, index)
            assert opener is not None
            if opener.group().endswith(")"):  # inline flags, "(?i)"
                index = opener.end()
                continue
            inner, index, inner_alternation = _sequence(pattern, opener.end())
            index += 1
            if not (inner_alternation or opener.group().startswith(_NEGATIVE) or _optional(pattern, index)):
                required |= inner
        elif char == "{" and (reference := _REFERENCE.match(pattern, index)):
            index = reference.end()
            name = reference.group("name")
            if name not in _SPECIAL and not _optional(pattern, index):
                required.add(name)
        else:
            index += 1
    return required, index, alternation


def _optional(pattern: str, index: int) -> bool:
    return _OPTIONAL.match(pattern, index) is not None


def _skip_escape(pattern: str, index: int) -> int:
    """Past an escape, including ``\\p{L}``, ``\\N{name}`` and ``\\x{...}``."""
    if index + 2 < len(pattern) and pattern[index + 1] in "pPNxu" and pattern[index + 2] == "{":
        return pattern.index("}", index) + 1
    return index + 2


def _skip_class(pattern: str, index: int) -> int:
    """Past a character class, nested sets (``[[a-z]--[aeiou]]``) included."""
    depth = 0
    index += 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index = _skip_escape(pattern, index)
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return index + 1
            depth -= 1
        index += 1
    return index
