"""The lesson page on a classroom screen (1280x720) in the system Chromium through Playwright: every step
fits or scrolls with the keys, the teacher's notes stay hidden until asked for, one step
counter; and the page file others may read."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.web.documents import lesson_html
from tests.web_browser import errors_of

WIDTH, HEIGHT = 1280, 720


def scenario(book: RuleBook, name: str):
    items, _ = load_scenarios(default_rules_dir(), book)
    return next(item for item in items if item.name == name)


@pytest.fixture
def screen(reused_page: Callable[..., Any]) -> Any:
    """A page of the classroom screen's size, where `open_lesson` opens a lesson."""
    return reused_page("about:blank", viewport={"width": WIDTH, "height": HEIGHT})


def open_lesson(screen: Any, book: RuleBook, tmp_path: Path, name: str) -> int:
    page = tmp_path / f"{name}.html"
    page.write_text(lesson_html(book, scenario(book, name)))
    screen.goto(page.as_uri())
    return int(screen.evaluate("document.querySelectorAll('.step').length"))


# Where the current step's content is, and which part of it is on screen above the bar of
# buttons, in page coordinates.
VIEW = """(() => {
  const step = document.querySelector('.step.current');
  const box = step.getBoundingClientRect();
  const bar = document.querySelector('nav.steps').getBoundingClientRect().top;
  return {where: document.getElementById('where').textContent,
          top: box.top + scrollY, bottom: box.bottom + scrollY,
          seenFrom: scrollY, seenTo: scrollY + bar};
})()"""


def read_step_with_the_space_bar(screen: Any) -> tuple[str, bool]:
    """Press the space bar until the next step comes; True when every line of the step was
    on screen on the way (each screenful starts where the last one ended, or before)."""
    first = screen.evaluate(VIEW)
    seen_to = first["seenTo"]
    whole = first["seenFrom"] <= first["top"]
    for _ in range(30):
        screen.keyboard.press(" ")
        now = screen.evaluate(VIEW)
        if now["where"] != first["where"]:
            return first["where"], whole and seen_to >= first["bottom"]
        whole = whole and now["seenFrom"] <= seen_to
        seen_to = max(seen_to, now["seenTo"])
    raise AssertionError(f"the space bar never left {first['where']}")


@pytest.mark.parametrize("name", ["breast_cord_compression", "prostate_mid_back_pain"])
def test_every_step_fits_or_scrolls_with_the_keys(
    screen: Any, book: RuleBook, tmp_path: Path, name: str
) -> None:
    with errors_of(screen) as errors:
        total = open_lesson(screen, book, tmp_path, name)
        missed = []
        for number in range(1, total):
            where, whole = read_step_with_the_space_bar(screen)
            assert where == f"Step {number} of {total}"
            if not whole:
                missed.append(where)
    assert missed == []
    assert screen.evaluate(VIEW)["where"] == f"Step {total} of {total}"
    assert errors == []


def test_a_revealed_answer_scrolls_to_its_end_before_the_next_step(
    screen: Any, book: RuleBook, tmp_path: Path
) -> None:
    total = open_lesson(screen, book, tmp_path, "breast_cord_compression")
    screen.keyboard.press("ArrowRight")
    screen.keyboard.press("ArrowRight")
    screen.keyboard.press("r")  # the urgency: the emergency screen the person saw is in the answer
    assert screen.evaluate(VIEW)["where"] == f"Step 3 of {total}"
    tall = screen.evaluate(VIEW)
    assert tall["bottom"] > tall["seenTo"]  # longer than the screen: it must scroll
    where, _ = read_step_with_the_space_bar(screen)
    assert where == f"Step 3 of {total}"
    assert screen.evaluate(VIEW)["where"] == f"Step 4 of {total}"
    screen.keyboard.press("PageUp")  # at the top of a step, Page Up goes back a step
    assert screen.evaluate(VIEW)["where"] == f"Step 3 of {total}"


def test_the_teachers_notes_are_hidden_until_asked_for(screen: Any, book: RuleBook, tmp_path: Path) -> None:
    item = scenario(book, "breast_cord_compression")
    assert item.scenario.teacher_notes
    total = open_lesson(screen, book, tmp_path, "breast_cord_compression")
    for _ in range(total):
        screen.keyboard.press("ArrowRight")
    shown = "document.querySelector('.step.current').innerText"
    assert screen.evaluate(VIEW)["where"] == f"Step {total} of {total}"
    assert "For the teacher" not in screen.evaluate(shown).replace("For the teacher (T)", "")
    assert "Learning point:" in screen.evaluate(shown)
    screen.keyboard.press("t")
    assert f"For the teacher: {item.scenario.teacher_notes.split()[0]}" in screen.evaluate(shown)
    screen.locator(".step.current .teacher-button").click()  # and hidden again
    assert "For the teacher:" not in screen.evaluate(shown)
    # no step of the class's view shows them, whatever is revealed
    page = lesson_html(book, item)
    assert page.count("For the teacher:") == 1
    assert re.search(
        r'<div id="teacher-notes" class="teacher-notes" hidden>\s*<p class="depth-0">For the teacher:', page
    )


def test_one_step_counter(screen: Any, book: RuleBook, tmp_path: Path) -> None:
    total = open_lesson(screen, book, tmp_path, "breast_cord_compression")
    # "Step 3 of 11", "question 1 of 3", "3 / 11" (not a phone number such as 911 / 999)
    counters = re.compile(r"(?i)\b(?:step|question)\s+\d+\s+of\s+\d+|\b\d{1,2}\s*/\s*\d{1,2}\b")
    for number in range(1, total + 1):
        on_screen = screen.evaluate(
            "document.querySelector('.step.current').innerText + '\\n' + document.querySelector('nav.steps').innerText"
        )
        assert counters.findall(on_screen) == [f"Step {number} of {total}"], on_screen
        assert screen.evaluate(VIEW)["where"] == f"Step {number} of {total}"
        screen.keyboard.press("ArrowRight")


def test_the_lesson_page_is_readable_by_others(tmp_path: Path) -> None:
    """A made-up case holds no one's health data, so a teacher can share the file (0644),
    unlike a person's summary (0600)."""
    target = tmp_path / "lesson.html"
    assert main(["demo", "tired_no_cancer", "--html", "--output", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
