"""The release gate of `rules diff` reads each lowering (old level, new level) over the cones
of the items in play, never over diagrams of the whole books (docs/proofs.md). Each lowering
it finds, and the plainest answers it shows for it, are those the whole books' diagrams give:
on small random books and on real lowerings of the shipped book."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metasymptoms.core.loader import default_rules_dir, load_book
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing import compiled, diff_urgency
from metasymptoms.reviewing.diff_pair import Pair
from metasymptoms.reviewing.diff_urgency import hidden_lowerings
from tests.brute import (
    DRAWN_DECLARATIONS,
    GATES,
    LEVELS,
    SmallBook,
    conditions,
    declare,
    questions,
    red_flags,
)
from tests.helpers import relevelled


def whole_book_lowerings(pair: Pair) -> list[dict]:
    """The gate as it was read before, off diagrams of the whole books: each (old, new)
    level pair some answers lower without a declaration, with the plainest answers."""
    declared = pair.new.info.declared_changes if pair.new.info else ()
    readings = pair.readings
    dd = readings.dd

    def undeclared(was: int, now: int, possible: bool, *holding: object) -> tuple[int, int] | None:
        if not possible or now >= was:
            return None
        for change, applies in zip(declared, holding, strict=True):
            if (change.was.rank, change.now.rank) == (was, now) and applies:
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
    levels = [value for value in dd.leaves(region) if value is not None]
    for level in sorted(levels, key=lambda pair_of: (-pair_of[0], pair_of[1])):
        world = dd.cheapest(region, _equal(level), readings.cost)
        assert world is not None
        statement = diff_urgency._change_statement(pair, readings.everyone(world), level)
        found.append(statement.as_dict())
    return found


def _equal(level: object) -> Callable[[object], bool]:
    return lambda value: value == level


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(conditions(), LEVELS), min_size=1, max_size=4),
    st.lists(st.tuples(conditions(), LEVELS), min_size=0, max_size=4),
    GATES,
    GATES,
    DRAWN_DECLARATIONS,
)
def test_each_lowering_and_its_plainest_answers_are_the_whole_books(
    old_flags, new_flags, old_gates, new_gates, declared
) -> None:
    old = SmallBook(questions(old_gates), red_flags(old_flags))
    new = SmallBook(questions(new_gates), red_flags(new_flags))
    declare(new, declared)
    found = [statement.as_dict() for statement in hidden_lowerings(Pair(old, new))]
    assert found == whole_book_lowerings(Pair(old, new))


def _edited(tmp_path: Path, flag: str, was: str, now: str, declared: bool = False) -> RuleBook:
    copy = tmp_path / f"{flag}_{now}"
    relevelled(shutil.copytree(default_rules_dir(), copy), flag, was, now)
    if declared:
        book = (copy / "book.yaml").read_text()
        change = f"declared_changes:\n  - when: {flag}\n    was: {was}\n    now: {now}\n    reason: Meant.\n"
        (copy / "book.yaml").write_text(book.replace("declared_changes: []\n", change))
    return load_book(copy)


LOWERINGS = [  # each gives one lowering, its plainest answers of several kinds
    ("seizure", "emergency", "urgent"),
    ("spinal_cord_compression", "emergency", "urgent"),
    ("back_pain_nerve_signs", "emergency", "urgent"),  # a history of none, a "not sure"
    ("partial_bowel_blockage", "urgent", "prompt"),  # a choice
    ("vomiting_on_treatment_severe", "urgent", "prompt"),  # a number
]


@pytest.mark.parametrize(("flag", "was", "now"), LOWERINGS)
def test_a_lowering_of_the_shipped_book_is_the_whole_books(
    tmp_path: Path, flag: str, was: str, now: str
) -> None:
    old, new = load_book(), _edited(tmp_path, flag, was, now)
    found = [statement.as_dict() for statement in hidden_lowerings(Pair(old, new))]
    assert found and found == whole_book_lowerings(Pair(old, new))


@pytest.mark.parametrize(
    ("flag", "was", "now", "declared", "refused"),
    [
        ("persistent_bloating", "prompt", "urgent", False, []),
        ("seizure", "emergency", "urgent", False, [("emergency", "urgent")]),
        ("seizure", "emergency", "urgent", True, []),
    ],
)
def test_the_gate_never_reads_the_urgency_of_the_whole_books(
    tmp_path: Path, monkeypatch, flag: str, was: str, now: str, declared: bool, refused: list
) -> None:
    """A raise is proved to lower nothing, and a lowering is found or its declaration
    matched, over the cones of the items in play: the urgency of the whole books (for a
    book ten times the shipped one, longer to read than anyone waits) is never compiled."""
    whole = compiled.Reading.urgency

    def over_a_cone(reading: compiled.Reading) -> object:
        assert reading.cone is not None, "the urgency of a whole book was compiled"
        return whole.func(reading)

    monkeypatch.setattr(compiled.Reading, "urgency", property(over_a_cone))
    found = hidden_lowerings(Pair(load_book(), _edited(tmp_path, flag, was, now, declared)))
    assert [(statement.was, statement.now) for statement in found] == refused
