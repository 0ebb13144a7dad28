"""The rule cache across runs, --jobs, and the benchmark's quick mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract import diskcache
from extract.cli import main
from extract.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
PACK = """kind: drones
rules:
  - id: en.drones.bench_test
    pattern: '{Q}\\s+widgets'
    examples:
      - text: "They sent 12 widgets."
        facts:
          - {span: "12"}
    counter_examples:
      - "They sent 12 gadgets."
"""


def _rules_folder(tmp_path: Path, word: str) -> Path:
    folder = tmp_path / "rules"
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "en" / "drones.yaml").write_text(PACK.replace("widgets", word), encoding="utf-8")
    return folder


def test_compiled_rules_are_cached_on_disk_and_rebuilt_when_a_rule_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = _rules_folder(tmp_path, "widgets")
    build = lambda: load_rules.__wrapped__("en", (folder,))  # noqa: E731 - past the in-process cache
    first = build()
    entries = list((tmp_path / "cache").glob("rules-en-*.pickle"))
    assert len(entries) == 1
    assert [rule.id for rule in build().rules] == [rule.id for rule in first.rules]
    assert build().rules[0].pattern.pattern == first.rules[0].pattern.pattern
    _rules_folder(tmp_path, "gadgets")
    changed = build()
    assert "gadgets" in changed.rules[0].pattern.pattern
    assert len(list((tmp_path / "cache").glob("rules-en-*.pickle"))) == 2


def test_an_unwritable_cache_folder_only_skips_caching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(blocked / "cache"))
    folder = _rules_folder(tmp_path, "widgets")
    assert [rule.id for rule in load_rules.__wrapped__("en", (folder,)).rules] == ["en.drones.bench_test"]


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = _rules_folder(tmp_path, "widgets")
    load_rules.__wrapped__("en", (folder,))
    (entry,) = (tmp_path / "cache").glob("rules-en-*.pickle")
    entry.write_bytes(b"garbage")
    assert [rule.id for rule in load_rules.__wrapped__("en", (folder,)).rules] == ["en.drones.bench_test"]
    assert entry.read_bytes() != b"garbage"


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSFACTS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert diskcache.cache_dir() == tmp_path / "newsfacts"


def test_jobs_gives_the_output_of_one_process_in_the_same_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, path in enumerate(sorted((ROOT / "golden" / "en").glob("*.txt"))[:12]):
        (corpus / f"{number:02d}.txt").write_bytes(path.read_bytes())
    (corpus / "feed.jsonl").write_text(
        '{"id": "a", "text": "Russia launched 45 drones overnight."}\n'
        "{broken\n"
        '{"id": "b", "text": "It sent 3,000 troops."}\n',
        encoding="utf-8",
    )
    outputs = []
    for jobs in ("1", "2"):
        output = tmp_path / f"facts-{jobs}.jsonl"
        assert main(["extract", str(corpus), "-o", str(output), "--jobs", jobs]) == 0
        outputs.append(output.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") > 20


def test_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "a.txt"
    document.write_text("Russia launched 45 drones.", encoding="utf-8")
    assert main(["extract", str(document), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_the_benchmark_runs_in_quick_mode(tmp_path: Path) -> None:
    output = tmp_path / "quick.json"
    environment = os.environ | {"NEWSFACTS_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "extract, 1 process" in done.stdout
    assert '"ratio_to_floor"' in output.read_text(encoding="utf-8")


def test_rules_tried_only_at_mentions_find_what_a_full_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules that open with their {Q} (after lookbehinds, if any) are matched only where a mention starts."""
    from extract import Extractor, rules

    extractor = Extractor()
    texts = [
        (lang, example.text)
        for lang in extractor.langs
        for rule in extractor.ruleset(lang).rules
        for example in rule.examples
    ]
    assert any(
        rule.anchored and rule.pattern.pattern.removeprefix("(?-f)").startswith("(?<")
        for rule in extractor.ruleset("en").rules
    )

    def facts() -> list[str]:
        return [fact.model_dump_json() for lang, text in texts for fact in extractor.extract_text(text, lang=lang)]

    anchored = facts()
    monkeypatch.setattr(rules, "_matches", lambda rule, masked, rivals: rule.pattern.finditer(masked, overlapped=True))
    assert facts() == anchored
