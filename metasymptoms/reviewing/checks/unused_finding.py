"""unused-finding: a finding that no red flag, site rule, question's ask_if or guidance
condition (when the outlook questions are offered) uses.

Such a finding is asked (or could be answered in a file) but changes nothing. A choice
finding whose choices name primary cancers is used by the primaries table, so it counts.

PASS: `back_pain` appears in a red flag's `when`.
FAIL: `ankle_swelling` is in findings.yaml, but no `when` or `ask_if` mentions it:

    findings.yaml:40:9: [warning] 'ankle_swelling' is not used by any red flag, site rule
    or question; it changes nothing (unused-finding)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

from metasymptoms.core.conditions import findings_in

ID = "unused-finding"
LEVEL = "warning"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    book = loaded.book
    used: set[str] = set()
    for flag in book.red_flags:
        used.update(findings_in(flag.when))
    for site in book.sites:
        for rule in site.rules:
            used.update(findings_in(rule.when))
    for question in book.questions:
        if question.ask_if is not None:
            used.update(findings_in(question.ask_if))
    offer = book.guidance.outlook_questions
    if offer is not None:
        for condition in (offer.offered_when, offer.offered_with_a_site_match_when):
            if condition is not None:
                used.update(findings_in(condition))
    primaries = {primary.id for primary in book.primaries}
    for finding in book.findings:
        if finding.id in used or any(choice.value in primaries for choice in finding.choices):
            continue
        yield (
            loaded.at("finding", finding.id, "id"),
            (f"'{finding.id}' is not used by any red flag, site rule or question; it changes nothing"),
        )
