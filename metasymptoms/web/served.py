"""The lesson page, as its renderer writes it, served under
the pages' security policy: its inline style and script are served as files of their own
and linked, so no inline script or style is needed (the policy allows none)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

STATIC = Path(__file__).parent / "static"
MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def _assets() -> dict[str, tuple[str, str, str]]:
    """name: (media type, text, the inline markup the text stands in for)."""
    from metasymptoms.teaching import lesson_page

    return {
        "lesson.css": ("text/css", lesson_page.STYLE, f"<style>{lesson_page.STYLE}</style>"),
        "lesson.js": ("text/javascript", lesson_page.SCRIPT, f"<script>{lesson_page.SCRIPT}</script>"),
    }


def linked(html: str) -> str:
    """The page with each inline style and script replaced by a link to its file."""
    for name, (media, _, inline) in _assets().items():
        tag = (
            f'<link rel="stylesheet" href="/assets/{name}">'
            if media == "text/css"
            else f'<script src="/assets/{name}"></script>'
        )
        html = html.replace(inline, tag)
    return html


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    found = _assets().get(name)
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    media, text, _ = found
    return Response(text, media_type=f"{media}; charset=utf-8")


@cache
def _static(name: str) -> tuple[bytes, str, str] | None:
    """A file of the static folder: its bytes, media type and ETag; None when there is no such
    file. Read once: the folder ships with the package and does not change while it runs.
    Served from memory because Starlette's StaticFiles reads the file anew through a thread
    for each request, and under load the stylesheet came several times slower than the pages
    it styles (p95 1.0 s against 0.24 s in benchmarks/web_load.py), so a page stood unstyled."""
    path = STATIC / name
    media = MEDIA_TYPES.get(path.suffix)
    if media is None or path.parent != STATIC or not path.is_file():
        return None
    data = path.read_bytes()
    return data, media, '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


async def static(request: Request) -> Response:
    """/static/NAME, with an ETag: the browser asks again each time (no-cache) and is told
    "not modified" when it holds the same file."""
    found = _static(request.path_params["name"])
    if found is None:
        raise HTTPException(404)  # the app's own "page not found"
    data, media, etag = found
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"etag": etag})
    return Response(data, media_type=media, headers={"etag": etag})
