"""The web app: a list of routes, one templates object, security headers, a Host check.

Nothing about a person is kept on the server or written to a log: every page's form carries
the answers so far (walk.py), so any worker can answer any request and a restart loses
nothing. The pages need no script and fetch nothing from elsewhere.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Route

from metasymptoms.core.model import RuleBook
from metasymptoms.web import classroom, person, review, served
from metasymptoms.web.pages import SecurityHeaders

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def build_app(
    book: RuleBook, allowed_hosts: Sequence[str] = LOOPBACK_NAMES, rules_folder: Path | None = None
) -> Starlette:
    """The app for one rule book (already set to the person's country), read from
    `rules_folder` (default: the shipped one), whose scenarios are the lessons and whose files
    the reviewer's document is made from. `allowed_hosts`: the names the browser may use to
    reach it; any other Host header is refused (a page on another site that points its own
    name at this address cannot read these pages)."""
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
            Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
        ],
        exception_handlers={404: person.not_found, 405: person.not_found},
    )
    app.state.book = book
    app.state.rules_folder = rules_folder or default_rules_dir()
    app.state.lessons = classroom.load_lessons(book, app.state.rules_folder)
    return app


def hosts_for(host: str) -> list[str]:
    """The Host names to accept when bound to `host`: the loopback names, the address itself,
    and for an address on every interface (0.0.0.0, ::) this machine's name and addresses."""
    import socket

    names = [*LOOPBACK_NAMES, host, f"[{host}]"]
    if host in ("0.0.0.0", "::", ""):
        name = socket.gethostname()
        names += [name, socket.getfqdn()]
        with contextlib.suppress(OSError):  # a name the resolver does not know
            names += socket.gethostbyname_ex(name)[2]
    return list(dict.fromkeys(names))


def from_environment() -> Starlette:
    """For `uvicorn --factory metasymptoms.web.app:from_environment --workers N` and other
    ASGI hosts: the rule book from METASYMPTOMS_RULES (default: the shipped one), the
    country from METASYMPTOMS_COUNTRY, the Host names from METASYMPTOMS_HOSTS (commas)."""
    from metasymptoms.answering.emergency import country_from
    from metasymptoms.core.loader import load_book

    folder = os.environ.get("METASYMPTOMS_RULES")
    country, named = country_from(None, os.environ)
    book = load_book(Path(folder) if folder else None, country, named=named)
    hosts = [name.strip() for name in os.environ.get("METASYMPTOMS_HOSTS", "").split(",") if name.strip()]
    return build_app(
        book, allowed_hosts=hosts or LOOPBACK_NAMES, rules_folder=Path(folder) if folder else None
    )
