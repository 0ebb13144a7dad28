"""Bytes to text for whatever a scraper left on disk: BOMs, legacy code pages, stray NULs, binaries.

A byte order mark decides (UTF-8, UTF-16, UTF-32: silently). Otherwise valid UTF-8 is
UTF-8. Otherwise charset-normalizer detects the encoding, with a warning naming it;
it cannot tell the single-byte Latin code pages apart on a short article (it reads
"à" as cp1250's "ŕ"), so text it finds Latin is read as Windows-1252, the web's legacy
default, or Latin-1 where Windows-1252 leaves a byte undefined. Bytes it finds no text
in are a binary file. The decoded text is exactly what fact offsets index into.
"""

from __future__ import annotations

import codecs
import unicodedata

import regex
from charset_normalizer import from_bytes

from extract.readers.document import ReadError

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DETECTION_SAMPLE = 1_000_000
"""Bytes charset-normalizer looks at: enough to tell, bounded for a file of hundreds of MB."""


def decode(path: str, data: bytes) -> tuple[str, list[str]]:
    """The text of `data` and the warnings its decoding gave; empty or binary data raises ReadError."""
    warnings: list[str] = []
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            problem = f"not valid {encoding} after its byte order mark (byte {error.start})"
            raise ReadError(f"{path}: {problem}", path) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text, detected = _detected(path, data)
            bad = data[error.start : error.start + 1]
            warnings.append(f"{path}: not valid UTF-8 (byte {error.start}: {bad!r}); read as {detected} (detected)")
    if not text.strip():
        raise ReadError(f"{path}: empty file" + (" (only whitespace)" if text else ""), path)
    if _looks_binary(text):
        raise ReadError(f"{path}: binary file (mostly control characters)", path)
    nuls = text.count("\x00")
    if nuls:
        warnings.append(f"{path}: {nuls} NUL character{'s' if nuls > 1 else ''} in the text, kept as they are")
    return text, warnings


def _detected(path: str, data: bytes) -> tuple[str, str]:
    best = from_bytes(data[:_DETECTION_SAMPLE]).best()
    if best is None:
        raise ReadError(f"{path}: binary file (not text in any encoding)", path)
    encodings = ["cp1252", "latin-1"] if _latin(str(best)) else [best.encoding]
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{path}: binary file (not text in any encoding)", path)


def _latin(text: str) -> bool:
    """Whether the letters of `text` are mostly Latin ones (as against Cyrillic, Greek, CJK, …)."""
    letters = [c for c in text[:20_000] if c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return latin >= 0.9 * len(letters)


# Control characters that text does not hold (line breaks, tabs and form feeds aside).
_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROLS.findall(sample)) > max(8, len(sample) // 20)
