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
)
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import Item, items
from metasymptoms.reviewing.compiled import BookReadings, book_readings, questionnaire_answers
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

    Only a finding some item depends on through a `not` (see `effect`) can lower it. For
    each such finding, the urgency through the questionnaire over every world (a decision
    diagram, compiled.py) is compared with the finding not reported and reported."""
    allowed = {entry.finding for entry in book.info.lowers_urgency_when_reported} if book.info else set()
    facts = Facts(book)
    ranked = [item for item in items(book) if item.rank > 0]
    cones = [Space(facts, [item.when]) for item in ranked]
    readings = book_readings(book)
    for finding in book.findings:
        if finding.type != "yes_no" or finding.id in allowed or finding.id not in facts.question:
            continue
        if not any(
            finding.id in cone.variables and -1 in effect(cone, item.when, finding.id)
            for item, cone in zip(ranked, cones, strict=True)
        ):
            continue
        found = _downgrade(readings, finding.id)
        if found is not None:
            before, after = found
            item = _silenced(readings, ranked, before, after)
            yield finding.id, item, questionnaire_answers(book, before), questionnaire_answers(book, after)


def _downgrade(readings: BookReadings, finding: str) -> tuple[World, World] | None:
    """The plainest world where reporting the finding lowers the urgency: (without, with)."""
    dd, urgency, people = readings.dd, readings.asked.urgency, readings.people
    without, with_ = {finding: False}, {finding: True}
    lowered = dd.apply(
        lambda before, after, person_before, person_after: person_before and person_after and after < before,
        dd.restrict(urgency, without),
        dd.restrict(urgency, with_),
        dd.restrict(people, without),
        dd.restrict(people, with_),
    )
    world = dd.cheapest(lowered, lambda value: value is True, readings.cost)
    if world is None:
        return None
    everyone = {**readings.everyone(world)}
    return {**everyone, **without}, {**everyone, **with_}


def _silenced(readings: BookReadings, ranked: list[Item], before: World, after: World) -> Item:
    """The most urgent item that holds before and not after."""
    dd = readings.dd
    return next(
        item
        for item in sorted(ranked, key=lambda item: -item.rank)
        if dd.evaluate(readings.asked.holds(item.when), before)
        and not dd.evaluate(readings.asked.holds(item.when), after)
    )


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
