"""Cones of influence: each property of `rules verify` and `rules diff` read over the
findings it depends on (compiled.Reading restricted to them), all the cones of one run
sharing one table of diagrams, so a book ten times larger costs ten times as many small
diagrams rather than one diagram of every answer (docs/proofs.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from metasymptoms.core.conditions import findings_in
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import knows
from metasymptoms.reviewing.compiled import Reading, domains, not_given, unasked
from metasymptoms.reviewing.diagram import Diagrams, Node
from metasymptoms.reviewing.replay import read_into
from metasymptoms.reviewing.space import Facts, Space


class Links:
    """Which findings a finding's reading depends on directly (`cone`), read once for
    the many cones of one run."""

    def __init__(self, books: Iterable[RuleBook]):
        books = list(books)
        self.roles = {f.id for book in books for f in book.findings if getattr(f, "role", None)}
        self.linked: dict[str, set[str]] = {}
        for book in books:
            for question in book.questions:
                if question.ask_if is not None:
                    self.linked.setdefault(question.finding, set()).update(findings_in(question.ask_if))
            for child, parent in book.implications:
                self.linked.setdefault(child, set()).add(parent)
                self.linked.setdefault(parent, set()).add(child)
        # Verify's cones (one book) read alike follow-ups once (`cone`'s `alike_once`).
        self.alike: dict[str, list[tuple[str, ...]]] = _alike(books[0]) if len(books) == 1 else {}
        self._not_through = {
            parent: {m for group in groups for m in group} for parent, groups in self.alike.items()
        }

    def cone(self, findings: Iterable[str], *, alike_once: bool = False) -> set[str]:
        """The cone of influence of these findings: they, the findings that open their
        questions (ask_if), the findings they imply or that imply them, and, with any finding
        that has a special role, every such finding (the engine reads them together). What the
        engine makes of these findings depends on nothing else, so a property of them is
        decided over them alone, whatever every other finding is.

        With `alike_once`, follow-ups of one finding that differ in nothing but their name
        (`_alike`: same kind, same ask_if, nothing else reads them) are reached through that
        finding as one: the first of them not among `findings` stands for the others. What
        they tell the rules is what they imply, and any answers to all of them imply the
        same as one answer to it, so a property holds over this cone exactly when it holds
        over the whole one; a book whose copies' treatment follow-ups all imply the one
        recent treatment keeps each cone the size of its own findings."""
        base = set(findings)
        cone: set[str] = set()
        todo = list(base)
        while todo:
            while todo:
                finding = todo.pop()
                if finding in cone:
                    continue
                cone.add(finding)
                linked = self.linked.get(finding, set())
                todo.extend(
                    linked - self._not_through[finding]
                    if alike_once and finding in self._not_through
                    else linked
                )
                if finding in self.roles:
                    todo.extend(self.roles)
            if alike_once:  # one stands for each group of alike follow-ups the cone reaches
                standing = (
                    next(member for member in group if member not in base)
                    for parent in cone.intersection(self.alike)
                    for group in self.alike[parent]
                    if not base.issuperset(group)
                )
                todo = [member for member in standing if member not in cone]
        return cone


def _alike(book: RuleBook) -> dict[str, list[tuple[str, ...]]]:
    """For each finding, its follow-ups in groups (of two or more, in the order asked) that
    only their names tell apart: each implies nothing but that finding and is implied by
    none, has no role, is asked under the same ask_if with the same values to try, and no
    ask_if reads it. Whatever else a cone holds, one of a group does all the group can."""
    facts = Facts(book)
    space = Space(facts, [])
    gating = {f for question in book.questions if question.ask_if for f in findings_in(question.ask_if)}
    implying: dict[str, list[str]] = {}
    for child, parent in book.implications:
        implying.setdefault(parent, []).append(child)
    found: dict[str, list[tuple[str, ...]]] = {}
    for parent, children in implying.items():
        groups: dict[object, list[str]] = {}
        for child in children:
            finding = book.finding(child)
            if finding.role or child in implying or child in gating or child not in facts.question:
                continue
            key = (tuple(map(repr, space.domain(child))), facts.ask_if[child], finding.implies_from)
            groups.setdefault(key, []).append(child)
        alike = [
            tuple(sorted(group, key=facts.position.__getitem__))
            for group in groups.values()
            if len(group) > 1
        ]
        if alike:
            found[parent] = alike
    return found


class Readings:
    """Both books of `rules diff` read over one set of diagrams, and the worlds either
    book could describe. A finding a group leaves out is left out of its answers file, so
    the diagrams read it as the engine reads it left out (replay.read_into): a treatment
    left out by a person who may have cancer is "not sure", as the file replays it."""

    def __init__(
        self,
        old: RuleBook,
        new: RuleBook,
        findings: Iterable[str] | None = None,
        *,
        whole: Readings | None = None,
        flipped: bool = False,
    ):
        self.books = (old, new)
        if whole is None:
            self._left_out = {id(book): read_into(book) for book in (old, new)}
            self._domains = domains([old, new], left_out=[self._left_out[id(book)] for book in (old, new)])
            self._unasked = {
                name: not_given(book, name, self._left_out[id(book)])
                for name, _ in self._domains
                for book in [new if knows(new, name) else old]
            }
            # Findings whose questions always give an answer (a choice): unasked only when skipped.
            spaces = {id(book): Space(Facts(book), []) for book in (old, new)}
            self._never_unasked = {
                name
                for name in self._unasked
                if self._unasked[name] not in spaces[id(new if knows(new, name) else old)].domain(name)
            }
            self.dd = Diagrams(self._domains)
            self._shared: tuple[dict[object, object], ...] = ({}, {})  # each book's (Reading)
            self.links: Links = Links([old, new])
        else:  # read once for the whole books, shared by every cone
            self._domains, self._unasked, self._never_unasked, self._left_out = (
                whole._domains,
                whole._unasked,
                whole._never_unasked,
                whole._left_out,
            )
            self.dd, self._shared = whole.dd, whole._shared  # one set of diagrams for every cone
            if flipped:  # each book keeps its own readings
                self._shared = (whole._shared[1], whole._shared[0])
            self.links = whole.links
        self.kept = None if findings is None else set(findings)  # the cone's (None: every finding)
        self._over: dict[frozenset[str], Readings] = {}

    @cached_property
    def old(self) -> Reading:
        book = self.books[0]
        return Reading(
            self.dd, book, cone=self.kept, shared=self._shared[0], left_out=self._left_out[id(book)]
        )

    @cached_property
    def new(self) -> Reading:
        book = self.books[1]
        return Reading(
            self.dd, book, cone=self.kept, shared=self._shared[1], left_out=self._left_out[id(book)]
        )

    @cached_property
    def possible(self) -> Node:
        return self.dd.apply(lambda a, b: a and b, self.old.possible(), self.new.possible())

    def over(self, findings: Iterable[str]) -> Readings:
        """Both books read over the worlds where every finding but these is not reported:
        the diagrams of the whole books restricted so (`within`), built over these findings
        alone, so their size follows what an edit touches, not the size of the books."""
        key = frozenset(findings)
        if key not in self._over:
            self._over[key] = Readings(*self.books, key, whole=self)
        return self._over[key]

    def flipped(self) -> Readings:
        """Both books the other way round (the new one read as the old), sharing every
        diagram: a raise of the urgency is a lowering of the flipped books (Pair.flipped)."""
        return Readings(self.books[1], self.books[0], self.kept, whole=self, flipped=True)

    def within(self, node: Node, findings: Iterable[str]) -> Node:
        """The diagram on the worlds where every finding but these is not reported and these
        are answered as their questions take them (a choice is always chosen): None on
        every other world."""
        dd, kept = self.dd, set(findings)
        for name in kept & self._never_unasked:
            unset = self._unasked[name]
            node = dd.apply(
                lambda value, own, unset=unset: None if own == unset else value,
                node,
                dd.var(name),
            )
        return dd.restrict(
            node,
            {name: value for name, value in self._unasked.items() if name not in kept and name in dd.level},
        )

    def cost(self, finding: str, value: object) -> int:
        """What a finding adds to an example: nothing when it is not reported."""
        return 0 if value == self._unasked[finding] and type(value) is type(self._unasked[finding]) else 1

    def everyone(self, world: dict[str, object]) -> dict[str, object]:
        """The world with every finding it does not name not reported."""
        return {**self._unasked, **world}


class BookReadings:
    """One book's reading for `rules verify`: through the questionnaire, and as every finding
    is for the person, over the worlds a person answering every question could be in.

    Built for the whole book, or (`cone`) for the cone of influence of some findings: a
    property of those findings holds on every world when it holds on every world of its
    cone, so each property is decided over diagrams the size of its own findings."""

    def __init__(
        self,
        book: RuleBook,
        findings: set[str] | None = None,
        *,
        whole: BookReadings | None = None,
    ):
        self.book = book
        if whole is None:
            self._domains = domains([book])
            self._unasked = {name: unasked(book, name) for name, _ in self._domains}
            space = Space(Facts(book), [])
            # A choice its question always asks is chosen (an answers file may leave it out;
            # the questionnaire never does): outside a cone, its first choice.
            self._choices = {
                name: values[0]
                for name, values in self._domains
                if self._unasked[name] not in space.domain(name)
            }
            self.dd = Diagrams(self._domains)
            self._shared: dict[object, object] = {}
            self.links: Links = Links([book])
        else:  # read once for the whole book, shared by every cone
            self.links = whole.links
            self._domains, self._unasked, self._choices = (
                whole._domains,
                whole._unasked,
                whole._choices,
            )
            self.dd, self._shared = whole.dd, whole._shared  # one set of diagrams for every cone
        self._plain = {**self._unasked, **self._choices}
        self.kept = findings  # the cone's findings (None: the whole book)
        self._cones: dict[frozenset[str], BookReadings] = {}

    def cone(self, findings: Iterable[str]) -> BookReadings:
        """The readings over the cone of influence of these findings (Links.cone)."""
        key = frozenset(self.links.cone(findings, alike_once=True))
        if key not in self._cones:
            self._cones[key] = BookReadings(self.book, set(key), whole=self)
        return self._cones[key]

    @cached_property
    def asked(self) -> Reading:
        return Reading(self.dd, self.book, cone=self.kept, shared=self._shared)

    @cached_property
    def world(self) -> Reading:
        return Reading(self.dd, self.book, as_asked=False, cone=self.kept, shared=self._shared)

    @cached_property
    def people(self) -> Node:
        kept = self._choices if self.kept is None else [name for name in self.kept if name in self._choices]
        chosen = [self.dd.map(_not_equal(self._unasked[name]), self.dd.var(name)) for name in kept]
        return self.dd.fold(
            lambda a, b: a and b,
            True,
            [self.asked.possible(numbers_follow=True), *chosen],
        )

    def example(self, node: Node) -> dict[str, object] | None:
        """The plainest world where the diagram is true (fewest findings given), among
        the worlds a person could be in, or None."""
        region = self.dd.apply(lambda value, person: value is True and person, node, self.people)
        world = self.dd.cheapest(region, lambda value: value is True, self.cost)
        return None if world is None else self.everyone(world)

    def cost(self, finding: str, value: object) -> int:
        return 0 if value == self._unasked[finding] and type(value) is type(self._unasked[finding]) else 1

    def everyone(self, world: dict[str, object]) -> dict[str, object]:
        """The world with every finding it does not name not reported (a choice outside
        the diagrams: its first)."""
        return {**self._plain, **world}


_LAST: list[BookReadings] = []


def book_readings(book: RuleBook) -> BookReadings:
    """The readings of this book, compiled once for all the proofs of one run."""
    if not _LAST or _LAST[0].book is not book:
        _LAST[:] = [BookReadings(book)]
    return _LAST[0]


def _not_equal(unset: object) -> Callable[[object], bool]:
    return lambda value: value != unset
