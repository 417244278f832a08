"""What every kind of finding shares: the answers, the shape of a kind, and the words for them.

A finding's kind decides how it is asked, how an answers file spells its value, how an
answer reads on screen, which values a condition may test, and which values `rules verify`
must try. Each kind is one class (kinds_yes_no.py, kinds_choice.py, kinds_several.py,
kinds_number.py), all of them listed in kinds.py, and every other module asks the kind
instead of branching on it, so a new kind is one new class.

Answers, as the person gave them:
- yes/no: True, False, or UNSURE ("not sure": never read as "no" for a warning sign);
- choice: one of the finding's choice values (a choice whose value is "unsure" means the
  person does not know which of the others is true);
- number: a float in the finding's unit and plausible range. Not measured is not given;
- several ("which of these"): a tuple of the choice values that apply, in the choices'
  order; False for none of them, UNSURE for not sure, and True for an answers file's `yes`
  that does not say which (read as "any of them": a rule naming one may hold).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

if TYPE_CHECKING:  # the kinds are given the book's words; they read no file themselves
    from metasymptoms.core.wording_answers import AnswerWords

# None is "not given": a number asked and left out (not measured), in the answers as any other.
Answer = bool | str | float | tuple[str, ...] | None

UNSURE = "unsure"  # "not sure", in answers files and in the answers themselves
UNSURE_SPELLINGS = frozenset({"unsure", "not sure", "not_sure", "don't know", "dont know", "?"})
YES_WORDS = frozenset({"yes", "true", "y"})
_NO_WORDS = frozenset({"no", "false", "n"})


def yes_no_unsure(raw: object) -> Answer | None:
    """True, False or UNSURE for an answers file's yes/no/unsure (a bool or its words), else None."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in YES_WORDS:
            return True
        if word in _NO_WORDS:
            return False
        if word in UNSURE_SPELLINGS:
            return UNSURE
    return None


class ChoiceLike(Protocol):
    @property
    def value(self) -> str: ...
    @property
    def text(self) -> str: ...


class FindingLike(Protocol):
    """What a kind needs to know of a finding (model.Finding, or raw data while loading).
    Read-only properties, so that a frozen model satisfies it."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def choices(self) -> Sequence[ChoiceLike]: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def minimum(self) -> float | None: ...
    @property
    def maximum(self) -> float | None: ...


class BadAnswer(ValueError):
    """A value that is not an answer to this finding; the message is a complete clause, for
    an answers file's author. `refusal`: where the answer was typed or ticked by a person,
    why it was refused ("numbers", "mixed"), said in the rule book's words
    (`wording.which_of_these`); None where the questions say what to type themselves."""

    def __init__(self, message: str, refusal: str | None = None) -> None:
        super().__init__(message)
        self.refusal = refusal


class Kind:
    """One kind of finding. Subclasses say how it behaves everywhere."""

    name: ClassVar[str]
    words: ClassVar[str]  # the kind in a reviewer's message: "a yes/no finding"
    # The answer a finding has when no question asks it (skipped by its ask_if, or asked by
    # no question at all): a yes/no finding is not reported; any other is not given (None).
    unasked: ClassVar[Answer | None] = None
    # How a condition may test it: "reported" (`finding`, `finding: no`), "values" (`finding:
    # [a, b]`), "range" (`finding: {at_least: 37.5}`).
    tested_by: ClassVar[frozenset[str]]
    # Whether yes (True) is an answer of this kind: a symptom a person feels, ticked on the
    # what-if board, and the only kind another finding may imply.
    reports: ClassVar[bool] = False
    # Whether an answer is a measurement, told with its value ("temperature: 38.4 °C").
    measured: ClassVar[bool] = False
    # Whether a typed answer left blank is "not given" (a number not measured).
    may_leave_out: ClassVar[bool] = False
    # How "because ..." tells an answer: "symptom" (you reported ...), "context" (you
    # answered "..."), "measured" (you gave ...).
    told_as: ClassVar[str] = "symptom"
    # FHIR: whether every finding of this kind shares one code system (yes/no/not sure), and
    # which value[x] an answer may come as.
    shared_codes: ClassVar[bool] = False
    fhir_values: ClassVar[tuple[str, ...]] = ("valueCoding",)
    fhir_wanted: ClassVar[str] = "a code (valueCoding)"
    repeats: ClassVar[bool] = False  # FHIR: an answer may hold several codes

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        """An answers file's value, or BadAnswer."""
        raise NotImplementedError

    def text(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        """How an answer reads on screen and in summaries, in the book's `words`."""
        raise NotImplementedError

    def options(
        self, finding: FindingLike, words: AnswerWords, *, offer_unsure: bool
    ) -> list[tuple[str, str]] | None:
        """(label, value) to choose from, or None when the answer is typed."""
        return None

    def from_option(self, finding: FindingLike, option: str) -> Answer:
        """The answer a chosen or typed option stands for (raises BadAnswer for typed text)."""
        return self.parse(finding, option)

    def option_of(self, value: Answer) -> str:
        """The option that gives this answer (to start a changed answer where it was)."""
        return str(value)

    def typed_option(self, finding: FindingLike, value: Answer) -> str:
        """An earlier answer as it is typed, for Enter to keep (the plain questions)."""
        return self.option_of(value)

    def default_option(self, finding: FindingLike) -> str:
        raise NotImplementedError

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        raise NotImplementedError

    def typed_lines(self, finding: FindingLike) -> list[str]:
        """What a typed answer's prompt lists before the answer is typed (none by default):
        a "which of these" question's numbered choices."""
        return []

    def checkboxes(
        self, finding: FindingLike, words: AnswerWords
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
        """A web page's checkbox group, where several may be chosen at once (None: a kind
        that is not): (label, value) of the choices, then of the answers that go alone. The
        values ticked, joined by spaces, go to `from_option`."""
        return None

    def codes(self, finding: FindingLike, words: AnswerWords, *, offer_unsure: bool) -> list[tuple[str, str]]:
        """(label, code) of each answer a FHIR form offers: the question's options (none for
        a number)."""
        return self.options(finding, words, offer_unsure=offer_unsure) or []

    def other_answers(self, finding: FindingLike, was: Answer | None, words: AnswerWords) -> list[Answer]:
        """The answers a demo's "what would change" tries instead of `was`: the question's
        own options (a typed number offers none: the demo does not invent values)."""
        options = self.options(finding, words, offer_unsure=False) or []
        return [
            answer for answer in (self.from_option(finding, value) for _, value in options) if answer != was
        ]

    def describe(self, finding: FindingLike) -> str:
        """The kind in a reviewer's words, for the rule-book document."""
        raise NotImplementedError

    def phrase(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        """One answer as it is told back in a sentence ("because you reported ..."): the
        finding's label; a choice by the answer chosen, quoted."""
        return finding.label

    def problems(self, finding: FindingLike) -> list[tuple[str, str]]:
        """(field, message) for a finding written wrongly for this kind."""
        return []

    def representatives(self, finding: FindingLike, cuts: Sequence[float]) -> list[Answer | None]:
        """One answer for each group of answers the rules cannot tell apart, for the proofs
        of `rules verify` and `rules diff` (None: not given). `cuts`: the values of a number
        where a condition's outcome can change (reviewing.space.number_cuts)."""
        raise NotImplementedError

    def value_words(
        self, finding: FindingLike, values: Sequence[Answer | None], domain: Sequence[Any]
    ) -> str:
        """Some of the representatives (in their order) in a reviewer's words, for `rules
        diff`: "no back pain", 'history: "Now" or "Earlier"'. `domain`: every representative."""
        raise NotImplementedError

    def answer_words(self, finding: FindingLike) -> str:
        """What an answer may be, for `rules show`."""
        raise NotImplementedError

    def said(self, finding: FindingLike, value: Answer | None, words: AnswerWords) -> str | None:
        """An answer a handover tells by the finding's own words ("new back pain (not
        sure)"), or None where the label and the answer are told apart."""
        return None

    def how_to_test(self, finding: str, choices: Sequence[str]) -> str:
        """How a condition tests a finding of this kind, for a message that says it was
        tested the wrong way."""
        raise NotImplementedError

    def bare_problem(self, finding: str, choices: Sequence[str]) -> str:
        """The message for a condition naming the finding alone, where this kind cannot be
        read as reported or not."""
        return f"'{finding}' is {self.words}; {self.how_to_test(finding, choices)}"

    def no_number_fields(self, finding: FindingLike) -> list[tuple[str, str]]:
        """A number's fields (unit, minimum, maximum) on a finding of another kind."""
        return [
            (name, f"'{name}' is only for number findings; '{finding.id}' is {self.words}")
            for name in ("unit", "minimum", "maximum")
            if getattr(finding, name) is not None
        ]


def reported(value: object) -> bool:
    """Whether an answer reports its finding: yes, or one or more of "which of these"."""
    return value is True or (isinstance(value, tuple) and bool(value))


def names_any(value: object, named: Sequence[str]) -> bool | None:
    """Whether a "which of these" answer (the ones chosen, or yes) is one of `named`, where
    it can be said: the ones chosen, any of them; a yes that does not say which may be one
    (unknown)."""
    return any(item in named for item in value) if isinstance(value, tuple) else None


def no_words(label: str) -> str:
    """A finding not reported, in words: "no back pain", "no temperature of 37.5 °C ..." (not
    "no a temperature"), "not the ..." where an article cannot be dropped, "not passing stool
    or wind: no" where the label is itself a "not"."""
    if label.startswith("not "):  # "not being able to keep fluids down": never "no not ..."
        return f"{label}: no"
    for article in ("a ", "an "):
        if label.startswith(article):
            return f"no {label[len(article) :]}"
    return f"not {label}" if label.startswith(("the ", "your ")) else f"no {label}"
