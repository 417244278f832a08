"""The hazard log (rules/hazards.yaml): each hazard to a person, its cause and severity, and
the controls that guard it, named by id: `rules verify` properties, `rules check` checks,
teaching scenarios, and `rules diff` against the last released book (`diff: released_book`). `rules check` fails when a named control does not exist; the rule-book
document shows the log with each control's current result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, with_config

from metasymptoms.core.layout import HAZARDS_FILE
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model_base import FORBID_EXTRA, Id, Text
from metasymptoms.core.problems import Location, Problem, counted

FILE = HAZARDS_FILE
Severity = Literal["catastrophic", "major", "considerable", "significant", "minor"]  # DCB0129's scale


KINDS = ("verify", "check", "scenario", "diff")


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Control:
    """One control, named by exactly one of its kinds."""

    verify: Id | None = None  # a property of `rules verify`
    check: Id | None = None  # a check of `rules check`
    scenario: Id | None = None  # a teaching scenario (its expected outcome is checked)
    diff: Id | None = None  # `rules diff` against the released book book.yaml names: released_book

    @property
    def kind(self) -> str:
        return next((kind for kind in KINDS if getattr(self, kind)), "scenario")

    @property
    def name(self) -> str:
        return getattr(self, self.kind) or ""


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Hazard:
    id: Id
    hazard: Text  # what could harm a person
    cause: Text
    severity: Severity
    controls: Annotated[tuple[Control, ...], Field(min_length=1)]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class HazardLog:
    hazards: Annotated[tuple[Hazard, ...], Field(min_length=1)]


@dataclass(frozen=True)
class LoadedLog:
    log: HazardLog
    path: Path
    at: Callable[..., Location]  # (path steps, key=False) -> Location


def load_log(folder: Path) -> tuple[LoadedLog | None, list[Problem]]:
    """The hazard log of a rule-book folder (None when it has none), and its problems."""
    from metasymptoms.core.validate import load_file

    file = load_file(HazardLog, folder / FILE, needed=False)
    log, problems, at = file.value, list(file.problems), file.at
    if log is None:
        return None, problems
    for i, hazard in enumerate(log.hazards):
        for j, control in enumerate(hazard.controls):
            named = [kind for kind in KINDS if getattr(control, kind)]
            if len(named) != 1:
                problems.append(
                    Problem(
                        at(("hazards", i, "controls", j)),
                        "a control names exactly one of verify:, check:, scenario: or diff:",
                    )
                )
    return LoadedLog(log, file.path, at), problems


def known_controls(loaded: LoadedBook) -> dict[str, set[str]]:
    from metasymptoms.core.scenarios import scenario_files
    from metasymptoms.reviewing.checks import CHECKS
    from metasymptoms.reviewing.proofs import proofs
    from metasymptoms.reviewing.released import CONTROL

    return {
        "verify": set(proofs()),
        "check": set(CHECKS),
        "scenario": {path.stem for path in scenario_files(loaded.folder)},
        "diff": {CONTROL},
    }


def control_results(loaded: LoadedBook, log: HazardLog) -> dict[tuple[str, str], str]:
    """Each named control's current result, in words: "holds", "passes", what fails, or why
    it was not run."""
    from metasymptoms.core.scenarios import differences, load_scenarios
    from metasymptoms.reviewing.checks import CHECKS, every_problem
    from metasymptoms.reviewing.proofs import proofs
    from metasymptoms.reviewing.released import CONTROL, released_result

    wanted = {(control.kind, control.name) for hazard in log.hazards for control in hazard.controls}
    results: dict[tuple[str, str], str] = {}
    every_proof = proofs()
    problems = None
    scenarios = None
    for kind, name in sorted(wanted):
        if kind == "verify" and name in every_proof:
            failures = list(every_proof[name].failures(loaded))
            results[kind, name] = (
                "holds" if not failures else f"FAILS ({counted(len(failures), 'counterexample')})"
            )
        elif kind == "check" and name in CHECKS:
            if problems is None:
                problems = every_problem(loaded)  # any check of the registry, the loader's too
            found = [problem for problem in problems if problem.check == name]
            if not found:
                results[kind, name] = "passes"
            elif CHECKS[name].LEVEL == "error":
                results[kind, name] = f"FAILS ({counted(len(found), 'error')})"
            else:
                results[kind, name] = f"passes with {counted(len(found), 'warning')}"
        elif kind == "diff" and name == CONTROL:
            results[kind, name] = released_result(loaded)
        elif kind == "scenario":
            if scenarios is None:
                scenarios = {item.name: item for item in load_scenarios(loaded.folder, loaded.book)[0]}
            if name in scenarios:
                wrong = differences(loaded.book, scenarios[name])
                results[kind, name] = "passes" if not wrong else "FAILS: " + "; ".join(wrong)
        results.setdefault((kind, name), "MISSING: no such control")
    return results
