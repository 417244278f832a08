"""The emergency number a person is shown, and the one instruction an emergency ends on.

The number comes from the rule book's guidance (`emergency_numbers`): the country's own when
the country is known (`--country`, then METASYMPTOMS_COUNTRY, then the locale), otherwise
every common number ("911 / 999 / 112"). Pure functions; the environment is passed in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from metasymptoms.core.model import EmergencyNumbers, RuleBook
from metasymptoms.core.problems import UsageError

ANYWHERE = "911 / 999 / 112"  # a rule book without an `emergency_numbers` table
COUNTRY_VARIABLE = "METASYMPTOMS_COUNTRY"


def shown_number(book: RuleBook) -> str:
    """The number text this book shows: one country's, or every common one."""
    numbers = book.guidance.emergency_numbers
    return numbers.anywhere if numbers else ANYWHERE


def number_line(book: RuleBook) -> str:
    """The line every start and every stop in an emergency carries."""
    return f"If this is an emergency, stop now and call your local emergency number ({shown_number(book)})."


def action(book: RuleBook) -> str:
    """The one instruction an emergency ends on."""
    return (
        f"Call your local emergency number ({shown_number(book)}) now, "
        "or go to the nearest emergency department."
    )


def country_from(given: str | None, environ: Mapping[str, str]) -> tuple[str | None, bool]:
    """The country code to use, and whether the person named it (an option or the variable)
    rather than the locale guessing it. The locale is read as LC_ALL, LC_MESSAGES, then LANG
    ("en_AU.UTF-8" -> "AU"); "C" and "POSIX" name no country."""
    if given:
        return given.strip().upper(), True
    if environ.get(COUNTRY_VARIABLE, "").strip():
        return environ[COUNTRY_VARIABLE].strip().upper(), True
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            language = value.split(".")[0].split("@")[0]
            _, _, territory = language.partition("_")
            return (territory.upper() if len(territory) == 2 else None), False
    return None, False


def for_country(book: RuleBook, country: str | None, *, named: bool = True) -> RuleBook:
    """The rule book as this person sees it: the country's number wherever the book writes
    every common number. An unknown country the person named is a usage error (exit 2);
    one guessed from the locale falls back to every common number."""
    numbers = book.guidance.emergency_numbers
    if country is None or numbers is None:
        return book
    known = {entry.country: entry.number for entry in numbers.countries}
    if country not in known:
        if not named:
            return book
        raise UsageError(
            f"no emergency number is known for the country '{country}'. Known countries: "
            f"{', '.join(sorted(known))}. Leave out --country to be shown {numbers.anywhere}."
        )
    number = known[country]

    def local(text: str) -> str:
        return text.replace(numbers.anywhere, number)

    guidance = book.guidance
    advice = dataclasses.replace(guidance.advice, emergency=local(guidance.advice.emergency))
    guidance = dataclasses.replace(
        guidance,
        advice=advice,
        emergency_signs=tuple(local(sign) for sign in guidance.emergency_signs),
        # From here on the book knows one number: the person's own.
        emergency_numbers=EmergencyNumbers(anywhere=number),
    )
    flags = tuple(dataclasses.replace(flag, advice=local(flag.advice)) for flag in book.red_flags)
    return dataclasses.replace(book, guidance=guidance, red_flags=flags)
