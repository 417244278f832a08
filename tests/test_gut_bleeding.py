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
        (
            {
                "cancer_history": "none",
                "recent_treatment": False,
                "black_stools": True,
                "shortness_of_breath": True,
            },
            "emergency",
            ["black_stools_faint"],
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


ON_CHEMOTHERAPY = {
    "cancer_history": "current",
    "recent_treatment": True,
    "recent_chemotherapy": True,
    "black_stools": True,
}


def test_black_stools_during_treatment_keep_the_call_for_faintness_in_both_cards(book: RuleBook) -> None:
    """Review s33 finding 1: the treatment card covered the black-stools card and so hid its
    only "faint or dizzy: call the emergency number". Both cards now show, and the treatment
    card names black stools and the signs of blood loss inside the gut."""
    text = " ".join(render_text(book, assess(book, ON_CHEMOTHERAPY)).split())
    assert (
        "Urgent: New bleeding or bruising during treatment Call the 24-hour line of the team treating"
        " you now, or urgent care if you have none: new bleeding or bruising during treatment,"
        " including black or dark red stools, needs to be checked in person today. If you feel faint"
        " or dizzy, become breathless, have chest pain, vomit blood, pass a lot of blood, or the"
        " bleeding will not stop, call your local emergency number (911 / 999 / 112) now."
    ) in text
    assert (
        "Urgent: Black, tar-like stools, or dark red stools Black, sticky stools like tar, or dark red"
        " stools, can be blood from higher up the gut and should be checked today: ask for an urgent"
        " doctor's appointment or call a nurse advice line today. If you also vomit blood, feel faint,"
        " dizzy or very unwell, become breathless, have chest pain, notice cold, pale, clammy skin, or"
        " are bleeding heavily, call your local emergency number (911 / 999 / 112) or go to the"
        " emergency department now."
    ) in text


def test_a_person_not_sure_of_a_history_reads_the_black_stools_card_not_only_the_treating_team(
    book: RuleBook,
) -> None:
    """The treatment card holds only as "maybe" here (history not sure, treatment not given);
    the black-stools card, which holds for certain, is not folded into it."""
    assessment = assess(book, {"cancer_history": "unsure", "black_stools": True})
    assert assessment.urgency.value == "urgent"
    text = " ".join(render_text(book, assessment).split())
    assert "Urgent: Black, tar-like stools, or dark red stools Black, sticky stools like tar" in text
    assert "ask for an urgent doctor's appointment or call a nurse advice line today" in text


def test_the_black_stools_card_names_no_cancer_team_to_a_person_without_a_diagnosis(book: RuleBook) -> None:
    text = render_text(book, assess(book, {"cancer_history": "none", "black_stools": True})).lower()
    assert "cancer team" not in text
    assert [phrase for phrase in FORBIDDEN_WITHOUT_CANCER if phrase in text] == []


@pytest.mark.parametrize("finding", ["shortness_of_breath", "chest_pain", "dizziness", "dizzy_on_standing"])
@pytest.mark.parametrize("history", ["none", "unsure", "current"])
def test_black_stools_with_breathlessness_chest_pain_or_dizziness_are_an_emergency(
    book: RuleBook, finding: str, history: str
) -> None:
    """Review s33 finding 2: the NHS signs of serious blood loss go beyond dizziness (fast
    breathing); chest pain is the safer reading (a nurse's judgement, explain says so)."""
    assessment = assess(book, {"cancer_history": history, "black_stools": True, finding: True})
    assert assessment.urgency.value == "emergency"
    assert "black_stools_faint" in [flag.id for flag in assessment.red_flags]


def test_black_stools_with_belly_pain_alone_stay_a_same_day_check(book: RuleBook) -> None:
    """Left for a clinician (review s33): belly pain is not carried over from vomiting blood."""
    answers = {
        "cancer_history": "none",
        "recent_treatment": False,
        "black_stools": True,
        "abdominal_pain": True,
    }
    assessment = assess(book, answers)
    assert assessment.urgency.value == "urgent"
    assert "black_stools_faint" not in [flag.id for flag in assessment.red_flags]


def test_every_ending_lists_vomiting_blood_and_dark_red_stools_among_the_emergency_signs(
    book: RuleBook,
) -> None:
    assert (
        "Coughing up more than a few streaks of blood; vomiting blood; black or dark red stools with"
        " feeling faint, dizzy or breathless, or with chest pain; or heavy bleeding that will not stop"
    ) in book.guidance.emergency_signs


def test_the_emergency_list_speaks_to_a_person_not_sure_of_a_cancer_history(book: RuleBook) -> None:
    """Review s33 finding 3: "For a person with cancer" read to a person who is not sure as not
    about them, though both signs on the line are emergencies for them."""
    assert (
        "If you have or had cancer, or are not sure whether you have had it: new weakness in the arms"
        " or legs, or back pain that shoots around the chest or belly like a band"
    ) in book.guidance.emergency_signs
    assert not [line for line in book.guidance.emergency_signs if "a person with cancer" in line.lower()]


@pytest.mark.parametrize("bleeding", [{}, {"black_stools": True}, {"vomiting_blood": True}])
def test_dizziness_with_bleeding_from_the_gut_is_not_taught_as_adrenal_spread(
    book: RuleBook, bleeding: dict
) -> None:
    """Review s33 finding 9: with black stools, dizziness on standing is first a sign of blood
    loss (its own warning sign); the adrenal site stays for the same answers without bleeding."""
    answers = {
        **ON_CHEMOTHERAPY,
        "black_stools": False,
        "dizzy_on_standing": True,
        "fatigue": True,
        **bleeding,
    }
    assessment = assess(book, answers)
    assert ("adrenal_glands" in [site.id for site in assessment.sites]) == (not bleeding)
    assert "adrenal_crisis" in [flag.id for flag in assessment.red_flags]
