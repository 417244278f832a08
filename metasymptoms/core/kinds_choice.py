"""A choice finding: one of the finding's own choices (a history of cancer: none, now, earlier)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from metasymptoms.core.kinds_base import (
    Answer,
    BadAnswer,
    FindingLike,
    Kind,
)
from metasymptoms.core.safetext import quoted

if TYPE_CHECKING:
    from metasymptoms.core.wording_answers import AnswerWords


class Choice(Kind):
    name = "choice"
    words = "a choice finding"
    tested_by = frozenset({"values"})
    told_as = "context"

    def values(self, finding: FindingLike) -> list[str]:
        return [choice.value for choice in finding.choices]

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        values = self.values(finding)
        if isinstance(raw, str) and raw in values:
            return raw
        from metasymptoms.core.suggest import close_match

        raise BadAnswer(
            f"{quoted(raw)} is not a choice of '{finding.id}'{close_match(str(raw)[:100], values)}; "
            f"its choices are {', '.join(values)}"
        )

    def text(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        return next((choice.text for choice in finding.choices if choice.value == value), str(value))

    def options(
        self, finding: FindingLike, words: AnswerWords, *, offer_unsure: bool
    ) -> list[tuple[str, str]]:
        return [(choice.text, choice.value) for choice in finding.choices]

    def default_option(self, finding: FindingLike) -> str:
        return finding.choices[0].value

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        return self.values(finding)

    def describe(self, finding: FindingLike) -> str:
        return "choice: " + ", ".join(self.values(finding))

    def representatives(self, finding: FindingLike, cuts: Sequence[float]) -> list[Answer | None]:
        # A question asked is always answered: "not given" is only for a finding no question
        # asks, and the proofs give that one its unasked value themselves.
        return list(self.values(finding))

    def phrase(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        return f'"{self.text(finding, value, words)}"'

    def value_words(
        self, finding: FindingLike, values: Sequence[Answer | None], domain: Sequence[Any]
    ) -> str:
        texts = {choice.value: choice.text for choice in finding.choices}
        others = [value for value in domain if value not in values]
        if len(others) == 1 and len(values) > 1:
            return f'{finding.label}: anything but "{texts.get(str(others[0]), others[0])}"'
        said = [f'"{texts.get(str(value), value)}"' for value in values]
        return f"{finding.label}: {' or '.join(said)}"

    def answer_words(self, finding: FindingLike) -> str:
        return "one of: " + ", ".join(f"{choice.value} ({choice.text})" for choice in finding.choices)

    def how_to_test(self, finding: str, choices: Sequence[str]) -> str:
        return "list the choices that count"

    def bare_problem(self, finding: str, choices: Sequence[str]) -> str:
        if not choices:  # none to give as an example (a finding written without them)
            return f"'{finding}' is a choice finding; name the choices that count, for example '{finding}: [...]'"
        return (
            f"'{finding}' is a choice finding; name the choices that count, "
            f"for example '{finding}: [{choices[0]}]' (its choices: {', '.join(choices)})"
        )

    def problems(self, finding: FindingLike) -> list[tuple[str, str]]:
        if not finding.choices:
            return [("type", f"'{finding.id}' is a choice finding but lists no choices; add 'choices:'")]
        return self.no_number_fields(finding)
