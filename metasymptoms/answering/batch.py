"""Many answers files against one rule book (`ask --answers A B ...`, or a folder of them):
one JSON line a file, in the order given, each naming its file.

A file that cannot be used gives a line with its problems, each located as `file:line:col`,
and the others go on: one bad file in a thousand costs its own line, not the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from metasymptoms.core.answers import AnswersError, read_answers_file
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from metasymptoms.core.problems import UsageError

SUFFIXES = (".yaml", ".yml", ".json")  # what an answers file is written in


def is_batch(given: Sequence[Path]) -> bool:
    """More than one answers file, or a folder of them."""
    return len(given) > 1 or (len(given) == 1 and given[0].is_dir())


def answers_files(given: Sequence[Path]) -> list[Path]:
    """The files given, in order, each folder replaced by the answers files directly in it
    (by name). A folder that holds none is a usage error: it is not what was meant."""
    files: list[Path] = []
    for path in given:
        if not path.is_dir():
            files.append(path)  # one that is missing or unreadable gets its own error line
            continue
        inside = sorted(child for child in path.iterdir() if child.suffix in SUFFIXES and child.is_file())
        if not inside:
            raise UsageError(f"'{path}' holds no answers files (names ending in {', '.join(SUFFIXES)})")
        files += inside
    return files


def batch_lines(book: RuleBook, files: Sequence[Path]) -> Iterator[tuple[str, bool]]:
    """(the JSON line, whether the file could be used) for each file, in order."""
    # Imported here: `ask` imports this module for is_batch, and the guided questions need no
    # JSON (nor the clinician's summary it holds) before the first question.
    from metasymptoms.answering.assessment_json import assessment_data

    for path in files:
        notes: list[str] = []  # a FHIR response's: another version, answers kept, unanswered
        try:
            answers = read_answers_file(path, book, notes)
        except AnswersError as error:
            yield _line({"file": str(path), "problems": error.problems}), False
            continue
        data = {"file": str(path), **assessment_data(book, assess(book, answers))}
        if notes:
            data["notes"] = notes
        yield _line(data), True


def _line(data: object) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"  # no indent: one line, whatever it holds
