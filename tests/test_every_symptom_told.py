"""Every symptom a person told of is in their result. A symptom that no warning sign and no
site named was once dropped wherever something else matched: a person with no cancer
diagnosis who reported weight loss and a lasting bone pain read about the bone pain only,
and the weight loss was nowhere, though a provider would want to hear of it."""

from __future__ import annotations

import pytest

from metasymptoms.answering.assessment_text import render_text
from metasymptoms.answering.result import Block, blocks, findings_about_the_person
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.kinds_yes_no import YesNo
from metasymptoms.core.model import RuleBook
from tests.test_result_order import words

HISTORIES = {
    "no diagnosis": {"cancer_history": "none"},
    "cancer now": {"cancer_history": "current", "primary_cancer": "breast"},
    "not sure": {"cancer_history": "unsure"},
}
# One symptom for each way a result can be shaped around it: a site (bone pain points to the
# bones), an emergency warning sign (a seizure), a warning sign within days (night sweats with
# weight loss, with a partner), and one that matches nothing alone (tiredness).
ANCHORS = ("bone_pain", "seizure", "night_sweats", "fatigue")

NOT_SURE = 'Answers you were not sure about or left at "not sure"'


def test_weight_loss_beside_a_bone_pain_is_listed_for_the_provider(book: RuleBook) -> None:
    answers = {"cancer_history": "none", "weight_loss": True, "bone_pain": True, "symptoms_persistent": False}
    shown = blocks(book, assess(book, answers))
    headings = [block.heading for block in shown]
    other = Block(
        "Other symptoms you told of",
        ("Tell your provider about these too.",),
        ("losing weight without trying",),
        level=3,
    )
    assert other in shown
    # After the site it sits beside, before what is said of every symptom listed.
    assert headings.index("Bones") < headings.index(other.heading) < headings.index("Other causes are common")


def test_a_symptom_read_from_another_answer_is_not_listed_twice(book: RuleBook) -> None:
    # The measured temperature is told as the fever it was read as, in the warning sign's reasons.
    answers = {"cancer_history": "current", "primary_cancer": "breast", "recent_treatment": "yes"}
    shown = blocks(book, assess(book, {**answers, "temperature": 38.4, "bone_pain": True}))
    assert "Other symptoms you told of" not in [block.heading for block in shown]


@pytest.mark.parametrize("history", HISTORIES)
@pytest.mark.parametrize("anchor", ANCHORS)
def test_every_yes_told_is_in_the_result(book: RuleBook, history: str, anchor: str) -> None:
    about = findings_about_the_person(book)
    missing = []
    for finding in book.findings:
        if finding.id in about or not isinstance(kind_of(finding), YesNo):
            continue
        answers = {**HISTORIES[history], anchor: True, finding.id: True}
        if "weight_loss" not in answers and anchor == "night_sweats":
            answers["weight_loss"] = True  # night sweats alone match no warning sign
        text = words(render_text(book, assess(book, answers)))
        if words(finding.label) not in text:
            missing.append(finding.id)
    assert missing == []


# A triage nurse's cases: a symptom whose follow-up a warning sign names (how many times, a
# measured temperature, where the back hurts) is not listed again as if the tool ignored it.
NAMED_BY_A_FOLLOW_UP = {
    "five extra loose stools on chemotherapy": {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "diarrhoea": True,
        "diarrhoea_times": 5.0,
    },
    "back pain that keeps getting worse": {
        "cancer_history": "none",
        "back_pain": True,
        "back_pain_severe_progressive": True,
    },
    "a fever and a measured 38.2 °C on chemotherapy": {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "fever": True,
        "temperature": 38.2,
    },
}


@pytest.mark.parametrize("case", NAMED_BY_A_FOLLOW_UP)
def test_a_symptom_a_warning_sign_names_by_its_follow_up_is_not_listed_again(
    book: RuleBook, case: str
) -> None:
    assessment = assess(book, NAMED_BY_A_FOLLOW_UP[case])
    assert assessment.red_flags  # a warning sign matched, naming the follow-up
    assert "Other symptoms you told of" not in [block.heading for block in blocks(book, assessment)]


def test_under_emergency_advice_the_other_symptoms_are_for_the_people_who_see_them(book: RuleBook) -> None:
    shown = blocks(book, assess(book, {"cancer_history": "none", "seizure": True, "weight_loss": True}))
    assert (
        Block(
            "Other symptoms you told of",
            ("Tell the people who see you about these too.",),
            ("losing weight without trying",),
            level=3,
        )
        in shown
    )


def test_an_answer_left_out_is_not_called_not_sure(book: RuleBook) -> None:
    # An answers file that leaves out treatment is read the safer way, but the person (or
    # whoever wrote the file) never said "not sure": the result says what happened.
    answers = {"cancer_history": "current", "primary_cancer": "breast", "weight_loss": True}
    shown = blocks(book, assess(book, answers))
    assert (
        Block(
            "Questions not answered",
            (
                "No answer was given about what you were told about spread and cancer treatment or "
                "steroid tablets in the last 6 weeks. "
                "The warning signs were checked the safer way, as if the answer could be yes, so that "
                "none is missed. Tell your provider what applies to you.",
            ),
            level=3,
        )
        in shown
    )
    assert NOT_SURE not in [block.heading for block in shown]
    # Said "not sure", and one left out: each under its own words.
    shown = blocks(book, assess(book, {**answers, "cancer_history": "unsure", "fatigue": "unsure"}))
    unsure = next(block for block in shown if block.heading == NOT_SURE)
    assert unsure.paragraphs[0].startswith(
        'You chose "not sure", or left the answer at "not sure", for your history of cancer and '
        "extreme tiredness that rest does not fix."
    )
    assert "Questions not answered" in [block.heading for block in shown]
