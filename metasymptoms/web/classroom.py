"""For a class: the teaching scenarios, each as its lesson page (predict, then reveal; the
arrow keys step, R reveals), made from the same template as `demo --html`, linking its
stylesheet and script."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import LoadedScenario, load_scenarios
from metasymptoms.web.pages import page


def load_lessons(book: RuleBook, rules_folder: Path) -> tuple[LoadedScenario, ...]:
    """The lessons, read once with the book when the app starts (build_app): a scenario is
    rule-book data, and the book itself is not read again either. A scenario with problems
    is left out; `rules check` names it."""
    items, _ = load_scenarios(rules_folder, book)
    return tuple(items)


def lessons(request: Request) -> Response:
    items: tuple[LoadedScenario, ...] = request.app.state.lessons
    return page(
        request.app.state.book,
        "lessons.html",
        title=request.app.state.book.guidance.wording.teaching.lesson.lessons_title,
        lessons=[{"name": item.name, "title": item.scenario.title} for item in items],
    )


def lesson(request: Request) -> Response:
    from metasymptoms.web.documents import lesson_html

    name = request.path_params["name"]
    item = next((item for item in request.app.state.lessons if item.name == name), None)
    if item is None:
        book = request.app.state.book
        return page(book, "not_found.html", status=404, title=book.guidance.wording.pages.not_found.heading)
    # Each page is built once, when first asked for, and kept with the app (one book, one
    # page): it costs about 80 ms of processor time, and a class opening it at once queued
    # for seconds behind one another's builds.
    built: dict[str, str] = request.app.state.lesson_pages
    if name not in built:
        built[name] = lesson_html(request.app.state.book, item, saved=False)
    return HTMLResponse(built[name])
