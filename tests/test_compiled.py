"""The engine's reading compiled into decision diagrams (reviewing/compiled.py) agrees with
the engine itself, on random answers, on every boundary of a number, and on random
conditions and skip logic."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metasymptoms.core.conditions import findings_in, holds3
from metasymptoms.core.engine import asked, assess, fired_red_flags
from metasymptoms.core.loader import load_book
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.compiled import Reading, domains, questionnaire_answers, unasked
from metasymptoms.reviewing.cones import BookReadings, Links
from metasymptoms.reviewing.diagram import Diagrams
from metasymptoms.reviewing.space import UNSET
from tests.brute import GATES, NAMES, SmallBook, brute_answers, conditions, questions

BOOK = load_book()
DD = Diagrams(domains([BOOK]))
READING = Reading(DD, BOOK)
FLAGS = {flag.id: READING.holds(flag.when) for flag in BOOK.red_flags}


def _answers(book: RuleBook, world: dict) -> dict:
    """The answers the questionnaire takes from this world, written out plainly."""
    answers: dict = {}
    for question in book.questions:
        value = world[question.finding]
        if asked(question, answers) and value != UNSET:
            answers[question.finding] = value
    return answers


def _check(world: dict) -> None:
    answers = _answers(BOOK, world)
    assert DD.evaluate(READING.urgency, world) == assess(BOOK, answers).urgency.rank, answers
    fired = {flag for flag, node in FLAGS.items() if DD.evaluate(node, world)}
    assert fired == {flag.id for flag in fired_red_flags(BOOK, answers)}, answers


@pytest.mark.parametrize("seed", range(4))
def test_the_diagrams_agree_with_the_engine_on_random_answers(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(250):
        share = rng.random() * 0.6  # from nearly nothing reported to much of the book
        world = {}
        for name, values in zip(DD.names, DD.domains, strict=True):
            plain = unasked(BOOK, name)
            world[name] = rng.choice(values) if rng.random() < share or plain not in values else plain
        _check(world)


@pytest.mark.parametrize("finding", [f.id for f in BOOK.findings if f.type == "number"])
def test_the_diagrams_agree_with_the_engine_on_every_boundary(finding: str) -> None:
    """Each value of a number the search tries (each threshold exactly), not measured and
    not sure, for a person on treatment with cancer, with and without the symptom reported."""
    for value in DD.domains[DD.level[finding]]:
        for parent in (True, False):
            world = {name: unasked(BOOK, name) for name in DD.names}
            parents = [p for c, p in BOOK.implications if c == finding]
            world.update({"cancer_history": "current", "recent_treatment": True, finding: value})
            world.update(dict.fromkeys(parents, parent))
            _check(world)


@given(st.lists(conditions(), min_size=1, max_size=3), GATES)
def test_compiled_conditions_and_skip_logic_agree_with_the_engine(drawn, gates) -> None:
    book = SmallBook(questions(gates))
    dd = Diagrams(domains([book]))
    reading = Reading(dd, book)
    compiled = [reading.kleene(condition) for condition in drawn]
    rng = random.Random(len(drawn))
    for _ in range(40):
        world = {name: rng.choice([True, False, "unsure"]) for name in NAMES}
        answers = brute_answers(book.questions, world)
        assert questionnaire_answers(book, world) == {k: v for k, v in answers.items() if v is not False}
        for condition, node in zip(drawn, compiled, strict=True):
            assert dd.evaluate(node, world) == holds3(condition, answers)


# --- cones of influence: each property over its own findings --------------------------

WHOLE = BookReadings(BOOK)


@pytest.mark.parametrize("seed", range(2))
def test_each_red_flags_cone_agrees_with_the_engine(seed: int) -> None:
    """A flag read over its own cone (the rest not reported) is the engine's reading of the
    whole book on random answers to the cone's questions, and as the person is it is the
    whole book's diagram."""
    rng = random.Random(seed)
    for flag in BOOK.red_flags:
        cone = WHOLE.cone(findings_in(flag.when))
        asked_node, world_node = cone.asked.holds(flag.when), cone.world.holds(flag.when)
        for _ in range(12):
            world = {name: unasked(BOOK, name) for name in DD.names}
            for name in cone.kept or ():
                world[name] = rng.choice(DD.domains[DD.level[name]])
            answers = _answers(BOOK, world)
            fired = {f.id for f in fired_red_flags(BOOK, answers)}
            assert cone.dd.evaluate(asked_node, world) == (flag.id in fired), (flag.id, answers)
            whole = WHOLE.dd.evaluate(WHOLE.world.holds(flag.when), world)
            assert cone.dd.evaluate(world_node, world) == whole, flag.id


def test_a_cone_holds_what_opens_its_questions_what_implies_its_findings_and_every_role() -> None:
    """The fever-on-treatment flag's cone: its findings, the temperature that implies a
    fever, the follow-ups that imply recent treatment, and each finding with a role."""
    cone = Links([BOOK]).cone(["fever", "recent_treatment"])
    assert {"fever", "temperature", "recent_treatment", "recent_chemotherapy", "central_line"} <= cone
    assert {finding.id for finding in BOOK.findings if getattr(finding, "role", None)} <= cone
    assert "back_pain" not in cone
    for question in BOOK.questions:  # closed under what opens a question
        if question.finding in cone and question.ask_if is not None:
            assert set(findings_in(question.ask_if)) <= cone


def test_only_reads_every_world_of_a_group() -> None:
    dd = Diagrams([("a", [True, False]), ("b", [True, False])])
    both = dd.apply(lambda a, b: a and b, dd.var("a"), dd.var("b"))
    assert dd.only(both, {"a": frozenset([False])}, False)
    assert not dd.only(both, {"a": frozenset([True])}, False)
    assert dd.only(both, {"a": frozenset([True]), "b": frozenset([True])}, True)
