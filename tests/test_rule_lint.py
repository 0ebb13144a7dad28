"""Rule files are data: every problem in one names the file and line, and `newsfacts rules lint` lists them all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract import RuleFileError
from extract.cli import main
from extract.lexicon import BUILTIN_RULES_DIR, load_lexicon
from extract.lint import lint, rule_folders
from extract.rules import lint_rules, load_rules

Capture = pytest.CaptureFixture[str]

GOOD_RULE = """\
  - id: en.drones.flock
    priority: 95
    pattern: 'flock\\s+of\\s+{Q}\\s+{drone}'
    slots:
      q: {status: launched}
    examples:
      - text: "Russia sent a flock of 40 drones towards Kyiv."
        facts:
          - {span: "40", status: launched}
    counter_examples:
      - "A flock of 40 birds crossed the border."
"""
GOOD = "kind: drones\nrules:\n" + GOOD_RULE
COUNTER = '    counter_examples:\n      - "A flock of 40 birds crossed the border."\n'


def pack(tmp_path: Path, body: str, name: str = "custom.yaml", lang: str = "en") -> Path:
    (tmp_path / lang).mkdir(parents=True, exist_ok=True)
    (tmp_path / lang / name).write_text(body, encoding="utf-8")
    return tmp_path


def dirs(folder: Path, alone: bool) -> tuple[Path, ...]:
    """`folder` on top of the built-in packs, or `alone` with just the term its packs use (much faster)."""
    if not alone:
        return (BUILTIN_RULES_DIR, folder)
    if not (folder / "en" / "terms.yaml").exists():
        pack(folder, "terms:\n  drone: drones?\n", "terms.yaml")
    return (folder,)


def load_error(folder: Path, alone: bool = False) -> str:
    with pytest.raises(RuleFileError) as error:
        load_rules("en", dirs(folder, alone))
    return str(error.value)


def problems(folder: Path, alone: bool = False) -> list[str]:
    return lint_rules("en", dirs(folder, alone))[1]


def with_line(body: str, old: str, new: str) -> str:
    assert old in body
    return body.replace(old, new)


def add(line: str) -> str:
    """The good pack with `line` added to its rule, before `slots:`."""
    return with_line(GOOD, "    slots:", f"{line}\n    slots:")


def test_a_good_pack_loads_and_its_rule_knows_its_lines(tmp_path: Path) -> None:
    folder = pack(tmp_path, GOOD)
    rule = next(r for r in load_rules("en", (BUILTIN_RULES_DIR, folder)).rules if r.id == "en.drones.flock")
    assert (rule.line, rule.example_lines, rule.counter_example_lines) == (3, (9,), (13,))
    assert problems(folder) == []


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (add("    colour: red"), 6, "en.drones.flock: unknown key 'colour' (known: id,"),
        (add("    paterrn: x"), 6, "unknown key 'paterrn' (did you mean 'pattern'?)"),
        (GOOD.split("    counter_examples:")[0], 3, "en.drones.flock: missing key 'counter_examples'"),
        (with_line(GOOD, COUNTER, "    counter_examples: []\n"), 12, "counter_examples: List should have at least 1"),
        (add("    units: [null, yeers]"), 6, "units.1: unknown unit 'yeers'"),
        (with_line(GOOD, "kind: drones", "kind: drone"), 1, "kind: unknown kind 'drone'"),
        (with_line(GOOD, "en.drones.flock", "en.drones.Flock"), 3, "id: String should match pattern"),
        ("kind: drones\nrules: []\n", 2, "rules: List should have at least 1 item"),
        ("kind: drones\nterms: {drone: 5}\nrules:\n" + GOOD_RULE, 2, "terms.drone: Input should be a valid string;"),
        ("", 1, "the file is empty"),
        (GOOD + "kind: missiles\n", 14, "duplicate key 'kind' (first on line 1)"),
        (add("    slots:"), 7, "duplicate key 'slots' (first on line 6)"),
        ("kind: drones\nrules: [\n  - id: x\n", 3, "invalid YAML: expected the node content, but found '-'"),
    ],
    ids=[
        "unknown-key", "misspelt-key", "no-counter-example", "empty-counter-examples", "unknown-unit", "unknown-kind",
        "bad-id", "no-rules", "bad-term", "empty-file", "duplicate-key", "duplicate-rule-key", "bad-yaml",
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    folder = pack(tmp_path, body)
    prefix = f"{folder / 'en' / 'custom.yaml'}:{line}: "
    error = load_error(folder, alone=True)
    assert error.startswith(prefix) and message in error, error
    assert any(p.startswith(prefix) and message in p for p in problems(folder, alone=True)), error


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("{Q}\\s+{drone}", "{Q}\\s+{no_such_term}", 5, "en.drones.flock: unknown term {no_such_term}"),
        ("{Q}\\s+{drone}", "{Q}\\s+(unclosed", 5, "en.drones.flock: invalid pattern: missing )"),
        ("{Q}\\s+{drone}", "\\s+{drone}", 5, "en.drones.flock: the pattern has no {Q} mention slot"),
        ("{Q}\\s+{drone}", "{Q}\\s+{drone:x}", 5, "only {Q:slot} takes a slot, not {drone:x}"),
        ("{Q}\\s+{drone}", "{Q}\\s+{loop}", 5, "term {loop} refers to itself"),
        ("{Q}\\s+{drone}", "{Q}\\s+{outer}", 5, "unknown term {missing} (in term {outer})"),
        ("    slots:", "    antecedent: '(oops'\n    slots:", 6, "en.drones.flock: invalid pattern"),
        ("    slots:", "    require: [colour]\n    slots:", 6, "requires 'colour', which has no attribute table"),
        ("q: {status: launched}", "q: {status: exploded}", 7, "slot 'q': status: Input should be 'launched',"),
        ("q: {status: launched}", "q: {unit: yeers}", 7, "slot 'q': unknown unit 'yeers'"),
        ("q: {status: launched}", "q: {colour: red}", 7, "slot 'q' sets unknown attributes ['colour'] (known: region,"),
        ("q: {status: launched}", "total: {status: launched}", 7, "slot 'total' is not in the pattern (its slots: q)"),
        ("id: en.drones.flock", "id: en.missiles.flock", 3, "rule ids in this pack start with en.drones."),
        ('{span: "40", status: launched}', '{span: "40", stauts: launched}', 11, "an example fact sets stauts; a"),
    ],
)
def test_rule_problems_point_at_the_key_at_fault(tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    terms = "terms:\n  loop: 'a{loop}'\n  outer: 'b{missing}'\n"
    body = GOOD.replace(old, new).replace("rules:\n", terms + "rules:\n")
    folder = pack(tmp_path, body)
    line += 3  # the terms
    prefix = f"{folder / 'en' / 'custom.yaml'}:{line}: "
    error = load_error(folder, alone=True)
    assert error.startswith(prefix) and message in error, error
    assert [p for p in problems(folder, alone=True) if p.startswith(prefix) and message in p], error


def test_duplicate_ids_name_where_the_first_one_is(tmp_path: Path) -> None:
    folder = pack(tmp_path, GOOD + GOOD_RULE)
    path = folder / "en" / "custom.yaml"
    assert load_error(folder, alone=True) == f"{path}:14: en.drones.flock: duplicate rule id (first at {path}:3)"
    pack(tmp_path, GOOD.replace("en.drones.flock", "en.drones.count"))
    first = f"{BUILTIN_RULES_DIR / 'en' / 'drones.yaml'}:"
    assert load_error(folder).startswith(f"{path}:3: en.drones.count: duplicate rule id (first at {first}")


def test_lint_lists_every_problem_and_still_checks_the_valid_rules(tmp_path: Path) -> None:
    broken = GOOD_RULE.replace("flock", "swarm").replace("{status: launched}", "{status: exploded}")
    invalid = GOOD_RULE.replace("flock", "cloud").replace("    slots:", "    colour: red\n    slots:")
    folder = pack(tmp_path, GOOD + broken + invalid)
    path = folder / "en" / "custom.yaml"
    found = problems(folder)
    assert found == [
        f"{path}:28: en.drones.cloud: unknown key 'colour' (known: id, pattern, priority, slots, units, tag, currency, "
        "fraction, antecedent, rivals, require, examples, counter_examples)",
        f"{path}:18: en.drones.swarm: slot 'q': status: "
        "Input should be 'launched', 'destroyed', 'lost', 'hit' or 'other'",
    ]
    assert load_error(folder) == found[0]
    ruleset = lint_rules("en", (BUILTIN_RULES_DIR, folder))[0]
    assert "en.drones.flock" in {rule.id for rule in ruleset.rules}


def test_terms_and_attribute_tables_name_their_line(tmp_path: Path) -> None:
    terms = "terms:\n  drone: drones?\nattributes:\n  status:\n    values: {launched: '(unclosed'}\n"
    pack(tmp_path, terms, "terms.yaml")
    folder = pack(tmp_path, GOOD)
    assert load_error(folder).startswith(f"{folder / 'en' / 'terms.yaml'}:4: status.launched: invalid pattern")
    pack(tmp_path, "terms:\n  drone: drones?\nattrs: {}\n", "terms.yaml")
    assert load_error(folder) == f"{folder / 'en' / 'terms.yaml'}:3: unknown key 'attrs' (did you mean 'attributes'?)"


def test_lexicon_errors_name_their_line(tmp_path: Path) -> None:
    text = (BUILTIN_RULES_DIR / "en" / "lexicon.yaml").read_text(encoding="utf-8")
    unit_line = next(n for n, line in enumerate(text.splitlines(), 1) if "{unit: hectare" in line)
    pack(tmp_path, text.replace("{unit: hectare", "{unit: hectares_squared"), "lexicon.yaml")
    with pytest.raises(RuleFileError) as error:
        load_lexicon("en", tmp_path)
    assert str(error.value).startswith(f"{tmp_path / 'en' / 'lexicon.yaml'}:{unit_line}: units.")
    assert "unknown unit 'hectares_squared'" in str(error.value)
    pack(tmp_path, text + "colour: red\n", "lexicon.yaml")
    report = lint([tmp_path])
    assert f"{tmp_path / 'en' / 'lexicon.yaml'}:{text.count(chr(10)) + 1}: unknown key 'colour'" in report.problems[0]


def lint_lines(capsys: Capture, *argv: str) -> tuple[int, list[str], str]:
    code = main(["rules", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def mine(lines: list[str], folder: Path) -> list[str]:
    """The problems in `folder` (the built-in packs are checked on their own)."""
    return [line for line in lines if line.startswith(str(folder))]


SUMMARY = re.compile(r"^(\d+) rules in (\d+) languages, (\d+) examples: (ok|\d+ problems?)$")


def test_lint_is_clean_on_the_built_in_packs(capsys: Capture) -> None:
    code, lines, _ = lint_lines(capsys, "lint")
    assert (code, len(lines)) == (0, 1), "\n".join(lines)
    summary = SUMMARY.match(lines[0])
    assert summary and summary.group(4) == "ok", lines
    assert int(summary.group(3)) >= 2 * int(summary.group(1))  # an example and a counter-example at least


def test_rules_test_runs_every_example_of_the_built_in_packs(capsys: Capture) -> None:
    code, lines, _ = lint_lines(capsys, "test")
    assert code == 0, "\n".join(lines)
    assert lines[-1].endswith(": ok")


def test_every_rule_needs_an_example_and_a_counter_example(tmp_path: Path, capsys: Capture) -> None:
    no_examples = GOOD_RULE.replace("flock", "swarm").split("    examples:")[0]
    no_counter = GOOD_RULE.replace("flock", "cloud").split("    counter_examples:")[0]
    folder = pack(tmp_path, GOOD + no_examples + no_counter)
    code, lines, _ = lint_lines(capsys, "lint", str(folder))
    path = folder / "en" / "custom.yaml"
    assert code == 1
    assert mine(lines, folder) == [
        f"{path}:14: en.drones.swarm: missing key 'examples'; missing key 'counter_examples'",
        f"{path}:19: en.drones.cloud: missing key 'counter_examples'",
    ]
    assert SUMMARY.match(lines[-1]) and not lines[-1].endswith(": ok")


def test_lint_reports_failing_examples_on_their_line(tmp_path: Path, capsys: Capture) -> None:
    body = GOOD.replace('{span: "40", status: launched}', '{span: "40", status: destroyed}')
    body = body.replace("A flock of 40 birds", "A flock of 40 drones")
    folder = pack(tmp_path, body)
    path = folder / "en" / "custom.yaml"
    for action in ("lint", "test"):
        code, lines, _ = lint_lines(capsys, action, str(folder))
        assert code == 1
        assert mine(lines, folder) == [
            f"{path}:9: en.drones.flock: on '40': status is 'launched', expected 'destroyed'"
            " (in 'Russia sent a flock of 40 drones towards Kyiv.')",
            f"{path}:13: en.drones.flock: counter-example gave '40' (in 'A flock of 40 drones crossed the border.')",
        ]
        assert SUMMARY.match(lines[-1]) and not lines[-1].endswith(": ok")


def test_rules_test_stops_at_a_rule_file_that_does_not_load(tmp_path: Path, capsys: Capture) -> None:
    folder = pack(tmp_path, GOOD.replace("{drone}", "{nothing}"))
    code, lines, err = lint_lines(capsys, "test", str(folder))
    assert (code, lines) == (2, [])
    assert err == f"newsfacts: error: {folder / 'en' / 'custom.yaml'}:5: en.drones.flock: unknown term {{nothing}}\n"


def test_an_unusable_folder_exits_2(tmp_path: Path, capsys: Capture) -> None:
    for folder, message in [(tmp_path / "missing", "not a readable rules folder"), (tmp_path, "no rule files in it")]:
        code, lines, err = lint_lines(capsys, "lint", str(folder))
        assert (code, lines) == (2, [])
        assert err.startswith(f"newsfacts: error: {folder}: {message}")


def test_the_built_in_folder_given_again_is_not_linted_twice(tmp_path: Path) -> None:
    folder = pack(tmp_path, GOOD)
    assert rule_folders([BUILTIN_RULES_DIR, folder, folder / "en" / ".."]) == (BUILTIN_RULES_DIR, folder)


def test_the_same_pack_in_two_folders_reports_each_folder(tmp_path: Path, capsys: Capture) -> None:
    body = GOOD.replace('{span: "40", status: launched}', '{span: "40", status: destroyed}')
    for name in ("first", "second"):
        folder = pack(tmp_path / name, body)
        code, lines, _ = lint_lines(capsys, "test", str(folder))
        assert code == 1 and len(mine(lines, folder)) == 1, lines
