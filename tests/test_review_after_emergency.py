"""After an emergency, "go on" and every other question: the review of answers (longer
than any screen) keeps the emergency in view at its top, with the arrow keys in a real
terminal of 60x20 and 80x24 (pexpect and pyte), and with --plain as read line by line."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from metasymptoms.answering.emergency import reminder
from metasymptoms.answering.questionnaire import GO_ON, Questionnaire
from metasymptoms.core.engine import fired_emergencies
from metasymptoms.core.model import RuleBook
from tests.helpers import run_main
from tests.scripted import ScriptedPrompter
from tests.test_terminal_screens import (
    DOWN,
    ENTER,
    SIZES,
    Terminal,
    prefix,
    reach_severe_breathlessness,
    typed,
    wait_prompt,
    wait_typed,
)

REVIEW_QUESTION = "Show your result, or change an answer?"  # the book's wording.questions

pytestmark = pytest.mark.terminal

EMERGENCY = "breathless_severe"


@dataclass
class GoesOn(ScriptedPrompter):
    """Answers as scripted, and chooses to go on at the emergency."""

    def choose(self, message, options, default, hint=None, *, one_line=False):  # type: ignore[no-untyped-def]
        if message == "What would you like to do now?":
            self.asked.append(message)
            return GO_ON
        return super().choose(message, options, default, hint, one_line=one_line)


def path_after_going_on(book: RuleBook) -> list[str]:
    """The findings asked after "go on", in order, when every other answer is Enter."""
    prompter = GoesOn(book, answers={"cancer_history": "none", EMERGENCY: True})
    answers = Questionnaire(book, prompter).run().answers
    order = [question.finding for question in book.questions if question.finding in answers]
    return order[order.index(EMERGENCY) + 1 :]


def reach_the_review(screen: Terminal, book: RuleBook) -> None:
    reach_severe_breathlessness(screen)  # an emergency
    screen.send(DOWN + ENTER)  # go on
    for finding in path_after_going_on(book):
        question = book.question(finding)
        assert question is not None
        if typed(book, finding):
            wait_typed(screen, question.text)
        else:
            wait_prompt(screen, question.text)
        screen.send(ENTER)
    screen.wait_for(REVIEW_QUESTION, "Show my result")


def the_reminder(book: RuleBook) -> str:
    fired = fired_emergencies(book, {"cancer_history": "none", EMERGENCY: True})
    return reminder(book, [flag.id for flag in fired])


def flat(screen: Terminal) -> str:
    return " ".join(screen.text().split())


@pytest.mark.long
@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_the_review_starts_with_the_emergency_in_a_terminal(
    terminal, book: RuleBook, columns: int, rows: int
) -> None:
    screen = terminal(columns, rows)
    reach_the_review(screen, book)
    line = the_reminder(book)
    assert screen.rows()[0].startswith("? " + prefix(line, columns - 10)), screen.text()
    assert line in flat(screen)
    screen.send(DOWN * 30)  # down the long list: the emergency stays at the top
    screen.settle()
    assert screen.rows()[0].startswith("? EMERGENCY:"), screen.text()
    assert line in flat(screen)


def test_the_plain_review_ends_on_the_emergency_and_its_question(book: RuleBook) -> None:
    """The list of answers pushes the top of the review off any screen; what is left on it,
    the end of what was written, is the emergency and the question, right above the prompt.
    Read as a screen reader reads --plain: in the test's process (`run_main`), 60 columns
    wide; no terminal is under test."""
    typed = "1\nn\ny\n2\n"  # never told; no treatment; short of breath: yes (an emergency); go on
    typed += "\n" * len(path_after_going_on(book))  # Enter: the marked answer, or none of these
    reviewed = run_main("ask", "--plain", stdin=typed, env={"COLUMNS": "60"})
    assert " ".join(reviewed.stdout.split()).endswith(
        f"{the_reminder(book)} {REVIEW_QUESTION} Type a number and press Enter. >"
    ), reviewed.stdout[-1000:]
    shown = run_main("ask", "--plain", stdin=typed + "\n", env={"COLUMNS": "60"})  # show my result
    assert "Enter: read more" in shown.stdout.removeprefix(reviewed.stdout)


def test_back_at_the_emergency_question_asks_the_answer_again(book: RuleBook) -> None:
    """A slip of the key at a warning sign's question: Back is offered at the emergency, asks
    it again on the answer given, and the emergency still stands at the top of the review."""
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none"})
    prompter.steps = ["none", False, True, "back", False]  # breathless: yes, back, then no
    questionnaire = Questionnaire(book, prompter)
    outcome = questionnaire.run()
    asked = book.question(EMERGENCY)
    assert asked is not None
    at = prompter.asked.index("What would you like to do now?")
    assert prompter.asked[at + 1] == asked.text
    assert prompter.defaults[asked.text] == "yes"  # on the answer given
    assert outcome.answers[EMERGENCY] is False and not outcome.stopped_for_emergency
    assert prompter.asked[-1].startswith(the_reminder(book))


def test_plain_offers_back_at_the_emergency() -> None:
    """Read line by line, as a screen reader reads --plain: the program runs in the test's
    process (`run_main`), 60 columns wide; no terminal is under test."""
    walked = run_main("ask", "--plain", stdin="1\nn\ny\nb\nn\n", env={"COLUMNS": "60"})
    lines = walked.stdout.splitlines()
    back = lines.index("Going back to the previous question.", lines.index("What would you like to do now?"))
    assert lines[back - 2 : back] == ["Type a number and press Enter; b = back.", "> b"]  # offered, and taken
    asked_again = lines[back + 1 : lines.index("  2. Yes  (Enter)", back) + 1]  # on the answer given
    assert "short of breath" in " ".join(asked_again)
    assert "Do you have chest pain?" in lines[back:]  # after "n": the next of the signs that need help now


def test_an_answer_changed_back_after_an_emergency_keeps_it_in_the_result(book: RuleBook) -> None:
    """Breathless: yes (an emergency), back, then no: the review kept the emergency at its
    top, and the result keeps it too, as an emergency that still stands, never "Routine"
    after it; the last words are the number to call."""
    from metasymptoms.answering.emergency import action
    from metasymptoms.answering.interview import run_interview

    prompter = ScriptedPrompter(book, answers={"cancer_history": "none"})
    prompter.steps = ["none", False, True, "back", False]
    assert run_interview(book, plain=True, prompter=prompter) == 0
    said = [text for _, text in prompter.shown]
    (flag,) = fired_emergencies(book, {"cancer_history": "none", EMERGENCY: True})
    headings = book.guidance.wording.urgency_headings
    assert headings.emergency in said and headings.routine not in said
    assert f"{flag.title}: {book.guidance.wording.emergency.changed_back}" in "\n".join(said)
    assert said[-1] == action(book)
