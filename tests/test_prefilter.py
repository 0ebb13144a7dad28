"""Rule filters (extract/prefilter.py): what every match must hold, and the literals of it, never change a result."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor, rules
from extract.engine import sentences_of
from extract.prefilter import ANYTHING, necessary_literals, requirements
from extract.quantities import scan
from extract.rules import mask

ROOT = Path(__file__).resolve().parent.parent
EXTRACTOR = Extractor()


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        ("{Q}{np}{drone}", [{"{np}", "{drone}"}]),
        ("(?<={rate_noun}{gap})(?:at\\s+)?{Q}", [{"{rate_noun}", "{gap}"}]),
        ("{Q}(?:{np}{drone})?{over_place}", [{"{over_place}"}]),
        ("(?:a|{b}){c}?{d}*{e}{0,2}{f}{1,3}(?!{g})[{h}]\\p{L}{i}", [{"(?:a|{b})", "{f}", "{i}"}]),
        ("{x}|{y}", [{"{x}"}, {"{y}"}]),
        ("(?P<outcome>tötete|starben)\\s+{Q}", [{"(?P<outcome>tötete|starben)"}]),
        ("(?:{a}\\s+{Q}|{Q}\\s+{b}){c}", [{"{a}", "{c}"}, {"{b}", "{c}"}]),
        ("(?:x{Q}|{Q}y)", [set()]),
        ("(?:a{N}b)\\s+{Q}", [set()]),
        ("(?P<w>{a})\\s+(?P=w){Q}", [{"{a}"}]),
        ("(?x){a} {Q}", [set()]),
    ],
)
def test_requirements_are_what_every_match_holds(pattern: str, required: list[set[str]]) -> None:
    assert [set(branch) for branch in requirements(pattern)] == required


def test_too_many_branches_keep_the_smaller_requirement() -> None:
    pattern = "".join(f"(?:{{a{i}}}|{{b{i}}})" for i in range(6))
    assert len(requirements(pattern)) <= 16
    assert requirements("{x}") != ANYTHING


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("(?:drones|drone(?!\\s+factory)|UAVs?|unmanned\\s+aerial)", {"drones", "drone", "uav", "unmanned"}),
        ("shot\\s+down|downed", {"shot", "downed"}),
        ("[\\p{L}-]*soldaten", {"soldaten"}),
        ("Stra(?:ß|ss)e\\s+von", {"stra"}),
        ("abc+def", {"abc"}),
        ("\\bAlter\\s+von", {"alter"}),
        ("(?-i:Kyjiw)", {"kyjiw"}),
        ("Kh\\-\\d+", {"kh-"}),
        ("Kh\\d+", None),
        ("(?:a|b)c", None),
        ("de(?:s|x)?", None),
        ("(?P<w>abc)\\s+(?P=w)", {"abc"}),
        ("(?P=w)xy", None),
        ("(?<=abc)\\s", None),
        ("(?x)abc", None),
    ],
)
def test_necessary_literals(pattern: str, literals: set[str] | None) -> None:
    found = necessary_literals(pattern)
    assert (set(found) if found is not None else None) == literals


def _masked_sentences() -> list[tuple[str, str]]:
    """Every sentence of the golden documents and of the rules' examples, masked as the rules see it."""
    texts = [(path.parent.name, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "golden").rglob("*.txt"))]
    texts = [(lang, text) for lang, text in texts if lang in EXTRACTOR.langs]
    for lang in EXTRACTOR.langs:
        for rule in EXTRACTOR.ruleset(lang).rules:
            texts += [(lang, example.text) for example in rule.examples]
            texts += [(lang, counter) for counter in rule.counter_examples]
    masked = []
    for lang, text in texts:
        mentions = scan(text, lang)
        for sentence in sentences_of(text, lang):
            inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
            masked.append((lang, mask(text, sentence, inside)))
    return masked


def test_literals_are_in_every_text_a_pattern_matches() -> None:
    """Over real sentences: wherever a rule, a filter, an antecedent or a cue table matches, one of its literals is."""
    checked = 0
    for lang, sentence in _masked_sentences():
        folded = sentence.casefold()
        for rule in EXTRACTOR.ruleset(lang).rules:
            patterns = [(rule.pattern, rule.literals)]
            patterns += [(f.pattern, f.literals) for branch in rule.needs for f in branch]
            patterns += [(t.pattern.pattern, t.pattern.literals) for t in rule.tables.values()]
            if rule.antecedent is not None:
                patterns.append((rule.antecedent.pattern, rule.antecedent.literals))
            for pattern, literals in patterns:
                if literals is not None and pattern.search(sentence):
                    checked += 1
                    assert any(literal in folded for literal in literals), (rule.id, pattern.pattern, sentence)
    assert checked > 1000


def test_filters_change_no_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rule tried on every sentence gives the facts the filtered rules give."""
    texts = [(path.parent.name, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "golden").rglob("*.txt"))]
    texts = [(lang, text) for lang, text in texts if lang in EXTRACTOR.langs]
    for lang in EXTRACTOR.langs:
        texts += [(lang, example.text) for rule in EXTRACTOR.ruleset(lang).rules for example in rule.examples]

    def facts() -> list[str]:
        return [fact.model_dump_json() for lang, text in texts for fact in EXTRACTOR.extract_text(text, lang=lang)]

    filtered = facts()
    every_literal = {literal for lang in EXTRACTOR.langs for _, literal in EXTRACTOR.ruleset(lang)._automaton.items()}
    monkeypatch.setattr(rules.RuleSet, "literals_in", lambda self, text: every_literal)
    monkeypatch.setattr(rules, "_satisfied", lambda needs, masked, found, present: True)
    unfiltered = facts()
    assert len(filtered) > 1000
    assert unfiltered == filtered
