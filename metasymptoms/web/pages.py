"""What every page shares: the templates (autoescaped), reading a posted form, and the
security headers every response carries.

Starlette is named here only for the type checker: `ask --format html` renders its summary
through `render` and must work without the [web] extra, which `make run` does not install.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import jinja2
from markupsafe import Markup

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import HTMLResponse
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from metasymptoms.core.model import RuleBook

MAX_FORM_BYTES = 64 * 1024  # the longest walk's form is a few kilobytes
MAX_FORM_FIELDS = 500

# No script, style, image or font from anywhere but this app; nothing inline; forms post
# only here; never shown inside another site's frame; no address sent on when a link is
# followed (a source's page learns nothing of where the person came from).
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
    # Pages hold a person's answers: not kept by the browser's cache or a proxy's.
    "cache-control": "no-store",
}


class SecurityHeaders:
    """Adds HEADERS to every HTTP response (a pure ASGI middleware: it buffers nothing)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # The stylesheet and scripts hold nothing of a person: the browser may keep them and
        # ask again whether they changed (no-cache), instead of fetching them with every page.
        shared = scope["path"].startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                if shared:
                    present.add(b"cache-control")
                    message["headers"] = [*message.get("headers", []), (b"cache-control", b"no-cache")]
                extra = [
                    (name.encode(), value.encode())
                    for name, value in HEADERS.items()
                    if name.encode() not in present
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


# Where a line must not break: between a number and its unit ("37.5 °C", "101.3 F"), and
# inside "911 / 999 / 112". "°C" alone at the start of a line means nothing, and a number cut
# in two is easy to misread. The terminal keeps the same together (answering/prompter.py).
_NUMBER_AND_UNIT = re.compile(r"(?<=\d) (?=°|[CF]\b)")
_NUMBERS = re.compile(r"(?<=\d) / (?=\d)")


def kept_together(value: Any) -> Any:
    """Text to be written into a page, with no-break spaces where a line must not break.
    Markup is left as it is (it is already HTML)."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    return _NUMBERS.sub("\u00a0/\u00a0", _NUMBER_AND_UNIT.sub("\u00a0", value))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("metasymptoms.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a name the page needs and was not given is a bug, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=kept_together,  # every {{ value }} of every page, saved or served
    )
    env.globals["static_text"] = static_text
    return env


@cache
def static_text(name: str) -> Markup:
    """One of our own static files (the stylesheet, a script), for a saved page that carries
    it inside; never escaped, and refused if it could end the tag it is put in."""
    from pathlib import Path

    text = (Path(__file__).parent / "static" / name).read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"static/{name} holds '</', which would end its <style> or <script> early")
    return Markup(text)  # our own file, checked above


def stylesheet() -> str:
    """The one stylesheet, for a saved page that must carry it inside."""
    return str(static_text("site.css"))


def render(name: str, context: Mapping[str, Any]) -> str:
    return environment().get_template(name).render(**context)


def page(book: RuleBook, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered with what every page shows (the emergency line, the book's status)."""
    from starlette.responses import HTMLResponse

    from metasymptoms.answering.emergency import number_line
    from metasymptoms.core.status import status_line

    return HTMLResponse(
        render(name, {"emergency_line": number_line(book), "status_line": status_line(book), **context}),
        status_code=status,
    )


class FormTooLarge(ValueError):
    pass


async def posted_form(request: Request) -> list[tuple[str, str]]:
    """The fields of a posted form, in order; FormTooLarge past MAX_FORM_BYTES or fields, or
    for a body that is not a form. Read with the standard library: these forms are plain
    name=value pairs, never files."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise FormTooLarge("not a form")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise FormTooLarge("too large")
    try:
        return parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=MAX_FORM_FIELDS
        )
    except (UnicodeDecodeError, ValueError):
        raise FormTooLarge("not a form") from None
