"""The static files (the stylesheet and the scripts), served from memory with an ETag."""

from __future__ import annotations

import hashlib
from functools import cache

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from metasymptoms.core.templates import STATIC

MEDIA_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}


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
    "not modified" when it holds the same file. /favicon.ico, which a browser may ask for
    without reading the page's icon link, is the same icon."""
    found = _static(request.path_params.get("name", "icon.svg"))
    if found is None:
        raise HTTPException(404)  # the app's own "page not found"
    data, media, etag = found
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"etag": etag})
    return Response(data, media_type=media, headers={"etag": etag})
