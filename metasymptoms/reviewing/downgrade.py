"""No silent downgrade (a property of `rules verify`): reporting one more finding never
lowers the urgency, except for the findings book.yaml declares with a reason. Searched as one
book seen twice, with the finding not reported and reported (behaviour.Joint)."""

from __future__ import annotations

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
    whole = book_readings(book)
    for finding in book.findings:
        # Searched where yes (True) is one of the kind's values: a yes/no finding ("which of
        # these" is searched by its combinations, not one yes, so it is not checked here).
        yes_no = True in kind_of(finding).representatives(finding, [])
        if not yes_no or finding.id in allowed or finding.id not in facts.question:
            continue
        for item, cone in zip(ranked, cones, strict=True):
            if finding.id not in cone.variables or -1 not in effect(cone, item.when, finding.id):
                continue
            found = _stopped(
                whole, book, finding.id, item, [other for other in ranked if other.rank >= item.rank]
            )
            if found is not None:
                before, after = found
                yield (
                    finding.id,
                    item,
                    questionnaire_answers(book, before),
                    questionnaire_answers(book, after),
                )
                break  # one counterexample a finding is enough to act on


def _stopped(
    whole: BookReadings, book: RuleBook, finding: str, item: Item, higher: list[Item]
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
        read = reading(book, given_answers(book, found[1]))
        firing = [other for other in higher if other not in quiet and holds(other.when, read)]
        if not firing:
            return found
        quiet += firing


def _lowering(readings: BookReadings, finding: str, before: Node, after: Node) -> tuple[World, World] | None:
    """The plainest world where `before` is true without the finding reported and `after`
    is false with it: (without, with); None if there is none."""
    dd, people = readings.dd, readings.people
    without, with_ = {finding: False}, {finding: True}
    lowered = dd.apply(
        lambda fired, still, person_before, person_after: (
            fired and not still and person_before and person_after
        ),
        dd.restrict(before, without),
        dd.restrict(after, with_),
        dd.restrict(people, without),
        dd.restrict(people, with_),
    )
    world = dd.cheapest(lowered, lambda value: value is True, readings.cost)
    if world is None:
        return None
    everyone = readings.everyone(world)
    return {**everyone, **without}, {**everyone, **with_}


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
