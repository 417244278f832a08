"""Steps laid out for a terminal: each line wrapped to the width, a step's heading with its
counter, and a note for what a step keeps back until its key is pressed."""

from __future__ import annotations

import textwrap

from metasymptoms.core.model_base import filled
from metasymptoms.core.wording_teaching import TeachingWording
from metasymptoms.teaching.demo import ANSWER, CHANGES, NOTES, OPEN_KEYS, Line, Step


def line_text(line: Line, width: int) -> list[str]:
    """One line wrapped to `width`; a continuation hangs under its text."""
    indent = "    " * line.depth if line.depth < 2 else "    " + "   " * (line.depth - 1)
    if line.kind == "screen":
        inner = max(width - len(indent) - 2, 20)
        framed = []
        for row in line.text.splitlines():
            lead = len(row) - len(row.lstrip())
            hang = " " * (lead + 3 if row.lstrip()[:1].isdigit() else lead)
            parts = textwrap.wrap(row.lstrip(), inner, initial_indent=" " * lead, subsequent_indent=hang)
            framed += [f"{indent}| {part}" for part in parts or [""]]
        return [row.rstrip() for row in framed]
    hanging = indent + ("   " if line.text.startswith("->") else "  ")
    return textwrap.wrap(line.text, width, initial_indent=indent, subsequent_indent=hanging) or [indent]


def step_heading(step: Step, width: int) -> list[str]:
    """'Step 3 of 11. Predict: how urgent?' for a lesson's step (`demo --step`), counted by the
    lesson; a part of the full replay printed (`demo NAME`) is headed by its title alone."""
    heading = f"{step.counter}. {step.heading}" if step.counter else step.heading
    lines = textwrap.wrap(heading, width, subsequent_indent="  ") or [heading]
    return lines + ["-" * min(len(heading), width)]


def step_rows(
    words: TeachingWording, step: Step, width: int, everything: bool = False, how_to_see_more: str = ""
) -> list[list[str]]:
    """A step's lines wrapped for a terminal, each line's rows kept together. The lines kept
    for on request are added when `everything`; otherwise a note says what is kept back and
    `how_to_see_more` ("press a to see them all"; its key is the step's OPEN_KEYS)."""
    rows = [line_text(line, width) for line in (step.lines + step.more if everything else step.lines)]
    if step.more and not everything:
        kept = {
            CHANGES: filled(words.lesson.more_changes, count=str(len(step.more))),
            ANSWER: words.lesson.answer_hidden,
            NOTES: words.lesson.notes_hidden,
        }[step.opens]
        rows.append(line_text(Line(f"({kept}: {how_to_see_more}.)"), width))
    return rows


def how_to_open(words: TeachingWording, step: Step, verb: str) -> str:
    """'press a to see them all', 'type r to reveal it': how to show what the step keeps back.
    `verb`: the lesson's verb_press or verb_type."""
    lesson = words.lesson
    what = {CHANGES: lesson.see_them_all, ANSWER: lesson.reveal_it, NOTES: lesson.show_them}[step.opens]
    return filled(what, verb=verb, key=OPEN_KEYS[step.opens])


def step_body(
    words: TeachingWording, step: Step, width: int, everything: bool = False, how_to_see_more: str = ""
) -> list[str]:
    return [row for rows in step_rows(words, step, width, everything, how_to_see_more) for row in rows]


def step_lines(
    words: TeachingWording, step: Step, width: int, everything: bool = False, how_to_see_more: str = ""
) -> list[str]:
    heading = step_heading(step, width)
    return heading + step_body(words, step, width, everything, how_to_see_more)
