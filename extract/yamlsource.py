"""Rule files and lexicons read with the line of every key and list item in them.

Every error about a rule file says ``path:LINE: message``: YAML syntax errors,
duplicate keys, validation errors (a Pydantic error's location is mapped back to
the YAML node it is about) and, through `YamlFile.at`, the problems found when
rules are compiled.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from extract.errors import RuleFileError

Loc = tuple[str | int, ...]
# libyaml's parser when PyYAML has it (ten times faster); both keep the marks of every node.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file and the line (1-based) of each key and list item in it."""

    path: Path
    data: Any
    lines: dict[Loc, int]

    def line(self, loc: Sequence[str | int] = ()) -> int:
        """The line of the deepest node along `loc` that the file has (the first line if none)."""
        found: Loc = ()
        for part in loc:
            step = next((s for s in ((*found, part), (*found, str(part))) if s in self.lines), None)
            if step is None:
                break
            found = step
        return self.lines.get(found, 1)

    def at(self, *loc: str | int) -> str:
        """``path:line`` of a node: the start of every message about it."""
        return f"{self.path}:{self.line(loc)}"

    def validate(self, model: type[ModelT]) -> ModelT:
        """The file's data as `model`, or a RuleFileError listing every problem with its line."""
        if self.data is None:
            raise RuleFileError(f"{self.path}:1: the file is empty")
        try:
            return model.model_validate(self.data)
        except ValidationError as error:
            raise RuleFileError(*self.problems(model, error)) from None

    def problems(self, model: type[BaseModel], error: ValidationError) -> list[str]:
        """One line per problem, in the order of the file: ``path:line: [rule id: ][where: ]what``."""
        grouped: dict[tuple[int, str], list[str]] = {}
        for item in error.errors():
            loc: Loc = tuple(item["loc"])
            real = self._present(loc)
            kind = item["type"]
            subject = real
            if kind == "missing" and len(loc) > len(real):
                text = f"missing key {loc[len(real)]!r}"
            elif kind == "extra_forbidden" and real:
                subject = real[:-1]
                text = f"unknown key {real[-1]!r}{_known_keys(model, subject, str(real[-1]))}"
            else:
                text = str(item["msg"]).removeprefix("Value error, ")
            rule, subject = self._rule_of(subject)
            prefix = "".join(f"{part}: " for part in (rule, ".".join(map(str, subject))) if part)
            texts = grouped.setdefault((self.line(real), prefix), [])
            if text not in texts:
                texts.append(text)
        return [f"{self.path}:{line}: {where}" + "; ".join(texts) for (line, where), texts in sorted(grouped.items())]

    def _present(self, loc: Loc) -> Loc:
        """The part of a validation error's location that is in the data (without union tags)."""
        node = self.data
        for index, part in enumerate(loc):
            in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            if not (in_list or (isinstance(node, dict) and part in node)):
                return loc[:index]
            node = node[part]
        return loc

    def _rule_of(self, loc: Loc) -> tuple[str | None, Loc]:
        """The id of the rule that `loc` is inside (if it has one), and `loc` from that rule on."""
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int) and isinstance(self.data, dict):
            rules = self.data.get("rules")
            rule = rules[loc[1]] if isinstance(rules, list) and loc[1] < len(rules) else None
            if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                return rule["id"], loc[2:]
        return None, loc


def read_yaml_file(path: Path) -> YamlFile:
    """Parse a YAML file, keeping the line of each node; syntax errors and duplicate keys name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(f"{path}: cannot read: {error}") from None
    try:
        return _parse(path, text, _Loader)
    except yaml.YAMLError:
        if _Loader is yaml.SafeLoader:
            raise
    return _parse(path, text, yaml.SafeLoader)  # libyaml failed: PyYAML's own parser says why more clearly


def _parse(path: Path, text: str, loader_class: Any) -> YamlFile:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as error:  # checked before parsing: it carries an offset, not a mark
        number = text.count("\n", 0, error.position) + 1
        raise RuleFileError(f"{path}:{number}: invalid YAML: control character U+{error.character:04X}") from None
    lines: dict[Loc, int] = {}
    duplicates: list[str] = []
    try:
        node = loader.get_single_node()
        if node is not None:
            _index(node, (), lines, duplicates, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        if loader_class is not yaml.SafeLoader:
            raise
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise RuleFileError(f"{path}{line}: invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        if loader_class is not yaml.SafeLoader:
            raise
        raise RuleFileError(f"{path}: invalid YAML: {error}") from None
    finally:
        loader.dispose()
    if duplicates:
        raise RuleFileError(*duplicates)
    return YamlFile(path, data, lines)


def _index(node: yaml.Node, loc: Loc, lines: dict[Loc, int], duplicates: list[str], path: Path) -> None:
    """Record the line of every key and list item under `node` (a key's own line, an item's first line)."""
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                continue
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in first:
                duplicates.append(f"{path}:{line}: duplicate key {key!r} (first on line {first[key]})")
            first.setdefault(key, line)
            lines[(*loc, key)] = line
            if len(loc) < 64:  # an alias cycle must not recurse forever
                _index(value_node, (*loc, key), lines, duplicates, path)
    elif isinstance(node, yaml.SequenceNode) and len(loc) < 64:
        for index, item in enumerate(node.value):
            _index(item, (*loc, index), lines, duplicates, path)


def _known_keys(model: type[BaseModel], loc: Loc, key: str) -> str:
    """A hint for an unknown key: the known key it is closest to, or every known key."""
    fields = _fields_at(model, loc)
    if not fields:
        return ""
    close = difflib.get_close_matches(key, fields, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(fields)})"


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model that validates the node at `loc`."""
    current: Any = model
    for part in loc:
        current = _model_arm(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return []
            current = field.annotation
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return []
    current = _model_arm(current)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_arm(annotation: Any) -> Any:
    """The model or container arm of an optional or union annotation."""
    if get_origin(annotation) in (Union, types.UnionType):
        for arm in get_args(annotation):
            if (isinstance(arm, type) and issubclass(arm, BaseModel)) or get_origin(arm) in (list, dict):
                return arm
    return annotation
