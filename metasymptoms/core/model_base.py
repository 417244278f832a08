"""What every rule-book model is made of: the field types, the `model` decorator, urgency.

Split from model.py so the models can live in modules by subject (model.py, guidance.py,
book_record.py) without importing one another in a circle.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, TypeVar, dataclass_transform

from metasymptoms.core.constraints import Length
from metasymptoms.core.record import record

Id = Annotated[str, Length(1, 80)]  # the id's spelling is checked by the loader
SourceKey = Annotated[str, Length(1, 40)]
Text = Annotated[str, Length(1, 4000)]
Sources = Annotated[tuple[SourceKey, ...], Length(1)]

FORBID_EXTRA: Any = {"extra": "forbid"}


_Model = TypeVar("_Model")


# dataclass_transform tells type checkers that a decorated class is a frozen dataclass, so
# they see its fields, its __init__ and its immutability instead of a bare `type`.
@dataclass_transform(frozen_default=True)
def model(cls: type[_Model]) -> type[_Model]:
    """A rule-book model: a frozen dataclass (a record: record.py) that refuses unknown keys."""
    cls.__pydantic_config__ = FORBID_EXTRA  # type: ignore[attr-defined]
    return record(cls)


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
