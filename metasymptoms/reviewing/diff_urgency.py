"""Urgency in `rules diff`: how the urgency changes over the answers the changed items test,
and the release gate, which searches every answer for a lowering the new book does not
declare in its book.yaml (`declared_changes`)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from metasymptoms.core.book_record import DeclaredChange
from metasymptoms.core.conditions import Condition, Reported, findings_in, holds
from metasymptoms.core.engine import fired_red_flags, fired_rules, reading
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.behaviour import Item, diagram_groups, knows
from metasymptoms.reviewing.compiled import (
    given_answers,
    questionnaire_answers,
    rank_where_holds,
)
from metasymptoms.reviewing.cones import Readings
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
    for change, applies in zip(changes, holding, strict=True):
        if change.was.rank == was and change.now.rank == now and applies:
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
    readings = pair.readings.over(joint.variables)  # every other finding not reported
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
                cube=(joint, cube),
            )
        )
    return out


def hidden_lowerings(pair: Pair) -> list[Statement]:
    """The release gate, exhaustive over every answer to every question: each lowering of
    the urgency (old level, new level) that no declared change covers, with the plainest
    answers that show it. A declaration covers a lowering only whole: its `was` and `now`
    are the two urgencies and its `when` holds on the new book's answers. This is worked out
    here on its own, not taken from the statements: the gate stands even if their matching
    of declarations is wrong.

    All over the cones of the items in play, never over diagrams of the whole books: first,
    items that fire on the same answers in both books cannot lower anything, so when no
    answers lower the urgency from the level of an edited old item (`_lowers_from`),
    nothing is lowered at all (a raise, a reworded question). Where some answers do, each
    pair of levels is read with its plainest answers (`_plainest_lowering`)."""
    declared = pair.new.info.declared_changes if pair.new.info else ()
    return [_change_statement(pair, world, level) for level, world in _lowerings(pair, declared, set())]


def unshown_changes(pair: Pair, shown: set[tuple[int, int]]) -> list[Statement]:
    """Every other change of the urgency (old level, new level) that some answers give, with
    the plainest answers that give it: the raises, and the declared lowerings, of the pairs
    of levels that no statement shows (`shown`, as ranks). `urgency_statements` reads every
    finding the edited items do not test as not reported, and a number not reported reads
    as "not sure", which can make another warning sign fire (diarrhoea with no count) and
    hide from those answers what a count below its threshold changes. Exhaustive, as the
    gate is: a raise is a lowering of the flipped books (`Pair.flipped`), and every
    undeclared lowering is shown by the gate already."""
    out = []
    if pair.new.info and pair.new.info.declared_changes:  # without any, the gate shows every lowering
        for level, world in _lowerings(pair, (), shown):
            out.append(_change_statement(pair, world, level, _declared_on(pair, world, level)))
    raises = _lowerings(pair.flipped(), (), {(now, was) for was, now in shown})
    out += [_change_statement(pair, world, (was, now)) for (now, was), world in raises]
    return out


def _lowerings(
    pair: Pair, declared: tuple[DeclaredChange, ...], shown: set[tuple[int, int]]
) -> list[tuple[tuple[int, int], World]]:
    """Each lowering (old level, new level) that no declared change covers and that is not
    in `shown`, with its plainest world (`hidden_lowerings`)."""
    changed = _changed_items(pair)
    found = []
    for was in sorted({item.rank for item in changed.old}, reverse=True):
        levels = [(was, now) for now in range(was) if (was, now) not in shown]
        if not levels or not _lowers_from(pair, changed, was):
            continue
        for level in levels:
            world = _plainest_lowering(pair, changed, level, declared)
            if world is not None:
                found.append((level, world))
    return found


@dataclass(frozen=True)
class _Changed:
    old: list[
        Item
    ]  # old items (with an urgency) that fire on other answers, or at another level, in the new book
    new: list[Item]  # the same items of the new book, and those it adds
    same: list[Item]  # the new book's items that fire on the same answers at the same level in both


def _changed_items(pair: Pair) -> _Changed:
    """The items with an urgency, compared by what they do: each item's reading in both books
    over its own cone (cones.Links.cone), so an edit elsewhere (a threshold its findings
    are implied from, a question that opens them) counts as a change."""
    old, new = by_key(pair.old), by_key(pair.new)
    out = _Changed([], [], [])
    for key in dict.fromkeys([*old, *new]):
        a, b = old.get(key), new.get(key)
        a, b = (a if a and a.rank else None), (b if b and b.rank else None)
        if a is not None and b is not None and a.rank == b.rank:
            cone = pair.readings.links.cone({*findings_in(a.when), *findings_in(b.when)})
            if a.when == b.when and _read_alike(pair, cone):
                out.same.append(b)
                continue
            readings = pair.readings.over(cone)
            if readings.old.holds(a.when) == readings.new.holds(b.when):
                out.same.append(b)
                continue
        out.old.extend([a] if a else [])
        out.new.extend([b] if b else [])
    return out


def _read_alike(pair: Pair, cone: set[str]) -> bool:
    """Whether both books read these findings alike, by what the reading is made of: the
    same finding records (kind, values, implies, role), the same questions opening them and
    the same implications among them, in order. Where not, the readings are compiled and
    compared (`_changed_items`)."""
    old, new = pair.old, pair.new
    for finding in cone:
        if not (knows(old, finding) and knows(new, finding)) or old.finding(finding) != new.finding(finding):
            return False
        if pair.old_facts.ask_if.get(finding, "absent") != pair.new_facts.ask_if.get(finding, "absent"):
            return False
    touching = [[link for link in book.implications if set(link) & cone] for book in (old, new)]
    return touching[0] == touching[1]


def _lowers_from(pair: Pair, changed: _Changed, was: int) -> bool:
    """Whether some answers give the urgency `was` in the old book and a lower one in the
    new: an edited old item of that level fires, no edited old item above it, no edited new
    item at or above it, and no unchanged item at or above it.

    The unchanged items that must stay quiet are added as a world shows them firing (the
    engine's own reading of that world), each time over the cone of every item in play: a
    world found with none firing is a real lowering, and no world over some of the items
    means none over all of them."""
    old, new = pair.old, pair.new
    quiet: list[Item] = []
    while True:
        conditions = [item.when for item in [*changed.old, *changed.new, *quiet]]
        readings = pair.readings.over(
            pair.readings.links.cone({f for c in conditions for f in findings_in(c)})
        )
        dd = readings.dd
        old_top, new_top = (
            dd.fold(
                max,
                0,
                [dd.map(rank_where_holds(item.rank), reading.kleene(item.when)) for item in mine],
            )
            for reading, mine in (
                (readings.old, changed.old),
                (readings.new, changed.new),
            )
        )
        loud = dd.fold(
            lambda a, b: a or b,
            False,
            [readings.new.holds(item.when) for item in quiet],
        )
        region = dd.apply(
            lambda o, n, firing, possible: o == was and n < was and not firing and possible,
            old_top,
            new_top,
            loud,
            readings.possible,
        )
        plain = dd.cheapest(region, lambda value: value is True, readings.cost)
        if plain is None:
            return False
        world = readings.everyone(plain)
        answers = given_answers(new, world)
        read = reading(new, answers)
        firing = [
            item for item in changed.same if item.rank >= was and item not in quiet and holds(item.when, read)
        ]
        if not firing:
            assert _urgency(old, given_answers(old, world)) == was > _urgency(new, answers)
            return True
        quiet += firing


def _plainest_lowering(
    pair: Pair, changed: _Changed, level: tuple[int, int], declared: tuple[DeclaredChange, ...]
) -> World | None:
    """The plainest world (fewest findings given, then the first values in the diagrams'
    order, as `Diagrams.cheapest` takes them) whose urgency is `was` in the old book and
    `now` in the new, no declaration covering it; None if there is none.

    The new urgency is exactly `now` where no item above it fires and some item of that
    level (a witness) does, so the worlds are split by witness, each searched over the cone
    of the edited items, the witness, the declarations of this lowering and the unchanged
    items that must stay quiet, the last added as a world found shows them firing (as in
    `_lowers_from`). Each search gives the plainest world of a region that holds every
    lowering its witness gives, so the plainest of them all, once the engine finds no
    unchanged item firing there, is the plainest lowering of all: every other witness's
    lowerings are no plainer than its region's plainest."""
    was, now = level
    covering = [change.when for change in declared if (change.was.rank, change.now.rank) == level]
    witnesses: list[Item | None] = (
        [None] if now == 0 else [item for item in [*changed.new, *changed.same] if item.rank == now]
    )
    quiet: list[list[Item]] = [[] for _ in witnesses]
    found: list[tuple[tuple[int, tuple[int, ...]], int, World]] = []
    for n, witness in enumerate(witnesses):
        _plainest_with(pair, changed, level, covering, witness, quiet[n], n, found)
    while found:
        _, n, world = heapq.heappop(found)
        answers = given_answers(pair.new, world)
        read = reading(pair.new, answers)
        firing = [
            item
            for item in changed.same
            if item.rank > now and item not in quiet[n] and holds(item.when, read)
        ]
        if not firing:
            assert _urgency(pair.old, given_answers(pair.old, world)) == was
            assert _urgency(pair.new, answers) == now
            return world
        quiet[n] += firing
        _plainest_with(pair, changed, level, covering, witnesses[n], quiet[n], n, found)
    return None


def _plainest_with(
    pair: Pair,
    changed: _Changed,
    level: tuple[int, int],
    covering: list[Condition],
    witness: Item | None,
    quiet: list[Item],
    n: int,
    found: list[tuple[tuple[int, tuple[int, ...]], int, World]],
) -> None:
    """Adds to the heap `found` the plainest world where the edited old items give `was`,
    the edited new items nothing above `now`, the witness fires in the new book and nothing
    of `quiet` or `covering` holds there, ordered by how plain it is."""
    was, now = level
    conditions = [
        *(item.when for item in [*changed.old, *changed.new, *quiet] + ([witness] if witness else [])),
        *covering,
    ]
    readings = pair.readings.over(pair.readings.links.cone({f for c in conditions for f in findings_in(c)}))
    dd = readings.dd
    old_top, new_top = (
        dd.fold(max, 0, [dd.map(rank_where_holds(item.rank), reading.kleene(item.when)) for item in mine])
        for reading, mine in ((readings.old, changed.old), (readings.new, changed.new))
    )
    fires = readings.new.holds(witness.when) if witness else dd.leaf(True)
    loud = dd.fold(
        lambda a, b: a or b,
        False,
        [readings.new.holds(when) for when in [*(i.when for i in quiet), *covering]],
    )
    region = dd.apply(
        lambda o, n, firing, stays, possible: o == was and n <= now and firing and not stays and possible,
        old_top,
        new_top,
        fires,
        loud,
        readings.possible,
    )
    plain = dd.cheapest(region, lambda value: value is True, readings.cost)
    if plain is not None:
        world = readings.everyone(plain)
        heapq.heappush(found, (_plainness(readings, world), n, world))


def _plainness(readings: Readings, world: World) -> tuple[int, tuple[int, ...]]:
    """How plain a world is, as `Diagrams.cheapest` chooses among worlds: the fewest findings
    given, then the first value of each finding in the diagrams' order."""
    dd = readings.dd
    given = sum(readings.cost(name, world[name]) for name in dd.names)
    return given, tuple(values.index(world[name]) for name, values in zip(dd.names, dd.domains, strict=True))


def _urgency(book: RuleBook, answers: dict[str, Answer]) -> int:
    """The rank of the urgency the engine gives these answers (as `assess` takes it)."""
    flags = [flag.urgency.rank for flag in fired_red_flags(book, answers)]
    rules = [rule.urgency.rank for _, rule in fired_rules(book, answers) if rule.urgency]
    return max([*flags, *rules], default=0)


def _declared_on(pair: Pair, world: World, level: tuple[int, int]) -> str | None:
    """The reason of the declared change that covers this lowering on the new book's answers
    for this world, by the engine's reading of them."""
    changes = pair.new.info.declared_changes if pair.new.info else ()
    read = reading(pair.new, questionnaire_answers(pair.new, world))
    return _declared(changes, *level, tuple(holds(change.when, read) for change in changes))


def _change_statement(
    pair: Pair, world: World, level: tuple[int, int], declared: str | None = None
) -> Statement:
    """A change of the urgency found over every answer, in words, with answers for both
    books that replay it (a lowering the gate refuses: `declared` None)."""
    was, now = level
    joint = pair.joint(
        [Reported(finding=f.id) for f in pair.old.findings],
        [Reported(finding=f.id) for f in pair.new.findings],
    )
    cube = {f: frozenset([v]) for f, v in world.items() if v is not False and v != UNSET}
    return Statement(
        "urgency",
        "urgency",
        group_words(pair, cube, joint),
        f"{LEVELS[was]} -> {LEVELS[now]}" + (" (declared in book.yaml)" if declared else ""),
        questionnaire_answers(pair.new, world),
        lowered=now < was,
        declared=declared,
        old_answers=questionnaire_answers(pair.old, world),
        was=LEVELS[was],
        now=LEVELS[now],
    )


def _changed(result: tuple[object, ...] | None) -> bool:
    return result is not None and result[0] != result[1]
