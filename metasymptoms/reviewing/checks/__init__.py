"""Every check of `metasymptoms rules check`, in one registry: the loader's own (what stops a
book from loading, core/checks/), the checks of a book that loads (here, one module a check)
and the scenarios' check.

Each check is one module with an ID, a LEVEL and a docstring that is its documentation (with
a passing and a failing example), which `rules check --explain ID` prints. A book check has
a `check(loaded, today)` that yields located problems; the loader's checks run while the
book loads (core/loader.py), the scenarios' check on the scenarios `check_problems` loads.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from types import ModuleType

from metasymptoms.core.checks import schema, unknown_file, yaml_syntax
from metasymptoms.core.loader import LoadedBook, load
from metasymptoms.core.problems import Problem, RuleBookError
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.reviewing.checks import (
    advice_softened,
    advice_urgency,
    diagnostic_wording,
    hazard_control,
    hidden_red_flag,
    impossible_ask_if,
    old_review,
    scenario_outcome,
    site_without_rules,
    source_audience,
    stated_threshold,
    unasked_finding,
    uncited_source,
    unused_finding,
)

# The checks of a book that loads, in the order they run.
BOOK_CHECKS = (
    unused_finding,
    unasked_finding,
    impossible_ask_if,
    site_without_rules,
    uncited_source,
    old_review,
    diagnostic_wording,
    hidden_red_flag,
    advice_urgency,
    advice_softened,
    hazard_control,
    source_audience,
    stated_threshold,
)

CHECKS: dict[str, ModuleType] = {
    module.ID: module for module in (yaml_syntax, schema, unknown_file, *BOOK_CHECKS, scenario_outcome)
}


def run_checks(loaded: LoadedBook, today: datetime.date | None = None) -> list[Problem]:
    today = today or datetime.date.today()
    problems: list[Problem] = []
    for module in BOOK_CHECKS:
        for location, message in module.check(loaded, today):
            problems.append(Problem(location, message, module.LEVEL, module.ID))
    return sorted(problems)


def every_problem(loaded: LoadedBook) -> list[Problem]:
    """Every problem `rules check` reports for a book that loads: the loader's warnings, the
    book checks' problems and the scenarios'."""
    scenarios, scenario_problems = load_scenarios(loaded.folder, loaded.book)
    scenario_problems += scenario_outcome.check_scenarios(loaded.book, scenarios)
    return sorted(loaded.warnings + run_checks(loaded) + scenario_problems)


def check_problems(folder: Path) -> tuple[LoadedBook | None, list[Problem]]:
    """Every problem `rules check` reports for this folder, and the book when it loads (the
    served rule-book document shows them)."""
    try:
        loaded = load(folder)
    except RuleBookError as error:
        return None, error.problems  # the checks need a book that loads
    return loaded, every_problem(loaded)
