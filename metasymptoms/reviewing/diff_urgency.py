"""Urgency in `rules diff`: how the urgency changes over the answers the changed items test,
and the release gate, which searches every answer for a lowering the new book does not
declare in its book.yaml (`declared_changes`)."""

from __future__ import annotations

from typing import Literal

from metasymptoms.core.book_record import DeclaredChange
from metasymptoms.core.conditions import findings_in, kleene_and, kleene_not, settled
from metasymptoms.core.model import Urgency
from metasymptoms.reviewing.behaviour import (
    Bounds,
    Item,
    Joint,
    Read,
    cubes,
    items,
    moving,
    simplify,
    urgency_bounds,
)
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
from metasymptoms.reviewing.space import UNKNOWN, UNSET, Goal, World


def _declared(
    changes: tuple[DeclaredChange, ...], was: int, now: int, read: Read
) -> str | Literal[False] | None:
    """The reason of a declared change covering this lowering; None while not settled; False if none."""
    results = []
    for change in changes:
        if change.was.rank == was and change.now.rank == now:
            holds = settled(change.when, read)
            if holds is True:
                return change.reason
            results.append(holds)
    return None if None in results else False


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
    # Items the search cannot change are read once, on the answers where nothing is chosen.
    old_items, old_fixed = moving(pair.old, items(pair.old), joint.variables)
    new_items, new_fixed = moving(pair.new, items(pair.new), joint.variables)
    root = joint.seen({finding: UNKNOWN for finding in joint.variables})
    old_base, new_base = urgency_bounds(old_fixed, root[0]), urgency_bounds(new_fixed, root[1])
    old_bounds, new_bounds = Bounds(old_items), Bounds(new_items)

    def outcome(seen: list[Read]) -> tuple[int, int, str | None] | None:
        was, now = old_bounds(seen[0], old_base), new_bounds(seen[1], new_base)
        if was[0] != was[1] or now[0] != now[1]:
            return None
        if now[0] >= was[0]:
            return (was[0], now[0], None)
        reason = _declared(declared, was[0], now[0], seen[1])
        return None if reason is None else (was[0], now[0], reason or None)

    leaves = list(cubes(joint, outcome))
    out = []
    for cube, (was, now, reason) in simplify(leaves, lambda result: result[0] != result[1], joint):
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
            )
        )
    return out


def hidden_lowerings(pair: Pair) -> list[Statement]:
    """The release gate, exhaustive over every answer: a world where the new book's urgency
    is lower than the old one's and no declared change covers it (one example for each old
    item that may stop counting)."""
    new = by_key(pair.new)
    declared = pair.new.info.declared_changes if pair.new.info else ()
    new_ranked = [item for item in items(pair.new) if item.rank > 0]
    old_ranked = [item for item in items(pair.old) if item.rank > 0]
    found = []
    for item in old_ranked:
        if same(pair, item, new.get((item.kind, item.id))):
            continue  # fires in the new book wherever it fired in the old one
        u = item.rank
        covering = [change for change in declared if change.was.rank == u]
        lowest = min((change.now.rank for change in covering), default=u)
        quiet = [other for other in new_ranked if other.rank >= u]
        watched = [other for other in new_ranked if max(lowest, 1) <= other.rank < u]
        # With declared changes, a lowering is judged from the old urgency exactly: X must be
        # the most urgent item that fires. Without any, X firing is enough.
        above = [other for other in old_ranked if other.rank > u] if declared else []
        joint = pair.joint(
            [item.when, *(other.when for other in above)],
            [*(other.when for other in quiet + watched), *(change.when for change in covering)],
        )
        # The old item's findings and the declared changes' first: they settle most.
        world = joint.search(
            _lowering(joint, item, above, quiet, watched, covering),
            first=[*findings_in(item.when), *(f for c in covering for f in findings_in(c.when))],
            plain=True,
        )
        if world is not None:
            found.append(_lowering_statement(pair, joint, world))
    return found


def _lowering(
    joint: Joint,
    item: Item,
    above: list[Item],
    quiet: list[Item],
    watched: list[Item],
    covering: list[DeclaredChange],
) -> Goal:
    """The goal of the release gate for one old item: it fires in the old book with nothing
    above it, every new item from its urgency up stays quiet, and no declared change covers
    the urgency the new book gives."""

    def goal(world: World, _: World) -> bool | None:
        seen_old, seen_new = joint.seen(world)
        parts = [settled(item.when, seen_old)]
        parts += [kleene_not(settled(other.when, seen_old)) for other in above]
        parts += [kleene_not(settled(other.when, seen_new)) for other in quiet]
        if covering:
            # Given the items from u up are quiet, the new urgency is the highest among
            # the items below u: only those decide whether it is the declared level.
            low, high = urgency_bounds(watched, seen_new)
            for change in covering:
                level = change.now.rank
                at = True if low == high == level else False if level < low or level > high else None
                parts.append(kleene_not(kleene_and(settled(change.when, seen_new), at)))
        return kleene_and(*parts)

    return goal


def _lowering_statement(pair: Pair, joint: Joint, world: World) -> Statement:
    """A lowering the gate found, in words, with answers for both books that replay it."""
    seen_old, seen_new = joint.seen(world)
    was = Urgency(LEVELS[urgency_bounds(items(pair.old), seen_old)[0]])
    now = Urgency(LEVELS[urgency_bounds(items(pair.new), seen_new)[0]])
    words = group_words(
        pair, {f: frozenset([v]) for f, v in world.items() if v is not False and v != UNSET}, joint
    )
    return Statement(
        "urgency",
        "urgency",
        words,
        f"{was.value} -> {now.value}",
        joint.replay(1, world),
        lowered=True,
        old_answers=joint.replay(0, world),
    )
