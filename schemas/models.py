"""The typed contract: every fact the extractor writes validates against these models."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator


class Modifier(StrEnum):
    exact = "exact"
    approx = "approx"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    range = "range"
    vague = "vague"


class FactKind(StrEnum):
    drones = "drones"
    missiles = "missiles"
    troops = "troops"
    casualties = "casualties"
    prison_sentence = "prison_sentence"
    interest_rate = "interest_rate"
    percentage = "percentage"
    distance = "distance"
    area = "area"
    age = "age"
    duration = "duration"
    money = "money"
    equipment = "equipment"
    people = "people"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@lru_cache(maxsize=1)
def _unit_registry() -> Any:
    """Built on first use: pint's registry costs ~0.1 s, too much for start-up."""
    import pint

    return pint.UnitRegistry()


_VALID_UNITS: set[str] = set()
"""Units pint has parsed, here or in the run that wrote the rule cache (extract/diskcache.py)."""


def unit_is_valid(unit: str) -> bool:
    if unit in _VALID_UNITS:
        return True
    if not _pint_parses(unit):
        return False
    _VALID_UNITS.add(unit)
    return True


@lru_cache(maxsize=256)
def _pint_parses(unit: str) -> bool:
    try:
        _unit_registry().parse_units(unit)
    except Exception:
        return False
    return True


def known_units() -> frozenset[str]:
    return frozenset(_VALID_UNITS)


def remember_units(units: frozenset[str]) -> None:
    """Units known valid without asking pint, whose registry costs about a second to build."""
    _VALID_UNITS.update(units)


class Quantity(_Strict):
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    modifier: Modifier = Modifier.exact

    @model_validator(mode="after")
    def _consistent(self) -> Quantity:
        if self.modifier is Modifier.range:
            if self.low is None or self.high is None or self.value is not None:
                raise ValueError("a range has low and high and no value")
        elif self.modifier is Modifier.vague:
            if self.low is None or self.value is not None or self.high is not None:
                raise ValueError("a vague amount has low (its base magnitude) and no value or high")
        elif self.value is None or self.low is not None or self.high is not None:
            raise ValueError(f"a {self.modifier.value} quantity has a value and no bounds")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        if self.unit is not None and not unit_is_valid(self.unit):
            raise ValueError(f"unit {self.unit!r} is not a unit pint can parse")
        return self


class Span(_Strict):
    start: int = Field(ge=0)
    end: int
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end ({self.end}) must be after start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class DocumentMeta(_Strict):
    path: str
    sha256: str
    lang: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None


class When(_Strict):
    start: dt.date
    end: dt.date
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> When:
        if self.end < self.start:
            raise ValueError("when.end is before when.start")
        return self


class Source(_Strict):
    text: str
    start: int | None = Field(default=None, ge=0)
    end: int | None = None


class QuantityMention(_Strict):
    """A number with its unit and qualifier, found by the quantity layer on its own."""

    span: Span
    quantity: Quantity
    noun: str | None = None
    direction: Literal["up", "down"] | None = None
    # The ISO 4217 code of an amount of money ("2,5 milliards d’euros": EUR).
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


Status = Literal["launched", "destroyed", "lost", "hit", "other"]


class StrikeAttributes(_Strict):
    status: Status = "other"
    region: str | None = None


class TroopsAttributes(_Strict):
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class CasualtyAttributes(_Strict):
    outcome: Literal["killed", "wounded", "killed_or_wounded", "captured", "missing", "unspecified"] = (
        "unspecified"
    )
    group: Literal["military", "civilian", "unspecified"] = "unspecified"


class PrisonSentenceAttributes(_Strict):
    in_absentia: bool = False
    charge: str | None = None


class InterestRateAttributes(_Strict):
    direction: Literal["raised", "cut", "held"] | None = None


class MoneyAttributes(_Strict):
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class EquipmentAttributes(_Strict):
    item: str | None = None


class NoAttributes(_Strict):
    pass


class _FactBase(_Strict):
    quantity: Quantity
    span: Span
    sentence: Span
    doc: DocumentMeta
    when: When | None = None
    source: Source | None = None
    rule: str
    extractor: str

    @model_validator(mode="after")
    def _span_inside_sentence(self) -> _FactBase:
        if not (self.sentence.start <= self.span.start and self.span.end <= self.sentence.end):
            raise ValueError("the span lies outside its sentence")
        return self


class DronesFact(_FactBase):
    kind: Literal["drones"] = "drones"
    attributes: StrikeAttributes


class MissilesFact(_FactBase):
    kind: Literal["missiles"] = "missiles"
    attributes: StrikeAttributes


class TroopsFact(_FactBase):
    kind: Literal["troops"] = "troops"
    attributes: TroopsAttributes


class CasualtiesFact(_FactBase):
    kind: Literal["casualties"] = "casualties"
    attributes: CasualtyAttributes


class PrisonSentenceFact(_FactBase):
    kind: Literal["prison_sentence"] = "prison_sentence"
    attributes: PrisonSentenceAttributes


class InterestRateFact(_FactBase):
    kind: Literal["interest_rate"] = "interest_rate"
    attributes: InterestRateAttributes


class PercentageFact(_FactBase):
    kind: Literal["percentage"] = "percentage"
    attributes: NoAttributes


class DistanceFact(_FactBase):
    kind: Literal["distance"] = "distance"
    attributes: NoAttributes


class AreaFact(_FactBase):
    kind: Literal["area"] = "area"
    attributes: NoAttributes


class AgeFact(_FactBase):
    kind: Literal["age"] = "age"
    attributes: NoAttributes


class DurationFact(_FactBase):
    kind: Literal["duration"] = "duration"
    attributes: NoAttributes


class MoneyFact(_FactBase):
    kind: Literal["money"] = "money"
    attributes: MoneyAttributes


class EquipmentFact(_FactBase):
    kind: Literal["equipment"] = "equipment"
    attributes: EquipmentAttributes


class PeopleFact(_FactBase):
    kind: Literal["people"] = "people"
    attributes: NoAttributes


Fact = Annotated[
    DronesFact
    | MissilesFact
    | TroopsFact
    | CasualtiesFact
    | PrisonSentenceFact
    | InterestRateFact
    | PercentageFact
    | DistanceFact
    | AreaFact
    | AgeFact
    | DurationFact
    | MoneyFact
    | EquipmentFact
    | PeopleFact,
    Field(discriminator="kind"),
]

FACT_MODELS: dict[str, type[_FactBase]] = {
    model.model_fields["kind"].default: model for model in get_args(get_args(Fact)[0])
}


def _attributes_model(model: type[_FactBase]) -> type[BaseModel]:
    annotation = model.model_fields["attributes"].annotation
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        raise TypeError(f"{model.__name__}.attributes is not a model")
    return annotation


ATTRIBUTE_MODELS: dict[str, type[BaseModel]] = {kind: _attributes_model(model) for kind, model in FACT_MODELS.items()}
"""Per kind, its attributes model: CSV columns and golden records need them without a whole fact."""

FACT_ADAPTER: TypeAdapter[Fact] = TypeAdapter(Fact)


def fact_json_schema() -> dict[str, Any]:
    return FACT_ADAPTER.json_schema()
