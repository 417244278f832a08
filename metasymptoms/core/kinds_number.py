"""A number finding: a measurement in its unit and plausible range, or not measured, or not sure."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from metasymptoms.core.kinds_base import (
    UNSURE,
    UNSURE_SPELLINGS,
    Answer,
    BadAnswer,
    FindingLike,
    Kind,
)
from metasymptoms.core.safetext import quoted

if TYPE_CHECKING:
    from metasymptoms.core.wording_answers import AnswerWords


@dataclass(frozen=True)
class Unit:
    # How an answers file may write it after a number ("38.4 °C"); the words a person reads
    # a number in are the book's (wording.answer_words, by the unit's name).
    symbol: str
    words: str  # how the unit is named in a message to an answers file's author
    other: tuple[str, ...] = ()  # other spellings accepted, converted (e.g. "F")


UNITS: dict[str, Unit] = {
    "celsius": Unit("°C", "degrees Celsius", ("F", "°F", "fahrenheit")),
    "times_in_24_hours": Unit("times in 24 hours", "times in the last 24 hours"),
}


def fahrenheit_to_celsius(value: float) -> float:
    """Degrees Fahrenheit in Celsius, to the tenth a thermometer shows.

    >>> fahrenheit_to_celsius(101.3)
    38.5
    """
    return round((value - 32) * 5 / 9, 1)


def celsius_to_fahrenheit(value: float) -> float:
    """Degrees Celsius in Fahrenheit, to the tenth, as the rule book's words give it beside a
    temperature ("37.5 °C (99.5 °F)").

    >>> celsius_to_fahrenheit(37.5)
    99.5
    """
    return round(value * 9 / 5 + 32, 1)


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
                if written in ("", unit.symbol, unit.symbol.removeprefix("°")):  # "38.4", "38.4 °C", "38.4 C"
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
                f"'{finding.id}' is {_as_written(value)} {unit.symbol}, outside {_number(low)} to "
                f"{_number(high)} {unit.symbol}{hint}"
            )
        return value

    def text(self, finding: FindingLike, value: Answer, words: AnswerWords) -> str:
        if value == UNSURE:
            return words.not_sure
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        fahrenheit = _number(celsius_to_fahrenheit(value)) if finding.unit == "celsius" else ""
        return words.measured(finding.unit or "", _number(value), fahrenheit)

    def default_option(self, finding: FindingLike) -> str:
        return ""  # Enter: not measured, not given

    def allowed_defaults(self, finding: FindingLike) -> list[str]:
        return []

    def option_of(self, value: Answer) -> str:
        return _as_written(value) if isinstance(value, float) else str(value)  # Enter keeps 38.25, not 38.2

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
        """Next intervals said as one ("3 or more but below 7"), the lowest as "below N" and
        every number as "any number": the domain is the cuts in order (the first is the
        plausible minimum), then not measured and not sure."""
        cuts = [value for value in domain if _is_number(value)]
        chosen = [cut in values for cut in cuts]
        parts = []
        for index, cut in enumerate(cuts):
            if chosen[index] and (index == 0 or not chosen[index - 1]):
                last = index
                while last + 1 < len(cuts) and chosen[last + 1]:
                    last += 1
                upper = cuts[last + 1] if last + 1 < len(cuts) else None
                parts.append(_interval(cut if index else None, upper))
        parts += ["not measured"] if None in values else []
        parts += ["not sure"] if UNSURE in values else []
        said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", or " + parts[-1]
        return f"{finding.label}: {said}"

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


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"  # never "1e+06"


def _as_written(value: float) -> str:
    """A refused number as the file gave it, not rounded: rounded to one decimal, 44.05 read
    "44.0 °C, outside 30 to 44 °C", a refusal that contradicts itself."""
    return re.sub(r"\.?0+$", "", f"{value:.6f}")  # 45.000000 is 45, 44.050000 is 44.05


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _interval(low: float | None, upper: float | None) -> str:
    """Numbers from `low` (None: the lowest) up to below `upper` (None: no upper bound)."""
    if low is None:
        return "any number" if upper is None else f"below {upper:g}"
    return f"{low:g} or more" + (f" but below {upper:g}" if upper is not None else "")
