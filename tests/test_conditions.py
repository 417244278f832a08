"""The condition language: parsing shapes and evaluating them, as tables of cases."""

from __future__ import annotations

from typing import Any

import pytest

from metasymptoms.core.condition_parser import ConditionParser
from metasymptoms.core.conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    Not,
    OneOf,
    Reported,
    because,
    findings_in,
    holds,
    holds3,
    kleene_and,
    kleene_not,
    kleene_or,
    to_data,
)
from tests.helpers import KINDS, stable_id


def parse(raw: Any):
    parser = ConditionParser(KINDS)
    condition = parser.parse(raw)
    return condition, [(path, message) for path, message, _ in parser.problems]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a", Reported(finding="a")),
        ({"a": True}, Reported(finding="a")),
        ({"a": False}, Not(condition=Reported(finding="a"))),
        ({"history": ["current", "past"]}, OneOf(finding="history", values=("current", "past"))),
        ({"history": "past"}, OneOf(finding="history", values=("past",))),
        ({"all": ["a", "b"]}, AllOf(all=(Reported(finding="a"), Reported(finding="b")))),
        (
            {"any": ["a", {"not": "b"}]},
            AnyOf(any=(Reported(finding="a"), Not(condition=Reported(finding="b")))),
        ),
        (
            {"at_least": 2, "of": ["a", "b", "c"]},
            AtLeast(at_least=2, of=(Reported(finding="a"), Reported(finding="b"), Reported(finding="c"))),
        ),
    ],
)
def test_shapes_parse_into_models(raw: Any, expected: Any) -> None:
    assert parse(raw) == (expected, [])
    assert parse(to_data(expected)) == (expected, [])  # written back, it reads the same


@pytest.mark.parametrize(
    ("raw", "problems"),
    [
        ("d", [((), "'d' is not a finding of this rule book")]),
        (
            "history",
            [
                (
                    (),
                    "'history' is a choice finding; name the choices that count, for example 'history: [none]' (its choices: none, current, past)",
                )
            ],
        ),
        (
            {"history": ["later"]},
            [(("history", 0), "'later' is not a choice of 'history'; its choices are none, current, past")],
        ),
        ({"a": ["x"]}, [(("a",), "'a' is a yes/no finding; write 'a' or 'a: no'")]),
        (
            {"all": []},
            [(("all",), "'all' needs a list of one or more conditions, each on a line starting with '- '")],
        ),
        (
            {"all": ["a", "zz", 3]},
            [
                (("all", 1), "'zz' is not a finding of this rule book"),
                (
                    ("all", 2),
                    "'3' is not a condition (a condition is a finding id (back_pain), a choice (cancer_history: [current, past]), a number's range (temperature: {at_least: 37.5}), or one of all:, any:, not:, or at_least: with of:)",
                ),
            ],
        ),
        (
            {"at_least": 0, "of": ["a"]},
            [
                (
                    ("at_least",),
                    "'at_least: 0' cannot work with 1 condition(s) under 'of'; use a number from 1 to 1",
                )
            ],
        ),
        ({"at_least": "two", "of": ["a"]}, [(("at_least",), "'at_least' needs a whole number, not 'two'")]),
        ({"at_least": 1}, [((), "'at_least' and 'of' go together, and nothing else goes beside them")]),
        (
            {"a": True, "b": True},
            [
                (
                    (),
                    "a condition mapping has exactly one key; to combine conditions, put them in a list under all: or any:",
                )
            ],
        ),
        (
            ["a", "b"],
            [
                (
                    (),
                    "a list cannot stand alone as a condition; put it under all: or any: (a condition is a finding id (back_pain), a choice (cancer_history: [current, past]), a number's range (temperature: {at_least: 37.5}), or one of all:, any:, not:, or at_least: with of:)",
                )
            ],
        ),
        (
            None,
            [
                (
                    (),
                    "a condition is missing here (a condition is a finding id (back_pain), a choice (cancer_history: [current, past]), a number's range (temperature: {at_least: 37.5}), or one of all:, any:, not:, or at_least: with of:)",
                )
            ],
        ),
    ],
)
def test_problems_name_the_place_inside_the_condition(raw: Any, problems: list) -> None:
    condition, found = parse(raw)
    assert condition is None
    assert found == problems


A, B, C = Reported(finding="a"), Reported(finding="b"), Reported(finding="c")
PAST = OneOf(finding="history", values=("current", "past"))


@pytest.mark.parametrize(
    ("condition", "answers", "result", "reasons"),
    [
        (A, {"a": True}, True, ("a",)),
        (A, {"a": False}, False, ()),
        (A, {}, False, ()),  # not given counts as not reported
        (PAST, {"history": "past"}, True, ("history",)),
        (PAST, {"history": "none"}, False, ()),
        (PAST, {}, False, ()),
        (AllOf(all=(A, B)), {"a": True, "b": True}, True, ("a", "b")),
        (AllOf(all=(A, B)), {"a": True}, False, ()),
        (AnyOf(any=(A, B)), {"b": True}, True, ("b",)),
        (AnyOf(any=(A, B)), {}, False, ()),
        (Not(condition=A), {}, True, ()),
        (Not(condition=A), {"a": True}, False, ()),
        (AtLeast(at_least=2, of=(A, B, C)), {"a": True, "c": True}, True, ("a", "c")),
        (AtLeast(at_least=2, of=(A, B, C)), {"a": True}, False, ()),
        (
            AllOf(all=(PAST, AnyOf(any=(A, B)), Not(condition=C))),
            {"history": "current", "b": True},
            True,
            ("history", "b"),
        ),
    ],
)
def test_evaluation(condition: Any, answers: dict, result: bool, reasons: tuple) -> None:
    assert holds(condition, answers) is result
    assert because(condition, answers) == reasons


@pytest.mark.parametrize(
    ("answers", "result"),
    [
        ({"a": frozenset({True})}, True),  # every one of the possible answers reports it
        ({"a": frozenset({False})}, False),
        ({"a": frozenset({True, False})}, None),  # not settled: either may be the answer
        ({"a": "unsure"}, None),
    ],
)
def test_a_reported_finding_with_several_possible_answers(answers: dict, result: bool | None) -> None:
    assert holds3(A, answers) is result


# Kleene's truth tables, written out: (a, b, a and b, a or b); None is "unknown".
KLEENE = [
    (True, True, True, True),
    (True, None, None, True),
    (True, False, False, True),
    (None, None, None, None),
    (None, False, False, None),
    (False, False, False, False),
]


def test_kleene_truth_tables() -> None:
    for a, b, both, either in KLEENE:
        for left, right in ((a, b), (b, a)):
            assert kleene_and(left, right) is both and kleene_or(left, right) is either
    assert [kleene_not(value) for value in (True, None, False)] == [False, None, True]


def test_all_any_not_and_at_least_read_kleenes_tables() -> None:
    # A yes/no finding holds (yes), does not (no) or is unknown ("not sure"): `all`, `any`,
    # `not` and `at_least` of two such parts give the truth tables above, in either order.
    part = {True: True, False: False, None: "unsure"}
    left, right = Reported(finding="left"), Reported(finding="right")
    for a, b, both, either in KLEENE:
        for x, y in ((a, b), (b, a)):
            answers = {"left": part[x], "right": part[y]}
            assert holds3(AllOf(all=(left, right)), answers) is both
            assert holds3(AnyOf(any=(left, right)), answers) is either
            assert holds3(AtLeast(at_least=2, of=(left, right)), answers) is both
            assert holds3(AtLeast(at_least=1, of=(left, right)), answers) is either
            assert holds3(Not(condition=left), answers) is kleene_not(x)


def test_findings_in_lists_each_once_in_written_order() -> None:
    condition = AllOf(all=(PAST, AnyOf(any=(B, A)), Not(condition=B)))
    assert findings_in(condition) == ("history", "b", "a")


# --- the condition language: number ranges and kinds mixed up, each told in words ------------

NUMBER_HINT = "say which values count, for example 'temperature: {at_least: 37.5}' or '{below: 36}'"
RANGE_HINT = "a number's range is written with 'at_least:' and/or 'below:', for example 'temperature: {at_least: 37.5}'"


@pytest.mark.parametrize(
    ("raw", "problems"),
    [
        (
            {"history": {"at_least": 1}},
            [(("history",), "'history' is a choice finding; list the choices that count")],
        ),
        ({"a": {"at_least": 1}}, [(("a",), "'a' is a yes/no finding; write 'a' or 'a: no'")]),
        (
            {"temperature": ["high"]},
            [(("temperature",), f"'temperature' is a number finding; {NUMBER_HINT}")],
        ),
        (
            {"temperature": True},
            [(("temperature",), f"'temperature' is a number finding; {NUMBER_HINT}, not yes/no")],
        ),
        ({"temperature": {"above": 3}}, [(("temperature",), RANGE_HINT)]),
        ({"temperature": {"at_least": 37, "above": 3}}, [(("temperature",), RANGE_HINT)]),
        ({"temperature": {}}, [(("temperature",), RANGE_HINT)]),
        (
            {"temperature": {"at_least": "hot"}},
            [(("temperature", "at_least"), "'at_least' needs a number, not 'hot'")],
        ),
        (
            {"temperature": {"below": True}},
            [(("temperature", "below"), "'below' needs a number, not 'True'")],
        ),
        (
            {"temperature": {"at_least": 38, "below": 38}},
            [(("temperature",), "no number is at least 38 and below 38")],
        ),
        (
            {"temperature": {"at_least": 39, "below": 38}},
            [(("temperature",), "no number is at least 39 and below 38")],
        ),
        (
            {"at_least": 1, "of": "a"},
            [(("of",), "'of' needs a list of one or more conditions, each on a line starting with '- '")],
        ),
    ],
    ids=stable_id,
)
def test_condition_problems_in_words(raw, problems: list) -> None:
    from metasymptoms.core.condition_parser import ConditionParser

    parser = ConditionParser(KINDS)
    assert parser.parse(raw) is None
    assert [(path, message) for path, message, _ in parser.problems] == problems


@pytest.mark.parametrize(
    ("raw", "written_back"),
    [
        ({"temperature": {"at_least": 36, "below": 38}}, {"temperature": {"at_least": 36.0, "below": 38.0}}),
        ({"temperature": {"below": 36}}, {"temperature": {"below": 36.0}}),
        ({"temperature": {"at_least": 37.5}}, {"temperature": {"at_least": 37.5}}),
        ({"at_least": 3, "of": ["a", "b", "c"]}, {"at_least": 3, "of": ["a", "b", "c"]}),
        ({"not": {"not": "a"}}, {"not": {"not": "a"}}),
    ],
    ids=stable_id,
)
def test_ranges_parse_and_are_written_back_as_a_reviewer_would(raw, written_back) -> None:
    from metasymptoms.core.condition_parser import ConditionParser
    from metasymptoms.core.conditions import Compare, holds, to_data

    parser = ConditionParser(KINDS)
    condition = parser.parse(raw)
    assert parser.problems == []
    assert to_data(condition) == written_back
    if isinstance(condition, Compare):  # the bounds are kept: at_least included, below not
        low, high = condition.at_least, condition.below
        if low is not None:
            assert holds(condition, {"temperature": low}) and not holds(condition, {"temperature": low - 0.1})
        if high is not None:
            assert holds(condition, {"temperature": high - 0.1}) and not holds(
                condition, {"temperature": high}
            )


LEFT_LEG = OneOf(finding="weakness", values=("left_leg",))  # `weakness: [left_leg]`, a "which of these"


@pytest.mark.parametrize(
    ("answer", "result"),
    [
        (("left_leg", "walking"), True),  # one of those chosen is named
        (("arms",), False),
        ((), False),  # none of these
        (True, None),  # a yes that does not say which: it may be the one named
        (False, False),
        ("unsure", None),
    ],
)
def test_a_which_of_these_condition_holds_when_a_choice_it_names_was_chosen(
    answer: object, result: bool | None
) -> None:
    assert holds3(LEFT_LEG, {"weakness": answer}) is result
    assert holds3(LEFT_LEG, {}) is False  # not given: not reported
