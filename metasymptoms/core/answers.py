"""Answers files (`ask --answers FILE`): one mapping of finding id to value, YAML or JSON.

Findings not given count as not reported, except those read the safer way (the history of
cancer, a treatment and its kinds: engine.reading, unsaid.py). How each value is written is its finding's kind's business (kinds.py):
yes/no findings take yes/no/true/false or unsure; choice findings one of their choices;
number findings a number in their unit. Every mistake is reported at once, each naming the
finding and, where one is near, the id that was probably meant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from metasymptoms.core.files import UnreadableFile, read_limited
from metasymptoms.core.kinds import Answer, BadAnswer, kind_of
from metasymptoms.core.model import RuleBook
from metasymptoms.core.safetext import quoted
from metasymptoms.core.suggest import Suggestions
from metasymptoms.core.yamlfile import MAX_FILE_BYTES, YamlDocument, YamlProblem, parse_yaml_bytes

MAX_PROBLEMS = 20  # listed in full; past that, the person is looking at the wrong file
MAX_KEYS = 100_000  # far more than any rule book's findings; more is not an answers file


class AnswersError(Exception):
    """An answers file that cannot be used; `problems` are complete sentences with places."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_answers_file(path: Path, book: RuleBook, notes: list[str] | None = None) -> dict[str, Answer]:
    """Read and check an answers file, or a FHIR QuestionnaireResponse (fhir_response.py),
    whose lines for the person are added to `notes`. Raises AnswersError."""
    try:
        data = read_limited(path, MAX_FILE_BYTES, what="answers files")[0]
    except UnreadableFile as error:
        raise AnswersError([f"{path}: {error.message}"]) from None
    pairs = data.count(b":")  # every 'key: value' needs one, in YAML and in JSON
    if pairs > MAX_KEYS:
        # Read no further: parsing 700,000 keys to name 20 of them took 20 s.
        raise AnswersError(
            [
                f"{path}: the file holds {pairs:,} ':' characters, so it would give as many answers; an "
                f"answers file gives at most one for each of the {len(book.findings)} findings of the rule book"
            ]
        )
    try:
        doc = parse_yaml_bytes(data)
    except YamlProblem as problem:
        where = f"{path}:{problem.position.line}:{problem.position.column}"
        raise AnswersError([f"{where}: {problem.message}"]) from None
    if isinstance(doc.data, Mapping) and "resourceType" in doc.data:  # FHIR: no finding has that name
        from metasymptoms.core.fhir_response import read_response

        response = read_response(book, doc, name=str(path))
        if notes is not None:
            notes.extend(response.notes)
        return _some(response.answers, path)
    return _some(check_answers(book, doc.data, doc=doc, name=str(path)), path)


def _some(answers: dict[str, Answer], path: Path) -> dict[str, Answer]:
    """Refuse a file that answers nothing: read as every sign absent, it gave a routine
    result that never said nothing had been answered."""
    if not answers:
        raise AnswersError(
            [
                f"{path}: no answers are given (the file is empty, or every answer is left blank); "
                "write one 'finding: answer' a line, such as 'back_pain: yes', or run "
                "'metasymptoms ask' without --answers to be asked the questions"
            ]
        )
    return answers


def check_answers(
    book: RuleBook, data: Any, *, doc: YamlDocument | None = None, name: str = "answers"
) -> dict[str, Answer]:
    """Turn raw answers data into clean answers, or raise AnswersError naming every mistake."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise AnswersError(
            [f"{name}: an answers file is one mapping of finding id to value, such as 'back_pain: yes'"]
        )

    def where(key: str, *, at_key: bool = False) -> str:
        if doc is None:
            return name
        position = doc.position((key,), key=at_key)
        return f"{name}:{position.line}:{position.column}"

    answers, mistakes, more = answer_mistakes(book, data, where)
    problems = [f"{where(key, at_key=at_key)}: {message}" for key, at_key, message in mistakes]
    more += max(len(problems) - MAX_PROBLEMS, 0)
    if more:
        problems = problems[:MAX_PROBLEMS] + [f"{name}: and {more} more problems like these"]
    if problems:
        raise AnswersError(problems)
    return answers


Mistake = tuple[str, bool, str]  # the key, whether it is the key (not its value) that is wrong, what is wrong


def answer_mistakes(
    book: RuleBook, data: Mapping[Any, Any], where: Callable[[str], str]
) -> tuple[dict[str, Answer], list[Mistake], int]:
    """The answers that are right, every mistake (the first MAX_PROBLEMS, then the
    contradictions) and how many more were counted past those. `where(key)` names the place of
    a key, for a contradiction, which names both of its places. An answers file and a teaching
    case's answers (core/scenarios.py) are told their mistakes by this one reading."""
    findings = {finding.id: finding for finding in book.findings}
    suggestions = Suggestions(findings)  # once for the whole file, not once per key
    answers: dict[str, Answer] = {}
    mistakes: list[Mistake] = []
    more = 0  # problems past the first MAX_PROBLEMS
    for key, value in data.items():
        key = str(key)
        finding = findings.get(key)
        if finding is not None and value is None:
            continue  # written but left empty: not given
        bad: BadAnswer | None = None
        if finding is not None:
            try:
                answers[key] = kind_of(finding).parse(finding, value)
                continue
            except BadAnswer as error:
                bad = error
        if len(mistakes) >= MAX_PROBLEMS:
            more += 1  # counted, never located or worded: 700,000 unknown keys stay quick
        elif bad is None:
            mistakes.append((key, True, f"{quoted(key)} is not a finding{suggestions.hint(key)}"))
        else:
            mistakes.append((key, False, str(bad)))
    mistakes += _contradictions(book, answers, where)
    return answers, mistakes, more


def _contradictions(book: RuleBook, answers: dict[str, Answer], where: Callable[[str], str]) -> list[Mistake]:
    """Answers that cannot both be true, named with both places."""
    history = book.role("cancer_history")
    if not history or answers.get(history) != "none":
        return []
    found: list[Mistake] = []
    for role in ("primary_cancer", "known_spread"):
        other = book.role(role)
        if other and other in answers and answers[other] != "none":
            found.append(
                (
                    history,
                    False,
                    f"'{history}: none' says there has been no cancer, but "
                    f"{where(other)} gives '{other}: {answers[other]}'; remove one of them, "
                    f"or write '{history}: unsure'",
                )
            )
    return found
