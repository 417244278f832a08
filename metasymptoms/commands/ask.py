"""`metasymptoms ask`: the guided questions, or an answers file, then the result."""

from __future__ import annotations

import os
import sys

from metasymptoms.answering.emergency import country_from, for_country
from metasymptoms.answering.formats import renderer
from metasymptoms.answering.terminal import require_terminal, wants_plain
from metasymptoms.commands import Ask
from metasymptoms.core.answers import read_answers_file
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import load_book
from metasymptoms.core.output import emit, output_path


def ask(args: Ask) -> int:
    country, named = country_from(args.country, os.environ)
    book = for_country(load_book(args.rules), country, named=named)
    output = output_path(args.output)  # refused before any question, not after the last
    if args.answers is not None:
        notes: list[str] = []  # a FHIR response's: another version, answers kept, unanswered
        answers = read_answers_file(args.answers, book, notes)
        for note in notes:
            print(note, file=sys.stderr)
        page = "the summary" if args.format in ("markdown", "html") else "the result"
        emit(renderer(args.format)(book, assess(book, answers)), output, what=page)
        return 0
    plain = wants_plain(args.plain)
    require_terminal(
        plain,
        "the guided questions need a terminal to type in. To answer them through a pipe or a "
        "screen reader, add --plain (numbered choices, one a line). To use answers written in a "
        "file, run: metasymptoms ask --answers FILE",
    )
    from metasymptoms.answering.interview import run_interview

    return run_interview(book, plain=plain, result_format=args.format, output=output)
