"""A person "not sure" of a cancer history reads warning signs that do not claim a diagnosis.

A "not sure" to the history question is read the safer way, so the signs written for people
with cancer are shown to that person too. A nurse's review found their titles saying "in a
person with cancer" to someone who never said so. The titles and advice of every sign that
can be shown after "not sure" must be true for that person; the urgency is unchanged.
"""

from __future__ import annotations

import re

import pytest

from metasymptoms.answering.assessment_text import render_text
from metasymptoms.core.engine import assess, fired_red_flags
from metasymptoms.core.kinds_base import UNSURE
from metasymptoms.core.model import RedFlag, RuleBook


def _signs_shown_when_not_sure(book: RuleBook) -> tuple[RedFlag, ...]:
    """Every sign that may hold for a person not sure of a history: every other answer
    "not sure" too (primary and spread are never asked of them)."""
    never_asked = {"cancer_history", "primary_cancer", "known_spread", "wants_outlook_questions"}
    answers = {finding.id: UNSURE for finding in book.findings if finding.id not in never_asked}
    return fired_red_flags(book, {**answers, "cancer_history": "unsure"})


def test_the_signs_shown_when_not_sure_include_those_written_for_people_with_cancer(book: RuleBook) -> None:
    ids = {flag.id for flag in _signs_shown_when_not_sure(book)}
    assert {"spinal_pain_warning", "pain_uncontrolled", "vision_change_with_cancer", "high_calcium"} <= ids


def test_no_sign_shown_when_not_sure_calls_the_reader_a_person_with_cancer(book: RuleBook) -> None:
    claims = [
        (flag.id, part)
        for flag in _signs_shown_when_not_sure(book)
        for part, text in (("title", flag.title), ("advice", flag.advice))
        if re.search(r"\bperson with cancer\b", text, re.IGNORECASE)
    ]
    assert claims == []


def test_no_sign_shown_when_not_sure_sends_to_a_cancer_team_without_another_way(book: RuleBook) -> None:
    # "Contact your cancer team" alone leaves a person with no team no one to call today.
    alone = [
        (flag.id, part.strip())
        for flag in _signs_shown_when_not_sure(book)
        for part in re.split(r"[.:;]", flag.advice)
        if "cancer team" in part and "if you have" not in part.lower()
    ]
    assert alone == []


@pytest.mark.parametrize("history", ["unsure", "current", "past"])
def test_uncontrolled_pain_reads_the_same_true_title_for_each_history(book: RuleBook, history: str) -> None:
    assessment = assess(book, {"cancer_history": history, "pain_uncontrolled": True})
    assert [(flag.id, flag.urgency.value) for flag in assessment.red_flags] == [
        ("pain_uncontrolled", "urgent")
    ]
    text = render_text(book, assessment)
    assert (
        "Urgent: Pain that painkillers no longer control\n"
        "Contact your cancer team today, or a doctor if you have none: pain that your\n"
    ) in text


def test_back_pain_with_warning_features_when_not_sure_stays_urgent_in_true_words(book: RuleBook) -> None:
    answers = {"cancer_history": "unsure", "back_pain": True, "back_pain_red_features": ("wakes_at_night",)}
    assessment = assess(book, answers)
    assert assessment.urgency.value == "urgent"
    shown = {flag.id: flag for flag in assessment.red_flags}
    assert shown["spinal_pain_warning"].title == (
        "New back or neck pain with warning features or cancer in the bones"
    )
    assert " ".join(shown["spinal_pain_warning"].advice.split()).startswith(
        "This kind of back or neck pain should be checked within 24 hours, because pressure on the"
        " spinal cord needs finding early. Contact"
        " your cancer team if you have one, or get an urgent doctor's appointment today."
    )


def test_no_title_or_advice_describes_its_reader_as_a_group_of_people(book: RuleBook) -> None:
    """Review s33 findings 4 and 10: "... in a person who has or had cancer, or is not sure",
    spoken by a screen reader, sounded as if the symptom were unsure, and repeated in every
    list of a result; the card shows only to the people its condition names, so it names the
    symptom."""
    described = [
        (flag.id, part)
        for flag in book.red_flags
        for part, text in (("title", flag.title), ("advice", flag.advice))
        if re.search(r"\bin a person\b", text, re.IGNORECASE)
    ]
    assert described == []


def test_dizziness_on_steroids_without_a_cancer_diagnosis_names_no_cancer(book: RuleBook) -> None:
    """Review s33 finding 4: steroid tablets for asthma, no cancer; the card said "in a person
    who has or had cancer, is not sure, or takes steroids" and "your cancer team"."""
    answers = {
        "cancer_history": "none",
        "recent_treatment": True,
        "on_steroids": True,
        "dizzy_on_standing": True,
        "fatigue": True,
    }
    assessment = assess(book, answers)
    assert [(flag.id, flag.urgency.value) for flag in assessment.red_flags] == [
        ("adrenal_crisis_on_steroids_no_cancer_diagnosis", "urgent")
    ]
    text = render_text(book, assessment)
    assert (
        "Urgent: Dizziness on standing with sickness or great tiredness\n"
        "Get an urgent doctor's appointment today, and say that you take steroid\n"
    ) in text
    assert "cancer" not in " ".join(flag.title + flag.advice for flag in assessment.red_flags).lower()


@pytest.mark.parametrize("history", ["unsure", "current", "past"])
def test_dizziness_with_a_cancer_history_or_not_sure_keeps_the_adrenal_sign(
    book: RuleBook, history: str
) -> None:
    answers = {"cancer_history": history, "dizzy_on_standing": True, "fatigue": True}
    assert "adrenal_crisis" in [flag.id for flag in assess(book, answers).red_flags]


def test_the_black_stools_help_does_not_invite_a_no_from_a_person_on_iron(book: RuleBook) -> None:
    """Review s33 finding 6: "iron tablets can also make stools dark" read as "that explains it"."""
    question = next(q for section in book.sections for q in section.questions if q.finding == "black_stools")
    assert "answer yes anyway if they are black and sticky like tar, or dark red" in " ".join(
        (question.help or "").split()
    )


def test_new_back_pain_with_cancer_in_the_bones_is_not_said_to_have_warning_features(book: RuleBook) -> None:
    # Any new back pain is urgent once cancer is known to be in the bones: the card's name
    # must hold without the warning features the person did not report (it claimed them).
    answers = {"cancer_history": "current", "known_spread": "bones", "back_pain": True}
    shown = {flag.id: flag for flag in assess(book, answers).red_flags}
    assert shown["spinal_pain_warning"].urgency.value == "urgent"
    assert (
        shown["spinal_pain_warning"].title
        == "New back or neck pain with warning features or cancer in the bones"
    )
