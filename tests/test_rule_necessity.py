"""Every rule is needed: without it, some fact its own examples list is missing or different.

A rule whose examples the other rules already cover is dead weight, or its examples
do not show what it is for: give it an example only it reads, or remove it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor, OptionError
from extract.rules import CompiledRule
from extract.ruletest import lost_without

EXTRACTOR = Extractor()
RULES = [(lang, rule) for lang in EXTRACTOR.langs for rule in EXTRACTOR.ruleset(lang).rules]


@pytest.mark.parametrize(("lang", "rule"), RULES, ids=[rule.id for _, rule in RULES])
def test_every_rule_is_needed(lang: str, rule: CompiledRule) -> None:
    without = Extractor(exclude_rules={rule.id})
    lost = lost_without(rule, lambda text: without.candidates(text, lang))
    assert lost, (
        f"{rule.source}:{rule.line}: {rule.id} is not needed: without it, the other {rule.kind} rules give"
        " every fact its examples list"
    )


def test_an_excluded_rule_is_left_out_and_only_it() -> None:
    text = "Russia launched 96 drones overnight."
    assert [c.rule for c in EXTRACTOR.candidates(text, "en")] == ["en.drones.count"]
    without = Extractor(exclude_rules=["en.drones.count"])
    assert "en.drones.count" not in [c.rule for c in without.candidates(text, "en")]
    assert len(without.ruleset("en").rules) == len(EXTRACTOR.ruleset("en").rules) - 1
    assert without.ruleset("fr") is EXTRACTOR.ruleset("fr")
    assert Extractor(exclude_rules={"en.drones.count"}).ruleset("en") is without.ruleset("en")


def test_excluding_an_unknown_rule_is_an_error() -> None:
    with pytest.raises(OptionError, match=r"unknown rule id en\.drones\.nope"):
        Extractor(exclude_rules={"en.drones.nope"})


def test_a_rule_the_others_cover_is_found_out(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "copy.yaml").write_text(
        """kind: drones
rules:
  - id: en.drones.copy
    priority: 99
    pattern: 'launched\\s+{Q}\\s+drones'
    slots:
      q: {status: launched}
    examples:
      - text: "Russia launched 96 drones overnight."
        facts:
          - {span: "96", status: launched}
    counter_examples:
      - "Nothing here."
""",
        encoding="utf-8",
    )
    extractor = Extractor(rules_dirs=[tmp_path], langs=["en"])
    rule = next(rule for rule in extractor.ruleset("en").rules if rule.id == "en.drones.copy")
    assert [c.rule for c in extractor.candidates(rule.examples[0].text, "en")] == ["en.drones.copy"]
    without = Extractor(rules_dirs=[tmp_path], langs=["en"], exclude_rules={rule.id})
    assert lost_without(rule, lambda text: without.candidates(text, "en")) == []
    needed = next(rule for rule in extractor.ruleset("en").rules if rule.id == "en.drones.count")
    without_count = Extractor(exclude_rules={"en.drones.count"})
    assert lost_without(needed, lambda text: without_count.candidates(text, "en"))
