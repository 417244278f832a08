"""The web app: a list of routes, one templates object, security headers, a Host check.

Nothing about a person is kept on the server or written to a log: every page's form carries
the answers so far (walk.py), so any worker can answer any request and a restart loses
nothing. The pages need no script and fetch nothing from elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from metasymptoms.core.model import RuleBook
from metasymptoms.web import classroom, person, review, served
from metasymptoms.web.hosts import LOOPBACK_NAMES, HostCheck, names_from
from metasymptoms.web.pages import SecurityHeaders


def build_app(
    book: RuleBook, allowed_hosts: Sequence[str] = LOOPBACK_NAMES, rules_folder: Path | None = None
) -> Starlette:
    """The app for one rule book (already set to the person's country), read from
    `rules_folder` (default: the shipped one), whose scenarios are the lessons and whose files
    the reviewer's document is made from. `allowed_hosts`: the names the browser may use to
    reach it besides an address in numbers; any other Host is refused in words (web/hosts.py:
    a page on another site that points its own name at this address cannot read these pages)."""
    from metasymptoms.core.bookfiles import default_rules_dir

    routes = [
        Route("/", person.start, methods=["GET"]),
        Route("/walk", person.walk_page, methods=["POST"]),
        Route("/summary", person.summary, methods=["POST"]),
        Route("/class", classroom.lessons, methods=["GET"]),
        Route("/class/{name}", classroom.lesson, methods=["GET"]),
        Route("/rules", review.rule_book, methods=["GET"]),
        Route("/static/{name}", served.static, methods=["GET"]),
        Route("/favicon.ico", served.static, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(HostCheck, names=allowed_hosts, refused=book.guidance.wording.serve.refused),
        ],
        exception_handlers={404: person.not_found, 405: person.not_found},
    )
    app.state.book = book
    app.state.rules_folder = rules_folder or default_rules_dir()
    # The lessons are read when /class is asked for, and again when a case file changes
    # (classroom.current_lessons).
    return app


def from_environment() -> Starlette:
    """For `uvicorn --factory metasymptoms.web.app:from_environment --workers N` and other
    ASGI hosts: the rule book from METASYMPTOMS_RULES (default: the shipped one), the
    country from METASYMPTOMS_COUNTRY, the Host names from METASYMPTOMS_HOSTS (commas; an
    address in numbers is always answered)."""
    from metasymptoms.answering.emergency import country_from
    from metasymptoms.core.loader import load_book

    folder = os.environ.get("METASYMPTOMS_RULES")
    country, named = country_from(None, os.environ)
    book = load_book(Path(folder) if folder else None, country, named=named)
    hosts = names_from(os.environ)
    return build_app(
        book, allowed_hosts=hosts or LOOPBACK_NAMES, rules_folder=Path(folder) if folder else None
    )
