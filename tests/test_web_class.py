"""`metasymptoms serve` for a class (the lesson pages) and for a reviewer (the rule-book
document with `rules check`'s problems at its top, made again when a rule file changes)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.web import classroom
from metasymptoms.web.app import build_app
from tests.web_browser import Served, axe_violations


@pytest.fixture(scope="module")
def client(book: RuleBook) -> Iterator[TestClient]:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:
        yield client


def test_every_scenario_is_a_lesson_page_with_no_inline_script_or_style(
    client: TestClient, book: RuleBook
) -> None:
    items, _ = load_scenarios(default_rules_dir(), book)
    index = client.get("/class").text
    assert re.findall(r'href="/class/([^"]+)"', index) == [item.name for item in items]
    page = client.get(f"/class/{items[0].name}")
    assert page.status_code == 200
    assert "<script>" not in page.text and "<style>" not in page.text
    assert '<script src="/static/lesson.js"></script>' in page.text
    assert '<link rel="stylesheet" href="/static/site.css">' in page.text
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert "(function () {" in client.get("/static/lesson.js").text
    assert client.get("/class/no_such_lesson").status_code == 404


def test_the_lessons_follow_each_edit_while_the_server_runs(book: RuleBook, tmp_path: Path) -> None:
    # They were read once, when the server started: a teacher who edited or added a case saw
    # the old list, and the old lesson, until the server was started again.
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    cases = folder / "scenarios"
    tired = (cases / "tired_no_cancer.yaml").read_text()
    with TestClient(build_app(book, allowed_hosts=["testserver"], rules_folder=folder)) as client:
        assert "Tired for a week, no cancer diagnosis" in client.get("/class/tired_no_cancer").text

        (cases / "tired_no_cancer.yaml").write_text(tired.replace("Tired for a week", "Tired for ten days"))
        assert "Tired for ten days, no cancer diagnosis</a>" in client.get("/class").text
        assert "Tired for ten days, no cancer diagnosis" in client.get("/class/tired_no_cancer").text

        (cases / "my_case.yaml").write_text(tired.replace("Tired for a week", "My own case"))
        assert '<a href="/class/my_case">My own case, no cancer diagnosis</a>' in client.get("/class").text

        # Saved half-way through an edit: its mistakes, each at its place, all at once.
        (cases / "my_case.yaml").write_text(
            tired.replace("fatigue: yes", "fatige: yes").replace("urgency: routine", "urgency: routin")
        )
        index = client.get("/class").text
        assert re.findall(r"<li><code>(.*)</code></li>", index) == [
            "scenarios/my_case.yaml:8:3: &#39;fatige&#39; is not a finding (did you mean &#39;fatigue&#39;?)",
            "scenarios/my_case.yaml:10:12: &#39;urgency&#39; must be one of &#39;emergency&#39;, &#39;urgent&#39;, "
            "&#39;soon&#39; or &#39;routine&#39;, not &#39;routin&#39; (did you mean &#39;routine&#39;?)",
        ]
        assert 'href="/class/my_case"' not in index
        assert client.get("/class/my_case").status_code == 404

        (cases / "tired_no_cancer.yaml").unlink()
        assert 'href="/class/tired_no_cancer"' not in client.get("/class").text
        assert client.get("/class/tired_no_cancer").status_code == 404


def test_the_lessons_are_read_again_only_when_a_case_file_changes(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    read: list[Path] = []

    def counted(rules_folder: Path, book: RuleBook) -> Any:
        read.append(rules_folder)
        return load_scenarios(rules_folder, book)

    monkeypatch.setattr(classroom, "load_scenarios", counted)
    with TestClient(build_app(book, allowed_hosts=["testserver"], rules_folder=folder)) as client:
        for _ in range(3):
            assert client.get("/class").status_code == 200
            assert client.get("/class/tired_no_cancer").status_code == 200
        assert read == [folder]
        (folder / "book.yaml").write_text((folder / "book.yaml").read_text() + "\n")  # not a case
        client.get("/class")
        assert read == [folder]
        case = folder / "scenarios" / "tired_no_cancer.yaml"
        case.write_text(case.read_text() + "\n")
        client.get("/class")
        assert read == [folder, folder]


def test_the_rule_book_document_lists_the_problems_first_and_follows_each_edit(
    book: RuleBook, tmp_path: Path
) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    with TestClient(
        build_app(load(folder).book, allowed_hosts=["testserver"], rules_folder=folder)
    ) as client:
        page = client.get("/rules").text
        assert page.index("rules check: no problems found") < page.index(
            "<h1>The metasymptoms rule book</h1>"
        )
        # No red box for no errors, and nothing of where the server keeps the files.
        assert 'class="problems"' not in page and str(folder) not in page
        assert (
            '<script src="/static/rulebook.js"></script>' in page
            and "<script>" not in page
            and "<style>" not in page
        )

        questions = folder / "questions.yaml"
        text = questions.read_text()
        questions.write_text(text.replace("finding: night_sweats", "finding: night_sweat", 1))
        page = client.get("/rules").text
        assert "<h1>The rule book does not load</h1>" in page
        line = text[: text.index("finding: night_sweats")].count("\n") + 1
        assert re.search(rf"<code>questions.yaml:{line}:\d+: .*night_sweat", page), page
        assert re.search(r"rules check: (1 error|[2-9] errors|\d\d+ errors), \d+ warnings?</h2>", page), page
        assert str(folder) not in page

        questions.write_text(text)
        assert "rules check: no problems found" in client.get("/rules").text


def test_the_rules_page_says_its_own_words_in_the_book_the_server_started_with(tmp_path: Path) -> None:
    # While the files on disk do not load, the page is said in the words of the book the
    # server holds, which does; they were written in the code and the template.
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    guidance = folder / "guidance.yaml"
    guidance.write_text(
        guidance.read_text()
        .replace("heading: The rule book does not load", "heading: Le livre ne se charge pas")
        .replace('checked: "rules check: {tally}"', 'checked: "rules check : {tally}"')
        .replace(
            'no_problems: "rules check: no problems found"', 'no_problems: "rules check : aucun problème"'
        )
        .replace(
            'made_again: "This page is made again whenever a rule file changes: reload it after saving."',
            "made_again: Rechargez la page après chaque modification.",
        )
    )
    with TestClient(
        build_app(load(folder).book, allowed_hosts=["testserver"], rules_folder=folder)
    ) as client:
        page = client.get("/rules").text
        assert '<h2 id="problems-heading">rules check : aucun problème</h2>' in page
        assert "<p>Rechargez la page après chaque modification.</p>" in page

        questions = folder / "questions.yaml"
        questions.write_text(
            questions.read_text().replace("finding: night_sweats", "finding: night_sweat", 1)
        )
        page = client.get("/rules").text
        assert "<title>Le livre ne se charge pas - metasymptoms</title>" in page
        assert "<h1>Le livre ne se charge pas</h1>" in page
        assert re.search(r'<h2 id="problems-heading">rules check : \d+ errors?, \d+ warnings?</h2>', page), (
            page
        )
        assert "<p>Rechargez la page après chaque modification.</p>" in page
        assert (
            "<p>Its files have changed since the server started, and they have the problems below. "
            "The questions and the lessons go on with the rule book as it was then; they use the edited "
            "book once it loads and the server is started again.</p>"
        ) in page


def _lesson(page: Any, served: Served) -> None:
    page.goto(served.url + "/class")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Breast cancer|spinal|cord", re.I)).first.click()


def test_a_lesson_steps_and_reveals_by_keys_on_a_1280x720_projector(
    reused_page: Callable[..., Any], served: Served
) -> None:
    page = reused_page("about:blank", viewport={"width": 1280, "height": 720})
    _lesson(page, served)
    assert page.locator(".step.current h2").inner_text() == "Predict, then reveal"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # past the person's answers, to the first question
    question = page.locator(".step.current")
    assert question.locator("button.choice").count() >= 2
    page.keyboard.press("1")
    assert question.locator("button.choice").first.get_attribute("aria-pressed") == "true"
    assert question.locator(".reveal").is_hidden()
    page.keyboard.press("r")
    assert question.locator(".reveal").is_visible()
    assert question.locator(".verdict").inner_text() in ("Right.", "Not this time.")
    # The right choice is marked in words a class can read (a new user saw "¹4 the answer").
    mark = question.locator("button.choice.right").evaluate(
        "button => getComputedStyle(button, '::after').content"
    )
    assert mark == '"  \u2714 the answer"'
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_axe_finds_no_violation_on_the_class_page(reused_page: Callable[..., Any], served: Served) -> None:
    """The lessons' list. The rule-book document (/rules) and the lesson it opens first are
    checked by axe in tests/test_document_pages.py, served and saved."""
    page = reused_page(served.url + "/class", viewport={"width": 1280, "height": 720}, bypass_csp=True)
    assert axe_violations(page) == []


def test_a_teachers_broken_case_is_named_on_the_class_page_in_chromium(browser: Any, tmp_path: Path) -> None:
    """`serve --rules` with a teacher's broken case and one whose `expected` is wrong: /class
    names the first with its mistake and warns of the second, reads at 320 px without
    scrolling sideways (a located mistake is a long line), and axe finds no violation."""
    folder = tmp_path / "my-rules"
    shutil.copytree(default_rules_dir(), folder)
    cases = folder / "scenarios"
    (cases / "my_broken.yaml").write_text(
        (cases / "tired_no_cancer.yaml").read_text().replace("urgency: routine", "urgency: routin")
    )
    (cases / "my_wrong.yaml").write_text(
        (cases / "tired_no_cancer.yaml").read_text().replace("urgency: routine", "urgency: urgent")
    )
    served = Served("--rules", str(folder))
    context = browser.new_context(bypass_csp=True, viewport={"width": 320, "height": 700})
    try:
        page = context.new_page()
        page.goto(served.url + "/class")
        left_out = page.locator("section.problems")
        assert left_out.get_by_role("heading").inner_text() == "Left out until fixed: my_broken"
        assert left_out.locator("li").all_inner_texts() == [
            "scenarios/my_broken.yaml:10:12: 'urgency' must be one of 'emergency', 'urgent', 'soon' "
            "or 'routine', not 'routin' (did you mean 'routine'?)"
        ]
        warning = page.locator("li", has=page.locator('a[href="/class/my_wrong"]')).locator(".lesson-warning")
        assert warning.inner_text().startswith("The rule book does not give what this case's expected: says")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == []
    finally:
        context.close()
        served.stop()
