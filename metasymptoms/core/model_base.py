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


# What each word a sentence may hold stands for, in a reviewer's words.
_WHAT = {
    "emergency_number": "the emergency number",
    "first_step": "the first step",
    "titles": "the warning signs' names",
    "names": "the names",
    "cancer": "the cancer's name",
    "sites": "the places",
    "when": "the date and time",
    "section": "the section's title",
    "count": "how many",
    "position": "its place in the list",
    "not_asked": "how many questions were not asked",
    "path": "the file's name",
    "error": "why",
    "question": "the question",
    "title": "the warning sign's name",
    "answer": "the answer",
    "reading": "what it was read as",
    "reasons": "the reasons",
    "finding": "what the question asks about",
    "source": "the answer it was read from",
    "answers": "the answers",
    "other": "the other answer",
    "condition": "the condition",
    "conditions": "the conditions",
    "how_to_answer": "the way to answer",
    "keys": "the list of keys",
    "typed": "the answer typed",
    "name": "the number's name",
    "low": "the lowest number",
    "high": "the highest number",
    "unit": "the unit",
    "like": "the example",
    "unsure": "the letter for not sure",
    "why": "the why step's name",
    "back": "the back step's name",
    "some": "every key but the last",
    "last": "the last key",
    "scenario": "the case's title",
    "point": "the learning point",
    "level": "how soon, as the result's heading says it",
    "site": "the site's name",
    "whom": "whom the warning sign is for",
    "advice": "the advice",
    "was": "what it says now",
    "command": "the command",
    "verb": "press or type",
    "key": "the key",
    "right": "how many were right",
    "notes": "the teacher's notes",
    "also": "the key of what the step keeps back",
    "word": "the word typed",
    "tried": "the close words tried instead",
    "amount": "the number",
    "fahrenheit": "the number in degrees Fahrenheit",
    "which": "the ones that apply",
    "most": "every item but the last",
    "final": "the last item",
    "agree": "how many agree",
    "version": "the rule book's version",
    "signer": "who signed it off",
    "role": "their role",
    "date": "the date",
    "case": "the case's name",
    "cases": "the names of the cases left out",
    "tally": "rules check's count of errors and warnings",
    "parts": "the parts of the case's expected outcome that differ",
    "differences": "how it differs",
    "address": "the address",
    "port": "the port's number",
    "host": "the name or address",
}


def _sentence(required: tuple[str, ...], optional: tuple[str, ...] = ()) -> AfterValidator:
    """A sentence that holds each word of `required` ({emergency_number}, filled in by the
    loader or where it is shown) and may hold those of `optional`, and no other."""
    allowed = {"{" + name + "}": name for name in (*required, *optional)}
    hint = ", ".join(f"{word} where {_WHAT[name]} goes" for word, name in allowed.items())

    def check(text: str) -> str:
        for found in _PLACEHOLDER.finditer(text):
            if found.group() not in allowed:
                raise PydanticCustomError(
                    "wording",
                    "{word} is not a word the book fills in; write {hint}",
                    {"word": found.group(), "hint": hint},
                )
        for name in required:
            if "{" + name + "}" not in text:
                raise PydanticCustomError(
                    "wording",
                    "write {word} where {what} goes: this sentence gives it",
                    {"word": "{" + name + "}", "what": _WHAT[name]},
                )
        return text

    return AfterValidator(check)


def holding(*required: str) -> AfterValidator:
    """A sentence of the wording that holds each of `required` ({names}), filled in where it
    is shown, and no other word: Annotated[str, TEXT, holding("names")]."""
    return _sentence(required)


def filled(sentence: str, **words: str) -> str:
    """A sentence of the rule book with its words filled in: filled(s, titles="Seizure")."""
    for name, value in words.items():
        sentence = sentence.replace("{" + name + "}", value)
    return sentence


Id = Annotated[str, Field(min_length=1, max_length=80)]  # the id's spelling is checked by the loader
SourceKey = Annotated[str, Field(min_length=1, max_length=40)]
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_no_placeholder)]
_TEXT = Field(min_length=1, max_length=4000)
TEXT = _TEXT  # the length every text of the book has
# Text a person may be told to call the emergency number in (the number filled in on loading).
NumberedText = Annotated[str, _TEXT, _sentence((), ("emergency_number",))]
# Text that gives the number itself ("call your local emergency number ({emergency_number})").
NumberText = Annotated[str, _TEXT, _sentence(("emergency_number",))]
# The line that keeps an emergency in view: the warning signs' names, and the number.
ReminderText = Annotated[str, _TEXT, _sentence(("titles", "emergency_number"))]
# A sentence that gives an emergency's one first step ("First: {first_step}").
FirstStepText = Annotated[str, _TEXT, _sentence(("first_step",))]
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

# A level a person reads by another name than the file's: the screens' and docs' "Soon: see a
# healthcare provider within the next few days" is `prompt`. A reviewer who writes the word
# they see (`urgency: soon`) is offered the file's word.
PERSON_WORDS = {"soon": Urgency.PROMPT}


def highest(urgencies: list[Urgency]) -> Urgency:
    return max(urgencies, key=lambda urgency: urgency.rank, default=Urgency.ROUTINE)
