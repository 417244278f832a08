"""A lesson's steps for a projector (`demo NAME --step`): one screen at a time, forward and
back, counted "Step N of M" as the lesson page counts them (teaching/lesson_page.py).

`screens` is pure: the steps laid out for a terminal of a given size, a step longer than
the screen split into pages. `show_steps` draws them in the terminal's alternate screen
and reads single keys; `plain_steps` reads lines instead (screen readers, TERM=dumb, a
pipe), never clearing anything.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from typing import TextIO

from metasymptoms.core.guidance import Wording
from metasymptoms.core.model_base import filled
from metasymptoms.core.safetext import write_styled
from metasymptoms.core.wording_teaching import LessonKeysWording, TeachingWording
from metasymptoms.teaching.demo import (
    ANSWER,
    CHANGES,
    NOTES,
    OPEN_KEYS,
    Step,
)
from metasymptoms.teaching.step_text import how_to_open, step_heading, step_lines, step_rows

NEXT, BACK, QUIT = "next", "back", "quit"

KEYS = {
    "\r": NEXT,
    "\n": NEXT,
    " ": NEXT,
    "n": NEXT,
    "\x1b[C": NEXT,  # right arrow
    "\x1bOC": NEXT,
    "\x1b[6~": NEXT,  # page down
    "b": BACK,
    "p": BACK,
    "\x7f": BACK,  # backspace
    "\x1b[D": BACK,  # left arrow
    "\x1bOD": BACK,
    "\x1b[5~": BACK,  # page up
    **{key: opens for opens, key in OPEN_KEYS.items()},  # a: every change, r: reveal, t: notes
    "q": QUIT,
    "\x1b": QUIT,  # Esc alone
}


@dataclass(frozen=True)
class Screen:
    step: int  # index of the step it shows
    lines: tuple[str, ...]
    opens: str  # what the step keeps back for its key (every change, the answer, the notes); "" if nothing


def screens(
    words: TeachingWording, steps: list[Step], width: int, height: int, opened: frozenset[int] = frozenset()
) -> list[Screen]:
    """Every screen, in order: a step that does not fit is split into pages, each page
    headed by the step's own heading. `opened`: the steps whose every line is shown."""
    room = max(height - 2, 5)  # the last rows hold a blank line and the keys
    out = []
    for index, step in enumerate(steps):
        everything = index in opened
        heading = step_heading(step, width)
        rows = step_rows(words, step, width, everything, how_to_open(words, step, words.lesson.verb_press))
        pages = fill_pages(rows, max(room - len(heading) - 1, 3))
        for number, page in enumerate(pages, start=1):
            top = list(heading)
            if len(pages) > 1:
                page_of = filled(words.keys.page, position=str(number), count=str(len(pages)))
                top[0] = f"{top[0]}  {page_of}"[:width]
            opens = step.opens if step.more and not everything else ""
            out.append(Screen(index, tuple(top + page), opens))
    return out


def fill_pages(groups: list[list[str]], per_page: int) -> list[list[str]]:
    """Rows into pages of at most `per_page`, a line's rows kept on one page unless they
    alone are taller than a page."""
    pages: list[list[str]] = [[]]
    for group in groups:
        if pages[-1] and len(pages[-1]) + len(group) > per_page:
            pages.append([])
        for row in group:
            if len(pages[-1]) == per_page:
                pages.append([])
            pages[-1].append(row)
    return pages


def move(position: int, action: str, count: int) -> int:
    if action == NEXT:
        return min(position + 1, count - 1)
    if action == BACK:
        return max(position - 1, 0)
    return position


def _open_keys(keys: LessonKeysWording, typed: bool) -> dict[str, str]:
    """The key of what a step keeps back, as pressed ("a all changes") or typed ("a = all changes")."""
    if typed:
        return {CHANGES: keys.all_changes_typed, ANSWER: keys.reveal_typed, NOTES: keys.teacher_notes_typed}
    return {CHANGES: keys.all_changes, ANSWER: keys.reveal, NOTES: keys.teacher_notes}


def footer(words: TeachingWording, screen_list: list[Screen], position: int, width: int) -> str:
    """The keys, on the bottom row. No counter of its own: the step's "Step N of M" heads the
    screen, as on the lesson page (a step over several screens says "page 2 of 3" there)."""
    keys = words.keys
    opens = screen_list[position].opens
    first = keys.finish if position == len(screen_list) - 1 else keys.next
    shown = [first, keys.back, *([_open_keys(keys, typed=False)[opens]] if opens else []), keys.stop]
    return "  ".join(shown)[:width]


# --- in a terminal: single keys, the alternate screen ----------------------------------

ALTERNATE_ON, ALTERNATE_OFF, CLEAR = "\033[?1049h", "\033[?1049l", "\033[H\033[2J"


def split_keys(text: str) -> list[str]:
    """Keys read together (a held arrow key arrives as several sequences at once), one by one."""
    return re.findall(r"\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|\x1b|[\s\S]", text)


def _read_keys(fd: int) -> list[str]:
    data = os.read(fd, 1 << 16)  # a paste of 10 kB arrives in one read, not hundreds
    if not data or data == b"\x04":  # the input ended, or Ctrl-D (raw in cbreak mode)
        raise EOFError
    return split_keys(data.decode("utf-8", "replace"))


def show_steps(words: TeachingWording, steps: list[Step]) -> None:
    """Draw one screen at a time in the alternate screen; the terminal is put back as it was
    on leaving, however it is left (q, the end, Ctrl-C)."""
    import termios
    import tty

    stdout = sys.stdout
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    opened: set[int] = set()
    position = 0
    pending: list[str] = []
    write_styled(stdout, ALTERNATE_ON, "", "")  # our own sequences: the trusted path
    try:
        tty.setcbreak(fd)  # keys one at a time; Ctrl-C still stops
        laid_out: list[Screen] = []
        while True:
            if not pending or not laid_out:  # keys read together (a paste): one layout, one redraw
                size = shutil.get_terminal_size((80, 24))
                width = max(size.columns - 1, 30)
                laid_out = screens(words, steps, width, size.lines, frozenset(opened))
                position = min(position, len(laid_out) - 1)
                # The keys on the bottom row, where a projected screen keeps them out of the way.
                bottom = f"\033[{size.lines};1H"
                write_styled(stdout, CLEAR, "\n".join(laid_out[position].lines) + "\n", bottom)
                stdout.write(footer(words, laid_out, position, width))
                stdout.flush()
            if not pending:
                try:
                    pending = _read_keys(fd)
                except EOFError:  # stop as Ctrl-C does: calmly, exit 130
                    raise KeyboardInterrupt from None
            action = KEYS.get(pending.pop(0))
            if action == QUIT or (action == NEXT and position == len(laid_out) - 1):
                return
            if action in OPEN_KEYS:
                if action == laid_out[position].opens:
                    opened.add(laid_out[position].step)
                    laid_out = []  # laid out again with the step opened
                continue
            position = move(position, action or "", len(laid_out))
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        write_styled(stdout, ALTERNATE_OFF, "", "")
        stdout.flush()


# --- plain: lines typed, nothing cleared -----------------------------------------------

PLAIN_KEYS = {
    **{"": NEXT, "n": NEXT, "b": BACK, "q": QUIT},
    **{key: opens for opens, key in OPEN_KEYS.items()},
}


def plain_words(keys: LessonKeysWording) -> dict[str, str]:
    """What a typed line may be: the keys' letters, or the book's words for them."""
    words = keys.words
    typed = {
        words.next: NEXT,
        words.back: BACK,
        words.all_changes: CHANGES,
        words.reveal: ANSWER,
        words.teacher_notes: NOTES,
    }
    return {**{word.strip().lower(): action for word, action in typed.items()}, **PLAIN_KEYS}


def plain_steps(wording: Wording, steps: list[Step], stdin: TextIO, stdout: TextIO, width: int) -> None:
    """One step at a time, printed; a typed line moves: Enter next, b back, q stop, and a (all
    changes), r (reveal the answer) or t (the teacher's notes) where the step keeps them back."""
    words = wording.teaching
    opened: set[int] = set()
    position = 0
    typed_as = plain_words(words.keys)
    while True:
        step = steps[position]
        everything = position in opened
        how = how_to_open(words, step, words.lesson.verb_type)
        lines = step_lines(words, step, width, everything, how)
        stdout.write("\n" + "\n".join(lines) + "\n\n")
        last = position == len(steps) - 1
        said = words.keys
        keys = [said.finish_typed if last else said.next_typed, said.back_typed]
        if step.more and not everything:
            keys.append(_open_keys(said, typed=True)[step.opens])
        keys.append(said.stop_typed)
        stdout.write(wording.lists.between.join(keys) + ". > ")
        stdout.flush()
        typed = stdin.readline()
        if not typed:
            stdout.write("\n")
            return
        if not stdin.isatty():
            stdout.write(typed.rstrip("\n") + "\n")  # a terminal echoes what was typed; a pipe does not
        action = typed_as.get(typed.strip().lower())
        if action == QUIT or (action == NEXT and last):
            return
        if action in OPEN_KEYS:
            if action == step.opens and step.more:
                opened.add(position)
                continue
            action = None
        if action is None:
            also = f", {OPEN_KEYS[step.opens]}" if step.more and not everything else ""
            stdout.write(filled(words.keys.again, also=also) + "\n")
            continue
        position = move(position, action, len(steps))
