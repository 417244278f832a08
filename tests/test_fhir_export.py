"""`rules export --format fhir-r4`: a valid FHIR R4 Questionnaire whose skip logic is the engine's.

The schema is the official FHIR R4 JSON Schema, trimmed to Questionnaire and
QuestionnaireResponse (tests/fhir/README.md says where it comes from and how it was cut).
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from metasymptoms.core.engine import asked
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import Question, RuleBook
from metasymptoms.reviewing.fhir_export import questionnaire, wider_questions
from tests.helpers import run_main, write_book

SCHEMA = json.loads((Path(__file__).parent / "fhir" / "fhir-r4.schema.json").read_text(encoding="utf-8"))
MOST_COMBINATIONS = 6  # findings read: up to this many, every combination; above it, a sample


def resource_validator(resource_type: str) -> jsonschema.Draft6Validator:
    """The schema entered at one resource, so an error names the field, not the whole oneOf."""
    return jsonschema.Draft6Validator(
        {"$ref": f"#/definitions/{resource_type}", "definitions": SCHEMA["definitions"]}
    )


def items(resource: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in resource.get("item", []):
        yield item
        yield from items(item)


@pytest.fixture(scope="module")
def exported(book: RuleBook) -> dict[str, Any]:
    return questionnaire(book)


def test_the_export_is_a_valid_fhir_r4_questionnaire(exported: dict[str, Any]) -> None:
    errors = [
        f"{list(error.absolute_path)}: {error.message}"
        for error in resource_validator("Questionnaire").iter_errors(exported)
    ]
    assert errors == []
    assert jsonschema.Draft6Validator(SCHEMA).is_valid(exported)  # and through the whole schema's door
    link_ids = [item["linkId"] for item in items(exported)]
    assert len(link_ids) == len(set(link_ids))


def test_the_schema_refuses_what_a_renderer_would_misread(exported: dict[str, Any]) -> None:
    """The vendored schema is strict: a misspelt field or an unknown operator is an error."""
    item = next(item for item in items(exported) if "enableWhen" in item and len(item["enableWhen"]) > 1)
    misspelt = {**item, "enableBehaviour": item["enableBehavior"]}
    del misspelt["enableBehavior"]
    assert [error.message for error in resource_validator("Questionnaire_Item").iter_errors(misspelt)] == [
        "Additional properties are not allowed ('enableBehaviour' was unexpected)"
    ]
    wrong_operator = {**item["enableWhen"][0], "operator": "≠"}
    assert not resource_validator("Questionnaire_EnableWhen").is_valid(wrong_operator)


def test_the_questionnaire_names_the_book_and_its_status(book: RuleBook, exported: dict[str, Any]) -> None:
    assert book.info is not None
    assert exported["resourceType"] == "Questionnaire"
    assert exported["url"] == "https://metasymptoms.invalid/fhir/Questionnaire/rule-book"
    assert exported["version"] == book.info.version
    assert (exported["status"], exported["experimental"]) == ("draft", True)  # nobody has signed
    groups = exported["item"]
    assert [group["linkId"] for group in groups] == [f"section-{section.id}" for section in book.sections]
    assert {group["type"] for group in groups} == {"group"}
    questions = [item["linkId"] for item in items(exported) if item["type"] not in ("group", "display")]
    assert questions == [question.finding for question in book.questions]


def test_an_approved_book_is_active_at_its_own_address(tmp_path: Path) -> None:
    folder = write_book(tmp_path)
    (folder / "book.yaml").write_text(
        "name: tiny\nversion: '2.0'\nstatus: approved\nintended_purpose: Testing.\n"
        "url: https://forms.example.org/fhir/Questionnaire/tiny\n"
        "sign_offs:\n  - {name: A. Person, role: Nurse, date: 2026-01-01, version: '2.0'}\n",
        encoding="utf-8",
    )
    result = run_main("rules", "export", "--format", "fhir-r4", "--rules", str(folder))
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert (exported["version"], exported["status"], exported["experimental"]) == ("2.0", "active", False)
    assert exported["url"] == "https://forms.example.org/fhir/Questionnaire/tiny"


def test_a_book_url_with_a_version_bar_is_refused(tmp_path: Path) -> None:
    from tests.helpers import problems_of

    folder = write_book(tmp_path)
    (folder / "book.yaml").write_text(
        "name: tiny\nversion: '2.0'\nstatus: draft\nintended_purpose: Testing.\n"
        "url: https://forms.example.org/q|2.0\n",
        encoding="utf-8",
    )
    [problem] = problems_of(folder)
    assert problem.startswith("rules/book.yaml:5:6: ")


def test_history_of_cancer_is_required_and_starts_at_not_sure(exported: dict[str, Any]) -> None:
    history = next(item for item in items(exported) if item["linkId"] == "cancer_history")
    assert history["required"] is True
    assert [
        (option["valueCoding"]["code"], option.get("initialSelected", False))
        for option in history["answerOption"]
    ] == [("none", False), ("current", False), ("past", False), ("unsure", True)]
    assert "initial" not in history  # R4 (que-11): with answerOption, the initial answer is initialSelected


def test_each_kind_of_treatment_starts_at_not_sure_as_in_the_terminal(exported: dict[str, Any]) -> None:
    """Enter gives "not sure" at each kind of treatment (shown after "yes" or "not sure" to
    treatment), and "No" would say what was not said: a form starts where the terminal does.
    The treatment question starts at nothing, as it is shown to a person with no cancer too."""
    starting = {
        item["linkId"]: option["valueCoding"]["code"]
        for item in items(exported)
        for option in item.get("answerOption", [])
        if option.get("initialSelected")
    }
    assert starting == {
        "cancer_history": "unsure",
        "recent_chemotherapy": "unsure",
        "recent_radiotherapy": "unsure",
        "on_steroids": "unsure",
        "central_line": "unsure",
    }


def test_answers_are_codes_of_the_projects_own_systems(exported: dict[str, Any]) -> None:
    back_pain = next(item for item in items(exported) if item["linkId"] == "back_pain")
    assert back_pain["type"] == "choice"
    assert [option["valueCoding"] for option in back_pain["answerOption"]] == [
        {"system": "https://metasymptoms.invalid/fhir/CodeSystem/yes-no", "code": "no", "display": "No"},
        {"system": "https://metasymptoms.invalid/fhir/CodeSystem/yes-no", "code": "yes", "display": "Yes"},
        {
            "system": "https://metasymptoms.invalid/fhir/CodeSystem/yes-no",
            "code": "unsure",
            "display": "I'm not sure",
        },
    ]
    primary = next(item for item in items(exported) if item["linkId"] == "primary_cancer")
    assert primary["answerOption"][0]["valueCoding"]["system"] == (
        "https://metasymptoms.invalid/fhir/CodeSystem/primary_cancer"
    )


def test_a_number_is_a_decimal_in_ucum_with_its_range_and_help(
    book: RuleBook, exported: dict[str, Any]
) -> None:
    finding = book.finding("temperature")
    temperature = next(item for item in items(exported) if item["linkId"] == "temperature")
    assert temperature["type"] == "decimal"
    assert temperature["extension"] == [
        {
            "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
            "valueCoding": {"system": "http://unitsofmeasure.org", "code": "Cel", "display": "°C"},
        },
        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueDecimal": finding.minimum},
        {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueDecimal": finding.maximum},
    ]
    [help_item] = temperature["item"]
    assert help_item["linkId"] == "temperature-help"
    assert help_item["type"] == "display"
    assert help_item["text"].endswith("In this form, type the number only, in degrees Celsius.")
    assert help_item["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "help"


def test_the_warning_sign_section_opens_with_the_emergency_signs(
    book: RuleBook, exported: dict[str, Any]
) -> None:
    emergency = next(group for group in exported["item"] if group["linkId"] == "section-emergency_now")
    about, signs = emergency["item"][:2]
    assert (about["type"], signs["type"]) == ("display", "display")
    assert book.guidance.not_a_diagnosis in about["text"]
    assert "This form only collects your answers" in about["text"]
    for sign in book.guidance.emergency_signs:
        assert f"- {sign}" in signs["text"]
    [xhtml] = signs["_text"]["extension"]  # the same list as a list, for renderers that show XHTML
    assert xhtml["url"] == "http://hl7.org/fhir/StructureDefinition/rendering-xhtml"
    assert xhtml["valueString"].startswith('<div xmlns="http://www.w3.org/1999/xhtml"><p>Do not wait')
    assert xhtml["valueString"].count("<li>") == len(book.guidance.emergency_signs)
    assert sum(item["linkId"] == "emergency-signs" for item in items(exported)) == 1


# --- skip logic: every enableWhen against the engine's own `asked` -------------------------------


def enabled(item: dict[str, Any], codes: dict[str, str | None]) -> bool:
    """FHIR R4's reading of enableWhen, with `=` on codings, as a renderer does it."""
    tests = item.get("enableWhen")
    if not tests:
        return True
    assert len(tests) == 1 or item["enableBehavior"] in ("any", "all")  # explicit when there are several
    results = [
        test["operator"] == "=" and codes.get(test["question"]) == test["answerCoding"]["code"]
        for test in tests
    ]
    return any(results) if item.get("enableBehavior") == "any" else all(results)


def domains(exported: dict[str, Any], question: Question) -> dict[str, list[Any]]:
    """Each finding the question reads: every code the form offers, and no answer (unless required)."""
    assert question.ask_if is not None
    from metasymptoms.core.conditions import findings_in

    by_link = {item["linkId"]: item for item in items(exported)}
    found: dict[str, list[Any]] = {}
    for finding in findings_in(question.ask_if):
        item = by_link[finding]
        codes: list[Any] = [option["valueCoding"]["code"] for option in item.get("answerOption", [])]
        if item["type"] == "decimal":
            codes = [item["extension"][1]["valueDecimal"], item["extension"][2]["valueDecimal"]]
        found[finding] = codes + ([] if item.get("required") else [None])
    return found


def combinations(values: dict[str, list[Any]]) -> Iterator[dict[str, Any]]:
    names = list(values)
    if len(names) <= MOST_COMBINATIONS:
        for chosen in itertools.product(*values.values()):
            yield dict(zip(names, chosen))
        return
    # A sample: nothing answered, everything "no", each finding alone at each value, then random.
    yield dict.fromkeys(names)
    yield {name: "no" if "no" in values[name] else values[name][0] for name in names}
    for name, rest in itertools.product(names, (None, "no")):
        for value in values[name]:
            yield {**dict.fromkeys(names, rest), name: value}
    chance = random.Random(22)
    for _ in range(2000):
        yield {name: chance.choice(values[name]) for name in names}


def engine_answers(book: RuleBook, codes: dict[str, Any]) -> dict[str, Any]:
    answers = {}
    for finding_id, code in codes.items():
        if code is not None:
            finding = book.finding(finding_id)
            answers[finding_id] = (
                code if isinstance(code, float) else kind_of(finding).from_option(finding, code)
            )
    return answers


def skip_logic_questions() -> list[str]:
    from metasymptoms.core.bookfiles import default_rules_dir
    from metasymptoms.core.loader import load

    return [question.finding for question in load(default_rules_dir()).book.questions if question.ask_if]


@pytest.mark.parametrize("finding", skip_logic_questions())
def test_every_enable_when_agrees_with_the_engine(
    book: RuleBook, exported: dict[str, Any], finding: str
) -> None:
    """Shown exactly when the engine asks it; a question the export lists as wider is shown
    whenever the engine asks it (more often, never less)."""
    question = book.question(finding)
    assert question is not None
    item = next(item for item in items(exported) if item["linkId"] == finding)
    wider = finding in {listed.finding for listed, _ in wider_questions(book)}
    tried = disagreed = 0
    for codes in combinations(domains(exported, question)):
        tried += 1
        engine, form = bool(asked(question, engine_answers(book, codes))), enabled(item, codes)
        if engine and not form:
            pytest.fail(f"the form hides '{finding}' where the engine asks it: {codes}")
        disagreed += engine != form
    assert tried > 1
    if wider:
        assert disagreed > 0, f"'{finding}' is listed as shown more often, but never is"
    else:
        assert disagreed == 0, f"'{finding}' is shown where the engine does not ask it"


def test_only_two_questions_are_wider_and_the_export_says_so() -> None:
    result = run_main("rules", "export", "--format", "fhir-r4")
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)  # the standard output is the JSON alone
    assert result.stderr == (
        "note: 'wants_outlook_questions' is shown when cancer_history = current or cancer_history = past: "
        "its ask_if (on cancer_history, known_spread) cannot be written as enableWhen, so the form asks "
        "it more often than metasymptoms does, never less\n"
        "note: 'very_unwell' is shown when jaundice = yes or jaundice = unsure or dark_urine = yes "
        "or dark_urine = unsure: its ask_if (on jaundice, dark_urine, feeling_unwell) cannot be "
        "written as enableWhen, so the form asks it more often than metasymptoms does, never less\n"
    )


def test_export_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "form.json"
    result = run_main("rules", "export", "--format", "fhir-r4", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"Wrote the FHIR R4 Questionnaire to {target}.\nnote: 'wants_outlook_questions'"
    )
    assert json.loads(target.read_text(encoding="utf-8"))["resourceType"] == "Questionnaire"


def as_item(book: RuleBook, question: Question) -> dict[str, Any]:
    from metasymptoms.reviewing.fhir_skip import enable_when

    shown = enable_when(book, question)
    if shown is None:
        return {}
    tests = [
        {"question": finding, "operator": "=", "answerCoding": {"code": code}}
        for finding, code in shown.tests
    ]
    return {"enableWhen": tests, "enableBehavior": shown.behavior}


MADE_UP = {  # ask_if conditions the shipped book does not use (yet), each with how it flattens
    # "not sure" about the history asks a question on [current] (it may be current), so
    # only "not [none, current, unsure]" is one answer (past)
    "all of single answers": (
        {"all": [{"primary_cancer": ["breast"]}, {"not": {"cancer_history": ["none", "current", "unsure"]}}]},
        "exact",
    ),
    "all with a yes/no": ({"all": ["back_pain", {"cancer_history": ["current"]}]}, "wider"),
    "any with a negated choice": (
        {"any": ["back_pain", {"not": {"cancer_history": ["none", "past"]}}]},
        "exact",
    ),
    "not of two findings": ({"not": {"any": ["back_pain", "jaundice"]}}, "wider"),
    "a number's range": ({"any": ["fever", {"temperature": {"at_least": 38}}]}, "wider"),
    "at least two of three": ({"at_least": 2, "of": ["back_pain", "jaundice", "fever"]}, "wider"),
    "any of all": ({"any": ["fever", {"all": ["back_pain", "jaundice"]}]}, "wider"),
    "a finding not answered": ({"not": "jaundice"}, "wider"),
}


@pytest.mark.parametrize("name", MADE_UP)
def test_made_up_skip_logic_flattens_exactly_or_wider(
    book: RuleBook, exported: dict[str, Any], name: str
) -> None:
    import dataclasses

    from metasymptoms.core.condition_parser import ConditionParser
    from metasymptoms.reviewing.fhir_skip import enable_when

    written, expected = MADE_UP[name]
    kinds = {
        finding.id: (finding.type, tuple(choice.value for choice in finding.choices))
        for finding in book.findings
    }
    condition = ConditionParser(kinds).parse(written)
    assert condition is not None
    question = dataclasses.replace(book.questions[-1], ask_if=condition)
    shown = enable_when(book, question)
    assert ("exact" if shown is not None and shown.exact else "wider") == expected
    item = as_item(book, question)
    outcomes = set()
    for codes in combinations(domains(exported, question)):
        engine, form = bool(asked(question, engine_answers(book, codes))), enabled(item, codes)
        outcomes.add((engine, form))
    assert (True, False) not in outcomes  # never hidden where the engine asks
    assert ((False, True) in outcomes) == (expected == "wider")
