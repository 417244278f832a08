"""Follow-ups that only their names tell apart are read as one in verify's cones
(cones.Links.cone, `alike_once`), the combination "two ambers make a red" is shown reachable
by its first parts and searched for a lowering only where its parts that a finding can stop
may lower it: all give every finding and every plainest answer the whole cones give, on the shipped book and on a book grown three times whose copies' treatment
follow-ups all imply the one recent treatment."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.books import grown_book
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.conditions import findings_in, holds
from metasymptoms.core.engine import reading
from metasymptoms.core.loader import load, load_book
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing import verify
from metasymptoms.reviewing.compiled import given_answers
from metasymptoms.reviewing.cones import BookReadings, Links

BOOK = load_book()
FOLLOW_UPS = ("recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line")


def test_the_treatment_follow_ups_are_alike_and_one_stands_for_the_others() -> None:
    links = Links([BOOK])
    assert links.alike["recent_treatment"] == [FOLLOW_UPS]
    whole = links.cone(["recent_treatment"])
    narrow = links.cone(["recent_treatment"], alike_once=True)
    assert set(FOLLOW_UPS) <= whole
    assert narrow == whole - {"recent_radiotherapy", "on_steroids", "central_line"}
    # One the property reads itself stays, and the first of the others stands for the rest.
    both = links.cone(["recent_treatment", "recent_chemotherapy"], alike_once=True)
    assert both & set(FOLLOW_UPS) == {"recent_chemotherapy", "recent_radiotherapy"}


def test_a_follow_up_an_ask_if_reads_is_not_alike(tmp_path: Path) -> None:
    """A follow-up that opens another question is told apart by more than its name."""
    folder = tmp_path / "rules"
    grown_book(default_rules_dir(), folder, 1)
    questions = folder / "questions.yaml"
    text = questions.read_text()
    at = text.index("ask_if: recent_treatment", text.index("- finding: feeling_unwell"))
    questions.write_text(text[:at] + "ask_if: central_line" + text[at + len("ask_if: recent_treatment") :])
    book = load(folder).book
    assert Links([book]).alike["recent_treatment"] == [FOLLOW_UPS[:3]]


def _whole_cones(book: RuleBook) -> tuple[BookReadings, BookReadings]:
    narrow = BookReadings(book)
    wide = BookReadings(book)
    wide.cone = lambda findings: BookReadings(  # type: ignore[method-assign]
        book, wide.links.cone(findings), whole=wide
    )
    return narrow, wide


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> RuleBook:
    folder = tmp_path_factory.mktemp("grown") / "rules"
    return load(grown_book(default_rules_dir(), folder, 3, share=True)).book


@pytest.mark.parametrize("which", ["shipped", "grown"])
def test_each_flags_plainest_answers_are_those_of_its_whole_cone(which: str, grown: RuleBook) -> None:
    """For each red flag: the plainest answers that make it hold, and those that hide it, are
    the same over the narrowed cone as over the whole one."""
    book = BOOK if which == "shipped" else grown
    narrow, wide = _whole_cones(book)
    for flag in book.red_flags:
        found = []
        for readings in (narrow, wide):
            cone = readings.cone(findings_in(flag.when))
            hidden = cone.dd.apply(
                lambda person, answered: person is True and answered is False,
                cone.world.holds(flag.when),
                cone.asked.holds(flag.when),
            )
            found.append((cone.example(cone.asked.holds(flag.when)), cone.example(hidden)))
        assert found[0] == found[1], flag.id


@pytest.mark.parametrize("which", ["shipped", "grown"])
def test_verify_finds_what_the_whole_cones_find(
    which: str, grown: RuleBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every finding of the properties read over cones, with its answers, is the same with
    the whole cones, without the combination's shortcuts (`_enough`, `_may_drop`) and with
    every item evaluated on each world the downgrade search finds."""
    book = BOOK if which == "shipped" else grown
    properties = [
        verify.unreachable_red_flags,
        verify.hidden_red_flags,
        verify.interrupt_failures,
        verify.unreachable_questions,
    ]
    from metasymptoms.reviewing import cones, downgrade

    narrow = [list(check(book)) for check in properties] + [list(downgrade.downgrade_failures(book))]
    _, wide = _whole_cones(book)
    monkeypatch.setattr(cones, "_LAST", [wide])
    monkeypatch.setattr(verify, "_enough", lambda condition: [])
    monkeypatch.setattr(downgrade, "_may_drop", lambda *given: True)

    def every_item(self, world, among, quiet):  # type: ignore[no-untyped-def]
        read = reading(book, given_answers(book, world))
        return [other for other in among if other not in quiet and holds(other.when, read)]

    monkeypatch.setattr(downgrade._Quiet, "firing", every_item)
    assert narrow == [list(check(book)) for check in properties] + [list(downgrade.downgrade_failures(book))]
