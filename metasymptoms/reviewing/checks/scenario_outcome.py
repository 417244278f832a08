"""scenario-outcome: a teaching scenario expects an outcome the rule book no longer gives.

Each scenario in scenarios/ names the urgency, sites and red flags its answers lead to. When a
rule edit changes them (a lowered emergency, above all), `rules check` says so at the scenario's
`expected`, so that the change is seen before a class sees it. If the change is meant, write the
new outcome in the scenario; if not, the rule edit is the mistake.

PASS:  expected: {urgency: emergency, ...} and the book still gives an emergency for its answers
FAIL:  the same scenario after `fever_on_chemotherapy` was lowered to routine:
       scenarios/chemo_fever_no_cancer.yaml:12:1: [error] the rule book gives a different
       outcome for this scenario's answers (urgency: expected emergency, got routine); ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metasymptoms.core.problems import Level, Problem
from metasymptoms.core.scenarios import differences

if TYPE_CHECKING:
    from metasymptoms.core.model import RuleBook
    from metasymptoms.core.scenarios import LoadedScenario

ID = "scenario-outcome"
LEVEL: Level = "error"


def check_scenarios(book: RuleBook, items: list[LoadedScenario]) -> list[Problem]:
    """Each scenario whose expected outcome the rule book no longer gives. (The scenarios are
    loaded once, for their own problems too: `check_problems` hands them here.)"""
    return [
        Problem(
            item.expected_at,
            f"the rule book gives a different outcome for this scenario's answers ({'; '.join(found)}); "
            "if the rule change is meant, change the scenario's expected outcome to match",
            LEVEL,
            ID,
        )
        for item in items
        if (found := differences(book, item))
    ]
