"""The questions as a person meets them in a real terminal (pexpect and pyte, at the sizes
named), and --plain as a screen reader reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from metasymptoms.answering.emergency import action, call_handler_lines, number_line
from metasymptoms.answering.interview import run_interview
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from tests.helpers import run_main
from tests.scripted import ScriptedPrompter
from tests.test_terminal_screens import (
    DOWN,
    ENTER,
    REVIEW,
    UP,
    Terminal,
    expected_answers,
    last_rows,
    number_book,
    reach_the_temperature,
    wait_prompt,
)

pytestmark = pytest.mark.terminal


def joined(screen: Terminal) -> str:
    return " ".join(screen.text().split())


@pytest.mark.parametrize("plain", [False, True])
def test_the_emergency_number_is_on_a_60x20_screen_when_the_first_question_is_drawn(
    terminal, book: RuleBook, plain: bool
) -> None:
    screen = terminal(60, 20, *(["--plain"] if plain else []))
    if plain:
        screen.wait_for("Has a doctor ever told you", "\n>")
    else:
        wait_prompt(screen, "Has a doctor ever told you")
    assert number_line(book) in joined(screen)
    assert "911 / 999 / 112" in screen.text()  # the number on one row, never split


def test_plain_counts_questions_by_section_and_b_at_the_first_says_so() -> None:
    """Read line by line, as a screen reader reads --plain: in the test's process (`run_main`),
    80 columns wide; no terminal is under test."""
    walked = run_main("ask", "--plain", stdin="b\n3.\nb\n", env={"COLUMNS": "80"})
    first, refused, second, back = walked.stdout.split("\n> ")[:4]  # what each line typed answered
    assert "About you: question 1 of up to 9" in first.splitlines()
    assert refused.splitlines() == ["b", "This is the first question; there is nothing before it."]
    # "3." as the list writes it: I had cancer in the past
    assert second.splitlines()[:4] == [
        "3.",
        "",
        "About you: question 2 of up to 9",
        "Where did the cancer start?",
    ]
    assert "  16. I do not know  (Enter)" in second.splitlines()
    assert "Type a number, or u (I do not know), and press Enter" in " ".join(second.split())
    assert back.splitlines()[:2] == ["b", "Going back to the previous question."]
    assert "About you: question 1 of up to 9" in back.splitlines()


COUNTER = re.compile(r"(?m)^About you: question (\d+) of up to (\d+)$")


def test_plain_counter_never_grows_as_the_answers_come() -> None:
    """ "Not sure" of a history brings in the treatment questions: the count is of every
    question that could still be asked, so it never jumps up ("2 of about 2", then "3 of
    about 6", was the trial's). In the test's process, 60 columns wide, as the one above."""
    walked = run_main("ask", "--plain", stdin="4\n" + "\n" * 150, env={"COLUMNS": "60"})
    assert walked.returncode == 0, walked.stderr
    counted = [(int(number), int(total)) for number, total in COUNTER.findall(walked.stdout)]
    totals = [total for _, total in counted]
    assert [number for number, _ in counted] == list(range(1, len(counted) + 1)), counted  # each asked once
    assert len(counted) >= 4, counted  # the history, the treatment and its follow-ups
    assert totals == sorted(totals, reverse=True), counted
    assert all(number <= total for number, total in counted), counted


def test_plain_u_answers_i_do_not_know_and_3_dot_is_3(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    run = run_main("ask", "--plain", "--format", "json", "--output", str(out), stdin="3.\nu\n" + "\n" * 100)
    assert run.returncode == 0, run.stderr
    asked = {item["finding"]: item["answer"] for item in json.loads(out.read_text())["asked"]}
    assert asked["cancer_history"] == "past" and asked["primary_cancer"] == "unknown"


def test_why_and_back_are_not_left_on_screen_as_answers(terminal) -> None:
    # Tall enough for the reasons of "what you were told about spread" (five lines since the
    # partial bowel blockage sign reads it too) above the question and its answer before.
    screen = terminal(80, 30)
    wait_prompt(screen, "Has a doctor ever told you")
    screen.send(UP * 2 + ENTER)  # I have cancer now
    wait_prompt(screen, "Where did the cancer start?")
    screen.send(ENTER)  # I do not know
    wait_prompt(screen, "Has your care team told you")
    screen.send(DOWN * 4 + ENTER)  # Why am I asked this?
    screen.wait_for("Parts of the body it can relate to")
    wait_prompt(screen, "Has your care team told you")
    assert "? Where did the cancer start? I do not know" in screen.text()  # a real answer stays
    # "Why am I asked this?" is the heading of the reasons, and an option: never an answer
    assert [row for row in screen.rows() if "Why am I asked this?" in row] == [
        "Why am I asked this?",
        "   Why am I asked this?",
    ], screen.text()
    screen.send(DOWN * 5 + ENTER)  # Back to the previous question
    wait_prompt(screen, "Where did the cancer start?")
    assert [row for row in screen.rows() if "Back to the previous question" in row] == [
        "   Back to the previous question"  # the option of the prompt now asked
    ], screen.text()


def test_a_refused_number_is_told_plainly_never_by_its_id(terminal, tmp_path: Path) -> None:
    screen = reach_the_temperature(terminal(80, 24, "ask", "--rules", str(number_book(tmp_path))))
    screen.wait_for("? = why, b = back")
    screen.send("warm" + ENTER)
    screen.wait_for("is not a temperature")
    shown = joined(screen)
    assert (
        '"warm" is not a temperature this tool can read (30 to 45 °C). Please type it like 38.5, 101.3 F, '
        "or press Enter to leave it out."
    ) in shown
    assert "'temperature'" not in shown
    screen.send("101" + ENTER)  # Fahrenheit without its F: outside the Celsius range
    screen.wait_for('"101" is not')
    assert "For Fahrenheit, type 101 F." in joined(screen)


def test_the_call_handler_hears_measurements_not_sure_and_treatment_once(book: RuleBook) -> None:
    answers = {
        "cancer_history": "current",
        "known_spread": "unsure",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "temperature": 38.3,
    }
    lines = call_handler_lines(book, assess(book, answers))
    assert "Temperature 38.3 °C (100.9 °F)" in lines
    assert "Not sure whether the cancer has spread" in lines
    assert "Has cancer now" in lines
    said = [line for line in lines if not line.startswith("Warning sign:")]
    assert sum("treat" in line.lower() for line in said) == 1  # "Recent treatment: ..." only
    # third person throughout: never the person's own words ("I am being treated for it")
    choices = {choice.text for finding in book.findings for choice in finding.choices}
    assert not any(choice in line for line in lines for choice in choices if choice.startswith("I "))
    assert not any(line.startswith("I ") or " I " in line for line in lines)


@pytest.mark.parametrize(
    ("temperature", "said"),
    [
        # The number says it: the handler hears the number, not the question's "37.5 °C or higher".
        (38.4, ["Temperature 38.4 °C (101.1 °F)"]),
        # It does not (shivery at 37.2 °C): the "yes" and the number, each as it was told.
        (
            37.2,
            [
                "A temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery",
                "Temperature 37.2 °C (99 °F)",
            ],
        ),
    ],
)
def test_a_yes_to_fever_with_a_typed_temperature_is_told_with_the_number(
    book: RuleBook, temperature: float, said: list[str]
) -> None:
    answers = {
        "cancer_history": "current",
        "recent_treatment": True,
        "fever": True,
        "temperature": temperature,
    }
    lines = call_handler_lines(book, assess(book, answers))
    assert lines[0].startswith("Warning sign: A fever")
    assert lines[1:-2] == said
    assert lines[-2:] == ["Has cancer now", "Cancer treatment or steroid tablets in the last 6 weeks"]


def test_a_cancer_history_not_sure_is_said_to_the_call_handler(book: RuleBook) -> None:
    lines = call_handler_lines(book, assess(book, {"cancer_history": "unsure", "seizure": True}))
    assert "Not sure whether they have or had cancer" in lines


@pytest.mark.long
def test_stop_after_an_emergency_fired_by_a_changed_answer_at_the_review_ends_the_run(
    terminal, book: RuleBook
) -> None:
    """Issue 19: the review can fire an emergency; "Stop here and get help now" ends the run
    on the card and the number to call, with no more questions and no review."""
    answers = {"cancer_history": "none"}
    expected = expected_answers(book, answers)
    order = [q for q in book.questions if q.finding in expected]
    screen = terminal(80, 24)
    wait_prompt(screen, order[0].text)
    screen.send(UP * 3 + ENTER)  # never told
    for question in order[1:]:
        if book.finding(question.finding).type == "number":
            screen.wait_for(question.text.split()[-1], "? = why, b = back")
        else:
            wait_prompt(screen, question.text)
        screen.send(ENTER)
    screen.wait_for(REVIEW, "Show my result")
    item = [q.finding for q in order].index("breathless_severe")
    screen.send(DOWN * (item + 1) + ENTER)
    wait_prompt(screen, "Are you suddenly or severely short of breath")
    screen.send(DOWN + ENTER)  # Yes: an emergency, fired from the review
    screen.wait_for("What would you like to do now?", "Go on with the")
    screen.send(ENTER)  # Stop here and get help now
    screen.wait_for("Tell the call handler:", "Would you like to see the rest")
    screen.send(ENTER)  # No, I will get help now
    assert screen.finish() == 0
    assert last_rows(screen).endswith(action(book))
    assert REVIEW not in "\n".join(screen.rows()[-8:])


def test_stop_after_a_changed_answer_at_the_review_ends_the_run_scripted(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none"}, steps=[])
    original = prompter.choose
    changed: list[str] = []

    def choose(message, options, default, hint=None, **kwargs):
        if message == REVIEW and not changed:
            changed.append("yes")
            return "breathless_severe"
        if message.startswith("Are you suddenly or severely short of breath") and changed == ["yes"]:
            changed.append("answered")
            return "yes"
        return original(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    assert run_interview(book, plain=True, prompter=prompter) == 0
    assert prompter.asked[-2:] == [
        "What would you like to do now?",
        "Would you like to see the rest of your result?",
    ]
    assert prompter.shown[-1] == ("emergency", action(book))
