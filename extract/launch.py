"""The `newsfacts` entry point: answers --version before importing the extraction machinery (start-up < 0.3 s)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from extract import __version__


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:
        print(f"newsfacts {__version__}")
        return 0
    from extract.cli import main as run

    return run(arguments)
