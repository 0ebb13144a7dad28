"""Reading documents: bytes to text, with the metadata provenance needs.

One module per format: `plain` (.txt, .md), `html_page` (.html, .htm), `records`
(.json, .jsonl: one document per record). Whatever the format, a document then takes
the publication date and source URL its text states (`footers`) where the format gave
none, and a sidecar NAME.meta.json beside the file overrides everything (`sidecar`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from extract.readers.dates import parse_date
from extract.readers.document import Document, ReadError
from extract.readers.footers import from_text
from extract.readers.html_page import read_html
from extract.readers.plain import decode_document, read_plain
from extract.readers.records import RecordFields, read_records
from extract.readers.sidecar import Sidecar, apply_sidecar, is_sidecar, read_sidecar
from extract.readers.size import DEFAULT_MAX_SIZE, parse_size

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")
"""Files that hold one document."""
RECORD_SUFFIXES = (".json", ".jsonl")
"""Files that hold records, one document each."""
SUPPORTED_SUFFIXES = DOCUMENT_SUFFIXES + RECORD_SUFFIXES
SKIPPED_SUFFIXES = (".meta.json", ".expected.jsonl")
"""Never documents when a folder is walked: sidecars, and golden fixtures' expected facts."""

__all__ = [
    "DEFAULT_MAX_SIZE",
    "DOCUMENT_SUFFIXES",
    "RECORD_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "ReadError",
    "RecordFields",
    "decode_document",
    "is_record_file",
    "iter_paths",
    "parse_date",
    "parse_size",
    "read_document",
    "read_documents",
    "read_records",
]


def is_record_file(path: Path) -> bool:
    return path.suffix.lower() in RECORD_SUFFIXES and not is_sidecar(path)


def read_document(path: Path, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    """The document in a single-document file (.txt, .md, .html, .htm; another suffix is read as text).

    Raises ReadError (an InputError) with a one-line reason when the file cannot be read
    or is larger than `max_size` bytes (None or 0: no limit).
    """
    path = Path(path)
    if is_record_file(path):
        raise ReadError(f"{path}: a file of records: read it with read_documents or read_records", str(path))
    reader = read_html if path.suffix.lower() in (".html", ".htm") else read_plain
    return _finish(reader(path, max_size), read_sidecar(path))


def read_documents(
    path: Path, fields: RecordFields | None = None, max_size: int | None = DEFAULT_MAX_SIZE
) -> Iterator[Document | ReadError]:
    """Lazily, every document in the file at `path`: one for a text or HTML file, one per record of JSON/JSONL.

    Nothing is raised: what cannot be read (the file, or one record) comes as a ReadError.
    """
    path = Path(path)
    if not is_record_file(path):
        try:
            yield read_document(path, max_size)
        except ReadError as error:
            yield error
        return
    sidecar = read_sidecar(path)
    for item in read_records(path, fields, max_size):
        if isinstance(item, ReadError):
            yield item
            continue
        yield _finish(item, sidecar)
        sidecar = _warned(sidecar)


def _finish(document: Document, sidecar: Sidecar | None) -> Document:
    """The sidecar first: what it says (null included) is not looked for in the text."""
    return from_text(apply_sidecar(document, sidecar))


def _warned(sidecar: Sidecar | None) -> Sidecar | None:
    """The sidecar of a file of records warns with its first record only."""
    return replace(sidecar, warnings=[]) if sidecar is not None and sidecar.warnings else sidecar


def iter_paths(paths: list[Path]) -> Iterator[Path | ReadError]:
    """Files under `paths` (folders recursively, sorted); a bad path yields an error."""
    for path in paths:
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):  # symlinked folders are not followed: no loops
                name = child.name.lower()
                if child.suffix.lower() not in SUPPORTED_SUFFIXES or name.endswith(SKIPPED_SUFFIXES):
                    continue
                broken = _broken_link(child)
                if broken is not None:
                    yield ReadError(f"{child}: {broken}", str(child))
                elif child.is_file():
                    found = True
                    yield child
            if not found:
                kinds = ", ".join(SUPPORTED_SUFFIXES[:-1]) + f" or {SUPPORTED_SUFFIXES[-1]}"
                yield ReadError(f"{path}: no {kinds} documents in this folder", str(path))
        elif path.exists():
            yield path
        else:
            yield ReadError(f"{path}: {_broken_link(path) or 'no such file or directory'}", str(path))


def _broken_link(path: Path) -> str | None:
    """Why a symlink leads nowhere (a loop, a missing target), or None when `path` is no broken link."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return f"broken symlink (its target {os.readlink(path)} does not exist)"
    except (RuntimeError, OSError):
        return "symlink loop"
    return None
