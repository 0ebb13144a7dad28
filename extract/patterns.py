"""Case-insensitive patterns, compiled one way for every stage.

The regex module's V1 mode folds case fully under IGNORECASE ("ß" matches "SS",
"ﬁ" matches "fi"), which makes every alternation of words several times slower to
search (the quantity scanner 3x, the rule packs 1.8x on the golden fixtures). The
one full fold news text needs is the German "ß", which Swiss German writes "ss":
a literal "ß" in a pattern is widened to "(?:ß|ss)" instead.
"""

from __future__ import annotations

import regex

CASELESS = regex.IGNORECASE | regex.V1
# A character class (left as it is: a "ß" in one stays a single character) or a literal "ß".
_SHARP_S = regex.compile(r"\[(?:\\.|[^\]\\])*\]|\\.|ß")


def caseless(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled case-insensitively with simple case folding (raises regex.error)."""
    widened = _SHARP_S.sub(lambda m: "(?:ß|ss)" if m.group() == "ß" else m.group(), pattern)
    return regex.compile("(?-f)" + widened, CASELESS | flags)
