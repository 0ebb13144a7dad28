"""extract --db: a SQLite store that re-runs fill without duplicates and changed documents replace in one go."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import make_fact

from extract import store
from extract.cli import main
from extract.engine import DocumentResult
from extract.errors import OutputError
from extract.store import open_store
from schemas import DocumentMeta, Fact

TEXT = "Russia launched 96 drones; 62 were shot down. He got 13 years for treason."
CHANGED = "Russia launched 97 drones; 62 were shot down."


def result(text: str, sha: str, *mentions: tuple[str, str, dict[str, Any]]) -> DocumentResult:
    doc = {"path": "a.txt", "sha256": sha * 64, "lang": "en", "published": "2024-11-17"}
    facts: list[Fact] = [
        make_fact(text, mention, kind, attributes, doc=doc, quantity={"value": int(mention.split()[0])})
        for mention, kind, attributes in mentions
    ]
    return DocumentResult(path="a.txt", doc=DocumentMeta.model_validate(doc), facts=facts, text=text)


FIRST = result(
    TEXT,
    "1",
    ("96", "drones", {"status": "launched"}),
    ("62", "drones", {"status": "destroyed"}),
    ("13 years", "prison_sentence", {"charge": "treason"}),
)
SECOND = result(CHANGED, "2", ("97", "drones", {"status": "launched"}), ("62", "drones", {"status": "destroyed"}))


def rows(path: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


def test_a_document_stored_twice_keeps_one_row_per_fact_with_the_same_ids(tmp_path: Path) -> None:
    db = tmp_path / "facts.sqlite"
    for _ in range(2):
        with open_store(db) as facts:
            facts.add(FIRST)
    assert rows(db, "SELECT id, kind, value, span_text FROM facts ORDER BY id") == [
        (1, "drones", 96, "96"),
        (2, "drones", 62, "62"),
        (3, "prison_sentence", 13, "13 years"),
    ]
    assert rows(db, "SELECT path, sha256, published FROM documents") == [("a.txt", "1" * 64, "2024-11-17")]
    attributes = rows(db, "SELECT attributes FROM facts WHERE kind = 'prison_sentence'")[0][0]
    assert json.loads(attributes) == {"in_absentia": False, "charge": "treason"}
    assert rows(db, "SELECT json_extract(attributes, '$.status') FROM facts WHERE id = 2") == [("destroyed",)]


def test_a_changed_document_replaces_its_facts(tmp_path: Path) -> None:
    db = tmp_path / "facts.sqlite"
    with open_store(db) as facts:
        facts.add(FIRST)
        facts.add(SECOND)
    assert rows(db, "SELECT sha256, value, span_start FROM facts ORDER BY span_start") == [
        ("2" * 64, 97, 16),
        ("2" * 64, 62, 27),
    ]
    assert rows(db, "SELECT count(*), sha256 FROM documents") == [(1, "2" * 64)]


def test_a_failure_while_replacing_leaves_the_old_facts_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "facts.sqlite"
    with open_store(db) as facts:
        facts.add(FIRST)
    written = store.fact_row

    def failing(document_id: int, fact: Fact) -> tuple[Any, ...]:
        if fact.span.text == "62":
            return (*written(document_id, fact)[:-1], None)  # NOT NULL extractor: the insert fails
        return written(document_id, fact)

    monkeypatch.setattr(store, "fact_row", failing)
    with pytest.raises(OutputError, match=r"facts\.sqlite: cannot store a\.txt"), open_store(db) as facts:
        facts.add(SECOND)
    assert rows(db, "SELECT sha256, value FROM facts ORDER BY id") == [("1" * 64, 96), ("1" * 64, 62), ("1" * 64, 13)]
    assert rows(db, "SELECT sha256 FROM documents") == [("1" * 64,)]


def test_skipped_documents_are_not_stored(tmp_path: Path) -> None:
    db = tmp_path / "facts.sqlite"
    with open_store(db) as facts:
        facts.add(DocumentResult(path="bad.txt", error="bad.txt: empty file"))
    assert rows(db, "SELECT count(*) FROM documents") == [(0,)]


def test_the_schema_has_the_documented_indexes(tmp_path: Path) -> None:
    db = tmp_path / "facts.sqlite"
    with open_store(db):
        pass
    indexes = {name for (name,) in rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"facts_kind", "facts_when", "facts_document", "documents_published"} <= indexes
    documented = (Path(__file__).resolve().parents[1] / "docs" / "DATABASE.md").read_text(encoding="utf-8")
    for statement in store.SCHEMA.strip().split(";\n"):
        assert statement.strip().rstrip(";") in documented


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"this is not a database at all" * 100, "not a newsfacts database"),
        (None, "already holds other tables (notes)"),
    ],
)
def test_a_file_that_is_not_ours_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, problem: str
) -> None:
    db = tmp_path / "other.sqlite"
    if content is None:
        with sqlite3.connect(db) as connection:
            connection.execute("CREATE TABLE notes (text TEXT)")
    else:
        db.write_bytes(content)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsfacts: error: {db}: ") and problem in err and "(--db)" in err
    assert len(err.splitlines()) == 1


def test_db_alone_writes_nothing_to_stdout_and_with_o_writes_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "facts.sqlite"
    assert main(["extract", str(article), "--lang", "en", "--db", str(db)]) == 0
    assert capsys.readouterr().out == ""
    stored = rows(db, "SELECT count(*) FROM facts")[0][0]
    assert stored >= 2
    out = tmp_path / "facts.jsonl"
    assert main(["extract", str(article), "--lang", "en", "--db", str(db), "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == stored == rows(db, "SELECT count(*) FROM facts")[0][0]


def test_jobs_store_the_facts_one_process_stores(tmp_path: Path) -> None:
    """With --jobs the workers render the output and send facts back only for the store: both must be whole."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, text in enumerate([TEXT, CHANGED, "Nothing to count here."]):
        (corpus / f"{number}.txt").write_text(text, encoding="utf-8")
    stored = []
    for jobs in ("1", "2"):
        db, out = tmp_path / f"facts-{jobs}.sqlite", tmp_path / f"facts-{jobs}.jsonl"
        assert main(["extract", str(corpus), "--lang", "en", "--db", str(db), "-o", str(out), "--jobs", jobs]) == 0
        facts = rows(db, "SELECT kind, value, span_text FROM facts ORDER BY id")
        assert len(facts) == len(out.read_text(encoding="utf-8").splitlines()) >= 3
        stored.append(facts)
    assert stored[0] == stored[1]
