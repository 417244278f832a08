"""Several "not sure" answers in one reason read as a list, not as one long answer.

A nurse read 'the answer about your history of cancer, weakness or heaviness in the arms or
legs, or difficulty walking and back or neck pain with warning features is "not sure"' as one
sentence about one answer. The answers read the safer way are set apart where one has a comma
of its own, and two or more take the plural (guidance.yaml `wording.because`)."""

from __future__ import annotations

from metasymptoms.answering.assessment_text import render_text
from metasymptoms.core.engine import assess
from metasymptoms.core.explain import because_sentence
from metasymptoms.core.model import RuleBook


def _reason(book: RuleBook, answers: dict, flag_id: str) -> str:
    flag = next(flag for flag in assess(book, answers).red_flags if flag.id == flag_id)
    return because_sentence(book, flag.because, answers)


def test_several_not_sure_answers_are_set_apart_in_the_plural(book: RuleBook) -> None:
    answers = {
        "cancer_history": "unsure",
        "back_pain": True,
        "back_pain_red_features": "unsure",
        "limb_weakness": "unsure",
    }
    text = " ".join(render_text(book, assess(book, answers)).split())
    assert (
        "Possible pressure on the spinal cord: Because you reported new back or neck pain, and the"
        " answers about your history of cancer; weakness or heaviness in the arms or legs, or"
        ' difficulty walking; and back or neck pain with warning features are "not sure", so the'
        " safer reading is used."
    ) in text


def test_one_not_sure_answer_keeps_the_singular(book: RuleBook) -> None:
    answers = {"cancer_history": "unsure", "pain_uncontrolled": True}
    assert _reason(book, answers, "pain_uncontrolled") == (
        "Because you reported pain that your painkillers no longer control, and the answer about"
        ' your history of cancer is "not sure", so the safer reading is used.'
    )


def test_two_not_sure_answers_without_commas_are_joined_by_and(book: RuleBook) -> None:
    answers = {"cancer_history": "unsure", "headache": True, "stiff_neck": "unsure"}
    assert _reason(book, answers, "headache_stiff_neck") == (
        "Because you reported a new, lasting or different headache, and the answer about a stiff"
        ' neck (it hurts to bend your head forward) is "not sure", so the safer reading is used.'
    )
