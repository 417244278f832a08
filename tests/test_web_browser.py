"""The person's pages in a real browser (the system Chromium, through Playwright), served by a
real `metasymptoms serve`: by keyboard alone, with JavaScript off, at 320 px, and with
axe-core's WCAG 2.2 AA checks on every kind of page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web_browser import AXE, Served, axe_violations, skip_to, tab_to

CHEMOTHERAPY_AND_38_3 = {
    "cancer_history": "current",
    "primary_cancer": "breast",
    "recent_treatment": "yes",
    "recent_chemotherapy": "yes",
}


# The person's pages as a browser without script shows them (tests/test_web_trial.py's too).
WITHOUT_SCRIPT = {"java_script_enabled": False, "viewport": {"width": 1024, "height": 800}}


@pytest.fixture
def page(reused_page: Callable[..., Any], served: Served) -> Any:
    return reused_page(served.url + "/", **WITHOUT_SCRIPT)


def question(page: Any) -> str:
    found: str = page.locator('input[name="question"]').get_attribute("value")
    return found


def answer(page: Any, value: str) -> None:
    """Choose a radio by its value, tick boxes by theirs (apart by spaces), or type in the
    number box, then Continue, by clicking."""
    box = page.locator('input[name="answer"][type="text"]')
    if box.count():
        box.fill(value)
    else:
        for each in value.split():
            page.locator(f'input[name="answer"][value="{each}"]').check()
    click(page, "Continue")


def click(page: Any, name: str) -> None:
    """Click a button and wait for the page it posts to."""
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def show_result(page: Any) -> None:
    """Press "Show my result" on the check-your-answers page: the button above the answers (the
    same one stands below them, so a locator by name alone matches two)."""
    with page.expect_navigation():
        page.get_by_role("button", name="Show my result").first.click()


def enter(page: Any) -> None:
    """Press Enter on the focused button and wait for the page it posts to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_by_keyboard_alone_a_person_without_cancer_reaches_a_routine_result_and_no_page_logs_an_error(
    browser: Any, served: Served
) -> None:
    """The whole walk by keyboard alone, with script on under the pages' own security policy,
    after the class and rule-book pages: no page leaves an error in the console or fails to
    load a file (the browser asked for /favicon.ico, and its 404 was an error in the console).
    One walk of every page for both: each walk in Chromium costs some 10 processor-seconds."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: errors.append(response.url) if response.status >= 400 else None)
    for address in ("/class", "/rules", "/"):
        page.goto(served.url + address)
    tab_to(page, "el.textContent === 'Start now'")
    enter(page)
    while page.locator('input[name="question"]').count():
        heading = page.locator("h1").inner_text()
        tab_to(page, "el.name === 'answer'")  # into the radio group (or the number box)
        if page.evaluate("document.activeElement.type") == "radio":
            page.keyboard.press("Space")  # the first choice: "No", or never told of cancer
        elif page.evaluate("document.activeElement.type") == "checkbox":  # "which of these"
            tab_to(page, "el.name === 'answer' && el.value === 'none'")
            page.keyboard.press("Space")  # None of these
        tab_to(page, "el.textContent === 'Continue'")
        enter(page)
        assert page.locator("h1").inner_text() != heading, heading
    assert page.locator("h1").inner_text() == "Check your answers"
    # The first stop in the page's main part, as the terminal offers it first: it was the 54th,
    # after a "Change" for every answer (a new user's trial).
    tab_to(page, "!!el.closest('main')")
    assert page.evaluate("document.activeElement.textContent") == "Show my result"
    enter(page)
    cards = page.locator(".care-card__heading")
    assert cards.first.inner_text() == "Routine: none of the warning signs this tool checks for"
    assert cards.last.inner_text() == cards.first.inner_text()
    assert errors == []
    icon = page.request.get(served.url + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/svg+xml"
    context.close()


def test_with_javascript_off_chemotherapy_and_a_typed_38_3_interrupt_with_the_24_hour_line_first(
    page: Any,
) -> None:
    click(page, "Start now")
    skip_to(page, CHEMOTHERAPY_AND_38_3, until="temperature")
    assert page.locator("label[for=answer]").inner_text().startswith("If you have measured your temperature")
    answer(page, "38.3")
    card = page.locator(".care-card--emergency")
    assert " ".join(page.locator("h1").inner_text().split()) == "Emergency: Get help now"
    first_step = card.locator(".advice").first.inner_text()  # one sign: its own advice is the first step
    assert first_step.index("call their 24-hour line now") < first_step.index("emergency number")
    assert card.locator(".handover li").first.inner_text().startswith("Warning sign: A fever")
    assert card.locator(".action-line").inner_text().startswith("Get help now, as the advice above says.")
    click(page, "Go on with the questions")
    assert question(page) == "feeling_unwell"


def test_which_of_these_is_a_group_of_checkboxes_that_works_without_javascript(page: Any) -> None:
    click(page, "Start now")
    skip_to(page, {"cancer_history": "none", "back_pain": "yes"}, until="back_pain_red_features")
    boxes = page.locator('input[name="answer"][type="checkbox"]')
    assert boxes.evaluate_all("els => els.map(e => e.value)") == [
        "wakes_at_night",
        "worse_on_straining",
        "upper_back_or_neck",
        "none",
        "unsure",
    ]
    assert page.locator("#select-hint").inner_text().startswith("Select all that apply")
    # "None of these" with a feature ticked is refused, and the ticks are kept.
    answer(page, "wakes_at_night none")
    assert (
        page.locator(".error-summary")
        .inner_text()
        .endswith("Choose the ones that apply, or “None of these” or “I'm not sure” on its own")
    )
    assert page.locator('input[name="answer"][value="wakes_at_night"]').is_checked()
    page.locator('input[name="answer"][value="none"]').uncheck()
    page.locator('input[name="answer"][value="worse_on_straining"]').check()
    click(page, "Continue")
    skip_to(page, {})
    row = page.locator(".summary-list__row", has_text="Does the pain wake you at night")
    assert row.locator(".summary-list__value").inner_text() == (
        "wakes at night; worse on coughing, sneezing or straining"
    )
    show_result(page)
    # back pain waking at night without a diagnosis: a check today (NHS-BACK)
    assert page.locator(".care-card__heading").first.inner_text().startswith("Urgent")


def test_back_and_change_in_the_browser(page: Any) -> None:
    click(page, "Start now")
    answer(page, "past")
    assert question(page) == "primary_cancer"
    click(page, "Back")
    assert page.locator('input[type=radio][value="past"]').is_checked()
    answer(page, "none")
    skip_to(page, {})
    click(page, "Change your answer to: Do you feel extremely tired")
    answer(page, "yes")
    skip_to(page, {})
    row = page.locator(".summary-list__row", has_text="Do you feel extremely tired")
    assert row.locator(".summary-list__value").inner_text() == "Yes"


def test_the_page_says_to_use_its_own_back_link(page: Any) -> None:
    """Answers travel only in posted forms (never in an address, never kept by the server), so
    the browser's own back button cannot show the page before: Chromium keeps no posted page
    for going back (back/forward cache: 'HTTPMethodNotGET', and no-store keeps it from the
    disk cache too) and asks to send the form again. The page says so beside its own Back."""
    click(page, "Start now")
    answer(page, "past")
    note = page.locator(".back-form .hint")
    assert (
        note.inner_text() == "Use this Back link: your browser's back button may ask to send the form again."
    )
    assert note.is_visible()
    click(page, "Back")
    assert question(page) == "cancer_history"
    assert page.locator(".back-form .hint").count() == 0  # the first question's Back is a plain link


def test_the_summaries_download(page: Any) -> None:
    click(page, "Start now")
    skip_to(page, {"cancer_history": "none", "back_pain": "yes"})
    show_result(page)
    for name, file, first_line in (
        ("Download plain text (Markdown)", "metasymptoms-summary.md", "# metasymptoms: "),
        ("Download a page to print (HTML)", "metasymptoms-summary.html", "<!doctype html>"),
    ):
        with page.expect_download() as started:
            page.get_by_role("button", name=name).click()
        download = started.value
        assert download.suggested_filename == file
        assert Path(download.path()).read_text(encoding="utf-8").startswith(first_line)


def _pages_of_every_kind(page: Any, served: Served) -> Iterator[str]:
    """Goes to one page of each kind in turn, yielding its name."""
    yield "start"
    click(page, "Start now")
    yield "question with choices"
    click(page, "Continue")
    yield "question with an error"
    skip_to(page, CHEMOTHERAPY_AND_38_3, until="temperature")
    yield "question with a number"
    answer(page, "38.3")
    yield "emergency"
    click(page, "Go on with the questions")
    skip_to(page, {})
    yield "check your answers"
    show_result(page)
    yield "result in an emergency"
    page.goto(served.url + "/")
    click(page, "Start now")
    skip_to(page, {"cancer_history": "none", "back_pain": "yes"})
    show_result(page)
    yield "result"
    page.goto(served.url + "/nowhere")
    yield "page not found"


def _fulfilled_with(html: str) -> Callable[[Any], None]:
    """A route handler answering with `html` (Playwright passes the request too to a handler
    of two parameters, so the page is bound here, not as a default)."""

    def fulfil(route: Any) -> None:
        route.fulfill(body=html, content_type="text/html")

    return fulfil


REFLOW_WIDTHS = (320, 640)  # 640: a 1280 px window at 200 % zoom
COLUMN_LEFTS = (
    "[...document.querySelectorAll('.site-header .width, .emergency-strip p, body > .width')]"
    ".map(element => element.getBoundingClientRect().left)"
)


def test_every_kind_of_page_reflows_and_axe_finds_no_violation(
    reused_page: Callable[..., Any], served: Served
) -> None:
    """One walk through every kind of page, with script off as a person's pages need none. On
    each: nothing scrolls sideways at 320 or 640 px, and axe-core finds no violation. axe
    needs script, so it checks a copy of the page (the same HTML, at the same address, with
    the same stylesheet) in a context with script on, past the pages' policy."""
    page = reused_page(served.url + "/", java_script_enabled=False, viewport={"width": 1280, "height": 720})
    copy = reused_page("about:blank", bypass_csp=True, viewport={"width": 1280, "height": 720})
    wide: dict[tuple[str, int], int] = {}
    violations: dict[str, list[str]] = {}
    out_of_line: dict[str, list[float]] = {}
    for kind in _pages_of_every_kind(page, served):
        for width in REFLOW_WIDTHS:
            page.set_viewport_size({"width": width, "height": 700})
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                wide[kind, width] = scroll
        page.set_viewport_size({"width": 1280, "height": 720})
        # the emergency line in line with the page's column, as the header is (a new user's
        # trial found it at the window's left edge, the rest of the page centred)
        lefts = page.evaluate(COLUMN_LEFTS)
        if len(set(lefts)) != 1:
            out_of_line[kind] = lefts
        if AXE.exists():
            copy.route(page.url, _fulfilled_with(page.content()))
            try:
                copy.goto(page.url)
            finally:
                copy.unroute(page.url)  # the page is kept for other tests (`reused_page`)
            found = axe_violations(copy)
            if found:
                violations[kind] = found
    assert wide == {}
    assert out_of_line == {}
    assert violations == {}
    if not AXE.exists():
        pytest.skip(f"reflow checked; axe-core is not installed at {AXE} (make test installs it with npm)")


def test_serve_prints_the_address_and_logs_nothing_of_a_walk(reused_page: Callable[..., Any]) -> None:
    server = Served()
    try:
        assert server.first_line == f"metasymptoms is at {server.url}/ (press Ctrl-C to stop)\n"
        page = reused_page(server.url + "/", **WITHOUT_SCRIPT)
        click(page, "Start now")
        answer(page, "current")
        answer(page, "breast")
    finally:
        out, err = server.stop()
    assert "breast" not in out + err and "current" not in out + err
    assert "POST" not in out + err
