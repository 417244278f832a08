"""The checks of `metasymptoms rules check`, beyond what the loader itself refuses.

One module a check, each with an ID, a LEVEL and a docstring that is its documentation
(with a passing and a failing example), and a `check(loaded, today)` that yields located
problems. The registry below is the list `rules check` runs.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from types import ModuleType

from metasymptoms.core.loader import LoadedBook, load
from metasymptoms.core.problems import Problem, RuleBookError
from metasymptoms.core.scenarios import load_scenarios, outcome_problems
from metasymptoms.reviewing.checks import (
    advice_urgency,
    diagnostic_wording,
    hazard_control,
    hidden_red_flag,
    impossible_ask_if,
    old_review,
    site_without_rules,
    source_audience,
    unasked_finding,
    uncited_source,
    unused_finding,
)

CHECKS: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        unused_finding,
        unasked_finding,
        impossible_ask_if,
        site_without_rules,
        uncited_source,
        old_review,
        diagnostic_wording,
        hidden_red_flag,
        advice_urgency,
        hazard_control,
        source_audience,
    )
}


def run_checks(loaded: LoadedBook, today: datetime.date | None = None) -> list[Problem]:
    today = today or datetime.date.today()
    problems: list[Problem] = []
    for check_id, module in CHECKS.items():
        for location, message in module.check(loaded, today):
            problems.append(Problem(location, message, module.LEVEL, check_id))
    return sorted(problems)


def check_problems(folder: Path) -> tuple[LoadedBook | None, list[Problem]]:
    """Every problem `rules check` reports for this folder: the loader's, these checks' and
    the scenarios', and the book when it loads (the served rule-book document shows them)."""
    try:
        loaded = load(folder)
        scenarios, scenario_problems = load_scenarios(folder, loaded.book)
        scenario_problems += outcome_problems(loaded.book, scenarios)
        return loaded, sorted(loaded.warnings + run_checks(loaded) + scenario_problems)
    except RuleBookError as error:
        return None, error.problems  # the checks need a book that loads
