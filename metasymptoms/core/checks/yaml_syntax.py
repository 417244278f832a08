"""yaml: the file cannot be read as YAML.

The most likely causes, each reported at its place in plain words: a tab used for indentation
(use spaces), a colon inside a text (put the text in quotes), a line indented more or less than
the lines around it, a list item without its '- ', a list's [ or a group's { never closed
(reported at the bracket), a quote mark never closed (reported at the quote mark).

PASS:  why: 'Pain: often in the back'
FAIL:  why: Pain: often in the back
"""

from __future__ import annotations

from pathlib import Path

from metasymptoms.core.plain_errors import plain_yaml_message
from metasymptoms.core.problems import Level, Location, Problem
from metasymptoms.core.yamlfile import YamlProblem

ID = "yaml"
LEVEL: Level = "error"


def unreadable(file: Path, message: str) -> Problem:
    """A file that is there but cannot be read (not a regular file, too large, not UTF-8)."""
    return Problem(Location(file), message, LEVEL, ID)


def not_yaml(file: Path, problem: YamlProblem) -> Problem:
    """A file that is not readable YAML, at the place libyaml stopped, in plain words."""
    where = Location(file, problem.position.line, problem.position.column)
    return Problem(where, plain_yaml_message(problem.message), LEVEL, ID)
