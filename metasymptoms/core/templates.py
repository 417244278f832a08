"""The templates every page is drawn from, saved or served: Jinja2 with autoescaping, and the
one stylesheet and the scripts a saved page carries inside.

The template files are in metasymptoms/templates/ and the static files in
metasymptoms/static/, beside every layer that draws a page: the printable summary (`ask
--format html`, answering/assessment_html.py), the lesson and the rule book (web/documents.py)
and the served pages (web/). Only Jinja2 here: the summary must work without the [web] extra.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

STATIC = Path(__file__).resolve().parent.parent / "static"

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
        loader=jinja2.PackageLoader("metasymptoms", "templates"),
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
    text = (STATIC / name).read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"static/{name} holds '</', which would end its <style> or <script> early")
    return Markup(text)  # our own file, checked above


def render(name: str, context: Mapping[str, Any]) -> str:
    return environment().get_template(name).render(**context)
