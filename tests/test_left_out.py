"""What an answers file leaves out is read as Enter gives it in the questions, the safer way:
a kind of treatment (chemotherapy, radiotherapy, steroid tablets, a central line) left out
after "yes" or "not sure" to treatment is "not sure", never "no". The same answers through a
FHIR response are in test_fhir_response.py, through the terminal in test_terminal.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing.compiled import questionnaire_answers
from tests.helpers import ask_json

KINDS = ("recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line")
# The nurse's answer sets (review s30, finding 3): the file once gave urgent and routine.
LEFT_OUT = [
    (
        {"cancer_history": "none", "recent_treatment": "yes", "chest_pain": "yes"},
        "emergency",
        "chest_pain_emergency",
    ),
    (
        {"cancer_history": "none", "recent_treatment": "yes", "nausea_vomiting": "yes"},
        "urgent",
        "vomiting_on_treatment_uncounted",
    ),
]


@pytest.mark.parametrize(("answers", "urgency", "flag"), LEFT_OUT)
def test_a_kind_of_treatment_left_out_is_read_as_not_sure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: dict, urgency: str, flag: str
) -> None:
    data = ask_json(tmp_path, answers, capsys)
    assert data["urgency"] == urgency
    assert data["red_flags"][0]["id"] == flag


@pytest.mark.parametrize("treatment", ["yes", "unsure"])
def test_the_result_lists_the_kinds_left_out_as_not_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], treatment: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(f"cancer_history: none\nrecent_treatment: {treatment}\nrecent_radiotherapy: no\n")
    assert main(["ask", "--answers", str(path)]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "Questions not answered No answer was given about chemotherapy or another cancer drug in the "
        "last 6 weeks; taking steroid tablets, such as dexamethasone or prednisolone; and a central "
        "line, PICC line or port. The warning signs were checked the safer way"
    ) in text


def test_no_to_treatment_leaves_the_kinds_not_reported(book: RuleBook) -> None:
    for history in ("none", "current"):
        answers = {"cancer_history": history, "recent_treatment": False, "chest_pain": True}
        assessment = assess(book, answers)
        # spread left out after cancer is read as "not sure" too (review s31, finding 5)
        assert assessment.unsure == ("primary_cancer", "known_spread") * (history == "current")
        assert assessment.urgency is Urgency.URGENT


def test_a_kind_given_reads_the_others_left_out_as_not_sure(book: RuleBook) -> None:
    """Steroid tablets given, with no treatment answer and no cancer: the treatment is
    implied, and chemotherapy, radiotherapy and a central line were never answered."""
    assessment = assess(book, {"cancer_history": "none", "on_steroids": True})
    assert assessment.unsure == ("recent_chemotherapy", "recent_radiotherapy", "central_line")
    assessment = assess(book, {"cancer_history": "none", "on_steroids": UNSURE, "chest_pain": True})
    assert assessment.urgency is Urgency.EMERGENCY  # treatment "not sure", chemotherapy with it


def test_a_treatment_left_out_lists_only_the_treatment(book: RuleBook) -> None:
    """Its kinds were never the person's to answer; the treatment is listed, and read."""
    answers = {"cancer_history": "past", "primary_cancer": "breast", "known_spread": "none", "fever": True}
    assessment = assess(book, answers)
    assert assessment.unsure == ("recent_treatment",)
    assert assessment.urgency is Urgency.EMERGENCY


def test_the_reason_names_what_holds_not_what_only_may(book: RuleBook) -> None:
    """Treatment "yes" makes the sign on treatment hold: a central line left out, or "not
    sure", is no reason beside it (the result said "a central line ... was not given, so the
    safer reading is used" for a sign that held without it)."""
    answers = {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "fever": True,
    }
    for line in ({}, {"central_line": UNSURE}):
        fired = assess(book, {**answers, **line}).red_flags
        flag = next(flag for flag in fired if flag.id == "fever_on_chemotherapy")
        assert flag.because == ("recent_treatment", "fever")


def test_the_reviewing_side_writes_out_a_no_that_left_out_would_be_not_sure(book: RuleBook) -> None:
    """`rules verify` and `rules diff` state answers files from the questionnaire's worlds: a
    "no" to each kind after "yes" to treatment is written out, so the file replays the world."""
    world = {finding.id: False for finding in book.findings}
    world.update(cancer_history="none", recent_treatment=True, chest_pain=True)
    answers = questionnaire_answers(book, world)
    assert {kind: answers.get(kind) for kind in KINDS} == dict.fromkeys(KINDS, False)
    assert assess(book, answers).urgency is Urgency.URGENT  # as the world: no kind of treatment
    world["recent_treatment"] = False
    assert questionnaire_answers(book, world) == {"cancer_history": "none", "chest_pain": True}


# Review s31, finding 5: spread left out after a history of cancer was read as "no spread".
# (answers, urgency, red flags shown) left out; the same with `known_spread: none` is below.
SPREAD_LEFT_OUT = [
    (  # k01: new back pain, breast cancer now; once prompt with only new_symptom_with_cancer
        {
            "cancer_history": "current",
            "primary_cancer": "breast",
            "recent_treatment": "no",
            "back_pain": "yes",
        },
        "urgent",
        ["spinal_pain_warning"],
        ["new_symptom_with_cancer"],
    ),
    (  # k03: thirst alone after a past cancer; once prompt
        {"cancer_history": "past", "primary_cancer": "prostate", "recent_treatment": "no", "thirst": "yes"},
        "urgent",
        ["high_calcium", "new_symptom_with_cancer"],  # thirst is also a new symptom to tell
        ["new_symptom_with_cancer"],
    ),
    (  # a primary given without a history implies one, and the spread is as unknown
        {"primary_cancer": "lung", "recent_treatment": "no", "back_pain": "yes"},
        "urgent",
        ["spinal_pain_warning"],
        ["new_symptom_with_cancer"],
    ),
]


@pytest.mark.parametrize(("answers", "urgency", "flags", "told_none"), SPREAD_LEFT_OUT)
def test_spread_left_out_after_cancer_is_read_as_not_sure(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    answers: dict,
    urgency: str,
    flags: list,
    told_none: list,
) -> None:
    data = ask_json(tmp_path, answers, capsys)
    assert (data["urgency"], [flag["id"] for flag in data["red_flags"]]) == (urgency, flags)
    assert "known_spread" in [item["finding"] for item in data["not_asked"]]
    unsure = ask_json(tmp_path, {**answers, "known_spread": "unsure"}, capsys)
    assert (unsure["urgency"], [flag["id"] for flag in unsure["red_flags"]]) == (urgency, flags)
    none = ask_json(tmp_path, {**answers, "known_spread": "none"}, capsys)
    assert [flag["id"] for flag in none["red_flags"]] == told_none  # an answer given is read as given


def test_spread_left_out_is_told_as_not_answered(book: RuleBook) -> None:
    """Listed under "Questions not answered", never put in the person's mouth; a history of
    "none" or "not sure" never asks it, so there it is not read at all."""
    assessment = assess(book, {"cancer_history": "current", "recent_treatment": False, "back_pain": True})
    assert assessment.unsure == ("primary_cancer", "known_spread")
    assert "known_spread" not in assessment.answers
    for history in ("none", "unsure"):
        assert "known_spread" not in assess(book, {"cancer_history": history, "back_pain": True}).unsure
