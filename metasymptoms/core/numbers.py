"""The emergency number a person is shown, filled in from the rule book's one table.

guidance.yaml's `emergency_numbers` lists each country's number and `anywhere` (every common
one, for a person whose country is not known); book.yaml's `emergency_number` chooses which
the book shows. Every sentence that gives the number writes {emergency_number} where it goes
(model_base.NumberedText), so a book's number is changed in one place and no sentence is left
with another. Pure functions.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from metasymptoms.core.guidance import EmergencyNumbers
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import EMERGENCY_NUMBER
from metasymptoms.core.problems import UsageError
from metasymptoms.core.safetext import quoted

if TYPE_CHECKING:
    from metasymptoms.core.loader import LoadedBook

ANYWHERE = "anywhere"  # book.yaml's word for every common number


def number_for(numbers: EmergencyNumbers, country: str) -> str | None:
    """The number for a country code, `anywhere` included; None for a country not listed."""
    if country == ANYWHERE:
        return numbers.anywhere
    return next((entry.number for entry in numbers.countries if entry.country == country), None)


def book_number(book: RuleBook) -> str:
    """The number the book shows when the person's country is not known (book.yaml)."""
    chosen = book.info.emergency_number if book.info else ANYWHERE
    return number_for(book.guidance.emergency_numbers, chosen) or book.guidance.emergency_numbers.anywhere


def for_country(loaded: LoadedBook, country: str | None, *, named: bool = True) -> RuleBook:
    """The rule book as this person sees it: their country's number wherever a sentence gives
    the number. An unknown country the person named is a usage error (exit 2); one guessed
    from the locale falls back to the book's own number."""
    if country is None:
        return loaded.book
    numbers = loaded.written.guidance.emergency_numbers
    number = number_for(numbers, country)
    if number is None:
        if not named:
            return loaded.book
        known = sorted(entry.country for entry in numbers.countries)
        raise UsageError(
            f"no emergency number is known for the country {quoted(country)}. Known countries: "
            f"{', '.join(known)}. Leave out --country to be shown {book_number(loaded.written)}."
        )
    return numbered(loaded.written, number)


def numbered(book: RuleBook, number: str) -> RuleBook:
    """The book as written, with `number` wherever a sentence holds {emergency_number}: the
    guidance (its advice, first steps, emergency signs and wording) and each warning sign's
    advice. Text of any other kind holds no placeholder (model_base.Text refuses one)."""
    guidance = _filled(book.guidance, number)
    flags = tuple(
        dataclasses.replace(flag, advice=flag.advice.replace(EMERGENCY_NUMBER, number))
        for flag in book.red_flags
    )
    return dataclasses.replace(book, guidance=guidance, red_flags=flags)


def _filled(value: Any, number: str) -> Any:
    """`value` with the number filled into every string it holds (dataclasses and tuples
    walked; an unchanged part is kept as it was)."""
    if isinstance(value, str):
        return value.replace(EMERGENCY_NUMBER, number)
    if isinstance(value, tuple):
        return tuple(_filled(item, number) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            new = _filled(old, number)
            if new is not old and new != old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
