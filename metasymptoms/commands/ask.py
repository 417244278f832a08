"""`metasymptoms ask`: the guided questions, or an answers file, then the result."""

from __future__ import annotations

import argparse

from metasymptoms.answers import read_answers_file
from metasymptoms.engine import assess
from metasymptoms.rulebook import load_for_use
from metasymptoms.output import emit
from metasymptoms.render import renderer
from metasymptoms.terminal import require_terminal, wants_plain


def ask(args: argparse.Namespace) -> int:
    book = load_for_use(args.rules)
    if args.answers is not None:
        answers = read_answers_file(args.answers, book)
        emit(renderer(args.format)(book, assess(book, answers)), args.output)
        return 0
    plain = wants_plain(args.plain)
    require_terminal(
        plain,
        "the guided questions need a terminal to type in. To use answers written in a file, "
        "run: metasymptoms ask --answers FILE",
    )
    from metasymptoms.interview import run_interview

    return run_interview(book, plain=plain, result_format=args.format, output=args.output)
