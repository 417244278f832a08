"""What a class sees: the quiz's verdict on screen when the class goes on (a real terminal at
80x24), the person's own words for how soon, never the rule book's internal names, the
person in the case spoken of, not to, and only symptoms under "symptoms linked to spread"."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import pytest

from metasymptoms.answering.prompter import PlainPrompter
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import Role, RuleBook, Urgency
from metasymptoms.core.scenarios import LoadedScenario, load_scenarios
from metasymptoms.teaching.demo import Line, replay
from metasymptoms.teaching.explore import cancer_page, site_page, symptom_page
from metasymptoms.teaching.explore_board import _short_summary, board_summary
from metasymptoms.teaching.quiz import build_quiz, run_quiz
from metasymptoms.teaching.step_text import step_body
from metasymptoms.web.documents import lesson_html
from tests.helpers import run_main, spawn_metasymptoms, urgency_headings
from tests.test_terminal_screens import Terminal

ENTER, DOWN = "\r", "\x1b[B"


def scenarios(book: RuleBook) -> list[LoadedScenario]:
    items, problems = load_scenarios(default_rules_dir(), book)
    assert problems == []
    return items


# --- the quiz's verdict, in a real terminal ------------------------------------------------


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    started: list[Terminal] = []

    def start(columns: int, rows: int, *args: str) -> Terminal:
        screen = Terminal(spawn_metasymptoms(tmp_path, *args, rows=rows, columns=columns), columns, rows)
        started.append(screen)
        return screen

    yield start
    for screen in started:
        screen.child.close(force=True)


def last_lines_before(screen: Terminal, prompt: str, count: int = 1) -> list[str]:
    rows = screen.rows()
    at = max(index for index, row in enumerate(rows) if prompt in row)
    return [row for row in rows[:at] if row.strip()][-count:]


@pytest.mark.terminal
def test_the_verdict_is_the_last_line_before_next_question_at_80x24(terminal) -> None:
    """An emergency's answer shows the whole interrupt screen the person saw (40 rows and
    more): the verdict used to scroll away above it before the class could read it."""
    screen = terminal(80, 24, "demo", "breast_cord_compression", "--quiz")
    screen.wait_for("How urgent is it?", "Routine")
    screen.send(DOWN + DOWN + ENTER)  # past the start row and Emergency: "Urgent", not this time
    screen.wait_for("Ready for the next question?")
    assert last_lines_before(screen, "Ready for the next question?") == [
        "Not this time. The answer: Emergency: get help now."
    ]
    screen.send(ENTER)
    screen.wait_for("Which parts of the body will the result name?", "»")
    screen.send(DOWN + ENTER)
    screen.wait_for("The answer: Bones.", "» Next question")  # the new prompt, not the answered one
    assert last_lines_before(screen, "Ready for the next question?")[0].endswith("The answer: Bones.")


@pytest.mark.terminal
def test_a_prediction_starts_on_no_answer(terminal) -> None:
    """Enter alone is no prediction: the list starts on a row that is no answer, the same for
    every case, so it cannot hint that this one is an emergency (Emergency heads the scale)."""
    screen = terminal(80, 24, "demo", "breast_cord_compression", "--quiz")
    screen.wait_for("How urgent is it?", "Routine")
    assert [row.strip() for row in screen.rows() if "»" in row] == [
        "» (the class's prediction: move down to it)"
    ]
    screen.send(ENTER)
    screen.wait_for("No prediction yet: choose one of the answers.", "Routine")
    screen.send(DOWN + ENTER)
    screen.wait_for("Ready for the next question?")
    assert last_lines_before(screen, "Ready for the next question?") == [
        "Right. The answer: Emergency: get help now."
    ]


def test_the_verdict_is_the_last_line_before_next_question_in_plain_mode() -> None:
    """Line by line, as a screen reader reads --plain: in the test's process (`run_main`), 80
    columns wide; no terminal is under test."""
    shown = run_main(
        "demo", "breast_cord_compression", "--quiz", "--plain", stdin="2\n", env={"COLUMNS": "80"}
    )
    lines = [line for line in shown.stdout.splitlines() if line.strip()]
    assert lines[lines.index("Ready for the next question?") - 1] == (
        "Not this time. The answer: Emergency: get help now."
    )


# --- the person's words, the person spoken of ------------------------------------------------


QUOTED = re.compile(r'"[^"]*"')


def internal_names(book: RuleBook, text: str) -> list[str]:
    """The rule book's own names where a class should read words: urgency ids, rule ids."""
    # Not "EMERGENCY": the person's own emergency screen says it, and a class sees that screen.
    found = re.findall(r"\b(?:PROMPT|prompt|ROUTINE|URGENT)\b", text)
    found += re.findall(r"\((?:emergency|urgent|prompt|routine)\)", text)
    found += [rule.id for site in book.sites for rule in site.rules if rule.id in text]
    return found


def narration(book: RuleBook, lines: tuple[Line, ...] | list[Line]) -> list[str]:
    """The lines that speak about the person: not the questions as they were asked, not the
    person's own screen, not what the person was told or answered (quoted)."""
    questions = tuple(question.text for question in book.questions)
    said = []
    for line in lines:
        text = line.text.removeprefix("(skipped) ")
        if line.kind == "screen" or text.startswith(questions):
            continue
        said.append(QUOTED.sub('""', text))
    return said


def quiz_text(book: RuleBook, item: LoadedScenario) -> str:
    quiz = build_quiz(book, item)
    out = io.StringIO()
    wrong = {question.id: question.choices[question.answer - 1] for question in quiz.questions}
    run_quiz(quiz, PlainPrompter(book.guidance.wording, stdin=io.StringIO(""), stdout=out), wrong, width=78)
    return out.getvalue()


def test_demos_quizzes_and_lesson_pages_use_the_persons_words(book: RuleBook) -> None:
    headings_seen: set[str] = set()
    for item in scenarios(book):
        steps = replay(book, item)
        replayed = "\n".join(
            " ".join(step_body(book.guidance.wording.teaching, step, 10_000, everything=True))
            for step in steps
        )
        page = unescape(
            re.sub(
                r"<script>.*?</script>|<style>.*?</style>|<[^>]+>", " ", lesson_html(book, item), flags=re.S
            )
        )
        quiz = build_quiz(book, item)
        asked = quiz_text(book, item)
        for name, text in (("replay", replayed), ("quiz", asked), ("lesson page", page)):
            assert internal_names(book, text) == [], f"{item.name}, {name}"
        for step in steps:
            for line in narration(book, step.lines + step.more):
                assert not re.search(r"\b(you|your|yours|yourself)\b", line, re.I), (item.name, line)
        for question in quiz.questions:
            for line in narration(book, (Line(question.prompt), *question.reveal)):
                assert not re.search(r"\b(you|your)\b", line, re.I), (item.name, line)
        headings_seen |= {heading for heading in urgency_headings().values() if heading in asked}
    assert headings_seen == set(urgency_headings().values())  # every level, in the person's words


def test_what_would_change_reads_as_english(book: RuleBook, capsys) -> None:
    from metasymptoms.cli import main

    assert main(["demo", "prostate_mid_back_pain"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert (
        "Had the person not reported back or neck pain with warning features, the result would say "
        '"Soon: see a healthcare provider within the next few days" instead of "Urgent: get help today".'
    ) in said
    assert "instead of to " not in said and "would be to " not in said


def test_the_explorer_uses_the_persons_words(book: RuleBook) -> None:
    pages = [site_page(book, site.id) for site in book.sites]
    pages += [cancer_page(book, primary.id) for primary in book.primaries]
    pages += [symptom_page(book, finding.id) for finding in book.findings if finding.type == "yes_no"]
    for page in pages:
        assert internal_names(book, page) == [], page
    assert "Jaundice with a fever, shivering or feeling very unwell (Emergency)" in site_page(book, "liver")
    summary = board_summary(book, {"cancer_history": "current", "known_spread": "none", "back_pain": True})
    assert summary.startswith(f"How soon: {urgency_headings()[Urgency.PROMPT]}.")
    assert internal_names(book, summary) == []


def test_the_board_without_a_cancer_history_names_parts_of_the_body_to_check_not_sites(
    book: RuleBook,
) -> None:
    # A teacher's trial: "has or had cancer" unticked, severe breathlessness ticked, and the
    # board said "Sites: Lungs." under a heading about where cancer spreads. It now says them
    # as the result does to a person without a diagnosis.
    answers: dict[str, Answer] = {"cancer_history": "none", "breathless_severe": True}
    assert board_summary(book, answers) == (
        "How soon: Emergency: get help now.  Parts of the body a provider may want to check: Lungs.  "
        "Warning signs: Severe breathlessness, or chest pain with breathlessness (Emergency)."
    )
    assert _short_summary(book, answers) == "[Emergency | to check: Lungs]"
    with_cancer = {"cancer_history": "current", "known_spread": "none", "breathless_severe": True}
    assert _short_summary(book, with_cancer) == "[Emergency | sites: Lungs]"


# --- the explorer lists symptoms only ---------------------------------------------------------


def section(page: str, heading: str) -> str:
    return page.split(f"{heading}\n{'-' * len(heading)}\n", 1)[1].split("\n\n", 1)[0]


def test_explore_lists_only_symptoms_under_symptoms_linked_to_spread(book: RuleBook) -> None:
    from typing import get_args

    context = [book.finding(found).label for role in get_args(Role) if (found := book.role(role))]
    assert "what you were told about spread" in context
    for site in book.sites:
        listed = section(site_page(book, site.id, width=10_000), "Symptoms linked to spread here")
        for label in context:
            assert f"- {label}\n" not in listed + "\n", (site.id, label)
    for primary in book.primaries:
        watch = section(cancer_page(book, primary.id, width=10_000), "What to watch for at each site")
        for label in context:
            assert f"- {label}\n" not in watch + "\n", (primary.id, label)
