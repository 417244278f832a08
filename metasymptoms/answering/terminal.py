"""What kind of prompts a command can use here: arrow keys need a terminal; plain numbered
prompts (asked for, or TERM=dumb) read lines, so they also work through a pipe."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from metasymptoms.core.problems import UsageError

if TYPE_CHECKING:
    from metasymptoms.answering.prompter import ResultPrompter
    from metasymptoms.core.guidance import Wording


def wants_plain(asked: bool) -> bool:
    return asked or os.environ.get("TERM") == "dumb"


def require_terminal(plain: bool, hint: str) -> None:
    """Raise a UsageError (exit 2) with `hint` when arrow-key prompts cannot work here."""
    if not plain and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(hint)


def prompter_for(plain: bool, wording: Wording) -> ResultPrompter:
    """Plain numbered prompts, or the arrow-key ones (prompt_toolkit is imported only for those),
    in the rule book's words."""
    from metasymptoms.answering.prompter import PlainPrompter

    if plain:
        return PlainPrompter(wording)
    from metasymptoms.answering.interview import ArrowKeyPrompter

    return ArrowKeyPrompter(wording)


def printed_width(fallback: int) -> int:
    """Columns for a page printed at once: on a terminal the screen's (a margin of 2, at least
    40 columns); in a file or a pipe, `fallback`."""
    if not sys.stdout.isatty():
        return fallback
    from metasymptoms.answering.prompter import screen_width

    return screen_width(margin=2, least=40)
