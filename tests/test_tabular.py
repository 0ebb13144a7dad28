"""Over the whole golden set: JSONL, CSV and the SQLite store hold the same facts, and re-runs add no rows."""

from __future__ import annotations

import csv
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from test_writers import flat

from extract.cli import main
from extract.writers import CSV_COLUMNS

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@dataclass
class Runs:
    jsonl: list[dict[str, Any]]
    csv: list[dict[str, str]]
    db: Path
    counts: list[tuple[int, int]]
    """(documents, facts) in the database after each run of `extract --db`."""


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        facts = connection.execute("SELECT count(*) FROM facts").fetchone()[0]
    return documents, facts


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Two runs of `extract golden/ --db`: the first also writes JSONL, the second CSV."""
    folder = tmp_path_factory.mktemp("tabular")
    db, jsonl, table = folder / "facts.sqlite", folder / "facts.jsonl", folder / "facts.csv"
    assert main(["extract", str(GOLDEN), "--db", str(db), "-o", str(jsonl)]) == 0
    after_first = counts(db)
    assert main(["extract", str(GOLDEN), "--db", str(db), "-o", str(table), "--format", "csv"]) == 0
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    return Runs(records, rows, db, [after_first, counts(db)])


def test_rerunning_extract_db_on_the_golden_set_leaves_the_row_counts_unchanged(runs: Runs) -> None:
    first, second = runs.counts
    assert first == second
    documents, facts = first
    assert facts == len(runs.jsonl) > 1000
    assert documents >= len({record["doc"]["path"] for record in runs.jsonl})


def cell(value: Any) -> str:
    """What the CSV writer promises for a JSON value: null empty, strings bare, the rest as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)


def test_csv_holds_the_jsonl_facts_one_row_each_attributes_flattened(runs: Runs) -> None:
    assert len(runs.csv) == len(runs.jsonl)
    for row, record in zip(runs.csv, runs.jsonl, strict=True):
        values = flat(record)
        assert {column: row[column] for column in CSV_COLUMNS} == {
            column: cell(values.get(column)) for column in CSV_COLUMNS
        }
        assert {name for name, value in values.items() if value is not None} - set(CSV_COLUMNS) <= {"sentence.text"}


def test_the_database_holds_the_jsonl_facts(runs: Runs) -> None:
    with sqlite3.connect(runs.db) as connection:
        stored = connection.execute(
            "SELECT d.path, f.kind, f.span_start, f.span_end, f.rule, f.value, f.low, f.high, f.unit, f.modifier, "
            "f.attributes, f.when_start, f.when_end, f.source_text "
            "FROM facts f JOIN documents d ON d.id = f.document_id"
        ).fetchall()

    def key(record: dict[str, Any]) -> tuple[Any, ...]:
        quantity, when, source = record["quantity"], record["when"], record["source"]
        return (
            record["doc"]["path"],
            record["kind"],
            record["span"]["start"],
            record["span"]["end"],
            record["rule"],
            quantity["value"],
            quantity["low"],
            quantity["high"],
            quantity["unit"],
            quantity["modifier"],
            record["attributes"],
            when and when["start"],
            when and when["end"],
            source and source["text"],
        )

    from_db = sorted((*row[:10], json.loads(row[10]), *row[11:]) for row in stored)
    assert from_db == sorted(map(key, runs.jsonl))
