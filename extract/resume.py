"""Output that survives interruption: an extraction to a file can be cut at any moment and resumed.

Facts for ``FILE`` go to ``FILE.part``, a document at a time, and a journal
``FILE.progress`` gets one JSON line per finished document (its path, sha256, and the
size of ``FILE.part`` once its facts were written), so documents without facts count
as done too. Facts are written before their journal line: a document is done only
once both are on disk, and whatever follows the last journal line is cut on resume.

- The run ends: ``FILE.part`` replaces ``FILE`` in one rename, the journal goes.
- Ctrl-C, SIGTERM or an error: ``FILE.part``, cut after its last finished document,
  replaces ``FILE``; the journal stays beside it.
- SIGKILL, a crash of the machine: ``FILE`` is as it was; ``FILE.part`` and the journal stay.

``--resume`` then continues from ``FILE.part`` (else ``FILE``), cut after the last
journal line, and skips the documents the journal names, by path and sha256. Without a
journal it continues from a finished ``FILE``, whose records name their documents.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from extract.engine import DocumentResult
from extract.errors import OptionError, OutputError
from extract.readers import Document
from extract.writers import WRITERS, FactWriter, fact_output


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".progress")


@dataclass(frozen=True)
class Rendered:
    """A document's result with its facts rendered as the output writes them.

    With --jobs the workers render: the main process then only writes, and the facts
    themselves (and the text) need not come back to it unless a store wants them.
    """

    result: DocumentResult
    text: str
    kinds: tuple[str, ...]
    """The kind of each fact, for the run's summary."""


def render(format: str | None, keep_facts: bool, result: DocumentResult) -> Rendered:
    """`result` rendered in `format` (None: not written, not rendered); without `keep_facts`, kept without its facts
    and text."""
    text = WRITERS[format].render(result.facts) if format is not None else ""
    kinds = tuple(fact.kind for fact in result.facts)
    if not keep_facts:
        result = result.model_copy(update={"facts": [], "text": None})
    return Rendered(result, text, kinds)


@dataclass(frozen=True)
class Entry:
    """One finished document in the journal."""

    path: str
    sha256: str
    end: int

    def line(self) -> bytes:
        return json.dumps({"path": self.path, "sha256": self.sha256, "end": self.end}).encode("utf-8") + b"\n"


class Output:
    """Where the facts of a run go, and which documents an earlier run already did."""

    def __init__(self, writer: FactWriter, done: list[Entry], end: int = 0, journal: BinaryIO | None = None) -> None:
        self.writer = writer
        self.done = {(entry.path, entry.sha256) for entry in done}
        self.resumed = 0
        """Documents skipped because an earlier run had done them."""
        self.end = end
        """Bytes of the part file up to the end of the last finished document."""
        self.journal = journal

    @property
    def resuming(self) -> bool:
        """Whether an earlier run did documents that `skip` leaves out (else every document must be read anyway)."""
        return bool(self.done)

    def skip(self, document: Document) -> bool:
        if (document.path, document.sha256) in self.done:
            self.resumed += 1
            return True
        return False

    def write(self, rendered: Rendered) -> None:
        """A document's facts, then its journal line: the document is done once both are written."""
        text, result = rendered.text, rendered.result
        self.writer.stream.write(text)
        self.writer.stream.flush()
        if self.journal is not None:
            self.end += len(text.encode("utf-8"))
            sha256 = result.doc.sha256 if result.doc is not None else ""
            self.journal.write(Entry(result.path, sha256, self.end).line())
            self.journal.flush()


@contextmanager
def open_output(path: Path | None, format: str = "jsonl", resume: bool = False) -> Iterator[Output]:
    """Facts to stdout (`path` None), or to `path` through its part file and journal (see the module)."""
    if path is None:
        if resume:
            raise OptionError("--resume needs an output file (-o FILE)")
        with fact_output(None, format) as writer:
            yield Output(writer, [])
        return
    if path.is_dir():
        raise OutputError(f"{path}: is a folder")
    part, journal = part_path(path), journal_path(path)
    prefix, done = _resumed(path, format) if resume else (b"", [])
    try:
        _write_atomically(journal, b"".join(entry.line() for entry in done))
        stream = part.open("w", encoding="utf-8", newline="")
        journal_stream = journal.open("ab")
    except OSError as error:
        raise OutputError(f"{path}: cannot write beside it: {error.strerror or error}") from None
    output: Output | None = None
    finished = False
    try:
        with stream, journal_stream:
            if prefix:
                stream.write(prefix.decode("utf-8"))
                writer = WRITERS[format](io.StringIO())  # the CSV header is in the prefix already
                writer.stream = stream
            else:
                writer = WRITERS[format](stream)
            stream.flush()
            output = Output(writer, done, part.stat().st_size, journal_stream)
            yield output
            os.fsync(stream.fileno())
        finished = True
    finally:
        if output is None:  # nothing was started: the output stays as it was
            part.unlink(missing_ok=True)
        else:
            if not finished:
                os.truncate(part, output.end)  # a document cut in the middle of its write is not kept
            os.replace(part, path)
            if finished:
                journal.unlink()


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _resumed(path: Path, format: str) -> tuple[bytes, list[Entry]]:
    """The output an earlier run left, cut after its last finished document, and the documents it did."""
    part, journal = part_path(path), journal_path(path)
    source = part if part.exists() else path
    try:
        data = source.read_bytes() if source.exists() else b""
        lines = journal.read_bytes().split(b"\n") if journal.exists() else None
    except OSError as error:
        raise OutputError(f"{path}: cannot resume: {error.strerror or error}") from None
    if lines is None:
        return _finished(path, data, format)
    entries: list[Entry] = []
    for line in lines[:-1]:  # the last piece has no newline: an entry cut short, or nothing
        try:
            entry = Entry(**json.loads(line))
        except (ValueError, TypeError):
            break
        if not isinstance(entry.end, int) or entry.end > len(data):
            break
        entries.append(entry)
    return data[: entries[-1].end if entries else 0], entries


def _finished(path: Path, data: bytes, format: str) -> tuple[bytes, list[Entry]]:
    """A finished output without a journal: its whole lines, and the documents its records name."""
    kept = data[: data.rfind(b"\n") + 1]
    text = kept.decode("utf-8", errors="replace")
    documents: list[tuple[str, str]] = []
    try:
        if format == "csv":
            documents = [(row["doc.path"], row["doc.sha256"]) for row in csv.DictReader(io.StringIO(text))]
        else:
            for line in text.split("\n")[:-1]:  # JSON Lines end at "\n" only: U+0085, U+2028 may be in a string
                doc = json.loads(line)["doc"]
                documents.append((doc["path"], doc["sha256"]))
    except (ValueError, KeyError, TypeError) as error:
        raise OutputError(f"{path}: cannot resume: not {format} facts as newsfacts writes them ({error})") from None
    unique = dict.fromkeys(documents)
    return kept, [Entry(doc_path, sha256, len(kept)) for doc_path, sha256 in unique]
