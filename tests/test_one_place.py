"""Concepts declared once and read by every module: a finding's kind (its options, the answer
it has when no question asks it, how an answer is told back), the findings with a role, and
the question that asks a finding."""

from __future__ import annotations

from pathlib import Path

from metasymptoms.core.kinds import KINDS, kind_of
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook
from metasymptoms.teaching.demo import given_value, single_changes
from metasymptoms.teaching.explore_board import symptom_ids
from tests.helpers import TINY, WITH_A_NUMBER, write_book


def tiny_with_a_number(tmp_path: Path) -> RuleBook:
    return load(write_book(tmp_path / "rules", WITH_A_NUMBER)).book


def test_an_unasked_finding_is_not_reported_or_not_given(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    assert {name: kind.unasked for name, kind in KINDS.items()} == {
        "yes_no": False,
        "choice": None,
        "number": None,
    }
    assert [given_value(book, {}, finding) for finding in ("back_pain", "cancer_history", "temperature")] == [
        False,
        None,
        None,
    ]
    assert given_value(book, {"back_pain": True}, "back_pain") is True


def test_a_single_change_offers_only_answers_the_question_offers(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    changing, keeping = single_changes(book, {"cancer_history": "current", "back_pain": True})
    offered = [(change.finding, change.value) for change in changing + keeping]
    # A typed number is never changed to yes or no; a choice to its other choices only.
    assert sorted(offered, key=str) == sorted(
        [("cancer_history", "none"), ("back_pain", False), ("limb_weakness", True), ("jaundice", True)],
        key=str,
    )


def test_an_answer_is_told_back_by_its_kind(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    history, back, temperature = (book.finding(f) for f in ("cancer_history", "back_pain", "temperature"))
    assert kind_of(history).phrase(history, "current") == '"Now"'
    assert kind_of(back).phrase(back, True) == "new back pain"
    assert kind_of(temperature).phrase(temperature, 38.5) == "your highest temperature today"
    assert [kind_of(f).describe(f) for f in (history, back, temperature)] == [
        "choice: none, current",
        "yes/no",
        "number",
    ]


def test_the_question_of_a_finding(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    question = book.question("limb_weakness")
    assert question is not None and question.text == "Weak legs?"
    assert book.question("no_such_finding") is None


def test_the_explorer_leaves_out_the_treatment_finding_by_its_role_whatever_its_id(tmp_path: Path) -> None:
    findings = (
        TINY["findings.yaml"]
        + "  - id: had_chemo\n    label: chemotherapy lately\n    role: recent_treatment\n"
    )
    questions = TINY["questions.yaml"] + "      - finding: had_chemo\n        text: Chemotherapy lately?\n"
    book = load(write_book(tmp_path / "rules", {"findings.yaml": findings, "questions.yaml": questions})).book
    assert symptom_ids(book) == ["back_pain", "limb_weakness", "jaundice"]
