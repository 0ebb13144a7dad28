"""Facts out: JSON Lines or CSV, to stdout or to a file replaced atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import sys
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from extract.errors import OutputError
from schemas import ATTRIBUTE_MODELS, Fact

FIELDS = ("kind", "quantity", "attributes", "span", "sentence", "doc", "when", "source", "rule", "extractor")
"""The keys of a fact, in the order FACTS.md writes them (Pydantic would put the shared fields first)."""

ATTRIBUTE_NAMES = sorted({name for model in ATTRIBUTE_MODELS.values() for name in model.model_fields})

CSV_COLUMNS = (
    "kind",
    "quantity.value",
    "quantity.low",
    "quantity.high",
    "quantity.unit",
    "quantity.modifier",
    *(f"attributes.{name}" for name in ATTRIBUTE_NAMES),
    "span.start",
    "span.end",
    "span.text",
    "sentence.start",
    "sentence.end",
    "doc.path",
    "doc.sha256",
    "doc.lang",
    "doc.published",
    "doc.url",
    "doc.title",
    "when.start",
    "when.end",
    "when.text",
    "source.text",
    "source.start",
    "source.end",
    "rule",
    "extractor",
)
"""One fixed header for every kind, so that files from different runs load into one table."""


def fact_record(fact: Fact) -> dict[str, Any]:
    data = fact.model_dump(mode="json")
    return {key: data[key] for key in FIELDS}


def csv_row(fact: Fact) -> list[str]:
    """The fact's JSON values under CSV_COLUMNS: null is empty, strings bare, the rest as JSON (true, 62, 2.5)."""
    flat = dict(_flatten(fact.model_dump(mode="json")))
    return [_cell(flat.get(column)) for column in CSV_COLUMNS]


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)


class FactWriter(ABC):
    """Writes a document's facts in one piece and flushes, so an interrupted run never ends mid-document."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, facts: Sequence[Fact]) -> None:
        self.stream.write(self.render(facts))
        self.stream.flush()

    @staticmethod
    @abstractmethod
    def render(facts: Sequence[Fact]) -> str:
        """The facts as this format writes them; needs no stream, so that worker processes can render."""


class JsonlWriter(FactWriter):
    @staticmethod
    def render(facts: Sequence[Fact]) -> str:
        return "".join(json.dumps(fact_record(fact), ensure_ascii=False) + "\n" for fact in facts)


class CsvWriter(FactWriter):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        stream.write(_csv_text([list(CSV_COLUMNS)]))

    @staticmethod
    def render(facts: Sequence[Fact]) -> str:
        return _csv_text(csv_row(fact) for fact in facts)


def _csv_text(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


WRITERS: dict[str, type[FactWriter]] = {"jsonl": JsonlWriter, "csv": CsvWriter}


@contextmanager
def atomic_file(path: Path, keep_partial: bool = False) -> Iterator[TextIO]:
    """Write beside `path`, then os.replace it: a reader sees the old file or the new one, never half of one.

    On an exception the temporary file is removed, or with `keep_partial` moved into
    place all the same, so that a long run cut short keeps what it already wrote.
    """
    if path.is_dir():
        raise OutputError(f"{path}: is a folder")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        stream = temporary.open("x", encoding="utf-8", newline="")
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
    finished = False
    try:
        with stream:
            yield stream
        finished = True
    finally:
        if finished or keep_partial:
            os.replace(temporary, path)
        else:
            temporary.unlink()


@contextmanager
def fact_output(path: Path | None, format: str = "jsonl") -> Iterator[FactWriter]:
    """Facts to stdout, or to `path` once the run ends (with every completed document, even if it is cut short)."""
    if path is None:
        yield WRITERS[format](sys.stdout)
        return
    with atomic_file(path, keep_partial=True) as stream:
        yield WRITERS[format](stream)
