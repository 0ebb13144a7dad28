"""Facts built by hand, so that tests of writing and scoring do not hang on what the rules find today."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from schemas import FACT_MODELS, Fact

FactMaker = Callable[..., Fact]


def make_fact(
    text: str,
    mention: str,
    kind: str,
    attributes: dict[str, Any] | None = None,
    *,
    occurrence: int = 0,
    rule: str | None = None,
    **fields: Any,
) -> Fact:
    """The fact for the `occurrence`-th `mention` in `text`; `fields` override quantity, when, source or doc."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    end = start + len(mention)
    data: dict[str, Any] = {
        "kind": kind,
        "quantity": {"value": 1, "modifier": "exact"},
        "attributes": attributes or {},
        "span": {"start": start, "end": end, "text": mention},
        "sentence": {"start": 0, "end": len(text), "text": text},
        "doc": {"path": "doc.txt", "sha256": "0" * 64, "lang": "en"},
        "rule": rule or f"en.{kind}.test",
        "extractor": "newsfacts 0.1.0",
    } | fields
    return FACT_MODELS[kind].model_validate(data)  # type: ignore[return-value]


@pytest.fixture
def fact() -> FactMaker:
    return make_fact
