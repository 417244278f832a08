"""Small books of five findings (a to e), for checking the searches of `rules verify`,
`rules diff` and the no-silent-downgrade check against brute force over every answer."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import strategies as st

from metasymptoms.core.conditions import AllOf, AnyOf, AtLeast, Not, Reported, findings_in, holds
from metasymptoms.core.model import Finding, Question, Urgency

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


# A red flag's level, and the lowerings a small book may declare: (when, was, now).
LEVELS = st.sampled_from([Urgency.EMERGENCY, Urgency.URGENT, Urgency.PROMPT])
DRAWN_DECLARATIONS = st.lists(
    st.tuples(conditions(1), LEVELS, st.sampled_from([Urgency.URGENT, Urgency.PROMPT, Urgency.ROUTINE])),
    max_size=2,
)


def red_flags(drawn: list) -> list[SimpleNamespace]:
    """Drawn (when, urgency) pairs as a small book's red flags f0, f1, ..."""
    return [
        SimpleNamespace(id=f"f{n}", title=f"f{n}", when=when, urgency=level)
        for n, (when, level) in enumerate(drawn)
    ]


def declare(book: SmallBook, declared: list) -> tuple[SimpleNamespace, ...]:
    """Give `book` the drawn lowerings as its declared changes (a raise drawn is dropped)."""
    changes = tuple(
        SimpleNamespace(when=when, was=was, now=now, reason="because")
        for when, was, now in declared
        if now.rank < was.rank
    )
    book.info = SimpleNamespace(declared_changes=changes, lowers_urgency_when_reported=())
    return changes


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
