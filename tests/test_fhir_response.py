"""`ask --answers response.json`: a FHIR QuestionnaireResponse read back for the triage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.fhir_export import questionnaire
from tests.helpers import run_main
from tests.test_fhir_export import SCHEMA
from tests.test_left_out import LEFT_OUT

URL = "https://metasymptoms.invalid/fhir/Questionnaire/rule-book"
YES_NO = "https://metasymptoms.invalid/fhir/CodeSystem/yes-no"


def response(
    book: RuleBook, answers: dict[str, Any], status: str = "completed", version: str = "0.1"
) -> dict[str, Any]:
    """A QuestionnaireResponse as a form makes one: items in groups, codes with displays."""
    form = questionnaire(book)
    groups = []
    for group in form["item"]:
        answered = []
        for item in group["item"]:
            if item["linkId"] not in answers:
                continue
            value = answers[item["linkId"]]
            if item["type"] == "decimal":
                answer = {"valueDecimal": value}
            else:
                [coding] = [
                    o["valueCoding"] for o in item["answerOption"] if o["valueCoding"]["code"] == value
                ]
                answer = {"valueCoding": coding}
            answered.append({"linkId": item["linkId"], "text": item["text"], "answer": [answer]})
        if answered:
            groups.append({"linkId": group["linkId"], "text": group["text"], "item": answered})
    made = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{URL}|{version}",
        "status": status,
        "item": groups,
    }
    errors = [error.message for error in jsonschema.Draft6Validator(SCHEMA).iter_errors(made)]
    assert errors == []
    return made


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def quoted(word: str) -> str:
    return f'"{word}"'


def place(path: Path, text: str, after: str = "") -> str:
    """`file:line:col` of the first place `text` stands in the file (after the first line
    that holds `after`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if after in line)
    if text == "{":  # the value of the next valueCoding
        start = next(index for index in range(start, len(lines)) if '"valueCoding": {' in lines[index])
    for number, line in enumerate(lines[start:], start=start + 1):
        if text in line:
            return f"{path}:{number}:{line.index(text) + 1}"
    raise AssertionError(f"{text!r} is not in {path}")


def outcome(result: Any) -> tuple[str, list[str], list[str]]:
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return data["urgency"], [flag["id"] for flag in data["red_flags"]], [site["id"] for site in data["sites"]]


SPINE = {
    "cancer_history": "current",
    "primary_cancer": "breast",
    "back_pain": "yes",
    "back_pain_band": "yes",
    "limb_weakness": "unsure",
    "recent_treatment": "yes",
    "fever": "yes",
    "temperature": 38.4,
}


def test_a_response_gives_the_same_result_as_the_same_answers_in_yaml(book: RuleBook, tmp_path: Path) -> None:
    fhir = write(tmp_path / "response.json", response(book, SPINE))
    yaml_file = tmp_path / "answers.yaml"
    yaml_file.write_text("".join(f"{key}: {value}\n" for key, value in SPINE.items()), encoding="utf-8")
    from_fhir = run_main("ask", "--answers", str(fhir), "--format", "json")
    from_yaml = run_main("ask", "--answers", str(yaml_file), "--format", "json")
    assert outcome(from_fhir) == outcome(from_yaml)
    assert outcome(from_fhir)[0] == "emergency"
    assert from_fhir.stderr == ""  # completed, for this version, every answer applies


def test_an_unknown_link_id_is_refused_with_the_one_meant(book: RuleBook, tmp_path: Path) -> None:
    data = response(book, {"cancer_history": "none", "back_pain": "yes"})
    data["item"][1]["item"][0]["linkId"] = "back_pian"
    path = write(tmp_path / "response.json", data)
    result = run_main("ask", "--answers", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"metasymptoms: {place(path, quoted('back_pian'))}: 'back_pian' is not a question of this rule book "
        "(did you mean 'back_pain'?)\n"
    )


def test_codes_are_read_never_the_display(book: RuleBook, tmp_path: Path) -> None:
    data = response(book, {"cancer_history": "none", "back_pain": "no"})
    coding = data["item"][1]["item"][0]["answer"][0]["valueCoding"]
    coding["display"] = "Yes"  # a translated or mistaken label: the code says no
    path = write(tmp_path / "response.json", data)
    assert outcome(run_main("ask", "--answers", str(path), "--format", "json"))[1] == []
    del coding["code"]
    path = write(tmp_path / "response.json", data)
    result = run_main("ask", "--answers", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f"metasymptoms: {place(path, '{', after=quoted('back_pain'))}: the answer to 'back_pain' has no code "
        "(its display 'Yes' is not read: answers are read by code)\n"
    )


@pytest.mark.parametrize(
    ("change", "at", "message"),
    [
        (
            {"system": "http://snomed.info/sct"},
            '"http://snomed.info/sct"',
            f"the code 'yes' of 'back_pain' is from 'http://snomed.info/sct', not '{YES_NO}'",
        ),
        (
            {"code": "yse"},
            '"yse"',
            "'yse' is not a code of 'back_pain' (did you mean 'yes'?); its codes are no, yes, unsure",
        ),
    ],
)
def test_a_wrong_code_is_refused_at_its_place(
    book: RuleBook, tmp_path: Path, change: dict[str, str], at: str, message: str
) -> None:
    data = response(book, {"cancer_history": "none", "back_pain": "yes"})
    data["item"][1]["item"][0]["answer"][0]["valueCoding"].update(change)
    path = write(tmp_path / "response.json", data)
    result = run_main("ask", "--answers", str(path))
    assert (result.returncode, result.stderr) == (2, f"metasymptoms: {place(path, at)}: {message}\n")


def test_a_number_out_of_range_is_refused_at_its_place(book: RuleBook, tmp_path: Path) -> None:
    path = write(tmp_path / "response.json", response(book, {**SPINE, "temperature": 101.3}))
    result = run_main("ask", "--answers", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"metasymptoms: {place(path, '101.3')}: 'temperature' is 101.3 °C, outside"
    )


def test_another_version_gives_one_warning_line(book: RuleBook, tmp_path: Path) -> None:
    path = write(
        tmp_path / "response.json",
        response(book, {"cancer_history": "none", "back_pain": "yes"}, version="0.0"),
    )
    result = run_main("ask", "--answers", str(path), "--format", "json")
    assert result.returncode == 0
    [line] = result.stderr.splitlines()
    assert line.startswith(
        f"{path}: warning: made for rule book version 0.0, not 0.1; questions that apply here with no "
        "answer in it (that version may not have asked them), read as not reported: recent_treatment, "
        "breathless_severe,"
    )
    assert ", back_pain_band, limb_weakness," in line  # in the order asked


def test_answers_to_questions_that_did_not_apply_are_kept_and_listed(book: RuleBook, tmp_path: Path) -> None:
    answers = {
        "cancer_history": "current",
        "back_pain": "no",
        "back_pain_band": "yes",
        "limb_weakness": "walking",
    }
    path = write(tmp_path / "response.json", response(book, answers))
    result = run_main("ask", "--answers", str(path), "--format", "json")
    assert result.stderr == (
        f"{path}: kept the answers to questions that do not apply to the other answers (the safer "
        "reading): back_pain_band\n"
    )
    assert "spinal_cord_compression" in outcome(result)[1]


def test_in_progress_says_how_many_are_unanswered(book: RuleBook, tmp_path: Path) -> None:
    from metasymptoms.core.engine import applicable_questions

    answers = {"cancer_history": "none", "back_pain": "yes"}
    path = write(tmp_path / "response.json", response(book, answers, status="in-progress"))
    result = run_main("ask", "--answers", str(path))
    assert result.returncode == 0
    engine_answers = {"cancer_history": "none", "back_pain": True}
    left = sum(1 for q in applicable_questions(book, engine_answers) if q.finding not in engine_answers)
    assert result.stderr == (
        f"{path}: this response is in-progress: {left} questions that apply have no answer yet, read as not reported\n"
    )


def test_a_questionnaire_is_not_answers(tmp_path: Path) -> None:
    form = tmp_path / "form.json"
    exported = run_main("rules", "export", "--format", "fhir-r4", "--output", str(form))
    assert exported.returncode == 0
    result = run_main("ask", "--answers", str(form))
    assert result.returncode == 2
    assert result.stderr == (
        f"metasymptoms: {place(form, quoted('Questionnaire'))}: this is a FHIR Questionnaire, not answers; give a "
        "QuestionnaireResponse: a form from 'metasymptoms rules export --format fhir-r4', filled in\n"
    )


def test_an_answers_file_without_resource_type_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"cancer_history": "none", "back_pain": "yes"}', encoding="utf-8")
    assert outcome(run_main("ask", "--answers", str(path), "--format", "json"))[0] == "routine"


@pytest.mark.parametrize(("answers", "urgency", "flag"), LEFT_OUT)
def test_a_kind_of_treatment_the_response_leaves_out_is_read_as_not_sure(
    book: RuleBook, tmp_path: Path, answers: dict[str, str], urgency: str, flag: str
) -> None:
    """As an answers file (test_left_out) and Enter in the terminal give it: no diagnosis,
    treatment yes, no kind answered; the response once gave urgent for chest pain and a
    routine ending for being sick."""
    path = write(tmp_path / "response.json", response(book, answers))
    result = run_main("ask", "--answers", str(path), "--format", "json")
    assert outcome(result)[0] == urgency
    assert json.loads(result.stdout)["red_flags"][0]["id"] == flag
