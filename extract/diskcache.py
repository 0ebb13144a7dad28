"""Compiled rule packs and lexicons kept on disk between runs: start-up without YAML, validation or regex compiling.

Compiling a language's rules takes about a second; unpickling them, a few
milliseconds (`regex` pickles a pattern's compiled code). An entry is keyed by a
hash of everything it was built from: the language's files in every rules folder,
this package's source, and the versions of Python, regex, pydantic and pint. A rule
file that changes gives a new key, so a stale entry is never read. The folder is
``$NEWSFACTS_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsfacts``, else ``~/.cache/newsfacts``;
when it cannot be read or written, everything is simply built in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from schemas.models import known_units, remember_units

T = TypeVar("T")
_PACKAGES = (Path(__file__).parent, Path(__file__).parent.parent / "schemas")
_LIBRARIES = ("regex", "pydantic", "pint", "text2num", "PyYAML")


def cache_dir() -> Path:
    configured = os.environ.get("NEWSFACTS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsfacts"


def cached(name: str, lang: str, dirs: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or what it gave last time from the same files of `lang` in `dirs` and the same code."""
    path = cache_dir() / f"{name}-{lang}-{_key(name, lang, tuple(dirs))}.pickle"
    try:
        with path.open("rb") as stream:
            value, units = pickle.load(stream)
    except Exception:  # missing, unreadable, or written by other code: build it anew
        pass
    else:
        remember_units(units)
        return value  # type: ignore[no-any-return]
    value = build()
    _store(path, (value, known_units()))
    return value


def _store(path: Path, entry: object) -> None:
    """Write the entry atomically; a cache that cannot be written is no error."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as stream:
            pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


def _key(name: str, lang: str, dirs: tuple[Path, ...]) -> str:
    digest = hashlib.sha256(f"{name}\0{lang}\0{_code()}".encode())
    for folder in dirs:
        digest.update(f"\0{folder.resolve()}\0".encode())  # compiled rules name their files: a copy elsewhere differs
        for path in sorted((folder / lang).glob("*.yaml")):
            digest.update(f"\0{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


@cache
def _code() -> str:
    """A hash of this package's source and of the libraries it compiles with: a new version is a new cache."""
    digest = hashlib.sha256(sys.version.encode())
    for library in _LIBRARIES:
        try:
            digest.update(f"\0{library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"\0{library} ?".encode())
    for package in _PACKAGES:
        for path in sorted(package.rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()
