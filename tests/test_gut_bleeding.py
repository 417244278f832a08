"""Bleeding from the gut: vomiting blood and black stools (a nurse's review found no question
about either). Both are asked of everyone, with or without cancer: ulcers and medicines cause
them far more often than cancer, and cancer treatment makes bleeding more likely. Written from
the NHS pages on vomiting blood and on bleeding from the bottom (docs/clinical-basis.md)."""

from __future__ import annotations

import pytest

from metasymptoms.answering.assessment_text import render_text
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from tests.test_cord_signs_early import walk
from tests.test_properties import FORBIDDEN_WITHOUT_CANCER


@pytest.mark.parametrize("history", ["none", "unsure", "current", "past"])
def test_both_questions_are_asked_of_everyone(book: RuleBook, history: str) -> None:
    findings, at = walk(book, {"cancer_history": history})
    assert at is None
    assert "vomiting_blood" in findings and "black_stools" in findings


def test_vomiting_blood_is_asked_among_the_signs_that_need_help_now(book: RuleBook) -> None:
    first_signs = next(section for section in book.sections if section.id == "emergency_now")
    assert first_signs.questions[-1].finding == "vomiting_blood"


def test_vomiting_blood_interrupts_at_once(book: RuleBook) -> None:
    findings, at = walk(book, {"cancer_history": "none", "recent_treatment": False, "vomiting_blood": True})
    assert at is not None and findings[at - 1] == "vomiting_blood"
    assert "black_stools" not in findings  # stopped at the emergency


def test_black_stools_with_dizziness_on_standing_interrupts_when_black_stools_are_answered(
    book: RuleBook,
) -> None:
    answers = {
        "cancer_history": "none",
        "recent_treatment": False,
        "dizzy_on_standing": True,
        "black_stools": True,
    }
    findings, at = walk(book, answers)
    assert at is not None and findings[at - 1] == "black_stools"


@pytest.mark.parametrize(
    ("answers", "urgency", "shown"),
    [
        (
            {"cancer_history": "none", "recent_treatment": False, "vomiting_blood": True},
            "emergency",
            ["vomiting_blood"],
        ),
        (
            {"cancer_history": "none", "recent_treatment": False, "black_stools": True},
            "urgent",
            ["black_stools"],
        ),
        (
            {"cancer_history": "none", "recent_treatment": False, "black_stools": True, "dizziness": True},
            "emergency",
            ["black_stools_faint"],
        ),
        (
            {
                "cancer_history": "past",
                "recent_treatment": False,
                "known_spread": "none",
                "black_stools": True,
            },
            "urgent",
            ["black_stools"],
        ),
        (
            {
                "cancer_history": "current",
                "known_spread": "none",
                "recent_treatment": True,
                "recent_chemotherapy": True,
                "recent_radiotherapy": False,
                "on_steroids": False,
                "central_line": False,
                "black_stools": True,
            },
            "urgent",
            ["bleeding_on_treatment", "black_stools"],
        ),
    ],
)
def test_exact_outcomes(book: RuleBook, answers: dict, urgency: str, shown: list[str]) -> None:
    assessment = assess(book, answers)
    assert assessment.urgency.value == urgency
    assert [flag.id for flag in assessment.red_flags] == shown


def test_a_person_without_a_diagnosis_who_vomited_blood_reads_the_emergency_in_plain_words(
    book: RuleBook,
) -> None:
    text = render_text(book, assess(book, {"cancer_history": "none", "vomiting_blood": True}))
    assert (
        "EMERGENCY: Vomiting blood\n"
        "Vomiting blood, or vomit that looks like coffee grounds, can mean bleeding in\n"
        "the stomach or food pipe. Call your local emergency number (911 / 999 / 112)\n"
        "or go to the emergency department now. Do not drive yourself: ask someone to\n"
        "take you, or call for an ambulance. Take the medicines you use with you.\n"
    ) in text
    assert [phrase for phrase in FORBIDDEN_WITHOUT_CANCER if phrase in text.lower()] == []


def test_black_stools_during_treatment_are_one_card_with_the_team_treating_you(book: RuleBook) -> None:
    answers = {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "black_stools": True,
    }
    text = render_text(book, assess(book, answers))
    assert (
        "Urgent: New bleeding or bruising during treatment\nCall the 24-hour line of the team treating you now"
        in text
    )
    assert "Urgent: Black, tar-like stools" not in text  # told within the card above, with its reason
    assert (
        "Because you reported chemotherapy or another cancer drug in the last 6 weeks, cancer treatment or steroid tablets in the last 6 weeks and black, tar-like stools, or dark red stools."
        in " ".join(text.split())
    )


def test_every_ending_lists_vomiting_blood_among_the_emergency_signs(book: RuleBook) -> None:
    assert (
        "Coughing up more than a few streaks of blood, vomiting blood, black stools with feeling"
        " faint or dizzy, or heavy bleeding that will not stop"
    ) in book.guidance.emergency_signs
