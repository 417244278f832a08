"""The engine's reading of a rule book, compiled into decision diagrams (diagram.py) over
every world at once: what the questionnaire asks, what the rules read of each answer, whether
each condition holds, and the urgency.

Nothing here redefines the engine. Each step calls the engine's own function on the values
a diagram's leaves hold: a single finding's test is `conditions.holds3` on that one answer;
`all`, `any`, `not` and `at_least` combine with Kleene's functions of conditions.py; the
skip logic is `engine.asked`'s reading of an ask_if; the history of cancer is read by
`engine.reading`, and each implication by `unsaid.with_implications`. The tests compare the
diagrams with `engine.assess` on random and boundary answers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
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
from metasymptoms.core.engine import asked, reading
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import Question, RuleBook
from metasymptoms.core.unsaid import with_implications
from metasymptoms.reviewing.behaviour import items, ordered_values
from metasymptoms.reviewing.diagram import Diagrams, Node
from metasymptoms.reviewing.implication_groups import Group, by_follow_up, implication_groups
from metasymptoms.reviewing.replay import answers_file, kind_left_out
from metasymptoms.reviewing.space import UNSET, Facts, Space, Value


def domains(
    books: Iterable[RuleBook], *, left_out: Sequence[frozenset[str]] | None = None
) -> list[tuple[str, list[Value]]]:
    """Every finding of the books with the values worth trying
    (space.Space.domain, which asks each finding's kind), in the order the last book asks
    them: the skip logic reads earlier answers, so diagrams in this order stay small. A
    number's values from both books are merged in order, so a threshold moved between them
    is an interval of its own. With `left_out` (each book's `read_into`, in the books' order),
    a finding the engine reads something into may be not given."""
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
    # a choice no question asked is not given: a world of its own
    for book, read in zip(books, left_out or [frozenset[str]()] * len(books), strict=True):
        for finding in book.findings:
            values[finding.id].setdefault(not_given(book, finding.id, read), None)
    return [(finding, ordered_values(values[finding])) for finding in order]


def unasked(book: RuleBook, finding: str) -> Value:
    """A finding no question asked: not reported (yes/no), else not given."""
    value = kind_of(book.finding(finding)).unasked
    return UNSET if value is None else value


def not_given(book: RuleBook, finding: str, read: frozenset[str]) -> Value:
    """Left out, among `read` (replay.read_into): not given, for the engine to read; else `unasked`."""
    return UNSET if finding in read else unasked(book, finding)


class Reading:
    """What one book makes of every world. `as_asked`: through the questionnaire (a finding
    its skip logic passes over is not reported); otherwise every finding as it is for the
    person, as if every question were asked, and their own answer about a history of cancer
    stands ("not sure" is what they would say, whatever else they report).
    `left_out` (replay.read_into): left out where not asked or outside the cone, as in
    `rules diff`'s answers files; verify's worlds answer every question (none: "no")."""

    def __init__(
        self,
        dd: Diagrams,
        book: RuleBook,
        *,
        as_asked: bool = True,
        cone: set[str] | None = None,
        shared: dict[object, object] | None = None,
        left_out: frozenset[str] = frozenset(),
    ):
        self.dd, self.book, self.as_asked, self.cone = dd, book, as_asked, cone
        self.left_out = left_out
        # What the readings of one book over one set of diagrams have in common, whatever
        # their cones: a condition's diagram over the same diagrams of its findings, and the
        # reading of the findings with a role and of each implication.
        self._shared: dict[object, object] = {} if shared is None else shared
        self.gates: dict[str, Node] = {}  # each ask_if's Kleene value on the answers before it
        if as_asked:
            seen = self._questionnaire()
        else:
            seen = self._view()
            seen.update((finding, dd.var(finding)) for finding in self._kept())
        self.read = self._reading(seen)

    def _view(self) -> _View:
        """Every finding not reported: the leaves of every finding, built once for every
        cone and read through, never copied, so a cone's reading costs the size of the
        cone, not of the book."""
        book, dd = self.book, self.dd
        plain: dict[str, Node] = self._once(
            ("plain", self.left_out),
            lambda: {finding.id: dd.leaf(self._absent(finding.id)) for finding in book.findings},
        )
        return _View(plain)

    def _kept(self) -> Iterable[str]:
        """The findings of the cone (every finding of the book when there is none)."""
        return [finding.id for finding in self.book.findings] if self.cone is None else self.cone

    def _questions(self) -> Iterable[Question]:
        """The questions about the cone's findings, in the book's order (every question when
        there is no cone)."""
        if self.cone is None:
            return self.book.questions
        place: dict[str, tuple[int, Question]] = self._once(
            ("questions",), lambda: {q.finding: (n, q) for n, q in enumerate(self.book.questions)}
        )
        return [question for _, question in sorted(place[f] for f in self.cone if f in place)]

    def _groups(self) -> list[Group]:
        """The groups of implications that share a finding with the cone (every group when
        there is none). A group is read whole: an implication outside the cone may carry
        what one inside it implies on to a third finding. One that shares no finding with
        the cone changes nothing the cone's conditions read."""
        groups: list[Group] = self._once(("groups",), lambda: implication_groups(self.book))
        if self.cone is None:
            return groups
        at: dict[str, int] = self._once(("group of",), lambda: {f: g.n for g in groups for f in g.findings})
        return [self._within(groups[n]) for n in sorted({at[f] for f in self.cone if f in at})]

    def _within(self, group: Group) -> Group:
        """The group's implications whose follow-up the cone holds, when every follow-up
        outside it implies nothing (not reported): the others change nothing, so a cone
        reads the implications of its own findings, not all of a group (cones.Links.cone
        leaves out follow-ups alike to one it holds)."""
        assert self.cone is not None
        book = self.book
        by_child: dict[str, list[int]] | None = self._once(
            ("links by follow-up", group.n),
            lambda: (
                None
                if any(book.implies_parent(c, unasked(book, c)) is not None for c, _ in group.links)
                else by_follow_up(group)
            ),
        )
        if by_child is None:
            return group
        return group.narrowed(
            sorted(n for child in self.cone.intersection(by_child) for n in by_child[child])
        )

    def own(self, finding: str) -> Node:
        """The finding's own value; one the diagrams leave out (a property's cone does not
        hold it) is not reported: the reading restricted to the worlds where it is not."""
        if self.cone is None or finding in self.cone:
            return self.dd.var(finding)
        return self.dd.leaf(self._absent(finding))

    def _absent(self, finding: str) -> Value:
        """A finding no question asked, or outside the cone (`left_out`)."""
        return not_given(self.book, finding, self.left_out)

    def _questionnaire(self) -> _View:
        """Each finding as the questionnaire gives it: questions in order, each asked when
        its ask_if holds or may hold on the answers before it (engine.asked)."""
        dd = self.dd
        seen = self._view()
        for question in self._questions():  # outside the cone: not reported, asked or not
            own = dd.var(question.finding)
            if question.ask_if is None:
                seen[question.finding] = own
                continue
            gate = self.gates[question.finding] = self.kleene(question.ask_if, seen)
            hidden = self._absent(question.finding)
            seen[question.finding] = self._once(
                ("asked", question.finding, gate),
                partial(dd.apply, lambda g, v, h=hidden: h if g is False else v, gate, own),
            )
        return seen

    def _reading(self, seen: _View) -> _View:
        """The answers as the rules read them (engine.reading): first what the engine reads
        into the findings with a special role (a history not given, a treatment left out),
        by its own `reading` of those findings' answers, then each implication in the
        book's order, then the kinds of a treatment left out (`_kinds`)."""
        dd, book = self.dd, self.book
        read = seen  # built for this reading alone
        names: list[str] = self._once(
            ("role names",),
            lambda: [finding.id for finding in book.findings if getattr(finding, "role", None)],
        )

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
        for group in self._groups():  # each group of implications in the book's order
            before = tuple(read[finding] for finding in group.findings)
            after: tuple[Node, ...] = self._once(
                ("implied", group.n, group.findings, before), partial(self._implied, group, before)
            )
            read.update(zip(group.findings, after, strict=True))
        self._kinds(read)
        return read

    def _kinds(self, read: _View) -> None:
        """Each kind of treatment left out (`left_out`), from the treatment as the engine reads
        it (replay.kind_left_out). Each on its own: read with the roles, their product made
        `rules diff` fourteen times slower."""
        book, treatment = self.book, self.book.role("recent_treatment")
        for kind in book.implying.get(treatment, ()) if treatment else ():
            if kind in self.left_out:
                nodes = (read[kind], read[str(treatment)])
                how = partial(kind_left_out, book, kind)
                read[kind] = self._once(("kind", kind, *nodes), partial(self.dd.apply, how, *nodes))

    def _implied(self, group: Group, before: tuple[Node, ...]) -> tuple[Node, ...]:
        """The findings of one group of implications as the engine reads them
        (unsaid.with_implications), from their diagrams before."""
        book, dd = self.book, self.dd
        read = dict(zip(group.findings, before, strict=True))
        for child, parent in group.links:

            def implied(c: object, p: object, child: str = child, parent: str = parent) -> object:
                return with_implications(book, _given([(child, c), (parent, p)]), [(child, parent)]).get(
                    parent, p
                )

            read[parent] = dd.apply(implied, read[child], read[parent])
        return tuple(read[finding] for finding in group.findings)

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
        kleene = self.kleene(condition)
        return self._once(("holds", kleene), partial(self.dd.map, _may_hold, kleene))  # type: ignore[no-any-return]

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
        checks: list[Node] = []
        for group in self._groups():  # alike in every cone that holds the group whole
            own = tuple(self.own(finding) for finding in group.findings)
            key = ("possible", group.n, group.findings, numbers_follow, own)
            checks.append(self._once(key, partial(self._follow, group, own, numbers_follow)))
        return self.dd.fold(lambda a, b: a and b, True, checks)

    def _follow(self, group: Group, own: tuple[Node, ...], numbers_follow: bool) -> Node:
        """Whether each follow-up of one group of implications and its parent can be one
        person's (`possible`), from the findings' own diagrams."""
        dd, alike = self.dd, dict(zip(group.findings, own, strict=True))
        checks = [
            dd.apply(_follows(self.book, child, numbers_follow), alike[child], alike[parent])
            for child, parent in group.links
        ]
        return dd.fold(lambda a, b: a and b, True, checks)


def questionnaire_answers(book: RuleBook, world: dict[str, object]) -> dict[str, Answer]:
    """The answers file a person in this world gives this book's questionnaire: each question
    asked when engine.asked says so; what is not reported or not given left out, but for a
    "no" that left out would read as "not sure"."""
    return answers_file(book, given_answers(book, world))


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


class _View(dict[str, Node]):
    """Each finding's diagram in one reading: those of its cone as the reading builds them,
    any other read through from the leaves every reading shares (not reported)."""

    def __init__(self, plain: dict[str, Node]):
        super().__init__()
        self._plain = plain

    def __missing__(self, finding: str) -> Node:
        return self._plain[finding]


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


def _may_hold(value: object) -> bool:
    return value is not False


def rank_where_holds(rank: int) -> Callable[[object], int]:
    """An item's rank where it holds or may hold, else 0."""
    return lambda value: rank if value is not False else 0


def _count(count: tuple[int, int], value: object, needed: int) -> tuple[int, int]:
    """(parts that hold, parts unknown), each capped at `needed`: beyond it the outcome is
    the same, and the diagram stays small however many parts there are."""
    true, unknown = count
    return min(true + (value is True), needed), min(unknown + (value is None), needed)
