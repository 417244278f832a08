"""A rule book's implications in groups that share no finding (a chain, or the follow-ups
of one finding): compiled.Reading reads each group once for every cone that holds it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from metasymptoms.core.model import RuleBook


@dataclass(frozen=True)
class Group:
    """Implications linked by the findings they share (a chain, or the follow-ups of one
    finding), in the book's order, and those findings."""

    n: int
    findings: tuple[str, ...]
    links: tuple[tuple[str, str], ...]

    def narrowed(self, kept: Sequence[int]) -> Group:
        """The group with only these of its links (by place, in order)."""
        if len(kept) == len(self.links):
            return self
        links = tuple(self.links[n] for n in kept)
        return Group(self.n, tuple(dict.fromkeys(f for link in links for f in link)), links)


def implication_groups(book: RuleBook) -> list[Group]:
    """The book's implications in groups that share no finding, each in the book's order."""
    root: dict[str, str] = {}

    def find(finding: str) -> str:
        while root.setdefault(finding, finding) != finding:
            finding = root[finding] = root[root[finding]]
        return finding

    for child, parent in book.implications:
        root[find(child)] = find(parent)
    links: dict[str, list[tuple[str, str]]] = {}
    for link in book.implications:
        links.setdefault(find(link[0]), []).append(link)
    return [
        Group(n, tuple(dict.fromkeys(f for link in chain for f in link)), tuple(chain))
        for n, chain in enumerate(links.values())
    ]


def by_follow_up(group: Group) -> dict[str, list[int]]:
    """Each follow-up of the group with the places of its links."""
    found: dict[str, list[int]] = {}
    for n, (child, _) in enumerate(group.links):
        found.setdefault(child, []).append(n)
    return found
