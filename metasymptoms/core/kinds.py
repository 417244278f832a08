"""The kinds of finding (yes/no, choice, number): everything that depends on a finding's kind.

A finding's kind decides how it is asked, how an answers file spells its value, how an
answer reads on screen, which values a condition may test, and which values `rules verify`
must try. Each kind is one class here, and every other module asks the kind instead of
branching on it, so a new kind is one new class.

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

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from metasymptoms.core.safetext import quoted

# None is "not given": a number asked and left out (not measured), in the answers as any other.
Answer = bool | str | float | tuple[str, ...] | None

MOST_OF_SEVERAL = 5  # choices of a "which of these" finding: 31 combinations for the proofs
UNSURE = "unsure"  # "not sure", in answers files and in the answers themselves
UNSURE_SPELLINGS = frozenset({"unsure", "not sure", "not_sure", "don't know", "dont know", "?"})
_YES = frozenset({"yes", "true", "y"})
_NO = frozenset({"no", "false", "n"})


def _yes_no_unsure(raw: object) -> Answer | None:
    """True, False or UNSURE for an answers file's yes/no/unsure (a bool or its words), else None."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
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
    """A value that is not an answer to this finding; the message is a complete clause."""


@dataclass(frozen=True)
class Unit:
    symbol: str  # shown after a number: "°C"
    words: str  # how the unit is named in a sentence
    other: tuple[str, ...] = ()  # other spellings accepted, converted (e.g. "F")


UNITS: dict[str, Unit] = {
    "celsius": Unit("°C", "degrees Celsius", ("F", "°F", "fahrenheit")),
    "times_in_24_hours": Unit("times in 24 hours", "times in the last 24 hours"),
}


def fahrenheit_to_celsius(value: float) -> float:
    return round((value - 32) * 5 / 9, 1)


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
    # Whether a refused typed answer is told by the kind's own message (else the questions
    # say what to type for a number).
    says_refusal: ClassVar[bool] = False

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        """An answers file's value, or BadAnswer."""
        raise NotImplementedError

    def text(self, finding: FindingLike, value: Answer) -> str:
        """How an answer reads on screen and in summaries."""
        raise NotImplementedError

    def options(self, finding: FindingLike, *, offer_unsure: bool) -> list[tuple[str, str]] | None:
        """(label, value) to choose from, or None when the answer is typed."""
        return None

    def from_option(self, finding: FindingLike, option: str) -> Answer:
        """The answer a chosen or typed option stands for (raises BadAnswer for typed text)."""
        return self.parse(finding, option)

    def option_of(self, value: Answer) -> str:
        """The option that gives this answer (to start a changed answer where it was)."""
        return str(value)

    def default_option(self, finding: FindingLike) -> str:
        raise NotImplementedError

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        raise NotImplementedError

    def typed_lines(self, finding: FindingLike) -> list[str]:
        """What a typed answer's prompt lists before the answer is typed (none by default)."""
        return []

    def checkboxes(self, finding: FindingLike) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
        """A web page's checkbox group, where several may be chosen at once (None: a kind
        that is not): (label, value) of the choices, then of the answers that go alone. The
        values ticked, joined by spaces, go to `from_option`."""
        return None

    def codes(self, finding: FindingLike, *, offer_unsure: bool) -> list[tuple[str, str]]:
        """(label, code) of each answer a FHIR form offers: the question's options (none for
        a number)."""
        return self.options(finding, offer_unsure=offer_unsure) or []

    def other_answers(self, finding: FindingLike, was: Answer | None) -> list[Answer]:
        """The answers a demo's "what would change" tries instead of `was`: the question's
        own options (a typed number offers none: the demo does not invent values)."""
        options = self.options(finding, offer_unsure=False) or []
        return [
            answer for answer in (self.from_option(finding, value) for _, value in options) if answer != was
        ]

    def describe(self, finding: FindingLike) -> str:
        """The kind in a reviewer's words, for the rule-book document."""
        raise NotImplementedError

    def phrase(self, finding: FindingLike, value: Answer) -> str:
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

    def said(self, finding: FindingLike, value: Answer | None) -> str | None:
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


class YesNo(Kind):
    name = "yes_no"
    words = "a yes/no finding"
    unasked = False
    tested_by = frozenset({"reported"})
    reports = True
    shared_codes = True
    fhir_values = ("valueCoding", "valueBoolean")

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        said = _yes_no_unsure(raw)
        if said is None:
            raise BadAnswer(f"'{finding.id}' takes yes, no or unsure (not sure), not {quoted(raw)}")
        return said

    def text(self, finding: FindingLike, value: Answer) -> str:
        return "Yes" if value is True else "No" if value is False else "Not sure"

    def options(self, finding: FindingLike, *, offer_unsure: bool) -> list[tuple[str, str]]:
        options = [("No", "no"), ("Yes", "yes")]
        return options + [("I'm not sure", UNSURE)] if offer_unsure else options

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
        if set(values) == {False, UNSURE}:
            return f"not {label} (no, or not sure)"
        if set(values) == {True, UNSURE}:
            return f"{label} (yes, or not sure)"
        if values[0] is True:
            return label
        return no_words(label) if values[0] is False else f"not sure about {label}"

    def answer_words(self, finding: FindingLike) -> str:
        return "yes or no"

    def said(self, finding: FindingLike, value: Answer | None) -> str | None:
        if value is True:
            return finding.label
        return f"{finding.label} (not sure)" if value == UNSURE else None

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
        return _no_number_fields(finding)


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

    def text(self, finding: FindingLike, value: Answer) -> str:
        return next((choice.text for choice in finding.choices if choice.value == value), str(value))

    def options(self, finding: FindingLike, *, offer_unsure: bool) -> list[tuple[str, str]]:
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

    def phrase(self, finding: FindingLike, value: Answer) -> str:
        return f'"{self.text(finding, value)}"'

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
        return (
            f"'{finding}' is a choice finding; name the choices that count, "
            f"for example '{finding}: [{choices[0] if choices else '...'}]' (its choices: {', '.join(choices)})"
        )

    def problems(self, finding: FindingLike) -> list[tuple[str, str]]:
        if not finding.choices:
            return [("type", f"'{finding.id}' is a choice finding but lists no choices; add 'choices:'")]
        return _no_number_fields(finding)


class Several(Kind):
    """ "Which of these": any number of the finding's choices at once, none of them, or not
    sure. A condition reads the bare id as "any of them" and `finding: [values]` as "any of
    these"; the clinician's summary says which."""

    name = "several"
    words = "a 'which of these' finding"
    unasked = False  # as a yes/no finding: not asked is none of them
    tested_by = frozenset({"reported", "values"})
    reports = True  # `yes` in an answers file: one or more of them, not said which
    says_refusal = True
    repeats = True
    _NONE = frozenset({"none", "0"})

    def values(self, finding: FindingLike) -> list[str]:
        return [choice.value for choice in finding.choices]

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        said = _yes_no_unsure(raw)  # "yes": any of them, not said which
        if said is not None:
            return said
        if isinstance(raw, str):
            if raw.strip().lower() in self._NONE:
                return False
            raw = [raw]
        values = self.values(finding)
        how = f"a list of its choices ({', '.join(values)}), or none, yes or unsure"
        if isinstance(raw, (list, tuple)) and raw and all(isinstance(item, str) for item in raw):
            wrong = [item for item in raw if item not in values]
            if not wrong:
                return tuple(value for value in values if value in raw)  # in the choices' order
            from metasymptoms.core.suggest import close_match

            raise BadAnswer(
                f"{quoted(wrong[0])} is not a choice of '{finding.id}'{close_match(wrong[0], values)}; give {how}"
            )
        raise BadAnswer(f"'{finding.id}' takes {how}, not {quoted(raw)}")

    def text(self, finding: FindingLike, value: Answer) -> str:
        if isinstance(value, tuple):
            texts = {choice.value: choice.text for choice in finding.choices}
            return "; ".join(texts.get(item, item) for item in value)
        if value is True:
            return "Yes (not said which)"
        return "None of these" if value is False else "Not sure"

    def from_option(self, finding: FindingLike, option: str) -> Answer:
        """Typed: the numbers of those that apply ("1 3"), 0 or none for none of them, u for
        not sure; the web's checkboxes send their values, which are read the same way."""
        if option.strip().lower() in {"u", *UNSURE_SPELLINGS}:
            return UNSURE
        if option.strip().lower() in _YES:  # some of them, not said which (an answers file's yes)
            return True
        words = ["0" if word == "none" else word for word in option.replace(",", " ").split()]
        values = self.values(finding)
        numbered = {str(at): value for at, value in enumerate(values, 1)}
        if words and all(word in numbered or word in values or word == "0" for word in words):
            picked = {numbered.get(word, word) for word in words if word != "0"}
            if picked and "0" in words:
                raise BadAnswer("None of these cannot go with one of them: choose one or the other")
            return tuple(value for value in values if value in picked) or False
        raise BadAnswer(
            f"Type the numbers of those that apply (1 to {len(values)}), 0 for none of these, "
            "or u if you are not sure"
        )

    def typed_lines(self, finding: FindingLike) -> list[str]:
        numbered = [f"  {at}. {choice.text}" for at, choice in enumerate(finding.choices, 1)]
        return [
            *numbered,
            "Type the numbers of all that apply (for example 1 3), 0 or Enter alone for none of these, u if you are not sure",
        ]

    def checkboxes(self, finding: FindingLike) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
        return [(choice.text, choice.value) for choice in finding.choices], [
            ("None of these", "none"),
            ("I'm not sure", UNSURE),
        ]

    def codes(self, finding: FindingLike, *, offer_unsure: bool) -> list[tuple[str, str]]:
        first, alone = self.checkboxes(finding)  # type: ignore[misc]
        return first + alone

    def other_answers(self, finding: FindingLike, was: Answer | None) -> list[Answer]:
        # As the rules read it where they name none: any of them (yes) or none. Which ones
        # is for the clinician, not for the teaching.
        return [False] if reported(was) else [True, False] if was is None else [True]

    def option_of(self, value: Answer) -> str:
        if isinstance(value, (tuple, list)):
            return " ".join(value)  # the values: read back, they give the same answer
        return "yes" if value is True else "none" if value is False else str(value)  # "unsure"

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

    def phrase(self, finding: FindingLike, value: Answer) -> str:
        return f"{finding.label} ({self.text(finding, value)})" if isinstance(value, tuple) else finding.label

    def said(self, finding: FindingLike, value: Answer | None) -> str | None:
        if isinstance(value, tuple) or value is True:
            return self.phrase(finding, value)
        return f"{finding.label} (not sure)" if value == UNSURE else None

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
        return f"{finding.label}: " + " or ".join(
            self.text(finding, value) for value in values if value is not None
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
        return _no_number_fields(finding)


def reported(value: object) -> bool:
    """Whether an answer reports its finding: yes, or one or more of "which of these"."""
    return value is True or (isinstance(value, tuple) and bool(value))


def names_any(value: object, named: Sequence[str]) -> bool | None:
    """Whether a "which of these" answer is one of `named`, where it can be said: the
    ones chosen, any of them; a yes that does not say which may be one (unknown)."""
    if isinstance(value, tuple):
        return any(item in named for item in value)
    return None if value is True else value in named


class Number(Kind):
    name = "number"
    words = "a number finding"
    tested_by = frozenset({"range"})
    measured = True
    may_leave_out = True
    told_as = "measured"
    fhir_values = ("valueDecimal", "valueInteger")
    fhir_wanted = "a number (valueDecimal)"
    # A decimal point or comma: "38,4" is how much of the world writes 38.4.
    _WITH_UNIT = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(°?\s*[A-Za-z]*)\s*$")

    def unit(self, finding: FindingLike) -> Unit:
        return UNITS[finding.unit or ""]

    def parse(self, finding: FindingLike, raw: Any) -> Answer:
        unit = self.unit(finding)
        low, high = finding.minimum, finding.maximum
        assert low is not None and high is not None  # the loader makes sure
        value: float | None = None
        if isinstance(raw, str) and raw.strip().lower() in UNSURE_SPELLINGS - {"?"}:
            return UNSURE  # e.g. "lots, I did not count": read as unknown, so the higher grade holds
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            value = float(raw) if abs(raw) < 1e9 else math.inf
        elif isinstance(raw, str):
            match = self._WITH_UNIT.match(raw)
            if match:
                number, written = float(match.group(1).replace(",", ".")), match.group(2).replace(" ", "")
                if written in (
                    "",
                    unit.symbol,
                    unit.symbol.lstrip("°"),
                    "C" if finding.unit == "celsius" else "",
                ):
                    value = number
                elif written.lower() in {spelling.lower() for spelling in unit.other}:
                    value = fahrenheit_to_celsius(number)
        if value is None or not math.isfinite(value):
            raise BadAnswer(f"'{finding.id}' takes a number in {unit.words}, or unsure, not {quoted(raw)}")
        if not low <= value <= high:
            hint = ""
            if finding.unit == "celsius" and 86 <= value <= 113:
                hint = f"; for Fahrenheit write '{raw} F'"
            raise BadAnswer(
                f"'{finding.id}' is {_number(value)} {unit.symbol}, outside {_number(low)} to "
                f"{_number(high)} {unit.symbol}{hint}"
            )
        return value

    def text(self, finding: FindingLike, value: Answer) -> str:
        if value == UNSURE:
            return "Not sure"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        shown = f"{_number(value)} {self.unit(finding).symbol}"
        if finding.unit == "celsius":
            shown += f" ({_number(round(value * 9 / 5 + 32, 1))} °F)"
        return shown

    def default_option(self, finding: FindingLike) -> str:
        return ""  # Enter: not measured, not given

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        return []

    def option_of(self, value: Answer) -> str:
        return _number(value) if isinstance(value, float) else str(value)

    def describe(self, finding: FindingLike) -> str:
        return "number"

    def representatives(self, finding: FindingLike, cuts: Sequence[float]) -> list[Answer | None]:
        """The lowest value of each interval the cuts make within the plausible range, then
        not measured and not sure."""
        low, high = finding.minimum, finding.maximum
        assert low is not None and high is not None  # the loader makes sure
        inside = sorted({float(cut) for cut in cuts if low < cut <= high})
        return [float(low), *inside, None, UNSURE]

    def value_words(
        self, finding: FindingLike, values: Sequence[Answer | None], domain: Sequence[Any]
    ) -> str:
        parts = []
        for value in values:
            if value is None:
                parts.append("not measured")
                continue
            if value == UNSURE:
                parts.append("not sure")
                continue
            # The domain is the cuts in order, then "not measured" and "not sure": a cut's
            # upper bound is the next cut, if there is one.
            index = list(domain).index(value)
            following = domain[index + 1] if index + 1 < len(domain) else None
            upper = (
                following if isinstance(following, (int, float)) and not isinstance(following, bool) else None
            )
            parts.append(f"{value:g} or more" + (f" but below {upper:g}" if upper is not None else ""))
        return f"{finding.label} {' or '.join(parts)}"

    def answer_words(self, finding: FindingLike) -> str:
        return f"a number in {self.unit(finding).words}, {_number(finding.minimum)} to {_number(finding.maximum)}"

    def how_to_test(self, finding: str, choices: Sequence[str]) -> str:
        return f"say which values count, for example '{finding}: {{at_least: 37.5}}' or '{{below: 36}}'"

    def bare_problem(self, finding: str, choices: Sequence[str]) -> str:
        return f"'{finding}' is a number finding; say which values count, for example '{finding}: {{at_least: 37.5}}'"

    def problems(self, finding: FindingLike) -> list[tuple[str, str]]:
        found = []
        if finding.choices:
            found.append(("choices", f"'{finding.id}' is a number finding, so it takes no choices"))
        if finding.unit not in UNITS:
            found.append(
                ("type", f"'{finding.id}' is a number finding; give its 'unit:', one of {', '.join(UNITS)}")
            )
        if finding.minimum is None or finding.maximum is None:
            found.append(
                ("type", f"'{finding.id}' is a number finding; give the plausible 'minimum:' and 'maximum:'")
            )
        elif finding.minimum >= finding.maximum:
            found.append(("maximum", f"the 'maximum' of '{finding.id}' must be above its 'minimum'"))
        return found


def no_words(label: str) -> str:
    """A finding not reported, in words: "no back pain", "no temperature of 37.5 °C ..." (not
    "no a temperature"), "not the ..." where an article cannot be dropped."""
    for article in ("a ", "an "):
        if label.startswith(article):
            return f"no {label[len(article) :]}"
    return f"not {label}" if label.startswith(("the ", "your ")) else f"no {label}"


def _no_number_fields(finding: FindingLike) -> list[tuple[str, str]]:
    return [
        (name, f"'{name}' is only for number findings; '{finding.id}' is {kind_of(finding).words}")
        for name in ("unit", "minimum", "maximum")
        if getattr(finding, name) is not None
    ]


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


KINDS: dict[str, Kind] = {kind.name: kind for kind in (YesNo(), Choice(), Number(), Several())}
DEFAULT = "yes_no"  # the kind of a finding that names none


def kind_of(finding: FindingLike) -> Kind:
    return KINDS[finding.type]
