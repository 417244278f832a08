"""One step counter for a lesson: `demo NAME --step` in a real 80x24 terminal and the lesson
page on a 1280x720 screen (saved and served) go through the same steps, each counted
"Step N of M" once, with the same heading."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from metasymptoms.core.loader import default_rules_dir
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.web.documents import lesson_html
from tests.test_terminal_screens import Terminal
from tests.web_browser import Served

NAME = "breast_cord_compression"
RIGHT = "\x1b[C"
# Anything that reads as a position: "Step 3 of 11", "question 1 of 3", "screen 2 of 20",
# "[3/14]" (not a phone number such as 911 / 999).
COUNTERS = re.compile(r"(?i)\b(?:step|question|screen)\s+\d+\s+of\s+\d+|\b\d{1,2}\s*/\s*\d{1,2}\b")
HEADING = re.compile(r"^(Step \d+ of \d+)\. (.*?)(?:  \(page \d+ of \d+\))?$")


def terminal_heading(screen: Terminal) -> tuple[str, str]:
    """The step's counter and heading from the top of the screen (a long heading wraps, its
    rule of dashes under it)."""
    rows = screen.rows()
    end = next(n for n, row in enumerate(rows) if row and set(row) == {"-"})
    found = HEADING.match(" ".join(row.strip() for row in rows[:end]))
    assert found, rows
    return found.group(1), found.group(2)


def next_screen(screen: Terminal, before: list[str]) -> None:
    deadline = time.monotonic() + 15
    while screen.rows() == before:
        assert time.monotonic() < deadline, "the screen never changed"
        screen.pump()
    screen.settle()


@pytest.mark.terminal
def test_demo_step_at_80x24_counts_the_steps_as_the_lesson_page_does(
    terminal: Callable[..., Terminal],
    reused_page: Callable[..., Any],
    served: Served,
    tmp_path: Path,
    book: RuleBook,
) -> None:
    screen = terminal(80, 24, "demo", NAME, "--step")
    screen.wait_for("Step 1 of ")
    in_terminal: list[tuple[str, str]] = []
    while True:
        assert COUNTERS.findall(screen.text()) == [terminal_heading(screen)[0]], screen.text()
        if not in_terminal or in_terminal[-1] != terminal_heading(screen):
            in_terminal.append(terminal_heading(screen))
        _, number, _, total = in_terminal[-1][0].split()
        if number == total:
            break
        before = screen.rows()
        screen.send(RIGHT)
        next_screen(screen, before)
    screen.send("q")
    assert screen.finish() == 0

    items, _ = load_scenarios(default_rules_dir(), book)
    saved = tmp_path / "lesson.html"
    saved.write_text(lesson_html(book, next(item for item in items if item.name == NAME)))
    for url in (saved.as_uri(), f"{served.url}/class/{NAME}"):
        page = reused_page(url, viewport={"width": 1280, "height": 720})
        on_page = []
        for _ in in_terminal:
            seen = page.evaluate(
                "document.querySelector('.step.current').innerText + '\\n' + document.querySelector('nav.steps').innerText"
            )
            counter = page.locator("#where").inner_text()
            assert COUNTERS.findall(seen) == [counter], seen
            on_page.append((counter, page.locator(".step.current h2").inner_text()))
            page.keyboard.press("ArrowRight")
        assert on_page == in_terminal, url
    assert len(in_terminal) == 11 and in_terminal[2] == ("Step 3 of 11", "Predict: how urgent?")


def test_the_printed_replay_is_not_counted_as_steps(capsys: pytest.CaptureFixture[str]) -> None:
    """A teacher's trial: `demo NAME` printed "[1/14]" ... for a lesson of 11 steps. A step is
    one screen of the lesson; the full replay's parts are headed by their titles alone."""
    from metasymptoms.cli import main

    assert main(["demo", NAME, "--all-changes"]) == 0
    out = capsys.readouterr().out
    assert COUNTERS.findall(out) == []
    assert out.startswith("Scenario: Back pain with weak legs, with breast cancer\n-----")
    assert "\nQuestions: About you\n--------------------\n" in out


def printed(page: Any) -> tuple[list[str], str]:
    """The counters on paper, in order, and the printed text."""
    page.emulate_media(media="print")
    text = str(page.locator("main").inner_text())
    page.emulate_media(media="screen")
    return COUNTERS.findall(text), text


def test_both_printed_sheets_count_the_steps_as_the_lesson_does(browser: Any, served: Served) -> None:
    """The answer sheet prints every step, counted as the projected lesson counts it; the sheet
    the class fills in prints the first five, counted the same ("Step 3" on paper is step 3 on
    the screen), and its last words say which steps are shown in class."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(f"{served.url}/class/{NAME}")
    counters, answers = printed(page)
    assert counters == [f"Step {number} of 11" for number in range(1, 12)]
    assert "shown in class" not in answers
    page.locator("#print-answers").uncheck()
    counters, sheet = printed(page)
    context.close()
    assert counters == [f"Step {number} of 11" for number in range(1, 6)]
    assert sheet.rstrip().endswith(
        "Steps 6 to 11 are shown in class: how the answers were read, the result, what would "
        "change it and what to take away."
    )
