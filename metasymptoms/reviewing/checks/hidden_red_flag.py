"""hidden-red-flag: a red flag that a person can meet while the skip logic hides a finding
it needs, so the questionnaire never warns them.

Checked over every path of the questionnaire (see metasymptoms/reviewing/verify.py): for some answers
the red flag's condition holds, but a question it needs is skipped by its `ask_if`.

PASS: `limb_weakness` is asked only after back pain, and the red flag needs back pain too.
FAIL: `recent_chemotherapy` is asked only of people with a cancer history, but the fever
red flag needs only chemotherapy and fever:

    red_flags.yaml:288:5: [error] the skip logic can hide 'recent_chemotherapy' while the
    rest of 'fever_on_chemotherapy' holds, so a person with these answers is never warned;
    for example: recent_chemotherapy: yes, fever: yes, cancer_history: none (hidden-red-flag)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metasymptoms.reviewing.replay import yaml_value
from metasymptoms.reviewing.verify import hidden_red_flags

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "hidden-red-flag"
LEVEL = "error"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    for failure in hidden_red_flags(loaded.book):
        example = ", ".join(
            f"{key}: {yaml_value(value)}" for key, value in (failure.counterexample or {}).items()
        )
        yield loaded.at("red_flag", failure.subject, "when"), f"{failure.message}; for example: {example}"
