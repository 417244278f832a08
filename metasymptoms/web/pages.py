"""What every served page shares: a template drawn with what every page shows
(core/templates.py draws it), reading a posted form, and the security headers every response
carries."""

from __future__ import annotations

from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from metasymptoms.core.templates import render

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import HTMLResponse
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from metasymptoms.core.model import RuleBook
    from metasymptoms.core.wording_pages import Notice

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
        shared = scope["path"].startswith("/static/") or scope["path"] == "/favicon.ico"

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


def fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a file in `folder` (and below) is edited, added or removed: each
    file's name, time and size. The pages made from files a teacher or a reviewer edits while
    the server runs (/rules, /class) are made again when it changes, and only then."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".yaml", ".yml", ".json", ".md"):
            continue
        try:
            stat = path.stat()
        except OSError:  # removed since the folder was listed (an editor saving): the next differs
            continue
        if S_ISREG(stat.st_mode):
            found.append((str(path.relative_to(folder)), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def page(book: RuleBook, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered with what every page shows (the emergency line, the book's status)."""
    from starlette.responses import HTMLResponse

    from metasymptoms.answering.emergency import number_line
    from metasymptoms.core.status import status_line

    return HTMLResponse(
        render(
            name,
            {
                "emergency_line": number_line(book),
                "status_line": status_line(book),
                "wording": book.guidance.wording,
                **context,
            },
        ),
        status_code=status,
    )


def notice_page(book: RuleBook, notice: Notice, status: int) -> HTMLResponse:
    """A page that only tells the person something (notice.html), titled by its heading."""
    return page(book, "notice.html", status=status, title=notice.heading, notice=notice)


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
