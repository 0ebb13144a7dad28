""".txt and .md: the file decoded as is (UTF-8, else Windows-1252/Latin-1 with a warning)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.readers.document import Document, ReadError

_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a file that cannot be read raises ReadError with a one-line reason."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file", str(path)) from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory", str(path)) from None
    except OSError as error:
        raise ReadError(f"{path}: cannot read: {error.strerror or error}", str(path)) from None


def decode_text(path: str, data: bytes) -> tuple[str, list[str]]:
    """Text of `data` with the warnings decoding gave; empty or binary data raises ReadError."""
    if not data.strip():
        raise ReadError(f"{path}: empty file", path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{path}: binary file (contains NUL bytes)", path)
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
        raise ReadError(f"{path}: binary file (mostly control characters)", path)
    return text, warnings


def decode_document(path: str, data: bytes) -> Document:
    """A text document from its bytes: the text as decoded, the hash of the bytes."""
    text, warnings = decode_text(path, data)
    return Document(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), warnings=warnings)


def read_plain(path: Path) -> Document:
    return decode_document(str(path), read_bytes(path))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 20)
