"""For a class: the teaching scenarios, each as its lesson page (predict, then reveal; the
arrow keys step, R reveals), made from the same template as `demo --html`, linking its
stylesheet and script."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from metasymptoms.core.layout import SCENARIOS_FOLDER
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.scenarios import LoadedScenario, compared, load_scenarios
from metasymptoms.web.pages import fingerprint, notice_page, page


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
    """The lessons as the case files are now. A scenario with problems is left out, and the
    lessons' list names it with its problems."""
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


_lock = threading.Lock()  # one reading at a time: a class asking at once reads the files once


def current_lessons(request: Request) -> tuple[Lessons, dict[str, str]]:
    """The lessons as the case files are now, and the lesson pages built from them so far
    (name -> page). Read again only when a file in the scenarios folder has changed (name,
    time or size: a few stat calls a request), so a teacher who edits or adds a case sees it on
    reload, and a case broken mid-edit shows its mistakes. The book is the one the server
    started with: the cases are checked against what the pages give."""
    state = request.app.state
    now = fingerprint(state.rules_folder / SCENARIOS_FOLDER)  # outside the lock: requests stat at once
    with _lock:
        if getattr(state, "lessons_fingerprint", None) != now:
            state.lessons = (load_lessons(state.book, state.rules_folder), {})
            state.lessons_fingerprint = now
        found: tuple[Lessons, dict[str, str]] = state.lessons
    return found


def lessons(request: Request, status: int = 200) -> Response:
    """The lessons' list; `status` 404 where it answers for a case left out (lesson)."""
    book: RuleBook = request.app.state.book
    found = current_lessons(request)[0]
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
    found, built = current_lessons(request)
    item = next((item for item in found.items if item.name == name), None)
    if item is None and name in found.left_out:
        return lessons(request, status=404)  # why it is not here, and the lessons that are
    if item is None:
        book = request.app.state.book
        return notice_page(book, book.guidance.wording.pages.not_found, 404)
    # Each page is built once, when first asked for, and kept with the lessons it was built
    # from (one book, one page; a case edited is read again with new, empty pages): it costs
    # about 80 ms of processor time, and a class opening it at once queued for seconds behind
    # one another's builds.
    if name not in built:
        built[name] = lesson_html(request.app.state.book, item, saved=False)
    return HTMLResponse(built[name])
