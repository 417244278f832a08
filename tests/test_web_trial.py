"""What a new user's trial of the web pages found, in a real browser (the system Chromium,
through Playwright) against a real `metasymptoms serve`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.test_web_browser import CHEMOTHERAPY_AND_38_3, answer, click, walk
from tests.web_browser import Served


@pytest.fixture
def page(browser: Any, served: Served) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1024, "height": 800})
    opened = context.new_page()
    opened.goto(served.url + "/")
    yield opened
    context.close()


def test_check_your_answers_after_going_on_starts_with_the_emergency(page: Any) -> None:
    click(page, "Start now")
    walk(page, CHEMOTHERAPY_AND_38_3, until="temperature")
    answer(page, "38.3")
    click(page, "Go on with the questions")
    walk(page, {})
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
    click(page, "Show my result")
    assert page.locator(".care-card--emergency").count() >= 1


def test_check_your_answers_without_an_emergency_is_as_before(page: Any) -> None:
    click(page, "Start now")
    walk(page, {"cancer_history": "none"})
    assert page.locator("h1").inner_text() == "Check your answers"
    assert page.locator(".care-card--emergency").count() == 0
    assert "any symptom that worries you" in page.locator("footer").inner_text()
