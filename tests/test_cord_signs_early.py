"""The signs of pressure on the spinal cord or its nerves come straight after the signs that
need help now: a triage nurse found leg weakness asked as question 26 to 32 of a walk, after
four questions about how a person feels in general. Moving the "Bones and back" section
forward makes no walk longer. (The counts below include the question on vomiting blood,
added at the end of the signs that need help now after a nurse's review: one more question
before "Bones and back" for everyone.)"""

from __future__ import annotations

import contextlib

from metasymptoms.answering.interview import run_interview
from metasymptoms.answering.prompter import Stopped
from metasymptoms.core.model import RuleBook
from tests.scripted import ScriptedPrompter

NO_DIAGNOSIS = {"cancer_history": "none", "recent_treatment": False}


def walk(book: RuleBook, answers: dict[str, object]) -> tuple[list[str], int | None]:
    """The findings asked, in order, and how many were asked when the first emergency was
    shown (None when none was). Enter everywhere else: at an emergency, "Stop here"."""
    prompter = ScriptedPrompter(book, answers=answers)
    emergency = book.guidance.wording.urgency_labels.emergency
    at: list[int] = []
    said = prompter.say

    def say(text: str, kind: str = "info") -> None:
        if kind == "emergency" and text.startswith(f"{emergency}: ") and not at:
            at.append(len(asked(prompter)))
        said(text, kind)

    prompter.say = say  # type: ignore[method-assign]
    with contextlib.suppress(Stopped, KeyboardInterrupt):  # "Stop here" at an emergency
        run_interview(book, plain=True, prompter=prompter)
    return asked(prompter), at[0] if at else None


def asked(prompter: ScriptedPrompter) -> list[str]:
    found = []
    for message in prompter.asked:
        finding = next((q.finding for q in prompter.book.questions if message.startswith(q.text)), None)
        if finding is not None:
            found.append(finding)
    return found


def test_bones_and_back_come_straight_after_the_signs_that_need_help_now(book: RuleBook) -> None:
    order = [section.id for section in book.sections]
    assert order[order.index("emergency_now") + 1] == "bones"
    assert order.index("general") > order.index("bones")


def test_back_pain_with_weak_legs_interrupts_after_20_questions_not_24(book: RuleBook) -> None:
    findings, at = walk(book, {**NO_DIAGNOSIS, "back_pain": True, "limb_weakness": ["left_leg", "right_leg"]})
    assert at == 20  # 24 before: fatigue, night sweats, weight and appetite came first
    assert findings[:at][-5:] == [
        "bone_pain",
        "fracture_minor_injury",
        "back_pain",
        "back_pain_band",
        "limb_weakness",
    ]
    assert not {"fatigue", "night_sweats", "weight_loss", "appetite_loss"} & set(findings[:at])


def test_with_cancer_and_enter_at_treatment_the_weakness_is_question_29_not_33(book: RuleBook) -> None:
    _, at = walk(book, {"cancer_history": "current", "back_pain": True, "limb_weakness": ["left_leg"]})
    assert at == 29


def test_saddle_numbness_alone_interrupts_after_19_questions_not_23(book: RuleBook) -> None:
    findings, at = walk(book, {**NO_DIAGNOSIS, "saddle_numbness": True})
    assert at == 19 and findings[at - 1] == "saddle_numbness"


def test_a_walk_with_no_symptoms_is_no_longer(book: RuleBook) -> None:
    findings, at = walk(book, NO_DIAGNOSIS)
    assert at is None
    # 46 before the move and after it (the same questions, in another order); 48 with the
    # questions on vomiting blood and on black stools, asked of everyone
    assert len(findings) == 48
