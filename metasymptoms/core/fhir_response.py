"""A FHIR QuestionnaireResponse read as answers (`ask --answers response.json`).

A response to the form `rules export --format fhir-r4` writes: each item's linkId is a
finding's id, each answer a code of the project's own code systems or a number. Codes only:
the display text beside a code is for people and is never matched, so a translated or
reworded form keeps its meaning. What the response leaves unsaid is read as an answers file
reads it (not reported; a history of cancer not given as "not sure"), and the person is told,
one line each, of what may matter: a response made for another version of the rule book, one
still in progress, answers to questions that did not apply (kept: the safer reading).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from metasymptoms.core import fhir_terms as terms
from metasymptoms.core.answers import AnswersError, check_answers
from metasymptoms.core.engine import applicable_questions
from metasymptoms.core.kinds import Answer, BadAnswer, kind_of
from metasymptoms.core.model import Finding, RuleBook
from metasymptoms.core.problems import counted
from metasymptoms.core.suggest import Suggestions, close_match
from metasymptoms.core.yamlfile import YamlDocument

RESOURCE = "QuestionnaireResponse"
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class ResponseRead:
    answers: dict[str, Answer]
    notes: tuple[str, ...]  # complete lines, each starting with the file's name


def read_response(book: RuleBook, doc: YamlDocument, name: str) -> ResponseRead:
    """The answers in a QuestionnaireResponse, and what the person should be told about them.
    Raises AnswersError naming every mistake, each at its line and column."""
    data = doc.data

    def where(path: Path_) -> str:
        position = doc.position(path)
        return f"{name}:{position.line}:{position.column}"

    kind = data.get("resourceType")
    if kind != RESOURCE:
        raise AnswersError(
            [
                f"{where(('resourceType',))}: this is a FHIR {kind}, not answers; give a "
                f"{RESOURCE}: a form from 'metasymptoms rules export --format fhir-r4', filled in"
            ]
        )
    if data.get("status") == "entered-in-error":
        raise AnswersError(
            [f"{where(('status',))}: this response is marked entered-in-error, so it is not used"]
        )
    reader = _Reader(book, where)
    reader.items(data.get("item"), ("item",))
    if reader.problems:
        raise AnswersError(reader.problems)
    answers = check_answers(book, reader.answers, name=name)  # contradictions, as in any answers file
    return ResponseRead(answers, tuple(_notes(book, data, answers, name)))


class _Reader:
    """Walks the items, collecting answers by linkId and every problem with its place."""

    def __init__(self, book: RuleBook, where: Any):
        self.book, self.where = book, where
        self.answers: dict[str, Answer] = {}
        self.problems: list[str] = []
        self.questions = [question.finding for question in book.questions]
        self.suggestions = Suggestions(self.questions)

    def items(self, items: Any, path: Path_) -> None:
        if items is None:
            return
        if not isinstance(items, list):
            self.problems.append(f"{self.where(path)}: 'item' is a list of items")
            return
        for index, item in enumerate(items):
            self.item(item, (*path, index))

    def item(self, item: Any, path: Path_) -> None:
        link = item.get("linkId") if isinstance(item, Mapping) else None
        if not isinstance(link, str):
            self.problems.append(
                f"{self.where(path)}: an item needs a 'linkId' (the id of the question it answers)"
            )
            return
        answers = item.get("answer") or []
        if not terms.is_structure_link(link):
            if self.book.question(link) is None:
                self.problems.append(
                    f"{self.where((*path, 'linkId'))}: '{link}' is not a question of this rule book"
                    f"{self.suggestions.hint(link)}"
                )
                return
            self.answer(self.book.finding(link), answers, path)
        for index, answer in enumerate(answers if isinstance(answers, list) else []):
            if isinstance(answer, Mapping):
                self.items(answer.get("item"), (*path, "answer", index, "item"))
        self.items(item.get("item"), (*path, "item"))

    def answer(self, finding: Finding, answers: Any, path: Path_) -> None:
        if finding.id in self.answers:
            self.problems.append(f"{self.where(path)}: '{finding.id}' is answered twice")
        elif not isinstance(answers, list) or (len(answers) > 1 and not kind_of(finding).repeats):
            self.problems.append(f"{self.where((*path, 'answer'))}: '{finding.id}' takes one answer")
        elif answers:
            try:
                if len(answers) > 1:  # "which of these": one code for each that applies
                    self.answers[finding.id] = self.several(finding, answers, (*path, "answer"))
                else:
                    self.answers[finding.id] = self.value(finding, answers[0], (*path, "answer", 0))
            except BadAnswer as bad:
                self.problems.append(str(bad))

    def several(self, finding: Finding, answers: list[Any], path: Path_) -> Answer:
        codes = []
        for index, answer in enumerate(answers):
            given = [key for key in answer if key.startswith("value")] if isinstance(answer, Mapping) else []
            if given != ["valueCoding"]:
                raise BadAnswer(
                    f"{self.where((*path, index))}: '{finding.id}' takes {kind_of(finding).fhir_wanted}, "
                    f"not {' '.join(given) or 'nothing'}"
                )
            codes.append(self.code(finding, answer["valueCoding"], (*path, index, "valueCoding")))
        try:
            return kind_of(finding).parse(finding, codes)
        except BadAnswer as bad:
            raise BadAnswer(f"{self.where(path)}: {bad}") from None

    def value(self, finding: Finding, answer: Any, path: Path_) -> Answer:
        kind = kind_of(finding)
        given = [key for key in answer if key.startswith("value")] if isinstance(answer, Mapping) else []
        key = given[0] if len(given) == 1 and given[0] in kind.fhir_values else None
        if key == "valueCoding":
            return kind.parse(finding, self.code(finding, answer[key], (*path, key)))
        if key == "valueBoolean" and isinstance(answer[key], bool):
            return kind.parse(finding, answer[key])
        if key in ("valueDecimal", "valueInteger"):
            try:
                return kind.parse(finding, answer[key])
            except BadAnswer as bad:
                raise BadAnswer(f"{self.where((*path, key))}: {bad}") from None
        raise BadAnswer(
            f"{self.where(path)}: '{finding.id}' takes {kind.fhir_wanted}, not {' '.join(given) or 'nothing'}"
        )

    def code(self, finding: Finding, coding: Any, path: Path_) -> str:
        code = coding.get("code") if isinstance(coding, Mapping) else None
        codes = terms.all_codes(self.book, finding)
        if not isinstance(code, str):
            shown = coding.get("display") if isinstance(coding, Mapping) else None
            said = f" (its display '{shown}' is not read: answers are read by code)" if shown else ""
            raise BadAnswer(f"{self.where(path)}: the answer to '{finding.id}' has no code{said}")
        system = coding.get("system")
        if system is not None and system != terms.code_system(finding):
            raise BadAnswer(
                f"{self.where((*path, 'system'))}: the code '{code}' of '{finding.id}' is from "
                f"'{system}', not '{terms.code_system(finding)}'"
            )
        if code not in codes:
            raise BadAnswer(
                f"{self.where((*path, 'code'))}: '{code}' is not a code of '{finding.id}'"
                f"{close_match(code, codes)}; its codes are {', '.join(codes)}"
            )
        return code


def _notes(book: RuleBook, data: Mapping[str, Any], answers: dict[str, Answer], name: str) -> Iterator[str]:
    applies = [question.finding for question in applicable_questions(book, answers)]
    unanswered = [finding for finding in applies if finding not in answers]
    made_for = data.get("questionnaire")
    if isinstance(made_for, str):
        line = _another_form(book, made_for, unanswered)
        if line:
            yield f"{name}: warning: {line}"
    kept = [finding for finding in answers if finding not in applies]
    if kept:
        yield (
            f"{name}: kept the answers to questions that do not apply to the other answers "
            f"(the safer reading): {', '.join(kept)}"
        )
    if data.get("status") in ("in-progress", "stopped"):
        count = len(unanswered)
        yield (
            f"{name}: this response is {data['status']}: {counted(count, 'question')} "
            f"that appl{'y' if count != 1 else 'ies'} {'have' if count != 1 else 'has'} no answer yet, "
            "read as not reported"
        )


def _another_form(book: RuleBook, made_for: str, unanswered: list[str]) -> str | None:
    """One line when the response was made from another form or another version of this one."""
    url, _, version = made_for.partition("|")
    ours = terms.book_version(book)
    if url != terms.questionnaire_url(book):
        made = f"made from another form ('{made_for}'), not this rule book's"
    elif version and version != ours:
        made = f"made for rule book version {version}, not {ours or 'this unversioned one'}"
    else:
        return None
    listed = ", ".join(unanswered) or "none"
    return (
        f"{made}; questions that apply here with no answer in it (that version may not have "
        f"asked them), read as not reported: {listed}"
    )
