"""A count answered "not sure" shows the sign for an uncounted answer, not every count it
could be: a triage nurse's answers file (being sick on chemotherapy, `vomiting_times:
unsure`) gave four cards for one symptom, "two or more signs" among them, and two counts
that contradict each other. The urgency is still the safer reading of every count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook

ON_CHEMOTHERAPY: dict[str, Answer] = {
    "cancer_history": "current",
    "primary_cancer": "lung",
    "recent_treatment": True,
    "recent_chemotherapy": True,
}


def shown(book: RuleBook, answers: dict[str, Answer]) -> tuple[str, list[str]]:
    assessment = assess(book, {**ON_CHEMOTHERAPY, **answers})
    return assessment.urgency.value, [flag.id for flag in assessment.red_flags]


@pytest.mark.parametrize(
    ("answers", "urgency", "flags"),
    [
        (  # the nurse's u06: four cards before
            {"nausea_vomiting": True, "vomiting_times": "unsure"},
            "urgent",
            ["vomiting_on_treatment_uncounted", "new_symptom_with_cancer"],
        ),
        (  # three before: the two counts and the uncounted sign
            {"diarrhoea": True, "diarrhoea_times": "unsure"},
            "urgent",
            ["diarrhoea_on_treatment_uncounted"],
        ),
        (  # unable to keep fluids down is the red sign whatever the count: "3 to 5 times" went
            {"nausea_vomiting": True, "vomiting_times": "unsure", "cannot_keep_fluids": True},
            "urgent",
            ["vomiting_on_treatment_severe", "new_symptom_with_cancer"],
        ),
        (  # two signs reported: two ambers still make a red
            {"nausea_vomiting": True, "vomiting_times": "unsure", "diarrhoea": True, "diarrhoea_times": 5.0},
            "urgent",
            [
                "diarrhoea_on_treatment",
                "vomiting_on_treatment_uncounted",
                "two_amber_signs_on_treatment",
                "new_symptom_with_cancer",
            ],
        ),
        (  # no sign for a temperature not given: the signs a "not sure" may give all stay
            {"temperature": "unsure"},
            "emergency",
            ["fever_on_chemotherapy", "fever_with_cancer"],
        ),
    ],
)
def test_a_count_not_sure_shows_what_the_person_said(
    book: RuleBook, answers: dict[str, Answer], urgency: str, flags: list[str]
) -> None:
    assert shown(book, answers) == (urgency, flags)


def test_the_answers_file_gives_one_card_for_being_sick_not_four(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "u06.yaml"
    path.write_text(
        "cancer_history: current\nprimary_cancer: lung\nrecent_treatment: yes\n"
        "recent_chemotherapy: yes\nnausea_vomiting: yes\nvomiting_times: unsure\n"
    )
    assert main(["ask", "--answers", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["urgency"] == "urgent"
    assert [flag["id"] for flag in data["red_flags"]] == [
        "vomiting_on_treatment_uncounted",
        "new_symptom_with_cancer",
    ]
    assert main(["ask", "--answers", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Two or more signs" not in text
    assert "3 to 5 times" not in text and "Being sick 6 or more times" not in text
    assert "Urgent: Being sick during treatment\n" in text
