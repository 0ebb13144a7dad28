"""What every match of a rule pattern must contain: a cheap test that skips rules.

A rule like ``{Q}{np}{drone}`` can only match a sentence in which ``{drone}`` matches
somewhere. Searching for such pieces once per sentence (pieces are shared by many
rules) is far cheaper than running every rule's full pattern over every sentence, and
it never changes a result: a rule is skipped only when a piece that every match holds
occurs nowhere in the sentence, so the rule could not have matched either.

The requirement is a disjunction: a pattern ``A|B`` needs what A needs or what B needs.
A piece is a named term, or a group that holds no term of its own and no mention slot
(``(?P<outcome>tötete|starben)``). A piece is required when it stands in a branch's
top-level sequence, or in a group or positive lookaround that is itself required, with no
quantifier that lets it match zero times.
"""

from __future__ import annotations

import regex

from extract.regexsyntax import (
    GROUP,
    LOOKAROUNDS,
    NEGATIVE_LOOKAROUNDS,
    escape_end,
    optional,
    past_quantifier,
    set_end,
    unknown_group,
)

Requirement = tuple[frozenset[str], ...]
"""Branches, any one of which a match satisfies; a branch is the pieces (pattern sources) it holds."""
ANYTHING: Requirement = (frozenset(),)
"""No piece is required: the pattern cannot be filtered."""
MAX_BRANCHES = 16
"""A sequence of alternations multiplies branches: past this, the requirement with more branches is dropped."""

_REFERENCE = regex.compile(r"\{(?P<name>[A-Za-z_]\w*)(?::\w+)?\}")
_SPECIAL = ("Q", "N")
"""Mention slots, not terms."""
# What makes a group no piece: a mention slot (it reads masks) or a back-reference (it needs another group).
_NOT_ALONE = regex.compile(r"\{[QN](?::\w+)?\}|\(\?P=|\\[1-9]|\\g<")
# Flags set for the rest of the pattern ("(?x)"): a piece read without them could miss what the rule matches.
_GLOBAL_FLAGS = regex.compile(r"\(\?[a-zA-Z-]+\)")


def requirements(pattern: str) -> Requirement:
    """The pieces every match of `pattern` holds, as branches of which one must be present in full."""
    if _GLOBAL_FLAGS.search(pattern):
        return ANYTHING
    required, _ = _alternation(pattern, 0)
    return required


def _alternation(pattern: str, index: int) -> tuple[Requirement, int]:
    """The requirement of the alternatives starting at `index`, up to their closing parenthesis (not consumed)."""
    branches: list[frozenset[str]] = []
    while True:
        branch, index = _sequence(pattern, index)
        branches.extend(branch)
        if index < len(pattern) and pattern[index] == "|":
            index += 1
            continue
        break
    if any(not branch for branch in branches):
        return ANYTHING, index
    return tuple(dict.fromkeys(branches)), index


def _sequence(pattern: str, index: int) -> tuple[Requirement, int]:
    """The requirement of one alternative: every item's, together."""
    required = ANYTHING
    while index < len(pattern) and pattern[index] not in ")|":
        item, index = _item(pattern, index)
        required = _together(required, item)
    return required, index


def _item(pattern: str, index: int) -> tuple[Requirement, int]:
    """The requirement of the item at `index` (a group, term, class, escape or character) and where it ends."""
    char = pattern[index]
    if char == "\\":
        return ANYTHING, escape_end(pattern, index)
    if char == "[":
        return ANYTHING, set_end(pattern, index)
    if char == "{" and (reference := _REFERENCE.match(pattern, index)):
        end = reference.end()
        if reference.group("name") in _SPECIAL or optional(pattern, end):
            return ANYTHING, end
        return (frozenset({reference.group()}),), end
    if char != "(":
        return ANYTHING, index + 1
    opening = GROUP.match(pattern, index)
    assert opening is not None  # "(" alone matches
    inner, end = _alternation(pattern, opening.end())
    end += 1
    kind = opening.group()
    if kind in NEGATIVE_LOOKAROUNDS or unknown_group(pattern, opening) or optional(pattern, end):
        return ANYTHING, end
    source = pattern[index:end]
    if inner == ANYTHING and kind not in LOOKAROUNDS and not _NOT_ALONE.search(source):
        return (frozenset({source}),), end
    return inner, end


def _together(first: Requirement, second: Requirement) -> Requirement:
    """What a sequence of two items requires: a branch of each."""
    if first == ANYTHING:
        return second
    if second == ANYTHING:
        return first
    if len(first) * len(second) > MAX_BRANCHES:
        return min(first, second, key=len)
    return tuple(dict.fromkeys(a | b for a in first for b in second))


# ---- Literals: strings one of which every match holds, for a pre-scan of all of them at once ----

MIN_LITERAL = 3
"""Shorter literals ("of", "de") are in nearly every sentence: they would filter nothing."""
_METACHARACTERS = frozenset(".^$*+?{}[]\\|()")


def necessary_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings, one of which the case-folded text holds wherever `pattern` matches; None if unknown.

    For a pattern compiled case-insensitively with simple case folding (extract/patterns.py):
    a character is kept in a literal only when its simple and full case folds agree, so
    that ``str.casefold`` of the text finds every literal the pattern matched.
    """
    if _GLOBAL_FLAGS.search(pattern):
        return None
    literals, _ = _literal_alternation(pattern, 0)
    return literals


def _literal_alternation(pattern: str, index: int) -> tuple[frozenset[str] | None, int]:
    union: set[str] = set()
    unknown = False
    while True:
        branch, index = _literal_sequence(pattern, index)
        if branch is None:
            unknown = True
        else:
            union |= branch
        if index < len(pattern) and pattern[index] == "|":
            index += 1
            continue
        return (None if unknown else frozenset(union)), index


def _literal_sequence(pattern: str, index: int) -> tuple[frozenset[str] | None, int]:
    """The most selective literal set of one alternative: a run of plain characters, or a required group's."""
    candidates: list[frozenset[str]] = []
    run = ""
    while index < len(pattern) and pattern[index] not in ")|":
        item, ends_run, index = _literal_item(pattern, index)
        if isinstance(item, str):
            run += item
        elif item is not None:
            candidates.append(item)
        if ends_run and run:
            candidates.append(frozenset({run}))
            run = ""
    if run:
        candidates.append(frozenset({run}))
    useful = [c for c in candidates if c and min(map(len, c)) >= MIN_LITERAL]
    if not useful:
        return None, index
    return max(useful, key=lambda c: (min(map(len, c)), -len(c))), index


def _literal_item(pattern: str, index: int) -> tuple[str | frozenset[str] | None, bool, int]:
    """One item: a character it must match (case-folded), a set of literals, or nothing known (None);
    whether the run of characters ends with it; and where it ends."""
    char = pattern[index]
    if char == "(":
        opening = GROUP.match(pattern, index)
        assert opening is not None  # "(" alone matches
        inner, end = _literal_alternation(pattern, opening.end())
        end += 1
        if opening.group() in LOOKAROUNDS or unknown_group(pattern, opening) or optional(pattern, end):
            return None, True, past_quantifier(pattern, end)
        return inner, True, past_quantifier(pattern, end)
    if char == "[":
        return None, True, past_quantifier(pattern, set_end(pattern, index))
    if char == "\\":
        end = escape_end(pattern, index)
        # An escaped punctuation mark stands for itself ("\-", "\."); letters and digits make classes and the like.
        literal = pattern[index + 1] if end == index + 2 and not pattern[index + 1].isalnum() else None
    elif char in _METACHARACTERS:
        return None, True, index + 1
    else:
        end, literal = index + 1, char
    if literal is None or optional(pattern, end) or not _folds_simply(literal):
        return None, True, past_quantifier(pattern, end)
    after = past_quantifier(pattern, end)
    # "s+": the character is there, but what follows need not come right after it.
    return literal.casefold(), after != end, after


def _folds_simply(char: str) -> bool:
    return char.casefold() == char.lower() and len(char.casefold()) == 1
