"""The guided questions' own words (guidance.yaml `wording.questions`, `typed_numbers` and
`plain`): what the terminal and the question page say around the rule book's questions. Every
sentence is written there, none here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import with_config

from metasymptoms.core.model_base import FORBID_EXTRA, TEXT, Text, filled, holding


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class QuestionsWording:
    """The opening, the steps every question offers, the keys a typed answer takes, and the
    review of every answer before the result."""

    title: Text  # the first line of the guided questions
    # {how_to_answer}: the way's own instructions (plain's, or the arrow keys')
    opening: Annotated[str, TEXT, holding("how_to_answer")]
    progress: Annotated[str, TEXT, holding("section", "position", "count")]  # said by the plain prompts
    why: Text  # the step that says why a question is asked
    back: Text  # the step back to the previous question
    first_question: Text  # Back at the first question
    enter_is_not_sure: Text  # once, before the first question where Enter gives "not sure"
    why_key: Text  # under a typed answer's question: "? = why"
    back_key: Text
    # What Enter does at a typed answer, before the keys: keeps the earlier answer, leaves a
    # number out, or both.
    enter_keeps: Annotated[str, TEXT, holding("keys")]
    enter_keeps_or_none: Annotated[str, TEXT, holding("keys")]
    enter_leaves_out: Annotated[str, TEXT, holding("keys")]
    review_heading: Text
    review_intro: Text
    review_question: Text
    show_result: Text  # the review's first choice, and its default


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class TypedNumber:
    """What a typed number is called in a refusal, and how it may be typed, by example."""

    name: Text  # "a temperature"
    like: Text  # "38.5, 101.3 F"


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class TypedNumbersWording:
    """A typed number, in the terminal and on the question page: one entry for each unit a
    number finding may have (core/kinds_number.py), then a refusal's sentences."""

    celsius: TypedNumber
    times_in_24_hours: TypedNumber
    not_read: Annotated[str, TEXT, holding("typed", "name", "low", "high", "unit")]
    fahrenheit: Annotated[str, TEXT, holding("typed")]  # a Celsius temperature that reads as °F
    type_it_like: Annotated[str, TEXT, holding("like")]  # Enter leaves it out
    type_it_like_or_keep: Annotated[str, TEXT, holding("like")]  # Enter keeps the earlier answer
    type_it_like_on_a_page: Annotated[str, TEXT, holding("like")]  # an empty box leaves it out
    hint_on_a_page: Annotated[str, TEXT, holding("like")]  # under the question, before any refusal

    def unit(self, unit: str) -> TypedNumber:
        typed: TypedNumber = getattr(self, unit)
        return typed


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class PlainWording:
    """The plain, numbered questions (--plain, for screen readers): every answer typed."""

    how_to_answer: Text
    marked: Text  # after the answer Enter gives
    not_sure: Text  # "u", where "not sure" is offered
    do_not_know: Text  # "u", where "I do not know" is offered instead
    # Under the numbered answers, by the letters the question also takes ({unsure}: one of
    # the two above).
    type_a_number: Text
    type_yes_no: Text
    type_yes_no_unsure: Annotated[str, TEXT, holding("unsure")]
    type_unsure: Annotated[str, TEXT, holding("unsure")]
    why_key: Text  # "? = why am I asked this"
    # An answer that is none of those, by the same letters.
    refused: Annotated[str, TEXT, holding("count")]
    refused_yes_no: Annotated[str, TEXT, holding("count")]
    refused_yes_no_unsure: Annotated[str, TEXT, holding("count", "unsure")]
    refused_unsure: Annotated[str, TEXT, holding("count", "unsure")]
    going_back: Text  # said for a typed "b", which a screen reader would read as "b"
    enter_gives: Annotated[str, TEXT, holding("answer")]  # under a typed answer's question
    press_refused: Annotated[str, TEXT, holding("keys")]  # a key the result's pager does not take
    either: Annotated[str, TEXT, holding("some", "last")]  # "s or q"


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class WhichOfTheseWording:
    """A "which of these" question typed (its choices numbered above the line), and ticked."""

    type_the_numbers: Text  # under the numbered choices
    # Instead, where Enter keeps an earlier answer (changed from the review, or after Back):
    # "Enter alone for none" would then be false.
    type_the_numbers_to_change: Text
    refused: Annotated[str, TEXT, holding("count")]  # typed: not the numbers of its choices
    mixed: Text  # typed: none of these with one of them
    mixed_ticked: Text  # ticked: none of these or not sure with one of them

    def refusal(self, reason: str, count: int) -> str:
        """What is said of a refused typed answer, by the kind's reason (BadAnswer.refusal)."""
        return self.mixed if reason == "mixed" else filled(self.refused, count=str(count))
