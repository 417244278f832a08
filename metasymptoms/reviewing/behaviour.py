"""What a person is told, compared over every path: the items that can fire (red flags and
site rules, for `rules diff` and `rules verify`'s no-silent-downgrade, downgrade.py), and the
groups of answers `rules diff` reports, read off the decision diagrams (compiled.py).

A `Joint` is one world seen through several views, each a questionnaire (a space.Space of one
book): the old book and the new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from metasymptoms.core.conditions import Condition
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.diagram import Diagrams, Node
from metasymptoms.reviewing.replay import answers_file
from metasymptoms.reviewing.space import Space, Value, World

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


def knows(book: RuleBook, finding: str) -> bool:
    try:
        book.finding(finding)
    except KeyError:
        return False
    return True


class Joint:
    """One world seen through several questionnaires ("views"): the old book's and the new one's."""

    def __init__(self, views: list[Space]):
        self.views = views
        self.variables = list(dict.fromkeys(finding for space in views for finding in space.variables))

    def domain(self, finding: str) -> list[Value]:
        values: dict[Value, None] = {}
        for space in self.views:
            if knows(space.book, finding):
                values.update(dict.fromkeys(space.domain(finding)))
        return ordered_values(values)

    def hidden(self, finding: str) -> Value:
        space = next(space for space in self.views if knows(space.book, finding))
        return space.hidden(finding)

    def view(self, n: int, world: World) -> World:
        """The answers of view n, before reading (UNSET, not sure and all)."""
        space = self.views[n]
        own = {finding: value for finding, value in world.items() if knows(space.book, finding)}
        history = space.book.role("cancer_history")
        if history is not None:  # not asked here: not given, read the safer way (engine.reading)
            own.setdefault(history, space.hidden(history))
        return space.answers(own)

    def replay(self, n: int, world: World) -> dict[str, Answer]:
        """An answers file that replays view n of this world (as its questionnaire takes them)."""
        return answers_file(self.views[n].book, self.view(n, world))


def ordered_values(values: Iterable[Value]) -> list[Value]:
    """A finding's values to try, from two books merged: numbers in order (a threshold moved
    from 37.5 to 38 is both, each standing for the interval up to the next), then the rest."""
    numbers: dict[float, None] = {}
    rest: dict[tuple[type, Value], Value] = {}  # by type too: True == 1.0 in Python
    for value in values:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers[float(value)] = None
        else:
            rest.setdefault((type(value), value), value)
    return [*sorted(numbers), *rest.values()]


# --- cubes: groups of answers with one outcome ------------------------------------------


Cube = dict[str, frozenset[Value]]  # finding -> the values it may take in the group (absent: any)


def merge(groups: list[tuple[Cube, Outcome]], joint: Joint) -> list[tuple[Cube, Outcome]]:
    """Fewer, larger groups: two groups with one outcome that differ in one finding's values
    become one; a finding free to take every value is dropped. Repeated until nothing merges,
    always merging the first such pair in the list's order (i, then j)."""
    groups = [(dict(cube), result) for cube, result in groups]

    def joined(i: int, j: int) -> tuple[Cube, Outcome] | None:
        (a, ra), (b, rb) = groups[i], groups[j]
        if ra != rb or a.keys() != b.keys():
            return None
        differ = [f for f in a if a[f] != b[f]]
        if len(differ) != 1:
            return None
        f = differ[0]
        union = a[f] | b[f]
        cube = dict(a)
        if union >= frozenset(joint.domain(f)):
            del cube[f]
        else:
            cube[f] = union
        return cube, ra

    # No pair (k, j) with k < i merges: after a merge at i only the new group can pair with
    # an earlier one, so the scan goes back there instead of starting again from the top
    # (the same merges as starting again, without the cube of that many comparisons).
    i = 0
    while i < len(groups):
        found = next(((j, m) for j in range(i + 1, len(groups)) if (m := joined(i, j)) is not None), None)
        if found is None:
            i += 1
            continue
        groups[i] = found[1]
        del groups[found[0]]
        i = next((k for k in range(i) if joined(k, i) is not None), i)
    return groups


def _meets(a: Cube, b: Cube) -> bool:
    return all(a[f] & b[f] for f in a.keys() & b.keys())


def _within(small: Cube, large: Cube) -> bool:
    return all(f in small and small[f] <= large[f] for f in large)


def simplify(
    leaves: list[tuple[Cube, Outcome]],
    keep: Callable[[Outcome], bool],
    joint: Joint,
    uniform: Callable[[Cube, Outcome], bool] | None = None,
) -> list[tuple[Cube, Outcome]]:
    """The fewest plain groups for the outcomes `keep` selects: merged (`merge`), then each
    group widened by every finding it can do without (all the answers it then covers still
    have its outcome), then groups inside another group dropped. Groups may then overlap:
    each is still true of every answer it covers. `uniform(cube, outcome)` says whether
    every answer of a group has that outcome (Diagrams.only, on the diagram the leaves came
    from); without it, the leaves are read one by one."""

    def same_outcome(cube: Cube, result: Outcome) -> bool:
        return all(other == result for leaf, other in leaves if _meets(leaf, cube))

    uniform = uniform or same_outcome
    groups = merge([(cube, result) for cube, result in leaves if keep(result)], joint)
    widened = []
    for cube, result in groups:
        cube = dict(cube)
        for finding in list(cube):
            wider = {f: v for f, v in cube.items() if f != finding}
            if uniform(wider, result):
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


def diagram_groups(
    dd: Diagrams, node: Node, keep: Callable[[Any], bool], joint: Joint
) -> list[tuple[Cube, Any]]:
    """`simplify` of the groups of a diagram's worlds whose outcome `keep` selects, each
    widening checked on the diagram itself (answers no one gives too, so a group is widened
    only over answers with its own outcome). Only the kept groups are read off the diagram:
    its other paths were read too, and a diff of a reordered history of cancer walked a
    million of them to keep none (16 processor-seconds, for a report that says nothing
    changed)."""
    leaves = list(dd.groups(node, keep))
    return simplify(leaves, keep, joint, lambda cube, result: dd.only(node, cube, result))


def sample(cube: Cube, joint: Joint) -> World:
    """One world of the group: its first value of each finding, the rest not reported."""
    world = {finding: joint.hidden(finding) for finding in joint.variables}
    for finding, values in cube.items():
        ordered = [value for value in joint.domain(finding) if value in values]
        world[finding] = ordered[0]
    return world
