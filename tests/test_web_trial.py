"""What a new user's trial of the web pages found, in a real browser (the system Chromium,
through Playwright) against a real `metasymptoms serve`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.test_web_browser import (
    CHEMOTHERAPY_AND_38_3,
    WITHOUT_SCRIPT,
    answer,
    click,
    question,
    show_result,
)
from tests.web_browser import Served, skip_to


@pytest.fixture
def page(reused_page: Callable[..., Any], served: Served) -> Any:
    return reused_page(served.url + "/", **WITHOUT_SCRIPT)


def test_check_your_answers_after_going_on_starts_with_the_emergency(page: Any) -> None:
    click(page, "Start now")
    skip_to(page, CHEMOTHERAPY_AND_38_3, until="temperature")
    answer(page, "38.3")
    click(page, "Go on with the questions")
    skip_to(page, {})
    # The page is some 50 answers long: the emergency is its first heading and card.
    assert " ".join(page.locator("h1").inner_text().split()) == "Emergency: Get help now"
    assert page.title() == "Get help now: check your answers - metasymptoms"
    card = page.locator("main > .care-card--emergency")
    assert card.locator("h2").first.inner_text().startswith("A fever")
    assert card.locator(".action-line").inner_text().startswith("Get help now")
    order = page.evaluate("[...document.querySelectorAll('main > *')].map(el => el.className || el.tagName)")
    assert order[:2] == ["care-card care-card--emergency", "H2"]
    # Nothing routine after it: the footer's "see a provider about any symptom" is left out.
    assert "any symptom that worries you" not in page.locator("footer").inner_text()
    show_result(page)
    assert page.locator(".care-card--emergency").count() >= 1


def test_check_your_answers_without_an_emergency_is_as_before(page: Any) -> None:
    click(page, "Start now")
    skip_to(page, {"cancer_history": "none"})
    assert page.locator("h1").inner_text() == "Check your answers"
    assert page.locator(".care-card--emergency").count() == 0
    assert "any symptom that worries you" in page.locator("footer").inner_text()


def test_back_at_the_emergency_page_asks_the_answer_again(page: Any) -> None:
    click(page, "Start now")
    skip_to(page, CHEMOTHERAPY_AND_38_3, until="temperature")
    answer(page, "38.3")
    assert page.locator(".care-card--emergency").count() == 1
    click(page, "Back")
    assert question(page) == "temperature"
    assert page.locator("#answer").input_value() == "38.3"  # the answer given, to change
    answer(page, "37")
    skip_to(page, {})
    # The emergency was shown: it still stands at the top of the check page.
    assert " ".join(page.locator("h1").inner_text().split()) == "Emergency: Get help now"


def test_a_question_page_opened_again_says_the_answers_are_gone(page: Any, served: Served) -> None:
    click(page, "Start now")
    answer(page, "none")
    page.goto(served.url + "/walk")  # a restored tab asks for the address again, without the form
    assert page.locator("h1").inner_text() == "Your answers are not on this page"
    text = page.locator("main").inner_text()
    assert "nothing was lost" not in text and "cannot be brought back" in text
    click(page, "Start again")
    assert question(page) == "cancer_history"


@pytest.fixture
def scripted(reused_page: Callable[..., Any], served: Served) -> Any:
    """A page with JavaScript on, under the pages' own security policy."""
    return reused_page(served.url + "/", viewport={"width": 1024, "height": 800})


def test_with_javascript_none_of_these_unticks_the_others(scripted: Any) -> None:
    page = scripted
    click(page, "Start now")
    skip_to(page, {"cancer_history": "none", "back_pain": "yes"}, until="back_pain_red_features")

    def ticked() -> list[str]:
        found: list[str] = page.locator('input[name="answer"]:checked').evaluate_all(
            "els => els.map(e => e.value)"
        )
        return found

    page.locator('input[name="answer"][value="wakes_at_night"]').check()
    page.locator('input[name="answer"][value="worse_on_straining"]').check()
    page.locator('input[name="answer"][value="none"]').check()
    assert ticked() == ["none"]
    page.locator('input[name="answer"][value="upper_back_or_neck"]').check()
    assert ticked() == ["upper_back_or_neck"]
    page.locator('input[name="answer"][value="unsure"]').check()
    assert ticked() == ["unsure"]
    click(page, "Continue")
    assert page.locator(".error-summary").count() == 0


def test_the_back_hint_shows_where_it_helps(page: Any) -> None:
    click(page, "Start now")
    answer(page, "none")
    hint = page.locator(".back-form .hint")
    assert hint.count() == 1  # by the first Back
    answer(page, "no")
    assert hint.count() == 0  # not on every question
    click(page, "Back")
    assert hint.count() == 1  # on the page Back led to


def test_the_rule_book_at_320_px_reads_down_and_links_to_the_start(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(served.url + "/rules")
    table = page.locator("table", has=page.locator("th", has_text="Commonly spreads to"))
    assert table.evaluate("el => el.scrollWidth") <= 320  # it was 592 px, in a box scrolled sideways
    assert (
        table.locator("td").first.evaluate("el => getComputedStyle(el, '::before').content") == '"Cancer: "'
    )
    main = page.locator("main").inner_text()
    assert "rules check: no problems found" in main and "warnings" not in main
    assert page.locator(".problems").count() == 0  # no red box for no errors
    for address in ("/rules", "/class"):
        page.goto(served.url + address)
        if address == "/class":
            page.locator(".lesson-list a").first.click()
            page.wait_for_load_state()
        start = page.get_by_role("link", name="metasymptoms: the start page")
        assert start.get_attribute("href") == "/"
    context.close()
