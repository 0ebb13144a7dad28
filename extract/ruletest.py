"""Every rule proves itself: its examples must give the facts they list, by that rule,
and its counter-examples must give nothing by that rule."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.rules import Candidate, CompiledRule, Example

if TYPE_CHECKING:
    from extract.engine import Extractor

QUANTITY_FIELDS = ("value", "low", "high", "unit", "modifier")

# What a text gives before validation: Extractor.candidates for one language, or engine.candidates on a rule set.
Finder = Callable[[str], Sequence[Candidate]]


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    source: str
    text: str
    problem: str
    line: int = 0

    def __str__(self) -> str:
        """One line: ``path:line: rule-id: problem (in "…")``, the line being the example's."""
        where = f"{self.source}:{self.line}" if self.line else self.source
        text = self.text if len(self.text) <= 70 else self.text[:69] + "…"
        return f"{where}: {self.rule}: {self.problem} (in {text!r})"


def check_rule(extractor: Extractor, rule: CompiledRule, lang: str) -> list[ExampleFailure]:
    return check_examples(rule, lambda text: extractor.candidates(text, lang))


def check_examples(rule: CompiledRule, find: Finder) -> list[ExampleFailure]:
    """The examples of `rule` that do not give their facts by it, and its counter-examples that give one."""
    failures: list[ExampleFailure] = []
    for number, example in enumerate(rule.examples):
        got = [c for c in find(example.text) if c.rule == rule.id]
        line = rule.example_lines[number] if number < len(rule.example_lines) else rule.line
        failures += [
            ExampleFailure(rule.id, str(rule.source), example.text, problem, line)
            for problem in differences(example, got, "this rule gave")
        ]
    for number, text in enumerate(rule.counter_examples):
        got = [c for c in find(text) if c.rule == rule.id]
        if got:
            line = rule.counter_example_lines[number] if number < len(rule.counter_example_lines) else rule.line
            spans = ", ".join(repr(text[c.mention.start : c.mention.end]) for c in got)
            failures.append(ExampleFailure(rule.id, str(rule.source), text, f"counter-example gave {spans}", line))
    return failures


def differences(example: Example, got: Sequence[Candidate], gave: str = "got") -> list[str]:
    """How the candidates `got` on an example's text differ from the facts the example lists."""
    problems: list[str] = []
    by_span: dict[str, list[Candidate]] = {}
    for candidate in got:
        by_span.setdefault(example.text[candidate.mention.start : candidate.mention.end], []).append(candidate)
    for expected in example.facts:
        fields = expected.model_dump()
        span = fields.pop("span")
        if not by_span.get(span):
            found = ", ".join(repr(s) for s in by_span) or "nothing"
            problems.append(f"expected a fact on {span!r}; {gave} {found}")
            continue
        candidate = by_span[span].pop(0)
        quantity = candidate.mention.quantity_fields(candidate.unit)
        for name, want in fields.items():
            have = quantity.get(name) if name in QUANTITY_FIELDS else candidate.attributes.get(name)
            if name == "in_absentia" and have is not None:
                have = str(have).lower() in ("true", "1")
            if have != want and not (isinstance(want, int | float) and have is not None and float(have) == want):
                problems.append(f"on {span!r}: {name} is {have!r}, expected {want!r}")
    return problems


def lost_without(rule: CompiledRule, find_without: Finder) -> list[str]:
    """For each example of `rule`, what goes wrong when the rule is left out (`find_without` has no such rule).

    An empty list means the other rules give every fact the examples list, the
    same kind and the same fields: the rule is not needed for its own examples.
    """
    problems: list[str] = []
    for example in rule.examples:
        got = [c for c in find_without(example.text) if c.kind == rule.kind]
        problems += differences(example, got, f"the other {rule.kind} rules gave")
    return problems
