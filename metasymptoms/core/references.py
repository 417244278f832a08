"""What one rule file says of another, checked once every file is valid on its own: ids
spelled right and used once, questions that depend only on earlier answers, dates that have happened. Every problem is located.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from metasymptoms.core.book_record import BookInfo
from metasymptoms.core.conditions import findings_in
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.layout import (
    BOOK,
    GUIDANCE,
    ITEM_KINDS,
    QUESTIONS,
    RED_FLAGS,
    BookLayout,
    Place,
)
from metasymptoms.core.model import Combination, Question, RedFlag, RuleBook
from metasymptoms.core.plain_errors import pattern_message
from metasymptoms.core.problems import Location, Problem
from metasymptoms.core.suggest import close_match
from metasymptoms.core.validate import location

if TYPE_CHECKING:
    from metasymptoms.core.yamlfile import Path_, YamlDocument

_SPELLING = {
    "id": (re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*"), "id"),
    "source key": (re.compile(r"[A-Z][A-Z0-9-]*"), "sources"),
}
# The items that record a check against their sources.
_CHECKED = ("red_flag", "rule")


def check_references(
    book: RuleBook,
    layout: BookLayout,
    documents: dict[Path, YamlDocument],
    combinations: tuple[Combination, ...],
    today: datetime.date,
) -> list[Problem]:
    """Every problem between the files of a book whose files are each valid (the ids one
    file names of another are checked before, on every file: citations.py)."""
    check = _References(book, layout, documents)
    check.spelling()
    check.unique()
    check.findings()
    check.implies_cycles()
    check.questions()
    check.combinations(combinations)
    check.covers()
    check.countries()
    check.dates(today)
    if book.info is not None:
        check.info(book.info, today)
    return check.problems


class _References:
    def __init__(self, book: RuleBook, layout: BookLayout, documents: dict[Path, YamlDocument]):
        self.book = book
        self.layout = layout
        self.documents = documents
        self.problems: list[Problem] = []
        self.places = list(layout.places(book))
        self.known_findings = {finding.id for finding in book.findings}

    def at(self, file: Path, path: Path_) -> Location:
        return location(file, self.documents.get(file), path)

    def error(self, file: Path, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.at(file, path), message))

    def of_kind(self, kind: str) -> Iterator[Place]:
        return (place for place in self.places if place.kind == kind)

    def spelling(self) -> None:
        """Ids are lowercase words joined by underscores (a dot separates a rule's site);
        source keys are capitals, digits and dashes."""
        spelled: list[tuple[Path, Path_, str, str]] = []
        for place in self.places:
            how = ITEM_KINDS[place.kind].spelling
            if how is not None:
                spelled.append((place.file, place.path + ("id",), place.item_id, how))
            if place.kind == "finding":
                spelled += [
                    (place.file, place.path + ("choices", j, "value"), choice.value, "id")
                    for j, choice in enumerate(place.item.choices)
                ]
        for file, path, value, how in spelled:
            pattern, name = _SPELLING[how]
            if not pattern.fullmatch(value):
                self.error(file, path, pattern_message(name, value))

    def unique(self) -> None:
        first: dict[tuple[str, str], Place] = {}  # located only when an id comes again
        for place in self.places:
            if ITEM_KINDS[place.kind].spelling is None:
                continue  # a question is named by its finding: asked twice is its own problem
            key = (place.kind, place.item_id)
            if key not in first:
                first[key] = place
                continue
            words = ITEM_KINDS[place.kind].words
            was = first[key]
            self.problems.append(
                Problem(
                    self.at(place.file, place.path + ("id",)),
                    f"the {words} id '{place.item_id}' is used twice (first at "
                    f"{self.at(was.file, was.path + ('id',))}); each id must be unique",
                )
            )

    def findings(self) -> None:
        book = self.book
        for place in self.of_kind("finding"):
            file, here, finding = place.file, place.path, place.item
            for field_name, message in kind_of(finding).problems(finding):
                self.error(file, here + (field_name,), message)
            if finding.implies is not None:
                implied = next((other for other in book.findings if other.id == finding.implies), None)
                if implied is None or not kind_of(implied).reports or implied.id == finding.id:
                    self.error(
                        file,
                        here + ("implies",),
                        f"'{finding.id}' implies '{finding.implies}', which is not another yes/no finding"
                        f"{close_match(finding.implies, [f.id for f in book.findings])}",
                    )
            values = [choice.value for choice in finding.choices]
            for j, value in enumerate(values):
                if value in values[:j]:
                    self.error(
                        file,
                        here + ("choices", j, "value"),
                        f"the choice '{value}' of '{finding.id}' is listed twice",
                    )

    def implies_cycles(self) -> None:
        """Findings that imply each other round in a circle (a implies b, b implies a) leave
        no answer settled, and a walk along them never ends: each circle is an error, once,
        at the first of its findings in the book."""
        implies = {finding.id: finding.implies for finding in self.book.findings if finding.implies}
        places = {place.item_id: place for place in self.of_kind("finding")}
        order = {finding_id: n for n, finding_id in enumerate(places)}
        settled: set[str] = set()  # findings whose chain has been walked
        for start in places:
            chain: list[str] = []
            current: str | None = start
            while current is not None and current not in settled and current not in chain:
                chain.append(current)
                current = implies.get(current)
            settled.update(chain)
            if current is None or current not in chain or chain[-1] == current:
                continue  # the chain ends, joins one walked before, or a finding implies itself
            circle = chain[chain.index(current) :]
            first = min(range(len(circle)), key=lambda k: order[circle[k]])
            circle = circle[first:] + circle[:first]
            said = ", which implies ".join(f"'{finding}'" for finding in [*circle[1:], circle[0]])
            place = places[circle[0]]
            self.error(
                place.file,
                place.path + ("implies",),
                f"'{circle[0]}' implies {said}: the implies go round in a circle, so no answer "
                "can settle them; remove one of them",
            )

    def countries(self) -> None:
        """One emergency number per country: with two, which one a person is shown is an accident."""
        numbers = self.book.guidance.emergency_numbers
        file = self.layout.file(GUIDANCE)
        first: dict[str, Location] = {}
        for i, entry in enumerate(numbers.countries):
            here = self.at(file, ("emergency_numbers", "countries", i, "country"))
            if entry.country.upper() in first:
                self.problems.append(
                    Problem(
                        here,
                        f"the country '{entry.country}' is listed twice (first at {first[entry.country.upper()]}); "
                        "keep one emergency number per country",
                    )
                )
            first.setdefault(entry.country.upper(), here)
        chosen = self.book.info.emergency_number if self.book.info else "anywhere"
        if chosen != "anywhere" and chosen not in first:
            self.error(
                self.layout.file(BOOK),
                ("emergency_number",),
                f"no emergency number is listed for the country '{chosen}' in guidance.yaml's "
                "emergency_numbers; write one of its countries, or anywhere",
            )

    def questions(self) -> None:
        """Each question asks a finding of the book, once, with a default that answers it;
        then its ask_if depends only on answers given before it is reached."""
        file = self.layout.file(QUESTIONS)
        asked_at: dict[str, tuple[Path_, Question]] = {}
        for place in self.of_kind("question"):
            here, question = place.path, place.item
            if question.finding not in self.known_findings:
                continue  # told before, with the other unknown names (citations.py)
            if question.finding in asked_at:
                self.error(
                    file,
                    here + ("finding",),
                    f"'{question.finding}' is already asked by another question; each finding is asked once",
                )
            else:
                asked_at[question.finding] = (here, question)
                self._default(file, here, question.finding, question.default)
        self._ask_if_order(file, asked_at)

    def _default(self, file: Path, here: Path_, finding_id: str, default: str | None) -> None:
        finding = self.book.finding(finding_id)
        allowed = kind_of(finding).allowed_defaults(finding)
        if default is not None and default not in allowed:
            self.error(
                file,
                here + ("default",),
                f"'{default}' is not an answer to '{finding_id}'{close_match(default, allowed)}; "
                + (f"use one of {', '.join(allowed)}" if allowed else "remove the default"),
            )

    def _ask_if_order(self, file: Path, asked_at: dict[str, tuple[Path_, Question]]) -> None:
        """ask_if may only depend on answers given before the question is reached."""
        order = {finding: n for n, finding in enumerate(asked_at)}
        for finding, (here, question) in asked_at.items():
            if question.ask_if is None:
                continue
            for used in findings_in(question.ask_if):
                if used not in order:
                    self.error(
                        file, here + ("ask_if",), f"'ask_if' depends on '{used}', but no question asks it"
                    )
                elif order[used] >= order[finding]:
                    self.error(
                        file,
                        here + ("ask_if",),
                        f"'ask_if' depends on '{used}', which is asked later; a question can depend only on earlier answers",
                    )

    def combinations(self, combinations: tuple[Combination, ...]) -> None:
        for i, combination in enumerate(combinations):
            graded = sum(flag.grade == combination.of_grade for flag in self.book.red_flags)
            if combination.at_least < 2 or graded < combination.at_least:
                self.error(
                    self.layout.file(RED_FLAGS),
                    self.layout.combination_path(i) + ("at_least",),
                    f"'{combination.id}' needs at least 2 of the warning signs graded '{combination.of_grade}', "
                    f"and {graded} are graded so",
                )

    def covers(self) -> None:
        """A sign covers other signs of the book, and never, through others, itself: in a
        loop of covers no card could tell the others. Each loop is told once, as a chain.
        (Covering a more urgent sign is allowed: that sign keeps its own card, core/covers.py.)"""
        flags = {flag.id: flag for flag in self.book.red_flags}
        loops: set[frozenset[str]] = set()
        for place in self.of_kind("red_flag"):
            for k, covered in enumerate(place.item.covers):
                path = place.path + ("covers", k)
                if covered not in flags or covered == place.item_id:
                    message = f"'{covered}' is not another red flag of this rule book"
                    self.error(place.file, path, message + close_match(covered, set(flags)))
                elif (back := _chain(flags, covered, place.item_id)) and frozenset(back) not in loops:
                    loops.add(frozenset(back))
                    chain = " -> ".join([place.item_id, *back])
                    self.error(place.file, path, f"a loop of covers ({chain}): no card could tell the others")

    def dates(self, today: datetime.date) -> None:
        """A check against sources, and a page's own review, record something that happened:
        never a future date."""
        for place in self.places:
            if place.kind in _CHECKED and place.item.checked.date > today:
                self.error(
                    place.file,
                    place.path + ("checked", "date"),
                    f"the date {place.item.checked.date.isoformat()} is in the future; write the day the check was done",
                )
            reviewed = getattr(place.item, "reviewed", None) if place.kind == "source" else None
            if reviewed is not None and reviewed > today:
                self.error(
                    place.file,
                    place.path + ("reviewed",),
                    f"the date {reviewed.isoformat()} is in the future; write the date the page says it was reviewed",
                )

    def info(self, info: BookInfo, today: datetime.date) -> None:
        """book.yaml: sign-offs that happened, for versions that make sense, and an
        approved status only with a sign-off of the current version."""
        file = self.layout.file(BOOK)
        for i, sign_off in enumerate(info.sign_offs):
            if sign_off.date > today:
                self.error(
                    file,
                    ("sign_offs", i, "date"),
                    f"the date {sign_off.date.isoformat()} is in the future; a sign-off records the day it happened",
                )
        if info.status == "approved" and not any(s.version == info.version for s in info.sign_offs):
            self.error(
                file,
                ("status",),
                f"the status is 'approved' but no one has signed off version {info.version}; "
                "add a sign-off (name, role, date, version) or set the status to draft",
            )
        for i, change in enumerate(info.declared_changes):
            if change.now.rank >= change.was.rank:
                self.error(
                    file,
                    ("declared_changes", i, "now"),
                    f"'{change.now.value}' is not lower than '{change.was.value}'; only a lowered urgency needs declaring",
                )
        released = info.released_book
        if released is not None and (released.git is None) == (released.folder is None):
            self.error(file, ("released_book",), "released_book names exactly one of git: or folder:")
        for i, exception in enumerate(info.lowers_urgency_when_reported):
            if exception.finding not in self.known_findings:
                self.error(
                    file,
                    ("lowers_urgency_when_reported", i, "finding"),
                    f"'{exception.finding}' is not a finding in findings.yaml{close_match(exception.finding, self.known_findings)}",
                )


def _chain(flags: dict[str, RedFlag], start: str, goal: str) -> list[str]:
    """The shortest chain of covers from `start` to `goal`, both included; empty if none."""
    came_from: dict[str, str] = {start: start}
    todo = [start]
    while todo:
        flag_id = todo.pop(0)
        if flag_id == goal:
            chain = [goal]
            while chain[-1] != start:
                chain.append(came_from[chain[-1]])
            return chain[::-1]
        for covered in flags[flag_id].covers if flag_id in flags else ():
            if covered not in came_from:
                came_from[covered] = flag_id
                todo.append(covered)
    return []
