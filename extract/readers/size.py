"""File sizes: the limit above which a file is refused rather than read into memory, as users write it."""

from __future__ import annotations

import regex

from extract.errors import OptionError

DEFAULT_MAX_SIZE = 100 * 1000**2
"""100 MB: far above any article or feed file, well below what would exhaust memory once decoded."""

_UNITS = {"": 1, "B": 1, "K": 1000, "KB": 1000, "M": 1000**2, "MB": 1000**2, "G": 1000**3, "GB": 1000**3,
          "KIB": 1024, "MIB": 1024**2, "GIB": 1024**3}
_SIZE = regex.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


def parse_size(text: str, option: str = "--max-size") -> int:
    """Bytes in "100MB", "1.5G", "500k", "2GiB" or "1000000"; 0 means no limit."""
    found = _SIZE.fullmatch(text)
    unit = found[2].upper() if found else ""
    if found is None or unit not in _UNITS:
        raise OptionError(f"{option} {text!r}: give a size such as 100MB, 2GB or 500KB (0 for no limit)")
    return int(float(found[1]) * _UNITS[unit])


def format_size(size: int) -> str:
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"
