"""The search space of `rules verify`'s proofs: every path through the questionnaire,
searched exhaustively over what matters.

A "world" is what is true for a person: a value for every finding. The questionnaire sees
only what it asks: walking the questions in order, a finding is asked when its `ask_if`
holds on the answers so far, and is otherwise "not reported". Properties are about worlds
and what the questionnaire makes of them, for example: whenever a red flag's condition
holds in the world, it also holds on the questionnaire's answers (no skip logic hides it).

Naive enumeration of ~60 findings is impossible, so each property is reduced to its cone
of influence: the findings its conditions mention and, transitively, the findings their
`ask_if` conditions mention. Findings outside the cone cannot change the outcome and are
fixed to "not reported". A Space is one cone: its findings, the values worth trying for
each (`domain`), and the questionnaire's answers for a world whose findings may be still
unassigned (unknown, in three-valued Kleene logic); the proofs' decision diagrams
(compiled.py) and the search for lowered urgencies (downgrade.py) walk it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from metasymptoms.core.conditions import (
    CONDITION_TYPES,
    FREE,
    Compare,
    Condition,
    atoms,
    findings_in,
    settled,
)
from metasymptoms.core.engine import asked
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import Question, RuleBook

UNKNOWN = FREE  # a finding the search has not assigned yet
UNSET = "__unset__"  # a choice or number finding not answered

Value = object  # an answer, UNKNOWN or UNSET; once read (engine.reading), also a set
World = dict[str, Value]


def book_conditions(node: object) -> Iterator[Condition]:
    """Every condition anywhere in the rule book (red flags, site rules, ask_if, declared
    changes, the guidance's, and any a later field adds), found by walking the book's own
    records rather than by a list of places that could miss a new one."""
    if isinstance(node, (str, int, float, type(None))):
        return  # most of a book is text: nothing to walk
    if isinstance(node, CONDITION_TYPES):
        yield node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):
            yield from book_conditions(getattr(node, field.name))
    elif isinstance(node, (tuple, list)):
        for part in node:
            yield from book_conditions(part)


def number_cuts(book: RuleBook) -> dict[str, list[float]]:
    """For each number finding, every value where the engine's reading of it can change: the
    bounds of each comparison in any condition (conditions._in_range), and the value from
    which it implies another finding (`implies_from`, model.implies_parent). The proofs try
    one value of each interval between them, so each boundary the engine tells apart is searched."""
    cuts: dict[str, set[float]] = {}
    for condition in book_conditions(book):
        for atom in atoms(condition):
            if isinstance(atom, Compare):
                bounds = (atom.at_least, atom.below)
                cuts.setdefault(atom.finding, set()).update(bound for bound in bounds if bound is not None)
    for finding in book.findings:
        if finding.implies_from is not None:
            cuts.setdefault(finding.id, set()).add(finding.implies_from)
    return {finding: sorted(values) for finding, values in cuts.items()}


class Facts:
    """What every search over one book reads, worked out once per book (a proof builds one
    and hands it to each of its spaces): each finding's question and place in the order
    asked, and the values where numbers matter."""

    def __init__(self, book: RuleBook):
        self.book = book
        self.question: dict[str, Question] = {question.finding: question for question in book.questions}
        self.ask_if = {finding: question.ask_if for finding, question in self.question.items()}
        self.position = {question.finding: n for n, question in enumerate(book.questions)}
        self.cuts = number_cuts(book)


class Space:
    """The findings of one property, and what the questionnaire makes of a world."""

    def __init__(self, facts: Facts, conditions: list[Condition]):
        self.facts = facts
        self.book = facts.book
        self.cuts = facts.cuts
        self.ask_if, position = facts.ask_if, facts.position
        cone: set[str] = set()
        todo = [finding for condition in conditions for finding in findings_in(condition)]
        while todo:
            finding = todo.pop()
            if finding in cone:
                continue
            cone.add(finding)
            condition = self.ask_if.get(finding)
            if condition is not None:
                todo.extend(findings_in(condition))
        # Only the cone's questions, in the book's order: a search stays the size of its
        # property, not of the whole book.
        self.order = sorted((finding for finding in cone if finding in position), key=position.__getitem__)
        # The property's own findings first: they settle its outcome soonest; the findings
        # only their ask_if conditions mention follow. Any order is exhaustive.
        own = {finding for condition in conditions for finding in findings_in(condition)}
        self.variables = sorted(
            cone, key=lambda finding: (finding not in own, position.get(finding, len(position)))
        )

    def domain(self, finding: str) -> list[Value]:
        """The values worth trying, as the finding's kind gives them (kinds.representatives):
        yes, no and not sure; every choice; each interval of a number that the rules tell
        apart (its lowest value), not measured and not sure."""
        spec = self.book.finding(finding)
        values = kind_of(spec).representatives(spec, self.cuts.get(finding, []))
        return [UNSET if value is None else value for value in values]

    def hidden(self, finding: str) -> Value:
        """The value of a finding the questionnaire does not ask: not reported."""
        value = kind_of(self.book.finding(finding)).unasked
        return UNSET if value is None else value

    def answers(self, world: World) -> World:
        """The questionnaire's answers for this world, as the rules read them: unasked
        findings are not reported (the engine's skip logic, with unassigned findings
        unknown until they settle whether a question is asked)."""
        seen: World = {}
        for finding in self.order:
            if finding not in world:
                continue
            is_asked = asked(self.facts.question[finding], seen, settled)
            value = world[finding]
            if is_asked is True:
                seen[finding] = value
            elif is_asked is False:
                seen[finding] = self.hidden(finding)
            else:  # not yet settled whether it is asked
                seen[finding] = value if value == self.hidden(finding) else UNKNOWN
        for finding in world:  # no question asks it: never reported
            seen.setdefault(finding, self.hidden(finding))
        return seen
