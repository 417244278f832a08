"""For a reviewer: the rule-book document (`rules export --format html`), with every problem
`rules check` reports at its top, made again whenever a rule file changes."""

from __future__ import annotations

import threading
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from metasymptoms.core.model_base import filled
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
    # Said in the words of the book the server started with: it loads, whatever the files now.
    book = request.app.state.book
    words = book.guidance.wording.pages.rules
    tally = (
        f"{counted(errors, 'error')}, {counted(len(problems) - errors, 'warning')}"  # as `rules check` counts
    )
    check = {
        # Each file named within the rule book (sites/liver.yaml:3:5): the server's own
        # folder is nothing a reviewer needs, and nothing the page should tell.
        "problems": [str(problem).removeprefix(f"{folder}/") for problem in problems],
        "errors": errors,
        "heading": filled(words.checked, tally=tally),
        "words": words,
    }
    if loaded is None:  # the book does not load: the problems are the whole page
        response = page(
            book, "rules_broken.html", title=words.broken.heading, summary=render("problems.html", check)
        )
        return bytes(response.body).decode("utf-8"), 200
    # The same template as the saved document, linking its stylesheet and script.
    return rulebook_html(loaded, check), 200
