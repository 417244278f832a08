"""Urgency in `rules diff`: how the urgency changes over the answers the changed items test,
and the release gate, which searches every answer for a lowering the new book does not
declare in its book.yaml (`declared_changes`)."""

from __future__ import annotations

from collections.abc import Callable

from metasymptoms.core.book_record import DeclaredChange
from metasymptoms.core.conditions import Reported
from metasymptoms.reviewing.behaviour import diagram_groups
from metasymptoms.reviewing.compiled import questionnaire_answers
from metasymptoms.reviewing.diff_pair import (
    LEVELS,
    Pair,
    Statement,
    by_key,
    group_words,
    old_replay,
    replay,
    same,
)
from metasymptoms.reviewing.space import UNSET, World


def _declared(
    changes: tuple[DeclaredChange, ...], was: int, now: int, holding: tuple[object, ...]
) -> str | None:
    """The reason of the first declared change that covers this lowering: its `was` and `now`
    are the two urgencies and its `when` holds on the new book's answers."""
    for change, holds in zip(changes, holding, strict=True):
        if change.was.rank == was and change.now.rank == now and holds:
            return change.reason
    return None


def urgency_statements(pair: Pair) -> list[Statement]:
    """The urgency over the answers the changed items test (every other finding not reported)."""
    old, new = by_key(pair.old), by_key(pair.new)
    changed_old, changed_new = [], []
    for key in dict.fromkeys([*old, *new]):
        a, b = old.get(key), new.get(key)
        if (a is None or a.rank == 0) and (b is None or b.rank == 0):
            continue
        if not same(pair, a, b):
            changed_old += [a.when] if a else []
            changed_new += [b.when] if b else []
    if not changed_old and not changed_new:
        return []
    declared = pair.new.info.declared_changes if pair.new.info else ()
    joint = pair.joint(changed_old, changed_new + [change.when for change in declared])
    readings = pair.readings
    dd = readings.dd

    def outcome(was: int, now: int, possible: bool, *holding: object) -> tuple[int, int, str | None] | None:
        if not possible:
            return None
        return (was, now, _declared(declared, was, now, holding) if now < was else None)

    both = dd.apply(
        outcome,
        readings.old.urgency,
        readings.new.urgency,
        readings.possible,
        *(readings.new.holds(change.when) for change in declared),
    )
    out = []
    for cube, (was, now, reason) in diagram_groups(
        dd, readings.within(both, joint.variables), _changed, joint
    ):
        change = f"{LEVELS[was]} -> {LEVELS[now]}"
        if reason:
            change += " (declared in book.yaml)"
        out.append(
            Statement(
                "urgency",
                "urgency",
                group_words(pair, cube, joint),
                change,
                replay(joint, cube),
                lowered=now < was,
                declared=reason,
                old_answers=old_replay(joint, cube),
                was=LEVELS[was],
                now=LEVELS[now],
            )
        )
    return out


def hidden_lowerings(pair: Pair) -> list[Statement]:
    """The release gate, exhaustive over every answer to every question: each lowering of
    the urgency (old level, new level) that no declared change covers, with the plainest
    answers that show it. A declaration covers a lowering only whole: its `was` and `now`
    are the two urgencies and its `when` holds on the new book's answers. This is worked out
    here on its own, not taken from the statements: the gate stands even if their matching
    of declarations is wrong."""
    declared = pair.new.info.declared_changes if pair.new.info else ()
    readings = pair.readings
    dd = readings.dd

    def undeclared(was: int, now: int, possible: bool, *holding: object) -> tuple[int, int] | None:
        if not possible or now >= was:
            return None
        for change, holds in zip(declared, holding, strict=True):
            if (change.was.rank, change.now.rank) == (was, now) and holds:
                return None
        return (was, now)

    region = dd.apply(
        undeclared,
        readings.old.urgency,
        readings.new.urgency,
        readings.possible,
        *(readings.new.holds(change.when) for change in declared),
    )
    found = []
    levels: list[tuple[int, int]] = [value for value in dd.leaves(region) if value is not None]  # type: ignore[misc]
    for level in sorted(levels, key=lambda pair_of: (-pair_of[0], pair_of[1])):
        world = dd.cheapest(region, _equal(level), readings.cost)
        assert world is not None
        found.append(_lowering_statement(pair, readings.everyone(world), level))
    return found


def _equal(level: tuple[int, int]) -> Callable[[object], bool]:
    return lambda value: value == level


def _lowering_statement(pair: Pair, world: World, level: tuple[int, int]) -> Statement:
    """A lowering the gate found, in words, with answers for both books that replay it."""
    was, now = LEVELS[level[0]], LEVELS[level[1]]
    joint = pair.joint(
        [Reported(finding=f.id) for f in pair.old.findings],
        [Reported(finding=f.id) for f in pair.new.findings],
    )
    cube = {f: frozenset([v]) for f, v in world.items() if v is not False and v != UNSET}
    return Statement(
        "urgency",
        "urgency",
        group_words(pair, cube, joint),
        f"{was} -> {now}",
        questionnaire_answers(pair.new, world),
        lowered=True,
        old_answers=questionnaire_answers(pair.old, world),
        was=was,
        now=now,
    )


def _changed(result: tuple[object, ...] | None) -> bool:
    return result is not None and result[0] != result[1]
