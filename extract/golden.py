"""Golden fixtures: score a run against hand-checked facts, per kind and per document.

A fixture is NAME.expected.jsonl (docs/ANNOTATION.md) beside its document NAME.txt
or NAME.md, or beside NAME.link, which holds the document's path relative to the
link's folder, so that fixtures can score documents kept outside the project.
"""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from extract.engine import Extractor
from extract.errors import InputError, first_problem
from extract.readers import DOCUMENT_SUFFIXES, read_document
from extract.writers import atomic_file
from schemas import ATTRIBUTE_MODELS, Fact, Quantity, Source, Span, When

EXPECTED_SUFFIX = ".expected.jsonl"
LINK_SUFFIX = ".link"
REQUIRED_KEYS = ("kind", "span", "quantity", "attributes")
OPTIONAL_KEYS = ("when", "source")
RECORD_KEYS = REQUIRED_KEYS + OPTIONAL_KEYS

Record = dict[str, Any]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2TP / (2TP + FP + FN): the harmonic mean, defined even when precision or recall is not."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class Difference:
    """A fact the run and the fixture disagree on.

    `record` is the expected fact for MISSING and the extracted one otherwise;
    `rule` is the id of the extracted fact's rule; `fields` lists
    (field, expected, got) for the fields a DIFFERENT pair disagrees on.
    """

    status: Literal["MISSING", "EXTRA", "DIFFERENT"]
    record: Record
    rule: str | None = None
    fields: tuple[tuple[str, Any, Any], ...] = ()

    @property
    def start(self) -> int:
        return int(self.record["span"]["start"])

    @property
    def end(self) -> int:
        return int(self.record["span"]["end"])

    @property
    def text(self) -> str:
        return str(self.record["span"]["text"])


@dataclass
class Agreement:
    """How many matched facts have the fixture's `when` (or `source`), out of those whose fixture states it."""

    right: int = 0
    total: int = 0
    wrong: list[tuple[Record, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None

    def add(self, other: Agreement) -> None:
        self.right += other.right
        self.total += other.total
        self.wrong += other.wrong


@dataclass
class FixtureResult:
    """One fixture: `error` when its document could not be scored, `problems` for bad expected records."""

    expected: Path
    document: Path | None = None
    counts: dict[str, Counts] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)
    enrichment: dict[str, Agreement] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    updated: bool = False

    @property
    def passed(self) -> bool:
        return not (self.differences or self.problems or self.error)


@dataclass
class CheckReport:
    fixtures: list[FixtureResult]
    update: bool = False

    def by_kind(self) -> dict[str, Counts]:
        totals: dict[str, Counts] = defaultdict(Counts)
        for fixture in self.fixtures:
            for kind, counts in fixture.counts.items():
                totals[kind].add(counts)
        return dict(sorted(totals.items()))

    def enrichment(self) -> dict[str, Agreement]:
        """`when` and `source` accuracy over all fixtures, apart from the facts' scores."""
        totals = {key: Agreement() for key in OPTIONAL_KEYS}
        for fixture in self.fixtures:
            for key, agreement in fixture.enrichment.items():
                totals[key].add(agreement)
        return totals

    def total(self) -> Counts:
        """Micro-averaged: every fact weighs the same, whatever its kind."""
        total = Counts()
        for counts in self.by_kind().values():
            total.add(counts)
        return total

    @property
    def ok(self) -> bool:
        """Checking: nothing differs. Updating: every fixture that has a document was rewritten from it."""
        if self.update:
            return not any(fixture.error for fixture in self.fixtures)
        return all(fixture.passed for fixture in self.fixtures)


def check_fixtures(paths: Sequence[Path], extractor: Extractor, update: bool = False) -> CheckReport:
    """Score every fixture under `paths`; with `update`, also rewrite each expected file from this run."""
    return CheckReport([_check(expected, extractor, update) for expected in find_fixtures(paths)], update)


def find_fixtures(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            fixtures = sorted(path.rglob(f"*{EXPECTED_SUFFIX}"))
            if not fixtures:
                raise InputError(f"{path}: no *{EXPECTED_SUFFIX} fixtures in this folder")
            found.extend(fixtures)
        elif path.is_file() and path.name.endswith(EXPECTED_SUFFIX):
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: neither a folder nor a *{EXPECTED_SUFFIX} fixture")
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


def document_of(expected: Path) -> Path:
    """NAME.txt or NAME.md beside the fixture, else the target of NAME.link, which may be absent."""
    stem = expected.name.removesuffix(EXPECTED_SUFFIX)
    for suffix in DOCUMENT_SUFFIXES:
        beside = expected.with_name(stem + suffix)
        if beside.is_file():
            return beside
    link = expected.with_name(stem + LINK_SUFFIX)
    try:
        target = link.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise InputError(f"{expected}: no {stem}.txt, {stem}.md or {stem}{LINK_SUFFIX} beside it") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{link}: cannot read: {error}") from None
    if not target:
        raise InputError(f"{link}: empty link")
    return Path(os.path.normpath(link.parent / target))


def _check(expected: Path, extractor: Extractor, update: bool) -> FixtureResult:
    result = FixtureResult(expected)
    try:
        result.document = document_of(expected)
        if not result.document.is_file():
            result.skipped = f"linked document {result.document} not found"
            return result
        document = read_document(result.document)
    except InputError as error:
        result.error = str(error)
        return result
    folder = expected.parent.name
    lang = folder if folder in extractor.langs else None
    facts = extractor.extract_document(document, lang).facts
    current: str | None = None
    try:
        current = expected.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        result.problems.append(f"{expected}: cannot read: {error}")
    else:
        records, result.problems = parse_expected(expected, current, document.text)
        result.counts, result.differences = compare(records, facts)
        result.enrichment = compare_enrichment(records, facts)
    if update:
        result.updated = _rewrite(expected, current, facts)
    return result


def parse_expected(path: Path, content: str, text: str) -> tuple[list[Record], list[str]]:
    """The fixture's valid records, and one problem line (file:line) for each record that is not."""
    records: list[Record] = []
    problems: list[str] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            _validate(record)
        except ValueError as error:
            problems.append(f"{path}:{number}: {error}")
            continue
        span = record["span"]
        found = text[span["start"] : span["end"]]
        if found != span["text"]:
            problems.append(f"{path}:{number}: the document has {found!r} at the span, not {span['text']!r}")
        records.append(record)
    return records, problems


def _validate(record: Any) -> None:
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    unknown = sorted(record.keys() - set(RECORD_KEYS))
    if unknown:
        raise ValueError(f"unknown key {', '.join(unknown)} (a record has {', '.join(RECORD_KEYS)})")
    missing = [key for key in REQUIRED_KEYS if key not in record]
    if missing:
        raise ValueError(f"missing key {', '.join(missing)}")
    kind = record["kind"]
    if kind not in ATTRIBUTE_MODELS:
        raise ValueError(f"unknown kind {kind!r}")
    models: dict[str, type[BaseModel]] = {
        "span": Span,
        "quantity": Quantity,
        "attributes": ATTRIBUTE_MODELS[kind],
        "when": When,
        "source": Source,
    }
    for key, model in models.items():
        if record.get(key) is None and key in OPTIONAL_KEYS:
            continue
        try:
            model.model_validate(record.get(key))
        except ValidationError as error:
            raise ValueError(first_problem(error, (key,))) from None


def to_record(fact: Fact) -> Record:
    """A fact as a fixture writes it: what an annotator checks, whole numbers as ints."""
    data = fact.model_dump(mode="json")
    record: Record = {
        "kind": data["kind"],
        "span": data["span"],
        "quantity": {name: _whole(value) for name, value in data["quantity"].items()},
        "attributes": data["attributes"],
    }
    record.update({key: data[key] for key in OPTIONAL_KEYS if data[key] is not None})
    return record


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def compare(expected: Sequence[Record], facts: Sequence[Fact]) -> tuple[dict[str, Counts], list[Difference]]:
    """Pair facts by span; an equal pair is a TP, an unequal one a DIFFERENT (an FN and an FP)."""
    counts: dict[str, Counts] = defaultdict(Counts)
    differences: list[Difference] = []
    wanted: dict[tuple[int, int], list[Record]] = defaultdict(list)
    got: dict[tuple[int, int], list[tuple[Record, str]]] = defaultdict(list)
    for record in expected:
        wanted[_span_key(record)].append(record)
    for fact in facts:
        record = to_record(fact)
        got[_span_key(record)].append((record, fact.rule))
    for key in sorted(wanted.keys() | got.keys()):
        unmatched = list(wanted[key])
        extra: list[tuple[Record, str]] = []
        for record, rule in got[key]:
            equal = next((want for want in unmatched if not differing_fields(want, record)), None)
            if equal is None:
                extra.append((record, rule))
            else:
                unmatched.remove(equal)
                counts[record["kind"]].tp += 1
        for want in unmatched:
            counts[want["kind"]].fn += 1
        for record, _ in extra:
            counts[record["kind"]].fp += 1
        for want, (record, rule) in zip(unmatched, extra, strict=False):
            differences.append(Difference("DIFFERENT", record, rule, differing_fields(want, record)))
        differences.extend(Difference("MISSING", want) for want in unmatched[len(extra) :])
        differences.extend(Difference("EXTRA", record, rule) for record, rule in extra[len(unmatched) :])
    return dict(counts), differences


def compare_enrichment(expected: Sequence[Record], facts: Sequence[Fact]) -> dict[str, Agreement]:
    """For facts the run gets right, whether their `when` and `source` are the fixture's."""
    got = {_span_key(record): record for record in map(to_record, facts)}
    agreements = {key: Agreement() for key in OPTIONAL_KEYS}
    for want in expected:
        have = got.get(_span_key(want))
        if have is None or differing_fields(want, have):
            continue
        for key in OPTIONAL_KEYS:
            if key not in want:
                continue
            agreements[key].total += 1
            if _same(want[key], have.get(key)) and (want[key] is None) == (have.get(key) is None):
                agreements[key].right += 1
            else:
                agreements[key].wrong.append((want, have.get(key)))
    return agreements


def _span_key(record: Record) -> tuple[int, int]:
    return int(record["span"]["start"]), int(record["span"]["end"])


def differing_fields(expected: Record, got: Record) -> tuple[tuple[str, Any, Any], ...]:
    """(field, expected, got) where the facts differ; `when` and `source` are scored apart."""
    pairs: list[tuple[str, Any, Any]] = [("kind", expected["kind"], got["kind"])]
    for name in ("value", "low", "high", "unit", "modifier"):
        pairs.append((f"quantity.{name}", expected["quantity"].get(name), got["quantity"].get(name)))
    wanted_attributes, got_attributes = expected["attributes"], got["attributes"]
    for name in sorted(wanted_attributes.keys() | got_attributes.keys()):
        pairs.append((f"attributes.{name}", wanted_attributes.get(name), got_attributes.get(name)))
    return tuple((name, want, have) for name, want, have in pairs if not _same(want, have))


def _same(expected: Any, got: Any) -> bool:
    """Numbers compare by value (62 == 62.0); a dict matches on the keys the fixture gives."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return all(_same(value, got.get(key)) for key, value in expected.items())
    if _is_number(expected) and _is_number(got):
        return math.isclose(expected, got, rel_tol=1e-9)
    return bool(expected == got)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _rewrite(expected: Path, current: str | None, facts: Sequence[Fact]) -> bool:
    """Write the run's facts as the fixture, only when that changes it; True when it did."""
    records = sorted((to_record(fact) for fact in facts), key=lambda r: (*_span_key(r), r["kind"]))
    content = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if content == current:
        return False
    with atomic_file(expected) as stream:
        stream.write(content)
    return True
