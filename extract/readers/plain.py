""".txt and .md: the file decoded as is (UTF-8, a BOM's encoding, else the detected one with a warning)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.readers.document import Document, ReadError
from extract.readers.encoding import decode
from extract.readers.size import DEFAULT_MAX_SIZE, format_size


def read_bytes(path: Path, max_size: int | None = DEFAULT_MAX_SIZE) -> bytes:
    """The file's bytes; a file unreadable or over `max_size` bytes (None, 0: no limit) raises ReadError.

    The size is checked before reading, so a file of gigabytes is refused without filling memory.
    """
    try:
        size = path.stat().st_size
        if max_size and size > max_size:
            limit = format_size(max_size)
            raise ReadError(f"{path}: {format_size(size)}, over the size limit of {limit} (--max-size)", str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file", str(path)) from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory", str(path)) from None
    except OSError as error:
        raise ReadError(f"{path}: cannot read: {error.strerror or error}", str(path)) from None


def decode_document(path: str, data: bytes) -> Document:
    """A text document from its bytes: the text as decoded, the hash of the bytes."""
    text, warnings = decode(path, data)
    return Document(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), warnings=warnings)


def read_plain(path: Path, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    return decode_document(str(path), read_bytes(path, max_size))

