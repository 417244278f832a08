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

It is parsed into the frozen models below (condition_parser.py, which also tells pydantic
how to validate a condition field) and evaluated by `holds`, a pure function (conditions.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


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


Condition = Reported | OneOf | Compare | AllOf | AnyOf | Not | AtLeast
CONDITION_TYPES = (Reported, OneOf, Compare, AllOf, AnyOf, Not, AtLeast)


def atoms(condition: Condition, *, under_not: bool = True) -> Iterator[Reported | OneOf | Compare]:
    """The tests on single findings a condition is made of, in the order written (without
    those under a `not`, when `under_not` is False)."""
    match condition:
        case Reported() | OneOf() | Compare():
            yield condition
        case AllOf(all=parts) | AnyOf(any=parts) | AtLeast(of=parts):
            for part in parts:
                yield from atoms(part, under_not=under_not)
        case Not(condition=inner) if under_not:
            yield from atoms(inner)


def findings_in(condition: Condition) -> tuple[str, ...]:
    """Every finding the condition mentions, in the order written, once each."""
    return tuple(dict.fromkeys(atom.finding for atom in atoms(condition)))


def findings_for(condition: Condition) -> tuple[str, ...]:
    """The findings a condition mentions outside any `not`: those whose report can make it
    hold. A finding written only under `not` rules the link out (the adrenal glands' rule
    leaves out dizziness with black stools), so it is never taught as linked."""
    return tuple(dict.fromkeys(atom.finding for atom in atoms(condition, under_not=False)))


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
