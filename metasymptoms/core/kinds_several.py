"""A 'which of these' finding: any number of its choices at once, none of them, or not sure."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from metasymptoms.core.kinds_base import (
    UNSURE,
    UNSURE_SPELLINGS,
    YES_WORDS,
    Answer,
    BadAnswer,
    FindingLike,
    Kind,
    reported,
    yes_no_unsure,
)
from metasymptoms.core.model_base import filled
from metasymptoms.core.safetext import quoted

if TYPE_CHECKING:
    from metasymptoms.core.wording_answers import AnswerWords

MOST_OF_SEVERAL = 5  # choices of a "which of these" finding: 31 combinations for the proofs


class Several(Kind):
    """ "Which of these": any number of the finding's choices at once, none of them, or not
    sure. A condition reads the bare id as "any of them" and `finding: [values]` as "any of
    these"; the clinician's summary says which."""

    name = "several"
    words = "a 'which of these' finding"
    unasked = False  # as a yes/no finding: not asked is none of them
    tested_by = frozenset({"reported", "values"})
    reports = True  # `yes` in an answers file: one or more of them, not said which
    repeats = True
    _NONE = frozenset({"none", "0"})

    def values(self, finding: FindingLike) -> list[str]:
        return [choice.value for choice in finding.choices]

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        said = yes_no_unsure(raw)  # "yes": any of them, not said which
        if said is not None:
            return said
        if isinstance(raw, str):
            if raw.strip().lower() in self._NONE:
                return False
            raw = [raw]
        values = self.values(finding)
        how = f"a list of its choices ({', '.join(values)}), or none, yes or unsure"
        if isinstance(raw, (list, tuple)) and raw and all(isinstance(item, str) for item in raw):
            alone = [
                item for item in raw if item.strip().lower() in self._NONE or yes_no_unsure(item) is not None
            ]
            if alone and len(raw) == 1:
                return self.parse(finding, alone[0])  # [none]: none of them
            if alone:  # "none" is an answer, but not with the choices: say which to keep
                raise BadAnswer(
                    f"{quoted(alone[0])} cannot go in a list with other answers; write "
                    f"'{finding.id}: {alone[0]}' on its own, or a list of only the choices that apply "
                    f"({', '.join(values)})"
                )
            wrong = [item for item in raw if item not in values]
            if not wrong:
                return tuple(value for value in values if value in raw)  # in the choices' order
            from metasymptoms.core.suggest import close_match

            raise BadAnswer(
                f"{quoted(wrong[0])} is not a choice of '{finding.id}'{close_match(wrong[0], values)}; give {how}"
            )
        raise BadAnswer(f"'{finding.id}' takes {how}, not {quoted(raw)}")

    def text(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        if isinstance(value, tuple):
            texts = {choice.value: choice.text for choice in finding.choices}
            return words.which_between.join(texts.get(item, item) for item in value)
        if value is True:
            return words.yes_not_said_which
        return words.none_of_these if value is False else words.not_sure

    def from_option(self, finding: FindingLike, option: str) -> Answer:
        """Typed: the numbers of those that apply ("1 3"), 0 or none for none of them, u for
        not sure; the web's checkboxes send their values, which are read the same way."""
        if option.strip().lower() in {"u", *UNSURE_SPELLINGS}:
            return UNSURE
        if option.strip().lower() in YES_WORDS:  # some of them, not said which (an answers file's yes)
            return True
        words = ["0" if word == "none" else word for word in option.replace(",", " ").split()]
        values = self.values(finding)
        numbered = {str(at): value for at, value in enumerate(values, 1)}
        if words and all(word in numbered or word in values or word == "0" for word in words):
            picked = {numbered.get(word, word) for word in words if word != "0"}
            if picked and "0" in words:
                raise BadAnswer(f"'{finding.id}': none of these with one of them", refusal="mixed")
            return tuple(value for value in values if value in picked) or False
        raise BadAnswer(f"'{finding.id}': not the numbers of its choices", refusal="numbers")

    def typed_lines(self, finding: FindingLike) -> list[str]:
        return [f"  {at}. {choice.text}" for at, choice in enumerate(finding.choices, 1)]

    def checkboxes(
        self, finding: FindingLike, words: AnswerWords
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
        return [(choice.text, choice.value) for choice in finding.choices], [
            (words.none_of_these, "none"),
            (words.offer_not_sure, UNSURE),
        ]

    def codes(self, finding: FindingLike, words: AnswerWords, *, offer_unsure: bool) -> list[tuple[str, str]]:
        first, alone = self.checkboxes(finding, words)  # type: ignore[misc]
        return first + alone

    def other_answers(self, finding: FindingLike, was: Answer | None, words: AnswerWords) -> list[Answer]:
        # As the rules read it where they name none: any of them (yes) or none. Which ones
        # is for the clinician, not for the teaching.
        return [False] if reported(was) else [True, False] if was is None else [True]

    def option_of(self, value: Answer) -> str:
        if isinstance(value, (tuple, list)):
            return " ".join(value)  # the values: read back, they give the same answer
        return "yes" if value is True else "none" if value is False else str(value)  # "unsure"

    def typed_option(self, finding: FindingLike, value: Answer) -> str:
        # The choices' numbers ("1 3"), as the question asks them typed: a screen reader says
        # two short words, never the ids ("wakes_at_night") nor the list again.
        numbers = {choice.value: str(at) for at, choice in enumerate(finding.choices, 1)}
        return " ".join(numbers.get(word, word) for word in self.option_of(value).split())

    def default_option(self, finding: FindingLike) -> str:
        return "none"  # as a yes/no question's Enter is "no" (a blank is never read as none)

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        return []

    def describe(self, finding: FindingLike) -> str:
        return "which of these: " + ", ".join(self.values(finding))

    def answer_words(self, finding: FindingLike) -> str:
        return (
            "any of: "
            + ", ".join(f"{c.value} ({c.text})" for c in finding.choices)
            + "; or none, or not sure"
        )

    def phrase(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        if isinstance(value, tuple):
            return filled(words.finding_which, finding=finding.label, which=self.text(finding, value, words))
        return finding.label

    def said(self, finding: FindingLike, value: Answer | None, words: AnswerWords) -> str | None:
        if isinstance(value, tuple) or value is True:
            return self.phrase(finding, value, words)
        return filled(words.finding_not_sure, finding=finding.label) if value == UNSURE else None

    def representatives(self, finding: FindingLike, cuts: Sequence[float]) -> list[Answer | None]:
        # Every combination, since a rule may name any of them (problems keeps them few).
        # Not yes-without-which: only an answers file says it, and the proofs walk the questions.
        values = self.values(finding)
        combinations = [
            combo for size in range(1, len(values) + 1) for combo in itertools.combinations(values, size)
        ]
        return [False, UNSURE, *combinations]

    def value_words(
        self, finding: FindingLike, values: Sequence[Answer | None], domain: Sequence[Any]
    ) -> str:
        # In the reviewers' English, as `rules diff` says everything (the person's answers
        # are told in the book's words: text()).
        texts = {choice.value: choice.text for choice in finding.choices}
        said = {True: "Yes (not said which)", False: "None of these", UNSURE: "Not sure"}
        return f"{finding.label}: " + " or ".join(
            "; ".join(texts[item] for item in value) if isinstance(value, tuple) else said[value]
            for value in values
            if value is not None
        )

    def how_to_test(self, finding: str, choices: Sequence[str]) -> str:
        return f"write '{finding}' (any of them), '{finding}: no', or list the choices that count"

    def problems(self, finding: FindingLike) -> list[tuple[str, str]]:
        if not finding.choices:
            return [
                ("type", f"'{finding.id}' is a 'which of these' finding but lists no choices; add 'choices:'")
            ]
        if len(finding.choices) > MOST_OF_SEVERAL:
            return [
                (
                    "choices",
                    f"'{finding.id}' lists {len(finding.choices)} choices; a 'which of these' finding takes at "
                    f"most {MOST_OF_SEVERAL} (rules verify tries every combination of them)",
                )
            ]
        return self.no_number_fields(finding)
