"""Steps for a projector and the quiz, in real terminals (pexpect) at two widths; the layout
of the screens as a pure function."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.teaching.lesson_page import build_lesson, terminal_steps
from metasymptoms.teaching.projector import screens
from metasymptoms.teaching.quiz import build_quiz
from tests.helpers import spawn_metasymptoms

ENTER, RIGHT, LEFT, DOWN = "\r", "\x1b[C", "\x1b[D", "\x1b[B"
ALTERNATE_ON, ALTERNATE_OFF, CLEAR = "\x1b[?1049h", "\x1b[?1049l", "\x1b[H\x1b[2J"


def scenario(book: RuleBook, name: str):
    items, _ = load_scenarios(default_rules_dir(), book)
    return next(item for item in items if item.name == name)


@pytest.mark.parametrize(("width", "height"), [(60, 20), (100, 40)])
def test_every_screen_fits_the_terminal(book: RuleBook, width: int, height: int) -> None:
    steps = terminal_steps(build_lesson(book, scenario(book, "breast_cord_compression")))
    laid_out = screens(book.guidance.wording.teaching, steps, width, height)
    assert {screen.step for screen in laid_out} == set(range(len(steps)))
    for screen in laid_out:
        assert len(screen.lines) <= height - 2
        assert all(len(line) <= width for line in screen.lines)
    long_step = [screen for screen in laid_out if screen.step == 6]  # Bones and back, with the interrupt
    assert len(long_step) > 1 if height == 20 else len(long_step) >= 1
    if len(long_step) > 1:
        assert (
            long_step[1].lines[0] == f"Step 7 of 11. Questions: Bones and back  (page 2 of {len(long_step)})"
        )
    opened = screens(book.guidance.wording.teaching, steps, width, height, frozenset({9}))
    assert sum(len(s.lines) for s in opened if s.step == 9) > sum(
        len(s.lines) for s in laid_out if s.step == 9
    )


# --- real terminals ---------------------------------------------------------------------


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., pexpect.spawn]]:
    children: list[pexpect.spawn] = []

    def start(*args: str, columns: int = 100, lines: int = 40) -> pexpect.spawn:
        child = spawn_metasymptoms(tmp_path, *args, rows=lines, columns=columns)
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def last_screen(child: pexpect.spawn) -> list[str]:
    """The lines drawn since the screen was last cleared, without escape sequences."""
    drawn = child.before.split(CLEAR)[-1] + child.after
    return [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line).rstrip("\r") for line in drawn.split("\n")]


def wait_screen(child: pexpect.spawn, heading: str) -> list[str]:
    child.expect(re.escape(heading) + r".*?q stop", timeout=15)
    return last_screen(child)


def whole_step(child: pexpect.spawn, heading: str) -> list[list[str]]:
    """Every page of the step on screen, from its first: moves back to it, then forward."""
    screen = last_screen(child)

    def page() -> tuple[int, int]:
        found = re.search(r"\(page (\d+) of (\d+)\)", screen[0])
        return (int(found.group(1)), int(found.group(2))) if found else (1, 1)

    while page()[0] > 1:
        child.send(LEFT)
        screen = wait_screen(child, heading)
    pages = [screen]
    while page()[0] < page()[1]:
        child.send(RIGHT)
        screen = wait_screen(child, heading)
        pages.append(screen)
    return pages


@pytest.mark.terminal
@pytest.mark.parametrize(("columns", "lines"), [(60, 24), (100, 40)])
def test_step_forward_and_back_in_a_real_terminal(spawn, columns: int, lines: int) -> None:
    child = spawn("demo", "breast_cord_compression", "--step", columns=columns, lines=lines)
    child.expect_exact(ALTERNATE_ON)
    first = wait_screen(child, "Step 1 of 11. Predict, then reveal")
    assert first[-1] == "Enter/-> next  b/<- back  q stop"  # one counter: the step's, at the top
    assert all(len(line) <= columns for line in first)
    child.send(RIGHT)
    wait_screen(child, "Step 2 of 11. The person's answers")
    for _ in range(5):  # the person's answers may take more than one screen
        child.send(ENTER)
        if child.expect([r"Step 3 of 11\. Predict: how urgent\?.*?q stop", r"Step 2 of 11.*?q stop"]) == 0:
            break
    else:
        raise AssertionError("Enter never reached step 3")
    question = last_screen(child)
    assert question[-1] == "Enter/-> next  b/<- back  r reveal  q stop"
    assert not any("The answer:" in line for line in question)
    child.send("r")
    wait_screen(child, "Step 3 of 11. Predict: how urgent?")
    answer = " ".join(line for page in whole_step(child, "Step 3 of 11") for line in page)
    assert "The answer: Emergency: get help now" in answer
    for _ in range(5):  # b: back through the pages of the revealed answer, to step 2
        child.send("b")
        if child.expect([r"Step 2 of 11\. The person's answers.*?q stop", r"Step 3 of 11.*?q stop"]) == 0:
            break
    else:
        raise AssertionError("b never reached step 2")
    for _ in range(5):  # back through the pages of step 2 to step 1
        child.send(LEFT)
        if child.expect([r"Step 1 of 11\. Predict", r"Step 2 of 11\. The person's answers"], timeout=15) == 0:
            break
    else:
        raise AssertionError("left never reached step 1")
    # on to the step with the interrupt: the real screen the person would see
    for _ in range(20):
        child.send(RIGHT)
        if (
            child.expect([r"Step 7 of 11\. Questions: Bones and back.*?q stop", r"Step \d+ of 11.*?q stop"])
            == 0
        ):
            break
    screen = last_screen(child)
    seen = list(screen)
    while not any("What would you like to do now?" in line for line in seen):
        assert "(page" in screen[0]  # a step taller than the screen goes on over pages
        child.send(RIGHT)
        screen = wait_screen(child, "Step 7 of 11. Questions: Bones and back")
        seen += screen
        assert all(len(line) <= columns for line in screen)
    assert any(line.strip() == "| EMERGENCY: Possible pressure on the spinal cord" for line in seen)
    # to "what would change", then every change on request
    for _ in range(40):
        child.send(RIGHT)
        index = child.expect(
            [r"Step 10 of 11\. What would change the outcome.*?q stop", r"Step \d+ of 11.*?q stop"]
        )
        if index == 0:
            break
    heading = "Step 10 of 11. What would change the outcome"
    pages = whole_step(child, heading)
    text = " ".join(" ".join(line.split()) for page in pages for line in page[2:-1])
    assert "a all changes" in pages[0][-1]
    assert "(15 more single changes: press a to see them all.)" in text
    assert text.count("Had the person") == 8
    assert "->" not in text and "urgency " not in text  # words, never notation
    child.send("a")
    wait_screen(child, heading)
    pages = whole_step(child, heading)
    text = " ".join(" ".join(line.split()) for page in pages for line in page[2:-1])
    assert text.count("Had the person") == 23 and "more single changes" not in text
    assert all(len(line) <= columns for page in pages for line in page)
    child.send("q")
    child.expect_exact(ALTERNATE_OFF)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.terminal
def test_ctrl_c_in_step_mode_leaves_the_alternate_screen(spawn) -> None:
    child = spawn("demo", "tired_no_cancer", "--step")
    wait_screen(child, "Step 1 of 11. Predict, then reveal")
    child.sendintr()
    child.expect_exact(ALTERNATE_OFF)
    child.expect_exact("Stopped.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.terminal
def test_quiz_in_a_real_terminal(spawn, book: RuleBook) -> None:
    quiz = build_quiz(book, scenario(book, "lung_first_seizure"))
    child = spawn("demo", "lung_first_seizure", "--quiz", columns=80, lines=30)
    asked_long = False
    child.expect_exact("Predict, then reveal: ")
    for question in quiz.questions:
        child.expect_exact(question.prompt[:40])
        child.expect_exact(question.choices[-1][:30])  # the whole list is drawn
        if any(len(choice) > 80 - 2 - 6 for choice in question.choices):
            # too long for an arrow-key line: written out in full first, then picked by number
            child.expect_exact(f"{len(question.choices)}. {question.choices[-1][:20]}")
            asked_long = True
        child.send(DOWN * (question.answer + 1) + ENTER)  # the pointer starts on no answer, above the first
        child.expect_exact("Right. The answer: ")
        if question is not quiz.questions[-1]:
            child.expect_exact("Next question")
            child.send(ENTER)
    child.expect_exact(f"Score: {len(quiz.questions)} of {len(quiz.questions)} predictions right.")
    assert asked_long
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
