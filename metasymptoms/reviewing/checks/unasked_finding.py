"""unasked-finding: a finding that no question asks.

The guided questions can then never report it; only an answers file can.

PASS: every finding in findings.yaml has a question in questions.yaml.
FAIL:

    findings.yaml:12:9: [warning] no question asks about 'jaundice', so the guided
    questions can never report it (unasked-finding)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "unasked-finding"
LEVEL = "warning"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    asked = {question.finding for question in loaded.book.questions}
    for finding in loaded.book.findings:
        if finding.id not in asked:
            yield (
                loaded.at("finding", finding.id, "id"),
                (f"no question asks about '{finding.id}', so the guided questions can never report it"),
            )
