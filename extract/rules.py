"""Rule packs: loading, validation, compilation and matching.

A rule is a regular expression over a *masked* sentence, where every quantity
mention is replaced, character for character, by a private-use character. The
pattern refers to the mentions it turns into facts as ``{Q}`` or ``{Q:slot}``,
to any other mention as ``{N}``, and to named word lists as ``{term}``; offsets
in the masked sentence are offsets in the original.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extract.errors import RuleFileError, first_problem
from extract.lexicon import BUILTIN_RULES_DIR, read_yaml
from extract.quantities import Mention
from extract.text import Sentence
from schemas import ATTRIBUTE_MODELS, FACT_MODELS

# Mentions a rule can take are masked with the first two characters (alternating,
# so neighbours stay apart); mentions it cannot take with the third, so that its
# {Q} never lands on them while its gaps may still run across them.
MASKS = ("\ue000", "\ue001")
OTHER_MASK = "\ue002"
_MENTION = "(?:\ue000++|\ue001++)"
_ANY_MENTION = "(?:\ue000++|\ue001++|\ue002++)"
_REFERENCE = regex.compile(r"(?<!\\[pPN])\{(?P<name>[A-Za-z_]\w*)(?::(?P<slot>\w+))?\}")
DEFAULT_SLOT = "q"
FLAGS = regex.IGNORECASE | regex.V1


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AttributeTable(_Data):
    """How an attribute gets its value from the words around a mention."""

    search: Literal["nearest", "before_then_after", "after", "before", "inside"] = "nearest"
    within: int = Field(default=400, ge=0)
    # An exclusive cue does not reach past another mention the rule could take;
    # "after" makes only cues that follow the mention exclusive (an adjective
    # belongs to its own noun phrase, a subject may govern several counts).
    exclusive: bool | Literal["after"] = False
    # Cues beyond a clause break (between cue and mention) do not count.
    stop_at: str | None = None
    values: dict[str, str] = Field(default_factory=dict)
    capture: str | None = None
    not_after: str | None = None


class ExampleFact(_Data):
    model_config = ConfigDict(extra="allow", frozen=True)
    span: str


class Example(_Data):
    text: str
    facts: list[ExampleFact] = Field(min_length=1)


class Rule(_Data):
    id: str = Field(pattern=r"^[a-z]{2}\.[a-z_]+\.[a-z0-9_]+$")
    pattern: str
    priority: int = 50
    slots: dict[str, dict[str, Any]] = Field(default_factory=dict)
    units: list[str | None] | None = None
    tag: str | None = None
    currency: bool | None = None
    fraction: bool = False
    # For counts whose noun is elsewhere ("62 of them", "the remaining 12"): the
    # nearest of `antecedent` or `rivals` before the mention must be the antecedent.
    antecedent: str | None = None
    rivals: str | None = None
    require: list[str] = Field(default_factory=list)
    examples: list[Example] = Field(min_length=1)
    counter_examples: list[str] = Field(min_length=1)


class RulePack(_Data):
    kind: str
    terms: dict[str, str | list[str]] = Field(default_factory=dict)
    attributes: dict[str, AttributeTable] = Field(default_factory=dict)
    rules: list[Rule] = Field(min_length=1)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in FACT_MODELS:
            raise ValueError(f"unknown kind {kind!r} (known: {', '.join(FACT_MODELS)})")
        return kind


class TermsFile(_Data):
    terms: dict[str, str | list[str]] = Field(default_factory=dict)
    attributes: dict[str, AttributeTable] = Field(default_factory=dict)


@dataclass(frozen=True)
class _Table:
    search: str
    within: int
    exclusive: bool | str
    stop_at: regex.Pattern[str] | None
    pattern: regex.Pattern[str]
    values: tuple[tuple[str, regex.Pattern[str]], ...]
    captures: bool


@dataclass(frozen=True)
class CompiledRule:
    id: str
    kind: str
    priority: int
    pattern: regex.Pattern[str]
    slots: dict[str, dict[str, Any]]
    units: frozenset[str | None] | None
    tag: str | None
    currency: bool | None
    fraction: bool
    antecedent: regex.Pattern[str] | None
    rivals: regex.Pattern[str] | None
    require: tuple[str, ...]
    tables: dict[str, _Table]
    source: Path
    examples: tuple[Example, ...]
    counter_examples: tuple[str, ...]

    def refers_back(self, context: str, position: int) -> bool:
        """Whether the last candidate noun before `position` is this rule's antecedent."""
        if self.antecedent is None:
            return True
        last = _last_end(self.antecedent, context, position)
        if last < 0:
            return False
        return self.rivals is None or _last_end(self.rivals, context, position) < last

    def accepts(self, mention: Mention) -> bool:
        if mention.fraction and not self.fraction:
            return False
        if self.units is not None and mention.unit not in self.units:
            return False
        if self.tag is not None and mention.tag != self.tag:
            return False
        return self.currency is None or (mention.currency is not None) == self.currency


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact before enrichment and validation."""

    kind: str
    mention: Mention
    attributes: dict[str, Any]
    unit: str | None
    rule: str
    sentence: Sentence


@dataclass
class RuleSet:
    lang: str
    rules: list[CompiledRule] = field(default_factory=list)


def _expand(pattern: str, terms: dict[str, str], where: str, seen: tuple[str, ...] = ()) -> str:
    def substitute(match: regex.Match[str]) -> str:
        name, slot = match.group("name"), match.group("slot")
        if name == "Q":
            return f"(?P<_q_{slot or DEFAULT_SLOT}>{_MENTION})"
        if name == "N" and slot is None:
            return _ANY_MENTION
        if slot is not None:
            raise RuleFileError(f"{where}: only {{Q:slot}} takes a slot, not {{{name}:{slot}}}")
        if name not in terms:
            raise RuleFileError(f"{where}: unknown term {{{name}}}")
        if name in seen:
            raise RuleFileError(f"{where}: term {{{name}}} refers to itself")
        return "(?:" + _expand(terms[name], terms, where, (*seen, name)) + ")"

    return _REFERENCE.sub(substitute, pattern)


def _compile(pattern: str, terms: dict[str, str], where: str) -> regex.Pattern[str]:
    expanded = _expand(pattern, terms, where)
    try:
        return regex.compile(expanded, FLAGS)
    except regex.error as error:
        raise RuleFileError(f"{where}: invalid pattern: {error}") from None


def _term_text(value: str | list[str]) -> str:
    return "|".join(value) if isinstance(value, list) else value


def _compile_table(name: str, table: AttributeTable, terms: dict[str, str], where: str) -> _Table:
    values = tuple(
        (value, _compile(rf"(?:{p})", terms, f"{where}: {name}.{value}")) for value, p in table.values.items()
    )
    if table.capture is not None:
        pattern = _compile(table.capture, terms, f"{where}: {name}.capture")
        if "value" not in pattern.groupindex:
            raise RuleFileError(f"{where}: {name}.capture needs a (?P<value>...) group")
    else:
        alternatives = "|".join(f"(?P<v{i}>{p})" for i, (_, p) in enumerate(table.values.items()))
        guard = rf"(?<!\b(?:{table.not_after})\s+)" if table.not_after else ""
        pattern = _compile(
            rf"{guard}(?<![\p{{L}}\p{{N}}])(?:{alternatives or '(?!)'})(?![\p{{L}}])", terms, f"{where}: {name}"
        )
    stop_at = _compile(table.stop_at, terms, f"{where}: {name}.stop_at") if table.stop_at else None
    return _Table(table.search, table.within, table.exclusive, stop_at, pattern, values, table.capture is not None)


def _validated(model: type[BaseModel], path: Path) -> Any:
    data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise RuleFileError(f"{path}: {first_problem(error)}") from None


def rule_dirs(extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    return (BUILTIN_RULES_DIR, *extra)


@cache
def load_rules(lang: str, dirs: tuple[Path, ...] = (BUILTIN_RULES_DIR,)) -> RuleSet:
    """Compile every rule pack for `lang` found in `dirs` (later folders add rules)."""
    terms: dict[str, str] = {}
    shared_tables: dict[str, AttributeTable] = {}
    packs: list[tuple[Path, RulePack]] = []
    for folder in dirs:
        language_dir = folder / lang
        if not language_dir.is_dir():
            continue
        terms_file = language_dir / "terms.yaml"
        if terms_file.is_file():
            shared = _validated(TermsFile, terms_file)
            terms.update({k: _term_text(v) for k, v in shared.terms.items()})
            shared_tables.update(shared.attributes)
        for path in sorted(language_dir.glob("*.yaml")):
            if path.name in ("lexicon.yaml", "terms.yaml"):
                continue
            packs.append((path, _validated(RulePack, path)))
    ruleset = RuleSet(lang)
    seen: dict[str, Path] = {}
    for path, pack in packs:
        pack_terms = terms | {k: _term_text(v) for k, v in pack.terms.items()}
        attribute_names = _attribute_names(pack.kind)
        tables = {
            name: _compile_table(name, table, pack_terms, str(path))
            for name, table in (shared_tables | pack.attributes).items()
            if name in attribute_names or name == "unit"
        }
        for rule in pack.rules:
            where = f"{path}: rule {rule.id}"
            if rule.id in seen:
                raise RuleFileError(f"{where}: duplicate rule id (first in {seen[rule.id]})")
            if not rule.id.startswith(f"{lang}.{pack.kind}."):
                raise RuleFileError(f"{where}: rule ids in this pack start with {lang}.{pack.kind}.")
            seen[rule.id] = path
            pattern = _compile(rule.pattern, pack_terms, where)
            slots = [g[3:] for g in pattern.groupindex if g.startswith("_q_")]
            if not slots:
                raise RuleFileError(f"{where}: the pattern has no {{Q}} mention slot")
            for slot, settings in rule.slots.items():
                if slot not in slots:
                    raise RuleFileError(f"{where}: slot {slot!r} is not in the pattern")
                unknown = set(settings) - attribute_names - {"unit"}
                if unknown:
                    raise RuleFileError(f"{where}: slot {slot!r} sets unknown attributes {sorted(unknown)}")
            for name in rule.require:
                if name not in tables:
                    raise RuleFileError(f"{where}: requires {name!r}, which has no attribute table")
            ruleset.rules.append(
                CompiledRule(
                    id=rule.id,
                    kind=pack.kind,
                    priority=rule.priority,
                    pattern=pattern,
                    slots={slot: dict(rule.slots.get(slot, {})) for slot in slots},
                    units=frozenset(rule.units) if rule.units is not None else None,
                    tag=rule.tag,
                    currency=rule.currency,
                    fraction=rule.fraction,
                    antecedent=_compile(rule.antecedent, pack_terms, where) if rule.antecedent else None,
                    rivals=_compile(rule.rivals, pack_terms, where) if rule.rivals else None,
                    require=tuple(rule.require),
                    tables=tables,
                    source=path,
                    examples=tuple(rule.examples),
                    counter_examples=tuple(rule.counter_examples),
                )
            )
    ruleset.rules.sort(key=lambda r: -r.priority)
    return ruleset


def _last_end(pattern: regex.Pattern[str], text: str, position: int) -> int:
    last = -1
    for found in pattern.finditer(text, 0, position):
        last = found.end()
    return last


def mask(
    text: str, sentence: Sentence, mentions: Sequence[Mention], takes: Sequence[bool] | None = None
) -> str:
    """The sentence with each mention overwritten by a private-use character, same length."""
    chars = list(text[sentence.start : sentence.end])
    for index, mention in enumerate(mentions):
        fill = MASKS[index % 2] if takes is None or takes[index] else OTHER_MASK
        for position in range(mention.start - sentence.start, mention.end - sentence.start):
            chars[position] = fill
    return "".join(chars)


def match_sentence(
    ruleset: RuleSet,
    text: str,
    sentence: Sentence,
    mentions: Sequence[Mention],
    previous: str,
) -> list[Candidate]:
    """Facts in one sentence: each mention goes to the highest-priority rule that claims it.

    `previous` is the masked sentence before, where rules find the antecedents
    of counts that refer back ("plus de trente de ces appareils").
    """
    context = previous + "\n" + mask(text, sentence, mentions)
    shift = len(previous) + 1
    by_start = {m.start - sentence.start: m for m in mentions}
    claimed: dict[int, Candidate] = {}
    masks: dict[tuple[bool, ...], str] = {}
    for rule in ruleset.rules:
        if len(claimed) == len(mentions):
            break
        takes = tuple(rule.accepts(m) for m in mentions)
        if not any(takes):
            continue
        masked = masks.get(takes) or masks.setdefault(takes, mask(text, sentence, mentions, takes))
        rivals = [(m.start - sentence.start, m.end - sentence.start) for m, t in zip(mentions, takes, strict=True) if t]
        for match in rule.pattern.finditer(masked, overlapped=True):
            for slot, settings in rule.slots.items():
                start = match.start(f"_q_{slot}")
                mention = by_start.get(start)
                if mention is None or start in claimed:
                    continue
                if not rule.refers_back(context, shift + match.end()):
                    continue
                span = (start, mention.end - sentence.start)
                resolved = _attributes(rule, settings, match, masked, span, rivals, mention)
                if resolved is None:
                    continue
                attributes, unit = resolved
                claimed[start] = Candidate(rule.kind, mention, attributes, unit, rule.id, sentence)
    return [claimed[k] for k in sorted(claimed)]


def _attributes(
    rule: CompiledRule,
    settings: dict[str, Any],
    match: regex.Match[str],
    masked: str,
    span: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    mention: Mention,
) -> tuple[dict[str, Any], str | None] | None:
    """Attribute values: set by the rule, captured by a named group, or read from cues."""
    values: dict[str, Any] = {name: value for name, value in settings.items() if value != "cue"}
    for name, captured in match.groupdict().items():
        if name.startswith("_q_") or captured is None or name in values:
            continue
        table = rule.tables.get(name)
        value = _value_of(table, captured) if table is not None else captured.strip()
        if value is not None:
            values[name] = value
    for name, table in rule.tables.items():
        if name not in values:
            found = _cue(table, masked, span, match.span(), spans)
            if found is not None:
                values[name] = found
    if any(values.get(name) is None for name in rule.require):
        return None
    unit = values.pop("unit", None)
    if mention.unit is not None:
        unit = None
    if "currency" in _attribute_names(rule.kind):
        values.setdefault("currency", mention.currency)
    return _attribute_defaults(rule.kind) | values, unit


@cache
def _attribute_defaults(kind: str) -> dict[str, Any]:
    return ATTRIBUTE_MODELS[kind]().model_dump()


def _attribute_names(kind: str) -> frozenset[str]:
    return frozenset(ATTRIBUTE_MODELS[kind].model_fields)


def _value_of(table: _Table, captured: str) -> str | None:
    """The table value whose pattern reads the captured words; None when none does."""
    for value, pattern in table.values:
        if pattern.fullmatch(captured.strip()):
            return value
    return captured.strip() if table.captures else None


def _cue(
    table: _Table,
    masked: str,
    span: tuple[int, int],
    matched: tuple[int, int],
    rivals: Sequence[tuple[int, int]],
) -> str | None:
    """The value of the cue nearest the mention, within its clause.

    A cue inside the rule's own match wins; a cue beyond a ";" never counts; an
    exclusive cue does not reach past another mention the rule could take.
    """
    inside: list[tuple[int, str]] = []
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    for found in table.pattern.finditer(masked):
        if table.captures:
            value = found.group("value").strip(" ,;:")
        else:
            index = next(i for i, v in enumerate(found.groupdict().values()) if v is not None)
            value = table.values[index][0]
        start, end = found.span()
        if matched[0] <= start and end <= matched[1] and not (start < span[1] and span[0] < end):
            inside.append((abs(start - span[0]), value))
            continue
        low, high = (end, span[0]) if end <= span[0] else (span[1], start)
        if ";" in masked[low:high] or (table.stop_at is not None and table.stop_at.search(masked, low, high)):
            continue
        applies = table.exclusive is True or (table.exclusive == "after" and start >= span[1])
        if applies and any(low <= other[0] and other[1] <= high for other in rivals if other != span):
            continue
        (before if end <= span[0] else after).append((max(0, high - low), value))
    if inside:
        return min(inside, key=lambda c: c[0])[1]
    before = [c for c in before if c[0] <= table.within]
    after = [c for c in after if c[0] <= table.within]
    pools = {
        "nearest": before + after,
        "before_then_after": before or after,
        "before": before,
        "after": after,
        "inside": [],
    }
    pool = pools[table.search]
    return min(pool, key=lambda c: c[0])[1] if pool else None


def all_rules(langs: Iterable[str], dirs: tuple[Path, ...] = (BUILTIN_RULES_DIR,)) -> list[CompiledRule]:
    return [rule for lang in langs for rule in load_rules(lang, dirs).rules]
