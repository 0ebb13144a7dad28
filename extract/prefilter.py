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

Requirement = tuple[frozenset[str], ...]
"""Branches, any one of which a match satisfies; a branch is the pieces (pattern sources) it holds."""
ANYTHING: Requirement = (frozenset(),)
"""No piece is required: the pattern cannot be filtered."""
MAX_BRANCHES = 16
"""A sequence of alternations multiplies branches: past this, the requirement with more branches is dropped."""

_REFERENCE = regex.compile(r"\{(?P<name>[A-Za-z_]\w*)(?::\w+)?\}")
_OPTIONAL = regex.compile(r"[?*]|\{0*,|\{0+\}")
_NEGATIVE = ("(?!", "(?<!")
_LOOKAROUND = ("(?=", "(?<=")
_GROUP_OPENERS = regex.compile(r"\((?:\?(?:P<\w+>|<\w+>|<=|<!|[:=!>|]|[a-zA-Z-]+[:)])?)?")
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
        return ANYTHING, _skip_escape(pattern, index)
    if char == "[":
        return ANYTHING, _skip_class(pattern, index)
    if char == "{" and (reference := _REFERENCE.match(pattern, index)):
        end = reference.end()
        if reference.group("name") in _SPECIAL or _optional(pattern, end):
            return ANYTHING, end
        return (frozenset({reference.group()}),), end
    if char != "(":
        return ANYTHING, index + 1
    opener = _GROUP_OPENERS.match(pattern, index)
    assert opener is not None
    inner, end = _alternation(pattern, opener.end())
    end += 1
    if opener.group().startswith(_NEGATIVE) or _optional(pattern, end):
        return ANYTHING, end
    source = pattern[index:end]
    if inner == ANYTHING and not opener.group().startswith(_LOOKAROUND) and not _NOT_ALONE.search(source):
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


# ---- Literals: strings one of which every match holds, for a pre-scan of all of them at once ----

MIN_LITERAL = 3
"""Shorter literals ("of", "de") are in nearly every sentence: they would filter nothing."""
_METACHARACTERS = frozenset(".^$*+?{}[]\\|()")
# Escapes of one character that stand for themselves ("\-", "\.", "\'"), as opposed to classes and assertions.
_CLASS_ESCAPES = frozenset("dDsSwWbBAZGpPNXuxUvVhHRKQEnrtfae0123456789")


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
        opener = _GROUP_OPENERS.match(pattern, index)
        assert opener is not None
        inner, end = _literal_alternation(pattern, opener.end())
        end += 1
        # A lookaround, or a construct the opener does not know ("(?P=name)", a back-reference).
        unknown = opener.group() in ("(?=", "(?!", "(?<=", "(?<!", "(?")
        if unknown or _optional(pattern, end):
            return None, True, _past_quantifier(pattern, end)
        return inner, True, _past_quantifier(pattern, end)
    if char == "[":
        return None, True, _past_quantifier(pattern, _skip_class(pattern, index))
    if char == "\\":
        end = _skip_escape(pattern, index)
        literal = pattern[index + 1] if end == index + 2 and pattern[index + 1] not in _CLASS_ESCAPES else None
    elif char in _METACHARACTERS:
        return None, True, index + 1
    else:
        end, literal = index + 1, char
    if literal is None or _optional(pattern, end) or not _folds_simply(literal):
        return None, True, _past_quantifier(pattern, end)
    after = _past_quantifier(pattern, end)
    # "s+": the character is there, but what follows need not come right after it.
    return literal.casefold(), after != end, after


def _folds_simply(char: str) -> bool:
    return char.casefold() == char.lower() and len(char.casefold()) == 1


def _past_quantifier(pattern: str, index: int) -> int:
    quantifier = _QUANTIFIER.match(pattern, index)
    return quantifier.end() if quantifier else index


_QUANTIFIER = regex.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
