"""For a class: the teaching scenarios, each as its lesson page (predict, then reveal; the
arrow keys step, R reveals), made from the same template as `demo --html`, linking its
stylesheet and script."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.scenarios import LoadedScenario, compared, load_scenarios
from metasymptoms.web.pages import notice_page, page


@dataclass(frozen=True)
class Lessons:
    """The lessons a server shows, and what its teacher must hear of the others, as `demo`
    says it in the terminal: the cases left out, each mistake at its place, and the cases
    whose `expected` the book does not give (name -> the parts that differ)."""

    items: tuple[LoadedScenario, ...]
    left_out: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # 'scenarios/NAME.yaml:8:12: message', in the rules folder
    # (name, its file in the rules folder, the parts of `expected` that differ)
    expects_otherwise: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


def load_lessons(book: RuleBook, rules_folder: Path) -> Lessons:
    """The lessons, read once with the book when the app starts (build_app): a scenario is
    rule-book data, and the book itself is not read again either. A scenario with problems
    is left out, and the lessons' list names it with its problems."""
    items, problems = load_scenarios(rules_folder, book)
    return Lessons(
        tuple(items),
        tuple(sorted({problem.location.file.stem for problem in problems})),
        # Each file named within the rule book (scenarios/NAME.yaml:8:12): nothing of where
        # the server keeps its files.
        tuple(
            f"{problem.location.file.relative_to(rules_folder)}:{problem.location.line}:"
            f"{problem.location.column}: {problem.message}"
            for problem in sorted(problems)
        ),
        tuple(
            (item.name, str(item.path.relative_to(rules_folder)), parts)
            for item in items
            if (parts := tuple(part for part, _ in compared(book, item)))
        ),
    )


def lessons(request: Request, status: int = 200) -> Response:
    """The lessons' list; `status` 404 where it answers for a case left out (lesson)."""
    book: RuleBook = request.app.state.book
    found: Lessons = request.app.state.lessons
    words = book.guidance.wording.teaching.lesson
    part_words = {"urgency": words.part_urgency, "sites": words.part_sites, "red_flags": words.part_red_flags}
    differs = {
        name: filled(
            words.expects_otherwise,
            parts=book.guidance.wording.lists.all_of(part_words[part] for part in parts),
            path=file,
        )
        for name, file, parts in found.expects_otherwise
    }
    return page(
        book,
        "lessons.html",
        status=status,
        title=words.lessons_title,
        lessons=[
            {"name": item.name, "title": item.scenario.title, "differs": differs.get(item.name, "")}
            for item in found.items
        ],
        left_out=filled(words.left_out, cases=book.guidance.wording.lists.between.join(found.left_out))
        if found.left_out
        else "",
        problems=found.problems,
    )


def lesson(request: Request) -> Response:
    from metasymptoms.web.documents import lesson_html

    name = request.path_params["name"]
    item = next((item for item in request.app.state.lessons.items if item.name == name), None)
    if item is None and name in request.app.state.lessons.left_out:
        return lessons(request, status=404)  # why it is not here, and the lessons that are
    if item is None:
        book = request.app.state.book
        return notice_page(book, book.guidance.wording.pages.not_found, 404)
    # Each page is built once, when first asked for, and kept with the app (one book, one
    # page): it costs about 80 ms of processor time, and a class opening it at once queued
    # for seconds behind one another's builds.
    built: dict[str, str] = request.app.state.lesson_pages
    if name not in built:
        built[name] = lesson_html(request.app.state.book, item, saved=False)
    return HTMLResponse(built[name])
