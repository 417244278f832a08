"""Being sick and unable to keep fluids down: same-day advice for everyone, told once. During
cancer treatment the treatment's red sign says it (with the 24-hour line); off treatment, or
with no cancer diagnosis (steroid tablets for asthma, say), a sign of its own, never
"routine" (a nurse found the True ignored)."""

from __future__ import annotations

import pytest

from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook, Urgency

SICK = {"nausea_vomiting": True, "cannot_keep_fluids": True}


@pytest.mark.parametrize(
    "person",
    [
        {"cancer_history": "none", "recent_treatment": False},
        {
            "cancer_history": "none",
            "recent_treatment": True,
            "recent_chemotherapy": False,
            "recent_radiotherapy": False,
            "on_steroids": True,
            "central_line": False,
        },
        {
            "cancer_history": "current",
            "primary_cancer": "breast",
            "known_spread": "none",
            "recent_treatment": False,
        },
        {"cancer_history": "past", "primary_cancer": "bowel", "recent_treatment": False},
    ],
    ids=["no diagnosis", "no diagnosis on steroid tablets", "cancer off treatment", "past cancer"],
)
def test_off_cancer_treatment_it_is_a_same_day_sign_of_its_own(book: RuleBook, person: dict) -> None:
    assessment = assess(book, {**person, **SICK})
    assert assessment.urgency is Urgency.URGENT
    urgent = [flag.id for flag in assessment.red_flags if flag.urgency is Urgency.URGENT]
    # With no diagnosis, the same sign in words that name no cancer team (open finding 3).
    without = "_no_cancer_diagnosis" if person["cancer_history"] == "none" else ""
    assert urgent == [f"cannot_keep_fluids_down{without}"]


def test_without_the_fluids_answer_being_sick_alone_stays_as_it_was(book: RuleBook) -> None:
    assessment = assess(book, {"cancer_history": "none", "recent_treatment": False, "nausea_vomiting": True})
    assert assessment.urgency is Urgency.ROUTINE and not assessment.red_flags


def test_on_chemotherapy_the_treatments_red_sign_says_it_and_nothing_else_repeats_it(book: RuleBook) -> None:
    answers = {
        "cancer_history": "current",
        "primary_cancer": "breast",
        "known_spread": "none",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        **SICK,
    }
    assessment = assess(book, answers)
    assert assessment.urgency is Urgency.URGENT
    urgent = [flag.id for flag in assessment.red_flags if flag.urgency is Urgency.URGENT]
    assert urgent == ["vomiting_on_treatment_severe"]
