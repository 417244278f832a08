"""A problem found in a rule file, located the way editors and reviewers count."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from metasymptoms.core.checks import schema

Level = Literal["error", "warning"]


def counted(count: int, noun: str) -> str:
    """A count with its noun, as a sentence says it: "1 error", "2 errors", "0 warnings".

    >>> counted(1, "error"), counted(2, "warning"), counted(0, "counterexample")
    ('1 error', '2 warnings', '0 counterexamples')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True, order=True)
class Location:
    file: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    level: Level = "error"
    check: str = schema.ID  # a problem no other check names: the rule book's models refuse it

    def __str__(self) -> str:
        return f"{self.location}: [{self.level}] {self.message} ({self.check})"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": str(self.location.file),
            "line": self.location.line,
            "column": self.location.column,
            "level": self.level,
            "message": self.message,
            "check": self.check,
        }


class RuleBookError(Exception):
    """The rule book cannot be used; every problem found is attached."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the rule files")
        self.problems = sorted(problems)


class RulesFolderMissing(Exception):
    """The folder named as a rule book does not exist: bad input, not a broken rule file."""


class UsageError(Exception):
    """The person asked for something that cannot be done; the message says what to do."""


class OutputError(UsageError):
    """The result could not be written where the person asked."""


class ScreenError(OutputError):
    """The standard output is closed or failing: the person may not have seen the result."""
