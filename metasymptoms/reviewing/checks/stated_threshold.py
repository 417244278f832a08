"""stated-threshold: the words state a number that the rules no longer test.

A warning sign, a question or a label that says "a temperature of 37.5 °C or higher" is read
by a person deciding whether it applies to them; the engine decides by the number in the
rules (`implies_from` of a number finding, `at_least` and `below` in a condition). When one
moves and the other does not, the person reads one number and is judged by another.

Each number stated in a number finding's unit (written straight before the unit: "37.5 °C",
"3 to 5 times in 24 hours", "6 or more times in 24 hours") must be one the rules test there:
- in a warning sign's title and advice, or a site rule's why: the numbers its condition
  compares, and where it names a finding that a number implies, the number it starts at;
- in the label and the question of a finding that a number implies: that number;
- in the guidance's emergency list: the numbers of every emergency warning sign.
The end of a range of whole counts may be one below the number ("3 to 5 times" is at least
3 and below 6). Numbers not written before a unit (6 weeks, 24 hours, "for example 38.2"
in a question's help) are not thresholds and are left alone. A temperature in °F given in
brackets after one in °C ("37.5 °C (99.5 °F)") must be that one, converted to the tenth.

PASS: `temperature: {implies_from: 37.5, implies: fever}` and the fever question "Do you
have a temperature of 37.5 °C (99.5 °F) or higher?"
FAIL: `implies_from: 38` with the same question:

    questions.yaml:105:44: [warning] the question says 37.5 °C, but 'fever' starts at 38 °C
    (the implies_from of 'temperature'); change the words or the number (stated-threshold)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metasymptoms.core.conditions import Compare, Condition, atoms, findings_in
from metasymptoms.core.kinds_number import UNITS, celsius_to_fahrenheit
from metasymptoms.core.model import Urgency
from metasymptoms.core.problems import Location

if TYPE_CHECKING:
    import datetime

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.model import RuleBook
    from metasymptoms.core.yamlfile import Path_

ID = "stated-threshold"
LEVEL = "warning"

_NUMBER = r"\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Threshold:
    """A number the rules test, in a finding's unit, and how a message names it."""

    value: float
    below: bool  # a condition's `below` (the end of a range stated "3 to 5" is below 6)
    finding: str  # the number finding
    unit: str  # its unit ("celsius")
    # How a message names it, said once for the numbers of one subject: "'fever' now starts
    # at" "38 °C (the implies_from of 'temperature')"; "the rules test 'X'" "below 36 °C".
    subject: str
    words: str


@dataclass(frozen=True)
class _Text:
    """A text a person reads, where it is written, and the numbers it may state."""

    kind: str  # the item's kind as the book's layout names it ("red_flag", "question", ...)
    item: str
    steps: Path_
    field: str  # the text as a message names it ("the advice")
    text: str
    numbers: tuple[Threshold, ...]
    # Numbers it may also state, as a reference to another sign ("If you have been sick 6 or
    # more times in 24 hours, ... be seen today"), in an advice: those other signs test on
    # the same number findings.
    also: tuple[Threshold, ...] = ()


def _number(value: float) -> str:
    return f"{value:g}"


def _compared(book: RuleBook, condition: Condition) -> list[Threshold]:
    """The numbers a condition compares number findings with, in their units."""
    found = []
    for atom in atoms(condition):
        if not isinstance(atom, Compare):
            continue
        spec = book.finding(atom.finding)
        if spec.unit not in UNITS:
            continue
        symbol = UNITS[spec.unit].symbol
        for bound, said in ((atom.at_least, "from"), (atom.below, "below")):
            if bound is not None:
                words = f"{said} {_number(bound)} {symbol}"
                subject = f"the rules test '{spec.label}'"
                found.append(Threshold(float(bound), said == "below", spec.id, spec.unit, subject, words))
    return found


def _implied(book: RuleBook) -> dict[str, list[Threshold]]:
    """For each finding a number implies, the number it starts at (`implies_from`)."""
    found: dict[str, list[Threshold]] = {}
    for spec in book.findings:
        if spec.implies_from is None or spec.implies is None or spec.unit not in UNITS:
            continue
        subject = f"'{spec.implies}' starts at"
        words = f"{_number(spec.implies_from)} {UNITS[spec.unit].symbol} (the implies_from of '{spec.id}')"
        threshold = Threshold(float(spec.implies_from), False, spec.id, spec.unit, subject, words)
        found.setdefault(spec.implies, []).append(threshold)
    return found


def _texts(book: RuleBook) -> Iterator[_Text]:
    implied = _implied(book)

    def tested(condition: Condition) -> tuple[Threshold, ...]:
        named = [t for finding in findings_in(condition) for t in implied.get(finding, [])]
        return tuple(dict.fromkeys([*named, *_compared(book, condition)]))

    every = [t for item in _conditions(book) for t in _compared(book, item)]
    emergency: list[Threshold] = []
    for flag in book.red_flags:
        numbers = tested(flag.when)
        if flag.urgency is Urgency.EMERGENCY:
            emergency += numbers
        also = tuple(t for t in every if t.finding in {own.finding for own in numbers})
        yield _Text("red_flag", flag.id, ("title",), "the title", flag.title, numbers)
        yield _Text("red_flag", flag.id, ("advice",), "the advice", flag.advice, numbers, also)
    for site in book.sites:
        for rule in site.rules:
            yield _Text("rule", rule.id, ("why",), "the explanation", rule.why, tested(rule.when))
    for finding, starts in implied.items():
        yield _Text("finding", finding, ("label",), "the label", book.finding(finding).label, tuple(starts))
    for question in book.questions:
        if question.finding in implied:
            starts = implied[question.finding]
            yield _Text("question", question.finding, ("text",), "the question", question.text, tuple(starts))
    listed = tuple(dict.fromkeys(emergency))
    for n, sign in enumerate(book.guidance.emergency_signs):
        yield _Text("guidance", "guidance", ("emergency_signs", n), "the emergency list", str(sign), listed)


def _conditions(book: RuleBook) -> list[Condition]:
    """The conditions of every warning sign and site rule."""
    return [flag.when for flag in book.red_flags] + [rule.when for site in book.sites for rule in site.rules]


def _stated(unit: str) -> re.Pattern[str]:
    """A number, or a range of two, written straight before the unit ("3 to 5 times in 24
    hours", "6 or more times in 24 hours", "37.5 °C")."""
    symbol = r"\s+".join(re.escape(word) for word in UNITS[unit].symbol.split())
    return re.compile(
        rf"(?<![\d.])(?P<low>{_NUMBER})(?:\s+to\s+(?P<high>{_NUMBER}))?(?:\s+or\s+more)?\s*{symbol}"
    )


_CONVERTED = re.compile(rf"(?<![\d.])(?P<celsius>{_NUMBER})\s*°C\s*\((?P<fahrenheit>{_NUMBER})\s*°F\)")


def problems(book: RuleBook) -> Iterator[tuple[_Text, str, int, str]]:
    """Each stated number the rules do not test: the text, the number as written, which of
    its kind in the text it is, and what is wrong."""
    for text in _texts(book):
        for unit in dict.fromkeys(t.unit for t in text.numbers):
            tested = {t.value for t in (*text.numbers, *text.also) if t.unit == unit}
            ends = {t.value - 1 for t in (*text.numbers, *text.also) if t.unit == unit and t.below}
            told = _told([t for t in text.numbers if t.unit == unit])
            for match in _stated(unit).finditer(text.text):
                for written, high in ((match.group("low"), False), (match.group("high"), True)):
                    if written is None:
                        continue
                    value = float(written)
                    if (value in ends) if high and value.is_integer() else (value in tested):
                        continue
                    phrase = " ".join(match.group(0).split())
                    said = f"{text.field} says {phrase}, but {told}; change the words or the number"
                    yield text, written, _nth(text.text, written, match.start()), said
        for match in _CONVERTED.finditer(text.text):
            celsius, fahrenheit = match.group("celsius", "fahrenheit")
            right = celsius_to_fahrenheit(float(celsius))
            if float(fahrenheit) != right:
                said = (
                    f"{text.field} says {celsius} °C ({fahrenheit} °F), but {celsius} °C is "
                    f"{_number(right)} °F; change the °F"
                )
                yield text, fahrenheit, _nth(text.text, fahrenheit, match.start("fahrenheit")), said


def _told(numbers: list[Threshold]) -> str:
    """The numbers the rules test, each subject said once."""
    said: dict[str, list[str]] = {}
    for threshold in numbers:
        said.setdefault(threshold.subject, []).append(threshold.words)
    return ", and ".join(f"{subject} {' and '.join(words)}" for subject, words in said.items())


def _nth(text: str, written: str, at: int) -> int:
    """Which match of the number as written (`_number_at`) in the text the one at `at` is:
    the same one in the file, where folding changes only the spaces around it."""
    return sum(1 for found in _number_at(written).finditer(text) if found.start() < at)


def _number_at(written: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.]){re.escape(written)}(?![\d])(?!\.\d)")


def check(loaded: LoadedBook, today: datetime.date) -> Iterable[tuple[Location, str]]:
    for text, written, nth, said in problems(loaded.book):
        file, path = loaded.paths[(text.kind, text.item)]
        doc = loaded.documents.get(file)
        if doc is None:
            yield loaded.at(text.kind, text.item, *text.steps), said
            continue
        position = doc.position_in(path + text.steps, _number_at(written), nth)
        yield Location(file, position.line, position.column), said
