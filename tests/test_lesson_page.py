"""The lesson page: one self-contained file, driven in the system Chromium through Playwright."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.teaching.quiz import build_quiz
from metasymptoms.web.documents import lesson_html
from tests.web_browser import errors_of


def scenario(book: RuleBook, name: str):
    items, _ = load_scenarios(default_rules_dir(), book)
    return next(item for item in items if item.name == name)


def test_the_page_needs_no_network(book: RuleBook) -> None:
    html = lesson_html(book, scenario(book, "breast_cord_compression"))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert html.count('<section class="step') >= 8


def test_the_page_holds_the_engines_words(book: RuleBook) -> None:
    item = scenario(book, "breast_cord_compression")
    html = lesson_html(book, item)
    quiz = build_quiz(book, item)
    for question in quiz.questions:
        assert f'data-id="{question.id}"' in html
    # the interrupt screen the questionnaire draws, escaped, inside the page
    assert "EMERGENCY: Possible pressure on the spinal cord" in html
    assert "What would you like to do now?" in html
    # every change is in the page, the ones past the first few behind "Show all"
    assert "<summary>Show all 23 changes</summary>" in html
    assert "urgency emergency -&gt;" not in html and "sites [" not in html


def test_demo_html_writes_the_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "lesson.html"
    assert main(["demo", "tired_no_cancer", "--html", "--output", str(target)]) == 0
    captured = capsys.readouterr()
    assert (
        captured.out == ""
    )  # the page is in the file; the line saying so is on stderr, as for every command
    assert captured.err == f"Wrote the lesson page to {target}. Open it in a browser; it needs no network.\n"
    assert target.read_text().startswith("<!doctype html>")


def test_output_without_html_is_refused(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["demo", "tired_no_cancer", "--output", str(tmp_path / "x.html")])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        "metasymptoms: --output is for the lesson page: metasymptoms demo NAME --html --output FILE\n"
    )


# --- in a real browser ---------------------------------------------------------------------


@pytest.fixture
def screen(reused_page: Callable[..., Any]) -> Any:
    return reused_page("about:blank", viewport={"width": 1280, "height": 800})


CURRENT = "document.querySelector('.step.current')"


def state(screen: Any) -> dict:
    return screen.evaluate(
        "(() => { const s = document.querySelector('.step.current');"
        " const r = s.querySelector('.reveal');"
        " return {id: s.dataset.id || s.querySelector('h2').textContent,"
        " where: document.getElementById('where').textContent,"
        " visible: document.querySelectorAll('.step').length - document.querySelectorAll('.step:not(.current)').length,"
        " revealShown: r ? r.offsetParent !== null : null,"
        " revealText: r ? r.innerText : null,"
        " verdict: r ? s.querySelector('.verdict').textContent : null,"
        " pressed: Array.from(s.querySelectorAll('button.choice[aria-pressed=true]')).map(b => b.textContent),"
        " score: document.getElementById('score').textContent}; })()"
    )


def test_lesson_page_in_chromium(screen: Any, book: RuleBook, tmp_path: Path) -> None:
    item = scenario(book, "breast_cord_compression")
    quiz = build_quiz(book, item)
    page = tmp_path / "lesson.html"
    page.write_text(lesson_html(book, item))
    shots = tmp_path / "screenshots"
    shots.mkdir()
    with errors_of(screen) as errors:
        screen.goto(page.as_uri())
        total = screen.evaluate("document.querySelectorAll('.step').length")

        first = state(screen)
        assert first["where"] == f"Step 1 of {total}" and first["visible"] == 1
        screen.screenshot(path=shots / "01-title.png")

        screen.keyboard.press("ArrowRight")
        assert state(screen)["id"] == "The person's answers"
        screen.keyboard.press("ArrowLeft")
        assert state(screen)["where"] == f"Step 1 of {total}"
        screen.keyboard.press("ArrowRight")
        screen.keyboard.press("ArrowRight")
        screen.screenshot(path=shots / "02-question-hidden.png")

        urgency = quiz.questions[0]
        asked = state(screen)
        assert asked["id"] == "urgency" and asked["where"] == f"Step 3 of {total}"
        assert asked["revealShown"] is False  # the answer stays hidden until asked for

        screen.keyboard.press(str(urgency.answer + 2 if urgency.answer + 2 <= len(urgency.choices) else 1))
        picked = state(screen)
        assert len(picked["pressed"]) == 1 and picked["revealShown"] is False
        screen.screenshot(path=shots / "03-question-predicted.png")

        screen.keyboard.press("r")
        shown = state(screen)
        assert shown["revealShown"] is True
        assert shown["verdict"] == "Not this time."
        assert "The answer: Emergency: get help now" in shown["revealText"]
        assert "EMERGENCY: Possible pressure on the spinal cord" in shown["revealText"]
        assert shown["score"] == "Predictions right: 0 of 3."
        screen.screenshot(path=shots / "04-question-revealed.png")

        screen.keyboard.press("ArrowRight")  # the sites: predicted right with the mouse
        sites = quiz.questions[1]
        screen.locator(f".step.current button.choice:nth-of-type({sites.answer + 1})").click()
        screen.locator(".step.current .reveal-button").click()
        clicked = state(screen)
        assert clicked["id"] == "sites" and clicked["verdict"] == "Right."
        assert clicked["pressed"] == [sites.choices[sites.answer]]
        assert clicked["score"] == "Predictions right: 1 of 3."
        screen.screenshot(path=shots / "05-sites-right.png")

        for _ in range(total):
            screen.keyboard.press("ArrowRight")
        last = state(screen)
        assert last["where"] == f"Step {total} of {total}" and last["id"] == "What to take away"
        screen.screenshot(path=shots / "06-last.png")
        screen.pdf(path=tmp_path / "handout.pdf")
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert errors == []
    assert len(list(shots.glob("*.png"))) == 6
    print(f"screenshots in {shots}")


def test_every_step_fits_the_page_when_printed(screen: Any, book: RuleBook, tmp_path: Path) -> None:
    page = tmp_path / "lesson.html"
    page.write_text(lesson_html(book, scenario(book, "colorectal_jaundice")))
    with errors_of(screen) as errors:
        screen.goto(page.as_uri())
        screen.emulate_media(media="print")
        shown = screen.evaluate(
            "Array.from(document.querySelectorAll('.step')).filter(s => s.offsetParent !== null).length"
        )
        hidden_answers = screen.evaluate(
            "Array.from(document.querySelectorAll('.reveal')).filter(r => r.offsetParent === null).length"
        )
        buttons = screen.evaluate(
            "Array.from(document.querySelectorAll('nav, .reveal-button')).filter(b => b.offsetParent !== null).length"
        )
        assert shown == screen.evaluate("document.querySelectorAll('.step').length")
        assert hidden_answers == 0 and buttons == 0
        screen.evaluate("document.getElementById('print-answers').click()")
        assert screen.evaluate(
            "Array.from(document.querySelectorAll('.reveal')).every(r => r.offsetParent === null)"
        )
        screen.screenshot(path=tmp_path / "print.png")
    assert errors == []
