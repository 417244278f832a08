"""The lesson page by keyboard and screen reader, in Chromium through Playwright: the answer
is revealed only by R or a click (never by an Enter meant for Next), a key goes to the
control that has focus, what changes is read out, focus never drops to the top; and the
printed sheet the class fills in holds no answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.web_browser import Served, axe_violations, tab_to

LESSON = "/class/breast_cord_compression"


@pytest.fixture
def page(reused_page: Callable[..., Any], served: Served) -> Any:
    return reused_page(served.url + LESSON, viewport={"width": 1280, "height": 720}, bypass_csp=True)


def focused(page: Any) -> str:
    """What has focus: an id, a class, or the tag."""
    return str(
        page.evaluate(
            "(() => { const el = document.activeElement;"
            " return el.id || (el.className && String(el.className)) || el.tagName; })()"
        )
    )


def revealed(page: Any) -> int:
    return int(page.evaluate("document.querySelectorAll('.step .reveal:not([hidden])').length"))


def where(page: Any) -> str:
    return str(page.locator("#where").inner_text())


def test_enter_on_next_steps_through_every_question_and_never_reveals(page: Any) -> None:
    total = page.locator(".step").count()
    tab_to(page, "el.id === 'next'")
    for number in range(2, total + 1):
        page.keyboard.press("Enter")
        assert where(page) == f"Step {number} of {total}"
        assert revealed(page) == 0  # a prediction step keeps its answer back
        if number < total:
            assert focused(page) == "next"
    # Next is disabled on the last step: focus goes to the step's heading, not the top
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert page.evaluate("document.activeElement.textContent") == "What to take away"


def test_each_step_and_each_verdict_is_read_out_and_focus_follows_the_reveal(page: Any) -> None:
    total = page.locator(".step").count()
    page.keyboard.press("ArrowRight")
    assert page.locator("#announce").inner_text() == f"Step 2 of {total}: The person's answers"
    assert page.locator("#announce").get_attribute("aria-live") == "polite"
    page.keyboard.press("ArrowRight")
    question = page.locator(".step.current")
    assert page.locator("#announce").inner_text() == f"Step 3 of {total}: Predict: how urgent?"
    question.locator("button.choice").first.click()
    question.locator(".reveal-button").click()  # the button clicked is hidden by what it does
    assert page.evaluate("document.activeElement.classList.contains('reveal')")
    verdict = question.locator(".verdict").inner_text()
    assert verdict in ("Right.", "Not this time.")
    assert (
        page.locator("#announce").inner_text()
        == f"{verdict} Predictions right: {int(verdict == 'Right.')} of 3."
    )
    assert axe_violations(page) == []


def test_space_goes_to_the_focused_control(page: Any) -> None:
    tab_to(page, "el.id === 'print-answers'")
    page.keyboard.press(" ")
    assert page.locator("#print-answers").is_checked() is False
    assert page.evaluate("document.body.classList.contains('without-answers')")
    assert page.evaluate("window.scrollY") == 0
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    tab_to(page, "el.classList.contains('choice')")
    page.keyboard.press(" ")
    pressed = page.locator(".step.current button.choice[aria-pressed=true]")
    assert pressed.count() == 1 and revealed(page) == 0
    page.keyboard.press("Tab")  # the next choice, then the others, then Reveal
    assert "choice" in focused(page)


def printed(page: Any) -> tuple[str, list[str]]:
    """The text on paper, and the kinds of the steps printed."""
    page.emulate_media(media="print")
    text = str(page.locator("main").inner_text())
    kinds = page.evaluate(
        "Array.from(document.querySelectorAll('.step')).filter(s => s.getClientRects().length)"
        ".map(s => s.classList[1])"
    )
    page.emulate_media(media="screen")
    return text, list(kinds)


def test_the_fill_in_sheet_has_the_case_and_questions_and_no_answer(page: Any) -> None:
    assert page.locator("h1, h2").first.evaluate("h => h.tagName") == "H1"
    answers, kinds = printed(page)
    assert "The answer: Emergency: get help now" in answers  # the answer sheet has them
    assert kinds.count("replay") >= 3 and kinds[-1] == "closing"
    assert "For the teacher:" not in answers  # the teacher's notes only once shown (T)
    page.keyboard.press("End")
    page.keyboard.press("t")
    assert "For the teacher:" in printed(page)[0]
    page.keyboard.press("Home")

    page.locator("#print-answers").uncheck()
    sheet, kinds = printed(page)
    assert kinds == ["title", "case", "question", "question", "question"]
    assert "The person answered:" in sheet
    assert "Which ONE of these changes of answer would change the advice or the sites named?" in sheet
    for given_away in (
        "The answer:",
        "Now the result says",
        "now applies",
        "How soon:",
        "For the teacher:",
        "What to take away",
        "Site: Bones",
    ):
        assert given_away not in sheet, given_away


def test_the_fill_in_sheet_takes_two_pages_not_one_a_step(page: Any) -> None:
    # A teacher's trial: each of the class's sheets took five pages (a page a step, the first
    # holding two lines); the answer sheet keeps a page a step, for the teacher.
    pages = re.compile(rb"/Type\s*/Page\b")
    assert len(pages.findall(page.pdf())) >= 11
    page.locator("#print-answers").uncheck()
    assert len(pages.findall(page.pdf())) == 2
