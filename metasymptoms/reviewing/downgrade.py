"""No silent downgrade (a property of `rules verify`): reporting one more finding never
lowers the urgency, except for the findings book.yaml declares with a reason. Searched on the
book's decision diagrams, restricted once to the finding not reported and once to it reported."""

from __future__ import annotations

import operator
from collections.abc import Iterator

from metasymptoms.core.conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    Condition,
    Not,
    Reported,
    findings_in,
    holds,
)
from metasymptoms.core.engine import assess, reading
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import Item, items
from metasymptoms.reviewing.compiled import given_answers, questionnaire_answers
from metasymptoms.reviewing.cones import BookReadings, book_readings
from metasymptoms.reviewing.diagram import Node
from metasymptoms.reviewing.space import Facts, Space, World
from metasymptoms.reviewing.verify import Failure


def signs(condition: Condition, finding: str) -> set[int]:
    """How the condition depends on a yes/no finding: +1 where reporting it can only help the
    condition hold, -1 where it can make it fail (under a `not`, or tested any other way)."""
    match condition:
        case Reported(finding=name):
            return {1} if name == finding else set()
        case Not(condition=inner):
            return {-sign for sign in signs(inner, finding)}
        case AllOf(all=parts) | AnyOf(any=parts) | AtLeast(of=parts):
            return set().union(*(signs(part, finding) for part in parts))
    return {1, -1} if finding in findings_in(condition) else set()


def effect(
    space: Space, condition: Condition, finding: str, known: dict[str, set[int]] | None = None
) -> set[int]:
    """How reporting a yes/no finding can change whether `condition` holds on the
    questionnaire's answers: directly (`signs`), and through each question whose ask_if
    tests it: opening a question shows its answer, which acts as reporting that finding."""
    known = {} if known is None else known
    if finding not in known:
        found = set(signs(condition, finding))
        for gated in space.variables:
            gate = space.ask_if.get(gated)
            if gate is None or finding not in findings_in(gate):
                continue
            through = effect(space, condition, gated, known)
            found |= {opens * acts for opens in signs(gate, finding) for acts in through}
        known[finding] = found
    return known[finding]


def downgrades(book: RuleBook) -> Iterator[tuple[str, Item, dict[str, Answer], dict[str, Answer]]]:
    """For each finding whose report can lower the urgency (and is not declared to), the
    item that stops counting and the answers before and after: (finding, item, before, after).

    A lowering means some item X fires without the finding while, with it, nothing at least
    as urgent as X fires. X must depend on the finding through a `not` (see `effect`), and
    reporting the finding must be able to stop X on its own: both are read first, on X's
    own small diagram. Only then are the other items at least as urgent as X read, each
    only once a world shows it firing (`_stopped`)."""
    allowed = {entry.finding for entry in book.info.lowers_urgency_when_reported} if book.info else set()
    facts = Facts(book)
    ranked = [item for item in items(book) if item.rank > 0]
    cones = [Space(facts, [item.when]) for item in ranked]
    holding: dict[str, list[int]] = {}  # finding -> the items whose cone holds it, in order
    for n, cone in enumerate(cones):
        for variable in cone.variables:
            holding.setdefault(variable, []).append(n)
    higher = {rank: [other for other in ranked if other.rank >= rank] for rank in {i.rank for i in ranked}}
    whole = book_readings(book)
    quiet = _Quiet(book, ranked)
    for finding in book.findings:
        # Searched where yes (True) is one of the kind's values: a yes/no finding ("which of
        # these" is searched by its combinations, not one yes, so it is not checked here).
        yes_no = True in kind_of(finding).representatives(finding, [])
        if not yes_no or finding.id in allowed or finding.id not in facts.question:
            continue
        for n in holding.get(finding.id, ()):
            item, cone = ranked[n], cones[n]
            if -1 not in effect(cone, item.when, finding.id):
                continue
            if not _may_drop(whole, finding.id, item, higher[item.rank], quiet):
                continue
            found = _stopped(whole, book, finding.id, item, higher[item.rank], quiet)
            if found is not None:
                before, after = found
                yield (
                    finding.id,
                    item,
                    questionnaire_answers(book, before),
                    questionnaire_answers(book, after),
                )
                break  # one counterexample a finding is enough to act on


def _may_drop(whole: BookReadings, finding: str, item: Item, higher: list[Item], reads: _Quiet) -> bool:
    """For `at_least` N of many parts (the combination "two ambers make a red"), whether
    some answers may show a lowering: reporting the finding leaves fewer of the parts it can
    stop (`_stops`) holding or maybe holding (the others never hold less), while no item at
    least as urgent that a world found shows firing fires. Read over the cones of those parts
    and items alone: every lowering is such a world there, so where there is none there is
    none, and `_stopped` need not read every part. Any other item, or a finding that can
    stop every part: True."""
    condition = item.when
    if not (isinstance(condition, AtLeast) and len(condition.of) > condition.at_least):
        return True
    parts = [
        part
        for part, cone in reads.part_cones(whole, condition)
        if finding in cone and _stops(whole, finding, part)
    ]
    if not parts:
        return False
    if len(parts) == len(condition.of):  # no smaller cone to read: `_stopped` reads it
        return True
    without, with_ = {finding: False}, {finding: True}
    quiet: list[Item] = []
    while True:
        readings = whole.cone(
            [
                finding,
                *(f for part in parts for f in findings_in(part)),
                *(f for q in quiet for f in findings_in(q.when)),
            ]
        )
        dd, asked = readings.dd, readings.asked
        drops = [
            dd.apply(
                lambda before, after: int(before) - int(after),
                dd.restrict(asked.holds(part), without),
                dd.restrict(asked.holds(part), with_),
            )
            for part in parts
        ]
        still = dd.fold(lambda a, b: a or b, False, [asked.holds(other.when) for other in quiet])
        region = dd.apply(
            lambda fewer, stays, person_before, person_after: (
                fewer > 0 and not stays and person_before and person_after
            ),
            dd.fold(operator.add, 0, drops),
            dd.restrict(still, with_),
            dd.restrict(readings.people, without),
            dd.restrict(readings.people, with_),
        )
        world = dd.cheapest(region, lambda value: value is True, readings.cost)
        if world is None:
            return False
        firing = [
            other
            for other in reads.firing({**readings.everyone(world), **with_}, higher, quiet)
            if other is not item
        ]
        if not firing:
            return True
        quiet += firing


def _stops(whole: BookReadings, finding: str, part: Condition) -> bool:
    """Whether reporting the finding can stop one part from holding or maybe holding, on
    answers a person could give both ways: read over the part's own cone."""
    readings = whole.cone([finding, *findings_in(part)])
    holding = readings.asked.holds(part)
    return True in readings.dd.leaves(_dropped(readings, finding, holding, holding))


def _dropped(readings: BookReadings, finding: str, before: Node, after: Node) -> Node:
    """Where `before` holds without the finding reported and `after` does not with it, for a
    person who could give both answers: the one search both _stops and _lowering read."""
    dd, people = readings.dd, readings.people
    without, with_ = {finding: False}, {finding: True}
    return dd.apply(
        lambda fired, still, person_before, person_after: (
            fired and not still and person_before and person_after
        ),
        dd.restrict(before, without),
        dd.restrict(after, with_),
        dd.restrict(people, without),
        dd.restrict(people, with_),
    )


class _Quiet:
    """What the downgrade search reads once a run: which items hold on the answers of a
    world found (`_stopped`), and the cone of each part of an `at_least`. An item whose
    findings all read as they do with nothing more reported holds as it does there, so only
    the items that read a finding read otherwise are evaluated."""

    def __init__(self, book: RuleBook, ranked: list[Item]):
        self.book = book
        self.base = reading(book, given_answers(book, book_readings(book).everyone({})))
        self.on_base = {id(item) for item in ranked if holds(item.when, self.base)}
        self._parts: dict[AtLeast, list[tuple[Condition, set[str]]]] = {}
        self.testing: dict[str, list[Item]] = {}
        for item in ranked:
            for f in findings_in(item.when):
                self.testing.setdefault(f, []).append(item)

    def part_cones(self, whole: BookReadings, condition: AtLeast) -> list[tuple[Condition, set[str]]]:
        """Each part of an `at_least` with its cone of influence, worked out once a run."""
        if condition not in self._parts:
            self._parts[condition] = [(part, whole.links.cone(findings_in(part))) for part in condition.of]
        return self._parts[condition]

    def firing(self, world: World, among: list[Item], quiet: list[Item]) -> list[Item]:
        read = reading(self.book, given_answers(self.book, world))
        changed = {
            f
            for f in read.keys() | self.base.keys()
            if _key(read.get(f, _ABSENT)) != _key(self.base.get(f, _ABSENT))
        }
        candidates = {id(item) for f in changed for item in self.testing.get(f, ())} | self.on_base
        return [
            other
            for other in among
            if id(other) in candidates and other not in quiet and holds(other.when, read)
        ]


_ABSENT = object()


def _key(value: object) -> tuple[type, object]:
    return type(value), value


def _stopped(
    whole: BookReadings, book: RuleBook, finding: str, item: Item, higher: list[Item], reads: _Quiet
) -> tuple[World, World] | None:
    """The plainest world where `item` fires without the finding reported and nothing of
    `higher` (the items at least as urgent) fires with it: (without, with); None if none.

    Read over the cone of the item, the finding and the items that must stay quiet, which
    start as the item alone and grow by each item a world found shows firing (the engine's
    own reading of that world): a world with none firing is a real lowering, and no world
    over some of the conditions means none over all of them."""
    quiet = [item]
    while True:
        readings = whole.cone([finding, *(f for other in quiet for f in findings_in(other.when))])
        dd = readings.dd
        fires = readings.asked.holds(item.when)
        still = dd.fold(lambda a, b: a or b, False, [readings.asked.holds(other.when) for other in quiet])
        found = _lowering(readings, finding, fires, still)
        if found is None:
            return None
        firing = reads.firing(found[1], higher, quiet)
        if not firing:
            return found
        quiet += firing


def _lowering(readings: BookReadings, finding: str, before: Node, after: Node) -> tuple[World, World] | None:
    """The plainest world where `before` is true without the finding reported and `after`
    is false with it: (without, with); None if there is none."""
    lowered = _dropped(readings, finding, before, after)
    world = readings.dd.cheapest(lowered, lambda value: value is True, readings.cost)
    if world is None:
        return None
    everyone = readings.everyone(world)
    return {**everyone, finding: False}, {**everyone, finding: True}


def downgrade_failures(book: RuleBook) -> Iterator[Failure]:
    """Reporting one more finding never lowers the urgency, except for the findings that
    book.yaml declares with a reason (`lowers_urgency_when_reported`)."""
    for finding, item, before, after in downgrades(book):
        was, now = assess(book, before).urgency, assess(book, after).urgency
        yield Failure(
            "no-silent-downgrade",
            finding,
            f"reporting '{finding}' lowers the urgency from {was.value} to {now.value} "
            f"('{item.id}' no longer counts); add '{finding}: yes' to the answers below to see it. "
            "If that is meant, declare it with its reason under lowers_urgency_when_reported in book.yaml",
            before,
        )
