"""`metasymptoms ask`: the guided questions, or an answers file, then the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from metasymptoms.answering.batch import answers_files, batch_lines, is_batch
from metasymptoms.answering.emergency import country_from
from metasymptoms.answering.formats import renderer
from metasymptoms.answering.terminal import require_terminal, wants_plain
from metasymptoms.commands import Ask
from metasymptoms.core.answers import read_answers_file
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import load_book
from metasymptoms.core.model import RuleBook
from metasymptoms.core.output import emit, output_path
from metasymptoms.core.problems import UsageError


def ask(args: Ask) -> int:
    if is_batch(args.answers) and args.format not in (None, "json"):
        raise UsageError(
            f"a batch of answers files is written as JSON lines, one a file, not as {args.format}: "
            "leave out --format, or give --format json"
        )
    country, named = country_from(args.country, os.environ)
    book = load_book(args.rules, country, named=named)
    output = output_path(args.output)  # refused before any question, not after the last
    result_format = args.format or "text"
    if is_batch(args.answers):
        return _batch(book, answers_files(args.answers), output)
    if args.answers:
        notes: list[str] = []  # a FHIR response's: another version, answers kept, unanswered
        answers = read_answers_file(args.answers[0], book, notes)
        for note in notes:
            print(note, file=sys.stderr)
        written = book.guidance.wording.written
        said = written.summary if result_format in ("markdown", "html") else written.result
        assessment = assess(book, answers)
        if result_format == "text" and output is None and sys.stdout.isatty():
            # On a terminal narrower than the text's 78 columns, lines end at its edge
            # between words, not wherever the terminal cuts them.
            from metasymptoms.answering.assessment_text import WIDTH, render_text
            from metasymptoms.answering.prompter import screen_width

            text = render_text(book, assessment, min(WIDTH, screen_width() - 1))
        else:
            text = renderer(result_format)(book, assessment)
        emit(text, output, said, replaced=written.replaced)
        return 0
    plain = wants_plain(args.plain)
    require_terminal(
        plain,
        "the guided questions need a terminal to type in. To answer them through a pipe or a "
        "screen reader, add --plain (numbered choices, one a line). To use answers written in a "
        "file, run: metasymptoms ask --answers FILE",
    )
    from metasymptoms.answering.interview import run_interview

    return run_interview(book, plain=plain, result_format=result_format, output=output)


def _batch(book: RuleBook, files: list[Path], output: Path | None) -> int:
    """One JSON line a file, on the screen as each is read (or all in --output); exit 2 when
    any file could not be used, after every other one has its line."""
    failed = 0
    kept: list[str] = []
    for line, used in batch_lines(book, files):
        failed += not used
        if output is None:
            sys.stdout.write(line)
        else:
            kept.append(line)
    if output is not None:
        written = book.guidance.wording.written
        emit("".join(kept), output, written.results, replaced=written.replaced)
    if failed:
        print(
            f"metasymptoms: {failed} of {len(files)} answers files could not be used; "
            "the line of each names its problems",
            file=sys.stderr,
        )
        return 2
    return 0
