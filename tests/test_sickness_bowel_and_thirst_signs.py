"""Being sick, belly and bowel signs, and thirst: each answers file below gives exactly the
urgency and warning signs shown (a triage nurse's review found each once lower, or with the
wrong cards). Spread left out is in test_left_out.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.cli import main
from tests.helpers import ask_json

CHEMO = {"recent_treatment": "yes", "recent_chemotherapy": "yes", "recent_radiotherapy": "no"}
BOWEL_NOW = {"cancer_history": "current", "primary_cancer": "colorectal", "known_spread": "none"}

CASES = [
    pytest.param(  # finding 3, n14: was routine
        {
            "cancer_history": "none",
            "nausea_vomiting": "yes",
            "abdominal_pain": "yes",
            "abdominal_swelling": "yes",
        },
        "urgent",
        ["vomiting_belly_pain_swelling_no_cancer_diagnosis"],
        id="no diagnosis: sick with belly pain and a swollen belly",
    ),
    pytest.param(  # finding 3, d01: was prompt
        {
            "cancer_history": "current",
            "primary_cancer": "breast",
            "known_spread": "none",
            "recent_treatment": "no",
            "nausea_vomiting": "yes",
            "abdominal_pain": "yes",
            "abdominal_swelling": "yes",
        },
        "urgent",
        ["partial_bowel_blockage", "new_symptom_with_cancer"],
        id="breast cancer, no spread: sick with belly pain and a swollen belly",
    ),
    pytest.param(  # finding 6, a06: was routine, "none of the warning signs"
        {**BOWEL_NOW, **CHEMO, "on_steroids": "no", "central_line": "no", "diarrhoea_times": 3},
        "prompt",
        ["diarrhoea_on_treatment_mild"],
        id="bowel cancer on chemotherapy: 3 more loose stools",
    ),
    pytest.param(  # finding 6, d05: was prompt (from the belly pain alone)
        {
            "cancer_history": "current",
            "primary_cancer": "melanoma",
            "known_spread": "none",
            **CHEMO,
            "diarrhoea_times": 2,
            "abdominal_pain": "yes",
        },
        "urgent",
        [
            "diarrhoea_with_belly_pain_on_drug_treatment",
            "new_symptom_with_cancer",
            "diarrhoea_on_treatment_mild",
        ],
        id="melanoma on cancer drugs: 2 more loose stools with belly pain",
    ),
    pytest.param(  # finding 10, n08: was routine
        {
            "cancer_history": "none",
            "thirst": "yes",
            "urinating_often": "yes",
            "constipation": "yes",
            "fatigue": "yes",
        },
        "prompt",
        ["thirst_and_urine_no_cancer_diagnosis"],
        id="no diagnosis: thirst, passing urine often, constipation, tiredness",
    ),
    pytest.param(  # finding 11, u06: one card for one symptom
        {
            "cancer_history": "current",
            "primary_cancer": "lung",
            "known_spread": "none",
            "recent_treatment": "yes",
            "recent_chemotherapy": "yes",
            "nausea_vomiting": "yes",
            "vomiting_times": "unsure",
        },
        "urgent",
        ["vomiting_on_treatment_uncounted", "new_symptom_with_cancer"],
        id="lung cancer on chemotherapy: sick, not sure how often",
    ),
]


@pytest.mark.parametrize(("answers", "urgency", "flags"), CASES)
def test_the_answers_give_this_urgency_and_these_signs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: dict, urgency: str, flags: list[str]
) -> None:
    data = ask_json(tmp_path, answers, capsys)
    assert (data["urgency"], [flag["id"] for flag in data["red_flags"]]) == (urgency, flags)


def test_a_count_not_sure_is_told_to_be_seen_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 11: the one card an unsure count shows tells that person to be seen today."""
    answers = CASES[-1].values[0]
    path = tmp_path / "answers.yaml"
    path.write_text("".join(f"{key}: {value}\n" for key, value in answers.items()))
    assert main(["ask", "--answers", str(path)]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "cannot keep fluids down, or are not sure how often, you need to be seen in person today" in text
    assert "Two or more signs" not in text


def test_without_a_diagnosis_the_new_signs_do_not_speak_of_cancer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for case in (CASES[0], CASES[4]):
        data = ask_json(tmp_path, case.values[0], capsys)
        for flag in data["red_flags"]:
            words = f"{flag['title']} {flag['advice']}".lower()
            assert "cancer" not in words and "spread" not in words, flag["id"]
