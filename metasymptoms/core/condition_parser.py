"""Parsing the condition language (conditions.py) from YAML data, with every problem
located, and the field type that tells pydantic to validate a condition with this parser.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from metasymptoms.core.conditions import (
    CONDITION_TYPES,
    AllOf,
    AnyOf,
    AtLeast,
    Compare,
    Condition,
    Not,
    OneOf,
    Reported,
    to_data,
)
from metasymptoms.core.kinds import KINDS, Kind
from metasymptoms.core.suggest import close_match

RelPath = tuple[str | int, ...]
KEYWORDS = ("all", "any", "not", "at_least", "of")
COMPARISONS = ("at_least", "below")

# What the parser knows of each finding: its kind's name and, for a choice, its values.
FindingKinds = Mapping[str, tuple[str, tuple[str, ...]]]

SHAPES = (
    "a condition is a finding id (back_pain), a choice (cancer_history: [current, past]), "
    "a number's range (temperature: {at_least: 37.5}), "
    "or one of all:, any:, not:, or at_least: with of:"
)


class ConditionParser:
    """Turns YAML data into a Condition, collecting every problem with its relative path.

    With `kinds` (the rule book's findings) it also checks that every finding exists and
    that choice values are allowed; without, it checks only the shape.

    >>> parser = ConditionParser(None)
    >>> parser.parse({"any": ["back_pain", {"temperature": {"at_least": 37.5}}]})
    AnyOf(any=(Reported(finding='back_pain'), Compare(finding='temperature', at_least=37.5, below=None)))
    >>> parser.parse({"temperature": {"at_least": 39, "below": 38}}, ("when",))
    >>> parser.problems
    [(('when', 'temperature'), 'no number is at least 39 and below 38', False)]
    """

    def __init__(self, kinds: FindingKinds | None):
        self.kinds = kinds
        self.problems: list[tuple[RelPath, str, bool]] = []  # (path, message, at the key?)

    def problem(self, path: RelPath, message: str, *, at_key: bool = False) -> None:
        self.problems.append((path, message, at_key))

    def parse(self, raw: Any, path: RelPath = ()) -> Condition | None:
        if isinstance(raw, str):
            return self._reported(raw, path, at_key=False)
        if isinstance(raw, dict):
            return self._mapping(raw, path)
        if isinstance(raw, list):
            self.problem(
                path, f"a list cannot stand alone as a condition; put it under all: or any: ({SHAPES})"
            )
        elif isinstance(raw, bool) or raw is None:
            self.problem(path, f"a condition is missing here ({SHAPES})")
        else:
            self.problem(path, f"'{raw}' is not a condition ({SHAPES})")
        return None

    def _reported(self, finding: str, path: RelPath, *, at_key: bool) -> Condition | None:
        if self.kinds is None:
            return Reported(finding=finding)
        if finding in KEYWORDS:
            self.problem(
                path, f"'{finding}' needs a value after it, such as '{finding}: [...]'", at_key=at_key
            )
            return None
        if finding not in self.kinds:
            self.problem(
                path,
                f"'{finding}' is not a finding of this rule book{close_match(finding, self.kinds)}",
                at_key=at_key,
            )
            return None
        name, choices = self.kinds[finding]
        kind = KINDS[name]
        if "reported" not in kind.tested_by:
            self.problem(path, kind.bare_problem(finding, choices), at_key=at_key)
            return None
        return Reported(finding=finding)

    def _list(self, raw: Any, path: RelPath, word: str) -> tuple[Condition, ...] | None:
        if not isinstance(raw, list) or not raw:
            self.problem(
                path, f"'{word}' needs a list of one or more conditions, each on a line starting with '- '"
            )
            return None
        parts = [self.parse(item, path + (index,)) for index, item in enumerate(raw)]
        if any(part is None for part in parts):
            return None
        return tuple(parts)  # type: ignore[arg-type]

    def _mapping(self, raw: dict[str, Any], path: RelPath) -> Condition | None:
        keys = set(raw)
        if keys == {"at_least", "of"}:
            return self._at_least(raw, path)
        if "at_least" in keys or "of" in keys:
            self.problem(path, "'at_least' and 'of' go together, and nothing else goes beside them")
            return None
        if len(raw) != 1:
            self.problem(
                path,
                "a condition mapping has exactly one key; to combine conditions, put them in a list under all: or any:",
            )
            return None
        ((word, value),) = raw.items()
        inner = path + (word,)
        if word == "all":
            parts = self._list(value, inner, word)
            return AllOf(all=parts) if parts is not None else None
        if word == "any":
            parts = self._list(value, inner, word)
            return AnyOf(any=parts) if parts is not None else None
        if word == "not":
            condition = self.parse(value, inner)
            return Not(condition=condition) if condition is not None else None
        return self._finding_value(word, value, path)

    def _at_least(self, raw: dict[str, Any], path: RelPath) -> Condition | None:
        parts = self._list(raw["of"], path + ("of",), "of")
        needed = raw["at_least"]
        if isinstance(needed, bool) or not isinstance(needed, int):
            self.problem(path + ("at_least",), f"'at_least' needs a whole number, not '{needed}'")
            return None
        if parts is None:
            return None
        if not 1 <= needed <= len(parts):
            self.problem(
                path + ("at_least",),
                f"'at_least: {needed}' cannot work with {len(parts)} condition(s) under 'of'; "
                f"use a number from 1 to {len(parts)}",
            )
            return None
        return AtLeast(at_least=needed, of=parts)

    def _finding_value(self, finding: str, value: Any, path: RelPath) -> Condition | None:
        inner = path + (finding,)
        if self.kinds is not None and finding not in self.kinds:
            hint = close_match(finding, list(self.kinds) + ["all", "any", "not", "at_least"])
            self.problem(
                inner,
                f"'{finding}' is neither a finding of this rule book nor a condition word{hint}",
                at_key=True,
            )
            return None
        name, choices = self.kinds[finding] if self.kinds is not None else (None, ())
        kind = KINDS[name] if name is not None else None
        if isinstance(value, dict):
            return self._compare(finding, kind, choices, value, inner)
        if isinstance(value, bool):
            if kind is not None and "reported" not in kind.tested_by:
                self.problem(
                    inner, f"'{finding}' is {kind.words}; {kind.how_to_test(finding, choices)}, not yes/no"
                )
                return None
            reported = Reported(finding=finding)
            return reported if value else Not(condition=reported)
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(item, str) for item in values):
            self.problem(inner, f"'{finding}' needs yes/no, a list of its choices, or a range of numbers")
            return None
        if kind is not None and "values" not in kind.tested_by:
            self.problem(inner, f"'{finding}' is {kind.words}; {kind.how_to_test(finding, choices)}")
            return None
        if kind is not None:
            ok = True
            for index, item in enumerate(values):
                if item not in choices:
                    where = inner + (index,) if isinstance(value, list) else inner
                    self.problem(
                        where,
                        f"'{item}' is not a choice of '{finding}'{close_match(item, choices)}; "
                        f"its choices are {', '.join(choices)}",
                    )
                    ok = False
            if not ok:
                return None
        return OneOf(finding=finding, values=tuple(values))

    def _compare(
        self, finding: str, kind: Kind | None, choices: tuple[str, ...], value: dict[str, Any], inner: RelPath
    ) -> Condition | None:
        if kind is not None and "range" not in kind.tested_by:
            self.problem(inner, f"'{finding}' is {kind.words}; {kind.how_to_test(finding, choices)}")
            return None
        unknown = [key for key in value if key not in COMPARISONS]
        if unknown or not value:
            self.problem(
                inner,
                f"a number's range is written with 'at_least:' and/or 'below:', "
                f"for example '{finding}: {{at_least: 37.5}}'",
            )
            return None
        bounds: dict[str, float] = {}
        for key, number in value.items():
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                self.problem(inner + (key,), f"'{key}' needs a number, not '{number}'")
                return None
            bounds[key] = float(number)
        if "at_least" in bounds and "below" in bounds and bounds["at_least"] >= bounds["below"]:
            self.problem(inner, f"no number is at least {value['at_least']} and below {value['below']}")
            return None
        return Compare(finding=finding, at_least=bounds.get("at_least"), below=bounds.get("below"))


def _validate_condition(raw: Any, info: Any) -> Condition:
    """Pydantic hook: parse YAML data into a Condition, or report every problem in it."""
    if isinstance(raw, CONDITION_TYPES):
        return raw
    from pydantic_core import PydanticCustomError

    kinds = (info.context or {}).get("finding_kinds")
    parser = ConditionParser(kinds)
    condition = parser.parse(raw)
    if parser.problems:
        raise PydanticCustomError(
            "condition", "{message}", {"message": parser.problems[0][1], "problems": parser.problems}
        )
    assert condition is not None
    return condition


class _ConditionSchema:
    """Tells pydantic to validate a condition with our parser, and to write one back as the
    YAML a reviewer would write. Nothing of pydantic is imported until it asks."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.with_info_plain_validator_function(
            _validate_condition,
            serialization=core_schema.plain_serializer_function_ser_schema(to_data),
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        return {"x-metasymptoms-condition": True}  # replaced by a $ref in schema.py


ConditionField = Annotated[Condition, _ConditionSchema()]
