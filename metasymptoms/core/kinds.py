"""The kinds of finding (yes/no, choice, "which of these", number), listed once.

Everything that depends on a finding's kind is its class's business: one module a kind
(kinds_yes_no.py, kinds_choice.py, kinds_several.py, kinds_number.py), on what they share
(kinds_base.py). Every other module asks the kind through this module instead of branching on
it, so a new kind is one new class and one line below; a test (tests/test_one_place.py)
fails when a module outside these compares a finding's type or a kind's name.
"""

from __future__ import annotations

from metasymptoms.core.kinds_base import (
    UNSURE,
    UNSURE_SPELLINGS,
    Answer,
    BadAnswer,
    FindingLike,
    Kind,
    names_any,
    no_words,
    reported,
)
from metasymptoms.core.kinds_choice import Choice
from metasymptoms.core.kinds_number import UNITS, Number
from metasymptoms.core.kinds_several import Several
from metasymptoms.core.kinds_yes_no import YesNo

# What the rest of the package reads of the kinds, from this one place.
__all__ = [
    "DEFAULT",
    "KINDS",
    "UNITS",
    "UNSURE",
    "UNSURE_SPELLINGS",
    "Answer",
    "BadAnswer",
    "Kind",
    "kind_of",
    "names_any",
    "no_words",
    "reported",
]

KINDS: dict[str, Kind] = {kind.name: kind for kind in (YesNo(), Choice(), Number(), Several())}
DEFAULT = "yes_no"  # the kind of a finding that names none


def kind_of(finding: FindingLike) -> Kind:
    return KINDS[finding.type]
