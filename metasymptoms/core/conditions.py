"""The condition language evaluated: `holds`, a pure function of a condition and the answers.

The conditions themselves, as written and as data, are in conditions_model.py; they are
read here as well, so that `from metasymptoms.core.conditions import ...` gives the whole
language.

Answers may be uncertain: a yes/no answered "not sure", a history of cancer not known, a
finding `rules verify` has not assigned yet. Conditions are evaluated in three-valued
(Kleene) logic, where such a finding is unknown; `holds` is true when the condition holds
or MAY hold. That is the safer reading: a warning sign that could be present is treated as
present, and a question that may matter is asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from metasymptoms.core.conditions_model import (
    CONDITION_TYPES,
    AllOf,
    AnyOf,
    AtLeast,
    Compare,
    Condition,
    Not,
    OneOf,
    Reported,
    atoms,
    findings_for,
    findings_in,
    to_data,
)
from metasymptoms.core.kinds import UNSURE, names_any, reported

__all__ = [
    "CONDITION_TYPES",
    "FREE",
    "AllOf",
    "AnyOf",
    "AtLeast",
    "Compare",
    "Condition",
    "Not",
    "OneOf",
    "Reported",
    "at_least_outcome",
    "atoms",
    "because",
    "findings_for",
    "findings_in",
    "holds",
    "holds3",
    "kleene_and",
    "kleene_not",
    "kleene_or",
    "settled",
    "to_data",
]

# FREE stands for a finding verify has not assigned yet: any value, "not sure" included. (A
# frozenset of values stands for "any of these", e.g. a history of cancer implied by a
# primary cancer: `frozenset({"current", "past"})`.)
FREE: Any = object()
Answers = Mapping[str, Any]

# ---------------------------------------------------------------------------------------
# Evaluation (pure)


def holds(condition: Condition, answers: Answers) -> bool:
    """Whether the condition holds or may hold (the safer reading). Findings not given are
    not reported; uncertain answers are unknown.

    >>> fever = AllOf(all=(Reported(finding="recent_treatment"), Compare(finding="temperature", at_least=37.5)))
    >>> holds(fever, {"recent_treatment": True, "temperature": 37.2})
    False
    >>> holds(fever, {"recent_treatment": UNSURE, "temperature": 38.3})
    True
    """
    return holds3(condition, answers) is not False


# --- Kleene's three-valued logic: the one definition of what `all`, `any`, `not` and
# `at_least` mean, read by `holds3` below, by `settled`, and by the proofs'
# decision diagrams (reviewing/compiled.py). None is unknown.

Kleene = bool | None


def kleene_and(left: Kleene, right: Kleene) -> Kleene:
    """False if either is False, else unknown if either is, else True."""
    if left is False or right is False:
        return False
    return None if left is None or right is None else True


def kleene_or(left: Kleene, right: Kleene) -> Kleene:
    """True if either is True, else unknown if either is, else False."""
    if left is True or right is True:
        return True
    return None if left is None or right is None else False


def kleene_not(value: Kleene) -> Kleene:
    return None if value is None else not value


def at_least_outcome(needed: int, true: int, unknown: int) -> Kleene:
    """`at_least` from how many parts hold and how many are unknown: True once enough hold,
    False when not enough could, else unknown."""
    return True if true >= needed else False if true + unknown < needed else None


def holds3(condition: Condition, answers: Answers) -> bool | None:
    """Kleene evaluation: True or False when settled whatever the unknown findings are, else None.

    >>> either = AnyOf(any=(Reported(finding="jaundice"), Reported(finding="itching")))
    >>> holds3(either, {"jaundice": False, "itching": UNSURE}) is None
    True
    >>> holds3(either, {"jaundice": True, "itching": UNSURE})
    True
    """
    kind = _KLEENE.get(type(condition))
    if kind is None:  # pragma: no cover
        raise TypeError(f"not a condition: {condition!r}")
    return kind(condition, answers)


# One function per kind of condition, found by its type. `all`, `any` and `at_least` stop
# as soon as a part settles the outcome (False for `all`, True for `any`), which the
# operators' meaning allows: no later part can change it.


def _reported(condition: Reported, answers: Answers) -> bool | None:
    value = answers.get(condition.finding, False)
    if value is True or value is False:  # the usual answer, settled at once
        return value
    return _atom(value, reported)  # "not sure", not assigned yet, or one of several values


def _one_of(condition: OneOf, answers: Answers) -> bool | None:
    value = answers.get(condition.finding)
    if value == UNSURE:  # not known which of the other choices is true
        return True if UNSURE in condition.values else None
    if value is True or isinstance(value, tuple):  # "which of these": any of those named
        return names_any(value, condition.values)
    return _atom(value, lambda value: value in condition.values)


def _compare(condition: Compare, answers: Answers) -> bool | None:
    low, high = condition.at_least, condition.below
    return _atom(answers.get(condition.finding), lambda value: _in_range(value, low, high))


def _all_of(condition: AllOf, answers: Answers) -> bool | None:
    result: Kleene = True
    for part in condition.all:
        result = kleene_and(result, holds3(part, answers))
        if result is False:
            return False
    return result


def _any_of(condition: AnyOf, answers: Answers) -> bool | None:
    result: Kleene = False
    for part in condition.any:
        result = kleene_or(result, holds3(part, answers))
        if result is True:
            return True
    return result


def _not(condition: Not, answers: Answers) -> bool | None:
    return kleene_not(holds3(condition.condition, answers))


def _at_least(condition: AtLeast, answers: Answers) -> bool | None:
    needed, true, unknown = condition.at_least, 0, 0
    for part in condition.of:
        value = holds3(part, answers)
        if value is True:
            true += 1
            if true >= needed:
                return True
        elif value is None:
            unknown += 1
    return at_least_outcome(needed, true, unknown)


_KLEENE: dict[type, Callable[[Any, Answers], bool | None]] = {
    Reported: _reported,
    OneOf: _one_of,
    Compare: _compare,
    AllOf: _all_of,
    AnyOf: _any_of,
    Not: _not,
    AtLeast: _at_least,
}


def settled(condition: Condition, answers: Answers) -> bool | None:
    """For `rules verify`, whose answers may hold FREE findings (not yet assigned, any value,
    "not sure" included): True when `holds` is true however they are assigned, False when
    it is false however they are assigned, None while that is not settled."""
    outcomes = _outcomes(condition, answers)
    if False not in outcomes:
        return True
    return False if outcomes == _FALSE else None


_ANY: frozenset[Kleene] = frozenset({True, False, None})
_TRUE: frozenset[Kleene] = frozenset({True})
_FALSE: frozenset[Kleene] = frozenset({False})


def _outcomes(condition: Condition, answers: Answers) -> frozenset[Kleene]:
    """Every Kleene value the condition may take as FREE findings are assigned (a superset:
    findings shared between parts are not correlated, which only settles later), from the
    operators above."""
    match condition:
        case Reported(finding=finding) | OneOf(finding=finding) | Compare(finding=finding):
            return _ANY if answers.get(finding) is FREE else frozenset({holds3(condition, answers)})
        case AllOf(all=parts):
            result = _TRUE
            for part in parts:
                outcomes = _outcomes(part, answers)
                if outcomes == _FALSE:
                    return outcomes  # settled whatever the other parts are
                result = frozenset(kleene_and(a, b) for a in result for b in outcomes)
            return result
        case AnyOf(any=parts):
            result = _FALSE
            for part in parts:
                outcomes = _outcomes(part, answers)
                if outcomes == _TRUE:
                    return outcomes
                result = frozenset(kleene_or(a, b) for a in result for b in outcomes)
            return result
        case Not(condition=inner):
            return frozenset(kleene_not(value) for value in _outcomes(inner, answers))
        case AtLeast(at_least=needed, of=parts):
            # (true, unknown) counts reachable so far, each capped at `needed`: beyond it the
            # outcome is the same, and the set stays small however many parts there are.
            counts = {(0, 0)}
            for part in parts:
                values = _outcomes(part, answers)
                counts = {
                    (min(true + (value is True), needed), min(unknown + (value is None), needed))
                    for true, unknown in counts
                    for value in values
                }
            return frozenset(at_least_outcome(needed, true, unknown) for true, unknown in counts)
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


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
                # Parts that hold for certain, when there are enough: a part that only may
                # hold (a central line not given) is no reason beside one that does (treatment).
                needed = node.at_least if isinstance(node, AtLeast) else 1
                certain = [part for part in parts if holds3(part, answers) is True]
                for part in certain if len(certain) >= needed else [p for p in parts if holds(p, answers)]:
                    walk(part)
            case Not():
                pass

    if holds(condition, answers):
        walk(condition)
    return tuple(seen)
