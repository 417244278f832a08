"""What every rule-book model is made of: the field types, pydantic's settings, urgency.

Split from model.py so the models can live in modules by subject (model.py, guidance.py,
book_record.py) without importing one another in a circle. Every model is a frozen standard
dataclass; pydantic validates a file's data into it (validate.py) with `FORBID_EXTRA`, so an
unknown key is refused.
"""

from __future__ import annotations

import enum
import re
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

# Where a sentence says the emergency number, it writes this word; the loader fills in the
# number the book shows (book.yaml `emergency_number`, guidance.yaml `emergency_numbers`).
EMERGENCY_NUMBER = "{emergency_number}"
_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")


def _no_placeholder(text: str) -> str:
    """Plain text: a placeholder here would be shown to a person as written."""
    if "{" in text and (found := _PLACEHOLDER.search(text)):
        raise PydanticCustomError(
            "wording",
            "{word} is not filled in here; only advice, first steps, emergency signs and wording "
            "hold the emergency number",
            {"word": found.group()},
        )
    return text


def _numbered(text: str) -> str:
    """Text that may say the emergency number: {emergency_number}, and no other placeholder."""
    for found in _PLACEHOLDER.finditer(text):
        if found.group() != EMERGENCY_NUMBER:
            raise PydanticCustomError(
                "wording",
                "{word} is not a word the book fills in; write {placeholder} where the emergency number goes",
                {"word": found.group(), "placeholder": EMERGENCY_NUMBER},
            )
    return text


def _holds_number(text: str) -> str:
    """Text that exists to say the emergency number: it must hold {emergency_number}."""
    if _numbered(text) and EMERGENCY_NUMBER not in text:
        raise PydanticCustomError(
            "wording",
            "write {placeholder} where the emergency number goes: this sentence gives it",
            {"placeholder": EMERGENCY_NUMBER},
        )
    return text


Id = Annotated[str, Field(min_length=1, max_length=80)]  # the id's spelling is checked by the loader
SourceKey = Annotated[str, Field(min_length=1, max_length=40)]
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_no_placeholder)]
# Text a person may be told to call the emergency number in (the number filled in on loading).
NumberedText = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_numbered)]
# Text that gives the number itself ("call your local emergency number ({emergency_number})").
NumberText = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_holds_number)]
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
