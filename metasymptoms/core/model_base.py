"""What every rule-book model is made of: the field types, pydantic's settings, urgency.

Split from model.py so the models can live in modules by subject (model.py, guidance.py,
book_record.py) without importing one another in a circle. Every model is a frozen standard
dataclass; pydantic validates a file's data into it (validate.py) with `FORBID_EXTRA`, so an
unknown key is refused.
"""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import ConfigDict, Field

Id = Annotated[str, Field(min_length=1, max_length=80)]  # the id's spelling is checked by the loader
SourceKey = Annotated[str, Field(min_length=1, max_length=40)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
Sources = Annotated[tuple[SourceKey, ...], Field(min_length=1)]

# Given to every rule-file model with pydantic's `with_config`: a key the model does not know
# is refused (a misspelt `urgncy:` would otherwise be dropped without a word).
FORBID_EXTRA = ConfigDict(extra="forbid")


class Urgency(enum.Enum):
    """How soon to get help, most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    PROMPT = "prompt"
    ROUTINE = "routine"

    @property
    def rank(self) -> int:
        """Higher is more urgent."""
        return _RANK[self.value]


_RANK = {"emergency": 3, "urgent": 2, "prompt": 1, "routine": 0}


def highest(urgencies: list[Urgency]) -> Urgency:
    return max(urgencies, key=lambda urgency: urgency.rank, default=Urgency.ROUTINE)
