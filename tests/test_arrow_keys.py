"""The arrow-key questions in a real terminal (pexpect and pyte), as a new user's trial found
them: a "which of these" question is a list of checkboxes whose answer is said back in words,
the words of what is recorded; "?" asks why and "b" goes back at every list; the arrows stop
at the first and the last choice. What these tests check is the keys and the words they leave
on screen, not where a line breaks, so each runs once, at 60x20, where the most scrolls away
(the layout at 60x20 and 80x24 is test_terminal_screens')."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.core.model import RuleBook
from tests.scripted import ScriptedPrompter
from tests.test_result_screen import SPACE, answer_questions, joined
from tests.test_terminal_screens import DOWN, ENTER, REVIEW, SIZES, UP, Terminal, wait_prompt

SMALL = SIZES[0]  # 60x20

pytestmark = pytest.mark.terminal

FEATURES, WEAKNESS = "back_pain_red_features", "limb_weakness"
FIRST = "Has a doctor ever told you"
TREATMENT = "In the last 6 weeks, have you had any cancer treatment"


def pointed(screen: Terminal) -> list[str]:
    return [row for row in screen.rows() if row.startswith(" » ")]


def wait_pointed(screen: Terminal, row: str, timeout: float = 15) -> None:
    """Until the pointer is on `row` (and stays there once the screen is quiet)."""
    deadline = time.monotonic() + timeout
    while pointed(screen) != [row]:
        assert time.monotonic() < deadline and not screen.ended, f"not pointed at: {row}\n{screen.text()}"
        screen.pump()
    screen.settle()
    assert pointed(screen) == [row], screen.text()


def answers_before(book: RuleBook, finding: str, answers: dict) -> dict:
    """The answers given before `finding` is asked, in the order asked."""
    flow = Questionnaire(book, ScriptedPrompter(book, answers=answers))
    everything = flow.run().answers
    order = [q.finding for q in book.questions if q.finding in everything]
    return {key: everything[key] for key in order[: order.index(finding)]}


@pytest.mark.long
def test_which_of_these_is_ticked_and_said_back_in_the_words_recorded(
    terminal, book: RuleBook, tmp_path: Path
) -> None:
    start = {"cancer_history": "none", "back_pain": True}
    screen = terminal(*SMALL, "--format", "json", "--output", "result.json")
    # Weakness is asked first (a sign of pressure on the spinal cord, straight after back pain).
    answer_questions(screen, book, start, answers_before(book, WEAKNESS, start))
    screen.wait_for("feel weak or heavy", "? = why, b = back")
    screen.send(ENTER)  # nothing ticked: none of these, as a left-out answer reads
    screen.wait_for("None of these\n? ")
    assert "or is walking difficult? Choose each that is true. None of these ?" in joined(screen)
    assert "(left out)" not in joined(screen)
    weak = {**start, WEAKNESS: False}
    between = list(answers_before(book, FEATURES, weak))[len(answers_before(book, WEAKNESS, start)) + 1 :]
    for finding in between:
        wait_prompt(screen, book.question(finding).text)
        screen.send(ENTER)
    screen.wait_for("wakes at night", "space to tick or untick", "? = why, b = back")
    assert "1. wakes at night" not in joined(screen)  # ticked, not typed by number
    # "None of these" with one of them is refused, and says what to do; nothing is lost.
    screen.send(SPACE + DOWN * 3 + SPACE + ENTER)
    screen.wait_for("on its own.", " » ● wakes at night")  # asked again, ticked as it was
    screen.send(DOWN * 3 + SPACE + UP + SPACE + ENTER)  # untick "None of these"; tick the upper back
    everything = {**weak, FEATURES: ("wakes_at_night", "upper_back_or_neck")}
    asked = answers_before(book, "symptoms_persistent", everything)
    rest = list(asked)[list(asked).index(FEATURES) + 1 :] + ["symptoms_persistent"]
    wait_prompt(screen, book.question(rest[0]).text)
    said = "Choose each that is true. wakes at night; in the upper or middle back, or the neck ?"
    assert said in joined(screen), screen.text()
    answer_questions(screen, book, everything, {finding: False for finding in rest})  # Enter at each
    screen.wait_for(REVIEW)
    screen.send(ENTER)  # show my result
    screen.wait_for("Enter: read more; q: finish")
    screen.send("q")
    assert screen.finish() == 0
    data = json.loads((tmp_path / "result.json").read_text())
    given = {item["finding"]: item["answer"] for item in data["asked"]}
    assert given[FEATURES] == ["wakes_at_night", "upper_back_or_neck"]
    assert given[WEAKNESS] is False  # "none of these", as the screen said


def test_question_mark_asks_why_and_b_goes_back_at_an_arrow_yes_no_question(terminal) -> None:
    screen = terminal(*SMALL)
    wait_prompt(screen, FIRST)
    screen.send(UP * 3 + ENTER)  # never told
    wait_prompt(screen, TREATMENT)
    assert "  - " not in screen.text()
    screen.send("?")
    screen.wait_for("  - ")  # the reasons, one a line (a long list scrolls its heading away)
    wait_prompt(screen, TREATMENT)  # asked again, under the reasons
    screen.send("b")
    wait_prompt(screen, FIRST)
    wait_pointed(screen, " » I have never been told I have cancer")  # on the answer given
    screen.send("b" + DOWN)  # the first question has no back: "b" does nothing
    wait_pointed(screen, " » I have cancer now, or I am being treated for it")


def test_the_arrows_stop_at_the_first_and_the_last_choice(terminal, book: RuleBook) -> None:
    screen = terminal(*SMALL)
    wait_prompt(screen, FIRST)
    assert pointed(screen) == [" » I am not sure, or I would rather not say"]
    screen.send(DOWN * 5)  # one more than there is room for below: it stays on the last
    wait_pointed(screen, " » Why am I asked this?")
    screen.send(UP * 8)
    wait_pointed(screen, " » I have never been told I have cancer")


def third_question(book: RuleBook) -> str:
    """The question after the treatment question, for someone never told of cancer: the first
    of the next part, under its heading."""
    asked = Questionnaire(book, ScriptedPrompter(book, answers={"cancer_history": "none"})).run().answers
    third = book.question([q.finding for q in book.questions if q.finding in asked][2])
    assert third is not None
    return third.text


def test_back_clears_the_answer_it_takes_back_or_marks_it(terminal, book: RuleBook) -> None:
    screen = terminal(*SMALL)
    wait_prompt(screen, FIRST)
    screen.send(UP * 3 + ENTER)  # never told
    wait_prompt(screen, TREATMENT)
    screen.send("b")  # the answer "never told" is taken back: gone from the screen
    wait_prompt(screen, FIRST)
    wait_pointed(screen, " » I have never been told I have cancer")
    assert len([row for row in screen.rows() if row.startswith("? Has a doctor")]) == 1, screen.text()
    assert "  I have never been told I have cancer" not in screen.rows(), screen.text()  # its answer
    screen.send(ENTER)
    wait_prompt(screen, TREATMENT)
    screen.send(ENTER)  # No
    wait_prompt(screen, third_question(book))  # under the next part's heading
    screen.send("b")  # the heading was said after the answer: it stays, marked
    wait_prompt(screen, TREATMENT)
    taken_back = book.guidance.wording.arrow_keys.taken_back
    assert taken_back in joined(screen), screen.text()
    shown = joined(screen)
    assert shown.index(taken_back) < shown.rindex("? In the last 6 weeks")  # above the question asked again


def test_enter_at_the_review_after_an_answer_was_changed_shows_the_result(terminal, tmp_path: Path) -> None:
    from tests.test_terminal_screens import number_book, reach_the_temperature

    screen = reach_the_temperature(terminal(*SMALL, "ask", "--rules", str(number_book(tmp_path))))
    screen.wait_for("? = why, b = back")
    screen.send("38.5" + ENTER)
    screen.wait_for(REVIEW, "[38.5 °C (101.3 °F)]")
    screen.send(DOWN * 4 + ENTER)  # the temperature, the fourth item
    screen.wait_for("Press Enter to keep it", "38.5")
    screen.send("\x15" + "39" + ENTER)  # changed: Ctrl-U clears the 38.5 typed there
    screen.wait_for("Your answers", "[39 °C (102.2 °F)]", " » Show my result")
    screen.send(ENTER)  # what the pointer is on: the result, not the same question again
    screen.wait_for("Enter: read more; s: save a summary; q: finish")
    screen.send("q")
    assert screen.finish() == 0


def test_back_at_an_emergency_never_says_no_longer_counts_under_its_advice(terminal, book: RuleBook) -> None:
    from tests.test_terminal_screens import reach_severe_breathlessness

    screen = terminal(*SMALL)
    reach_severe_breathlessness(screen)
    screen.send("b")  # a slip of the key: the answer is asked again
    wait_prompt(screen, "Are you suddenly or severely short of breath")
    shown = joined(screen)
    assert "Taken back" not in shown and book.guidance.wording.arrow_keys.taken_back not in shown
    assert "EMERGENCY" in shown  # its advice stays on screen, above the question asked again
