"""The rule-book document and the lesson page, saved to a file and served, in the system
Chromium through Playwright: one template and one stylesheet, so both ways pass the same
checks: axe-core finds no WCAG 2.2 AA violation, printed every word is on paper, and at
320 px wide nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.web_browser import Served, axe_violations

# Elements with words of their own that are not rendered (display: none, or inside something
# hidden), each as "tag.class: first words"; `allowed`: a selector for what may be left off paper
# (the filter box, the contents' links, a lesson's buttons).
UNSEEN = """(allowed) => {
  const unseen = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE'].includes(el.tagName) || (allowed && el.closest(allowed))) continue;
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (own && !el.checkVisibility()) unseen.push(el.tagName.toLowerCase() + '.' + el.className + ': ' + own.slice(0, 60));
  }
  return unseen;
}"""

ON_PAPER_ONLY_NOT = {
    "rule book": ".filter, nav.contents",
    # the keys' buttons and links, and "Show all 23 changes" (on paper they are all shown);
    # the teacher's notes until shown with T, and a question as the fill-in sheet asks it
    "lesson": "nav.steps, .no-print, .reveal-button, .no-js-only, details > summary, .teacher-notes, .for-sheet",
}
LESSON = "breast_cord_compression"


@pytest.fixture(scope="module")
def pages(shipped_page: Path, served: Served, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each page's address, saved (a file) and served."""
    from metasymptoms.cli import main

    lesson = tmp_path_factory.mktemp("lesson") / "lesson.html"
    assert main(["demo", LESSON, "--html", "--output", str(lesson)]) == 0
    return {
        "rule book saved": shipped_page.as_uri(),
        "rule book served": served.url + "/rules",
        "lesson saved": lesson.as_uri(),
        "lesson served": f"{served.url}/class/{LESSON}",
    }


@pytest.fixture
def open_page(reused_page: Callable[..., Any]) -> Callable[..., Any]:
    def opening(url: str, **options: Any) -> Any:
        # bypass_csp: axe is injected past the served pages' policy (the pages themselves need none)
        return reused_page(url, bypass_csp=True, **options)

    return opening


NAMES = ["rule book saved", "rule book served", "lesson saved", "lesson served"]


@pytest.mark.parametrize("name", NAMES)
def test_at_320_px_with_script_then_axe_then_printed_every_word_is_on_paper(
    open_page: Callable[..., Any], pages: dict[str, str], name: str
) -> None:
    """One load of the page with script on, checked in turn as it changes nothing it reads:
    at 320 px wide, then at 1280 x 720 by axe-core, then printed."""
    page = open_page(pages[name], viewport={"width": 320, "height": 640})
    kind = name.rsplit(" ", 1)[0]
    at_320_px(page, kind, javascript=True)
    page.set_viewport_size({"width": 1280, "height": 720})
    assert axe_violations(page) == []
    if kind == "rule book":  # even what the filter box hid on screen
        page.fill("#filter", "jaundice")
        assert page.locator("section.item[hidden]").count() > 0
    else:  # every step, each answer and every change, none of them opened
        assert page.locator(".step:not(.current)").count() > 8 and page.locator("details").count() > 0
    page.emulate_media(media="print")
    assert page.evaluate(UNSEEN, ON_PAPER_ONLY_NOT[kind]) == []
    assert page.evaluate(UNSEEN, None) != []  # the check does see what is left off paper


@pytest.mark.parametrize("name", NAMES)
def test_at_320_px_without_script_nothing_scrolls_sideways_and_every_word_shows(
    open_page: Callable[..., Any], pages: dict[str, str], name: str
) -> None:
    page = open_page(pages[name], viewport={"width": 320, "height": 640}, java_script_enabled=False)
    at_320_px(page, name.rsplit(" ", 1)[0], javascript=False)


def at_320_px(page: Any, kind: str, javascript: bool) -> None:
    """Nothing scrolls sideways and every word shows; a lesson without script shows every
    step, one after the other, and with script one step at a time."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    if kind == "rule book":
        # Without scripts the filter box, which would do nothing, is not shown.
        assert page.locator(".filter").is_visible() is javascript
        assert page.evaluate(UNSEEN, ".filter") == []
    elif not javascript:  # every step, one after the other, each counted; answers behind links
        steps = page.locator(".step")
        assert steps.count() > 8 and all(steps.nth(n).is_visible() for n in range(steps.count()))
        assert page.locator(".step .counter").first.inner_text() == f"Step 1 of {steps.count()}"
        assert page.locator("nav.steps").is_hidden() and page.locator(".reveal").first.is_hidden()
        page.get_by_role("link", name="Reveal the answer").first.click()
        assert page.locator(".reveal").first.is_visible()
        assert page.locator(".teacher-notes").is_hidden()
        page.get_by_role("link", name="For the teacher").click()
        assert page.locator(".teacher-notes").is_visible()
    else:  # one step at a time, the keys' bar within the width
        assert page.locator(".step.current").count() == 1 and page.locator(".step:visible").count() == 1
        assert page.locator(".step .counter:visible").count() == 0


def test_the_saved_pages_need_no_web_server(tmp_path: Path) -> None:
    """`make run` installs no Starlette or uvicorn: the saved pages are made without them."""
    from tests.test_web_install import run_without_the_web_server

    target = tmp_path / "book.html"
    result = run_without_the_web_server("rules", "export", "--format", "html", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert "<h1>The metasymptoms rule book</h1>" in target.read_text()
    lesson = tmp_path / "lesson.html"
    result = run_without_the_web_server("demo", LESSON, "--html", "--output", str(lesson))
    assert result.returncode == 0, result.stderr
    assert '<section class="step title current"' in lesson.read_text()
