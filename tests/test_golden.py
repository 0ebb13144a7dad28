from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import make_fact

from extract import DocumentResult, Extractor
from extract.cli import format_report, main
from extract.errors import InputError
from extract.golden import check_fixtures
from extract.readers import Document
from schemas import Fact

RUSSIA = {"start": 0, "end": 6, "text": "Russia"}
Capture = pytest.CaptureFixture[str]
TEXT = "Russia launched 96 drones and four missiles overnight; 62 drones were shot down and 3 people were hurt.\n"


class Scripted(Extractor):
    """Gives the same facts for any document, and notes the language it was asked for."""

    def __init__(self, facts: list[Fact]) -> None:
        super().__init__()
        self.facts = facts
        self.langs_asked: list[str | None] = []

    def extract_document(
        self, document: Document, lang: str | None = None, published: str | dt.date | None = None
    ) -> DocumentResult:
        self.langs_asked.append(lang)
        return DocumentResult(path=document.path, facts=self.facts)


def scripted() -> Scripted:
    return Scripted(
        [
            make_fact(TEXT, "62", "drones", {"status": "destroyed"}, quantity={"value": 62.0}, rule="en.drones.shot"),
            make_fact(TEXT, "96", "drones", {"status": "launched"}, quantity={"value": 96}, rule="en.drones.launched"),
            make_fact(TEXT, "four", "missiles", {"status": "launched"}, quantity={"value": 4}, rule="en.missiles.n"),
        ]
    )


def fixture(folder: Path, name: str = "attack", text: str = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    expected = folder / f"{name}.expected.jsonl"
    expected.write_text("", encoding="utf-8")
    return expected


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, items: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")


def test_update_writes_the_run_sorted_with_whole_numbers_and_check_then_passes(tmp_path: Path) -> None:
    expected = fixture(tmp_path / "en")
    extractor = scripted()
    report = check_fixtures([tmp_path], extractor, update=True)
    assert report.ok and report.fixtures[0].updated
    written = records(expected)
    assert [record["span"]["text"] for record in written] == ["96", "four", "62"]
    assert written[0] == {
        "kind": "drones",
        "span": {"start": 16, "end": 18, "text": "96"},
        "quantity": {"value": 96, "low": None, "high": None, "unit": None, "modifier": "exact"},
        "attributes": {"status": "launched", "region": None},
    }
    assert '"value": 62,' in expected.read_text(encoding="utf-8")

    report = check_fixtures([tmp_path], extractor)
    assert report.ok
    assert not report.fixtures[0].differences
    total = report.total()
    assert (total.tp, total.fp, total.fn, total.f1) == (3, 0, 0, 1.0)
    assert extractor.langs_asked == ["en", "en"]
    assert check_fixtures([tmp_path], extractor, update=True).fixtures[0].updated is False


def test_check_reports_missing_extra_and_different_facts(tmp_path: Path) -> None:
    expected = fixture(tmp_path / "misc")
    extractor = scripted()
    check_fixtures([tmp_path], extractor, update=True)
    edited = [record for record in records(expected) if record["span"]["text"] != "four"]
    edited[1]["attributes"]["status"] = "launched"
    start = TEXT.index("3 people")
    edited.append(
        {
            "kind": "casualties",
            "span": {"start": start, "end": start + 1, "text": "3"},
            "quantity": {"value": 3, "low": None, "high": None, "unit": None, "modifier": "exact"},
            "attributes": {"outcome": "wounded", "group": "unspecified"},
        }
    )
    write_records(expected, edited)

    report = check_fixtures([tmp_path], extractor)
    assert not report.ok
    assert extractor.langs_asked[-1] is None
    result = report.fixtures[0]
    found = {(d.status, d.text): d for d in result.differences}
    assert set(found) == {("MISSING", "3"), ("EXTRA", "four"), ("DIFFERENT", "62")}
    assert found["DIFFERENT", "62"].fields == (("attributes.status", "launched", "destroyed"),)
    assert found["DIFFERENT", "62"].rule == "en.drones.shot"
    assert found["EXTRA", "four"].rule == "en.missiles.n"
    by_kind = {kind: (c.tp, c.fp, c.fn) for kind, c in report.by_kind().items()}
    assert by_kind == {"drones": (1, 1, 1), "missiles": (0, 1, 0), "casualties": (0, 0, 1)}
    drones = report.by_kind()["drones"]
    assert (drones.precision, drones.recall) == (0.5, 0.5)
    assert report.by_kind()["casualties"].precision is None

    text = format_report(report)
    lines = text.splitlines()
    assert lines[0].split() == ["kind", "TP", "FP", "FN", "precision", "recall", "F1"]
    assert lines[1].split() == ["casualties", "0", "0", "1", "-", "0.000", "0.000"]
    assert lines[4].split() == ["total", "(micro)", "1", "2", "2", "0.333", "0.333", "0.333"]
    four, sixty_two = TEXT.index("four"), TEXT.index("62")
    assert f"  MISSING   {start}:{start + 1} '3': casualties value=3 modifier=\"exact\" outcome=\"wounded\"" in text
    assert f"  EXTRA     {four}:{four + 4} 'four' [en.missiles.n]: missiles value=4" in text
    assert (
        f"  DIFFERENT {sixty_two}:{sixty_two + 2} '62' drones [en.drones.shot]: "
        'attributes.status: expected "launched", got "destroyed"'
    ) in lines
    assert lines[-1] == "1 fixture checked, 0 skipped, 1 with differences"


def test_when_and_source_are_scored_apart_and_only_where_the_fixture_gives_them(tmp_path: Path) -> None:
    expected = fixture(tmp_path / "en")
    extractor = scripted()
    check_fixtures([tmp_path], extractor, update=True)
    edited = records(expected)
    edited[0]["source"] = {"text": "the air force"}
    edited[1]["when"] = None
    write_records(expected, edited)
    result = check_fixtures([tmp_path], extractor).fixtures[0]
    assert result.differences == [] and result.passed, "when and source are scored apart from the facts"
    source, when = result.enrichment["source"], result.enrichment["when"]
    assert (source.right, source.total) == (0, 1)
    assert [(want["span"]["text"], have) for want, have in source.wrong] == [("96", None)]
    assert (when.right, when.total) == (1, 1)


def test_bad_records_are_reported_with_file_and_line(tmp_path: Path) -> None:
    expected = fixture(tmp_path / "en")
    check_fixtures([tmp_path], scripted(), update=True)
    lines = expected.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"text": "four"', '"text": "five"')
    lines.append("{not json")
    lines.append(json.dumps({"kind": "drones", "span": RUSSIA, "quantity": {}, "attributes": {}}))
    expected.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_fixtures([tmp_path], scripted()).fixtures[0].problems
    assert len(problems) == 3
    assert problems[0].startswith(f"{expected}:2: ") and "'four'" in problems[0]
    assert problems[1].startswith(f"{expected}:4: ")
    assert problems[2].startswith(f"{expected}:5: quantity")


def test_a_link_to_an_absent_document_is_skipped_not_failed(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "gone.expected.jsonl").write_text("", encoding="utf-8")
    (folder / "gone.link").write_text("../../shared/seeds/gone.txt\n", encoding="utf-8")
    shared = tmp_path / "elsewhere"
    shared.mkdir()
    (shared / "here.txt").write_text(TEXT, encoding="utf-8")
    (folder / "here.expected.jsonl").write_text("", encoding="utf-8")
    (folder / "here.link").write_text("../elsewhere/here.txt", encoding="utf-8")

    report = check_fixtures([folder], scripted(), update=True)
    gone, here = report.fixtures
    assert gone.skipped is not None and "gone.txt" in gone.skipped and "not found" in gone.skipped
    assert gone.passed and report.ok
    assert here.document == shared / "here.txt" and here.updated
    assert "SKIPPED" in format_report(report)


def test_a_fixture_without_document_or_link_fails(tmp_path: Path) -> None:
    (tmp_path / "orphan.expected.jsonl").write_text("", encoding="utf-8")
    report = check_fixtures([tmp_path], scripted())
    assert not report.ok
    assert report.fixtures[0].error is not None and "orphan" in report.fixtures[0].error


def test_a_path_without_fixtures_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \*.expected.jsonl fixtures"):
        check_fixtures([tmp_path], scripted())
    with pytest.raises(InputError, match="no such file"):
        check_fixtures([tmp_path / "missing"], scripted())


def test_cli_update_then_check_passes_with_the_real_extractor(tmp_path: Path, capsys: Capture) -> None:
    fixture(tmp_path / "en")
    fixture(tmp_path / "fr", "attaque", "La Russie a lancé 40 drones pendant la nuit ; 25 ont été abattus.\n")
    assert main(["check", str(tmp_path), "--update"]) == 0
    assert main(["check", str(tmp_path)]) == 0
    assert "2 fixtures checked, 0 skipped, 0 with differences" in capsys.readouterr().out
    missing = {"kind": "age", "span": RUSSIA, "quantity": {"value": 1}, "attributes": {}}
    write_records(tmp_path / "en" / "attack.expected.jsonl", [missing])
    assert main(["check", str(tmp_path)]) == 1
    assert "MISSING   0:6 'Russia'" in capsys.readouterr().out
