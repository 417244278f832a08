"""Three-valued evaluation ("not sure", a history implied as current or past) and `settled`,
which `rules verify` searches with, checked against brute force."""

from __future__ import annotations

import pytest

from tests.helpers import KINDS, stable_id

# --- `settled`, which `rules verify` searches with, against brute force ------------------------
# test_properties checks it with hypothesis (thorough, ~45 s); these few tables are fast enough
# to run against every mutant of the condition language.

VALUES = {  # every value a finding can take, "not sure" included
    "a": (True, False, "unsure"),
    "b": (True, False, "unsure"),
    "c": (True, False, "unsure"),
    "history": ("none", "current", "past", "unsure"),
    "temperature": (35.0, 36.0, 37.9, 38.0, 40.0, "unsure"),
}


def brute_settled(condition, answers: dict) -> bool | None:
    """True when the condition holds or may hold however the free findings are answered,
    False when it fails however they are, else None (each finding appears once, so exact)."""
    import itertools

    from metasymptoms.core.conditions import FREE, holds3

    free = [finding for finding, value in answers.items() if value is FREE]
    outcomes = set()
    for values in itertools.product(*(VALUES[finding] for finding in free)):
        outcomes.add(holds3(condition, {**answers, **dict(zip(free, values))}))
    return True if False not in outcomes else False if outcomes == {False} else None


@pytest.mark.parametrize(
    "raw",
    [
        "a",
        {"a": False},
        {"all": ["a", "b"]},
        {"any": ["a", {"not": "b"}]},
        {"not": {"all": ["a", "b"]}},
        {"not": {"any": ["a", "b"]}},
        {"at_least": 2, "of": ["a", "b", "c"]},
        {"at_least": 1, "of": ["a", {"history": ["current"]}]},
        {"history": ["current", "past"]},
        {"history": ["none"]},
        {"temperature": {"at_least": 38}},
        {"temperature": {"at_least": 36, "below": 38}},
        {"all": ["a", {"any": ["b", {"temperature": {"below": 36}}]}]},
        {"any": [{"all": ["a", "b"]}, {"history": ["past"]}]},
        {"not": {"not": "a"}},
        {"not": {"at_least": 2, "of": ["a", "b", "c"]}},
        {"not": {"all": [{"not": "a"}, "b"]}},
        {"not": {"any": [{"not": "a"}, {"temperature": {"at_least": 38}}]}},
    ],
    ids=stable_id,
)
def test_settled_agrees_with_brute_force(raw) -> None:
    import itertools

    from metasymptoms.core.condition_parser import ConditionParser
    from metasymptoms.core.conditions import FREE, findings_in, settled

    parser = ConditionParser(KINDS)
    condition = parser.parse(raw)
    assert parser.problems == []
    findings = findings_in(condition)
    # Each finding free, or given any of its values; findings not mentioned stay unasked.
    for choice in itertools.product(*((FREE, *VALUES[finding]) for finding in findings)):
        answers = dict(zip(findings, choice))
        assert settled(condition, answers) == brute_settled(condition, answers), answers


# --- three-valued evaluation: "not sure", and a history implied as current or past ----------

WITH_UNSURE = {**KINDS, "history": ("choice", ("none", "current", "past", "unsure"))}


@pytest.mark.parametrize(
    ("raw", "answers", "result"),
    [
        ({"history": ["current", "past"]}, {"history": frozenset({"current", "past"})}, True),
        ({"history": ["current"]}, {"history": frozenset({"current", "past"})}, None),
        ({"history": ["none"]}, {"history": frozenset({"current", "past"})}, False),
        ({"history": ["unsure"]}, {"history": "unsure"}, True),
        ({"not": {"history": ["unsure"]}}, {"history": "unsure"}, False),
        ({"history": ["current"]}, {"history": "unsure"}, None),
        ({"not": {"history": ["current"]}}, {"history": "unsure"}, None),
        ({"not": "a"}, {}, True),
        ({"not": "a"}, {"a": "unsure"}, None),
    ],
    ids=stable_id,
)
def test_three_valued_evaluation(raw, answers: dict, result) -> None:
    from metasymptoms.core.condition_parser import ConditionParser
    from metasymptoms.core.conditions import holds, holds3

    parser = ConditionParser(WITH_UNSURE)
    condition = parser.parse(raw)
    assert holds3(condition, answers) is result
    assert holds(condition, answers) is (result is not False)  # "may hold" counts: the safer reading
