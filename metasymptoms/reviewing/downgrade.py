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
    kleene_and,
    kleene_not,
    settled,
)
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import Item, Joint, items
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
    as urgent as X fires. X must depend on the finding through a `not` (see `effect`), so one
    search per such (finding, X), each over a small cone, is exhaustive."""
    allowed = {entry.finding for entry in book.info.lowers_urgency_when_reported} if book.info else set()
    facts = Facts(book)
    ranked = [item for item in items(book) if item.rank > 0]
    silences = _Silences(facts, ranked)
    # A finding is tried only against the items whose cone holds it.
    touching: dict[str, list[int]] = {}
    for n, cone in enumerate(silences.cones):
        for variable in cone.variables:
            touching.setdefault(variable, []).append(n)
    for finding in book.findings:
        if finding.type != "yes_no" or finding.id in allowed or finding.id not in facts.question:
            continue
        for n in touching.get(finding.id, ()):
            item = ranked[n]
            # First over the item's own cone: can reporting the finding silence the item at
            # all? The full goal (nothing at least as urgent fires) implies this one, so where
            # this search finds nothing, neither can the much larger one.
            if not silences(finding.id, n):
                continue
            found = _downgrade(facts, ranked, finding.id, item)
            if found is not None:
                yield finding.id, item, *found
                break  # one counterexample a finding is enough to act on


class _Silences:
    """Whether reporting a finding can stop a ranked item firing at all, over the item's own
    cone (each item's cone built once), worked out once for each finding and item."""

    def __init__(self, facts: Facts, ranked: list[Item]):
        self.facts, self.ranked = facts, ranked
        self.cones = [Space(facts, [item.when]) for item in ranked]
        self.index = {item.id: n for n, item in enumerate(ranked)}
        self.known: dict[tuple[str, int], bool] = {}

    def __call__(self, finding: str, n: int) -> bool:
        if (finding, n) not in self.known:
            self.known[finding, n] = self._search(finding, n)
        return self.known[finding, n]

    def _search(self, finding: str, n: int) -> bool:
        """A combination stops only when one of its parts stops, so its parts are asked
        first: its own cone is every finding of every part."""
        item, cone = self.ranked[n], self.cones[n]
        parts = [self.index[part] for part in item.combines if part in self.index]
        if (
            finding not in cone.variables
            or -1 not in effect(cone, item.when, finding)
            or (parts and not any(self(finding, part) for part in parts))
        ):
            return False
        own = Space(self.facts, [item.when, Reported(finding=finding)])
        alone = Joint([(own, {finding: False}), (own, {finding: True})])

        def silenced(world: World, _: World) -> bool | None:
            without, with_ = alone.seen(world)
            return kleene_and(settled(item.when, without), kleene_not(settled(item.when, with_)))

        return alone.search(silenced) is not None


def _downgrade(
    facts: Facts, ranked: list[Item], finding: str, item: Item
) -> tuple[dict[str, Answer], dict[str, Answer]] | None:
    """Answers before and after reporting the finding, where the item fires before and
    nothing at least as urgent fires after; None if there are none."""
    higher = [other for other in ranked if other.rank >= item.rank]
    space = Space(facts, [item.when, *(other.when for other in higher), Reported(finding=finding)])
    joint = Joint([(space, {finding: False}), (space, {finding: True})])

    def goal(world: World, _: World) -> bool | None:
        without, with_ = joint.seen(world)
        quiet = [kleene_not(settled(other.when, with_)) for other in higher]
        return kleene_and(settled(item.when, without), *quiet)

    world = joint.search(goal, first=[*findings_in(item.when), finding], plain=True)
    return None if world is None else (joint.replay(0, world), joint.replay(1, world))


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
