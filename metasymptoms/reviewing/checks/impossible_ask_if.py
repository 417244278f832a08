"""impossible-ask-if: a question whose `ask_if` can never hold, so it is never asked.

Checked over every path of the questionnaire: the ask_if must hold for some answers the
questionnaire can actually collect (earlier questions may themselves be skipped).

PASS: `ask_if: back_pain`, where back_pain is asked of everyone.
FAIL: `ask_if: {all: [back_pain, {not: back_pain}]}`:

    questions.yaml:14:17: [error] the question about 'limb_weakness' can never be asked:
    its ask_if never holds (impossible-ask-if)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metasymptoms.reviewing.verify import unreachable_questions

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "impossible-ask-if"
LEVEL = "error"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    for failure in unreachable_questions(loaded.book):
        yield loaded.at("question", failure.subject, "ask_if"), failure.message
