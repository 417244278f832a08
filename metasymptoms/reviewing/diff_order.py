"""Which questions an edit moves (`rules diff`): the order in which questions are asked is
what a person meets first, and moving a warning sign's question later delays its emergency
advice, so a reorder is reported though it changes no answer's outcome.

The questions both books ask are compared in their order; those outside the longest order
the two share are the ones that moved (the fewest that explain the change), told as runs
of questions now asked one after the other, each with the question it now follows. A
question asked under another section's heading is reported too, moved in the order or not:
a person reads it under that heading, after that section's introduction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from metasymptoms.core.model import RuleBook


@dataclass(frozen=True)
class Moved:
    """A run of questions asked earlier or later than before, now one after the other."""

    findings: tuple[str, ...]  # the findings the questions ask, in the new order
    earlier: bool
    now_after: str | None  # the finding of the question the run now follows (None: asked first)
    was_after: str | None  # the finding of the question the run's first one followed
    words: str  # the move in a nurse's words

    def as_dict(self) -> dict[str, Any]:
        return {
            "findings": list(self.findings),
            "earlier": self.earlier,
            "now_after": self.now_after,
            "was_after": self.was_after,
            "change": self.words,
        }


def moved_questions(old: RuleBook, new: RuleBook) -> list[Moved]:
    old_order = list(dict.fromkeys(question.finding for question in old.questions))
    new_order = list(dict.fromkeys(question.finding for question in new.questions))
    both = set(old_order) & set(new_order)
    a = [finding for finding in old_order if finding in both]
    b = [finding for finding in new_order if finding in both]
    kept = set(_longest_shared(a, b))
    out = []
    for run in _runs([finding for finding in b if finding not in kept], new_order):
        # Earlier where fewer of the questions that kept their place now come before it.
        before = sum(1 for finding in a[: a.index(run[0])] if finding in kept)
        earlier = sum(1 for finding in b[: b.index(run[0])] if finding in kept) < before
        now_after = _after(new_order, run[0])
        was_after = _after(old_order, run[0])
        out.append(
            Moved(
                tuple(run),
                earlier,
                now_after,
                was_after,
                _words(new, old, run, earlier, now_after, was_after),
            )
        )
    return out


def _longest_shared(a: list[str], b: list[str]) -> list[str]:
    """The longest list of findings in the same order in both (a longest common subsequence)."""
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            lengths[i][j] = (
                lengths[i + 1][j + 1] + 1 if a[i] == b[j] else max(lengths[i + 1][j], lengths[i][j + 1])
            )
    shared, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            shared.append(a[i])
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return shared


def _runs(moved: list[str], order: list[str]) -> list[list[str]]:
    """The moved findings as runs of questions asked one straight after the other."""
    runs: list[list[str]] = []
    for finding in moved:
        if runs and order.index(finding) == order.index(runs[-1][-1]) + 1:
            runs[-1].append(finding)
        else:
            runs.append([finding])
    return runs


def _after(order: list[str], finding: str) -> str | None:
    at = order.index(finding)
    return order[at - 1] if at else None


def _words(
    new: RuleBook, old: RuleBook, run: list[str], earlier: bool, now_after: str | None, was_after: str | None
) -> str:
    names = ", ".join(_name(new, finding) for finding in run)
    now = f"now straight after {_name(new, now_after)}" if now_after else "now asked first"
    was = f"was straight after {_name(old, was_after)}" if was_after else "was asked first"
    return f"Asked {'earlier' if earlier else 'later'}: {names}; {now}, {was}"


def _name(book: RuleBook, finding: str) -> str:
    """A question by what it asks about, as a person reads it, and its finding's id."""
    return f"'{book.finding(finding).label}' ({finding})"


@dataclass(frozen=True)
class Regrouped:
    """A question asked under another section's heading than before."""

    finding: str
    was_section: str  # the section's id
    now_section: str
    words: str  # the change in a nurse's words

    def as_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "was_section": self.was_section,
            "now_section": self.now_section,
            "change": self.words,
        }


def regrouped_questions(old: RuleBook, new: RuleBook, moved: list[Moved]) -> list[Regrouped]:
    """The questions both books ask under sections with another id and another title (a
    section renamed in its id alone reads the same; one retitled is a change of wording)."""
    was, now = _sections(old), _sections(new)
    in_runs = {finding for run in moved for finding in run.findings}
    out = []
    for finding, (section, title) in now.items():
        if finding not in was or section == was[finding][0] or title == was[finding][1]:
            continue
        place = (
            "moved in the order too, as said above"
            if finding in in_runs
            else "at the same place in the order"
        )
        words = (
            f"Asked under another heading: {_name(new, finding)}; now under '{title}' ({section}), "
            f"was under '{was[finding][1]}' ({was[finding][0]}); {place}"
        )
        out.append(Regrouped(finding, was[finding][0], section, words))
    return out


def _sections(book: RuleBook) -> dict[str, tuple[str, str]]:
    """Each question's section, by its finding: (id, title)."""
    return {q.finding: (section.id, section.title) for section in book.sections for q in section.questions}
