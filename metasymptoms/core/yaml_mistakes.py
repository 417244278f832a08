"""A YAML file that does not read, in plain words at the place to fix: the likeliest mistake
behind libyaml's error, for a nurse editing a rule file (or a person writing answers).

A reviewer meets a tab, a colon inside a text, an indentation slip, or a bracket or quote mark
never closed far more often than anything else; each is reported where it is (the opening
bracket or quote mark, not the line where the reader gave up), and the reader's own phrase is
kept only when none of these fits.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from metasymptoms.core.yamlfile import Position, YamlProblem, _Loader, _position

_INDENTATION = (
    "this line is indented differently from the lines around it; the keys of one item line up "
    "under each other, and the items of a list each start with '- ' at the same place"
)


# What a nurse calls each of YAML's brackets: (the thing, its opening, its closing mark).
_FLOWS = {
    "flow sequence": ("list", "[", "]"),
    "flow mapping": ("group of keys", "{", "}"),
}


def _flow_problem(
    flow: tuple[str, str, str], opened: Position, position: Position, found: str
) -> YamlProblem:
    """A list in brackets (or keys in braces) the reader could not finish: at its opening
    bracket when it runs on past its line (the bracket is never closed), else at the place
    on its line where the wrong closing bracket, or a missing comma, stopped it."""
    what, opening, closing = flow
    if found in ("]", "}") and found != closing:
        return YamlProblem(
            position,
            f"the {what} opened with {opening} at column {opened.column} is closed here with "
            f"{found}; close it with {closing}",
        )
    if position.line > opened.line:
        return YamlProblem(
            opened,
            f"this {what} opened with {opening} on line {opened.line} is never closed with {closing}; "
            f"add {closing} where the {what} ends",
        )
    return YamlProblem(
        position,
        f"a ',' between two items, or the {closing} that closes the {what} opened with {opening} "
        f"at column {opened.column}, is missing here",
    )


def _never_closed(mark: Any, text: str) -> YamlProblem:
    """A text whose opening quote mark is never closed, at that quote mark."""
    opened = _position(mark)
    quote = text[mark.index] if 0 <= mark.index < len(text) else '"'
    return YamlProblem(
        opened,
        f"this text opened with {quote} on line {opened.line} is never closed with {quote}; "
        f"add {quote} where the text ends",
    )


def _quote_before(text: str, position: Position) -> YamlProblem | None:
    """A quoted text that ends just where the reader stopped, the likely cause of the stop:
    one that ran over lines that read as keys or list items (its quote mark was never closed,
    and a later text's opening quote closed it), or one closed early by a quote mark inside
    it (an apostrophe in 'Don't wait')."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line + 1 > position.line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass  # the same error the composer met: the tokens before it are what is needed
    if last is None or last.end_mark.line + 1 != position.line:
        return None
    quote = text[last.start_mark.index]
    written = text[last.start_mark.index : last.end_mark.index]
    if last.start_mark.line < last.end_mark.line and _SWALLOWED.search(written):
        return _never_closed(last.start_mark, text)
    if _position(last.end_mark) == position:
        inside = "an apostrophe" if quote == "'" else "a quote mark"
        instead = "write it twice ('')" if quote == "'" else "use ' inside it instead"
        return YamlProblem(
            Position(position.line, position.column - 1),
            f"{inside} here ends the text opened with {quote} at column {last.start_mark.column + 1} "
            f"too early; {instead}, or put the whole text in the other kind of quote marks",
        )
    return None


def _no_colon(lines: list[str], position: Position) -> YamlProblem:
    """A line read as a key with no ':': a line of a long text indented too little, or a text
    that goes on to the next line without '>-'."""
    if _dedented_in_a_text(lines, position):
        return YamlProblem(
            position,
            "this line is indented less than the text above it, so it is read as a new key; "
            "indent it like the other lines of that text",
        )
    return YamlProblem(
        position,
        "a line has no ':' after its key, or a text goes on to the next line; write a long text "
        "after '>-' on lines indented under its key, or put it in quotes",
    )


def _dedented_in_a_text(lines: list[str], position: Position) -> bool:
    """Whether the line at `position` follows lines of a block text (after '>-' or '|') that
    are indented further than it: a line of that text, indented too little."""
    indent = position.column - 1
    above = [
        line for line in lines[: position.line - 1] if line.strip() and not line.lstrip().startswith("#")
    ]
    if not above or _indent(above[-1]) <= indent:
        return False
    text_indent = _indent(above[-1])
    owner = next((line for line in reversed(above) if _indent(line) < text_indent), "")
    return _BLOCK_TEXT.search(owner) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# A key whose text follows on the lines under it: `advice: >-`, `note: |`.
_BLOCK_TEXT = re.compile(r":[ ]+[>|][-+]?[ ]*(#.*)?$")


# A line that reads as a key or a list item, inside a quoted text: the text ran on too far.
_SWALLOWED = re.compile(r"\n[ ]*(- |[A-Za-z_][A-Za-z0-9_]*:( |$))", re.MULTILINE)


def syntax_problem(error: yaml.MarkedYAMLError, text: str = "") -> YamlProblem:
    """The likeliest mistake behind a YAML syntax error, in plain words at its place (the
    module's docstring says which, and why)."""
    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark else Position(1, 1)
    problem, context = error.problem or "", error.context or ""
    lines = text.splitlines()
    line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    if "\t" in line[: max(position.column, len(line) - len(line.lstrip()))] or "tab" in problem:
        tab = line.find("\t")
        if tab >= 0:
            position = Position(position.line, tab + 1)
        return YamlProblem(
            position, "a tab is used here; use spaces, not a tab (rule files are indented with spaces)"
        )
    if "quoted scalar" in context and "end of stream" in problem and error.context_mark is not None:
        return _never_closed(error.context_mark, text)
    flow = next((words for name, words in _FLOWS.items() if name in context), None)
    if flow and error.context_mark is not None:
        found = line[position.column - 1 : position.column]
        return _flow_problem(flow, _position(error.context_mark), position, found)
    quote = _quote_before(text, position)
    if quote is not None:
        return quote
    if "mapping values are not allowed" in problem:
        key_colon = line.find(": ")
        if 0 <= key_colon < position.column - 1:  # the key's own colon comes first: a second one, in the text
            return YamlProblem(
                position,
                "this text holds a colon followed by a space, which YAML reads as a new key; put the "
                "text in quotes, like: advice: 'Call now: your care team'",
            )
        indent = len(line) - len(line.lstrip(" "))
        return YamlProblem(Position(position.line, indent + 1), _INDENTATION)
    if "could not find expected ':'" in problem:
        # The reader stops at the next key; the line to fix is where the would-be key began.
        return _no_colon(lines, _position(error.context_mark) if error.context_mark else position)
    if any(
        phrase in problem
        for phrase in (
            "did not find expected key",
            "did not find expected '-' indicator",
            "expected <block end>",
        )
    ):
        return YamlProblem(position, _INDENTATION)
    what = problem or "this is not valid YAML"
    return YamlProblem(
        position,
        f"the YAML cannot be read here; check this line's indentation and quotes (the reader says: {what})",
    )
