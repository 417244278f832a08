"""`rules export --format fhir-r4`: the rule book's questions as a FHIR R4 SDC Questionnaire.

Plain JSON data, built from the rule book: one group per section, one item per question
(its linkId is the finding's id), the skip logic as `enableWhen` (fhir_skip.py). Only the
questions travel: the triage stays in this program, since no form renderer can interrupt
for an emergency and logic run by another engine cannot be proved by `rules verify`. So the
form says, at the top of its warning-sign section, that it only collects answers, and lists
the emergency signs.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from metasymptoms.core import fhir_terms as terms
from metasymptoms.core.conditions import findings_in
from metasymptoms.core.fhir_terms import code_system
from metasymptoms.core.kinds import UNSURE, kind_of
from metasymptoms.core.model import Question, RuleBook, Section, Urgency
from metasymptoms.core.status import status_data
from metasymptoms.core.unsaid import starts_unsure
from metasymptoms.reviewing.fhir_skip import EnableWhen, enable_when


def questionnaire_json(book: RuleBook) -> str:
    return json.dumps(questionnaire(book), indent=2, ensure_ascii=False) + "\n"


def questionnaire(book: RuleBook) -> dict[str, Any]:
    """The Questionnaire resource, as plain data."""
    draft = status_data(book)["status"] != "approved"
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": "metasymptoms-rule-book",
        "meta": {"profile": [terms.SDC_PROFILE]},
        "url": terms.questionnaire_url(book),
    }
    version = terms.book_version(book)
    if version is not None:
        resource["version"] = version
    resource |= {
        "name": "MetasymptomsRuleBook",
        "title": book.info.name if book.info else "metasymptoms rule book",
        # A draft until a named clinician signs this version (status.py): never "active" before.
        "status": "draft" if draft else "active",
        "experimental": draft,
        "subjectType": ["Patient"],
        "description": book.info.intended_purpose if book.info else book.guidance.purpose,
        "item": [_group(book, section, section == _warning_sign_section(book)) for section in book.sections],
    }
    return resource


def wider_questions(book: RuleBook) -> list[tuple[Question, EnableWhen | None]]:
    """The questions the form shows more often than the engine asks them: their `ask_if`
    cannot be written as `enableWhen` with `=` alone."""
    found = []
    for question in book.questions:
        shown = enable_when(book, question)
        if question.ask_if is not None and (shown is None or not shown.exact):
            found.append((question, shown))
    return found


def wider_note(question: Question, shown: EnableWhen | None) -> str:
    """One line for the person exporting: which question, and when the form shows it."""
    assert question.ask_if is not None
    read = ", ".join(findings_in(question.ask_if))
    if shown is None:
        when = "always"
    else:
        joined = f" {'or' if shown.behavior == 'any' else 'and'} "
        when = "when " + joined.join(f"{finding} = {code}" for finding, code in shown.tests)
    return (
        f"'{question.finding}' is shown {when}: its ask_if (on {read}) cannot be written as "
        "enableWhen, so the form asks it more often than metasymptoms does, never less"
    )


def _warning_sign_section(book: RuleBook) -> Section:
    """The first section whose every question is about a sign an emergency warning sign
    tests (found by structure, not by name); else the first with any such question."""
    emergency = {
        finding
        for flag in book.red_flags
        if flag.urgency is Urgency.EMERGENCY
        for finding in findings_in(flag.when)
    }
    for section in book.sections:
        if all(question.finding in emergency for question in section.questions):
            return section
    return next(
        (s for s in book.sections if any(q.finding in emergency for q in s.questions)), book.sections[0]
    )


def _notices(book: RuleBook) -> list[dict[str, Any]]:
    guidance = book.guidance
    wording = guidance.wording.export
    # Read by anyone before the history of cancer is answered: the purpose that never speaks of spread.
    about = f"{guidance.wording.opening_purpose} {guidance.not_a_diagnosis} {wording.about}"
    signs = "\n".join(f"- {sign}" for sign in guidance.emergency_signs)
    emergency = f"{wording.emergency}\n{signs}"
    # The same list as XHTML too, for renderers that show it (the plain text stays for the rest).
    listed = "".join(f"<li>{escape(sign)}</li>" for sign in guidance.emergency_signs)
    xhtml = f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{escape(emergency.splitlines()[0])}</p><ul>{listed}</ul></div>'
    return [
        {"linkId": terms.NOTICE_LINKS[0], "text": about, "type": "display"},
        {
            "linkId": terms.NOTICE_LINKS[1],
            "text": emergency,
            "_text": {"extension": [{"url": terms.RENDERING_XHTML, "valueString": xhtml}]},
            "type": "display",
        },
    ]


def _group(book: RuleBook, section: Section, warning_signs: bool) -> dict[str, Any]:
    items: list[dict[str, Any]] = _notices(book) if warning_signs else []
    if section.intro:
        items.append(
            {"linkId": f"{terms.section_link(section.id)}-intro", "text": section.intro, "type": "display"}
        )
    items += [_item(book, question) for question in section.questions]
    return {"linkId": terms.section_link(section.id), "text": section.title, "type": "group", "item": items}


def _item(book: RuleBook, question: Question) -> dict[str, Any]:
    finding = book.finding(question.finding)
    item: dict[str, Any] = {"linkId": finding.id, "text": question.text}
    options = terms.answer_options(book, finding)
    helps = [question.help] if question.help else []
    shown_when = enable_when(book, question)
    if options:
        initial = terms.initial_code(book, finding.id) or _starts_unsure(book, question, shown_when)
        item["type"] = "choice"
        if kind_of(finding).repeats:  # "which of these": each that applies, or one alone
            item["repeats"] = True
        if terms.required(book, finding.id):
            item["required"] = True
        item["answerOption"] = [
            {
                "valueCoding": {"system": code_system(finding), "code": code, "display": display},
                **({"initialSelected": True} if code == initial else {}),
            }
            for code, display in options
        ]
    else:  # a number, in its unit and plausible range (°F is for the terminal and answers files)
        unit = book.guidance.wording.answer_words.unit(finding.unit or "")
        code = terms.UCUM_CODES[finding.unit or ""]
        item["type"] = "decimal"
        item["extension"] = [
            {"url": terms.UNIT, "valueCoding": {"system": terms.UCUM, "code": code, "display": unit.symbol}},
            {"url": terms.MIN_VALUE, "valueDecimal": finding.minimum},
            {"url": terms.MAX_VALUE, "valueDecimal": finding.maximum},
        ]
        helps.append(unit.in_a_form)
    if shown_when is not None:
        item["enableWhen"] = [
            {
                "question": tested,
                "operator": "=",
                "answerCoding": {"system": code_system(book.finding(tested)), "code": code},
            }
            for tested, code in shown_when.tests
        ]
        if len(shown_when.tests) > 1:
            item["enableBehavior"] = shown_when.behavior
    if helps:
        item["item"] = [_help(finding.id, " ".join(helps))]
    return item


def _starts_unsure(book: RuleBook, question: Question, shown: EnableWhen | None) -> str | None:
    """ "Not sure" chosen from the start where the terminal's Enter gives it (starts_unsure): at
    each kind of treatment, shown after "yes" or "not sure" to treatment. A form's first answer
    cannot change with the answers before it, so only where every answer that shows the
    question starts it there (the treatment question itself, shown to everyone, starts on
    nothing: after "no cancer" the terminal starts it on "no")."""
    if shown is None:
        return None
    tests = [shown.tests] if shown.behavior == "all" else [(test,) for test in shown.tests]
    for together in tests:
        answers = {
            tested: kind_of(book.finding(tested)).from_option(book.finding(tested), code)
            for tested, code in together
        }
        if not starts_unsure(book, answers, question.finding):
            return None
    return UNSURE


def _help(finding_id: str, text: str) -> dict[str, Any]:
    control = {"system": terms.ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}
    return {
        "linkId": terms.help_link(finding_id),
        "text": text,
        "type": "display",
        "extension": [
            {"url": terms.ITEM_CONTROL, "valueCodeableConcept": {"coding": [control], "text": "Help-Button"}}
        ],
    }
