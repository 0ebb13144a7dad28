"""Reading documents from disk: bytes to text, with the metadata provenance needs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError

SUPPORTED_SUFFIXES = (".txt", ".md")
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    sha256: str
    warnings: list[str] = field(default_factory=list)


def read_document(path: Path) -> Document:
    """Read a text document; undecodable bytes fall back to cp1252 with a warning."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode_document(str(path), data)


def decode_document(path: str, data: bytes) -> Document:
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary file (contains NUL bytes)")
    sha256 = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = ""
        for encoding in _FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            bad = data[error.start : error.start + 1]
            warnings.append(f"{path}: not valid UTF-8 (byte {error.start}: {bad!r}); read as {encoding}")
            break
    if _looks_binary(text):
        raise InputError(f"{path}: binary file (mostly control characters)")
    return Document(path=path, text=text, sha256=sha256, warnings=warnings)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 20)


def iter_paths(paths: list[Path]) -> Iterator[Path | InputError]:
    """Documents under `paths` (folders recursively, sorted); a bad path yields an error."""
    for path in paths:
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    found = True
                    yield child
            if not found:
                yield InputError(f"{path}: no .txt or .md documents in this folder")
        elif path.exists():
            yield path
        else:
            yield InputError(f"{path}: no such file or directory")
