"""The contract's invariants are enforced by the models."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import FACT_ADAPTER, Quantity, Span, fact_json_schema


def test_range_needs_low_and_high() -> None:
    assert Quantity(low=10, high=15, modifier="range").value is None
    with pytest.raises(ValidationError, match="range"):
        Quantity(value=10, modifier="range")
    with pytest.raises(ValidationError, match="greater than high"):
        Quantity(low=15, high=10, modifier="range")


def test_exact_needs_a_value_and_vague_a_low() -> None:
    with pytest.raises(ValidationError):
        Quantity(modifier="exact")
    with pytest.raises(ValidationError):
        Quantity(value=1000, modifier="vague")
    assert Quantity(low=1000, modifier="vague").low == 1000


def test_unit_must_parse_with_pint() -> None:
    assert Quantity(value=1500, unit="1 / day").unit == "1 / day"
    with pytest.raises(ValidationError, match="pint"):
        Quantity(value=3, unit="furlongs per fortnight of drones")


def test_span_invariants() -> None:
    with pytest.raises(ValidationError):
        Span(start=5, end=5, text="")
    with pytest.raises(ValidationError):
        Span(start=-1, end=2, text="abc")
    with pytest.raises(ValidationError, match="length"):
        Span(start=0, end=2, text="abc")


def fact(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "kind": "drones",
        "quantity": {"value": 62, "low": None, "high": None, "unit": None, "modifier": "exact"},
        "attributes": {"status": "destroyed", "region": None},
        "span": {"start": 10, "end": 12, "text": "62"},
        "sentence": {"start": 0, "end": 20, "text": "x" * 20},
        "doc": {"path": "a.txt", "sha256": "0" * 64, "lang": "fr", "published": "2024-11-10"},
        "when": None,
        "source": None,
        "rule": "fr.drones.count",
        "extractor": "newsfacts 0.1.0",
    }
    record.update(changes)
    return record


def test_fact_union_is_discriminated_by_kind() -> None:
    parsed = FACT_ADAPTER.validate_python(fact())
    assert type(parsed).__name__ == "DronesFact"
    with pytest.raises(ValidationError):
        FACT_ADAPTER.validate_python(fact(attributes={"status": "exploded"}))
    with pytest.raises(ValidationError):
        FACT_ADAPTER.validate_python(fact(kind="troops", attributes={"country": "North Korea"}))


def test_span_must_lie_inside_its_sentence() -> None:
    with pytest.raises(ValidationError, match="outside"):
        FACT_ADAPTER.validate_python(fact(span={"start": 30, "end": 32, "text": "62"}))


def test_json_schema_is_published() -> None:
    schema = fact_json_schema()
    assert schema["discriminator"]["propertyName"] == "kind"
    assert "drones" in schema["discriminator"]["mapping"]
