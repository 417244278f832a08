"""The engine's reading of a rule book, compiled into decision diagrams (diagram.py) over
every world at once: what the questionnaire asks, what the rules read of each answer, whether
each condition holds, and the urgency.

Nothing here redefines the engine. Each step calls the engine's own function on the values
a diagram's leaves hold: a single finding's test is `conditions.holds3` on that one answer;
`all`, `any`, `not` and `at_least` combine with Kleene's functions of conditions.py; the
skip logic is `engine.asked`'s reading of an ask_if; the history of cancer is read by
`engine.reading`, and each implication by `engine.with_implications`. The tests compare the
diagrams with `engine.assess` on random and boundary answers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from functools import cached_property, partial
from typing import Any

from metasymptoms.core.conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    Condition,
    Not,
    at_least_outcome,
    findings_in,
    holds3,
    kleene_and,
    kleene_not,
    kleene_or,
)
from metasymptoms.core.engine import (
    asked,
    reading,
    treatment_not_given,
    with_implications,
)
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import items, ordered_values
from metasymptoms.reviewing.diagram import Diagrams, Node
from metasymptoms.reviewing.replay import as_answers
from metasymptoms.reviewing.space import UNSET, Facts, Space, Value


def domains(books: Iterable[RuleBook], only: set[str] | None = None) -> list[tuple[str, list[Value]]]:
    """Every finding of the books (or `only` these) with the values worth trying
    (space.Space.domain, which asks each finding's kind), in the order the last book asks
    them: the skip logic reads earlier answers, so diagrams in this order stay small. A
    number's values from both books are merged in order, so a threshold moved between them
    is an interval of its own."""
    books = list(books)
    if only is not None:
        return [(name, values) for name, values in domains(books) if name in only]
    values: dict[str, dict[Value, None]] = {}
    order: dict[str, None] = {}
    for book in books:
        space = Space(Facts(book), [])
        for finding in book.findings:
            values.setdefault(finding.id, {}).update(dict.fromkeys(space.domain(finding.id)))
    for book in reversed(books):
        order.update(dict.fromkeys(question.finding for question in book.questions))
    for book in books:
        order.update(dict.fromkeys(finding.id for finding in book.findings))
    for book in books:  # a choice no question asked is not given: a world of its own
        for finding in book.findings:
            values[finding.id].setdefault(unasked(book, finding.id), None)
    return [(finding, ordered_values(values[finding])) for finding in order]


def unasked(book: RuleBook, finding: str) -> Value:
    """A finding no question asked: not reported (yes/no), else not given."""
    value = kind_of(book.finding(finding)).unasked
    return UNSET if value is None else value


class Reading:
    """What one book makes of every world. `as_asked`: through the questionnaire (a finding
    its skip logic passes over is not reported); otherwise every finding as it is for the
    person, as if every question were asked, and their own answer about a history of cancer
    stands ("not sure" is what they would say, whatever else they report)."""

    def __init__(
        self,
        dd: Diagrams,
        book: RuleBook,
        *,
        as_asked: bool = True,
        cone: set[str] | None = None,
        shared: dict[object, object] | None = None,
    ):
        self.dd, self.book, self.as_asked, self.cone = dd, book, as_asked, cone
        # What the readings of one book over one set of diagrams have in common, whatever
        # their cones: a condition's diagram over the same diagrams of its findings, and the
        # reading of the findings with a role and of each implication.
        self._shared: dict[object, object] = {} if shared is None else shared
        self.gates: dict[str, Node] = {}  # each ask_if's Kleene value on the answers before it
        seen = (
            self._questionnaire() if as_asked else {**self._plain(), **{f: dd.var(f) for f in self._kept()}}
        )
        self.read = self._reading(seen)

    def _plain(self) -> dict[str, Node]:
        """Every finding not reported, as leaves (built once for every cone)."""
        book, dd = self.book, self.dd
        plain: dict[str, Node] = self._once(
            ("plain",), lambda: {finding.id: dd.leaf(unasked(book, finding.id)) for finding in book.findings}
        )
        return dict(plain)

    def _kept(self) -> Iterable[str]:
        """The findings of the cone (every finding of the book when there is none)."""
        return [finding.id for finding in self.book.findings] if self.cone is None else self.cone

    def own(self, finding: str) -> Node:
        """The finding's own value; one the diagrams leave out (a property's cone does not
        hold it) is not reported: the reading restricted to the worlds where it is not."""
        if self.cone is None or finding in self.cone:
            return self.dd.var(finding)
        return self.dd.leaf(unasked(self.book, finding))

    def _questionnaire(self) -> dict[str, Node]:
        """Each finding as the questionnaire gives it: questions in order, each asked when
        its ask_if holds or may hold on the answers before it (engine.asked)."""
        dd, book = self.dd, self.book
        seen = self._plain()
        for question in book.questions:
            if self.cone is not None and question.finding not in self.cone:
                continue  # outside the cone: not reported, asked or not
            own = dd.var(question.finding)
            if question.ask_if is None:
                seen[question.finding] = own
                continue
            gate = self.gates[question.finding] = self.kleene(question.ask_if, seen)
            hidden = unasked(book, question.finding)
            seen[question.finding] = dd.apply(lambda g, v, h=hidden: h if g is False else v, gate, own)
        return seen

    def _reading(self, seen: dict[str, Node]) -> dict[str, Node]:
        """The answers as the rules read them (engine.reading): first what the engine reads
        into the findings with a special role (a history not given, a treatment left out),
        by its own `reading` of those findings' answers, then each implication in the
        book's order."""
        dd, book = self.dd, self.book
        read = dict(seen)
        names = [finding.id for finding in book.findings if getattr(finding, "role", None)]

        def roles_read(*values: object) -> tuple[object, ...]:
            found = self._shared.get(("roles", values))
            if found is None:
                given = _given(zip(names, values, strict=True))
                found = self._shared[("roles", values)] = reading(book, given)  # type: ignore[arg-type]
            assert isinstance(found, dict)
            return tuple(
                own  # the person's own answer stands
                if not self.as_asked and not (isinstance(own, str) and own == UNSET)
                else found.get(name, UNSET)
                for name, own in zip(names, values, strict=True)
            )

        if names:  # all at once: each is read from all of them
            nodes = tuple(seen[name] for name in names)
            together: Node = self._once(
                ("read roles", self.as_asked, nodes), partial(dd.apply, roles_read, *nodes)
            )
            for n, name in enumerate(names):
                read[name] = self._once(
                    ("role", together, n), partial(dd.map, operator.itemgetter(n), together)
                )
        for child, parent in book.implications:

            def implied(c: object, p: object, child: str = child, parent: str = parent) -> object:
                return with_implications(book, _given([(child, c), (parent, p)]), [(child, parent)]).get(
                    parent, p
                )

            pair = (read[child], read[parent])
            read[parent] = self._once(("implied", child, parent, pair), partial(dd.apply, implied, *pair))
        return read

    def _once(self, key: object, make: Callable[[], Any]) -> Any:
        """`make()`, worked out once for every reading that shares these diagrams."""
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def kleene(self, condition: Condition, view: dict[str, Node] | None = None) -> Node:
        """The condition's Kleene value (True, False, None for unknown) on every world."""
        view = self.read if view is None else view
        tested: tuple[str, ...] = self._once(("findings", condition), lambda: findings_in(condition))
        key = ("condition", condition, *(view[finding] for finding in tested))
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = self._compile(condition, view)
        return found  # type: ignore[return-value]

    def _compile(self, condition: Condition, view: dict[str, Node]) -> Node:
        dd = self.dd
        match condition:
            case AllOf(all=parts):
                return dd.fold(kleene_and, True, [self.kleene(part, view) for part in parts])
            case AnyOf(any=parts):
                return dd.fold(kleene_or, False, [self.kleene(part, view) for part in parts])
            case Not(condition=inner):
                return dd.map(kleene_not, self.kleene(inner, view))
            case AtLeast(at_least=needed, of=parts):
                counts = dd.fold(
                    lambda count, value: _count(count, value, needed),
                    (0, 0),
                    [self.kleene(part, view) for part in parts],
                )
                return dd.map(lambda count: at_least_outcome(needed, *count), counts)
        # One finding's test: the engine's own, on that one answer (not given: absent).
        finding = condition.finding
        return dd.map(lambda value: holds3(condition, _given([(finding, value)])), view[finding])

    def holds(self, condition: Condition) -> Node:
        """Whether the condition holds or may hold (conditions.holds): the engine's reading."""
        return self.dd.map(lambda value: value is not False, self.kleene(condition))

    @cached_property
    def urgency(self) -> Node:
        """The rank of the urgency the ending gives (the most urgent item that holds)."""
        ranked = [item for item in items(self.book) if item.rank > 0]
        fired = [self.dd.map(rank_where_holds(item.rank), self.kleene(item.when)) for item in ranked]
        return self.dd.fold(max, 0, fired)

    def possible(self, *, numbers_follow: bool = False) -> Node:
        """Worlds that can be someone's answers: a follow-up reported or "not sure" ("the
        pain feels like a band") with its parent denied ("no back pain") is no one's. A
        number may disagree with the finding it implies ("no" to a fever beside 37.8 °C, read
        as a fever), and a threshold moved between books shows only on such answers; with
        `numbers_follow`, as for a person as they truly are (verify), it may not."""
        book, dd = self.book, self.dd
        checks = [
            dd.apply(_follows(book, child, numbers_follow), self.own(child), self.own(parent))
            for child, parent in book.implications
            if self.cone is None or child in self.cone or parent in self.cone
        ]
        return dd.fold(lambda a, b: a and b, True, checks)


def questionnaire_answers(book: RuleBook, world: dict[str, object]) -> dict[str, Answer]:
    """The answers file a person in this world gives this book's questionnaire: each question
    asked when engine.asked says so; what is not reported or not given left out."""
    answers = given_answers(book, world)
    given = as_answers(answers)  # type: ignore[arg-type]
    treatment = treatment_not_given(book, given)
    if treatment and answers.get(treatment) is False:
        given[treatment] = False  # left out, the engine would read it as "not sure"
    return given


def given_answers(book: RuleBook, world: dict[str, object]) -> dict[str, Answer]:
    """The answers this world gives the questionnaire, a "no" kept as given (the diagrams'
    reading: an answers file leaves a "no" out, and the engine reads a treatment left out
    as "not sure")."""
    answers: dict[str, Answer] = {}
    for question in book.questions:
        value = world.get(question.finding, UNSET)
        if asked(question, answers) and not (isinstance(value, str) and value == UNSET):
            answers[question.finding] = value  # type: ignore[assignment]
    return answers


def _given(pairs: Iterable[tuple[str, object]]) -> dict[str, object]:
    """Answers as the engine takes them: a finding not given is absent."""
    return {finding: value for finding, value in pairs if not (isinstance(value, str) and value == UNSET)}


def _follows(book: RuleBook, child: str, numbers: bool) -> Callable[[object, object], bool]:
    """Whether a follow-up's answer and its parent's can be one person's (Reading.possible)."""
    return lambda c, p: (
        not (
            p is False and (numbers or not isinstance(c, float)) and book.implies_parent(child, c) is not None
        )
    )


def rank_where_holds(rank: int) -> Callable[[object], int]:
    """An item's rank where it holds or may hold, else 0."""
    return lambda value: rank if value is not False else 0


def _count(count: tuple[int, int], value: object, needed: int) -> tuple[int, int]:
    """(parts that hold, parts unknown), each capped at `needed`: beyond it the outcome is
    the same, and the diagram stays small however many parts there are."""
    true, unknown = count
    return min(true + (value is True), needed), min(unknown + (value is None), needed)
