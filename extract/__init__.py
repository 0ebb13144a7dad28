"""newsfacts: quantitative facts from news articles, as typed, validated data.

    from extract import Extractor, quantities
    facts = Extractor().extract_text(text, lang="en", published="2024-11-10")
"""

__version__ = "0.1.0"

from extract.engine import DocumentResult, Extractor
from extract.errors import InputError, NewsfactsError, OptionError, RuleFileError
from extract.quantities import quantities

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
