"""The emergency number: one table in guidance.yaml, chosen by book.yaml, filled into every
sentence that writes {emergency_number}, and every mistake in it located as file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.loader import LoadedBook, load, load_book
from metasymptoms.core.numbers import for_country
from metasymptoms.core.problems import UsageError
from tests.helpers import TINY, problems_of, write_book

BOOK_YAML = """\
name: A tiny book
version: "0.1"
status: draft
intended_purpose: Tests.
emergency_number: {chosen}
"""


def tiny_with_us(folder: Path) -> Path:
    """The tiny book's table with the United States added."""
    guidance = folder / "guidance.yaml"
    table = '    - {country: GB, number: "999", name: United Kingdom}\n'
    guidance.write_text(
        guidance.read_text().replace(
            table, table + '    - {country: US, number: "911", name: United States}\n'
        )
    )
    return folder


def with_guidance(tmp_path: Path, old: str, new: str) -> list[str]:
    assert old in TINY["guidance.yaml"]
    return problems_of(
        write_book(tmp_path / "rules", {"guidance.yaml": TINY["guidance.yaml"].replace(old, new)})
    )


def test_every_sentence_that_gives_the_number_gets_the_one_the_book_shows(shipped: LoadedBook) -> None:
    book = shipped.book
    said = [
        book.guidance.wording.emergency.number_line,
        book.guidance.wording.emergency.action,
        book.guidance.wording.emergency.signs_heading,
        book.guidance.wording.export.emergency,
        book.guidance.first_steps.emergency_services,
        book.guidance.first_steps.cancer_team_line,
        book.guidance.advice.emergency,
        *[flag.advice for flag in book.red_flags if flag.urgency.value == "emergency"],
    ]
    assert all("911 / 999 / 112" in text and "{" not in text for text in said)
    # As written, the rule book holds the placeholder, never the number itself.
    written = shipped.written
    assert written.guidance.wording.emergency.number_line == (
        "If this is an emergency, stop now and call your local emergency number ({emergency_number})."
    )
    assert not [flag.id for flag in written.red_flags if "911" in flag.advice]


def test_a_person_in_a_country_of_the_table_is_given_its_number_everywhere(shipped: LoadedBook) -> None:
    british = for_country(shipped, "GB")
    texts = [
        british.guidance.wording.emergency.action,
        british.guidance.advice.emergency,
        *[flag.advice for flag in british.red_flags],
    ]
    assert not [text for text in texts if "911" in text or "{emergency_number}" in text]
    assert british.guidance.wording.emergency.action == (
        "Get help now, as the advice above says. Your local emergency number is 999; or go to "
        "the nearest emergency department."
    )


def test_book_yaml_chooses_the_number_a_person_with_no_country_is_shown(tmp_path: Path) -> None:
    folder = write_book(tmp_path / "rules", {"book.yaml": BOOK_YAML.format(chosen="GB")})
    book = load_book(folder)
    assert book.guidance.wording.emergency.number_line == "In an emergency call 999."
    assert book.guidance.first_steps.emergency_services == "Call 999 now."
    # The person's own country comes first.
    assert load_book(tiny_with_us(folder), "US").guidance.wording.emergency.action == "Get help now on 911."


def test_the_shipped_book_shows_every_common_number_unless_told_otherwise(shipped: LoadedBook) -> None:
    assert shipped.book.info is not None and shipped.book.info.emergency_number == "anywhere"
    assert shipped.written.guidance.emergency_numbers.anywhere == "911 / 999 / 112"
    uk = next(
        entry for entry in shipped.written.guidance.emergency_numbers.countries if entry.country == "GB"
    )
    assert (uk.number, uk.out_of_hours) == ("999", "NHS 111")


def test_a_country_missing_from_the_table_is_located_in_book_yaml(tmp_path: Path) -> None:
    folder = write_book(tmp_path / "rules", {"book.yaml": BOOK_YAML.format(chosen="GR")})
    assert problems_of(folder) == [
        "rules/book.yaml:5:19: [error] no emergency number is listed for the country 'GR' in "
        "guidance.yaml's emergency_numbers; write one of its countries, or anywhere (schema)"
    ]


def test_a_choice_that_is_not_a_country_code_is_located(tmp_path: Path) -> None:
    folder = write_book(tmp_path / "rules", {"book.yaml": BOOK_YAML.format(chosen="everywhere")})
    assert problems_of(folder) == [
        "rules/book.yaml:5:19: [error] 'everywhere' is not a country code; write anywhere (every "
        "common number) or a two-letter country code, like GB (schema)"
    ]


def test_a_misspelt_placeholder_is_located(tmp_path: Path) -> None:
    assert with_guidance(tmp_path, "Call {emergency_number} now.", "Call {emergency_numbr} now.") == [
        "rules/guidance.yaml:33:23: [error] 'emergency_services': {emergency_numbr} is not a word the "
        "book fills in; write {emergency_number} where the emergency number goes (schema)"
    ]


def test_a_sentence_that_gives_the_number_must_hold_the_placeholder(tmp_path: Path) -> None:
    assert with_guidance(
        tmp_path, "In an emergency call {emergency_number}.", "In an emergency call 999."
    ) == [
        "rules/guidance.yaml:37:18: [error] 'number_line': write {emergency_number} where the "
        "emergency number goes: this sentence gives it (schema)"
    ]


def test_a_placeholder_where_nothing_is_filled_in_is_located(tmp_path: Path) -> None:
    red_flags = TINY["red_flags.yaml"].replace("title: Cord pressure", "title: Call {emergency_number}")
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": red_flags})
    assert problems_of(folder) == [
        "rules/red_flags.yaml:3:12: [error] 'title': {emergency_number} is not filled in here; only "
        "advice, first steps, emergency signs and wording hold the emergency number (schema)"
    ]


def test_a_red_flags_advice_may_give_the_number(tmp_path: Path) -> None:
    red_flags = TINY["red_flags.yaml"].replace(
        "advice: Call your local emergency number now.", "advice: Call {emergency_number} now."
    )
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": red_flags})
    assert load(folder).book.red_flags[0].advice == "Call 911 / 999 / 112 now."
    assert for_country(load(folder), "GB").red_flags[0].advice == "Call 999 now."


def test_an_unknown_country_the_person_named_is_a_usage_error(tiny: Path) -> None:
    with pytest.raises(UsageError) as refused:
        load_book(tiny, "FR")
    assert str(refused.value) == (
        "no emergency number is known for the country 'FR'. Known countries: GB. Leave out "
        "--country to be shown 911 / 999 / 112."
    )
    assert load_book(tiny, "FR", named=False).guidance.first_steps.emergency_services == (
        "Call 911 / 999 / 112 now."
    )
