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

from collections.abc import Callable, Iterable
from functools import cached_property

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
from metasymptoms.core.engine import asked, reading, treatment_not_given, with_implications
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import items, ordered_values
from metasymptoms.reviewing.diagram import Diagrams, Node
from metasymptoms.reviewing.replay import as_answers
from metasymptoms.reviewing.space import UNSET, Facts, Space, Value


def domains(books: Iterable[RuleBook]) -> list[tuple[str, list[Value]]]:
    """Every finding of the books with the values worth trying (space.Space.domain, which
    asks each finding's kind), in the order the last book asks them: the skip logic reads
    earlier answers, so diagrams in this order stay small. A number's values from both books
    are merged in order, so a threshold moved between them is an interval of its own."""
    books = list(books)
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

    def __init__(self, dd: Diagrams, book: RuleBook, *, as_asked: bool = True):
        self.dd, self.book, self.as_asked = dd, book, as_asked
        self._memo: dict[tuple[object, ...], Node] = {}
        self._findings: dict[Condition, tuple[str, ...]] = {}
        self.gates: dict[str, Node] = {}  # each ask_if's Kleene value on the answers before it
        seen = self._questionnaire() if as_asked else {f.id: dd.var(f.id) for f in book.findings}
        self.read = self._reading(seen)

    def _questionnaire(self) -> dict[str, Node]:
        """Each finding as the questionnaire gives it: questions in order, each asked when
        its ask_if holds or may hold on the answers before it (engine.asked)."""
        dd, book = self.dd, self.book
        seen = {finding.id: dd.leaf(unasked(book, finding.id)) for finding in book.findings}
        for question in book.questions:
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
        for name in names:

            def role_read(*values: object, name: str = name) -> object:
                own = values[names.index(name)]
                if not self.as_asked and not (isinstance(own, str) and own == UNSET):
                    return own  # the person's own answer stands
                return reading(book, _given(zip(names, values, strict=True))).get(name, UNSET)  # type: ignore[arg-type]

            read[name] = dd.apply(role_read, *(seen[other] for other in names))
        for child, parent in book.implications:

            def implied(c: object, p: object, child: str = child, parent: str = parent) -> object:
                return with_implications(book, _given([(child, c), (parent, p)]), [(child, parent)]).get(
                    parent, p
                )

            read[parent] = dd.apply(implied, read[child], read[parent])
        return read

    def kleene(self, condition: Condition, view: dict[str, Node] | None = None) -> Node:
        """The condition's Kleene value (True, False, None for unknown) on every world."""
        view = self.read if view is None else view
        tested = self._findings.get(condition)
        if tested is None:
            tested = self._findings[condition] = findings_in(condition)
        key = (condition, *(view[finding] for finding in tested))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._compile(condition, view)
        return found

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
        fired = [self.dd.map(_ranked(item.rank), self.kleene(item.when)) for item in ranked]
        return self.dd.fold(max, 0, fired)

    def possible(self, *, numbers_follow: bool = False) -> Node:
        """Worlds that can be someone's answers: a follow-up reported or "not sure" ("the
        pain feels like a band") with its parent denied ("no back pain") is no one's. A
        number may disagree with the finding it implies ("no" to a fever beside 37.8 °C, read
        as a fever), and a threshold moved between books shows only on such answers; with
        `numbers_follow`, as for a person as they truly are (verify), it may not."""
        book, dd = self.book, self.dd
        checks = [
            dd.apply(_follows(book, child, numbers_follow), dd.var(child), dd.var(parent))
            for child, parent in book.implications
        ]
        return dd.fold(lambda a, b: a and b, True, checks)


class Readings:
    """Both books of `rules diff` read over one set of diagrams, and the worlds either
    book could describe."""

    def __init__(self, old: RuleBook, new: RuleBook):
        self.dd = Diagrams(domains([old, new]))
        self.old, self.new = Reading(self.dd, old), Reading(self.dd, new)
        self.possible = self.dd.apply(lambda a, b: a and b, self.old.possible(), self.new.possible())
        self._unasked = {name: unasked(new if _knows(new, name) else old, name) for name in self.dd.names}
        # Findings whose questions always give an answer (a choice): unasked only when skipped.
        spaces = {id(book): Space(Facts(book), []) for book in (old, new)}
        self._never_unasked = {
            name
            for name in self.dd.names
            if self._unasked[name] not in spaces[id(new if _knows(new, name) else old)].domain(name)
        }

    def within(self, node: Node, findings: Iterable[str]) -> Node:
        """The diagram on the worlds where every finding but these is not reported and these
        are answered as their questions take them (a choice is always chosen): None on
        every other world."""
        dd, kept = self.dd, set(findings)
        for name in kept & self._never_unasked:
            unset = self._unasked[name]
            node = dd.apply(
                lambda value, own, unset=unset: None if own == unset else value, node, dd.var(name)
            )
        return dd.restrict(node, {name: value for name, value in self._unasked.items() if name not in kept})

    def cost(self, finding: str, value: object) -> int:
        """What a finding adds to an example: nothing when it is not reported."""
        return 0 if value == self._unasked[finding] and type(value) is type(self._unasked[finding]) else 1

    def everyone(self, world: dict[str, object]) -> dict[str, object]:
        """The world with every finding it does not name not reported."""
        return {**self._unasked, **world}


class BookReadings:
    """One book's reading for `rules verify`: through the questionnaire, and as every finding
    is for the person, over the worlds a person answering every question could be in."""

    def __init__(self, book: RuleBook):
        self.book = book
        self.dd = Diagrams(domains([book]))
        self.asked = Reading(self.dd, book)
        self.world = Reading(self.dd, book, as_asked=False)
        self._unasked = {name: unasked(book, name) for name in self.dd.names}
        space = Space(Facts(book), [])
        # A choice its question always asks is chosen (an answers file may leave it out; the
        # questionnaire never does).
        choices = [name for name in self.dd.names if self._unasked[name] not in space.domain(name)]
        chosen = [self.dd.map(_not_equal(self._unasked[name]), self.dd.var(name)) for name in choices]
        people = [self.asked.possible(numbers_follow=True), *chosen]
        self.people = self.dd.fold(lambda a, b: a and b, True, people)

    def example(self, node: Node) -> dict[str, object] | None:
        """The plainest world where the diagram is true (fewest findings given), among
        the worlds a person could be in, or None."""
        # The plainest world of the diagram alone is nearly always someone's: read it first,
        # and combine with every person's constraints (a diagram of the whole book) only if not.
        plain = self.dd.cheapest(node, lambda value: value is True, self.cost)
        if plain is None:
            return None
        if self.dd.evaluate(self.people, self.everyone(plain)):
            return self.everyone(plain)
        region = self.dd.apply(lambda value, person: value is True and person, node, self.people)
        world = self.dd.cheapest(region, lambda value: value is True, self.cost)
        return None if world is None else self.everyone(world)

    def cost(self, finding: str, value: object) -> int:
        return 0 if value == self._unasked[finding] and type(value) is type(self._unasked[finding]) else 1

    def everyone(self, world: dict[str, object]) -> dict[str, object]:
        """The world with every finding it does not name not reported."""
        return {**self._unasked, **world}


_LAST: list[BookReadings] = []


def book_readings(book: RuleBook) -> BookReadings:
    """The readings of this book, compiled once for all the proofs of one run."""
    if not _LAST or _LAST[0].book is not book:
        _LAST[:] = [BookReadings(book)]
    return _LAST[0]


def questionnaire_answers(book: RuleBook, world: dict[str, object]) -> dict[str, Answer]:
    """The answers file a person in this world gives this book's questionnaire: each question
    asked when engine.asked says so; what is not reported or not given left out."""
    answers: dict[str, Answer] = {}
    for question in book.questions:
        value = world.get(question.finding, UNSET)
        if asked(question, answers) and not (isinstance(value, str) and value == UNSET):
            answers[question.finding] = value  # type: ignore[assignment]
    given = as_answers(answers)  # type: ignore[arg-type]
    treatment = treatment_not_given(book, given)
    if treatment and answers.get(treatment) is False:
        given[treatment] = False  # left out, the engine would read it as "not sure"
    return given


def _knows(book: RuleBook, finding: str) -> bool:
    try:
        book.finding(finding)
    except KeyError:
        return False
    return True


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


def _not_equal(unset: object) -> Callable[[object], bool]:
    return lambda value: value != unset


def _ranked(rank: int) -> Callable[[object], int]:
    """An item's rank where it holds or may hold, else 0."""
    return lambda value: rank if value is not False else 0


def _count(count: tuple[int, int], value: object, needed: int) -> tuple[int, int]:
    """(parts that hold, parts unknown), each capped at `needed`: beyond it the outcome is
    the same, and the diagram stays small however many parts there are."""
    true, unknown = count
    return min(true + (value is True), needed), min(unknown + (value is None), needed)
