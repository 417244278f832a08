"""The two books of `rules diff`, seen together: spaces that see one world through both
questionnaires, what counts as unchanged between them, and a group of answers in words.
Each change found is a Statement, with answers that replay it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from metasymptoms.core.conditions import Condition, Reported, findings_in
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing.behaviour import Cube, Item, Joint, items, knows, sample
from metasymptoms.reviewing.cones import Readings
from metasymptoms.reviewing.in_english import join_words
from metasymptoms.reviewing.space import UNSET, Facts, Space, Value

LEVELS = {urgency.rank: urgency.value for urgency in Urgency}


@dataclass(frozen=True)
class Words:
    """A group of answers in words: each finding that matters, in the questions' order, and
    whether the group needs it not reported (a report reads those as one short list)."""

    parts: tuple[tuple[str, str, bool], ...]  # (finding, its values in words, needs it not reported)

    def __str__(self) -> str:
        return join_words(words for _, words, _ in self.parts) if self.parts else "any answers"

    @property
    def named(self) -> tuple[str, ...]:
        """The words of the findings that are reported, or answered otherwise than "no"."""
        return tuple(words for _, words, absent in self.parts if not absent)

    @property
    def not_reported(self) -> tuple[str, ...]:
        """The ids of the findings the group needs not reported."""
        return tuple(finding for finding, _, absent in self.parts if absent)


@dataclass(frozen=True)
class Statement:
    """One plain change for a group of answers, with answers that replay it."""

    kind: str  # "urgency", "red flag" or "site"
    subject: str  # what changed: the urgency, or the red flag's or site's id
    answers_text: Words | str  # the group of answers in words
    change: str  # e.g. "routine -> emergency", "now shows", "no longer named"
    answers: dict[str, Answer]  # an answers file (the new book's questionnaire) that replays it
    lowered: bool = False
    declared: str | None = None  # the reason book.yaml gives, for a declared lowering
    old_answers: dict[str, Answer] | None = None  # the same, as the old book's questionnaire takes them
    was: str | None = None  # an urgency statement's old and new urgency, compared as data
    now: str | None = None
    # An urgency statement's group of answers, as the diagrams hold it (its findings, every
    # other not reported): where a warning sign's or a site's change holds on all of it, the
    # change is said in the same group (diff._said_with_urgency).
    cube: tuple[Joint, Cube] | None = field(default=None, compare=False, repr=False)

    def sentence(self) -> str:
        return f"With {self.answers_text}: {self.change}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "answers_text": str(self.answers_text),
            "change": self.change,
            "statement": self.sentence(),
            "lowered": self.lowered,
            "declared": self.declared,
            "answers": self.answers,
            "old_answers": self.old_answers if self.old_answers is not None else self.answers,
            "was": self.was,
            "now": self.now,
        }


# --- finding what changed -------------------------------------------------------------


def by_key(book: RuleBook) -> dict[tuple[str, str], Item]:
    return {(item.kind, item.id): item for item in items(book)}


def questionnaire_same(pair: Pair, condition: Condition) -> bool:
    """Whether both books ask the findings of this condition (and what opens them) alike."""
    old, new = pair.old, pair.new
    if not all(knows(old, f) for f in findings_in(condition)):
        return False
    cone = Space(pair.old_facts, [condition]).variables
    old_gates, new_gates = pair.old_facts.ask_if, pair.new_facts.ask_if
    for finding in cone:
        if not knows(new, finding) or old.finding(finding) != new.finding(finding):
            return False
        if old_gates.get(finding, "absent") != new_gates.get(finding, "absent"):
            return False
    return True


def same(pair: Pair, a: Item | None, b: Item | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.when == b.when
        and a.rank == b.rank
        and questionnaire_same(pair, a.when)
    )


class Pair:
    """The two books, and spaces seeing one world through both questionnaires."""

    def __init__(self, old: RuleBook, new: RuleBook, *, facts: tuple[Facts, Facts] | None = None):
        self.old, self.new = old, new
        self.old_facts, self.new_facts = facts or (Facts(old), Facts(new))

    def flipped(self) -> Pair:
        """The same two books the other way round, sharing every diagram: what raises the
        urgency from the old book to the new lowers it from the new to the old."""
        flipped = Pair(self.new, self.old, facts=(self.new_facts, self.old_facts))
        flipped.readings = self.readings.flipped()
        return flipped

    @cached_property
    def readings(self) -> Readings:
        """Both books' reading of every world, compiled once for every property."""
        return Readings(self.old, self.new)

    def joint(self, old_conditions: list[Condition], new_conditions: list[Condition]) -> Joint:
        # Both questionnaires over the same findings: a finding outside a space's cone counts
        # as never asked there, so each book must see every finding either side tests.
        # Each questionnaire's cone also takes in what opens its questions, which may differ
        # between the books: widen both until they hold the same findings.
        every = [*old_conditions, *new_conditions]
        while True:
            spaces = [Space(self.old_facts, every), Space(self.new_facts, every)]
            union = set(spaces[0].variables) | set(spaces[1].variables)
            if all(set(space.variables) == union for space in spaces):
                return Joint(spaces)
            every = [*old_conditions, *new_conditions, *(Reported(finding=f) for f in sorted(union))]


# --- in words ---------------------------------------------------------------------------


def value_words(book: RuleBook, finding: str, values: frozenset[Value], joint: Joint) -> str:
    """Some answers to a finding in a reviewer's words, as its kind says them."""
    spec = book.finding(finding)
    domain = [None if value == UNSET else value for value in joint.domain(finding)]
    ordered = [value for value in domain if (UNSET if value is None else value) in values]
    return kind_of(spec).value_words(spec, ordered, domain)  # type: ignore[arg-type]


def group_words(pair: Pair, cube: Cube, joint: Joint) -> Words:
    parts = []
    for finding in joint.variables:
        if finding in cube:
            book = pair.new if knows(pair.new, finding) else pair.old
            spec = book.finding(finding)
            absent = kind_of(spec).reports and cube[finding] == frozenset([False])  # not reported
            parts.append((finding, value_words(book, finding, cube[finding], joint), absent))
    return Words(tuple(parts))


def replay(joint: Joint, cube: Cube) -> dict[str, Answer]:
    return joint.replay(1, sample(cube, joint))


def old_replay(joint: Joint, cube: Cube) -> dict[str, Answer]:
    return joint.replay(0, sample(cube, joint))
