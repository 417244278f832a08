"""Small books of five findings (a to e), for checking the searches of `rules verify`,
`rules diff` and the no-silent-downgrade check against brute force over every answer."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import strategies as st

from metasymptoms.core.conditions import AllOf, AnyOf, AtLeast, Not, Reported, findings_in, holds
from metasymptoms.core.model import Finding, Question

NAMES = ["a", "b", "c", "d", "e"]


def conditions(depth: int = 2):
    leaf = st.sampled_from(NAMES).map(lambda name: Reported(finding=name))
    if depth == 0:
        return leaf
    inner = conditions(depth - 1)
    return st.one_of(
        leaf,
        st.lists(inner, min_size=1, max_size=3).map(lambda parts: AllOf(all=tuple(parts))),
        st.lists(inner, min_size=1, max_size=3).map(lambda parts: AnyOf(any=tuple(parts))),
        inner.map(lambda part: Not(condition=part)),
        st.lists(inner, min_size=1, max_size=3).flatmap(
            lambda parts: st.integers(1, len(parts)).map(lambda n: AtLeast(at_least=n, of=tuple(parts)))
        ),
    )


# Each question's ask_if, or None: drawn for the five questions of a small book.
GATES = st.lists(st.one_of(st.none(), conditions(1)), min_size=5, max_size=5)


def questions(gates: list) -> list[Question]:
    """One question a finding, in order; a drawn ask_if is kept only where it uses earlier
    findings, as the loader demands."""
    out = []
    for index, name in enumerate(NAMES):
        gate = gates[index]
        if gate is not None and not set(findings_in(gate)) <= set(NAMES[:index]):
            gate = None
        out.append(Question(finding=name, text=name, ask_if=gate))
    return out


def brute_answers(questions: list[Question], world: dict[str, object]) -> dict[str, object]:
    """What a person whose true answers are `world` ends up answering: skip logic written out
    again, plainly (a question not asked counts as no)."""
    answers: dict[str, object] = {}
    for question in questions:
        asked = question.ask_if is None or holds(question.ask_if, answers)
        answers[question.finding] = world[question.finding] if asked else False
    return answers


def brute_urgency(flags: list[SimpleNamespace], answers: dict[str, object]) -> int:
    return max((flag.urgency.rank for flag in flags if holds(flag.when, answers)), default=0)


class SmallBook:
    """Just what the searches read: findings, questions in order, red flags with urgencies."""

    sites: tuple = ()
    info = None
    implications: tuple = ()  # no follow-up implies another here

    def __init__(self, questions: list[Question], flags: list[SimpleNamespace] | tuple = ()):
        self.questions = questions
        self.red_flags = flags
        self.findings = [Finding(id=name, label=name) for name in NAMES]

    def role(self, role: str) -> None:
        return None

    def finding(self, finding_id: str) -> Finding:
        if finding_id not in NAMES:
            raise KeyError(finding_id)
        return Finding(id=finding_id, label=finding_id)
