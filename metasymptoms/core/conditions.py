"""The condition language of the rule book: declarative data, never an expression string.

A condition is written in YAML as one of:

    back_pain                           the yes/no finding was reported
    back_pain: no                       ... was not reported (`yes` is the same as the bare id)
    cancer_history: [current, past]     the choice finding has one of these values
    temperature: {at_least: 37.5}       the number finding is at least / below a value
    temperature: {below: 36}              (both may be given: at_least a, below b)
    all: [c1, c2, ...]                  every condition holds
    any: [c1, c2, ...]                  at least one holds
    not: c                              the condition does not hold
    at_least: 2                         at least N of the conditions under `of` hold
    of: [c1, c2, ...]

It is parsed into the frozen models below and evaluated by `holds`, a pure function.

Answers may be uncertain: a yes/no answered "not sure", a history of cancer not known, a
finding `rules verify` has not assigned yet. Conditions are evaluated in three-valued
(Kleene) logic, where such a finding is unknown; `holds` is true when the condition holds
or MAY hold. That is the safer reading: a warning sign that could be present is treated as
present, and a question that may matter is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Annotated, Any, Union

from metasymptoms.core.kinds import KIND_WORDS, UNSURE, Answer

# A value that stands for "any of these": `frozenset({"current", "past"})` for a history of
# cancer implied by a primary cancer; FREE for a finding verify has not assigned yet.
Possible = frozenset
FREE: Any = object()
Answers = Mapping[str, Any]
RelPath = tuple[str | int, ...]

KEYWORDS = ("all", "any", "not", "at_least", "of")
COMPARISONS = ("at_least", "below")


@dataclass(frozen=True)
class Reported:
    """A yes/no finding was reported."""

    finding: str


@dataclass(frozen=True)
class OneOf:
    """A choice finding has one of the listed values."""

    finding: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Compare:
    """A number finding is at least `at_least` and below `below` (either may be absent)."""

    finding: str
    at_least: float | None = None
    below: float | None = None


@dataclass(frozen=True)
class AllOf:
    all: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    any: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    condition: Condition


@dataclass(frozen=True)
class AtLeast:
    at_least: int
    of: tuple[Condition, ...]


Condition = Union[Reported, OneOf, Compare, AllOf, AnyOf, Not, AtLeast]
CONDITION_TYPES = (Reported, OneOf, Compare, AllOf, AnyOf, Not, AtLeast)


# ---------------------------------------------------------------------------------------
# Evaluation (pure)


def holds(condition: Condition, answers: Answers) -> bool:
    """Whether the condition holds or may hold (the safer reading). Findings not given are
    not reported; uncertain answers are unknown."""
    return holds3(condition, answers) is not False


def holds3(condition: Condition, answers: Answers) -> bool | None:
    """Kleene evaluation: True or False when settled whatever the unknown findings are, else None."""
    match condition:
        case Reported(finding=finding):
            return _atom(answers.get(finding, False), lambda value: value is True)
        case OneOf(finding=finding, values=values):
            value = answers.get(finding)
            if value == UNSURE:  # not known which of the other choices is true
                return True if UNSURE in values else None
            return _atom(value, lambda value: value in values)
        case Compare(finding=finding, at_least=low, below=high):
            return _atom(answers.get(finding), lambda value: _in_range(value, low, high))
        case AllOf(all=parts):
            results = [holds3(part, answers) for part in parts]
            return False if False in results else None if None in results else True
        case AnyOf(any=parts):
            results = [holds3(part, answers) for part in parts]
            return True if True in results else None if None in results else False
        case Not(condition=inner):
            result = holds3(inner, answers)
            return None if result is None else not result
        case AtLeast(at_least=needed, of=parts):
            results = [holds3(part, answers) for part in parts]
            if results.count(True) >= needed:
                return True
            return False if results.count(True) + results.count(None) < needed else None
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


Kleene = bool | None
_ANY: frozenset[Kleene] = frozenset({True, False, None})
_TRUE: frozenset[Kleene] = frozenset({True})
_FALSE: frozenset[Kleene] = frozenset({False})
_UNKNOWN: frozenset[Kleene] = frozenset({None})


def settled(condition: Condition, answers: Answers) -> bool | None:
    """For `rules verify`, whose answers may hold FREE findings (not yet assigned, any value,
    "not sure" included): True when `holds` is true however they are assigned, False when
    it is false however they are assigned, None while that is not settled."""
    outcomes = _outcomes(condition, answers)
    if False not in outcomes:
        return True
    return False if outcomes == {False} else None


def _outcomes(condition: Condition, answers: Answers) -> frozenset[Kleene]:
    """Every Kleene value the condition may take as FREE findings are assigned (a superset:
    findings shared between parts are not correlated, which only settles later)."""
    match condition:
        case Reported(finding=finding) | OneOf(finding=finding) | Compare(finding=finding):
            if answers.get(finding) is FREE:
                return _ANY
            value = holds3(condition, answers)
            return _TRUE if value is True else _FALSE if value is False else _UNKNOWN
        case AllOf(all=parts):
            result = _TRUE
            for part in parts:
                outcomes = _outcomes(part, answers)
                if outcomes == _FALSE:
                    return _FALSE  # settled whatever the other parts are
                if outcomes != _TRUE:
                    result = frozenset(_and3(a, b) for a in result for b in outcomes)
            return result
        case AnyOf(any=parts):
            result = _FALSE
            for part in parts:
                outcomes = _outcomes(part, answers)
                if outcomes == _TRUE:
                    return _TRUE
                if outcomes != _FALSE:
                    result = frozenset(_or3(a, b) for a in result for b in outcomes)
            return result
        case Not(condition=inner):
            return frozenset(None if value is None else not value for value in _outcomes(inner, answers))
        case AtLeast(at_least=needed, of=parts):
            # (true, unknown) counts reachable so far, each capped at `needed`: beyond it
            # the outcome is the same, and the set stays small however many parts there are.
            counts = {(0, 0)}
            for part in parts:
                values = _outcomes(part, answers)
                counts = {
                    (min(true + (value is True), needed), min(unknown + (value is None), needed))
                    for true, unknown in counts
                    for value in values
                }
            return frozenset(
                True if true >= needed else False if true + unknown < needed else None for true, unknown in counts
            )
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def kleene_and(*values: Kleene) -> Kleene:
    """Kleene's "and": False if any is False, else unknown (None) if any is, else True."""
    return False if False in values else None if None in values else True


def kleene_or(*values: Kleene) -> Kleene:
    """Kleene's "or": True if any is True, else unknown (None) if any is, else False."""
    return True if True in values else None if None in values else False


def kleene_not(value: Kleene) -> Kleene:
    return None if value is None else not value


def _and3(a: Kleene, b: Kleene) -> Kleene:
    return False if a is False or b is False else None if a is None or b is None else True


def _or3(a: Kleene, b: Kleene) -> Kleene:
    return True if a is True or b is True else None if a is None or b is None else False


def _atom(value: Any, test: Any) -> bool | None:
    if value is FREE or (value == UNSURE and isinstance(value, str)):
        return None
    if isinstance(value, frozenset):
        results = {bool(test(each)) for each in value}
        return results.pop() if len(results) == 1 else None
    return bool(test(value))


def _in_range(value: Any, low: float | None, high: float | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False  # not measured
    return (low is None or value >= low) and (high is None or value < high)


def because(condition: Condition, answers: Answers) -> tuple[str, ...]:
    """The reported findings that make a holding condition hold, in the order written.

    Negated parts contribute nothing: "because you did not report X" is not a reason a
    person can act on, and it would list every finding never mentioned.
    """
    seen: dict[str, None] = {}

    def walk(node: Condition) -> None:
        match node:
            case Reported(finding=finding) | OneOf(finding=finding) | Compare(finding=finding):
                if holds(node, answers):
                    seen.setdefault(finding, None)
            case AllOf(all=parts):
                for part in parts:
                    walk(part)
            case AnyOf(any=parts) | AtLeast(of=parts):
                for part in parts:
                    if holds(part, answers):
                        walk(part)
            case Not():
                pass

    if holds(condition, answers):
        walk(condition)
    return tuple(seen)


def findings_in(condition: Condition) -> tuple[str, ...]:
    """Every finding the condition mentions, in the order written, once each."""
    seen: dict[str, None] = {}

    def walk(node: Condition) -> None:
        match node:
            case Reported(finding=finding) | OneOf(finding=finding) | Compare(finding=finding):
                seen.setdefault(finding, None)
            case AllOf(all=parts) | AnyOf(any=parts) | AtLeast(of=parts):
                for part in parts:
                    walk(part)
            case Not(condition=inner):
                walk(inner)

    walk(condition)
    return tuple(seen)


def to_data(condition: Condition) -> Any:
    """The condition written back in the YAML form a reviewer would write."""
    match condition:
        case Reported(finding=finding):
            return finding
        case OneOf(finding=finding, values=values):
            return {finding: list(values)}
        case Compare(finding=finding, at_least=low, below=high):
            bounds = {"at_least": low, "below": high}
            return {finding: {key: value for key, value in bounds.items() if value is not None}}
        case AllOf(all=parts):
            return {"all": [to_data(part) for part in parts]}
        case AnyOf(any=parts):
            return {"any": [to_data(part) for part in parts]}
        case Not(condition=inner):
            return {"not": to_data(inner)}
        case AtLeast(at_least=needed, of=parts):
            return {"at_least": needed, "of": [to_data(part) for part in parts]}
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


# ---------------------------------------------------------------------------------------
# Parsing from YAML data

# What the parser knows of each finding: its kind's name and, for a choice, its values.
FindingKinds = Mapping[str, tuple[str, tuple[str, ...]]]

SHAPES = (
    "a condition is a finding id (back_pain), a choice (cancer_history: [current, past]), "
    "a number's range (temperature: {at_least: 37.5}), "
    "or one of all:, any:, not:, or at_least: with of:"
)


def close_match(word: str, candidates: Any) -> str:
    """' (did you mean 'x'?)' for the nearest candidate, or '' when none is near."""
    import difflib  # only when there is a mistake to explain

    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


class ConditionParser:
    """Turns YAML data into a Condition, collecting every problem with its relative path.

    With `kinds` (the rule book's findings) it also checks that every finding exists and
    that choice values are allowed; without, it checks only the shape.
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
        kind, choices = self.kinds[finding]
        if kind == "choice":
            self.problem(
                path,
                f"'{finding}' is a choice finding; name the choices that count, "
                f"for example '{finding}: [{choices[0] if choices else '...'}]' (its choices: {', '.join(choices)})",
                at_key=at_key,
            )
            return None
        if kind == "number":
            self.problem(
                path,
                f"'{finding}' is a number finding; say which values count, "
                f"for example '{finding}: {{at_least: 37.5}}'",
                at_key=at_key,
            )
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
        kind, choices = self.kinds[finding] if self.kinds is not None else (None, ())
        if isinstance(value, dict):
            return self._compare(finding, kind, value, inner)
        if isinstance(value, bool):
            if kind is not None and kind != "yes_no":
                self.problem(
                    inner, f"'{finding}' is {KIND_WORDS[kind]}; {_how_to_test(kind, finding)}, not yes/no"
                )
                return None
            reported = Reported(finding=finding)
            return reported if value else Not(condition=reported)
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(item, str) for item in values):
            self.problem(inner, f"'{finding}' needs yes/no, a list of its choices, or a range of numbers")
            return None
        if kind is not None and kind != "choice":
            self.problem(inner, f"'{finding}' is {KIND_WORDS[kind]}; {_how_to_test(kind, finding)}")
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

    def _compare(self, finding: str, kind: str | None, value: dict[str, Any], inner: RelPath) -> Condition | None:
        if kind is not None and kind != "number":
            self.problem(inner, f"'{finding}' is {KIND_WORDS[kind]}; {_how_to_test(kind, finding)}")
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


def _how_to_test(kind: str, finding: str) -> str:
    return {
        "yes_no": f"write '{finding}' or '{finding}: no'",
        "choice": "list the choices that count",
        "number": f"say which values count, for example '{finding}: {{at_least: 37.5}}' or '{{below: 36}}'",
    }[kind]


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
