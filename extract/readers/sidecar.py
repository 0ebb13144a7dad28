"""Sidecar metadata: NAME.meta.json beside NAME.txt (or .md, .html, .json, …) overrides what the document says.

    {"published": "2024-11-10", "url": "https://…", "title": "…", "lang": "fr"}

Every key is optional; `null` says "unknown" and clears what the text stated. An unknown
key, a value of the wrong type or a broken file is a warning, never an error.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extract.readers.dates import parse_date
from extract.readers.document import METADATA_FIELDS, Document

SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Sidecar:
    path: Path
    values: dict[str, Any] = field(default_factory=dict)
    """The fields it sets, already checked (a date for published, strings or None otherwise)."""
    warnings: list[str] = field(default_factory=list)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar of the document at `path`, or None when it has none."""
    side = sidecar_path(path)
    if is_sidecar(path) or not side.is_file():
        return None
    try:
        data = json.loads(side.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return Sidecar(side, warnings=[f"{side}: cannot read ({_reason(error)}); sidecar ignored"])
    if not isinstance(data, dict):
        return Sidecar(side, warnings=[f"{side}: not a JSON object; sidecar ignored"])
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in data.items():
        if key not in METADATA_FIELDS:
            warnings.append(f"{side}: unknown key {key!r} ignored (known: {', '.join(METADATA_FIELDS)})")
        elif value is not None and not isinstance(value, str):
            warnings.append(f"{side}: {key} must be a string or null, not {type(value).__name__}; ignored")
        elif key == "published" and value is not None:
            published = parse_date(value)
            if published is None:
                warnings.append(f"{side}: published {value!r} is not a date; ignored")
            else:
                values[key] = published
        else:
            values[key] = (value or "").strip() or None
    return Sidecar(side, values, warnings)


def apply_sidecar(document: Document, sidecar: Sidecar | None) -> Document:
    if sidecar is None:
        return document
    origins = dict(document.origins)
    for key, value in sidecar.values.items():
        origins[key] = f"sidecar {sidecar.path.name}" + (" (null)" if value is None else "")
    published: dt.date | None = sidecar.values.get("published", document.published)
    return replace(
        document,
        published=published,
        url=sidecar.values.get("url", document.url),
        title=sidecar.values.get("title", document.title),
        lang=sidecar.values.get("lang", document.lang),
        origins=origins,
        warnings=[*document.warnings, *sidecar.warnings],
    )


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON at line {error.lineno}: {error.msg}"
    if isinstance(error, UnicodeDecodeError):
        return "not valid UTF-8"
    return getattr(error, "strerror", None) or str(error)
