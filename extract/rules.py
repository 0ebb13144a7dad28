"""Rule packs: loading, validation, compilation and matching.

A rule is a regular expression over a *masked* sentence, where every quantity
mention is replaced, character for character, by a private-use character. The
pattern refers to the mentions it turns into facts as ``{Q}`` or ``{Q:slot}``,
to any other mention as ``{N}``, and to named word lists as ``{term}``; offsets
in the masked sentence are offsets in the original.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any, Literal, TypeVar

import ahocorasick
import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extract.budget import remaining
from extract.diskcache import cached
from extract.errors import RuleFileError, first_problem
from extract.lexicon import BUILTIN_RULES_DIR, Unit
from extract.patterns import caseless
from extract.prefilter import necessary_literals, requirements
from extract.quantities import Mention
from extract.starts import Alternations, compile_alternations
from extract.text import Sentence
from extract.yamlsource import ModelT, YamlFile, read_yaml_file
from schemas import ATTRIBUTE_MODELS, FACT_MODELS, Quantity
from schemas.models import unit_is_valid

# Mentions a rule can take are masked with the first two characters (alternating,
# so neighbours stay apart); mentions it cannot take with the third, so that its
# {Q} never lands on them while its gaps may still run across them.
MASKS = ("\ue000", "\ue001")
OTHER_MASK = "\ue002"
_MENTION = "(?:\ue000++|\ue001++)"
_ANY_MENTION = "(?:\ue000++|\ue001++|\ue002++)"
_REFERENCE = regex.compile(r"(?<!\\[pPN])\{(?P<name>[A-Za-z_]\w*)(?::(?P<slot>\w+))?\}")
DEFAULT_SLOT = "q"
# A group that holds another mention ("(?P<_unit_of>{N}), {Q} of them"): a count without a unit takes that one's,
# an amount without a currency its currency.
UNIT_OF = "_unit_of"
# A pattern that opens with its {Q}, perhaps after lookbehinds (they see the text before where a match is tried).
_ANCHORED = regex.compile(r"(?:\(\?<[=!](?:[^()\\]|\\.|(?<group>\((?:[^()\\]|\\.|(?&group))*\)))*\))*\{Q(?::\w+)?\}")
# Files in rules/<lang>/ that are not rule packs: the quantity lexicon, shared
# terms, and the words of dates and of attribution.
NOT_RULE_PACKS = ("lexicon.yaml", "terms.yaml", "when.yaml", "sources.yaml")
# What may stand between a count and the noun it counts ("11 Kh-101 cruise missiles"), and how far it may reach.
_COUNTED_NOUN_GAP = regex.compile(r"\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}")
_COUNTED_NOUN_REACH = 40
# What stands between two items of a list ("drones, 11 missiles", "Drohnen und elf Raketen").
_LIST_GAP = regex.compile(r"\s*[,;]?\s*(?:\p{L}{1,5}\s+)?")
# Where each plain count of a masked sentence (and the one before) ends: where it starts and its value.
Counts = dict[int, tuple[int, float]]


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
    # A predicate of the mention's own, matched right after the rule's match ("were rescued", "sind auf der
    # Flucht"): when it holds no cue, the mention takes no cue from outside the match ("Five people were killed,
    # 30 people were rescued": the 30 were not killed).
    own_predicate: str | None = None
    # Outside the rule's match only capitalised cues count: names ("Nordkorea",
    # "Pyongyang"), not adjectives that describe other nouns ("amerikanischer Geheimdienste"),
    # unless the adjective stands next to one of these nouns ("l'armée russe", "die russische Armee").
    names_outside: bool = False
    adjective_nouns: str | None = None
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
    units: list[Unit | None] | None = None
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
class Filter:
    """A pattern some text must hold, and literals one of which it then holds (None: not known)."""

    pattern: regex.Pattern[str]
    literals: frozenset[str] | None

    def passes(self, found: set[str]) -> bool:
        """Whether the literals found in a text (see `RuleSet.literals_in`) leave the pattern possible there."""
        return self.literals is None or not self.literals.isdisjoint(found)


@dataclass(frozen=True)
class _Table:
    search: str
    within: int
    exclusive: bool | str
    stop_at: regex.Pattern[str] | None
    own_predicate: regex.Pattern[str] | None
    names_outside: bool
    adjective_noun: regex.Pattern[str] | None
    pattern: Filter
    values: tuple[tuple[str, regex.Pattern[str]], ...]
    captures: bool
    # The value cues as one alternation searched only where a value can start: the matches of `pattern`, which
    # is searched instead in a capture table (and in a table without values, where it matches nothing).
    alternatives: Alternations | None


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
    antecedent: Filter | None
    rivals: regex.Pattern[str] | None
    require: tuple[str, ...]
    tables: dict[str, _Table]
    # What every match contains (extract/prefilter.py): literals one of which it holds (None: not known), and
    # branches of filters: a sentence in which no branch finds all of its filters is skipped; () when none filter.
    literals: frozenset[str] | None
    needs: tuple[tuple[Filter, ...], ...]
    # The pattern opens with a {Q} slot: it is only tried where a mention starts.
    anchored: bool
    source: Path
    examples: tuple[Example, ...]
    counter_examples: tuple[str, ...]
    # Lines in `source`: of the rule's id, of each example's text, of each counter-example.
    line: int = 0
    example_lines: tuple[int, ...] = ()
    counter_example_lines: tuple[int, ...] = ()

    def refers_back(self, context: str, position: int, value: float | None, counts: Counts) -> bool:
        """Whether the last candidate noun before `position` is this rule's antecedent.

        In a list of counted nouns, a count larger than the last one's refers back to an earlier item large
        enough to hold it ("90 drones, 11 missiles at Ukraine; 80 downed": the 80 are drones).
        `counts` maps where each plain count in `context` ends to where it starts and its value.
        """
        if self.antecedent is None:
            return True
        # (end, is a rival, start) of each candidate noun
        nouns = [(found.end(), False, found.start()) for found in _finditer(self.antecedent.pattern, context, position)]
        if not nouns:
            return False
        if self.rivals is not None:
            nouns += [(found.end(), True, found.start()) for found in _finditer(self.rivals, context, position)]
        nouns.sort(reverse=True)  # the last noun first; at the same end, a rival before the antecedent
        last_is_antecedent = not nouns[0][1]
        if value is None:
            return last_is_antecedent
        for index, (_, rival, start) in enumerate(nouns):
            count = _count_before(context, start, counts)
            if count is None:
                break
            count_start, count_value = count
            if count_value >= value:
                return not rival
            if index + 1 == len(nouns) or not _LIST_GAP.fullmatch(context, nouns[index + 1][0], count_start):
                break
        return last_is_antecedent

    @cached_property
    def acceptance(self) -> tuple[object, ...]:
        """What `accepts` reads of the rule: rules equal in it take the same mentions (read for every sentence)."""
        return (self.fraction, self.units, self.tag, self.currency)

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

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        """Every literal of the rules, their filters and cues, to find all of them in one pass over a sentence."""
        automaton = ahocorasick.Automaton()
        for rule in self.rules:
            filters = [piece for branch in rule.needs for piece in branch]
            filters += [table.pattern for table in rule.tables.values()]
            if rule.antecedent is not None:
                filters.append(rule.antecedent)
            for literal in itertools.chain(rule.literals or (), *(f.literals or () for f in filters)):
                automaton.add_word(literal, literal)
        if not len(automaton):
            automaton.add_word("\n\n", "\n\n")  # an automaton needs a word; literals never hold a line break
        automaton.make_automaton()
        return automaton

    def literals_in(self, text: str) -> set[str]:
        """The rules' literals that the case-folded `text` holds."""
        return {literal for _, literal in self._automaton.iter(text.casefold())}


def _expand(pattern: str, terms: dict[str, str], where: str, seen: tuple[str, ...] = ()) -> str:
    inside = f" (in term {{{seen[-1]}}})" if seen else ""

    def substitute(match: regex.Match[str]) -> str:
        name, slot = match.group("name"), match.group("slot")
        if name == "Q":
            return f"(?P<_q_{slot or DEFAULT_SLOT}>{_MENTION})"
        if name == "N" and slot is None:
            return _ANY_MENTION
        if slot is not None:
            raise RuleFileError(f"{where}: only {{Q:slot}} takes a slot, not {{{name}:{slot}}}{inside}")
        if name not in terms:
            raise RuleFileError(f"{where}: unknown term {{{name}}}{inside}")
        if name in seen:
            raise RuleFileError(f"{where}: term {{{name}}} refers to itself")
        return "(?:" + _expand(terms[name], terms, where, (*seen, name)) + ")"

    return _REFERENCE.sub(substitute, pattern)


def _compile(pattern: str, terms: dict[str, str], where: str) -> regex.Pattern[str]:
    return _compiled(_expand(pattern, terms, where), where)


def _compiled(expanded: str, where: str) -> regex.Pattern[str]:
    try:
        return caseless(expanded)
    except regex.error as error:
        raise RuleFileError(f"{where}: invalid pattern: {error}") from None


def _term_text(value: str | list[str]) -> str:
    return "|".join(value) if isinstance(value, list) else value


def _compile_table(name: str, table: AttributeTable, terms: dict[str, str], where: str) -> _Table:
    values = tuple(
        (value, _compile(rf"(?:{p})", terms, f"{where}: {name}.{value}")) for value, p in table.values.items()
    )
    if table.capture is not None:
        pattern = _filter(table.capture, terms, f"{where}: {name}.capture")
        if "value" not in pattern.pattern.groupindex:
            raise RuleFileError(f"{where}: {name}.capture needs a (?P<value>...) group")
        alternations = None
    else:
        alternatives = "|".join(f"(?P<v{i}>{p})" for i, (_, p) in enumerate(table.values.items()))
        guard = rf"(?<!\b(?:{table.not_after})\s+)" if table.not_after else ""
        pattern = _filter(
            rf"{guard}(?<![\p{{L}}\p{{N}}])(?:{alternatives or '(?!)'})(?![\p{{L}}])", terms, f"{where}: {name}"
        )
        expressions = [_expand(f"{guard}(?:{p})", terms, f"{where}: {name}.{v}") for v, p in table.values.items()]
        try:
            alternations = compile_alternations(r"\p{L}\p{N}", (expressions, r"(?![\p{L}])")) if expressions else None
        except regex.error as error:
            raise RuleFileError(f"{where}: {name}: invalid pattern: {error}") from None
    stop_at = _compile(table.stop_at, terms, f"{where}: {name}.stop_at") if table.stop_at else None
    own_predicate = (
        _compile(table.own_predicate, terms, f"{where}: {name}.own_predicate") if table.own_predicate else None
    )
    adjective_noun = (
        _compile(rf"(?:\b(?:{table.adjective_nouns})\s+$|^\s+(?:{table.adjective_nouns})\b)", terms, f"{where}: {name}")
        if table.adjective_nouns
        else None
    )
    return _Table(
        table.search,
        table.within,
        table.exclusive,
        stop_at,
        own_predicate,
        table.names_outside,
        adjective_noun,
        pattern,
        values,
        table.capture is not None,
        alternations,
    )


# ---- Loading: every problem names its file and line (`lint_rules` lists them all) ----

_T = TypeVar("_T")


def _validated(model: type[ModelT], path: Path) -> tuple[ModelT, YamlFile]:
    source = read_yaml_file(path)
    return source.validate(model), source


@cache
def load_rules(lang: str, dirs: tuple[Path, ...] = (BUILTIN_RULES_DIR,)) -> RuleSet:
    """Compile every rule pack for `lang` found in `dirs` (later folders add rules); raise at the first problem.

    Compiled once per process, and kept on disk across runs (extract/diskcache.py).
    """
    return cached("rules", lang, dirs, partial(_load_rules, lang, dirs, None))


def lint_rules(lang: str, dirs: tuple[Path, ...] = (BUILTIN_RULES_DIR,)) -> tuple[RuleSet, list[str]]:
    """Every problem in the rule files for `lang` (one line each, ``path:line: ...``), and the rules without one."""
    problems: list[str] = []
    ruleset = _load_rules(lang, dirs, problems)
    return ruleset, list(dict.fromkeys(problems))


def _load_rules(lang: str, dirs: tuple[Path, ...], problems: list[str] | None) -> RuleSet:
    def attempt(action: Callable[[], _T]) -> _T | None:
        """The action's result; its problem is raised or, when collecting, noted and the part skipped."""
        try:
            return action()
        except RuleFileError as error:
            if problems is None:
                raise
            problems.extend(error.problems)
            return None

    terms: dict[str, str] = {}
    shared_tables: dict[str, tuple[AttributeTable, str]] = {}
    packs: list[tuple[RulePack, YamlFile, Sequence[int]]] = []
    for folder in dirs:
        language_dir = folder / lang
        if not language_dir.is_dir():
            continue
        terms_file = language_dir / "terms.yaml"
        shared = attempt(partial(_validated, TermsFile, terms_file)) if terms_file.is_file() else None
        if shared is not None:
            terms_data, source = shared
            terms.update({k: _term_text(v) for k, v in terms_data.terms.items()})
            shared_tables.update({k: (t, source.at("attributes", k)) for k, t in terms_data.attributes.items()})
        for path in sorted(language_dir.glob("*.yaml")):
            if path.name in NOT_RULE_PACKS:
                continue
            loaded = attempt(partial(_validated, RulePack, path))
            if loaded is not None:
                packs.append((*loaded, range(len(loaded[0].rules))))
            elif problems is not None:
                packs.extend(_salvaged(path))
    ruleset = RuleSet(lang)
    seen: dict[str, str] = {}
    for pack, source, indices in packs:
        pack_terms = terms | {k: _term_text(v) for k, v in pack.terms.items()}
        attribute_names = _attribute_names(pack.kind)
        own = {k: (t, source.at("attributes", k)) for k, t in pack.attributes.items()}
        tables: dict[str, _Table] = {}
        for name, (table, where) in (shared_tables | own).items():
            if name in attribute_names or name == "unit":
                compiled = attempt(partial(_compile_table, name, table, pack_terms, where))
                if compiled is not None:
                    tables[name] = compiled
        for rule_data, index in zip(pack.rules, indices, strict=True):
            rule = attempt(partial(_compile_rule, lang, pack.kind, rule_data, index, source, pack_terms, tables, seen))
            if rule is not None:
                ruleset.rules.append(rule)
    ruleset.rules.sort(key=lambda r: -r.priority)
    return ruleset


def _salvaged(path: Path) -> list[tuple[RulePack, YamlFile, Sequence[int]]]:
    """For linting a pack that failed validation: its rules that are valid on their own, with their indices."""
    try:
        source = read_yaml_file(path)
    except RuleFileError:
        return []
    data = source.data
    items = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    valid = []
    for index, item in enumerate(items):
        try:
            Rule.model_validate(item)
        except ValidationError:
            continue
        valid.append(index)
    try:
        pack = RulePack.model_validate(data | {"rules": [items[index] for index in valid]})
    except ValidationError:
        return []
    return [(pack, source, valid)]


def _compile_rule(
    lang: str,
    kind: str,
    rule: Rule,
    index: int,
    source: YamlFile,
    terms: dict[str, str],
    tables: dict[str, _Table],
    seen: dict[str, str],
) -> CompiledRule:
    """One validated rule (the `index`-th of its file), checked against its kind; a problem names its line."""

    def at(*loc: str | int) -> str:
        return f"{source.at('rules', index, *loc)}: {rule.id}"

    if rule.id in seen:
        raise RuleFileError(f"{at('id')}: duplicate rule id (first at {seen[rule.id]})")
    seen[rule.id] = source.at("rules", index, "id")
    if not rule.id.startswith(f"{lang}.{kind}."):
        raise RuleFileError(f"{at('id')}: rule ids in this pack start with {lang}.{kind}.")
    expanded = _expand(rule.pattern, terms, at("pattern"))
    pattern = _compiled(expanded, at("pattern"))
    slots = [g[3:] for g in pattern.groupindex if g.startswith("_q_")]
    if not slots:
        raise RuleFileError(f"{at('pattern')}: the pattern has no {{Q}} mention slot")
    for slot, settings in rule.slots.items():
        _check_slot(kind, slot, settings, slots, at("slots", slot))
    for name in rule.require:
        # A currency comes from the amount's own words or from the mention it shares them with (`_attributes`).
        if name not in tables and not (name == "currency" and name in _attribute_names(kind)):
            raise RuleFileError(f"{at('require')}: requires {name!r}, which has no attribute table")
    fields = _attribute_names(kind) | set(Quantity.model_fields) | {"span"}
    for number, example in enumerate(rule.examples):
        for fact_number, fact in enumerate(example.facts):
            unknown = sorted(set(fact.model_dump()) - fields)
            if unknown:
                raise RuleFileError(
                    f"{at('examples', number, 'facts', fact_number)}: an example fact sets {', '.join(unknown)};"
                    f" a {kind} fact has {', '.join(sorted(fields))}"
                )
    return CompiledRule(
        id=rule.id,
        kind=kind,
        priority=rule.priority,
        pattern=pattern,
        slots={slot: dict(rule.slots.get(slot, {})) for slot in slots},
        units=frozenset(rule.units) if rule.units is not None else None,
        tag=rule.tag,
        currency=rule.currency,
        fraction=rule.fraction,
        antecedent=_filter(rule.antecedent, terms, at("antecedent")) if rule.antecedent else None,
        rivals=_compile(rule.rivals, terms, at("rivals")) if rule.rivals else None,
        require=tuple(rule.require),
        tables=tables,
        literals=necessary_literals(expanded),
        needs=_needs(rule.pattern, terms, at("pattern")),
        anchored=_ANCHORED.match(rule.pattern) is not None,
        source=source.path,
        examples=tuple(rule.examples),
        counter_examples=tuple(rule.counter_examples),
        line=source.line(("rules", index, "id")),
        example_lines=tuple(source.line(("rules", index, "examples", n, "text")) for n in range(len(rule.examples))),
        counter_example_lines=tuple(
            source.line(("rules", index, "counter_examples", n)) for n in range(len(rule.counter_examples))
        ),
    )


def _filter(pattern: str, terms: dict[str, str], where: str) -> Filter:
    expanded = _expand(pattern, terms, where)
    return Filter(_compiled(expanded, where), necessary_literals(expanded))


def _needs(pattern: str, terms: dict[str, str], where: str) -> tuple[tuple[Filter, ...], ...]:
    """The rule's requirement (extract/prefilter.py) as filters; () when nothing can filter it.

    A piece that cannot filter is left out of its branch; a branch left empty makes the rule unfilterable.
    """
    branches = []
    for pieces in requirements(pattern):
        filters = tuple(
            found
            for piece in sorted(pieces)
            if (found := _piece_filter(_expand(piece, terms, where), piece.startswith("{"))) is not None
        )
        if not filters:
            return ()
        branches.append(filters)
    return tuple(branches)


# A run of letters that may be empty, opening an alternative ("[\p{L}-]*soldaten", "\p{L}*-?drohnen"): for
# whether a term occurs at all it changes nothing (nothing before it looks behind), and searched for at every
# position it is what makes the German compound terms slow.
_OPTIONAL_PREFIX = regex.compile(r"(?<=\(\?:|\|)(?:\[\\p\{L\}-\]\*|\\p\{L\}\*(?:-\?)?)")


@cache
def _piece_filter(expanded: str, term: bool) -> Filter | None:
    """A piece's pattern as a filter; None when it cannot filter (it may match nothing, or reads masks).

    Only a term, whose alternatives open it, may lose its optional letter runs: inside a group
    something may stand before them.
    """
    if any(mark in expanded.lower() for mark in (*MASKS, OTHER_MASK, "\\ue00")):
        return None
    if term and "(?<" not in expanded:
        expanded = _OPTIONAL_PREFIX.sub("", expanded)
    pattern = caseless(expanded)
    return None if pattern.search("") is not None else Filter(pattern, necessary_literals(expanded))


def _check_slot(kind: str, slot: str, settings: dict[str, Any], slots: list[str], where: str) -> None:
    """A slot must be in the pattern and set only attributes of its kind, to values the kind accepts."""
    if slot not in slots:
        raise RuleFileError(f"{where}: slot {slot!r} is not in the pattern (its slots: {', '.join(slots)})")
    names = _attribute_names(kind)
    unknown = set(settings) - names - {"unit"}
    if unknown:
        known = ", ".join([*sorted(names), "unit"])
        raise RuleFileError(f"{where}: slot {slot!r} sets unknown attributes {sorted(unknown)} (known: {known})")
    unit = settings.get("unit")
    if unit not in (None, "cue") and not (isinstance(unit, str) and unit_is_valid(unit)):
        raise RuleFileError(f"{where}: slot {slot!r}: unknown unit {unit!r}: pint cannot parse it")
    fixed = {name: value for name, value in settings.items() if name != "unit" and value != "cue"}
    try:
        ATTRIBUTE_MODELS[kind].model_validate(fixed)
    except ValidationError as error:
        raise RuleFileError(f"{where}: slot {slot!r}: {first_problem(error)}") from None


# ---- Matching ----


def _next_to_noun(table: _Table, masked: str, start: int, end: int) -> bool:
    if table.adjective_noun is None:
        return False
    return bool(
        table.adjective_noun.search(masked[max(0, start - 40) : start])
        or table.adjective_noun.search(masked[end : end + 40])
    )


def _finditer(pattern: regex.Pattern[str], text: str, position: int) -> Iterator[regex.Match[str]]:
    return pattern.finditer(text, 0, position, timeout=remaining())


def _count_before(context: str, start: int, counts: Counts) -> tuple[int, float] | None:
    """Where the plain count just before a noun at `start` starts, and its value ("11 cruise missiles")."""
    for end, count in counts.items():
        if start - _COUNTED_NOUN_REACH <= end < start and _COUNTED_NOUN_GAP.fullmatch(context, end, start):
            return count
    return None


@dataclass(frozen=True, slots=True)
class Masked:
    """A sentence masked as rules read it, with its plain counts (`Counts`).

    Rules read the sentence before in this form: the antecedents of counts that refer back, and how many each holds.
    """

    text: str
    counts: Counts


NOTHING_BEFORE = Masked("", {})


def masked(text: str, sentence: Sentence, mentions: Sequence[Mention]) -> Masked:
    return Masked(mask(text, sentence, mentions), _plain_counts(mentions, sentence.start))


def _plain_counts(mentions: Sequence[Mention], origin: int) -> Counts:
    """Where each count of things with no unit ends (from `origin`), where it starts, and its value."""
    return {
        m.end - origin: (m.start - origin, m.value)
        for m in mentions
        if m.value is not None and m.unit is None and m.currency is None and not m.fraction
    }


def mask(text: str, sentence: Sentence, mentions: Sequence[Mention], takes: Sequence[bool] | None = None) -> str:
    """The sentence with each mention overwritten by a private-use character, same length.

    `mentions` are in order and do not overlap, as `scan` gives them.
    """
    pieces: list[str] = []
    position = sentence.start
    for index, mention in enumerate(mentions):
        fill = MASKS[index % 2] if takes is None or takes[index] else OTHER_MASK
        pieces += (text[position : mention.start], fill * (mention.end - mention.start))
        position = mention.end
    pieces.append(text[position : sentence.end])
    return "".join(pieces)


def match_sentence(
    ruleset: RuleSet,
    text: str,
    sentence: Sentence,
    mentions: Sequence[Mention],
    current: Masked,
    previous: Masked,
) -> list[Candidate]:
    """Facts in one sentence: each mention goes to the highest-priority rule that claims it.

    `current` is the sentence as `masked` gives it; `previous` the sentence before, where rules
    find the antecedents of counts that refer back ("plus de trente de ces appareils").
    """
    context = previous.text + "\n" + current.text
    shift = len(previous.text) + 1
    counts = previous.counts | {end + shift: (start + shift, value) for end, (start, value) in current.counts.items()}
    by_start = {m.start - sentence.start: m for m in mentions}
    claimed: dict[int, Candidate] = {}
    taken: dict[tuple[object, ...], tuple[str, list[tuple[int, int]]] | None] = {}
    masks: dict[tuple[bool, ...], tuple[str, list[tuple[int, int]]]] = {}
    found = ruleset.literals_in(context[shift:])
    found_before: set[str] | None = None  # with the sentence before, for antecedents: read when a rule needs it
    present: dict[regex.Pattern[str], bool] = {}
    in_context: dict[regex.Pattern[str], bool] = {}
    cues = _Cues(found)
    for rule in ruleset.rules:
        if len(claimed) == len(mentions):
            break
        if rule.literals is not None and rule.literals.isdisjoint(found):
            continue
        acceptance = rule.acceptance
        if acceptance not in taken:
            taken[acceptance] = _taken(rule, text, sentence, mentions, masks)
        masked_rivals = taken[acceptance]
        if masked_rivals is None:
            continue
        masked, rivals = masked_rivals
        # A rule tried only at mentions costs less to try than its filters' patterns cost to search for.
        if not _satisfied(rule.needs, masked, found, None if rule.anchored else present):
            continue
        antecedent = rule.antecedent
        if antecedent is not None:
            if found_before is None:
                found_before = found | ruleset.literals_in(previous.text)
            if not (antecedent.passes(found_before) and _present(antecedent.pattern, context, in_context)):
                continue
        for match in _matches(rule, masked, rivals):
            for slot, settings in rule.slots.items():
                start = match.start(f"_q_{slot}")
                mention = by_start.get(start)
                if mention is None or start in claimed:
                    continue
                if not rule.refers_back(context, shift + match.end(), mention.value, counts):
                    continue
                span = (start, mention.end - sentence.start)
                shared = _shared(match, by_start)
                resolved = _attributes(rule, settings, match, masked, span, rivals, mention, cues, shared)
                if resolved is None:
                    continue
                attributes, unit = resolved
                if unit is None and mention.unit is None and shared is not None:
                    unit = shared.unit
                claimed[start] = Candidate(rule.kind, mention, attributes, unit, rule.id, sentence)
    return [claimed[k] for k in sorted(claimed)]


def _shared(match: regex.Match[str], by_start: dict[int, Mention]) -> Mention | None:
    """The mention a rule names as the one whose unit or currency a bare count shares ("five years, three of them
    suspended", "1,2 milliard d'euros, dont 400 millions")."""
    if UNIT_OF not in match.re.groupindex or match.start(UNIT_OF) < 0:
        return None
    return by_start.get(match.start(UNIT_OF))


def _taken(
    rule: CompiledRule,
    text: str,
    sentence: Sentence,
    mentions: Sequence[Mention],
    masks: dict[tuple[bool, ...], tuple[str, list[tuple[int, int]]]],
) -> tuple[str, list[tuple[int, int]]] | None:
    """The sentence masked for the rule, and the spans of the mentions it can take; None when it can take none.

    Rules that accept the same mentions share this: `match_sentence` keeps it by `CompiledRule.acceptance`,
    and rules that differ there but take the same mentions of this sentence share it through `masks`.
    """
    takes = tuple([rule.accepts(m) for m in mentions])
    if not any(takes):
        return None
    if takes not in masks:
        rivals = [(m.start - sentence.start, m.end - sentence.start) for m, t in zip(mentions, takes, strict=True) if t]
        masks[takes] = mask(text, sentence, mentions, takes), rivals
    return masks[takes]


def _satisfied(
    needs: tuple[tuple[Filter, ...], ...],
    masked: str,
    found: set[str],
    present: dict[regex.Pattern[str], bool] | None,
) -> bool:
    """Whether some branch of the rule's requirement may find all of its filters in the sentence.

    The literals `found` rule a filter out; with `present`, each remaining filter's pattern is searched for.
    Loops rather than any(all(...)): this runs for most rules in every sentence.
    """
    if not needs:
        return True
    for branch in needs:
        for piece in branch:
            if not piece.passes(found) or (present is not None and not _present(piece.pattern, masked, present)):
                break
        else:
            return True
    return False


def _matches(rule: CompiledRule, masked: str, rivals: Sequence[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """Every match of the rule, overlapping; a rule that opens with its {Q} can only start where a mention does.

    Matched at each mention it can take, such a rule gives the matches an overlapping
    search gives at those positions; the search's others start inside a mention, where
    no slot can open, and end where the match from the mention's start ends.
    """
    if not rule.anchored:
        yield from rule.pattern.finditer(masked, overlapped=True, timeout=remaining())
        return
    for start, _ in rivals:
        match = rule.pattern.match(masked, start, timeout=remaining())
        if match is not None:
            yield match


def _present(term: regex.Pattern[str], masked: str, present: dict[regex.Pattern[str], bool]) -> bool:
    """Whether `term` occurs in `masked`; for a filter, any masked form of the sentence will do (they never read masks).

    An antecedent is looked for in the context (the sentence before and this one): a rule whose antecedent is
    nowhere in it cannot refer back to one, so it is not tried.
    """
    found = present.get(term)
    if found is None:
        found = present[term] = term.search(masked, timeout=remaining()) is not None
    return found


def _attributes(
    rule: CompiledRule,
    settings: dict[str, Any],
    match: regex.Match[str],
    masked: str,
    span: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    mention: Mention,
    cues: _Cues,
    shared: Mention | None,
) -> tuple[dict[str, Any], str | None] | None:
    """Attribute values: set by the rule, captured by a named group, or read from cues.

    A bare amount takes its currency from the mention it shares its unit with (`shared`), if it has none.
    """
    values: dict[str, Any] = {name: value for name, value in settings.items() if value != "cue"}
    for name, captured in match.groupdict().items():
        if name.startswith(("_q_", UNIT_OF)) or captured is None or name in values:
            continue
        table = rule.tables.get(name)
        value = _value_of(table, captured) if table is not None else captured.strip()
        if value is not None:
            values[name] = value
    for name, table in rule.tables.items():
        if name not in values:
            found = _cue(table, cues.of(table, masked), masked, span, match.span(), spans)
            if found is not None:
                values[name] = found
    if "currency" in _attribute_names(rule.kind):
        values.setdefault("currency", mention.currency or (shared.currency if shared is not None else None))
    if any(values.get(name) is None for name in rule.require):
        return None
    unit = values.pop("unit", None)
    if mention.unit is not None:
        unit = None
    return _attribute_defaults(rule.kind) | values, unit


@cache
def _attribute_defaults(kind: str) -> dict[str, Any]:
    return ATTRIBUTE_MODELS[kind]().model_dump()


@cache
def _attribute_names(kind: str) -> frozenset[str]:
    """The attributes of a kind of fact (asked for every fact)."""
    return frozenset(ATTRIBUTE_MODELS[kind].model_fields)


def _value_of(table: _Table, captured: str) -> str | None:
    """The table value whose pattern reads the captured words; None when none does."""
    for value, pattern in table.values:
        if pattern.fullmatch(captured.strip()):
            return value
    return captured.strip() if table.captures else None


@dataclass
class _Cues:
    """The cues of each attribute table in a sentence, found once for all the facts in it."""

    found: set[str]
    """The rule set's literals in the sentence: a table none of whose literals is there has no cue."""
    cues: dict[tuple[int, str], list[tuple[int, int, str]]] = field(default_factory=dict)

    def of(self, table: _Table, masked: str) -> list[tuple[int, int, str]]:
        """Each cue of `table` in the masked sentence: start, end and the value it gives."""
        key = (id(table), masked)
        if key not in self.cues:
            self.cues[key] = _cues(table, masked) if table.pattern.passes(self.found) else []
        return self.cues[key]


def _cues(table: _Table, masked: str) -> list[tuple[int, int, str]]:
    if table.alternatives is not None:
        return [(cue.start(), cue.end(), table.values[index][0]) for index, cue in table.alternatives.finditer(masked)]
    found = table.pattern.pattern.finditer(masked, timeout=remaining())
    return [(cue.start(), cue.end(), cue.group("value").strip(" ,;:")) for cue in found]


def _own_clause(
    table: _Table, cues: list[tuple[int, int, str]], masked: str, matched: tuple[int, int]
) -> tuple[int, int]:
    """Where cues may lie: anywhere, unless the match is followed by a predicate of its own with no cue in it.

    Then only in the clause from the last comma before the match to the predicate's end: "the bodies of two
    were recovered" keeps its "bodies of", "Five people were killed, 30 people were rescued" loses "killed".
    """
    predicate = table.own_predicate.match(masked, matched[1]) if table.own_predicate is not None else None
    if predicate is None or any(predicate.start() <= start < predicate.end() for start, _, _ in cues):
        return 0, len(masked)
    return max(masked.rfind(mark, 0, matched[0]) for mark in ",;:") + 1, predicate.end()


def _cue(
    table: _Table,
    cues: list[tuple[int, int, str]],
    masked: str,
    span: tuple[int, int],
    matched: tuple[int, int],
    rivals: Sequence[tuple[int, int]],
) -> str | None:
    """The value of the cue nearest the mention, within its clause.

    A cue inside the rule's own match wins; a cue beyond a ";" never counts; an
    exclusive cue does not reach past another mention the rule could take; a mention
    with a predicate of its own takes no cue from another clause (`_own_clause`).
    """
    inside: list[tuple[int, str]] = []
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    floor, ceiling = _own_clause(table, cues, masked, matched)
    for start, end, value in cues:
        if matched[0] <= start and end <= matched[1] and not (start < span[1] and span[0] < end):
            inside.append((abs(start - span[0]), value))
            continue
        if not floor <= start < ceiling:
            continue
        if table.names_outside and not masked[start].isupper() and not _next_to_noun(table, masked, start, end):
            continue
        low, high = (end, span[0]) if end <= span[0] else (span[1], start)
        stopped = table.stop_at is not None and table.stop_at.search(masked, low, high, timeout=remaining())
        if ";" in masked[low:high] or stopped:
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
