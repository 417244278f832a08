"""A case tells the class its answers truly: every question it was asked and did not
answer No is listed (a number or a choice it left out as "not given"), so "Every other
question they were asked, they answered No" is true; and the flagship case does not say
"left leg; right leg" and then "both legs? No"."""

from __future__ import annotations

import pytest

from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.teaching.demo import walk
from metasymptoms.teaching.quiz import case_lines

NAMES = [path.stem for path in sorted((default_rules_dir() / "scenarios").glob("*.yaml"))]


@pytest.mark.parametrize("name", NAMES)
def test_every_question_not_listed_was_answered_no(book: RuleBook, name: str) -> None:
    items, _ = load_scenarios(default_rules_dir(), book)
    item = next(item for item in items if item.name == name)
    listed = {line.text for line in case_lines(book, item)}
    assert book.guidance.wording.teaching.quiz.other_answers_no in listed
    for event in walk(book, item.answers):
        if event.kind == "asked" and event.text not in listed:
            answer = event.text.rsplit("  [", 1)[1].rstrip("]")
            assert answer in ("No", "None of these"), event.text


def test_the_flagship_case_has_weakness_in_both_legs_told_as_both(book: RuleBook) -> None:
    items, _ = load_scenarios(default_rules_dir(), book)
    item = next(item for item in items if item.name == "breast_cord_compression")
    asked = {event.finding: event.text for event in walk(book, item.answers) if event.kind == "asked"}
    assert asked["limb_weakness"].endswith("[left leg; right leg]")
    assert asked["numbness_both_legs"].endswith("[Yes]")
    assert "last step" not in (item.scenario.teacher_notes or "")  # the lesson's last step is the notes
