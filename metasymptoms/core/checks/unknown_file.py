"""unknown-file: a YAML file in the rules folder that is not part of the rule book.

The loader reads only the files it knows (book.yaml, findings.yaml, questions.yaml,
red_flags.yaml and the others, and each site's file in sites/). A file with any other name
is ignored: most often it is a misspelt name of one the book means to have, so the warning
says which name it probably is.

PASS:  rules/red_flags.yaml
FAIL:  rules/red_flag.yaml:1:1: [warning] this file is not part of the rule book and is
       ignored (did you mean 'red_flags.yaml'?) (unknown-file)
"""

from __future__ import annotations

from pathlib import Path

from metasymptoms.core.layout import known_file_names
from metasymptoms.core.problems import Level, Location, Problem
from metasymptoms.core.suggest import close_match

ID = "unknown-file"
LEVEL: Level = "warning"


def check(folder: Path) -> list[Problem]:
    known = known_file_names()
    return [
        Problem(
            Location(path),
            f"this file is not part of the rule book and is ignored{close_match(path.name, known)}",
            LEVEL,
            ID,
        )
        for path in sorted(folder.glob("*.y*ml"))
        if path.name not in known
    ]
