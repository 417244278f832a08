"""A question's skip logic (its `ask_if`) as a FHIR `enableWhen`, or the nearest wider one.

A form may only test "this question's answer is this code" (`=` on a coding: renderers
disagree on the other operators) and combine the tests with one explicit `enableBehavior`,
`any` or `all`. The engine's own `asked` (engine.py) decides which codes of a finding ask a
question, so "not sure" counts where the engine counts it; this module only puts the parts
together, using two facts of the engine's reading: a question behind `any` is asked when one
part may hold, and behind `all` when every part may hold.

An `ask_if` that cannot be written so (today `very_unwell`: "jaundice or dark urine, and not
already feeling unwell", and `wants_outlook_questions`: "cancer now or before, and not told
of spread") gets a wider `enableWhen` that shows the question whenever the
engine would ask it, and sometimes when it would not: a form that asks more, never less. Each
such question is listed by the export; tests/test_fhir_skip.py checks both kinds against
`asked` over the combinations of answers.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from metasymptoms.core.conditions import AllOf, AnyOf, Condition, findings_in
from metasymptoms.core.engine import asked
from metasymptoms.core.fhir_terms import answer_options, required
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import Question, RuleBook


@dataclasses.dataclass(frozen=True)
class EnableWhen:
    """Show the question when `any` (or `all`) of the (finding, code) tests hold. `exact`:
    shown exactly when the engine asks it; otherwise shown at least then (wider)."""

    tests: tuple[tuple[str, str], ...]
    behavior: Literal["any", "all"]
    exact: bool


def enable_when(book: RuleBook, question: Question) -> EnableWhen | None:
    """The question's `enableWhen`; None when the form shows it always (no `ask_if`, or no
    narrower test asks it at least whenever the engine does)."""
    if question.ask_if is None:
        return None
    return _flatten(book, question, question.ask_if)


def _flatten(book: RuleBook, question: Question, condition: Condition) -> EnableWhen | None:
    findings = findings_in(condition)
    if len(findings) == 1:
        return _one_finding(book, question, condition, findings[0])
    if isinstance(condition, AnyOf):
        parts = [_flatten(book, question, part) for part in condition.any]
        if any(part is None or (part.behavior == "all" and len(part.tests) > 1) for part in parts):
            return None  # one part cannot be narrowed: only "always" is wide enough
        tests = tuple(dict.fromkeys(test for part in parts if part for test in part.tests))
        return EnableWhen(tests, "any", exact=all(part.exact for part in parts if part))
    if isinstance(condition, AllOf):
        flat = [part for part in (_flatten(book, question, part) for part in condition.all) if part]
        if len(flat) == len(condition.all) and all(p.exact and len(p.tests) == 1 for p in flat):
            return EnableWhen(tuple(p.tests[0] for p in flat), "all", exact=True)
        if not flat:
            return None
        # Every part must hold, so any one part's test is wider than the whole: the narrowest.
        narrowest = min(flat, key=lambda part: len(part.tests))
        return dataclasses.replace(narrowest, exact=False)
    return None  # `not` or `at_least` over several findings, or a number's range


def _one_finding(
    book: RuleBook, question: Question, condition: Condition, finding_id: str
) -> EnableWhen | None:
    """A condition on one finding: the codes for which the engine asks the question."""
    finding = book.finding(finding_id)
    codes = [code for code, _ in answer_options(book, finding)]
    if not codes:
        return None  # a number: `=` cannot test a range
    kind = kind_of(finding)
    part = dataclasses.replace(question, ask_if=condition)
    asking = tuple(
        (finding_id, code) for code in codes if asked(part, {finding_id: kind.from_option(finding, code)})
    )
    if not asking or (not required(book, finding_id) and asked(part, {})):
        # Asked when the finding is not answered (`=` never holds on no answer), or never.
        return None
    if len(asking) == 1:
        return EnableWhen(asking, "all", exact=True)
    return EnableWhen(asking, "any", exact=True)
