"""A yes/no finding: reported, not reported, or not sure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from metasymptoms.core.kinds_base import (
    UNSURE,
    Answer,
    BadAnswer,
    FindingLike,
    Kind,
    no_words,
    yes_no_unsure,
)
from metasymptoms.core.model_base import filled
from metasymptoms.core.safetext import quoted

if TYPE_CHECKING:
    from metasymptoms.core.wording_answers import AnswerWords


class YesNo(Kind):
    name = "yes_no"
    words = "a yes/no finding"
    unasked = False
    tested_by = frozenset({"reported"})
    reports = True
    shared_codes = True
    fhir_values = ("valueCoding", "valueBoolean")

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        said = yes_no_unsure(raw)
        if said is None:
            raise BadAnswer(f"'{finding.id}' takes yes, no or unsure (not sure), not {quoted(raw)}")
        return said

    def text(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        return words.answer_yes if value is True else words.answer_no if value is False else words.not_sure

    def options(
        self, finding: FindingLike, words: AnswerWords, *, offer_unsure: bool
    ) -> list[tuple[str, str]]:
        options = [(words.answer_no, "no"), (words.answer_yes, "yes")]
        return options + [(words.offer_not_sure, UNSURE)] if offer_unsure else options

    def option_of(self, value: Answer) -> str:
        return "yes" if value is True else "no" if value is False else UNSURE

    def default_option(self, finding: FindingLike) -> str:
        return "no"

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        return ["yes", "no"]

    def describe(self, finding: FindingLike) -> str:
        return "yes/no"

    def representatives(self, finding: FindingLike, cuts: Sequence[float]) -> list[Answer | None]:
        return [True, False, UNSURE]  # not given is "no": a yes/no finding is never unset

    def value_words(
        self, finding: FindingLike, values: Sequence[Answer | None], domain: Sequence[Any]
    ) -> str:
        label = finding.label
        if set(values) == {False, UNSURE}:  # a label that is itself a "not" is not negated twice
            return (
                f"{label}: no, or not sure" if label.startswith("not ") else f"not {label} (no, or not sure)"
            )
        if set(values) == {True, UNSURE}:
            return f"{label} (yes, or not sure)"
        if values[0] is True:
            return label
        return no_words(label) if values[0] is False else f"not sure about {label}"

    def answer_words(self, finding: FindingLike) -> str:
        return "yes or no"

    def said(self, finding: FindingLike, value: Answer | None, words: AnswerWords) -> str | None:
        if value is True:
            return finding.label
        return filled(words.finding_not_sure, finding=finding.label) if value == UNSURE else None

    def how_to_test(self, finding: str, choices: Sequence[str]) -> str:
        return f"write '{finding}' or '{finding}: no'"

    def problems(self, finding: FindingLike) -> list[tuple[str, str]]:
        if finding.choices:
            return [
                (
                    "choices",
                    f"'{finding.id}' is a yes/no finding, so it takes no choices; remove them or set 'type: choice'",
                )
            ]
        return self.no_number_fields(finding)
