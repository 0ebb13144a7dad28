"""Case-insensitive patterns, compiled one way for every stage.

The regex module's V1 mode folds case fully under IGNORECASE ("ß" matches "SS",
"ﬁ" matches "fi"), which makes every alternation of words several times slower to
search (the quantity scanner 3x, the rule packs 1.8x on the golden fixtures). The
one full fold news text needs is the German "ß", which Swiss German writes "ss":
a literal "ß" in a pattern is widened to "(?:ß|ss)" instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

CASELESS = regex.IGNORECASE | regex.V1
# The spaces inside a phrase: a line break ends it.
SPACES = " \u00a0\u202f\t"
# A day of the month in digits: "November 90 drones" holds no date.
DAY_OF_MONTH = r"(?:0?[1-9]|[12]\d|3[01])"
_APOSTROPHE = regex.compile("['’]")
# A character class (left as it is: a "ß" in one stays a single character) or a literal "ß".
_SHARP_S = regex.compile(r"\[(?:\\.|[^\]\\])*\]|\\.|ß")


def caseless(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled case-insensitively with simple case folding (raises regex.error)."""
    widened = _SHARP_S.sub(lambda m: "(?:ß|ss)" if m.group() == "ß" else m.group(), pattern)
    return regex.compile("(?-f)" + widened, CASELESS | flags)


@dataclass(frozen=True)
class AtEnd:
    """A caseless pattern that must end where the searched text does (at endpos, or before a final newline).

    Most texts do not end in one, and a forward search finds that out by trying the pattern
    at every character. The same pattern reversed and anchored at endpos says so in one
    attempt; only then does the forward search say which match it is.
    """

    forward: regex.Pattern[str]
    backward: regex.Pattern[str]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if self.backward.match(text, pos, endpos) is None:
            return None
        return self.forward.search(text, pos, endpos)


def alternation(phrases: Iterable[str], *, boundary: bool = False) -> str:
    """A group alternating literal phrases, longest first so that "Publish date" wins over "Publish".

    Inner spaces match any run of spaces and either apostrophe matches both, as typed news varies them.
    With `boundary`, a phrase matches only as whole words.
    """
    unique = sorted({phrase for phrase in phrases if phrase}, key=lambda phrase: (-len(phrase), phrase))
    escaped = (_APOSTROPHE.sub("['’]", regex.escape(phrase)).replace("\\ ", f"[{SPACES}]+") for phrase in unique)
    body = "|".join(escaped) or "(?!)"
    if not boundary:
        return f"(?:{body})"
    return rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"


def at_end(pattern: str) -> AtEnd:
    """`pattern` followed by `$`, compiled caseless both ways (raises regex.error)."""
    return AtEnd(caseless(pattern + "$"), caseless(pattern + r"\n?", regex.REVERSE))
