"""What a reader gives: a document's text, the hash of what was read, and its metadata with where each came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extract.errors import InputError

METADATA_FIELDS = ("published", "url", "title", "lang")


@dataclass(frozen=True)
class Document:
    """One document as read.

    `text` is exactly the text that fact offsets index into: the file decoded as is for
    .txt/.md, the text the reader produced for HTML pages and JSON records. `sha256`
    hashes the file's bytes, or for a record the UTF-8 bytes of its text. `origins`
    says, for each metadata field that is set, where its value came from (for
    warnings and `newsfacts text --meta`), e.g. ``{"published": "text line 18: Publish
    date : 2024-11-10 14:01:43"}``.
    """

    path: str
    text: str
    sha256: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    origins: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    record: str | None = None
    """For one record of a JSON/JSONL file: its id, or its line number when it has none."""

    def metadata(self) -> dict[str, object]:
        """The metadata as JSON-ready data: path, record, sha256, each field, where each came from, warnings."""
        return {
            "path": self.path,
            "record": self.record,
            "sha256": self.sha256,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "title": self.title,
            "lang": self.lang,
            "origins": dict(self.origins),
            "warnings": list(self.warnings),
        }


class ReadError(InputError):
    """A file, or one record of it, that cannot be read.

    The message is one line naming the file (``file.jsonl:3: invalid JSON: …``); `path`
    is what results call the document (``file.jsonl#3`` for a record), `record` the
    record's id or line number.
    """

    def __init__(self, message: str, path: str, record: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.record = record
