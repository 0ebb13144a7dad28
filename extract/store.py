"""Facts into a SQLite database that can be re-filled: re-running on the same documents adds no duplicates.

The schema is documented in docs/DATABASE.md. A document is known by its path (doc.path,
``file.jsonl#id`` for a record); a fact by its document's sha256, its rule and its span.
Each document is written in one transaction: its row, then its facts upserted, then the
facts it no longer has deleted — so a document whose content changed has its old facts
replaced, and an interrupted run leaves every document either as before or as new.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from extract.engine import DocumentResult
from extract.errors import OutputError
from schemas import Fact

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    lang TEXT NOT NULL,
    published TEXT,
    url TEXT,
    title TEXT,
    extracted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    value NUMERIC,
    low NUMERIC,
    high NUMERIC,
    unit TEXT,
    modifier TEXT NOT NULL,
    attributes TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    span_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    when_start TEXT,
    when_end TEXT,
    when_text TEXT,
    source_text TEXT,
    source_start INTEGER,
    source_end INTEGER,
    rule TEXT NOT NULL,
    extractor TEXT NOT NULL,
    UNIQUE (document_id, sha256, rule, span_start, span_end)
);
CREATE INDEX IF NOT EXISTS facts_kind ON facts (kind, when_start);
CREATE INDEX IF NOT EXISTS facts_when ON facts (when_start, when_end);
CREATE INDEX IF NOT EXISTS facts_document ON facts (document_id);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
"""

FACT_COLUMNS = (
    "document_id",
    "sha256",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "modifier",
    "attributes",
    "span_start",
    "span_end",
    "span_text",
    "sentence_start",
    "sentence_end",
    "sentence_text",
    "when_start",
    "when_end",
    "when_text",
    "source_text",
    "source_start",
    "source_end",
    "rule",
    "extractor",
)
_KEY = ("document_id", "sha256", "rule", "span_start", "span_end")

_UPSERT_FACT = (
    f"INSERT INTO facts ({', '.join(FACT_COLUMNS)}) VALUES ({', '.join('?' for _ in FACT_COLUMNS)}) "
    f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in FACT_COLUMNS if column not in _KEY)
    + " RETURNING id"
)


class FactStore:
    """An open database; `add` writes one document's result in its own transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    def add(self, result: DocumentResult) -> None:
        """Store a document's facts, replacing what an earlier run stored for the same path."""
        if result.doc is None:
            return
        doc = result.doc
        try:
            with self.connection:
                (document_id,) = self.connection.execute(
                    "INSERT INTO documents (path, sha256, lang, published, url, title, extracted_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, "
                    "lang = excluded.lang, published = excluded.published, url = excluded.url, "
                    "title = excluded.title, extracted_at = excluded.extracted_at RETURNING id",
                    (
                        doc.path,
                        doc.sha256,
                        doc.lang,
                        _iso(doc.published),
                        doc.url,
                        doc.title,
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    ),
                ).fetchone()
                kept = [
                    self.connection.execute(_UPSERT_FACT, fact_row(document_id, fact)).fetchone()[0]
                    for fact in result.facts
                ]
                self.connection.execute(
                    "DELETE FROM facts WHERE document_id = ? AND id NOT IN (SELECT value FROM json_each(?))",
                    (document_id, json.dumps(kept)),
                )
        except sqlite3.Error as error:
            raise OutputError(f"{self.path}: cannot store {doc.path}: {error}") from None


def fact_row(document_id: int, fact: Fact) -> tuple[Any, ...]:
    """A fact as the values of FACT_COLUMNS: attributes as a JSON object, dates as ISO strings."""
    quantity, when, source = fact.quantity, fact.when, fact.source
    return (
        document_id,
        fact.doc.sha256,
        fact.kind,
        quantity.value,
        quantity.low,
        quantity.high,
        quantity.unit,
        quantity.modifier.value,
        json.dumps(fact.attributes.model_dump(mode="json"), ensure_ascii=False),
        fact.span.start,
        fact.span.end,
        fact.span.text,
        fact.sentence.start,
        fact.sentence.end,
        fact.sentence.text,
        _iso(when.start) if when else None,
        _iso(when.end) if when else None,
        when.text if when else None,
        source.text if source else None,
        source.start if source else None,
        source.end if source else None,
        fact.rule,
        fact.extractor,
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@contextmanager
def open_store(path: Path) -> Iterator[FactStore]:
    """Create or open a newsfacts database at `path`, refusing any other kind of file."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder (--db)")
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error as error:
        raise OutputError(f"{path}: cannot open the database (--db): {error}") from None
    with closing(connection):
        try:
            _prepare(connection)
        except sqlite3.DatabaseError as error:
            raise OutputError(f"{path}: not a newsfacts database (--db): {error}") from None
        yield FactStore(connection, path)


def _prepare(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version not in (0, SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"schema version {version}, this newsfacts writes version {SCHEMA_VERSION}")
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0 and tables:
        raise sqlite3.DatabaseError(f"it already holds other tables ({', '.join(sorted(tables))})")
    with connection:
        connection.executescript(SCHEMA)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
