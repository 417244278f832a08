"""Teaching scenarios: scripted cases under rules/scenarios/, each with the answers, the
outcome a careful rule book gives, learning points and notes for the teacher. They are
validated like the rule book (every problem located) and double as regression tests.

They are rule-book data, so they load here in core: teaching replays them, reviewing checks
them against the book, and neither needs the other."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, WithJsonSchema, with_config
from pydantic_core import PydanticCustomError

from metasymptoms.core.answers import answer_mistakes
from metasymptoms.core.engine import Answers, assess, prune
from metasymptoms.core.kinds import Answer
from metasymptoms.core.layout import SCENARIOS_FOLDER
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import FORBID_EXTRA, PERSON_WORDS, Text, Urgency
from metasymptoms.core.problems import Location, Problem
from metasymptoms.core.suggest import close_match
from metasymptoms.core.validate import LoadedFile, adapter, load_file
from metasymptoms.core.yamlfile import Path_

FOLDER = SCENARIOS_FOLDER


# The words a case's `expected.urgency` takes: the screens' "soon" for the book's "prompt",
# which stays accepted. A wrong word is told with these, so a teacher who wrote "son" is
# offered "soon", the word the docs and screens use, not a list naming "prompt".
_FILE_WORDS = frozenset(urgency.value for urgency in Urgency)
_BY_PERSON_WORD = {urgency: word for word, urgency in PERSON_WORDS.items()}
_CASE_URGENCIES = tuple(_BY_PERSON_WORD.get(urgency, urgency.value) for urgency in Urgency)


def _person_words(value: object) -> object:
    """'soon' for 'prompt': a teacher writes the word every screen shows ("Soon: ...")."""
    if isinstance(value, str):
        if value in _FILE_WORDS:
            return value
        said = value.strip().lower()
        if said in PERSON_WORDS:
            return PERSON_WORDS[said].value
    words = [f"'{word}'" for word in _CASE_URGENCIES]
    expected = f"{', '.join(words[:-1])} or {words[-1]}"
    raise PydanticCustomError("enum", "Input should be {expected}", {"expected": expected})


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Expected:
    # or "soon", as screens say it; the editor's schema offers it too, so it is not underlined
    urgency: Annotated[
        Urgency,
        BeforeValidator(_person_words),
        WithJsonSchema(
            {
                "description": "How soon to get help: 'soon' is the rule book's 'prompt'.",
                "enum": [*_CASE_URGENCIES, Urgency.PROMPT.value],
                "type": "string",
            }
        ),
    ]
    sites: tuple[str, ...] = ()  # exactly these sites, in rule-book order
    red_flags: tuple[str, ...] = ()  # each of these is among the red flags shown


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class OwnQuestion:
    """A question the scenario's author adds to the generated quiz (see quiz.py)."""

    question: Text
    choices: Annotated[
        tuple[Text, ...], Field(min_length=1, max_length=8)
    ]  # at least 2: checked with a plainer message
    answer: Text  # one of the choices, word for word
    explanation: Text  # shown when the answer is revealed


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Scenario:
    title: Text
    learning_points: Annotated[tuple[Text, ...], Field(min_length=1)]
    answers: dict[str, Any]
    expected: Expected
    teacher_notes: Text | None = None
    quiz: tuple[OwnQuestion, ...] = ()


@dataclass(frozen=True)
class LoadedScenario:
    name: str
    path: Path
    scenario: Scenario
    answers: dict[str, Answer]
    expected_at: Location  # where `expected` is written, for `rules check`


def scenario_files(rules_folder: Path) -> list[Path]:
    return sorted((rules_folder / FOLDER).glob("*.yaml"))


def load_scenarios(rules_folder: Path, book: RuleBook) -> tuple[list[LoadedScenario], list[Problem]]:
    """Every scenario with no problem, and every problem of the others, all at once: a
    teacher fixing a case is told each mistake at its place in one run, its answers' too,
    even while its shape has mistakes. Only answers that cannot be read wait (UNCHECKED)."""
    loaded: list[LoadedScenario] = []
    problems: list[Problem] = []
    for path in scenario_files(rules_folder):
        file = load_file(Scenario, path)
        found, answers = _case_problems(book, file, rules_folder)
        problems += [*file.problems, *found]
        if file.value is not None and answers is not None and not found:
            at = file.at(("expected",), key=True)
            loaded.append(LoadedScenario(path.stem, path, file.value, answers, at))
    return loaded, problems


# Said where a case's answers cannot be read yet, so a teacher does not take the mistakes
# listed for all there are.
UNCHECKED = (
    "the case's answers are not checked yet: they cannot be read until the mistakes told here are fixed"
)


def _case_problems(
    book: RuleBook, file: LoadedFile, rules_folder: Path
) -> tuple[list[Problem], dict[str, Answer] | None]:
    """What a case says wrongly of the book, read from its data as written, whether or not its
    shape is right; and its answers, when every one of them is right."""
    data = file.doc.data if file.doc is not None else None
    if file.doc is None or not isinstance(data, dict | None):  # not YAML, or not a mapping
        return [Problem(file.at(()), UNCHECKED, "warning")], None
    data = data or {}
    raw = data.get("answers")
    answers: dict[str, Answer] = {}
    if not isinstance(raw, dict | None):  # its problem is told where it stands
        found = [Problem(file.at(("answers",)), UNCHECKED, "warning")]
    else:

        def where(key: str) -> str:
            place = file.at(("answers", key))
            return str(replace(place, file=place.file.relative_to(rules_folder)))

        answers, mistakes, more = answer_mistakes(book, raw or {}, where)
        found = [Problem(file.at(("answers", key), key=at_key), message) for key, at_key, message in mistakes]
        if more:
            found.append(Problem(file.at(("answers",), key=True), f"and {more} more problems like these"))
        if not found:  # the skip logic is read over answers that are all right
            found += [Problem(file.at(steps, key=True), said) for steps, said in _never_asked(book, answers)]
    found += [Problem(file.at(steps, key=key), said) for steps, key, said in _said_of_the_book(book, data)]
    return found, (None if found else answers)


def _never_asked(book: RuleBook, answers: Answers) -> Iterator[tuple[Path_, str]]:
    """The answers the questionnaire would never ask for, with these answers: its skip logic
    hides them, so a case that gives one could not be met in the guided questions."""
    reached = prune(book, answers)
    for finding, value in answers.items():
        if finding not in reached and value is not False:
            yield (
                ("answers", finding),
                f"the questionnaire never asks about '{finding}' with these answers (its ask_if does not hold), so a person could not give this answer",
            )


def _said_of_the_book(book: RuleBook, data: dict[str, Any]) -> Iterator[tuple[Path_, bool, str]]:
    """(where, at the key?, message) for what a case's `expected` and own questions say
    wrongly of the book, read as written: a part whose shape is wrong is told by the schema."""
    expected = data.get("expected")
    expected_ids = (
        ("sites", "site", {site.id for site in book.sites}),
        ("red_flags", "red flag", {flag.id for flag in book.red_flags}),
    )
    for field, noun, known in expected_ids:
        ids = expected.get(field) if isinstance(expected, dict) else None
        for index, item_id in enumerate(ids if isinstance(ids, list) else []):
            if isinstance(item_id, str) and item_id not in known:
                yield (
                    ("expected", field, index),
                    False,
                    f"'{item_id}' is not a {noun}{close_match(item_id, known)}",
                )
    quiz = data.get("quiz")
    for index, raw in enumerate(quiz if isinstance(quiz, list) else []):
        try:  # each question on its own: one written wrongly leaves the others checked
            own = adapter(OwnQuestion).validate_python(raw)
        except ValidationError:
            continue  # the schema tells it
        for where, message in _own_question_problems(own):
            yield ("quiz", index, *where), False, message


def _own_question_problems(own: OwnQuestion) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    if len(own.choices) < 2:
        problems.append((("choices",), "a question needs at least 2 choices to choose from"))
    for index, choice in enumerate(own.choices):
        if choice in own.choices[:index]:
            problems.append((("choices", index), f"the choice '{choice}' is given twice"))
    if own.answer not in own.choices:
        message = f"the answer '{own.answer}' is not one of the choices{close_match(own.answer, own.choices)}"
        problems.append((("answer",), message + "; copy the right choice here word for word"))
    return problems


def differences(book: RuleBook, item: LoadedScenario) -> list[str]:
    """How the engine's outcome differs from what the scenario expects; [] when it agrees."""
    return [said for _, said in compared(book, item)]


def compared(book: RuleBook, item: LoadedScenario) -> list[tuple[str, str]]:
    """(the part of `expected` that differs: 'urgency', 'sites' or 'red_flags', how it
    differs), for each part where the engine's outcome is not what the scenario expects. The
    part alone names what differs without the outcome, for a list a class may read."""
    assessment = assess(book, item.answers)
    expected = item.scenario.expected
    out = []
    if assessment.urgency is not expected.urgency:
        out.append(("urgency", f"urgency: expected {expected.urgency.value}, got {assessment.urgency.value}"))
    sites = tuple(site.id for site in assessment.sites)
    if set(sites) != set(expected.sites):
        out.append(("sites", f"sites: expected [{', '.join(expected.sites)}], got [{', '.join(sites)}]"))
    shown = {flag.id for flag in assessment.red_flags}
    missing = [flag for flag in expected.red_flags if flag not in shown]
    if missing:
        said = f"red flags: expected {', '.join(missing)} among those shown, got [{', '.join(sorted(shown))}]"
        out.append(("red_flags", said))
    return out
