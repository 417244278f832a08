"""Values escaped for the formats they are written into, at the renderer.

Rule text and answers are plain text; written into markdown or mermaid unescaped, a newline
and '---' or three backticks would end a list, start a code block or a new node. Every value
goes through one of these before it reaches a document.
"""

from __future__ import annotations

import re

from metasymptoms.core.safetext import visible

_MARKDOWN_CHARS = re.compile(r"([\\`*_<>#|~&])")
# A "[" opens a link only when its "]" is followed by "(", "[" or ":"; any other bracket (a
# source key such as [NCI-BONE]) is left as written, so the file reads cleanly in an editor.
_LINK_OPENER = re.compile(r"\[(?=[^\]]*\][(\[:])")
# An ordered list starts "1. " or "1) ": a number such as "38.5" does not.
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)](\s|$)))")


def _one_line(text: str) -> str:
    return " ".join(visible(text).split())


def markdown(text: str) -> str:
    """Text that markdown shows as written, on one line: no formatting, block, link or HTML."""
    text = _MARKDOWN_CHARS.sub(r"\\\1", _one_line(text))
    text = _LINK_OPENER.sub(r"\\[", text)
    # A line starting '-', '+', '=' or '1.' would become a list, a rule or a heading underline.
    match = _LINE_START.match(text)
    if match:
        text = text[: match.end()] + "\\" + text[match.end() :] if match.group()[0].isdigit() else "\\" + text
    return text


def mermaid(text: str) -> str:
    """Text for a quoted mermaid label: one line, with its entity characters written as entities."""
    text = _one_line(text).replace("#", "#35;")
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
