"""`newsfacts rules lint` and `newsfacts rules test`: rule packs proven by their examples.

`lint` validates every rule file and lexicon, compiles every pattern and runs every
example and counter-example, listing every problem on its own line
(``path:line: rule-id: problem``); `test` only runs the examples of rules that load.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from extract.engine import candidates
from extract.errors import OptionError, RuleFileError
from extract.lexicon import BUILTIN_RULES_DIR, Lexicon
from extract.rules import RuleSet, lint_rules, load_rules
from extract.ruletest import check_examples
from extract.yamlsource import read_yaml_file


@dataclass
class LintReport:
    rules: int = 0
    languages: int = 0
    examples: int = 0  # examples and counter-examples run
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = f"{_plural(self.rules, 'rule')} in {_plural(self.languages, 'language')}, "
        counts += _plural(self.examples, "example")
        return f"{counts}: ok" if self.ok else f"{counts}: {_plural(len(self.problems), 'problem')}"


def rule_folders(extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The built-in packs and the given folders on top of them; an unusable folder is an OptionError."""
    folders = [BUILTIN_RULES_DIR]
    for folder in extra:
        if not (folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)):
            raise OptionError(f"{folder}: not a readable rules folder")
        if not any(folder.glob("*/*.yaml")):
            raise OptionError(f"{folder}: no rule files in it (they go in {folder / '<lang>' / '<kind>.yaml'})")
        if folder.resolve() not in {known.resolve() for known in folders}:
            folders.append(folder)
    return tuple(folders)


def lint(extra: Sequence[Path] = (), examples_only: bool = False) -> LintReport:
    """Check the built-in packs and the `extra` folders. With `examples_only`, a rule file
    that does not load raises RuleFileError instead of being reported."""
    dirs = rule_folders(extra)
    report = LintReport()
    if not examples_only:
        for path in sorted(path for folder in dirs for path in folder.glob("*/lexicon.yaml")):
            try:
                read_yaml_file(path).validate(Lexicon)
            except RuleFileError as error:
                report.problems.extend(error.problems)
    for lang in sorted({path.parent.name for folder in dirs for path in folder.glob("*/*.yaml")}):
        if examples_only:
            ruleset = load_rules(lang, dirs)
        else:
            ruleset, problems = lint_rules(lang, dirs)
            report.problems.extend(problems)
        report.languages += bool(ruleset.rules)
        report.rules += len(ruleset.rules)
        report.examples += sum(len(rule.examples) + len(rule.counter_examples) for rule in ruleset.rules)
        report.problems.extend(_example_problems(ruleset))
    report.problems = list(dict.fromkeys(report.problems))
    return report


def _example_problems(ruleset: RuleSet) -> list[str]:
    find = partial(candidates, ruleset=ruleset)
    try:
        return [str(failure) for rule in ruleset.rules for failure in check_examples(rule, find)]
    except RuleFileError as error:  # the language has no lexicon, or a broken one: no example can run
        return list(error.problems)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
