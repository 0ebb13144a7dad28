"""The `regex` module's pattern syntax (version 1), as the analyses of rule and date patterns step through it.

extract/prefilter.py reads what every match of a pattern holds, extract/starts.py what every
match starts with: both walk a pattern's text item by item, and read its items here.
"""

from __future__ import annotations

import regex

QUANTIFIER = regex.compile(r"(?:(?P<symbol>[?*+])|\{(?=,?\d)(?P<least>\d*)(?P<comma>,?)(?P<most>\d*)\})[?+]?")
SET = regex.compile(r"\[\^?\]?(?:\\.|\[:\^?\w+:\]|\[(?:\\.|[^\]\\])*\]|[^\]\\\[])*\]", regex.S)
ESCAPE = regex.compile(
    r"\\(?:[pP](?:\{[^}]*\}|\w)|N\{[^}]*\}|x(?:\{[^}]*\}|[0-9a-fA-F]{2})|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", regex.S
)
GROUP = regex.compile(r"\((?:\?(?:P?<\w+>|[:>|=!]|<[=!]|[a-zA-Z-]+:))?")
"""A group's opening: "(", "(?:", "(?P<name>", "(?<name>", "(?>", "(?|", lookarounds, scoped flags "(?-i:".
What else opens with "(?" (a back-reference "(?P=name)", flags for the rest "(?x)") leaves "(" alone."""
LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# Escapes of a letter that match one character (or a grapheme, \X), and those that match none; an escaped
# punctuation mark stands for itself.
CHARACTER_ESCAPES = frozenset("sSdDwWhXpPNxuUtnrfv")
ZERO_WIDTH_ESCAPES = frozenset("bBmMAZG")
NEGATIVE_LOOKAROUNDS = ("(?!", "(?<!")


def bounds(quantifier: regex.Match[str]) -> tuple[int, int | None]:
    """How often a quantifier repeats its item: at least, at most (None: no limit)."""
    symbol = quantifier["symbol"]
    if symbol:
        return {"?": (0, 1), "*": (0, None), "+": (1, None)}[symbol]
    least = int(quantifier["least"] or 0)
    if not quantifier["comma"]:
        return least, least
    return least, int(quantifier["most"]) if quantifier["most"] else None


def optional(pattern: str, index: int) -> bool:
    """Whether the quantifier at `index`, if there is one, lets its item match zero times."""
    quantifier = QUANTIFIER.match(pattern, index)
    return quantifier is not None and bounds(quantifier)[0] == 0


def past_quantifier(pattern: str, index: int) -> int:
    quantifier = QUANTIFIER.match(pattern, index)
    return quantifier.end() if quantifier else index


def escape_end(pattern: str, index: int) -> int:
    """Past the escape at `index` ("\\p{L}", "\\x41", "\\." …)."""
    found = ESCAPE.match(pattern, index)
    return found.end() if found is not None else len(pattern)


def set_end(pattern: str, index: int) -> int:
    """Past the character set at `index` (nested sets and POSIX classes included)."""
    found = SET.match(pattern, index)
    return found.end() if found is not None else len(pattern)


def unknown_group(pattern: str, opening: regex.Match[str]) -> bool:
    """Whether a group opens with syntax GROUP does not read (a back-reference, flags for the rest, a comment)."""
    return pattern.startswith("?", opening.end())
