"""Every rule proves itself: its examples must give the facts they list, by that rule,
and its counter-examples must give nothing by that rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from extract.rules import CompiledRule

if TYPE_CHECKING:
    from extract.engine import Extractor

QUANTITY_FIELDS = ("value", "low", "high", "unit", "modifier")


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    source: str
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.rule}: {self.problem}\n    in: {self.text}"


def check_rule(extractor: Extractor, rule: CompiledRule, lang: str) -> list[ExampleFailure]:
    failures: list[ExampleFailure] = []

    def fail(text: str, problem: str) -> None:
        failures.append(ExampleFailure(rule.id, str(rule.source), text, problem))

    for example in rule.examples:
        got = [c for c in extractor.candidates(example.text, lang) if c.rule == rule.id]
        by_span: dict[str, list[Any]] = {}
        for candidate in got:
            by_span.setdefault(example.text[candidate.mention.start : candidate.mention.end], []).append(candidate)
        for expected in example.facts:
            fields = expected.model_dump()
            span = fields.pop("span")
            if not by_span.get(span):
                found = ", ".join(repr(s) for s in by_span) or "nothing"
                fail(example.text, f"expected a fact on {span!r}; this rule gave {found}")
                continue
            candidate = by_span[span].pop(0)
            quantity = candidate.mention.quantity(candidate.unit).model_dump(mode="json")
            for name, want in fields.items():
                have = quantity.get(name) if name in QUANTITY_FIELDS else candidate.attributes.get(name)
                if name == "in_absentia" and have is not None:
                    have = str(have).lower() in ("true", "1")
                if have != want and not (isinstance(want, int | float) and have is not None and float(have) == want):
                    fail(example.text, f"on {span!r}: {name} is {have!r}, expected {want!r}")
    for text in rule.counter_examples:
        got = [c for c in extractor.candidates(text, lang) if c.rule == rule.id]
        if got:
            spans = ", ".join(repr(text[c.mention.start : c.mention.end]) for c in got)
            fail(text, f"counter-example gave {spans}")
    return failures


def check_all(extractor: Extractor) -> list[ExampleFailure]:
    failures: list[ExampleFailure] = []
    for lang in extractor.langs:
        for rule in extractor.ruleset(lang).rules:
            failures.extend(check_rule(extractor, rule, lang))
    return failures
