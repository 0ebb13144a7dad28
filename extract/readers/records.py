""".json (one object, or a list of objects) and .jsonl (one object per line): one document per record.

A record's text, date, URL, id and title are read from the first of several field names
that it has (RecordFields; a dotted name such as ``article.body`` reaches into an
object). A record is called ``file.jsonl#<id>``, or ``file.jsonl#<line>`` when it has
no id. A line that is not JSON or a record without text is reported on one line,
``file.jsonl:LINE: …``, and the other records are read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from extract.errors import OptionError
from extract.readers.dates import parse_date_value
from extract.readers.document import Document, ReadError
from extract.readers.plain import read_bytes
from extract.readers.size import DEFAULT_MAX_SIZE

_WHITESPACE = " \t\n\r"


@dataclass(frozen=True)
class RecordFields:
    """The field names a record's metadata is looked for under, in order."""

    text: tuple[str, ...] = ("text", "content", "body", "article", "maintext")
    published: tuple[str, ...] = (
        "published", "date", "published_at", "datePublished", "date_publish", "publish_date", "pubDate",
    )
    url: tuple[str, ...] = ("url", "link")
    id: tuple[str, ...] = ("id", "_id", "uuid")
    title: tuple[str, ...] = ("title", "headline")

    @classmethod
    def from_options(cls, **lists: str | None) -> RecordFields:
        """From comma-separated lists of names (``text="body,content"``); None keeps the default."""
        chosen: dict[str, tuple[str, ...]] = {}
        known = {f.name for f in fields(cls)}
        for name, value in lists.items():
            if name not in known:
                raise OptionError(f"unknown record field kind {name!r} (known: {', '.join(sorted(known))})")
            if value is None:
                continue
            names = tuple(part.strip() for part in value.split(","))
            if not all(names):
                raise OptionError(f"--{name}-field {value!r}: give field names separated by commas")
            chosen[name] = names
        return cls(**chosen)


def read_records(
    path: Path, record_fields: RecordFields | None = None, max_size: int | None = DEFAULT_MAX_SIZE
) -> Iterator[Document | ReadError]:
    """Lazily, each record of a JSON or JSONL file as a Document, or the error that kept it from being one."""
    names = record_fields or RecordFields()
    name = str(path)
    try:
        data = read_bytes(path, max_size)
    except ReadError as error:
        yield error
        return
    if not data.strip():
        yield ReadError(f"{name}: empty file", name)
        return
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(name, data, names)
    else:
        yield from _json(name, data, names)


def _jsonl(name: str, data: bytes, names: RecordFields) -> Iterator[Document | ReadError]:
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield _error(name, number, f"not valid UTF-8 (byte {error.start} of the line)")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield _error(name, number, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        yield _record(name, number, value, names)


def _json(name: str, data: bytes, names: RecordFields) -> Iterator[Document | ReadError]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield _error(name, data.count(b"\n", 0, error.start) + 1, "not valid UTF-8")
        return
    decoder = json.JSONDecoder()
    start = _skip(text, 0)
    if start == len(text):
        yield ReadError(f"{name}: empty file", name)
        return
    if text[start] != "[":  # one object: the file is one record
        try:
            value, end = decoder.raw_decode(text, start)
            if _skip(text, end) < len(text):
                raise json.JSONDecodeError("extra data after the JSON value", text, _skip(text, end))
        except json.JSONDecodeError as error:
            yield _error(name, error.lineno, f"invalid JSON: {error.msg} (column {error.colno})")
            return
        yield _record(name, _line(text, start), value, names)
        return
    position = _skip(text, start + 1)
    first = True
    while True:
        try:
            if position < len(text) and text[position] == "]" and first:
                position += 1
                break
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            problem = f"invalid JSON: {error.msg} (column {error.colno}); the records after it are not read"
            yield _error(name, error.lineno, problem)
            return
        yield _record(name, _line(text, position), value, names)
        first = False
        position = _skip(text, end)
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
        elif position < len(text) and text[position] == "]":
            position += 1
            break
        else:
            yield _error(name, _line(text, position), "invalid JSON: expected ',' or ']' after a record")
            return
    if _skip(text, position) < len(text):
        yield _error(name, _line(text, _skip(text, position)), "invalid JSON: extra data after the list of records")


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _error(name: str, line: int, message: str, record: str | None = None) -> ReadError:
    record = record or str(line)
    return ReadError(f"{name}:{line}: {message}", f"{name}#{record}", record)


def _field(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of `names` the record has a non-null value under (dotted names reach into objects)."""
    for name in names:
        value: Any = record.get(name)
        if value is None and "." in name:
            value = record
            for part in name.split("."):
                value = value.get(part) if isinstance(value, dict) else None
        if value is not None:
            return name, value
    return None


def _record(name: str, line: int, value: Any, names: RecordFields) -> Document | ReadError:
    if not isinstance(value, dict):
        return _error(name, line, f"not a JSON object but {type(value).__name__}; records are objects")
    found = _field(value, names.id)
    record = str(found[1]) if found and isinstance(found[1], str | int) and str(found[1]).strip() else str(line)
    found = _field(value, names.text)
    if found is None:
        return _error(name, line, f"no text field (tried {', '.join(names.text)})", record)
    field, text = found
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # a list of paragraphs
    if not isinstance(text, str):
        return _error(name, line, f"text field {field!r} is not a string but {type(text).__name__}", record)
    if not text.strip():
        return _error(name, line, f"text field {field!r} is empty", record)
    path = f"{name}#{record}"
    origins: dict[str, str] = {}
    warnings: list[str] = []
    metadata: dict[str, Any] = {}
    for key, kind_names in (("published", names.published), ("url", names.url), ("title", names.title)):
        found = _field(value, kind_names)
        if found is None:
            continue
        where = f"record field {found[0]!r}"
        if key == "published":
            metadata[key] = parse_date_value(found[1])
            if metadata[key] is None:
                warnings.append(f"{name}:{line}: {found[0]} {found[1]!r} is not a date; ignored")
                continue
        elif isinstance(found[1], str) and found[1].strip():
            metadata[key] = found[1].strip()
        else:
            warnings.append(f"{name}:{line}: {found[0]} is not a string; ignored")
            continue
        origins[key] = where
    return Document(
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        origins=origins,
        warnings=warnings,
        record=record,
        **metadata,
    )
