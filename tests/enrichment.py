"""How the `when` and `source` tests find the fact they check, in every language."""

from __future__ import annotations

import datetime as dt

from extract import Extractor
from schemas import Fact

EXTRACTOR = Extractor()


def facts_by_span(text: str, lang: str, published: str | dt.date) -> dict[str, Fact]:
    """Each fact of `text` by its span's text (the first, where two share one)."""
    found: dict[str, Fact] = {}
    for fact in EXTRACTOR.extract_text(text, lang=lang, published=published):
        if fact.source is not None:
            assert text[fact.source.start : fact.source.end] == fact.source.text
        found.setdefault(fact.span.text, fact)
    return found


def fact_at(text: str, span: str, lang: str, published: str | dt.date) -> Fact:
    """The fact whose span is `span`, else the first whose span holds it ("12" in "Au moins 12")."""
    facts = facts_by_span(text, lang, published)
    found = [fact for key, fact in facts.items() if key == span] or [f for k, f in facts.items() if span in k]
    assert found, f"no fact {span!r} in {list(facts)}"
    return found[0]
