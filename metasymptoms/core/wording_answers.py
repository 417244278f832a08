"""The words for an answer, whatever its kind, and the words that join a list (guidance.yaml
`wording.answer_words` and `wording.lists`). The kinds (core/kinds_*.py) are given these
models by their callers, so a kind reads no file and writes no sentence of its own: every
word a person reads of an answer is written in the rule book, none here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from pydantic import with_config

from metasymptoms.core.model_base import FORBID_EXTRA, TEXT, Text, filled, holding


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class TemperatureWords:
    """A temperature in degrees Celsius: the unit's symbol after a typed number, and a
    temperature told back, in Fahrenheit too."""

    symbol: Text  # "°C"
    told: Annotated[str, TEXT, holding("amount", "fahrenheit")]
    in_a_form: Text  # how to type it in the questions exported as a form (no °F there)


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class CountWords:
    """A count: its unit after a typed number, and a count told back."""

    symbol: Text  # "times in 24 hours"
    told: Annotated[str, TEXT, holding("amount")]
    in_a_form: Text  # how to type it in the questions exported as a form


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class AnswerWords:
    """An answer as a person reads it, and the answers a question offers beside a finding's
    own choices. The values typed in an answers file ("yes", "no", "not sure") are not
    these: they are the answers file's format, the same in every language."""

    answer_yes: Text
    answer_no: Text
    not_sure: Text  # an answer told back
    offer_not_sure: Text  # offered beside yes and no, and beside a "which of these" list
    none_of_these: Text  # a "which of these" question: offered, and told back
    yes_not_said_which: Text  # an answers file's yes to a "which of these" question
    # A symptom told by its own words: not sure of it, and a "which of these" with the ones
    # that apply, apart by `which_between`.
    finding_not_sure: Annotated[str, TEXT, holding("finding")]
    finding_which: Annotated[str, TEXT, holding("finding", "which")]
    which_between: Text
    # One for each unit a number finding may have (core/kinds_number.py UNITS).
    celsius: TemperatureWords
    times_in_24_hours: CountWords

    def unit(self, unit: str) -> TemperatureWords | CountWords:
        words: TemperatureWords | CountWords = getattr(self, unit)
        return words

    def measured(self, unit: str, number: str, fahrenheit: str = "") -> str:
        """A number told back in its unit's words: "38.4 °C (101.1 °F)"."""
        return filled(self.unit(unit).told, amount=number, fahrenheit=fahrenheit)


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class StatusWords:
    """The rule book's version and status, in the one line every result, summary, page and
    document gives (core/status.py): a draft until a named clinician signs it off."""

    draft_no_version: Text
    draft: Annotated[str, TEXT, holding("version")]
    signed_off: Annotated[str, TEXT, holding("version", "signer", "role", "date")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ListWords:
    """The words that join a list a person reads: "a, b and c", "a, b or c"; and, for a list of
    answers where an item has a comma of its own, "a, such as b; and c". A list with nothing
    before its last item is joined by `between` alone ("a, b, c"), or `apart` ("a; b; c")."""

    between: Text  # between the items before the last: ", "
    every: Annotated[str, TEXT, holding("most", "final")]  # "{most} and {final}"
    either: Annotated[str, TEXT, holding("most", "final")]  # "{most} or {final}"
    apart: Text  # between every item, the last too, when one has a comma: "; "

    def all_of(self, items: Iterable[str]) -> str:
        """Every item, as one list: "a, b and c"."""
        return self._joined(list(items), self.every)

    def all_of_apart(self, items: Iterable[str]) -> str:
        """Every item, as one list, each set apart when one before the last has a comma of its own: "taking
        steroid tablets, such as dexamethasone or prednisolone; and a central line, PICC line
        or port" (with a bare "and", the line read as one of the steroids). For lists of whole
        answers; a condition's nested parts keep `all_of`."""
        items = list(items)
        # Only a comma before the last item blurs where one item ends: "your history of cancer
        # and a lump in the neck, armpit or groin" reads plainly ("...cancer; and a lump" did not).
        if len(items) < 2 or not any("," in item for item in items[:-1]):
            return self.all_of(items)
        # The last item is set apart too, before the joining word: "a; b; and c".
        return filled(self.every, most=self.apart.join(items[:-1]) + self.apart.rstrip(), final=items[-1])

    def one_of(self, items: Iterable[str]) -> str:
        """The items, as a choice of one: "a, b or c"."""
        return self._joined(list(items), self.either)

    def _joined(self, items: list[str], last: str) -> str:
        if len(items) < 2:
            return "".join(items)
        return filled(last, most=self.between.join(items[:-1]), final=items[-1])
