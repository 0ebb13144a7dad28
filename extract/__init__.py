"""newsfacts: quantitative facts from news articles, as typed, validated data.

    from extract import Extractor, quantities
    facts = Extractor().extract_text(text, lang="en", published="2024-11-10")
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Callable

    from extract.engine import DocumentResult, Extractor
    from extract.errors import InputError, NewsfactsError, OptionError, RuleFileError
    from extract.quantities import quantities
    from schemas import QuantityMention

# Imported on first use, so that `newsfacts --version` and `import extract.errors` stay fast.
_EXPORTS = {
    "DocumentResult": "extract.engine",
    "Extractor": "extract.engine",
    "InputError": "extract.errors",
    "NewsfactsError": "extract.errors",
    "OptionError": "extract.errors",
    "RuleFileError": "extract.errors",
}

__all__ = [
    "DocumentResult",
    "Extractor",
    "InputError",
    "NewsfactsError",
    "OptionError",
    "RuleFileError",
    "__version__",
    "quantities",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


class _Package(ModuleType):
    """Keeps `extract.quantities` the function, as it always was, once the submodule of that name is imported."""

    @property
    def quantities(self) -> Callable[[str, str], list[QuantityMention]]:
        from extract.quantities import quantities

        return quantities

    @quantities.setter
    def quantities(self, module: object) -> None:
        """The import system sets the submodule here: the name stays the function."""


sys.modules[__name__].__class__ = _Package
