"""Renderers: an Assessment or a RuleBook in, a string out. No I/O here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def renderer(name: str) -> Callable[[Any, Any], str]:
    """The assessment renderer of a format (text, markdown, json, html), imported only when used."""
    if name == "json":
        from metasymptoms.answering.assessment_json import render_json

        return render_json
    if name == "html":
        from metasymptoms.answering.assessment_html import render_html

        return render_html
    from metasymptoms.answering.assessment_text import render_markdown, render_text

    return render_markdown if name == "markdown" else render_text
