"""A bad rule file or option is one line naming the file and line, or the option; exit 2; no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.cli import main
from extract.errors import NewsfactsError

Capture = pytest.CaptureFixture[str]

RULE = """kind: drones
rules:
  - id: en.drones.swarm
    priority: 60
    pattern: 'swarm\\s+of\\s+{Q}{np}{drone}'
    slots:
      q: {status: launched}
    examples:
      - text: "A swarm of 40 drones descended on Odesa."
        facts:
          - {span: "40", status: launched}
    counter_examples:
      - "A swarm of bees."
"""
BROKEN = {  # the content, and what the error says after the file name
    "malformed YAML": (RULE.replace("slots:", "slots: [unclosed"), ":7: invalid YAML"),
    # A control character (a "\b" typed in a double-quoted Python string, say) is refused before parsing begins.
    "control character": (RULE.replace("swarm\\s+of", "swarm\bof"), ":5: invalid YAML: control character U+0008"),
    "unknown key": (
        RULE.replace("    priority: 60\n", "    priority: 60\n    colour: red\n"),
        ":5: en.drones.swarm: unknown key 'colour'",
    ),
    "invalid regex": (RULE.replace("swarm\\s+of", "swarm(\\s+of"), ":5: en.drones.swarm: invalid pattern"),
    "unknown unit": (
        RULE.replace("{status: launched}", "{status: launched, unit: furlongz}"),
        ":7: en.drones.swarm: slot 'q': unknown unit 'furlongz'",
    ),
}


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text("Le 5 mai, 40 drones ont été lancés.", encoding="utf-8")  # French: English rules load anyway
    return path


@pytest.mark.parametrize("problem", BROKEN)
def test_a_broken_rule_file_is_one_line_with_its_file_and_line(
    problem: str, tmp_path: Path, document: Path, capsys: Capture
) -> None:
    content, expected = BROKEN[problem]
    rules = tmp_path / "rules"
    (rules / "en").mkdir(parents=True)
    (rules / "en" / "swarm.yaml").write_text(content, encoding="utf-8")
    assert main(["extract", str(document), "--rules", str(rules)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"newsfacts: error: {rules / 'en' / 'swarm.yaml'}{expected}"), line


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--published", "2024-13-45"], "published date '2024-13-45' is not an ISO date (YYYY-MM-DD)"),
        (["--published", "yesterday"], "published date 'yesterday' is not an ISO date (YYYY-MM-DD)"),
        (["--lang", "xx"], "unknown language xx (known: de, en, es, fr)"),
        (["--max-size", "lots"], "--max-size 'lots': give a size such as 100MB, 2GB or 500KB (0 for no limit)"),
        (["--time-budget", "-1"], "--time-budget -1: give a number of seconds, or 0 for no limit"),
        (["--rules", "/no/such/folder"], "/no/such/folder: not a readable rules folder (--rules)"),
    ],
)
def test_a_bad_option_is_one_line_and_exit_2(option: list[str], message: str, document: Path, capsys: Capture) -> None:
    assert main(["extract", str(document), *option]) == 2
    assert capsys.readouterr().err == f"newsfacts: error: {message}\n"


def test_debug_shows_the_traceback(document: Path) -> None:
    with pytest.raises(NewsfactsError, match="unknown language xx"):
        main(["--debug", "extract", str(document), "--lang", "xx"])
