"""hazard-control: the hazard log (hazards.yaml) names a control that does not exist.

Each hazard in hazards.yaml lists the controls that guard it: a `rules verify` property, a
`rules check` check, a teaching scenario, or `diff: released_book` (`rules diff` against the
last released book that book.yaml names), by id. A control renamed or removed would leave
a hazard unguarded while the log still claims it is guarded; so the log must name only
controls that exist (and be a valid file).

PASS: `- verify: hidden-red-flag` (a property of rules verify).
FAIL: `- verify: hiden-red-flag`:

    hazards.yaml:9:17: [error] 'hiden-red-flag' is not a property of rules verify (did you
    mean 'hidden-red-flag'?); name one that exists, or remove the control (hazard-control)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

from metasymptoms.core.suggest import close_match

ID = "hazard-control"
LEVEL = "error"

_NOUNS = {
    "verify": "a property of rules verify",
    "check": "a check of rules check",
    "scenario": "a scenario in scenarios/",
    "diff": "a comparison of rules diff (the one there is: released_book)",
}


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    from metasymptoms.reviewing.hazards import known_controls, load_log

    log, problems = load_log(loaded.folder)
    for problem in problems:
        yield problem.location, problem.message
    if log is None:
        return
    known = known_controls(loaded)
    for i, hazard in enumerate(log.log.hazards):
        for j, control in enumerate(hazard.controls):
            kind, name = control.kind, control.name
            if name and name not in known[kind]:
                yield (
                    log.at(("hazards", i, "controls", j, kind)),
                    f"'{name}' is not {_NOUNS[kind]}{close_match(name, known[kind])}; "
                    "name one that exists, or remove the control",
                )
