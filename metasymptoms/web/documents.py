"""The pages that are also saved as files: the rule-book document and the lesson page, from
the same templates and stylesheet as every served page.

Saved, a page carries its stylesheet and script inside, so the one file opens anywhere (from
a USB stick, with no server); served, the same template links them, as the pages' security
policy allows nothing inline. No Starlette here: `rules export` and `demo --html` work without
the [web] extra.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from metasymptoms.core.templates import render

if TYPE_CHECKING:
    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.model import RuleBook
    from metasymptoms.core.scenarios import LoadedScenario
    from metasymptoms.teaching.quiz import Quiz


def rulebook_html(loaded: LoadedBook, check: Mapping[str, Any] | None = None) -> str:
    """The rule-book document (reviewing/rulebook_doc.py) as a page. Saved (`rules export
    --format html`) when `check` is None; served (`/rules`) with `check`, what `rules check`
    found, at its top."""
    from metasymptoms.reviewing.rulebook_doc import TITLE, document

    context = {"title": TITLE, "document": document(loaded), "saved": check is None, "check": check}
    return render("rulebook.html", context)


def lesson_html(book: RuleBook, item: LoadedScenario, saved: bool = True, quiz: Quiz | None = None) -> str:
    """A scenario's lesson page (teaching/lesson_page.py's steps): saved (`demo NAME --html`)
    or served (`/class/NAME`)."""
    from metasymptoms.teaching.lesson_page import build_lesson

    return render("lesson.html", {"lesson": build_lesson(book, item, quiz), "saved": saved})
