from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FactMaker

from extract.engine import DocumentResult
from extract.errors import OutputError
from extract.resume import render
from extract.writers import CSV_COLUMNS, CsvWriter, JsonlWriter, atomic_file, fact_output
from schemas import FACT_ADAPTER, Fact

TEXT = "Russia launched 96 drones; 62 were shot down. He got 13 years for treason. Between 2.5 and 3.5 km away."

# The key order of FACTS.md's Output section.
CONTRACT_KEYS = ["kind", "quantity", "attributes", "span", "sentence", "doc", "when", "source", "rule", "extractor"]


@pytest.fixture
def facts(fact: FactMaker) -> list[Fact]:
    return [
        fact(
            TEXT,
            "96",
            "drones",
            {"status": "launched"},
            quantity={"value": 96, "modifier": "exact"},
            when={"start": "2024-11-16", "end": "2024-11-17", "text": "overnight"},
            source={"text": "Ukraine's air force"},
            doc={"path": "a.txt", "sha256": "1" * 64, "lang": "en", "published": "2024-11-17"},
        ),
        fact(TEXT, "62", "drones", {"status": "destroyed", "region": "Kyiv, \"west\""}, quantity={"value": 62.0}),
        fact(
            TEXT,
            "13 years",
            "prison_sentence",
            {"in_absentia": True, "charge": "treason"},
            quantity={"value": 13, "unit": "year"},
        ),
        fact(
            TEXT,
            "Between 2.5 and 3.5 km",
            "distance",
            quantity={"low": 2.5, "high": 3.5, "unit": "kilometer", "modifier": "range"},
        ),
    ]


def jsonl(facts: list[Fact]) -> list[dict[str, Any]]:
    stream = io.StringIO()
    JsonlWriter(stream).write(facts)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_jsonl_has_one_line_per_fact_with_the_contract_keys_in_order(facts: list[Fact]) -> None:
    records = jsonl(facts)
    assert len(records) == len(facts)
    for record, fact in zip(records, facts, strict=True):
        assert list(record) == CONTRACT_KEYS
        assert list(record["quantity"]) == ["value", "low", "high", "unit", "modifier"]
        assert list(record["doc"]) == ["path", "sha256", "lang", "published", "url", "title"]
        assert record == fact.model_dump(mode="json")
        assert FACT_ADAPTER.validate_python(record) == fact


def test_jsonl_keeps_whole_numbers_and_non_ascii_text(fact: FactMaker) -> None:
    text = "Près de soixante-dix drones"
    stream = io.StringIO()
    approx = fact(text, "Près de soixante-dix", "drones", quantity={"value": 70, "modifier": "approx"})
    JsonlWriter(stream).write([approx])
    assert '"value": 70,' in stream.getvalue()
    assert "Près de soixante-dix" in stream.getvalue()


def flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            out |= flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


def test_csv_has_one_row_per_fact_with_the_jsonl_values(facts: list[Fact]) -> None:
    stream = io.StringIO(newline="")
    CsvWriter(stream).write(facts)
    reader = csv.DictReader(io.StringIO(stream.getvalue(), newline=""))
    rows = list(reader)
    assert reader.fieldnames == list(CSV_COLUMNS)
    assert len(rows) == len(facts)
    for row, record in zip(rows, jsonl(facts), strict=True):
        values = flat(record)
        for column in CSV_COLUMNS:
            value, cell = values.get(column), row[column]
            if value is None:
                assert cell == "", column
            elif isinstance(value, bool):
                assert cell == json.dumps(value), column
            elif isinstance(value, int | float):
                assert float(cell) == value, column
            else:
                assert cell == value, column
    assert rows[0]["when.text"] == "overnight"
    assert rows[1]["attributes.region"] == 'Kyiv, "west"'
    assert rows[2]["attributes.in_absentia"] == "true"


def test_csv_columns_cover_every_attribute_in_sorted_order() -> None:
    attributes = [column for column in CSV_COLUMNS if column.startswith("attributes.")]
    assert attributes == sorted(attributes)
    assert {"attributes.status", "attributes.region", "attributes.country", "attributes.charge"} <= set(attributes)
    assert "sentence.text" not in CSV_COLUMNS


def test_csv_header_is_written_even_without_facts(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with fact_output(target, "csv"):
        pass
    assert target.read_text(encoding="utf-8").splitlines() == [",".join(CSV_COLUMNS)]


def test_file_output_appears_only_at_the_end_and_leaves_no_temporary_file(tmp_path: Path, facts: list[Fact]) -> None:
    target = tmp_path / "facts.jsonl"
    with fact_output(target) as writer:
        writer.write(facts[:2])
        assert not target.exists()
        writer.write(facts[2:])
    assert [path.name for path in tmp_path.iterdir()] == ["facts.jsonl"]
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(facts)


def test_an_interrupted_run_keeps_the_facts_already_written(tmp_path: Path, facts: list[Fact]) -> None:
    target = tmp_path / "facts.jsonl"
    target.write_text("from an older run\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), fact_output(target) as writer:
        writer.write(facts[:1])
        writer.write(facts[1:3])
        raise KeyboardInterrupt
    assert [path.name for path in tmp_path.iterdir()] == ["facts.jsonl"]
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["span"]["text"] for line in lines] == ["96", "62", "13 years"]


def test_a_whole_file_write_that_fails_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "x.expected.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as stream:
        stream.write("new, half done")
        raise RuntimeError("cut short")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["x.expected.jsonl"]


def test_stdout_when_no_file_is_given(capsys: pytest.CaptureFixture[str], facts: list[Fact]) -> None:
    with fact_output(None) as writer:
        writer.write(facts)
    assert len(capsys.readouterr().out.splitlines()) == len(facts)


@pytest.mark.parametrize("name", ["missing/out.jsonl", "."])
def test_an_unwritable_target_is_a_one_line_error_naming_it(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    with pytest.raises(OutputError, match=str(target)), fact_output(target):
        pass


def test_a_rendered_result_carries_the_text_to_write_and_the_facts_only_when_asked(facts: list[Fact]) -> None:
    """What a --jobs worker sends back: the rendered lines, and the facts only for a store that needs them."""
    result = DocumentResult(path="a.txt", facts=facts, text=TEXT)
    sent = render("jsonl", False, result)
    assert sent.text == JsonlWriter.render(facts)
    assert sent.kinds == ("drones", "drones", "prison_sentence", *(f.kind for f in facts[3:]))
    assert sent.result.facts == [] and sent.result.text is None and sent.result.path == "a.txt"
    kept = render("csv", True, result)
    assert kept.text == CsvWriter.render(facts) and kept.result.facts == facts
    assert render(None, True, result).text == ""
