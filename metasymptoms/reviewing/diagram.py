"""Decision diagrams over the findings: a function of every answer at once, kept small.

A diagram is a function from a world (one value for each finding) to a value of any kind:
a Kleene truth value, an urgency, what the rules read of a finding. It branches on one
finding at a time, in one fixed order, with one child per value worth trying (the search
domain of space.py); equal children are merged away and equal nodes are shared, so a
function of a hundred findings that an exhaustive search would take 3^100 worlds to read is
a few hundred nodes. `rules diff` and `rules verify` compile the engine's reading into
diagrams (compiled.py) and read their answers off paths.

Libraries such as `dd` offer diagrams whose leaves are only true and false; the engine's
reading needs leaves of any value ("not sure", a set of possible histories, an urgency), so
this small multi-valued form is written here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

Node = int  # an index into the table of nodes
Cube = dict[str, frozenset[object]]  # finding -> the values a group allows (absent: any)


class Diagrams:
    """The nodes of every diagram over one ordered list of findings and their values."""

    def __init__(self, domains: Sequence[tuple[str, Sequence[object]]]):
        self.names = [name for name, _ in domains]
        self.domains = [tuple(values) for _, values in domains]
        self.level = {name: n for n, name in enumerate(self.names)}
        self._branches: list[tuple[int, tuple[Node, ...]] | None] = []  # None for a leaf
        self._leaves: list[object] = []
        self._unique: dict[object, Node] = {}
        self._leaf_nodes: dict[tuple[type, object], Node] = {}
        # Diagrams are walked recursively, one frame per finding on a path.
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 4 * len(self.names) + 1000))

    # --- building ---

    def leaf(self, value: object) -> Node:
        # Keyed by type too: True == 1 == 1.0 in Python, but "yes" and "once" are not one answer.
        key = (type(value), value)
        found = self._leaf_nodes.get(key)
        if found is None:
            found = self._leaf_nodes[key] = self._node(("leaf", *key), None, value)
        return found

    def branch(self, level: int, children: tuple[Node, ...]) -> Node:
        if children.count(children[0]) == len(children):
            return children[0]  # the finding does not matter here
        key = (level, children)
        found = self._unique.get(key)
        return found if found is not None else self._node(key, key, None)

    def _node(self, key: object, branch: tuple[int, tuple[Node, ...]] | None, value: object) -> Node:
        found = self._unique.get(key)
        if found is None:
            found = self._unique[key] = len(self._branches)
            self._branches.append(branch)
            self._leaves.append(value)
        return found

    def var(self, name: str) -> Node:
        """The finding's own value."""
        level = self.level[name]
        return self.branch(level, tuple(self.leaf(value) for value in self.domains[level]))

    def value(self, node: Node) -> object:
        return self._leaves[node]

    def evaluate(self, node: Node, world: dict[str, object]) -> object:
        """The diagram's value on one world (every finding it tests given)."""
        while (branch := self._branches[node]) is not None:
            level, children = branch
            node = children[self.domains[level].index(world[self.names[level]])]
        return self._leaves[node]

    # --- combining ---

    def map(self, function: Callable[[Any], object], node: Node) -> Node:
        memo: dict[Node, Node] = {}

        def walk(n: Node) -> Node:
            if n not in memo:
                branch = self._branches[n]
                if branch is None:
                    memo[n] = self.leaf(function(self._leaves[n]))
                else:
                    memo[n] = self.branch(branch[0], tuple(walk(child) for child in branch[1]))
            return memo[n]

        return walk(node)

    def apply(self, function: Callable[..., object], *nodes: Node) -> Node:
        """The diagram of function(a(world), b(world), ...)."""
        if len(nodes) == 2:
            return self._apply2(function, *nodes)
        memo: dict[tuple[Node, ...], Node] = {}

        def walk(ns: tuple[Node, ...]) -> Node:
            found = memo.get(ns)
            if found is not None:
                return found
            branches = [self._branches[n] for n in ns]
            levels = [branch[0] for branch in branches if branch is not None]
            if not levels:
                result = self.leaf(function(*(self._leaves[n] for n in ns)))
            else:
                top = min(levels)
                width = len(self.domains[top])
                children = tuple(
                    walk(
                        tuple(
                            branch[1][k] if branch is not None and branch[0] == top else n
                            for n, branch in zip(ns, branches, strict=True)
                        )
                    )
                    for k in range(width)
                )
                result = self.branch(top, children)
            memo[ns] = result
            return result

        return walk(tuple(nodes))

    def _apply2(self, function: Callable[[Any, Any], object], a: Node, b: Node) -> Node:
        """`apply` of two diagrams, the case nearly every step of a compilation is: written
        out, as it is most of the time `rules diff` takes."""
        memo: dict[tuple[Node, Node], Node] = {}
        branches, leaves, end = self._branches, self._leaves, len(self.names)

        def walk(a: Node, b: Node) -> Node:
            found = memo.get((a, b))
            if found is not None:
                return found
            left, right = branches[a], branches[b]
            if left is None and right is None:
                result = self.leaf(function(leaves[a], leaves[b]))
            else:
                at_left = end if left is None else left[0]
                at_right = end if right is None else right[0]
                if at_left == at_right:
                    assert left is not None and right is not None
                    children = tuple([walk(x, y) for x, y in zip(left[1], right[1], strict=True)])
                elif at_left < at_right:
                    assert left is not None
                    children = tuple([walk(x, b) for x in left[1]])
                else:
                    assert right is not None
                    children = tuple([walk(a, y) for y in right[1]])
                result = self.branch(min(at_left, at_right), children)
            memo[(a, b)] = result
            return result

        return walk(a, b)

    def fold(self, function: Callable[[Any, Any], object], start: object, nodes: Sequence[Node]) -> Node:
        result = self.leaf(start)
        for node in nodes:
            result = self.apply(function, result, node)
        return result

    def restrict(self, node: Node, fixed: Mapping[str, object]) -> Node:
        """The diagram with some findings fixed to one value each."""
        at = {self.level[name]: self.domains[self.level[name]].index(value) for name, value in fixed.items()}
        memo: dict[Node, Node] = {}

        def walk(n: Node) -> Node:
            if n not in memo:
                branch = self._branches[n]
                if branch is None:
                    memo[n] = n
                elif branch[0] in at:
                    memo[n] = walk(branch[1][at[branch[0]]])
                else:
                    memo[n] = self.branch(branch[0], tuple(walk(child) for child in branch[1]))
            return memo[n]

        return walk(node)

    # --- reading ---

    def _below(self, node: Node, allowed: dict[int, Any] | None = None) -> Iterator[Node]:
        """Each node reachable from `node`, once; with `allowed` (values by level), only
        through the branches whose value it allows."""
        seen: set[Node] = set()
        todo = [node]
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            yield n
            branch = self._branches[n]
            if branch is None:
                continue
            level, children = branch
            values = allowed.get(level) if allowed else None
            if values is None:
                todo.extend(children)
            else:
                todo.extend(
                    child for v, child in zip(self.domains[level], children, strict=True) if v in values
                )

    def leaves(self, node: Node) -> list[object]:
        """The values the diagram takes on some world, each once."""
        return [self._leaves[n] for n in self._below(node) if self._branches[n] is None]

    def only(self, node: Node, cube: Cube, value: object) -> bool:
        """Whether every world of a group (a cube: the values each finding it names may take)
        ends on a leaf equal to `value`."""
        allowed = {self.level[name]: values for name, values in cube.items()}
        return all(self._leaves[n] == value for n in self._below(node, allowed) if self._branches[n] is None)

    def reaches(self, node: Node, keep: Callable[[Any], bool]) -> dict[Node, bool]:
        """For each node below `node`, whether some path from it ends on a kept leaf."""
        memo: dict[Node, bool] = {}

        def walk(n: Node) -> bool:
            if n not in memo:
                branch = self._branches[n]
                memo[n] = bool(keep(self._leaves[n])) if branch is None else any([walk(c) for c in branch[1]])
            return memo[n]

        walk(node)
        return memo

    def groups(self, node: Node, keep: Callable[[Any], bool]) -> Iterator[tuple[Cube, Any]]:
        """Disjoint groups of worlds that end on a kept leaf, with the leaf's value: one per
        path, the values of a finding that lead to one child taken together."""
        useful = self.reaches(node, keep)

        def walk(n: Node, cube: Cube) -> Iterator[tuple[Cube, Any]]:
            branch = self._branches[n]
            if branch is None:
                yield dict(cube), self._leaves[n]
                return
            level, children = branch
            name, values = self.names[level], self.domains[level]
            for child in dict.fromkeys(children):
                if useful[child]:
                    cube[name] = frozenset(v for v, c in zip(values, children, strict=True) if c == child)
                    yield from walk(child, cube)
                    del cube[name]

        if useful[node]:
            yield from walk(node, {})

    def cheapest(
        self, node: Node, keep: Callable[[Any], bool], cost: Callable[[str, Any], int]
    ) -> dict[str, object] | None:
        """A world ending on a kept leaf whose findings cost the least in all (a finding the
        path does not test takes a free value), as {finding: value} for the findings tested,
        or None when no world does."""
        useful = self.reaches(node, keep)
        if not useful[node]:
            return None
        memo: dict[Node, tuple[int, int]] = {}  # node -> (cost, the child's value index)

        def best(n: Node) -> int:
            if n not in memo:
                branch = self._branches[n]
                if branch is None:
                    memo[n] = (0, -1)
                else:
                    level, children = branch
                    name, values = self.names[level], self.domains[level]
                    memo[n] = min(
                        (best(child) + cost(name, values[k]), k)
                        for k, child in enumerate(children)
                        if useful[child]
                    )
            return memo[n][0]

        best(node)
        world: dict[str, object] = {}
        n = node
        while (branch := self._branches[n]) is not None:
            level, children = branch
            k = memo[n][1]
            world[self.names[level]] = self.domains[level][k]
            n = children[k]
        return world
