"""Every rule proves itself with its examples; malformed rule files give clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor, RuleFileError
from extract.rules import CompiledRule, _cues, _Table, load_rules
from extract.ruletest import check_rule

EXTRACTOR = Extractor()
RULES = [(lang, rule) for lang in EXTRACTOR.langs for rule in EXTRACTOR.ruleset(lang).rules]


@pytest.mark.parametrize(("lang", "rule"), RULES, ids=[rule.id for _, rule in RULES])
def test_rule_examples(lang: str, rule: CompiledRule) -> None:
    failures = check_rule(EXTRACTOR, rule, lang)
    assert not failures, "\n".join(str(f) for f in failures)


def test_every_core_kind_has_rules_in_every_language() -> None:
    core = {"drones", "missiles", "troops", "casualties", "prison_sentence", "interest_rate"}
    for lang in EXTRACTOR.langs:
        assert core <= {rule.kind for rule in EXTRACTOR.ruleset(lang).rules}, lang


def write_pack(folder: Path, body: str, lang: str = "en") -> Path:
    (folder / lang).mkdir(parents=True, exist_ok=True)
    path = folder / lang / "custom.yaml"
    path.write_text(body, encoding="utf-8")
    return folder


PACK = """kind: drones
rules:
  - id: en.drones.{rule_id}
    pattern: '{pattern}'
    examples:
      - text: "{example}"
        facts:
          - {{span: "{span}", status: launched}}
    counter_examples:
      - "Nothing here."
"""


def test_a_user_rule_directory_adds_a_phrasing_without_code(tmp_path: Path) -> None:
    sentence = "The enemy unleashed a flock of 40 birds of prey overnight."
    assert [f for f in Extractor().extract_text(sentence, lang="en") if f.kind == "drones"] == []
    folder = write_pack(
        tmp_path,
        PACK.format(
            rule_id="birds_of_prey",
            pattern=r"flock\s+of\s+{Q}\s+birds\s+of\s+prey",
            example=sentence,
            span="40",
        )
        + "    slots:\n      q: {status: launched}\n",
    )
    facts = Extractor(rules_dirs=[folder]).extract_text(sentence, lang="en")
    assert [(f.kind, f.span.text, f.rule) for f in facts] == [("drones", "40", "en.drones.birds_of_prey")]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (r"{Q}\s+{no_such_term}", "unknown term {no_such_term}"),
        (r"{Q}\s+(unclosed", "invalid pattern"),
        (r"drones\s+only", "no {Q} mention slot"),
    ],
)
def test_bad_patterns_name_the_file_line_and_rule(tmp_path: Path, pattern: str, message: str) -> None:
    folder = write_pack(tmp_path, PACK.format(rule_id="bad", pattern=pattern, example="x", span="x"))
    with pytest.raises(RuleFileError) as error:
        load_rules("en", (*Extractor().dirs, folder))
    assert str(error.value).startswith(f"{folder / 'en' / 'custom.yaml'}:4: en.drones.bad: ")  # the pattern's line
    assert message in str(error.value)


def test_duplicate_rule_ids_are_rejected(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, PACK.format(rule_id="count", pattern="{Q} drones", example="x", span="x"))
    with pytest.raises(RuleFileError, match="duplicate rule id"):
        load_rules("en", (*Extractor().dirs, folder))


def test_unknown_keys_and_missing_examples_are_rejected(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "kind: drones\nrules:\n  - id: en.drones.x\n    pattern: '{Q}'\n    colour: red\n")
    with pytest.raises(RuleFileError) as error:
        load_rules("en", (*Extractor().dirs, folder))
    path = folder / "en" / "custom.yaml"
    assert error.value.problems == (
        f"{path}:3: en.drones.x: missing key 'examples'; missing key 'counter_examples'",
        f"{path}:5: en.drones.x: unknown key 'colour' (known: id, pattern, priority, slots, units, tag, currency,"
        " fraction, antecedent, rivals, require, examples, counter_examples)",
    )


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "kind: drones\nrules: [\n  - id: x\n")
    with pytest.raises(RuleFileError, match=r"custom\.yaml:\d+: invalid YAML"):
        load_rules("en", (*Extractor().dirs, folder))


def _cues_by_pattern(table: _Table, text: str) -> list[tuple[int, int, str]]:
    """A value table's cues as its whole pattern finds them: the first v<i> group that took part names the value."""
    found = []
    for cue in table.pattern.pattern.finditer(text):
        index = next(i for i, v in enumerate(cue.groupdict().values()) if v is not None)
        found.append((cue.start(), cue.end(), table.values[index][0]))
    return found


def test_cue_tables_searched_where_values_start_find_what_their_whole_pattern_finds() -> None:
    """The start-position search of a value table (extract/starts.py) gives finditer's cues, in its order."""
    tables = 0
    for lang in EXTRACTOR.langs:
        rules = EXTRACTOR.ruleset(lang).rules
        texts = [example.text for rule in rules for example in rule.examples]
        texts += [text for rule in rules for text in rule.counter_examples]
        value_tables = {id(t): t for rule in rules for t in rule.tables.values() if t.alternatives is not None}
        for table in value_tables.values():
            tables += 1
            for text in texts:
                assert _cues(table, text) == _cues_by_pattern(table, text), (lang, text)
    assert tables >= 30



@pytest.mark.parametrize(
    ("lang", "text", "facts"),
    [
        # A count larger than the last listed item's refers back to an earlier item that can hold it.
        (
            "en",
            "Russia fires 90 drones, 11 missiles at Ukraine overnight; 80 downed",
            [("drones", 90), ("missiles", 11), ("drones", 80)],
        ),
        # The last noun is large enough: it keeps the count.
        (
            "en",
            "Russia launched 12 missiles and 40 drones at Ukraine; 10 were shot down.",
            [("missiles", 12), ("drones", 40), ("drones", 10)],
        ),
        # A noun counted again later: its last mention holds too few, its first enough.
        (
            "en",
            "Russia launched 90 drones overnight. Eight drones hit targets in Kyiv, and air defences shot down 80.",
            [("drones", 90), ("drones", 8), ("drones", 80)],
        ),
        # Killed and wounded are siblings, not parts: a count of people is not passed over for a weapon.
        (
            "en",
            "Russia fired 40 missiles at Dnipro, killing three people and wounding 23.",
            [("missiles", 40), ("casualties", 3), ("casualties", 23)],
        ),
        (
            "es",
            "Rusia lanzó 40 misiles contra Dnipro, que mataron a tres personas e hirieron a otras 23.",
            [("missiles", 40), ("casualties", 3), ("casualties", 23)],
        ),
        (
            "de",
            "Russland feuerte 40 Raketen auf Dnipro ab, drei Menschen wurden getötet und 23 verletzt.",
            [("missiles", 40), ("casualties", 3), ("casualties", 23)],
        ),
    ],
)
def test_a_count_refers_back_to_a_listed_item_large_enough_to_hold_it(
    lang: str, text: str, facts: list[tuple[str, int]]
) -> None:
    assert [(f.kind, f.quantity.value) for f in EXTRACTOR.extract_text(text, lang=lang)] == facts
