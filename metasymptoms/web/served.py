"""The lesson page and the rule-book document, as their renderers write them, served under
the pages' security policy: their inline style and script are served as files of their own
and linked, so no inline script or style is needed (the policy allows none)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response


def _assets() -> dict[str, tuple[str, str, str]]:
    """name: (media type, text, the inline markup the text stands in for)."""
    from metasymptoms.reviewing import document
    from metasymptoms.teaching import lesson_page

    filter_script = document._FILTER.strip().removeprefix("<script>").removesuffix("</script>")
    return {
        "lesson.css": ("text/css", lesson_page.STYLE, f"<style>{lesson_page.STYLE}</style>"),
        "lesson.js": ("text/javascript", lesson_page.SCRIPT, f"<script>{lesson_page.SCRIPT}</script>"),
        "document.css": ("text/css", document._CSS, f"<style>{document._CSS}</style>"),
        "document.js": ("text/javascript", filter_script, document._FILTER.strip()),
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
