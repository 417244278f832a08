"""What a person is told, compared over every path: two rule books (`rules diff`), or one
book with and without one more finding reported (`rules verify`'s no-silent-downgrade,
in downgrade.py).

Both rest on verify's search (space.py). A `Joint` space is one world seen through several views, each
a questionnaire (a space.Space of one book) with some findings fixed, e.g. the old book and
the new one, or the same book with `recent_infection` no and yes. Goals are three-valued, as
in verify: urgencies are kept as bounds (the most urgent item that surely fires, the most
urgent that may), so a branch closes as soon as the comparison is settled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from metasymptoms.core.conditions import Condition, findings_in, settled
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.replay import as_answers
from metasymptoms.reviewing.space import UNKNOWN, Space, Value, World

Read = dict[str, Value]
Outcome = TypeVar("Outcome")  # what a property gives on a group of answers (compared for equality)


@dataclass(frozen=True)
class Item:
    """Something that can fire and raise the urgency: a red flag or a site rule."""

    kind: str  # "red flag" or "rule"
    id: str
    when: Condition
    rank: int  # Urgency.rank; 0 for a site rule that raises none of its own
    site: str | None = None
    combines: tuple[str, ...] = ()  # for a combination: the red flags it counts


def items(book: RuleBook) -> list[Item]:
    found = [
        Item("red flag", flag.id, flag.when, flag.urgency.rank, combines=getattr(flag, "combines", ()))
        for flag in book.red_flags
    ]
    found += [
        Item("rule", rule.id, rule.when, rule.urgency.rank if rule.urgency else 0, site.id)
        for site in book.sites
        for rule in site.rules
    ]
    return found


def urgency_bounds(book_items: list[Item], read: Read, base: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """(lowest, highest) urgency rank these answers may give, as far as they are settled
    (at least `base`: the bounds of items worked out already)."""
    return Bounds(book_items)(read, base)


class Bounds:
    """urgency_bounds for one list of items, asked again and again during a search: each
    item's outcome is remembered for the values of the findings it tests, and the items are
    read from the most urgent down, stopping at the first that surely fires."""

    _MISSING = object()

    def __init__(self, book_items: list[Item]):
        ranked = sorted((item for item in book_items if item.rank > 0), key=lambda item: -item.rank)
        self.items = [(item, findings_in(item.when)) for item in ranked]
        self.known: dict[tuple[object, ...], bool | None] = {}

    def __call__(self, read: Read, base: tuple[int, int] = (0, 0)) -> tuple[int, int]:
        low, high = base
        for item, tested in self.items:
            if item.rank <= low:
                break  # neither bound can rise any more
            key = (item.id, item.kind, *(read.get(finding, self._MISSING) for finding in tested))
            fires = self.known.get(key, self._MISSING)
            if fires is self._MISSING:
                fires = self.known[key] = settled(item.when, read)
            if fires is not False:
                high = max(high, item.rank)
            if fires is True:
                low = max(low, item.rank)
                break
        return low, high


def moving(book: RuleBook, book_items: list[Item], variables: list[str]) -> tuple[list[Item], list[Item]]:
    """The items a search over these findings can change, and those it cannot: an item
    that tests none of them, nor what the reading of answers derives from them (the parent
    a follow-up implies, the history a primary cancer implies), fires alike on every path."""
    reach = {finding for finding in variables if knows(book, finding)}
    changed = True
    while changed:
        parents = {parent for child, parent in book.implications if child in reach}
        changed = not parents <= reach
        reach |= parents
    history = book.role("cancer_history")
    if history and {book.role("primary_cancer"), book.role("known_spread")} & reach:
        reach.add(history)
    touched = [item for item in book_items if reach & set(findings_in(item.when))]
    return touched, [item for item in book_items if not reach & set(findings_in(item.when))]


def knows(book: RuleBook, finding: str) -> bool:
    try:
        book.finding(finding)
    except KeyError:
        return False
    return True


class Joint(Space):
    """One world seen through several questionnaires ("views"), each with findings fixed."""

    def __init__(self, views: list[tuple[Space, dict[str, Value]]]):
        self.views = views
        self.book = views[-1][0].book
        self.implications, self.chains = (), []  # each view's own are kept by `possible` below
        fixed = {finding for _, pinned in views for finding in pinned}
        variables: dict[str, None] = {}
        self.ask_if = {}
        for space, _ in views:
            variables.update(dict.fromkeys(f for f in space.variables if f not in fixed))
            for finding, condition in space.ask_if.items():
                self.ask_if.setdefault(finding, condition)
        self.variables = list(variables)

    def possible(self, world: World, finding: str) -> bool:
        """A person no view's book could describe (a follow-up without its parent) is no one."""
        return all(space.possible(world, finding) for space, _ in self.views)

    def domain(self, finding: str) -> list[Value]:
        values: dict[Value, None] = {}
        for space, _ in self.views:
            if knows(space.book, finding):
                values.update(dict.fromkeys(space.domain(finding)))
        # Two books' cuts of one number, in order (a threshold moved from 37.5 to 38 is both):
        # each number stands for the interval up to the next.
        numbers = sorted(
            float(value) for value in values if isinstance(value, (int, float)) and _is_number(value)
        )
        return [*numbers, *(value for value in values if not _is_number(value))]

    def hidden(self, finding: str) -> Value:
        space = next(space for space, _ in self.views if knows(space.book, finding))
        return space.hidden(finding)

    # The goal gets the world itself; it asks `seen` for what each view makes of it.
    def read(self, seen: World) -> World:
        return seen

    def answers(self, world: World) -> World:
        return world

    def view(self, n: int, world: World) -> World:
        """The answers of view n, before reading (UNSET, not sure and all)."""
        space, pinned = self.views[n]
        own = {finding: value for finding, value in world.items() if knows(space.book, finding)}
        history = space.book.role("cancer_history")
        if history is not None:  # not asked here: not given, read the safer way (engine.reading)
            own.setdefault(history, space.hidden(history))
        return space.answers({**own, **pinned})

    def seen(self, world: World) -> list[Read]:
        """What each view's rules read of this world."""
        return [self.views[n][0].read(self.view(n, world)) for n in range(len(self.views))]

    def replay(self, n: int, world: World) -> dict[str, Answer]:
        """An answers file that replays view n of this world (as its questionnaire takes them)."""
        return as_answers(self.view(n, world))


def _is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- cubes: groups of answers with one outcome ------------------------------------------


Cube = dict[str, frozenset[Value]]  # finding -> the values it may take in the group (absent: any)


def cubes(joint: Joint, outcome: Callable[[list[Read]], Outcome | None]) -> Iterator[tuple[Cube, Outcome]]:
    """Every group of worlds on which `outcome` is settled (not None), found depth-first:
    the groups cover every world exactly once."""

    def walk(world: World, free: list[str]) -> Iterator[tuple[Cube, Outcome]]:
        result = outcome(joint.seen(world))
        if result is not None:
            yield {f: frozenset([v]) for f, v in world.items() if v is not UNKNOWN}, result
            return
        if not free:  # pragma: no cover - every finding assigned settles every condition
            return
        finding, rest = free[0], free[1:]
        for value in joint.domain(finding):
            world[finding] = value
            yield from walk(world, rest)
        world[finding] = UNKNOWN

    yield from walk({finding: UNKNOWN for finding in joint.variables}, list(joint.variables))


def merge(groups: list[tuple[Cube, Outcome]], joint: Joint) -> list[tuple[Cube, Outcome]]:
    """Fewer, larger groups: two groups with one outcome that differ in one finding's values
    become one; a finding free to take every value is dropped. Repeated until nothing merges."""
    groups = [(dict(cube), result) for cube, result in groups]
    changed = True
    while changed:
        changed = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                (a, ra), (b, rb) = groups[i], groups[j]
                if ra != rb or a.keys() != b.keys():
                    continue
                differ = [f for f in a if a[f] != b[f]]
                if len(differ) != 1:
                    continue
                f = differ[0]
                union = a[f] | b[f]
                cube = dict(a)
                if union >= frozenset(joint.domain(f)):
                    del cube[f]
                else:
                    cube[f] = union
                groups[i] = (cube, ra)
                del groups[j]
                changed = True
                break
            if changed:
                break
    return groups


def _meets(a: Cube, b: Cube) -> bool:
    return all(a[f] & b[f] for f in a.keys() & b.keys())


def _within(small: Cube, large: Cube) -> bool:
    return all(f in small and small[f] <= large[f] for f in large)


def simplify(
    leaves: list[tuple[Cube, Outcome]], keep: Callable[[Outcome], bool], joint: Joint
) -> list[tuple[Cube, Outcome]]:
    """The fewest plain groups for the outcomes `keep` selects: merged (`merge`), then each
    group widened by every finding it can do without (all the answers it then covers still
    have its outcome), then groups inside another group dropped. Groups may then overlap:
    each is still true of every answer it covers."""
    groups = merge([(cube, result) for cube, result in leaves if keep(result)], joint)
    widened = []
    for cube, result in groups:
        cube = dict(cube)
        for finding in list(cube):
            wider = {f: v for f, v in cube.items() if f != finding}
            if all(other == result for leaf, other in leaves if _meets(leaf, wider)):
                cube = wider
        widened.append((cube, result))
    kept: list[tuple[Cube, Outcome]] = []
    for n, (cube, result) in enumerate(widened):
        inside = any(
            other_result == result and _within(cube, other) and (not _within(other, cube) or m < n)
            for m, (other, other_result) in enumerate(widened)
            if m != n
        )
        if not inside:
            kept.append((cube, result))
    return kept


def sample(cube: Cube, joint: Joint) -> World:
    """One world of the group: its first value of each finding, the rest not reported."""
    world = {finding: joint.hidden(finding) for finding in joint.variables}
    for finding, values in cube.items():
        ordered = [value for value in joint.domain(finding) if value in values]
        world[finding] = ordered[0]
    return world
