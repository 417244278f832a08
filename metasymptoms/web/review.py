"""For a reviewer: the rule-book document (`rules export --format html`), with every problem
`rules check` reports at its top, made again whenever a rule file changes."""

from __future__ import annotations

import threading
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from metasymptoms.core.problems import counted
from metasymptoms.core.templates import render
from metasymptoms.web.pages import fingerprint, page

_lock = threading.Lock()  # one build at a time: the document runs every proof (about a second)


def rule_book(request: Request) -> Response:
    """The document as the rule files are now: built again only when they have changed."""
    folder: Path = request.app.state.rules_folder
    state = request.app.state
    with _lock:
        now = fingerprint(folder)
        if getattr(state, "review_fingerprint", None) != now:
            state.review_page = _build(request, folder)
            state.review_fingerprint = now
        built: tuple[str, int] = state.review_page
    html, status = built
    return HTMLResponse(html, status_code=status)


def _build(request: Request, folder: Path) -> tuple[str, int]:
    from metasymptoms.reviewing.checks import check_problems
    from metasymptoms.web.documents import rulebook_html

    loaded, problems = check_problems(folder)
    errors = sum(1 for problem in problems if problem.level == "error")
    check = {
        # Each file named within the rule book (sites/liver.yaml:3:5): the server's own
        # folder is nothing a reviewer needs, and nothing the page should tell.
        "problems": [str(problem).removeprefix(f"{folder}/") for problem in problems],
        "errors": errors,
        "tally": f"{counted(errors, 'error')}, {counted(len(problems) - errors, 'warning')}",
    }
    if loaded is None:  # the book does not load: the problems are the whole page
        response = page(
            request.app.state.book,
            "rules_broken.html",
            title="The rule book does not load",
            summary=render("problems.html", check),
        )
        return bytes(response.body).decode("utf-8"), 200
    # The same template as the saved document, linking its stylesheet and script.
    return rulebook_html(loaded, check), 200
